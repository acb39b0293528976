"""Delivering the outbox: claim due rows, send each through its transport, record the outcome.

* Claiming flips READY/FAILED rows to SENDING with the attempt counted, in its own short transaction (``SKIP
  LOCKED`` on PostgreSQL), so two workers never send the same row at once.
* A worker killed mid-delivery leaves rows in SENDING; after ``STALE_AFTER`` they are claimable again. The
  receiver may then see a message twice, which its ``delivery_id`` lets it drop: at-least-once delivery,
  exactly-once effect.
* Failures back off exponentially (1, 2, 4 … minutes, capped at 6 h); after ``LAPOR_OUTBOX_MAX_ATTEMPTS`` or a
  permanent refusal the row is DEAD and shown to admins. Channels without a configured gateway are not claimed.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q

from lapor.core import clock
from lapor.notifications.models import OutboxChannel, OutboxMessage, OutboxStatus
from lapor.notifications.services import outbox_enqueue
from lapor.notifications.transports import TRANSPORTS, NotConfigured, PermanentFailure, channel_configured

log = logging.getLogger(__name__)
STALE_AFTER = dt.timedelta(minutes=10)


@dataclass
class DeliveryResult:
    sent: int = 0
    failed: int = 0
    dead: int = 0


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _claim(limit: int) -> list[OutboxMessage]:
    now = clock.now()
    channels = [c for c in TRANSPORTS if channel_configured(c)]
    due = Q(status__in=[OutboxStatus.READY, OutboxStatus.FAILED], next_attempt_at__lte=now) | Q(
        status=OutboxStatus.SENDING, next_attempt_at__lte=now - STALE_AFTER
    )
    with transaction.atomic():
        qs = OutboxMessage.objects.filter(due, channel__in=channels).order_by("next_attempt_at", "pk")
        if connection.vendor == "postgresql":
            qs = qs.select_for_update(skip_locked=True)
        rows = list(qs[:limit])
        for row in rows:
            row.status = OutboxStatus.SENDING
            row.attempts += 1
            row.next_attempt_at = now  # a SENDING row older than STALE_AFTER is presumed abandoned
        OutboxMessage.objects.bulk_update(rows, ["status", "attempts", "next_attempt_at"])
    return rows


def outbox_deliver_due(*, limit: int = 100) -> DeliveryResult:
    """Deliver up to ``limit`` due messages. Safe to run from several workers at once."""
    result = DeliveryResult()
    for message in _claim(limit):
        try:
            TRANSPORTS[message.channel](message)
        except NotConfigured as exc:
            _record(message, OutboxStatus.READY, str(exc), retry_at=clock.now() + dt.timedelta(hours=1))
            continue
        except PermanentFailure as exc:
            _record(message, OutboxStatus.DEAD, str(exc))
            result.dead += 1
            continue
        except Exception as exc:  # noqa: BLE001 - any transport error is retried with backoff
            if message.attempts >= settings.LAPOR_OUTBOX_MAX_ATTEMPTS:
                _record(message, OutboxStatus.DEAD, f"{type(exc).__name__}: {exc}")
                result.dead += 1
            else:
                _record(
                    message,
                    OutboxStatus.FAILED,
                    f"{type(exc).__name__}: {exc}",
                    retry_at=clock.now() + backoff(message.attempts),
                )
                result.failed += 1
            continue
        OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.SENT, sent_at=clock.now(), last_error="")
        result.sent += 1
    return result


def _record(message: OutboxMessage, status: str, error: str, retry_at: dt.datetime | None = None) -> None:
    log.warning("outbox %s (%s → %s) %s: %s", message.pk, message.channel, message.recipient, status, error)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=status, last_error=error[:2000], next_attempt_at=retry_at or message.next_attempt_at
    )


def outbox_resend_as_template(delivery_id: str) -> OutboxMessage | None:
    """Queue again, as a WhatsApp template, a message Meta accepted and then reported as failed with error 131047
    (the citizen's last message is more than 24 hours old). Once per message, and never for a template itself.
    """
    try:
        delivery_id = str(uuid.UUID(delivery_id))
    except ValueError:
        return None
    with transaction.atomic():
        original = OutboxMessage.objects.filter(delivery_id=delivery_id, channel=OutboxChannel.WHATSAPP).first()
        if original is None or original.payload.get("template"):
            return None
        if OutboxMessage.objects.filter(channel=OutboxChannel.WHATSAPP, payload__resend_of=delivery_id).exists():
            return None  # Meta repeats its callbacks
        again = outbox_enqueue(
            channel=OutboxChannel.WHATSAPP,
            recipient=original.recipient,
            kind=original.kind,
            subject=original.subject,
            body=original.body,
            report_id=original.report_id,
            payload={**original.payload, "template": True, "resend_of": delivery_id},
        )
        OutboxMessage.objects.filter(pk=original.pk).update(
            last_error=f"Meta reported error 131047 (more than 24 h since the citizen's last message); "
            f"re-sent as template {again.delivery_id}"
        )
    return again
