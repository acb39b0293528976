"""The legacy LAPOR! integration endpoint: unchanged XML in, tracking and transaction ids out; hostile or
malformed XML answered with a clear XML error and nothing stored."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from lapor.integrations.services import apikey_create
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db
URL = "/api/stream/addstream"


def doc(
    token: str,
    isi: str = "Pelayanan KTP elektronik di kecamatan sangat lambat, sudah tiga bulan menunggu.",
    extra: str = "",
) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<lapor token="{token}">
  <pelapor><email>budi@example.com</email><telpon>081234567890</telpon><namadepan>Budi</namadepan>
    <namabelakang>Santoso</namabelakang></pelapor>
  <laporan rahasia="1" anonim="1" {extra}><isi>{isi}</isi></laporan>
</lapor>""".encode()


@pytest.fixture
def token(world):
    return apikey_create(agency=world.kupang, name="Aplikasi lama").plaintext


def post(client, body: bytes, **headers):
    return client.post(URL, body, content_type="application/xml", **headers)


def test_legacy_document_files_a_report(client, world, token):
    response = post(client, doc(token))
    assert response.status_code == 200
    root = fromstring(response.content)
    assert root.find("status").text == "success"
    report = Report.objects.get(tracking_id=root.find("trackingid").text)
    assert root.find("transaksiid").text
    assert report.is_secret and report.is_anonymous and report.owner_agency == world.kupang
    assert report.reporter_name == "Budi Santoso" and report.reporter_phone == "+6281234567890"
    assert report.channel == "integrasi"


def test_retries_with_a_transaction_id_create_one_report(client, world, token):
    first = fromstring(post(client, doc(token, extra='transaksi="T-1"')).content)
    second = fromstring(post(client, doc(token, extra='transaksi="T-1"')).content)
    assert first.find("trackingid").text == second.find("trackingid").text
    assert first.find("transaksiid").text == "T-1" and Report.objects.count() == 1


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lapor token="x"><laporan><isi>&lol3;</isi></laporan></lapor>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<lapor token="x"><laporan><isi>&e;</isi></laporan></lapor>"""


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (BOMB, 400, "invalid_xml"),
        (EXTERNAL, 400, "invalid_xml"),
        (b"<lapor token='x'><laporan><isi>tidak ditutup", 400, "invalid_xml"),
        (b"<laporan/>", 400, "invalid_xml"),
        (
            b"<lapor token='lapor_salah_kunci'><laporan><isi>Isi yang cukup panjang.</isi></laporan></lapor>",
            401,
            "invalid_token",
        ),
        (b"x" * 300_000, 413, "too_large"),
    ],
)
def test_hostile_or_broken_xml_is_refused_clearly(client, world, body, status, code):
    response = post(client, body)
    assert response.status_code == status
    root = fromstring(response.content)
    assert root.find("status").text == "error" and root.find("code").text == code
    assert root.find("message").text
    assert not Report.objects.exists()


def test_validation_errors_name_the_field(client, world, token):
    response = post(client, doc(token, isi="pendek"))
    root = fromstring(response.content)
    assert response.status_code == 400 and "body" in root.find("message").text
    assert not Report.objects.exists()
