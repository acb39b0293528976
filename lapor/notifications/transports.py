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
    """Free-form text while the citizen's 24-hour window is open (they wrote to us less than 24 hours ago), else
    the configured template with the tracking ID and a short status. Meta's refusal 131047 (window closed after
    all) is retried at once as the template; other refusals are permanent (or retried when they are about
    credentials or rate), answers 5xx and time-outs are retried with backoff by the outbox.
    """
    if not settings.LAPOR_WHATSAPP_API_URL:
        raise NotConfigured("no WhatsApp API (LAPOR_WHATSAPP_API_URL) configured")
    from lapor.channels.window import whatsapp_window_open

    if not message.payload.get("template") and whatsapp_window_open(message.recipient):
        try:
            _graph_post(message, _whatsapp_text(message))
            return
        except GraphRefusal as exc:
            if exc.code != REENGAGEMENT_ERROR:
                raise exc.failure() from exc
    template = _whatsapp_template(message)
    try:
        _graph_post(message, template)
    except GraphRefusal as exc:
        raise exc.failure() from exc


REENGAGEMENT_ERROR = 131047  # "more than 24 hours have passed since the recipient last replied"
# Graph API error codes that mean "slow down" (and come with HTTP 400 as well as 429): retried with backoff.
GRAPH_RATE_LIMIT_ERRORS = frozenset({4, 80007, 130429, 131048, 131056})
TEMPLATE_STATUS_MAX = 60


class GraphRefusal(Exception):
    """The Graph API answered 4xx; ``code`` is Meta's error code from the JSON body (0 when there was none)."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(f"WhatsApp API refused: HTTP {status}, error {code}: {message}"[:500])
        self.status, self.code = status, code

    def failure(self) -> Exception:
        """A retryable error for credentials and rate limits, else :class:`PermanentFailure` (dead letter)."""
        if self.status in RETRYABLE_REFUSALS or self.code in GRAPH_RATE_LIMIT_ERRORS or self.code == 190:
            return RuntimeError(str(self))
        return PermanentFailure(str(self))


def _whatsapp_text(message: OutboxMessage) -> dict:
    return {"type": "text", "text": {"preview_url": False, "body": message.body[:4096]}}


def _whatsapp_template(message: OutboxMessage) -> dict:
    """The template for this kind of message (``LAPOR_WHATSAPP_TEMPLATES``, else ``LAPOR_WHATSAPP_TEMPLATE``) with
    two body parameters: the tracking ID and the report's status, in the template's language.
    """
    from lapor.channels.conf import setting

    name = setting("LAPOR_WHATSAPP_TEMPLATES").get(message.kind) or setting("LAPOR_WHATSAPP_TEMPLATE")
    if not name:
        raise PermanentFailure(
            "outside the 24-hour WhatsApp window and no template configured (LAPOR_WHATSAPP_TEMPLATE)"
        )
    tracking_id, status = _report_status(message)
    if not tracking_id:
        raise PermanentFailure("outside the 24-hour WhatsApp window and no report to name in a template")
    return {
        "type": "template",
        "template": {
            "name": name,
            "language": {"code": setting("LAPOR_WHATSAPP_TEMPLATE_LANGUAGE")},
            "components": [
                {
                    "type": "body",
                    "parameters": [{"type": "text", "text": tracking_id}, {"type": "text", "text": status}],
                }
            ],
        },
    }


def _report_status(message: OutboxMessage) -> tuple[str, str]:
    """(tracking ID, short status label in Indonesian) of the message's report, as it stands now."""
    from django.utils import translation

    from lapor.reports.models import Report
    from lapor.reports.states import Status

    row = Report.objects.filter(pk=message.report_id).values_list("tracking_id", "status").first()
    if row is None:
        return str(message.payload.get("tracking_id") or ""), ""
    with translation.override("id"):
        label = str(Status(row[1]).label)
    # Meta refuses template parameters with new lines, tabs or more than four spaces in a row.
    return row[0], " ".join(label.split())[:TEMPLATE_STATUS_MAX]


def _graph_post(message: OutboxMessage, content: dict) -> None:
    payload = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": message.recipient.lstrip("+"),
        **content,
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
        if not 400 <= exc.code < 500:
            raise  # 5xx: retried with backoff
        code, text = _graph_error(exc)
        raise GraphRefusal(exc.code, code, text) from exc


def _graph_error(exc: urllib.error.HTTPError) -> tuple[int, str]:
    """Meta's ``{"error": {"code", "message", "error_data": {"details"}}}`` → (code, message); (0, reason) else."""
    try:
        error = json.loads(exc.read(64 * 1024) or b"{}").get("error") or {}
        details = (error.get("error_data") or {}).get("details") or ""
        text = " — ".join(str(t) for t in (error.get("message"), details) if t)
        return int(error.get("code") or 0), text or str(exc.reason)
    except (ValueError, TypeError, AttributeError, OSError):
        return 0, str(exc.reason)


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
