"""The escalation sweep: warnings, escalation up the tree, Ombudsman case files, auto-close — idempotent."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from conftest import MONDAY, bring_to, build_world, reporter_of
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.core import clock
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs
from lapor.reports.models import CaseFile, Report, ReportEvent
from lapor.reports.states import Status
from lapor.sla.escalation import AlertLevel
from lapor.sla.services import closure_add
from lapor.sla.sweep import sla_sweep

UTC = dt.UTC


def at(day: int, hour_wita: int = 9, month: int = 11) -> dt.datetime:
    """A moment in November 2026, given in Kupang time (WITA, UTC+8)."""
    return dt.datetime(2026, month, day, hour_wita, 0, tzinfo=UTC) - dt.timedelta(hours=8)


@pytest.fixture
def disposed(world):
    """A pengaduan disposed on Monday 2 Nov 2026 (Kupang) and sent on to Dinkes: response due Mon 9 Nov,
    completion (14 HK) due Fri 20 Nov, both 23:59:59 WITA.
    """
    with clock.frozen(MONDAY):
        report = bring_to(world, "disposed")
    report.refresh_from_db()
    assert report.response_due_at == dt.datetime(2026, 11, 9, 15, 59, 59, tzinfo=UTC)
    assert report.completion_due_at == dt.datetime(2026, 11, 20, 15, 59, 59, tzinfo=UTC)
    return report


def kinds(report):
    return list(
        ReportEvent.objects.filter(report=report, kind__in=["warned", "escalated", "case_filed"]).values_list(
            "kind", "data__clock", "data__level"
        )
    )


@pytest.mark.django_db
def test_nothing_happens_while_there_is_time(world, disposed):
    result = sla_sweep(now=at(5))  # Thursday: two working days before the response deadline
    assert not result.alerts and not kinds(disposed)


@pytest.mark.django_db
def test_warns_the_owner_one_working_day_before(world, disposed):
    outbox = OutboxMessage.objects.count()
    result = sla_sweep(now=at(6, 0) + dt.timedelta(minutes=1))  # Friday 00:01 WITA, deadline Monday
    assert result.alerts == {"response:warning": 1}
    assert kinds(disposed) == [("warned", "response", AlertLevel.WARNING)]
    digests = OutboxMessage.objects.filter(kind="sla.warning")
    assert set(digests.values_list("recipient", flat=True)) == {
        "dinkes_admin@example.go.id",
        "dinkes_penghubung@example.go.id",
    }
    assert disposed.tracking_id in digests.first().body
    assert OutboxMessage.objects.count() == outbox + 2
    assert AuditEvent.objects.filter(event_type=AuditEventType.REPORT_WARNED, report_id=disposed.pk).count() == 1


@pytest.mark.django_db
def test_a_second_sweep_does_nothing_more(world, disposed):
    now = at(6, 10)
    first = sla_sweep(now=now)
    events, outbox, audits = ReportEvent.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count()
    second = sla_sweep(now=now)
    assert sum(first.alerts.values()) == 1 and not second.alerts
    assert (ReportEvent.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count()) == (
        events,
        outbox,
        audits,
    )


@pytest.mark.django_db
def test_breach_escalates_to_the_instansi_admin(world, disposed):
    sla_sweep(now=at(6, 10))
    result = sla_sweep(now=dt.datetime(2026, 11, 9, 16, 0, 0, tzinfo=UTC))  # one second after the deadline
    assert result.alerts == {"response:breach": 1}
    recipients = set(OutboxMessage.objects.filter(kind="sla.breach").values_list("recipient", flat=True))
    assert "kupang_admin@example.go.id" in recipients  # Pemerintah Kota Kupang, above Dinkes
    assert "nasional@example.go.id" not in recipients
    report = Report.objects.get(pk=disposed.pk)
    assert report.response_alert == AlertLevel.BREACH and report.escalation_level == AlertLevel.BREACH


@pytest.mark.django_db
def test_three_working_days_late_reaches_the_national_admin(world, disposed):
    result = sla_sweep(now=at(12, 8))  # Thursday 12 Nov: 3 HK after Monday's deadline
    assert result.alerts == {"response:national": 1}  # the highest level reached is sent once, not each step
    assert set(OutboxMessage.objects.filter(kind="sla.national").values_list("recipient", flat=True)) == {
        "nasional@example.go.id"
    }


@pytest.mark.django_db
def test_penundaan_berlarut_produces_an_ombudsman_case_file(world, disposed):
    # completion due Fri 20 Nov; 14 HK later again is Thu 10 Dec (with Christmas far away)
    result = sla_sweep(now=at(11, 9, month=12))
    assert result.case_files == 1
    case = CaseFile.objects.get(report=disposed)
    snap = case.snapshot
    assert snap["flag"] == "penundaan_berlarut" and snap["tracking_id"] == disposed.tracking_id
    assert {m["clock"] for m in snap["missed_deadlines"]} == {"response", "completion"}
    assert {a["name"] for a in snap["agencies"]} >= {"Dinas Kesehatan Kota Kupang", "Pemerintah Kota Kupang"}
    assert "Maria Ndun" not in str(snap) and "081234567890" not in str(snap)
    assert "ombudsman@example.go.id" in set(
        OutboxMessage.objects.filter(kind="sla.case_file").values_list("recipient", flat=True)
    )
    assert sla_sweep(now=at(12, 9, month=12)).case_files == 0  # once per report


@pytest.mark.django_db
def test_case_file_waits_for_the_class_limit_again(world, disposed):
    result = sla_sweep(now=at(9, 9, month=12))  # Wed 9 Dec: overdue, but not by a whole 14 HK yet
    assert result.case_files == 0
    assert Report.objects.get(pk=disposed.pk).completion_alert == AlertLevel.NATIONAL


@pytest.mark.django_db
def test_auto_close_after_exactly_ten_working_days(world):
    with clock.frozen(MONDAY):
        report = bring_to(world, "followed_up")  # followed up Monday 2 Nov → window ends Mon 16 Nov 23:59:59
    due = Report.objects.get(pk=report.pk).autoclose_due_at
    assert due == dt.datetime(2026, 11, 16, 15, 59, 59, tzinfo=UTC)
    assert sla_sweep(now=due).auto_closed == 0
    assert sla_sweep(now=due - dt.timedelta(minutes=1)).auto_closed == 0
    assert sla_sweep(now=due + dt.timedelta(seconds=1)).auto_closed == 1
    report.refresh_from_db()
    assert report.status == Status.CLOSED
    assert report.completion_met_at == report.last_follow_up_at  # finished when the agency answered


@pytest.mark.django_db
def test_tidak_puas_blocks_auto_close_and_keeps_the_clock(world):
    with clock.frozen(MONDAY):
        report = bring_to(world, "followed_up")
    with clock.frozen(MONDAY + dt.timedelta(days=3)):
        rs.report_dispute(report=report, actor=reporter_of(report), reason="Belum ada perbaikan sama sekali.")
    result = sla_sweep(now=at(30))
    report.refresh_from_db()
    assert result.auto_closed == 0 and report.status == Status.IN_PROGRESS
    assert report.completion_met_at is None and report.completion_alert >= AlertLevel.BREACH


@pytest.mark.django_db
def test_followed_up_report_does_not_escalate_completion(world):
    with clock.frozen(MONDAY):
        report = bring_to(world, "followed_up")
    sla_sweep(now=at(16, 10))  # past the response deadline, but the agency answered on day one
    assert not ReportEvent.objects.filter(report=report, kind="escalated").exists()


@pytest.mark.django_db
def test_dry_run_changes_nothing(world, disposed):
    events, outbox = ReportEvent.objects.count(), OutboxMessage.objects.count()
    result = sla_sweep(now=at(12, 8), dry_run=True)
    assert result.dry_run and result.alerts == {"response:national": 1}
    assert (ReportEvent.objects.count(), OutboxMessage.objects.count()) == (events, outbox)
    assert Report.objects.get(pk=disposed.pk).response_alert == 0


@pytest.mark.django_db
def test_closure_moves_running_deadlines(world, disposed):
    # a regional holiday in Kupang on Wednesday 4 Nov: response deadline moves from Mon 9 to Tue 10 Nov
    closure_add(agency=world.kupang, date=dt.date(2026, 11, 4), reason="Banjir", actor=world.actor("kupang_admin"))
    report = Report.objects.get(pk=disposed.pk)
    assert report.response_due_at == dt.datetime(2026, 11, 10, 15, 59, 59, tzinfo=UTC)
    assert report.completion_due_at == dt.datetime(2026, 11, 23, 15, 59, 59, tzinfo=UTC)


@pytest.mark.django_db
def test_only_that_agency_admin_declares_its_closures(world):
    from lapor.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        closure_add(
            agency=world.kupang, date=dt.date(2026, 11, 4), reason="Banjir", actor=world.actor("surabaya_admin")
        )


@pytest.mark.django_db
def test_reclassification_recomputes_completion_from_the_disposition(world, disposed):
    rs.report_reclassify(
        report=disposed,
        actor=world.actor("kupang_admin"),
        classification="pengaduan_pengawasan",
        reason="Perlu pemeriksaan lapangan oleh inspektorat.",
    )
    report = Report.objects.get(pk=disposed.pk)
    # 60 HK after Monday 2 Nov 2026 → Friday 29 Jan 2027 (Christmas, cuti bersama and New Year skipped)
    assert report.completion_due_at == dt.datetime(2027, 1, 29, 15, 59, 59, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent sweeps are a PostgreSQL matter")
def test_two_sweeps_at_once_escalate_once():
    world = build_world()
    with clock.frozen(MONDAY):
        reports = [bring_to(world, "disposed") for _ in range(6)]
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(sla_sweep(now=at(12, 8), batch_size=2))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(sum(r.alerts.values()) for r in results) == len(reports)
    for report in reports:
        assert ReportEvent.objects.filter(report=report, kind="escalated").count() == 1
