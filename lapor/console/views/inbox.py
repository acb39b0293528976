"""The inbox (kotak masuk) and bulk actions on its rows."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lapor.console import selectors as sel
from lapor.console.access import console_view
from lapor.console.forms import BulkForm, InboxFilterForm, add_service_error
from lapor.console.services import bulk_apply
from lapor.console.views.common import picker
from lapor.core.errors import ApplicationError
from lapor.reports.states import Status
from lapor.reports.tracking import tracking_id_is_valid

BULK_RESULT = "console_bulk_result"
PAGE_SIZE = sel.INBOX_PAGE


def _tabs(filters: sel.InboxFilters, counts: dict[str, int]) -> list[dict]:
    labels = {"perlu_tindakan": _("Perlu tindakan"), "menunggu_pelapor": _("Menunggu pelapor"), "selesai": _("Selesai")}
    return [
        {
            "key": key,
            "label": label,
            "count": counts.get(key, 0),
            "current": filters.tab == key and not filters.status,
            "url": "?" + urlencode(filters.as_query(tab=key, status="", urut="", warna="")),
        }
        for key, label in labels.items()
    ]


def _inbox(request: HttpRequest, *, bulk_form: BulkForm | None = None, status: int = 200) -> HttpResponse:
    actor = request.actor
    form = InboxFilterForm(request.GET or None, actor=actor)
    filters = form.filters()
    bulk = bulk_form or BulkForm(actor=actor)
    page = sel.console_inbox_page(actor, filters, after=request.GET.get("setelah", ""), limit=PAGE_SIZE)
    query = filters.as_query()
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "query": urlencode(query),
        "next_url": "?" + urlencode({**query, "setelah": page.next_cursor}) if page.next_cursor else "",
        "statuses": [(s.value, s.label) for s in Status if s.value in sel.TABS.get(filters.tab, ())],
        "region_name": sel.region_label(filters.region) if filters.region and filters.region != "-" else "",
        "may_bulk": sel.dispose_targets_exist(actor),
        "bulk_form": bulk,
        "bulk_picker": picker(
            bulk,
            "agency",
            kind="agency",
            purpose="dispose",
            options=[] if actor.is_national_admin else sel.agency_options(actor, purpose="dispose"),
            heading="" if actor.is_national_admin else _("Unit di bawah instansi Anda:"),
        ),
        "page_after": bool(request.GET.get("setelah")),
        "selected": set(bulk_form.data.getlist("reports")) if bulk_form is not None else set(),
        "bulk_result": request.session.pop(BULK_RESULT, None) if bulk_form is None else None,
    }
    target = request.headers.get("HX-Target", "") if request.headers.get("HX-Request") else ""
    if target == "inbox-rows":
        return render(request, "console/_inbox_rows.html", context)
    counts = sel.console_counts(actor, direct=filters.direct)
    context["tabs"] = _tabs(filters, counts)
    if target == "inbox-results":
        return render(request, "console/_inbox_results.html", context)
    return render(request, "console/inbox.html", context, status=status)


@console_view
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    q = (request.GET.get("q") or "").strip().lstrip("#")
    if q.isdigit() and tracking_id_is_valid(q):
        return redirect("console:report", tracking_id=q)
    return _inbox(request)


@console_view
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    """One action on the ticked rows; each report in its own transaction; a summary back on the inbox.
    The form posts to this URL with the inbox's query string, so a refused form re-renders the same inbox.
    """
    actor = request.actor
    form = BulkForm(request.POST, actor=actor)
    if form.is_valid():
        try:
            outcomes = bulk_apply(
                actor=actor,
                tracking_ids=form.cleaned_data["reports"],
                action=form.cleaned_data["action"],
                agency=form.cleaned_data.get("agency_obj"),
                classification=form.cleaned_data.get("classification") or None,
            )
        except ApplicationError as exc:
            add_service_error(form, exc, {"agency": "agency_q", "reports": "reports"})
        else:
            request.session[BULK_RESULT] = {
                "action": form.cleaned_data["action"],
                "agency": form.cleaned_data["agency_obj"].name if form.cleaned_data.get("agency_obj") else "",
                "done": [o.tracking_id for o in outcomes if o.ok],
                "refused": [{"tid": o.tracking_id, "why": o.message} for o in outcomes if not o.ok],
            }
            query = request.GET.urlencode()
            return redirect(reverse("console:inbox") + (f"?{query}" if query else ""))
    return _inbox(request, bulk_form=form)
