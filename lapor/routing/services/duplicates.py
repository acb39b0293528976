"""Finding likely duplicates, linking reports, and keeping every reporter of a duplicate informed.

Candidates come from the database (same reporter, or same kecamatan, inside the policy's window; at most
``POOL_LIMIT`` of the most recent), the decision from :mod:`lapor.routing.matcher`. A reporter's identity is
used for matching only where the person asking may see both identities (anonymous reports stay anonymous).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.audit.services import audit_record
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.privacy.policy import identity_visible, may_see, public_reports, reports_visible_to
from lapor.reference.choices import RegionLevel
from lapor.reports import services as rs
from lapor.reports.choices import ArchiveReason, EventKind, Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.reports.permissions import can
from lapor.reports.services._base import notify_reporter
from lapor.reports.states import OPEN_STATUSES, Action, Status
from lapor.routing import matcher, reasons
from lapor.routing.choices import LinkKind, RoutingAudit
from lapor.routing.models import DuplicateLink
from lapor.routing.services.router import routing_policy

POOL_LIMIT = 500
ARCHIVABLE = (Status.SUBMITTED, Status.VERIFIED, Status.PENDING_INFO, Status.RETURNED)
RELAYED_KINDS = (EventKind.FOLLOWED_UP, EventKind.CLOSED, EventKind.AUTO_CLOSED)


@dataclass(frozen=True)
class DuplicateCandidate:
    """A likely duplicate: ``reason`` is the line in the active language, ``reason_id`` the Indonesian one (kept
    with a link), ``why`` both as structured parts (:mod:`lapor.routing.reasons`).
    """

    report: Report
    score: float
    kind: str
    why: tuple[reasons.Part, ...] = ()

    @property
    def reason(self) -> str:
        return reasons.render(self.why)

    @property
    def reason_id(self) -> str:
        return reasons.text_id(self.why)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _matcher() -> tuple[matcher.Matcher, dt.timedelta]:
    policy = routing_policy()
    window = dt.timedelta(days=policy.duplicate_window_days)
    return matcher.Matcher(window=window, threshold=float(policy.duplicate_threshold)), window


def _place(report: Report) -> tuple[str, str]:
    """Kelurahan and kecamatan codes of the report's region (codes compare exactly; names are for display)."""
    region = report.region if report.region_id else None
    if region is None:
        return "", ""
    if region.level == RegionLevel.VILLAGE:
        return region.code, region.code[:8]
    return "", region.code[:8] if region.level == RegionLevel.DISTRICT else ""


def _reporter_keys(report: Report) -> frozenset[str]:
    keys = set()
    if report.reporter_phone:
        keys.add(f"tel:{report.reporter_phone}")
    if report.reporter_email:
        keys.add(f"mail:{report.reporter_email.lower()}")
    if report.reporter_user_id:
        keys.add(f"user:{report.reporter_user_id}")
    return frozenset(keys)


def _doc(report: Report, *, with_reporter: bool, public: bool = False) -> matcher.Doc:
    kel, kec = _place(report)
    return matcher.Doc(
        key=str(report.pk),
        text=report.body_public if public else report.body_original,
        title=report.title,
        address="" if public else report.address,
        kelurahan=kel,
        kecamatan=kec,
        reporter=_reporter_keys(report) if with_reporter else frozenset(),
        submitted_at=report.submitted_at,
        unit=str(report.owner_agency_id) if report.status not in ARCHIVABLE else "",
    )


def duplicate_find(*, report: Report, actor: Actor, limit: int = 5) -> list[DuplicateCandidate]:
    """Likely duplicates of ``report`` that ``actor`` may see, best first, each with a score and a reason.

    Identical texts that went to different units on purpose (co-disposition) are returned as such, after the
    duplicates, never as duplicates.
    """
    match, window = _matcher()
    start, end = report.submitted_at - window, report.submitted_at + window
    _kel, kec = _place(report)
    near = Q(reporter_phone=report.reporter_phone) if report.reporter_phone else Q(pk__in=[])
    if report.reporter_email:
        near |= Q(reporter_email__iexact=report.reporter_email)
    if report.reporter_user_id:
        near |= Q(reporter_user_id=report.reporter_user_id)
    if kec:
        near |= Q(region__code__startswith=kec)
    pool = list(
        reports_visible_to(actor)
        .filter(near, submitted_at__gte=start, submitted_at__lte=end)
        .exclude(pk=report.pk)
        .select_related("region", "owner_agency")
        .order_by("-submitted_at")[:POOL_LIMIT]
    )
    me_visible = actor.is_system or identity_visible(actor, report)
    doc = _doc(report, with_reporter=me_visible)
    by_key = {str(r.pk): r for r in pool}
    docs = [_doc(r, with_reporter=me_visible and (actor.is_system or identity_visible(actor, r))) for r in pool]
    return [DuplicateCandidate(by_key[m.key], m.score, m.kind, m.why) for m in match.find(doc, docs, limit=limit)]


def duplicate_similar_public(
    *, text: str, title: str = "", region_code: str = "", limit: int = 5, open_only: bool = True
) -> list[Report]:
    """Similar published reports for the citizen form ("laporan serupa"): public, non-secret reports only
    (``public_reports``), still open unless ``open_only`` is False, in the same kabupaten/kota when a region is
    given, compared on their redacted public text and never on who filed them. Each report carries
    ``similar_score`` and ``similar_reason`` (a public reason: place and words, never the reporter).
    """
    match, window = _matcher()
    now = clock.now()
    region_code = region_code or ""
    qs = public_reports().filter(submitted_at__gte=now - window)
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if len(region_code) >= 5:
        qs = qs.filter(region__code__startswith=region_code[:5])
    pool = list(qs.select_related("region", "owner_agency", "category").order_by("-submitted_at")[:POOL_LIMIT])
    draft = matcher.Doc(
        key="draft",
        text=text or "",
        title=title or "",
        kelurahan=region_code if len(region_code) > 8 else "",
        kecamatan=region_code[:8] if len(region_code) >= 8 else "",
        submitted_at=now,
    )
    by_key = {str(r.pk): r for r in pool}
    found = []
    for m in match.find(draft, [_doc(r, with_reporter=False, public=True) for r in pool], limit=limit):
        if m.kind == matcher.DUPLICATE:
            report = by_key[m.key]
            report.similar_score, report.similar_reason = m.score, reasons.render(m.why)
            found.append(report)
    return found


# --- links ---------------------------------------------------------------------------------------------------


def _root_primary(report: Report) -> Report:
    """Follow duplicate links to the report that carries the work (a duplicate of a duplicate → the first)."""
    seen = {report.pk}
    while True:
        link = DuplicateLink.objects.filter(report=report, kind=LinkKind.DUPLICATE, removed_at__isnull=True).first()
        if link is None or link.primary_id in seen:
            return report
        seen.add(link.primary_id)
        report = link.primary


@transaction.atomic
def duplicate_link(
    *,
    report: Report,
    primary: Report,
    actor: Actor,
    kind: str = LinkKind.DUPLICATE,
    score: float | None = None,
    reason: str = "",
) -> DuplicateLink:
    """Link ``report`` to ``primary``. As a duplicate, ``primary`` carries the work: ``report`` is archived as
    *duplikat* when it is still at intake (its reporter is told which report to follow), and its reporter hears
    of every follow-up on ``primary`` (:func:`duplicate_relay`). As related, it is a cross-reference only.
    """
    if kind not in LinkKind.values:
        raise ValidationFailed(_("Jenis tautan tidak dikenal: %(kind)s") % {"kind": kind}, extra={"field": "kind"})
    if not (actor.is_staff_actor and can(actor, Action.NOTE, report) and may_see(actor, primary)):
        raise PermissionDenied(_("Anda tidak berwenang menautkan laporan ini."))
    if kind == LinkKind.DUPLICATE:
        primary = _root_primary(primary)
    if primary.pk == report.pk:
        raise ValidationFailed(_("Laporan tidak dapat ditautkan ke dirinya sendiri."), extra={"field": "primary"})
    pair = Q(report=report, primary=primary) | Q(report=primary, primary=report)
    if DuplicateLink.objects.filter(pair, removed_at__isnull=True).exists():
        raise ValidationFailed(_("Kedua laporan sudah ditautkan."), code="already_linked")
    last_event = ReportEvent.objects.filter(report=primary).order_by("-id").values_list("id", flat=True).first()
    link = DuplicateLink.objects.create(
        report=report,
        primary=primary,
        kind=kind,
        score=score,
        reason=(reason or "")[:300],
        created_by=actor.user,
        created_by_label=actor.label,
        created_at=clock.now(),
        relayed_event_id=last_event or 0,
    )
    if kind == LinkKind.DUPLICATE:
        _inform_duplicate_reporter(report, primary, actor)
    audit_record(
        event_type=RoutingAudit.LINKED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        report_id=report.pk,
        extra_data={"kind": kind, "primary_id": primary.pk, "primary": primary.tracking_id, "score": score},
    )
    return link


def _inform_duplicate_reporter(report: Report, primary: Report, actor: Actor) -> None:
    explanation = _(
        "Laporan Anda sama dengan laporan #%(p)s yang sedang ditangani. Laporan itu yang ditindaklanjuti; "
        "setiap perkembangannya kami teruskan kepada Anda."
    ) % {"p": primary.tracking_id}
    if report.status in ARCHIVABLE and can(actor, Action.ARCHIVE, report):
        rs.report_archive(report=report, actor=actor, reason=ArchiveReason.DUPLICATE, explanation=explanation)
    else:
        notify_reporter(report, kind="report.linked", message=f"#{report.tracking_id}: {explanation}")


@transaction.atomic
def duplicate_unlink(*, link: DuplicateLink, actor: Actor, reason: str = "") -> DuplicateLink:
    """Remove a link (kept in the table and the audit log). An archived duplicate stays archived; its
    reporter may dispute the archiving as usual.
    """
    link = DuplicateLink.objects.select_for_update().select_related("report").get(pk=link.pk)
    if link.removed_at is not None:
        raise ValidationFailed(_("Tautan ini sudah dihapus."), code="already_removed")
    if not (actor.is_staff_actor and can(actor, Action.NOTE, link.report)):
        raise PermissionDenied(_("Anda tidak berwenang mengubah tautan laporan ini."))
    link.removed_at = clock.now()
    link.save(update_fields=["removed_at"])
    audit_record(
        event_type=RoutingAudit.UNLINKED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        report_id=link.report_id,
        extra_data={"kind": link.kind, "primary_id": link.primary_id, "reason": (reason or "")[:300]},
    )
    return link


def duplicate_relay(*, batch: int = 200) -> int:
    """Tell the reporters of duplicates about new follow-ups and closings of the report that carries the work.
    Idempotent: each link remembers the last event it relayed. Returns the number of messages queued.
    """
    sent = 0
    news = ReportEvent.objects.filter(
        report_id=OuterRef("primary_id"), id__gt=OuterRef("relayed_event_id"), kind__in=RELAYED_KINDS
    )
    pending = DuplicateLink.objects.filter(kind=LinkKind.DUPLICATE, removed_at__isnull=True).filter(Exists(news))
    for pk in list(pending.values_list("pk", flat=True)[:batch]):
        with transaction.atomic():
            link = DuplicateLink.objects.select_for_update().select_related("report", "primary").get(pk=pk)
            events = list(
                ReportEvent.objects.filter(
                    report_id=link.primary_id,
                    id__gt=link.relayed_event_id,
                    kind__in=RELAYED_KINDS,
                    visibility__in=(Visibility.PUBLIC, Visibility.PARTIES),
                ).order_by("id")
            )
            for event in events:
                text = _("Perkembangan laporan #%(p)s (yang menangani laporan Anda #%(d)s): %(label)s. %(body)s") % {
                    "p": link.primary.tracking_id,
                    "d": link.report.tracking_id,
                    "label": EventKind(event.kind).label,
                    "body": (event.body or "")[:300],
                }
                notify_reporter(link.report, kind="report.duplicate_update", message=text.strip())
                sent += 1
            if events:
                link.relayed_event_id = events[-1].pk
                link.save(update_fields=["relayed_event_id"])
    return sent
