"""Working-day calendar: table-driven cases, the frozen holiday fixture, and properties (hypothesis)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapor.sla.calendar import WorkingCalendar, indonesian_holidays, national_calendar
from lapor.sla.deadlines import ClockColour, clock_colour, deadline_after, end_of_day, working_days_left

CAL = national_calendar()
FIXTURE = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "data"
    / "holidays"
    / "hari_libur_cuti_bersama_2019_2027.csv"
)
D = dt.date

CASES = [
    # (start, n, expected, why)
    (D(2026, 11, 2), 5, D(2026, 11, 9), "a plain week"),
    (D(2026, 11, 6), 1, D(2026, 11, 9), "Friday + 1 skips the weekend"),
    (D(2026, 11, 7), 1, D(2026, 11, 9), "from a Saturday"),
    (D(2026, 3, 17), 1, D(2026, 3, 25), "Nyepi, cuti bersama and Idul Fitri 2026"),
    (D(2026, 3, 17), 3, D(2026, 3, 27), "through Idul Fitri 2026"),
    (D(2024, 4, 5), 1, D(2024, 4, 16), "Idul Fitri 2024 (8–15 April)"),
    (D(2025, 3, 27), 1, D(2025, 4, 8), "Nyepi and Idul Fitri 2025"),
    (D(2027, 3, 5), 1, D(2027, 3, 16), "Nyepi and Idul Fitri 2027 (8–15 March)"),
    (D(2027, 3, 1), 1, D(2027, 3, 2), "a plain Monday"),
    (D(2026, 12, 23), 1, D(2026, 12, 28), "Christmas 2026 with cuti bersama"),
    (D(2026, 12, 31), 1, D(2027, 1, 4), "New Year across the year boundary"),
    (D(2026, 8, 14), 1, D(2026, 8, 18), "Independence Day on a Monday"),
    (D(2026, 11, 2), 0, D(2026, 11, 2), "zero days"),
    (D(2026, 11, 2), 60, D(2027, 1, 29), "60 HK for pengaduan berkadar pengawasan"),
]


@pytest.mark.parametrize(("start", "n", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_add_working_days(start, n, expected, why):
    assert CAL.add_working_days(start, n) == expected
    assert CAL.working_days_between(start, expected) == n


def test_idul_fitri_weeks_are_not_working_days():
    for day in [
        D(2024, 4, 10),
        D(2024, 4, 11),
        D(2024, 4, 12),
        D(2025, 3, 31),
        D(2025, 4, 7),
        D(2026, 3, 20),
        D(2026, 3, 23),
        D(2026, 3, 24),
        D(2027, 3, 10),
    ]:
        assert not CAL.is_working_day(day), day


def test_outside_the_calendar_is_an_error_not_a_guess():
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2050, 1, 1), 1)
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 1, 1), -1)


@pytest.mark.skipif(not FIXTURE.exists(), reason="../shared/data is not available")
def test_holidays_match_the_frozen_fixture():
    with FIXTURE.open(encoding="utf-8") as fh:
        fixture = {D.fromisoformat(r["tanggal"]) for r in csv.DictReader(fh)}
    ours = set(indonesian_holidays(range(2019, 2028)))
    assert ours == fixture


dates = st.dates(min_value=D(2016, 1, 1), max_value=D(2038, 12, 31))
counts = st.integers(min_value=0, max_value=120)


@given(dates, counts)
def test_add_then_count_round_trips(day, n):
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@given(dates, st.integers(min_value=1, max_value=120))
def test_deadlines_never_land_on_a_non_working_day(day, n):
    result = CAL.add_working_days(day, n)
    assert result.weekday() < 5
    assert result not in CAL.non_working
    assert result > day


@given(dates, counts)
def test_adding_is_monotonic(day, n):
    assert CAL.add_working_days(day, n + 1) > CAL.add_working_days(day, n)


@given(dates, st.lists(st.dates(min_value=D(2016, 1, 1), max_value=D(2038, 12, 31)), max_size=8), counts)
def test_closures_match_a_calendar_built_with_them(day, closures, n):
    small = WorkingCalendar(non_working=CAL.non_working | set(closures), first_year=2015, last_year=2040)
    fast = CAL.with_closures(closures)
    assert fast.add_working_days(day, n) == small.add_working_days(day, n)
    other = day + dt.timedelta(days=n * 2)
    if other.year <= 2040:
        assert fast.working_days_between(day, other) == small.working_days_between(day, other)


# --- wall-clock deadlines in the agency's time zone ---------------------------------------------------------
UTC = dt.UTC
TZ_CASES = [
    # event (UTC), n, tz, expected deadline (UTC)
    (dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC), 1, "Asia/Jakarta", dt.datetime(2026, 11, 3, 16, 59, 59, tzinfo=UTC)),
    (dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC), 1, "Asia/Makassar", dt.datetime(2026, 11, 3, 15, 59, 59, tzinfo=UTC)),
    (dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC), 1, "Asia/Jayapura", dt.datetime(2026, 11, 3, 14, 59, 59, tzinfo=UTC)),
    # 23:30 WIB on Monday is already Tuesday 01:30 in Jayapura: the local date decides
    (dt.datetime(2026, 11, 2, 16, 30, tzinfo=UTC), 1, "Asia/Jakarta", dt.datetime(2026, 11, 3, 16, 59, 59, tzinfo=UTC)),
    (
        dt.datetime(2026, 11, 2, 16, 30, tzinfo=UTC),
        1,
        "Asia/Jayapura",
        dt.datetime(2026, 11, 4, 14, 59, 59, tzinfo=UTC),
    ),
    # Friday evening in Kupang (WITA) is a Friday event; +1 HK is Monday
    (dt.datetime(2026, 11, 6, 14, 0, tzinfo=UTC), 1, "Asia/Makassar", dt.datetime(2026, 11, 9, 15, 59, 59, tzinfo=UTC)),
]


@pytest.mark.parametrize(("event", "n", "tz", "expected"), TZ_CASES)
def test_deadline_is_end_of_the_nth_working_day_in_local_time(event, n, tz, expected):
    assert deadline_after(event, n, tz=tz, calendar=CAL) == expected


def test_end_of_day_is_235959_local():
    assert end_of_day(D(2026, 11, 3), "Asia/Makassar") == dt.datetime(2026, 11, 3, 15, 59, 59, tzinfo=UTC)


def test_colours():
    due = dt.datetime(2026, 11, 6, 16, 59, 59, tzinfo=UTC)  # Friday end of day WIB
    monday = dt.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    thursday = dt.datetime(2026, 11, 5, 3, 0, tzinfo=UTC)
    assert clock_colour(monday, due, tz="Asia/Jakarta", calendar=CAL) == ClockColour.GREEN
    assert clock_colour(thursday, due, tz="Asia/Jakarta", calendar=CAL) == ClockColour.YELLOW
    assert clock_colour(due + dt.timedelta(seconds=1), due, tz="Asia/Jakarta", calendar=CAL) == ClockColour.RED
    assert working_days_left(monday, due, tz="Asia/Jakarta", calendar=CAL) == 4
