"""Reading the figures of a dashboard, the public statistics and the open data.

Everything here reads the rollup (:mod:`lapor.oversight.rollup`): one agency's rows for a few months (the core
counters as columns, the breakdowns as JSON), so the cost does not grow with the number of reports. Results are
cached per rollup version: a figure is never older than the refresh it comes from, whose time every page shows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet, Sum
from django.utils import translation

from lapor.agencies.choices import Role
from lapor.agencies.models import Agency, Membership
from lapor.core import clock
from lapor.oversight.choices import BACKLOG_AGE_MONTHS, GREEN_FROM, YELLOW_FROM, BacklogAge, Grade
from lapor.oversight.criteria import STATUS_GROUPS, moment_at
from lapor.oversight.models import BounceStat, MonthlyStat, StaffActivityDay
from lapor.oversight.rollup import (
    CORE_FIELDS,
    DURATIONS,
    STEP,
    month_add,
    month_of,
    period_q,
    stats_refresh,
    stats_state,
)
from lapor.reference.models import Category, Region
from lapor.reports.models import Report

ACTIVITY_DAYS = 30
MAX_MONTHS = 120
ADMIN_ROLES = (Role.AGENCY_ADMIN, Role.LIAISON)


def refresh_seconds() -> int:
    """How old the figures may be (the stated delay): ``LAPOR_STATS_REFRESH_SECONDS``, default 5 minutes."""
    return int(getattr(settings, "LAPOR_STATS_REFRESH_SECONDS", 300))


# --- the period --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Months of submission ``first``..``last`` inclusive."""

    first: dt.date
    last: dt.date

    @property
    def months(self) -> list[dt.date]:
        out, m = [], self.first
        while m <= self.last:
            out.append(m)
            m = month_add(m, 1)
        return out

    @property
    def params(self) -> dict[str, str]:
        return {"dari": f"{self.first:%Y-%m}", "sampai": f"{self.last:%Y-%m}"}

    def q(self) -> Q:
        return period_q(self.first, self.last)


def parse_month(value: str | None) -> dt.date | None:
    try:
        year, month = (value or "").strip().split("-")
        return dt.date(int(year), int(month), 1)
    except ValueError:
        return None


def period_from(params: Any, *, now: dt.datetime | None = None, default_months: int = 12) -> Period:
    """The period asked for with ``dari``/``sampai`` (``YYYY-MM``), else the last ``default_months`` months.
    Bad or reversed values fall back to the default; the span is capped at ten years.
    """
    current = month_of(now or clock.now())
    last = parse_month(params.get("sampai")) or current
    first = parse_month(params.get("dari")) or month_add(last, 1 - default_months)
    if first > last:
        first, last = month_add(current, 1 - default_months), current
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        first = month_add(last, 1 - MAX_MONTHS)
    return Period(first, last)


# --- figures -------------------------------------------------------------------------------------------------------


def pct(part: int | float, whole: int | float) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def percentile_from_histogram(hist: dict[int, int], q: float) -> int | None:
    """Nearest-rank percentile (``q`` in 0..1) of values given as ``{value: count}``."""
    n = sum(hist.values())
    if not n:
        return None
    rank = max(1, -(-int(q * n * 1000) // 1000))  # ceil(q * n) without float surprises
    seen = 0
    for value in sorted(hist):
        seen += hist[value]
        if seen >= rank:
            return value
    return max(hist)


@dataclass
class LeagueRow:
    agency_id: int
    code: str
    name: str
    depth: int
    is_connected: bool
    totals: dict[str, int]
    admins: int
    active_admins: int
    actions: int
    connection: float
    follow_up: float | None
    completion: float | None
    activity: float | None
    score: float | None
    grade: str


@dataclass
class Figures:
    """Every figure of one dashboard (one subtree, one period, one audience), as plain data."""

    agency_id: int
    agency_code: str
    agency_name: str
    agency_depth: int
    public: bool
    period: Period
    as_of: dt.datetime | None
    totals: dict[str, int]
    series: list[dict[str, Any]]
    backlog: dict[str, dict[str, int]]
    breakdowns: dict[str, list[tuple[str, str, int]]]
    durations: dict[str, dict[str, int | None]]
    hk_histograms: dict[str, dict[int, int]]
    bounces_out: int
    activity: dict[str, int]
    regions: list[dict[str, Any]]
    region_level: str
    league: list[LeagueRow] = field(default_factory=list)

    # -- derived figures --
    @property
    def rates(self) -> dict[str, float | None]:
        t = self.totals
        followed = t["responded"]
        return {
            "responded": pct(t["responded"], t["disposed"]),
            "closed": pct(t["grp_closed"], t["disposed"]),
            "in_process": pct(t["grp_in_process"], t["total"]),
            "reopened": pct(t["reopened"], followed),
            "unsatisfied": pct(t["unsatisfied"], followed),
            "bounced": pct(t["bounced"], t["disposed"]),
            "rating_avg": round(t["rating_sum"] / t["rated"], 2) if t["rated"] else None,
        }

    @property
    def sla(self) -> list[dict[str, Any]]:
        out = []
        for stage in ("verify", "response", "completion"):
            ontime, late, overdue = (self.totals[f"{stage}_{k}"] for k in ("ontime", "late", "overdue"))
            out.append(
                {
                    "stage": stage,
                    "ontime": ontime,
                    "late": late,
                    "overdue": overdue,
                    "measured": ontime + late + overdue,
                    "pct": pct(ontime, ontime + late + overdue),
                    **self.durations[f"hk_{stage}"],
                }
            )
        return out


def _sum_rows(rows: list[dict], fields=CORE_FIELDS) -> dict[str, int]:
    out = dict.fromkeys(fields, 0)
    for row in rows:
        for name in fields:
            out[name] += row[name] or 0
    return out


def _monthly(agency: Agency, public: bool) -> list[dict]:
    """Every month of the agency's rollup (the period's figures, the series and the backlog come from it)."""
    return list(
        MonthlyStat.objects.filter(agency=agency, public=public).order_by("month").values("month", *CORE_FIELDS)
    )


def _breakdowns(agency: Agency, period: Period, public: bool) -> list[dict]:
    return list(
        MonthlyStat.objects.filter(
            agency=agency, public=public, month__gte=period.first, month__lte=period.last
        ).values("breakdown")
    )


def _backlog(rows: list[dict], current: dt.date) -> dict[str, dict[str, int]]:
    out = {b.value: dict.fromkeys(("red", "yellow", "green", "waiting"), 0) for b in BacklogAge}
    for row in rows:
        age = (current.year - row["month"].year) * 12 + current.month - row["month"].month
        for bucket, (lo, hi) in BACKLOG_AGE_MONTHS.items():
            if age >= lo and (hi is None or age < hi):
                for colour in ("red", "yellow", "green", "waiting"):
                    out[bucket][colour] += row[f"open_{colour}"]
                break
    return out


def _cells(rows: list[dict]) -> dict[str, dict[str, int]]:
    """The breakdowns ``{dim: {key: n}}`` of the period: the months' breakdowns added up."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        for dim, keys in row["breakdown"].items():
            target = out[dim]
            for key, n in keys.items():
                target[key] += n
    return out


def _activity(scope: Agency, targets: list[Agency], now: dt.datetime) -> dict[str, dict[str, int]]:
    """*Keaktifan admin* of each target's subtree: admin/penghubung accounts, those who logged in within 30 days,
    and their audited actions in 30 days. ``targets`` are the scope and its children (one query each for the
    memberships and the actions; the sums are done by path prefix here).
    """
    since = now - dt.timedelta(days=ACTIVITY_DAYS)
    memberships = list(
        Membership.objects.filter(
            active=True, role__in=ADMIN_ROLES, user__is_active=True, agency__path__startswith=scope.path
        ).values_list("user_id", "agency__path", "user__last_login")
    )
    user_ids = {u for u, _p, _l in memberships}
    actions = dict(
        StaffActivityDay.objects.filter(user_id__in=user_ids, day__gte=since.date())
        .values("user_id")
        .annotate(n=Sum("n"))
        .values_list("user_id", "n")
    )
    child_len = len(scope.path) + STEP
    by_target: dict[str, set[int]] = defaultdict(set)
    last_login: dict[int, dt.datetime | None] = {}
    for user_id, path, login in memberships:
        by_target[scope.path].add(user_id)
        by_target[path[:child_len]].add(user_id)
        last_login[user_id] = login
    out = {}
    for target in targets:
        users = by_target.get(target.path, set())
        out[target.path] = {
            "admins": len(users),
            "active": sum(1 for u in users if last_login[u] and last_login[u] >= since),
            "actions": sum(actions.get(u, 0) for u in users),
        }
    return out


def grade_for(
    *, connection: float, follow_up: float | None, completion: float | None, activity: float | None
) -> tuple[float | None, str]:
    """KemenPANRB's four indicators (0-100 each) averaged into a score, and its grade. Indicators without data
    (no report disposed yet) are left out of the average; an agency with no indicator at all is not graded.
    """
    values = [v for v in (connection, follow_up, completion, activity) if v is not None]
    if not values or (follow_up is None and completion is None):
        return None, Grade.NONE
    score = round(sum(values) / len(values), 1)
    if score >= GREEN_FROM:
        return score, Grade.GREEN
    if score >= YELLOW_FROM:
        return score, Grade.YELLOW
    return score, Grade.RED


def _league(scope: Agency, period: Period, public: bool, now: dt.datetime) -> tuple[list[LeagueRow], dict]:
    children = list(
        Agency.objects.filter(path__startswith=scope.path, depth=scope.depth + 1, active=True).order_by("name")
    )
    rows = (
        MonthlyStat.objects.filter(
            agency__in=[c.pk for c in children], public=public, month__gte=period.first, month__lte=period.last
        )
        .values("agency_id")
        .annotate(**{name: Sum(name) for name in CORE_FIELDS})
    )
    totals = {row["agency_id"]: row for row in rows}
    activity = _activity(scope, [scope, *children], now)
    league = []
    for child in children:
        t = _sum_rows([totals[child.pk]]) if child.pk in totals else dict.fromkeys(CORE_FIELDS, 0)
        act = activity[child.path]
        league.append(_league_row(child, t, act))
    league.sort(key=lambda r: (r.score is None, -(r.score or 0), r.name))
    return league, activity[scope.path]


def _league_row(agency: Agency, t: dict[str, int], act: dict[str, int]) -> LeagueRow:
    if agency.depth <= 2:  # a K/L/D instansi: SK Tim (is_connected) and an appointed admin
        connection = 50.0 * agency.is_connected + 50.0 * (act["admins"] > 0)
    else:  # a unit inside an instansi is connected when someone there can act on its reports
        connection = 100.0 * (act["admins"] > 0)
    follow_up = pct(t["responded"], t["disposed"])
    completion = pct(t["grp_closed"], t["disposed"])
    activity = pct(act["active"], act["admins"]) if act["admins"] else 0.0
    score, grade = grade_for(connection=connection, follow_up=follow_up, completion=completion, activity=activity)
    return LeagueRow(
        agency_id=agency.pk,
        code=agency.code,
        name=agency.name,
        depth=agency.depth,
        is_connected=agency.is_connected,
        totals=t,
        admins=act["admins"],
        active_admins=act["active"],
        actions=act["actions"],
        connection=connection,
        follow_up=follow_up,
        completion=completion,
        activity=activity,
        score=score,
        grade=grade,
    )


def _regions(scope: Agency, cells: dict[str, dict[str, int]]) -> tuple[str, list[dict[str, Any]]]:
    """Reports per 100,000 inhabitants (Dukcapil 2024) by province, or by kabupaten/kota inside a province or
    below it.
    """
    code = scope.region_id or ""
    if not code:
        level, counts = "province", dict(cells.get("province", {}))
    else:
        prefix = code[:2]
        level = "regency"
        counts = {k: n for k, n in cells.get("regency", {}).items() if len(k) == 5 and k.startswith(prefix)}
    counts.pop("-", None)
    facts = {r["code"]: r for r in Region.objects.filter(code__in=list(counts)).values("code", "name", "population")}
    out = []
    for key, n in counts.items():
        fact = facts.get(key)
        if fact is None:
            continue
        population = fact["population"]
        out.append(
            {
                "code": key,
                "name": fact["name"],
                "n": n,
                "population": population,
                "per_100k": round(n * 100_000 / population, 2) if population else None,
            }
        )
    out.sort(key=lambda r: (r["per_100k"] is None, -(r["per_100k"] or 0), r["name"]))
    return level, out


def _labelled_breakdowns(cells: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, str, int]]]:
    """``{dim: [(key, label, n), …]}`` biggest first, with names for categories and regions."""
    from lapor.reports.choices import Channel, Classification
    from lapor.reports.states import Status

    labels: dict[str, dict[str, str]] = {
        "channel": {k: str(v) for k, v in Channel.choices},
        "class": {k: str(v) for k, v in Classification.choices},
        "status": {k: str(v) for k, v in Status.choices},
        "rating": {str(i): f"{i} ★" for i in range(1, 6)},
    }
    category_ids = [int(k) for k in cells.get("category", {}) if k.isdigit()]
    labels["category"] = {
        str(pk): name for pk, name in Category.objects.filter(pk__in=category_ids).values_list("pk", "name")
    }
    out = {}
    for dim in ("channel", "class", "status", "category", "rating"):
        items = [(k, labels[dim].get(k, k), n) for k, n in cells.get(dim, {}).items() if k != "-"]
        out[dim] = sorted(items, key=(lambda x: -int(x[0])) if dim == "rating" else (lambda x: (-x[2], x[1])))
    return out


def _durations(cells: dict[str, dict[str, int]]) -> tuple[dict[str, dict[str, int | None]], dict[str, dict[int, int]]]:
    stats, hists = {}, {}
    for dim in DURATIONS:
        hist = {int(k): n for k, n in cells.get(dim, {}).items() if k.lstrip("-").isdigit()}
        hists[dim] = hist
        stats[dim] = {
            "median": percentile_from_histogram(hist, 0.5),
            "p90": percentile_from_histogram(hist, 0.9),
            "n": sum(hist.values()),
        }
    return stats, hists


def compute_figures(
    agency: Agency, period: Period, *, public: bool, league: bool = True, as_of: dt.datetime | None = None
) -> Figures:
    """The figures of ``agency``'s subtree for ``period`` (no cache; see :func:`figures_for`)."""
    now = clock.now()
    monthly = _monthly(agency, public)
    in_period = [r for r in monthly if period.first <= r["month"] <= period.last]
    cells = _cells(_breakdowns(agency, period, public))
    durations, hists = _durations(cells)
    level, regions = _regions(agency, cells)
    bounces = BounceStat.objects.filter(agency=agency, month__gte=period.first, month__lte=period.last).aggregate(
        n=Sum("n")
    )["n"]
    if league:
        rows, activity = _league(agency, period, public, now)
    else:
        rows, activity = [], _activity(agency, [agency], now)[agency.path]
    return Figures(
        agency_id=agency.pk,
        agency_code=agency.code,
        agency_name=agency.name,
        agency_depth=agency.depth,
        public=public,
        period=period,
        as_of=as_of or stats_state().refreshed_at,
        totals=_sum_rows(in_period),
        series=[
            {"month": r["month"], "total": r["total"], "responded": r["responded"], "closed": r["grp_closed"]}
            for r in _fill_months(in_period, period)
        ],
        backlog=_backlog(monthly, month_of(now)),
        breakdowns=_labelled_breakdowns(cells),
        durations=durations,
        hk_histograms=hists,
        bounces_out=bounces or 0,
        activity=activity,
        regions=regions,
        region_level=level,
        league=rows,
    )


def _fill_months(rows: list[dict], period: Period) -> list[dict]:
    by_month = {r["month"]: r for r in rows}
    empty = dict.fromkeys(CORE_FIELDS, 0)
    return [by_month.get(m) or {**empty, "month": m} for m in period.months]


def stats_ensure_fresh():
    """Refresh the rollup in this request when it is older than the stated delay (no worker running, or a
    brand-new installation), and return its state. With the worker running this is one cheap read.
    """
    state = stats_state()
    if state.refreshed_at is None or (clock.now() - state.refreshed_at).total_seconds() > refresh_seconds():
        stats_refresh()
        state = stats_state()
    return state


def figures_for(agency: Agency, period: Period, *, public: bool, league: bool = True) -> Figures:
    """Cached :func:`compute_figures`, keyed by the rollup version: a refresh invalidates every entry."""
    state = stats_ensure_fresh()
    version = int(state.refreshed_at.timestamp()) if state.refreshed_at else 0
    lang = translation.get_language() or "id"  # labels inside the figures are in the reader's language
    key = f"oversight:fig:v1:{lang}:{agency.pk}:{int(public)}:{int(league)}:{period.first}:{period.last}:{version}"
    figures = cache.get(key)
    if figures is None:
        figures = compute_figures(agency, period, public=public, league=league, as_of=state.refreshed_at)
        cache.set(key, figures, refresh_seconds() * 2)
    return figures


# --- drill-down --------------------------------------------------------------------------------------------------

DRILL_PARAMS = ("kriteria", "status", "kanal", "klasifikasi", "kategori", "wilayah", "nilai", "umur")


def drilldown(base: QuerySet[Report], *, agency: Agency, period: Period | None, params: Any) -> QuerySet[Report]:
    """``base`` (already limited to what the viewer may see) narrowed to the reports behind a figure: the
    agency's subtree, the period, and the same criteria the figure counts (:mod:`lapor.oversight.criteria`).
    Unknown values narrow to nothing rather than being ignored, so a link never shows more than its figure.
    """
    from lapor.oversight.criteria import category_q, criterion, criterion_names, region_q

    qs = base.filter(owner_agency__path__startswith=agency.path)
    age = params.get("umur")
    if age in BACKLOG_AGE_MONTHS:
        current = month_of(clock.now())
        lo, hi = BACKLOG_AGE_MONTHS[age]
        last = month_add(current, -lo)
        first = month_add(current, -(hi - 1)) if hi is not None else dt.date(2000, 1, 1)
        qs = qs.filter(period_q(first, last))
    elif age:
        return qs.none()
    if period is not None and not age:
        qs = qs.filter(period.q())
    m = moment_at(clock.now())
    for name in _getlist(params, "kriteria"):
        if name not in criterion_names():
            return qs.none()
        qs = qs.filter(criterion(name, m))
    simple = {"status": "status", "kanal": "channel", "klasifikasi": "classification"}
    for param, field_name in simple.items():
        value = params.get(param)
        if value:
            qs = qs.filter(**{field_name: value[:32]})
    rating = params.get("nilai")
    if rating:
        qs = qs.filter(rating=int(rating)) if rating.isdigit() and len(rating) == 1 else qs.none()
    category = params.get("kategori")
    if category:
        qs = qs.filter(category_q(int(category))) if category.isdigit() else qs.none()
    region = params.get("wilayah")
    if region:
        qs = qs.filter(region_q(region[:13]))
    return qs


def _getlist(params: Any, key: str) -> list[str]:
    if hasattr(params, "getlist"):
        return [v for v in params.getlist(key) if v]
    value = params.get(key)
    return [value] if value else []


STATUS_GROUP_KEYS = tuple(STATUS_GROUPS)
