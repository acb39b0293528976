"""The monthly report of an agency (like the national monthly reports KemenPANRB used to publish): the month's
figures and charts as a printable page, and an e-mail to the agency's pimpinan through the outbox.

Sending is idempotent: a :class:`MonthlyDispatch` row per (agency, month) is written in the same transaction as
the outbox messages, so a re-run (or two workers at once) never sends a month twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lapor.agencies.choices import Role
from lapor.agencies.models import Agency, Membership
from lapor.notifications.models import OutboxChannel
from lapor.notifications.services import outbox_enqueue
from lapor.oversight.models import MonthlyDispatch
from lapor.oversight.rollup import month_add
from lapor.oversight.selectors import Figures, Period, figures_for


def previous_month(today: dt.date) -> dt.date:
    return month_add(today.replace(day=1), -1)


def monthly_figures(agency: Agency, month: dt.date) -> tuple[Figures, Figures]:
    """This month's figures (with the league of the units below) and the month before, for comparison."""
    current = figures_for(agency, Period(month, month), public=False)
    before_month = month_add(month, -1)
    before = figures_for(agency, Period(before_month, before_month), public=False, league=False)
    return current, before


def monthly_url(agency: Agency, month: dt.date) -> str:
    base = getattr(settings, "LAPOR_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return base + reverse("oversight:monthly", args=[agency.code, f"{month:%Y-%m}"])


def _num(value) -> str:
    if value is None:
        return "—"
    return formats.number_format(value, decimal_pos=1 if isinstance(value, float) else 0, force_grouping=True)


def monthly_text(agency: Agency, month: dt.date, fig: Figures, before: Figures) -> str:
    """The e-mail body: the headline figures in plain text, and the link to the full report."""
    rates, t = fig.rates, fig.totals
    month_label = formats.date_format(month, "F Y")
    lines = [
        _("Laporan bulanan LAPOR! — %(agency)s — %(month)s") % {"agency": agency.name, "month": month_label},
        "",
        _("Laporan masuk: %(n)s (bulan sebelumnya %(before)s)")
        % {"n": _num(t["total"]), "before": _num(before.totals["total"])},
        _("Terdisposisi ke instansi: %(n)s") % {"n": _num(t["disposed"])},
        _("Ditindaklanjuti: %(pct)s %%") % {"pct": _num(rates["responded"])},
        _("Selesai: %(pct)s %%") % {"pct": _num(rates["closed"])},
    ]
    for s in fig.sla:
        lines.append(
            _("Kepatuhan waktu %(stage)s: %(pct)s %% (median %(median)s HK, persentil 90 %(p90)s HK)")
            % {
                "stage": _(STAGE_NAMES[s["stage"]]),
                "pct": _num(s["pct"]),
                "median": _num(s["median"]),
                "p90": _num(s["p90"]),
            }
        )
    red = sum(b["red"] for b in fig.backlog.values())
    lines += [
        _("Laporan belum selesai yang melewati batas waktu (semua bulan masuk): %(n)s") % {"n": _num(red)},
        _("Dikembalikan sebagai bukan wewenang: %(n)s") % {"n": _num(fig.bounces_out)},
        _("Pelapor tidak puas: %(pct)s %%") % {"pct": _num(rates["unsatisfied"])},
    ]
    weakest = [r for r in fig.league if r.grade in ("merah",)][:5]
    if weakest:
        lines += ["", _("Unit dengan nilai merah:")]
        lines += [f"- {r.name}: {_num(r.score)}" for r in weakest]
    lines += [
        "",
        _("Laporan lengkap dengan grafik (dapat dicetak atau disimpan sebagai PDF):"),
        monthly_url(agency, month),
    ]
    return "\n".join(lines) + "\n"


STAGE_NAMES = {
    "verify": gettext_noop("verifikasi"),
    "response": gettext_noop("tanggapan pertama"),
    "completion": gettext_noop("penyelesaian"),
}


def monthly_recipients(agency: Agency) -> list[str]:
    """E-mail addresses of the agency's pimpinan (active accounts with an address)."""
    return sorted(
        set(
            Membership.objects.filter(agency=agency, role=Role.LEADER, active=True, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def monthly_agencies() -> list[Agency]:
    """Agencies with at least one active pimpinan: they get a monthly report."""
    ids = Membership.objects.filter(role=Role.LEADER, active=True, agency__active=True).values("agency_id")
    return list(Agency.objects.filter(pk__in=ids).order_by("path"))


@dataclass
class SendResult:
    sent: int = 0
    skipped: int = 0
    messages: int = 0


def monthly_send(*, month: dt.date, agencies: list[Agency] | None = None) -> SendResult:
    """E-mail the month's report to the pimpinan of each agency, at most once per (agency, month)."""
    result = SendResult()
    for agency in agencies if agencies is not None else monthly_agencies():
        recipients = monthly_recipients(agency)
        if not recipients or MonthlyDispatch.objects.filter(agency=agency, month=month).exists():
            result.skipped += 1
            continue
        with translation.override("id"):
            fig, before = monthly_figures(agency, month)
            body = monthly_text(agency, month, fig, before)
            subject = _("Laporan bulanan LAPOR! %(agency)s — %(month)s") % {
                "agency": agency.name,
                "month": formats.date_format(month, "F Y"),
            }
        try:
            with transaction.atomic():
                MonthlyDispatch.objects.create(agency=agency, month=month, recipients=len(recipients))
                for email in recipients:
                    outbox_enqueue(
                        channel=OutboxChannel.EMAIL,
                        recipient=email,
                        kind="oversight.monthly",
                        subject=subject,
                        body=body,
                        payload={"agency": agency.code, "month": f"{month:%Y-%m}"},
                    )
        except IntegrityError:  # another process sent it meanwhile
            result.skipped += 1
            continue
        result.sent += 1
        result.messages += len(recipients)
    return result
