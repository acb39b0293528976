"""The escalation sweep: warn before a breach, escalate after it, file Ombudsman cases, auto-close.

Idempotent and safe to run concurrently: each batch locks the rows it handles (``SKIP LOCKED`` on PostgreSQL, so
two sweeps split the work instead of doing it twice), re-checks each clock's due alert under the lock, and
advances the clock's alert level in the same transaction as the notifications, timeline entries and audit events.
Errors are caught per report and reported; one broken report never stops the sweep.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency, Membership
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_chain_for, audit_record
from lapor.core import clock as clockmod
from lapor.core.errors import ApplicationError, IllegalTransition
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue
from lapor.reports.choices import EventKind, Visibility
from lapor.reports.models import CaseFile, Report, ReportEvent
from lapor.reports.services import report_auto_close
from lapor.reports.services._base import completion_hk
from lapor.reports.states import Status
from lapor.sla.casefiles import casefile_snapshot
from lapor.sla.clocks import CLOCKS, COMPLETION, RESPONSE, VERIFY, record_alert
from lapor.sla.escalation import AlertLevel, reached_level
from lapor.sla.selectors import calendar_for

log = logging.getLogger(__name__)

# A clock alerts only while the report is in a state where that clock is the agency's (or intake's) to meet.
APPLIES_IN = {
    VERIFY: frozenset({Status.SUBMITTED, Status.VERIFIED}),
    RESPONSE: frozenset({Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS}),
    COMPLETION: frozenset({Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS}),
}
CLOCK_LABELS = {
    VERIFY: gettext_noop("verifikasi"),
    RESPONSE: gettext_noop("tanggapan pertama"),
    COMPLETION: gettext_noop("penyelesaian"),
}
LEVEL_EVENT = {
    AlertLevel.WARNING: (EventKind.WARNED, AuditEventType.REPORT_WARNED),
    AlertLevel.BREACH: (EventKind.ESCALATED, AuditEventType.REPORT_ESCALATED),
    AlertLevel.NATIONAL: (EventKind.ESCALATED, AuditEventType.REPORT_ESCALATED),
    AlertLevel.CASE_FILE: (EventKind.CASE_FILED, AuditEventType.REPORT_CASE_FILED),
}


@dataclass
class SweepResult:
    dry_run: bool = False
    alerts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    case_files: int = 0
    auto_closed: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{k}={v}" for k, v in sorted(self.alerts.items())]
        parts += [
            f"case_files={self.case_files}",
            f"auto_closed={self.auto_closed}",
            f"skipped={self.skipped}",
            f"errors={len(self.errors)}",
        ]
        return ("DRY RUN: " if self.dry_run else "") + " ".join(parts)


class _Recipients:
    """Who hears about an alert, cached per agency for the duration of one sweep."""

    def __init__(self) -> None:
        self._staff: dict[int, list[str]] = {}
        self._instansi: dict[int, Agency] = {}
        self._root_roles: dict[str, list[str]] = {}

    def _emails(self, agency_ids: list[int], roles: tuple[str, ...]) -> list[str]:
        return list(
            Membership.objects.filter(agency_id__in=agency_ids, role__in=roles, active=True, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
            .distinct()
        )

    def owner_staff(self, agency: Agency) -> list[str]:
        if agency.pk not in self._staff:
            self._staff[agency.pk] = self._emails([agency.pk], (Role.AGENCY_ADMIN, Role.LIAISON))
        return self._staff[agency.pk]

    def instansi_of(self, agency: Agency) -> Agency:
        """The K/L/D instansi the agency belongs to (itself when it is one; the root for the national intake)."""
        if agency.pk not in self._instansi:
            step = agency.steplen
            paths = [agency.path[:i] for i in range(step, len(agency.path) + 1, step)]
            chain = list(Agency.objects.filter(path__in=paths).order_by("-depth"))
            kinds = AgencyKind.instansi_kinds()
            self._instansi[agency.pk] = next((a for a in chain if a.kind in kinds), chain[-1])
        return self._instansi[agency.pk]

    def root_role(self, role: str) -> list[str]:
        if role not in self._root_roles:
            self._root_roles[role] = list(
                Membership.objects.filter(role=role, active=True, user__is_active=True, agency__depth=1)
                .exclude(user__email="")
                .values_list("user__email", flat=True)
                .distinct()
            )
        return self._root_roles[role]

    def for_level(self, level: AlertLevel, owner: Agency) -> list[str]:
        if level == AlertLevel.WARNING:
            return self.owner_staff(owner)
        if level == AlertLevel.BREACH:
            instansi = self.instansi_of(owner)
            if instansi.is_root():
                return self.root_role(Role.NATIONAL_ADMIN)
            return sorted(set(self.owner_staff(owner)) | set(self._emails([instansi.pk], (Role.AGENCY_ADMIN,))))
        if level == AlertLevel.NATIONAL:
            return self.root_role(Role.NATIONAL_ADMIN)
        return sorted(set(self.root_role(Role.NATIONAL_ADMIN)) | set(self.root_role(Role.SUPERVISOR)))


def _lock_batch(clock: str, ids: list[int], now: dt.datetime) -> list[Report]:
    """Lock the rows still due (skipping rows another sweep holds), then read them with their owners."""
    qs = Report.objects.filter(pk__in=ids, **{f"{clock}_next_alert_at__lte": now})
    if connection.vendor == "postgresql":
        qs = qs.select_for_update(skip_locked=True, no_key=True)
    locked = list(qs.values_list("pk", flat=True))
    reports = list(Report.objects.filter(pk__in=locked).select_related("owner_agency"))
    # The batch's audit events lock their chains' heads until commit: take them in ascending chain order, so two
    # sweeps running at once queue behind each other instead of deadlocking (decision 0015).
    return sorted(reports, key=lambda r: (audit_chain_for(r.pk), r.pk))


def _handle(
    report: Report,
    clock: str,
    now: dt.datetime,
    recipients: _Recipients,
    digests,
    result: SweepResult,
    calendars: dict[int, object],
) -> None:
    owner = report.owner_agency
    calendar = calendars.setdefault(owner.pk, calendar_for(owner))
    due = getattr(report, f"{clock}_due_at")
    current = AlertLevel(getattr(report, f"{clock}_alert"))
    if report.status not in APPLIES_IN[clock] or due is None:
        record_alert(report, clock, level=current, next_at=None)  # not this clock's turn: stop looking at it
        report.save(update_fields=[f"{clock}_next_alert_at", "escalation_level"])
        result.skipped += 1
        return
    case_hk = completion_hk(report, owner) if clock == COMPLETION else None
    level, next_at = reached_level(now=now, due=due, tz=owner.timezone, calendar=calendar, case_file_hk=case_hk)
    if level <= current:
        fields = record_alert(report, clock, level=current, next_at=next_at)
        report.save(update_fields=fields)
        result.skipped += 1
        return
    fields = record_alert(report, clock, level=level, next_at=next_at)
    report.save(update_fields=fields)
    kind, audit_type = LEVEL_EVENT[level]
    data = {"clock": clock, "level": int(level), "due": due.isoformat(), "owner_agency_id": owner.pk}
    if level == AlertLevel.CASE_FILE:
        case, created = CaseFile.objects.get_or_create(
            report=report, reason="penundaan_berlarut", defaults={"snapshot": casefile_snapshot(report, now=now)}
        )
        data["case_file_id"] = case.pk
        result.case_files += int(created)
    with translation.override("id"):
        body = _alert_text(level, clock, report, due, owner)
    event = ReportEvent.objects.create(
        report=report,
        kind=kind,
        visibility=Visibility.INTERNAL,
        from_status=report.status,
        to_status=report.status,
        actor_kind="system",
        body=body,
        data=data,
        created_at=now,
    )
    audit_record(
        event_type=audit_type,
        actor_label="sistem",
        agency_id=owner.pk,
        report_id=report.pk,
        extra_data={"tracking_id": report.tracking_id, "event_id": event.pk, **data},
    )
    for email in recipients.for_level(level, owner):
        digests[(email, int(level))].append(body)
    result.alerts[f"{clock}:{level.name.lower()}"] += 1


def _alert_text(level: AlertLevel, clock: str, report: Report, due: dt.datetime, owner: Agency) -> str:
    label = _(CLOCK_LABELS[clock])
    values = {
        "tid": report.tracking_id,
        "clock": label,
        "agency": owner.name,
        "due": due.astimezone(ZoneInfo(owner.timezone)).strftime("%d-%m-%Y %H:%M"),
    }
    if level == AlertLevel.WARNING:
        return _("#%(tid)s: batas %(clock)s tinggal ≤ 1 hari kerja (%(due)s) — %(agency)s.") % values
    if level == AlertLevel.BREACH:
        return _("#%(tid)s: batas %(clock)s terlewati sejak %(due)s — %(agency)s.") % values
    if level == AlertLevel.NATIONAL:
        return _("#%(tid)s: batas %(clock)s terlewati lebih dari 3 hari kerja (%(due)s) — %(agency)s.") % values
    return _("#%(tid)s: penundaan berlarut — berkas kasus Ombudsman dibuat (%(agency)s).") % values


LEVEL_SUBJECT = {
    AlertLevel.WARNING: gettext_noop("LAPOR!: laporan mendekati batas waktu"),
    AlertLevel.BREACH: gettext_noop("LAPOR!: laporan melewati batas waktu"),
    AlertLevel.NATIONAL: gettext_noop("LAPOR!: eskalasi nasional laporan terlambat"),
    AlertLevel.CASE_FILE: gettext_noop("LAPOR!: berkas kasus penundaan berlarut"),
}


def _flush_digests(digests) -> None:
    """One message per recipient and level per batch, listing the reports, instead of one per report."""
    for (email, level), lines in digests.items():
        with translation.override("id"):
            subject = _(LEVEL_SUBJECT[AlertLevel(level)])
        outbox_enqueue(
            channel=OutboxChannel.EMAIL,
            recipient=email,
            kind=f"sla.{AlertLevel(level).name.lower()}",
            subject=subject,
            body="\n".join(lines) + "\n",
            payload={"count": len(lines)},
        )
    digests.clear()


def _sweep_clock(clock: str, now: dt.datetime, batch_size: int, result: SweepResult) -> None:
    recipients = _Recipients()
    calendars: dict[int, object] = {}
    last_pk = 0
    column = f"{clock}_next_alert_at"
    while True:
        ids = list(
            Report.objects.filter(**{f"{column}__lte": now, "pk__gt": last_pk})
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return
        last_pk = ids[-1]
        if result.dry_run:
            _dry_run_batch(clock, ids, now, result, calendars)
            continue
        digests: dict[tuple[str, int], list[str]] = defaultdict(list)
        with transaction.atomic():
            for report in _lock_batch(clock, ids, now):
                try:
                    with transaction.atomic():
                        _handle(report, clock, now, recipients, digests, result, calendars)
                except Exception as exc:  # noqa: BLE001 - one broken report must not stop the sweep
                    log.exception("sweep: report %s clock %s failed", report.tracking_id, clock)
                    result.errors.append((report.tracking_id, f"{clock}: {exc}"))
            _flush_digests(digests)


def _dry_run_batch(clock: str, ids: list[int], now: dt.datetime, result: SweepResult, calendars) -> None:
    for report in Report.objects.filter(pk__in=ids).select_related("owner_agency"):
        due = getattr(report, f"{clock}_due_at")
        if report.status not in APPLIES_IN[clock] or due is None:
            result.skipped += 1
            continue
        owner = report.owner_agency
        calendar = calendars.setdefault(owner.pk, calendar_for(owner))
        case_hk = completion_hk(report, owner) if clock == COMPLETION else None
        level, _next = reached_level(now=now, due=due, tz=owner.timezone, calendar=calendar, case_file_hk=case_hk)
        if level > getattr(report, f"{clock}_alert"):
            result.alerts[f"{clock}:{level.name.lower()}"] += 1
            result.case_files += int(level == AlertLevel.CASE_FILE)
        else:
            result.skipped += 1


def _auto_close(now: dt.datetime, batch_size: int, result: SweepResult) -> None:
    system = Actor.system()
    last_pk = 0
    while True:
        ids = list(
            Report.objects.filter(
                status=Status.FOLLOWED_UP, autoclose_due_at__lt=now, is_unsatisfied=False, pk__gt=last_pk
            )
            .order_by("pk")
            .values_list("pk", "tracking_id")[:batch_size]
        )
        if not ids:
            return
        last_pk = ids[-1][0]
        for pk, tracking_id in ids:
            if result.dry_run:
                result.auto_closed += 1
                continue
            try:
                report_auto_close(report=pk, actor=system)
                result.auto_closed += 1
            except IllegalTransition:
                result.skipped += 1  # closed, answered or disputed meanwhile (or by a concurrent sweep)
            except ApplicationError as exc:
                result.skipped += 1
                log.info("sweep: auto-close of %s refused: %s", tracking_id, exc.message)
            except Exception as exc:  # noqa: BLE001
                log.exception("sweep: auto-close of %s failed", tracking_id)
                result.errors.append((tracking_id, f"auto_close: {exc}"))


def sla_sweep(*, now: dt.datetime | None = None, dry_run: bool = False, batch_size: int = 100) -> SweepResult:
    """Run every alert and auto-close that is due at ``now``. Returns what was done (or would be)."""
    result = SweepResult(dry_run=dry_run)
    with clockmod.frozen(now) if now is not None else contextlib.nullcontext():
        at = clockmod.now()
        for clock in CLOCKS:
            _sweep_clock(clock, at, batch_size, result)
        _auto_close(at, batch_size, result)
    return result
