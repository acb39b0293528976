"""Public pages: home, the public list and its filters, agencies; bad query strings never break a page."""

from __future__ import annotations

import pytest

from conftest import bring_to
from lapor.reference.models import Category

pytestmark = pytest.mark.django_db


def test_home_explains_lapor_and_counts_only_public_reports(client, world):
    bring_to(world, "disposed")
    bring_to(world, "disposed", is_secret=True)
    bring_to(world, "submitted")
    html = client.get("/").content.decode()
    assert "1708" in html and "WhatsApp" in html and "KOTKUPANG" in html
    for label in ("Aspirasi", "Permintaan informasi", "Pengaduan berkadar pengawasan", "60 hari kerja"):
        assert label in html
    assert "<dt>Laporan publik</dt><dd>1</dd>" in html


def test_home_track_box_goes_to_the_report(client, world):
    response = client.get("/", {"cek": "10000099"})
    assert response.status_code == 302 and response["Location"] == "/lapor/10000099/"


def test_list_filters_by_status_agency_category_region_and_text(client, world):
    road = Category.objects.create(name="JALAN", full_name="JALAN", level=1)
    hole = Category.objects.create(name="LUBANG", full_name="JALAN › LUBANG", parent=road, level=2)
    mine = bring_to(world, "followed_up", category_id=hole.pk)
    other = bring_to(
        world, "disposed", title="Puskesmas tutup lebih awal", body="Puskesmas Oepoi tutup jam 11.", region_code="35.78"
    )

    def ids(**params):
        return client.get("/laporan/", params).content.decode()

    assert mine.tracking_id in ids(status="followed_up") and other.tracking_id not in ids(status="followed_up")
    assert mine.tracking_id in ids(kategori=road.pk) and other.tracking_id not in ids(kategori=road.pk)
    assert mine.tracking_id in ids(provinsi="53") and other.tracking_id not in ids(provinsi="53")
    assert mine.tracking_id in ids(provinsi="53", kabkota="53.71")
    assert other.tracking_id in ids(q="puskesmas") and mine.tracking_id not in ids(q="puskesmas")
    assert mine.tracking_id in ids(instansi="kotkupang") and other.tracking_id in ids(instansi="kotkupang")
    assert other.tracking_id not in ids(instansi="kotsurabaya")


def test_tracking_id_in_the_search_box_opens_the_report(client, world):
    report = bring_to(world, "disposed")
    response = client.get("/laporan/", {"q": report.tracking_id})
    assert response.status_code == 302 and response["Location"] == f"/lapor/{report.tracking_id}/"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00\x01"},
        {"q": "x" * 5000},
        {"page": "-5"},
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"status": "<script>"},
        {"kategori": "1e9"},
        {"kategori": "99999999999999"},
        {"provinsi": "53.71.04.1001.9"},
        {"kabkota": "\x00"},
        {"instansi": "\x00"},
        {"instansi": "../"},
    ],
)
def test_weird_query_strings_never_break_the_list(client, world, params):
    assert client.get("/laporan/", params).status_code == 200


def test_redacted_titles_in_the_public_list(client, world):
    report = bring_to(world, "disposed", title="Hubungi saya di 081234567890 soal jalan")
    html = client.get("/laporan/").content.decode()
    assert report.tracking_id in html and "081234567890" not in html


def test_agency_page_with_figures(client, world):
    bring_to(world, "followed_up")
    bring_to(world, "closed")
    bring_to(world, "closed", is_secret=True)
    response = client.get("/instansi/kotkupang/")
    html = response.content.decode()
    assert response.status_code == 200 and "Pemerintah Kota Kupang" in html and "KOTKUPANG" in html
    assert "Dinas Kesehatan Kota Kupang" in html  # its units
    assert "<dt>Laporan publik</dt><dd>2</dd>" in html  # the secret one is not counted
    assert "100%" in html  # followed up or closed


def test_agency_directory_and_search(client, world):
    assert "Pemerintah Kota Kupang" in client.get("/instansi/").content.decode()
    assert "Puskesmas Oepoi" in client.get("/instansi/", {"q": "oepoi"}).content.decode()
    assert client.get("/instansi/", {"jenis": "bogus", "page": "x"}).status_code == 200
    assert client.get("/instansi/tidak-ada/").status_code == 404
    assert client.get("/instansi/%00/").status_code == 404


def test_city_options_fragment_for_the_list_filter(client, world):
    response = client.get("/laporan/", {"fragment": "kabkota", "provinsi": "53"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'value="53.71"' in html and "<html" not in html


def test_pages_make_no_external_requests_and_keep_referrers_home(client, world):
    for url in ("/", "/laporan/", "/lapor/", "/instansi/", "/akun/masuk/"):
        response = client.get(url)
        html = response.content.decode()
        assert "https://" not in html and "http://" not in html and "//cdn" not in html
        assert response.get("Referrer-Policy") in ("same-origin", "no-referrer")
        assert '<meta name="referrer" content="same-origin">' in html


def test_english_is_switchable(client, world):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.get("/").content.decode().count('lang="en"') >= 1
