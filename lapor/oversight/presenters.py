"""Turning :class:`~lapor.oversight.selectors.Figures` into what a page shows: cards, charts and tables, each
with a link to the reports behind it. Shared by the staff dashboards, the public statistics and the monthly
report; the only difference between them is where the links go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from lapor.oversight import charts
from lapor.oversight.charts import Bar, Series
from lapor.oversight.choices import GRADE_COLOURS, BacklogAge, Grade
from lapor.oversight.criteria import STATUS_GROUP_LABELS
from lapor.oversight.selectors import Figures, refresh_seconds

Link = Callable[..., str | None]
GROUP_COLOURS = {
    "unverified": charts.GREY,
    "in_process": charts.BLUE,
    "followed_up": charts.TEAL,
    "closed": charts.GREEN,
    "archived": "#475569",
}
COLOUR_OF = {"red": charts.RED, "yellow": charts.YELLOW, "green": charts.GREEN, "waiting": charts.GREY}


def num(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


def pct_text(value: float | None) -> str:
    return "—" if value is None else f"{num(value, 1)} %"


def month_label(month) -> str:
    return formats.date_format(month, "M Y")


def month_choices(count: int = 60) -> list[tuple[str, str]]:
    """``(YYYY-MM, label)`` for the current month and the ``count - 1`` before it (the period pickers)."""
    from lapor.core import clock
    from lapor.oversight.rollup import month_add, month_of

    current = month_of(clock.now())
    return [(f"{m:%Y-%m}", month_label(m)) for m in (month_add(current, -i) for i in range(count))]


def present(fig: Figures, *, link: Link, agency_link: Callable[[str], str], public: bool) -> dict[str, Any]:
    """Everything a dashboard template needs. ``link(**params)`` gives the URL of the reports behind a figure
    (a ``None`` value drops that parameter); ``agency_link(code)`` the dashboard of a unit in the league table.
    """
    t, rates = fig.totals, fig.rates
    stage_labels = {
        "verify": _("Verifikasi (3 HK)"),
        "response": _("Tanggapan pertama (5 HK)"),
        "completion": _("Penyelesaian"),
    }
    cards = [
        {"label": _("Laporan masuk"), "value": num(t["total"]), "href": link(), "note": _("dalam periode")},
        {
            "label": _("Ditindaklanjuti"),
            "value": pct_text(rates["responded"]),
            "href": link(kriteria="responded"),
            "note": _("%(n)s dari %(d)s laporan terdisposisi") % {"n": num(t["responded"]), "d": num(t["disposed"])},
        },
        {
            "label": _("Selesai"),
            "value": pct_text(rates["closed"]),
            "href": link(kriteria="grp_closed"),
            "note": _("%(n)s dari %(d)s laporan terdisposisi") % {"n": num(t["grp_closed"]), "d": num(t["disposed"])},
        },
        {
            "label": _("Dalam proses"),
            "value": pct_text(rates["in_process"]),
            "href": link(kriteria="grp_in_process"),
            "note": _("%(n)s laporan di instansi") % {"n": num(t["grp_in_process"])},
        },
        {
            "label": _("Rata-rata penilaian"),
            "value": "—" if rates["rating_avg"] is None else f"{num(rates['rating_avg'], 2)} / 5",
            "href": link(kriteria="rated"),
            "note": ngettext("%(n)s penilaian", "%(n)s penilaian", t["rated"]) % {"n": num(t["rated"])},
        },
    ]
    status_segments = [
        Bar(
            str(STATUS_GROUP_LABELS[g]),
            t[f"grp_{g}"],
            f"{num(t[f'grp_{g}'])} ({pct_text(_share(t[f'grp_{g}'], t['total']))})",
            link(kriteria=f"grp_{g}"),
            GROUP_COLOURS[g],
        )
        for g in STATUS_GROUP_LABELS
    ]
    months = [month_label(r["month"]) for r in fig.series]
    month_links = [link(dari=f"{r['month']:%Y-%m}", sampai=f"{r['month']:%Y-%m}") for r in fig.series]
    series = [
        Series(_("Laporan masuk"), [r["total"] for r in fig.series], charts.BLUE, month_links),
        Series(_("Ditindaklanjuti"), [r["responded"] for r in fig.series], charts.TEAL),
        Series(_("Selesai"), [r["closed"] for r in fig.series], charts.GREEN),
    ]
    sla_rows = []
    for s in fig.sla:
        stage = s["stage"]
        sla_rows.append(
            {
                **s,
                "label": stage_labels[stage],
                "pct_text": pct_text(s["pct"]),
                "href_ontime": link(kriteria=f"{stage}_ontime"),
                "href_late": link(kriteria=f"{stage}_late"),
                "href_overdue": link(kriteria=f"{stage}_overdue"),
                "hist_chart": charts.histogram(
                    fig.hk_histograms[f"hk_{stage}"],
                    title=_("Sebaran lama %(stage)s") % {"stage": stage_labels[stage]},
                    desc=_("Jumlah laporan menurut lama tahap dalam hari kerja (kolom terakhir: 30 HK atau lebih)"),
                ),
            }
        )
    sla_bars = [
        Bar(r["label"], r["pct"] or 0, r["pct_text"], r["href_ontime"], _sla_colour(r["pct"])) for r in sla_rows
    ]
    backlog_rows = []
    colour_totals = dict.fromkeys(COLOUR_OF, 0)
    for bucket in BacklogAge:
        row = fig.backlog[bucket.value]
        for colour in COLOUR_OF:
            colour_totals[colour] += row[colour]
        backlog_rows.append(
            {
                "label": str(bucket.label),
                "cells": [
                    {
                        "n": row[c],
                        "href": link(umur=bucket.value, kriteria=f"open_{c}", dari=None, sampai=None),
                        "colour": c,
                    }
                    for c in COLOUR_OF
                ],
                "total": sum(row.values()),
            }
        )
    colour_labels = {
        "red": _("Melewati batas (merah)"),
        "yellow": _("≤ 1 HK lagi (kuning)"),
        "green": _("Dalam batas (hijau)"),
        "waiting": _("Menunggu pelapor"),
    }
    backlog_segments = [
        Bar(
            str(colour_labels[c]),
            colour_totals[c],
            num(colour_totals[c]),
            link(kriteria=f"open_{c}", dari=None, sampai=None),
            COLOUR_OF[c],
        )
        for c in COLOUR_OF
    ]
    breakdown_params = {
        "channel": "kanal",
        "class": "klasifikasi",
        "category": "kategori",
        "status": "status",
        "rating": "nilai",
    }
    breakdown_charts = {}
    for dim, param in breakdown_params.items():
        items = fig.breakdowns[dim][:10] if dim == "category" else fig.breakdowns[dim]
        bars = [Bar(label, n, num(n), link(**{param: key})) for key, label, n in items]
        breakdown_charts[dim] = bars
    region_bars = [
        Bar(
            r["name"],
            r["per_100k"] or 0,
            f"{num(r['per_100k'], 1)} ({num(r['n'])})",
            link(wilayah=r["code"]),
            charts.ACCENT,
        )
        for r in fig.regions[:20]
    ]
    league = [
        {
            "row": row,
            "href": agency_link(row.code),
            "grade_label": str(Grade(row.grade).label),
            "grade_colour": GRADE_COLOURS[Grade(row.grade)],
            "follow_up": pct_text(row.follow_up),
            "completion": pct_text(row.completion),
            "activity": pct_text(row.activity),
            "score": num(row.score, 1),
        }
        for row in fig.league
    ]
    friction = [
        {
            "label": _("Laporan yang pernah dikembalikan (bukan wewenang)"),
            "value": num(t["bounced"]),
            "note": pct_text(rates["bounced"]),
            "href": link(kriteria="bounced"),
        },
        {"label": _("Pengembalian oleh instansi ini"), "value": num(fig.bounces_out), "note": "", "href": None},
        {
            "label": _("Dibuka kembali"),
            "value": num(t["reopened"]),
            "note": pct_text(rates["reopened"]),
            "href": link(kriteria="reopened"),
        },
        {
            "label": _("Pelapor tidak puas"),
            "value": num(t["unsatisfied"]),
            "note": pct_text(rates["unsatisfied"]),
            "href": link(kriteria="unsatisfied"),
        },
    ]
    period_text = _("%(a)s – %(b)s") % {"a": month_label(fig.period.first), "b": month_label(fig.period.last)}
    return {
        "fig": fig,
        "period_text": period_text,
        "cards": cards,
        "status_chart": charts.stacked_bar(
            status_segments,
            title=_("Status laporan"),
            desc=_("Pembagian laporan menurut status, %(p)s") % {"p": period_text},
        ),
        "status_rows": status_segments,
        "trend_chart": charts.line_chart(
            series,
            months,
            title=_("Laporan per bulan"),
            desc=_("Laporan masuk, ditindaklanjuti dan selesai per bulan masuk"),
        ),
        "trend_rows": [
            {
                "month": m,
                "href": h,
                "total": num(r["total"]),
                "responded": num(r["responded"]),
                "closed": num(r["closed"]),
            }
            for m, h, r in zip(months, month_links, fig.series, strict=True)
        ],
        "sla_rows": sla_rows,
        "sla_chart": charts.hbar_chart(
            sla_bars,
            title=_("Kepatuhan waktu per tahap"),
            desc=_("Persentase tahap yang diselesaikan dalam batas waktu"),
            max_value=100,
        ),
        "backlog_rows": backlog_rows,
        "backlog_chart": charts.stacked_bar(
            backlog_segments,
            title=_("Laporan belum selesai menurut warna"),
            desc=_("Laporan yang belum selesai menurut status batas waktunya"),
        ),
        "backlog_total": num(sum(colour_totals.values())),
        "breakdown_charts": {
            dim: charts.hbar_chart(
                bars, title=str(BREAKDOWN_TITLES[dim]), desc=str(BREAKDOWN_TITLES[dim]), width=480, label_width=200
            )
            for dim, bars in breakdown_charts.items()
        },
        "breakdown_rows": breakdown_charts,
        "breakdown_titles": BREAKDOWN_TITLES,
        "region_chart": charts.hbar_chart(
            region_bars,
            title=_("Laporan per 100.000 penduduk"),
            desc=_("Laporan per 100.000 penduduk (Dukcapil 2024) menurut wilayah"),
            label_width=220,
        ),
        "region_rows": [
            {
                **r,
                "per_100k_text": num(r["per_100k"], 2),
                "n_text": num(r["n"]),
                "population_text": num(r["population"]),
                "href": link(wilayah=r["code"]),
            }
            for r in fig.regions
        ],
        "region_level_label": _("Provinsi") if fig.region_level == "province" else _("Kabupaten/kota"),
        "friction": friction,
        "activity": {k: num(v) for k, v in fig.activity.items()},
        "league": league,
        "as_of": fig.as_of,
        "refresh_minutes": max(1, refresh_seconds() // 60),
        "months": month_choices(),
    }


BREAKDOWN_TITLES = {
    "channel": _l("Menurut kanal"),
    "class": _l("Menurut klasifikasi"),
    "category": _l("Menurut kategori (10 terbanyak)"),
    "status": _l("Menurut status"),
    "rating": _l("Penilaian pelapor"),
}


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _sla_colour(value: float | None) -> str:
    if value is None:
        return charts.GREY
    if value >= 80:
        return charts.GREEN
    if value >= 60:
        return charts.YELLOW
    return charts.RED


def present_page(fig: Figures, *, link: Link, agency_link: Callable[[str], str], public: bool, kind: str) -> dict:
    """The page context with the figures' HTML rendered once per rollup version and cached: charts and the
    league table of hundreds of agencies are the expensive part of a page, and they are the same for everyone
    who may see them (``kind`` names the page, whose links differ).
    """
    lang = translation.get_language() or "id"
    version = int(fig.as_of.timestamp()) if fig.as_of else 0
    key = (
        f"oversight:html:v1:{kind}:{lang}:{fig.agency_id}:{int(public)}:{fig.period.first}:{fig.period.last}:{version}"
    )
    body = cache.get(key)
    if body is None:
        body = render_to_string("oversight/_body.html", present(fig, link=link, agency_link=agency_link, public=public))
        cache.set(key, body, refresh_seconds() * 2)
    return {
        "fig": fig,
        "body": mark_safe(body),  # noqa: S308 - rendered by our own template, autoescaped
        "period_text": _("%(a)s – %(b)s") % {"a": month_label(fig.period.first), "b": month_label(fig.period.last)},
        "as_of": fig.as_of,
        "refresh_minutes": max(1, refresh_seconds() // 60),
        "months": month_choices(),
    }
