"""Starting, meeting, pausing and re-arming a report's clocks — the only code that writes the SLA columns.

These functions change a report instance in memory and return the names of the fields they touched; the
calling service saves them in its transaction. The maths comes from :mod:`lapor.sla.deadlines` and
:mod:`lapor.sla.escalation`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lapor.sla.deadlines import Calendar, deadline_after, working_days_left
from lapor.sla.escalation import AlertLevel, next_alert_after

if TYPE_CHECKING:
    from lapor.agencies.models import Agency
    from lapor.reports.models import Report

VERIFY, RESPONSE, COMPLETION = "verify", "response", "completion"
CLOCKS = (VERIFY, RESPONSE, COMPLETION)
MET_FIELD = {VERIFY: "verify_met_at", RESPONSE: "first_response_at", COMPLETION: "completion_met_at"}


def _arm(report: Report, clock: str, *, agency: Agency, calendar: Calendar, case_file_hk: int | None) -> None:
    due = getattr(report, f"{clock}_due_at")
    level = AlertLevel(getattr(report, f"{clock}_alert"))
    next_at = None
    if due is not None:
        next_at = next_alert_after(
            level=level,
            due=due,
            tz=agency.timezone,
            calendar=calendar,
            case_file_hk=case_file_hk if clock == COMPLETION else None,
        )
    setattr(report, f"{clock}_next_alert_at", next_at)


def _escalation(report: Report) -> int:
    return max(report.verify_alert, report.response_alert, report.completion_alert)


def clock_start(
    report: Report,
    clock: str,
    *,
    start: dt.datetime,
    hk: int,
    agency: Agency,
    calendar: Calendar,
    case_file_hk: int | None = None,
) -> list[str]:
    """(Re)start ``clock`` at ``start`` for ``hk`` working days in ``agency``'s time zone and calendar."""
    setattr(report, f"{clock}_due_at", deadline_after(start, hk, tz=agency.timezone, calendar=calendar))
    setattr(report, f"{clock}_alert", AlertLevel.NONE)
    setattr(report, MET_FIELD[clock], None)
    _arm(report, clock, agency=agency, calendar=calendar, case_file_hk=case_file_hk)
    report.escalation_level = _escalation(report)
    return [f"{clock}_due_at", f"{clock}_alert", f"{clock}_next_alert_at", MET_FIELD[clock], "escalation_level"]


def clock_meet(report: Report, clock: str, *, at: dt.datetime) -> list[str]:
    """Stop ``clock``: met at ``at`` (on time or late, as its due time says). A met clock is never re-met."""
    if getattr(report, MET_FIELD[clock]) is not None or getattr(report, f"{clock}_due_at") is None:
        return []
    setattr(report, MET_FIELD[clock], at)
    setattr(report, f"{clock}_next_alert_at", None)
    return [MET_FIELD[clock], f"{clock}_next_alert_at"]


def clock_stop(report: Report, clock: str) -> list[str]:
    """Forget ``clock`` entirely (e.g. the agency clocks of a report sent back for re-disposition)."""
    setattr(report, f"{clock}_due_at", None)
    setattr(report, f"{clock}_next_alert_at", None)
    setattr(report, f"{clock}_alert", AlertLevel.NONE)
    report.escalation_level = _escalation(report)
    return [f"{clock}_due_at", f"{clock}_next_alert_at", f"{clock}_alert", "escalation_level"]


def clock_reopen(
    report: Report, clock: str, *, agency: Agency, calendar: Calendar, case_file_hk: int | None = None
) -> list[str]:
    """A met clock runs again against its original due time (a reopened report keeps its history)."""
    if getattr(report, f"{clock}_due_at") is None:
        return []
    setattr(report, MET_FIELD[clock], None)
    _arm(report, clock, agency=agency, calendar=calendar, case_file_hk=case_file_hk)
    return [MET_FIELD[clock], f"{clock}_next_alert_at"]


def clock_suspend(report: Report, clock: str) -> list[str]:
    """Hold ``clock``'s alerts while the ball is in the reporter's court (after a follow-up)."""
    setattr(report, f"{clock}_next_alert_at", None)
    return [f"{clock}_next_alert_at"]


def clock_rearm(
    report: Report, clock: str, *, agency: Agency, calendar: Calendar, case_file_hk: int | None = None
) -> list[str]:
    """Resume alerts for a running clock (the report is back with the agency)."""
    if getattr(report, MET_FIELD[clock]) is not None:
        return []
    _arm(report, clock, agency=agency, calendar=calendar, case_file_hk=case_file_hk)
    return [f"{clock}_next_alert_at"]


def verification_pause(report: Report, *, now: dt.datetime, agency: Agency, calendar: Calendar) -> list[str]:
    """Tunda: remember how many working days were left (at least one) and stop the clock."""
    if report.verify_due_at is not None:
        left = working_days_left(now, report.verify_due_at, tz=agency.timezone, calendar=calendar)
        report.verify_remaining_hk = max(left, 1)
    report.verify_paused_at = now
    report.verify_due_at = None
    report.verify_next_alert_at = None
    return ["verify_remaining_hk", "verify_paused_at", "verify_due_at", "verify_next_alert_at"]


def verification_resume(
    report: Report, *, now: dt.datetime, default_hk: int, agency: Agency, calendar: Calendar
) -> list[str]:
    """The reporter answered: the clock restarts with the working days that were left when it paused."""
    hk = report.verify_remaining_hk or default_hk
    fields = clock_start(report, VERIFY, start=now, hk=hk, agency=agency, calendar=calendar)
    report.verify_paused_at = None
    report.verify_remaining_hk = None
    return [*fields, "verify_paused_at", "verify_remaining_hk"]


def record_alert(report: Report, clock: str, *, level: AlertLevel, next_at: dt.datetime | None) -> list[str]:
    """The sweep sent ``level`` for ``clock``; the next alert falls due at ``next_at``."""
    setattr(report, f"{clock}_alert", int(level))
    setattr(report, f"{clock}_next_alert_at", next_at)
    report.escalation_level = _escalation(report)
    return [f"{clock}_alert", f"{clock}_next_alert_at", "escalation_level"]


CLOCK_LABELS = {
    VERIFY: gettext_noop("Verifikasi"),
    RESPONSE: gettext_noop("Tanggapan pertama"),
    COMPLETION: gettext_noop("Penyelesaian"),
    "autoclose": gettext_noop("Tutup otomatis"),
}


def clock_views(report: Report, *, now: dt.datetime, tz: str, calendar: Calendar) -> list[dict]:
    """Every started clock of ``report`` as plain data: due time, state (running/paused/met/breached), colour
    (green/yellow/red, or ``met``) and working days left. What the timeline, the inbox and the API show.
    """
    from lapor.sla.deadlines import ClockColour, ClockState, clock_colour, clock_state

    views = []
    for name in (*CLOCKS, "autoclose"):
        due = getattr(report, f"{name}_due_at")
        met = getattr(report, MET_FIELD[name]) if name in MET_FIELD else None
        paused = name == VERIFY and report.verify_paused_at is not None
        if due is None and not paused:
            continue
        if name == "autoclose" and report.status != "followed_up":
            continue
        state = clock_state(now=now, due=due, met_at=met, paused=paused)
        if state in (ClockState.MET, ClockState.BREACHED) and met is not None:
            colour = "met" if state == ClockState.MET else ClockColour.RED.value
        elif paused:
            colour = "paused"
        else:
            colour = clock_colour(now, due, tz=tz, calendar=calendar).value
        views.append(
            {
                "clock": name,
                "label": _(CLOCK_LABELS[name]),
                "due": due,
                "met_at": met,
                "state": state.value if state else None,
                "colour": colour,
                "working_days_left": working_days_left(now, due, tz=tz, calendar=calendar) if due and not met else None,
                "remaining_hk_when_paused": report.verify_remaining_hk if paused else None,
            }
        )
    return views
