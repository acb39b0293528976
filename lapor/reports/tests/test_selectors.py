"""The staff inbox: scoped to the subtree, counted per tab, each row with its clocks, constant query count."""

from __future__ import annotations

import pytest

from conftest import MONDAY, bring_to, submit
from lapor.core import clock
from lapor.reports.selectors import inbox_counts, inbox_page

pytestmark = pytest.mark.django_db


def test_inbox_is_scoped_to_the_subtree(world):
    with clock.frozen(MONDAY):
        mine = bring_to(world, "disposed")  # owner: Dinkes Kota Kupang
        theirs = submit(world, channel="sms", intake_agency=world.surabaya)
    for name, expected in [
        ("dinkes_admin", {mine.pk}),
        ("kupang_admin", {mine.pk}),
        ("surabaya_admin", {theirs.pk}),
        ("puskesmas_penghubung", set()),
    ]:
        rows = inbox_page(world.actor(name), tab="perlu_tindakan")
        assert {r.report.pk for r in rows} == expected, name


def test_rows_carry_deadlines_and_colours(world):
    with clock.frozen(MONDAY):
        bring_to(world, "disposed")
    with clock.frozen(MONDAY.replace(day=9)):  # Monday 9 Nov: response due tonight
        row = inbox_page(world.actor("dinkes_admin"))[0]
    clocks = {c["clock"]: c for c in row.clocks}
    assert clocks["response"]["colour"] == "yellow" and clocks["response"]["working_days_left"] == 0
    assert clocks["completion"]["colour"] == "green"
    assert clocks["verify"]["colour"] == "met"
    assert row.worst_colour == "yellow"


def test_counts_per_status_and_tab(world):
    bring_to(world, "disposed")
    bring_to(world, "followed_up")
    bring_to(world, "closed")
    counts = inbox_counts(world.actor("kupang_admin"))
    assert counts["disposed"] == 1 and counts["followed_up"] == 1 and counts["closed"] == 1
    assert counts["perlu_tindakan"] == 1 and counts["menunggu_pelapor"] == 1 and counts["selesai"] == 1


def test_counts_of_only_some_agencies_stay_inside_the_scope(world):
    bring_to(world, "disposed")  # with Dinkes, below Kota Kupang
    bring_to(world, "returned")  # back with Kota Kupang
    submit(world, channel="sms", intake_agency=world.surabaya)  # another instansi's
    kupang = world.actor("kupang_admin")
    assert inbox_counts(kupang)["perlu_tindakan"] == 2
    assert inbox_counts(kupang, agencies=[world.kupang.pk])["perlu_tindakan"] == 1
    assert inbox_counts(kupang, agencies=[world.dinkes.pk])["disposed"] == 1
    # An agency outside the actor's scope counts nothing, whatever the caller asks for.
    assert inbox_counts(kupang, agencies=[world.surabaya.pk])["perlu_tindakan"] == 0


def test_inbox_query_count_does_not_grow_with_rows(world, django_assert_max_num_queries):
    for _ in range(8):
        bring_to(world, "disposed")
    actor = world.actor("kupang_admin")
    with django_assert_max_num_queries(2):
        rows = inbox_page(actor)
    assert len(rows) == 8


def test_keyset_pagination_walks_every_row_once(world):
    for _ in range(7):
        bring_to(world, "disposed")
    actor = world.actor("kupang_admin")
    seen, after = [], None
    while True:
        page = inbox_page(actor, limit=3, after=after)
        if not page:
            break
        seen += [r.report.pk for r in page]
        after = (page[-1].report.submitted_at, page[-1].report.pk)
    assert len(seen) == len(set(seen)) == 7
