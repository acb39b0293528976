"""What the console reads: the filtered inbox, one report for staff, pickers, and the agency admin's lists.

Reports are read only through :mod:`lapor.privacy.policy` (``report_for``, ``reports_in_scope_of``) and
:mod:`lapor.reports.selectors` (``inbox_queryset``, ``inbox_counts``); this module narrows what they return.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role, TimeZone
from lapor.agencies.models import Agency, Membership
from lapor.console.models import AnswerTemplate
from lapor.core import clock
from lapor.core.errors import NotFound
from lapor.core.memo import ttl_memo
from lapor.privacy.policy import audience_of, report_for, reports_in_scope_of, scope_agency_ids
from lapor.reference.models import Category, Region
from lapor.reports.choices import Channel, Classification
from lapor.reports.models import Report
from lapor.reports.permissions import can, can_dispose_to
from lapor.reports.selectors import INBOX_PAGE, TABS, InboxRow, inbox_counts, inbox_queryset
from lapor.reports.states import AGENCY_STATUSES, Status
from lapor.reports.urgency import FAR
from lapor.sla.calendar import national_calendar
from lapor.sla.clocks import clock_views
from lapor.sla.deadlines import end_of_day, local_date
from lapor.sla.models import AgencyClosure
from lapor.sla.selectors import calendars_for

STAFF_AUDIENCES = frozenset({"national", "staff", "supervisor"})


def console_report_for(actor: Actor, tracking_id: str) -> Report:
    """A report in the actor's own scope. Public reports of other agencies, which ``report_for`` lets any staff
    member read as the public would, are "not found" here: the console is for the reports one handles.
    """
    report = report_for(actor, tracking_id)
    if audience_of(actor, report) not in STAFF_AUDIENCES:
        raise NotFound(_("Laporan #%(tid)s tidak ditemukan.") % {"tid": (tracking_id or "")[:20]})
    return report


# --- the inbox --------------------------------------------------------------------------------------------

COLOURS = ("red", "yellow", "green", "none")
SORTS = ("urgensi", "terbaru")


@dataclass(frozen=True)
class InboxFilters:
    tab: str = "perlu_tindakan"
    status: str = ""
    colour: str = ""
    classification: str = ""
    category_id: int | None = None
    region: str = ""
    channel: str = ""
    direct: bool = False  # only reports owned by the actor's own agencies (not the units below)
    sort: str = "urgensi"
    q: str = ""

    def as_query(self, **override: Any) -> dict[str, str]:
        values = {
            "tab": self.tab,
            "status": self.status,
            "warna": self.colour,
            "klasifikasi": self.classification,
            "kategori": str(self.category_id or ""),
            "wilayah": self.region,
            "kanal": self.channel,
            "milik": "langsung" if self.direct else "semua",
            "urut": self.sort,
            "q": self.q,
        }
        values.update(override)
        return {k: v for k, v in values.items() if v}


def default_direct(actor: Actor) -> bool:
    """The national admin's inbox starts with the national intake (not every report in the country)."""
    return actor.is_national_admin


def _yellow_limits(now: dt.datetime) -> dict[str, dt.datetime]:
    """Per time zone, the end of the next working day: a deadline up to then has one working day or less left.
    National calendar: an agency's own closures can make a row yellow a day before this filter counts it so.
    """
    calendar = national_calendar()
    limits = {}
    for tz in TimeZone.values:
        limits[tz] = end_of_day(calendar.add_working_days(local_date(now, tz), 1), tz)
    return limits


def _colour_q(colour: str, now: dt.datetime) -> Q:
    """Colour of the nearest running deadline (``Report.urgency_at``, see lapor.reports.urgency)."""
    if colour == "red":
        return Q(urgency_at__lt=now)
    if colour == "none":
        return Q(urgency_at__gte=FAR)
    limits = _yellow_limits(now)
    within = Q()
    for tz, limit in limits.items():
        within |= Q(owner_agency__timezone=tz, urgency_at__lte=limit)
    if colour == "yellow":
        return Q(urgency_at__gte=now) & within
    if colour == "green":
        return Q(urgency_at__lt=FAR) & ~within & Q(urgency_at__gte=now)
    return Q()


def _category_q(category_id: int) -> Q:
    full_name = _category_full_name(category_id)
    if full_name is None:
        return Q(pk__in=[])
    return Q(category_id=category_id) | Q(category__full_name__startswith=f"{full_name} › ")


@ttl_memo(300)
def _category_full_name(category_id: int) -> str | None:
    return Category.objects.filter(pk=category_id).values_list("full_name", flat=True).first()


def inbox_scoped(actor: Actor, filters: InboxFilters, *, agency_id: int | None = None) -> QuerySet[Report]:
    """``inbox_queryset`` (tab/status within the actor's scope) narrowed by the console's filters; with
    ``agency_id`` (one of ``scope_agency_ids(actor)`` or the actor's own agencies), that agency's part only.
    """
    tab = filters.tab if filters.tab in TABS else None
    base = Report.objects.filter(owner_agency_id=agency_id) if agency_id is not None else None
    if filters.tab == "semua" and not filters.status:
        qs = reports_in_scope_of(actor) if base is None else base
    else:
        qs = inbox_queryset(actor, tab=tab, status=filters.status or None, base=base)
    if filters.direct and agency_id is None:
        qs = qs.filter(owner_agency_id__in=_own_agency_ids(actor))
    if filters.classification in Classification.values:
        qs = qs.filter(classification=filters.classification)
    if filters.channel in Channel.values:
        qs = qs.filter(channel=filters.channel)
    if filters.category_id:
        qs = qs.filter(_category_q(filters.category_id))
    if filters.region:
        qs = qs.filter(Q(region_id=filters.region) | Q(region__code__startswith=f"{filters.region}."))
    if filters.q:
        qs = qs.filter(title__icontains=filters.q)
    return qs


def _own_agency_ids(actor: Actor) -> list[int]:
    return sorted({s.agency_id for s in actor.scopes})


@dataclass(frozen=True)
class ConsoleRow:
    """One inbox row: the report, its clocks, the colour of its nearest running deadline, and its cursor."""

    report: Report
    clocks: list[dict[str, Any]]
    colour: str
    cursor: str


def row_colour(report: Report, clocks: list[dict[str, Any]]) -> str:
    """Colour of the deadlines the agency must still meet (met ones and the auto-close window do not count)."""
    running = {Status.SUBMITTED: ("verify",), Status.VERIFIED: ("verify",)}.get(report.status)
    if running is None:
        running = ("response", "completion") if report.status in AGENCY_STATUSES else ()
    colours = [c["colour"] for c in clocks if c["clock"] in running and c["met_at"] is None]
    for colour in ("red", "yellow", "green"):
        if colour in colours:
            return colour
    return "none"


def _encode(at: dt.datetime, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode_cursor(raw: str) -> tuple[dt.datetime, int] | None:
    """``None`` for anything that is not a cursor this module made (a tampered URL starts from the top)."""
    if not raw or len(raw) > 200:
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        at, pk = text.split("|")
        parsed = dt.datetime.fromisoformat(at)
        if parsed.tzinfo is None:
            return None
        return parsed, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


@dataclass
class InboxPage:
    rows: list[ConsoleRow]
    next_cursor: str | None
    counts: dict[str, int] = field(default_factory=dict)


def console_inbox_page(actor: Actor, filters: InboxFilters, *, after: str = "", limit: int = INBOX_PAGE) -> InboxPage:
    """One page of the inbox, keyset-paginated: by urgency (nearest running deadline first) or newest first.
    A few queries whatever the page size: the page (on PostgreSQL for a subtree: its agencies, then the page's
    ids merged agency by agency, then the rows), and the owners' closures.
    """
    now = clock.now()
    by_urgency = filters.sort == "urgensi"
    key = "urgency_at" if by_urgency else "submitted_at"
    order = ("urgency_at", "pk") if by_urgency else ("-submitted_at", "-pk")
    cursor = decode_cursor(after)

    def narrowed(qs: QuerySet[Report]) -> QuerySet[Report]:
        if filters.colour in COLOURS:
            qs = qs.filter(_colour_q(filters.colour, now))
        if cursor is not None:
            at, pk = cursor
            if by_urgency:
                qs = qs.filter(Q(urgency_at__gt=at) | Q(urgency_at=at, pk__gt=pk))
            else:
                qs = qs.filter(Q(submitted_at__lt=at) | Q(submitted_at=at, pk__lt=pk))
        return qs.order_by(*order)

    agencies = _merge_agencies(actor, filters)
    if agencies is None:
        qs = narrowed(inbox_scoped(actor, filters))
        reports = list(qs.select_related("owner_agency", "category")[: limit + 1])
    else:
        # Agency by agency, each from its own index (report_open_urgent / report_open_recent: at most limit + 1
        # entries each), merged: sorting the whole subtree would read every open report of a big instansi
        # (17,720 in the 1M benchmark) for 50 rows.
        parts = [
            narrowed(inbox_scoped(actor, filters, agency_id=a)).values_list("pk", key)[: limit + 1] for a in agencies
        ]
        merged = parts[0].union(*parts[1:], all=True).order_by(*order)[: limit + 1]
        ids = [pk for pk, _key in merged]
        # Re-read through the same scope and filters: a report moved out of them between the two queries drops out.
        chosen = narrowed(inbox_scoped(actor, filters)).filter(pk__in=ids)
        reports = list(chosen.select_related("owner_agency", "category"))
    more = len(reports) > limit
    reports = reports[:limit]
    calendars = calendars_for({r.owner_agency for r in reports})
    rows = []
    for r in reports:
        clocks = clock_views(r, now=now, tz=r.owner_agency.timezone, calendar=calendars[r.owner_agency_id])
        rows.append(ConsoleRow(r, clocks, row_colour(r, clocks), _encode(getattr(r, key), r.pk)))
    return InboxPage(rows=rows, next_cursor=rows[-1].cursor if more and rows else None)


def _merge_agencies(actor: Actor, filters: InboxFilters) -> list[int] | None:
    """The agencies to read one by one and merge (PostgreSQL, a subtree of 2 to 300 agencies), else ``None``:
    read the page in one query (one agency, the whole country, SQLite).
    """
    if connection.vendor != "postgresql" or (actor.is_national_admin and not filters.direct):
        return None
    agencies = _own_agency_ids(actor) if filters.direct else scope_agency_ids(actor)
    return agencies if agencies is not None and len(agencies) >= 2 else None


COUNTS_SLOW_SECONDS = 0.1
COUNTS_CACHE_SECONDS = 30


def console_counts(actor: Actor, *, direct: bool) -> dict[str, int]:
    """Reports per status and per tab (``inbox_counts``). Where counting takes long (a national admin, a province
    with hundreds of thousands of reports) the result is kept for 30 seconds, so paging and filtering do not
    count the same rows again on every click; small agencies always see exact counts.
    """
    key = (
        "lapor:console:counts:"
        + hashlib.sha256("|".join([str(direct), *sorted(actor.scope_paths())]).encode()).hexdigest()[:32]
    )
    cached = cache.get(key)
    if cached is not None:
        return cached
    started = time.monotonic()
    counts = inbox_counts(actor, agencies=_own_agency_ids(actor) if direct else None)
    if time.monotonic() - started > COUNTS_SLOW_SECONDS:
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


def inbox_row_for(actor: Actor, report: Report) -> InboxRow:
    """The clocks of one report as the inbox shows them (for the report page)."""
    calendar = calendars_for({report.owner_agency})[report.owner_agency_id]
    return InboxRow(report, clock_views(report, now=clock.now(), tz=report.owner_agency.timezone, calendar=calendar))


@ttl_memo(300)
def filter_categories() -> list[tuple[int, str, int]]:
    """(id, name, level) of the first two levels of the taxonomy, for the inbox filter."""
    return list(
        Category.objects.filter(active=True, level__lte=2).order_by("full_name").values_list("pk", "full_name", "level")
    )


def region_label(code: str) -> str | None:
    return Region.objects.filter(pk=code).values_list("name", flat=True).first() if code else None


# --- pickers ----------------------------------------------------------------------------------------------

PICKER_LIMIT = 25
PURPOSES = ("dispose", "internal", "return")
PURPOSE_ACTION = {"dispose": "dispose", "internal": "dispose_internal", "return": "return"}


@dataclass(frozen=True)
class AgencyOption:
    code: str
    name: str
    kind: str
    trail: str
    sms_keyword: str
    has_children: bool
    depth: int


def agencies_allowed(actor: Actor, purpose: str, report: Report | None) -> QuerySet[Agency]:
    """The agencies ``actor`` may pick for ``purpose`` on ``report`` (the services check again)."""
    qs = Agency.objects.filter(active=True, depth__gt=1)
    if purpose == "dispose":
        if actor.is_national_admin:
            return qs
        paths = actor.scope_paths(Role.AGENCY_ADMIN)
        if not paths:
            return qs.none()
        scope = Q()
        for p in paths:
            scope |= Q(path__startswith=p)
        return qs.filter(scope)
    if report is None:
        return qs.none()
    owner = report.owner_agency
    if purpose == "internal":
        return qs.filter(path__startswith=owner.path).exclude(pk=owner.pk)
    if purpose == "return":
        return qs.exclude(path__startswith=owner.path)
    return qs.none()


def _options(agencies: list[Agency]) -> list[AgencyOption]:
    """With each agency's trail of ancestors below the root (one query for all of them)."""
    step = Agency.steplen
    wanted = {a.path[:i] for a in agencies for i in range(2 * step, len(a.path), step)}
    names = dict(Agency.objects.filter(path__in=wanted).values_list("path", "name")) if wanted else {}
    out = []
    for a in agencies:
        trail = [names[a.path[:i]] for i in range(2 * step, len(a.path), step) if a.path[:i] in names]
        out.append(
            AgencyOption(
                code=a.code,
                name=a.name,
                kind=a.get_kind_display(),
                trail=" › ".join(trail),
                sms_keyword=a.sms_keyword or "",
                has_children=a.numchild > 0,
                depth=a.depth,
            )
        )
    return out


def agency_options(
    actor: Actor, *, purpose: str, report: Report | None = None, q: str = "", parent: str = ""
) -> list[AgencyOption]:
    """Search (name, code or SMS keyword) or browse (children of ``parent``) among the allowed agencies. With
    neither: the first level the actor would pick from (the owner's units, or the instansi).
    """
    allowed = agencies_allowed(actor, purpose, report)
    q = (q or "").strip()[:100]
    if q:
        qs = allowed.filter(Q(name__icontains=q) | Q(code__icontains=q.lower()) | Q(sms_keyword__iexact=q))
    elif parent:
        node = Agency.objects.filter(code=parent).first()
        if node is None:
            return []
        qs = allowed.filter(path__startswith=node.path, depth=node.depth + 1)
    elif purpose == "internal" and report is not None:
        qs = allowed.filter(depth=report.owner_agency.depth + 1)
    elif purpose == "dispose" and not actor.is_national_admin:
        tops = [s for s in actor.scopes if s.role == Role.AGENCY_ADMIN]
        scope = Q()
        for s in tops:
            scope |= Q(path__startswith=s.agency_path, depth=len(s.agency_path) // Agency.steplen + 1)
        qs = allowed.filter(scope) if tops else allowed.none()
    elif purpose == "dispose":
        qs = allowed.filter(depth=2)
    else:
        return []
    return _options(list(qs.order_by("depth", "name")[:PICKER_LIMIT]))


def agency_options_near(actor: Actor, report: Report) -> list[AgencyOption]:
    """A first list for disposing ``report``: the allowed agencies whose region contains the report's location
    (its city and province for the national admin), else the first level below the actor's own agency.
    """
    if not actor.is_national_admin or not report.region_id:
        return agency_options(actor, purpose="dispose", report=report) if not actor.is_national_admin else []
    code = report.region_id
    prefixes = [code[:i] for i in range(2, len(code) + 1) if i == len(code) or code[i] == "."]
    qs = agencies_allowed(actor, "dispose", report).filter(region_id__in=prefixes)
    return _options(list(qs.order_by("depth", "name")[:PICKER_LIMIT]))


def agency_allowed(actor: Actor, purpose: str, report: Report | None, code: str) -> Agency | None:
    return agencies_allowed(actor, purpose, report).filter(code=code).first() if code else None


def picker_report(actor: Actor, purpose: str, tracking_id: str) -> Report | None:
    """The report a picker works for, when the purpose needs one and the actor may take that action on it."""
    if purpose == "dispose" and not tracking_id:
        return None
    report = console_report_for(actor, tracking_id)
    if not can(actor, PURPOSE_ACTION[purpose], report):
        raise NotFound(_("Laporan tidak ditemukan."))
    return report


def dispose_targets_exist(actor: Actor) -> bool:
    return actor.is_national_admin or bool(actor.scope_paths(Role.AGENCY_ADMIN))


def may_dispose_to(actor: Actor, agency: Agency) -> bool:
    return not agency.is_root() and can_dispose_to(actor, agency.path)


def category_options(q: str) -> list[Category]:
    q = (q or "").strip()[:100]
    if len(q) < 2:
        return []
    return list(Category.objects.filter(active=True, full_name__icontains=q).order_by("-level", "full_name")[:25])


def region_options(q: str) -> list[Region]:
    q = (q or "").strip()[:100]
    if len(q) < 2:
        return []
    if q[0].isdigit():
        return list(Region.objects.filter(code__startswith=q).order_by("level", "code")[:25])
    return list(Region.objects.filter(name__icontains=q).select_related("parent").order_by("level", "name")[:25])


# --- answer templates -------------------------------------------------------------------------------------


def templates_for(agency: Agency) -> list[AnswerTemplate]:
    """Active templates of ``agency`` and of every agency above it (a city's templates serve its dinas)."""
    step = agency.steplen
    paths = [agency.path[:i] for i in range(step, len(agency.path) + 1, step)]
    return list(
        AnswerTemplate.objects.filter(agency__path__in=paths, active=True)
        .select_related("agency")
        .order_by("-agency__depth", "title")
    )


# --- agency admin -----------------------------------------------------------------------------------------


def administered_agencies(actor: Actor) -> list[Agency]:
    """The top agencies of the actor's admin scopes (the national root for the national admin)."""
    ids = [s.agency_id for s in actor.scopes if s.role in (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN)]
    agencies = list(Agency.objects.filter(pk__in=ids).order_by("depth", "name"))
    return [a for a in agencies if not any(a.path.startswith(b.path) and a.pk != b.pk for b in agencies)]


def agency_for_admin(actor: Actor, code: str) -> Agency:
    """An agency the actor administers (or lies below one they do); otherwise "not found"."""
    from lapor.console.services import may_administer

    agency = Agency.objects.filter(code=code).first()
    if agency is None or not may_administer(actor, agency):
        raise NotFound(_("Instansi tidak ditemukan."))
    return agency


def agency_in_staff_scope(actor: Actor, code: str) -> Agency:
    """An agency in any of the actor's staff scopes (for read-only pages); otherwise "not found"."""
    agency = Agency.objects.filter(code=code).first()
    if agency is None or not (actor.is_national_admin or any(agency.path.startswith(p) for p in actor.scope_paths())):
        raise NotFound(_("Instansi tidak ditemukan."))
    return agency


def agency_trail(agency: Agency) -> list[Agency]:
    """Ancestors from the root down to ``agency`` itself (one query)."""
    step = agency.steplen
    paths = [agency.path[:i] for i in range(step, len(agency.path) + 1, step)]
    return list(Agency.objects.filter(path__in=paths).order_by("depth"))


def agency_children(agency: Agency, *, q: str = "", limit: int = 200) -> list[Agency]:
    qs = Agency.objects.filter(path__startswith=agency.path, depth=agency.depth + 1)
    if q:
        qs = Agency.objects.filter(path__startswith=agency.path, depth__gt=agency.depth).filter(
            Q(name__icontains=q) | Q(code__icontains=q.lower()) | Q(sms_keyword__iexact=q)
        )
    return list(qs.order_by("name")[:limit])


def agency_memberships(agency: Agency) -> list[Membership]:
    return list(
        Membership.objects.filter(agency=agency, active=True)
        .select_related("user", "user__console_totp")
        .order_by("role", "user__username")
    )


def agency_closures(agency: Agency, *, since: dt.date) -> list[AgencyClosure]:
    return list(AgencyClosure.objects.filter(agency=agency, date__gte=since).order_by("date"))


def agency_templates(agency: Agency) -> list[AnswerTemplate]:
    return list(AnswerTemplate.objects.filter(agency=agency).order_by("-active", "title"))
