"""The report state machine: every legal (action, from-state) pair and where it leads. Nothing else
changes a report's status; services call :func:`transition_assert` before writing anything.

See ``docs/subsystems/lifecycle.md`` for the diagram.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from lapor.core.errors import IllegalTransition


class Status(models.TextChoices):
    SUBMITTED = "submitted", _l("Belum terverifikasi")
    PENDING_INFO = "pending_info", _l("Ditunda: menunggu informasi pelapor")
    VERIFIED = "verified", _l("Terverifikasi")
    ARCHIVED = "archived", _l("Diarsipkan")
    DISPOSED = "disposed", _l("Terdisposisi")
    RETURNED = "returned", _l("Dikembalikan: bukan wewenang")
    IN_PROGRESS = "in_progress", _l("Diproses")
    FOLLOWED_UP = "followed_up", _l("Ditindaklanjuti")
    CLOSED = "closed", _l("Selesai")


STATUS_COLOURS: dict[str, str] = {
    Status.SUBMITTED: "gray",
    Status.PENDING_INFO: "orange",
    Status.VERIFIED: "blue",
    Status.ARCHIVED: "dark",
    Status.DISPOSED: "indigo",
    Status.RETURNED: "red",
    Status.IN_PROGRESS: "teal",
    Status.FOLLOWED_UP: "green",
    Status.CLOSED: "black",
}

OPEN_STATUSES = frozenset(set(Status) - {Status.ARCHIVED, Status.CLOSED})
# States in which the report is with an agency that must act (the "backlog").
AGENCY_STATUSES = frozenset({Status.DISPOSED, Status.IN_PROGRESS, Status.RETURNED})
# Once verified, a non-secret report can be published (with redacted text).
PUBLISHABLE_STATUSES = frozenset(
    {Status.VERIFIED, Status.DISPOSED, Status.RETURNED, Status.IN_PROGRESS, Status.FOLLOWED_UP, Status.CLOSED}
)


class Action(models.TextChoices):
    """Everything that can happen to an existing report. Submitting creates one and is not listed."""

    VERIFY = "verify", _l("verifikasi")
    REQUEST_INFO = "request_info", _l("tunda (minta informasi)")
    PROVIDE_INFO = "provide_info", _l("lengkapi informasi")
    ARCHIVE = "archive", _l("arsipkan")
    DISPOSE = "dispose", _l("disposisi ke instansi")
    DISPOSE_INTERNAL = "dispose_internal", _l("disposisi internal")
    RETURN = "return", _l("kembalikan (bukan wewenang)")
    FOLLOW_UP = "follow_up", _l("tindak lanjut")
    REPLY = "reply", _l("tanggapan pelapor")
    DISPUTE = "dispute", _l("nyatakan tidak puas / sanggah")
    CLOSE = "close", _l("selesaikan")
    AUTO_CLOSE = "auto_close", _l("tutup otomatis")
    RATE = "rate", _l("beri penilaian")
    NOTE = "note", _l("catatan internal")
    RECLASSIFY = "reclassify", _l("ubah klasifikasi")
    RECALL = "recall", _l("tarik kembali disposisi")


S = Status
A = Action

# (action, from) -> to. A pair that is absent is illegal. Self-loops are explicit.
TRANSITIONS: dict[tuple[str, str], str] = {
    (A.VERIFY, S.SUBMITTED): S.VERIFIED,
    (A.VERIFY, S.VERIFIED): S.VERIFIED,
    (A.REQUEST_INFO, S.SUBMITTED): S.PENDING_INFO,
    (A.REQUEST_INFO, S.VERIFIED): S.PENDING_INFO,
    (A.PROVIDE_INFO, S.PENDING_INFO): S.SUBMITTED,
    (A.ARCHIVE, S.SUBMITTED): S.ARCHIVED,
    (A.ARCHIVE, S.VERIFIED): S.ARCHIVED,
    (A.ARCHIVE, S.PENDING_INFO): S.ARCHIVED,
    (A.ARCHIVE, S.RETURNED): S.ARCHIVED,
    (A.DISPOSE, S.VERIFIED): S.DISPOSED,
    (A.DISPOSE, S.RETURNED): S.DISPOSED,
    (A.DISPOSE_INTERNAL, S.DISPOSED): S.DISPOSED,
    (A.DISPOSE_INTERNAL, S.IN_PROGRESS): S.DISPOSED,
    (A.DISPOSE_INTERNAL, S.RETURNED): S.DISPOSED,
    (A.RECALL, S.DISPOSED): S.VERIFIED,  # only while the receiving unit has not acted (report_recall)
    (A.RETURN, S.DISPOSED): S.RETURNED,
    (A.RETURN, S.IN_PROGRESS): S.RETURNED,
    (A.RETURN, S.RETURNED): S.RETURNED,
    (A.FOLLOW_UP, S.DISPOSED): S.FOLLOWED_UP,
    (A.FOLLOW_UP, S.IN_PROGRESS): S.FOLLOWED_UP,
    (A.FOLLOW_UP, S.FOLLOWED_UP): S.FOLLOWED_UP,
    (A.REPLY, S.SUBMITTED): S.SUBMITTED,
    (A.REPLY, S.VERIFIED): S.VERIFIED,
    (A.REPLY, S.DISPOSED): S.DISPOSED,
    (A.REPLY, S.RETURNED): S.RETURNED,
    (A.REPLY, S.IN_PROGRESS): S.IN_PROGRESS,
    (A.REPLY, S.FOLLOWED_UP): S.IN_PROGRESS,
    (A.DISPUTE, S.FOLLOWED_UP): S.IN_PROGRESS,
    (A.DISPUTE, S.CLOSED): S.IN_PROGRESS,
    (A.DISPUTE, S.ARCHIVED): S.SUBMITTED,
    (A.CLOSE, S.FOLLOWED_UP): S.CLOSED,
    (A.AUTO_CLOSE, S.FOLLOWED_UP): S.CLOSED,
    (A.RATE, S.FOLLOWED_UP): S.FOLLOWED_UP,
    (A.RATE, S.CLOSED): S.CLOSED,
    **{(A.NOTE, s): s for s in S},
    **{(A.RECLASSIFY, s): s for s in (S.DISPOSED, S.RETURNED, S.IN_PROGRESS, S.FOLLOWED_UP)},
}


def allowed_from(action: str) -> list[str]:
    """States from which ``action`` is legal, in lifecycle order."""
    return [s for s in Status if (action, s) in TRANSITIONS]


def transition_target(action: str, current: str) -> str | None:
    return TRANSITIONS.get((action, current))


def transition_assert(action: str, current: str) -> str:
    """Return the state ``action`` leads to from ``current``, or raise :class:`IllegalTransition`
    naming the current state and the states the rule allows.
    """
    target = TRANSITIONS.get((action, current))
    if target is None:
        allowed = ", ".join(str(Status(s).label) for s in allowed_from(action)) or "—"
        raise IllegalTransition(
            _(
                "Tidak dapat %(action)s: laporan berstatus '%(state)s'. "
                "Aturan: %(action)s hanya dari status %(allowed)s."
            )
            % {"action": Action(action).label, "state": Status(current).label, "allowed": allowed},
            extra={"action": str(action), "state": str(current), "allowed_from": allowed_from(action)},
        )
    return target
