"""The full reference data is loaded once per test module (it is 91,599 regions) and removed afterwards."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from django.db import connection

from lapor.agencies.models import Agency
from lapor.reference.models import Category, Region
from lapor.reference.services import reference_load_all


@dataclass(frozen=True)
class ReferenceLoad:
    counts: dict[str, int]
    seconds: float


def _wipe() -> None:
    # Raw deletes: the ORM would walk 91k PROTECT relations one batch at a time. Parent links are deferred
    # constraints on both SQLite and PostgreSQL, so deleting each whole table in one statement is valid.
    with connection.cursor() as cursor:
        for model in (Agency, Category, Region):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


@pytest.fixture(scope="module")
def reference_loaded(django_db_setup, django_db_blocker) -> ReferenceLoad:
    """Commit the whole reference load to the test database for this module; tests run on top of it (each in its
    own rolled-back transaction through the ``db`` fixture) and the tables are emptied at the end."""
    with django_db_blocker.unblock():
        if Region.objects.exists() or Category.objects.exists() or Agency.objects.exists():
            pytest.fail("the test database is expected to start without reference data")
        started = time.perf_counter()
        counts = reference_load_all()
        load = ReferenceLoad(counts=counts, seconds=time.perf_counter() - started)
        try:
            yield load
        finally:
            _wipe()
