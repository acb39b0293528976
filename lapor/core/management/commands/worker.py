"""``lapor worker``: the background worker (huey consumer) — outbox delivery and the escalation sweep.

On the embedded default it uses a SQLite queue in the data directory; with LAPOR_REDIS_URL it uses Redis, and
any number of workers can run on any number of machines.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker (outbox delivery every minute, SLA sweep every LAPOR_SWEEP_MINUTES)."

    def handle(self, *args, **options):
        call_command("run_huey")
