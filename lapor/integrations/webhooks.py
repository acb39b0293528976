"""Signed webhooks to connected apps: every public-or-party timeline event of a report in an app's subtree is
queued in the outbox (same transaction as the event) and POSTed as JSON with

* ``X-LAPOR-Delivery-Id``: unique per message — receivers drop repeats (exactly-once effect), and
* ``X-LAPOR-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`` — receivers check it and
  refuse old timestamps (replays).

No reporter identity and no internal note ever leaves in a webhook.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import TYPE_CHECKING

from lapor.core.memo import ttl_memo
from lapor.integrations.models import WebhookSubscription
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue

if TYPE_CHECKING:
    from lapor.reports.models import Report, ReportEvent

_CACHE_SECONDS = 30


@ttl_memo(_CACHE_SECONDS, maxsize=1)
def _subscriptions() -> list[tuple[int, str, str]]:
    """(id, agency path, url) of active subscriptions, re-read at most every 30 s per process (a registered memo:
    tests forget it between tests).
    """
    return list(
        WebhookSubscription.objects.filter(active=True, api_key__revoked_at=None).values_list(
            "pk", "api_key__agency__path", "url"
        )
    )


def forget_cached_subscriptions() -> None:
    _subscriptions.cache_clear()


def webhooks_enqueue(report: Report, event: ReportEvent) -> int:
    """Queue one delivery per subscription whose agency covers the report's owner. Returns how many."""
    if event.visibility == "internal":
        return 0
    path = report.owner_agency.path
    targets = [(pk, url) for pk, agency_path, url in _subscriptions() if path.startswith(agency_path)]
    for pk, url in targets:
        body = {
            "type": f"report.{event.kind}",
            "tracking_id": report.tracking_id,
            "status": report.status,
            "agency": {"code": report.owner_agency.code, "name": report.owner_agency.name},
            "occurred_at": event.created_at.isoformat(),
            "event_id": event.pk,
        }
        outbox_enqueue(
            channel=OutboxChannel.WEBHOOK,
            recipient=url,
            kind=f"webhook.{event.kind}",
            body=json.dumps(body, ensure_ascii=False),
            report_id=report.pk,
            payload={"subscription_id": pk},
        )
    return len(targets)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret: str, header: str, body: bytes, *, now: int | None = None, tolerance: int = 300) -> bool:
    """What a receiver does (and what our tests do): check the signature and refuse stale timestamps."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs((now or int(time.time())) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), f"t={timestamp},v1={parts.get('v1', '')}")
