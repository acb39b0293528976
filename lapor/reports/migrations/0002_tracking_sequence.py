"""Tracking numbers come from a native sequence on PostgreSQL (no row lock shared by concurrent submits).
SQLite uses the TrackingCounter row instead (its writers are serialised anyway).
"""

from django.db import migrations

SEQUENCE = "reports_tracking_seq"


def create_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE} START WITH 1000")


def drop_sequence(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(create_sequence, drop_sequence, elidable=False)]
