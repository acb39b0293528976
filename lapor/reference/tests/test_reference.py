"""The shipped reference data and its loaders (regions, categories, the national agency tree)."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Sum

from lapor.agencies.choices import AgencyKind, TimeZone
from lapor.agencies.models import Agency
from lapor.reference.models import Category, Region
from lapor.reference.services import (
    CATEGORY_SEPARATOR,
    DATA_DIR,
    ReferenceDataError,
    agencies_load_reference,
    pemda_sms_keyword,
    reference_load_all,
)

SHARED_DATA = Path(settings.BASE_DIR).parent / "shared" / "data"

# Measured in the shipped regions.csv.gz (Kepmendagri 300.2.2-2138/2025; the 14 desa adat of Papua count as desa).
REGION_COUNTS = {"provinsi": 38, "kabupaten": 416, "kota": 98, "kecamatan": 7285, "desa": 75266, "kelurahan": 8496}
NATIONAL_AGENCIES = {"kementerian": 48, "lembaga": 34, "bumn": 6}
CATEGORY_LEVELS = {1: 38, 2: 229, 3: 695}


def _no_problems() -> bool:
    return all(not ids for ids in Agency.objects.find_problems())


def _siblings_in_name_order(parent: Agency) -> bool:
    by_path = list(Agency.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("path"))
    by_name = list(Agency.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("name"))
    return [a.pk for a in by_path] == [a.pk for a in by_name]


# --- loaded data --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_first_load_creates_everything(reference_loaded):
    assert reference_loaded.counts == {
        "regions": sum(REGION_COUNTS.values()),
        "categories": sum(CATEGORY_LEVELS.values()),
        "agencies": 1 + 552 + sum(NATIONAL_AGENCIES.values()),
    }


@pytest.mark.django_db
def test_regions(reference_loaded):
    assert Region.objects.count() == 91599
    assert dict(Counter(Region.objects.values_list("kind", flat=True))) == REGION_COUNTS
    assert Region.objects.filter(level=1).count() == 38
    assert Region.objects.filter(level=2).count() == 514
    assert Region.objects.filter(level=1, parent__isnull=False).count() == 0
    assert Region.objects.filter(level__gt=1, parent__isnull=True).count() == 0
    kupang = Region.objects.get(code="53.71")
    assert (kupang.name, kupang.kind, kupang.parent_id, kupang.level) == ("Kota Kupang", "kota", "53", 2)
    oebobo = Region.objects.get(code="53.71.04.1001")
    assert (oebobo.name, oebobo.kind, oebobo.parent.name, oebobo.parent.parent_id) == (
        "Oebobo",
        "kelurahan",
        "Oebobo",
        "53.71",
    )
    # Population (Dukcapil 2024-S2) for every province and kabupaten/kota; the provinces add up to Indonesia.
    assert Region.objects.filter(population__isnull=False).count() == 552
    assert Region.objects.filter(level=1).aggregate(total=Sum("population"))["total"] == 284_973_643


@pytest.mark.django_db
def test_categories(reference_loaded):
    assert dict(Counter(Category.objects.values_list("level", flat=True))) == CATEGORY_LEVELS
    jalan = Category.objects.get(full_name="PEKERJAAN UMUM DAN PENATAAN RUANG › INFRASTRUKTUR JALAN › JALAN BERLUBANG")
    assert (jalan.name, jalan.level, jalan.parent.name, jalan.parent.parent.name) == (
        "JALAN BERLUBANG",
        3,
        "INFRASTRUKTUR JALAN",
        "PEKERJAAN UMUM DAN PENATAAN RUANG",
    )
    assert Category.objects.filter(
        full_name="PEKERJAAN UMUM DAN PENATAAN RUANG › INFRASTRUKTUR PENDUKUNG › HALTE"
    ).exists()
    # Level-2 leaves stay level 2; the thematic empty top-level categories exist without children.
    assert Category.objects.get(full_name="PEKERJAAN UMUM DAN PENATAAN RUANG › BENDUNGAN").level == 2
    assert not Category.objects.get(full_name="EVAKUASI HEWAN LIAR").children.exists()
    for category in Category.objects.select_related("parent"):
        expected = (
            category.name if category.parent is None else category.parent.full_name + CATEGORY_SEPARATOR + category.name
        )
        assert category.full_name == expected
        assert category.level == (1 if category.parent is None else category.parent.level + 1)


@pytest.mark.django_db
def test_agency_tree(reference_loaded):
    root = Agency.objects.get(code=settings.LAPOR_ROOT_AGENCY_CODE)
    assert root.is_root() and root.kind == AgencyKind.NATIONAL and root.is_connected and root.sms_keyword is None
    assert root.numchild == 1 + 551 + sum(NATIONAL_AGENCIES.values()) and root.path == "0001"
    assert _no_problems()
    assert _siblings_in_name_order(root)
    assert list(Agency.objects.get_tree().values_list("path", flat=True)) == sorted(
        Agency.objects.values_list("path", flat=True)
    )

    pemda = Agency.objects.filter(kind__in=[AgencyKind.PROVINSI, AgencyKind.KABUPATEN, AgencyKind.KOTA])
    assert dict(Counter(pemda.values_list("kind", flat=True))) == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    assert all(a.depth == 2 and a.is_child_of(root) and a.region_id for a in pemda)
    national = Counter(Agency.objects.filter(kind__in=list(NATIONAL_AGENCIES)).values_list("kind", flat=True))
    assert dict(national) == NATIONAL_AGENCIES

    kupang = Agency.objects.get(sms_keyword="KOTKUPANG")
    assert (kupang.code, kupang.name, kupang.region_id, kupang.timezone) == (
        "kotkupang",
        "Pemerintah Kota Kupang",
        "53.71",
        TimeZone.WITA,
    )
    assert Agency.objects.get(sms_keyword="KABKUPANG").region_id == "53.01"
    assert Agency.objects.get(sms_keyword="PROVNUSATENGGARATIMUR").region_id == "53"
    assert Agency.objects.get(sms_keyword="KOTJAYAPURA").timezone == TimeZone.WIT
    assert set(Agency.objects.filter(region__code__startswith="9").values_list("timezone", flat=True)) == {TimeZone.WIT}
    assert Agency.objects.get(code="kotsurabaya").timezone == TimeZone.WIB
    kemenkes = Agency.objects.get(code="kemenkes")
    assert (kemenkes.name, kemenkes.kind, kemenkes.sms_keyword) == ("Kementerian Kesehatan", "kementerian", "KEMENKES")

    keywords = [k.upper() for k in Agency.objects.exclude(sms_keyword=None).values_list("sms_keyword", flat=True)]
    assert len(keywords) == len(set(keywords)) == 640
    assert all(a.code == a.sms_keyword.lower() for a in pemda)


@pytest.mark.django_db
def test_second_run_creates_nothing(reference_loaded):
    before = (Region.objects.count(), Category.objects.count(), Agency.objects.count())
    assert reference_load_all() == {"regions": 0, "categories": 0, "agencies": 0}
    assert (Region.objects.count(), Category.objects.count(), Agency.objects.count()) == before
    assert _no_problems()


@pytest.mark.django_db
def test_missing_agencies_are_added_in_place(reference_loaded):
    Agency.objects.filter(code__in=["kotkupang", "kemenkes", "pln"]).delete()
    assert agencies_load_reference() == 3
    root = Agency.objects.get(code=settings.LAPOR_ROOT_AGENCY_CODE)
    assert root.numchild == 640
    assert _no_problems()
    assert Agency.objects.get(code="kotkupang").is_child_of(root)


@pytest.mark.django_db
def test_root_is_added_beside_an_existing_tree(reference_loaded):
    Agency.objects.all().delete()
    other = Agency.objects.add_root(instance=Agency(code="demo", name="Demo", kind=AgencyKind.NATIONAL))
    assert agencies_load_reference() == 641
    root = Agency.objects.get(code=settings.LAPOR_ROOT_AGENCY_CODE)
    assert root.is_root() and root.numchild == 640
    assert Agency.objects.get(pk=other.pk).is_root()
    assert _no_problems()
    assert _siblings_in_name_order(root)


@pytest.mark.django_db
def test_load_reference_command(reference_loaded):
    out = io.StringIO()
    call_command("load_reference", stdout=out)
    text = out.getvalue()
    assert "regions: 0 created" in text and "agencies: 0 created" in text and "loaded in" in text


@pytest.mark.django_db
def test_agencies_need_their_regions(tmp_path):
    for name in ("pemda.csv", "national_agencies.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    with (tmp_path / "pemda.csv").open("a", encoding="utf-8") as fh:
        fh.write("99.99,Pemerintah Kota Nirwana,kota,Kota Nirwana,1\n")
    with pytest.raises(ReferenceDataError):
        agencies_load_reference(data_dir=tmp_path)


# --- the shipped files --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "region_name", "keyword"),
    [
        ("kota", "Kota Kupang", "KOTKUPANG"),
        ("kabupaten", "Kabupaten Kupang", "KABKUPANG"),
        ("provinsi", "Nusa Tenggara Timur", "PROVNUSATENGGARATIMUR"),
        ("kota", "Kota Administrasi Jakarta Pusat", "KOTJAKARTAPUSAT"),
        ("kabupaten", "Kabupaten Toli-Toli", "KABTOLITOLI"),
    ],
)
def test_pemda_sms_keyword(kind, region_name, keyword):
    assert pemda_sms_keyword(kind=kind, region_name=region_name) == keyword


def test_shipped_categories_shape():
    tree = json.loads((DATA_DIR / "categories.json").read_text(encoding="utf-8"))
    assert len(tree) == 38
    pupr = next(node for node in tree if node["name"] == "PEKERJAAN UMUM DAN PENATAAN RUANG")
    groups = {child["name"]: [g["name"] for g in child["children"]] for child in pupr["children"]}
    assert groups["INFRASTRUKTUR JALAN"][0] == "JALAN BERLUBANG"
    assert groups["INFRASTRUKTUR PENDUKUNG"][0] == "HALTE"
    assert groups["BENDUNGAN"] == []


def test_national_agencies_file():
    with (DATA_DIR / "national_agencies.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert Counter(row["kind"] for row in rows) == NATIONAL_AGENCIES
    assert len({row["code"] for row in rows}) == len(rows)
    assert all(row["sms_keyword"] == row["sms_keyword"].upper() and row["source"] for row in rows)


def _shared_data() -> Path:
    if not (SHARED_DATA / "regions").is_dir():
        pytest.skip("../shared/data is not available (developers and CI only)")
    return SHARED_DATA


def test_every_shared_region_code_is_shipped():
    shared = _shared_data()
    with (shared / "regions" / "wilayah_kepmendagri_2025.csv").open(encoding="utf-8", newline="") as fh:
        shared_codes = {row["kode"] for row in csv.DictReader(fh)}
    with gzip.open(DATA_DIR / "regions.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        shipped_codes = {row["code"] for row in csv.DictReader(fh)}
    assert shared_codes == shipped_codes
    assert len(shipped_codes) == 91599


def test_every_shared_category_is_shipped():
    shared = _shared_data()
    flat = json.loads((shared / "categories" / "lapor_categories_2025_flat.json").read_text(encoding="utf-8"))
    tree = json.loads((DATA_DIR / "categories.json").read_text(encoding="utf-8"))
    for top in tree:
        below = {child["name"] for child in top["children"]} | {
            grandchild["name"] for child in top["children"] for grandchild in child["children"]
        }
        assert {" ".join(entry.split()) for entry in flat[top["name"]]} == below, top["name"]


def test_shipped_files_are_rebuilt_identically(tmp_path, capsys):
    shared = _shared_data()
    spec = importlib.util.spec_from_file_location(
        "build_reference_data", Path(settings.BASE_DIR) / "scripts" / "build_reference_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(shared), "--out", str(tmp_path)]) == 0
    for name in ("regions.csv.gz", "population.csv.gz", "pemda.csv", "categories.json"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), f"{name} is stale: rebuild it"
