"""What every figure counts: one named criterion (a ``Q``) per figure, used both to compute the figure
(``Count(filter=…)`` in the rollup) and to list the reports behind it (the drill-down), so the two can
never disagree on a definition.

Some criteria depend on the moment they are evaluated (a running clock is *overdue* once its due time has
passed; *yellow* means one working day or less left). They take a :class:`Moment`, computed once per
refresh or request from :func:`lapor.core.clock.now` and the working-day calendar.

>>> q = criterion("verify_late", moment_at(now))   # verified/dispatched after its due time
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from lapor.agencies.choices import TimeZone
from lapor.reports.states import PUBLISHABLE_STATUSES, Status
from lapor.sla.calendar import national_calendar

S = Status

# --- status groups (they partition every report) -----------------------------------------------------------
STATUS_GROUPS: dict[str, tuple[str, ...]] = {
    "unverified": (S.SUBMITTED, S.PENDING_INFO),
    "in_process": (S.VERIFIED, S.DISPOSED, S.RETURNED, S.IN_PROGRESS),
    "followed_up": (S.FOLLOWED_UP,),
    "closed": (S.CLOSED,),
    "archived": (S.ARCHIVED,),
}
STATUS_GROUP_LABELS = {
    "unverified": _("Belum terverifikasi"),
    "in_process": _("Dalam proses"),
    "followed_up": _("Ditindaklanjuti, menunggu pelapor"),
    "closed": _("Selesai"),
    "archived": _("Diarsipkan"),
}
# Statuses in which the report is (or was) with an agency: reaching one of them means it was disposed.
REACHED_AGENCY = (S.DISPOSED, S.RETURNED, S.IN_PROGRESS, S.FOLLOWED_UP, S.CLOSED)
VERIFY_STAGE = (S.SUBMITTED, S.VERIFIED)  # the verification clock is the intake's to meet
AGENCY_STAGE = (S.DISPOSED, S.RETURNED, S.IN_PROGRESS)  # response/completion clocks are the owner's
WAITING = (S.PENDING_INFO, S.FOLLOWED_UP)  # the ball is with the reporter: no clock runs against the agency
OPEN = (*VERIFY_STAGE, *AGENCY_STAGE, *WAITING)

PUBLIC_Q = Q(is_secret=False, status__in=sorted(PUBLISHABLE_STATUSES))

WIB = ZoneInfo("Asia/Jakarta")
TIME_ZONES = tuple(TimeZone.values)


@dataclass(frozen=True)
class Moment:
    """``now`` and, per time zone, the instant before which a due time counts as *yellow* (one working day or
    less left: its local date is at most the next working day after today).
    """

    now: dt.datetime
    yellow_before: dict[str, dt.datetime]


def moment_at(now: dt.datetime) -> Moment:
    cal = national_calendar()
    cutoffs = {}
    for tz in TIME_ZONES:
        zone = ZoneInfo(tz)
        today = now.astimezone(zone).date()
        last_yellow_day = cal.add_working_days(today, 1)
        cutoffs[tz] = dt.datetime.combine(last_yellow_day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return Moment(now=now, yellow_before=cutoffs)


def _due_before_local(field: str, cutoffs: dict[str, dt.datetime]) -> Q:
    return reduce(or_, (Q(owner_agency__timezone=tz, **{f"{field}__lt": at}) for tz, at in cutoffs.items()))


def _status(*statuses: str) -> Q:
    return Q(status__in=list(statuses))


def _stage_clock_q(m: Moment, *, red: bool) -> Q:
    """Open reports whose running clock (the one the agency must meet now) is overdue (red) or due within one
    working day (yellow). The running clock is verification before disposition, then first response until the
    first follow-up, then completion.
    """
    respond = Q(first_response_at__isnull=True, response_due_at__isnull=False)
    stages = (
        (_status(*VERIFY_STAGE), "verify_due_at"),
        (_status(*AGENCY_STAGE) & respond, "response_due_at"),
        (_status(*AGENCY_STAGE) & ~respond, "completion_due_at"),
    )
    if red:
        parts = [stage & Q(**{f"{due}__lt": m.now}) for stage, due in stages]
    else:
        parts = [stage & Q(**{f"{due}__gte": m.now}) & _due_before_local(due, m.yellow_before) for stage, due in stages]
    return reduce(or_, parts)


def _colour_green(m: Moment) -> Q:
    return _status(*VERIFY_STAGE, *AGENCY_STAGE) & ~_stage_clock_q(m, red=True) & ~_stage_clock_q(m, red=False)


_CRITERIA: dict[str, Callable[[Moment], Q]] = {
    # reached an agency (disposed at least once)
    "disposed": lambda m: Q(disposed_at__isnull=False) | _status(*REACHED_AGENCY),
    # ditindaklanjuti: the agency answered at least once (closing needs a follow-up first)
    "responded": lambda m: Q(first_response_at__isnull=False) | _status(S.FOLLOWED_UP, S.CLOSED),
    # SLA per stage: met on time, met late, or still running past its due time (overdue)
    "verify_ontime": lambda m: Q(verify_met_at__isnull=False, verify_met_at__lte=F("verify_due_at")),
    "verify_late": lambda m: Q(verify_met_at__isnull=False, verify_met_at__gt=F("verify_due_at")),
    "verify_overdue": lambda m: _status(*VERIFY_STAGE) & Q(verify_met_at__isnull=True, verify_due_at__lt=m.now),
    "response_ontime": lambda m: Q(first_response_at__isnull=False, first_response_at__lte=F("response_due_at")),
    "response_late": lambda m: Q(first_response_at__isnull=False, first_response_at__gt=F("response_due_at")),
    "response_overdue": lambda m: _status(*AGENCY_STAGE) & Q(first_response_at__isnull=True, response_due_at__lt=m.now),
    "completion_ontime": lambda m: Q(completion_met_at__isnull=False, completion_met_at__lte=F("completion_due_at")),
    "completion_late": lambda m: Q(completion_met_at__isnull=False, completion_met_at__gt=F("completion_due_at")),
    "completion_overdue": lambda m: (
        _status(*AGENCY_STAGE) & Q(completion_met_at__isnull=True, completion_due_at__lt=m.now)
    ),
    # friction and the reporter's verdict
    "bounced": lambda m: Q(bounce_count__gt=0),
    "reopened": lambda m: Q(reopen_count__gt=0),
    "unsatisfied": lambda m: Q(is_unsatisfied=True) | Q(rating__lte=2),
    "rated": lambda m: Q(rating__isnull=False),
    # the backlog by colour of its running clock
    "open": lambda m: _status(*OPEN),
    "open_red": lambda m: _stage_clock_q(m, red=True),
    "open_yellow": lambda m: _stage_clock_q(m, red=False),
    "open_green": _colour_green,
    "open_waiting": lambda m: _status(*WAITING),
}
for _group, _statuses in STATUS_GROUPS.items():
    _CRITERIA[f"grp_{_group}"] = lambda m, _s=_statuses: _status(*_s)

CRITERION_LABELS = {
    "disposed": _("Terdisposisi ke instansi"),
    "responded": _("Ditindaklanjuti"),
    "verify_ontime": _("Verifikasi tepat waktu"),
    "verify_late": _("Verifikasi terlambat"),
    "verify_overdue": _("Verifikasi melewati batas, belum selesai"),
    "response_ontime": _("Tanggapan pertama tepat waktu"),
    "response_late": _("Tanggapan pertama terlambat"),
    "response_overdue": _("Tanggapan pertama melewati batas, belum ada"),
    "completion_ontime": _("Penyelesaian tepat waktu"),
    "completion_late": _("Penyelesaian terlambat"),
    "completion_overdue": _("Penyelesaian melewati batas, belum selesai"),
    "bounced": _("Pernah dikembalikan (bukan wewenang)"),
    "reopened": _("Dibuka kembali"),
    "unsatisfied": _("Pelapor tidak puas"),
    "rated": _("Diberi penilaian"),
    "open": _("Belum selesai"),
    "open_red": _("Belum selesai, melewati batas waktu (merah)"),
    "open_yellow": _("Belum selesai, batas waktu ≤ 1 HK (kuning)"),
    "open_green": _("Belum selesai, masih dalam batas waktu (hijau)"),
    "open_waiting": _("Menunggu pelapor"),
    **{f"grp_{k}": v for k, v in STATUS_GROUP_LABELS.items()},
}

# The criteria counted as columns of the monthly rollup (everything but the status groups' aliases).
COUNTED = (
    "disposed",
    "responded",
    "verify_ontime",
    "verify_late",
    "verify_overdue",
    "response_ontime",
    "response_late",
    "response_overdue",
    "completion_ontime",
    "completion_late",
    "completion_overdue",
    "bounced",
    "reopened",
    "unsatisfied",
    "rated",
    "open_red",
    "open_yellow",
    "open_green",
    "open_waiting",
)


def criterion(name: str, m: Moment) -> Q:
    """The ``Q`` of the named criterion; ``KeyError`` for an unknown name (callers validate first)."""
    return _CRITERIA[name](m)


def criterion_names() -> frozenset[str]:
    return frozenset(_CRITERIA)


def category_q(l1_id: int) -> Q:
    """Reports whose category is the top-level category ``l1_id`` or lies below it (the taxonomy has 3 levels)."""
    return Q(category_id=l1_id) | Q(category__parent_id=l1_id) | Q(category__parent__parent_id=l1_id)


def region_q(prefix: str) -> Q:
    """Reports located in the region with this Kemendagri code or anywhere inside it."""
    return Q(region_id=prefix) | Q(region_id__startswith=f"{prefix}.")
