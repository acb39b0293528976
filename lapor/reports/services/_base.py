"""Plumbing every transition shares: lock the row, write the timeline entry, the audit event and the
notifications, all in the caller's transaction. Nothing here decides *whether* a transition may happen.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency, Membership
from lapor.audit.services import audit_record
from lapor.core import clock, rows
from lapor.core.errors import NotFound
from lapor.core.memo import ttl_memo
from lapor.integrations.webhooks import webhooks_enqueue
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue, reporter_channel
from lapor.reports.choices import COMPLETION_HK, Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.sla.deadlines import deadline_after
from lapor.sla.selectors import calendar_for

VERIFY_HK = 3
FIRST_RESPONSE_HK = 5
AUTOCLOSE_HK = 10


def report_lock(report: Report | int) -> Report:
    """Re-read the report under a row lock (PostgreSQL; SQLite serialises writers with IMMEDIATE
    transactions) so two concurrent transitions cannot both start from the same state.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("report_lock() needs a transaction")
    pk = report.pk if isinstance(report, Report) else report
    # Lock first with a join-free query: PostgreSQL re-checks a locked row against the statement's joins
    # using the old versions of the joined rows, so a locking SELECT joined to the owner agency would find
    # nothing after a concurrent disposition changed the owner. The second read sees the committed row.
    if not Report.objects.select_for_update(no_key=True).filter(pk=pk).values_list("pk", flat=True):
        raise NotFound(_("Laporan tidak ditemukan."))
    return Report.objects.select_related("owner_agency", "intake_agency").get(pk=pk)


@functools.lru_cache(maxsize=1)
def _root_agency_id() -> int:
    return Agency.objects.get_root_nodes().values_list("pk", flat=True).get(code=settings.LAPOR_ROOT_AGENCY_CODE)


def root_agency() -> Agency:
    """The national root (memoised for five minutes per process: it is read on every national submission)."""
    try:
        return _root_agency(_root_agency_id())
    except (Agency.DoesNotExist, ValueError):
        _root_agency_id.cache_clear()
        _root_agency.cache_clear()
        return _root_agency(_root_agency_id())


@ttl_memo(300)
def _root_agency(pk: int) -> Agency:
    return Agency.objects.get(pk=pk)


def root_agency_id() -> int:
    return _root_agency_id()


def actor_agency_id(actor: Actor, report: Report, *roles: str) -> int | None:
    if actor.is_staff_actor:
        return actor.acting_agency_id(report.owner_agency, *(roles or tuple(Role)))
    return None


def record_event(
    *,
    report: Report,
    actor: Actor,
    kind: str,
    audit_type: str,
    from_status: str,
    body: str = "",
    visibility: str = Visibility.PARTIES,
    data: dict[str, Any] | None = None,
    actor_agency_id: int | None = None,
    at: dt.datetime | None = None,
    event_id: int | None = None,
) -> ReportEvent:
    """One timeline row and one audit event for a transition (the audit append goes last: it holds the
    chain lock until commit). ``event_id``: a primary key the caller already reserved with ``rows.next_ids``.
    """
    if event_id is None:
        (event_id,) = rows.next_ids(ReportEvent)
    event = ReportEvent(
        id=event_id,
        report=report,
        kind=kind,
        visibility=visibility,
        from_status=from_status,
        to_status=report.status,
        actor_user=actor.user if actor.is_staff_actor else None,
        actor_agency_id=actor_agency_id,
        actor_kind=actor.kind,
        body=body,
        data=data or {},
        created_at=at or clock.now(),
    )
    with rows.batch():
        rows.insert(event)
        webhooks_enqueue(report, event)
        audit_record(
            event_type=audit_type,
            actor_user_id=actor.user_id,
            actor_label=actor.label,
            agency_id=actor_agency_id,
            report_id=report.pk,
            extra_data={
                "tracking_id": report.tracking_id,
                "from": from_status,
                "to": report.status,
                "event_id": event.pk,
                **(data or {}),
            },
        )
    return event


def follow_url(report: Report) -> str:
    base = getattr(settings, "LAPOR_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/lapor/{report.tracking_id}/?t={report.access_token}"


def notify_reporter(report: Report, *, kind: str, message: str) -> None:
    """Queue a message to the reporter in the channel they used (see ``reporter_channel``)."""
    target = reporter_channel(intake_channel=report.channel, phone=report.reporter_phone, email=report.reporter_email)
    if target is None:
        return
    channel, recipient = target
    with translation.override("id"):
        subject = _("LAPOR! #%(tid)s: %(title)s") % {"tid": report.tracking_id, "title": report.title[:120]}
    body = message if channel == OutboxChannel.SMS else f"{message}\n\n{follow_url(report)}"
    outbox_enqueue(
        channel=channel,
        recipient=recipient,
        kind=kind,
        subject=subject,
        body=body,
        report_id=report.pk,
        payload={"tracking_id": report.tracking_id},
    )


def notify_agency_staff(
    report: Report,
    agency_id: int,
    *,
    kind: str,
    message: str,
    roles: tuple[str, ...] = (Role.AGENCY_ADMIN, Role.LIAISON),
) -> None:
    """Queue an e-mail to the staff of one agency (the new owner after a disposition, say)."""
    emails = (
        Membership.objects.filter(agency_id=agency_id, role__in=roles, active=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )
    subject = _("LAPOR! #%(tid)s: %(title)s") % {"tid": report.tracking_id, "title": report.title[:120]}
    for email in emails:
        outbox_enqueue(
            channel=OutboxChannel.EMAIL,
            recipient=email,
            kind=kind,
            subject=subject,
            body=f"{message}\n",
            report_id=report.pk,
            payload={"tracking_id": report.tracking_id},
        )


def completion_hk(report: Report, agency: Agency) -> int:
    """Legal completion limit for the classification, or the agency's stricter own limit."""
    legal = COMPLETION_HK[report.classification]
    own = {
        "aspirasi": agency.sla_aspirasi_days,
        "permintaan_informasi": agency.sla_informasi_days,
        "pengaduan": agency.sla_pengaduan_days,
        "pengaduan_pengawasan": agency.sla_pengawasan_days,
    }[report.classification]
    return min(legal, own) if own else legal


def deadline(at: dt.datetime, hk: int, agency: Agency) -> dt.datetime:
    """End of the ``hk``-th working day after ``at`` in the agency's time zone, skipping its closures."""
    return deadline_after(at, hk, tz=agency.timezone, calendar=calendar_for(agency))
