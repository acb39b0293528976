"""Console services: the agency admin's own writes (SMS keyword, units, staff, answer templates), and the
compositions the console offers on top of the report services (verify-and-dispose, a follow-up with
attachments, walk-in intake, bulk actions).

Every report change still goes through :mod:`lapor.reports.services`; these functions only decide what runs
in one transaction. Each raises an :class:`~lapor.core.errors.ApplicationError` and changes nothing on refusal.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency, Membership
from lapor.agencies.services import agency_create, membership_grant, membership_revoke
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.console.conf import ACCOUNT_CHANGED
from lapor.console.models import AnswerTemplate, TemporaryPassword
from lapor.console.otp import may_manage_account
from lapor.core import clock
from lapor.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from lapor.reports import services as rs
from lapor.reports.choices import Channel, EventKind, Visibility
from lapor.reports.models import Report
from lapor.reports.services.attachments import attachment_add

# Words the SMS conversation reads as commands: an agency keyword must never shadow them.
RESERVED_KEYWORDS = frozenset({"CEK", "LAPOR", "INFO", "BANTUAN", "HELP", "REG", "UNREG", "STOP", "BATAL"})
_KEYWORD = re.compile(r"^[A-Z0-9]{3,32}$")
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
# Roles an agency admin may hand out in their subtree; the national ones only the national admin.
AGENCY_GRANTABLE = frozenset({Role.AGENCY_ADMIN, Role.LIAISON, Role.LEADER})
NATIONAL_GRANTABLE = frozenset(Role.values)
UNIT_KINDS = frozenset(set(AgencyKind.values) - {AgencyKind.NATIONAL})
INTAKE_ROLES = (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.LIAISON)


# --- who administers what ---------------------------------------------------------------------------------


def may_administer(actor: Actor, agency: Agency) -> bool:
    """National admins administer every agency; an admin instansi their agency and everything below it."""
    return actor.is_staff_actor and (actor.is_national_admin or actor.covers(agency, Role.AGENCY_ADMIN))


def _administer_assert(actor: Actor, agency: Agency) -> None:
    if not may_administer(actor, agency):
        raise PermissionDenied(_("Anda bukan admin %(agency)s.") % {"agency": agency.name})


# --- the agency itself ------------------------------------------------------------------------------------


@transaction.atomic
def agency_sms_keyword_set(*, actor: Actor, agency: Agency, keyword: str) -> Agency:
    """Set (or clear, with an empty keyword) the word citizens start an SMS with to reach ``agency``."""
    _administer_assert(actor, agency)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    value = (keyword or "").strip().upper() or None
    if value is not None:
        if not _KEYWORD.match(value):
            raise ValidationFailed(
                _("Kata kunci SMS terdiri atas 3–32 huruf atau angka, tanpa spasi."), extra={"field": "sms_keyword"}
            )
        if value in RESERVED_KEYWORDS:
            raise ValidationFailed(
                _("%(kw)s adalah perintah SMS dan tidak dapat dipakai sebagai kata kunci.") % {"kw": value},
                extra={"field": "sms_keyword"},
            )
        if Agency.objects.filter(sms_keyword__iexact=value).exclude(pk=agency.pk).exists():
            raise ValidationFailed(
                _("Kata kunci SMS sudah dipakai instansi lain: %(kw)s") % {"kw": value}, extra={"field": "sms_keyword"}
            )
    previous = agency.sms_keyword
    if previous == value:
        return agency
    agency.sms_keyword = value
    agency.updated_at = clock.now()
    agency.save(update_fields=["sms_keyword", "updated_at"])
    audit_record(
        event_type=AuditEventType.AGENCY_CHANGED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        agency_id=agency.pk,
        extra_data={"op": "sms_keyword", "code": agency.code, "from": previous, "to": value},
    )
    return agency


def agency_unit_create(
    *,
    actor: Actor,
    parent: Agency,
    code: str,
    name: str,
    kind: str,
    region_id: str | None = None,
    sms_keyword: str | None = None,
) -> Agency:
    """Add a unit (dinas, puskesmas, kelurahan…) under ``parent``, which the actor administers."""
    _administer_assert(actor, parent)
    code = (code or "").strip().lower()
    name = " ".join((name or "").split())
    if not _CODE.match(code):
        raise ValidationFailed(
            _("Kode terdiri atas 2–63 huruf kecil, angka atau tanda hubung, contoh: kupang-dinkes."),
            extra={"field": "code"},
        )
    if len(name) < 3 or len(name) > 200:
        raise ValidationFailed(_("Tuliskan nama unit (3–200 karakter)."), extra={"field": "name"})
    if kind not in UNIT_KINDS:
        raise ValidationFailed(_("Pilih jenis unit."), extra={"field": "kind"})
    keyword = (sms_keyword or "").strip().upper() or None
    if keyword is not None and (not _KEYWORD.match(keyword) or keyword in RESERVED_KEYWORDS):
        raise ValidationFailed(
            _("Kata kunci SMS terdiri atas 3–32 huruf atau angka, tanpa spasi."), extra={"field": "sms_keyword"}
        )
    return agency_create(
        parent=parent,
        code=code,
        name=name,
        kind=kind,
        region_id=region_id or None,
        sms_keyword=keyword,
        actor_user_id=actor.user_id,
    )


# --- staff and their roles --------------------------------------------------------------------------------


def grantable_roles(actor: Actor, agency: Agency) -> list[str]:
    """Roles ``actor`` may grant at ``agency``: national roles only at the root and only by the national admin."""
    if not may_administer(actor, agency):
        return []
    if actor.is_national_admin:
        allowed = NATIONAL_GRANTABLE if agency.is_root() else NATIONAL_GRANTABLE - {Role.NATIONAL_ADMIN}
    else:
        allowed = AGENCY_GRANTABLE
    return [r for r in Role.values if r in allowed]


def _grant_assert(actor: Actor, agency: Agency, role: str) -> None:
    _administer_assert(actor, agency)
    if role not in Role.values:
        raise ValidationFailed(_("Peran tidak dikenal: %(role)s") % {"role": role}, extra={"field": "role"})
    if role not in grantable_roles(actor, agency):
        raise PermissionDenied(
            _("Anda tidak dapat memberikan peran %(role)s di %(agency)s.")
            % {"role": Role(role).label, "agency": agency.name},
            extra={"field": "role"},
        )


def staff_find(identifier: str) -> User | None:
    """A user by exact username or e-mail address (case-insensitive); no partial matches, no listing."""
    value = (identifier or "").strip()
    if not value:
        return None
    found = User.objects.filter(username__iexact=value).first()
    if found is None and "@" in value:
        matches = list(User.objects.filter(email__iexact=value)[:2])
        found = matches[0] if len(matches) == 1 else None
    return found


@transaction.atomic
def staff_role_grant(*, actor: Actor, agency: Agency, user: User, role: str) -> Membership:
    _grant_assert(actor, agency, role)
    if not user.is_active:
        raise ValidationFailed(_("Akun ini tidak aktif."), extra={"field": "user"})
    return membership_grant(user=user, agency=agency, role=role, actor_user_id=actor.user_id)


@transaction.atomic
def staff_role_revoke(*, actor: Actor, agency: Agency, user: User, role: str) -> None:
    """End a role. Nobody revokes their own (another admin must), so an agency cannot lose its last admin by a
    slip of the hand.
    """
    _grant_assert(actor, agency, role)
    if user.pk == actor.user_id:
        raise PermissionDenied(_("Anda tidak dapat mencabut peran Anda sendiri; mintalah admin lain."))
    if not Membership.objects.filter(user=user, agency=agency, role=role, active=True).exists():
        raise ValidationFailed(_("Peran ini tidak aktif."), extra={"field": "role"})
    membership_revoke(user=user, agency=agency, role=role, actor_user_id=actor.user_id)


def _temporary_password() -> str:
    # 4 groups of 4 from an alphabet without look-alikes: easy to read out over the phone, ~80 bits.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _i in range(4)) for _g in range(4))


@dataclass(frozen=True)
class NewAccount:
    user: User
    password: str


@transaction.atomic
def staff_account_create(
    *, actor: Actor, agency: Agency, username: str, full_name: str, email: str, role: str
) -> NewAccount:
    """Create a staff account with a role at ``agency`` and a temporary password shown once to the admin; the
    new colleague must choose their own password at first login.
    """
    _grant_assert(actor, agency, role)
    username = (username or "").strip()
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError as exc:
        raise ValidationFailed(
            _("Nama pengguna hanya boleh huruf, angka dan . @ + - _"), extra={"field": "username"}
        ) from exc
    if not 3 <= len(username) <= 150:
        raise ValidationFailed(_("Nama pengguna 3–150 karakter."), extra={"field": "username"})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationFailed(_("Nama pengguna sudah dipakai: %(u)s") % {"u": username}, extra={"field": "username"})
    full_name = " ".join((full_name or "").split())
    if len(full_name) < 3:
        raise ValidationFailed(_("Tuliskan nama lengkap petugas."), extra={"field": "full_name"})
    email = (email or "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationFailed(_("Alamat e-mail tidak valid."), extra={"field": "email"}) from exc
    password = _temporary_password()
    user = User.objects.create_user(username=username, email=email, password=password, first_name=full_name[:150])
    TemporaryPassword.objects.create(user=user, issued_by=actor.user)
    audit_record(
        event_type=ACCOUNT_CHANGED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        agency_id=agency.pk,
        extra_data={"op": "account_create", "user_id": user.pk, "username": username},
    )
    membership_grant(user=user, agency=agency, role=role, actor_user_id=actor.user_id)
    return NewAccount(user=user, password=password)


@transaction.atomic
def staff_password_reset(*, actor: Actor, user: User) -> NewAccount:
    """A forgotten password: a new temporary one, shown once to the admin, to be replaced at next login."""
    if actor.user_id == user.pk or not may_manage_account(actor, user):
        raise PermissionDenied(_("Anda tidak berwenang mengatur ulang kata sandi akun ini."))
    password = _temporary_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    TemporaryPassword.objects.update_or_create(user=user, defaults={"issued_by": actor.user})
    audit_record(
        event_type=ACCOUNT_CHANGED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        extra_data={"op": "password_reset", "user_id": user.pk},
    )
    return NewAccount(user=user, password=password)


@transaction.atomic
def temporary_password_clear(*, user: User) -> None:
    """The person chose their own password (through Django's password change form)."""
    TemporaryPassword.objects.filter(user=user).delete()


# --- answer templates -------------------------------------------------------------------------------------


def _template_text(title: str, body: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    body = (body or "").strip()
    if not 3 <= len(title) <= 120:
        raise ValidationFailed(_("Judul templat 3–120 karakter."), extra={"field": "title"})
    if not 20 <= len(body) <= 5000:
        raise ValidationFailed(_("Isi templat 20–5.000 karakter."), extra={"field": "body"})
    return title, body


@transaction.atomic
def answer_template_create(*, actor: Actor, agency: Agency, title: str, body: str) -> AnswerTemplate:
    _administer_assert(actor, agency)
    title, body = _template_text(title, body)
    return AnswerTemplate.objects.create(agency=agency, title=title, body=body, created_by=actor.user)


@transaction.atomic
def answer_template_update(
    *, actor: Actor, template: AnswerTemplate, title: str, body: str, active: bool = True
) -> AnswerTemplate:
    _administer_assert(actor, template.agency)
    title, body = _template_text(title, body)
    template.title, template.body, template.active = title, body, bool(active)
    template.updated_at = clock.now()
    template.save(update_fields=["title", "body", "active", "updated_at"])
    return template


# --- compositions over the report services ----------------------------------------------------------------


@transaction.atomic
def report_verify_and_dispose(
    *,
    report: Report,
    actor: Actor,
    dispose_to: Agency | None = None,
    note: str = "",
    **verify: object,
) -> Report:
    """Verify (with the verifier's edits) and, when an agency is chosen, dispose in the same transaction: if
    the disposition is refused, the verification is not kept either.
    """
    report = rs.report_verify(report=report, actor=actor, **verify)
    if dispose_to is not None:
        report = rs.report_dispose(report=report, actor=actor, agency=dispose_to, note=note)
    return report


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def _attach_all(report: Report, actor: Actor, uploads: Sequence[Upload], event) -> None:
    for upload in uploads:
        attachment_add(
            report=report,
            actor=actor,
            data=upload.data,
            filename=upload.name,
            event=event,
            visibility=Visibility.PARTIES,
        )


@transaction.atomic
def report_follow_up_with_attachments(
    *, report: Report, actor: Actor, message: str, uploads: Sequence[Upload] = ()
) -> Report:
    """A follow-up and its attachments, all or nothing."""
    report = rs.report_follow_up(report=report, actor=actor, message=message)
    if uploads:
        event = report.events.filter(kind=EventKind.FOLLOWED_UP).order_by("-created_at", "-id").first()
        _attach_all(report, actor, uploads, event)
    return report


def walkin_agencies(actor: Actor) -> list[Agency]:
    """The agencies a staff member can take a walk-in report for: those of their intake roles."""
    ids = [s.agency_id for s in actor.scopes if s.role in INTAKE_ROLES]
    return list(Agency.objects.filter(pk__in=ids, active=True).order_by("depth", "name"))


@transaction.atomic
def walkin_submit(*, actor: Actor, agency: Agency, uploads: Sequence[Upload] = (), **fields: object) -> Report:
    """A report a citizen brings in person or by letter, entered by staff on their behalf (channel *walkin*,
    intake = the staff member's agency), with the scanned letter or photos.
    """
    if not actor.is_staff_actor or agency.pk not in {a.pk for a in walkin_agencies(actor)}:
        raise PermissionDenied(
            _("Anda hanya dapat mencatat laporan untuk instansi Anda sendiri."), extra={"field": "agency"}
        )
    # report_submit counts the acting account as a contact; here the account is the staff member's, not the
    # citizen's, so a named report needs the citizen's own name or contact.
    contact = any(str(fields.get(k) or "").strip() for k in ("reporter_name", "reporter_phone", "reporter_email"))
    if not fields.get("is_anonymous") and not contact:
        raise ValidationFailed(
            _("Laporan tidak anonim memerlukan nama atau kontak pelapor (telepon atau e-mail)."),
            extra={"field": "reporter"},
        )
    result = rs.report_submit(actor=actor, channel=Channel.WALKIN, intake_agency=agency, **fields)
    if uploads:
        event = result.report.events.filter(kind=EventKind.SUBMITTED).first()
        _attach_all(result.report, actor, uploads, event)
    return result.report


# --- bulk -------------------------------------------------------------------------------------------------

BULK_MAX = 100
BULK_ACTIONS = ("verify", "dispose", "verify_dispose")


@dataclass(frozen=True)
class BulkOutcome:
    tracking_id: str
    ok: bool
    message: str = ""


def bulk_apply(
    *,
    actor: Actor,
    tracking_ids: Sequence[str],
    action: str,
    agency: Agency | None = None,
    classification: str | None = None,
    note: str = "",
) -> list[BulkOutcome]:
    """Apply one action to many reports, each through its own service call in its own transaction: one
    refusal (a report someone else just handled, say) never stops or undoes the others.
    """
    from lapor.console.selectors import console_report_for

    if action not in BULK_ACTIONS:
        raise ValidationFailed(_("Pilih tindakan."), extra={"field": "action"})
    if action != "verify" and agency is None:
        raise ValidationFailed(_("Pilih instansi tujuan disposisi."), extra={"field": "agency"})
    ids = list(dict.fromkeys(t.strip() for t in tracking_ids if t and t.strip()))
    if not ids:
        raise ValidationFailed(_("Pilih minimal satu laporan."), extra={"field": "reports"})
    if len(ids) > BULK_MAX:
        raise ValidationFailed(
            _("Paling banyak %(n)d laporan sekaligus.") % {"n": BULK_MAX}, extra={"field": "reports"}
        )
    outcomes = []
    for tid in ids:
        try:
            report = console_report_for(actor, tid)
            with transaction.atomic():
                if action in ("verify", "verify_dispose"):
                    report = rs.report_verify(report=report, actor=actor, classification=classification or None)
                if action in ("dispose", "verify_dispose"):
                    rs.report_dispose(report=report, actor=actor, agency=agency, note=note)
        except ApplicationError as exc:
            outcomes.append(BulkOutcome(tid, False, exc.message))
        else:
            outcomes.append(BulkOutcome(tid, True))
    return outcomes
