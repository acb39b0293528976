"""Walk-in (datang langsung) and paper reports, entered by staff on a citizen's behalf."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from lapor.console.access import console_view
from lapor.console.forms import WalkinForm, add_service_error
from lapor.console.selectors import console_report_for
from lapor.console.services import walkin_agencies, walkin_submit
from lapor.console.views.common import picker
from lapor.core.errors import ApplicationError
from lapor.reports.services._base import follow_url

RECEIPT = "console_walkin_receipt"


@console_view
@require_http_methods(["GET", "POST"])
def walkin(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    agencies = walkin_agencies(actor)
    if not agencies:
        return render(request, "console/forbidden.html", {"reason": "walkin"}, status=403)
    form = WalkinForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            report = walkin_submit(actor=actor, **form.service_kwargs())
        except ApplicationError as exc:
            add_service_error(form, exc, WalkinForm.SERVICE_FIELDS)
        else:
            # The private follow link lets its holder act as the reporter: it is shown once, on the receipt
            # printed for the citizen, and kept only in this session.
            request.session[RECEIPT] = {"tid": report.tracking_id, "url": follow_url(report)}
            return redirect("console:walkin_receipt", tracking_id=report.tracking_id)
    pickers = {
        "category": picker(form, "category", kind="category"),
        "region": picker(form, "region", kind="region"),
    }
    return render(request, "console/walkin.html", {"form": form, "agencies": agencies, "pickers": pickers})


@console_view
@require_GET
def walkin_receipt(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = console_report_for(request.actor, tracking_id)
    receipt = request.session.get(RECEIPT) or {}
    if receipt.get("tid") != report.tracking_id:
        return redirect(reverse("console:report", args=[report.tracking_id]))
    return render(request, "console/walkin_receipt.html", {"report": report, "follow_url": receipt["url"]})
