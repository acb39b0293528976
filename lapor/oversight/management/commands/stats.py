"""``lapor stats refresh [--full]``: bring the statistics rollup up to date (the worker does it every few minutes)."""

from __future__ import annotations

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Refresh the statistics rollup behind dashboards and open data (--full rebuilds it from scratch)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        refresh = sub.add_parser("refresh", help="recompute what changed since the last refresh")
        refresh.add_argument("--full", action="store_true", help="rebuild every month and counter")

    def handle(self, *args, **options):
        from lapor.oversight.rollup import stats_refresh

        result = stats_refresh(full=options["full"])
        self.stdout.write(result.summary())
