"""Deadlines in wall-clock time (pure: the caller passes ``now`` and the calendar).

A deadline of N HK after an event ends at the close (23:59:59 local) of the Nth working day after the event's
local date, in the owning agency's time zone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo

from lapor.sla.calendar import ClosureCalendar, WorkingCalendar

Calendar = WorkingCalendar | ClosureCalendar


class ClockColour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class ClockState(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"


def local_date(at: dt.datetime, tz: str) -> dt.date:
    return at.astimezone(ZoneInfo(tz)).date()


def start_of_day(day: dt.date, tz: str) -> dt.datetime:
    """00:00 local on ``day``, as an aware UTC datetime."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=ZoneInfo(tz)).astimezone(dt.UTC)


def end_of_day(day: dt.date, tz: str) -> dt.datetime:
    """23:59:59 local on ``day``, as an aware UTC datetime."""
    local = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=ZoneInfo(tz))
    return local.astimezone(dt.UTC)


def deadline_after(at: dt.datetime, n: int, *, tz: str, calendar: Calendar) -> dt.datetime:
    """End of the Nth working day after ``at``'s local date in ``tz``."""
    return end_of_day(calendar.add_working_days(local_date(at, tz), n), tz)


def working_days_left(now: dt.datetime, due: dt.datetime, *, tz: str, calendar: Calendar) -> int:
    """Working days from today (local) up to the due date: 0 on the due day itself, negative once past it."""
    return calendar.working_days_between(local_date(now, tz), local_date(due, tz))


def clock_colour(now: dt.datetime, due: dt.datetime, *, tz: str, calendar: Calendar) -> ClockColour:
    """Red once the deadline has passed; yellow with one working day or less left; green otherwise."""
    if now > due:
        return ClockColour.RED
    if working_days_left(now, due, tz=tz, calendar=calendar) <= 1:
        return ClockColour.YELLOW
    return ClockColour.GREEN


def clock_state(
    *, now: dt.datetime, due: dt.datetime | None, met_at: dt.datetime | None, paused: bool = False
) -> ClockState | None:
    """State of one clock; ``None`` when it has not started."""
    if paused:
        return ClockState.PAUSED
    if due is None:
        return None
    if met_at is not None:
        return ClockState.MET if met_at <= due else ClockState.BREACHED
    return ClockState.BREACHED if now > due else ClockState.RUNNING
