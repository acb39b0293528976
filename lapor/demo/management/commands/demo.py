"""``lapor demo [--port N]``: the whole system on this machine, in the foreground.

Creates the SQLite database (or uses DATABASE_URL), loads the reference data, builds the demo world once,
then serves the web application with gunicorn, starts the background worker (outbox delivery, SLA sweep)
and prints the URL and the demo logins.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from lapor.demo.world import DEMO_PASSWORD, DEMO_USERS, demo_world_build


class Command(BaseCommand):
    help = "Run LAPOR locally with reference data and a demo dataset (127.0.0.1, default port 8000)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--prepare-only", action="store_true", help="Set up the data, do not serve.")

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write("Menyiapkan basis data…")
        call_command("migrate", interactive=False, verbosity=0)
        from lapor.reference.services import reference_load_all

        counts = reference_load_all()
        self.stdout.write("Data referensi: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        result = demo_world_build()
        self.stdout.write(
            ("Dunia demo dibuat" if result.created else "Dunia demo sudah ada")
            + f": {result.reports} laporan ({time.monotonic() - started:.1f} s)"
        )
        call_command("collectstatic", interactive=False, verbosity=0)
        url = f"http://{options['host']}:{options['port']}/"
        self._print_logins(url)
        if options["prepare_only"]:
            return
        self._serve(options["host"], options["port"])

    def _print_logins(self, url: str) -> None:
        db = settings.DATABASES["default"]
        self.stdout.write("")
        self.stdout.write(f"LAPOR! berjalan di {url}")
        self.stdout.write(f"  Konsol petugas: {url}konsol/   Dasbor pengawasan: {url}dasbor/")
        self.stdout.write(f"  API: {url}api/v1/docs   Admin Django: {url}admin/")
        self.stdout.write(f"  Basis data: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
        self.stdout.write(f"  Login demo (kata sandi semua akun: {DEMO_PASSWORD}):")
        for username, full_name, _code, role in DEMO_USERS:
            self.stdout.write(f"    {username:<20} {role:<15} {full_name}")
        self.stdout.write(f"    {'warga':<20} {'pelapor':<15} Warga dengan akun")
        self.stdout.write("Tekan Ctrl+C untuk berhenti.")
        self.stdout.flush()

    def _serve(self, host: str, port: int) -> None:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.dev")}
        web = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"{host}:{port}",
                "--workers",
                "3",
                "--worker-class",
                "sync",
                "--no-control-socket",
                "--timeout",
                "60",
            ],
            env=env,
        )
        worker = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-c", "from lapor.cli import main; main(['worker'])"],
            env=env,
        )
        children = [web, worker]

        def stop(*_args):
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            stop()
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
