"""Ombudsman case files (penundaan berlarut) for overseers: a list, and each file as HTML or JSON."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind
from lapor.reports.choices import Classification, EventKind
from lapor.sla.selectors import casefile_for, casefiles_visible_to


@require_GET
@login_required
def casefile_list(request: HttpRequest) -> HttpResponse:
    actor = Actor.for_user(request.user)
    cases = casefiles_visible_to(actor)[:200]
    return render(request, "sla/casefile_list.html", {"cases": cases})


@require_GET
@login_required
def casefile_detail(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    case = casefile_for(Actor.for_user(request.user), pk)
    if case is None:
        raise Http404
    if fmt == "json":
        response = JsonResponse(case.snapshot, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'inline; filename="kasus-{case.snapshot["tracking_id"]}.json"'
        return response
    return render(request, "sla/casefile.html", {"case": case, "s": _shown(case.snapshot)})


def _label(choices: Any, value: Any, fallback: Any) -> Any:
    return choices(value).label if value in choices.values else fallback


def _shown(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The frozen snapshot (Indonesian labels and codes, kept as filed) with labels in the reader's language."""
    s = copy.deepcopy(snapshot)
    s["classification"] = _label(Classification, s.get("classification"), s.get("classification"))
    for m in s.get("missed_deadlines", []):
        m["label"] = _(m["label"]) if m.get("label") else m.get("label")
    for a in s.get("agencies", []):
        a["kind"] = _label(AgencyKind, a.get("kind"), a.get("kind"))
    for e in s.get("timeline", []):
        e["label"] = _label(EventKind, e.get("kind"), e.get("label"))
    return s
