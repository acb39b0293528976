"""Queueing notifications. Only inside a transaction: a message exists if and only if its cause committed."""

from __future__ import annotations

from typing import Any

from django.db import connection

from lapor.core import rows
from lapor.notifications.models import OutboxChannel, OutboxMessage


class OutsideTransaction(RuntimeError):
    """A notification was queued outside a transaction (a programming error, never a user error)."""


def outbox_enqueue(
    *,
    channel: str,
    recipient: str,
    kind: str,
    body: str,
    subject: str = "",
    report_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> OutboxMessage:
    if not connection.in_atomic_block:
        raise OutsideTransaction("outbox_enqueue() must run inside the transaction that causes the message")
    message = OutboxMessage(
        channel=channel,
        recipient=recipient,
        kind=kind,
        subject=subject[:200],
        body=body,
        report_id=report_id,
        payload=payload or {},
    )
    if rows.in_batch():
        rows.insert(message)  # written with the transition's other rows, in one round trip (no pk read back)
    else:
        message.save(force_insert=True)
    return message


def reporter_channel(*, intake_channel: str, phone: str, email: str) -> tuple[str, str] | None:
    """Where a reporter hears back: the channel they used when it can carry a reply, else e-mail, else SMS."""
    if intake_channel == "sms" and phone:
        return OutboxChannel.SMS, phone
    if intake_channel == "whatsapp" and phone:
        return OutboxChannel.WHATSAPP, phone
    if email:
        return OutboxChannel.EMAIL, email
    if phone:
        return OutboxChannel.SMS, phone
    return None
