"""Likely duplicates: the same reporter again, or the same problem at the same place, within a time window.

Pure module (no ORM, no clock). The services feed it a report and the candidate reports the database found
(same reporter, or same kecamatan, inside the window); the citizen form's "similar reports" feeds it the draft.
See ``docs/decisions/0012-duplicate-detection.md`` for the rules and how they were measured.

Text similarity is the larger of two cheap, explainable measures — the Jaccard overlap of character 4-gram
shingles (re-filed, lightly edited texts) and the Dice overlap of content words (the same problem told
differently) — so no model is needed and a 500-report pool is scored in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lapor.routing import reasons as why
from lapor.routing.engine import fold, place_key

DUPLICATE = "duplicate"
CO_DISPOSITION = "co_disposition"

# Words that say nothing about *which* problem: greetings, politeness, the city, the complaint itself.
STOPWORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as text
        "yang dan di ke dari ini itu untuk dengan pada dalam tidak sudah belum ada karena atau juga saya kami kita "
        "mohon tolong bapak ibu pak bu bpk terima kasih selamat pagi siang sore malam assalamualaikum wr wb warga "
        "sangat agar bisa akan oleh sebagai tersebut sehingga sampai masih hanya lagi sejak mau minta segera harap "
        "kota surabaya kupang jalan jl gang gg rt rw no nomor kelurahan kecamatan kel kec lapor laporan laporkan "
        "dinas pemkot pemerintah bagaimana kenapa apakah kapan tanggal hari bulan tahun sekitar depan dekat"
    ).split()
)
_WORD = re.compile(r"[a-z0-9]{3,}")
_TOKEN = re.compile(r"[a-z]+|\d+")
_ROMAN = {r: i for i, r in enumerate("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv".split(), 1)}  # noqa: SIM905
_ADDRESS_STOP = STOPWORDS | {"surabaya", "jawa", "timur", "indonesia", "kota", "blok", "lantai"}


def shingles(text: str, n: int = 4) -> frozenset[str]:
    t = fold(text)
    return frozenset(t[i : i + n] for i in range(max(len(t) - n + 1, 1))) if t else frozenset()


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in STOPWORDS and not w.isdigit())


def address_signature(address: str) -> tuple[frozenset[str], frozenset[int]]:
    """Street words and the numbers of an address (house, gang, RT/RW, roman gang numbers as integers):
    ``"Jl. Kencana Sari Barat VII no 5"`` → ({"kencana", "sari", "barat"}, {7, 5}).
    """
    words, numbers = set(), set()
    for tok in _TOKEN.findall(fold(address)):
        if tok.isdigit():
            numbers.add(int(tok))
        elif tok in _ROMAN and len(tok) > 1 or tok in {"v", "x"}:
            numbers.add(_ROMAN[tok])
        elif len(tok) >= 3 and tok not in _ADDRESS_STOP:
            words.add(tok)
    return frozenset(words), frozenset(numbers)


@dataclass(frozen=True)
class Doc:
    """A report as the matcher sees it. ``reporter`` holds normalised identity keys (``tel:+62…``,
    ``mail:…``, ``user:12``); ``unit`` is the agency that handles it, when known.
    """

    key: str
    text: str
    title: str = ""
    address: str = ""
    kelurahan: str = ""
    kecamatan: str = ""
    reporter: frozenset[str] = frozenset()
    submitted_at: dt.datetime | None = None
    unit: str = ""
    _sh: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _cw: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _addr: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _nums: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        body = f"{self.title} {self.text}"
        object.__setattr__(self, "_sh", shingles(self.text))
        object.__setattr__(self, "_cw", content_words(body))
        words, numbers = address_signature(self.address)
        object.__setattr__(self, "_addr", words)
        object.__setattr__(self, "_nums", numbers)


@dataclass(frozen=True)
class Match:
    """A likely duplicate (``kind == "duplicate"``) or an identical text sent on purpose to another unit
    (``"co_disposition"``: not a duplicate, shown as related). ``score`` is 0–1; ``reason`` is one line in
    Indonesian, ``why`` the same as structured parts (:mod:`lapor.routing.reasons`).
    """

    key: str
    score: float
    kind: str
    reason: str
    text_similarity: float
    why: tuple[why.Part, ...] = ()


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _same(a: str, b: str) -> bool:
    ka, kb = place_key(a), place_key(b)
    return bool(ka) and ka == kb


@dataclass(frozen=True)
class Matcher:
    """Scores candidate pairs. ``window`` bounds the time between the two reports; ``threshold`` is the
    score from which a pair is shown as a likely duplicate.
    """

    window: dt.timedelta = dt.timedelta(days=30)
    threshold: float = 0.5
    co_disposition_gap: dt.timedelta = dt.timedelta(days=2)

    def score(self, a: Doc, b: Doc) -> Match | None:
        """The pair's score and reason, or None when it is not worth showing."""
        if a.submitted_at and b.submitted_at and abs(a.submitted_at - b.submitted_at) > self.window:
            return None
        chars = _jaccard(a._sh, b._sh)
        words = _dice(a._cw, b._cw)
        text = max(chars, words)
        shared = sorted(a._cw & b._cw, key=len, reverse=True)[:3]
        same_reporter = bool(a.reporter & b.reporter)
        same_kel = _same(a.kelurahan, b.kelurahan)
        same_kec = _same(a.kecamatan, b.kecamatan)
        street = _dice(a._addr, b._addr)
        # The same street and a shared house/gang/RT number is the same spot; the same street with only
        # different numbers (gang V and gang VII) is a neighbouring one.
        same_spot = street >= 0.5 and (bool(a._nums & b._nums) or (not a._nums and not b._nums and street >= 0.8))
        other_spot = street >= 0.3 and bool(a._nums) and bool(b._nums) and not a._nums & b._nums
        identical = chars >= 0.95
        if identical and a.unit and b.unit and a.unit != b.unit and self._close(a, b, self.co_disposition_gap):
            co = (why.part("co_disposition"),)
            return Match(b.key, round(text, 3), CO_DISPOSITION, why.text_id(co), text, co)
        parts = []
        if same_reporter:
            parts.append(why.part("same_reporter"))
            score = 0.45 + 0.55 * text
        elif same_spot:
            parts.append(why.part("same_address"))
            score = 0.3 + 0.7 * text
        elif same_kel:
            parts.append(why.part("same_kelurahan"))
            score = text * 1.1
        elif same_kec:
            parts.append(why.part("same_kecamatan"))
            score = text * 0.95
        else:
            score = text * 0.8
        if other_spot and not same_reporter:
            parts.append(why.part("other_number"))
            score *= 0.7
        parts.append(why.part("identical") if identical else why.similar(text, shared))
        score = min(score, 1.0)
        if score < self.threshold:
            return None
        return Match(b.key, round(score, 3), DUPLICATE, why.text_id(parts), round(text, 3), tuple(parts))

    @staticmethod
    def _close(a: Doc, b: Doc, gap: dt.timedelta) -> bool:
        return a.submitted_at is None or b.submitted_at is None or abs(a.submitted_at - b.submitted_at) <= gap

    def find(self, doc: Doc, pool: Iterable[Doc], *, limit: int = 5) -> list[Match]:
        """The best ``limit`` matches for ``doc`` in ``pool`` (itself excluded), duplicates first."""
        found = [m for other in pool if other.key != doc.key and (m := self.score(doc, other)) is not None]
        found.sort(key=lambda m: (m.kind != DUPLICATE, -m.score))
        return found[:limit]


def pairs(docs: Sequence[Doc], matcher: Matcher) -> list[tuple[str, str, Match]]:
    """Every scored pair among ``docs`` (for evaluation; quadratic, fine for a few thousand)."""
    out = []
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            m = matcher.score(a, b)
            if m is not None:
                out.append((a.key, b.key, m))
    return out
