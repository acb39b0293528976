"""Automatic PII redaction of a report's public text (pure functions, no Django).

What is masked, with the placeholder used (the same ones the LAPOR! open data uses):

* NIK / nomor KK — 16 digits, possibly grouped: ``[NIK]``
* e-mail addresses: ``[EMAIL]``
* Indonesian phone numbers, mobile (``08…``, ``+62 8…``, ``628…``) and fixed (``(0380) 821234``): ``[TELP]``
* bank account numbers after a word like *rek*, *rekening*, *norek*, *account*: ``[REKENING]``
* names introduced as a name (*nama saya …*, *saya bernama …*, *atas nama …*, *a.n. …*), and any name the
  caller knows (the reporter's own): ``[NAMA]``

>>> redact("Saya Budi, NIK 5371012345678901, hp 0812-3456-7890").text
'Saya Budi, NIK [NIK], hp [TELP]'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
NIK = re.compile(r"(?<![\d\[])\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?!\d)")
ACCOUNT = re.compile(
    r"(?P<lead>\b(?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek|account|acc|a/c)\b\.?\s*"
    r"(?:[A-Za-z]{2,10}\s*)?(?:no(?:mor)?\.?\s*)?[:.]?\s*)"
    r"(?P<num>\d[\d .-]{6,24}\d)",
    re.IGNORECASE,
)
MOBILE = re.compile(r"(?<![\d\w])(?:\+62|62|0)[\s.-]?8\d(?:[\s.-]?\d){6,11}(?!\d)")
LANDLINE = re.compile(r"(?<![\d\w])(?:\(0\d{2,3}\)|\+62[\s.-]?\d{2,3}|0\d{2,3})[\s.-]?\d{3,4}[\s.-]?\d{2,5}(?!\d)")
NAME_INTRO = re.compile(
    r"(?P<lead>\b(?i:nama\s+saya|saya\s+bernama|nama\s+lengkap(?:\s+saya)?|atas\s+nama|a\.\s?n\.|a/n)\s*[:,]?\s*)"
    r"(?P<name>[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){0,3})",
)
_PLACEHOLDER = re.compile(r"\[(?:NIK|EMAIL|TELP|REKENING|NAMA)\]")


@dataclass(frozen=True)
class RedactionResult:
    text: str
    found: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.found)


def _sub(pattern: re.Pattern[str], repl, text: str, label: str, found: dict[str, int]) -> str:
    new, count = pattern.subn(repl, text)
    if count:
        found[label] = found.get(label, 0) + count
    return new


def _name_repl(match: re.Match[str]) -> str:
    return match.group("lead") + "[NAMA]"


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in name.split()) + r"(?!\w)", re.IGNORECASE)


def redact(text: str, *, names: Iterable[str] = ()) -> RedactionResult:
    """Mask personal data in ``text``. Idempotent: redacting twice gives the same text."""
    found: dict[str, int] = {}
    out = _sub(EMAIL, "[EMAIL]", text, "email", found)
    out = _sub(ACCOUNT, lambda m: m.group("lead") + "[REKENING]", out, "account", found)
    out = _sub(NIK, "[NIK]", out, "nik", found)
    out = _sub(MOBILE, "[TELP]", out, "phone", found)
    out = _sub(LANDLINE, "[TELP]", out, "phone", found)
    before = out
    out = NAME_INTRO.sub(_name_repl, out)
    if out != before:
        found["name"] = found.get("name", 0) + 1
    for name in names:
        name = (name or "").strip()
        if len(name) < 3:
            continue
        out = _sub(_name_pattern(name), "[NAMA]", out, "name", found)
    return RedactionResult(text=out, found=found)


def contains_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.search(text))
