"""The ``lapor`` console command: Django's management commands with LAPOR's settings.

``lapor demo`` runs the whole system locally; ``lapor serve`` is the production entry; ``lapor hk …``,
``lapor audit verify``, ``lapor reference load`` and every Django command (``lapor migrate``…) work too.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    default_settings = "config.settings.prod" if args[:1] == ["serve"] else "config.settings.dev"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lapor", *args])


if __name__ == "__main__":
    main()
