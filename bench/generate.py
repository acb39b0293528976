"""Generate a national-size LAPOR dataset for the benchmarks: the agency tree and N reports, bulk-loaded.

    .venv/bin/python bench/generate.py                 # 1,000,000 reports into lapor_bench
    .venv/bin/python bench/generate.py --reports 50000 --seed 7

* Agencies: the real reference loader (``lapor.reference.services.reference_load_all``: regions, categories,
  552 pemda + national agencies under the root) when it is available, otherwise ~600 synthetic instansi; then
  5-20 synthetic units under every instansi that has none. Reused on later runs.
* Reports: written straight into the table with PostgreSQL ``COPY`` (SQLite: ``executemany``), bypassing the
  services (which would take hours for a million). Owners are skewed (Zipf over instansi, so a few big agencies
  hold most reports), statuses depend on age (old reports are mostly closed or archived), ``submitted_at`` spans
  two years with growth, weekday and office-hour patterns, and the deadline columns follow the status the way the
  lifecycle services would have set them (working days skipping weekends; holidays are ignored).
* Tracking IDs use ``tracking_id_format`` with sequence numbers from 50,000,000 up, which the real sequence
  (starting at 1,000) cannot reach. Only the reports table is filled: no timeline, audit or outbox rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import operator
import random
import secrets
import time
from bisect import bisect_right as _bisect
from collections.abc import Iterator
from dataclasses import dataclass

import benchlib
import words

SEQ_START = 50_000_000
SEQ_END = 99_999_999  # eight digits: synthetic tracking IDs are 12 characters long
TZ_OFFSET = {"Asia/Jakarta": 7 * 3600, "Asia/Makassar": 8 * 3600, "Asia/Jayapura": 9 * 3600}
DAY = 86400
HOUR = 3600
SPAN_DAYS = 730
CHUNK = 100_000

# Status mix by age of the report (days since submission): recent reports are still open, old ones closed.
STATUS_MIX: list[tuple[float, dict[str, float]]] = [
    (
        14,
        {
            "submitted": 18,
            "pending_info": 5,
            "verified": 8,
            "disposed": 25,
            "returned": 2,
            "in_progress": 10,
            "followed_up": 22,
            "closed": 7,
            "archived": 3,
        },
    ),
    (
        90,
        {
            "submitted": 2,
            "pending_info": 2,
            "verified": 2,
            "disposed": 9,
            "returned": 1,
            "in_progress": 6,
            "followed_up": 18,
            "closed": 50,
            "archived": 10,
        },
    ),
    (
        math.inf,
        {
            "submitted": 0.3,
            "pending_info": 0.4,
            "verified": 0.3,
            "disposed": 2.5,
            "returned": 0.2,
            "in_progress": 1.5,
            "followed_up": 2.8,
            "closed": 77,
            "archived": 15,
        },
    ),
]
# Share of reports in each status still held by the national root (not yet disposed, or archived there).
ROOT_SHARE = {"submitted": 0.6, "pending_info": 0.7, "verified": 0.6, "archived": 0.8, "returned": 0.3}
DISPOSED_STATUSES = {"disposed", "returned", "in_progress", "followed_up", "closed"}
CHANNELS = {
    "web": 45,
    "mobile": 20,
    "sms": 14,
    "whatsapp": 10,
    "email": 3,
    "walkin": 3,
    "api": 2,
    "integrasi": 3,
}
CLASSIFICATIONS = {"pengaduan": 75, "aspirasi": 15, "permintaan_informasi": 8, "pengaduan_pengawasan": 2}
COMPLETION_HK = {"aspirasi": 5, "permintaan_informasi": 5, "pengaduan": 14, "pengaduan_pengawasan": 60}
ARCHIVE_REASONS = ["spam", "tidak_jelas", "duplikat", "bukan_pemerintah", "tidak_ada_tanggapan", "lainnya"]
# Local hour of submission (WIB office hours and evenings are busiest).
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 9, 10, 11, 10, 8, 7, 7, 8, 8, 6, 4, 2]


def _cum(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    keys = list(weights)
    total, cum = 0.0, []
    for key in keys:
        total += weights[key]
        cum.append(total)
    return keys, cum


def zipf_cum(n: int, s: float) -> list[float]:
    total, cum = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank**s
        cum.append(total)
    return cum


# --- agencies ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    id: int
    instansi_id: int  # the owner itself when it is an instansi
    tz_offset: int
    region_id: str | None
    is_unit: bool


def _db_sort_order(names: list[str]) -> dict[str, int]:
    """Rank of each name in the database's collation (treebeard's ``node_order_by`` order)."""
    from django.db import connection

    names = sorted(set(names))
    if connection.vendor != "postgresql":
        return {name: i for i, name in enumerate(names)}
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM unnest(%s::text[]) AS n ORDER BY n", [names])
        return {row[0]: i for i, row in enumerate(cursor.fetchall())}


def _add_children(pairs: list[tuple[object, list[object]]]) -> int:
    """Insert new children under their parents: computed paths and one bulk insert for childless parents,
    treebeard's sorted ``add_child`` otherwise. Returns the number created.
    """
    from django.db import transaction

    from lapor.agencies.models import Agency

    rank = _db_sort_order([child.name for _parent, children in pairs for child in children])
    bulk: list[Agency] = []
    created = 0
    with transaction.atomic():
        for parent, children in pairs:
            parent = Agency.objects.get(pk=parent.pk)
            children = sorted(children, key=lambda child: rank[child.name])
            if parent.numchild == 0:
                for position, child in enumerate(children, start=1):
                    child.depth = parent.depth + 1
                    child.path = Agency._get_path(parent.path, child.depth, position)
                    child.numchild = 0
                bulk.extend(children)
                Agency.objects.filter(pk=parent.pk).update(numchild=len(children))
            else:
                for child in children:
                    Agency.objects.add_child(Agency.objects.get(pk=parent.pk), instance=child)
            created += len(children)
        Agency.objects.bulk_create(bulk, batch_size=5000)
    return created


def _load_reference() -> bool:
    try:
        from lapor.reference.services import reference_load_all
    except ImportError:
        return False
    started = time.perf_counter()
    try:
        counts = reference_load_all()
    except Exception as exc:  # noqa: BLE001 - the loader is still being written; fall back to synthetic data
        print(f"reference loader failed ({exc!r}); falling back to synthetic instansi")
        return False
    print(f"reference data: {counts} in {time.perf_counter() - started:.1f} s")
    return True


def _synthetic_instansi(rng: random.Random, root, wanted: int) -> int:
    from lapor.agencies.choices import AgencyKind
    from lapor.agencies.models import Agency

    existing = set(Agency.objects.filter(code__startswith="bench-i").values_list("code", flat=True))
    kinds = [
        ("Pemerintah Kabupaten", AgencyKind.KABUPATEN, 70),
        ("Pemerintah Kota", AgencyKind.KOTA, 15),
        ("Pemerintah Provinsi", AgencyKind.PROVINSI, 6),
        ("Kementerian", AgencyKind.KEMENTERIAN, 5),
        ("Badan", AgencyKind.LEMBAGA, 4),
    ]
    children, names = [], set()
    for i in range(wanted):
        code = f"bench-i{i:04d}"
        prefix, kind, _w = rng.choices(kinds, weights=[k[2] for k in kinds])[0]
        name = f"{prefix} {words.synthetic_place(rng)}"
        while name in names:
            name = f"{prefix} {words.synthetic_place(rng)}"
        names.add(name)
        if code in existing:
            continue
        tz = rng.choices(list(TZ_OFFSET), weights=[70, 20, 10])[0]
        children.append(Agency(code=code, name=name, kind=kind, timezone=tz, is_connected=True))
    return _add_children([(root, children)]) if children else 0


def ensure_agency_tree(rng: random.Random, *, instansi: int = 600, use_reference: bool = True) -> tuple[object, list]:
    """Root, instansi and units. Returns ``(root, [(instansi, [units…]), …])``."""
    from lapor.agencies.models import Agency
    from lapor.reports.services import _base

    started = time.perf_counter()
    loaded = use_reference and _load_reference()
    _base._root_agency_id.cache_clear()
    root = benchlib.ensure_root_agency()
    top = list(Agency.objects.filter(depth=2, path__startswith=root.path).order_by("path"))
    if len(top) < instansi // 2:
        why = "reference loader unavailable" if not loaded else "too few instansi"
        made = _synthetic_instansi(rng, root, instansi)
        print(f"synthetic instansi: {made} created ({why})")
        top = list(Agency.objects.filter(depth=2, path__startswith=root.path).order_by("path"))

    national_kinds = {"kementerian", "lembaga", "bumn", "ptn", "perwakilan"}
    pairs = []
    for agency in top:
        if agency.numchild:
            continue
        templates = words.UNIT_TEMPLATES_NATIONAL if agency.kind in national_kinds else words.UNIT_TEMPLATES_PEMDA
        short = agency.name.removeprefix("Pemerintah ")
        units = []
        for i, (label, kind) in enumerate(rng.sample(templates, rng.randint(5, min(20, len(templates))))):
            code = f"{agency.code}-u{i:02d}"
            if len(code) > 60:
                code = f"bench-u{agency.pk}-{i:02d}"
            units.append(
                Agency(
                    code=code,
                    name=f"{label} {short}"[:200],
                    kind=kind,
                    region_id=agency.region_id,
                    timezone=agency.timezone,
                )
            )
        pairs.append((agency, units))
    if pairs:
        made = _add_children(pairs)
        print(f"synthetic units: {made} created under {len(pairs)} instansi")
    tree = []
    for agency in top:
        units = list(Agency.objects.filter(path__startswith=agency.path, depth__gt=2).order_by("path"))
        tree.append((agency, units))
    total_units = sum(len(u) for _a, u in tree)
    print(
        f"agency tree: root + {len(tree)} instansi + {total_units} units below them "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return root, tree


# --- reports ----------------------------------------------------------------------------------------------------


def _next_sequence() -> int:
    """First free synthetic sequence number; refuses to run if the real sequence could collide."""
    from django.db import connection

    from lapor.reports.models import Report

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT last_value FROM reports_tracking_seq")
            real = cursor.fetchone()[0]
    else:
        from lapor.reports.models import TrackingCounter

        real = TrackingCounter.objects.filter(name="reports_tracking_seq").values_list("value", flat=True).first() or 0
    if real >= SEQ_START:
        raise SystemExit(f"the real tracking sequence is at {real}: synthetic IDs from {SEQ_START} could collide")
    last = (
        Report.objects.filter(tracking_id__regex=r"^[0-9]{12}$", tracking_id__gte=str(SEQ_START))
        .order_by("-tracking_id")
        .values_list("tracking_id", flat=True)
        .first()
    )
    return int(last[:-4]) + 1 if last else SEQ_START


def _timestamps(rng: random.Random, n: int, now: int) -> list[int]:
    """``n`` sorted submission times over the last two years: growing volume, quieter weekends, office hours."""
    start_day = now // DAY - SPAN_DAYS
    hours = list(range(24))
    hour_cum = _running(HOUR_WEIGHTS)
    out: list[int] = []
    while len(out) < n:
        # Density grows linearly to twice the starting volume: inverse CDF of (1 + x) / 1.5 on [0, 1].
        x = -1 + math.sqrt(1 + 3 * rng.random())
        day = start_day + int(x * SPAN_DAYS)
        if (day + 3) % 7 >= 5 and rng.random() < 0.55:  # 1970-01-01 was a Thursday
            continue
        hour = rng.choices(hours, cum_weights=hour_cum)[0]
        ts = day * DAY + (hour - 7) * HOUR + rng.randrange(HOUR)
        if ts < now:
            out.append(ts)
    out.sort()
    return out


def _running(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


class RowMaker:
    """Builds one report row (a dict keyed by column name) at a time, as the lifecycle would have left it."""

    def __init__(self, rng: random.Random, root, tree: list, now: int, seq: int) -> None:
        from lapor.reference.models import Category, Region
        from lapor.reports.tracking import tracking_id_format

        self.rng = rng
        self.now = now
        self.seq = seq
        self.fmt = tracking_id_format
        self.root = Owner(root.pk, root.pk, TZ_OFFSET.get(root.timezone, 7 * HOUR), None, False)
        order = list(range(len(tree)))
        rng.shuffle(order)  # which instansi are the big ones is random but fixed by the seed
        self.instansi: list[tuple[Owner, list[Owner], list[float]]] = []
        for idx in order:
            agency, units = tree[idx]
            off = TZ_OFFSET.get(agency.timezone, 7 * HOUR)
            head = Owner(agency.pk, agency.pk, off, agency.region_id, False)
            unit_owners = [
                Owner(u.pk, agency.pk, TZ_OFFSET.get(u.timezone, off), u.region_id or agency.region_id, True)
                for u in units
            ]
            rng.shuffle(unit_owners)
            self.instansi.append((head, unit_owners, zipf_cum(len(unit_owners), 0.8) if unit_owners else []))
        self.instansi_cum = zipf_cum(len(self.instansi), 1.0)
        self.instansi_ids = [head.id for head, _u, _c in self.instansi]

        leaves = list(Category.objects.filter(active=True, children__isnull=True).values_list("pk", flat=True))
        rng.shuffle(leaves)
        self.categories = leaves
        self.category_cum = zipf_cum(len(leaves), 0.9) if leaves else []
        # Kelurahan/desa by kabupaten/kota prefix ("53.71"), for plausible report locations.
        self.villages: dict[str, list[str]] = {}
        for code in Region.objects.filter(level=4).values_list("code", flat=True).iterator(chunk_size=20000):
            self.villages.setdefault(code[:5], []).append(code)
        self.all_prefixes = list(self.villages)
        self.status_tables = [(limit, *_cum(weights)) for limit, weights in STATUS_MIX]
        self.channels = _cum(CHANNELS)
        self.classes = _cum(CLASSIFICATIONS)
        self.titles = [words.title(rng) for _ in range(4000)]
        self.bodies = [words.body(rng) for _ in range(8000)]
        self.names = [words.person(rng) for _ in range(3000)]
        for text in (*self.titles, *self.bodies, *self.names):
            if any(ch in text for ch in "\t\n\r\\"):  # rows go out in COPY text format, unescaped
                raise ValueError(f"synthetic text needs escaping: {text!r}")
        self._due_cache: dict[tuple[int, int], int] = {}

    def due(self, ts: int, hk: int, off: int) -> int:
        """End (23:59:59 local) of the ``hk``-th working day after ``ts``, weekends skipped."""
        day = (ts + off) // DAY
        key = (day, hk)
        local = self._due_cache.get(key)
        if local is None:
            d, left = day, hk
            while left:
                d += 1
                if (d + 3) % 7 < 5:
                    left -= 1
            local = self._due_cache[key] = (d + 1) * DAY - 1
        return local - off

    def pick_owner(self, status: str) -> tuple[Owner, Owner, Owner | None]:
        """(owner, intake agency, disposed-by agency)."""
        rng = self.rng
        if rng.random() < ROOT_SHARE.get(status, 0.0):
            return self.root, self.root, None
        head, units, unit_cum = self.instansi[
            min(len(self.instansi) - 1, _bisect(self.instansi_cum, rng.random() * self.instansi_cum[-1]))
        ]
        if status in DISPOSED_STATUSES:
            if units and status != "returned" and rng.random() < 0.65:
                unit = units[min(len(units) - 1, _bisect(unit_cum, rng.random() * unit_cum[-1]))]
                return unit, self.root, head
            return head, self.root, self.root
        return head, head, None  # filed directly with the instansi (SMS keyword, walk-in)

    def row(self, ts: int) -> dict:
        rng = self.rng
        rand = rng.random
        now = self.now
        age_days = (now - ts) / DAY
        for limit, keys, cum in self.status_tables:
            if age_days < limit:
                status = keys[_bisect(cum, rand() * cum[-1])]
                break
        owner, intake, disposed_by = self.pick_owner(status)
        off = owner.tz_offset
        keys, cum = self.classes
        classification = keys[_bisect(cum, rand() * cum[-1])]
        if intake is not self.root and rand() < 0.7:
            channel = "sms" if rand() < 0.6 else "walkin"
        else:
            keys, cum = self.channels
            channel = keys[_bisect(cum, rand() * cum[-1])]
        anonymous = rand() < 0.12
        name = "" if anonymous and rand() < 0.5 else self.names[int(rand() * len(self.names))]
        phone = f"+628{int(rand() * 9e9) + 1_000_000_000}" if channel in ("sms", "whatsapp") or rand() < 0.6 else ""
        email = f"{name.lower().replace(' ', '.')}{int(rand() * 1000)}@example.id" if name and rand() < 0.5 else ""
        body = self.bodies[int(rand() * len(self.bodies))]

        r = {
            "tracking_id": self.fmt(self.seq, int(rand() * 1000)),
            "access_token": secrets.token_urlsafe(24),
            "intake_key": None,
            "title": self.titles[int(rand() * len(self.titles))],
            "body_original": body,
            "body_public": body,
            "classification": classification,
            "category_id": None,
            "region_id": None,
            "address": "",
            "latitude": None,
            "longitude": None,
            "channel": channel,
            "is_anonymous": anonymous,
            "is_secret": rand() < 0.04,
            "reporter_name": name,
            "reporter_phone": phone,
            "reporter_email": email,
            "reporter_user_id": None,
            "status": status,
            "owner_agency_id": owner.id,
            "intake_agency_id": intake.id,
            "disposed_by_agency_id": disposed_by.id if disposed_by else None,
            "suggested_agency_id": None,
            "bounce_count": 0,
            "reopen_count": 0,
            "archive_reason": "",
            "status_note": "",
            "submitted_at": ts,
            "verified_at": None,
            "disposed_at": None,
            "first_response_at": None,
            "last_follow_up_at": None,
            "closed_at": None,
            "verify_due_at": self.due(ts, 3, off),
            "verify_met_at": None,
            "verify_paused_at": None,
            "verify_remaining_hk": None,
            "verify_alert": 0,
            "verify_next_alert_at": None,
            "response_due_at": None,
            "response_alert": 0,
            "response_next_alert_at": None,
            "completion_due_at": None,
            "completion_met_at": None,
            "completion_alert": 0,
            "completion_next_alert_at": None,
            "autoclose_due_at": None,
            "escalation_level": 0,
            "rating": None,
            "rating_comment": "",
            "is_unsatisfied": False,
        }
        self.seq += 1
        self.seq_check()
        if self.categories and rand() < 0.85:
            r["category_id"] = self.categories[
                min(len(self.categories) - 1, _bisect(self.category_cum, rand() * self.category_cum[-1]))
            ]
        if self.villages and rand() < 0.7:
            prefix = (owner.region_id or "")[:5]
            pool = self.villages.get(prefix) or self.villages[self.all_prefixes[int(rand() * len(self.all_prefixes))]]
            r["region_id"] = pool[int(rand() * len(pool))]
            r["address"] = f"RT {int(rand() * 20) + 1:03d} RW {int(rand() * 10) + 1:03d}"

        # The clocks, as the lifecycle services leave them. Each step happens a random while after the one
        # before, squeezed into the time left before now for recent reports.
        def later(t: int, span: int, floor: int) -> int:
            room = now - t
            if room <= 0:
                return now
            return t + min(room, floor + int(rand() * min(span, room)))

        latest = ts
        if status == "pending_info":
            r["verify_paused_at"] = latest = later(ts, 2 * DAY, HOUR)
            r["verify_due_at"] = None
            r["verify_remaining_hk"] = 1 + int(rand() * 3)
            r["status_note"] = "Mohon lengkapi lokasi dan waktu kejadian."
        elif status == "archived":
            r["closed_at"] = latest = later(ts, 4 * DAY, HOUR)
            r["verify_met_at"] = latest
            r["archive_reason"] = ARCHIVE_REASONS[int(rand() * len(ARCHIVE_REASONS))]
            r["status_note"] = "Laporan tidak dapat ditindaklanjuti."
        elif status != "submitted":
            r["verified_at"] = r["verify_met_at"] = latest = later(ts, 3 * DAY, HOUR)
        if status in DISPOSED_STATUSES:
            disposed = r["disposed_at"] = latest = later(latest, 2 * DAY, 600)
            r["completion_due_at"] = self.due(disposed, COMPLETION_HK[classification], off)
            if status in ("disposed", "returned"):
                r["response_due_at"] = self.due(disposed, 5, off)
            else:
                first = r["first_response_at"] = latest = later(disposed, 8 * DAY, HOUR)
                r["last_follow_up_at"] = latest = later(first, 10 * DAY, 0)
                if status != "in_progress":
                    r["completion_met_at"] = r["last_follow_up_at"]
                if status == "followed_up":
                    r["autoclose_due_at"] = self.due(latest, 10, off)
                elif status == "closed":
                    r["closed_at"] = latest = later(latest, 14 * DAY, HOUR)
                    if rand() < 0.4:
                        r["rating"] = 1 + int(rand() * 5)
                        r["is_unsatisfied"] = r["rating"] <= 2
            if status == "returned":
                r["bounce_count"] = 1 + int(rand() < 0.2)
                r["suggested_agency_id"] = self.instansi_ids[int(rand() * len(self.instansi_ids))]
                r["status_note"] = "Bukan kewenangan kami; mohon disposisi ke instansi yang berwenang."
        # Alerts of running clocks: a warning a day before the due time, breach after it, national after 5 days.
        for clock, met in (("verify", "verify_met_at"), ("response", "first_response_at"), ("completion", None)):
            due = r[f"{clock}_due_at"]
            if due is None or (met and r[met] is not None) or status in ("closed", "archived"):
                continue
            if clock == "completion" and r["completion_met_at"] is not None:
                continue
            if now < due - DAY:
                level, next_at = 0, due - DAY
            elif now < due:
                level, next_at = 1, due
            elif now < due + 5 * DAY:
                level, next_at = 2, due + 5 * DAY
            else:
                level, next_at = 3, None
            r[f"{clock}_alert"] = level
            r[f"{clock}_next_alert_at"] = next_at
            r["escalation_level"] = max(r["escalation_level"], level)
        r["updated_at"] = latest
        return r

    def seq_check(self) -> None:
        if self.seq > SEQ_END:
            raise SystemExit("synthetic tracking sequence exhausted (more than 50 million synthetic reports)")


TIME_COLUMNS = {
    "submitted_at",
    "updated_at",
    "verified_at",
    "disposed_at",
    "first_response_at",
    "last_follow_up_at",
    "closed_at",
    "verify_due_at",
    "verify_met_at",
    "verify_paused_at",
    "verify_next_alert_at",
    "response_due_at",
    "response_next_alert_at",
    "completion_due_at",
    "completion_met_at",
    "completion_next_alert_at",
    "autoclose_due_at",
}
BOOL_COLUMNS = {"is_anonymous", "is_secret", "is_unsatisfied"}


def _columns(sample: dict) -> tuple[list[str], dict[str, object]]:
    """The table's columns to write, and constant values for columns this generator does not know."""
    from django.db import connection

    from lapor.reports.models import Report

    table = Report._meta.db_table
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, table)
    fields = {f.column: f for f in Report._meta.concrete_fields}
    columns, constants = [], {}
    for col in described:
        name = col.name
        if name == "id" or getattr(fields.get(name), "generated", False):
            continue  # the database fills these (urgency_at is a generated column)
        if name in sample:
            columns.append(name)
        elif name in fields:
            field = fields[name]
            columns.append(name)
            constants[name] = None if field.null and not field.has_default() else field.get_default()
            print(f"note: column {name} is new to the generator; filled with {constants[name]!r}")
        elif not col.null_ok and col.default is None:
            raise SystemExit(f"column {table}.{name} is NOT NULL without a default and unknown to the model")
    return columns, constants


# --- PostgreSQL: COPY text format, rows made by worker processes -------------------------------------------------

_DAYS: dict[int, str] = {}


def _ts_text(v: int) -> str:
    day, sec = divmod(v, DAY)
    date = _DAYS.get(day)
    if date is None:
        date = _DAYS[day] = dt.date.fromordinal(719163 + day).isoformat()  # 719163 = 1970-01-01
    h, rem = divmod(sec, HOUR)
    m, s = divmod(rem, 60)
    return f"{date} {h:02d}:{m:02d}:{s:02d}+00"


def _copy_text(value: object) -> str:
    """A constant in COPY text format (used for the few columns the generator does not know)."""
    import json

    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


@dataclass
class _Job:
    maker: RowMaker
    stamps: list[int]
    columns: list[str]
    constants: dict[str, str]
    seed: int
    seq: int


_JOB: _Job | None = None  # set in the parent before the worker pool forks


def _chunk_text(task: tuple[int, int, int]) -> bytes:
    """COPY text for rows ``start..stop`` (runs in a worker; deterministic for a given seed and chunk)."""
    index, start, stop = task
    job = _JOB
    maker = job.maker
    maker.rng = random.Random(job.seed * 1_000_003 + index)
    maker.seq = job.seq + start
    kinds = [("t" if c in TIME_COLUMNS else "b" if c in BOOL_COLUMNS else "") for c in job.columns]
    plan = list(zip(job.columns, kinds, strict=True))
    constants = job.constants
    lines = []
    for ts in job.stamps[start:stop]:
        r = maker.row(ts)
        parts = []
        for col, kind in plan:
            if col in constants:
                parts.append(constants[col])
                continue
            v = r[col]
            if v is None:
                parts.append("\\N")
            elif kind == "t":
                parts.append(_ts_text(v))
            elif kind == "b":
                parts.append("t" if v else "f")
            else:
                parts.append(str(v))
        lines.append("\t".join(parts))
    lines.append("")
    return "\n".join(lines).encode()


def _secondary_indexes(table: str) -> list[tuple[str, str]]:
    """(name, definition) of the table's indexes that back no constraint (primary key and unique stay)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = %s::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY i.relname
            """,
            [table],
        )
        return cursor.fetchall()


def _skip_fk_triggers(cursor) -> bool:
    """Turn off the per-row foreign-key triggers for this transaction when we may (superuser): the rows only
    reference ids just read from the database, and :func:`_check_foreign_keys` verifies them in bulk after the
    load, which is several times faster than a million row-by-row checks. Otherwise check them as rows arrive
    (CREATE INDEX refuses to run while deferred checks are pending). Returns True when the bulk check is needed.
    """
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cursor.fetchone()[0]:
        cursor.execute("SET LOCAL session_replication_role = replica")
        return True
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return False


def _check_foreign_keys(cursor, table: str) -> None:
    """Every foreign key of ``table`` must point at an existing row (one anti-join per key)."""
    cursor.execute(
        """
        SELECT a.attname, c.confrelid::regclass::text, af.attname
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
        WHERE c.conrelid = %s::regclass AND c.contype = 'f'
        """,
        [table],
    )
    for column, target, target_column in cursor.fetchall():
        cursor.execute(
            f'SELECT count(*) FROM {table} r WHERE r."{column}" IS NOT NULL AND NOT EXISTS '  # noqa: S608
            f'(SELECT 1 FROM {target} t WHERE t."{target_column}" = r."{column}")'
        )
        missing = cursor.fetchone()[0]
        if missing:
            raise RuntimeError(f"{missing} rows of {table}.{column} point at no {target} row: load rolled back")
    cursor.execute("SET LOCAL session_replication_role = origin")


def insert_reports_pg(maker: RowMaker, stamps: list[int], *, seed: int, jobs: int, drop_indexes: bool) -> float:
    """One transaction: (drop secondary indexes,) one COPY fed by ``jobs`` worker processes, (re-create them)."""
    import multiprocessing

    from django.db import connection, transaction

    from lapor.reports.models import Report

    global _JOB
    table = Report._meta.db_table
    base_seq = maker.seq
    columns, constants = _columns(maker.row(stamps[0]))
    column_sql = ", ".join(f'"{c}"' for c in columns)
    _JOB = _Job(maker, stamps, columns, {k: _copy_text(v) for k, v in constants.items()}, seed, base_seq)
    step = 20_000
    tasks = [(i, start, min(start + step, len(stamps))) for i, start in enumerate(range(0, len(stamps), step))]
    connection.close()  # never share the parent's connection with forked workers
    started = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool, transaction.atomic(), connection.cursor() as cursor:
        fk_checks = _skip_fk_triggers(cursor)
        dropped = _secondary_indexes(table) if drop_indexes else []
        for name, _definition in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
        done = 0
        next_report = 100_000
        with cursor.cursor.copy(f"COPY {table} ({column_sql}) FROM STDIN") as copy:  # noqa: S608
            for (_i, start, stop), blob in zip(tasks, pool.imap(_chunk_text, tasks), strict=True):
                copy.write(blob)
                done += stop - start
                if done >= next_report or done == len(stamps):
                    next_report += 100_000
                    elapsed = time.perf_counter() - started
                    print(f"  {done:>10,} reports  {elapsed:7.1f} s  {done / elapsed:9,.0f} rows/s", flush=True)
        copied = time.perf_counter() - started
        if dropped:
            rebuild = time.perf_counter()
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for _name, definition in dropped:
                cursor.execute(definition)
            print(
                f"  COPY {copied:.1f} s; {len(dropped)} secondary indexes dropped for the load and rebuilt "
                f"in {time.perf_counter() - rebuild:.1f} s"
            )
        if fk_checks:
            checked = time.perf_counter()
            _check_foreign_keys(cursor, table)
            print(f"  foreign keys checked in bulk in {time.perf_counter() - checked:.1f} s")
    return time.perf_counter() - started


# --- SQLite (and any other backend): executemany in big transactions -----------------------------------------------


def insert_reports_generic(maker: RowMaker, stamps: list[int], *, chunk: int = CHUNK) -> float:
    from django.db import connection, transaction

    from lapor.reports.models import Report

    table = Report._meta.db_table
    columns, constants = _columns(maker.row(stamps[0]))
    maker.seq -= 1  # the sample row above consumed a sequence number
    column_sql = ", ".join(f'"{c}"' for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    getter = operator.itemgetter(*columns)
    fromts = dt.datetime.fromtimestamp

    def rows(part: list[int]) -> Iterator[tuple]:
        for ts in part:
            r = maker.row(ts)
            for c in TIME_COLUMNS:
                if r.get(c) is not None:
                    r[c] = fromts(r[c], dt.UTC)
            r.update(constants)
            yield getter(r)

    started = time.perf_counter()
    done = 0
    for offset in range(0, len(stamps), chunk):
        part = stamps[offset : offset + chunk]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({placeholders})", rows(part))  # noqa: S608
        done += len(part)
        elapsed = time.perf_counter() - started
        print(f"  {done:>10,} reports  {elapsed:7.1f} s  {done / elapsed:9,.0f} rows/s", flush=True)
    return time.perf_counter() - started


def analyze() -> float:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM sets the visibility map (index-only scans for counts) as autovacuum eventually would.
            for table in ("agencies_agency", "reports_report", "reference_category", "reference_region"):
                cursor.execute(f"VACUUM (ANALYZE) {table}")
        else:
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def report_count() -> int:
    from lapor.reports.models import Report

    return Report.objects.count()


def generate(
    *,
    reports: int,
    seed: int = 2026,
    instansi: int = 600,
    use_reference: bool = True,
    jobs: int = 2,
    drop_indexes: str = "auto",
) -> None:
    from django.db import connection

    from lapor.core import clock

    print(f"database: {benchlib.database_label()}")
    rng = random.Random(seed)
    root, tree = ensure_agency_tree(rng, instansi=instansi, use_reference=use_reference)
    if reports <= 0:
        return
    now = int(clock.now().timestamp())
    seq = _next_sequence()
    existing = report_count()
    prep = time.perf_counter()
    stamps = _timestamps(rng, reports, now)
    maker = RowMaker(rng, root, tree, now, seq)
    print(
        f"generating {reports:,} reports on top of {existing:,} (tracking sequence {seq:,}..{seq + reports - 1:,}; "
        f"prepared in {time.perf_counter() - prep:.1f} s)"
    )
    if connection.vendor == "postgresql":
        drop = drop_indexes == "yes" or (drop_indexes == "auto" and reports >= 100_000 and reports >= existing)
        elapsed = insert_reports_pg(maker, stamps, seed=seed, jobs=jobs, drop_indexes=drop)
    else:
        elapsed = insert_reports_generic(maker, stamps)
    print(f"inserted {reports:,} reports in {elapsed:.1f} s = {reports / elapsed:,.0f} rows/s ({connection.vendor})")
    took = analyze()
    print(f"{'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE'}: {took:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1_000_000, help="reports to add (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--instansi", type=int, default=600, help="synthetic instansi when no reference data")
    parser.add_argument("--no-reference", action="store_true", help="do not call the reference loader")
    parser.add_argument("--jobs", type=int, default=2, help="row-generating worker processes (PostgreSQL)")
    parser.add_argument(
        "--drop-indexes",
        choices=["auto", "yes", "no"],
        default="auto",
        help="drop and rebuild secondary indexes around the load (auto: for big loads into a smaller table)",
    )
    args = parser.parse_args()
    benchlib.setup()
    started = time.perf_counter()
    generate(
        reports=args.reports,
        seed=args.seed,
        instansi=args.instansi,
        use_reference=not args.no_reference,
        jobs=args.jobs,
        drop_indexes=args.drop_indexes,
    )
    print(f"total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
