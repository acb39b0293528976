"""E-mail: parsing, the SMTP intake (aiosmtpd) end to end, outbound delivery to a real SMTP server, and
reporters hearing back in the channel they used.
"""

from __future__ import annotations

import io
import os
import signal
import smtplib
import threading
import time
from email import message_from_bytes
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from PIL import Image

from conftest import bring_to
from lapor.channels import mailin as mailin_module
from lapor.channels.conversation import inbound_text
from lapor.channels.mail import email_receive, html_to_text, parse_email, strip_quoted
from lapor.channels.mailin import mailin_controller
from lapor.channels.models import InboundMessage
from lapor.channels.tests.conftest import CITIZEN
from lapor.channels.tests.kannel.harness import free_ports
from lapor.notifications.delivery import outbox_deliver_due
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.models import Attachment, Report

REPORTER = "maria@example.com"


def email(
    subject="Jalan berlubang di depan SD Inpres Oebobo",
    body="Jalan di depan SD Inpres Oebobo berlubang besar sejak dua minggu.",
    *,
    sender=f"Maria Ndun <{REPORTER}>",
    to="pengaduan@lapor.example.id",
    html=None,
    attachments=(),
    message_id="<pesan-1@example.com>",
    headers=None,
) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    if message_id:
        msg["Message-ID"] = message_id
    for key, value in (headers or {}).items():
        msg[key] = value
    if body is not None:
        msg.set_content(body)
    if html is not None:
        if body is None:
            msg.set_content(html, subtype="html")
        else:
            msg.add_alternative(html, subtype="html")
    for name, data, maintype, subtype in attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (0, 200, 0)).save(out, format="PNG")
    return out.getvalue()


# --- parsing (no database) -----------------------------------------------------------------------------------


def test_plain_text_is_preferred_and_headers_are_read():
    parsed = parse_email(email(html="<p>versi <b>HTML</b></p>"))
    assert parsed.text == "Jalan di depan SD Inpres Oebobo berlubang besar sejak dua minggu."
    assert parsed.sender == REPORTER and parsed.sender_name == "Maria Ndun"
    assert parsed.subject == "Jalan berlubang di depan SD Inpres Oebobo" and parsed.message_id == "pesan-1@example.com"
    assert not parsed.automatic


def test_html_only_mail_is_reduced_to_its_text():
    html = "<html><head><style>p{}</style></head><body><p>Lampu jalan <b>mati</b>&nbsp;di Oeba.</p><p>Mohon dicek.</p>"
    html += "<script>alert(1)</script></body></html>"
    parsed = parse_email(email(body=None, html=html))
    assert parsed.text == "Lampu jalan mati di Oeba.\n\nMohon dicek."
    assert html_to_text("<div>a<br>b</div>") == "a\nb"


def test_attachments_are_collected_and_text_parts_are_not():
    raw = email(attachments=[("foto.png", png(), "image", "png"), ("catatan.txt", b"teks", "text", "plain")])
    parsed = parse_email(raw)
    assert [a.filename for a in parsed.attachments] == ["foto.png"]
    assert parsed.attachments[0].load() == png()


def test_quoted_text_is_cut_from_replies():
    body = "Belum diperbaiki.\n\nPada Sen, 2 Nov 2026 pukul 09.00, LAPOR! menulis:\n> Tindak lanjut laporan"
    assert strip_quoted(body) == "Belum diperbaiki."
    assert strip_quoted("Masih rusak.\n> kutipan\nOn Mon, Nov 2, 2026 LAPOR wrote:\n> x") == "Masih rusak."
    assert parse_email(email(subject="Re: LAPOR! #100052735: Jalan", body=body)).text == "Belum diperbaiki."


@pytest.mark.parametrize(
    "headers",
    [{"Auto-Submitted": "auto-replied"}, {"Precedence": "bulk"}, {"X-Autoreply": "yes"}, {"X-LAPOR-Delivery-Id": "x"}],
)
def test_automatic_mail_is_recognised(headers):
    assert parse_email(email(headers=headers)).automatic
    assert parse_email(email(), envelope_from="<>").automatic


# --- intake through the conversation -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_email_files_a_report_with_subject_title_and_attachments(world, settings, tmp_path):
    result = email_receive(email(attachments=[("foto.png", png(), "image", "png")]))
    report = result.report
    assert result.created and report.channel == "email" and report.reporter_email == REPORTER
    assert report.title == "Jalan berlubang di depan SD Inpres Oebobo" and report.intake_agency == world.root
    assert report.reporter_name == "Maria Ndun" and report.attachments.get().content_type == "image/png"
    [ack] = OutboxMessage.objects.filter(recipient=REPORTER)
    assert ack.channel == "email" and report.tracking_id in ack.subject  # one acknowledgement, from report_submit


@pytest.mark.django_db
def test_the_mailbox_names_the_intake_agency(world):
    report = email_receive(email(to="KotKupang@lapor.example.id")).report
    assert report.intake_agency == world.kupang


@pytest.mark.django_db
def test_a_reply_with_the_tracking_id_in_the_subject_is_threaded(world):
    report = bring_to(world, "followed_up", reporter_email=REPORTER)
    body = "Belum ada perbaikan.\n\nPada Sen, 2 Nov 2026, LAPOR! menulis:\n> Tindak lanjut …"
    result = email_receive(email(subject=f"Re: LAPOR! #{report.tracking_id}: Jalan", body=body, message_id="<r1@x>"))
    assert result.kind == "reply" and result.report == report
    assert report.events.get(kind="replied").body == "Belum ada perbaikan."
    answer = OutboxMessage.objects.get(kind="channel.reply")
    assert answer.channel == "email" and answer.recipient == REPORTER and f"#{report.tracking_id}" in answer.subject


@pytest.mark.django_db
def test_a_reply_from_another_address_is_not_found(world):
    report = bring_to(world, "followed_up", reporter_email=REPORTER)
    result = email_receive(email(subject=f"Re: #{report.tracking_id}", sender="orang.lain@example.com"))
    assert "tidak ditemukan" in result.reply_text and not report.events.filter(kind="replied").exists()
    assert OutboxMessage.objects.get(kind="channel.reply").recipient == "orang.lain@example.com"


@pytest.mark.django_db
def test_cek_by_email_subject(world):
    report = bring_to(world, "disposed", reporter_email=REPORTER)
    result = email_receive(email(subject=f"CEK {report.tracking_id}", body=""))
    assert "Terdisposisi" in result.reply_text
    assert "Terdisposisi" in OutboxMessage.objects.get(kind="channel.reply").body


@pytest.mark.django_db
def test_automatic_mail_files_nothing_and_gets_no_answer(world):
    assert email_receive(email(headers={"Auto-Submitted": "auto-replied"})) is None
    assert not Report.objects.exists() and not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_an_empty_email_gets_the_help_by_email(world):
    email_receive(email(subject="", body=""))
    assert not Report.objects.exists()
    assert "badan e-mail" in OutboxMessage.objects.get(recipient=REPORTER).body


# --- the SMTP intake, for real -------------------------------------------------------------------------------


@pytest.fixture
def mailin():
    (port,) = free_ports(1)
    controller = mailin_controller(host="127.0.0.1", port=port, domains=["lapor.example.id"])
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
        controller.handler.close()


@pytest.mark.django_db(transaction=True)
def test_smtp_intake_files_and_threads_reports(world, mailin):
    with smtplib.SMTP("127.0.0.1", mailin, timeout=10) as smtp:
        raw = email(to="kotkupang@lapor.example.id", attachments=[("foto.png", png(), "image", "png")])
        smtp.ehlo()
        smtp.mail(REPORTER)
        assert smtp.rcpt("kotkupang@lapor.example.id")[0] == 250
        code, answer = smtp.data(raw)
    report = Report.objects.get()
    assert code == 250 and report.tracking_id in answer.decode()
    assert report.intake_agency == world.kupang and Attachment.objects.filter(report=report).count() == 1

    with smtplib.SMTP("127.0.0.1", mailin, timeout=10) as smtp:
        reply = email(subject=f"Re: LAPOR! #{report.tracking_id}", body="Lokasinya tepat di depan gerbang sekolah.")
        refused = smtp.sendmail(REPORTER, ["pengaduan@lapor.example.id"], email(message_id="<other@x>"))
        assert refused == {}
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            smtp.sendmail(REPORTER, ["siapa@domain-lain.example"], reply)
        smtp.sendmail(REPORTER, ["pengaduan@lapor.example.id"], reply.replace(b"pesan-1", b"pesan-2"))
    assert report.events.filter(kind="replied", body="Lokasinya tepat di depan gerbang sekolah.").exists()
    assert Report.objects.count() == 2 and InboundMessage.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_smtp_intake_retry_with_the_same_message_id_files_once(world, mailin):
    for _ in range(2):
        with smtplib.SMTP("127.0.0.1", mailin, timeout=10) as smtp:
            smtp.sendmail(REPORTER, ["pengaduan@lapor.example.id"], email())
    assert Report.objects.count() == 1


# --- outbound e-mail through a real SMTP server -------------------------------------------------------------


class Sink:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        self.arrived.set()
        return "250 OK"


@pytest.fixture
def smtp_sink(settings):
    (port,) = free_ports(1)
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()


@pytest.mark.django_db
def test_outbox_email_is_delivered_over_smtp_with_its_delivery_id(world, smtp_sink):
    report = email_receive(email()).report
    ack = OutboxMessage.objects.get(recipient=REPORTER)
    result = outbox_deliver_due()
    assert result.sent == 1 and result.failed == result.dead == 0
    assert smtp_sink.arrived.wait(5)
    [(mail_from, rcpt_tos, raw)] = smtp_sink.messages
    delivered = parse_email(raw)
    assert rcpt_tos == [REPORTER] and report.tracking_id in delivered.subject
    assert message_from_bytes(raw)["X-LAPOR-Delivery-Id"] == str(ack.delivery_id)
    ack.refresh_from_db()
    assert ack.status == "sent"


# --- reporters hear back in the channel they used ------------------------------------------------------------


@pytest.mark.django_db
def test_reporters_hear_back_in_the_channel_they_used(world):
    by_sms = inbound_text(channel="sms", sender=CITIZEN, text="KOTKUPANG jalan rusak di Oebobo", message_id="s1")
    by_mail = email_receive(email(message_id="<m1@x>")).report
    by_wa = inbound_text(
        channel="whatsapp", sender="+6285211112222", text="Sampah menumpuk di pasar Oeba", message_id="w1"
    )
    for report in (by_sms.report, by_mail, by_wa.report):
        report = rs.report_verify(report=report, actor=world.actor("nasional"), classification="pengaduan")
        rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.kupang)

    def channels(report):
        return set(
            OutboxMessage.objects.filter(report_id=report.pk, kind__in=["report.verified", "report.disposed"])
            .exclude(recipient__endswith=".go.id")
            .values_list("channel", "recipient")
        )

    assert channels(by_sms.report) == {("sms", CITIZEN)}
    assert channels(by_mail) == {("email", REPORTER)}
    assert channels(by_wa.report) == {("whatsapp", "+6285211112222")}


@pytest.mark.django_db
def test_a_number_in_the_subject_that_is_no_tracking_id_is_a_new_report(world):
    result = email_receive(email(subject="Tagihan PDAM #1234567 naik dua kali lipat", message_id="<t1@x>"))
    assert result.created and result.report.title == "Tagihan PDAM #1234567 naik dua kali lipat"


@pytest.mark.django_db(transaction=True)
def test_the_mailin_command_serves_until_signalled(world):
    """``lapor mailin`` in this process: a client thread sends one report, then SIGTERM stops the command."""
    (port,) = free_ports(1)
    answers = []

    def client():
        deadline = time.monotonic() + 15
        try:
            while time.monotonic() < deadline:
                try:
                    smtp = smtplib.SMTP("127.0.0.1", port, timeout=5)
                    break
                except OSError:
                    time.sleep(0.05)
            with smtp:
                smtp.ehlo()
                smtp.mail(REPORTER)
                smtp.rcpt("pengaduan@lapor.example.id")
                answers.append(smtp.data(email(message_id="<cmd@x>")))
        finally:
            os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=client)
    thread.start()
    out = io.StringIO()
    call_command("mailin", "--port", str(port), stdout=out)
    thread.join(timeout=10)
    report = Report.objects.get()
    assert answers and answers[0][0] == 250 and report.tracking_id in answers[0][1].decode()
    assert f"127.0.0.1:{port}" in out.getvalue() and "berhenti" in out.getvalue()


def test_a_failure_while_filing_asks_the_mta_to_try_again(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(mailin_module, "email_receive", broken)
    monkeypatch.setattr(mailin_module, "close_old_connections", lambda: None)
    handler = mailin_module.LaporMailHandler()
    try:
        assert handler.receive(email(), REPORTER, ("pengaduan@lapor.example.id",)).startswith("451 ")
    finally:
        handler.executor.shutdown(wait=True)
