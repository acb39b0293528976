"""Reads the channels need to recognise a sender as the reporter of a report.

A text channel proves who is writing by the sender's number or address, the way the web proves it by the
private token of the follow link: a message from the number that filed a report acts as that report's reporter
(``Actor.reporter(token=…)``). What such an actor may then see or do is decided by :mod:`lapor.privacy.policy`
and the report services, as for every other adapter.
"""

from __future__ import annotations

import datetime as dt

from lapor.channels.models import InboundMessage
from lapor.reports.models import Report
from lapor.reports.states import Status

AWAITING_REPORTER = (Status.PENDING_INFO, Status.FOLLOWED_UP)
CLOSED = (Status.CLOSED, Status.ARCHIVED)


def _contact_filter(*, phone: str = "", email: str = "") -> dict[str, str] | None:
    if phone:
        return {"reporter_phone": phone}
    if email:
        return {"reporter_email": email}
    return None


def reporter_token_for(*, tracking_id: str, phone: str = "", email: str = "") -> str | None:
    """The private token of report ``tracking_id`` when it was filed with this phone number or e-mail address."""
    contact = _contact_filter(phone=phone, email=email)
    if contact is None or not tracking_id.isdigit():
        return None
    return Report.objects.filter(tracking_id=tracking_id, **contact).values_list("access_token", flat=True).first()


def awaiting_report_token(*, phone: str = "", email: str = "") -> tuple[str, str] | None:
    """(tracking ID, token) of the sender's report that most recently started waiting for them (asked for
    information, or answered by the agency), or ``None``.
    """
    contact = _contact_filter(phone=phone, email=email)
    if contact is None:
        return None
    return (
        Report.objects.filter(status__in=AWAITING_REPORTER, **contact)
        .order_by("-updated_at", "-pk")
        .values_list("tracking_id", "access_token")
        .first()
    )


def recent_report_token(*, channel: str, sender: str, since: dt.datetime) -> tuple[str, str] | None:
    """(tracking ID, token) of the open report this sender filed or wrote on through ``channel`` since ``since``."""
    return (
        InboundMessage.objects.filter(channel=channel, sender=sender, created_at__gte=since, report__isnull=False)
        .exclude(report__status__in=CLOSED)
        .order_by("-created_at", "-pk")
        .values_list("report__tracking_id", "report__access_token")
        .first()
    )
