"""Public pages: parse → privacy layer / selectors → render. No business rules here."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from lapor.agencies.actors import Actor
from lapor.core.errors import NotFound
from lapor.privacy.policy import report_clock_views, report_for, report_present, timeline_for
from lapor.privacy.redaction import redact
from lapor.publicweb.selectors import public_counts, public_report_page
from lapor.reports.choices import COMPLETION_HK, Classification
from lapor.reports.states import STATUS_COLOURS, Status


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    tracking_id = request.GET.get("cek", "").strip()
    if tracking_id:
        return redirect("publicweb:report_detail", tracking_id=tracking_id[:20])
    classifications = [(c.label, COMPLETION_HK[c.value]) for c in Classification]
    return render(
        request,
        "publicweb/home.html",
        {
            "counts": public_counts(),
            "reports": public_report_page(limit=10),
            "classifications": classifications,
        },
    )


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    status = request.GET.get("status") or None
    query = (request.GET.get("q") or "").strip()[:100]
    reports = public_report_page(status=status, query=query, limit=21, offset=(page - 1) * 20)
    return render(
        request,
        "publicweb/report_list.html",
        {
            "reports": reports[:20],
            "has_next": len(reports) > 20,
            "page": page,
            "status": status or "",
            "q": query,
            "statuses": Status.choices,
        },
    )


@require_GET
def report_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    token = request.GET.get("t") or None
    actor = Actor.for_user(request.user) if request.user.is_authenticated else Actor.public()
    try:
        report = report_for(actor, tracking_id, token=token)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    if token:
        actor = Actor.reporter(token=token)
    data = report_present(actor, report)
    events = list(timeline_for(actor, report))
    if data["reporter"] is None:
        for event in events:
            event.body = redact(event.body, names=[report.reporter_name]).text
    return render(
        request,
        "publicweb/report_detail.html",
        {
            "report": report,
            "data": data,
            "events": events,
            "clocks": report_clock_views(report),
            "status_colour": STATUS_COLOURS.get(report.status, "gray"),
        },
    )
