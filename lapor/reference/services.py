"""Load the reference data shipped in ``lapor/reference/data/``: regions, categories and the national agency tree.

Every loader is idempotent (a second run creates nothing) and fast on a fresh database: rows are bulk-inserted,
parents before children. The product never reads the developers' ``../shared/data``; the files here are rebuilt
from it by ``scripts/build_reference_data.py`` (see ``data/SOURCES.md``).
"""

from __future__ import annotations

import csv
import gzip
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from lapor.agencies.choices import AgencyKind, timezone_for_region
from lapor.agencies.models import Agency
from lapor.reference.models import Category, Region

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
CATEGORY_SEPARATOR = " › "
BATCH_SIZE = 5000

ROOT_AGENCY_NAME = "LAPOR! – Pengelola Nasional SP4N (Kementerian PANRB)"
ROOT_AGENCY_SOURCE = "Perpres 76/2013"
PEMDA_SOURCE = "Kepmendagri 300.2.2-2138/2025"
SMS_KEYWORD_MAX_LENGTH = 32
_PEMDA_KEYWORD_PREFIX = {AgencyKind.PROVINSI: "PROV", AgencyKind.KABUPATEN: "KAB", AgencyKind.KOTA: "KOT"}
_PEMDA_NAME_PREFIX = re.compile(r"^(Provinsi|Kabupaten|Kota)\s+(Administrasi\s+)?", re.IGNORECASE)


class ReferenceDataError(RuntimeError):
    """The shipped reference files or the database are not in the state a loader needs."""


# --- reading the shipped files ----------------------------------------------------------------------------------


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)


# --- regions ----------------------------------------------------------------------------------------------------


@transaction.atomic
def regions_load(*, data_dir: Path = DATA_DIR, batch_size: int = BATCH_SIZE) -> int:
    """Create every Kemendagri region that is missing, parents first; bring names, kinds and population of
    existing ones up to date (regions are never deleted: reports point at them). Returns the number created.
    """
    population = {row["code"]: int(row["population"]) for row in _csv_rows(data_dir / "population.csv.gz")}
    rows = sorted(_csv_rows(data_dir / "regions.csv.gz"), key=lambda r: (int(r["level"]), r["code"]))
    existing = {
        code: (name, level, kind, parent_id, pop)
        for code, name, level, kind, parent_id, pop in Region.objects.order_by().values_list(
            "code", "name", "level", "kind", "parent_id", "population"
        )
    }
    to_create: list[Region] = []
    to_update: list[Region] = []
    for row in rows:
        code = row["code"]
        wanted = (row["name"], int(row["level"]), row["kind"], row["parent"] or None, population.get(code))
        current = existing.get(code)
        if current is None:
            to_create.append(
                Region(
                    code=code,
                    name=wanted[0],
                    level=wanted[1],
                    kind=wanted[2],
                    parent_id=wanted[3],
                    population=wanted[4],
                )
            )
        elif current != wanted:
            to_update.append(
                Region(
                    code=code,
                    name=wanted[0],
                    level=wanted[1],
                    kind=wanted[2],
                    parent_id=wanted[3],
                    population=wanted[4],
                )
            )
    Region.objects.bulk_create(to_create, batch_size=batch_size)
    if to_update:
        Region.objects.bulk_update(to_update, ["name", "level", "kind", "parent", "population"], batch_size=500)
        logger.info("regions: %d updated", len(to_update))
    return len(to_create)


# --- categories -------------------------------------------------------------------------------------------------


@transaction.atomic
def categories_load(*, data_dir: Path = DATA_DIR) -> int:
    """Create the LAPOR! category tree, level by level, skipping every ``full_name`` that already exists.

    Existing categories are left alone (an admin may have retired or renamed them). Returns the number created.
    """
    with (data_dir / "categories.json").open(encoding="utf-8") as fh:
        tree = json.load(fh)
    ids = dict(Category.objects.order_by().values_list("full_name", "id"))
    created = 0
    level, current = 1, [(None, node) for node in tree]  # (parent full_name, node)
    while current:
        new: list[Category] = []
        seen: set[str] = set()
        following = []
        for parent_full_name, node in current:
            name = node["name"].strip()
            full_name = name if parent_full_name is None else f"{parent_full_name}{CATEGORY_SEPARATOR}{name}"
            if full_name not in ids and full_name not in seen:
                seen.add(full_name)
                new.append(
                    Category(
                        name=name,
                        parent_id=ids[parent_full_name] if parent_full_name else None,
                        level=level,
                        full_name=full_name,
                    )
                )
            following.extend((full_name, child) for child in node.get("children", []))
        if new:
            Category.objects.bulk_create(new, batch_size=BATCH_SIZE)
            created += len(new)
            ids = dict(Category.objects.order_by().values_list("full_name", "id"))
        level, current = level + 1, following
    return created


# --- agencies ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name: str
    kind: str
    region_id: str | None
    sms_keyword: str | None
    source: str

    def build(self) -> Agency:
        return Agency(
            code=self.code,
            name=self.name,
            kind=self.kind,
            region_id=self.region_id,
            timezone=timezone_for_region(self.region_id),
            sms_keyword=self.sms_keyword,
            source=self.source,
        )


def pemda_sms_keyword(*, kind: str, region_name: str) -> str:
    """``KOTKUPANG`` for Kota Kupang, ``KABKUPANG`` for Kabupaten Kupang, ``PROVNUSATENGGARATIMUR`` for the province.

    "Administrasi" (Jakarta's kota/kabupaten administrasi) is dropped: Kota Administrasi Jakarta Pusat gives
    KOTJAKARTAPUSAT.
    """
    base = _PEMDA_NAME_PREFIX.sub("", region_name.strip())
    return _PEMDA_KEYWORD_PREFIX[kind] + re.sub(r"[^0-9A-Za-z]", "", base).upper()


def _reference_agency_specs(data_dir: Path) -> list[AgencySpec]:
    """The 552 pemda (keywords generated, made unique) and the national agencies from the shipped files."""
    specs: list[AgencySpec] = []
    keywords: set[str] = set()
    for row in _csv_rows(data_dir / "pemda.csv"):
        keyword = pemda_sms_keyword(kind=row["kind"], region_name=row["region_name"])
        if keyword in keywords or len(keyword) > SMS_KEYWORD_MAX_LENGTH:
            # Same name elsewhere (or too long): fall back to the prefix plus the region code, which is unique.
            keyword = _PEMDA_KEYWORD_PREFIX[row["kind"]] + row["code"].replace(".", "")
        keywords.add(keyword)
        specs.append(AgencySpec(keyword.lower(), row["name"], row["kind"], row["code"], keyword, PEMDA_SOURCE))
    for row in _csv_rows(data_dir / "national_agencies.csv"):
        keyword = row["sms_keyword"].strip().upper() or None
        if row["kind"] not in AgencyKind.instansi_kinds():
            raise ReferenceDataError(f"national_agencies.csv: {row['code']} has an unknown kind {row['kind']!r}")
        if keyword in keywords:
            raise ReferenceDataError(f"national_agencies.csv: SMS keyword {keyword} is already used")
        keywords.add(keyword)
        specs.append(AgencySpec(row["code"].strip(), row["name"].strip(), row["kind"], None, keyword, row["source"]))
    codes = [spec.code for spec in specs]
    if len(set(codes)) != len(codes):
        raise ReferenceDataError("duplicate agency codes in the reference files")
    return specs


def _db_sort_order(names: list[str]) -> list[str]:
    """``names`` in the database's own collation order, so a fresh tree lists siblings by name in path order."""
    if not names:
        return []
    placeholders = ", ".join(["(%s)"] * len(names))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT column1 FROM (VALUES {placeholders}) AS v ORDER BY column1", names)  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def _root_agency() -> tuple[Agency, bool]:
    code = settings.LAPOR_ROOT_AGENCY_CODE
    root = Agency.objects.filter(code=code).first()
    if root is not None:
        return root, False
    root = Agency.objects.add_root(
        instance=Agency(
            code=code,
            name=ROOT_AGENCY_NAME,
            kind=AgencyKind.NATIONAL,
            is_connected=True,
            sms_keyword=None,
            source=ROOT_AGENCY_SOURCE,
        )
    )
    return root, True


@transaction.atomic
def agencies_load_reference(*, data_dir: Path = DATA_DIR) -> int:
    """Create the national root (``settings.LAPOR_ROOT_AGENCY_CODE``) and, as its direct children, the 552 pemda
    and the national agencies (kementerian, lembaga, BUMN). Codes that already exist anywhere are skipped.

    When the root has no children yet, the children's tree paths are computed here and bulk-inserted (steplen 4,
    in name order); otherwise each missing agency is appended through treebeard's ``add_child``, which never
    moves existing paths.
    Returns the number of agencies created (the root included).
    """
    specs = _reference_agency_specs(data_dir)
    region_codes = {spec.region_id for spec in specs if spec.region_id}
    present = set(Region.objects.filter(level__lte=2).values_list("code", flat=True))
    if region_codes - present:
        raise ReferenceDataError("regions are not loaded: run regions_load() before agencies_load_reference()")

    root, created_root = _root_agency()
    existing_codes = set(Agency.objects.values_list("code", flat=True))
    used_keywords = {
        kw.upper() for kw in Agency.objects.exclude(sms_keyword=None).values_list("sms_keyword", flat=True)
    }
    missing: list[Agency] = []
    for spec in specs:
        if spec.code in existing_codes:
            continue
        agency = spec.build()
        if agency.sms_keyword and agency.sms_keyword in used_keywords:
            logger.warning("agency %s: SMS keyword %s already used elsewhere, left empty", spec.code, spec.sms_keyword)
            agency.sms_keyword = None
        missing.append(agency)

    root = Agency.objects.get(pk=root.pk)
    if missing and root.numchild == 0:
        _bulk_insert_children(root, missing)
    else:
        for agency in sorted(missing, key=lambda a: a.name):
            Agency.objects.add_child(Agency.objects.get(pk=root.pk), instance=agency)
    return len(missing) + int(created_root)


def _bulk_insert_children(parent: Agency, children: list[Agency]) -> None:
    """Insert ``children`` under a childless ``parent`` with the paths treebeard would have given them."""
    order = {name: i for i, name in enumerate(_db_sort_order([child.name for child in children]))}
    children.sort(key=lambda child: order[child.name])
    for position, child in enumerate(children, start=1):
        child.depth = parent.depth + 1
        child.path = Agency._get_path(parent.path, child.depth, position)
        child.numchild = 0
    Agency.objects.bulk_create(children, batch_size=BATCH_SIZE)
    Agency.objects.filter(pk=parent.pk).update(numchild=len(children))


# --- everything -------------------------------------------------------------------------------------------------


def reference_load_all(*, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Load regions, categories and the reference agencies, each in its own transaction; counts of rows created."""
    return {
        "regions": regions_load(data_dir=data_dir),
        "categories": categories_load(data_dir=data_dir),
        "agencies": agencies_load_reference(data_dir=data_dir),
    }
