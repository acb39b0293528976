"""Walk-in reports entered by staff on a citizen's behalf."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lapor.console.tests.test_permissions import PNG
from lapor.reports.models import Attachment, Report

pytestmark = pytest.mark.django_db

FORM = {
    "reporter_name": "Yohanes Bria",
    "reporter_phone": "0812 3456 7890",
    "body": "Pelayanan di loket Dukcapil sangat lama, antre dari pagi sampai sore tanpa kepastian.",
    "classification": "pengaduan",
    "region_q": "53.71.04.1001",
}


def test_walkin_creates_a_report_for_the_staff_members_agency(world, login):
    client = login("dinkes_penghubung")
    scan = SimpleUploadedFile("surat.png", PNG, content_type="image/png")
    data = {**FORM, "region_q": "Oebobo", "region": "53.71.04.1001", "attachments": scan}  # a search, then a pick
    response = client.post("/konsol/laporan-langsung/", data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.channel == "walkin" and report.intake_agency_id == world.dinkes.pk
    assert report.owner_agency_id == world.dinkes.pk and report.region_id == "53.71.04.1001"
    assert report.reporter_phone == "+6281234567890"
    assert Attachment.objects.filter(report=report).count() == 1
    receipt = client.get(response["Location"]).content.decode()
    assert report.tracking_id in receipt and f"?t={report.access_token}" in receipt
    # The private link is on the receipt only, for this session.
    assert login("dinkes_admin").get(response["Location"]).status_code == 302


def test_walkin_bad_input_keeps_what_was_typed(world, login):
    client = login("dinkes_penghubung")
    response = client.post("/konsol/laporan-langsung/", {**FORM, "reporter_name": "", "reporter_phone": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "memerlukan nama atau kontak pelapor" in html
    assert "antre dari pagi sampai sore" in html
    bad_phone = client.post("/konsol/laporan-langsung/", {**FORM, "reporter_phone": "12ab"})
    assert 'id="id_reporter_phone_error"' in bad_phone.content.decode()
    assert not Report.objects.exists()


def test_walkin_region_ambiguity_is_resolved_by_choice(world, login):
    response = login("dinkes_penghubung").post("/konsol/laporan-langsung/", {**FORM, "region_q": "Kota"})
    html = response.content.decode()
    assert "Ada beberapa yang cocok" in html and 'value="53.71"' in html
    assert not Report.objects.exists()


def test_walkin_anonymous_without_contact(world, login):
    data = {**FORM, "reporter_name": "", "reporter_phone": "", "is_anonymous": "on"}
    assert login("kupang_admin").post("/konsol/laporan-langsung/", data).status_code == 302
    assert Report.objects.get().is_anonymous


def test_walkin_for_one_of_several_agencies(world, login):
    from lapor.agencies.services import membership_grant

    membership_grant(user=world.users["dinkes_penghubung"], agency=world.pupr, role="penghubung")
    client = login("dinkes_penghubung")
    page = client.get("/konsol/laporan-langsung/").content.decode()
    assert 'name="agency"' in page and "Dinas PUPR Kota Kupang" in page
    client.post("/konsol/laporan-langsung/", {**FORM, "agency": str(world.pupr.pk)})
    assert Report.objects.get().intake_agency_id == world.pupr.pk
    refused = client.post("/konsol/laporan-langsung/", {**FORM, "agency": str(world.surabaya.pk)})
    assert 'id="id_agency_error"' in refused.content.decode()
