"""Building the statistics rollup from the reports, and keeping it fresh from the audit log.

Reports are partitioned by the month of submission (WIB). A month's rows are computed with a handful of
``GROUP BY`` queries over that month only (never a loop over reports in Python), summed up the agency tree, and
written in one transaction that replaces the month. A refresh recomputes only the months that changed:

* every transition writes an audit event naming its report (``AuditEvent.report_id``; each audit chain is
  in commit order and the refresh keeps a mark per chain), so the events after the last refresh name exactly
  the reports whose figures may have changed;
* figures that change with time alone (a running clock becoming overdue or yellow) change at the same instants
  the SLA sweep alerts — which writes audit events too; clocks whose next alert is due but not yet swept are
  found through their partial indexes, so the figures stay right even when the sweep is late.

Bounces (*bukan wewenang*, attributed to the agency that sent the report back) and staff activity are counted
incrementally from the same audit events. ``stats_refresh(full=True)`` rebuilds everything.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth

from lapor.agencies.models import Agency
from lapor.audit.models import AuditEvent, AuditEventType
from lapor.audit.services import audit_events_between, audit_heads
from lapor.core import clock
from lapor.oversight.criteria import (
    COUNTED,
    PUBLIC_Q,
    STATUS_GROUPS,
    TIME_ZONES,
    WIB,
    Moment,
    criterion,
    moment_at,
)
from lapor.oversight.models import BounceStat, MonthlyStat, StaffActivityDay, StatState
from lapor.reports.models import Report
from lapor.sla.calendar import national_calendar

log = logging.getLogger(__name__)

STEP = Agency.steplen
INSTANSI_PATH = 2 * STEP  # path length of a K/L/D instansi (depth 2)
HK_CAP = 250  # durations longer than this many working days are counted as this many
ACTIVITY_DAYS = 30
LEASE_MINUTES = 30

PUB = Case(When(PUBLIC_Q, then=Value(True)), default=Value(False), output_field=BooleanField())

CORE_FIELDS = ("total", *(f"grp_{g}" for g in STATUS_GROUPS), "bounces", "rating_sum", *COUNTED)

# Breakdown dimensions: name -> expression giving the key. Keys that are NULL are stored as "-".
DIMENSIONS = {
    "channel": F("channel"),
    "class": F("classification"),
    "status": F("status"),
    "category": Coalesce("category__parent__parent_id", "category__parent_id", "category_id"),
    "province": Substr("region_id", 1, 2),
    "regency": Substr("region_id", 1, 5),
    "rating": F("rating"),
}
# Working-day durations: name -> (start field, end field). See docs/subsystems/oversight.md.
DURATIONS = {
    "hk_verify": ("submitted_at", "verify_met_at"),
    "hk_response": ("disposed_at", "first_response_at"),
    "hk_completion": ("disposed_at", "completion_met_at"),
}


# --- months ------------------------------------------------------------------------------------------------------


def month_of(value: dt.date | dt.datetime) -> dt.date:
    """First day of the month of ``value`` (a datetime is read in WIB)."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(WIB) if value.tzinfo else value
        value = value.date()
    return value.replace(day=1)


def month_add(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    out, m = [], month_of(first)
    while m <= last:
        out.append(m)
        m = month_add(m, 1)
    return out


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The instants (aware) at which ``month`` starts and the next one starts, in WIB."""
    start = dt.datetime.combine(month, dt.time(), tzinfo=WIB)
    return start, dt.datetime.combine(month_add(month, 1), dt.time(), tzinfo=WIB)


def period_q(first: dt.date, last: dt.date) -> Q:
    """Reports submitted in the months ``first``..``last`` (inclusive)."""
    return Q(submitted_at__gte=month_bounds(first)[0], submitted_at__lt=month_bounds(last)[1])


# --- the tree -----------------------------------------------------------------------------------------------------


@dataclass
class Tree:
    """Every agency's id by path, to add a count to all of a node's ancestors without queries."""

    by_path: dict[str, int]
    path_of: dict[int, str]

    @classmethod
    def load(cls) -> Tree:
        rows = list(Agency.objects.order_by().values_list("pk", "path"))
        return cls(by_path={p: pk for pk, p in rows}, path_of=dict(rows))

    def ancestors(self, path: str) -> list[int]:
        """The agency at ``path`` and every agency above it."""
        return [self.by_path[path[:i]] for i in range(STEP, len(path) + 1, STEP) if path[:i] in self.by_path]


# --- computing one month ---------------------------------------------------------------------------------------


def _local_date(field_name: str) -> Case:
    """The date of ``field_name`` in the owning agency's time zone."""
    whens = [When(owner_agency__timezone=tz, then=TruncDate(field_name, tzinfo=ZoneInfo(tz))) for tz in TIME_ZONES[1:]]
    return Case(*whens, default=TruncDate(field_name, tzinfo=ZoneInfo(TIME_ZONES[0])))


def core_counts(qs: QuerySet[Report], m: Moment, *, by: str = "owner_agency_id") -> list[dict]:
    """One row per (``by``, audience) with every core counter (one query)."""
    aggregates = {
        "total": Count("pk"),
        "bounces": Coalesce(Sum("bounce_count"), 0),
        "rating_sum": Coalesce(Sum("rating"), 0),
        **{f"grp_{g}": Count("pk", filter=criterion(f"grp_{g}", m)) for g in STATUS_GROUPS},
        **{name: Count("pk", filter=criterion(name, m)) for name in COUNTED},
    }
    return list(qs.order_by().values(by, pub=PUB).annotate(**aggregates))


def dimension_counts(qs: QuerySet[Report], *, group: dict) -> Iterable[tuple[dict, str, str, int]]:
    """``(group values, dim, key, n)`` for every breakdown dimension and working-day duration."""
    for dim, expr in DIMENSIONS.items():
        rows = qs.order_by().values(**group, pub=PUB, k=expr).annotate(n=Count("pk"))
        for row in rows:
            key = "-" if row["k"] is None else str(row["k"])
            yield row, dim, key, row["n"]
    yield from duration_counts(qs, group=group)


def duration_counts(qs: QuerySet[Report], *, group: dict) -> Iterable[tuple[dict, str, str, int]]:
    """Durations in working days (national calendar) between the local dates of a stage's start and end, grouped
    by the pair of dates in SQL and converted with the calendar here (a few thousand pairs, not one per report).
    """
    cal = national_calendar()
    memo: dict[tuple[dt.date, dt.date], str] = {}
    for dim, (start, end) in DURATIONS.items():
        rows = (
            qs.filter(**{f"{start}__isnull": False, f"{end}__isnull": False})
            .order_by()
            .values(**group, pub=PUB, d0=_local_date(start), d1=_local_date(end))
            .annotate(n=Count("pk"))
        )
        for row in rows:
            pair = (row["d0"], row["d1"])
            hk = memo.get(pair)
            if hk is None:
                hk = memo[pair] = str(hk_between(cal, *pair))
            yield row, dim, hk, row["n"]


def hk_between(cal, d0: dt.date, d1: dt.date) -> int:
    """Working days after ``d0`` up to ``d1``, never negative, capped at :data:`HK_CAP` (dates outside the
    calendar are clamped to it).
    """
    lo, hi = dt.date(cal.first_year, 1, 1), dt.date(cal.last_year, 12, 31)
    d0, d1 = min(max(d0, lo), hi), min(max(d1, lo), hi)
    return max(0, min(HK_CAP, cal.working_days_between(d0, d1)))


@dataclass
class MonthRows:
    core: list[MonthlyStat] = field(default_factory=list)


def compute_month(month: dt.date, m: Moment, tree: Tree) -> MonthRows:
    """The rollup rows of one month: for every agency with reports in its subtree, the core counters and the
    breakdowns, cumulative up the tree.
    """
    qs = Report.objects.filter(period_q(month, month))
    core: dict[tuple[int, bool], dict[str, int]] = defaultdict(lambda: dict.fromkeys(CORE_FIELDS, 0))
    for row in core_counts(qs, m):
        path = tree.path_of.get(row["owner_agency_id"])
        if path is None:
            continue
        for agency_id in tree.ancestors(path):
            for audience in (False, True) if row["pub"] else (False,):
                target = core[(agency_id, audience)]
                for name in CORE_FIELDS:
                    target[name] += row[name]
    cells: dict[tuple[int, bool], dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    ancestors: dict[int, list[int]] = {}
    for row, dim, key, n in dimension_counts(qs, group={"owner": F("owner_agency_id")}):
        owner = row["owner"]
        if owner not in ancestors:
            path = tree.path_of.get(owner)
            ancestors[owner] = tree.ancestors(path) if path else []
        for agency_id in ancestors[owner]:
            for audience in (False, True) if row["pub"] else (False,):
                counts = cells[(agency_id, audience)][dim]
                counts[key] = counts.get(key, 0) + n
    out = MonthRows()
    for (agency_id, audience), values in core.items():
        if values["total"]:
            out.core.append(
                MonthlyStat(
                    agency_id=agency_id,
                    month=month,
                    public=audience,
                    breakdown=cells.get((agency_id, audience), {}),
                    **values,
                )
            )
    return out


@transaction.atomic
def write_month(month: dt.date, rows: MonthRows) -> None:
    """Replace the month's rows (readers see the old month or the new one, never a mix)."""
    MonthlyStat.objects.filter(month=month).delete()
    MonthlyStat.objects.bulk_create(rows.core, batch_size=1000)


# --- what changed ------------------------------------------------------------------------------------------------


def _months_of(reports: QuerySet[Report]) -> set[dt.date]:
    rows = reports.order_by().annotate(m=TruncMonth("submitted_at", tzinfo=WIB)).values_list("m", flat=True)
    return {month_of(v) for v in rows.distinct() if v is not None}


def changed_months(since: dict[int, int], head: dict[int, int], now: dt.datetime) -> set[dt.date]:
    """Months whose figures may differ from the rollup: reports named by audit events after the marks ``since``,
    and reports with an SLA alert due but not yet swept (their colour or overdue state changed with time).
    """
    touched = audit_events_between(since, head).filter(report_id__isnull=False)
    months = _months_of(Report.objects.filter(pk__in=touched.values("report_id")))
    due = Q(verify_next_alert_at__lte=now) | Q(response_next_alert_at__lte=now) | Q(completion_next_alert_at__lte=now)
    return months | _months_of(Report.objects.filter(due))


def all_months(now: dt.datetime) -> list[dt.date]:
    first = Report.objects.order_by("submitted_at").values_list("submitted_at", flat=True).first()
    if first is None:
        return []
    return months_between(month_of(first), month_of(now))


def _apply_bounces(events: QuerySet[AuditEvent], tree: Tree, agency_paths: dict[int, str]) -> None:
    rows = (
        events.filter(event_type=AuditEventType.REPORT_RETURNED, agency_id__isnull=False)
        .order_by()
        .annotate(m=TruncMonth("created_at", tzinfo=WIB))
        .values("agency_id", "m")
        .annotate(n=Count("pk"))
    )
    totals: dict[tuple[int, dt.date], int] = defaultdict(int)
    for row in rows:
        path = agency_paths.get(row["agency_id"])
        if path is None:
            continue
        for agency_id in tree.ancestors(path):
            totals[(agency_id, month_of(row["m"]))] += row["n"]
    for (agency_id, month), n in totals.items():
        updated = BounceStat.objects.filter(agency_id=agency_id, month=month).update(n=F("n") + n)
        if not updated:
            BounceStat.objects.create(agency_id=agency_id, month=month, n=n)


def _apply_activity(events: QuerySet[AuditEvent]) -> None:
    rows = (
        events.filter(actor_user_id__isnull=False)
        .order_by()
        .annotate(d=TruncDate("created_at", tzinfo=WIB))
        .values("actor_user_id", "d")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        updated = StaffActivityDay.objects.filter(user_id=row["actor_user_id"], day=row["d"]).update(
            n=F("n") + row["n"]
        )
        if not updated:
            StaffActivityDay.objects.create(user_id=row["actor_user_id"], day=row["d"], n=row["n"])


# --- refreshing ---------------------------------------------------------------------------------------------------


@dataclass
class RefreshResult:
    skipped: bool = False
    full: bool = False
    months: int = 0
    seconds: float = 0.0
    audit_seq: int = 0

    def summary(self) -> str:
        if self.skipped:
            return "skipped (another refresh is running)"
        kind = "full rebuild" if self.full else "refresh"
        return f"{kind}: {self.months} months in {self.seconds:.1f} s, audit seq {self.audit_seq}"


def _lease(now: dt.datetime) -> bool:
    StatState.objects.get_or_create(pk=1)
    stale = now - dt.timedelta(minutes=LEASE_MINUTES)
    free = Q(running_since__isnull=True) | Q(running_since__lt=stale)
    return StatState.objects.filter(free, pk=1).update(running_since=now) == 1


def stats_refresh(
    *, full: bool = False, months: Iterable[dt.date] = (), now: dt.datetime | None = None
) -> RefreshResult:
    """Bring the rollup up to date (see the module docstring). Only one refresh runs at a time; a second one
    returns at once with ``skipped=True``. Safe to run at any time and any number of times.
    """
    now = now or clock.now()
    if not _lease(now):
        return RefreshResult(skipped=True)
    started = time.perf_counter()
    try:
        state = StatState.objects.get(pk=1)
        full = full or state.refreshed_at is None
        head = audit_heads()
        marks = {int(k): int(v) for k, v in (state.audit_marks or {}).items()}
        todo = set(all_months(now)) if full else changed_months(marks, head, now)
        todo |= {month_of(x) for x in months}
        tree = Tree.load()
        moment = moment_at(now)
        for month in sorted(todo):
            write_month(month, compute_month(month, moment, tree))
        if full:
            stale = set(MonthlyStat.objects.values_list("month", flat=True).distinct()) - todo
            for month in stale:
                write_month(month, MonthRows())
        with transaction.atomic():
            if full:
                BounceStat.objects.all().delete()
                StaffActivityDay.objects.all().delete()
                events = audit_events_between({}, head)
                _apply_bounces(events, tree, tree.path_of)
                _apply_activity(events.filter(created_at__gte=now - dt.timedelta(days=ACTIVITY_DAYS + 1)))
            else:
                events = audit_events_between(marks, head)
                _apply_bounces(events, tree, tree.path_of)
                _apply_activity(events)
            StaffActivityDay.objects.filter(day__lt=(now - dt.timedelta(days=2 * ACTIVITY_DAYS)).date()).delete()
            seconds = time.perf_counter() - started
            StatState.objects.filter(pk=1).update(
                audit_seq=sum(head.values()),
                audit_marks={str(k): v for k, v in head.items()},
                refreshed_at=now,
                built_at=now if full else state.built_at,
                last_duration_ms=int(seconds * 1000),
                last_months=len(todo),
            )
    finally:
        StatState.objects.filter(pk=1).update(running_since=None)
    result = RefreshResult(
        full=full, months=len(todo), seconds=time.perf_counter() - started, audit_seq=sum(head.values())
    )
    log.info("statistics %s", result.summary())
    return result


def stats_state() -> StatState:
    state = StatState.objects.filter(pk=1).first()
    return state or StatState(pk=1)
