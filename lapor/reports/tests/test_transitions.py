"""Behaviour of individual transitions that a citizen or an admin would notice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from conftest import MONDAY, bring_to, reporter_of, submit
from lapor.agencies.actors import Actor
from lapor.audit.models import AuditEvent
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.notifications.models import OutboxMessage
from lapor.notifications.services import OutsideTransaction, outbox_enqueue
from lapor.reports import services as rs
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import Status

pytestmark = pytest.mark.django_db


def test_submit_writes_report_event_audit_and_notification_together(world):
    audits = AuditEvent.objects.count()
    report = submit(world)
    assert report.status == Status.SUBMITTED
    assert report.owner_agency == world.root
    assert list(report.events.values_list("kind", flat=True)) == ["submitted"]
    assert AuditEvent.objects.count() == audits + 1
    message = OutboxMessage.objects.get(report_id=report.pk)
    assert message.channel == "email" and report.tracking_id in message.body


def test_submit_by_keyword_lands_with_that_agency(world):
    report = submit(world, channel="sms", intake_agency=world.kupang, reporter_email="")
    assert report.owner_agency == world.kupang
    assert OutboxMessage.objects.get(report_id=report.pk).channel == "sms"


def test_submit_keeps_original_and_redacts_public_text(world):
    report = submit(world, body="Saya Maria Ndun, NIK 5371012345678901, hp 0812-3456-7890. Puskesmas tutup jam 10.")
    assert "5371012345678901" in report.body_original
    assert "5371012345678901" not in report.body_public and "[NIK]" in report.body_public
    assert "0812-3456-7890" not in report.body_public
    assert "Maria Ndun" not in report.body_public


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"body": "pendek"}, "body"),
        ({"body": "x" * 10_001}, "body"),
        ({"classification": "keluhan"}, "classification"),
        ({"region_code": "99.99"}, "region"),
        ({"category_id": 987654}, "category"),
        ({"reporter_email": "bukan-email"}, "email"),
        ({"reporter_phone": "12ab"}, "phone"),
        ({"reporter_name": "", "reporter_phone": "", "reporter_email": ""}, "reporter"),
        ({"latitude": "200"}, "latitude"),
    ],
)
def test_bad_submissions_are_refused_with_the_field_and_nothing_is_stored(world, overrides, field):
    reports, audits, outbox = Report.objects.count(), AuditEvent.objects.count(), OutboxMessage.objects.count()
    with pytest.raises(ValidationFailed) as err:
        submit(world, **overrides)
    assert err.value.extra["field"] == field
    assert err.value.message
    assert (Report.objects.count(), AuditEvent.objects.count(), OutboxMessage.objects.count()) == (
        reports,
        audits,
        outbox,
    )


def test_anonymous_report_needs_no_contact(world):
    report = submit(world, is_anonymous=True, reporter_name="", reporter_phone="", reporter_email="")
    assert report.is_anonymous
    assert not OutboxMessage.objects.filter(report_id=report.pk).exists()


def test_walk_in_only_by_staff_and_only_for_their_agency(world):
    with pytest.raises(PermissionDenied):
        submit(world, channel="walkin")
    report = submit(world, channel="walkin", actor=world.actor("kupang_admin"))
    assert report.intake_agency == world.kupang
    with pytest.raises(PermissionDenied):
        submit(world, channel="walkin", actor=world.actor("kupang_admin"), intake_agency=world.surabaya)


def test_intake_key_makes_retries_idempotent(world):
    first = rs.report_submit(
        actor=Actor.public(),
        body="Lampu jalan mati di Jalan Frans Seda sejak seminggu.",
        channel="sms",
        reporter_phone="081234567890",
        intake_key="sms:msg-1",
    )
    again = rs.report_submit(
        actor=Actor.public(),
        body="Lampu jalan mati di Jalan Frans Seda sejak seminggu.",
        channel="sms",
        reporter_phone="081234567890",
        intake_key="sms:msg-1",
    )
    assert first.created and not again.created
    assert again.report.pk == first.report.pk
    assert Report.objects.filter(intake_key="sms:msg-1").count() == 1


def test_verify_edits_public_text_but_never_the_original(world):
    report = submit(world)
    original = report.body_original
    rs.report_verify(
        report=report,
        actor=world.actor("nasional"),
        title="Jalan rusak di Oebobo",
        body_public="Jalan rusak di depan sekolah, hubungi 081299998888.",
        is_secret=True,
    )
    report.refresh_from_db()
    assert report.body_original == original
    assert report.title == "Jalan rusak di Oebobo"
    assert "[TELP]" in report.body_public
    assert report.is_secret and report.status == Status.VERIFIED and report.verified_at


def test_bukan_wewenang_goes_back_to_the_disposer_with_a_named_better_owner(world):
    report = bring_to(world, "disposed")  # national → Kota Kupang → Dinkes
    assert report.owner_agency == world.dinkes
    rs.report_return(
        report=report,
        actor=world.actor("dinkes_admin"),
        better_agency=world.pupr,
        reason="Perbaikan jalan adalah kewenangan Dinas PUPR, bukan Dinas Kesehatan.",
    )
    report.refresh_from_db()
    assert report.status == Status.RETURNED
    assert report.owner_agency == world.kupang  # back to whoever disposed it
    assert report.suggested_agency == world.pupr
    assert report.bounce_count == 1
    event = report.events.get(kind="returned")
    assert event.data["better_agency_id"] == world.pupr.pk


def test_repeated_bounces_go_to_the_national_arbiter(world):
    report = bring_to(world, "returned")  # bounced once: Dinkes → Kota Kupang
    rs.report_dispose_internal(report=report, actor=world.actor("kupang_admin"), agency=world.pupr)
    rs.report_return(
        report=report,
        actor=world.actor("kupang_admin"),
        better_agency=world.kemenkes,
        reason="Ini urusan kementerian, bukan kewenangan pemerintah kota.",
    )
    report.refresh_from_db()
    assert report.bounce_count == 2
    assert report.owner_agency == world.root
    # the national admin arbitrates: dispose to the named owner
    rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.kemenkes)
    report.refresh_from_db()
    assert report.owner_agency == world.kemenkes and report.status == Status.DISPOSED


@pytest.mark.parametrize("better", ["dinkes", "puskesmas", "root"])
def test_bukan_wewenang_requires_another_owner(world, better):
    report = bring_to(world, "disposed")
    with pytest.raises(ValidationFailed):
        rs.report_return(
            report=report,
            actor=world.actor("dinkes_admin"),
            better_agency=getattr(world, better),
            reason="Bukan kewenangan kami karena alasan yang cukup panjang.",
        )


def test_bukan_wewenang_requires_a_reason(world):
    report = bring_to(world, "disposed")
    with pytest.raises(ValidationFailed) as err:
        rs.report_return(report=report, actor=world.actor("dinkes_admin"), better_agency=world.pupr, reason="no")
    assert err.value.extra["field"]


def test_internal_disposition_only_down_the_subtree(world):
    report = bring_to(world, "disposed")  # owner Dinkes
    for target in (world.pupr, world.kupang, world.dinkes, world.surabaya):
        with pytest.raises(ValidationFailed):
            rs.report_dispose_internal(report=report, actor=world.actor("kupang_admin"), agency=target)
    rs.report_dispose_internal(report=report, actor=world.actor("dinkes_admin"), agency=world.puskesmas)
    report.refresh_from_db()
    assert report.owner_agency == world.puskesmas


def test_agency_admin_disposes_only_inside_their_subtree(world):
    report = submit(world, channel="sms", intake_agency=world.kupang)
    rs.report_verify(report=report, actor=world.actor("kupang_admin"))
    with pytest.raises(PermissionDenied):
        rs.report_dispose(report=report, actor=world.actor("kupang_admin"), agency=world.surabaya)
    rs.report_dispose(report=report, actor=world.actor("kupang_admin"), agency=world.dinkes)
    assert Report.objects.get(pk=report.pk).owner_agency == world.dinkes


def test_disposition_starts_agency_clocks_in_the_agency_time_zone(world, frozen_monday):
    report = bring_to(world, "verified")
    rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.jayapura)
    report.refresh_from_db()
    # Monday 2 Nov 2026 (10:00 WIT) + 5 HK = Monday 9 Nov, 23:59:59 WIT = 14:59:59 UTC
    assert report.response_due_at == dt.datetime(2026, 11, 9, 14, 59, 59, tzinfo=dt.UTC)
    # pengaduan: 14 HK → Friday 20 Nov
    assert report.completion_due_at == dt.datetime(2026, 11, 20, 14, 59, 59, tzinfo=dt.UTC)


def test_tunda_pauses_the_verification_clock_and_the_answer_resumes_it(world):
    with clock.frozen(MONDAY):
        report = submit(world)
        assert report.verify_due_at is not None
        rs.report_request_info(report=report, actor=world.actor("nasional"), question="Di RT berapa lokasinya?")
    report.refresh_from_db()
    assert report.verify_due_at is None and report.verify_paused_at is not None
    assert report.verify_remaining_hk == 3
    with clock.frozen(MONDAY + dt.timedelta(days=14)):  # the reporter answers two weeks later
        rs.report_provide_info(report=report, actor=reporter_of(report), message="RT 05 RW 02, dekat masjid.")
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    # resumed on Monday 16 Nov with 3 HK left → Thursday 19 Nov, end of day in the national intake's WIB
    assert report.verify_due_at == dt.datetime(2026, 11, 19, 16, 59, 59, tzinfo=dt.UTC)


def test_auto_close_not_a_minute_before_the_window(world):
    report = bring_to(world, "followed_up")
    due = Report.objects.get(pk=report.pk).autoclose_due_at
    with clock.frozen(due), pytest.raises(ValidationFailed):
        rs.report_auto_close(report=report, actor=Actor.system())
    with clock.frozen(due + dt.timedelta(seconds=1)):
        rs.report_auto_close(report=report, actor=Actor.system())
    assert Report.objects.get(pk=report.pk).status == Status.CLOSED


def test_tidak_puas_blocks_auto_close_and_sends_the_report_back(world):
    report = bring_to(world, "followed_up")
    rs.report_dispute(report=report, actor=reporter_of(report), reason="Jalannya belum diperbaiki sama sekali.")
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS and report.is_unsatisfied
    assert report.autoclose_due_at is None
    assert report.completion_due_at is not None  # the completion clock keeps running


def test_dispute_reopens_a_closed_report(world):
    report = bring_to(world, "closed")
    rs.report_dispute(report=report, actor=reporter_of(report), reason="Masalahnya muncul lagi minggu ini.")
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS and report.reopen_count == 1 and report.closed_at is None


@pytest.mark.parametrize("rating", [0, 6, -1, "5", True, None])
def test_rating_outside_one_to_five_is_refused(world, rating):
    report = bring_to(world, "followed_up")
    with pytest.raises(ValidationFailed):
        rs.report_rate(report=report, actor=reporter_of(report), rating=rating)
    assert Report.objects.get(pk=report.pk).rating is None


def test_rating_is_kept(world):
    report = bring_to(world, "closed")
    rs.report_rate(report=report, actor=reporter_of(report), rating=5, comment="Cepat dan jelas.")
    report.refresh_from_db()
    assert (report.rating, report.rating_comment) == (5, "Cepat dan jelas.")


def test_archive_needs_a_known_reason_and_tells_the_reporter(world):
    report = submit(world)
    with pytest.raises(ValidationFailed):
        rs.report_archive(report=report, actor=world.actor("nasional"), reason="malas", explanation="x" * 20)
    with pytest.raises(ValidationFailed):
        rs.report_archive(report=report, actor=world.actor("nasional"), reason="spam", explanation="")
    rs.report_archive(
        report=report,
        actor=world.actor("nasional"),
        reason="spam",
        explanation="Isi laporan berupa iklan, bukan pengaduan layanan publik.",
    )
    message = OutboxMessage.objects.filter(report_id=report.pk, kind="report.archived").get()
    assert "iklan" in message.body


def test_every_transition_writes_exactly_one_timeline_and_one_audit_event(world):
    report = bring_to(world, "disposed")
    events, audits = ReportEvent.objects.count(), AuditEvent.objects.count()
    rs.report_follow_up(
        report=report,
        actor=world.actor("dinkes_penghubung"),
        message="Sudah kami tindak lanjuti dengan kunjungan lapangan hari ini.",
    )
    assert ReportEvent.objects.count() == events + 1
    assert AuditEvent.objects.count() == audits + 1


def test_a_failed_transition_leaves_no_notification(world):
    report = bring_to(world, "disposed")
    outbox = OutboxMessage.objects.count()
    with pytest.raises(ValidationFailed):
        rs.report_follow_up(report=report, actor=world.actor("dinkes_penghubung"), message="ok")
    assert OutboxMessage.objects.count() == outbox


def test_notifications_roll_back_with_their_transaction(world):
    report = bring_to(world, "disposed")
    outbox = OutboxMessage.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        rs.report_follow_up(
            report=report,
            actor=world.actor("dinkes_penghubung"),
            message="Sudah kami tindak lanjuti dengan kunjungan lapangan hari ini.",
        )
        raise RuntimeError("crash after the transition, before commit")
    assert OutboxMessage.objects.count() == outbox
    assert Report.objects.get(pk=report.pk).status == Status.DISPOSED


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_outside_a_transaction():
    with pytest.raises(OutsideTransaction):
        outbox_enqueue(channel="sms", recipient="+628123", kind="x", body="y")
    assert not OutboxMessage.objects.exists()


def test_disposition_notifies_the_new_owner_staff(world):
    report = bring_to(world, "verified")
    rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.kupang)
    recipients = set(
        OutboxMessage.objects.filter(report_id=report.pk, kind="report.disposed", channel="email").values_list(
            "recipient", flat=True
        )
    )
    assert "kupang_admin@example.go.id" in recipients
    assert "maria@example.com" in recipients  # and the reporter hears where it went
