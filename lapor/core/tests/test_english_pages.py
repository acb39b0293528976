"""A visitor who switches the language to English sees English on the citizen portal, the staff console, the
dashboards and the case files: no interface text of the Indonesian catalogue is left on the page.

Reports' own texts (titles, bodies, agency names) stay as they were written.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import cache

import pytest
from django.core.cache import cache as django_cache
from django.test import Client
from django.urls import reverse

from conftest import MONDAY, bring_to
from lapor.core import clock
from lapor.core.tests.test_locale import CATALOGUE, PLACEHOLDER, parse_po

pytestmark = pytest.mark.django_db

ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt|data-warning|data-expired)="([^"]*)"')


@cache
def indonesian_interface_texts() -> list[str]:
    """Catalogue sentences whose English differs, long enough not to be a name or a word both languages share."""
    texts = []
    for e in parse_po(CATALOGUE / "django.po"):
        english = e.msgstr.get(0, "")
        if e.msgid_plural or PLACEHOLDER.search(e.msgid) or "<" in e.msgid or english == e.msgid:
            continue
        if len(e.msgid) >= 12 and " " in e.msgid:
            texts.append(e.msgid)
    return texts


def visible_text(page: str) -> str:
    """What a reader (or a screen reader) meets: text nodes and the labelling attributes."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    labels = " ".join(ATTRIBUTES.findall(page))
    text = re.sub(r"<[^>]+>", " ", page)
    return " ".join(htmllib.unescape(f"{text} {labels}").split())


def english_client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def assert_english(client: Client, url: str, *expected: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    assert '<html lang="en"' in page
    text = visible_text(page)
    for phrase in expected:
        assert phrase in text, (url, phrase)
    left = [t for t in indonesian_interface_texts() if t in text]
    assert left == [], (url, left)
    return text


@pytest.fixture(autouse=True)
def _fresh_cache():
    django_cache.clear()
    yield
    django_cache.clear()


@pytest.fixture
def reports(world):
    with clock.frozen(MONDAY):
        public = bring_to(world, "followed_up")
        fresh = bring_to(world, "submitted")
    from lapor.oversight.rollup import stats_refresh

    stats_refresh()
    return public, fresh


def test_the_language_switch_is_remembered(world):
    client = english_client()
    assert client.cookies["django_language"].value == "en"
    text = assert_english(client, "/", "File a report", "Follow a report")
    assert "Buat laporan" not in text
    assert 'lang="id"' in Client().get("/").content.decode()  # Indonesian stays the default


def test_citizen_pages_in_english(world, reports):
    public, _fresh = reports
    client = english_client()
    with clock.frozen(MONDAY):
        assert_english(client, reverse("publicweb:report_new"), "Next: check the report")
        assert_english(client, reverse("publicweb:report_list"), "Search public reports")
        assert_english(client, reverse("publicweb:agency_list"), "Search agencies")
        assert_english(client, reverse("publicweb:agency_detail", args=["kotkupang"]), "Handling figures")
        text = assert_english(client, reverse("publicweb:report_detail", args=[public.tracking_id]), "History")
    assert public.title in text  # the report's own words are not translated


def test_console_inbox_and_report_page_in_english(world, reports):
    public, fresh = reports
    admin = english_client(world.users["nasional"])
    with clock.frozen(MONDAY):
        assert_english(admin, reverse("console:inbox"), "Inbox", "Needs action", "Sign out")
        text = assert_english(admin, reverse("console:report", args=[fresh.tracking_id]), "Verification", "History")
        assert_english(admin, reverse("console:walkin"), "Record a walk-in report")
    assert fresh.title in text
    liaison = english_client(world.users["kupang_admin"])
    with clock.frozen(MONDAY):
        assert_english(liaison, reverse("console:report", args=[public.tracking_id]), "Follow-up")
        assert_english(liaison, reverse("console:agency", args=["kotkupang"]), "Agency details")


def test_dashboards_and_statistics_in_english(world, reports):
    client = english_client(world.users["walikota"])
    text = assert_english(client, reverse("oversight:dashboard"), "Pemerintah Kota Kupang dashboard", "Summary")
    assert "Deadline compliance (SLA)" in text
    assert_english(client, reverse("oversight:reports") + "?instansi=kotkupang", "The reports behind the figures")
    public = english_client()
    assert_english(public, "/statistik/", "National complaint statistics")


def test_a_case_file_in_english(world, reports):
    from lapor.reports.models import CaseFile
    from lapor.sla.casefiles import casefile_snapshot

    public, _fresh = reports
    with clock.frozen(MONDAY):
        snapshot = casefile_snapshot(public, now=clock.now())
    snapshot["missed_deadlines"] = [{"clock": "response", "label": "tanggapan pertama", "due": "", "met": None}]
    case = CaseFile.objects.create(report=public, reason="penundaan_berlarut", snapshot=snapshot)
    client = english_client(world.users["ombudsman"])
    text = assert_english(client, reverse("sla:casefile_detail", args=[case.pk]), "Missed deadlines")
    assert "first answer" in text and "Report received" in text and "Complaint" in text
    assert "tanggapan pertama" not in text
