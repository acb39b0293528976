"""``lapor makemessages``: Django's command with LAPOR's conventions.

- ``_l`` (the house alias of ``gettext_lazy`` where ``_`` is ``gettext``) is a keyword, so its strings are extracted;
- the catalogue has no source locations (``--no-location``), so moving code does not churn it;
- benchmarks, browser tests, scripts, docs, runtime data and tests are not scanned: they hold no product text.

``lapor makemessages -l en`` then ``lapor compilemessages``; ``lapor/core/tests/test_locale.py`` fails while the
English catalogue has an empty or fuzzy entry.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands import makemessages

IGNORED = ["bench", "e2e", "scripts", "docs", "var", "screenshots", "build", "*/tests", "*/tests/*", "conftest.py"]


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_l"]

    def handle(self, *args: Any, **options: Any) -> None:
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_location"] = True
        super().handle(*args, **options)
