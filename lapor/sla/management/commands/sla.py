"""``lapor sla sweep [--dry-run]``: run the escalation sweep once (the worker also runs it on a schedule).
``lapor sla closure CODE DATE REASON``: declare an agency's own non-working day.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from lapor.agencies.actors import Actor
from lapor.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Working-day clocks: run the escalation sweep, or add an agency closure."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        sweep = sub.add_parser("sweep", help="warn, escalate, file Ombudsman cases and auto-close what is due")
        sweep.add_argument("--dry-run", action="store_true", help="count what would happen, change nothing")
        closure = sub.add_parser("closure", help="declare a non-working day for an agency and its units")
        closure.add_argument("agency", help="agency code or SMS keyword")
        closure.add_argument("date", help="YYYY-MM-DD")
        closure.add_argument("reason")

    def handle(self, *args, **options):
        if options["op"] == "sweep":
            from lapor.sla.sweep import sla_sweep

            result = sla_sweep(dry_run=options["dry_run"])
            for tracking_id, error in result.errors:
                self.stderr.write(f"#{tracking_id}: {error}")
            self.stdout.write(result.summary())
            return
        from lapor.agencies.services import agency_find
        from lapor.sla.services import closure_add

        agency = agency_find(options["agency"])
        if agency is None:
            raise CommandError(f"unknown agency code or SMS keyword: {options['agency']}")
        try:
            day = dt.date.fromisoformat(options["date"])
            closure_add(agency=agency, date=day, reason=options["reason"], actor=Actor.system_admin())
        except ValueError as exc:
            raise CommandError(f"not a date (YYYY-MM-DD): {options['date']}") from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{agency.name}: {day.isoformat()} is now a non-working day")
