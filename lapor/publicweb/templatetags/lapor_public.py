"""Template helpers of the citizen portal."""

from __future__ import annotations

from django import template

from lapor.privacy.redaction import redact

register = template.Library()


@register.filter
def redacted(text: str) -> str:
    """Text as the public may read it (PII masked), e.g. a report title in a public list."""
    return redact(text or "").text
