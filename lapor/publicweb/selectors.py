"""Read-only queries for the public pages (built on the privacy layer, never around it)."""

from __future__ import annotations

from django.db.models import Count, Q

from lapor.privacy.policy import public_reports
from lapor.reports.states import Status


def public_counts() -> dict[str, int]:
    return public_reports().aggregate(
        total=Count("pk"),
        in_process=Count(
            "pk", filter=Q(status__in=[Status.DISPOSED, Status.IN_PROGRESS, Status.RETURNED, Status.VERIFIED])
        ),
        followed_up=Count("pk", filter=Q(status=Status.FOLLOWED_UP)),
        closed=Count("pk", filter=Q(status=Status.CLOSED)),
    )


def public_report_page(*, status: str | None = None, query: str | None = None, limit: int = 20, offset: int = 0):
    qs = public_reports().select_related("owner_agency", "category").order_by("-submitted_at", "-id")
    if status in Status.values:
        qs = qs.filter(status=status)
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(body_public__icontains=query))
    return list(qs[offset : offset + limit])
