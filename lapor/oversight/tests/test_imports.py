"""Importing the LAPOR! layout: round trip, errors by row and column with nothing imported, idempotence, the
review of unknown names, and the pages.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from conftest import bring_to, reporter_of, submit
from lapor.audit.models import AuditEvent
from lapor.core import clock
from lapor.oversight.choices import ImportStatus
from lapor.oversight.exports import COLUMNS
from lapor.oversight.imports import IMPORT_AUDIT_TYPE, import_apply, import_map, import_upload, import_validate
from lapor.oversight.tests.test_exports import FILED, export
from lapor.reference.models import Category
from lapor.reports import services as rs
from lapor.reports.models import Attachment, CaseFile, Report, ReportEvent

pytestmark = pytest.mark.django_db

COMPARED = (
    "tracking_id",
    "title",
    "body_public",
    "classification",
    "category_id",
    "region_id",
    "channel",
    "is_anonymous",
    "is_secret",
    "status",
    "owner_agency_id",
    "rating",
)


def wipe_reports() -> None:
    """As if the reports had never been here (a fresh database with the same reference data and agencies)."""
    Attachment.objects.all().delete()
    CaseFile.objects.all().delete()
    ReportEvent.objects.all().delete()
    for rel in Report._meta.related_objects:
        if rel.related_model not in (ReportEvent, Attachment, CaseFile):
            rel.related_model.objects.all().delete()
    Report.objects.all().delete()


def run_import(world, content: bytes, name: str, *, username="nasional", agency=None):
    upload = SimpleUploadedFile(name, content)
    batch = import_upload(actor=world.actor(username), agency=agency or world.root, uploaded=upload)
    batch = import_validate(batch.pk)
    if batch.status == ImportStatus.READY:
        batch = import_apply(batch.pk)
    return batch


def snapshot() -> dict[str, dict]:
    out = {}
    for r in Report.objects.all():
        row = {f: getattr(r, f) for f in COMPARED}
        row["submitted_at"] = r.submitted_at.replace(microsecond=0)
        row["reporter_name"] = "" if r.is_anonymous else r.reporter_name
        row["status_note"] = r.status_note if r.status in ("pending_info", "archived") else ""
        if not r.is_anonymous:
            row["body_original"] = r.body_original
        out[r.tracking_id] = row
    return out


@pytest.fixture
def history(world):
    category = Category.objects.create(name="KESEHATAN", full_name="KESEHATAN", level=1)
    with clock.frozen(FILED):
        closed = bring_to(world, "closed", category_id=category.pk)
        rs.report_rate(report=closed, actor=reporter_of(closed), rating=4)
        bring_to(world, "followed_up", is_anonymous=True, reporter_name="Yosef Rahasia")
        bring_to(world, "archived", channel="sms", reporter_phone="081211112222")
        bring_to(world, "pending_info", is_secret=True)
        submit(world, classification="aspirasi", channel="whatsapp", region_code="53.71")
    return world


def test_round_trip_into_a_fresh_database(client, history):
    world = history
    content = export(client, world.users["nasional"], instansi="lapor")
    before = snapshot()
    wipe_reports()
    batch = run_import(world, content, "ekspor-lapor.xlsx")
    assert batch.status == ImportStatus.DONE, batch.errors
    assert batch.result == {"created": 5, "updated": 0, "unchanged": 0, "kept": 0, "rows": 5}
    after = snapshot()
    assert sorted(after) == sorted(before)
    for tid, row in before.items():
        assert after[tid] == row, tid
    assert AuditEvent.objects.filter(event_type=IMPORT_AUDIT_TYPE).count() == 1
    imported = Report.objects.get(tracking_id=next(iter(before)))
    first = imported.events.order_by("created_at").first()
    assert first.kind == "submitted" and first.created_at == imported.submitted_at  # history keeps the original date
    assert imported.verify_next_alert_at is None and imported.completion_due_at is None  # old reports never escalate


def test_csv_round_trip(client, history):
    world = history
    content = export(client, world.users["nasional"], instansi="lapor", fmt="csv")
    before = snapshot()
    wipe_reports()
    batch = run_import(world, content, "ekspor.csv")
    assert batch.status == ImportStatus.DONE, batch.errors
    assert snapshot() == before


def test_reimport_is_idempotent_and_updates_imported_history(client, history):
    world = history
    content = export(client, world.users["nasional"], instansi="lapor")
    wipe_reports()
    assert run_import(world, content, "a.xlsx").result["created"] == 5
    again = run_import(world, content, "a.xlsx")
    assert again.result == {"created": 0, "updated": 0, "unchanged": 5, "kept": 0, "rows": 5}
    assert Report.objects.count() == 5
    # the agency's history moved on in LAPOR!: one report is now closed
    wb = load_workbook(io.BytesIO(content))
    ws = wb.worksheets[0]
    status_col = COLUMNS.index("Status Laporan") + 1
    target = None
    for row in range(6, ws.max_row + 1):
        if ws.cell(row, status_col).value == "Ditindaklanjuti":
            ws.cell(row, status_col).value = "Selesai"
            target = ws.cell(row, 1).value
    out = io.BytesIO()
    wb.save(out)
    moved = run_import(world, out.getvalue(), "b.xlsx")
    assert moved.result["updated"] == 1 and moved.result["unchanged"] == 4
    assert Report.objects.get(tracking_id=target).status == "closed"


def test_reports_filed_here_are_never_overwritten(client, history):
    world = history
    content = export(client, world.users["nasional"], instansi="lapor")
    statuses = dict(Report.objects.values_list("tracking_id", "status"))
    batch = run_import(world, content, "a.xlsx")
    assert batch.result == {"created": 0, "updated": 0, "unchanged": 0, "kept": 5, "rows": 5}
    assert dict(Report.objects.values_list("tracking_id", "status")) == statuses


def _csv(*rows: list[str]) -> bytes:
    import csv

    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Judul Laporan", "Impor uji"])
    w.writerow([])
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow(row)
    return out.getvalue().encode()


def _row(tid: str, **values) -> list[str]:
    base = {
        "Tracking ID": tid,
        "Tanggal Laporan Masuk": "3 Jan 2026",
        "Waktu Laporan Masuk": "10:15:30",
        "Nama Pelapor": "Budi",
        "Klasifikasi Laporan": "Pengaduan",
        "Judul Laporan": "Lampu jalan mati",
        "Isi Laporan Awal": "Lampu jalan di Jl. Timor Raya mati sejak seminggu.",
        "Isi Laporan Akhir": "",
        "Tipe Laporan (Anonim/Rahasia)": "Biasa",
        "Sumber Laporan": "Website",
        "Instansi Terdisposisi": "Pemerintah Kota Kupang",
        "Status Laporan": "Selesai",
        "Provinsi": "Nusa Tenggara Timur",
        "Kota/Kabupaten": "Kota Kupang",
        "Rating": "",
    }
    base.update(values)
    return [base.get(c, "") for c in COLUMNS]


def test_errors_are_reported_by_row_and_column_and_nothing_is_imported(world):
    content = _csv(
        _row("7000001"),
        _row("7000002", **{"Tanggal Laporan Masuk": "31 Feb 2026"}),
        _row("7000003", **{"Status Laporan": "Entah"}, **{"Rating": "9"}),
        _row("7000001"),
        _row("70x", **{"Judul Laporan": ""}),
    )
    count = Report.objects.count()
    batch = run_import(world, content, "salah.csv", username="kupang_admin", agency=world.kupang)
    assert batch.status == ImportStatus.INVALID
    found = {(e["row"], e["column"].split(" (")[0]) for e in batch.errors}
    assert found == {
        (5, "Tanggal Laporan Masuk"),
        (6, "Status Laporan"),
        (6, "Rating"),
        (7, "Tracking ID"),
        (8, "Tracking ID"),
        (8, "Judul Laporan"),
    }
    assert all("(" in e["column"] for e in batch.errors)  # the column letter too, e.g. "Status Laporan (P)"
    assert Report.objects.count() == count


def test_a_file_without_the_header_row_is_refused(world):
    wb = Workbook()
    wb.active.append(["Nomor", "Judul"])
    out = io.BytesIO()
    wb.save(out)
    batch = run_import(world, out.getvalue(), "lain.xlsx")
    assert batch.status == ImportStatus.INVALID and "Tracking ID" in batch.errors[0]["message"]
    batch = run_import(world, b"\x00\x01 not a spreadsheet", "rusak.xlsx")
    assert batch.status == ImportStatus.INVALID


def test_unknown_names_are_reviewed_then_imported(world):
    content = _csv(
        _row("7000101", **{"Instansi Terdisposisi": "DINAS KESEHATAN KOTA KUPANG (LAMA)", "Kategori": "KESEHATAN"}),
        _row("7000102", **{"Instansi Terdisposisi": "Dinas PUPR Kota Kupang"}),
    )
    category = Category.objects.create(name="PELAYANAN KESEHATAN", full_name="PELAYANAN KESEHATAN", level=1)
    batch = run_import(world, content, "nama.csv", username="kupang_admin", agency=world.kupang)
    assert batch.status == ImportStatus.REVIEW
    assert batch.unknown == {"agency": ["DINAS KESEHATAN KOTA KUPANG (LAMA)"], "category": ["KESEHATAN"]}
    assert not Report.objects.filter(tracking_id__startswith="70001").exists()
    import_map(
        batch=batch,
        agencies={"DINAS KESEHATAN KOTA KUPANG (LAMA)": world.dinkes.pk},
        categories={"KESEHATAN": category.pk},
    )
    batch = import_validate(batch.pk)
    assert batch.status == ImportStatus.READY
    batch = import_apply(batch.pk)
    assert batch.status == ImportStatus.DONE
    first = Report.objects.get(tracking_id="7000101")
    assert (first.owner_agency_id, first.category_id, first.region_id) == (world.dinkes.pk, category.pk, "53.71")
    assert Report.objects.get(tracking_id="7000102").owner_agency_id == world.pupr.pk


def test_agencies_outside_the_importers_subtree_are_unknown(world):
    content = _csv(_row("7000201", **{"Instansi Terdisposisi": "Pemerintah Kota Surabaya"}))
    batch = run_import(world, content, "luar.csv", username="kupang_admin", agency=world.kupang)
    assert batch.status == ImportStatus.REVIEW and batch.unknown["agency"] == ["Pemerintah Kota Surabaya"]


def test_import_pages(client, world):
    client.force_login(world.users["kupang_admin"])
    page = client.get(reverse("oversight:import"))
    assert page.status_code == 200
    upload = SimpleUploadedFile("riwayat.csv", _csv(_row("7000301"), _row("7000302", **{"Rating": "5"})))
    response = client.post(reverse("oversight:import"), {"agency": world.kupang.pk, "file": upload})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Semua 2 baris valid" in page.content.decode()
    done = client.post(response["Location"], {"aksi": "impor"})
    assert done.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "2 laporan baru" in html
    assert Report.objects.get(tracking_id="7000302").rating == 5
    client.force_login(world.users["walikota"])
    assert client.get(response["Location"]).status_code == 403  # pimpinan have no import page at all
    client.force_login(world.users["surabaya_admin"])
    assert client.get(response["Location"]).status_code == 404  # not their batch
