"""Picker results for htmx (agencies, categories, regions): small HTML fragments of radio buttons.

Without JavaScript the same searches run when the form is sent (see ``ConsoleForm.resolve``).
"""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lapor.agencies.models import Agency
from lapor.console import selectors as sel
from lapor.console.access import console_view

_NAME = re.compile(r"^[a-z0-9_-]{1,60}$")


def _name(request: HttpRequest, default: str) -> str:
    name = request.GET.get("nama", "")
    return name if _NAME.match(name) else default


def _query(request: HttpRequest) -> str:
    """The search text: ``q``, or the picker's own text field (``<field>_q``, sent as it is by htmx)."""
    if "q" in request.GET:
        return request.GET["q"]
    for key, value in request.GET.items():
        if key.endswith("_q"):
            return value
    return ""


@console_view
@require_GET
def agency_search(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    purpose = request.GET.get("tujuan", "dispose")
    if purpose not in sel.PURPOSES:
        purpose = "dispose"
    report = sel.picker_report(actor, purpose, request.GET.get("laporan", ""))
    parent = request.GET.get("induk", "")[:64]
    q = _query(request)
    options = sel.agency_options(actor, purpose=purpose, report=report, q=q, parent=parent)
    trail = []
    if parent and not q:
        node = Agency.objects.filter(code=parent).first()
        trail = sel.agency_trail(node)[1:] if node else []
    return render(
        request,
        "console/_agency_options.html",
        {
            "options": options,
            "name": _name(request, "agency"),
            "purpose": purpose,
            "tracking_id": report.tracking_id if report else "",
            "q": q,
            "trail": trail,
            "selected": request.GET.get(_name(request, "agency"), ""),
            "browsing": bool(parent) and not q,
        },
    )


@console_view
@require_GET
def category_search(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "console/_category_options.html",
        {
            "options": sel.category_options(_query(request)),
            "name": _name(request, "category"),
            "q": _query(request),
            "selected": request.GET.get(_name(request, "category"), ""),
        },
    )


@console_view
@require_GET
def region_search(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "console/_region_options.html",
        {
            "options": sel.region_options(_query(request)),
            "name": _name(request, "region"),
            "q": _query(request),
            "selected": request.GET.get(_name(request, "region"), ""),
        },
    )
