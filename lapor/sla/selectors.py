"""Reading what the pure SLA functions need from the database."""

from __future__ import annotations

import datetime as dt

from lapor.agencies.models import Agency
from lapor.core.memo import ttl_memo
from lapor.sla.calendar import WorkingCalendar, national_calendar
from lapor.sla.models import AgencyClosure


def _ancestor_paths(agency: Agency) -> list[str]:
    step = agency.steplen
    return [agency.path[:i] for i in range(step, len(agency.path) + 1, step)]


def agency_closures(agency: Agency) -> frozenset[dt.date]:
    """Closures declared by the agency or any agency above it (one query, then memoised for a minute)."""
    return _closures_for_path(agency.path, agency.steplen)


@ttl_memo(60)
def _closures_for_path(path: str, step: int) -> frozenset[dt.date]:
    paths = [path[:i] for i in range(step, len(path) + 1, step)]
    return frozenset(AgencyClosure.objects.filter(agency__path__in=paths).values_list("date", flat=True))


def forget_closures() -> None:
    _closures_for_path.cache_clear()


def calendar_for(agency: Agency) -> WorkingCalendar:
    return national_calendar().with_closures(agency_closures(agency))


def calendars_for(agencies) -> dict[int, WorkingCalendar]:
    """Calendars for several agencies with one query (for lists: inbox pages, sweeps)."""
    agencies = {a.pk: a for a in agencies}
    paths = {p for a in agencies.values() for p in _ancestor_paths(a)}
    by_path: dict[str, set[dt.date]] = {}
    for path, day in AgencyClosure.objects.filter(agency__path__in=paths).values_list("agency__path", "date"):
        by_path.setdefault(path, set()).add(day)
    base = national_calendar()
    result = {}
    for pk, agency in agencies.items():
        days = set().union(*(by_path.get(p, set()) for p in _ancestor_paths(agency)))
        result[pk] = base.with_closures(days)
    return result


def casefiles_visible_to(actor):
    """Case files an overseer may read: national admin and pengawas everywhere in their scope; an agency admin
    the files about their own subtree. Never anyone else.
    """
    from django.db.models import Q

    from lapor.agencies.choices import Role
    from lapor.reports.models import CaseFile

    qs = CaseFile.objects.select_related("report", "report__owner_agency").order_by("-created_at")
    if actor.is_national_admin:
        return qs
    paths = actor.scope_paths(Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.LEADER) if actor.is_staff_actor else []
    if not paths:
        return qs.none()
    scope = Q()
    for path in paths:
        scope |= Q(report__owner_agency__path__startswith=path)
    return qs.filter(scope)


def casefile_for(actor, pk: int):
    return casefiles_visible_to(actor).filter(pk=pk).first()
