"""Template helpers for the console: accessible widgets, deadline labels, query strings."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def widget(field: BoundField, extra: str = "") -> str:
    """The field's widget with ``aria-describedby`` pointing at its help and error texts, and
    ``aria-invalid`` when it has errors. ``extra`` adds space-separated ``key=value`` attributes.
    """
    attrs: dict[str, str] = {}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    for pair in extra.split():
        key, _sep, value = pair.partition("=")
        attrs[key] = value or key
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return field.widget_type == "checkbox"


@register.simple_tag
def deadline_text(clock: dict) -> str:
    """Words for a clock's colour, so the state never depends on colour alone."""
    colour = clock.get("colour")
    if colour == "met":
        return _("terpenuhi")
    if colour == "paused":
        return _("berhenti: menunggu pelapor")
    left = clock.get("working_days_left")
    if colour == "red":
        if left is not None and left < 0:
            return ngettext("terlewati %(n)d hari kerja", "terlewati %(n)d hari kerja", -left) % {"n": -left}
        return _("terlewati")
    if left is None:
        return ""
    if left == 0:
        return _("hari ini batasnya")
    return ngettext("%(n)d hari kerja lagi", "%(n)d hari kerja lagi", left) % {"n": left}


@register.simple_tag
def colour_name(colour: str) -> str:
    return {
        "red": _("Merah"),
        "yellow": _("Kuning"),
        "green": _("Hijau"),
        "met": _("Terpenuhi"),
        "paused": _("Berhenti"),
        "none": _("Tanpa tenggat"),
    }.get(colour, colour)


@register.simple_tag
def clock_label(name: str) -> str:
    return {
        "verify": _("Verifikasi"),
        "response": _("Tanggapan pertama"),
        "completion": _("Penyelesaian"),
        "autoclose": _("Tutup otomatis"),
    }.get(name, name)


@register.simple_tag
def qs(base: dict, **changes: str) -> str:
    values = {**base, **changes}
    return "?" + urlencode({k: v for k, v in values.items() if v})


@register.filter
def field_labels(names: list[str]) -> str:
    """The verifier's edited fields, in words (``["title", "category_id"]`` → "judul, kategori")."""
    labels = {
        "title": _("judul"),
        "body_public": _("isi laporan akhir"),
        "classification": _("klasifikasi"),
        "category_id": _("kategori"),
        "is_anonymous": _("anonim"),
        "is_secret": _("rahasia"),
    }
    return ", ".join(str(labels.get(n, n)) for n in names or [])
