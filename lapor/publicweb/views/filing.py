"""Filing a report on the web: write (step 1) → check, choose privacy, contact and files (step 2) → sent.

Without JavaScript every step is a plain form post: the region cascade and the category search re-render the
form with the next choices. With htmx the same endpoints fill the ``<select>``s in place.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET, require_http_methods

from lapor.core.errors import ApplicationError
from lapor.publicweb import selectors as sel
from lapor.publicweb.forms import REGION_FIELDS, PrivacyContactForm, ReportForm, check_uploads
from lapor.publicweb.views._common import load_report, private_headers, remember_token, request_actor
from lapor.publicweb.views.public import classification_guide
from lapor.reports.choices import Channel
from lapor.reports.services import report_submit
from lapor.reports.services.attachments import attachment_add

REGION_LABELS = {
    "provinsi": _l("— Pilih provinsi —"),
    "kabkota": _l("— Pilih kabupaten/kota —"),
    "kecamatan": _l("— Pilih kecamatan —"),
    "desa": _l("— Pilih kelurahan/desa —"),
}


def _region_levels(data) -> list[dict]:
    """The four region selects for the current choices: each level lists the children of the one above it;
    a choice that does not belong under its parent is dropped (and everything below it)."""
    levels = []
    parent: str | None = None
    valid = True
    for index, name in enumerate(REGION_FIELDS):
        options = sel.region_children(parent) if (parent or name == "provinsi") and valid else []
        chosen = (data.get(name) or "").strip() if data else ""
        if chosen not in {r.code for r in options}:
            chosen = ""
        following = REGION_FIELDS[index + 1] if index + 1 < len(REGION_FIELDS) else ""
        levels.append({"name": name, "options": options, "selected": chosen, "next": following})
        valid = bool(chosen)
        parent = chosen or None
    return levels


def _write_context(request: HttpRequest, form: ReportForm, *, show_errors: bool) -> dict:
    data = form.data if form.is_bound else form.initial
    category = (data.get("category") or "").strip()
    keep = int(category) if category.isdigit() and len(category) < 10 else None
    query = sel.clean_query(data.get("category_q"), 80)
    return {
        "step": "write",
        "form": form,
        "show_errors": show_errors,
        "levels": _region_levels(data),
        "region_labels": REGION_LABELS,
        "category_groups": sel.category_groups(query, keep=keep),
        "category_selected": keep,
        "category_q": query,
        "classifications": classification_guide(),
        "classification": data.get("classification") or "pengaduan",
        "intake_token": data.get("intake_token") or str(uuid.uuid4()),
    }


def _check_context(request: HttpRequest, form: ReportForm, contact: PrivacyContactForm, upload_errors=()) -> dict:
    d = form.cleaned_data
    region = d.get("region")
    return {
        "step": "check",
        "form": form,
        "contact": contact,
        "upload_errors": list(upload_errors),
        "d": d,
        "region_names": [r.name for r in sel.region_chain(region.code)] if region else [],
        "classification_label": dict((c["value"], c["label"]) for c in classification_guide())[d["classification"]],
        "similar": sel.similar_open_reports(
            title=d["title"],
            body=d["body"],
            region_code=region.code if region else "",
            category_id=d["category"].pk if d.get("category") else None,
        ),
        "hidden": [(name, form.data.get(name, "")) for name in ReportForm.base_fields if name != "category_q"],
        "intake_token": d["intake_token"],
    }


@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = {"classification": "pengaduan", "intake_token": str(uuid.uuid4())}
        for name in ("category", *REGION_FIELDS):
            value = (request.GET.get(name) or "")[:13]
            if value:
                initial[name] = value
        return render(
            request,
            "publicweb/report_new.html",
            _write_context(request, ReportForm(initial=initial), show_errors=False),
        )

    step = request.POST.get("step", "")
    form = ReportForm(request.POST)
    if step not in ("check", "submit"):
        # "edit", the region and category refresh buttons (no JavaScript): show step 1 again, keep everything.
        return render(request, "publicweb/report_new.html", _write_context(request, form, show_errors=False))
    if not form.is_valid():
        return render(request, "publicweb/report_new.html", _write_context(request, form, show_errors=True), status=400)
    if step == "check":
        contact = PrivacyContactForm(user=request.user)
        return render(request, "publicweb/report_new.html", _check_context(request, form, contact))

    contact = PrivacyContactForm(request.POST, user=request.user)
    files, upload_errors = check_uploads(request.FILES.getlist("attachments"))
    if not contact.is_valid() or upload_errors:
        context = _check_context(request, form, contact, upload_errors)
        return render(request, "publicweb/report_new.html", context, status=400)
    d, c = form.cleaned_data, contact.cleaned_data
    actor = request_actor(request)
    try:
        with transaction.atomic():
            result = report_submit(
                actor=actor,
                channel=Channel.WEB,
                title=d["title"],
                body=d["body"],
                classification=d["classification"],
                category_id=d["category"].pk if d["category"] else None,
                region_code=d["region"].code if d["region"] else None,
                address=d["address"],
                is_anonymous=c["is_anonymous"],
                is_secret=c["is_secret"],
                reporter_name=c["name"],
                reporter_phone=c["phone"],
                reporter_email=c["email"],
                intake_key=f"web:{d['intake_token']}",
            )
            if result.created:
                for name, data in files:
                    attachment_add(report=result.report, actor=actor, data=data, filename=name, skip_permission=True)
    except ApplicationError as exc:
        contact.add_error(None, exc.message)
        return render(request, "publicweb/report_new.html", _check_context(request, form, contact), status=400)
    report = result.report
    remember_token(request, report.tracking_id, report.access_token)
    return redirect("publicweb:report_sent", tracking_id=report.tracking_id)


@require_GET
def report_sent(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The confirmation: tracking ID, the private link and what happens next (only for the browser that filed
    it, or anyone holding the private token)."""
    viewer = load_report(request, tracking_id, token=request.GET.get("t"))
    if not viewer.is_reporter or viewer.token is None:
        raise Http404
    report = viewer.report
    link = request.build_absolute_uri(reverse("publicweb:report_detail", args=[report.tracking_id]))
    response = render(
        request,
        "publicweb/report_sent.html",
        {
            "report": report,
            "private_link": f"{link}?t={viewer.token}",
            "steps": sel.next_steps(report),
            "classification_hk": next(c["hk"] for c in classification_guide() if c["value"] == report.classification),
            "attachment_count": report.attachments.count(),
        },
    )
    return private_headers(response, private=True)


# --- htmx fragments -------------------------------------------------------------------------------------------
@require_GET
def region_options(request: HttpRequest) -> HttpResponse:
    """``<option>``s for the level below the deepest region given (``?provinsi=53`` → its kabupaten/kota), and
    empty lower selects swapped out-of-band so a changed province clears the old kecamatan."""
    parent, child_index = None, 0
    for index, name in enumerate(REGION_FIELDS[:-1]):
        if name in request.GET:
            parent, child_index = (request.GET.get(name) or "").strip()[:13], index + 1
    child = REGION_FIELDS[child_index]
    options = sel.region_children(parent) if (parent or child == "provinsi") else []
    lower = REGION_FIELDS[child_index + 1 :]
    return render(
        request,
        "publicweb/_region_options.html",
        {"options": options, "child": child, "lower": lower, "labels": REGION_LABELS, "oob": True},
    )


@require_GET
def category_options(request: HttpRequest) -> HttpResponse:
    """``<optgroup>``s of the categories matching ``category_q`` (the current choice is kept)."""
    query = sel.clean_query(request.GET.get("category_q"), 80)
    raw = (request.GET.get("category") or "").strip()
    keep = int(raw) if raw.isdigit() and len(raw) < 10 else None
    groups = sel.category_groups(query, keep=keep)
    return render(
        request,
        "publicweb/_category_options.html",
        {"category_groups": groups, "category_selected": keep, "category_q": query},
    )
