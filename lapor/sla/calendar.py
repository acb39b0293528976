"""The working-day (hari kerja, HK) calendar. Pure: no ORM, no clock.

A working day is Monday–Friday that is neither a *libur nasional* nor a *cuti bersama* (from the PyPI
``holidays`` package, country ID, categories public + government, pinned in pyproject.toml so past deadlines
never drift) nor one of the agency's own closures.

The calendar precomputes the sorted ordinals of every working day in its years, so adding or counting working
days is a binary search, not a day-by-day walk.

>>> cal = national_calendar()
>>> cal.add_working_days(dt.date(2026, 3, 17), 1)   # Nyepi, cuti bersama and Idul Fitri follow
datetime.date(2026, 3, 25)
>>> cal.working_days_between(dt.date(2026, 3, 17), dt.date(2026, 3, 25))
1
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import holidays

CALENDAR_FIRST_YEAR = 2015
CALENDAR_LAST_YEAR = 2040
HOLIDAY_CATEGORIES = ("public", "government")


def indonesian_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Libur nasional and cuti bersama for ``years``, from the ``holidays`` package (Indonesian names)."""
    table = holidays.country_holidays("ID", years=list(years), categories=HOLIDAY_CATEGORIES, language="id")
    return dict(table.items())


class WorkingCalendar:
    """Working days between ``first_year`` and ``last_year`` inclusive; other years are refused loudly."""

    __slots__ = ("first_year", "last_year", "non_working", "_ordinals", "_first_ord", "_last_ord")

    def __init__(self, *, non_working: Iterable[dt.date], first_year: int, last_year: int) -> None:
        self.first_year = first_year
        self.last_year = last_year
        self.non_working = frozenset(non_working)
        start = dt.date(first_year, 1, 1)
        end = dt.date(last_year, 12, 31)
        self._first_ord = start.toordinal()
        self._last_ord = end.toordinal()
        ordinals = []
        for o in range(self._first_ord, self._last_ord + 1):
            day = dt.date.fromordinal(o)
            if day.weekday() < 5 and day not in self.non_working:
                ordinals.append(o)
        self._ordinals = ordinals

    def with_closures(self, closures: Iterable[dt.date]) -> WorkingCalendar | ClosureCalendar:
        """This calendar minus an agency's own non-working days (regional holidays, disasters)."""
        extra = frozenset(d for d in closures if self.first_year <= d.year <= self.last_year)
        extra = frozenset(d for d in extra if self.is_working_day(d))
        return ClosureCalendar(self, extra) if extra else self

    def _check(self, day: dt.date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise ValueError(f"{day} is outside the working-day calendar ({self.first_year}–{self.last_year})")

    def is_working_day(self, day: dt.date) -> bool:
        self._check(day)
        o = day.toordinal()
        i = bisect_left(self._ordinals, o)
        return i < len(self._ordinals) and self._ordinals[i] == o

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The Nth working day after ``start`` (``start`` itself never counts). ``n == 0`` gives ``start``."""
        if n < 0:
            raise ValueError("n must be zero or positive")
        self._check(start)
        if n == 0:
            return start
        i = bisect_right(self._ordinals, start.toordinal()) + n - 1
        if i >= len(self._ordinals):
            raise ValueError(f"{n} working days after {start} is beyond {self.last_year}")
        return dt.date.fromordinal(self._ordinals[i])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier),
        so ``working_days_between(d, add_working_days(d, n)) == n``.
        """
        self._check(start)
        self._check(end)
        if end < start:
            return -self.working_days_between(end, start)
        return bisect_right(self._ordinals, end.toordinal()) - bisect_right(self._ordinals, start.toordinal())

    def next_working_day_on_or_after(self, day: dt.date) -> dt.date:
        self._check(day)
        i = bisect_left(self._ordinals, day.toordinal())
        return dt.date.fromordinal(self._ordinals[i])


class ClosureCalendar:
    """A base calendar minus a handful of extra closed days, without rebuilding the whole table."""

    __slots__ = ("base", "closed", "_closed_ords")

    def __init__(self, base: WorkingCalendar, closed: frozenset[dt.date]) -> None:
        self.base = base
        self.closed = closed
        self._closed_ords = sorted(d.toordinal() for d in closed)

    @property
    def first_year(self) -> int:
        return self.base.first_year

    @property
    def last_year(self) -> int:
        return self.base.last_year

    def _closed_in(self, start: dt.date, end: dt.date) -> int:
        """Closed (otherwise working) days after ``start`` up to and including ``end``."""
        return bisect_right(self._closed_ords, end.toordinal()) - bisect_right(self._closed_ords, start.toordinal())

    def is_working_day(self, day: dt.date) -> bool:
        return day not in self.closed and self.base.is_working_day(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        result = self.base.add_working_days(start, n)
        missing = self._closed_in(start, result)
        while missing:
            previous = result
            result = self.base.add_working_days(previous, missing)
            missing = self._closed_in(previous, result)
        return result

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.working_days_between(end, start)
        return self.base.working_days_between(start, end) - self._closed_in(start, end)

    def next_working_day_on_or_after(self, day: dt.date) -> dt.date:
        day = self.base.next_working_day_on_or_after(day)
        while day in self.closed:
            day = self.base.add_working_days(day, 1)
        return day

    def with_closures(self, closures: Iterable[dt.date]) -> ClosureCalendar:
        return self.base.with_closures(self.closed | frozenset(closures))  # type: ignore[return-value]


@functools.cache
def national_calendar(first_year: int = CALENDAR_FIRST_YEAR, last_year: int = CALENDAR_LAST_YEAR) -> WorkingCalendar:
    """The national calendar (no agency closures), built once per process."""
    days = indonesian_holidays(range(first_year, last_year + 1))
    return WorkingCalendar(non_working=days.keys(), first_year=first_year, last_year=last_year)
