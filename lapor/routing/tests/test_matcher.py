"""Duplicate rules (pure): same reporter, same spot, co-disposition, the window."""

from __future__ import annotations

import datetime as dt

from lapor.routing import matcher
from lapor.routing.matcher import CO_DISPOSITION, DUPLICATE, Doc, Matcher

T0 = dt.datetime(2022, 3, 1, 8, 0, tzinfo=dt.UTC)
POTHOLE = "Jalan berlubang besar di depan SD Inpres, sudah dua motor jatuh, mohon segera diperbaiki"


def doc(key: str, text: str = POTHOLE, *, days: float = 0, **kw) -> Doc:
    return Doc(key=key, text=text, submitted_at=T0 + dt.timedelta(days=days), **kw)


def test_refiled_identical_text_is_a_duplicate_with_a_reason():
    m = Matcher().score(doc("a", kelurahan="Oebobo", unit="pupr"), doc("b", days=3, kelurahan="Oebobo", unit="pupr"))
    assert m is not None and m.kind == DUPLICATE and m.score == 1.0
    assert "kelurahan sama" in m.reason and "isi identik" in m.reason


def test_identical_text_sent_to_several_units_at_once_is_a_co_disposition():
    m = Matcher().score(doc("a", unit="dishub"), doc("b", days=0.01, unit="pupr"))
    assert m.kind == CO_DISPOSITION
    assert "co-disposisi" in m.reason
    found = Matcher().find(doc("a", unit="dishub"), [doc("b", days=0.01, unit="pupr"), doc("c", days=1, unit="dishub")])
    assert [x.kind for x in found] == [DUPLICATE, CO_DISPOSITION]


def test_same_reporter_counts_even_with_different_words():
    a = doc("a", "lampu jalan di gang kenanga mati", reporter=frozenset({"tel:+62811"}))
    b = doc("b", "pju gang kenanga belum menyala sejak kemarin", days=2, reporter=frozenset({"tel:+62811"}))
    m = Matcher().score(a, b)
    assert m is not None and m.reason.startswith("pelapor sama")
    assert Matcher().score(Doc(**{**a.__dict__, "reporter": frozenset()}), b) is None


def test_same_street_different_house_numbers_is_not_the_same_spot():
    a = doc("a", "mohon perbaikan paving rusak", address="Jl. Kencana Sari Barat V", kecamatan="Dukuh Pakis")
    b = doc("b", "mohon perbaikan paving rusak", days=1, address="Jl. Kencana Sari Barat VII", kecamatan="Dukuh Pakis")
    same = doc("c", "mohon perbaikan paving rusak", days=1, address="Kencana Sari Barat V", kecamatan="Dukuh Pakis")
    far, near = Matcher().score(a, b), Matcher().score(a, same)
    assert near.score > far.score
    assert "nomor alamat berbeda" in far.reason and "alamat sama" in near.reason


def test_outside_the_window_nothing_matches():
    assert Matcher(window=dt.timedelta(days=30)).score(doc("a"), doc("b", days=31)) is None


def test_unrelated_reports_do_not_match():
    assert Matcher().score(doc("a"), doc("b", "pelayanan akta kelahiran di dispenduk sangat lambat", days=1)) is None


def test_address_signature_reads_roman_gang_numbers():
    words, numbers = matcher.address_signature("Jl. Kencana Sari Barat VII no 5, Surabaya")
    assert {"kencana", "sari", "barat"} <= words and numbers == {7, 5}
