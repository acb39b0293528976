"""Second factor for admins: time-based one-time passwords (TOTP, RFC 6238) from an authenticator app.

* ``totp_enrol_start`` gives a user a fresh secret (shown once as text, an ``otpauth://`` URI and a QR code);
* ``totp_enrol_confirm`` accepts the first code typed from the app and turns the second factor on;
* ``totp_verify`` checks a code at login: the current step or one either side (clock drift), and never a step
  at or before the last one accepted, so an observed code cannot be replayed;
* ``totp_reset`` lets an admin remove a colleague's lost device (they set up a new one at their next login).
"""

from __future__ import annotations

import hmac
import re

import pyotp
from django.db import transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.agencies.choices import Role
from lapor.audit.services import audit_record
from lapor.console.conf import ACCOUNT_CHANGED
from lapor.console.models import TotpDevice
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed

ISSUER = "LAPOR!"
ADMIN_ROLES = (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN)
_CODE = re.compile(r"^\d{6}$")


def needs_second_factor(actor: Actor) -> bool:
    """Admins (national and agency) protect their accounts with a second factor."""
    return actor.is_staff_actor and actor.has_role(*ADMIN_ROLES)


def totp_device_of(user: User) -> TotpDevice | None:
    return TotpDevice.objects.filter(user=user).first()


def totp_has_confirmed(user: User) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def provisioning_uri(device: TotpDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(name=device.user.get_username(), issuer_name=ISSUER)


def _clean_code(code: str) -> str:
    code = re.sub(r"\s", "", code or "")
    if not _CODE.match(code):
        raise ValidationFailed(_("Masukkan 6 angka dari aplikasi autentikator."), extra={"field": "code"})
    return code


def _matching_step(secret: str, code: str, *, after_step: int) -> int | None:
    totp = pyotp.TOTP(secret)
    current = totp.timecode(clock.now())
    for step in (current - 1, current, current + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


@transaction.atomic
def totp_enrol_start(*, user: User) -> TotpDevice:
    """A new secret for ``user`` (replacing one that was never confirmed). Refused while a confirmed device
    exists: it must be reset first, so nobody holding an open session can silently swap the second factor.
    """
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    if device is not None and device.is_confirmed:
        raise ValidationFailed(_("Autentikator sudah aktif untuk akun ini."), extra={"field": "code"})
    if device is None:
        device = TotpDevice(user=user)
    device.secret = pyotp.random_base32(32)
    device.last_used_step = 0
    device.updated_at = clock.now()
    device.save()
    return device


@transaction.atomic
def totp_enrol_confirm(*, user: User, code: str) -> TotpDevice:
    """Turn the second factor on with the first code from the app."""
    code = _clean_code(code)
    device = TotpDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        raise ValidationFailed(_("Mulai penyiapan autentikator terlebih dahulu."), extra={"field": "code"})
    if device.is_confirmed:
        raise ValidationFailed(_("Autentikator sudah aktif untuk akun ini."), extra={"field": "code"})
    step = _matching_step(device.secret, code, after_step=device.last_used_step)
    if step is None:
        raise ValidationFailed(
            _("Kode tidak cocok. Periksa jam ponsel Anda dan masukkan kode yang sedang tampil."),
            extra={"field": "code"},
        )
    device.confirmed_at = clock.now()
    device.last_used_step = step
    device.updated_at = device.confirmed_at
    device.save(update_fields=["confirmed_at", "last_used_step", "updated_at"])
    audit_record(
        event_type=ACCOUNT_CHANGED,
        actor_user_id=user.pk,
        actor_label=user.get_username(),
        extra_data={"op": "totp_enrol", "user_id": user.pk},
    )
    return device


@transaction.atomic
def totp_verify(*, user: User, code: str) -> TotpDevice:
    """Check a login code against the user's confirmed device; remember its step so it is used only once."""
    code = _clean_code(code)
    device = TotpDevice.objects.select_for_update().filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        raise ValidationFailed(_("Akun ini belum memiliki autentikator."), extra={"field": "code"})
    step = _matching_step(device.secret, code, after_step=device.last_used_step)
    if step is None:
        raise ValidationFailed(_("Kode autentikator salah atau sudah dipakai."), extra={"field": "code"})
    device.last_used_step = step
    device.save(update_fields=["last_used_step"])
    return device


def may_manage_account(actor: Actor, user: User) -> bool:
    """National admins manage every account; an agency admin those whose roles all lie in their subtree."""
    if actor.is_national_admin:
        return True
    admin_paths = actor.scope_paths(Role.AGENCY_ADMIN)
    if not admin_paths:
        return False
    paths = list(user.memberships.filter(active=True).values_list("agency__path", flat=True))
    return bool(paths) and all(any(p.startswith(a) for a in admin_paths) for p in paths)


@transaction.atomic
def totp_reset(*, actor: Actor, user: User) -> None:
    """Remove ``user``'s authenticator (lost phone). They are asked to set up a new one when they next log in."""
    if actor.user_id == user.pk or not may_manage_account(actor, user):
        raise PermissionDenied(_("Anda tidak berwenang mengatur ulang autentikator akun ini."))
    deleted, _rows = TotpDevice.objects.filter(user=user).delete()
    if not deleted:
        raise ValidationFailed(_("Akun ini tidak memiliki autentikator."), extra={"field": "user"})
    audit_record(
        event_type=ACCOUNT_CHANGED,
        actor_user_id=actor.user_id,
        actor_label=actor.label,
        extra_data={"op": "totp_reset", "user_id": user.pk},
    )
