"""Shared test fixtures: a small agency world built through the services, and actors for every role."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import pytest
from hypothesis import settings as hypothesis_settings

from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_create, membership_grant
from lapor.core import clock
from lapor.reference.models import Region
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.services import _base

# CI explores the same examples every run (a red CI must be reproducible); developers' runs stay random.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

REGIONS = [
    ("53", "Nusa Tenggara Timur", 1, "provinsi", None),
    ("53.71", "Kota Kupang", 2, "kota", "53"),
    ("53.71.04", "Oebobo", 3, "kecamatan", "53.71"),
    ("53.71.04.1001", "Oebobo", 4, "kelurahan", "53.71.04"),
    ("35", "Jawa Timur", 1, "provinsi", None),
    ("35.78", "Kota Surabaya", 2, "kota", "35"),
    ("91", "Papua", 1, "provinsi", None),
    ("91.71", "Kota Jayapura", 2, "kota", "91"),
]


@dataclass
class World:
    root: Agency
    kupang: Agency
    dinkes: Agency
    puskesmas: Agency
    pupr: Agency
    surabaya: Agency
    kemenkes: Agency
    jayapura: Agency
    users: dict[str, User] = field(default_factory=dict)

    def actor(self, name: str) -> Actor:
        if name == "public":
            return Actor.public()
        if name == "system":
            return Actor.system()
        return Actor.for_user(self.users[name])


ROLE_USERS = {
    # username: (agency attribute, role)
    "nasional": ("root", Role.NATIONAL_ADMIN),
    "kupang_admin": ("kupang", Role.AGENCY_ADMIN),
    "dinkes_admin": ("dinkes", Role.AGENCY_ADMIN),
    "dinkes_penghubung": ("dinkes", Role.LIAISON),
    "puskesmas_penghubung": ("puskesmas", Role.LIAISON),
    "walikota": ("kupang", Role.LEADER),
    "surabaya_admin": ("surabaya", Role.AGENCY_ADMIN),
    "kemenkes_admin": ("kemenkes", Role.AGENCY_ADMIN),
    "ombudsman": ("root", Role.SUPERVISOR),
}


def build_world() -> World:
    for code, name, level, kind, parent in REGIONS:
        Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "kind": kind, "parent_id": parent}
        )
    root = Agency.objects.add_root(
        instance=Agency(code="lapor", name="LAPOR! Pengelola Nasional", kind=AgencyKind.NATIONAL, is_connected=True)
    )
    _base._root_agency_id.cache_clear()
    kupang = agency_create(
        parent=root,
        code="kotkupang",
        name="Pemerintah Kota Kupang",
        kind=AgencyKind.KOTA,
        region_id="53.71",
        sms_keyword="KOTKUPANG",
        is_connected=True,
    )
    dinkes = agency_create(
        parent=kupang, code="kupang-dinkes", name="Dinas Kesehatan Kota Kupang", kind=AgencyKind.DINAS
    )
    puskesmas = agency_create(parent=dinkes, code="kupang-pkm-oepoi", name="Puskesmas Oepoi", kind=AgencyKind.PUSKESMAS)
    pupr = agency_create(parent=kupang, code="kupang-pupr", name="Dinas PUPR Kota Kupang", kind=AgencyKind.DINAS)
    surabaya = agency_create(
        parent=root,
        code="kotsurabaya",
        name="Pemerintah Kota Surabaya",
        kind=AgencyKind.KOTA,
        region_id="35.78",
        sms_keyword="KOTSURABAYA",
    )
    kemenkes = agency_create(
        parent=root, code="kemenkes", name="Kementerian Kesehatan", kind=AgencyKind.KEMENTERIAN, sms_keyword="KEMENKES"
    )
    jayapura = agency_create(
        parent=root,
        code="kotjayapura",
        name="Pemerintah Kota Jayapura",
        kind=AgencyKind.KOTA,
        region_id="91.71",
        sms_keyword="KOTJAYAPURA",
    )
    world = World(
        root=root,
        kupang=kupang,
        dinkes=dinkes,
        puskesmas=puskesmas,
        pupr=pupr,
        surabaya=surabaya,
        kemenkes=kemenkes,
        jayapura=jayapura,
    )
    for username, (attr, role) in ROLE_USERS.items():
        user = User.objects.create_user(
            username=username, password="x-test-pass-123", email=f"{username}@example.go.id"
        )
        membership_grant(user=user, agency=Agency.objects.get(pk=getattr(world, attr).pk), role=role)
        world.users[username] = user
    world.users["warga"] = User.objects.create_user(username="warga", password="x-test-pass-123")
    for attr in ("root", "kupang", "dinkes", "puskesmas", "pupr", "surabaya", "kemenkes", "jayapura"):
        setattr(world, attr, Agency.objects.get(pk=getattr(world, attr).pk))
    return world


@pytest.fixture(autouse=True)
def _fresh_memos():
    """Process-local memos (root agency, closures, region checks) must not outlive a test's database."""
    from lapor.core.memo import clear_all_memos

    clear_all_memos()
    _base._root_agency_id.cache_clear()
    yield
    clear_all_memos()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request in English (LocaleMiddleware activates it for the
    thread) must not turn the next test's messages into English.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(db) -> World:
    return build_world()


# Monday 2 November 2026, 09:00 WITA — a plain working week with no holidays.
MONDAY = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen_monday():
    with clock.frozen(MONDAY):
        yield MONDAY


def submit(world: World, **overrides) -> Report:
    fields = dict(
        actor=Actor.public(),
        title="Jalan berlubang di depan SD Inpres Oebobo",
        body="Jalan di depan SD Inpres Oebobo berlubang besar sejak dua minggu, sudah dua motor jatuh.",
        channel="web",
        region_code="53.71.04.1001",
        reporter_name="Maria Ndun",
        reporter_phone="081234567890",
        reporter_email="maria@example.com",
    )
    fields.update(overrides)
    return rs.report_submit(**fields).report


def reporter_of(report: Report) -> Actor:
    return Actor.reporter(token=report.access_token)


def bring_to(world: World, status: str, **submit_overrides) -> Report:
    """A fresh report in ``status``, reached through the services as real users would."""
    nas = world.actor("nasional")
    report = submit(world, **submit_overrides)
    if status == "submitted":
        return report
    if status == "pending_info":
        return rs.report_request_info(report=report, actor=nas, question="Mohon sebutkan alamat lengkapnya.")
    if status == "archived":
        return rs.report_archive(
            report=report,
            actor=nas,
            reason="tidak_jelas",
            explanation="Isi laporan tidak cukup jelas untuk ditindaklanjuti.",
        )
    report = rs.report_verify(report=report, actor=nas, classification="pengaduan")
    if status == "verified":
        return report
    report = rs.report_dispose(report=report, actor=nas, agency=world.kupang)
    report = rs.report_dispose_internal(report=report, actor=world.actor("kupang_admin"), agency=world.dinkes)
    if status == "disposed":
        return report
    if status == "returned":
        return rs.report_return(
            report=report,
            actor=world.actor("dinkes_admin"),
            better_agency=world.pupr,
            reason="Perbaikan jalan adalah kewenangan Dinas PUPR, bukan Dinas Kesehatan.",
        )
    report = rs.report_follow_up(
        report=report,
        actor=world.actor("dinkes_penghubung"),
        message="Tim kami sudah meninjau lokasi dan berkoordinasi dengan puskesmas.",
    )
    if status == "followed_up":
        return report
    if status == "in_progress":
        return rs.report_reply(report=report, actor=reporter_of(report), message="Belum ada perbaikan, Pak.")
    if status == "closed":
        return rs.report_close(report=report, actor=world.actor("dinkes_admin"))
    raise ValueError(status)
