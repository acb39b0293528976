"""``lapor mailin [--host 127.0.0.1] [--port 2525]``: the SMTP intake for reports and replies by e-mail."""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand

from lapor.channels.mailin import mailin_controller

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(BaseCommand):
    help = "Receive reports and replies by e-mail (SMTP) until stopped with Ctrl-C or SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=2525, help="Port to listen on (default 2525).")

    def handle(self, *args, **options):
        stop = threading.Event()
        previous = {signum: signal.signal(signum, lambda *_: stop.set()) for signum in STOP_SIGNALS}
        controller = mailin_controller(host=options["host"], port=options["port"])
        try:
            controller.start()
            self.stdout.write(f"LAPOR mailin: SMTP di {options['host']}:{options['port']} (berhenti: Ctrl-C)")
            self.stdout.flush()
            stop.wait()
        finally:
            controller.stop()
            controller.handler.close()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.stdout.write("LAPOR mailin: berhenti.")
