"""Changing the calendar an agency works by."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.reports.models import Report
from lapor.reports.services._base import completion_hk
from lapor.reports.states import OPEN_STATUSES
from lapor.sla.clocks import CLOCKS, COMPLETION, MET_FIELD, clock_rearm
from lapor.sla.deadlines import end_of_day, local_date
from lapor.sla.models import AgencyClosure
from lapor.sla.selectors import calendar_for, forget_closures

CLOCK_START = {"verify": "submitted_at", "response": "disposed_at", "completion": "disposed_at"}


@transaction.atomic
def closure_add(*, agency: Agency, date: dt.date, reason: str, actor: Actor) -> AgencyClosure:
    """Declare ``date`` a non-working day for ``agency`` and everything below it (a regional holiday, a
    disaster). Running deadlines of open reports in that subtree that span the day move one working day later.
    """
    if not (actor.is_national_admin or actor.covers(agency, Role.AGENCY_ADMIN)):
        raise PermissionDenied(_("Hanya admin instansi yang dapat menetapkan hari libur instansinya."))
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise ValidationFailed(_("Sebutkan alasan hari libur."), extra={"field": "reason"})
    before = calendar_for(agency)
    if not before.is_working_day(date):
        raise ValidationFailed(
            _("Tanggal %(date)s sudah bukan hari kerja.") % {"date": date.isoformat()}, extra={"field": "date"}
        )
    closure = AgencyClosure.objects.create(agency=agency, date=date, reason=reason[:200])
    forget_closures()
    transaction.on_commit(forget_closures)
    moved = _shift_running_deadlines(agency, date)
    audit_record(
        event_type=AuditEventType.AGENCY_CLOSURE_ADDED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        agency_id=agency.pk,
        extra_data={"date": date.isoformat(), "reason": reason[:200], "deadlines_moved": moved},
    )
    return closure


def _shift_running_deadlines(agency: Agency, day: dt.date) -> int:
    """Move every running deadline whose window contains ``day`` to the next working day (new calendar)."""
    start_of_day_utc = end_of_day(day, agency.timezone) - dt.timedelta(days=1)
    running = Q()
    for clock in CLOCKS:
        running |= Q(**{f"{clock}_due_at__gt": start_of_day_utc, f"{MET_FIELD[clock]}__isnull": True})
    running |= Q(autoclose_due_at__gt=start_of_day_utc)
    reports = (
        Report.objects.select_for_update(of=("self",))
        .filter(running, owner_agency__path__startswith=agency.path, status__in=OPEN_STATUSES)
        .select_related("owner_agency")
    )
    moved = 0
    calendars: dict[int, object] = {}
    for report in reports:
        owner = report.owner_agency
        calendar = calendars.setdefault(owner.pk, calendar_for(owner))
        fields: list[str] = []
        for clock in (*CLOCKS, "autoclose"):
            due = getattr(report, f"{clock}_due_at")
            if due is None or (clock != "autoclose" and getattr(report, MET_FIELD[clock]) is not None):
                continue
            start = report.last_follow_up_at if clock == "autoclose" else getattr(report, CLOCK_START[clock])
            due_day = local_date(due, owner.timezone)
            if start is None or not (local_date(start, owner.timezone) < day <= due_day):
                continue
            setattr(report, f"{clock}_due_at", end_of_day(calendar.add_working_days(due_day, 1), owner.timezone))
            fields.append(f"{clock}_due_at")
            if clock != "autoclose":
                hk = completion_hk(report, owner) if clock == COMPLETION else None
                fields += clock_rearm(report, clock, agency=owner, calendar=calendar, case_file_hk=hk)
        if fields:
            report.save(update_fields=sorted(set(fields)))
            moved += 1
    return moved
