"""Charts as inline SVG, drawn on the server: no JavaScript, no CDN, readable when printed.

Every chart is an ``<svg>`` with a ``<title>`` and a ``<desc>`` (screen readers announce them): ``role="img"``
when it is a picture only, ``role="group"`` when its marks link to the reports behind them (an image may not
hold links). Each mark carries its exact value in a ``<title>`` (a tooltip); a link is named by the text it
shows. Pages show
the same numbers in a table next to the chart (the text alternative).

All text is escaped here; the functions return safe strings ready for a template.

>>> hbar_chart([Bar("Web", 12, "12")], title="Kanal", desc="Laporan per kanal")  # doctest: +ELLIPSIS
'<svg ...'
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

ACCENT = "#b3001b"
GREEN = "#1e7b34"
YELLOW = "#c79a00"
RED = "#c0001b"
GREY = "#8a8a8a"
BLUE = "#2b5cab"
TEAL = "#0f766e"
PALETTE = (BLUE, ACCENT, TEAL, "#7c3aed", "#b45309", "#475569")
FONT = 'font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif"'


@dataclass(frozen=True)
class Bar:
    """One bar (or one segment of a stacked bar)."""

    label: str
    value: float
    display: str
    href: str | None = None
    colour: str = BLUE


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str = BLUE
    hrefs: Sequence[str | None] | None = None


def _uid(*parts: str) -> str:
    return "c" + hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()[:10]


def _open(width: int, height: int, title: str, desc: str) -> list[str]:
    uid = _uid(title, desc, str(width), str(height))
    return [
        f'<svg class="chart" role="img" aria-labelledby="{uid}-t {uid}-d" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT} font-size="13">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]


def _link(inner: str, href: str | None, label: str) -> str:
    """A linked mark. A mark that shows text is named by it (a shortened label in ``aria-label`` would not
    match the longer one on screen, and speech users say what they see; the full label is in its
    ``<title>``); a mark without text (a bar segment, a point) is named by ``label``.
    """
    if not href:
        return inner
    if "<text" in inner:
        return f'<a href="{escape(href)}">{inner}</a>'
    return f'<a href="{escape(href)}" aria-label="{escape(label)}">{inner}</a>'


def _close(parts: list[str]) -> SafeString:
    svg = "".join(parts)
    if "<a " in svg:
        svg = svg.replace('role="img"', 'role="group"', 1)
    return mark_safe(svg)  # noqa: S308 - every piece is escaped where it is built


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def nice_max(value: float, ticks: int = 4) -> float:
    """A round axis maximum at or above ``value`` whose ``ticks`` gridlines fall on round numbers
    (steps of 1, 2 or 5 × 10^n).
    """
    if value <= 0:
        return float(ticks)
    raw = value / ticks
    exponent = math.floor(math.log10(raw))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= raw:
            return float(candidate * ticks)
    return float(10 ** (exponent + 1) * ticks)  # pragma: no cover - the loop always returns


def hbar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str,
    width: int = 640,
    label_width: int = 190,
    max_value: float | None = None,
    empty: str = "—",
) -> SafeString:
    """Horizontal bars, one row per item, the label on the left and the value on the right."""
    row = 26
    height = max(1, len(bars)) * row + 8
    parts = _open(width, height, title, desc)
    if not bars:
        parts.append(f'<text x="8" y="20" fill="#555">{escape(empty)}</text></svg>')
        return _close(parts)
    top = max_value if max_value is not None else max(b.value for b in bars)
    top = top or 1.0
    x0, value_width = label_width + 8, 120
    span = width - x0 - value_width
    for i, bar in enumerate(bars):
        y = 4 + i * row
        w = max(0.0, span * bar.value / top)
        label = escape(_clip(bar.label, max(8, label_width // 8)))
        tip = escape(f"{bar.label}: {bar.display}")
        mark = (
            f"<g><title>{tip}</title>"
            f'<text x="{label_width}" y="{y + 17}" text-anchor="end" fill="#1a1a1a">{label}</text>'
            f'<rect x="{x0}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" rx="2" fill="{escape(bar.colour)}"/>'
            f'<text x="{x0 + w + 6:.1f}" y="{y + 17}" fill="#1a1a1a">{escape(bar.display)}</text></g>'
        )
        parts.append(_link(mark, bar.href, f"{bar.label}: {bar.display}"))
    parts.append("</svg>")
    return _close(parts)


def stacked_bar(segments: Sequence[Bar], *, title: str, desc: str, width: int = 640) -> SafeString:
    """One bar split into segments (shares of a whole), with a legend underneath."""
    total = sum(s.value for s in segments)
    columns = 2
    legend_rows = math.ceil(len(segments) / columns) if segments else 1
    height = 40 + legend_rows * 22
    parts = _open(width, height, title, desc)
    x = 0.0
    for seg in segments:
        w = width * seg.value / total if total else 0
        if w > 0:
            tip = escape(f"{seg.label}: {seg.display}")
            mark = (
                f'<rect x="{x:.1f}" y="4" width="{w:.1f}" height="28" fill="{escape(seg.colour)}">'
                f"<title>{tip}</title></rect>"
            )
            parts.append(_link(mark, seg.href, f"{seg.label}: {seg.display}"))
        x += w
    if not total:
        parts.append(f'<rect x="0" y="4" width="{width}" height="28" fill="#eee"/>')
    col = width / columns
    for i, seg in enumerate(segments):
        lx, ly = (i % columns) * col, 52 + (i // columns) * 22
        text = escape(_clip(f"{seg.label}: {seg.display}", 40))
        mark = (
            f'<rect x="{lx:.1f}" y="{ly - 11}" width="12" height="12" fill="{escape(seg.colour)}"/>'
            f'<text x="{lx + 17:.1f}" y="{ly}" fill="#1a1a1a" font-size="12">{text}</text>'
        )
        parts.append(_link(mark, seg.href, f"{seg.label}: {seg.display}"))
    parts.append("</svg>")
    return _close(parts)


def line_chart(
    series: Sequence[Series],
    labels: Sequence[str],
    *,
    title: str,
    desc: str,
    width: int = 640,
    height: int = 240,
    value_format=lambda v: f"{v:,.0f}".replace(",", "."),
) -> SafeString:
    """A time series: one line per series over ``labels`` (months), with a y axis, gridlines and a legend."""
    left, right, top, bottom = 52, 30, 12, 46
    parts = _open(width, height, title, desc)
    n = len(labels)
    peak = max((v for s in series for v in s.values), default=0)
    ymax = nice_max(peak)
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - plot_h * v / ymax

    for k in range(5):
        v = ymax * k / 4
        y = py(v)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{escape(value_format(v))}</text>'
        )
    every = max(1, math.ceil(n / 7))
    for i, label in enumerate(labels):
        if (n - 1 - i) % every == 0:  # the latest month always labelled, then every n-th back
            parts.append(
                f'<text x="{px(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#555">{escape(label)}</text>'
            )
    for s in series:
        if n:
            points = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(s.values))
            parts.append(f'<polyline points="{points}" fill="none" stroke="{escape(s.colour)}" stroke-width="2.5"/>')
        for i, v in enumerate(s.values):
            tip = escape(f"{s.name}, {labels[i]}: {value_format(v)}")
            mark = (
                f'<circle cx="{px(i):.1f}" cy="{py(v):.1f}" r="4" fill="{escape(s.colour)}">'
                f"<title>{tip}</title></circle>"
            )
            href = s.hrefs[i] if s.hrefs else None
            parts.append(_link(mark, href, f"{s.name}, {labels[i]}: {value_format(v)}"))
    lx = left
    for s in series:
        parts.append(f'<rect x="{lx}" y="{height - 16}" width="12" height="12" fill="{escape(s.colour)}"/>')
        parts.append(f'<text x="{lx + 17}" y="{height - 6}" fill="#1a1a1a">{escape(s.name)}</text>')
        lx += 30 + 8 * len(s.name)
    parts.append("</svg>")
    return _close(parts)


def histogram(
    hist: dict[int, int], *, title: str, desc: str, width: int = 320, height: int = 120, cap: int = 30
) -> SafeString:
    """Small columns of a working-day duration distribution (the last column gathers everything ≥ ``cap``)."""
    folded: dict[int, int] = {}
    for k, v in hist.items():
        folded[min(k, cap)] = folded.get(min(k, cap), 0) + v
    parts = _open(width, height, title, desc)
    peak = max(folded.values(), default=0) or 1
    col = (width - 8) / (cap + 1)
    for k in range(cap + 1):
        v = folded.get(k, 0)
        h = (height - 24) * v / peak
        label = _("%(n)s HK") % {"n": f"≥ {cap}" if k == cap else k}
        parts.append(
            f'<rect x="{4 + k * col:.1f}" y="{height - 20 - h:.1f}" width="{max(1.0, col - 1):.1f}" height="{h:.1f}" '
            f'fill="{BLUE}"><title>{escape(label)}: {v}</title></rect>'
        )
    first, last = escape(_("%(n)s HK") % {"n": 0}), escape(_("%(n)s HK") % {"n": f"≥ {cap}"})
    parts.append(f'<text x="4" y="{height - 4}" fill="#555">{first}</text>')
    parts.append(f'<text x="{width - 4}" y="{height - 4}" text-anchor="end" fill="#555">{last}</text></svg>')
    return _close(parts)
