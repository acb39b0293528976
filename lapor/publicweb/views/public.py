"""Public pages: the home page, the public list and search, agencies and their figures."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lapor.agencies.choices import AgencyKind
from lapor.publicweb import selectors as sel
from lapor.reports.choices import COMPLETION_HK, Classification
from lapor.reports.states import Status
from lapor.reports.tracking import tracking_id_is_valid

PAGE = sel.PAGE_SIZE


def classification_guide() -> list[dict]:
    """The four classifications in plain words, with their completion limits (DESIGN §4)."""
    from django.utils.translation import gettext as _

    explain = {
        Classification.ASPIRASI: _(
            "Usulan atau saran untuk perbaikan layanan. Contoh: minta lampu jalan dipasang di gang Anda."
        ),
        Classification.INFORMASI: _(
            "Pertanyaan tentang layanan atau kebijakan pemerintah. Contoh: syarat mengurus KTP elektronik."
        ),
        Classification.PENGADUAN: _(
            "Keluhan atas layanan yang buruk atau tidak diberikan. Contoh: jalan rusak lama tidak diperbaiki."
        ),
        Classification.PENGAWASAN: _(
            "Dugaan pelanggaran yang perlu diperiksa di lapangan, misalnya pungutan liar atau penyalahgunaan wewenang."
        ),
    }
    return [
        {"value": c.value, "label": c.label, "explain": explain[c.value], "hk": COMPLETION_HK[c.value]}
        for c in Classification
    ]


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    tracking_id = "".join((request.GET.get("cek") or "").split())[:20]
    if tracking_id:
        return redirect("publicweb:report_detail", tracking_id=tracking_id)
    return render(
        request,
        "publicweb/home.html",
        {
            "counts": sel.public_counts(),
            "reports": sel.public_report_page(limit=5),
            "classifications": classification_guide(),
        },
    )


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    try:
        page = min(max(1, int(request.GET.get("page", "1"))), 500)
    except ValueError:
        page = 1
    f = sel.public_filter_parse(request.GET)
    # A tracking ID typed into the search box leads straight to the report (if the visitor may see it).
    found = f.q and page == 1 and tracking_id_is_valid(f.q)
    if found and sel.public_report_query(sel.PublicFilter(q=f.q)).filter(tracking_id=f.q).exists():
        return redirect("publicweb:report_detail", tracking_id=f.q)
    reports = sel.public_report_page(f=f, limit=PAGE + 1, offset=(page - 1) * PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    provinces = sel.region_children(None)
    chain = [r.code for r in sel.region_chain(f.region.code)] if f.region else []
    province = chain[0] if chain else ""
    context = {
        "reports": reports[:PAGE],
        "has_next": len(reports) > PAGE,
        "page": page,
        "f": f,
        "query": query.urlencode(),
        "statuses": [(s.value, s.label) for s in Status if s != Status.SUBMITTED and s != Status.PENDING_INFO],
        "categories": sel.category_filter_choices(),
        "provinces": provinces,
        "province": province,
        "cities": sel.region_children(province) if province else [],
        "city": chain[1] if len(chain) > 1 else "",
        "filtered": bool(f.q or f.status or f.agency or f.category or f.region),
    }
    if request.headers.get("HX-Request") and request.GET.get("fragment") == "kabkota":
        return render(request, "publicweb/_city_options.html", context)
    return render(request, "publicweb/report_list.html", context)


@require_GET
def agency_list(request: HttpRequest) -> HttpResponse:
    q = sel.clean_query(request.GET.get("q"), 80)
    kind = request.GET.get("jenis") or ""
    if kind not in AgencyKind.values:
        kind = ""
    try:
        page = min(max(1, int(request.GET.get("page", "1"))), 100)
    except ValueError:
        page = 1
    rows = list(sel.agency_search(q, kind)[(page - 1) * 50 : page * 50 + 1])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publicweb/agency_list.html",
        {
            "agencies": rows[:50],
            "has_next": len(rows) > 50,
            "page": page,
            "q": q,
            "kind": kind,
            "kinds": [(k.value, k.label) for k in AgencyKind if k != AgencyKind.NATIONAL],
            "query": query.urlencode(),
        },
    )


@require_GET
def agency_detail(request: HttpRequest, code: str) -> HttpResponse:
    agency = sel.agency_public(code)
    if agency is None:
        raise Http404
    children, ancestors = sel.agency_neighbours(agency)
    f = sel.PublicFilter(agency=agency)
    return render(
        request,
        "publicweb/agency_detail.html",
        {
            "agency": agency,
            "ancestors": ancestors,
            "children": children,
            "figures": sel.agency_figures(agency),
            "reports": sel.public_report_page(f=f, limit=10),
            "list_url": reverse("publicweb:report_list") + f"?instansi={agency.code}",
        },
    )
