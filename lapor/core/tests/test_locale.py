"""The English catalogue is complete: every entry translated, none fuzzy, the compiled .mo matches the .po,
and every translatable string in the product's code and templates is in the catalogue.

Indonesian is the source language (the msgids); ``lapor makemessages -l en`` updates the catalogue and
``msgfmt --check-format -o django.mo django.po`` (or ``lapor compilemessages``) compiles it.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "lapor" / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|%[sd]|\{\w*\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def parse_po(path: Path) -> list[Entry]:
    """A small reader for the subset of the PO format that msgmerge writes."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal current
        if current.msgid or current.msgstr:
            entries.append(current)
        current = Entry()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            target = None
            continue
        if line.startswith("#~"):
            current.obsolete = True
            continue
        if line.startswith("#,"):
            current.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        key, _, rest = line.partition(" ")
        if key == "msgctxt":
            current.msgctxt, target = _unquote(rest), ("msgctxt", 0)
        elif key == "msgid":
            current.msgid, target = _unquote(rest), ("msgid", 0)
        elif key == "msgid_plural":
            current.msgid_plural, target = _unquote(rest), ("msgid_plural", 0)
        elif key == "msgstr":
            current.msgstr[0], target = _unquote(rest), ("msgstr", 0)
        elif key.startswith("msgstr["):
            n = int(key[7:-1])
            current.msgstr[n], target = _unquote(rest), ("msgstr", n)
        elif line.startswith('"') and target is not None:
            name, n = target
            if name == "msgstr":
                current.msgstr[n] += _unquote(line)
            else:
                setattr(current, name, getattr(current, name) + _unquote(line))
    flush()
    return [e for e in entries if e.msgid and not e.obsolete]


def problems_of(entries: list[Entry]) -> list[str]:
    problems = []
    for e in entries:
        name = f"{e.msgctxt + ' | ' if e.msgctxt else ''}{e.msgid!r}"
        if "fuzzy" in e.flags:
            problems.append(f"fuzzy: {name}")
        wanted = 2 if e.msgid_plural else 1
        strings = [e.msgstr.get(i, "") for i in range(wanted)]
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {name}")
            continue
        # Every placeholder of the source is in the translation (a plural's singular may say "one" instead).
        source = sorted(PLACEHOLDER.findall(e.msgid_plural or e.msgid))
        if sorted(PLACEHOLDER.findall(strings[-1])) != source:
            problems.append(f"placeholders differ: {name} → {strings[-1]!r}")
    return problems


def test_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    entries = parse_po(CATALOGUE / "django.po")
    assert len(entries) > 1000
    assert problems_of(entries) == []


def test_the_compiled_catalogue_matches_the_source():
    with (CATALOGUE / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = []
    for e in parse_po(CATALOGUE / "django.po"):
        key = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid
        if e.msgid_plural:
            got = [compiled.ngettext(key, e.msgid_plural, 1), compiled.ngettext(key, e.msgid_plural, 2)]
            want = [e.msgstr[0], e.msgstr[1]]
        else:
            got, want = [compiled.gettext(key)], [e.msgstr[0]]
        if got != want:
            stale.append(e.msgid)
    assert stale == [], "django.mo is older than django.po: run msgfmt --check-format -o django.mo django.po"


def test_the_checker_sees_fuzzy_and_empty_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy\nmsgid "Laporan"\nmsgstr "Report"\n\n'
        'msgid "Instansi"\nmsgstr ""\n\n'
        'msgid "%(n)s laporan"\nmsgid_plural "%(n)s laporan"\nmsgstr[0] "one report"\nmsgstr[1] "%(n)s reports"\n\n'
        'msgid "Halo %(name)s"\nmsgstr "Hello"\n\n'
        '#~ msgid "Lama"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    assert problems_of(parse_po(po)) == [
        "fuzzy: 'Laporan'",
        "untranslated: 'Instansi'",
        "placeholders differ: 'Halo %(name)s' → 'Hello'",
    ]


@pytest.mark.skipif(shutil.which("xgettext") is None or shutil.which("msgmerge") is None, reason="needs gettext")
def test_every_translatable_string_of_the_product_is_in_the_catalogue(tmp_path, monkeypatch):
    """What ``lapor makemessages -l en`` would write, into a copy: nothing new, nothing untranslated."""
    copy = tmp_path / "locale" / "en" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", copy / "django.po")
    monkeypatch.chdir(ROOT)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command("makemessages", locale=["en"], ignore_patterns=["lapor/locale"], verbosity=0)
    problems = problems_of(parse_po(copy / "django.po"))
    assert problems == [], "run `lapor makemessages -l en`, translate, then compile the catalogue"
