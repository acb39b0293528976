"""Helpers shared by the console's views."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lapor.console.forms import ConsoleForm

PICKERS = {
    "agency": ("console:agency_search", "console/_agency_options.html"),
    "category": ("console:category_search", "console/_category_options.html"),
    "region": ("console:region_search", "console/_region_options.html"),
}


def picker(
    form: ConsoleForm,
    field: str,
    *,
    kind: str,
    purpose: str = "",
    tracking_id: str = "",
    options: Any = (),
    heading: str = "",
    required: bool = False,
    suggested: Any = None,
    with_suggestions: bool = False,
) -> dict[str, Any]:
    """Everything ``console/_picker.html`` needs: the search box (``<field>_q``), the radio name (``<field>``),
    what to list before anyone types (or the matches of a search the form could not settle), and where htmx
    fetches results from.
    """
    bound = form[field]
    if field in form.options:
        options, heading = form.options[field], _("Pilih salah satu yang cocok:")
    url, template = PICKERS[kind]
    return {
        "q": form[f"{field}_q"],
        "name": bound.html_name,
        "results_id": f"{bound.auto_id}-results",
        "purpose": purpose,
        "tracking_id": tracking_id,
        "url": url,
        "options_template": template,
        "options": options,
        "heading": heading,
        "selected": str(bound.value() or ""),
        "required": required,
        "suggested": suggested,
        "with_suggestions": with_suggestions,
    }
