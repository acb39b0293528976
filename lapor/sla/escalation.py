"""Escalation rules (pure): which alert a running clock has reached, and when its next one falls due.

Levels, for a clock with due time D in the owner's time zone (see docs/subsystems/sla.md):

====  =========================  ==========================================================================
1     WARNING                    from 00:00 local of the last working day before D's date: one HK or less left
2     BREACH                     from D + 1 s: the owner's instansi admin is told (national admin for the
                                 national intake)
3     NATIONAL                   from 00:00 local of the 3rd working day after D's date: the national admin
4     CASE_FILE (completion)     from the end of the class limit counted again after D: an Ombudsman case
                                 file (*penundaan berlarut*)
====  =========================  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from lapor.sla.deadlines import Calendar, deadline_after, local_date, start_of_day

BREACH_NATIONAL_AFTER_HK = 3


class AlertLevel(IntEnum):
    NONE = 0
    WARNING = 1
    BREACH = 2
    NATIONAL = 3
    CASE_FILE = 4


def alert_times(
    *, due: dt.datetime, tz: str, calendar: Calendar, case_file_hk: int | None
) -> dict[AlertLevel, dt.datetime]:
    """When each level falls due for a clock with due time ``due``. ``case_file_hk`` is the class limit for the
    completion clock (``None`` for clocks that never produce a case file).
    """
    due_day = local_date(due, tz)
    last_working_before = _working_day_before(due_day, calendar)
    times = {
        AlertLevel.WARNING: start_of_day(last_working_before, tz),
        AlertLevel.BREACH: due + dt.timedelta(seconds=1),
        AlertLevel.NATIONAL: start_of_day(calendar.add_working_days(due_day, BREACH_NATIONAL_AFTER_HK), tz),
    }
    if case_file_hk is not None:
        times[AlertLevel.CASE_FILE] = deadline_after(due, case_file_hk, tz=tz, calendar=calendar) + dt.timedelta(
            seconds=1
        )
    return times


def _working_day_before(day: dt.date, calendar: Calendar) -> dt.date:
    """The last working day strictly before ``day`` (so "one HK left" starts there)."""
    probe = day - dt.timedelta(days=1)
    for _ in range(60):
        if calendar.is_working_day(probe):
            return probe
        probe -= dt.timedelta(days=1)
    return probe


def reached_level(
    *, now: dt.datetime, due: dt.datetime, tz: str, calendar: Calendar, case_file_hk: int | None
) -> tuple[AlertLevel, dt.datetime | None]:
    """The highest level reached at ``now`` and when the next level falls due (``None``: none left)."""
    times = alert_times(due=due, tz=tz, calendar=calendar, case_file_hk=case_file_hk)
    reached = AlertLevel.NONE
    next_at: dt.datetime | None = None
    for level in sorted(times):
        if times[level] <= now:
            reached = level
        elif next_at is None:
            next_at = times[level]
    return reached, next_at


def next_alert_after(
    *, level: AlertLevel, due: dt.datetime, tz: str, calendar: Calendar, case_file_hk: int | None
) -> dt.datetime | None:
    """When the first level above ``level`` falls due, or ``None`` when the clock is fully escalated."""
    times = alert_times(due=due, tz=tz, calendar=calendar, case_file_hk=case_file_hk)
    later = [t for lv, t in sorted(times.items()) if lv > level]
    return later[0] if later else None
