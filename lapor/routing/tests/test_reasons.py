"""Reasons as structured parts: the Indonesian line is unchanged, other languages get their own, and lines
stored before the parts existed read back into parts."""

from __future__ import annotations

import pytest
from django.utils import translation

from lapor.routing import matcher, reasons

LINES = [
    "kantor kelurahan — lokasi Jemur Wonosari; kata: lampu, pju",
    "Dinas Perhubungan; kata: parkir, liar; kategori: PARKIR LIAR",
    "kantor kecamatan — disebut dalam isi",
    "pelapor sama; isi mirip 62% (pju, kenanga)",
    "kecamatan sama; nomor alamat berbeda; isi mirip 8%",
    "alamat sama; isi identik",
    "isi identik, dikirim ke unit lain (co-disposisi)",
]


@pytest.mark.parametrize("line", LINES)
def test_stored_indonesian_lines_read_back_into_parts_and_render_the_same(line):
    parts = reasons.parse(line)
    assert reasons.text_id(parts) == line
    assert all(code != "text" for code, _ in parts[1:])  # only a unit's name is kept verbatim


def test_english_rendering():
    parts = reasons.parse(LINES[1]) + reasons.parse(LINES[3])
    with translation.override("en"):
        text = reasons.render(parts)
    assert text == (
        "Dinas Perhubungan; words: parkir, liar; category: PARKIR LIAR; same reporter; similar text 62% (pju, kenanga)"
    )
    with translation.override("id"):
        assert reasons.render(parts) == f"{LINES[1]}; {LINES[3]}"


def test_matcher_gives_parts_with_its_line():
    a = matcher.Doc("a", "lampu pju padam di gang kenanga nomor lima sudah lama", kelurahan="Ploso")
    b = matcher.Doc("b", "lampu pju mati di gang kenanga sudah seminggu", kelurahan="Ploso")
    m = matcher.Matcher().score(a, b)
    assert m.why[0] == ("same_kelurahan", {}) and m.why[1][0] == "similar_words"
    assert reasons.text_id(m.why) == m.reason and reasons.parse(m.reason) == m.why


def test_damaged_or_unknown_parts_never_raise():
    stored = reasons.from_json([["similar", {}], ["nope", {"text": "x"}], "junk", ["unit", {"name": "Dinas X"}]])
    assert reasons.render(stored) == "isi mirip; x; Dinas X"
    assert reasons.from_json(None) == () and reasons.parse("") == ()
    with pytest.raises(ValueError):
        reasons.part("no_such_code")
