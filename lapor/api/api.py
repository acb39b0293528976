"""REST API v1: a thin adapter over the report services and the privacy layer.

Authentication: ``Authorization: Bearer <key>`` (an integrator key from ``lapor apikey create`` acts as the admin
of its agency's subtree; a personal key acts as its user). Without a key, callers are the public: they may file
reports and read what the public may read. Reporters act on their own report with ``X-Report-Token``.
Every POST honours ``Idempotency-Key``. Errors share one shape: ``{"error": {"code", "message", "field",
"details"}}``. OpenAPI: ``/api/v1/openapi.json``; interactive docs: ``/api/v1/docs``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Router, Status
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_find
from lapor.api import schemas as s
from lapor.core.errors import ApplicationError, ValidationFailed
from lapor.integrations import ratelimit
from lapor.integrations.models import ApiKey, IdempotencyRecord
from lapor.integrations.services import actor_for_key, apikey_authenticate
from lapor.privacy.policy import identity_visible, report_for, report_present, reports_visible_to, timeline_for
from lapor.privacy.redaction import redact
from lapor.reference.models import Category, Region
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.services._base import follow_url

ANONYMOUS = "anonymous"
ERRORS = {code: s.ErrorOut for code in (400, 401, 403, 404, 409, 422, 429)}


class BearerKey(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        key = apikey_authenticate(token)
        if key is None:
            raise AuthenticationError(401, _("Kunci API tidak valid atau sudah dicabut."))
        return key


def anonymous(request: HttpRequest) -> str:
    return ANONYMOUS


class KeyRateThrottle(BaseThrottle):
    """Per key (its own rate) or, for anonymous callers, per IP address (LAPOR_API_ANON_RATE per minute): one
    fixed-window counter per caller (:mod:`lapor.integrations.ratelimit`, Redis when configured), no list of
    timestamps and no database write.
    """

    def __init__(self) -> None:
        self._wait: float | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        key = getattr(request, "auth", None)
        if isinstance(key, ApiKey):
            limit, ident = key.rate_per_minute, f"key:{key.prefix}"
        else:
            limit, ident = settings.LAPOR_API_ANON_RATE, f"ip:{self.get_ident(request)}"
        counted = ratelimit.hit(f"api:{ident}", 60)
        if counted.count <= limit:
            return True
        self._wait = counted.reset_in  # sync workers: one request at a time per process
        return False

    def wait(self) -> float | None:
        return self._wait


class LaporAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Every operation also accepts anonymous callers (the public): declare the key as optional."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                if isinstance(operation, dict) and operation.get("security") and {} not in operation["security"]:
                    operation["security"].append({})
        return schema


api = LaporAPI(
    title="LAPOR! REST API",
    version="1.0.0",
    description=__doc__,
    urls_namespace="api-v1",
    auth=[BearerKey(), anonymous],
    throttle=[KeyRateThrottle()],
    openapi_url="/openapi.json",
    docs_url="/docs",
)


def _error(request, status: int, code: str, message: str, field: str | None = None, details=None):
    body = {"error": {"code": code, "message": str(message), "field": field, "details": details or {}}}
    return api.create_response(request, body, status=status)


@api.exception_handler(ApplicationError)
def on_application_error(request, exc: ApplicationError):
    details = {k: v for k, v in exc.extra.items() if k != "field"}
    return _error(request, exc.http_status, exc.code, exc.message, exc.extra.get("field"), details)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc: NinjaValidationError):
    first = exc.errors[0] if exc.errors else {}
    field = ".".join(str(p) for p in first.get("loc", [])[1:]) or None
    return _error(
        request,
        422,
        "invalid_request",
        _("Permintaan tidak valid: %(msg)s") % {"msg": first.get("msg", "")},
        field,
        {"errors": json.loads(json.dumps(exc.errors, default=str))},
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return _error(request, 401, "unauthorized", _("Kunci API tidak valid atau sudah dicabut."))


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 429: "rate_limited"}.get(exc.status_code, "error")
    return _error(request, exc.status_code, code, str(exc))


@api.exception_handler(Throttled)
def on_throttled(request, exc: Throttled):
    response = _error(request, 429, "rate_limited", _("Terlalu banyak permintaan; coba lagi sebentar lagi."))
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait) + 1)
    return response


# --- helpers --------------------------------------------------------------------------------------------------
def actor_of(request: HttpRequest) -> Actor:
    return actor_for_key(request.auth) if isinstance(request.auth, ApiKey) else Actor.public()


def _scope(request: HttpRequest) -> str:
    if isinstance(request.auth, ApiKey):
        return f"key:{request.auth.prefix}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def idempotent(request: HttpRequest, run, *, look_up_first: bool = True):
    """Run ``run() -> Status`` once per ``Idempotency-Key`` (per caller); replay the stored answer to
    retries. A key reused with a different body is a conflict. Errors are not stored (retries run again).

    The answer is stored by one INSERT in the transaction of the action itself, so it exists if and only if the
    action committed; a retry arriving while the first request runs waits on that row's unique key, its whole
    transaction is rolled back and the committed answer replayed. Staff actions look the key up first (a retried
    transition must be replayed, not refused as illegal); a submit (``look_up_first=False``) skips the look-up: a
    first delivery then costs only that INSERT, and a retry files a report that the unique key rolls back.
    """
    key = (request.headers.get("Idempotency-Key") or "").strip()
    if not key:
        return run()
    if len(key) > 200:
        raise ValidationFailed(_("Idempotency-Key terlalu panjang (maksimal 200)."), extra={"field": "Idempotency-Key"})
    scope = _scope(request)
    digest = hashlib.sha256(request.method.encode() + request.path.encode() + request.body).hexdigest()
    if look_up_first:
        stored = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if stored is not None:
            return _replay(stored, digest)
    try:
        with transaction.atomic():
            result = run()
            IdempotencyRecord.objects.create(
                scope=scope,
                key=key,
                request_hash=digest,
                status_code=result.status_code,
                response=json.loads(json.dumps(result.value, default=str)),
            )
    except IntegrityError:
        stored = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if stored is None:
            raise
        return _replay(stored, digest)
    return result


def _replay(record: IdempotencyRecord, digest: str):
    if record.request_hash != digest:
        raise ApplicationError(
            _("Idempotency-Key ini sudah dipakai untuk permintaan lain."),
            code="idempotency_conflict",
            extra={"field": "Idempotency-Key"},
        )
    return Status(record.status_code, record.response)


def _report(request: HttpRequest, tracking_id: str) -> tuple[Report, Actor]:
    token = request.headers.get("X-Report-Token") or None
    actor = actor_of(request)
    report = report_for(actor, tracking_id, token=token)
    if token:
        actor = Actor.reporter(token=token)
    return report, actor


def _ok(report: Report) -> dict:
    report.refresh_from_db()
    return {
        "tracking_id": report.tracking_id,
        "status": report.status,
        "status_label": report.status_label,
        "agency": report.owner_agency.name,
    }


def _agency(value: str, field: str) -> Agency:
    agency = agency_find(value)
    if agency is None:
        raise ValidationFailed(_("Instansi tidak ditemukan: %(v)s") % {"v": value[:64]}, extra={"field": field})
    return agency


def _encode_cursor(report: Report) -> str:
    return base64.urlsafe_b64encode(f"{report.submitted_at.isoformat()}|{report.pk}".encode()).decode()


def _decode_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        at, _sep, pk = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return dt.datetime.fromisoformat(at), int(pk)
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise ValidationFailed(_("Kursor halaman tidak valid."), extra={"field": "cursor"}) from exc


# --- reports -----------------------------------------------------------------------------------------------
reports = Router(tags=["reports"])


@reports.post("", response={201: s.SubmittedOut, **ERRORS}, summary="File a report")
def submit(request, payload: s.ReportIn):
    actor = actor_of(request)
    key = request.auth if isinstance(request.auth, ApiKey) else None

    def run():
        reporter = payload.reporter or s.ReporterIn()
        result = rs.report_submit(
            actor=actor,
            title=payload.title,
            body=payload.body,
            channel="api",
            classification=payload.classification,
            category_id=payload.category,
            region_code=payload.region,
            address=payload.address,
            latitude=payload.latitude,
            longitude=payload.longitude,
            is_anonymous=payload.anonymous,
            is_secret=payload.secret,
            reporter_name=reporter.name,
            reporter_phone=reporter.phone,
            reporter_email=reporter.email,
            intake_agency=key.agency if key else None,
        )
        report = result.report
        body = report_present(Actor.reporter(token=report.access_token), report)
        body.update(follow_token=report.access_token, follow_url=follow_url(report))
        return Status(201, body)

    return idempotent(request, run, look_up_first=False)


@reports.get("", response={200: s.ReportPageOut, **ERRORS}, summary="List reports the caller may see")
def list_reports(
    request,
    status: str | None = None,
    classification: str | None = None,
    category: int | None = Query(None, ge=1, le=2**31 - 1),
    region: str | None = Query(None, max_length=13),
    agency: str | None = Query(None, max_length=64, description="agency code or SMS keyword: its whole subtree"),
    since: dt.datetime | None = None,
    cursor: str | None = Query(None, max_length=200),
    limit: int = Query(50, ge=1, le=200),
):
    qs = reports_visible_to(actor_of(request)).select_related("owner_agency")
    if status:
        qs = qs.filter(status=status)
    if classification:
        qs = qs.filter(classification=classification)
    if category:
        qs = qs.filter(category_id=category)
    if region:
        qs = qs.filter(region__code__startswith=region)
    if agency:
        qs = qs.filter(owner_agency__path__startswith=_agency(agency, "agency").path)
    if since:
        qs = qs.filter(submitted_at__gte=since)
    if cursor:
        at, pk = _decode_cursor(cursor)
        qs = qs.filter(Q(submitted_at__lt=at) | Q(submitted_at=at, pk__lt=pk))
    rows = list(qs.order_by("-submitted_at", "-pk")[: limit + 1])
    public = not isinstance(request.auth, ApiKey)
    items = [
        {
            "tracking_id": r.tracking_id,
            "title": redact(r.title).text if public else r.title,
            "status": r.status,
            "classification": r.classification,
            "agency": r.owner_agency.name,
            "submitted_at": r.submitted_at.isoformat(),
        }
        for r in rows[:limit]
    ]
    return {"items": items, "next_cursor": _encode_cursor(rows[limit - 1]) if len(rows) > limit else None}


@reports.get("/{tracking_id}", response={200: s.ReportOut, **ERRORS}, summary="A report, as the caller may see it")
def get_report(request, tracking_id: str):
    report, actor = _report(request, tracking_id)
    return report_present(actor, report)


@reports.get("/{tracking_id}/timeline", response={200: list[s.EventOut], **ERRORS}, summary="The report's thread")
def get_timeline(request, tracking_id: str):
    report, actor = _report(request, tracking_id)
    events = timeline_for(actor, report)
    names = [] if identity_visible(actor, report) else [report.reporter_name]
    return [
        {
            "at": e.created_at.isoformat(),
            "kind": e.kind,
            "label": str(e.get_kind_display()),
            "body": redact(e.body, names=names).text if names else e.body,
            "agency": e.actor_agency.name if e.actor_agency_id else None,
            "to_agency": e.data.get("to_agency"),
        }
        for e in events
    ]


def _action(request, tracking_id: str, call):
    report, actor = _report(request, tracking_id)
    return idempotent(request, lambda: Status(200, _ok(call(report, actor))))


@reports.post("/{tracking_id}/verify", response={200: s.OkOut, **ERRORS}, summary="Verify (staff)")
def verify(request, tracking_id: str, payload: s.VerifyIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_verify(
            report=r,
            actor=a,
            title=payload.title,
            body_public=payload.body_public,
            classification=payload.classification,
            category_id=payload.category,
            is_anonymous=payload.anonymous,
            is_secret=payload.secret,
        ),
    )


@reports.post("/{tracking_id}/request-info", response={200: s.OkOut, **ERRORS}, summary="Tunda: ask the reporter")
def request_info(request, tracking_id: str, payload: s.QuestionIn):
    return _action(
        request, tracking_id, lambda r, a: rs.report_request_info(report=r, actor=a, question=payload.question)
    )


@reports.post("/{tracking_id}/archive", response={200: s.OkOut, **ERRORS}, summary="Arsip (reason required)")
def archive(request, tracking_id: str, payload: s.ArchiveIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_archive(report=r, actor=a, reason=payload.reason, explanation=payload.explanation),
    )


@reports.post("/{tracking_id}/dispose", response={200: s.OkOut, **ERRORS}, summary="Dispose to an instansi")
def dispose(request, tracking_id: str, payload: s.DisposeIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_dispose(report=r, actor=a, agency=_agency(payload.agency, "agency"), note=payload.note),
    )


@reports.post(
    "/{tracking_id}/dispose-internal", response={200: s.OkOut, **ERRORS}, summary="Internal disposisi down the subtree"
)
def dispose_internal(request, tracking_id: str, payload: s.DisposeIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_dispose_internal(
            report=r, actor=a, agency=_agency(payload.agency, "agency"), note=payload.note
        ),
    )


@reports.post(
    "/{tracking_id}/return",
    response={200: s.OkOut, **ERRORS},
    summary="Bukan wewenang: return with a reason and the rightful owner",
)
def return_report(request, tracking_id: str, payload: s.ReturnIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_return(
            report=r, actor=a, reason=payload.reason, better_agency=_agency(payload.better_agency, "better_agency")
        ),
    )


@reports.post("/{tracking_id}/follow-up", response={200: s.OkOut, **ERRORS}, summary="Tindak lanjut")
def follow_up(request, tracking_id: str, payload: s.MessageIn):
    return _action(request, tracking_id, lambda r, a: rs.report_follow_up(report=r, actor=a, message=payload.message))


@reports.post("/{tracking_id}/close", response={200: s.OkOut, **ERRORS}, summary="Close (selesai)")
def close(request, tracking_id: str, payload: s.CloseIn):
    return _action(request, tracking_id, lambda r, a: rs.report_close(report=r, actor=a, note=payload.note))


@reports.post("/{tracking_id}/reclassify", response={200: s.OkOut, **ERRORS}, summary="Change the classification")
def reclassify(request, tracking_id: str, payload: s.ReclassifyIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_reclassify(
            report=r, actor=a, classification=payload.classification, reason=payload.reason
        ),
    )


@reports.post("/{tracking_id}/notes", response={200: s.OkOut, **ERRORS}, summary="Internal note (staff)")
def add_note(request, tracking_id: str, payload: s.NoteIn):
    def call(r, a):
        rs.report_add_note(report=r, actor=a, note=payload.note)
        return r

    return _action(request, tracking_id, call)


@reports.post("/{tracking_id}/reply", response={200: s.OkOut, **ERRORS}, summary="Reporter's reply (X-Report-Token)")
def reply(request, tracking_id: str, payload: s.MessageIn):
    return _action(request, tracking_id, lambda r, a: rs.report_reply(report=r, actor=a, message=payload.message))


@reports.post(
    "/{tracking_id}/provide-info",
    response={200: s.OkOut, **ERRORS},
    summary="Reporter answers a tunda request (X-Report-Token)",
)
def provide_info(request, tracking_id: str, payload: s.MessageIn):
    return _action(
        request, tracking_id, lambda r, a: rs.report_provide_info(report=r, actor=a, message=payload.message)
    )


@reports.post(
    "/{tracking_id}/dispute", response={200: s.OkOut, **ERRORS}, summary="Tidak puas / reopen (X-Report-Token)"
)
def dispute(request, tracking_id: str, payload: s.DisputeIn):
    return _action(request, tracking_id, lambda r, a: rs.report_dispute(report=r, actor=a, reason=payload.reason))


@reports.post("/{tracking_id}/rate", response={200: s.OkOut, **ERRORS}, summary="Rate 1–5 (X-Report-Token)")
def rate(request, tracking_id: str, payload: s.RateIn):
    return _action(
        request,
        tracking_id,
        lambda r, a: rs.report_rate(report=r, actor=a, rating=payload.rating, comment=payload.comment),
    )


# --- reference ---------------------------------------------------------------------------------------------
reference = Router(tags=["reference"])


@reference.get("/agencies", response={200: list[s.AgencyOut], **ERRORS}, summary="Search agencies")
def agencies(
    request,
    q: str = Query("", max_length=100),
    parent: str | None = Query(None, max_length=64),
    limit: int = Query(50, ge=1, le=500),
):
    qs = Agency.objects.filter(active=True)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__iexact=q) | Q(sms_keyword__iexact=q))
    if parent:
        p = _agency(parent, "parent")
        qs = qs.filter(path__startswith=p.path, depth=p.depth + 1)
    return [
        {
            "id": a.pk,
            "code": a.code,
            "name": a.name,
            "kind": a.kind,
            "sms_keyword": a.sms_keyword,
            "timezone": a.timezone,
        }
        for a in qs.order_by("depth", "name")[:limit]
    ]


@reference.get("/categories", response={200: list[s.CategoryOut], **ERRORS}, summary="The category taxonomy")
def categories(request, q: str = Query("", max_length=100)):
    qs = Category.objects.filter(active=True)
    if q:
        qs = qs.filter(full_name__icontains=q)
    return list(qs.values("id", "name", "full_name", "parent_id", "level")[:2000])


@reference.get(
    "/regions",
    response={200: list[s.RegionOut], **ERRORS},
    summary="Kemendagri regions: provinces, or the children of a region",
)
def regions(request, parent: str | None = Query(None, max_length=13)):
    qs = Region.objects.filter(parent_id=parent) if parent else Region.objects.filter(level=1)
    return [{"code": r.code, "name": r.name, "kind": r.kind, "parent": r.parent_id} for r in qs.order_by("code")]


api.add_router("/reports", reports)
api.add_router("", reference)
