"""A small dataset with known figures, built through the services at known instants (March 2026, which has
Nyepi, cuti bersama and Idul Fitri from the 18th to the 24th: a week without a working day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from conftest import World, reporter_of, submit
from lapor.core import clock
from lapor.reports import services as rs
from lapor.reports.models import Report

# 09:00 WITA (Kupang) on a given date.
WITA_9 = dt.time(1, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 4, 20, 2, 0, tzinfo=dt.UTC)  # Monday 20 April 2026, 10:00 WITA


def at(day: str, time: dt.time = WITA_9) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), time)


@dataclass
class Dataset:
    """Reports by letter; see :func:`build_dataset` for what happened to each."""

    a: Report
    b: Report
    c: Report
    d: Report
    e: Report
    f: Report

    def all(self) -> list[Report]:
        return [self.a, self.b, self.c, self.d, self.e, self.f]


def _step(when: str, fn, **kwargs) -> Report:
    with clock.frozen(at(when)):
        return fn(**kwargs)


def build_dataset(world: World) -> Dataset:
    """Six reports, owned by Pemerintah Kota Kupang (disposed by the national admin):

    * A: filed Tue 17 Mar, verified and disposed Wed 25 Mar (1 HK: the 18th-24th are holidays), followed up
      Thu 26 Mar (1 HK), closed Mon 30 Mar, rated 5. Everything on time.
    * B: filed Mon 2 Mar, verified and disposed Mon 9 Mar (5 HK: verification late), followed up Tue 10 Mar;
      waits for the reporter (followed_up). Anonymous.
    * C: filed Tue 3 Mar, disposed Wed 4 Mar, never answered: first response and completion overdue (red).
    * D: filed Thu 5 Mar, *secret*, disposed the same day, followed up Fri 6 Mar, closed Mon 9 Mar.
    * E: filed Fri 6 Mar, archived as unclear on Mon 9 Mar.
    * F: filed Tue 10 Mar and never verified: verification overdue.
    """
    nas = world.actor("nasional")
    admin = world.actor("kupang_admin")

    def dispose(report: Report, when: str) -> Report:
        report = _step(when, rs.report_verify, report=report, actor=nas, classification="pengaduan")
        return _step(when, rs.report_dispose, report=report, actor=nas, agency=world.kupang)

    def follow(report: Report, when: str) -> Report:
        return _step(when, rs.report_follow_up, report=report, actor=admin, message="Sudah kami tinjau dan perbaiki.")

    with clock.frozen(at("2026-03-17")):
        a = submit(world, reporter_name="Maria Ndun")
    a = follow(dispose(a, "2026-03-25"), "2026-03-26")
    a = _step("2026-03-30", rs.report_close, report=a, actor=admin)
    a = _step("2026-03-30", rs.report_rate, report=a, actor=reporter_of(a), rating=5)

    with clock.frozen(at("2026-03-02")):
        b = submit(
            world, is_anonymous=True, reporter_name="Yohanes Anonim", body="Saya Yohanes, 081299998888: lampu mati."
        )
    b = follow(dispose(b, "2026-03-09"), "2026-03-10")

    with clock.frozen(at("2026-03-03")):
        c = submit(world, title="Sampah menumpuk di Pasar Oeba")
    c = dispose(c, "2026-03-04")

    with clock.frozen(at("2026-03-05")):
        d = submit(world, is_secret=True, title="Pungutan liar di kantor kelurahan")
    d = follow(dispose(d, "2026-03-05"), "2026-03-06")
    d = _step("2026-03-09", rs.report_close, report=d, actor=admin)

    with clock.frozen(at("2026-03-06")):
        e = submit(world, title="Tes tes")
    e = _step(
        "2026-03-09",
        rs.report_archive,
        report=e,
        actor=nas,
        reason="tidak_jelas",
        explanation="Isi laporan tidak cukup jelas untuk ditindaklanjuti.",
    )

    with clock.frozen(at("2026-03-10")):
        f = submit(world, title="Air PDAM keruh")
    return Dataset(*(Report.objects.get(pk=r.pk) for r in (a, b, c, d, e, f)))


@pytest.fixture
def dataset(world) -> Dataset:
    return build_dataset(world)


@pytest.fixture
def refreshed(dataset) -> Dataset:
    from lapor.oversight.rollup import stats_refresh

    with clock.frozen(NOW):
        stats_refresh(now=NOW)
    return dataset
