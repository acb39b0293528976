"""``lapor serve``: the production entry point — migrate, collect static files, run gunicorn (sync workers)."""

from __future__ import annotations

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run LAPOR in production with gunicorn sync workers (2 × cores + 1 by default)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("LAPOR_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("LAPOR_WORKERS", 2 * os.cpu_count() + 1)))
        parser.add_argument("--no-migrate", action="store_true", help="Do not apply migrations first.")

    def handle(self, *args, **options):
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        run_gunicorn(bind=options["bind"], workers=options["workers"])


def run_gunicorn(*, bind: str, workers: int) -> None:
    """Replace this process with gunicorn serving config.wsgi (settings module kept from the environment)."""
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--no-control-socket",
        "--access-logfile",
        "-",
        "--timeout",
        "60",
    ]
    os.execv(sys.executable, args)  # noqa: S606 - exec of our own interpreter with fixed arguments
