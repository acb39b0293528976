"""Plain pytest checks of the demo texts (no Django needed).

Run alone with ``python -m pytest lapor/demo/tests/test_texts.py -q -p no:django``.
The two reference-data checks at the bottom read the public region/category files when they are available
(``LAPOR_SHARED_DATA`` or ``../shared/data`` next to the repository) and are skipped otherwise.
"""

import csv
import json
import os
import re
from pathlib import Path

import pytest

from lapor.demo import texts
from lapor.demo.texts import COMPLAINTS

REGION_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
# Rough detectors for the deliberately fake personal data in some bodies.
PII_PATTERNS = (
    re.compile(r"\b\d{16}\b"),  # NIK / KK number
    re.compile(r"(?:\+62|\b0)8\d{1,2}[\s-]?\d{3,4}[\s-]?\d{3,4}"),  # mobile phone
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"\brek(?:ening)?\b", re.IGNORECASE),  # bank account
)


def _has_pii(text: str) -> bool:
    return any(p.search(text) for p in PII_PATTERNS)


def test_minimum_counts():
    assert len(COMPLAINTS) >= 70
    assert len(texts.TUNDA_REQUESTS) >= 6
    assert len(texts.TUNDA_ANSWERS) >= 6
    assert len(texts.ARCHIVE_REASONS) >= 4
    assert len(texts.BUKAN_WEWENANG_REASONS) >= 5
    assert len(texts.GENERIC_REPLIES_SATISFIED) >= 5
    assert len(texts.GENERIC_REPLIES_UNSATISFIED) >= 5
    assert len(texts.REPORTER_NAMES) >= 30


def test_all_four_classifications_present_and_nothing_else():
    expected = {"aspirasi", "permintaan_informasi", "pengaduan", "pengaduan_pengawasan"}
    assert set(texts.CLASSIFICATIONS) == expected
    assert {c.classification for c in COMPLAINTS} == expected


def test_region_codes_are_four_level_codes():
    bad = [(c.title, c.region_code) for c in COMPLAINTS if not REGION_CODE.match(c.region_code)]
    assert not bad


def test_demo_is_centred_on_kota_kupang():
    in_kupang = sum(c.region_code.startswith("53.71.") for c in COMPLAINTS)
    assert in_kupang >= 0.8 * len(COMPLAINTS)
    assert in_kupang < len(COMPLAINTS)  # a few reports come from elsewhere


def test_every_target_unit_is_known():
    known = set(texts.UNIT_NAMES) | set(texts.NATIONAL_BODIES)
    bad = [(c.title, c.target_unit) for c in COMPLAINTS if c.target_unit not in known]
    assert not bad
    assert not set(texts.UNIT_NAMES) & set(texts.NATIONAL_BODIES)
    assert set(texts.all_targets()) == known


def test_every_national_body_gets_at_least_one_report():
    used = {c.target_unit for c in COMPLAINTS}
    assert set(texts.NATIONAL_BODIES) <= used


def test_titles_unique_and_texts_non_empty():
    titles = [c.title for c in COMPLAINTS]
    assert len(titles) == len(set(titles))
    for c in COMPLAINTS:
        assert c.title.strip() and c.body.strip(), c.title
        assert c.title == c.title.strip()


def test_category_paths_are_upper_case():
    for c in COMPLAINTS:
        assert c.category_path, c.title
        assert all(part and part == part.upper() for part in c.category_path), c.title


def test_follow_ups_one_or_two_per_complaint():
    for c in COMPLAINTS:
        assert 1 <= len(c.follow_ups) <= 2, c.title
        assert all(f.strip() for f in c.follow_ups), c.title


def test_about_fifteen_percent_of_bodies_contain_fake_pii():
    share = sum(_has_pii(c.body) for c in COMPLAINTS) / len(COMPLAINTS)
    assert 0.10 <= share <= 0.25


def test_body_lengths_vary():
    lengths = sorted(len(c.body) for c in COMPLAINTS)
    assert lengths[0] < 150
    assert lengths[-1] > 500


def test_archive_reasons_cover_the_basic_codes():
    codes = {code for code, _ in texts.ARCHIVE_REASONS}
    assert {"spam", "tidak_jelas", "duplikat", "bukan_pemerintah"} <= codes
    assert all(explanation.strip() for _, explanation in texts.ARCHIVE_REASONS)


def test_string_tuples_have_no_duplicates_or_blanks():
    for name in (
        "TUNDA_REQUESTS",
        "TUNDA_ANSWERS",
        "BUKAN_WEWENANG_REASONS",
        "GENERIC_REPLIES_SATISFIED",
        "GENERIC_REPLIES_UNSATISFIED",
        "REPORTER_NAMES",
        "UNIT_NAMES",
        "NATIONAL_BODIES",
    ):
        values = getattr(texts, name)
        assert len(values) == len(set(values)), name
        assert all(isinstance(v, str) and v.strip() for v in values), name


def test_helpers():
    pengawasan = texts.complaints_by_classification("pengaduan_pengawasan")
    assert pengawasan
    assert all(c.classification == "pengaduan_pengawasan" for c in pengawasan)
    assert texts.pick(("a", "b", "c"), 4) == "b"


def test_module_does_not_import_django():
    source = Path(texts.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(?:import|from)\s+django\b", source, re.MULTILINE)


# ---- optional checks against the public reference data -------------------------------------------------------


def _shared_data_dir() -> Path | None:
    env = os.environ.get("LAPOR_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[4] / "shared" / "data")
    return next((p for p in candidates if p.is_dir()), None)


def test_region_codes_exist_in_kemendagri_list():
    data = _shared_data_dir()
    csv_path = data / "regions" / "wilayah_kepmendagri_2025.csv" if data else None
    if not csv_path or not csv_path.is_file():
        pytest.skip("regions CSV not available")
    with csv_path.open(encoding="utf-8") as fh:
        villages = {row["kode"] for row in csv.DictReader(fh) if row["tingkat"] == "desa_kelurahan"}
    missing = sorted({c.region_code for c in COMPLAINTS} - villages)
    assert not missing


def test_top_level_categories_exist_in_taxonomy():
    data = _shared_data_dir()
    json_path = data / "categories" / "lapor_categories_2025_flat.json" if data else None
    if not json_path or not json_path.is_file():
        pytest.skip("category taxonomy not available")
    taxonomy = json.loads(json_path.read_text(encoding="utf-8"))
    missing = sorted({c.category_path[0] for c in COMPLAINTS} - set(taxonomy))
    assert not missing
