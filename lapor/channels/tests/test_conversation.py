"""The conversation rules every text channel shares: filing by keyword, CEK, threading, refusals, retries, floods."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import bring_to, reporter_of, submit
from lapor.channels.conversation import SMS_LENGTH, inbound_text
from lapor.channels.models import InboundMessage
from lapor.channels.tests.conftest import CITIZEN, OTHER
from lapor.core import clock
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import Status

pytestmark = pytest.mark.django_db

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


def fits_one_sms(text: str) -> bool:
    return len(text) <= SMS_LENGTH and set(text) <= GSM7


def nothing_stored() -> bool:
    return not Report.objects.exists() and not InboundMessage.objects.exists()


# --- filing ------------------------------------------------------------------------------------------------------


def test_keyword_files_a_report_with_that_agency_as_intake(world, sms):
    result = sms("kotkupang: Jalan rusak parah di depan SD Inpres Oebobo, sudah dua motor jatuh.")
    report = result.report
    assert result.created and result.kind == "report"
    assert report.intake_agency == world.kupang and report.owner_agency == world.kupang
    assert report.body_original == "Jalan rusak parah di depan SD Inpres Oebobo, sudah dua motor jatuh."
    assert report.channel == "sms" and report.reporter_phone == CITIZEN
    assert report.tracking_id in result.reply_text and "Pemerintah Kota Kupang" in result.reply_text
    assert f"CEK {report.tracking_id} ke 1708" in result.reply_text
    assert fits_one_sms(result.reply_text)


def test_unknown_or_missing_keyword_goes_to_the_national_intake_with_the_whole_text(world, sms):
    unknown = sms("KOTANTAH lampu jalan di Oebobo mati sejak seminggu").report
    plain = sms("Lampu jalan di depan pasar Oeba mati sejak seminggu").report
    assert unknown.intake_agency == world.root and unknown.body_original.startswith("KOTANTAH lampu jalan")
    assert (
        plain.intake_agency == world.root
        and plain.body_original == "Lampu jalan di depan pasar Oeba mati sejak seminggu"
    )


def test_an_agency_code_that_is_not_its_keyword_does_not_route(world, sms):
    report = sms("kupang-dinkes obat di puskesmas habis sejak minggu lalu").report
    assert report.intake_agency == world.root


def test_keyword_alone_or_a_too_short_report_is_refused_and_nothing_is_stored(world, sms):
    alone = sms("KOTKUPANG")
    short = sms("KOTKUPANG rusak")
    assert alone.kind == short.kind == "refused"
    assert "KOTKUPANG jalan rusak" in alone.reply_text
    assert "terlalu pendek" in short.reply_text and fits_one_sms(short.reply_text)
    assert nothing_stored()


def test_empty_message_gets_the_help_text_and_nothing_is_stored(world, sms):
    for text in ("", "   ", "\n"):
        result = sms(text)
        assert result.kind == "help" and "KATAKUNCI isi laporan" in result.reply_text and "CEK" in result.reply_text
        assert fits_one_sms(result.reply_text)
    assert nothing_stored()


def test_a_message_longer_than_10000_characters_is_refused_and_nothing_is_stored(world, sms):
    result = sms("KOTKUPANG " + "jalan rusak " * 1000)
    assert result.kind == "refused" and "terlalu panjang" in result.reply_text and "10.000" in result.reply_text
    assert fits_one_sms(result.reply_text)
    assert nothing_stored()


def test_a_sender_that_is_not_a_phone_number_is_refused(world, sms):
    result = sms("Jalan rusak parah di depan SD Inpres Oebobo", sender="TELKOMSEL")
    assert result.kind == "refused" and "pengirim" in result.reply_text
    assert nothing_stored()


# --- retries -----------------------------------------------------------------------------------------------------


def test_a_retried_message_id_files_once_and_gets_the_same_answer(world, sms):
    first = sms("KOTKUPANG jalan rusak di Oebobo sejak dua minggu", message_id="kannel-1")
    again = sms("KOTKUPANG jalan rusak di Oebobo sejak dua minggu", message_id="kannel-1")
    assert first.created and not again.created and again.replayed
    assert again.reply_text == first.reply_text and again.report == first.report
    assert Report.objects.count() == 1 and InboundMessage.objects.count() == 1


def test_a_retried_reply_is_threaded_once(world, sms):
    report = bring_to(world, "followed_up")
    first = sms("Belum ada perbaikan sampai hari ini, Pak.", message_id="kannel-7")
    second = sms("Belum ada perbaikan sampai hari ini, Pak.", message_id="kannel-7")
    assert first.kind == "reply" and second.replayed and second.reply_text == first.reply_text
    assert ReportEvent.objects.filter(report=report, kind="replied").count() == 1


def test_the_same_text_under_a_new_message_id_is_a_new_report(world, sms):
    sms("Sampah menumpuk di pasar Oeba sejak tiga hari", message_id="a")
    sms("Sampah menumpuk di pasar Oeba sejak tiga hari", message_id="b")
    assert Report.objects.count() == 2


# --- CEK ---------------------------------------------------------------------------------------------------------


def test_cek_tells_the_reporter_status_agency_and_next_deadline(world, sms, frozen_monday):
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    result = sms(f"cek {report.tracking_id}")
    assert result.kind == "status" and result.report == report
    text = result.reply_text
    assert report.tracking_id in text and "Terdisposisi" in text and "Dinas Kesehatan Kota Kupang" in text
    # Disposed on Monday 2 November 2026: the first response is due 5 working days later, Monday 9 November.
    assert "Batas tanggapan pertama: 09/11/2026" in text
    assert fits_one_sms(text)


def test_cek_of_a_secret_report_is_answered_only_to_the_number_that_filed_it(world, sms):
    report = bring_to(world, "disposed", reporter_phone=CITIZEN, is_secret=True)
    own = sms(f"CEK {report.tracking_id}")
    other = sms(f"CEK {report.tracking_id}", sender=OTHER)
    assert "Terdisposisi" in own.reply_text
    assert "tidak ditemukan" in other.reply_text and "Terdisposisi" not in other.reply_text
    assert other.kind == "refused"


def test_cek_of_a_published_report_answers_anyone_but_not_an_unverified_one(world, sms):
    published = bring_to(world, "disposed", reporter_phone=CITIZEN)
    unverified = bring_to(world, "submitted", reporter_phone=CITIZEN)
    assert "Terdisposisi" in sms(f"CEK {published.tracking_id}", sender=OTHER).reply_text
    assert "tidak ditemukan" in sms(f"CEK {unverified.tracking_id}", sender=OTHER).reply_text
    assert "Belum terverifikasi" in sms(f"CEK {unverified.tracking_id}").reply_text


def test_cek_of_an_unknown_or_mistyped_id_is_not_found(world, sms):
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    typo = report.tracking_id[:-1] + str((int(report.tracking_id[-1]) + 1) % 10)  # one digit mistyped
    for tid in ("10009990", typo, "12"):
        result = sms(f"CEK {tid}")
        assert "tidak ditemukan" in result.reply_text and fits_one_sms(result.reply_text)
    assert "CEK spasi nomor laporan" in sms("CEK").reply_text
    assert not InboundMessage.objects.exists()


def test_cek_while_the_reporter_is_asked_for_information_invites_an_answer(world, sms):
    report = bring_to(world, "pending_info", reporter_phone=CITIZEN)
    text = sms(f"CEK {report.tracking_id}").reply_text
    assert "Ditunda" in text and "Balas pesan ini" in text and fits_one_sms(text)


def test_cek_is_a_command_only_with_a_number(world, sms):
    result = sms("Cek dong jalan depan rumah saya rusak parah sejak bulan lalu")
    assert result.kind == "report" and result.report.body_original.startswith("Cek dong")


# --- threading ---------------------------------------------------------------------------------------------------


def test_a_message_while_information_is_requested_answers_that_request(world, sms):
    report = bring_to(world, "pending_info", reporter_phone=CITIZEN)
    result = sms("Alamatnya Jl. Soeharto no. 12, Naikoten.")
    report.refresh_from_db()
    assert result.kind == "info" and result.report == report and not result.created
    assert report.status == Status.SUBMITTED
    assert report.events.filter(kind="info_provided", body="Alamatnya Jl. Soeharto no. 12, Naikoten.").exists()
    assert fits_one_sms(result.reply_text) and report.tracking_id in result.reply_text
    assert Report.objects.count() == 1


def test_a_message_after_a_follow_up_is_the_reporters_reply(world, sms):
    report = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    result = sms("Belum ada perbaikan sampai hari ini.")
    report.refresh_from_db()
    assert result.kind == "reply" and report.status == Status.IN_PROGRESS
    assert "Dinas Kesehatan Kota Kupang" in result.reply_text and fits_one_sms(result.reply_text)


def test_with_several_waiting_the_most_recent_is_answered_unless_one_is_named(world, sms):
    older = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    newer = bring_to(world, "pending_info", reporter_phone=CITIZEN)
    assert sms("Alamatnya di RT 05 RW 02 Oebobo.").report == newer
    named = sms(f"#{older.tracking_id} belum ada perbaikan")
    again = sms(f"LAPOR {older.tracking_id}: masih rusak")
    assert named.report == again.report == older
    assert list(older.events.filter(kind="replied").values_list("body", flat=True)) == [
        "belum ada perbaikan",
        "masih rusak",
    ]


def test_naming_someone_elses_report_is_not_found_and_changes_nothing(world, sms):
    report = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    result = sms(f"#{report.tracking_id} ini laporan saya juga", sender=OTHER)
    assert "tidak ditemukan" in result.reply_text
    assert not report.events.filter(kind="replied").exists() and not InboundMessage.objects.exists()


def test_a_closed_report_cannot_be_answered_by_message(world, sms):
    report = bring_to(world, "closed", reporter_phone=CITIZEN)
    result = sms(f"#{report.tracking_id} terima kasih")
    assert result.kind == "refused" and "Selesai" in result.reply_text
    assert not InboundMessage.objects.exists()


def test_a_keyword_message_files_a_new_report_even_while_one_waits(world, sms):
    waiting = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    result = sms("KOTKUPANG sampah menumpuk di pasar Oeba sejak tiga hari")
    assert result.created and result.report != waiting
    waiting.refresh_from_db()
    assert waiting.status == Status.FOLLOWED_UP


def test_without_a_waiting_report_a_plain_message_is_a_new_report(world, sms):
    bring_to(world, "disposed", reporter_phone=CITIZEN)
    assert sms("Sampah menumpuk di pasar Oeba sejak tiga hari").created


# --- floods ------------------------------------------------------------------------------------------------------


def test_a_flood_from_one_sender_is_throttled_politely_and_not_stored(world, sms, settings):
    settings.LAPOR_CHANNELS_THROTTLE_MESSAGES = 10
    settings.LAPOR_CHANNELS_THROTTLE_SECONDS = 600
    with clock.frozen(dt.datetime(2026, 11, 2, 1, 0, 5, tzinfo=dt.UTC)):
        answers = [sms(f"Laporan nomor {i}: jalan rusak di Oebobo") for i in range(12)]
        other = sms("Lampu jalan di depan pasar Oeba mati", sender=OTHER)
    assert [a.kind for a in answers] == ["report"] * 10 + ["throttled"] * 2
    assert "tunggu 10 menit" in answers[-1].reply_text and fits_one_sms(answers[-1].reply_text)
    assert other.created
    assert Report.objects.count() == 11
    with clock.frozen(dt.datetime(2026, 11, 2, 1, 11, tzinfo=dt.UTC)):
        assert sms("Jalan rusak lagi di depan SD Inpres Oebobo").created


def test_a_retry_is_answered_even_when_the_sender_is_throttled(world, sms, settings):
    settings.LAPOR_CHANNELS_THROTTLE_MESSAGES = 1
    first = sms("Jalan rusak parah di depan SD Inpres Oebobo", message_id="x1")
    assert sms("Jalan rusak lagi di tempat lain", message_id="x2").kind == "throttled"
    assert sms("Jalan rusak parah di depan SD Inpres Oebobo", message_id="x1").reply_text == first.reply_text


# --- length of answers ------------------------------------------------------------------------------------------


def test_answers_with_long_agency_names_still_fit_one_sms(world, sms):
    from lapor.agencies.choices import AgencyKind
    from lapor.agencies.services import agency_create

    long_name = "Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan"
    agency_create(
        parent=world.root, code="kemenkokumham", name=long_name, kind=AgencyKind.KEMENTERIAN, sms_keyword="KEMENKOKUM"
    )
    result = sms("KEMENKOKUM pelayanan paspor di kantor imigrasi Kupang sangat lambat")
    assert fits_one_sms(result.reply_text) and result.report.tracking_id in result.reply_text
    assert f"CEK {result.report.tracking_id} ke 1708" in result.reply_text
    cek = sms(f"CEK {result.report.tracking_id}")
    assert fits_one_sms(cek.reply_text) and result.report.tracking_id in cek.reply_text


# --- WhatsApp and e-mail answer through the outbox ----------------------------------------------------------------


def test_whatsapp_answers_leave_through_the_outbox_to_the_sender(world, wa):
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    wa(f"CEK {report.tracking_id}")
    wa("")
    replies = OutboxMessage.objects.filter(channel="whatsapp", recipient=CITIZEN, kind="channel.reply")
    assert replies.count() == 2
    assert "Terdisposisi" in replies.get(report_id=report.pk).body


def test_whatsapp_report_is_acknowledged_once_with_its_follow_link(world, wa):
    result = wa("KOTKUPANG jalan rusak di depan SD Inpres Oebobo")
    to_sender = OutboxMessage.objects.filter(recipient=CITIZEN)
    assert to_sender.count() == 1
    ack = to_sender.get()
    assert ack.channel == "whatsapp" and result.report.tracking_id in ack.body and "/lapor/" in ack.body


def test_inbound_text_refuses_unknown_channels(world):
    with pytest.raises(ValueError):
        inbound_text(channel="fax", sender=CITIZEN, text="x", message_id="1")


def test_reporter_still_acts_through_the_report_services(world, sms):
    """A threaded reply is the reporter's own action: it is audited like one made through the follow link."""
    report = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    sms("Belum ada perbaikan sampai hari ini.")
    event = report.events.get(kind="replied")
    assert event.actor_kind == "reporter" and event.actor_user is None
    assert reporter_of(report).kind == "reporter"


def test_submit_helper_reports_are_matched_by_normalised_number(world, sms):
    report = submit(world, reporter_phone="0812-3456-7890")
    rs.report_request_info(report=report, actor=world.actor("nasional"), question="Mohon sebutkan alamat lengkapnya.")
    assert sms("Di Jl. Soeharto no 12", sender="6281234567890").report == report


# --- cost and acknowledgement -------------------------------------------------------------------------------------


def test_query_counts_stay_flat(world, sms, django_assert_max_num_queries):
    """Baselines (statements including savepoints): SMS intake is the hot path of 1708. First deliveries pay
    nothing for idempotency beyond the unique insert; a retry is recognised by it and rolled back.
    """
    sms("KOTKUPANG pemanasan: lampu jalan mati di Oebobo", sender=OTHER)  # fills the per-process memos
    with django_assert_max_num_queries(14):
        sms("KOTKUPANG jalan rusak berlubang di depan SD Inpres", message_id="q-1")
    with django_assert_max_num_queries(6):
        sms("KOTKUPANG jalan rusak berlubang di depan SD Inpres", message_id="q-1")
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    with django_assert_max_num_queries(8):
        sms(f"CEK {report.tracking_id}", message_id="q-2")


def test_an_sms_report_is_acknowledged_once_in_the_gateway_answer(world, sms):
    result = sms("KOTKUPANG jalan rusak berlubang di depan SD Inpres")
    assert result.report.tracking_id in result.reply_text
    assert not OutboxMessage.objects.filter(recipient=CITIZEN).exists()


def test_sms_asks_report_submit_not_to_acknowledge_a_second_time(world, sms, wa, monkeypatch):
    """SMS (answered inline by the gateway) passes acknowledge=False; WhatsApp (answered through the outbox) True."""
    seen = []
    real_submit = rs.report_submit

    def submit_spy(*, acknowledge: bool = True, **kwargs):
        seen.append((kwargs["channel"], acknowledge))
        return real_submit(**kwargs)

    monkeypatch.setattr(rs, "report_submit", submit_spy)
    sms("KOTKUPANG jalan rusak berlubang di depan SD Inpres")
    wa("KOTKUPANG lampu jalan mati di depan pasar Oeba", sender=OTHER)
    assert seen == [("sms", False), ("whatsapp", True)]
