"""E-mail intake: one raw RFC 5322 message → :func:`lapor.channels.conversation.inbound_text`.

Parsed with the standard library (``email.policy.default``). The subject is the title, the body the text (the
plain-text part preferred; HTML reduced to text when there is nothing else), images and PDFs are attachments
(checked by content in ``attachment_add``). A subject with ``#<tracking id>`` from the reporter's address answers
that report, with the quoted earlier message cut off. The mailbox the message was sent to may name the intake
agency by its SMS keyword (``kotkupang@…``). Automatic mail (bounces, out-of-office, lists) is dropped without an
answer, so two robots can never answer each other forever.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

from django.conf import settings

from lapor.channels.conversation import InboundAttachment, InboundResult, inbound_text
from lapor.reports.tracking import tracking_id_is_valid

_THREAD = re.compile(r"#\d{6,16}\b")
_QUOTE_HEADER = re.compile(
    r"^\s*(?:(?:On|Pada)\b.{0,200}\b(?:wrote|menulis)\s*:\s*$|-{2,}\s*(?:Original Message|Pesan Asli)\s*-{2,})",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"})


@dataclass
class ParsedEmail:
    sender: str
    sender_name: str
    to: str
    subject: str
    text: str
    message_id: str
    attachments: list[InboundAttachment] = field(default_factory=list)
    automatic: bool = False


def parse_email(raw: bytes, *, envelope_from: str = "", envelope_to: tuple[str, ...] = ()) -> ParsedEmail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    name, sender = _from(message, envelope_from)
    subject = " ".join(str(message.get("Subject", "") or "").split())
    text = _body_text(message)
    if _replies_to_report(subject):
        text = strip_quoted(text)
    message_id = str(message.get("Message-ID", "") or "").strip().strip("<>")
    return ParsedEmail(
        sender=sender,
        sender_name=name,
        to=_recipient(message, envelope_to),
        subject=subject[:200],
        text=text,
        message_id=message_id or "sha256-" + hashlib.sha256(raw).hexdigest()[:48],
        attachments=_attachments(message),
        automatic=_is_automatic(message, envelope_from, sender),
    )


def email_receive(raw: bytes, *, envelope_from: str = "", envelope_to: tuple[str, ...] = ()) -> InboundResult | None:
    """File or thread one e-mail; ``None`` for automatic mail, which gets no answer."""
    parsed = parse_email(raw, envelope_from=envelope_from, envelope_to=envelope_to)
    if parsed.automatic:
        return None
    # A message with only a subject (or only a subject and a photo) is read as that subject.
    text = parsed.text or ("" if _replies_to_report(parsed.subject) else parsed.subject)
    return inbound_text(
        channel="email",
        sender=parsed.sender,
        text=text,
        message_id=parsed.message_id,
        to=parsed.to,
        attachments=parsed.attachments,
        subject=parsed.subject,
        sender_name=parsed.sender_name,
    )


def _replies_to_report(subject: str) -> bool:
    return any(tracking_id_is_valid(m.group()[1:]) for m in _THREAD.finditer(subject))


def _from(message: EmailMessage, envelope_from: str) -> tuple[str, str]:
    try:
        name, address = parseaddr(str(message.get("From", "") or ""))
    except (TypeError, ValueError):
        name, address = "", ""
    return name, (address or envelope_from or "").strip()


def _recipient(message: EmailMessage, envelope_to: tuple[str, ...]) -> str:
    if envelope_to:
        return envelope_to[0]
    addresses = getaddresses([str(v) for v in message.get_all("To", []) or []])
    return addresses[0][1] if addresses else ""


def _is_automatic(message: EmailMessage, envelope_from: str, sender: str) -> bool:
    """Bounces (empty return path), RFC 3834 auto-replies, list or bulk mail, and our own notifications."""
    auto = str(message.get("Auto-Submitted", "no") or "no").strip().lower()
    precedence = str(message.get("Precedence", "") or "").strip().lower()
    ours = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()
    return (
        envelope_from == "<>"
        or auto != "no"
        or precedence in ("bulk", "junk", "list", "auto_reply")
        or message.get("X-Autoreply") is not None
        or message.get("X-LAPOR-Delivery-Id") is not None
        or (bool(ours) and sender.lower() == ours)
    )


def _body_text(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
    except (LookupError, ValueError, KeyError, AttributeError):  # unknown charset, broken MIME
        return ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    return content.replace("\r\n", "\n").strip()


def _attachments(message: EmailMessage) -> list[InboundAttachment]:
    files = []
    for part in message.iter_attachments():
        if part.get_content_maintype() in ("text", "multipart", "message"):
            continue  # an alternative body, a signature file, a forwarded message: not evidence to attach
        try:
            data = part.get_payload(decode=True)
        except (ValueError, TypeError):
            continue
        if data:
            files.append(InboundAttachment.of(str(part.get_filename() or "lampiran"), data))
    return files


def strip_quoted(text: str) -> str:
    """The new part of a reply: drop ``>`` quoted lines and everything after "On … wrote:" / "Pada … menulis:"."""
    kept = []
    for line in text.splitlines():
        if _QUOTE_HEADER.match(line):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML body, one line per block; scripts and styles dropped."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
