"""WhatsApp Business webhook: handshake, signatures, text/image/document messages against a local fake Graph API,
status callbacks, retries, and answers through the outbox back to the same fake API: free-form text inside the
24-hour window, templates outside it, and the Graph API's error answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.utils import translation
from PIL import Image

from conftest import bring_to
from lapor.channels.models import InboundMessage, WhatsAppContact
from lapor.channels.tests.conftest import CITIZEN
from lapor.channels.window import whatsapp_contact_seen, whatsapp_window_open
from lapor.core import clock
from lapor.notifications import transports
from lapor.notifications.delivery import outbox_deliver_due
from lapor.notifications.models import OutboxMessage, OutboxStatus
from lapor.notifications.services import outbox_enqueue
from lapor.reports.models import Attachment, Report
from lapor.reports.states import Status

pytestmark = pytest.mark.django_db
URL = "/channels/whatsapp/webhook"
WA_ID = CITIZEN.lstrip("+")


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


class FakeGraph:
    """Graph API stand-in on loopback: ``GET /<media-id>`` → JSON with a download URL, ``GET /files/<id>`` → bytes,
    ``POST /<phone-number-id>/messages`` → recorded. Only requests bearing the right token are served.
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.media: dict[str, bytes] = {}
        self.sent: list[dict] = []
        self.answers: list[tuple[int, dict]] = []  # (HTTP status, JSON body) for the next POSTs; then 200
        self.delay = 0.0
        self.requests: list[tuple[str, str]] = []
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                graph.requests.append((self.path, self.headers.get("Authorization", "")))
                if self.headers.get("Authorization") != f"Bearer {graph.token}":
                    return self._reply(401, b'{"error": {"message": "Invalid OAuth access token"}}')
                key = self.path.strip("/").removeprefix("files/")
                if key not in graph.media:
                    return self._reply(404, b'{"error": {"message": "Unsupported get request"}}')
                if self.path.startswith("/files/"):
                    return self._reply(200, graph.media[key], "image/jpeg")
                meta = {"url": f"{graph.url}/files/{key}", "mime_type": "image/jpeg", "id": key}
                return self._reply(200, json.dumps(meta).encode())

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                graph.sent.append({"path": self.path, **json.loads(self.rfile.read(length))})
                time.sleep(graph.delay)
                if graph.answers:
                    status, body = graph.answers.pop(0)
                    return self._reply(status, json.dumps(body).encode())
                return self._reply(200, b'{"messages": [{"id": "wamid.out"}]}')

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def graph(settings):
    fake = FakeGraph(settings.LAPOR_WHATSAPP_TOKEN)
    settings.LAPOR_WHATSAPP_GRAPH_URL = fake.url + "/"
    settings.LAPOR_WHATSAPP_API_URL = f"{fake.url}/10001/messages"
    yield fake
    fake.close()


def notification(*messages, statuses=None, name="Maria Ndun") -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6281100001708", "phone_number_id": "10001"},
        "contacts": [{"profile": {"name": name}, "wa_id": WA_ID}],
    }
    if messages:
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


def now_ts() -> str:
    return str(int(clock.now().timestamp()))


def text(body: str, wamid: str = "wamid.T1", timestamp: str | None = None) -> dict:
    return {"from": WA_ID, "id": wamid, "timestamp": timestamp or now_ts(), "type": "text", "text": {"body": body}}


def media(kind: str, media_id: str, caption: str = "", wamid: str = "wamid.M1", **extra) -> dict:
    body = {"id": media_id, "mime_type": "image/jpeg" if kind == "image" else "application/pdf", **extra}
    if caption:
        body["caption"] = caption
    return {"from": WA_ID, "id": wamid, "timestamp": now_ts(), "type": kind, kind: body}


def post(client, payload, *, hmac_key="app-secret-uji", signature=None):
    raw = json.dumps(payload).encode()
    if signature is None:
        signature = "sha256=" + hmac.new(hmac_key.encode(), raw, hashlib.sha256).hexdigest()
    headers = {"HTTP_X_HUB_SIGNATURE_256": signature} if signature else {}
    return client.post(URL, data=raw, content_type="application/json", **headers)


def replies() -> list[str]:
    return list(OutboxMessage.objects.filter(channel="whatsapp", recipient=CITIZEN).values_list("body", flat=True))


# --- handshake -----------------------------------------------------------------------------------------------


def test_verification_handshake_echoes_the_challenge(client):
    query = {"hub.mode": "subscribe", "hub.verify_token": "verifikasi-rahasia", "hub.challenge": "1158201444"}
    response = client.get(URL, query)
    assert response.status_code == 200 and response.content == b"1158201444"


def test_a_wrong_or_missing_verify_token_is_refused(client, settings):
    wrong = {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"}
    assert client.get(URL, wrong).status_code == 403
    assert client.get(URL, {"hub.verify_token": "verifikasi-rahasia", "hub.challenge": "1"}).status_code == 403
    settings.LAPOR_WHATSAPP_VERIFY_TOKEN = ""
    assert client.get(URL, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"}).status_code == 403


# --- signatures ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"signature": ""},
        {"signature": "sha256=" + "0" * 64},
        {"hmac_key": "rahasia-lain"},
        {"signature": "sha1=abc"},
    ],
    ids=["missing", "forged", "other-secret", "wrong-scheme"],
)
def test_an_unsigned_or_wrongly_signed_post_is_refused_and_nothing_is_stored(world, client, kwargs):
    response = post(client, notification(text("KOTKUPANG jalan rusak di depan SD Inpres Oebobo")), **kwargs)
    assert response.status_code == 403 and "tidak valid" in response.content.decode()
    assert not Report.objects.exists() and not OutboxMessage.objects.exists() and not InboundMessage.objects.exists()


def test_without_an_app_secret_every_post_is_refused(world, client, settings):
    settings.LAPOR_WHATSAPP_APP_SECRET = ""
    assert post(client, notification(text("Jalan rusak di Oebobo sejak lama")), hmac_key="").status_code == 403
    assert not Report.objects.exists()


def test_a_signed_body_that_is_not_json_is_a_clear_400(world, client):
    raw = b"bukan json"
    signature = "sha256=" + hmac.new(b"app-secret-uji", raw, hashlib.sha256).hexdigest()
    response = client.post(URL, data=raw, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature)
    assert response.status_code == 400 and "JSON" in response.content.decode()


# --- messages ------------------------------------------------------------------------------------------------


def test_a_text_message_files_a_report_and_the_answer_goes_back_on_whatsapp(world, client, graph):
    response = post(client, notification(text("KOTKUPANG jalan rusak di depan SD Inpres Oebobo")))
    report = Report.objects.get()
    assert response.status_code == 200 and response.json() == {"status": "ok", "messages": 1}
    assert report.channel == "whatsapp" and report.intake_agency == world.kupang
    assert report.reporter_phone == CITIZEN and report.reporter_name == "Maria Ndun"
    [ack] = replies()
    assert report.tracking_id in ack
    outbox_deliver_due()
    [sent] = graph.sent
    assert sent["path"] == "/10001/messages" and sent["to"] == WA_ID and report.tracking_id in sent["text"]["body"]


def test_a_retried_notification_files_once_and_answers_once(world, client, graph):
    payload = notification(text("KOTKUPANG jalan rusak di depan SD Inpres Oebobo"))
    assert post(client, payload).status_code == post(client, payload).status_code == 200
    assert Report.objects.count() == 1 and len(replies()) == 1


def test_status_callbacks_are_acknowledged_and_ignored(world, client):
    statuses = [{"id": "wamid.out", "status": "delivered", "timestamp": "1793581300", "recipient_id": WA_ID}]
    response = post(client, notification(statuses=statuses))
    assert response.status_code == 200 and response.json()["messages"] == 0
    assert not OutboxMessage.objects.exists() and not InboundMessage.objects.exists()


def test_an_empty_text_gets_the_help_and_nothing_is_stored(world, client):
    post(client, notification(text("   ")))
    assert not Report.objects.exists() and not InboundMessage.objects.exists()
    [help_text] = replies()
    assert "KATAKUNCI" in help_text


def test_a_photo_with_a_caption_is_filed_with_the_photo_attached(world, client, graph):
    graph.media["MEDIA-1"] = jpeg()
    post(client, notification(media("image", "MEDIA-1", caption="Jalan berlubang besar di depan SD Inpres Oebobo")))
    report = Report.objects.get()
    attachment = Attachment.objects.get(report=report)
    assert attachment.content_type == "image/jpeg" and report.body_original.startswith("Jalan berlubang")
    assert [path for path, _ in graph.requests] == ["/MEDIA-1", "/files/MEDIA-1"]
    assert all(auth == "Bearer token-graph-uji" for _, auth in graph.requests)


def test_a_photo_without_text_joins_the_report_just_filed(world, client, graph):
    graph.media["MEDIA-2"] = jpeg()
    post(client, notification(text("Jalan berlubang besar di depan SD Inpres Oebobo", wamid="wamid.A")))
    post(client, notification(media("image", "MEDIA-2", wamid="wamid.B")))
    report = Report.objects.get()
    assert report.attachments.count() == 1
    assert any(f"Lampiran diterima untuk laporan {report.tracking_id}" in r for r in replies())


def test_a_photo_without_text_and_without_a_report_is_refused_clearly(world, client, graph):
    graph.media["MEDIA-3"] = jpeg()
    post(client, notification(media("image", "MEDIA-3")))
    assert not Report.objects.exists() and not Attachment.objects.exists()
    assert any("belum ada laporan" in r for r in replies())


def test_a_pdf_document_is_attached(world, client, graph):
    graph.media["DOC-1"] = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"
    post(client, notification(media("document", "DOC-1", caption="Surat keluhan RSUD", filename="surat.pdf")))
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf" and attachment.original_name == "surat.pdf"


def test_a_file_that_is_not_a_photo_is_refused_but_the_report_is_filed(world, client, graph):
    graph.media["MEDIA-4"] = b"<html>bukan foto</html>"
    post(client, notification(media("image", "MEDIA-4", caption="Jalan berlubang besar di Oebobo sejak lama")))
    report = Report.objects.get()
    assert not report.attachments.exists()
    assert any("Jenis berkas tidak diterima" in r and report.tracking_id in r for r in replies())


def test_an_unreachable_photo_does_not_lose_the_report(world, client, graph):
    post(client, notification(media("image", "HILANG", caption="Jalan berlubang besar di Oebobo sejak lama")))
    assert Report.objects.count() == 1 and not Attachment.objects.exists()
    assert any("tidak dapat diunduh" in r for r in replies())


def test_a_voice_note_gets_told_what_is_accepted_once(world, client):
    voice = {"from": WA_ID, "id": "wamid.V", "timestamp": "1793581200", "type": "audio", "audio": {"id": "A1"}}
    post(client, notification(voice))
    post(client, notification(voice))
    assert not Report.objects.exists()
    [answer] = replies()
    assert "teks, foto, atau dokumen PDF" in answer


def test_a_message_while_information_is_requested_answers_it(world, client):
    report = bring_to(world, "pending_info", reporter_phone=CITIZEN)
    post(client, notification(text("Alamatnya Jl. Soeharto no. 12, Naikoten.")))
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED and Report.objects.count() == 1
    assert any("Informasi untuk laporan" in r for r in replies())


def test_a_whatsapp_reporter_hears_back_on_whatsapp(world, client):
    from lapor.reports import services as rs

    post(client, notification(text("Jalan berlubang besar di depan SD Inpres Oebobo")))
    report = Report.objects.get()
    rs.report_verify(report=report, actor=world.actor("nasional"), classification="pengaduan")
    kinds = OutboxMessage.objects.filter(report_id=report.pk, recipient=CITIZEN).values_list("channel", "kind")
    assert set(kinds) == {("whatsapp", "report.submitted"), ("whatsapp", "report.verified")}


# --- the 24-hour window and templates ----------------------------------------------------------------------------


def test_the_webhook_remembers_when_a_number_last_wrote(world, client):
    earlier = clock.now() - dt.timedelta(hours=2)
    post(client, notification(text("Jalan berlubang besar di depan SD Inpres Oebobo", timestamp=now_ts())))
    seen = WhatsAppContact.objects.get(phone=CITIZEN).last_inbound_at
    assert abs((seen - clock.now()).total_seconds()) < 5
    # Meta delivering an older message late does not move the window backwards.
    post(
        client,
        notification(text("Pesan lama yang tertunda", wamid="wamid.OLD", timestamp=str(int(earlier.timestamp())))),
    )
    assert WhatsAppContact.objects.get(phone=CITIZEN).last_inbound_at == seen
    assert whatsapp_window_open(CITIZEN)
    assert not whatsapp_window_open(CITIZEN, now=seen + dt.timedelta(hours=24))
    assert not whatsapp_window_open("+6285200000000")


def _last_wrote(hours_ago: float) -> None:
    whatsapp_contact_seen(phone=CITIZEN, at=clock.now() - dt.timedelta(hours=hours_ago))


def _notify(report, kind="report.verified", body="Laporan Anda sudah diverifikasi.", **payload) -> OutboxMessage:
    with transaction.atomic():
        return outbox_enqueue(
            channel="whatsapp",
            recipient=CITIZEN,
            kind=kind,
            body=body,
            report_id=report.pk if report else None,
            payload=payload,
        )


@pytest.fixture
def template(settings):
    settings.LAPOR_WHATSAPP_TEMPLATE = "lapor_status_laporan"
    settings.LAPOR_WHATSAPP_TEMPLATE_LANGUAGE = "id"
    return settings.LAPOR_WHATSAPP_TEMPLATE


def _status_label(report) -> str:
    with translation.override("id"):
        return str(Status(report.status).label)


def test_inside_the_window_a_notification_is_free_text(world, graph, template):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(23)
    message = _notify(report)
    assert outbox_deliver_due().sent >= 1
    [sent] = [m for m in graph.sent if m["biz_opaque_callback_data"] == str(message.delivery_id)]
    assert sent["type"] == "text" and sent["text"]["body"] == "Laporan Anda sudah diverifikasi."


def test_outside_the_window_the_template_carries_the_tracking_id_and_status(world, graph, template):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(25)
    message = _notify(report)
    outbox_deliver_due()
    [sent] = [m for m in graph.sent if m["biz_opaque_callback_data"] == str(message.delivery_id)]
    assert sent["type"] == "template" and sent["to"] == WA_ID and "text" not in sent
    assert sent["template"]["name"] == "lapor_status_laporan" and sent["template"]["language"] == {"code": "id"}
    [body] = sent["template"]["components"]
    assert body["type"] == "body"
    assert [p["text"] for p in body["parameters"]] == [report.tracking_id, _status_label(report)]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_a_number_that_never_wrote_gets_the_template(world, graph, template, settings):
    settings.LAPOR_WHATSAPP_TEMPLATES = {"report.closed": "lapor_laporan_selesai"}
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    message = _notify(report, kind="report.closed")
    outbox_deliver_due()
    [sent] = [m for m in graph.sent if m["biz_opaque_callback_data"] == str(message.delivery_id)]
    assert sent["template"]["name"] == "lapor_laporan_selesai"


def test_outside_the_window_without_a_template_the_message_is_a_dead_letter_with_its_reason(world, graph):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(30)
    message = _notify(report)
    outbox_deliver_due()
    message.refresh_from_db()
    assert message.status == OutboxStatus.DEAD and "no template configured" in message.last_error
    assert not [m for m in graph.sent if m["biz_opaque_callback_data"] == str(message.delivery_id)]


def test_outside_the_window_a_message_without_a_report_is_a_dead_letter(world, graph, template):
    _last_wrote(30)
    message = _notify(None, kind="channel.reply", body="Bantuan")
    outbox_deliver_due()
    message.refresh_from_db()
    assert message.status == OutboxStatus.DEAD and "no report" in message.last_error


def test_a_reengagement_refusal_is_sent_again_as_the_template_at_once(world, graph, template):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(1)
    message = _notify(report)
    refusal = {
        "error": {
            "message": "(#131047) Re-engagement message",
            "type": "OAuthException",
            "code": 131047,
            "error_data": {"details": "Message failed to send because more than 24 hours have passed"},
        }
    }
    graph.answers = [(400, refusal)]
    outbox_deliver_due()
    mine = [m for m in graph.sent if m["biz_opaque_callback_data"] == str(message.delivery_id)]
    assert [m["type"] for m in mine] == ["text", "template"]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


@pytest.mark.parametrize(
    ("status", "code", "outcome"),
    [
        (400, 131026, OutboxStatus.DEAD),  # message undeliverable: permanent, with Meta's reason
        (400, 132001, OutboxStatus.DEAD),  # template does not exist
        (400, 130429, OutboxStatus.FAILED),  # throughput reached: retried with backoff
        (429, 4, OutboxStatus.FAILED),
        (401, 190, OutboxStatus.FAILED),  # access token expired: fixing it must not find every message dead
        (500, 1, OutboxStatus.FAILED),
        (503, 0, OutboxStatus.FAILED),
    ],
)
def test_graph_api_errors_dead_letter_or_retry(world, graph, template, status, code, outcome):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(30)
    message = _notify(report)
    graph.answers = [(status, {"error": {"message": f"Galat uji {code}", "code": code}})]
    before = clock.now()
    outbox_deliver_due()
    message.refresh_from_db()
    assert message.status == outcome
    assert str(status) in message.last_error
    if status < 500:
        assert str(code) in message.last_error and f"Galat uji {code}" in message.last_error
    if outcome == OutboxStatus.FAILED:
        assert message.next_attempt_at > before + dt.timedelta(seconds=30)  # backoff


def test_a_graph_api_time_out_is_retried_with_backoff(world, graph, template, monkeypatch):
    monkeypatch.setattr(transports, "TIMEOUT_SECONDS", 0.3)
    graph.delay = 1.0
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    message = _notify(report)
    outbox_deliver_due()
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and "time" in message.last_error.lower()


def test_a_failed_status_callback_with_131047_is_sent_again_as_a_template_once(world, client, graph, template):
    report = bring_to(world, "verified", reporter_phone=CITIZEN)
    _last_wrote(2)
    message = _notify(report)
    outbox_deliver_due()
    statuses = [
        {
            "id": "wamid.out",
            "status": "failed",
            "timestamp": now_ts(),
            "recipient_id": WA_ID,
            "biz_opaque_callback_data": str(message.delivery_id),
            "errors": [{"code": 131047, "title": "Re-engagement message"}],
        }
    ]
    assert post(client, notification(statuses=statuses)).status_code == 200
    assert post(client, notification(statuses=statuses)).status_code == 200  # Meta repeats callbacks
    [again] = OutboxMessage.objects.filter(payload__resend_of=str(message.delivery_id))
    assert again.payload["template"] is True and again.report_id == report.pk
    message.refresh_from_db()
    assert "131047" in message.last_error
    outbox_deliver_due()
    [sent] = [m for m in graph.sent if m["biz_opaque_callback_data"] == str(again.delivery_id)]
    assert sent["type"] == "template"
