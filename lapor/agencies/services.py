"""Changing the agency tree and who works in it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.choices import Role, timezone_for_region
from lapor.agencies.models import Agency, Membership
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.core.errors import ValidationFailed


def agency_find(code_or_keyword: str) -> Agency | None:
    """An agency by its code or, wherever a command takes a CODE, by its SMS keyword (case-insensitive)."""
    value = (code_or_keyword or "").strip()
    if not value:
        return None
    return Agency.objects.filter(code=value.lower()).first() or Agency.objects.filter(sms_keyword__iexact=value).first()


@transaction.atomic
def agency_create(
    *,
    parent: Agency,
    code: str,
    name: str,
    kind: str,
    region_id: str | None = None,
    sms_keyword: str | None = None,
    is_connected: bool = False,
    timezone: str | None = None,
    actor_user_id: int | None = None,
) -> Agency:
    """Add a unit under ``parent``. The time zone follows the region unless given; a unit without a region
    inherits its parent's time zone.
    """
    code = (code or "").strip().lower()
    if not code or Agency.objects.filter(code=code).exists():
        raise ValidationFailed(
            _("Kode instansi kosong atau sudah dipakai: %(code)s") % {"code": code}, extra={"field": "code"}
        )
    if sms_keyword and Agency.objects.filter(sms_keyword__iexact=sms_keyword.strip()).exists():
        raise ValidationFailed(
            _("Kata kunci SMS sudah dipakai: %(kw)s") % {"kw": sms_keyword}, extra={"field": "sms_keyword"}
        )
    tz = timezone or (timezone_for_region(region_id) if region_id else parent.timezone)
    parent = Agency.objects.get(pk=parent.pk)  # treebeard needs the parent's current numchild/path
    agency = Agency.objects.add_child(
        parent,
        instance=Agency(
            code=code,
            name=name.strip(),
            kind=kind,
            region_id=region_id,
            sms_keyword=sms_keyword,
            is_connected=is_connected,
            timezone=tz,
        ),
    )
    audit_record(
        event_type=AuditEventType.AGENCY_CHANGED,
        actor_user_id=actor_user_id,
        agency_id=agency.pk,
        extra_data={"op": "create", "code": code, "parent": parent.code},
    )
    return agency


@transaction.atomic
def membership_grant(*, user: User, agency: Agency, role: str, actor_user_id: int | None = None) -> Membership:
    if role not in Role.values:
        raise ValidationFailed(_("Peran tidak dikenal: %(role)s") % {"role": role}, extra={"field": "role"})
    if role == Role.NATIONAL_ADMIN and not agency.is_root():
        raise ValidationFailed(_("Admin nasional hanya pada simpul nasional."), extra={"field": "role"})
    membership, _created = Membership.objects.update_or_create(
        user=user, agency=agency, role=role, defaults={"active": True}
    )
    audit_record(
        event_type=AuditEventType.MEMBERSHIP_CHANGED,
        actor_user_id=actor_user_id,
        agency_id=agency.pk,
        extra_data={"op": "grant", "user_id": user.pk, "role": role},
    )
    return membership


@transaction.atomic
def membership_revoke(*, user: User, agency: Agency, role: str, actor_user_id: int | None = None) -> None:
    Membership.objects.filter(user=user, agency=agency, role=role).update(active=False)
    audit_record(
        event_type=AuditEventType.MEMBERSHIP_CHANGED,
        actor_user_id=actor_user_id,
        agency_id=agency.pk,
        extra_data={"op": "revoke", "user_id": user.pk, "role": role},
    )
