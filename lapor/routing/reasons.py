"""Why the router suggested a unit, and why two reports look alike, as structured reasons.

The engine and the matcher (pure) describe a reason as *parts*: ``(code, params)`` pairs from the fixed set of
phrase templates below, e.g. ``("kel_place", {"place": "Jemur Wonosari"})``, ``("words", {"words": "lampu, pju"})``.
They are stored as JSON (``[[code, params], …]``) and turned into one line at render time, in the reader's
language (:func:`render`); :func:`text_id` gives the Indonesian line without Django's translation machinery
(command-line output, stored notes written in the product's own language).

Reasons stored before the parts existed are plain Indonesian lines; :func:`parse` reads them back into parts,
segment by segment, so they render translated too. A segment no template matches (a unit's own name, an
unknown phrase) is kept verbatim as ``("text", {"text": …})``.

Templates are marked with ``gettext_noop`` (the Indonesian line is the msgid; ``lapor makemessages`` extracts it)
and translated only in :func:`render`. This module imports nothing from Django at import time, so the pure engine
and matcher can use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Part = tuple[str, dict[str, Any]]
SEPARATOR = "; "


def gettext_noop(message: str) -> str:
    """Marks a template for extraction (xgettext knows the name); it is translated in :func:`render`."""
    return message


TEMPLATES: dict[str, str] = {
    # the router: the kind of office and where the place came from, the words that decided, the category
    "kel_place": gettext_noop("kantor kelurahan — lokasi %(place)s"),
    "kel_mentioned": gettext_noop("kantor kelurahan — disebut dalam isi"),
    "kec_place": gettext_noop("kantor kecamatan — lokasi %(place)s"),
    "kec_mentioned": gettext_noop("kantor kecamatan — disebut dalam isi"),
    "words": gettext_noop("kata: %(words)s"),
    "category": gettext_noop("kategori: %(category)s"),
    # the duplicate matcher
    "same_reporter": gettext_noop("pelapor sama"),
    "same_address": gettext_noop("alamat sama"),
    "same_kelurahan": gettext_noop("kelurahan sama"),
    "same_kecamatan": gettext_noop("kecamatan sama"),
    "other_number": gettext_noop("nomor alamat berbeda"),
    "identical": gettext_noop("isi identik"),
    "similar": gettext_noop("isi mirip %(pct)d%%"),
    "similar_words": gettext_noop("isi mirip %(pct)d%% (%(words)s)"),
    "co_disposition": gettext_noop("isi identik, dikirim ke unit lain (co-disposisi)"),
}
VERBATIM = {"unit": "name", "text": "text"}  # codes shown as they are: a unit's name, an unparsed segment
INTEGER_PARAMS = {"pct"}


def part(code: str, **params: Any) -> Part:
    if code not in TEMPLATES and code not in VERBATIM:
        raise ValueError(f"unknown reason code {code!r}")
    return code, params


def office(family_is_kelurahan: bool, place: str | None) -> Part:
    """The place-bound office: of the report's own place (``place``), or one named in the text (``None``)."""
    prefix = "kel" if family_is_kelurahan else "kec"
    return part(f"{prefix}_place", place=place) if place is not None else part(f"{prefix}_mentioned")


def similar(fraction: float, words: Sequence[str] = ()) -> Part:
    pct = int(f"{fraction * 100:.0f}")
    return part("similar_words", pct=pct, words=", ".join(words)) if words else part("similar", pct=pct)


def _line(parts: Iterable[Part], translate: Callable[[str], str]) -> str:
    out = []
    for code, params in parts:
        if code in VERBATIM:
            out.append(str(params.get(VERBATIM[code], "")))
        elif code in TEMPLATES:
            try:
                out.append(translate(TEMPLATES[code]) % params)
            except (KeyError, TypeError, ValueError):  # a damaged stored part never breaks a page
                out.append(TEMPLATES[code].split("%", 1)[0].strip())
        else:
            out.append(str(params.get("text", "")))
    return SEPARATOR.join(s for s in out if s)


def text_id(parts: Iterable[Part]) -> str:
    """The Indonesian line (the msgids as they are)."""
    return _line(parts, lambda s: s)


def render(parts: Iterable[Part]) -> str:
    """The line in the active language."""
    from django.utils.translation import gettext

    return _line(parts, gettext)


def to_json(parts: Iterable[Part]) -> list[list[Any]]:
    return [[code, dict(params)] for code, params in parts]


def from_json(value: Any) -> tuple[Part, ...]:
    """Stored parts back; anything malformed becomes an empty reason rather than an error."""
    parts = []
    for item in value or ():
        if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], dict):
            parts.append((item[0], item[1]))
    return tuple(parts)


def _pattern(template: str) -> re.Pattern[str]:
    pieces = re.split(r"(%\(\w+\)[sd]|%%)", template)
    regex = ""
    for piece in pieces:
        if piece == "%%":
            regex += "%"
        elif m := re.fullmatch(r"%\((\w+)\)([sd])", piece):
            regex += rf"(?P<{m.group(1)}>\d+)" if m.group(2) == "d" else rf"(?P<{m.group(1)}>.+)"
        else:
            regex += re.escape(piece)
    return re.compile(regex)


# Longer templates first: "isi mirip 62% (pju)" is similar_words, not similar with a stray tail.
_PATTERNS = sorted(((code, _pattern(t)) for code, t in TEMPLATES.items()), key=lambda kv: -len(TEMPLATES[kv[0]]))


def parse(text: str) -> tuple[Part, ...]:
    """Parts of a reason stored as an Indonesian line (rows written before the parts were stored)."""
    if not text:
        return ()
    return tuple(_match(seg) or ("text", {"text": seg}) for seg in text.split(SEPARATOR) if seg)


def _match(segment: str) -> Part | None:
    for code, pattern in _PATTERNS:
        m = pattern.fullmatch(segment.strip())
        if m is not None:
            params = {k: int(v) if k in INTEGER_PARAMS else v for k, v in m.groupdict().items()}
            return code, params
    return None
