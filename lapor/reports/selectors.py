"""Reading reports for staff: the inbox of a user's subtree, its tab counts, with each row's clocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet

from lapor.agencies.actors import Actor
from lapor.core import clock
from lapor.core.memo import ttl_memo
from lapor.privacy.policy import reports_in_scope_of, scope_agency_ids
from lapor.reports.models import Report
from lapor.reports.states import OPEN_STATUSES, Status
from lapor.sla.clocks import clock_views
from lapor.sla.selectors import calendars_for

INBOX_PAGE = 50
# Tabs as staff know them from LAPOR!: what still needs the agency, what waits on the reporter, what is done.
TABS: dict[str, frozenset[str]] = {
    "perlu_tindakan": frozenset(
        {Status.SUBMITTED, Status.VERIFIED, Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS}
    ),
    "menunggu_pelapor": frozenset({Status.PENDING_INFO, Status.FOLLOWED_UP}),
    "selesai": frozenset({Status.CLOSED, Status.ARCHIVED}),
}


@dataclass(frozen=True)
class InboxRow:
    report: Report
    clocks: list[dict[str, Any]]

    @property
    def worst_colour(self) -> str:
        order = {"red": 0, "yellow": 1, "green": 2, "paused": 3, "met": 4}
        return min((c["colour"] for c in self.clocks), key=lambda c: order.get(c, 9), default="met")


def inbox_queryset(
    actor: Actor, *, tab: str | None = None, status: str | None = None, base: QuerySet[Report] | None = None
) -> QuerySet[Report]:
    """The actor's reports of one tab or status. ``base`` replaces the actor's whole scope with a part of it
    (one agency of ``scope_agency_ids(actor)``); it must never reach beyond ``reports_in_scope_of(actor)``.
    """
    qs = reports_in_scope_of(actor) if base is None else base
    if status in Status.values:
        qs = qs.filter(status=status)
    elif tab in TABS:
        qs = qs.filter(status__in=TABS[tab])
    else:
        qs = qs.filter(status__in=OPEN_STATUSES)
    return qs


def inbox_page(
    actor: Actor,
    *,
    tab: str | None = None,
    status: str | None = None,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = INBOX_PAGE,
) -> list[InboxRow]:
    """Newest first, keyset-paginated on (submitted_at, id): ``after`` is the last row of the previous page.
    Two queries whatever the page size: the reports (with owner and category), and the owners' closures.
    """
    qs = inbox_queryset(actor, tab=tab, status=status).select_related("owner_agency", "category")
    if after is not None:
        at, pk = after
        qs = qs.filter(Q(submitted_at__lt=at) | Q(submitted_at=at, pk__lt=pk))
    reports = list(qs.order_by("-submitted_at", "-pk")[:limit])
    now = clock.now()
    calendars = calendars_for({r.owner_agency for r in reports})
    return [
        InboxRow(r, clock_views(r, now=now, tz=r.owner_agency.timezone, calendar=calendars[r.owner_agency_id]))
        for r in reports
    ]


def inbox_counts(actor: Actor, *, agencies: list[int] | None = None) -> dict[str, int]:
    """Reports per status in the actor's subtree (or only in ``agencies`` of it: the console's "only my own
    agency"), plus the tab totals. On PostgreSQL a subtree of a few hundred agencies at most is counted agency by
    agency, each from the ``report_inbox`` index alone (18 ms for the biggest instansi of the 1M benchmark, where
    one GROUP BY over the subtree read most of the table).
    """
    postgres = connection.vendor == "postgresql"
    national = actor.is_system or actor.is_national_admin
    scope = scope_agency_ids(actor)
    if agencies is not None and scope is not None:
        allowed = set(scope)
        agencies = [a for a in agencies if a in allowed]  # never beyond the actor's scope
    if postgres and agencies is None and scope:
        per_status = _counts_by_agency(scope)
    elif postgres and agencies is not None and (scope is not None or national):
        per_status = _counts_by_agency(agencies) if agencies else {}
    elif postgres and agencies is None and national:
        # The whole country: the open statuses live (28 ms at 1M), the finished ones (86 % of all reports,
        # 0.4 s to count) from a count at most five minutes old.
        per_status = dict(
            Report.objects.filter(status__in=OPEN_STATUSES).values_list("status").annotate(n=Count("pk")).order_by()
        )
        per_status.update(_national_finished_counts())
    else:
        scoped = reports_in_scope_of(actor)
        if agencies is not None:
            scoped = scoped.filter(owner_agency_id__in=agencies)
        per_status = dict(scoped.values_list("status").annotate(n=Count("pk")).order_by())
    counts = {s: per_status.get(s, 0) for s in Status.values}
    for tab, statuses in TABS.items():
        counts[tab] = sum(per_status.get(s, 0) for s in statuses)
    return counts


@ttl_memo(300)
def _national_finished_counts() -> dict[str, int]:
    finished = set(Status.values) - set(OPEN_STATUSES)
    return dict(Report.objects.filter(status__in=finished).values_list("status").annotate(n=Count("pk")).order_by())


def _counts_by_agency(agency_ids: list[int]) -> dict[str, int]:
    table = Report._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.status, SUM(s.n) FROM unnest(%s::bigint[]) AS a(id) CROSS JOIN LATERAL ("  # noqa: S608
            f'SELECT r.status, COUNT(*) AS n FROM "{table}" r WHERE r.owner_agency_id = a.id GROUP BY r.status'
            ") s GROUP BY s.status",
            [list(agency_ids)],
        )
        return {status: int(n) for status, n in cursor.fetchall()}
