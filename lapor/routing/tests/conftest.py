"""A Kupang world with kecamatan/kelurahan offices and a routing history built through the services."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import World, reporter_of, submit
from lapor.agencies.choices import AgencyKind
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_create
from lapor.reference.models import Region
from lapor.reports import services as rs
from lapor.reports.models import Report

PLACES = [
    ("53.71.04.1002", "Fatululi", 4, "kelurahan", "53.71.04"),
    ("53.71.01", "Alak", 3, "kecamatan", "53.71"),
    ("53.71.01.1001", "Nunbaun Sabu", 4, "kelurahan", "53.71.01"),
]
ROAD = [
    "Jalan berlubang besar di depan sekolah, sudah ada motor jatuh, mohon ditambal",
    "Aspal jalan rusak dan berlubang setelah hujan, mohon diperbaiki dinas PUPR",
    "Saluran drainase tersumbat sehingga jalan banjir setiap hujan",
    "Paving jalan ambles dan berlubang di gang sempit",
]
HEALTH = [
    "Pelayanan puskesmas sangat lambat, antrian pasien berjam-jam",
    "Mohon fogging karena banyak warga kena demam berdarah",
    "Obat di puskesmas habis dan dokter jarang ada",
    "Petugas puskesmas menolak pasien BPJS tanpa alasan",
]
NEIGHBOURHOOD = [
    "Surat pengantar RT RW di kantor kelurahan lama sekali diurus lurah",
    "Pelayanan petugas kelurahan buruk, lurah jarang di kantor",
    "Pos RW tidak pernah buka, pengurusan surat keterangan di kelurahan terhambat",
    "Pemilihan ketua RT bermasalah, mohon lurah menengahi",
]


@dataclass
class RoutingWorld:
    world: World
    kec_oebobo: Agency
    kel_oebobo: Agency
    kel_fatululi: Agency
    kel_nunbaun: Agency


def _offices(world: World) -> RoutingWorld:
    for code, name, level, kind, parent in PLACES:
        Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "kind": kind, "parent_id": parent}
        )
    Region.objects.get_or_create(
        code="53.71.04", defaults={"name": "Oebobo", "level": 3, "kind": "kecamatan", "parent_id": "53.71"}
    )
    kec = agency_create(
        parent=world.kupang, code="kupang-kec-oebobo", name="Kecamatan Oebobo", kind=AgencyKind.KECAMATAN,
        region_id="53.71.04",
    )  # fmt: skip
    offices = {}
    for code, name, region in (
        ("kupang-kel-oebobo", "Kelurahan Oebobo", "53.71.04.1001"),
        ("kupang-kel-fatululi", "Kelurahan Fatululi", "53.71.04.1002"),
        ("kupang-kel-nunbaun", "Kelurahan Nunbaun Sabu", "53.71.01.1001"),
    ):
        offices[code] = agency_create(
            parent=kec if region.startswith("53.71.04") else world.kupang,
            code=code,
            name=name,
            kind=AgencyKind.KELURAHAN,
            region_id=region,
        )
    for attr in ("kupang", "dinkes", "pupr"):
        setattr(world, attr, Agency.objects.get(pk=getattr(world, attr).pk))
    return RoutingWorld(
        world, kec, offices["kupang-kel-oebobo"], offices["kupang-kel-fatululi"], offices["kupang-kel-nunbaun"]
    )


def handled(world: World, agency: Agency, body: str, region: str, **submit_kw) -> Report:
    """A report filed, disposed to ``agency`` and followed up there (so ``agency`` is its final owner)."""
    nas = world.actor("nasional")
    report = submit(world, body=body, title=body[:60], region_code=region, **submit_kw)
    report = rs.report_verify(report=report, actor=nas)
    report = rs.report_dispose(report=report, actor=nas, agency=agency)
    return rs.report_follow_up(
        report=report, actor=world.actor("kupang_admin"), message="Sudah kami tindak lanjuti di lapangan, terima kasih."
    )


def build_history(rw: RoutingWorld) -> None:
    w = rw.world
    regions = ["53.71.04.1001", "53.71.04.1002", "53.71.01.1001"]
    kel_of = {
        "53.71.04.1001": rw.kel_oebobo,
        "53.71.04.1002": rw.kel_fatululi,
        "53.71.01.1001": rw.kel_nunbaun,
    }
    for i in range(8):
        region = regions[i % 3]
        handled(w, w.pupr, ROAD[i % 4] + f" no {i}", region)
        handled(w, w.dinkes, HEALTH[i % 4] + f" no {i}", region)
        handled(w, kel_of[region], NEIGHBOURHOOD[i % 4] + f" no {i}", region)


@pytest.fixture
def rworld(world, settings, tmp_path) -> RoutingWorld:
    settings.LAPOR_ROUTER_DIR = str(tmp_path / "router")
    from lapor.routing.services import router as router_services

    router_services._cache.clear()
    return _offices(world)


@pytest.fixture
def history_world(rworld) -> RoutingWorld:
    build_history(rworld)
    return rworld


__all__ = ["RoutingWorld", "handled", "reporter_of"]
