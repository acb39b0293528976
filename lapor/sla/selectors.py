"""Reading what the pure SLA functions need from the database."""

from __future__ import annotations

import datetime as dt

from lapor.agencies.models import Agency
from lapor.sla.calendar import WorkingCalendar, national_calendar
from lapor.sla.models import AgencyClosure


def _ancestor_paths(agency: Agency) -> list[str]:
    step = agency.steplen
    return [agency.path[:i] for i in range(step, len(agency.path) + 1, step)]


def agency_closures(agency: Agency) -> frozenset[dt.date]:
    """Closures declared by the agency or any agency above it (one query)."""
    return frozenset(
        AgencyClosure.objects.filter(agency__path__in=_ancestor_paths(agency)).values_list("date", flat=True)
    )


def calendar_for(agency: Agency) -> WorkingCalendar:
    return national_calendar().with_closures(agency_closures(agency))
