"""The one conversation every text channel (SMS 1708, WhatsApp, e-mail) has with a citizen.

Adapters (``sms.py``, ``whatsapp.py``, ``mail.py``) only parse their gateway's format and call
:func:`inbound_text`; every rule lives here:

* ``KEYWORD isi laporan`` (first word an agency's SMS keyword, any case) files a report with that agency as
  intake; anything else is a report to the national intake (the whole text). E-mail is routed by the mailbox it
  was sent to (``kotkupang@…``) instead of a first word.
* ``CEK <tracking id>`` answers the status, the agency and the next deadline, through the privacy layer: the
  number (or address) that filed a report is its reporter; anyone else sees what the public may see, so a secret
  or unpublished report is "tidak ditemukan", exactly like an ID that does not exist.
* ``#<id> …`` or ``LAPOR <id> …`` (e-mail: ``#<id>`` in the subject) answers that report; on SMS and WhatsApp a
  plain message while one of the sender's reports waits for them (asked for information, or answered by the
  agency) answers the one that most recently started waiting.
* A photo without text joins the sender's report from the last ``LAPOR_CHANNELS_ATTACH_MINUTES``.
* Refusals (empty, longer than 10,000 characters, flood, bad sender) are answered and nothing is stored.
* Each accepted message is stored once per ``(channel, message_id)``: a gateway's retry gets the same answer
  and files or threads nothing again.

Replies are Indonesian, and on SMS fit one message (160 GSM characters). SMS answers travel back in the
gateway's HTTP response; WhatsApp and e-mail answers leave through the outbox in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from lapor.agencies.actors import Actor
from lapor.agencies.models import Agency
from lapor.agencies.services import agency_find
from lapor.channels import selectors
from lapor.channels.choices import InboundChannel, InboundKind
from lapor.channels.conf import setting
from lapor.channels.models import InboundMessage
from lapor.core import clock
from lapor.core.errors import ApplicationError, NotFound, ValidationFailed
from lapor.core.memo import ttl_memo
from lapor.integrations import ratelimit
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue
from lapor.privacy.policy import report_for, report_present
from lapor.reports import services as rs
from lapor.reports.choices import EventKind
from lapor.reports.models import Report
from lapor.reports.services.attachments import attachment_add
from lapor.reports.services.intake import BODY_MIN
from lapor.reports.states import Action, Status, transition_target
from lapor.reports.tracking import tracking_id_is_valid

MAX_TEXT = 10_000
SMS_LENGTH = 160
MESSAGE_ID_MAX = 180  # leaves room for the "<channel>:" prefix of the report's 200-character intake key

# report_submit queues a "report.submitted" message to the reporter's channel. On SMS the gateway's HTTP answer
# already carries the tracking ID, so that would be a second SMS: report_submit(acknowledge=False) turns it off.


class AttachmentUnavailable(Exception):
    """An attachment loader could not fetch its file (the media server failed): the message goes on without it."""


@dataclass(frozen=True)
class InboundAttachment:
    """A file that came with a message. ``load`` is called once, after the message passed the replay, flood and
    size checks and outside the database transaction (it may download from the gateway).
    """

    filename: str
    load: Callable[[], bytes]

    @classmethod
    def of(cls, filename: str, data: bytes) -> InboundAttachment:
        return cls(filename=filename, load=lambda: data)


@dataclass(frozen=True)
class InboundResult:
    """The answer to one inbound message. ``kind`` is an :class:`InboundKind` value for accepted messages, else
    ``refused``, ``throttled`` or ``help``. ``replayed`` marks a gateway retry answered from the stored reply.
    """

    reply_text: str
    report: Report | None = None
    created: bool = False
    replayed: bool = False
    kind: str = ""


@dataclass(frozen=True)
class _Rules:
    phone_sender: bool  # senders are phone numbers (else e-mail addresses)
    outbox_channel: str | None  # None: the reply travels back in the gateway's response (Kannel get-url)
    implicit_threading: bool  # a plain message answers the report waiting for the sender
    sms_length: bool  # replies must fit one SMS


RULES: dict[str, _Rules] = {
    InboundChannel.SMS: _Rules(phone_sender=True, outbox_channel=None, implicit_threading=True, sms_length=True),
    InboundChannel.WHATSAPP: _Rules(
        phone_sender=True, outbox_channel=OutboxChannel.WHATSAPP, implicit_threading=True, sms_length=False
    ),
    InboundChannel.EMAIL: _Rules(
        phone_sender=False, outbox_channel=OutboxChannel.EMAIL, implicit_threading=False, sms_length=False
    ),
}


@dataclass
class _Message:
    """One inbound message, normalised."""

    channel: str
    rules: _Rules
    sender: str
    message_id: str
    text: str
    subject: str
    to: str
    sender_name: str
    received_at: dt.datetime | None
    attachments: Sequence[InboundAttachment]
    files: list[tuple[str, bytes]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # refused or unreachable attachments, named in the answer
    flood_window: int | None = None

    @property
    def contact(self) -> dict[str, str]:
        return {"phone": self.sender} if self.rules.phone_sender else {"email": self.sender}


@dataclass(frozen=True)
class _Outcome:
    kind: str
    reply: str
    report: Report | None = None
    created: bool = False
    send_reply: bool = True  # False when the services already told the reporter (report_submit's acknowledgement)


# --- the service ---------------------------------------------------------------------------------------------


def inbound_text(
    *,
    channel: str,
    sender: str,
    text: str,
    message_id: str,
    received_at: dt.datetime | None = None,
    to: str | None = None,
    attachments: Sequence[InboundAttachment] = (),
    subject: str = "",
    sender_name: str = "",
) -> InboundResult:
    """Handle one message from a citizen on ``channel`` (``sms``, ``whatsapp`` or ``email``) and return the answer.

    ``message_id`` is the gateway's ID (Kannel ``%I``, WhatsApp ``wamid…``, e-mail ``Message-ID``): the same ID
    twice is answered from the first answer. An empty ID disables that protection for this message.
    """
    if channel not in RULES:
        raise ValueError(f"not a text channel: {channel!r}")
    with translation.override("id"):
        rules = RULES[channel]
        message_id = _message_key(message_id)
        # A retry is found by the unique (channel, message_id) insert in _process, at no cost to first deliveries;
        # looked up first only where processing it again would cost more (downloading its attachments again).
        stored = _stored(channel, message_id) if attachments else None
        if stored is not None:
            return stored
        try:
            sender = _normalise_sender(rules, sender)
        except ValidationFailed:
            return InboundResult(_("Alamat pengirim tidak dikenali: pesan tidak dapat diproses."), kind="refused")
        msg = _Message(
            channel=channel,
            rules=rules,
            sender=sender,
            message_id=message_id,
            text=(text or "").replace("\r\n", "\n").strip(),
            subject=" ".join((subject or "").split()),
            to=(to or "").strip(),
            sender_name=" ".join((sender_name or "").split())[:150],
            received_at=received_at,
            attachments=attachments,
        )
        refusal = _refusal(msg)
        if refusal is not None:
            return _stored(channel, message_id) or _answer_refusal(msg, *refusal)
        _load_attachments(msg)
        return _process(msg)


def inbound_unsupported(*, channel: str, sender: str, message_id: str) -> InboundResult:
    """A message that cannot become a report (a voice note, a sticker, a location): the sender is told what is
    accepted, once per message ID, and nothing is stored.
    """
    if channel not in RULES:
        raise ValueError(f"not a text channel: {channel!r}")
    with translation.override("id"):
        rules = RULES[channel]
        try:
            sender = _normalise_sender(rules, sender)
        except ValidationFailed:
            return InboundResult(_("Alamat pengirim tidak dikenali: pesan tidak dapat diproses."), kind="refused")
        text = _("Maaf, jenis pesan ini belum dapat diproses. Kirim laporan berupa teks, foto, atau dokumen PDF.")
        msg = _Message(channel, rules, sender, _message_key(message_id), "", "", "", "", None, ())
        if cache.add(f"lapor:channels:unsupported:{channel}:{msg.message_id}", 1, timeout=86400):
            return _answer_refusal(msg, text, "refused")
        return InboundResult(text, kind="refused", replayed=True)


def _process(msg: _Message) -> InboundResult:
    """Decide, act and store, in one transaction. A refusal by a service rolls everything back."""
    try:
        with transaction.atomic():
            outcome = _act(msg)
            reply = _sms_safe(outcome.reply) if msg.rules.sms_length else outcome.reply
            InboundMessage.objects.create(
                channel=msg.channel,
                message_id=msg.message_id,
                sender=msg.sender,
                recipient=msg.to[:320],
                kind=outcome.kind,
                text=msg.text,
                report=outcome.report,
                reply_text=reply,
                received_at=msg.received_at,
            )
            if outcome.send_reply:
                _enqueue_reply(msg, reply, outcome.report)
    except IntegrityError:
        stored = _stored(msg.channel, msg.message_id)  # a retry, or a concurrent delivery of the same message
        if stored is None:
            raise
        return stored
    except ApplicationError as exc:
        # A retry of an accepted message keeps its first answer even if the same text would be refused now
        # (the report was closed in between, say).
        return _stored(msg.channel, msg.message_id) or _answer_refusal(msg, exc.message, "refused")
    return InboundResult(reply, report=outcome.report, created=outcome.created, kind=outcome.kind)


def _act(msg: _Message) -> _Outcome:
    if not msg.text and not msg.files:
        raise ValidationFailed(
            _("Lampiran tidak dapat diterima: %(why)s Mohon kirim ulang.") % {"why": " ".join(msg.problems)}
        )
    tid = _status_request(msg)
    if tid is not None:
        return _status(msg, tid)
    target, message = _thread_target(msg)
    if target is not None:
        return _thread(msg, target, message)
    if not msg.text:
        return _attach_only(msg)
    agency, body = _intake(msg)
    if agency is None and msg.rules.implicit_threading:
        waiting = selectors.awaiting_report_token(**msg.contact)
        if waiting is not None:
            return _thread(msg, waiting[0], msg.text, token=waiting[1])
    return _file(msg, agency, body)


# --- reading the message ---------------------------------------------------------------------------------------

_CEK = re.compile(r"^cek(?=[\s#:.]|\d|$)[\s#:.]*(?P<tid>\S*)", re.IGNORECASE)
_TARGET = re.compile(r"^(?:#|lapor\s*#?\s*)(?P<tid>\d{6,16})\b[\s:.,;-]*", re.IGNORECASE)
_SUBJECT_TARGET = re.compile(r"#(?P<tid>\d{6,16})\b")
_KEYWORD = re.compile(r"^(?P<word>[0-9A-Za-z]{2,32})[\s:.,;-]*")


def _message_key(message_id: str) -> str:
    message_id = (message_id or "").strip()
    if not message_id:
        return f"anon-{uuid.uuid4()}"
    if len(message_id) > MESSAGE_ID_MAX:
        return "sha256-" + hashlib.sha256(message_id.encode()).hexdigest()
    return message_id


def _normalise_sender(rules: _Rules, sender: str) -> str:
    if rules.phone_sender:
        phone = rs.normalise_phone(sender)
        if not phone:
            raise ValidationFailed(_("Nomor pengirim kosong."))
        return phone
    address = (sender or "").strip().lower()
    try:
        validate_email(address)
    except ValidationError as exc:
        raise ValidationFailed(_("Alamat e-mail pengirim tidak valid.")) from exc
    return address


def _status_request(msg: _Message) -> str | None:
    """``CEK 10005273`` → ``"10005273"``; ``CEK`` alone → ``""``; not a CEK command → ``None``. ``Cek jalan
    depan rumah …`` (no digits after CEK) is a report, not a command.
    """
    line = msg.subject if msg.channel == InboundChannel.EMAIL else msg.text
    match = _CEK.match(line)
    if match is None:
        return None
    tid = match["tid"].strip("#.:,;")
    if tid and not any(ch.isdigit() for ch in tid):
        return None
    return tid


def _thread_target(msg: _Message) -> tuple[str | None, str]:
    """(tracking ID, message) when the message names the report it answers. In an e-mail subject only a
    well-formed tracking ID counts ("Tagihan PDAM #1234567" is a new report, not a reply).
    """
    if msg.channel == InboundChannel.EMAIL:
        ids = [m["tid"] for m in _SUBJECT_TARGET.finditer(msg.subject) if tracking_id_is_valid(m["tid"])]
        return (ids[0], msg.text) if ids else (None, msg.text)
    match = _TARGET.match(msg.text)
    return (match["tid"], msg.text[match.end() :].strip()) if match else (None, msg.text)


def _intake(msg: _Message) -> tuple[Agency | None, str]:
    """The intake agency named by the message (first word on SMS/WhatsApp, mailbox on e-mail) and the body."""
    if msg.channel == InboundChannel.EMAIL:
        local_part = msg.to.partition("@")[0]
        return _keyword_agency(local_part), msg.text
    match = _KEYWORD.match(msg.text)
    agency = _keyword_agency(match["word"]) if match else None
    if agency is None:
        return None, msg.text
    return agency, msg.text[match.end() :].strip()


def _keyword_agency(word: str) -> Agency | None:
    """The active agency whose SMS keyword is ``word`` (any case). Agency codes alone do not count: a report
    starting with an ordinary word must not be routed by accident.
    """
    if not word or not word.isalnum():
        return None
    return _keyword_agency_memo(word.upper())


@ttl_memo(60, maxsize=4096)
def _keyword_agency_memo(word: str) -> Agency | None:
    """Memoised per process for a minute: every SMS asks, keywords change rarely."""
    agency = agency_find(word)
    if agency is None or not agency.active or (agency.sms_keyword or "").upper() != word.upper():
        return None
    return agency


# --- refusals ----------------------------------------------------------------------------------------------------


def _refusal(msg: _Message) -> tuple[str, str] | None:
    """(answer, kind) when the message must be refused before anything is read or written."""
    if _flooding(msg):
        minutes = max(1, setting("LAPOR_CHANNELS_THROTTLE_SECONDS") // 60)
        return (
            _(
                "Terlalu banyak pesan dalam waktu singkat. Mohon tunggu %(m)d menit lalu kirim lagi. "
                "Pesan ini tidak dicatat."
            )
            % {"m": minutes},
            "throttled",
        )
    if len(msg.text) > MAX_TEXT:
        return (
            _(
                "Pesan terlalu panjang (maksimal %(n)s karakter) dan tidak dicatat. "
                "Mohon kirim laporan yang lebih singkat."
            )
            % {"n": f"{MAX_TEXT:,}".replace(",", ".")},
            "refused",
        )
    if not msg.text and not msg.attachments:
        return _help(msg), "help"
    return None


def _flooding(msg: _Message) -> bool:
    """More than ``LAPOR_CHANNELS_THROTTLE_MESSAGES`` from one sender in the current fixed window (one counter in
    Django's cache: local memory per process by default, one Redis round trip when LAPOR_REDIS_URL is set).
    """
    limit = setting("LAPOR_CHANNELS_THROTTLE_MESSAGES")
    seconds = setting("LAPOR_CHANNELS_THROTTLE_SECONDS")
    if not limit or not seconds:
        return False
    now = clock.now().timestamp()
    msg.flood_window = int(now) // seconds
    return ratelimit.hit(f"channels:flood:{msg.sender}", seconds, now=now).count > limit


def _answer_refusal(msg: _Message, text: str, kind: str) -> InboundResult:
    """Answer without storing anything but the reply itself (WhatsApp and e-mail answers go through the outbox;
    a flooding sender is told once per window there, not once per message).
    """
    if msg.rules.outbox_channel is not None:
        once = kind != "throttled" or cache.add(f"lapor:channels:told:{msg.sender}:{msg.flood_window}", 1, 3600)
        if once:
            with transaction.atomic():
                _enqueue_reply(msg, text, None)
    return InboundResult(_sms_safe(text) if msg.rules.sms_length else text, kind=kind)


def _help(msg: _Message) -> str:
    if msg.channel == InboundChannel.EMAIL:
        return _(
            "Tulis isi laporan Anda di badan e-mail (subjek menjadi judul). Untuk menanyakan status, kirim e-mail "
            "dengan subjek CEK <nomor laporan>."
        )
    return _(
        "LAPOR! %(short)s: kirim KATAKUNCI isi laporan (mis. KOTKUPANG jalan rusak di ...) atau isi laporan saja. "
        "Cek status: CEK nomor laporan."
    ) % {"short": setting("LAPOR_SMS_SENDER")}


# --- acting ------------------------------------------------------------------------------------------------------


def _file(msg: _Message, agency: Agency | None, body: str) -> _Outcome:
    if agency is not None and not body:
        raise ValidationFailed(
            _("Tulis isi laporan setelah kata kunci, mis. %(kw)s jalan rusak di depan SD Inpres.")
            % {"kw": agency.sms_keyword},
            extra={"field": "body"},
        )
    if len(body) < BODY_MIN:
        raise ValidationFailed(
            _("Isi laporan terlalu pendek (minimal %(n)d karakter). Ceritakan apa masalahnya, di mana dan sejak kapan.")
            % {"n": BODY_MIN},
            extra={"field": "body"},
        )
    kwargs = {"acknowledge": msg.rules.outbox_channel is not None}
    result = rs.report_submit(
        actor=Actor.public(),
        body=body,
        title=msg.subject,
        channel=msg.channel,
        reporter_name=msg.sender_name,
        reporter_phone=msg.contact.get("phone", ""),
        reporter_email=msg.contact.get("email", ""),
        intake_agency=agency,
        intake_key=f"{msg.channel}:{msg.message_id}",
        **kwargs,
    )
    report = result.report
    attached = _attach(msg, report, event=None)
    reply = _fit(
        _("Laporan Anda untuk %(agency)s diterima dengan nomor %(tid)s. Cek status: %(how)s.")
        if agency is not None
        else _("Laporan Anda diterima dengan nomor %(tid)s. Cek status: %(how)s."),
        agency=agency.name if agency is not None else "",
        tid=report.tracking_id,
        how=_how_to_check(msg, report.tracking_id),
        limit=SMS_LENGTH if msg.rules.sms_length else None,
    )
    reply += _attachment_note(msg, attached)
    # On WhatsApp and e-mail report_submit has already queued the acknowledgement (with the follow link) to the
    # reporter's channel; only refused attachments need a word of their own.
    send = msg.rules.outbox_channel is not None and (not result.created or bool(msg.problems))
    return _Outcome(InboundKind.REPORT, reply, report, created=result.created, send_reply=send)


def _thread(msg: _Message, tracking_id: str, message: str, *, token: str | None = None) -> _Outcome:
    token = token or selectors.reporter_token_for(tracking_id=tracking_id, **msg.contact)
    actor = Actor.reporter(token=token)
    report = _visible(actor, tracking_id, msg)  # without a token (not the sender's report): "tidak ditemukan"
    if not message and not msg.files:
        raise ValidationFailed(
            _("Tulis tanggapan Anda setelah nomor laporan, mis. #%(tid)s jalan belum diperbaiki.")
            % {"tid": tracking_id}
        )
    if report.status != Status.PENDING_INFO and transition_target(Action.REPLY, report.status) is None:
        raise ValidationFailed(
            _(
                "Laporan %(tid)s sudah berstatus %(status)s dan tidak dapat ditanggapi lewat pesan. "
                "Kirim laporan baru bila perlu."
            )
            % {"tid": tracking_id, "status": report.status_label}
        )
    if report.status == Status.PENDING_INFO:
        report = rs.report_provide_info(report=report, actor=actor, message=message or _("(lampiran)"))
        kind, event_kind = InboundKind.INFO, EventKind.INFO_PROVIDED
        reply = _("Informasi untuk laporan %(tid)s sudah kami terima; laporan Anda diverifikasi kembali. Terima kasih.")
    else:
        report = rs.report_reply(report=report, actor=actor, message=message or _("(lampiran)"))
        kind, event_kind = InboundKind.REPLY, EventKind.REPLIED
        reply = _("Tanggapan Anda untuk laporan %(tid)s sudah kami teruskan ke %(agency)s. Terima kasih.")
    event = report.events.filter(kind=event_kind).order_by("-created_at", "-pk").first()
    attached = _attach(msg, report, event=event)
    text = _fit(
        reply,
        tid=report.tracking_id,
        agency=report.owner_agency.name,
        limit=SMS_LENGTH if msg.rules.sms_length else None,
    )
    return _Outcome(kind, text + _attachment_note(msg, attached), report)


def _status(msg: _Message, tracking_id: str) -> _Outcome:
    if not tracking_id:
        raise ValidationFailed(_("Tulis CEK spasi nomor laporan, mis. CEK 10012345."))
    token = selectors.reporter_token_for(tracking_id=tracking_id, **msg.contact)
    actor = Actor.reporter(token=token) if token else Actor.public()
    report = _visible(actor, tracking_id, msg)
    data = report_present(actor, report)
    parts = {"tid": report.tracking_id, "status": data["status_label"], "agency": data["agency"]}
    deadline = _next_deadline(data, report.owner_agency.timezone)
    if deadline is None:
        template = _("Laporan %(tid)s: %(status)s, di %(agency)s.")
    else:
        parts.update(deadline)
        template = (
            _("Laporan %(tid)s: %(status)s, di %(agency)s. Batas %(clock)s %(date)s terlewati.")
            if deadline["late"]
            else _("Laporan %(tid)s: %(status)s, di %(agency)s. Batas %(clock)s: %(date)s.")
        )
    limit = SMS_LENGTH if msg.rules.sms_length else None
    text = _fit(template, limit=limit, **parts)
    if token and report.status in selectors.AWAITING_REPORTER:
        hint = " " + _("Balas pesan ini untuk menanggapi.")
        if limit is None or len(text) + len(hint) <= limit:
            text += hint
    return _Outcome(InboundKind.STATUS, text, report)


def _attach_only(msg: _Message) -> _Outcome:
    """A photo or document without text: it joins the report the sender is waiting on or has just filed."""
    since = clock.now() - dt.timedelta(minutes=setting("LAPOR_CHANNELS_ATTACH_MINUTES"))
    row = selectors.awaiting_report_token(**msg.contact) if msg.rules.implicit_threading else None
    row = row or selectors.recent_report_token(channel=msg.channel, sender=msg.sender, since=since)
    if row is None:
        raise ValidationFailed(
            _(
                "Lampiran diterima, tetapi belum ada laporan untuk dilampiri. "
                "Kirim lampiran bersama keterangan laporan Anda."
            )
        )
    report = _visible(Actor.reporter(token=row[1]), row[0], msg)
    attached = _attach(msg, report, event=None)
    if not attached:
        raise ValidationFailed(_("Lampiran tidak dapat disimpan: %(why)s") % {"why": " ".join(msg.problems)})
    reply = _("Lampiran diterima untuk laporan %(tid)s.") % {"tid": report.tracking_id}
    return _Outcome(InboundKind.ATTACHMENT, reply + _attachment_note(msg, attached), report)


def _visible(actor: Actor, tracking_id: str, msg: _Message) -> Report:
    try:
        return report_for(actor, tracking_id)
    except NotFound as exc:
        raise _not_found(tracking_id) from exc


def _not_found(tracking_id: str) -> NotFound:
    return NotFound(
        _("Laporan %(tid)s tidak ditemukan. Periksa kembali nomornya, lalu kirim CEK nomor laporan.")
        % {"tid": tracking_id[:16]}
    )


# --- attachments -----------------------------------------------------------------------------------------------


def _load_attachments(msg: _Message) -> None:
    """Fetch every attachment before the transaction starts (downloads must not hold database locks)."""
    for attachment in msg.attachments:
        try:
            msg.files.append((attachment.filename, attachment.load()))
        except (AttachmentUnavailable, OSError, ValueError):
            msg.problems.append(_("%(name)s tidak dapat diunduh.") % {"name": attachment.filename or _("lampiran")})


def _attach(msg: _Message, report: Report, *, event) -> int:
    """Attach the message's files to ``report`` (content checked by ``attachment_add``); returns how many stuck.
    A refused file leaves the report and the other files alone and is named in the answer.
    """
    actor = Actor.reporter(token=report.access_token)
    count = 0
    for filename, data in msg.files:
        try:
            attachment_add(report=report, actor=actor, data=data, filename=filename, event=event)
        except ValidationFailed as exc:
            msg.problems.append(f"{filename}: {exc.message}")
        else:
            count += 1
    return count


def _attachment_note(msg: _Message, attached: int) -> str:
    if not msg.attachments or not msg.problems:
        return ""
    return " " + _("%(ok)d lampiran disimpan; ditolak: %(why)s") % {"ok": attached, "why": " ".join(msg.problems)}


# --- answering ---------------------------------------------------------------------------------------------------


def _stored(channel: str, message_id: str) -> InboundResult | None:
    """The answer already given to this message, if it was accepted before."""
    row = InboundMessage.objects.filter(channel=channel, message_id=message_id).select_related("report")[:1]
    for found in row:
        return InboundResult(found.reply_text, report=found.report, created=False, replayed=True, kind=found.kind)
    return None


def _enqueue_reply(msg: _Message, text: str, report: Report | None) -> None:
    """WhatsApp and e-mail answers go to the sender through the outbox (SMS answers go back to Kannel inline)."""
    if msg.rules.outbox_channel is None:
        return
    if report is not None:
        subject = _("LAPOR! #%(tid)s: %(title)s") % {"tid": report.tracking_id, "title": report.title[:120]}
    else:
        subject = _("Re: %(subject)s") % {"subject": msg.subject} if msg.subject else "LAPOR!"
    outbox_enqueue(
        channel=msg.rules.outbox_channel,
        recipient=msg.sender,
        kind="channel.reply",
        subject=subject,
        body=text,
        report_id=report.pk if report is not None else None,
        payload={"in_reply_to": msg.message_id, **({"tracking_id": report.tracking_id} if report else {})},
    )


def _how_to_check(msg: _Message, tid: str) -> str:
    if msg.channel == InboundChannel.SMS:
        return _("kirim CEK %(tid)s ke %(short)s") % {"tid": tid, "short": setting("LAPOR_SMS_SENDER")}
    if msg.channel == InboundChannel.WHATSAPP:
        return _("kirim CEK %(tid)s") % {"tid": tid}
    return _("kirim e-mail bersubjek CEK %(tid)s") % {"tid": tid}


def _next_deadline(data: dict, tz: str) -> dict | None:
    """The earliest unmet deadline among the report's clocks, as its label and local date."""
    open_clocks = [c for c in data["clocks"] if c["due"] and not c["met_at"] and c["state"] in ("running", "breached")]
    if not open_clocks:
        return None
    first = min(open_clocks, key=lambda c: c["due"])
    due = dt.datetime.fromisoformat(first["due"]).astimezone(ZoneInfo(tz))
    return {
        "clock": str(first["label"]).lower(),
        "date": due.strftime("%d/%m/%Y"),
        "late": first["state"] == "breached",
    }


def _fit(template: str, *, agency: str = "", limit: int | None, **values: str) -> str:
    """``template`` filled in; when it is longer than ``limit`` the agency name is shortened (never the tracking
    ID), so the answer fits one SMS.
    """
    text = template % {**values, "agency": agency}
    over = len(text) - limit if limit else 0
    if over > 0 and agency and len(agency) > over + 3:
        text = template % {**values, "agency": agency[: len(agency) - over - 3].rstrip(" ,") + "..."}
    return text


_GSM_REPLACEMENTS = str.maketrans({"…": "...", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def _sms_safe(text: str) -> str:
    """Replace the few typographic characters outside the GSM 7-bit alphabet: one of them would switch the whole
    SMS to UCS-2 and cut it to 70 characters.
    """
    return text.translate(_GSM_REPLACEMENTS)
