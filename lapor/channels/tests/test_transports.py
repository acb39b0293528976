"""The SMS and WhatsApp transports as the outbox uses them, against a local HTTP stand-in for the gateway."""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from lapor.channels.window import whatsapp_contact_seen
from lapor.notifications.delivery import outbox_deliver_due
from lapor.notifications.models import OutboxMessage, OutboxStatus
from lapor.notifications.services import outbox_enqueue
from lapor.notifications.transports import sms_coding

pytestmark = pytest.mark.django_db


class Gateway:
    """Answers every request with ``status`` and records the query strings (sendsms) or bodies (Graph API)."""

    def __init__(self) -> None:
        self.status = 202
        self.requests: list[dict] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                length = int(self.headers.get("Content-Length") or 0)
                gateway.requests.append({"query": query, "body": self.rfile.read(length), "headers": self.headers})
                self.send_response(gateway.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _answer  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def gateway(settings):
    fake = Gateway()
    settings.LAPOR_KANNEL_SENDSMS_URL = fake.url + "/cgi-bin/sendsms"
    settings.LAPOR_KANNEL_USER, settings.LAPOR_KANNEL_PASSWORD = "lapor", "sandi"
    settings.LAPOR_WHATSAPP_API_URL = fake.url + "/10001/messages"
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def enqueue(channel: str, body: str) -> OutboxMessage:
    with transaction.atomic():
        return outbox_enqueue(channel=channel, recipient="+6281234567890", kind="test", body=body)


def test_gsm_text_goes_7_bit_and_anything_else_ucs2():
    assert sms_coding("Laporan 10005273 diterima. Café @ Oebobo: 100% {ok} €5") == "0"
    assert sms_coding("Jalan rusak 🚧") == sms_coding("Dinas ‘PUPR’") == sms_coding("Kota – Kupang") == "2"


def test_sms_reaches_kannel_with_credentials_sender_and_coding(gateway):
    enqueue("sms", "Tindak lanjut laporan 10005273: café sudah ditutup.")
    enqueue("sms", "Laporan 10005273 🚧 sedang dikerjakan.")
    assert outbox_deliver_due().sent == 2
    first, second = (r["query"] for r in gateway.requests)
    assert first["username"] == ["lapor"] and first["password"] == ["sandi"] and first["from"] == ["1708"]
    assert first["to"] == ["+6281234567890"] and first["charset"] == ["UTF-8"]
    assert first["coding"] == ["0"] and first["text"] == ["Tindak lanjut laporan 10005273: café sudah ditutup."]
    assert second["coding"] == ["2"]


@pytest.mark.parametrize(
    ("status", "outcome"),
    [(403, OutboxStatus.FAILED), (429, OutboxStatus.FAILED), (400, OutboxStatus.DEAD), (503, OutboxStatus.FAILED)],
)
@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_refusals_are_retried_unless_permanent(gateway, channel, status, outcome):
    gateway.status = status
    whatsapp_contact_seen(phone="+6281234567890")  # inside the 24-hour window: free-form text
    message = enqueue(channel, "Laporan 10005273 diterima.")
    outbox_deliver_due()
    message.refresh_from_db()
    assert message.status == outcome and str(status) in message.last_error
