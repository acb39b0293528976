"""The console inbox: scope, tabs and counts, filters, urgency order, keyset pages, constant query count."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from conftest import MONDAY, bring_to, submit
from lapor.core import clock
from lapor.reference.models import Category
from lapor.reports import services as rs

pytestmark = pytest.mark.django_db


def tids(response) -> list[str]:
    return re.findall(r'name="reports" value="(\d+)"', response.content.decode()) or re.findall(
        r'class="tid"[^>]*><a href="/konsol/laporan/(\d+)/"', response.content.decode()
    )


def test_inbox_is_scoped_and_counted(world, login):
    with clock.frozen(MONDAY):
        mine = bring_to(world, "disposed")
        bring_to(world, "followed_up")
        theirs = submit(world, channel="sms", intake_agency=world.surabaya)
        response = login("kupang_admin").get("/konsol/")
    assert tids(response) == [mine.tracking_id]
    html = response.content.decode()
    assert re.search(r"Perlu tindakan <span class=\"count\">1</span>", html)
    assert re.search(r"Menunggu pelapor <span class=\"count\">1</span>", html)
    with clock.frozen(MONDAY):
        assert tids(login("surabaya_admin").get("/konsol/")) == [theirs.tracking_id]


def test_national_inbox_starts_with_the_national_intake(world, login):
    with clock.frozen(MONDAY):
        intake = bring_to(world, "submitted")
        elsewhere = bring_to(world, "disposed")
        client = login("nasional")
        assert tids(client.get("/konsol/")) == [intake.tracking_id]
        assert set(tids(client.get("/konsol/?milik=semua"))) == {intake.tracking_id, elsewhere.tracking_id}


def test_filters(world, login):
    with clock.frozen(MONDAY):
        web = bring_to(world, "disposed")
        sms = bring_to(world, "disposed", channel="sms")
        rs.report_reclassify(
            report=sms, actor=world.actor("kupang_admin"), classification="aspirasi", reason="Ini usulan warga."
        )
        city = bring_to(world, "disposed", region_code="53.71", title="Lampu jalan padam di Jalan El Tari")
    client = login("kupang_admin")
    with clock.frozen(MONDAY):
        assert tids(client.get("/konsol/?kanal=sms")) == [sms.tracking_id]
        assert tids(client.get("/konsol/?klasifikasi=aspirasi")) == [sms.tracking_id]
        assert set(tids(client.get("/konsol/?wilayah=53.71.04"))) == {web.tracking_id, sms.tracking_id}
        assert set(tids(client.get("/konsol/?wilayah=Oebobo"))) == {web.tracking_id, sms.tracking_id}
        assert tids(client.get("/konsol/?wilayah=Atlantis")) == []
        assert tids(client.get("/konsol/?status=disposed&milik=langsung")) == []  # owned by Dinkes, not Kupang
        assert tids(client.get("/konsol/?status=disposed&milik=semua"))
        assert tids(client.get("/konsol/?q=lampu")) == [city.tracking_id]


def test_category_filter_includes_subcategories(world, login):
    top = Category.objects.create(name="KESEHATAN", full_name="KESEHATAN", level=1)
    child = Category.objects.create(name="PUSKESMAS", full_name="KESEHATAN › PUSKESMAS", level=2, parent=top)
    with clock.frozen(MONDAY):
        report = bring_to(world, "submitted")
        rs.report_verify(report=report, actor=world.actor("nasional"), category_id=child.pk)
        other = bring_to(world, "verified")
        client = login("nasional")
        assert tids(client.get(f"/konsol/?kategori={top.pk}")) == [report.tracking_id]
        assert other.tracking_id not in tids(client.get(f"/konsol/?kategori={child.pk}"))


def test_deadline_colour_filter_and_urgency_order(world, login):
    with clock.frozen(MONDAY):
        old = bring_to(world, "disposed")  # response due Mon 9 Nov (5 HK)
    with clock.frozen(MONDAY.replace(day=4)):
        new = bring_to(world, "disposed")  # response due Wed 11 Nov
    client = login("dinkes_admin")
    with clock.frozen(MONDAY.replace(day=9)):  # Monday 9 Nov: the old one is due tonight
        assert tids(client.get("/konsol/")) == [old.tracking_id, new.tracking_id]
        assert tids(client.get("/konsol/?urut=terbaru")) == [new.tracking_id, old.tracking_id]
        assert tids(client.get("/konsol/?warna=yellow")) == [old.tracking_id]
        assert tids(client.get("/konsol/?warna=green")) == [new.tracking_id]
        assert tids(client.get("/konsol/?warna=red")) == []
    with clock.frozen(MONDAY.replace(day=10)):
        assert tids(client.get("/konsol/?warna=red")) == [old.tracking_id]
        html = client.get("/konsol/?warna=red").content.decode()
        assert "Tanggapan pertama: terlewati 1 hari kerja" in html


def test_reports_waiting_on_the_reporter_have_no_running_deadline(world, login):
    with clock.frozen(MONDAY):
        waiting = bring_to(world, "pending_info")
        assert tids(login("nasional").get("/konsol/?tab=menunggu_pelapor&warna=none")) == [waiting.tracking_id]


def test_keyset_pages_walk_every_row_once(world, login, monkeypatch):
    monkeypatch.setattr("lapor.console.views.inbox.PAGE_SIZE", 3)
    with clock.frozen(MONDAY):
        made = {bring_to(world, "disposed").tracking_id for _ in range(7)}
    client = login("kupang_admin")
    for sort in ("urgensi", "terbaru"):
        seen, url = [], f"/konsol/?urut={sort}"
        for _ in range(10):
            response = client.get(url)
            seen += tids(response)
            match = re.search(r'href="(\?[^"]*setelah=[^"]+)"', response.content.decode())
            if not match:
                break
            url = "/konsol/" + match.group(1).replace("&amp;", "&")
        assert len(seen) == len(set(seen)) == 7 and set(seen) == made, sort


def test_a_tampered_cursor_starts_from_the_top(world, login):
    bring_to(world, "disposed")
    assert len(tids(login("kupang_admin").get("/konsol/?setelah=not-a-cursor"))) == 1


def test_query_count_does_not_grow_with_rows(world, login, django_assert_max_num_queries):
    client = login("kupang_admin")
    for _ in range(3):
        bring_to(world, "disposed")
    client.get("/konsol/")  # warm the per-session state and memoised reference data
    # session, user, memberships, page, closures, bulk picker (2), tab counts, and the session save
    # (SESSION_SAVE_EVERY_REQUEST: an UPDATE, inside a savepoint in tests). On PostgreSQL the page of a
    # subtree is two queries more: the subtree's agencies, then the page's ids merged agency by agency.
    with django_assert_max_num_queries(14 if connection.vendor == "postgresql" else 12) as few:
        client.get("/konsol/?warna=green&klasifikasi=pengaduan")
    for _ in range(12):
        bring_to(world, "disposed")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/konsol/?warna=green&klasifikasi=pengaduan")
    assert len(tids(response)) == 15


def test_tracking_id_search_opens_the_report(world, login):
    report = bring_to(world, "disposed")
    response = login("kupang_admin").get(f"/konsol/?q=%23{report.tracking_id}")
    assert response["Location"] == f"/konsol/laporan/{report.tracking_id}/"


def test_htmx_requests_get_only_the_results(world, login):
    bring_to(world, "disposed")
    response = login("kupang_admin").get("/konsol/?kanal=web", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="inbox-results")
    html = response.content.decode()
    assert "<table" in html and "<html" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the agency-by-agency merge runs on PostgreSQL only")
def test_the_agency_by_agency_merge_gives_the_same_pages_as_one_query(world, monkeypatch):
    """For a subtree, PostgreSQL reads each agency's most urgent/newest reports from its own index and merges
    them; every filter, order and page must come out exactly as the plain query over the whole subtree.
    """
    from lapor.console import selectors as sel

    with clock.frozen(MONDAY):
        for status, overrides in (
            ("disposed", {}),
            ("returned", {}),
            ("disposed", {"channel": "sms"}),
            ("followed_up", {}),
            ("verified", {}),
            ("returned", {"channel": "sms"}),
            ("in_progress", {}),
        ):
            bring_to(world, status, **overrides)
    actor = world.actor("kupang_admin")
    assert len(sel.scope_agency_ids(actor)) >= 2

    def walk(filters: sel.InboxFilters) -> list[str]:
        seen, after = [], ""
        while True:
            page = sel.console_inbox_page(actor, filters, after=after, limit=2)
            seen += [row.report.tracking_id for row in page.rows]
            if not page.next_cursor:
                return seen
            after = page.next_cursor

    combos = [
        sel.InboxFilters(sort=sort, tab=tab, channel=channel, colour=colour, direct=direct)
        for sort in ("urgensi", "terbaru")
        for tab in ("perlu_tindakan", "menunggu_pelapor", "semua")
        for channel in ("", "sms")
        for colour in ("", "green")
        for direct in (False, True)
    ]
    with clock.frozen(MONDAY):
        merged = {f: walk(f) for f in combos}
        monkeypatch.setattr(sel, "_merge_agencies", lambda actor, filters: None)
        plain = {f: walk(f) for f in combos}
    assert merged == plain
    assert sum(len(v) for v in plain.values()) > 0 and any(len(v) >= 3 for v in plain.values())
