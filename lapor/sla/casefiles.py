"""Ombudsman case files (*penundaan berlarut*): what a maladministration investigator needs, frozen at the
moment the case was filed — never the reporter's identity.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_noop

from lapor.agencies.models import Agency
from lapor.privacy.redaction import redact
from lapor.reports.models import Report
from lapor.sla.clocks import MET_FIELD

# Stored in Indonesian in the frozen snapshot; the case-file page translates them when it shows them.
CLOCK_NAMES = {
    "verify": gettext_noop("verifikasi"),
    "response": gettext_noop("tanggapan pertama"),
    "completion": gettext_noop("penyelesaian"),
}


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def casefile_snapshot(report: Report, *, now: dt.datetime) -> dict[str, Any]:
    """The report, its timeline, every missed deadline and every agency involved, as plain JSON data."""
    names = [report.reporter_name]
    events = list(report.events.select_related("actor_agency").order_by("created_at", "id"))
    agency_ids = {report.owner_agency_id, report.intake_agency_id}
    for event in events:
        for key in ("from_agency_id", "to_agency_id", "better_agency_id"):
            if isinstance(event.data.get(key), int):
                agency_ids.add(event.data[key])
        if event.actor_agency_id:
            agency_ids.add(event.actor_agency_id)
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in=agency_ids)}
    missed = []
    for clock, label in CLOCK_NAMES.items():
        due = getattr(report, f"{clock}_due_at")
        met = getattr(report, MET_FIELD[clock])
        if due is None:
            continue
        if (met is None and now > due) or (met is not None and met > due):
            missed.append(
                {
                    "clock": clock,
                    "label": label,
                    "due": _iso(due),
                    "met": _iso(met),
                    "overdue_days": round(((met or now) - due).total_seconds() / 86400, 1),
                }
            )
    return {
        "tracking_id": report.tracking_id,
        "title": redact(report.title, names=names).text,
        "body": report.body_public,
        "classification": report.classification,
        "category": str(report.category) if report.category_id else None,
        "region": report.region_id,
        "status": report.status,
        "channel": report.channel,
        "submitted_at": _iso(report.submitted_at),
        "disposed_at": _iso(report.disposed_at),
        "first_response_at": _iso(report.first_response_at),
        "owner_agency": {"id": report.owner_agency_id, "name": agencies[report.owner_agency_id].name},
        "bounces": report.bounce_count,
        "missed_deadlines": missed,
        "agencies": [{"id": a.pk, "name": a.name, "kind": a.kind, "code": a.code} for a in agencies.values()],
        "timeline": [
            {
                "at": _iso(e.created_at),
                "kind": e.kind,
                "label": str(e.get_kind_display()),
                "agency": e.actor_agency.name if e.actor_agency_id else None,
                "actor": e.actor_kind,
                "body": redact(e.body, names=names).text,
                "from_status": e.from_status,
                "to_status": e.to_status,
            }
            for e in events
        ],
        "filed_at": _iso(now),
        "flag": "penundaan_berlarut",
    }
