"""Reading and writing the router's CSV contracts (pure; no ORM).

Training CSV (as in the Surabaya 2022 export): ``id, keluhan, alamat, kecamatan, kelurahan, tanggal_keluhan``,
optional ``judul`` and ``topik`` (the category), and the label column ``instansi``. Prediction input has the
same columns without the label; the output is ``id, agency_1, agency_2, agency_3`` with unit names exactly as
in the training labels. A units list (``instansi`` column, e.g. ``surabaya_agencies.csv``) may name units the
history has not seen yet.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lapor.routing.engine import Candidate, Record, RouterError, Unit, fold

INPUT_COLUMNS = ("id", "keluhan", "alamat", "kecamatan", "kelurahan", "tanggal_keluhan")
LABEL_COLUMN = "instansi"
OUTPUT_COLUMNS = ("id", "agency_1", "agency_2", "agency_3")
_WIB = dt.timezone(dt.timedelta(hours=7))

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Row:
    """One CSV row: its id, what the router may read, and its label (empty for prediction input)."""

    id: str
    record: Record
    label: str = ""


def parse_when(value: str) -> dt.datetime | None:
    """``2022-01-01 00:29:00`` (local time, WIB) or an ISO timestamp; None when empty or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=_WIB)


def _open(path: str | Path):
    return Path(path).open(encoding="utf-8-sig", newline="")


def read_rows(path: str | Path, *, require_label: bool, use_category: bool = True) -> list[Row]:
    """Rows of a training (``require_label``) or prediction CSV, with a clear error for missing columns."""
    with _open(path) as fh:
        reader = csv.DictReader(fh)
        columns = set(reader.fieldnames or [])
        needed = {"id", "keluhan"} | ({LABEL_COLUMN} if require_label else set())
        missing = sorted(needed - columns)
        if missing:
            raise RouterError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = []
        for raw in reader:
            label = (raw.get(LABEL_COLUMN) or "").strip()
            if require_label and not label:
                continue
            rows.append(Row(id=(raw.get("id") or "").strip(), record=record_of(raw, use_category), label=label))
    return rows


def record_of(raw: dict[str, str], use_category: bool = True) -> Record:
    return Record(
        text=raw.get("keluhan") or "",
        title=raw.get("judul") or "",
        address=raw.get("alamat") or "",
        category=(raw.get("topik") or "").strip() if use_category else "",
        kelurahan=raw.get("kelurahan") or "",
        kecamatan=raw.get("kecamatan") or "",
        submitted_at=parse_when(raw.get("tanggal_keluhan") or ""),
    )


def read_units(path: str | Path) -> list[Unit]:
    """Units from a list with an ``instansi`` (name) column; family from the "Kelurahan X" naming."""
    with _open(path) as fh:
        reader = csv.DictReader(fh)
        if LABEL_COLUMN not in (reader.fieldnames or []):
            raise RouterError(f"{path}: missing column {LABEL_COLUMN}")
        names = [(r.get(LABEL_COLUMN) or "").strip() for r in reader]
    return [Unit(n, n) for n in dict.fromkeys(names) if n]


def units_beside(csv_path: str | Path) -> Path | None:
    """A units list (``*agencies.csv``) next to a training CSV, used when none is named explicitly."""
    found = sorted(Path(csv_path).resolve().parent.glob("*agencies.csv"))
    return found[0] if found else None


def write_predictions(path: str | Path, ids: Sequence[str], predictions: Sequence[Sequence[Candidate]]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(OUTPUT_COLUMNS)
        for row_id, candidates in zip(ids, predictions, strict=True):
            names = [c.label for c in candidates[:3]]
            writer.writerow([row_id, *names, *[""] * (3 - len(names))])


def text_key(text: str) -> str:
    """Identity of a text for the dedupe rule: case, spacing and punctuation do not make a text different."""
    return fold(text)


def time_split(rows: Sequence[Row], *, train: tuple[str, str], test: tuple[str, str]) -> tuple[list[Row], list[Row]]:
    """Rows submitted in ``[train[0], train[1])`` and in ``[test[0], test[1])`` (ISO dates, local time).

    A test row whose text (see :func:`text_key`) also appears in the training rows is dropped, so identical
    texts are never on both sides.
    """
    lo, hi = (parse_when(v) for v in train)
    tlo, thi = (parse_when(v) for v in test)
    fit = [r for r in rows if r.record.submitted_at and lo <= r.record.submitted_at < hi]
    seen = {text_key(r.record.text) for r in fit}
    held = [
        r
        for r in rows
        if r.record.submitted_at and tlo <= r.record.submitted_at < thi and text_key(r.record.text) not in seen
    ]
    return fit, held
