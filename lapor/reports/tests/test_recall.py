"""Tarik kembali: the disposer takes a disposition back while the receiving unit has not acted on it."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import bring_to, reporter_of, submit
from lapor.audit.models import AuditEvent
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.services.lifecycle import recall_blocker
from lapor.reports.states import Status

REASON = "Salah tujuan: jalan rusak adalah urusan Dinas PUPR."


def disposed_by_national(world) -> Report:
    nas = world.actor("nasional")
    report = rs.report_verify(report=submit(world), actor=nas, classification="pengaduan")
    return rs.report_dispose(report=report, actor=nas, agency=world.kupang)


def unchanged(report: Report) -> tuple:
    fresh = Report.objects.get(pk=report.pk)
    return (fresh.status, fresh.owner_agency_id, fresh.updated_at, fresh.events.count(), AuditEvent.objects.count())


@pytest.mark.django_db
def test_recall_sends_the_report_back_to_verification_at_the_disposer(world, frozen_monday):
    report = disposed_by_national(world)
    assert report.response_due_at is not None and report.verify_met_at is not None
    verify_due = report.verify_due_at
    OutboxMessage.objects.all().delete()

    with clock.frozen(frozen_monday + dt.timedelta(hours=1)):
        report = rs.report_recall(report=report, actor=world.actor("nasional"), reason=REASON)

    report.refresh_from_db()
    assert report.status == Status.VERIFIED
    assert report.owner_agency == world.root and report.disposed_by_agency_id is None
    assert report.disposed_at is None and report.status_note == REASON
    # the receiving unit's clocks are forgotten; verification runs again against its original due time
    assert report.response_due_at is None and report.completion_due_at is None
    assert report.verify_met_at is None and report.verify_due_at == verify_due
    event = report.events.order_by("-id").first()
    assert event.kind == "recalled" and event.visibility == "public" and event.body == REASON
    assert event.data["from_agency_id"] == world.kupang.pk
    audit = AuditEvent.objects.filter(event_type="report.recalled", report_id=report.pk).get()
    assert audit.extra_data["from"] == "disposed" and audit.extra_data["to"] == "verified"
    told = OutboxMessage.objects.filter(kind="report.recalled", report_id=report.pk)
    assert set(told.values_list("recipient", flat=True)) == {"kupang_admin@example.go.id"}
    assert "ditarik kembali" in told.first().body

    # and it can be disposed again, with fresh clocks for the new owner
    report = rs.report_dispose(report=report, actor=world.actor("nasional"), agency=world.surabaya)
    assert report.status == Status.DISPOSED and report.owner_agency == world.surabaya
    assert report.response_due_at is not None and report.verify_met_at is not None


@pytest.mark.django_db
def test_an_agency_intake_recalls_its_own_disposition_but_the_receiver_cannot(world):
    admin = world.actor("kupang_admin")
    report = submit(world, intake_agency=world.kupang, channel="sms")
    report = rs.report_verify(report=report, actor=admin, classification="pengaduan")
    report = rs.report_dispose(report=report, actor=admin, agency=world.dinkes)

    before = unchanged(report)
    with pytest.raises(PermissionDenied):
        rs.report_recall(report=report, actor=world.actor("dinkes_admin"), reason=REASON)
    assert unchanged(report) == before

    report = rs.report_recall(report=report, actor=admin, reason=REASON)
    assert report.status == Status.VERIFIED and report.owner_agency == world.kupang


@pytest.mark.django_db
def test_an_agency_admin_cannot_recall_what_the_national_intake_disposed(world):
    report = disposed_by_national(world)
    with pytest.raises(PermissionDenied):
        rs.report_recall(report=report, actor=world.actor("kupang_admin"), reason=REASON)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["kupang_admin", "dinkes_admin"])
def test_too_late_once_the_receiving_unit_has_acted(world, who):
    if who == "kupang_admin":  # the Pemkot wrote an internal note
        report = disposed_by_national(world)
        rs.report_add_note(report=report, actor=world.actor("kupang_admin"), note="Akan diteruskan ke PUPR.")
    else:  # the Pemkot passed it on to its Dinkes (bring_to's way to "disposed")
        report = bring_to(world, "disposed")
    assert recall_blocker(Report.objects.get(pk=report.pk)) is not None
    before = unchanged(report)
    with pytest.raises(ValidationFailed) as err:
        rs.report_recall(report=report, actor=world.actor("nasional"), reason=REASON)
    assert err.value.code == "recall_too_late" and "bukan wewenang" in err.value.message
    assert unchanged(report) == before


@pytest.mark.django_db
def test_the_reporter_or_the_disposer_writing_does_not_block_a_recall(world):
    report = disposed_by_national(world)
    rs.report_reply(report=report, actor=reporter_of(report), message="Mohon segera, sudah ada yang jatuh.")
    rs.report_add_note(report=report, actor=world.actor("nasional"), note="Periksa lagi tujuan disposisinya.")
    report = rs.report_recall(report=report, actor=world.actor("nasional"), reason=REASON)
    assert report.status == Status.VERIFIED


@pytest.mark.django_db
def test_a_reason_is_required(world):
    report = disposed_by_national(world)
    before = unchanged(report)
    with pytest.raises(ValidationFailed) as err:
        rs.report_recall(report=report, actor=world.actor("nasional"), reason="salah")
    assert err.value.extra["field"] == "alasan penarikan"
    assert unchanged(report) == before
