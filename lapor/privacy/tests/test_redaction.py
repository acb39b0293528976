"""Redaction: table-driven cases plus property-based checks that PII never survives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapor.privacy.redaction import redact

CASES = [
    ("NIK saya 5371012345678901", "NIK saya [NIK]"),
    ("KK 5371 0123 4567 8901 hilang", "KK [NIK] hilang"),
    ("hubungi 0812-3456-7890", "hubungi [TELP]"),
    ("WA +62 813 1111 2222", "WA [TELP]"),
    ("telp kantor (0380) 821234", "telp kantor [TELP]"),
    ("email budi.s@example.com ya", "email [EMAIL] ya"),
    ("no rek BRI 1234-01-567890-50-1", "no rek BRI [REKENING]"),
    ("rekening 0123456789 atas nama Yohanes Kase", "rekening [REKENING] atas nama [NAMA]"),
    ("nama saya Maria Ndun warga Oebobo", "nama saya [NAMA] warga Oebobo"),
    ("atas nama warga RT 05", "atas nama warga RT 05"),
    ("Biaya Rp 150.000 pada 12 Januari 2024 jam 10.30", "Biaya Rp 150.000 pada 12 Januari 2024 jam 10.30"),
    ("Jalan rusak sepanjang 200 meter di RT 005/RW 002", "Jalan rusak sepanjang 200 meter di RT 005/RW 002"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_redaction_cases(text, expected):
    assert redact(text).text == expected


def test_known_reporter_name_is_masked():
    assert redact("Saya Maria  Ndun melapor", names=["Maria Ndun"]).text == "Saya [NAMA] melapor"


safe_text = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ,."), max_size=60)
nik = st.from_regex(r"\A[1-9]\d{15}\Z", fullmatch=True)
mobile = st.builds(
    lambda p, d: p + "8" + d,
    st.sampled_from(["0", "+62", "62", "+62 "]),
    st.from_regex(r"\A\d{9,11}\Z", fullmatch=True),
)
email = st.from_regex(r"\A[a-z][a-z0-9._]{0,15}@[a-z]{2,10}\.(com|id|co\.id|go\.id)\Z", fullmatch=True)


@given(before=safe_text, secret=st.one_of(nik, mobile, email), after=safe_text)
def test_pii_never_survives(before, secret, after):
    out = redact(f"{before} {secret} {after}").text
    assert secret not in out
    digits = "".join(ch for ch in secret if ch.isdigit())
    if len(digits) >= 9:
        assert digits not in "".join(ch for ch in out if ch.isdigit())


@given(st.text(max_size=200))
def test_redaction_is_idempotent(text):
    once = redact(text).text
    assert redact(once).text == once


@given(safe_text)
def test_text_without_pii_is_unchanged(text):
    assert redact(text).text == text
