"""Citizen accounts: an optional account, by phone number or e-mail, to list "my reports".

A citizen needs no account to file or follow a report (the tracking ID and the private link suffice). An
account is created only after the citizen proves the phone or e-mail with a one-time code, so nobody can
claim someone else's number. Staff accounts are made by administrators, never here.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.core import clock
from lapor.core.errors import Conflict, PermissionDenied, ValidationFailed
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue
from lapor.reports.services import normalise_phone

CODE_TTL_SECONDS = 15 * 60
CODE_MAX_ATTEMPTS = 5
RESEND_AFTER_SECONDS = 60
LOGIN_MAX_FAILURES = 5  # per contact, within LOGIN_WINDOW_SECONDS
LOGIN_MAX_FAILURES_PER_IP = 30
LOGIN_WINDOW_SECONDS = 15 * 60


@dataclass(frozen=True)
class Contact:
    """A normalised phone number (E.164) or a lower-case e-mail address."""

    kind: str  # "phone" or "email"
    value: str

    @property
    def masked(self) -> str:
        if self.kind == "email":
            name, _at, domain = self.value.partition("@")
            return f"{name[:2]}•••@{domain}"
        return f"{self.value[:5]}•••{self.value[-3:]}"


def contact_parse(raw: str) -> Contact:
    raw = (raw or "").strip()
    if not raw:
        raise ValidationFailed(_("Isi nomor HP atau alamat e-mail."), extra={"field": "contact"})
    if "@" in raw:
        email = raw.lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationFailed(_("Alamat e-mail tidak valid."), extra={"field": "contact"}) from exc
        return Contact("email", email)
    try:
        return Contact("phone", normalise_phone(raw))
    except ValidationFailed as exc:
        raise ValidationFailed(_("Nomor HP tidak valid. Contoh: 0812 3456 7890."), extra={"field": "contact"}) from exc


def citizen_find(contact: Contact) -> User | None:
    """The active account with this contact (an e-mail shared by several accounts matches none)."""
    qs = User.objects.filter(is_active=True)
    qs = qs.filter(phone=contact.value) if contact.kind == "phone" else qs.filter(email__iexact=contact.value)
    users = list(qs[:2])
    return users[0] if len(users) == 1 else None


# --- one-time codes ------------------------------------------------------------------------------------------
def code_digest(code: str, contact: Contact) -> str:
    return salted_hmac("lapor.accounts.code", f"{contact.kind}:{contact.value}:{code}").hexdigest()


def code_matches(code: str, contact: Contact, digest: str) -> bool:
    code = "".join((code or "").split())
    return code.isdigit() and len(code) == 6 and constant_time_compare(code_digest(code, contact), digest)


@transaction.atomic
def verification_code_send(*, contact: Contact, purpose: str) -> str:
    """Send a six-digit code to ``contact`` through the outbox; returns its digest for the caller to keep."""
    code = f"{secrets.randbelow(1_000_000):06d}"
    with translation.override("id"):
        if purpose == "reset":
            text = _(
                "Kode LAPOR! untuk mengatur ulang kata sandi: %(code)s. Berlaku 15 menit. "
                "Jangan berikan kepada siapa pun."
            )
        else:
            text = _("Kode verifikasi akun LAPOR! Anda: %(code)s. Berlaku 15 menit. Jangan berikan kepada siapa pun.")
        subject = _("Kode verifikasi LAPOR!")
    outbox_enqueue(
        channel=OutboxChannel.SMS if contact.kind == "phone" else OutboxChannel.EMAIL,
        recipient=contact.value,
        kind=f"account.{purpose}",
        subject=str(subject),
        body=text % {"code": code},
        payload={"purpose": purpose},
    )
    return code_digest(code, contact)


# --- accounts ---------------------------------------------------------------------------------------------------
def password_check(password: str, *, user: User | None = None) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationFailed(" ".join(exc.messages), extra={"field": "password"}) from exc


@transaction.atomic
def citizen_register(*, contact: Contact, password_hash: str, name: str = "") -> User:
    """Create the citizen's account once the code proved ``contact`` (the password was checked and hashed when
    the citizen chose it). Reports filed while signed in are linked to the account."""
    if citizen_find(contact) is not None or User.objects.filter(username=contact.value).exists():
        raise Conflict(_("Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk."), extra={"field": "contact"})
    first, _space, last = " ".join((name or "").split())[:150].partition(" ")
    user = User(
        username=contact.value,
        first_name=first[:150],
        last_name=last[:150],
        phone=contact.value if contact.kind == "phone" else "",
        email=contact.value if contact.kind == "email" else "",
        password=password_hash,
        date_joined=clock.now(),
    )
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError as exc:  # a concurrent sign-up with the same contact
        raise Conflict(_("Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk.")) from exc
    return user


@transaction.atomic
def citizen_password_set(*, user: User, password: str) -> User:
    password_check(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


# --- login throttling -------------------------------------------------------------------------------------------
def _keys(contact_value: str, ip: str) -> tuple[str, str]:
    return (
        "lapor:login:c:" + salted_hmac("lapor.login", contact_value).hexdigest()[:32],
        "lapor:login:ip:" + salted_hmac("lapor.login", ip or "-").hexdigest()[:32],
    )


def login_allowed(contact_value: str, ip: str) -> bool:
    by_contact, by_ip = _keys(contact_value, ip)
    return (cache.get(by_contact) or 0) < LOGIN_MAX_FAILURES and (cache.get(by_ip) or 0) < LOGIN_MAX_FAILURES_PER_IP


def login_failed(contact_value: str, ip: str) -> None:
    for key in _keys(contact_value, ip):
        cache.add(key, 0, LOGIN_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, LOGIN_WINDOW_SECONDS)


def login_succeeded(contact_value: str, ip: str) -> None:
    cache.delete(_keys(contact_value, ip)[0])


def citizen_authenticate(*, contact: Contact, password: str, ip: str) -> User:
    """The account for ``contact`` and ``password``; a refusal never says which of the two was wrong."""
    if not login_allowed(contact.value, ip):
        raise PermissionDenied(
            _("Terlalu banyak percobaan masuk yang gagal. Coba lagi 15 menit lagi, atau atur ulang kata sandi."),
            code="throttled",
        )
    user = citizen_find(contact)
    if user is None:
        User().set_password(password or "")  # same work as a real check: timing does not tell who has an account
    if user is None or not user.check_password(password or ""):
        login_failed(contact.value, ip)
        raise ValidationFailed(_("Nomor HP/e-mail atau kata sandi salah."), extra={"field": "password"})
    login_succeeded(contact.value, ip)
    return user
