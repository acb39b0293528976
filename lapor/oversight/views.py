"""Staff pages under ``/dasbor/``: dashboards, the drill-down list, exports, imports and the monthly report.

parse → permission → selector or service → render. Anonymous visitors go to the login page; staff without a
dashboard role get 403; an agency outside the viewer's subtree (or a job that is not theirs) gets 404.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.core import clock
from lapor.core.errors import NotFound
from lapor.oversight import tasks
from lapor.oversight.choices import ExportFormat, ImportStatus, JobStatus
from lapor.oversight.criteria import CRITERION_LABELS
from lapor.oversight.exports import csv_stream, export_path, lapor_date, write_xlsx
from lapor.oversight.forms import ImportMappingForm, ImportUploadForm
from lapor.oversight.imports import import_map, import_upload
from lapor.oversight.models import ExportJob, ImportBatch
from lapor.oversight.monthly import monthly_figures, previous_month
from lapor.oversight.permissions import (
    IMPORT_ROLES,
    ancestors_of,
    can_import,
    can_view_dashboards,
    dashboard_agency,
    dashboard_paths,
)
from lapor.oversight.presenters import month_label, present, present_page
from lapor.oversight.rollup import month_add
from lapor.oversight.selectors import Period, drilldown, figures_for, parse_month, period_from
from lapor.oversight.services import export_job_create, export_queryset_for
from lapor.privacy.policy import reports_in_scope_of
from lapor.reports.states import STATUS_COLOURS

PAGE = 50
INLINE_EXPORT_ROWS = 5000
INLINE_IMPORT_BYTES = 2 * 1024 * 1024


def staff_view(view):
    """Login required, then a dashboard role (403 otherwise); passes the request's :class:`Actor`."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        actor = Actor.for_user(request.user)
        if not can_view_dashboards(actor):
            raise PermissionDenied
        return view(request, actor, *args, **kwargs)

    return wrapper


def _query(params: dict) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return urlencode(clean, doseq=True)


def _links(name: str, agency: Agency, period_params: dict[str, str]):
    base = {"instansi": agency.code, **period_params}

    def link(**params) -> str:
        merged = {**base, **params}
        return f"{reverse(name)}?{_query(merged)}"

    return link


@require_GET
@staff_view
def dashboard(request: HttpRequest, actor: Actor, code: str | None = None) -> HttpResponse:
    agency = dashboard_agency(actor, code)
    if agency is None:
        raise Http404
    period = period_from(request.GET)
    fig = figures_for(agency, period, public=False)

    def agency_link(child: str) -> str:
        return f"{reverse('oversight:agency', args=[child])}?{_query(period.params)}"

    context = present_page(
        fig,
        link=_links("oversight:reports", agency, period.params),
        agency_link=agency_link,
        public=False,
        kind="dashboard",
    )
    ancestors = [a for a in ancestors_of(agency) if any(a.path.startswith(p) for p in dashboard_paths(actor))]
    context.update(
        {
            "agency": agency,
            "ancestors": ancestors,
            "period": period,
            "export_query": _query({"instansi": agency.code, **period.params}),
            "monthly_url": reverse(
                "oversight:monthly", args=[agency.code, f"{previous_month(clock.now().date()):%Y-%m}"]
            ),
            "can_import": can_import(actor, agency),
            "other_scopes": _other_scopes(actor, agency),
        }
    )
    return render(request, "oversight/dashboard.html", context)


def _other_scopes(actor: Actor, agency: Agency) -> list[Agency]:
    paths = dashboard_paths(actor)
    if len(paths) < 2:
        return []
    return list(Agency.objects.filter(path__in=paths).exclude(pk=agency.pk).order_by("name"))


def _filters_text(params) -> list[str]:
    out = []
    for name in params.getlist("kriteria"):
        out.append(str(CRITERION_LABELS.get(name, name)))
    for key in ("status", "kanal", "klasifikasi", "kategori", "wilayah", "nilai", "umur"):
        if params.get(key):
            out.append(f"{key}: {params.get(key)}")
    return out


@require_GET
@staff_view
def report_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The reports behind a figure, within the viewer's rights (no reporter identity is shown here)."""
    agency = dashboard_agency(actor, request.GET.get("instansi"))
    if agency is None:
        raise Http404
    period = period_from(request.GET) if request.GET.get("dari") or request.GET.get("sampai") else None
    qs = drilldown(reports_in_scope_of(actor), agency=agency, period=period, params=request.GET)
    try:
        page = max(1, int(request.GET.get("hal", "1")))
    except ValueError:
        page = 1
    rows = list(
        qs.select_related("owner_agency")
        .only("tracking_id", "title", "status", "submitted_at", "channel", "owner_agency__name", "owner_agency__code")
        .order_by("-submitted_at", "-pk")[(page - 1) * PAGE : page * PAGE + 1]
    )
    params = request.GET.copy()
    params.pop("hal", None)
    query = params.urlencode()
    return render(
        request,
        "oversight/report_list.html",
        {
            "agency": agency,
            "period": period,
            "reports": rows[:PAGE],
            "has_next": len(rows) > PAGE,
            "page": page,
            "query": query,
            "filters": _filters_text(request.GET),
            "status_colours": STATUS_COLOURS,
            "dashboard_url": reverse("oversight:agency", args=[agency.code])
            + (f"?{_query(period.params)}" if period else ""),
        },
    )


@require_GET
@staff_view
def export(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Export the same reports the drill-down list shows: CSV streams; Excel is written at once for small
    exports and in the background (with a progress page) for big ones.
    """
    fmt = request.GET.get("format", ExportFormat.XLSX)
    try:
        agency, qs = export_queryset_for(actor, request.GET)
    except NotFound as exc:
        raise Http404 from exc
    stamp = clock.now().strftime("%Y%m%d")
    if fmt == ExportFormat.CSV:
        response = StreamingHttpResponse(
            csv_stream(qs, actor=actor, agency=agency), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="laporan-{agency.code}-{stamp}.csv"'
        return response
    if qs[: INLINE_EXPORT_ROWS + 1].count() <= INLINE_EXPORT_ROWS:
        import io

        buffer = io.BytesIO()
        write_xlsx(buffer, qs, actor=actor, title=_title(request), agency=agency)
        buffer.seek(0)
        return FileResponse(
            buffer,
            as_attachment=True,
            filename=f"laporan-{agency.code}-{stamp}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    params = {k: request.GET.getlist(k) if len(request.GET.getlist(k)) > 1 else request.GET[k] for k in request.GET}
    params["judul"] = _title(request)
    job = export_job_create(actor=actor, params=params, fmt=ExportFormat.XLSX)
    tasks.export_job_task(job.pk)
    return redirect("oversight:export_job", token=job.token)


def _title(request: HttpRequest) -> str:
    return (request.GET.get("judul") or _("Daftar Laporan"))[:120]


def _own_job(actor: Actor, token: str) -> ExportJob:
    job = ExportJob.objects.filter(token=token, created_by=actor.user).first()
    if job is None:
        raise Http404
    return job


@require_GET
@staff_view
def export_job(request: HttpRequest, actor: Actor, token: str) -> HttpResponse:
    job = _own_job(actor, token)
    running = job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
    response = render(request, "oversight/export_job.html", {"job": job, "running": running})
    if running:
        response["Refresh"] = "2"  # the page reloads itself until the file is ready (no script needed)
    return response


@require_GET
@staff_view
def export_download(request: HttpRequest, actor: Actor, token: str) -> HttpResponse:
    job = _own_job(actor, token)
    if job.status != JobStatus.DONE:
        raise Http404
    path = export_path(job.token, job.format)
    if not path.exists():
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"laporan-{lapor_date(job.created_at.date()).replace(' ', '-')}.{job.format}",
    )


# --- imports -----------------------------------------------------------------------------------------------------


def _import_agencies(actor: Actor) -> list[Agency]:
    paths = [s.agency_path for s in actor.scopes if s.role in IMPORT_ROLES]
    return list(Agency.objects.filter(path__in=paths).order_by("name"))


@require_http_methods(["GET", "POST"])
@staff_view
def import_start(request: HttpRequest, actor: Actor) -> HttpResponse:
    agencies = _import_agencies(actor)
    if not agencies:
        raise PermissionDenied
    form = ImportUploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        batch = import_upload(actor=actor, agency=form.cleaned_data["agency"], uploaded=form.cleaned_data["file"])
        if form.cleaned_data["file"].size <= INLINE_IMPORT_BYTES:
            from lapor.oversight.imports import import_validate

            import_validate(batch.pk)
        else:
            tasks.import_validate_task(batch.pk)
        return redirect("oversight:import_batch", token=batch.token)
    recent = ImportBatch.objects.filter(created_by=actor.user).order_by("-created_at")[:10]
    return render(request, "oversight/import_start.html", {"form": form, "recent": recent})


def _own_batch(actor: Actor, token: str) -> ImportBatch:
    batch = ImportBatch.objects.select_related("agency").filter(token=token, created_by=actor.user).first()
    if batch is None or not can_import(actor, batch.agency):
        raise Http404
    return batch


@require_http_methods(["GET", "POST"])
@staff_view
def import_batch(request: HttpRequest, actor: Actor, token: str) -> HttpResponse:
    if not any(s.role in IMPORT_ROLES for s in actor.scopes):
        raise PermissionDenied
    batch = _own_batch(actor, token)
    mapping_form = None
    if batch.status == ImportStatus.REVIEW:
        mapping_form = ImportMappingForm(request.POST or None, batch=batch)
    if request.method == "POST":
        action = request.POST.get("aksi")
        if action == "petakan" and mapping_form is not None and mapping_form.is_valid():
            agencies, categories = mapping_form.mapping()
            import_map(batch=batch, agencies=agencies, categories=categories)
            from lapor.oversight.imports import import_validate

            import_validate(batch.pk)
            return redirect("oversight:import_batch", token=batch.token)
        if action == "impor" and batch.status == ImportStatus.READY:
            tasks.import_apply_task(batch.pk)
            return redirect("oversight:import_batch", token=batch.token)
    running = batch.status in (ImportStatus.UPLOADED, ImportStatus.VALIDATING, ImportStatus.IMPORTING)
    response = render(
        request,
        "oversight/import_batch.html",
        {"batch": batch, "mapping_form": mapping_form, "running": running, "statuses": ImportStatus},
    )
    if running:
        response["Refresh"] = "2"
    return response


# --- monthly report ----------------------------------------------------------------------------------------------


@require_GET
@staff_view
def monthly(request: HttpRequest, actor: Actor, code: str, month: str) -> HttpResponse:
    agency = dashboard_agency(actor, code)
    first = parse_month(month)
    if agency is None or first is None:
        raise Http404
    fig, before = monthly_figures(agency, first)
    period_params = {"dari": month, "sampai": month}

    def agency_link(child: str) -> str:
        return reverse("oversight:monthly", args=[child, month])

    link = _links("oversight:reports", agency, period_params)
    context = present(fig, link=link, agency_link=agency_link, public=False)
    # the trend shows the twelve months up to this one
    trend = figures_for(agency, Period(month_add(first, -11), first), public=False, league=False)
    trend_context = present(trend, link=link, agency_link=agency_link, public=False)
    context.update(
        {
            "trend_chart": trend_context["trend_chart"],
            "trend_rows": trend_context["trend_rows"],
            "agency": agency,
            "month": first,
            "before": before,
            "before_rates": before.rates,
            "month_text": month_label(first),
            "prev_url": reverse("oversight:monthly", args=[code, _shift(first, -1)]),
            "next_url": reverse("oversight:monthly", args=[code, _shift(first, 1)]),
        }
    )
    return render(request, "oversight/monthly.html", context)


def _shift(month: dt.date, n: int) -> str:
    return f"{month_add(month, n):%Y-%m}"
