"""The demo world: Pemerintah Kota Kupang and its units, a few national bodies, users for every role, and
about two hundred reports in every state, built through the real services with realistic timelines.

Idempotent: running it again on the same database reuses what is there.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction

from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_create, membership_grant
from lapor.core import clock
from lapor.core.errors import ApplicationError
from lapor.demo import texts
from lapor.reference.models import Category
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.services._base import root_agency

DEMO_PASSWORD = "demo-lapor-2026"  # noqa: S105 - printed on purpose: demo logins only
KUPANG_CODE = "kotkupang"

UNIT_KINDS = {
    texts.RSUD: AgencyKind.RSUD,
    texts.SATPOL_PP: AgencyKind.BADAN,
}
UNIT_CODES = {
    texts.DINKES: "kupang-dinkes",
    texts.PKM_OEPOI: "kupang-pkm-oepoi",
    texts.PKM_SIKUMANA: "kupang-pkm-sikumana",
    texts.PKM_BAKUNASE: "kupang-pkm-bakunase",
    texts.PKM_OESAPA: "kupang-pkm-oesapa",
    texts.PKM_PASIR_PANJANG: "kupang-pkm-pasirpanjang",
    texts.RSUD: "kupang-rsud-sklerik",
    texts.PUPR: "kupang-pupr",
    texts.DIKBUD: "kupang-dikbud",
    texts.DUKCAPIL: "kupang-dukcapil",
    texts.DINSOS: "kupang-dinsos",
    texts.DLHK: "kupang-dlhk",
    texts.DISHUB: "kupang-dishub",
    texts.SATPOL_PP: "kupang-satpolpp",
}
PUSKESMAS = {texts.PKM_OEPOI, texts.PKM_SIKUMANA, texts.PKM_BAKUNASE, texts.PKM_OESAPA, texts.PKM_PASIR_PANJANG}
NATIONAL_CODES = {
    texts.BPJS_KESEHATAN: "bpjs-kesehatan",
    texts.KEMENSOS: "kemensos",
    texts.PLN: "pln",
    texts.KEMENAG: "kemenag",
}

# (username, display name, agency code or None for root, role)
DEMO_USERS = [
    ("nasional", "Admin Nasional KemenPANRB", None, Role.NATIONAL_ADMIN),
    ("admin.kupang", "Admin Bagian Organisasi Setda Kota Kupang", KUPANG_CODE, Role.AGENCY_ADMIN),
    ("admin.dinkes", "Admin Dinas Kesehatan Kota Kupang", "kupang-dinkes", Role.AGENCY_ADMIN),
    ("penghubung.dinkes", "Pejabat Penghubung Dinkes", "kupang-dinkes", Role.LIAISON),
    ("penghubung.oepoi", "Pejabat Penghubung Puskesmas Oepoi", "kupang-pkm-oepoi", Role.LIAISON),
    ("penghubung.pupr", "Pejabat Penghubung Dinas PUPR", "kupang-pupr", Role.LIAISON),
    ("walikota.kupang", "Wali Kota Kupang", KUPANG_CODE, Role.LEADER),
    ("ombudsman", "Asisten Ombudsman RI", None, Role.SUPERVISOR),
    ("admin.kemensos", "Admin Kementerian Sosial", "kemensos", Role.AGENCY_ADMIN),
    ("admin.bpjs", "Admin BPJS Kesehatan", "bpjs-kesehatan", Role.AGENCY_ADMIN),
]

# Final states and how many of the demo reports end in each (sums to 200).
STATE_PLAN = [
    ("submitted", 22),
    ("pending_info", 10),
    ("verified", 10),
    ("archived", 12),
    ("disposed", 30),
    ("returned", 8),
    ("in_progress", 16),
    ("followed_up", 30),
    ("closed", 62),
]
CHANNELS = ["web"] * 5 + ["sms"] * 3 + ["whatsapp"] * 2 + ["email", "walkin", "api", "mobile"]


@dataclass
class DemoResult:
    created: bool
    reports: int


def demo_world_exists() -> bool:
    return User.objects.filter(username="nasional").exists()


def _agency(code: str) -> Agency | None:
    return Agency.objects.filter(code=code).first()


def _ensure_structure() -> dict[str, Agency]:
    root = root_agency()
    kupang = _agency(KUPANG_CODE)
    if kupang is None:  # reference data always has it; a bare database may not
        kupang = agency_create(
            parent=root,
            code=KUPANG_CODE,
            name="Pemerintah Kota Kupang",
            kind=AgencyKind.KOTA,
            region_id="53.71",
            sms_keyword="KOTKUPANG",
        )
    Agency.objects.filter(pk=kupang.pk).update(is_connected=True, sk_number="SK Wali Kota Kupang No. 188.45/2024")
    units: dict[str, Agency] = {}
    if _agency("kupang-organisasi") is None:
        agency_create(
            parent=kupang,
            code="kupang-organisasi",
            name="Bagian Organisasi Setda Kota Kupang",
            kind=AgencyKind.BAGIAN,
            is_connected=True,
        )
    for name in [n for n in texts.UNIT_NAMES if n not in PUSKESMAS] + [n for n in texts.UNIT_NAMES if n in PUSKESMAS]:
        code = UNIT_CODES[name]
        existing = _agency(code)
        if existing is None:
            parent = units[texts.DINKES] if name in PUSKESMAS else kupang
            kind = AgencyKind.PUSKESMAS if name in PUSKESMAS else UNIT_KINDS.get(name, AgencyKind.DINAS)
            full = name if name in PUSKESMAS or name.startswith("RSUD") else f"{name} Kota Kupang"
            existing = agency_create(parent=parent, code=code, name=full, kind=kind, is_connected=True)
        units[name] = existing
    for name, code in NATIONAL_CODES.items():
        existing = _agency(code) or Agency.objects.filter(name__iexact=name).first()
        if existing is None:
            kind = (
                AgencyKind.BUMN
                if name.startswith("PT")
                else (AgencyKind.KEMENTERIAN if name.startswith("Kementerian") else AgencyKind.LEMBAGA)
            )
            existing = agency_create(parent=root, code=code, name=name, kind=kind, is_connected=True)
        units[name] = existing
    units["__kupang__"] = Agency.objects.get(pk=kupang.pk)
    return units


def _ensure_users(units: dict[str, Agency]) -> dict[str, User]:
    users = {}
    by_code = {a.code: a for a in units.values()}
    for username, full_name, code, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.partition(" ")
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first[:150],
                last_name=last[:150],
                email=f"{username}@demo.lapor.invalid",
                is_staff=True,
                is_superuser=(role == Role.NATIONAL_ADMIN),
            )
        agency = root_agency() if code is None else (by_code.get(code) or Agency.objects.get(code=code))
        membership_grant(user=user, agency=agency, role=role)
        users[username] = user
    if not User.objects.filter(username="warga").exists():
        User.objects.create_user(
            username="warga",
            password=DEMO_PASSWORD,
            first_name="Maria",
            last_name="Ndun",
            email="warga@demo.lapor.invalid",
            phone="+6281234500001",
        )
    return users


def _category_id(path: tuple[str, ...]) -> int | None:
    for depth in range(len(path), 0, -1):
        found = Category.objects.filter(full_name=" › ".join(path[:depth])).values_list("pk", flat=True).first()
        if found:
            return found
    return None


class _Timeline:
    """Advances a fictional clock step by step, never past the real now."""

    def __init__(self, start: dt.datetime, rng: random.Random) -> None:
        self.at = start
        self.rng = rng
        self.limit = clock.now() - dt.timedelta(minutes=5)

    def step(self, low_hours: float, high_hours: float) -> dt.datetime:
        self.at = min(self.at + dt.timedelta(hours=self.rng.uniform(low_hours, high_hours)), self.limit)
        return self.at


def _build_one(i: int, final: str, rng: random.Random, units: dict[str, Agency], users: dict[str, User]) -> None:
    c = texts.COMPLAINTS[i % len(texts.COMPLAINTS)]
    kupang = units["__kupang__"]
    target = units[c.target_unit]
    in_kupang = target.is_in_subtree_of(kupang)
    channel = rng.choice(CHANNELS)
    anonymous = rng.random() < 0.2
    secret = rng.random() < 0.1
    name = texts.REPORTER_NAMES[i % len(texts.REPORTER_NAMES)]
    phone = f"0812{rng.randint(10_000_000, 99_999_999)}"
    email = "" if channel == "sms" else f"{name.split()[0].lower()}{i}@example.com"
    age_days = {"submitted": (0.2, 3), "pending_info": (1, 6), "verified": (0.5, 3)}.get(final, (6, 80))
    t = _Timeline(clock.now() - dt.timedelta(days=rng.uniform(*age_days)), rng)
    staff = {u: Actor.for_user(users[u]) for u in users}
    nasional = staff["nasional"]
    intake = kupang if (channel in ("sms", "walkin") and in_kupang) else None
    actor = staff["admin.kupang"] if channel == "walkin" else Actor.public()
    with clock.frozen(t.at):
        report = rs.report_submit(
            actor=actor,
            title=c.title if channel not in ("sms",) else "",
            body=c.body,
            channel=channel,
            classification=c.classification if channel not in ("sms", "whatsapp") else "pengaduan",
            category_id=_category_id(c.category_path) if channel not in ("sms", "whatsapp") else None,
            region_code=c.region_code,
            address=c.address,
            is_anonymous=anonymous,
            is_secret=secret,
            reporter_name="" if anonymous and rng.random() < 0.5 else name,
            reporter_phone=phone,
            reporter_email=email,
            intake_agency=intake,
            intake_key=f"demo:{i}",
        ).report
    reporter = Actor.reporter(token=report.access_token)
    verifier = staff["admin.kupang"] if intake is not None else nasional
    if final == "submitted":
        return
    if final == "pending_info" or rng.random() < 0.15:
        with clock.frozen(t.step(2, 30)):
            rs.report_request_info(report=report, actor=verifier, question=texts.pick(texts.TUNDA_REQUESTS, i))
        if final == "pending_info":
            return
        with clock.frozen(t.step(3, 48)):
            rs.report_provide_info(report=report, actor=reporter, message=texts.pick(texts.TUNDA_ANSWERS, i))
    if final == "archived":
        code, why = texts.pick(texts.ARCHIVE_REASONS, i)
        with clock.frozen(t.step(2, 40)):
            rs.report_archive(report=report, actor=verifier, reason=code, explanation=why)
        return
    with clock.frozen(t.step(1, 40)):
        rs.report_verify(
            report=report, actor=verifier, classification=c.classification, category_id=_category_id(c.category_path)
        )
    if final == "verified":
        return
    first_hop = kupang if in_kupang else target
    with clock.frozen(t.step(1, 20)):
        rs.report_dispose(report=report, actor=verifier, agency=first_hop)
    if in_kupang:
        if final == "returned" or rng.random() < 0.08:  # a wrong first guess, bounced back as bukan wewenang
            wrong = units[texts.DINSOS] if target.pk != units[texts.DINSOS].pk else units[texts.DLHK]
            with clock.frozen(t.step(2, 24)):
                rs.report_dispose_internal(report=report, actor=staff["admin.kupang"], agency=wrong)
            with clock.frozen(t.step(4, 60)):
                rs.report_return(
                    report=report,
                    actor=staff["admin.kupang"],
                    better_agency=target,
                    reason=texts.pick(texts.BUKAN_WEWENANG_REASONS, i),
                )
            if final == "returned":
                return
        with clock.frozen(t.step(1, 24)):
            if target.pk != kupang.pk:
                parent = target.get_parent() if target.depth > kupang.depth + 1 else None
                if parent is not None and not Report.objects.filter(pk=report.pk, owner_agency=parent).exists():
                    rs.report_dispose_internal(report=report, actor=staff["admin.kupang"], agency=parent)
                rs.report_dispose_internal(report=report, actor=staff["admin.kupang"], agency=target)
    if final == "disposed":
        return
    responder = (
        staff.get("penghubung.oepoi")
        if c.target_unit == texts.PKM_OEPOI
        else staff.get("penghubung.dinkes")
        if c.target_unit == texts.DINKES
        else staff.get("penghubung.pupr")
        if c.target_unit == texts.PUPR
        else staff.get("admin.kupang")
        if in_kupang
        else staff.get("admin.kemensos")
        if c.target_unit == texts.KEMENSOS
        else staff.get("admin.bpjs")
        if c.target_unit == texts.BPJS_KESEHATAN
        else nasional
    )
    if responder is nasional:  # bodies without a demo admin answer through a one-off admin account
        responder = Actor.for_user(_body_admin(target))
    answers = c.follow_ups or (texts.pick(texts.GENERIC_REPLIES_SATISFIED, i),)
    with clock.frozen(t.step(24, 24 * 6)):
        rs.report_follow_up(report=report, actor=responder, message=answers[0])
    if final == "followed_up":
        return
    if final == "in_progress":
        with clock.frozen(t.step(5, 72)):
            if rng.random() < 0.5:
                rs.report_reply(
                    report=report,
                    actor=reporter,
                    message=c.reporter_reply or texts.pick(texts.GENERIC_REPLIES_UNSATISFIED, i),
                )
            else:
                rs.report_dispute(
                    report=report, actor=reporter, reason=texts.pick(texts.GENERIC_REPLIES_UNSATISFIED, i)
                )
        return
    # closed: by staff after a second answer, or by the system after 10 HK of silence
    fresh = Report.objects.get(pk=report.pk)
    if fresh.autoclose_due_at and fresh.autoclose_due_at < t.limit and rng.random() < 0.35:
        with clock.frozen(fresh.autoclose_due_at + dt.timedelta(hours=1)):
            rs.report_auto_close(report=report, actor=Actor.system())
    else:
        if c.reporter_reply:
            with clock.frozen(t.step(5, 48)):
                rs.report_reply(report=report, actor=reporter, message=c.reporter_reply)
            with clock.frozen(t.step(5, 48)):
                rs.report_follow_up(
                    report=report,
                    actor=responder,
                    message=answers[-1] if len(answers) > 1 else texts.pick(texts.GENERIC_REPLIES_SATISFIED, i),
                )
        with clock.frozen(t.step(2, 48)):
            rs.report_close(report=report, actor=staff["admin.kupang"] if in_kupang else responder)
    if rng.random() < 0.6:
        with clock.frozen(t.step(1, 48)):
            rs.report_rate(
                report=report,
                actor=reporter,
                rating=rng.choice([2, 3, 4, 4, 5, 5]),
                comment=texts.pick(texts.GENERIC_REPLIES_SATISFIED, i),
            )


def _body_admin(agency: Agency) -> User:
    username = f"admin.{agency.code}"[:150]
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username, password=DEMO_PASSWORD, is_staff=True, email=f"{username}@demo.lapor.invalid"
        )
    membership_grant(user=user, agency=agency, role=Role.AGENCY_ADMIN)
    return user


def demo_world_build(*, seed: int = 1708) -> DemoResult:
    """Create the demo world once; later calls change nothing."""
    if demo_world_exists() and Report.objects.filter(intake_key__startswith="demo:").exists():
        return DemoResult(created=False, reports=Report.objects.count())
    rng = random.Random(seed)
    with transaction.atomic():
        units = _ensure_structure()
        users = _ensure_users(units)
    plan = [state for state, count in STATE_PLAN for _ in range(count)]
    rng.shuffle(plan)
    for i, final in enumerate(plan):
        with transaction.atomic():
            try:
                _build_one(i, final, rng, units, users)
            except ApplicationError as exc:  # a demo step the rules refuse: keep what was valid, say so
                print(f"demo report {i} ({final}): {exc.message}")  # noqa: T201
    return DemoResult(created=True, reports=Report.objects.count())
