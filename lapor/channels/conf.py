"""The channels' settings, with the defaults used when ``config/settings`` does not set them.

| setting | default | what |
|---|---|---|
| ``LAPOR_SMS_SENDER`` | ``1708`` | the short code citizens text (named in replies: "kirim CEK … ke 1708") |
| ``LAPOR_KANNEL_GETURL_TOKEN`` | empty | when set, ``/channels/sms/kannel`` requires ``?token=`` with this value |
| ``LAPOR_CHANNELS_THROTTLE_MESSAGES`` | 10 | messages one sender may send per window before being throttled |
| ``LAPOR_CHANNELS_THROTTLE_SECONDS`` | 600 | the window (fixed windows, counted in Django's cache) |
| ``LAPOR_CHANNELS_ATTACH_MINUTES`` | 30 | a photo sent without text joins the sender's report filed this recently |
| ``LAPOR_WHATSAPP_VERIFY_TOKEN`` | empty | the webhook's verify token (GET handshake); empty refuses every handshake |
| ``LAPOR_WHATSAPP_APP_SECRET`` | empty | Meta app secret keying ``X-Hub-Signature-256``; empty refuses every POST |
| ``LAPOR_WHATSAPP_GRAPH_URL`` | ``https://graph.facebook.com/v21.0`` | Graph API base for media downloads |
| ``LAPOR_WHATSAPP_TOKEN`` | empty | access token for the Graph API (media downloads, and the outbound transport) |
| ``LAPOR_WHATSAPP_TEMPLATE`` | empty | approved template for notifications after the 24-hour window (empty: none) |
| ``LAPOR_WHATSAPP_TEMPLATE_LANGUAGE`` | ``id`` | the template's language code |
| ``LAPOR_WHATSAPP_TEMPLATES`` | ``{}`` | per message kind, a template other than the default one |
| ``LAPOR_MAILIN_DOMAINS`` | empty | recipient domains the SMTP intake accepts (empty: any) |
| ``LAPOR_MAILIN_MAX_BYTES`` | 26214400 | largest e-mail the SMTP intake accepts (25 MiB) |
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "LAPOR_SMS_SENDER": "1708",
    "LAPOR_KANNEL_GETURL_TOKEN": "",
    "LAPOR_CHANNELS_THROTTLE_MESSAGES": 10,
    "LAPOR_CHANNELS_THROTTLE_SECONDS": 600,
    "LAPOR_CHANNELS_ATTACH_MINUTES": 30,
    "LAPOR_WHATSAPP_VERIFY_TOKEN": "",
    "LAPOR_WHATSAPP_APP_SECRET": "",
    "LAPOR_WHATSAPP_GRAPH_URL": "https://graph.facebook.com/v21.0",
    "LAPOR_WHATSAPP_TOKEN": "",
    "LAPOR_WHATSAPP_TEMPLATE": "",
    "LAPOR_WHATSAPP_TEMPLATE_LANGUAGE": "id",
    "LAPOR_WHATSAPP_TEMPLATES": {},
    "LAPOR_MAILIN_DOMAINS": [],
    "LAPOR_MAILIN_MAX_BYTES": 25 * 1024 * 1024,
}


def setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])
