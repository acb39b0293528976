"""SMS 1708 through Kannel: smsbox calls ``/channels/sms/kannel`` for every incoming SMS and sends the response
body back to the citizen as the reply SMS.

``get-url``  ``…/channels/sms/kannel?from=%p&to=%P&text=%a&ts=%t&id=%I`` (the contract in DESIGN §11), or
``post-url`` ``…/channels/sms/kannel?from=%p&to=%P&ts=%t&id=%I`` with the text as the request body, which has no
URL-length limit for long concatenated messages. With ``LAPOR_KANNEL_GETURL_TOKEN`` set, ``&token=<value>`` is
required as well. The view only parses; :func:`lapor.channels.conversation.inbound_text` decides the answer.
See docs/subsystems/channels.md for the Kannel configuration.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import urllib.parse

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lapor.channels.conf import setting
from lapor.channels.conversation import inbound_text

TEXT_PLAIN = "text/plain; charset=utf-8"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def kannel(request: HttpRequest) -> HttpResponse:
    if not _token_ok(request.GET.get("token", "")):
        return HttpResponse(_("Akses ditolak."), status=403, content_type=TEXT_PLAIN)
    sender = request.GET.get("from", "")
    if not sender:
        return HttpResponse(_("Parameter 'from' wajib diisi."), status=400, content_type=TEXT_PLAIN)
    text = _body_text(request) if request.method == "POST" else _query_text(request)
    timestamp = request.GET.get("ts", "")
    result = inbound_text(
        channel="sms",
        sender=sender,
        text=text,
        message_id=request.GET.get("id", "") or _fallback_id(sender, timestamp, text),
        received_at=_parse_ts(timestamp),
        to=request.GET.get("to", ""),
    )
    return HttpResponse(result.reply_text, content_type=TEXT_PLAIN)


def _token_ok(given: str) -> bool:
    expected = setting("LAPOR_KANNEL_GETURL_TOKEN")
    return not expected or hmac.compare_digest(given.encode(), expected.encode())


def _query_text(request: HttpRequest) -> str:
    """``text`` from the query string. Kannel sends UTF-8 when smsbox has ``mo-recode = true``; a UCS-2 message
    (``&coding=%c`` = 2) forwarded without recoding is decoded here from its raw bytes.
    """
    if request.GET.get("coding") != "2" or request.GET.get("charset", "").upper() == "UTF-8":
        return request.GET.get("text", "")
    raw = urllib.parse.parse_qs(request.META.get("QUERY_STRING", ""), encoding="latin-1").get("text", [""])[0]
    return raw.encode("latin-1").decode("utf-16-be", errors="replace")


def _body_text(request: HttpRequest) -> str:
    """The SMS text from a ``post-url`` body, in the charset Kannel declares (UTF-8 unless told otherwise)."""
    default = "utf-16-be" if request.META.get("HTTP_X_KANNEL_CODING") == "2" else "utf-8"
    charset = (request.content_params.get("charset") or default).strip('"')
    try:
        return request.body.decode(charset, errors="replace")
    except LookupError:
        return request.body.decode("utf-8", errors="replace")


def _fallback_id(sender: str, timestamp: str, text: str) -> str:
    """Without Kannel's ``%I``, the same sender, SMSC time and text identify a retry; without a time, nothing does."""
    if not timestamp:
        return ""
    return "h-" + hashlib.sha256(f"{sender}\n{timestamp}\n{text}".encode()).hexdigest()[:40]


def _parse_ts(value: str) -> dt.datetime | None:
    """Kannel's ``%t`` is ``YYYY-MM-DD HH:MM:SS`` in UTC (smsbox formats the SMSC time with gmtime)."""
    try:
        return dt.datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
