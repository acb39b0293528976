"""How each outbox channel reaches its recipient. A transport either delivers or raises; it never decides retries.

* e-mail: Django's mail backend (SMTP in production; files under the data directory until SMTP is set up)
* SMS: Kannel's ``sendsms`` HTTP interface (GSM 7-bit when the text allows it, else UCS-2; Kannel splits long
  texts into concatenated parts up to the sendsms-user's ``max-messages``)
* WhatsApp: the Meta Cloud API ``/messages`` endpoint (any URL: a local fake in tests)
Each carries the outbox row's ``delivery_id`` so receivers can drop repeats (exactly-once effect).
A gateway that refuses our credentials (401/403) or asks us to slow down (429) is retried with backoff: fixing the
password must not find every message already dead. Other 4xx refusals are permanent.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage

from lapor.notifications.models import OutboxChannel, OutboxMessage

TIMEOUT_SECONDS = 15
RETRYABLE_REFUSALS = frozenset({401, 403, 408, 429})
# GSM 03.38: the default alphabet and its extension table (the extension characters cost two septets each).
GSM7_CHARACTERS = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà" + "\f^{}\\[~]|€"
)


class NotConfigured(RuntimeError):
    """The channel has no gateway configured on this installation: the message waits until one is."""


class PermanentFailure(RuntimeError):
    """The peer refused the message for good (bad number, rejected payload): no point retrying."""


def sms_coding(text: str) -> str:
    """Kannel's ``coding``: ``0`` (GSM 7-bit, 160 characters per SMS) when every character is in the GSM alphabet,
    else ``2`` (UCS-2, 70 per SMS). "é" stays 7-bit; an emoji or a curly quote needs UCS-2.
    """
    return "0" if set(text) <= GSM7_CHARACTERS else "2"


def _permanent(exc: urllib.error.HTTPError) -> bool:
    return 400 <= exc.code < 500 and exc.code not in RETRYABLE_REFUSALS


def _http(request: urllib.request.Request) -> bytes:
    if urllib.parse.urlparse(request.full_url).scheme not in ("http", "https"):
        raise PermanentFailure(f"unsupported URL scheme: {request.full_url}")
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked
        return response.read()


def send_email(message: OutboxMessage) -> None:
    email = EmailMessage(
        subject=message.subject or "LAPOR!",
        body=message.body,
        to=[message.recipient],
        headers={"X-LAPOR-Delivery-Id": str(message.delivery_id)},
    )
    email.send(fail_silently=False)


def send_sms(message: OutboxMessage) -> None:
    if not settings.LAPOR_KANNEL_SENDSMS_URL:
        raise NotConfigured("no SMS gateway (LAPOR_KANNEL_SENDSMS_URL) configured")
    query = urllib.parse.urlencode(
        {
            "username": settings.LAPOR_KANNEL_USER,
            "password": settings.LAPOR_KANNEL_PASSWORD,
            "from": settings.LAPOR_SMS_SENDER,
            "to": message.recipient,
            "text": message.body,
            "charset": "UTF-8",
            "coding": sms_coding(message.body),
        }
    )
    request = urllib.request.Request(f"{settings.LAPOR_KANNEL_SENDSMS_URL}?{query}", method="GET")  # noqa: S310
    try:
        _http(request)
    except urllib.error.HTTPError as exc:
        if _permanent(exc):
            raise PermanentFailure(f"SMS gateway refused: HTTP {exc.code}") from exc
        raise


def send_whatsapp(message: OutboxMessage) -> None:
    if not settings.LAPOR_WHATSAPP_API_URL:
        raise NotConfigured("no WhatsApp API (LAPOR_WHATSAPP_API_URL) configured")
    payload = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": message.recipient.lstrip("+"),
        "type": "text",
        "text": {"preview_url": False, "body": message.body[:4096]},
        "biz_opaque_callback_data": str(message.delivery_id),
    }
    request = urllib.request.Request(  # noqa: S310
        settings.LAPOR_WHATSAPP_API_URL,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.LAPOR_WHATSAPP_TOKEN}",
            "X-LAPOR-Delivery-Id": str(message.delivery_id),
        },
    )
    try:
        _http(request)
    except urllib.error.HTTPError as exc:
        if _permanent(exc):
            raise PermanentFailure(f"WhatsApp API refused: HTTP {exc.code}") from exc
        raise


def send_webhook(message: OutboxMessage) -> None:
    from lapor.integrations.models import WebhookSubscription
    from lapor.integrations.webhooks import sign

    subscription = WebhookSubscription.objects.filter(pk=message.payload.get("subscription_id"), active=True).first()
    if subscription is None:
        raise PermanentFailure("webhook subscription removed or deactivated")
    body = message.body.encode()
    timestamp = int(time.time())
    request = urllib.request.Request(  # noqa: S310
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "LAPOR-webhook/1",
            "X-LAPOR-Delivery-Id": str(message.delivery_id),
            "X-LAPOR-Signature": sign(subscription.secret, timestamp, body),
        },
    )
    try:
        _http(request)
    except urllib.error.HTTPError as exc:
        if exc.code in (400, 401, 403, 404, 410):
            raise PermanentFailure(f"receiver refused: HTTP {exc.code}") from exc
        raise


TRANSPORTS = {
    OutboxChannel.EMAIL: send_email,
    OutboxChannel.SMS: send_sms,
    OutboxChannel.WHATSAPP: send_whatsapp,
    OutboxChannel.WEBHOOK: send_webhook,
}


def channel_configured(channel: str) -> bool:
    if channel == OutboxChannel.SMS:
        return bool(settings.LAPOR_KANNEL_SENDSMS_URL)
    if channel == OutboxChannel.WHATSAPP:
        return bool(settings.LAPOR_WHATSAPP_API_URL)
    return channel in TRANSPORTS
