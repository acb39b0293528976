"""Exporting reports in the official LAPOR! admin layout (Excel) and as CSV, with the viewer's rights applied.

The Excel file starts with the general-info rows (*Judul Laporan*, *Nama Instansi*, *Tanggal Generate*), an
empty row, then the header row beginning ``Tracking ID`` and one row per report. Dates are written like
``3 Jan 2026`` (day without leading zero, Indonesian month abbreviation) and times as ``HH:MM:SS``, both in the
time zone of the agency the export is about.

Identities: an anonymous reporter is never named (``Anonim``); a reporter the viewer may not identify (pengawas,
or staff outside the owner's subtree) is written as ``[NAMA]`` and the original text is redacted. One audit event
records each export that carried names.

Rows are read in id batches (keyset) and written as they come — :class:`~lapor.oversight.xlsx.XlsxWriter`
streams them into the compressed sheet, CSV is a generator — so memory stays flat whatever the size. Big Excel
exports run as a background job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.core import clock
from lapor.oversight.permissions import identities_allowed
from lapor.oversight.rollup import INSTANSI_PATH
from lapor.oversight.xlsx import XlsxWriter
from lapor.privacy.policy import identity_visible
from lapor.privacy.redaction import redact
from lapor.reference.models import Region
from lapor.reports.choices import Channel, Classification
from lapor.reports.models import Report
from lapor.reports.states import Status

COLUMNS = (
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
)
INFO_LABELS = ("Judul Laporan", "Nama Instansi", "Tanggal Generate")
WIDTHS = (14, 14, 10, 22, 16, 10, 30, 40, 60, 60, 14, 14, 30, 18, 30, 18, 30, 20, 22, 18, 18, 16, 16, 16, 14, 8)
MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
ANONYMOUS = "Anonim"
HIDDEN_NAME = "[NAMA]"
BATCH = 2000
EXPORT_DIR = "oversight/ekspor"


def lapor_date(day: dt.date) -> str:
    """``3 Jan 2026``: the LAPOR! export's date format."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def report_type(report: Report | Row) -> str:
    if report.is_anonymous and report.is_secret:
        return "Anonim, Rahasia"
    if report.is_anonymous:
        return "Anonim"
    if report.is_secret:
        return "Rahasia"
    return "Biasa"


EXPORT_FIELDS = (
    "tracking_id",
    "submitted_at",
    "reporter_name",
    "reporter_user_id",
    "access_token",
    "is_anonymous",
    "is_secret",
    "classification",
    "category_id",
    "title",
    "body_original",
    "body_public",
    "channel",
    "status",
    "status_note",
    "region_id",
    "rating",
    "owner_agency__code",
    "owner_agency__name",
    "owner_agency__path",
    "category__full_name",
)


class Row:
    """A report as read for an export: only ``fields``, as attributes (``owner_agency.path``,
    ``category.full_name``…), without building model instances — several times cheaper per row, and enough for
    :func:`lapor.privacy.policy.identity_visible`, which still decides who may see a name.
    """

    def __init__(self, values: dict) -> None:
        nested: dict[str, dict] = {}
        for key, value in values.items():
            head, sep, tail = key.partition("__")
            if sep:
                nested.setdefault(head, {})[tail] = value
            else:
                setattr(self, key, value)
        for head, attrs in nested.items():
            setattr(self, head, Row(attrs))


def batches(qs: QuerySet[Report], size: int = BATCH, fields: tuple[str, ...] = EXPORT_FIELDS) -> Iterator[list[Row]]:
    """The rows of ``qs`` by increasing id, ``size`` at a time (keyset: no OFFSET, no long transaction), with only
    ``fields`` loaded (report rows carry texts and many timestamps that cost time to load).
    """
    last = 0
    names = ("pk", *fields)
    base = qs.order_by("pk").values_list(*names)
    while True:
        chunk = [Row(dict(zip(names, values, strict=True))) for values in base.filter(pk__gt=last)[:size]]
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


class RowMaker:
    """Turns reports into export rows for one viewer; caches agency and region names across batches."""

    def __init__(self, actor: Actor, *, tz: str) -> None:
        self.actor = actor
        self.zone = ZoneInfo(tz)
        self.names_allowed = identities_allowed(actor)
        self.identities = 0
        self.instansi: dict[str, tuple[str, str]] = {}
        self.regions: dict[str, str] = {}
        self.classes = {k: str(v) for k, v in Classification.choices}
        self.channels = {k: str(v) for k, v in Channel.choices}
        self.statuses = {k: str(v) for k, v in Status.choices}

    def prepare(self, chunk: list[Row]) -> None:
        """Load the names this batch needs that are not cached yet (two queries at most)."""
        paths = {r.owner_agency.path[:INSTANSI_PATH] for r in chunk} - set(self.instansi)
        if paths:
            for path, name, sk in Agency.objects.filter(path__in=paths).values_list("path", "name", "sk_number"):
                self.instansi[path] = (name, sk)
        codes = set()
        for r in chunk:
            code = r.region_id or ""
            codes.update(code[:n] for n in (2, 5, 8, 13) if len(code) >= n)
        codes -= set(self.regions)
        if codes:
            self.regions.update(Region.objects.filter(code__in=codes).values_list("code", "name"))

    def _region(self, code: str, n: int) -> str:
        return self.regions.get(code[:n], "") if len(code) >= n else ""

    def row(self, r: Row) -> list:
        local = r.submitted_at.astimezone(self.zone)
        visible = self.names_allowed and not r.is_anonymous and identity_visible(self.actor, r)
        if r.is_anonymous:
            name = ANONYMOUS
        elif visible:
            name = r.reporter_name
            self.identities += 1
        else:
            name = HIDDEN_NAME
        title, original = r.title, r.body_original
        if not visible:
            title = redact(title, names=[r.reporter_name]).text
            original = redact(original, names=[r.reporter_name]).text
        instansi_name, sk = self.instansi.get(r.owner_agency.path[:INSTANSI_PATH], ("", ""))
        code = r.region_id or ""
        note = r.status_note if r.status in (Status.PENDING_INFO, Status.ARCHIVED) else ""
        return [
            r.tracking_id,
            lapor_date(local.date()),
            local.strftime("%H:%M:%S"),
            name,
            self.classes.get(r.classification, r.classification),
            r.category_id or "",
            r.category.full_name or "",
            title,
            original,
            r.body_public,
            report_type(r),
            self.channels.get(r.channel, r.channel),
            instansi_name,
            r.owner_agency.code,
            r.owner_agency.name,
            self.statuses.get(r.status, r.status),
            note,
            self._region(code, 2),
            self._region(code, 5),
            self._region(code, 8),
            self._region(code, 13),
            sk,
            "",
            "",
            "Tidak",
            r.rating or "",
        ]

    def rows(self, qs: QuerySet[Report]) -> Iterator[list]:
        for chunk in batches(qs):
            self.prepare(chunk)
            for r in chunk:
                yield self.row(r)


def _audit_identities(actor: Actor, maker: RowMaker, *, rows: int, label: str) -> None:
    if maker.identities:
        with transaction.atomic():
            audit_record(
                event_type=AuditEventType.REPORTER_IDENTITY_VIEWED,
                actor_user_id=actor.user_id,
                actor_label=actor.label,
                extra_data={"export": label, "rows": rows, "identities": maker.identities},
            )


def write_xlsx(
    target: str | os.PathLike | io.BytesIO,
    qs: QuerySet[Report],
    *,
    actor: Actor,
    title: str,
    agency: Agency,
    progress: Callable[[int], None] | None = None,
    label: str = "xlsx",
) -> int:
    """Write the LAPOR! admin layout to ``target``; returns the number of report rows."""
    maker = RowMaker(actor, tz=agency.timezone)
    generated = clock.now().astimezone(ZoneInfo(agency.timezone))
    count = 0
    with XlsxWriter(target, sheet="Laporan", widths=WIDTHS) as xlsx:
        for label_text, value in zip(
            INFO_LABELS, (title, agency.name, f"{lapor_date(generated.date())} {generated:%H:%M}"), strict=True
        ):
            xlsx.append([label_text, value], bold=False)
        xlsx.append([])
        xlsx.append(COLUMNS, bold=True)
        for row in maker.rows(qs):
            xlsx.append(row)
            count += 1
            if progress and count % BATCH == 0:
                progress(count)
    _audit_identities(actor, maker, rows=count, label=label)
    return count


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(qs: QuerySet[Report], *, actor: Actor, agency: Agency) -> Iterator[bytes]:
    """The same columns as CSV (UTF-8 with a byte-order mark so spreadsheet programs read it right),
    produced batch by batch for a streaming response.
    """
    maker = RowMaker(actor, tz=agency.timezone)
    writer = csv.writer(_Echo())
    yield ("\ufeff" + writer.writerow(COLUMNS)).encode()
    count = 0
    for chunk in batches(qs):
        maker.prepare(chunk)
        count += len(chunk)
        yield "".join(writer.writerow(maker.row(r)) for r in chunk).encode()
    _audit_identities(actor, maker, rows=count, label="csv")


def export_path(token: str, fmt: str) -> Path:
    folder = Path(settings.MEDIA_ROOT) / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"laporan-{token}.{fmt}"
