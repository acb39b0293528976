"""SMS 1708 end to end through a real Kannel: fakesmsc (the "phone network") → bearerbox → smsbox → get-url on a
live LAPOR → the reply SMS back at fakesmsc; then LAPOR's outbox → Kannel sendsms → fakesmsc.

Needs Debian's ``kannel`` and ``kannel-extras`` (``apt-get install -y kannel kannel-extras``); skipped without them.
"""

from __future__ import annotations

import time

import pytest

from lapor.channels.models import InboundMessage
from lapor.channels.tests.kannel.harness import Kannel, find_binaries
from lapor.notifications.delivery import outbox_deliver_due
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.models import Report

BINARIES = find_binaries()
pytestmark = [
    pytest.mark.skipif(BINARIES is None, reason="Kannel not installed (apt-get install -y kannel kannel-extras)"),
    pytest.mark.django_db(transaction=True),
]
PHONE = "+6281234567890"
GETURL_TOKEN = "token-geturl-uji"


@pytest.fixture
def kannel(live_server, tmp_path, settings):
    settings.LAPOR_KANNEL_GETURL_TOKEN = GETURL_TOKEN
    gateway = Kannel(
        BINARIES, tmp_path, lapor_url=f"http://127.0.0.1:{live_server.thread.port}", geturl_token=GETURL_TOKEN
    )
    try:
        gateway.start()
        yield gateway
    finally:
        gateway.stop()


def test_sms_intake_cek_and_outbound_through_kannel(world, kannel, settings):
    started = time.monotonic()

    # 1. A citizen texts KOTKUPANG …: a report for Kota Kupang, and the reply SMS carries its tracking ID.
    text = "KOTKUPANG jalan rusak parah di depan SD Inpres Oebobo, dua motor jatuh minggu ini"
    with kannel.fakesmsc((PHONE, "1708", text)) as phone:
        reply = phone.wait_for(lambda got: len(got) >= 1)[0]
    report = Report.objects.get()
    assert report.intake_agency == world.kupang and report.channel == "sms" and report.reporter_phone == PHONE
    assert report.body_original == text.removeprefix("KOTKUPANG ")
    assert reply.receiver == PHONE and reply.sender == "1708"
    assert report.tracking_id in reply.text and f"CEK {report.tracking_id}" in reply.text, kannel.logs()
    stored = InboundMessage.objects.get()
    assert stored.message_id and stored.received_at is not None  # Kannel's %I and %t arrived

    # 2. CEK <id> from the same phone answers the status.
    with kannel.fakesmsc((PHONE, "1708", f"CEK {report.tracking_id}")) as phone:
        status = phone.wait_for(lambda got: len(got) >= 1)[0]
    assert report.tracking_id in status.text and "Belum terverifikasi" in status.text

    # 3. The agency works on it; the reporter hears back by SMS: outbox → sendsms → fakesmsc (split by Kannel).
    settings.LAPOR_KANNEL_SENDSMS_URL = kannel.sendsms_url
    settings.LAPOR_KANNEL_USER = kannel.sendsms_user
    settings.LAPOR_KANNEL_PASSWORD = kannel.sendsms_password
    report = rs.report_verify(report=report, actor=world.actor("nasional"), classification="pengaduan")
    report = rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.kupang)
    answer = "Tim Dinas PUPR sudah meninjau lokasi dan menjadwalkan penambalan jalan pada hari Kamis. " * 3
    rs.report_follow_up(report=report, actor=world.actor("kupang_admin"), message=answer)
    to_phone = OutboxMessage.objects.filter(channel="sms", recipient=PHONE)
    assert to_phone.filter(kind="report.followed_up").exists()
    with kannel.fakesmsc() as phone:
        delivered = outbox_deliver_due()
        got = phone.wait_for(lambda got: any("Tindak lanjut" in m.text for m in got))
    follow_up = next(m for m in got if "Tindak lanjut" in m.text)
    assert delivered.sent >= to_phone.count() and delivered.failed == delivered.dead == 0  # + the staff e-mail
    assert follow_up.receiver == PHONE and report.tracking_id in follow_up.text
    assert follow_up.parts >= 2 and answer.strip()[:250] in follow_up.text  # Kannel split it; the phone joins it
    assert not to_phone.exclude(status="sent").exists()

    # 4. The reporter answers the follow-up by SMS, UCS-2 coded (an emoji): threaded as their reply, text intact.
    answer_sms = "Belum ada penambalan sampai hari ini 🚧 lubangnya makin besar"
    with kannel.fakesmsc_ucs2((PHONE, "1708", answer_sms)) as phone:
        ack = phone.wait_for(lambda got: len(got) >= 1)[0]
    assert report.tracking_id in ack.text and "Tanggapan Anda" in ack.text
    assert report.events.filter(kind="replied").get().body == answer_sms
    assert Report.objects.count() == 1
    assert time.monotonic() - started < 60
