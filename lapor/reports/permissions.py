"""Who may do what to which report: pure predicates over an :class:`Actor` and a report's owner.

Scope is positional: a staff role held at agency X applies to reports owned by X or anything below X.
The state machine (:mod:`lapor.reports.states`) decides *when*; this module decides *who*.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.core.errors import PermissionDenied
from lapor.reports.states import Action

if TYPE_CHECKING:
    from lapor.reports.models import Report

R = Role
A = Action

# Staff roles that may take each action on a report whose owner lies in the role's subtree.
STAFF_ROLES: dict[str, frozenset[str]] = {
    A.VERIFY: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.REQUEST_INFO: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.ARCHIVE: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.DISPOSE: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.DISPOSE_INTERNAL: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.RETURN: frozenset({R.AGENCY_ADMIN}),
    A.FOLLOW_UP: frozenset({R.AGENCY_ADMIN, R.LIAISON}),
    A.CLOSE: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.NOTE: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN, R.LIAISON}),
    A.RECLASSIFY: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
    A.RECALL: frozenset({R.NATIONAL_ADMIN, R.AGENCY_ADMIN}),
}
REPORTER_ACTIONS = frozenset({A.REPLY, A.PROVIDE_INFO, A.DISPUTE, A.RATE})
SYSTEM_ACTIONS = frozenset({A.AUTO_CLOSE})


def is_reporter_of(actor: Actor, report: Report) -> bool:
    """The actor proved ownership: the report's private token, or the account that filed it."""
    if actor.kind != "reporter":
        return False
    if actor.report_token and hmac.compare_digest(actor.report_token, report.access_token):
        return True
    return actor.user is not None and report.reporter_user_id is not None and actor.user.pk == report.reporter_user_id


def can(actor: Actor, action: str, report: Report) -> bool:
    if action in SYSTEM_ACTIONS:
        return actor.is_system
    if action in REPORTER_ACTIONS:
        return is_reporter_of(actor, report)
    roles = STAFF_ROLES.get(action)
    if not roles or not actor.is_staff_actor:
        return False
    if action == A.RETURN and report.owner_agency.is_root():
        return False  # the national intake cannot bounce a report: it is the arbiter
    if action == A.RECALL:
        return may_recall(actor, report)
    return actor.covers(report.owner_agency, *roles)


def may_recall(actor: Actor, report: Report) -> bool:
    """Recall is the disposer's undo, not the receiver's: a national admin anywhere, or an admin of the
    agency that disposed the report (or above it), whose subtree also holds the current owner. The
    receiving unit's own admins refuse a report with *bukan wewenang* instead. Without a known disposer
    (the national intake disposed it, or history predates the column) only a national admin may recall.
    """
    if actor.is_national_admin:
        return True
    disposer = report.disposed_by_agency if report.disposed_by_agency_id else None
    if disposer is None or disposer.pk == report.owner_agency_id:
        return False
    roles = STAFF_ROLES[A.RECALL]
    return actor.covers(disposer, *roles) and actor.covers(report.owner_agency, *roles)


def permission_assert(actor: Actor, action: str, report: Report) -> None:
    if not can(actor, action, report):
        raise PermissionDenied(
            _("Anda tidak berwenang untuk %(action)s laporan #%(tid)s.")
            % {"action": Action(action).label, "tid": report.tracking_id},
            extra={"action": str(action)},
        )


def can_dispose_to(actor: Actor, target_path: str) -> bool:
    """National admins dispose anywhere; an agency admin only inside their own subtree."""
    if actor.is_national_admin:
        return True
    return any(target_path.startswith(p) for p in actor.scope_paths(R.AGENCY_ADMIN))
