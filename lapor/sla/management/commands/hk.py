"""``lapor hk add DATE N [--agency CODE]`` and ``lapor hk between D1 D2 [--agency CODE]``.

The answer is printed alone on the last line (ISO date, or a number) so scripts can read it.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from lapor.sla.calendar import national_calendar


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from exc


class Command(BaseCommand):
    help = "Working-day (hari kerja) arithmetic with Indonesia's libur nasional and cuti bersama."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        add = sub.add_parser("add", help="the Nth working day after DATE")
        add.add_argument("date")
        add.add_argument("n", type=int)
        add.add_argument("--agency", help="agency code or SMS keyword (its closures count as non-working)")
        between = sub.add_parser("between", help="working days after D1 up to and including D2")
        between.add_argument("d1")
        between.add_argument("d2")
        between.add_argument("--agency")

    def handle(self, *args, **options):
        calendar = self._calendar(options.get("agency"))
        try:
            if options["op"] == "add":
                if options["n"] < 0:
                    raise CommandError("N must be zero or positive")
                result = calendar.add_working_days(_date(options["date"]), options["n"]).isoformat()
            else:
                result = str(calendar.working_days_between(_date(options["d1"]), _date(options["d2"])))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result)

    def _calendar(self, code: str | None):
        calendar = national_calendar()
        if not code:
            return calendar
        from lapor.agencies.services import agency_find
        from lapor.sla.selectors import agency_closures

        agency = agency_find(code)
        if agency is None:
            raise CommandError(f"unknown agency code or SMS keyword: {code}")
        return calendar.with_closures(agency_closures(agency))
