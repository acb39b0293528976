"""Who may see which dashboard, export and import (pure predicates over an :class:`Actor`, plus the lookup of
the agency a page is about).

* admin nasional and pengawas: every agency (pengawas never sees a reporter's identity);
* pimpinan and admin instansi: their own subtree;
* everyone else: no dashboard (403). An agency outside the viewer's subtree answers 404, like one that does
  not exist.
"""

from __future__ import annotations

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency

DASHBOARD_ROLES = (Role.NATIONAL_ADMIN, Role.SUPERVISOR, Role.LEADER, Role.AGENCY_ADMIN)
IMPORT_ROLES = (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN)


def dashboard_paths(actor: Actor) -> list[str]:
    """The topmost agency paths whose dashboards ``actor`` may read (nested scopes collapse into the outer)."""
    if not actor.is_staff_actor:
        return []
    paths = sorted(set(actor.scope_paths(*DASHBOARD_ROLES)), key=len)
    top: list[str] = []
    for path in paths:
        if not any(path.startswith(p) for p in top):
            top.append(path)
    return top


def can_view_dashboards(actor: Actor) -> bool:
    return bool(dashboard_paths(actor))


def can_view_agency(actor: Actor, agency: Agency) -> bool:
    return any(agency.path.startswith(p) for p in dashboard_paths(actor))


def can_import(actor: Actor, agency: Agency) -> bool:
    return actor.is_staff_actor and actor.covers(agency, *IMPORT_ROLES)


def identities_allowed(actor: Actor) -> bool:
    """Whether exports for ``actor`` may carry any reporter's name at all (never for pengawas-only viewers).
    Per report, :func:`lapor.privacy.policy.identity_visible` still decides, and anonymous reporters are never
    named in an export.
    """
    return actor.is_staff_actor and actor.has_role(Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.LEADER)


def agency_lookup(code: str) -> Agency | None:
    """An active agency by code or SMS keyword (case-insensitive)."""
    code = (code or "").strip()[:64]
    if not code:
        return None
    agency = Agency.objects.filter(code=code.lower()).first()
    return agency or Agency.objects.filter(sms_keyword__iexact=code).first()


def dashboard_agency(actor: Actor, code: str | None) -> Agency | None:
    """The agency a dashboard page is about: ``code`` when the viewer may see it, else ``None`` (404); without
    a code, the viewer's own (topmost) scope.
    """
    paths = dashboard_paths(actor)
    if not paths:
        return None
    if code:
        agency = agency_lookup(code)
        return agency if agency is not None and can_view_agency(actor, agency) else None
    return Agency.objects.filter(path=paths[0]).first()


def ancestors_of(agency: Agency) -> list[Agency]:
    """The agencies above ``agency``, root first (one query by path prefixes)."""
    step = agency.steplen
    paths = [agency.path[:i] for i in range(step, len(agency.path), step)]
    return list(Agency.objects.filter(path__in=paths).order_by("depth")) if paths else []
