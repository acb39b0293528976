"""API keys: create (shown once), authenticate (hash compare), revoke; webhook subscriptions."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.actors import Actor, Scope
from lapor.agencies.choices import Role
from lapor.agencies.models import Agency
from lapor.audit.models import AuditEventType
from lapor.audit.services import audit_record
from lapor.core import clock
from lapor.core.errors import ValidationFailed
from lapor.core.memo import ttl_memo
from lapor.integrations.models import ApiKey, WebhookSubscription
from lapor.integrations.webhooks import forget_cached_subscriptions

KEY_PREFIX = "lapor_"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedKey:
    key: ApiKey
    plaintext: str


@transaction.atomic
def apikey_create(
    *, agency: Agency, name: str, user: User | None = None, actor_label: str = "konsol", rate_per_minute: int = 600
) -> IssuedKey:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_("Beri nama kunci API (misalnya nama aplikasinya)."), extra={"field": "name"})
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(30)
    key = ApiKey.objects.create(
        name=name[:120],
        agency=agency,
        user=user,
        prefix=prefix,
        secret_hash=_hash(secret),
        rate_per_minute=rate_per_minute,
    )
    audit_record(
        event_type=AuditEventType.APIKEY_CHANGED,
        actor_label=actor_label,
        agency_id=agency.pk,
        extra_data={"op": "create", "prefix": prefix, "name": name[:120]},
    )
    return IssuedKey(key, f"{KEY_PREFIX}{prefix}_{secret}")


@transaction.atomic
def apikey_revoke(*, prefix: str, actor_label: str = "konsol") -> ApiKey:
    key = ApiKey.objects.select_for_update().filter(prefix=prefix).first()
    if key is None:
        raise ValidationFailed(_("Kunci API tidak ditemukan: %(p)s") % {"p": prefix}, extra={"field": "prefix"})
    if key.revoked_at is None:
        key.revoked_at = clock.now()
        key.save(update_fields=["revoked_at"])
        audit_record(
            event_type=AuditEventType.APIKEY_CHANGED,
            actor_label=actor_label,
            agency_id=key.agency_id,
            extra_data={"op": "revoke", "prefix": prefix},
        )
    forget_cached_keys()
    transaction.on_commit(forget_cached_keys)
    return key


# Keys are read on every API call: each process keeps what it read for KEY_MEMO_SECONDS (the secret is still
# compared on every call). A revocation is seen at once in the process that made it, and by every other process
# within that delay.
KEY_MEMO_SECONDS = 15
LAST_USED_EVERY_SECONDS = 60
_last_used_written: dict[str, float] = {}


@ttl_memo(KEY_MEMO_SECONDS, maxsize=10_000)
def _key_for_prefix(prefix: str) -> ApiKey | None:
    return ApiKey.objects.select_related("agency", "user").filter(prefix=prefix).first()


def forget_cached_keys() -> None:
    """Drop every key this process memoised (done by a revocation, at once and again after its commit)."""
    _key_for_prefix.cache_clear()
    _last_used_written.clear()


def apikey_authenticate(raw: str | None) -> ApiKey | None:
    """The active key for ``raw`` (``lapor_<prefix>_<secret>``), or ``None``. Constant-time comparison; the key
    row is memoised per process for ``KEY_MEMO_SECONDS`` and ``last_used_at`` written at most once a minute.
    """
    raw = (raw or "").strip()
    if not raw.startswith(KEY_PREFIX) or raw.count("_") < 2:
        return None
    prefix, _sep, secret = raw[len(KEY_PREFIX) :].partition("_")
    if not prefix or len(prefix) > 16:
        return None
    key = _key_for_prefix(prefix)
    if key is None or key.revoked_at is not None or not key.agency.active:
        return None
    if not hmac.compare_digest(key.secret_hash, _hash(secret)):
        return None
    _touch(key)
    return key


def _touch(key: ApiKey) -> None:
    """``last_used_at`` to within a minute, without a write per request."""
    mono = time.monotonic()
    if mono - _last_used_written.get(key.prefix, -1e9) < LAST_USED_EVERY_SECONDS:
        return
    _last_used_written[key.prefix] = mono
    now = clock.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > LAST_USED_EVERY_SECONDS:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now


def actor_for_key(key: ApiKey) -> Actor:
    """A personal key acts as its user; an integrator key acts as the admin of its agency's subtree."""
    if key.user_id is not None:
        return Actor.for_user(key.user)
    agency = key.agency
    return Actor(
        kind="staff",
        scopes=(Scope(Role.AGENCY_ADMIN, agency.pk, agency.path, agency.name),),
        label=f"integrator:{key.name}"[:200],
        integrator_agency_path=agency.path,
    )


@transaction.atomic
def webhook_subscribe(*, key: ApiKey, url: str) -> WebhookSubscription:
    if not url.startswith(("http://", "https://")):
        raise ValidationFailed(_("URL webhook harus http:// atau https://"), extra={"field": "url"})
    subscription = WebhookSubscription.objects.create(api_key=key, url=url[:500], secret=secrets.token_hex(32))
    transaction.on_commit(forget_cached_subscriptions)
    audit_record(
        event_type=AuditEventType.APIKEY_CHANGED,
        actor_label="konsol",
        agency_id=key.agency_id,
        extra_data={"op": "webhook", "prefix": key.prefix, "url": url[:500]},
    )
    return subscription
