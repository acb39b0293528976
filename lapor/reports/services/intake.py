"""Filing a report, whichever door it comes through (web, SMS, WhatsApp, e-mail, walk-in, API)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType
from lapor.core import clock, rows
from lapor.core.errors import PermissionDenied, ValidationFailed
from lapor.core.memo import ttl_memo
from lapor.privacy.redaction import redact
from lapor.reference.models import Category, Region
from lapor.reports.choices import Channel, Classification, EventKind
from lapor.reports.models import Report, ReportEvent
from lapor.reports.services._base import VERIFY_HK, notify_reporter, record_event, root_agency
from lapor.reports.states import Status
from lapor.reports.tracking import SEQUENCE_NAME as TRACKING_SEQUENCE
from lapor.reports.tracking import tracking_id_for, tracking_sequence_next
from lapor.sla.clocks import VERIFY, clock_start
from lapor.sla.selectors import calendar_for

TITLE_MAX = 200
BODY_MIN = 10
BODY_MAX = 10_000
_PHONE_CLEAN = re.compile(r"[\s().-]")


@dataclass(frozen=True)
class SubmitResult:
    report: Report
    created: bool


@ttl_memo(60, maxsize=20_000)
def _category_active(pk: int) -> bool:
    return Category.objects.filter(pk=pk, active=True).exists()


@ttl_memo(3600, maxsize=100_000)
def _region_exists(code: str) -> bool:
    return Region.objects.filter(pk=code).exists()


def normalise_phone(raw: str) -> str:
    """``0812-3456-7890``, ``62812…`` and ``+62 812…`` all become ``+628123456789 0``-style E.164."""
    phone = _PHONE_CLEAN.sub("", raw or "")
    if not phone:
        return ""
    if phone.startswith("+"):
        digits = phone[1:]
    elif phone.startswith("62"):
        digits = phone
    elif phone.startswith("0"):
        digits = "62" + phone[1:]
    else:
        digits = phone
    if not digits.isdigit() or not 8 <= len(digits) <= 15:
        raise ValidationFailed(_("Nomor telepon tidak valid: %(phone)s") % {"phone": raw}, extra={"field": "phone"})
    return "+" + digits


def _title_from(body: str) -> str:
    words = " ".join(body.split())
    return words if len(words) <= 80 else words[:77].rsplit(" ", 1)[0] + "…"


def _coordinate(value, low: int, high: int, field: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation as exc:
        raise ValidationFailed(_("Koordinat tidak valid."), extra={"field": field}) from exc
    if not low <= number <= high:
        raise ValidationFailed(_("Koordinat di luar jangkauan."), extra={"field": field})
    return number


def _validate(
    *,
    title: str,
    body: str,
    classification: str,
    channel: str,
    is_anonymous: bool,
    reporter_name: str,
    reporter_phone: str,
    reporter_email: str,
    actor: Actor,
) -> None:
    if len(body) < BODY_MIN:
        raise ValidationFailed(
            _("Isi laporan terlalu pendek: tulis minimal %(n)d karakter.") % {"n": BODY_MIN}, extra={"field": "body"}
        )
    if len(body) > BODY_MAX:
        raise ValidationFailed(
            _("Isi laporan terlalu panjang: maksimal %(n)d karakter.") % {"n": BODY_MAX}, extra={"field": "body"}
        )
    if len(title) > TITLE_MAX:
        raise ValidationFailed(
            _("Judul terlalu panjang: maksimal %(n)d karakter.") % {"n": TITLE_MAX}, extra={"field": "title"}
        )
    if classification not in Classification.values:
        raise ValidationFailed(
            _("Klasifikasi tidak dikenal: %(value)s") % {"value": classification}, extra={"field": "classification"}
        )
    if channel not in Channel.values:
        raise ValidationFailed(_("Kanal tidak dikenal: %(value)s") % {"value": channel}, extra={"field": "channel"})
    if reporter_email:
        try:
            validate_email(reporter_email)
        except ValidationError as exc:
            raise ValidationFailed(_("Alamat e-mail tidak valid."), extra={"field": "email"}) from exc
    # A citizen's own account is a contact; a staff member entering a walk-in report is not the reporter.
    has_contact = reporter_name or reporter_phone or reporter_email or (actor.kind == "reporter" and actor.user)
    if not is_anonymous and not has_contact:
        raise ValidationFailed(
            _("Laporan tidak anonim memerlukan nama atau kontak pelapor (telepon atau e-mail)."),
            extra={"field": "reporter"},
        )
    if channel == Channel.WALKIN and not actor.is_staff_actor:
        raise PermissionDenied(_("Laporan langsung (walk-in) hanya dapat dicatat oleh petugas."))


def report_submit(
    *,
    actor: Actor,
    body: str,
    channel: str,
    title: str = "",
    classification: str = Classification.PENGADUAN,
    category_id: int | None = None,
    region_code: str | None = None,
    address: str = "",
    latitude: object = None,
    longitude: object = None,
    is_anonymous: bool = False,
    is_secret: bool = False,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    intake_agency: Agency | None = None,
    intake_key: str | None = None,
    submitted_at: dt.datetime | None = None,
    acknowledge: bool = True,
) -> SubmitResult:
    """File a report. With ``intake_key`` (a channel's idempotency key, e.g. ``sms:<message id>``) a retry
    returns the report the first attempt created instead of a second one. ``acknowledge=False`` when the channel
    answers the reporter itself (the SMS gateway's reply carries the tracking ID), so they are not told twice.
    """
    body = (body or "").strip()
    title = " ".join((title or "").split()) or _title_from(body)
    reporter_name = " ".join((reporter_name or "").split())[:150]
    reporter_email = (reporter_email or "").strip().lower()
    _validate(
        title=title,
        body=body,
        classification=classification,
        channel=channel,
        is_anonymous=is_anonymous,
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        reporter_email=reporter_email,
        actor=actor,
    )
    phone = normalise_phone(reporter_phone)
    lat = _coordinate(latitude, -90, 90, "latitude")
    lon = _coordinate(longitude, -180, 180, "longitude")

    if intake_key:
        existing = _report_by_intake_key(intake_key)
        if existing is not None:
            return SubmitResult(existing, created=False)
    if category_id is not None and not _category_active(category_id):
        raise ValidationFailed(_("Kategori tidak dikenal atau sudah tidak aktif."), extra={"field": "category"})
    if region_code and not _region_exists(region_code):
        raise ValidationFailed(
            _("Kode wilayah tidak dikenal: %(code)s") % {"code": region_code}, extra={"field": "region"}
        )
    if intake_agency is None and actor.is_staff_actor and channel == Channel.WALKIN:
        intake_agency = Agency.objects.get(pk=actor.scopes[0].agency_id)
    agency = intake_agency or root_agency()
    if channel == Channel.WALKIN and not actor.covers(agency, *Role.values):
        raise PermissionDenied(_("Anda hanya dapat mencatat laporan untuk instansi Anda sendiri."))

    try:
        with transaction.atomic():
            report = _create(
                actor=actor,
                title=title,
                body=body,
                classification=classification,
                category_id=category_id,
                region_code=region_code or None,
                address=(address or "").strip()[:300],
                lat=lat,
                lon=lon,
                channel=channel,
                is_anonymous=is_anonymous,
                is_secret=is_secret,
                reporter_name=reporter_name,
                phone=phone,
                email=reporter_email,
                agency=agency,
                intake_key=intake_key,
                submitted_at=submitted_at or clock.now(),
                acknowledge=acknowledge,
            )
    except IntegrityError:
        if intake_key:
            existing = _report_by_intake_key(intake_key)
            if existing is not None:  # a concurrent first attempt won the race
                return SubmitResult(existing, created=False)
        raise
    return SubmitResult(report, created=True)


def _report_by_intake_key(intake_key: str) -> Report | None:
    """A retry's first report, by the unique index, with SQL worked out once (this runs on every SMS and every
    API submit with a key; a concurrent first attempt is caught by the unique index at insert time instead).
    """
    return rows.get_by(Report, "intake_key", intake_key)


def _create(
    *,
    actor: Actor,
    title: str,
    body: str,
    classification: str,
    category_id: int | None,
    region_code: str | None,
    address: str,
    lat,
    lon,
    channel: str,
    is_anonymous: bool,
    is_secret: bool,
    reporter_name: str,
    phone: str,
    email: str,
    agency: Agency,
    intake_key: str | None,
    submitted_at: dt.datetime,
    acknowledge: bool,
) -> Report:
    report_id, event_id, sequence = _reserve_ids()
    report = Report(
        id=report_id,
        tracking_id=tracking_id_for(sequence),
        access_token=secrets.token_urlsafe(24),
        intake_key=intake_key,
        title=title,
        body_original=body,
        body_public=redact(body, names=[reporter_name]).text,
        classification=classification,
        category_id=category_id,
        region_id=region_code,
        address=address,
        latitude=lat,
        longitude=lon,
        channel=channel,
        is_anonymous=is_anonymous,
        is_secret=is_secret,
        reporter_name=reporter_name,
        reporter_phone=phone,
        reporter_email=email,
        reporter_user=actor.user if actor.kind == "reporter" else None,
        status=Status.SUBMITTED,
        owner_agency=agency,
        intake_agency=agency,
        submitted_at=submitted_at,
        updated_at=submitted_at,
    )
    clock_start(report, VERIFY, start=submitted_at, hk=VERIFY_HK, agency=agency, calendar=calendar_for(agency))
    with rows.batch():  # the report, its outbox rows, timeline entry and audit event: one round trip
        rows.insert(report)
        _record_submission(report, actor, agency, channel, submitted_at, acknowledge, event_id)
    return report


def _record_submission(
    report: Report,
    actor: Actor,
    agency: Agency,
    channel: str,
    submitted_at: dt.datetime,
    acknowledge: bool,
    event_id: int,
) -> None:
    if acknowledge:
        notify_reporter(
            report,
            kind="report.submitted",
            message=_(
                "Laporan Anda diterima dengan nomor %(tid)s. Simpan nomor ini untuk memantau laporan "
                "(SMS: CEK %(tid)s ke 1708)."
            )
            % {"tid": report.tracking_id},
        )
    record_event(
        report=report,
        actor=actor,
        kind=EventKind.SUBMITTED,
        audit_type=AuditEventType.REPORT_SUBMITTED,
        from_status="",
        data={"channel": channel, "agency_id": agency.pk},
        actor_agency_id=agency.pk if actor.is_staff_actor else None,
        at=submitted_at,
        event_id=event_id,
    )


def _reserve_ids() -> tuple[int, int, int]:
    """(report id, timeline event id, tracking sequence number): one query on PostgreSQL."""
    if connection.vendor == "postgresql":
        report_id, event_id, sequence = rows.next_ids(Report, ReportEvent, extra=[TRACKING_SEQUENCE])
    else:
        report_id, event_id = rows.next_ids(Report, ReportEvent)
        sequence = tracking_sequence_next()
    return report_id, event_id, sequence
