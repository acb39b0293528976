"""Who may read an Ombudsman case file, in HTML and JSON (anonymous → login, outsiders → 404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import MONDAY, bring_to
from lapor.core import clock
from lapor.reports.models import CaseFile
from lapor.sla.sweep import sla_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    with clock.frozen(MONDAY):
        report = bring_to(world, "disposed", is_anonymous=True)
    sla_sweep(now=dt.datetime(2026, 12, 11, 1, 0, tzinfo=dt.UTC))
    return CaseFile.objects.get(report=report)


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("ombudsman", 200),
        ("nasional", 200),
        ("kupang_admin", 200),
        ("dinkes_admin", 200),
        ("walikota", 200),
        ("surabaya_admin", 404),
        ("kemenkes_admin", 404),
        ("puskesmas_penghubung", 404),
        ("warga", 404),
    ],
)
def test_casefile_access(client, world, case, username, expected):
    client.force_login(world.users[username])
    for name in ("sla:casefile_detail", "sla:casefile_json"):
        assert client.get(reverse(name, args=[case.pk])).status_code == expected, (username, name)


def test_anonymous_visitors_are_sent_to_login(client, case):
    response = client.get(reverse("sla:casefile_detail", args=[case.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("console:login"))


def test_json_has_the_case_and_never_the_reporter(client, world, case):
    client.force_login(world.users["ombudsman"])
    data = client.get(reverse("sla:casefile_json", args=[case.pk])).json()
    assert data["flag"] == "penundaan_berlarut" and data["missed_deadlines"]
    assert "Maria" not in str(data)
    html = client.get(reverse("sla:casefile_detail", args=[case.pk])).content.decode()
    assert case.snapshot["tracking_id"] in html and "Maria" not in html


def test_list_shows_only_the_viewers_cases(client, world, case):
    client.force_login(world.users["surabaya_admin"])
    assert case.snapshot["tracking_id"] not in client.get(reverse("sla:casefile_list")).content.decode()
    client.force_login(world.users["ombudsman"])
    assert case.snapshot["tracking_id"] in client.get(reverse("sla:casefile_list")).content.decode()
