"""The verification panel (router suggestions with one-click dispose, likely duplicates with link buttons) and
the citizen form's "similar reports". Thin: parse → permission → service or selector → render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.core.errors import ApplicationError, NotFound
from lapor.privacy.policy import report_for
from lapor.privacy.redaction import redact
from lapor.reports.models import Report
from lapor.reports.permissions import can
from lapor.reports.states import Action
from lapor.routing import reasons
from lapor.routing.choices import LinkKind
from lapor.routing.services import (
    duplicate_find,
    duplicate_link,
    duplicate_similar_public,
    routing_dispose_suggested,
    routing_suggest,
)

TEXT_MAX = 10_000


def _staff_report(request: HttpRequest, tracking_id: str) -> tuple[Actor, Report]:
    actor = Actor.for_user(request.user)
    try:
        report = report_for(actor, tracking_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    if not (can(actor, Action.VERIFY, report) or can(actor, Action.DISPOSE, report) or can(actor, Action.NOTE, report)):
        raise Http404
    return actor, report


@require_GET
@login_required
def panel(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, report = _staff_report(request, tracking_id)
    suggestions = routing_suggest(report=report, actor=actor)
    duplicates = duplicate_find(report=report, actor=actor)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "tracking_id": report.tracking_id,
                "model": suggestions.version if suggestions else None,
                "suggestions": [
                    {
                        "agency": s.agency.code,
                        "name": s.agency.name,
                        "confidence": s.confidence,
                        "reason": s.reason,
                        "why": reasons.to_json(s.why),
                    }
                    for s in (suggestions.items if suggestions else [])
                ],
                "duplicates": [
                    {
                        "tracking_id": d.report.tracking_id,
                        "score": d.score,
                        "kind": d.kind,
                        "reason": d.reason,
                        "why": reasons.to_json(d.why),
                    }
                    for d in duplicates
                ],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    return render(
        request,
        "routing/panel.html",
        {
            "report": report,
            "suggestions": suggestions,
            "duplicates": duplicates,
            "can_dispose": can(actor, Action.DISPOSE, report) or can(actor, Action.VERIFY, report),
            "can_link": can(actor, Action.NOTE, report),
        },
    )


@require_POST
@login_required
def dispose(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, report = _staff_report(request, tracking_id)
    agency = Agency.objects.filter(pk=_int(request.POST.get("agency")), active=True).first()
    try:
        if agency is None:
            raise NotFound(_("Instansi tidak ditemukan."))
        routing_dispose_suggested(report=report, actor=actor, agency=agency)
        messages.success(request, f"#{report.tracking_id} → {agency.name}")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("routing:panel", tracking_id=report.tracking_id)


@require_POST
@login_required
def link(request: HttpRequest, tracking_id: str) -> HttpResponse:
    actor, report = _staff_report(request, tracking_id)
    try:
        other = report_for(actor, (request.POST.get("other") or "")[:20])
        kind = request.POST.get("kind") or LinkKind.DUPLICATE
        score = float(request.POST["score"]) if request.POST.get("score") else None
        duplicate_link(
            report=report, primary=other, actor=actor, kind=kind, score=score, reason=request.POST.get("reason", "")
        )
        messages.success(request, f"#{report.tracking_id} ↔ #{other.tracking_id}")
    except (ApplicationError, ValueError) as exc:
        messages.error(request, getattr(exc, "message", str(exc)))
    return redirect("routing:panel", tracking_id=report.tracking_id)


@require_GET
def similar(request: HttpRequest) -> JsonResponse:
    """``GET /routing/serupa/?isi=…&wilayah=…`` for the citizen form: published reports like the draft."""
    text = (request.GET.get("isi") or "")[:TEXT_MAX]
    if len(text.strip()) < 20:
        return JsonResponse({"results": []})
    reports = duplicate_similar_public(
        text=text, title=(request.GET.get("judul") or "")[:200], region_code=(request.GET.get("wilayah") or "")[:13]
    )
    results = [
        {
            "tracking_id": r.tracking_id,
            "title": redact(r.title).text,
            "status": r.status,
            "status_label": r.status_label,
            "score": r.similar_score,
            "reason": r.similar_reason,
        }
        for r in reports
    ]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None
