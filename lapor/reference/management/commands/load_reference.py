"""``manage.py load_reference``: load the shipped regions, categories and reference agencies (idempotent)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from lapor.reference.services import ReferenceDataError, reference_load_all


class Command(BaseCommand):
    help = (
        "Load the reference data shipped with LAPOR: Kemendagri regions, the LAPOR! category taxonomy, the national "
        "root agency, the 552 pemda and the national agencies. Safe to run again: only missing rows are created."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            counts = reference_load_all()
        except ReferenceDataError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started
        for name, created in counts.items():
            self.stdout.write(f"{name}: {created} created")
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded in {elapsed:.1f} s."))
