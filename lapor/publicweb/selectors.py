"""Read-only queries for the citizen portal, built on the privacy layer (never around it).

Every list of reports starts from :func:`lapor.privacy.policy.public_reports` (the public) or
:func:`lapor.privacy.policy.reports_visible_to` (a signed-in citizen); single reports come from
:func:`lapor.privacy.policy.report_for`. Reference data (regions, categories, agencies) is public.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q, QuerySet

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.core.errors import NotFound
from lapor.privacy.policy import audience_of, public_reports, report_for, reports_visible_to
from lapor.reference.models import Category, Region
from lapor.reports.choices import Visibility
from lapor.reports.models import Attachment, Report
from lapor.reports.states import OPEN_STATUSES, Status

# The citizen's tabs on "my reports" (as in the LAPOR! app): not yet with an agency, being handled, finished.
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "belum": (Status.SUBMITTED, Status.PENDING_INFO, Status.VERIFIED),
    "proses": (Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS, Status.FOLLOWED_UP),
    "selesai": (Status.CLOSED, Status.ARCHIVED),
}
IN_PROCESS = (Status.VERIFIED, Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS)
PAGE_SIZE = 20
_WORD = re.compile(r"\w{4,}", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Words too common in complaints to say anything about similarity.
_STOPWORDS = frozenset(
    (
        "yang",
        "dengan",
        "untuk",
        "dari",
        "pada",
        "sudah",
        "belum",
        "tidak",
        "kami",
        "saya",
        "mohon",
        "tolong",
        "karena",
        "sejak",
        "sangat",
        "kepada",
        "bapak",
        "sampai",
        "adalah",
        "akan",
        "agar",
        "atau",
        "juga",
        "masih",
        "harus",
        "telah",
        "dalam",
        "bisa",
        "lagi",
        "hari",
        "tahun",
        "warga",
    )
)


def public_counts(qs: QuerySet[Report] | None = None) -> dict[str, int]:
    qs = public_reports() if qs is None else qs
    return qs.aggregate(
        total=Count("pk"),
        in_process=Count("pk", filter=Q(status__in=IN_PROCESS)),
        followed_up=Count("pk", filter=Q(status=Status.FOLLOWED_UP)),
        closed=Count("pk", filter=Q(status=Status.CLOSED)),
    )


@dataclass(frozen=True)
class PublicFilter:
    """What a visitor may filter the public list by. Every value is already checked (unknown values are dropped)."""

    q: str = ""
    status: str = ""
    agency: Agency | None = None
    category: Category | None = None
    region: Region | None = None


def clean_query(raw: str | None, limit: int = 100) -> str:
    """A search string safe for every database: control characters (NUL breaks PostgreSQL) removed, spaces
    collapsed, length capped."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:limit]


def public_filter_parse(params) -> PublicFilter:
    """Read filters from a query string; anything malformed or unknown is ignored rather than an error."""
    q = clean_query(params.get("q"))
    status = params.get("status") or ""
    if status not in Status.values:
        status = ""
    agency = None
    code = (params.get("instansi") or "").strip()[:64]
    if code:
        agency = agency_public(code)
    category = None
    raw = (params.get("kategori") or "").strip()
    if raw.isdigit() and len(raw) < 10:
        category = Category.objects.filter(pk=int(raw)).first()
    region = None
    for key in ("kabkota", "provinsi"):
        code = (params.get(key) or "").strip()[:13]
        if code and re.fullmatch(r"[0-9.]+", code):
            region = Region.objects.filter(pk=code).first()
            if region:
                break
    return PublicFilter(q=q, status=status, agency=agency, category=category, region=region)


def public_report_query(f: PublicFilter) -> QuerySet[Report]:
    qs = public_reports()
    if f.status:
        qs = qs.filter(status=f.status)
    if f.q:
        qs = qs.filter(Q(title__icontains=f.q) | Q(body_public__icontains=f.q) | Q(tracking_id=f.q))
    if f.agency is not None:
        qs = qs.filter(owner_agency__path__startswith=f.agency.path)
    if f.category is not None:
        qs = qs.filter(Q(category=f.category) | Q(category__full_name__startswith=f.category.full_name + " › "))
    if f.region is not None:
        qs = qs.filter(Q(region_id=f.region.code) | Q(region__code__startswith=f.region.code + "."))
    return qs


def public_report_page(
    *, f: PublicFilter | None = None, status: str | None = None, query: str | None = None, limit=20, offset=0
):
    f = f or PublicFilter(q=query or "", status=status if status in Status.values else "")
    qs = public_report_query(f).select_related("owner_agency", "category").order_by("-submitted_at", "-id")
    return list(qs[offset : offset + limit])


def similar_open_reports(*, title: str, body: str, region_code: str = "", category_id: int | None = None, limit=5):
    """Public, still-open reports that look like the one being written: sharing a distinctive word of the
    title (or, failing that, of the text) and the same area or category. A simple text search; the routing
    work will replace it with a better matcher.
    """
    words = [w for w in _WORD.findall(f"{title} {title} {body[:500]}".lower()) if w not in _STOPWORDS]
    ranked = sorted(set(words), key=lambda w: (-words.count(w), -len(w)))[:6]
    if not ranked:
        return []
    text_q = Q()
    for word in ranked:
        text_q |= Q(title__icontains=word) | Q(body_public__icontains=word)
    place_q = Q()
    if region_code:
        area = region_code[:5]  # the kabupaten/kota
        place_q |= Q(region_id=area) | Q(region__code__startswith=area + ".")
    if category_id:
        place_q |= Q(category_id=category_id)
    qs = public_reports().filter(status__in=OPEN_STATUSES).filter(text_q)
    if place_q:
        qs = qs.filter(place_q)
    candidates = list(qs.select_related("owner_agency").order_by("-submitted_at")[:50])

    def score(report: Report) -> int:
        text = f"{report.title} {report.title} {report.body_public[:800]}".lower()
        return sum(text.count(w) for w in ranked)

    candidates.sort(key=score, reverse=True)
    return candidates[:limit]


# --- reference data for pickers ---------------------------------------------------------------------------
def region_children(parent_code: str | None) -> list[Region]:
    """Provinces (no parent), or the regions directly below ``parent_code``; an unknown code has none."""
    if not parent_code:
        return list(Region.objects.filter(parent__isnull=True).only("code", "name", "kind").order_by("name"))
    if not re.fullmatch(r"[0-9.]{1,13}", parent_code):
        return []
    return list(Region.objects.filter(parent_id=parent_code).only("code", "name", "kind").order_by("name"))


def region_chain(code: str | None) -> list[Region]:
    """The region and its ancestors, province first; ``[]`` for an unknown code."""
    chain: list[Region] = []
    region = Region.objects.filter(pk=code).select_related("parent__parent__parent").first() if code else None
    while region is not None:
        chain.insert(0, region)
        region = region.parent
    return chain


@dataclass(frozen=True)
class CategoryGroup:
    top: Category
    options: list[tuple[int, str]]


def category_groups(query: str = "", *, keep: int | None = None) -> list[CategoryGroup]:
    """Active categories grouped under their top level (for a grouped ``<select>``), optionally only those
    whose full name contains every word of ``query``; ``keep`` (the current choice) is always included.
    """
    rows = list(Category.objects.values_list("pk", "full_name", "parent_id", "active"))
    by_pk = {pk: (full, parent) for pk, full, parent, _active in rows}
    words = query.lower().split()[:5]
    groups: dict[int, list[tuple[int, str]]] = {}
    for pk, full, _parent, active in rows:
        if not active or (words and pk != keep and not all(w in full.lower() for w in words)):
            continue
        top = pk
        while by_pk[top][1] is not None and by_pk[top][1] in by_pk:
            top = by_pk[top][1]
        label = full.split(" › ", 1)[1] if top != pk else full
        groups.setdefault(top, []).append((pk, label))
    return [
        CategoryGroup(
            Category(pk=top, full_name=by_pk[top][0], level=1), sorted(opts, key=lambda o: (o[0] != top, o[1]))
        )
        for top, opts in sorted(groups.items(), key=lambda kv: by_pk[kv[0]][0])
    ]


def category_filter_choices() -> list[tuple[int, str]]:
    """Top two levels of the taxonomy for the public list's filter."""
    return list(Category.objects.filter(active=True, level__lte=2).order_by("full_name").values_list("pk", "full_name"))


def agency_search(query: str = "", kind: str = "") -> QuerySet[Agency]:
    """Agencies for the directory: the K/L/D instansi (depth 2) by default, any matching agency when searching."""
    qs = Agency.objects.filter(active=True)
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        return qs.filter(Q(name__icontains=query) | Q(code__iexact=query) | Q(sms_keyword__iexact=query)).order_by(
            "depth", "name"
        )
    return qs.filter(depth__lte=2).order_by("depth", "name") if not kind else qs.order_by("name")


def agency_public(code: str) -> Agency | None:
    if not re.fullmatch(r"[-\w]{1,64}", code or ""):
        return None
    return Agency.objects.filter(code=code, active=True).first()


def agency_neighbours(agency: Agency) -> tuple[list[Agency], list[Agency]]:
    """The agency's active children (by name) and its ancestors (root first), from the materialised path."""
    children = Agency.objects.filter(path__startswith=agency.path, depth=agency.depth + 1, active=True)
    step = Agency.steplen
    paths = [agency.path[: step * n] for n in range(1, agency.depth)]
    ancestors = Agency.objects.filter(path__in=paths).order_by("depth") if paths else Agency.objects.none()
    return list(children.order_by("name")[:200]), list(ancestors)


def agency_figures(agency: Agency) -> dict:
    """Figures of an agency's subtree, computed over its public reports only (secret reports are not counted,
    so the page never hints at them)."""
    qs = public_reports().filter(owner_agency__path__startswith=agency.path)
    figures = qs.aggregate(
        total=Count("pk"),
        waiting=Count("pk", filter=Q(status=Status.VERIFIED)),
        in_process=Count("pk", filter=Q(status__in=(Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS))),
        followed_up=Count("pk", filter=Q(status=Status.FOLLOWED_UP)),
        closed=Count("pk", filter=Q(status=Status.CLOSED)),
        answered=Count("pk", filter=Q(first_response_at__isnull=False)),
        answered_on_time=Count(
            "pk", filter=Q(first_response_at__isnull=False, first_response_at__lte=F("response_due_at"))
        ),
        bounced=Count("pk", filter=Q(bounce_count__gt=0)),
        avg_rating=Avg("rating"),
        rated=Count("pk", filter=Q(rating__isnull=False)),
    )
    total = figures["total"] or 0

    def pct(n: int, d: int) -> int | None:
        return round(100 * n / d) if d else None

    figures["pct_followed_up"] = pct(figures["followed_up"] + figures["closed"], total)
    figures["pct_closed"] = pct(figures["closed"], total)
    figures["pct_on_time"] = pct(figures["answered_on_time"], figures["answered"])
    return figures


# --- the reporter's own reports ------------------------------------------------------------------------------
def my_reports(user, *, tab: str = "semua") -> QuerySet[Report]:
    qs = reports_visible_to(Actor.reporter(user=user)).select_related("owner_agency").order_by("-submitted_at", "-id")
    if tab in STATUS_GROUPS:
        qs = qs.filter(status__in=STATUS_GROUPS[tab])
    return qs


def my_report_counts(user) -> dict[str, int]:
    qs = reports_visible_to(Actor.reporter(user=user))
    return qs.aggregate(
        semua=Count("pk"), **{tab: Count("pk", filter=Q(status__in=s)) for tab, s in STATUS_GROUPS.items()}
    )


# --- attachments --------------------------------------------------------------------------------------------
def attachments_for(actor: Actor, report: Report) -> list[Attachment]:
    """The attachments of ``report`` that ``actor``'s audience may open (the report itself already checked)."""
    audience = audience_of(actor, report)
    qs = report.attachments.order_by("created_at", "pk")
    if audience in ("national", "staff", "supervisor"):
        return list(qs)
    if audience == "reporter":
        return list(qs.exclude(visibility=Visibility.INTERNAL))
    return list(qs.filter(visibility=Visibility.PUBLIC))


def attachment_for(actor: Actor, pk: int, *, token: str | None = None) -> tuple[Attachment, Actor]:
    """One attachment, if the report may be seen by ``actor`` (or with ``token``) and the attachment by its
    audience; otherwise :class:`NotFound`, like an attachment that does not exist."""
    attachment = Attachment.objects.select_related("report").filter(pk=pk).first()
    if attachment is None:
        raise NotFound("not found")
    report = report_for(actor, attachment.report.tracking_id, token=token)
    if token and actor.kind != "staff":
        actor = Actor.reporter(token=token, user=actor.user)
    if attachment.pk not in {a.pk for a in attachments_for(actor, report)}:
        raise NotFound("not found")
    return attachment, actor


def next_steps(report: Report) -> list[tuple[str, dt.datetime | None]]:
    """The dates a new reporter can expect, assuming each stage uses its whole legal time: verification and
    disposition (3 HK), first answer from the agency (5 HK after that), completion (by classification)."""
    from lapor.reports.choices import COMPLETION_HK
    from lapor.sla.deadlines import deadline_after
    from lapor.sla.selectors import calendar_for

    agency = report.owner_agency
    calendar = calendar_for(agency)
    verify = report.verify_due_at
    if verify is None:
        return []
    response = deadline_after(verify, 5, tz=agency.timezone, calendar=calendar)
    completion = deadline_after(verify, COMPLETION_HK[report.classification], tz=agency.timezone, calendar=calendar)
    return [("verify", verify), ("response", response), ("completion", completion)]
