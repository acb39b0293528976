"""Public statistics and open data under ``/statistik/`` (no login): the same figures as the dashboards, counted
only over what the public may see (never a secret report, never an identity), as a page, JSON and CSV, plus the
daily dataset of published reports.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from lapor.agencies.models import Agency
from lapor.oversight.criteria import CRITERION_LABELS
from lapor.oversight.opendata import CSV_TABLES, dataset_manifest, figures_csv, figures_json, opendata_dir
from lapor.oversight.permissions import agency_lookup, ancestors_of
from lapor.oversight.presenters import present_page
from lapor.oversight.selectors import drilldown, figures_for, period_from, refresh_seconds
from lapor.privacy.policy import public_reports
from lapor.reports.services._base import root_agency

PAGE = 20
DATASET_NAME = re.compile(r"^laporan-publik-\d{4}-\d{2}-\d{2}\.(csv|json)\.gz$")


def _scope(request: HttpRequest) -> Agency:
    code = request.GET.get("instansi")
    if not code:
        return root_agency()
    agency = agency_lookup(code)
    if agency is None or not agency.active:
        raise Http404
    return agency


def _query(params: dict) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")}, doseq=True)


def _public_figures(request: HttpRequest):
    agency = _scope(request)
    period = period_from(request.GET)
    return agency, period, figures_for(agency, period, public=True)


@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    agency, period, fig = _public_figures(request)
    base = {"instansi": agency.code, **period.params}

    def link(**params) -> str:
        return f"{reverse('opendata:reports')}?{_query({**base, **params})}"

    def agency_link(code: str) -> str:
        return f"{reverse('opendata:stats')}?{_query({'instansi': code, **period.params})}"

    context = present_page(fig, link=link, agency_link=agency_link, public=True, kind="public")
    query = _query(base)
    context.update(
        {
            "agency": agency,
            "ancestors": list(ancestors_of(agency)),
            "period": period,
            "json_url": f"{reverse('opendata:data_json')}?{query}",
            "csv_url": f"{reverse('opendata:data_csv')}?{query}",
            "csv_tables": CSV_TABLES,
            "query": query,
            "refresh_minutes": max(1, refresh_seconds() // 60),
            "manifest": dataset_manifest(),
        }
    )
    return render(request, "oversight/public_stats.html", context)


@require_GET
@cache_control(public=True, max_age=60)
def data_json(request: HttpRequest) -> JsonResponse:
    _agency, _period, fig = _public_figures(request)
    base_url = getattr(settings, "LAPOR_BASE_URL", "").rstrip("/")
    response = JsonResponse(figures_json(fig, base_url=base_url), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@cache_control(public=True, max_age=60)
def data_csv(request: HttpRequest) -> HttpResponse:
    table = request.GET.get("tabel", "ringkasan")
    if table not in CSV_TABLES:
        raise Http404
    agency, _period, fig = _public_figures(request)
    response = HttpResponse(figures_csv(fig, table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistik-{agency.code}-{table}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    """The published reports behind a public figure (redacted titles, never a secret report)."""
    agency = _scope(request)
    period = period_from(request.GET) if request.GET.get("dari") or request.GET.get("sampai") else None
    qs = drilldown(public_reports(), agency=agency, period=period, params=request.GET)
    try:
        page = max(1, int(request.GET.get("hal", "1")))
    except ValueError:
        page = 1
    rows = list(
        qs.select_related("owner_agency", "category")
        .defer("body_original", "body_public", "reporter_name", "reporter_phone", "reporter_email")
        .order_by("-submitted_at", "-pk")[(page - 1) * PAGE : page * PAGE + 1]
    )
    from lapor.privacy.redaction import redact

    for r in rows:
        r.title = redact(r.title).text
    params = request.GET.copy()
    params.pop("hal", None)
    filters = [str(CRITERION_LABELS.get(n, n)) for n in request.GET.getlist("kriteria")]
    period_params = period.params if period else {}
    return render(
        request,
        "oversight/public_report_list.html",
        {
            "agency": agency,
            "period": period,
            "reports": rows[:PAGE],
            "has_next": len(rows) > PAGE,
            "page": page,
            "query": params.urlencode(),
            "filters": filters,
            "stats_url": f"{reverse('opendata:stats')}?{_query({'instansi': agency.code, **period_params})}",
        },
    )


@require_GET
def api_doc(request: HttpRequest) -> HttpResponse:
    example = f"{reverse('opendata:data_json')}?{_query({'dari': '2026-01', 'sampai': '2026-06'})}"
    return render(
        request,
        "oversight/public_api.html",
        {"csv_tables": CSV_TABLES, "example": example, "refresh_minutes": max(1, refresh_seconds() // 60)},
    )


@require_GET
def datasets(request: HttpRequest) -> HttpResponse:
    manifest = dataset_manifest() or {"files": [], "latest": None}
    if request.GET.get("format") == "json":
        return JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    return render(
        request, "oversight/public_datasets.html", {"manifest": manifest, "manifest_json": json.dumps(manifest)}
    )


@require_GET
def dataset_file(request: HttpRequest, name: str) -> FileResponse:
    if not DATASET_NAME.match(name):
        raise Http404
    path = opendata_dir() / name
    if not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type="application/gzip")
