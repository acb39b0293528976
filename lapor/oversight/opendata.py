"""Open data: the public figures as JSON and CSV (schema ``lapor-statistik/1``), and the daily dataset of
published reports (redacted; never a secret report, never an identity) as gzip-compressed CSV and JSON.

The schema is documented in ``docs/subsystems/oversight.md``; fields are only ever added, never renamed or
removed, within version 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

from lapor.core import clock
from lapor.oversight.choices import BacklogAge
from lapor.oversight.criteria import STATUS_GROUP_LABELS
from lapor.oversight.exports import batches
from lapor.oversight.selectors import Figures
from lapor.privacy.policy import public_reports
from lapor.privacy.redaction import redact
from lapor.reports.choices import Channel, Classification
from lapor.reports.states import Status

SCHEMA = "lapor-statistik/1"
DATASET_SCHEMA = "lapor-laporan-publik/1"
LICENSE = "CC BY 4.0"
KEEP_DUMPS = 14
DATASET_FIELDS = (
    "tracking_id",
    "tanggal_masuk",
    "judul",
    "isi",
    "klasifikasi",
    "kategori_id",
    "kategori",
    "wilayah_kode",
    "instansi_kode",
    "instansi",
    "kanal",
    "status",
    "status_label",
    "tanggal_tindak_lanjut_pertama",
    "tanggal_selesai",
    "rating",
)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def figures_json(fig: Figures, *, base_url: str = "") -> dict[str, Any]:
    """The public figures as a JSON-ready dict (stable keys; see the module docstring)."""
    t = fig.totals
    rates = fig.rates
    return {
        "schema": SCHEMA,
        "generated_at": clock.now().isoformat(),
        "as_of": _iso(fig.as_of),
        "license": LICENSE,
        "documentation": f"{base_url}/statistik/api/",
        "scope": {"code": fig.agency_code, "name": fig.agency_name},
        "period": {"from": f"{fig.period.first:%Y-%m}", "to": f"{fig.period.last:%Y-%m}"},
        "totals": {
            "reports": t["total"],
            **{group: t[f"grp_{group}"] for group in STATUS_GROUP_LABELS},
            "disposed": t["disposed"],
            "responded": t["responded"],
            "bounced": t["bounced"],
            "bounces": t["bounces"],
            "bounces_out": fig.bounces_out,
            "reopened": t["reopened"],
            "unsatisfied": t["unsatisfied"],
            "rated": t["rated"],
        },
        "rates_pct": {
            "responded": rates["responded"],
            "closed": rates["closed"],
            "in_process": rates["in_process"],
            "reopened": rates["reopened"],
            "unsatisfied": rates["unsatisfied"],
        },
        "rating_average": rates["rating_avg"],
        "sla": [
            {
                "stage": s["stage"],
                "on_time": s["ontime"],
                "late": s["late"],
                "overdue": s["overdue"],
                "compliance_pct": s["pct"],
                "median_hk": s["median"],
                "p90_hk": s["p90"],
                "measured": s["n"],
            }
            for s in fig.sla
        ],
        "backlog": [{"age_months": b.value, "label": str(b.label), **fig.backlog[b.value]} for b in BacklogAge],
        "monthly": [
            {"month": f"{r['month']:%Y-%m}", "reports": r["total"], "responded": r["responded"], "closed": r["closed"]}
            for r in fig.series
        ],
        **{
            f"by_{name}": [{"key": k, "label": label, "reports": n} for k, label, n in fig.breakdowns[dim]]
            for name, dim in (
                ("channel", "channel"),
                ("classification", "class"),
                ("category", "category"),
                ("status", "status"),
                ("rating", "rating"),
            )
        },
        "by_region": [
            {
                "code": r["code"],
                "name": r["name"],
                "reports": r["n"],
                "population": r["population"],
                "per_100k": r["per_100k"],
            }
            for r in fig.regions
        ],
        "agencies": [
            {
                "code": row.code,
                "name": row.name,
                "reports": row.totals["total"],
                "disposed": row.totals["disposed"],
                "responded_pct": row.follow_up,
                "closed_pct": row.completion,
                "connection": row.connection,
                "admin_activity_pct": row.activity,
                "score": row.score,
                "grade": str(row.grade),
            }
            for row in fig.league
        ],
    }


CSV_TABLES = ("ringkasan", "bulanan", "instansi", "wilayah", "kanal", "klasifikasi", "kategori", "status", "sla")


def figures_csv(fig: Figures, table: str) -> str:
    """One table of the public figures as CSV (UTF-8, comma, header row)."""
    data = figures_json(fig)
    out = io.StringIO()
    w = csv.writer(out)
    if table == "bulanan":
        w.writerow(["bulan", "laporan", "ditindaklanjuti", "selesai"])
        for r in data["monthly"]:
            w.writerow([r["month"], r["reports"], r["responded"], r["closed"]])
    elif table == "instansi":
        w.writerow(
            [
                "kode",
                "instansi",
                "laporan",
                "terdisposisi",
                "pct_ditindaklanjuti",
                "pct_selesai",
                "keterhubungan",
                "pct_admin_aktif",
                "skor",
                "nilai",
            ]
        )
        for r in data["agencies"]:
            w.writerow(
                [
                    r["code"],
                    r["name"],
                    r["reports"],
                    r["disposed"],
                    r["responded_pct"],
                    r["closed_pct"],
                    r["connection"],
                    r["admin_activity_pct"],
                    r["score"],
                    r["grade"],
                ]
            )
    elif table == "wilayah":
        w.writerow(["kode", "wilayah", "laporan", "penduduk", "per_100rb"])
        for r in data["by_region"]:
            w.writerow([r["code"], r["name"], r["reports"], r["population"], r["per_100k"]])
    elif table in ("kanal", "klasifikasi", "kategori", "status"):
        key = {
            "kanal": "by_channel",
            "klasifikasi": "by_classification",
            "kategori": "by_category",
            "status": "by_status",
        }[table]
        w.writerow(["kode", "nama", "laporan"])
        for r in data[key]:
            w.writerow([r["key"], r["label"], r["reports"]])
    elif table == "sla":
        w.writerow(
            ["tahap", "tepat_waktu", "terlambat", "lewat_batas_belum_selesai", "pct_kepatuhan", "median_hk", "p90_hk"]
        )
        for r in data["sla"]:
            w.writerow(
                [r["stage"], r["on_time"], r["late"], r["overdue"], r["compliance_pct"], r["median_hk"], r["p90_hk"]]
            )
    else:
        w.writerow(["ukuran", "nilai"])
        w.writerow(["cakupan", data["scope"]["name"]])
        w.writerow(["periode_dari", data["period"]["from"]])
        w.writerow(["periode_sampai", data["period"]["to"]])
        w.writerow(["data_per", data["as_of"]])
        for key, value in data["totals"].items():
            w.writerow([key, value])
        for key, value in data["rates_pct"].items():
            w.writerow([f"pct_{key}", value])
        w.writerow(["rata_rata_penilaian", data["rating_average"]])
    return out.getvalue()


# --- the daily dataset ------------------------------------------------------------------------------------------


def opendata_dir() -> Path:
    configured = getattr(settings, "LAPOR_OPENDATA_DIR", "")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "opendata"


def dataset_rows() -> Iterator[dict[str, Any]]:
    """Every published report as an open-data record: redacted title and text, no identity, never secret."""
    classes = {k: str(v) for k, v in Classification.choices}
    channels = dict(Channel.choices)
    statuses = {k: str(v) for k, v in Status.choices}
    fields = (
        "tracking_id",
        "submitted_at",
        "title",
        "body_public",
        "classification",
        "category_id",
        "category__full_name",
        "region_id",
        "owner_agency__code",
        "owner_agency__name",
        "channel",
        "status",
        "first_response_at",
        "closed_at",
        "rating",
    )
    for chunk in batches(public_reports(), fields=fields):
        for r in chunk:
            yield {
                "tracking_id": r.tracking_id,
                "tanggal_masuk": r.submitted_at.isoformat(),
                "judul": redact(r.title).text,
                "isi": redact(r.body_public).text,
                "klasifikasi": classes.get(r.classification, r.classification),
                "kategori_id": r.category_id,
                "kategori": r.category.full_name,
                "wilayah_kode": r.region_id,
                "instansi_kode": r.owner_agency.code,
                "instansi": r.owner_agency.name,
                "kanal": str(channels.get(r.channel, r.channel)),
                "status": r.status,
                "status_label": statuses.get(r.status, r.status),
                "tanggal_tindak_lanjut_pertama": _iso(r.first_response_at),
                "tanggal_selesai": _iso(r.closed_at) if r.status == Status.CLOSED else None,
                "rating": r.rating,
            }


def opendata_dump(*, out: Path | None = None, day: dt.date | None = None) -> dict[str, Any]:
    """Write today's dataset (``laporan-publik-YYYY-MM-DD.csv.gz`` and ``.json.gz``) and ``manifest.json``;
    files are written under a temporary name and renamed, so readers never see half a file. Keeps the last
    :data:`KEEP_DUMPS` days.
    """
    folder = out or opendata_dir()
    folder.mkdir(parents=True, exist_ok=True)
    day = day or clock.now().astimezone(dt.timezone(dt.timedelta(hours=7))).date()
    stem = f"laporan-publik-{day:%Y-%m-%d}"
    csv_path, json_path = folder / f"{stem}.csv.gz", folder / f"{stem}.json.gz"
    csv_tmp, json_tmp = csv_path.with_suffix(".gz.part"), json_path.with_suffix(".gz.part")
    count = 0
    with (
        gzip.open(csv_tmp, "wt", encoding="utf-8", newline="") as cfh,
        gzip.open(json_tmp, "wt", encoding="utf-8") as jfh,
    ):
        writer = csv.DictWriter(cfh, fieldnames=DATASET_FIELDS)
        writer.writeheader()
        head = json.dumps({"schema": DATASET_SCHEMA, "generated_at": clock.now().isoformat()})[:-1]
        jfh.write(head + ', "records": [\n')
        for record in dataset_rows():
            writer.writerow(record)
            jfh.write((",\n" if count else "") + json.dumps(record, ensure_ascii=False))
            count += 1
        jfh.write("\n]}\n")
    csv_tmp.replace(csv_path)
    json_tmp.replace(json_path)
    for old in sorted(folder.glob("laporan-publik-*.gz"))[: -2 * KEEP_DUMPS]:
        old.unlink(missing_ok=True)
    files = [
        {"name": p.name, "bytes": p.stat().st_size, "sha256": _sha256(p)}
        for p in sorted(folder.glob("laporan-publik-*.gz"))
    ]
    manifest = {
        "schema": DATASET_SCHEMA,
        "generated_at": clock.now().isoformat(),
        "latest": {"date": day.isoformat(), "records": count, "csv": csv_path.name, "json": json_path.name},
        "fields": list(DATASET_FIELDS),
        "license": LICENSE,
        "files": files,
    }
    tmp = folder / "manifest.json.part"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    tmp.replace(folder / "manifest.json")
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_manifest() -> dict[str, Any] | None:
    path = opendata_dir() / "manifest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())
