"""The SMTP intake (``lapor mailin``): an aiosmtpd server that hands every message to :func:`email_receive`.

Run it behind the organisation's MTA (which checks SPF/DKIM/DMARC and relays the LAPOR mailboxes here); it
listens on loopback by default. Database work runs in one worker thread, never in the event loop. A message is
answered ``250`` once it was filed, threaded or deliberately refused (the refusal goes back by e-mail), and
``451`` (try again later) when the database failed: the MTA retries, and the Message-ID makes the retry harmless.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.db import close_old_connections, connections

from lapor.channels.conf import setting
from lapor.channels.mail import email_receive

log = logging.getLogger(__name__)


class LaporMailHandler:
    """aiosmtpd handler: checks recipients, then files each message through the conversation service."""

    def __init__(self, *, domains: list[str] | None = None) -> None:
        self.domains = [d.lower().lstrip("@") for d in (domains or [])]
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mailin")

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options):  # noqa: N802
        domain = address.rpartition("@")[2].lower()
        if self.domains and domain not in self.domains:
            return "550 5.1.1 Mailbox tidak dikenal"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        loop = asyncio.get_running_loop()
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="replace")
        return await loop.run_in_executor(
            self.executor, self.receive, raw, envelope.mail_from or "", tuple(envelope.rcpt_tos)
        )

    def close(self) -> None:
        """Close the worker thread's database connection, then the worker (after the controller stopped)."""
        self.executor.submit(connections.close_all).result(timeout=10)
        self.executor.shutdown(wait=True)

    def receive(self, raw: bytes, mail_from: str, rcpt_tos: tuple[str, ...]) -> str:
        close_old_connections()
        try:
            result = email_receive(raw, envelope_from=mail_from or "<>", envelope_to=rcpt_tos)
        except Exception:
            log.exception("mailin: could not process a message from %s", mail_from)
            return "451 4.3.0 Gangguan sementara, silakan coba lagi"
        finally:
            close_old_connections()
        if result is None:
            return "250 2.0.0 OK (pesan otomatis, tidak dibalas)"
        if result.report is not None:
            return f"250 2.0.0 OK laporan {result.report.tracking_id}"
        return "250 2.0.0 OK"


def mailin_controller(*, host: str, port: int, domains: list[str] | None = None) -> Controller:
    """An aiosmtpd controller (not started) serving :class:`LaporMailHandler` on ``host:port``."""
    handler = LaporMailHandler(domains=domains if domains is not None else setting("LAPOR_MAILIN_DOMAINS"))
    return Controller(
        handler,
        hostname=host,
        port=port,
        data_size_limit=setting("LAPOR_MAILIN_MAX_BYTES"),
        enable_SMTPUTF8=True,
        server_hostname="lapor-mailin",
        ready_timeout=10,
    )
