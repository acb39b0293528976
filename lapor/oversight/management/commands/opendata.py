"""``lapor opendata dump [--out DIR]``: write today's dataset of published reports (redacted; never a secret
report, never an identity) as gzip-compressed CSV and JSON, and its manifest. The worker runs it every night.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Open data: dump the published reports (redacted) as CSV and JSON (gzip)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        dump = sub.add_parser("dump", help="write today's dataset")
        dump.add_argument("--out", help="directory (default: LAPOR_OPENDATA_DIR or MEDIA_ROOT/opendata)")

    def handle(self, *args, **options):
        from lapor.oversight.opendata import opendata_dump

        manifest = opendata_dump(out=Path(options["out"]) if options.get("out") else None)
        latest = manifest["latest"]
        self.stdout.write(f"{latest['records']} reports written to {latest['csv']} and {latest['json']}")
