"""The Excel export in the official LAPOR! admin layout (and CSV), with the viewer's rights applied."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import bring_to
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.core import clock
from lapor.oversight.choices import JobStatus
from lapor.oversight.exports import COLUMNS, lapor_date
from lapor.oversight.models import ExportJob

pytestmark = pytest.mark.django_db

EXPECTED_HEADER = [
    "Tracking ID",
    "Tanggal Laporan Masuk",
    "Waktu Laporan Masuk",
    "Nama Pelapor",
    "Klasifikasi Laporan",
    "ID Kategori",
    "Kategori",
    "Judul Laporan",
    "Isi Laporan Awal",
    "Isi Laporan Akhir",
    "Tipe Laporan (Anonim/Rahasia)",
    "Sumber Laporan",
    "Instansi Induk",
    "ID Instansi Terdisposisi",
    "Instansi Terdisposisi",
    "Status Laporan",
    "Alasan Tunda/Arsip",
    "Provinsi",
    "Kota/Kabupaten",
    "Kecamatan",
    "Kelurahan",
    "Nomor SK",
    "Url SK",
    "Url Dokumen Laporan Tahunan",
    "Laporan yang Masuk melalui Kanal Aduan Setwapres",
    "Rating",
]
# Saturday 3 January 2026, 10:15:30 WITA
FILED = dt.datetime(2026, 1, 3, 2, 15, 30, tzinfo=dt.UTC)


def sheet(content: bytes) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content), read_only=True)
    return [tuple(row) for row in wb.worksheets[0].iter_rows(values_only=True)]


def export(client, user, *, instansi="kotkupang", fmt="xlsx", extra=""):
    client.force_login(user)
    response = client.get(reverse("oversight:export") + f"?instansi={instansi}&format={fmt}{extra}")
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def reports(world):
    with clock.frozen(FILED):
        named = bring_to(world, "closed")
        anonymous = bring_to(
            world,
            "followed_up",
            is_anonymous=True,
            reporter_name="Yosef Rahasia",
            body="Nama saya Yosef Rahasia, HP 081377778888. Puskesmas tutup pada jam kerja.",
        )
    return named, anonymous


def test_layout_header_and_dates(client, world, reports):
    named, _anonymous = reports
    rows = sheet(export(client, world.users["kupang_admin"]))
    assert rows[0][:2] == ("Judul Laporan", "Daftar Laporan")
    assert rows[1][:2] == ("Nama Instansi", "Pemerintah Kota Kupang")
    assert rows[2][0] == "Tanggal Generate"
    assert list(COLUMNS) == EXPECTED_HEADER
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "Tracking ID")
    assert header_at == 4
    assert list(rows[header_at]) == EXPECTED_HEADER
    by_id = {row[0]: dict(zip(EXPECTED_HEADER, row, strict=True)) for row in rows[header_at + 1 :]}
    row = by_id[named.tracking_id]
    assert row["Tanggal Laporan Masuk"] == "3 Jan 2026"
    assert row["Waktu Laporan Masuk"] == "10:15:30"  # Kupang time (WITA)
    assert row["Nama Pelapor"] == "Maria Ndun"
    assert row["Klasifikasi Laporan"] == "Pengaduan"
    assert row["Tipe Laporan (Anonim/Rahasia)"] == "Biasa"
    assert row["Sumber Laporan"] == "Situs web"
    assert row["Instansi Induk"] == "Pemerintah Kota Kupang"
    assert row["ID Instansi Terdisposisi"] == "kupang-dinkes"
    assert row["Instansi Terdisposisi"] == "Dinas Kesehatan Kota Kupang"
    assert row["Status Laporan"] == "Selesai"
    assert (row["Provinsi"], row["Kota/Kabupaten"], row["Kecamatan"], row["Kelurahan"]) == (
        "Nusa Tenggara Timur",
        "Kota Kupang",
        "Oebobo",
        "Oebobo",
    )
    assert row["Laporan yang Masuk melalui Kanal Aduan Setwapres"] == "Tidak"


def test_dates_like_lapor():
    assert lapor_date(dt.date(2026, 1, 3)) == "3 Jan 2026"
    assert lapor_date(dt.date(2025, 5, 17)) == "17 Mei 2025"
    assert lapor_date(dt.date(2025, 12, 31)) == "31 Des 2025"


@pytest.mark.parametrize("username", ["nasional", "kupang_admin", "walikota", "ombudsman"])
def test_anonymous_reporters_are_never_named(client, world, reports, username):
    _named, anonymous = reports
    content = export(client, world.users[username])
    rows = {row[0]: dict(zip(EXPECTED_HEADER, row, strict=True)) for row in sheet(content)[5:]}
    row = rows[anonymous.tracking_id]
    assert row["Nama Pelapor"] == "Anonim"
    assert row["Tipe Laporan (Anonim/Rahasia)"] == "Anonim"
    text = "\n".join(str(v) for r in sheet(content) for v in r)
    assert "Yosef" not in text and "081377778888" not in text


def test_pengawas_export_has_no_identity_at_all(client, world, reports):
    named, _ = reports
    rows = {row[0]: row for row in sheet(export(client, world.users["ombudsman"]))[5:]}
    assert rows[named.tracking_id][3] == "[NAMA]"
    assert "Maria" not in str(rows)


def test_exports_carrying_names_are_audited(client, world, reports):
    before = AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).count()
    export(client, world.users["kupang_admin"])
    event = AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).order_by("-seq").first()
    assert event is not None and event.seq and event.extra_data["identities"] == 1
    assert AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).count() == before + 1
    export(client, world.users["ombudsman"])  # no names: nothing to audit
    assert AuditEvent.objects.filter(event_type=AuditEventType.REPORTER_IDENTITY_VIEWED).count() == before + 1


def test_export_is_limited_to_the_viewers_subtree(client, world, reports):
    with clock.frozen(FILED):
        bring_to(world, "submitted")  # still at the national intake: not Kota Kupang's
    ids = [row[0] for row in sheet(export(client, world.users["kupang_admin"]))[5:]]
    assert sorted(ids) == sorted(r.tracking_id for r in reports)
    national = [row[0] for row in sheet(export(client, world.users["nasional"], instansi="lapor"))[5:]]
    assert len(national) == 3


def test_export_follows_the_drilldown_filters(client, world, reports):
    rows = sheet(export(client, world.users["kupang_admin"], extra="&kriteria=grp_closed"))[5:]
    assert [r[0] for r in rows] == [reports[0].tracking_id]


def test_csv_has_the_same_columns_and_rows(client, world, reports):
    content = export(client, world.users["kupang_admin"], fmt="csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == EXPECTED_HEADER
    assert sorted(r[0] for r in rows[1:]) == sorted(r.tracking_id for r in reports)
    assert all(len(r) == len(EXPECTED_HEADER) for r in rows)


def test_big_exports_run_as_a_job_with_progress(client, world, reports, monkeypatch):
    from lapor.oversight import views

    monkeypatch.setattr(views, "INLINE_EXPORT_ROWS", 1)
    client.force_login(world.users["kupang_admin"])
    response = client.get(reverse("oversight:export") + "?instansi=kotkupang&format=xlsx")
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert job.status == JobStatus.DONE and job.done == 2 and job.percent == 100
    page = client.get(response["Location"])
    assert "Unduh berkas" in page.content.decode()
    download = client.get(reverse("oversight:export_download", args=[job.token]))
    rows = sheet(b"".join(download.streaming_content))
    assert rows[4] == tuple(EXPECTED_HEADER) and len(rows) == 7
