"""Who may open which staff page (anonymous → login, no dashboard role → 403, outside the subtree → 404), that
pengawas never see an identity, and that dashboards make a fixed number of queries whatever the data size.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import bring_to
from lapor.oversight.rollup import stats_refresh

pytestmark = pytest.mark.django_db


def pages(world) -> dict[str, str]:
    return {
        "dashboard": reverse("oversight:dashboard"),
        "kupang": reverse("oversight:agency", args=["kotkupang"]),
        "kupang_by_keyword": reverse("oversight:agency", args=["KOTKUPANG"]),
        "dinkes": reverse("oversight:agency", args=["kupang-dinkes"]),
        "surabaya": reverse("oversight:agency", args=["kotsurabaya"]),
        "list_kupang": reverse("oversight:reports") + "?instansi=kotkupang&kriteria=responded",
        "list_surabaya": reverse("oversight:reports") + "?instansi=kotsurabaya",
        "monthly_kupang": reverse("oversight:monthly", args=["kotkupang", "2026-10"]),
        "monthly_surabaya": reverse("oversight:monthly", args=["kotsurabaya", "2026-10"]),
        "xlsx_kupang": reverse("oversight:export") + "?instansi=kotkupang&format=xlsx",
        "csv_surabaya": reverse("oversight:export") + "?instansi=kotsurabaya&format=csv",
        "import": reverse("oversight:import"),
    }


ALL_OK = dict.fromkeys(
    (
        "dashboard",
        "kupang",
        "kupang_by_keyword",
        "dinkes",
        "surabaya",
        "list_kupang",
        "list_surabaya",
        "monthly_kupang",
        "monthly_surabaya",
        "xlsx_kupang",
        "csv_surabaya",
    ),
    200,
)
KUPANG_ONLY = {
    **ALL_OK,
    "surabaya": 404,
    "list_surabaya": 404,
    "monthly_surabaya": 404,
    "csv_surabaya": 404,
}
EXPECTED = {
    "nasional": {**ALL_OK, "import": 200},
    "ombudsman": {**ALL_OK, "import": 403},
    "walikota": {**KUPANG_ONLY, "import": 403},
    "kupang_admin": {**KUPANG_ONLY, "import": 200},
    "dinkes_admin": {
        **dict.fromkeys(ALL_OK, 404),
        "dashboard": 200,
        "dinkes": 200,
        "import": 200,
    },
    "surabaya_admin": {
        **dict.fromkeys(ALL_OK, 404),
        "dashboard": 200,
        "surabaya": 200,
        "list_surabaya": 200,
        "monthly_surabaya": 200,
        "csv_surabaya": 200,
        "import": 200,
    },
    "dinkes_penghubung": dict.fromkeys([*ALL_OK, "import"], 403),
    "warga": dict.fromkeys([*ALL_OK, "import"], 403),
}


@pytest.fixture
def some_reports(world):
    bring_to(world, "closed")
    bring_to(world, "followed_up", is_anonymous=True, reporter_name="Yosef Rahasia")
    bring_to(world, "disposed", is_secret=True)
    stats_refresh()


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_permission_matrix(client, world, some_reports, username):
    client.force_login(world.users[username])
    urls = pages(world)
    got = {name: client.get(url).status_code for name, url in urls.items()}
    assert got == EXPECTED[username]


def test_anonymous_visitors_are_sent_to_login(client, world, settings):
    login = resolve_url(settings.LOGIN_URL)
    for name, url in pages(world).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(login), name


def test_pengawas_sees_figures_but_never_an_identity(client, world, some_reports):
    client.force_login(world.users["ombudsman"])
    for name, url in pages(world).items():
        if name == "import":
            continue
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if url.endswith("format=xlsx"):
            body = _xlsx_text(body)
        for secret in (b"Maria Ndun", b"Yosef Rahasia", b"081234567890", b"maria@example.com"):
            assert secret not in body, (name, secret)


def _xlsx_text(data: bytes) -> bytes:
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(c) for row in wb.worksheets[0].iter_rows(values_only=True) for c in row).encode()


def test_dashboard_shows_the_figures_and_links_to_them(client, world, some_reports):
    client.force_login(world.users["walikota"])
    html = client.get(reverse("oversight:dashboard")).content.decode()
    assert "Dasbor Pemerintah Kota Kupang" in html
    assert '<svg class="chart" role="' in html and "<title id=" in html and "<desc id=" in html
    assert "kriteria=responded" in html and "instansi=kotkupang" in html
    assert "Dinas Kesehatan Kota Kupang" in html  # the league table of the units below
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from another host (no CDN)


def test_drilldown_list_shows_the_reports_of_the_figure(client, world, some_reports):
    client.force_login(world.users["kupang_admin"])
    html = client.get(reverse("oversight:reports") + "?instansi=kotkupang&kriteria=grp_closed").content.decode()
    assert html.count('class="status s-closed"') == 1
    assert "Yosef" not in html and "Maria" not in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url_name",
    ["oversight:dashboard", "opendata:stats"],
)
def test_dashboards_make_a_fixed_number_of_queries(client, world, url_name):
    from django.core.cache import cache

    client.force_login(world.users["nasional"])
    bring_to(world, "closed")
    stats_refresh()
    cache.clear()
    small = _queries(client, reverse(url_name))
    for status in ("closed", "followed_up", "disposed", "returned", "archived", "submitted", "in_progress"):
        bring_to(world, status)
        bring_to(world, status, is_secret=True)
    stats_refresh()
    cache.clear()
    big = _queries(client, reverse(url_name))
    assert big == small
    assert big <= 30
    # cached figures: session (read and save), user, memberships, rollup state, agencies for the page
    assert _queries(client, reverse(url_name)) <= 8


def test_drilldown_list_query_count_does_not_grow(client, world):
    client.force_login(world.users["nasional"])
    bring_to(world, "closed")
    url = reverse("oversight:reports") + "?instansi=lapor"
    small = _queries(client, url)
    for _ in range(5):
        bring_to(world, "closed")
    assert _queries(client, url) == small


def test_other_users_export_jobs_are_not_found(client, world, some_reports, monkeypatch):
    from lapor.oversight import views

    monkeypatch.setattr(views, "INLINE_EXPORT_ROWS", 1)
    client.force_login(world.users["kupang_admin"])
    response = client.get(reverse("oversight:export") + "?instansi=kotkupang&format=xlsx")
    assert response.status_code == 302
    job_url = response["Location"]
    assert client.get(job_url).status_code == 200
    client.force_login(world.users["walikota"])
    assert client.get(job_url).status_code == 404
    assert client.get(job_url + "unduh/").status_code == 404
