"""``lapor report monthly [--month YYYY-MM] [--agency CODE] [--send]``.

Without ``--send`` prints each agency's monthly report (the e-mail text); with it, e-mails the report to the
pimpinan of every agency that has one (through the outbox, at most once per agency and month). The month
defaults to the previous one.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from lapor.core import clock


class Command(BaseCommand):
    help = "Monthly reports per agency: print them, or e-mail them to the pimpinan (--send)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        monthly = sub.add_parser("monthly", help="the monthly report per agency")
        monthly.add_argument("--month", help="YYYY-MM (default: last month)")
        monthly.add_argument("--agency", help="agency code or SMS keyword (default: every agency with a pimpinan)")
        monthly.add_argument("--send", action="store_true", help="e-mail it to the pimpinan through the outbox")

    def handle(self, *args, **options):
        from lapor.oversight.monthly import (
            monthly_agencies,
            monthly_figures,
            monthly_send,
            monthly_text,
            previous_month,
        )
        from lapor.oversight.permissions import agency_lookup
        from lapor.oversight.rollup import stats_refresh
        from lapor.oversight.selectors import parse_month

        if options["month"]:
            month = parse_month(options["month"])
            if month is None:
                raise CommandError(f"not a month (YYYY-MM): {options['month']!r}")
        else:
            month = previous_month(clock.now().date())
        if options["agency"]:
            agency = agency_lookup(options["agency"])
            if agency is None:
                raise CommandError(f"unknown agency code or SMS keyword: {options['agency']}")
            agencies = [agency]
        else:
            agencies = monthly_agencies()
        stats_refresh()
        if options["send"]:
            result = monthly_send(month=month, agencies=agencies)
            self.stdout.write(
                f"{month:%Y-%m}: {result.sent} reports sent ({result.messages} e-mails), {result.skipped} skipped"
            )
            return
        with translation.override("id"):
            for agency in agencies:
                fig, before = monthly_figures(agency, month)
                self.stdout.write(monthly_text(agency, month, fig, before))
        if not agencies:
            self.stdout.write("no agency has a pimpinan: nothing to report (use --agency CODE)")
