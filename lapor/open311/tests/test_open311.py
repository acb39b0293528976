"""Open311 GeoReport v2 to the letter: both formats, the spec's fields and errors, jurisdiction scoping,
api_key, tokens, and mySociety's servicerequestupdates — secret reports and identities never appear."""

from __future__ import annotations

import json

import pytest
from defusedxml.ElementTree import fromstring

from conftest import bring_to
from lapor.integrations.services import apikey_create
from lapor.reference.models import Category
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db
BASE = "/open311/v2"
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


@pytest.fixture
def category(world):
    top = Category.objects.create(
        name="PEKERJAAN UMUM DAN PENATAAN RUANG", level=1, full_name="PEKERJAAN UMUM DAN PENATAAN RUANG"
    )
    return Category.objects.create(
        name="JALAN BERLUBANG", parent=top, level=2, full_name="PEKERJAAN UMUM DAN PENATAAN RUANG › JALAN BERLUBANG"
    )


@pytest.fixture
def key(world):
    return apikey_create(agency=world.kupang, name="LaporKupang").plaintext


def get(client, path, fmt, **params):
    response = client.get(f"{BASE}/{path}.{fmt}", params)
    if fmt == "json":
        assert response["Content-Type"].startswith("application/json")
        return response.status_code, response.json()
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return response.status_code, fromstring(response.content)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_discovery_and_services(client, category, fmt):
    status, doc = get(client, "discovery", fmt)
    assert status == 200
    if fmt == "json":
        assert doc["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    else:
        assert doc.tag == "discovery" and doc.find("endpoints/endpoint/specification") is not None
    status, doc = get(client, "services", fmt)
    if fmt == "json":
        service = next(s for s in doc if s["service_code"] == str(category.pk))
        assert {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"} <= set(service)
        assert service["group"] == "PEKERJAAN UMUM DAN PENATAAN RUANG"
    else:
        assert doc.tag == "services" and doc.find("service/service_code") is not None
    status, doc = get(client, f"services/{category.pk}", fmt)
    assert status == 200
    if fmt == "json":
        assert {a["code"] for a in doc["attributes"]} >= {"klasifikasi", "anonim", "rahasia"}
    else:
        assert doc.tag == "service_definition" and doc.find("attributes/attribute/datatype") is not None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_request_and_follow_its_token(client, world, category, key, fmt):
    response = client.post(
        f"{BASE}/requests.{fmt}",
        {
            "api_key": key,
            "jurisdiction_id": "kotkupang",
            "service_code": str(category.pk),
            "description": "Jalan di depan SD Inpres Oebobo berlubang besar, sudah dua motor jatuh.",
            "address_string": "Jl. Frans Seda, Oebobo",
            "address_id": "53.71.04.1001",
            "first_name": "Maria",
            "last_name": "Ndun",
            "email": "maria@example.com",
            "attribute[anonim]": "1",
        },
    )
    assert response.status_code == 201
    if fmt == "json":
        row = response.json()[0]
    else:
        node = fromstring(response.content).find("request")
        row = {child.tag: child.text for child in node}
    report = Report.objects.get(tracking_id=row["service_request_id"])
    assert report.channel == "open311" and report.owner_agency == world.kupang and report.is_anonymous
    status, doc = get(client, f"tokens/{row['token']}", fmt)
    assert status == 200
    found = doc[0]["service_request_id"] if fmt == "json" else doc.find("request/service_request_id").text
    assert found == report.tracking_id


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"api_key": "lapor_x_y"}, 403),
        ({"jurisdiction_id": "kotsurabaya"}, 403),
        ({"jurisdiction_id": "tidakada"}, 404),
        ({"service_code": ""}, 400),
        ({"service_code": "999999"}, 404),
        ({"address_string": "", "address_id": ""}, 400),
        ({"description": "pendek"}, 400),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_errors_in_the_spec_format_and_nothing_stored(client, world, category, key, params, status, fmt):
    data = {
        "api_key": key,
        "jurisdiction_id": "kotkupang",
        "service_code": str(category.pk),
        "description": "Lampu jalan mati sejak seminggu di depan pasar.",
        "address_string": "Pasar Oebobo",
        **params,
    }
    response = client.post(f"{BASE}/requests.{fmt}", data)
    assert response.status_code == status
    if fmt == "json":
        error = response.json()[0]
        assert error["code"] == status and error["description"]
    else:
        root = fromstring(response.content)
        assert root.tag == "errors" and root.find("error/code").text == str(status)
        assert root.find("error/description").text
    assert not Report.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_get_requests_lists_public_reports_only(client, world, fmt):
    visible = bring_to(world, "disposed", reporter_name="Yohanes Kase")
    secret = bring_to(world, "disposed", is_secret=True)
    status, doc = get(client, "requests", fmt)
    assert status == 200
    if fmt == "json":
        ids = {r["service_request_id"] for r in doc}
        assert set(doc[0]) >= REQUEST_FIELDS
        assert doc[0]["status"] in ("open", "closed")
    else:
        ids = {n.text for n in doc.findall("request/service_request_id")}
        assert {child.tag for child in doc.find("request")} >= REQUEST_FIELDS
    assert visible.tracking_id in ids and secret.tracking_id not in ids
    body = json.dumps(doc) if fmt == "json" else str([n.text for n in doc.iter()])
    assert "Yohanes" not in body and "Maria" not in body


def test_get_requests_filters(client, world):
    report = bring_to(world, "closed")
    open_one = bring_to(world, "disposed")
    _, closed = get(client, "requests", "json", status="closed")
    assert [r["service_request_id"] for r in closed] == [report.tracking_id]
    _, by_id = get(client, "requests", "json", service_request_id=f"{open_one.tracking_id},999")
    assert [r["service_request_id"] for r in by_id] == [open_one.tracking_id]
    _, scoped = get(client, "requests", "json", jurisdiction_id="kotsurabaya")
    assert scoped == []
    assert get(client, "requests", "json", status="pending")[0] == 400
    assert get(client, "requests", "json", start_date="2026-01-01")[0] == 400  # no time zone
    assert get(client, "requests", "json", start_date="2026-01-01T00:00:00Z", end_date="2026-12-01T00:00:00Z")[0] == 400


def test_get_request_detail_and_secret_is_not_found(client, world):
    report = bring_to(world, "disposed")
    secret = bring_to(world, "disposed", is_secret=True)
    status, doc = get(client, f"requests/{report.tracking_id}", "json")
    assert status == 200 and doc[0]["agency_responsible"] == "Dinas Kesehatan Kota Kupang"
    assert doc[0]["extended_status"] == "in_progress"
    status, doc = get(client, f"requests/{secret.tracking_id}", "xml")
    assert status == 404 and doc.tag == "errors"
    assert client.get(f"{BASE}/requests/{report.tracking_id}.html").status_code == 404


def test_service_request_updates_both_ways(client, world, key):
    report = bring_to(world, "disposed")
    response = client.post(
        f"{BASE}/servicerequestupdates.json",
        {
            "api_key": key,
            "service_request_id": report.tracking_id,
            "status": "CLOSED",
            "description": "Jalan sudah ditambal oleh tim UPT Jalan pada 20 November.",
            "updated_datetime": "2026-11-20T10:00:00+08:00",
        },
    )
    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert report.status == "closed"
    status, doc = get(client, "servicerequestupdates", "xml", start_date="2020-01-01T00:00:00Z")
    statuses = [
        n.find("status").text
        for n in doc.findall("request_update")
        if n.find("service_request_id").text == report.tracking_id
    ]
    assert "ACTION_SCHEDULED" in statuses and "CLOSED" in statuses


def test_updates_from_another_agency_are_refused(client, world):
    report = bring_to(world, "disposed")
    other = apikey_create(agency=world.surabaya, name="Surabaya").plaintext
    response = client.post(
        f"{BASE}/servicerequestupdates.json",
        {
            "api_key": other,
            "service_request_id": report.tracking_id,
            "status": "OPEN",
            "description": "Kami tindak lanjuti dari aplikasi kota lain, seharusnya ditolak.",
        },
    )
    assert response.status_code == 404
    assert Report.objects.get(pk=report.pk).status == "disposed"
