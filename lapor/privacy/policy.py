"""The one place that decides what each audience may see of reports (DESIGN §9).

* public: verified, non-secret reports only; redacted title and text; never a reporter's identity.
* reporter: their own reports (private token or account), everything about them.
* agency staff (admin instansi, penghubung, pimpinan): reports owned by their subtree; the original text;
  the reporter's identity only when the report is not anonymous, and every such view is audited.
* admin nasional: all reports and identities (audited).
* pengawas: all reports in their scope, never a reporter's identity.

Every adapter (web, API, SMS ``CEK``, Open311, exports) lists and reads reports through these functions.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.core import rows
from lapor.core.errors import NotFound
from lapor.core.memo import ttl_memo
from lapor.privacy.redaction import redact
from lapor.reference.models import Category, Region
from lapor.reports.choices import Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import PUBLISHABLE_STATUSES

STAFF_READ_ROLES = (Role.AGENCY_ADMIN, Role.LIAISON, Role.LEADER)


def _scope_q(paths: list[str]) -> Q:
    return reduce(or_, (Q(owner_agency__path__startswith=p) for p in paths))


def reports_visible_to(actor: Actor) -> QuerySet[Report]:
    """Every report ``actor`` may know exists. Listing, search, counts and exports start here."""
    qs = Report.objects.all()
    if actor.is_system or actor.is_national_admin:
        return qs
    if actor.kind == "reporter":
        if actor.user is not None:
            return qs.filter(reporter_user=actor.user)
        return qs.none()
    if actor.is_staff_actor:
        paths = actor.scope_paths(*STAFF_READ_ROLES, Role.SUPERVISOR)
        return qs.filter(_scope_q(paths) | PUBLIC_Q) if paths else public_reports()
    return public_reports()


PUBLIC_Q = Q(is_secret=False, status__in=PUBLISHABLE_STATUSES)


def public_reports() -> QuerySet[Report]:
    return Report.objects.filter(PUBLIC_Q)


def reports_in_scope_of(actor: Actor) -> QuerySet[Report]:
    """The staff inbox: reports owned by the actor's subtrees (all reports for the national admin)."""
    if actor.is_system or actor.is_national_admin:
        return Report.objects.all()
    paths = actor.scope_paths(*STAFF_READ_ROLES, Role.SUPERVISOR) if actor.is_staff_actor else []
    return Report.objects.filter(_scope_q(paths)) if paths else Report.objects.none()


SCOPE_AGENCIES_MAX = 300


def scope_agency_ids(actor: Actor) -> list[int] | None:
    """The agencies whose reports ``reports_in_scope_of(actor)`` holds, when they are few enough to list
    (``None`` for the national admin, a staff member without scope, or a scope of more than 300 agencies).
    Queries that read one agency at a time from an index use it; the scope rule itself stays in
    ``reports_in_scope_of``.
    """
    if actor.is_system or actor.is_national_admin or not actor.is_staff_actor:
        return None
    paths = actor.scope_paths(*STAFF_READ_ROLES, Role.SUPERVISOR)
    if not paths:
        return None
    condition = reduce(or_, (Q(path__startswith=p) for p in paths))
    ids = list(Agency.objects.filter(condition).order_by("pk").values_list("pk", flat=True)[: SCOPE_AGENCIES_MAX + 1])
    return ids if len(ids) <= SCOPE_AGENCIES_MAX else None


def may_see(actor: Actor, report: Report) -> bool:
    """Whether ``report`` is in ``reports_visible_to(actor)``, decided without a query (for single reads).
    A property test keeps the two in agreement.
    """
    if actor.is_system or actor.is_national_admin:
        return True
    public = not report.is_secret and report.status in PUBLISHABLE_STATUSES
    if actor.kind == "reporter":
        return actor.user is not None and report.reporter_user_id == actor.user.pk
    if actor.is_staff_actor:
        paths = actor.scope_paths(*STAFF_READ_ROLES, Role.SUPERVISOR)
        if not paths:
            return public
        return public or any(report.owner_agency.path.startswith(p) for p in paths)
    return public


def report_by_tracking_id(tracking_id: str) -> Report | None:
    """The report (no privacy check: callers are this module's readers) with its owner, category and region.

    Compiling ``select_related`` over four wide tables was most of the CPU of a read by tracking ID (about 3 ms
    of a 5 ms API read): the SQL is worked out once per process (``rows.get_by``). The owner is read fresh (its
    path decides who may see the report, and an agency can be moved in the tree); category and region come from
    short-lived memos.
    """
    report = rows.get_by(Report, "tracking_id", tracking_id)
    if report is None:
        return None
    report.owner_agency = rows.get_by(Agency, "id", report.owner_agency_id)
    if report.category_id is not None:
        report.category = _category_by_id(report.category_id)
    if report.region_id is not None:
        report.region = _region_by_id(report.region_id)
    return report


@ttl_memo(300, maxsize=5_000)
def _category_by_id(pk: int) -> Category:
    return Category.objects.get(pk=pk)


@ttl_memo(300, maxsize=50_000)
def _region_by_id(pk: str) -> Region:
    return Region.objects.get(pk=pk)


def report_for(actor: Actor, tracking_id: str, *, token: str | None = None) -> Report:
    """The report with ``tracking_id`` if ``actor`` may see it (a valid private ``token`` always may);
    otherwise :class:`NotFound`, the same answer as for an ID that does not exist.
    """
    tracking_id = (tracking_id or "").strip()
    missing = NotFound(_("Laporan #%(tid)s tidak ditemukan.") % {"tid": tracking_id[:20]})
    # Our own IDs carry a check digit; IDs imported from the old LAPOR! do not, so only the shape is checked here.
    if not (tracking_id.isdigit() and 4 <= len(tracking_id) <= 16):
        raise missing
    report = report_by_tracking_id(tracking_id)
    if report is None:
        raise missing
    if token and hmac.compare_digest(token, report.access_token):
        return report
    if actor.kind == "reporter" and actor.report_token and hmac.compare_digest(actor.report_token, report.access_token):
        return report
    if not may_see(actor, report):
        raise missing
    return report


def audience_of(actor: Actor, report: Report) -> str:
    """``reporter``, ``national``, ``staff``, ``supervisor`` or ``public`` for this report."""
    from lapor.reports.permissions import is_reporter_of

    if is_reporter_of(actor, report):
        return "reporter"
    if actor.is_system or actor.is_national_admin:
        return "national"
    if actor.is_staff_actor:
        if actor.covers(report.owner_agency, *STAFF_READ_ROLES):
            return "staff"
        if actor.covers(report.owner_agency, Role.SUPERVISOR):
            return "supervisor"
    return "public"


def identity_visible(actor: Actor, report: Report) -> bool:
    audience = audience_of(actor, report)
    if audience in ("reporter", "national"):
        return True
    if audience == "staff":
        return not report.is_anonymous
    return False


@dataclass(frozen=True)
class ReporterIdentity:
    name: str
    phone: str
    email: str


def reporter_identity(actor: Actor, report: Report) -> ReporterIdentity | None:
    """The reporter's identity if ``actor`` may see it, else ``None``. Staff views are audited."""
    if not identity_visible(actor, report):
        return None
    if actor.is_staff_actor:
        with transaction.atomic():
            audit_record(
                event_type=AuditEventType.REPORTER_IDENTITY_VIEWED,
                actor_user_id=actor.user_id,
                actor_label=actor.label,
                report_id=report.pk,
                extra_data={"tracking_id": report.tracking_id},
            )
    return ReporterIdentity(report.reporter_name, report.reporter_phone, report.reporter_email)


def timeline_for(actor: Actor, report: Report) -> QuerySet[ReportEvent]:
    """Timeline entries the audience may read: the public sees public entries, parties see the
    conversation, staff also see internal notes.
    """
    audience = audience_of(actor, report)
    qs = report.events.select_related("actor_agency").order_by("created_at", "id")
    if audience in ("national", "staff", "supervisor"):
        return qs
    if audience == "reporter":
        return qs.exclude(visibility=Visibility.INTERNAL)
    return qs.filter(visibility=Visibility.PUBLIC)


def report_clock_views(report: Report) -> list[dict[str, Any]]:
    """The report's clocks with state and colour, in the owning agency's time zone and calendar."""
    from lapor.core import clock
    from lapor.sla.clocks import clock_views
    from lapor.sla.selectors import calendar_for

    owner = report.owner_agency
    return clock_views(report, now=clock.now(), tz=owner.timezone, calendar=calendar_for(owner))


def report_present(actor: Actor, report: Report) -> dict[str, Any]:
    """A report as ``actor`` may see it: the shape every adapter serialises (no identity unless allowed)."""
    audience = audience_of(actor, report)
    public = audience == "public"
    data: dict[str, Any] = {
        "tracking_id": report.tracking_id,
        "title": redact(report.title).text if public else report.title,
        "body": report.body_public,
        "classification": report.classification,
        "category": str(report.category) if report.category_id else None,
        "region": report.region_id,
        "status": report.status,
        "status_label": report.status_label,
        "agency": report.owner_agency.name,
        "channel": report.channel,
        "is_anonymous": report.is_anonymous,
        "is_secret": report.is_secret,
        "submitted_at": report.submitted_at.isoformat(),
        "clocks": [
            {
                **c,
                "due": c["due"].isoformat() if c["due"] else None,
                "met_at": c["met_at"].isoformat() if c["met_at"] else None,
            }
            for c in report_clock_views(report)
        ],
        "rating": report.rating,
    }
    if not public:
        data["body_original"] = report.body_original
        data["address"] = report.address
    if identity_visible(actor, report):
        identity = reporter_identity(actor, report)
        data["reporter"] = {"name": identity.name, "phone": identity.phone, "email": identity.email}
    else:
        data["reporter"] = None
    return data
