"""WhatsApp Business (Meta Cloud API) webhook at ``/channels/whatsapp/webhook``.

* ``GET`` is Meta's verification handshake: ``hub.mode=subscribe`` and ``hub.verify_token`` equal to
  ``LAPOR_WHATSAPP_VERIFY_TOKEN`` → the ``hub.challenge`` echoed; anything else → 403.
* ``POST`` carries messages and status callbacks. The raw body must be signed (``X-Hub-Signature-256:
  sha256=<HMAC-SHA256 of the body keyed with LAPOR_WHATSAPP_APP_SECRET>``, compared in constant time); an
  unsigned or wrongly signed request is refused with 403 before anything is read. Text, image and document
  messages go to :func:`lapor.channels.conversation.inbound_text` (media fetched from the Graph API at
  ``LAPOR_WHATSAPP_GRAPH_URL``); status callbacks and reactions are acknowledged and ignored. Answers go back
  to the sender through the outbox (channel ``whatsapp``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lapor.channels.conf import setting
from lapor.channels.conversation import (
    AttachmentUnavailable,
    InboundAttachment,
    inbound_text,
    inbound_unsupported,
)
from lapor.channels.window import whatsapp_contact_seen
from lapor.core.errors import ValidationFailed
from lapor.notifications.delivery import outbox_resend_as_template
from lapor.notifications.transports import REENGAGEMENT_ERROR
from lapor.reports.services import normalise_phone
from lapor.reports.services.attachments import MAX_BYTES

log = logging.getLogger(__name__)
TEXT_PLAIN = "text/plain; charset=utf-8"
TIMEOUT_SECONDS = 15
MEDIA_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf"}
IGNORED_TYPES = frozenset({"reaction", "system", "ephemeral"})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _handshake(request)
    secret = setting("LAPOR_WHATSAPP_APP_SECRET")
    if not signature_valid(request.body, request.headers.get("X-Hub-Signature-256", ""), secret):
        return HttpResponse(_("Tanda tangan permintaan tidak valid."), status=403, content_type=TEXT_PLAIN)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponse(_("Isi permintaan bukan JSON yang valid."), status=400, content_type=TEXT_PLAIN)
    handled = 0
    for message, profile_name, business_number in iter_messages(payload):
        contact_seen(message)
        handle_message(message, profile_name=profile_name, to=business_number)
        handled += 1
    for status in iter_statuses(payload):
        handle_status(status)
    return JsonResponse({"status": "ok", "messages": handled})


def _handshake(request: HttpRequest) -> HttpResponse:
    expected = setting("LAPOR_WHATSAPP_VERIFY_TOKEN")
    given = request.GET.get("hub.verify_token", "")
    if (
        request.GET.get("hub.mode") == "subscribe"
        and expected
        and hmac.compare_digest(given.encode(), expected.encode())
    ):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type=TEXT_PLAIN)
    return HttpResponse(_("Token verifikasi tidak cocok."), status=403, content_type=TEXT_PLAIN)


def signature_valid(body: bytes, header: str, secret: str) -> bool:
    """``header`` is ``sha256=<hex HMAC-SHA256 of body keyed with secret>``. No secret configured: nothing is valid."""
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header[len("sha256=") :].strip().lower().encode())


def iter_messages(payload: Any) -> Iterator[tuple[dict, str, str]]:
    """(message, sender's profile name, business number) for every message in a Cloud API notification; status
    callbacks and anything malformed are skipped.
    """
    entries = payload.get("entry") if isinstance(payload, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict) or not isinstance(value.get("messages"), list):
                continue  # statuses (sent/delivered/read/failed) and other fields
            names = {
                c.get("wa_id"): (c.get("profile") or {}).get("name", "")
                for c in value.get("contacts") or []
                if isinstance(c, dict)
            }
            business = (value.get("metadata") or {}).get("display_phone_number", "")
            for message in value["messages"]:
                if isinstance(message, dict) and isinstance(message.get("from"), str):
                    yield message, str(names.get(message["from"]) or ""), str(business or "")


def iter_statuses(payload: Any) -> Iterator[dict]:
    """Every status callback (sent, delivered, read, failed) in a Cloud API notification."""
    entries = payload.get("entry") if isinstance(payload, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else []:
            value = change.get("value") if isinstance(change, dict) else None
            statuses = value.get("statuses") if isinstance(value, dict) else None
            for status in statuses if isinstance(statuses, list) else []:
                if isinstance(status, dict):
                    yield status


def contact_seen(message: dict) -> None:
    """Every message a citizen sends opens Meta's 24-hour window for free-form answers: remember when."""
    if message.get("type") in ("system", "ephemeral"):
        return
    try:
        phone = normalise_phone(message["from"])
    except ValidationFailed:
        return
    if phone:
        whatsapp_contact_seen(phone=phone, at=_timestamp(message.get("timestamp")))


def handle_status(status: dict) -> None:
    """A ``failed`` callback for one of our messages with error 131047 (more than 24 hours since the citizen's
    last message, which Meta may report only after accepting the send) is sent again as a template.
    """
    if status.get("status") != "failed":
        return
    errors = status.get("errors") if isinstance(status.get("errors"), list) else []
    if not any(isinstance(e, dict) and e.get("code") == REENGAGEMENT_ERROR for e in errors):
        return
    outbox_resend_as_template(str(status.get("biz_opaque_callback_data") or ""))


def handle_message(message: dict, *, profile_name: str = "", to: str = "") -> None:
    """One Cloud API message → the conversation (text, image, document, button/list replies), or the answer that
    this kind of message cannot be read (voice notes, stickers, locations…).
    """
    kind = message.get("type")
    sender, message_id = message["from"], str(message.get("id") or "")
    if kind in IGNORED_TYPES:
        return
    text, attachments = _content(message, kind)
    if text is None:
        inbound_unsupported(channel="whatsapp", sender=sender, message_id=message_id)
        return
    inbound_text(
        channel="whatsapp",
        sender=sender,
        text=text,
        message_id=message_id,
        received_at=_timestamp(message.get("timestamp")),
        to=to,
        attachments=attachments,
        sender_name=profile_name,
    )


def _content(message: dict, kind: Any) -> tuple[str | None, list[InboundAttachment]]:
    body = message.get(kind) if isinstance(kind, str) else None
    body = body if isinstance(body, dict) else {}
    if kind == "text":
        return str(body.get("body") or ""), []
    if kind in ("image", "document") and isinstance(body.get("id"), str):
        media_id = body["id"]
        ext = MEDIA_EXTENSIONS.get(str(body.get("mime_type", "")).split(";")[0], "bin")
        filename = str(body.get("filename") or f"whatsapp-{kind}-{media_id[-12:]}.{ext}")
        return str(body.get("caption") or ""), [InboundAttachment(filename, lambda: media_download(media_id))]
    if kind == "button":
        return str(body.get("text") or ""), []
    if kind == "interactive":
        choice = body.get("button_reply") or body.get("list_reply") or {}
        return str(choice.get("title") or ""), []
    return None, []


def _timestamp(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


# --- Graph API media -------------------------------------------------------------------------------------------


def media_download(media_id: str) -> bytes:
    """``GET {graph}/{media-id}`` → JSON with a short-lived ``url``, then that URL, both with the access token.
    Raises :class:`AttachmentUnavailable` on any failure; reads at most one byte more than an attachment may have.
    """
    base = setting("LAPOR_WHATSAPP_GRAPH_URL").rstrip("/")
    meta_raw = _get(f"{base}/{urllib.parse.quote(media_id, safe='')}", limit=64 * 1024)
    try:
        url = json.loads(meta_raw)["url"]
    except (ValueError, KeyError, TypeError) as exc:
        raise AttachmentUnavailable("media metadata without url") from exc
    if not isinstance(url, str):
        raise AttachmentUnavailable("media url is not a string")
    return _get(url, limit=MAX_BYTES + 1)


def _get(url: str, *, limit: int) -> bytes:
    if urllib.parse.urlparse(url).scheme not in ("http", "https"):
        raise AttachmentUnavailable(f"unsupported URL scheme: {url[:80]}")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, headers={"Authorization": f"Bearer {setting('LAPOR_WHATSAPP_TOKEN')}", "User-Agent": "LAPOR"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked
            return response.read(limit)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("WhatsApp media download failed: %s", exc)
        raise AttachmentUnavailable(str(exc)) from exc
