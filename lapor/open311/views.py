"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) with mySociety's ``servicerequestupdates``
extension and extended statuses — a thin adapter over the category taxonomy, the report services and the
privacy layer. Secret reports and reporter identities never appear.

``jurisdiction_id`` is optional; when given it is an agency's SMS keyword in lower case (``kotkupang``) and
scopes the call to that agency's subtree. ``api_key`` is an integrator key (``lapor apikey create``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from lapor.agencies.models import Agency
from lapor.core.errors import ApplicationError
from lapor.integrations.models import ApiKey
from lapor.integrations.services import actor_for_key, apikey_authenticate
from lapor.open311.formats import FORMATS, error, respond
from lapor.privacy.policy import public_reports
from lapor.privacy.redaction import redact
from lapor.reference.models import Category
from lapor.reports import services as rs
from lapor.reports.choices import EventKind, Visibility
from lapor.reports.models import Report, ReportEvent
from lapor.reports.states import Status

MAX_RESULTS = 1000
MAX_SPAN = dt.timedelta(days=90)
CLOSED = frozenset({Status.CLOSED, Status.ARCHIVED})
# Our states → mySociety extended statuses (lower case in requests, upper case in updates).
EXTENDED = {
    Status.SUBMITTED: "open",
    Status.VERIFIED: "open",
    Status.PENDING_INFO: "investigating",
    Status.DISPOSED: "in_progress",
    Status.RETURNED: "internal_referral",
    Status.IN_PROGRESS: "in_progress",
    Status.FOLLOWED_UP: "action_scheduled",
    Status.CLOSED: "closed",
    Status.ARCHIVED: "no_further_action",
}
UPDATE_KINDS = [
    EventKind.DISPOSED,
    EventKind.INTERNAL_DISPOSED,
    EventKind.RETURNED,
    EventKind.FOLLOWED_UP,
    EventKind.CLOSED,
    EventKind.AUTO_CLOSED,
]
ATTRIBUTES = [
    {
        "variable": True,
        "code": "klasifikasi",
        "datatype": "singlevaluelist",
        "required": False,
        "order": 1,
        "datatype_description": "",
        "description": "Klasifikasi laporan",
        "values": [
            {"key": "aspirasi", "name": "Aspirasi"},
            {"key": "permintaan_informasi", "name": "Permintaan informasi"},
            {"key": "pengaduan", "name": "Pengaduan"},
            {"key": "pengaduan_pengawasan", "name": "Pengaduan berkadar pengawasan"},
        ],
    },
    {
        "variable": True,
        "code": "anonim",
        "datatype": "singlevaluelist",
        "required": False,
        "order": 2,
        "datatype_description": "",
        "description": "Sembunyikan identitas pelapor dari instansi dan publik",
        "values": [{"key": "0", "name": "Tidak"}, {"key": "1", "name": "Ya"}],
    },
    {
        "variable": True,
        "code": "rahasia",
        "datatype": "singlevaluelist",
        "required": False,
        "order": 3,
        "datatype_description": "",
        "description": "Sembunyikan seluruh laporan dari publik",
        "values": [{"key": "0", "name": "Tidak"}, {"key": "1", "name": "Ya"}],
    },
    {
        "variable": True,
        "code": "judul",
        "datatype": "string",
        "required": False,
        "order": 4,
        "datatype_description": "",
        "description": "Judul laporan",
        "values": [],
    },
]


class Refused(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _fmt(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Refused(404, _("Format tidak dikenal: gunakan .json atau .xml"))
    return fmt


def _params(request: HttpRequest):
    return request.POST if request.method == "POST" else request.GET


def _jurisdiction(request: HttpRequest) -> Agency | None:
    value = (_params(request).get("jurisdiction_id") or "").strip()
    if not value:
        return None
    agency = Agency.objects.filter(sms_keyword__iexact=value, active=True).first()
    if agency is None:
        raise Refused(404, _("jurisdiction_id tidak dikenal: %(j)s") % {"j": value[:64]})
    return agency


def _api_key(request: HttpRequest, jurisdiction: Agency | None) -> ApiKey:
    key = apikey_authenticate(_params(request).get("api_key"))
    if key is None:
        raise Refused(403, _("api_key tidak valid atau sudah dicabut."))
    if jurisdiction is not None and not jurisdiction.path.startswith(key.agency.path):
        raise Refused(403, _("api_key ini tidak berlaku untuk jurisdiction_id tersebut."))
    return key


def _date(value: str | None, name: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Refused(
            400, _("%(n)s harus berformat ISO 8601 (w3c), misalnya 2026-11-23T08:00:00+07:00.") % {"n": name}
        ) from None
    if parsed.tzinfo is None:
        raise Refused(400, _("%(n)s harus memuat zona waktu (Z atau +HH:MM).") % {"n": name})
    return parsed


def handles_refusals(view):
    def wrapper(request, *args, fmt: str = "json", **kwargs):
        try:
            return view(request, *args, fmt=_fmt(fmt), **kwargs)
        except Refused as exc:
            return error(fmt, exc.status, exc.description)
        except ApplicationError as exc:
            status = {403: 403, 404: 404}.get(exc.http_status, 400)
            return error(fmt, status, exc.message)

    wrapper.__name__ = view.__name__
    return wrapper


# --- discovery and services ---------------------------------------------------------------------------------
@require_GET
@handles_refusals
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = settings.LAPOR_BASE_URL.rstrip("/")
    data = {
        "changeset": "2026-11-23T00:00:00Z",
        "contact": "LAPOR! — Pengelola Nasional SP4N",
        "key_service": f"{base}/api/v1/docs (kunci API: lapor apikey create)",
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": f"{base}/open311/v2",
                "changeset": "2026-11-23T00:00:00Z",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return respond(fmt, data, root="discovery", item=None)


def _service(category: Category) -> dict:
    return {
        "service_code": str(category.pk),
        "service_name": category.name,
        "description": category.full_name,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": category.full_name.split(" › ")[0],
    }


@require_GET
@handles_refusals
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    _jurisdiction(request)
    rows = [_service(c) for c in Category.objects.filter(active=True).order_by("full_name")]
    return respond(fmt, rows, root="services", item="service")


@require_GET
@handles_refusals
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    _jurisdiction(request)
    if not code.isdigit() or not Category.objects.filter(pk=int(code), active=True).exists():
        raise Refused(404, _("service_code tidak dikenal: %(c)s") % {"c": code[:20]})
    return respond(fmt, {"service_code": code, "attributes": ATTRIBUTES}, root="service_definition", item=None)


# --- requests --------------------------------------------------------------------------------------------------
def _request_row(report: Report) -> dict:
    category = report.category
    return {
        "service_request_id": report.tracking_id,
        "status": "closed" if report.status in CLOSED else "open",
        "extended_status": EXTENDED[report.status],
        "status_notes": report.get_status_display(),
        "service_name": category.name if category else "",
        "service_code": str(category.pk) if category else "",
        "description": report.body_public,
        "agency_responsible": report.owner_agency.name,
        "service_notice": "",
        "requested_datetime": report.submitted_at.isoformat(),
        "updated_datetime": report.updated_at.isoformat(),
        "expected_datetime": report.completion_due_at.isoformat() if report.completion_due_at else None,
        "address": redact(report.address).text,
        "address_id": report.region_id or "",
        "zipcode": "",
        "lat": float(report.latitude) if report.latitude is not None else None,
        "long": float(report.longitude) if report.longitude is not None else None,
        "media_url": "",
    }


def _scoped(request: HttpRequest):
    qs = public_reports().select_related("owner_agency", "category")
    jurisdiction = _jurisdiction(request)
    if jurisdiction is not None:
        qs = qs.filter(owner_agency__path__startswith=jurisdiction.path)
    return qs


@csrf_exempt
@require_http_methods(["GET", "POST"])
@handles_refusals
def requests_(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    params = request.GET
    qs = _scoped(request)
    ids = [i.strip() for i in (params.get("service_request_id") or "").split(",") if i.strip()]
    if ids:
        qs = qs.filter(tracking_id__in=ids[:MAX_RESULTS])
    else:
        end = _date(params.get("end_date"), "end_date")
        start = _date(params.get("start_date"), "start_date")
        if start and end and end - start > MAX_SPAN:
            raise Refused(400, _("Rentang start_date–end_date maksimal 90 hari."))
        if start is None:
            start = (end or dt.datetime.now(dt.UTC)) - MAX_SPAN
        qs = qs.filter(submitted_at__gte=start)
        if end:
            qs = qs.filter(submitted_at__lte=end)
        if params.get("service_code"):
            codes = [c for c in params["service_code"].split(",") if c.strip().isdigit()]
            qs = qs.filter(category_id__in=codes)
        statuses = {s.strip().lower() for s in (params.get("status") or "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            raise Refused(400, _("status harus open atau closed."))
        if statuses == {"open"}:
            qs = qs.exclude(status__in=CLOSED)
        elif statuses == {"closed"}:
            qs = qs.filter(status__in=CLOSED)
    rows = [_request_row(r) for r in qs.order_by("-submitted_at")[:MAX_RESULTS]]
    return respond(fmt, rows, root="service_requests", item="request")


@require_GET
@handles_refusals
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    report = _scoped(request).filter(tracking_id=request_id[:20]).first()
    if report is None:
        raise Refused(404, _("Permintaan %(id)s tidak ditemukan.") % {"id": request_id[:20]})
    return respond(fmt, [_request_row(report)], root="service_requests", item="request")


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "ya", "yes"}


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    params = request.POST
    jurisdiction = _jurisdiction(request)
    key = _api_key(request, jurisdiction)
    code = (params.get("service_code") or "").strip()
    if not code:
        raise Refused(400, _("service_code wajib diisi."))
    if not code.isdigit() or not Category.objects.filter(pk=int(code), active=True).exists():
        raise Refused(404, _("service_code tidak dikenal: %(c)s") % {"c": code[:20]})
    lat, lon = params.get("lat"), params.get("long")
    address, region = (params.get("address_string") or "").strip(), (params.get("address_id") or "").strip()
    if not ((lat and lon) or address or region):
        raise Refused(400, _("Lokasi wajib: lat dan long, address_string, atau address_id (kode wilayah)."))
    name = " ".join(p for p in (params.get("first_name", ""), params.get("last_name", "")) if p).strip()
    token = secrets.token_hex(8)
    result = rs.report_submit(
        actor=actor_for_key(key),
        channel="open311",
        title=params.get("attribute[judul]", ""),
        body=params.get("description", ""),
        classification=params.get("attribute[klasifikasi]") or "pengaduan",
        category_id=int(code),
        region_code=region or None,
        address=address,
        latitude=lat or None,
        longitude=lon or None,
        is_anonymous=_flag(params.get("attribute[anonim]")),
        is_secret=_flag(params.get("attribute[rahasia]")),
        reporter_name=name,
        reporter_phone=params.get("phone", ""),
        reporter_email=params.get("email", ""),
        intake_agency=jurisdiction or key.agency,
        intake_key=f"open311:{token}",
    )
    row = {
        "service_request_id": result.report.tracking_id,
        "token": token,
        "service_notice": _("Laporan diterima. Batas verifikasi: 3 hari kerja."),
        "account_id": None,
    }
    return respond(fmt, [row], root="service_requests", item="request", status=201)


@require_GET
@handles_refusals
def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    report = Report.objects.filter(intake_key=f"open311:{token[:32]}").only("tracking_id").first()
    if report is None:
        raise Refused(404, _("Token tidak ditemukan."))
    return respond(
        fmt, [{"service_request_id": report.tracking_id, "token": token}], root="service_requests", item="request"
    )


# --- mySociety servicerequestupdates --------------------------------------------------------------------------
@csrf_exempt
@require_http_methods(["GET", "POST"])
@handles_refusals
def updates(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post_update(request, fmt)
    params = request.GET
    start = _date(params.get("start_date"), "start_date") or (dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    end = _date(params.get("end_date"), "end_date")
    reports = _scoped(request)
    events = (
        ReportEvent.objects.filter(
            report__in=reports, kind__in=UPDATE_KINDS, visibility=Visibility.PUBLIC, created_at__gte=start
        )
        .select_related("report")
        .order_by("created_at", "id")
    )
    if end:
        events = events.filter(created_at__lte=end)
    rows = [
        {
            "update_id": str(e.pk),
            "service_request_id": e.report.tracking_id,
            "status": EXTENDED.get(e.to_status, "open").upper(),
            "updated_datetime": e.created_at.isoformat(),
            "description": redact(e.body, names=[e.report.reporter_name]).text,
            "media_url": "",
        }
        for e in events[:MAX_RESULTS]
    ]
    return respond(fmt, rows, root="service_requests_updates", item="request_update")


def _post_update(request: HttpRequest, fmt: str) -> HttpResponse:
    """A connected app posts its agency's update: a follow-up (tindak lanjut); with a closed status it also
    closes the report. The app's key must cover the report's owner.
    """
    params = request.POST
    key = _api_key(request, _jurisdiction(request))
    actor = actor_for_key(key)
    tracking_id = (params.get("service_request_id") or "").strip()
    report = Report.objects.filter(tracking_id=tracking_id[:20]).select_related("owner_agency").first()
    if report is None or not report.owner_agency.path.startswith(key.agency.path):
        raise Refused(404, _("Permintaan %(id)s tidak ditemukan.") % {"id": tracking_id[:20]})
    description = (params.get("description") or "").strip()
    status = (params.get("status") or "").strip().upper()
    report = rs.report_follow_up(report=report, actor=actor, message=description)
    if status in {"CLOSED", "FIXED", "NO_FURTHER_ACTION"}:
        rs.report_close(report=report, actor=actor, note=description[:2000])
    event = report.events.filter(kind=EventKind.FOLLOWED_UP).order_by("-id").first()
    return respond(fmt, [{"update_id": str(event.pk)}], root="service_request_updates", item="request_update")
