"""The figures on a small dataset whose answers are known (see ``conftest.build_dataset``), on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import bring_to
from lapor.core import clock
from lapor.oversight.criteria import COUNTED, STATUS_GROUPS
from lapor.oversight.models import BounceStat, MonthlyStat, MonthlyStatBase, StaffActivityDay
from lapor.oversight.rollup import CORE_FIELDS, Tree, core_counts, hk_between, stats_refresh
from lapor.oversight.selectors import (
    Period,
    compute_figures,
    drilldown,
    grade_for,
    percentile_from_histogram,
    period_from,
)
from lapor.oversight.tests.conftest import NOW
from lapor.privacy.policy import reports_in_scope_of
from lapor.reports.models import Report
from lapor.sla.calendar import national_calendar
from lapor.sla.sweep import sla_sweep

pytestmark = pytest.mark.django_db

MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 1))


def figures(agency, *, public=False, period=MARCH):
    with clock.frozen(NOW):
        return compute_figures(agency, period, public=public)


def test_rollup_columns_match_the_criteria():
    columns = {f.name for f in MonthlyStatBase._meta.get_fields()}
    assert set(CORE_FIELDS) == columns
    assert {f"grp_{g}" for g in STATUS_GROUPS} | set(COUNTED) <= columns


def test_headline_rates(world, refreshed):
    fig = figures(world.root)
    t = fig.totals
    assert t["total"] == 6
    assert (t["grp_unverified"], t["grp_in_process"], t["grp_followed_up"], t["grp_closed"], t["grp_archived"]) == (
        1,
        1,
        1,
        2,
        1,
    )
    assert t["disposed"] == 4  # A, B, C, D reached Kota Kupang
    assert t["responded"] == 3  # A, B, D were followed up; C never
    assert fig.rates["responded"] == 75.0
    assert fig.rates["closed"] == 50.0
    assert fig.rates["in_process"] == round(100 / 6, 1)
    assert fig.rates["rating_avg"] == 5.0


def test_sla_compliance_per_stage(world, refreshed):
    sla = {s["stage"]: s for s in figures(world.root).sla}
    # verification: A, C, D, E on time; B late (5 HK); F still unverified past its 3 HK
    assert (sla["verify"]["ontime"], sla["verify"]["late"], sla["verify"]["overdue"]) == (4, 1, 1)
    assert sla["verify"]["pct"] == round(100 * 4 / 6, 1)
    # first response: A, B, D on time; C overdue
    assert (sla["response"]["ontime"], sla["response"]["late"], sla["response"]["overdue"]) == (3, 0, 1)
    # completion: A and D met (at their follow-up), C overdue; B waits for the reporter (not counted)
    assert (sla["completion"]["ontime"], sla["completion"]["late"], sla["completion"]["overdue"]) == (2, 0, 1)
    assert sla["completion"]["pct"] == round(100 * 2 / 3, 1)


def test_durations_are_working_days_across_the_holiday_week(world, refreshed):
    cal = national_calendar()
    # Report A: filed Tue 17 March, disposed Wed 25 March; the 18th-24th are Nyepi, cuti bersama, Idul Fitri.
    assert hk_between(cal, dt.date(2026, 3, 17), dt.date(2026, 3, 25)) == 1
    fig = figures(world.root)
    # verification durations: A 1, B 5, C 1, D 0, E 1 (archived on Monday after a Friday filing)
    assert fig.hk_histograms["hk_verify"] == {0: 1, 1: 3, 5: 1}
    assert fig.durations["hk_verify"] == {"median": 1, "p90": 5, "n": 5}
    assert fig.durations["hk_response"] == {"median": 1, "p90": 1, "n": 3}
    assert fig.durations["hk_completion"] == {"median": 1, "p90": 1, "n": 2}


def test_backlog_by_colour_and_age(world, refreshed):
    fig = figures(world.root)
    assert fig.totals["open_red"] == 2  # C (agency overdue) and F (verification overdue)
    assert fig.totals["open_waiting"] == 1  # B, with the reporter
    # on 20 April every open report of March is 1 month old
    assert fig.backlog["1"] == {"red": 2, "yellow": 0, "green": 0, "waiting": 1}


def test_public_figures_never_count_secret_or_unverified_reports(world, refreshed):
    fig = figures(world.root, public=True)
    # A, B, C: D is secret, E archived, F not yet verified
    assert fig.totals["total"] == 3
    assert fig.totals["grp_closed"] == 1
    assert sum(n for _k, _l, n in fig.breakdowns["channel"]) == 3
    assert figures(world.root).totals["total"] == 6


def test_every_figure_drills_down_to_exactly_its_reports(world, refreshed):
    fig = figures(world.root)
    actor = world.actor("ombudsman")
    with clock.frozen(NOW):
        for name in (*COUNTED, *(f"grp_{g}" for g in STATUS_GROUPS)):
            qs = drilldown(reports_in_scope_of(actor), agency=world.root, period=MARCH, params={"kriteria": name})
            assert qs.count() == fig.totals[name], name
        for dim, param in (("channel", "kanal"), ("class", "klasifikasi"), ("status", "status")):
            for key, _label, n in fig.breakdowns[dim]:
                qs = drilldown(reports_in_scope_of(actor), agency=world.root, period=MARCH, params={param: key})
                assert qs.count() == n, (dim, key)


def test_unknown_drilldown_values_list_nothing(world, refreshed):
    base = reports_in_scope_of(world.actor("nasional"))
    for params in ({"kriteria": "nope"}, {"kategori": "abc"}, {"nilai": "9"}, {"umur": "99"}):
        assert not drilldown(base, agency=world.root, period=None, params=params).exists(), params


def test_rollup_rows_equal_a_live_count_of_each_subtree(world, refreshed):
    from lapor.oversight.criteria import moment_at

    tree = Tree.load()
    with clock.frozen(NOW):
        m = moment_at(NOW)
        for agency in (world.root, world.kupang, world.dinkes):
            qs = Report.objects.filter(owner_agency__path__startswith=agency.path)
            live = {name: 0 for name in CORE_FIELDS}
            for row in core_counts(qs, m):
                for name in CORE_FIELDS:
                    live[name] += row[name]
            stored = MonthlyStat.objects.filter(agency=agency, public=False).values(*CORE_FIELDS)
            summed = {name: sum(r[name] for r in stored) for name in CORE_FIELDS}
            assert summed == live, agency.code
    assert tree.ancestors(world.puskesmas.path) == [world.root.pk, world.kupang.pk, world.dinkes.pk, world.puskesmas.pk]


def test_breakdowns_are_kept_for_every_agency_with_reports(world, refreshed):
    rows = MonthlyStat.objects.filter(public=False).values_list("agency_id", "breakdown")
    assert {a for a, _b in rows} == {world.root.pk, world.kupang.pk}
    for _agency, breakdown in rows:
        assert sum(breakdown["channel"].values()) == sum(breakdown["status"].values())


def test_deeper_subtrees_have_their_own_figures(world, refreshed):
    with clock.frozen(NOW):
        rep = bring_to(world, "disposed")  # Dinas Kesehatan, a unit below the city
    stats_refresh(now=NOW)
    month = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    fig = figures(world.dinkes, period=month)
    assert fig.totals["total"] == 1
    assert fig.breakdowns["channel"] == [("web", "Situs web", 1)]
    assert rep.owner_agency_id == world.dinkes.pk


def test_refresh_recomputes_only_what_changed(world, refreshed):
    # clocks whose alert is due but not yet swept are recomputed every time; after the sweep nothing is left
    assert stats_refresh(now=NOW).months == 1
    sla_sweep(now=NOW)
    assert stats_refresh(now=NOW).months == 1  # the sweep's alerts are changes too
    assert stats_refresh(now=NOW).months == 0
    with clock.frozen(NOW):
        rs_follow = refreshed.c
        from lapor.reports import services as rs

        rs.report_follow_up(report=rs_follow, actor=world.actor("kupang_admin"), message="Sudah kami angkut sampahnya.")
    result = stats_refresh(now=NOW + dt.timedelta(minutes=5))
    assert result.months == 1 and not result.full
    fig = figures(world.root)
    assert fig.totals["responded"] == 4
    assert fig.totals["response_late"] == 1 and fig.totals["response_overdue"] == 0


def test_a_running_refresh_is_not_run_twice(world, refreshed):
    from lapor.oversight.models import StatState

    StatState.objects.filter(pk=1).update(running_since=NOW)
    assert stats_refresh(now=NOW).skipped
    assert not stats_refresh(now=NOW + dt.timedelta(hours=1)).skipped  # a lease older than 30 minutes is stale


def test_bounces_are_counted_for_the_agency_that_returned_the_report(world):
    with clock.frozen(NOW):
        bring_to(world, "returned")
    stats_refresh(now=NOW)
    counts = dict(BounceStat.objects.values_list("agency_id", "n"))
    assert counts == {world.root.pk: 1, world.kupang.pk: 1, world.dinkes.pk: 1}
    assert figures(world.kupang, period=Period(dt.date(2026, 4, 1), dt.date(2026, 4, 1))).bounces_out == 1


def test_admin_activity_counts_logins_and_actions(world):
    admin = world.users["kupang_admin"]
    with clock.frozen(NOW):
        admin.last_login = NOW - dt.timedelta(days=2)
        admin.save(update_fields=["last_login"])
        bring_to(world, "closed")
    stats_refresh(now=NOW)
    assert StaffActivityDay.objects.filter(user_id=admin.pk).exists()
    fig = figures(world.root, period=Period(dt.date(2026, 4, 1), dt.date(2026, 4, 1)))
    kupang = next(r for r in fig.league if r.code == "kotkupang")
    # admin instansi and penghubung of the city's subtree: kupang_admin, dinkes_admin, two penghubung
    assert kupang.admins == 4
    assert kupang.active_admins == 1
    assert kupang.actions >= 1


def test_full_rebuild_gives_the_same_rows(world, refreshed):
    before = sorted(MonthlyStat.objects.values_list("agency_id", "public", "month", "total", "responded"))
    stats_refresh(full=True, now=NOW)
    after = sorted(MonthlyStat.objects.values_list("agency_id", "public", "month", "total", "responded"))
    assert before == after


@pytest.mark.parametrize(
    ("indicators", "expected"),
    [
        ({"connection": 100, "follow_up": 100, "completion": 90, "activity": 100}, (97.5, "hijau")),
        ({"connection": 100, "follow_up": 70, "completion": 50, "activity": 60}, (70.0, "kuning")),
        ({"connection": 50, "follow_up": 40, "completion": 20, "activity": 0}, (27.5, "merah")),
        ({"connection": 100, "follow_up": None, "completion": None, "activity": 100}, (None, "na")),
    ],
)
def test_grade(indicators, expected):
    assert grade_for(**indicators) == expected


@pytest.mark.parametrize(
    ("hist", "q", "expected"),
    [
        ({}, 0.5, None),
        ({3: 1}, 0.9, 3),
        ({0: 1, 1: 3, 5: 1}, 0.5, 1),
        ({0: 1, 1: 3, 5: 1}, 0.9, 5),
        ({2: 9, 7: 1}, 0.9, 2),
    ],
)
def test_percentile_from_histogram(hist, q, expected):
    assert percentile_from_histogram(hist, q) == expected


def test_period_parsing():
    now = dt.datetime(2026, 4, 20, tzinfo=dt.UTC)
    assert period_from({}, now=now) == Period(dt.date(2025, 5, 1), dt.date(2026, 4, 1))
    assert period_from({"dari": "2026-01", "sampai": "2026-03"}, now=now) == Period(
        dt.date(2026, 1, 1), dt.date(2026, 3, 1)
    )
    assert period_from({"dari": "2026-05", "sampai": "2026-01"}, now=now).last == dt.date(2026, 4, 1)
    assert period_from({"dari": "rubbish"}, now=now).first == dt.date(2025, 5, 1)
    assert len(period_from({"dari": "1990-01"}, now=now).months) == 120
