"""The WhatsApp customer service window: free-form messages may reach a number only within 24 hours of the last
message it sent us; after that, only approved templates (``lapor.notifications.transports.send_whatsapp``).
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from lapor.channels.models import WhatsAppContact
from lapor.core import clock

WINDOW = dt.timedelta(hours=24)
# Free-form text is only tried while this much of the window is left: a message queued at 23:59 and delivered a
# few minutes later would otherwise be refused (error 131047) and need the template anyway.
SAFETY_MARGIN = dt.timedelta(minutes=10)


def whatsapp_contact_seen(*, phone: str, at: dt.datetime | None = None) -> None:
    """Record that ``phone`` (E.164) wrote to us at ``at`` (the message's own time; never later than now, and
    never moving the recorded time backwards when Meta delivers an older message late).
    """
    now = clock.now()
    at = min(at or now, now)
    if WhatsAppContact.objects.filter(phone=phone, last_inbound_at__lt=at).update(last_inbound_at=at):
        return
    try:
        with transaction.atomic():
            WhatsAppContact.objects.get_or_create(phone=phone, defaults={"last_inbound_at": at})
    except IntegrityError:  # created concurrently by another delivery: it holds a time at least as recent
        pass


def whatsapp_window_open(phone: str, *, now: dt.datetime | None = None) -> bool:
    """Whether free-form text may still be sent to ``phone`` (E.164)."""
    last = WhatsAppContact.objects.filter(phone=phone).values_list("last_inbound_at", flat=True).first()
    return last is not None and (now or clock.now()) < last + WINDOW - SAFETY_MARGIN
