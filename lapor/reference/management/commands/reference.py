"""``lapor reference load``: load the reference data shipped with the product (idempotent, seconds)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Reference data shipped with LAPOR: regions, categories, pemda and national agencies."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load"])

    def handle(self, *args, **options):
        call_command("load_reference", stdout=self.stdout, stderr=self.stderr)
