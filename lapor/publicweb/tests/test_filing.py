"""Filing a report on the web (test client): both steps, idempotent submit, attachments and bad input."""

from __future__ import annotations

import io
import uuid

import pytest
from django.urls import reverse
from PIL import Image

from lapor.reference.models import Category
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db

URL = "/lapor/"


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def leaf(db):
    top = Category.objects.create(name="PEKERJAAN UMUM", full_name="PEKERJAAN UMUM", level=1)
    return Category.objects.create(
        name="JALAN BERLUBANG", full_name="PEKERJAAN UMUM › JALAN BERLUBANG", parent=top, level=2
    )


def step1(**overrides) -> dict:
    data = {
        "title": "Jalan berlubang di depan SD Inpres Oebobo",
        "body": "Jalan di depan SD Inpres Oebobo berlubang besar sejak dua minggu, dua motor jatuh.",
        "classification": "pengaduan",
        "category": "",
        "provinsi": "53",
        "kabkota": "53.71",
        "kecamatan": "53.71.04",
        "desa": "53.71.04.1001",
        "address": "Jl. Frans Seda",
        "intake_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (10.0, 10.0, 0.0), 3: "E", 4: (123.0, 35.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(name: str, data: bytes, content_type="image/jpeg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def test_form_page_lists_classifications_regions_and_categories(client, world, leaf):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="intake_token"' in html and "Nusa Tenggara Timur" in html and "JALAN BERLUBANG" in html
    assert "60 hari kerja" in html and "5W1H" in html


def test_check_step_shows_preview_and_similar_reports(client, world):
    from conftest import bring_to

    similar = bring_to(world, "disposed")
    response = client.post(URL, {**step1(title="Jalan berlubang lagi di Oebobo"), "step": "check"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Periksa dan kirim laporan" in html and "Oebobo" in html
    assert similar.tracking_id in html  # a public, open report nearby with the same words
    assert Report.objects.count() == 1  # nothing was filed yet


def test_submit_files_report_with_stripped_photo_and_remembers_the_token(client, world, leaf):
    data = {**step1(category=str(leaf.pk)), "step": "submit", "is_anonymous": "on", "is_secret": "on"}
    data["attachments"] = [upload("jalan.jpg", jpeg_with_gps()), upload("surat.pdf", b"%PDF-1.4\n", "application/pdf")]
    response = client.post(URL, data)
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/lapor/{report.tracking_id}/terkirim/"
    assert report.is_anonymous and report.is_secret and report.category == leaf
    assert report.region_id == "53.71.04.1001" and report.address == "Jl. Frans Seda" and report.channel == "web"
    assert report.attachments.count() == 2
    photo = report.attachments.get(content_type="image/jpeg")
    assert not Image.open(photo.file).getexif()

    sent = client.get(response["Location"])
    html = sent.content.decode()
    assert sent.status_code == 200 and report.tracking_id in html
    assert f"/lapor/{report.tracking_id}/?t={report.access_token}" in html
    assert sent["Cache-Control"] == "private, no-store"
    assert "Verifikasi" in html and "Penyelesaian" in html


def test_double_submit_files_one_report(client, world):
    data = {**step1(), "step": "submit", "name": "Maria"}
    first = client.post(URL, data)
    second = client.post(URL, data)  # a double click, or a retry after the connection dropped
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_sent_page_needs_the_token(client, world):
    client.post(URL, {**step1(), "step": "submit", "name": "Maria"})
    report = Report.objects.get()
    stranger = client.__class__()
    assert stranger.get(f"/lapor/{report.tracking_id}/terkirim/").status_code == 404
    assert stranger.get(f"/lapor/{report.tracking_id}/terkirim/?t={report.access_token}").status_code == 200


def test_logged_in_citizen_report_is_linked_to_the_account(client, world):
    client.force_login(world.users["warga"])
    response = client.post(URL, {**step1(), "step": "submit"})  # no contact needed: the account is the contact
    assert response.status_code == 302
    assert Report.objects.get().reporter_user == world.users["warga"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Tulis judul singkat laporan Anda."),
        ({"body": "pendek"}, "Isi laporan terlalu pendek"),
        ({"body": "x" * 10_001}, "Isi laporan terlalu panjang"),
        ({"title": "y" * 201}, "Judul terlalu panjang"),
        ({"classification": "rahasia-negara"}, "Jenis laporan tidak dikenal."),
        ({"category": "99999"}, "Kategori tidak dikenal"),
        ({"category": "1; DROP TABLE"}, "Kategori tidak dikenal"),
        ({"kabkota": "35.78"}, "tidak berada di wilayah yang dipilih"),
        ({"kecamatan": "53.71.99"}, "Wilayah tidak dikenal"),
        ({"provinsi": "../../etc"}, "Kode wilayah tidak valid."),
        ({"body": "Ada karakter \x00 nol di sini, cukup panjang."}, "Null"),
    ],
)
def test_bad_step1_input_is_explained_in_indonesian(client, world, overrides, message):
    response = client.post(URL, {**step1(**overrides), "step": "check"})
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower() or message == "Null"
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "Laporan yang tidak anonim memerlukan nama atau kontak"),
        ({"phone": "12ab"}, "Nomor HP tidak valid"),
        ({"email": "bukan-email"}, "Alamat e-mail tidak valid."),
    ],
)
def test_bad_contact_is_explained(client, world, overrides, message):
    response = client.post(URL, {**step1(), "step": "submit", **overrides})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Report.objects.count() == 0


def test_anonymous_report_needs_no_contact(client, world):
    assert client.post(URL, {**step1(), "step": "submit", "is_anonymous": "on"}).status_code == 302


def test_a_non_image_renamed_jpg_is_refused_and_nothing_is_filed(client, world):
    data = {**step1(), "step": "submit", "name": "Maria", "attachments": [upload("foto.jpg", b"MZ\x90\x00 exe")]}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "bukan foto" in response.content.decode()
    assert Report.objects.count() == 0


def test_a_broken_jpeg_rolls_back_the_whole_report(client, world):
    data = {**step1(), "step": "submit", "name": "Maria", "attachments": [upload("a.jpg", b"\xff\xd8\xff\xe0rusak")]}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "rusak" in response.content.decode()
    assert Report.objects.count() == 0


def test_too_many_files_are_refused(client, world):
    files = [upload(f"{n}.pdf", b"%PDF-1.4\n", "application/pdf") for n in range(6)]
    response = client.post(URL, {**step1(), "step": "submit", "name": "Maria", "attachments": files})
    assert response.status_code == 400 and Report.objects.count() == 0


def test_refresh_keeps_everything_and_lists_the_next_region_level(client, world):
    response = client.post(URL, {**step1(kecamatan="", desa="", title="Judul tetap"), "step": "refresh"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Judul tetap"' in html and 'value="53.71.04"' in html  # Oebobo is now offered


def test_a_mangled_intake_token_still_files_once(client, world):
    response = client.post(URL, {**step1(intake_token="<script>"), "step": "submit", "name": "Maria"})
    assert response.status_code == 302 and Report.objects.count() == 1


def test_region_options_fragment(client, world):
    html = client.get(reverse("publicweb:region_options"), {"provinsi": "53"}).content.decode()
    assert 'value="53.71"' in html and "Kota Kupang" in html
    assert 'id="id_kecamatan" hx-swap-oob="innerHTML"' in html  # the lower levels are emptied
    html = client.get(reverse("publicweb:region_options"), {"kecamatan": "53.71.04"}).content.decode()
    assert 'value="53.71.04.1001"' in html and "hx-swap-oob" not in html
    bad = client.get(reverse("publicweb:region_options"), {"provinsi": "'; --"})
    assert bad.status_code == 200 and '<option value="5' not in bad.content.decode()


def test_category_options_fragment(client, world, leaf):
    html = client.get(reverse("publicweb:category_options"), {"category_q": "berlubang"}).content.decode()
    assert f'value="{leaf.pk}"' in html and "PEKERJAAN UMUM" in html
    html = client.get(reverse("publicweb:category_options"), {"category_q": "tidak-ada-apa-apa"}).content.decode()
    assert "Tidak ada kategori yang cocok" in html
    kept = client.get(reverse("publicweb:category_options"), {"category_q": "zzz", "category": str(leaf.pk)})
    assert f'value="{leaf.pk}" selected' in kept.content.decode()


def test_get_prefills_region_and_ignores_junk(client, world):
    response = client.get(URL, {"provinsi": "53", "kabkota": "53.71", "category": "x" * 500})
    assert response.status_code == 200
    assert 'value="53.71" selected' in response.content.decode()
