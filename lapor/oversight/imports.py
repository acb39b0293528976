"""Importing an agency's history from LAPOR!: the admin export layout (Excel) or the same columns as CSV.

Three steps, each visible on the batch page:

1. **validate** every row (nothing is written): each problem is reported with its spreadsheet row number and
   column; names of agencies and categories that match nothing are collected for review;
2. **review**: a person maps each unknown name to an agency of the importer's subtree (or a category), and the
   file is validated again with that mapping;
3. **apply**, in one transaction: every row or none. Rows are created directly (this is history, not a new
   complaint): no notification, no SLA clock (so no escalation of old reports), a ``submitted`` timeline entry at
   the original date and an internal note naming the file; one audit event for the whole import.

Idempotent on the Tracking ID: a tracking ID already present is **updated** when that report came from an
earlier import (the LAPOR! history moved on: status, rating, texts, owner) and left **unchanged** when it was
filed in this system, whose own record wins. Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.audit.services import audit_record
from lapor.core import clock
from lapor.oversight.choices import ImportStatus
from lapor.oversight.exports import COLUMNS, MONTHS_ID
from lapor.oversight.models import ImportBatch
from lapor.privacy.redaction import redact
from lapor.reference.models import Category, Region
from lapor.reports.choices import Channel, Classification, EventKind, Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import Status

IMPORT_AUDIT_TYPE = "reports.imported"  # to be added to lapor.audit.models.AuditEventType
INTAKE_PREFIX = "impor:"
IMPORT_DIR = "oversight/impor"
MAX_ERRORS = 500
HEADER_SCAN_ROWS = 30
REQUIRED = (
    "Tracking ID",
    "Tanggal Laporan Masuk",
    "Judul Laporan",
    "Isi Laporan Awal",
    "Klasifikasi Laporan",
    "Status Laporan",
)
UPDATABLE = (
    "title",
    "body_public",
    "classification",
    "category_id",
    "region_id",
    "status",
    "status_note",
    "rating",
    "owner_agency_id",
    "is_secret",
)


def _norm(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


CLASSIFICATIONS = {
    **{_norm(label): key for key, label in Classification.choices},
    **{key: key for key in Classification.values},
    "permintaan informasi": Classification.INFORMASI,
    "informasi": Classification.INFORMASI,
    "pengaduan berkadar pengawasan": Classification.PENGAWASAN,
}
STATUSES = {
    **{_norm(label): key for key, label in Status.choices},
    **{key: key for key in Status.values},
    # labels of the LAPOR! admin application
    "belum diverifikasi": Status.SUBMITTED,
    "belum terverifikasi": Status.SUBMITTED,
    "ditunda": Status.PENDING_INFO,
    "tunda": Status.PENDING_INFO,
    "terverifikasi": Status.VERIFIED,
    "terdisposisi": Status.DISPOSED,
    "belum ditindaklanjuti": Status.DISPOSED,
    "dikembalikan": Status.RETURNED,
    "bukan wewenang": Status.RETURNED,
    "proses": Status.IN_PROGRESS,
    "dalam proses": Status.IN_PROGRESS,
    "diproses": Status.IN_PROGRESS,
    "ditindaklanjuti": Status.FOLLOWED_UP,
    "selesai": Status.CLOSED,
    "arsip": Status.ARCHIVED,
    "diarsipkan": Status.ARCHIVED,
}
CHANNELS = {
    **{_norm(label): key for key, label in Channel.choices},
    **{key: key for key in Channel.values},
    "website": Channel.WEB,
    "web": Channel.WEB,
    "sms": Channel.SMS,
    "android": Channel.MOBILE,
    "ios": Channel.MOBILE,
    "aplikasi": Channel.MOBILE,
    "mobile": Channel.MOBILE,
    "whatsapp": Channel.WHATSAPP,
    "wa": Channel.WHATSAPP,
    "email": Channel.EMAIL,
    "e-mail": Channel.EMAIL,
    "surat": Channel.WALKIN,
    "tatap muka": Channel.WALKIN,
}
MONTHS = {
    **{m.lower(): i for i, m in enumerate(MONTHS_ID, start=1)},
    **{
        m.lower(): i
        for i, m in enumerate(
            ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
        )
    },
    **{
        m: i
        for i, m in enumerate(
            (
                "januari",
                "februari",
                "maret",
                "april",
                "mei",
                "juni",
                "juli",
                "agustus",
                "september",
                "oktober",
                "november",
                "desember",
            ),
            start=1,
        )
    },
    "agt": 8,
    "ags": 8,
}


@dataclass
class Problem:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportRow:
    """One valid row, ready to be written."""

    row: int
    tracking_id: str
    submitted_at: dt.datetime
    reporter_name: str
    classification: str
    category_id: int | None
    title: str
    body_original: str
    body_public: str
    is_anonymous: bool
    is_secret: bool
    channel: str
    owner_agency_id: int
    status: str
    status_note: str
    region_id: str | None
    rating: int | None


@dataclass
class Validation:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown_agencies: set[str] = field(default_factory=set)
    unknown_categories: set[str] = field(default_factory=set)
    total: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown_agencies and not self.unknown_categories


# --- reading files --------------------------------------------------------------------------------------------------


class FileProblem(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header row, a required column missing)."""


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _header_index(cells: list[Any]) -> dict[str, int] | None:
    names = [str(c).strip() if c is not None else "" for c in cells]
    if not names or names[0].lower() != "tracking id":
        return None
    index = {}
    known = {c.lower(): c for c in COLUMNS}
    for i, name in enumerate(names):
        canonical = known.get(name.lower())
        if canonical and canonical not in index:
            index[canonical] = i
    return index


def read_table(path: Path, name: str) -> Iterator[tuple[int, dict[str, Any], dict[str, int]]]:
    """``(row number, {column: value}, column index)`` for every data row after the header row (which starts
    with ``Tracking ID``; general-info rows above it are skipped). Raises :class:`FileProblem`.
    """
    rows = _xlsx_rows(path) if name.lower().endswith((".xlsx", ".xlsm")) else _csv_rows(path)
    header: dict[str, int] | None = None
    for number, cells in rows:
        if header is None:
            header = _header_index(cells)
            if header is None and number >= HEADER_SCAN_ROWS:
                raise FileProblem(_("Baris judul kolom yang diawali 'Tracking ID' tidak ditemukan."))
            if header is not None:
                missing = [c for c in REQUIRED if c not in header]
                if "Instansi Terdisposisi" not in header and "ID Instansi Terdisposisi" not in header:
                    missing.append("Instansi Terdisposisi")
                if missing:
                    raise FileProblem(
                        _("Kolom wajib tidak ada pada baris judul (baris %(row)s): %(cols)s")
                        % {"row": number, "cols": ", ".join(missing)}
                    )
            continue
        if not any(c not in (None, "") for c in cells):
            continue
        values = {col: (cells[i] if i < len(cells) else None) for col, i in header.items()}
        yield number, values, header
    if header is None:
        raise FileProblem(_("Baris judul kolom yang diawali 'Tracking ID' tidak ditemukan."))


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable upload is the same user error
        raise FileProblem(_("Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca.")) from exc
    try:
        ws = wb.worksheets[0]
        for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        wb.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise FileProblem(_("Berkas CSV tidak dapat dibaca (bukan UTF-8)."))
    sample = text[:8192]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise FileProblem(_("Berkas CSV rusak: %(error)s") % {"error": exc}) from exc


# --- parsing cells --------------------------------------------------------------------------------------------------


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _norm(value)
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})", text)
    if m and m.group(2) in MONTHS:
        return _date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", text)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_time(value: Any) -> dt.time | None:
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    text = _norm(value)
    if not text:
        return dt.time()
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?", text)
    if not m:
        return None
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    return dt.time(h, mi, s) if h < 24 and mi < 60 and s < 60 else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# --- resolving names ----------------------------------------------------------------------------------------------


class Resolver:
    """Looks up agencies (inside the target subtree), categories and regions by name, with the person's mapping
    of unknown names applied first. Reference tables are read once per import.
    """

    def __init__(self, target: Agency, mapping: dict[str, dict[str, Any]]) -> None:
        self.target = target
        self.mapping = mapping
        agencies = Agency.objects.filter(path__startswith=target.path).values_list("pk", "code", "name")
        self.agency_by_code = {code: pk for pk, code, _n in agencies}
        self.agency_by_name: dict[str, int | None] = {}
        for pk, _c, name in agencies:
            key = _norm(name)
            self.agency_by_name[key] = None if key in self.agency_by_name else pk  # None: ambiguous
        self.category_by_full: dict[str, int] = {}
        self.category_by_leaf: dict[str, int | None] = {}
        for pk, name, full in Category.objects.values_list("pk", "name", "full_name"):
            self.category_by_full[_norm(full)] = pk
            leaf = _norm(name)
            self.category_by_leaf[leaf] = None if leaf in self.category_by_leaf else pk
        self.regions: dict[tuple[str | None, str], str] = {}
        for code, name, parent in Region.objects.filter(level__lte=2).values_list("code", "name", "parent_id"):
            self.regions[(parent, _region_key(name))] = code
        self._loaded_parents: set[str] = set()

    def agency(self, code: str, name: str) -> int | None:
        mapped = self.mapping.get("agency", {}).get(_norm(name))
        if mapped:
            return int(mapped)
        if code and code.lower() in self.agency_by_code:
            return self.agency_by_code[code.lower()]
        return self.agency_by_name.get(_norm(name))

    def category(self, name: str) -> int | None:
        key = _norm(name)
        mapped = self.mapping.get("category", {}).get(key)
        if mapped:
            return int(mapped)
        return self.category_by_full.get(key) or self.category_by_leaf.get(key)

    def region(self, names: list[str]) -> tuple[str | None, int]:
        """The deepest region matched by (provinsi, kabupaten/kota, kecamatan, kelurahan) names, and how many of
        the given names were matched.
        """
        parent: str | None = None
        matched = 0
        for name in names:
            if not name:
                break
            if parent is not None and len(parent) >= 5:
                self._load_children(parent)
            code = self.regions.get((parent, _region_key(name)))
            if code is None:
                break
            parent, matched = code, matched + 1
        return parent, matched

    def _load_children(self, parent: str) -> None:
        if parent in self._loaded_parents:
            return
        self._loaded_parents.add(parent)
        for code, name in Region.objects.filter(parent_id=parent).values_list("code", "name"):
            self.regions[(parent, _region_key(name))] = code


def _region_key(name: str) -> str:
    key = _norm(name)
    for prefix in ("provinsi ", "kabupaten ", "kab. ", "kecamatan ", "kelurahan ", "desa "):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


# --- validation ---------------------------------------------------------------------------------------------------


def validate_file(path: Path, name: str, *, target: Agency, mapping: dict, progress=None) -> Validation:
    """Check every row (see the module docstring); never writes."""
    result = Validation()
    resolver = Resolver(target, mapping or {})
    zone = ZoneInfo(target.timezone)
    seen: dict[str, int] = {}
    try:
        for number, values, header in read_table(path, name):
            result.total += 1
            row = _validate_row(number, values, header, resolver, zone, result)
            if row is not None:
                if row.tracking_id in seen:
                    result.errors.append(
                        Problem(
                            number,
                            _col(header, "Tracking ID"),
                            _("Tracking ID %(tid)s sudah ada di baris %(other)s.")
                            % {"tid": row.tracking_id, "other": seen[row.tracking_id]},
                        )
                    )
                else:
                    seen[row.tracking_id] = number
                    result.rows.append(row)
            if progress and result.total % 1000 == 0:
                progress(result.total)
            if len(result.errors) >= MAX_ERRORS:
                result.errors.append(Problem(number, "", _("Terlalu banyak kesalahan; pemeriksaan dihentikan.")))
                break
    except FileProblem as exc:
        result.errors.append(Problem(0, "", str(exc)))
    if result.total == 0 and not result.errors:
        result.errors.append(Problem(0, "", _("Berkas tidak berisi baris laporan.")))
    return result


def _col(header: dict[str, int], name: str) -> str:
    return f"{name} ({column_letter(header[name])})" if name in header else name


def _validate_row(number, values, header, resolver: Resolver, zone, result: Validation) -> ImportRow | None:
    errors_before = len(result.errors)

    def err(column: str, message: str) -> None:
        result.errors.append(Problem(number, _col(header, column), message))

    tid = _text(values.get("Tracking ID"))
    if not re.fullmatch(r"\d{4,16}", tid):
        err("Tracking ID", _("Tracking ID harus angka 4–16 digit."))
    day = parse_date(values.get("Tanggal Laporan Masuk"))
    if day is None:
        err("Tanggal Laporan Masuk", _("Tanggal tidak dikenali (contoh: 3 Jan 2026)."))
    at = parse_time(values.get("Waktu Laporan Masuk"))
    if at is None:
        err("Waktu Laporan Masuk", _("Waktu tidak dikenali (contoh: 14:05:09)."))
    title = _text(values.get("Judul Laporan"))
    if not title:
        err("Judul Laporan", _("Judul laporan wajib diisi."))
    elif len(title) > 200:
        err("Judul Laporan", _("Judul laporan lebih dari 200 karakter."))
    original = _text(values.get("Isi Laporan Awal"))
    if not original:
        err("Isi Laporan Awal", _("Isi laporan awal wajib diisi."))
    classification = CLASSIFICATIONS.get(_norm(values.get("Klasifikasi Laporan")))
    if classification is None:
        err(
            "Klasifikasi Laporan",
            _("Klasifikasi tidak dikenal: %(v)s") % {"v": _text(values.get("Klasifikasi Laporan"))},
        )
    status = STATUSES.get(_norm(values.get("Status Laporan")))
    if status is None:
        err("Status Laporan", _("Status tidak dikenal: %(v)s") % {"v": _text(values.get("Status Laporan"))})
    agency_name = _text(values.get("Instansi Terdisposisi"))
    agency_code = _text(values.get("ID Instansi Terdisposisi"))
    owner = resolver.agency(agency_code, agency_name) if (agency_name or agency_code) else resolver.target.pk
    if owner is None:
        result.unknown_agencies.add(agency_name or agency_code)
    category_name = _text(values.get("Kategori"))
    category = resolver.category(category_name) if category_name else None
    if category_name and category is None:
        result.unknown_categories.add(category_name)
    rating_text = _text(values.get("Rating"))
    rating = None
    if rating_text:
        if rating_text.isdigit() and 1 <= int(rating_text) <= 5:
            rating = int(rating_text)
        else:
            err("Rating", _("Rating harus angka 1 sampai 5 atau kosong."))
    kind = _norm(values.get("Tipe Laporan (Anonim/Rahasia)"))
    name = _text(values.get("Nama Pelapor"))
    anonymous = "anonim" in kind or _norm(name) == "anonim"
    if anonymous or name == "[NAMA]":
        name = ""
    if len(name) > 150:
        err("Nama Pelapor", _("Nama pelapor lebih dari 150 karakter."))
    source = _norm(values.get("Sumber Laporan"))
    channel = CHANNELS.get(source, Channel.INTEGRATION)
    if source and source not in CHANNELS:
        result.warnings.append(
            Problem(
                number,
                _col(header, "Sumber Laporan"),
                _("Sumber '%(v)s' dicatat sebagai Integrasi LAPOR!.") % {"v": source},
            )
        )
    region_names = [_text(values.get(c)) for c in ("Provinsi", "Kota/Kabupaten", "Kecamatan", "Kelurahan")]
    region, matched = resolver.region(region_names)
    given = len([n for n in region_names if n])
    if matched < given:
        result.warnings.append(
            Problem(
                number,
                _col(header, ("Provinsi", "Kota/Kabupaten", "Kecamatan", "Kelurahan")[matched]),
                _("Wilayah '%(v)s' tidak dikenal; lokasi disimpan sampai tingkat yang dikenali.")
                % {"v": region_names[matched]},
            )
        )
    if len(result.errors) > errors_before or owner is None or (category_name and category is None):
        return None
    public = _text(values.get("Isi Laporan Akhir")) or original
    return ImportRow(
        row=number,
        tracking_id=tid,
        submitted_at=dt.datetime.combine(day, at, tzinfo=zone),
        reporter_name=name,
        classification=classification,
        category_id=category,
        title=title,
        body_original=original,
        body_public=redact(public, names=[name] if name else []).text,
        is_anonymous=anonymous,
        is_secret="rahasia" in kind,
        channel=channel,
        owner_agency_id=owner,
        status=status,
        status_note=_text(values.get("Alasan Tunda/Arsip")),
        region_id=region,
        rating=rating,
    )


# --- the batch --------------------------------------------------------------------------------------------------


def import_upload(*, actor: Actor, agency: Agency, uploaded) -> ImportBatch:
    """Store the uploaded file and create its batch (validation runs next, in a task for big files)."""
    name = Path(uploaded.name or "impor").name[:200]
    suffix = ".xlsx" if name.lower().endswith((".xlsx", ".xlsm")) else ".csv"
    folder = Path(settings.MEDIA_ROOT) / IMPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    batch = ImportBatch(created_by=actor.user, agency=agency, original_name=name)
    path = folder / f"{batch.token}{suffix}"
    with path.open("wb") as fh:
        for chunk in uploaded.chunks():
            fh.write(chunk)
    batch.file = str(path.relative_to(settings.MEDIA_ROOT))
    batch.save()
    return batch


def batch_path(batch: ImportBatch) -> Path:
    return Path(settings.MEDIA_ROOT) / batch.file


def import_validate(batch_id: int) -> ImportBatch:
    """Validate the batch's file with its current mapping and record the outcome on the batch."""
    batch = ImportBatch.objects.select_related("agency").get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.VALIDATING, rows_done=0)

    def progress(n: int) -> None:
        ImportBatch.objects.filter(pk=batch.pk).update(rows_done=n)

    v = validate_file(
        batch_path(batch), batch.original_name, target=batch.agency, mapping=batch.mapping, progress=progress
    )
    batch.rows_total = v.total
    batch.rows_done = v.total
    batch.errors = [p.as_dict() for p in v.errors]
    batch.warnings = [p.as_dict() for p in v.warnings[:MAX_ERRORS]]
    batch.unknown = {"agency": sorted(v.unknown_agencies), "category": sorted(v.unknown_categories)}
    if v.errors:
        batch.status = ImportStatus.INVALID
    elif v.unknown_agencies or v.unknown_categories:
        batch.status = ImportStatus.REVIEW
    else:
        batch.status = ImportStatus.READY
    batch.save(update_fields=["rows_total", "rows_done", "errors", "warnings", "unknown", "status"])
    return batch


def import_map(*, batch: ImportBatch, agencies: dict[str, int], categories: dict[str, int]) -> ImportBatch:
    """Record a person's mapping of unknown names (keys are the names as in the file)."""
    mapping = {
        "agency": {**batch.mapping.get("agency", {}), **{_norm(k): int(v) for k, v in agencies.items() if v}},
        "category": {**batch.mapping.get("category", {}), **{_norm(k): int(v) for k, v in categories.items() if v}},
    }
    batch.mapping = mapping
    batch.status = ImportStatus.UPLOADED
    batch.save(update_fields=["mapping", "status"])
    return batch


def import_apply(batch_id: int) -> ImportBatch:
    """Validate once more and write every row in one transaction — or nothing (the batch then says why)."""
    batch = ImportBatch.objects.select_related("agency", "created_by").get(pk=batch_id)
    if batch.status not in (ImportStatus.READY, ImportStatus.IMPORTING):
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.IMPORTING, rows_done=0)
    v = validate_file(batch_path(batch), batch.original_name, target=batch.agency, mapping=batch.mapping)
    if not v.ok:
        batch.status = ImportStatus.INVALID
        batch.errors = [p.as_dict() for p in v.errors] or [
            Problem(0, "", _("Ada nama instansi/kategori yang belum dipetakan.")).as_dict()
        ]
        batch.save(update_fields=["status", "errors"])
        return batch
    try:
        result = _write(batch, v.rows)
    except Exception as exc:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.FAILED, errors=[Problem(0, "", str(exc)[:500]).as_dict()], finished_at=clock.now()
        )
        raise
    batch.status = ImportStatus.DONE
    batch.rows_done = len(v.rows)
    batch.result = result
    batch.finished_at = clock.now()
    batch.save(update_fields=["status", "rows_done", "result", "finished_at"])
    from lapor.oversight.rollup import month_of, stats_refresh

    stats_refresh(months={month_of(r.submitted_at) for r in v.rows})
    return batch


@transaction.atomic
def _write(batch: ImportBatch, rows: list[ImportRow]) -> dict[str, int]:
    user = batch.created_by
    existing: dict[str, Report] = {}
    ids = [r.tracking_id for r in rows]
    for start in range(0, len(ids), 1000):
        for report in Report.objects.filter(tracking_id__in=ids[start : start + 1000]):
            existing[report.tracking_id] = report
    created, updated, unchanged, kept = [], 0, 0, 0
    now = clock.now()
    for row in rows:
        current = existing.get(row.tracking_id)
        if current is None:
            created.append(_new_report(row, batch))
            continue
        if not (current.intake_key or "").startswith(INTAKE_PREFIX):
            kept += 1
            continue
        fields = _changed_fields(current, row)
        if fields:
            for name in fields:
                setattr(current, name, getattr(row, name))
            current.updated_at = now
            current.save(update_fields=[*fields, "updated_at"])
            updated += 1
        else:
            unchanged += 1
    Report.objects.bulk_create(created, batch_size=1000)
    fresh = {r.tracking_id: r for r in created}
    if created and any(r.pk is None for r in created):  # backends that do not return ids from bulk inserts
        fresh = {r.tracking_id: r for r in Report.objects.filter(tracking_id__in=list(fresh)).only("pk", "tracking_id")}
    events = []
    note = _("Diimpor dari LAPOR! (berkas %(file)s, baris %(row)s). Status asal: %(status)s.")
    for row in rows:
        report = fresh.get(row.tracking_id)
        if report is None:
            continue
        events.append(
            ReportEvent(
                report_id=report.pk,
                kind=EventKind.SUBMITTED,
                visibility=Visibility.PARTIES,
                to_status=Status.SUBMITTED,
                actor_kind="impor",
                data={"imported": batch.token, "channel": row.channel},
                created_at=row.submitted_at,
            )
        )
        events.append(
            ReportEvent(
                report_id=report.pk,
                kind=EventKind.NOTE,
                visibility=Visibility.INTERNAL,
                to_status=row.status,
                actor_user=user,
                actor_agency_id=batch.agency_id,
                actor_kind="staff",
                body=note % {"file": batch.original_name, "row": row.row, "status": Status(row.status).label},
                data={"imported": batch.token, "row": row.row},
                created_at=now,
            )
        )
    ReportEvent.objects.bulk_create(events, batch_size=2000)
    result = {"created": len(created), "updated": updated, "unchanged": unchanged, "kept": kept, "rows": len(rows)}
    audit_record(
        event_type=IMPORT_AUDIT_TYPE,
        actor_user_id=user.pk,
        actor_label=user.get_username(),
        agency_id=batch.agency_id,
        extra_data={"batch": batch.token, "file": batch.original_name, **result},
    )
    return result


def _new_report(row: ImportRow, batch: ImportBatch) -> Report:
    return Report(
        tracking_id=row.tracking_id,
        access_token=secrets.token_urlsafe(24),
        intake_key=f"{INTAKE_PREFIX}{row.tracking_id}",
        title=row.title,
        body_original=row.body_original,
        body_public=row.body_public,
        classification=row.classification,
        category_id=row.category_id,
        region_id=row.region_id,
        channel=row.channel,
        is_anonymous=row.is_anonymous,
        is_secret=row.is_secret,
        reporter_name=row.reporter_name,
        status=row.status,
        owner_agency_id=row.owner_agency_id,
        intake_agency_id=batch.agency_id,
        archive_reason="lainnya" if row.status == Status.ARCHIVED else "",
        status_note=row.status_note,
        submitted_at=row.submitted_at,
        updated_at=row.submitted_at,
        rating=row.rating,
    )


def _changed_fields(report: Report, row: ImportRow) -> list[str]:
    return [name for name in UPDATABLE if getattr(report, name) != getattr(row, name)]
