"""The verification panel and the citizen form's similar-reports endpoint."""

from __future__ import annotations

import pytest

from conftest import submit
from lapor.reports import services as rs
from lapor.reports.states import Status
from lapor.routing import services as routing

pytestmark = [pytest.mark.django_db, pytest.mark.urls("lapor.routing.tests.urls")]


def url(report, suffix=""):
    return f"/routing/laporan/{report.tracking_id}/{suffix}"


def test_panel_permissions(client, history_world):
    w = history_world.world
    report = submit(w, body="Jalan berlubang besar di depan pasar, mohon ditambal", region_code="53.71.04.1001")
    assert client.get(url(report)).status_code == 302  # anonymous → login
    client.force_login(w.users["surabaya_admin"])
    assert client.get(url(report)).status_code == 404  # other agency: not even its existence
    client.force_login(w.users["warga"])
    assert client.get(url(report)).status_code == 404
    client.force_login(w.users["nasional"])
    page = client.get(url(report))
    assert page.status_code == 200
    assert "Belum ada model router aktif" in page.content.decode()


def test_panel_shows_suggestions_and_one_click_dispose(client, history_world):
    w = history_world.world
    routing.router_train_from_db()
    report = submit(w, body="Jalan berlubang besar dan aspal rusak di depan pasar", region_code="53.71.04.1001")
    client.force_login(w.users["nasional"])
    html = client.get(url(report)).content.decode()
    assert "Dinas PUPR Kota Kupang" in html and "Disposisikan" in html
    data = client.get(url(report), {"format": "json"}).json()
    assert data["suggestions"][0]["agency"] == w.pupr.code and data["suggestions"][0]["reason"]
    response = client.post(url(report, "disposisi/"), {"agency": w.pupr.pk})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.DISPOSED and report.owner_agency == w.pupr
    bad = client.post(url(report, "disposisi/"), {"agency": "x"})
    assert bad.status_code == 302  # a clear message, nothing changed
    report.refresh_from_db()
    assert report.owner_agency == w.pupr


def test_panel_links_a_duplicate(client, rworld):
    w = rworld.world
    first = submit(w, body="Lampu jalan di Gang Kenanga padam sejak minggu lalu", region_code="53.71.04.1001")
    again = submit(w, body="Lampu jalan di gang Kenanga masih padam sejak minggu lalu", region_code="53.71.04.1001")
    client.force_login(w.users["nasional"])
    html = client.get(url(again)).content.decode()
    assert f"#{first.tracking_id}" in html and "Tandai duplikat" in html
    client.post(url(again, "tautkan/"), {"other": first.tracking_id, "kind": "duplicate", "score": "0.9"})
    again.refresh_from_db()
    assert again.status == Status.ARCHIVED


def test_similar_endpoint_for_the_citizen_form(client, rworld):
    w = rworld.world
    public = submit(w, body="Jalan berlubang besar di depan SD Inpres Oebobo, motor jatuh", region_code="53.71.04.1001")
    rs.report_verify(report=public, actor=w.actor("nasional"))
    data = client.get(
        "/routing/serupa/", {"isi": "jalan berlubang besar depan SD Inpres Oebobo", "wilayah": "53.71.04.1001"}
    ).json()
    assert [r["tracking_id"] for r in data["results"]] == [public.tracking_id]
    assert client.get("/routing/serupa/", {"isi": "pendek"}).json() == {"results": []}
