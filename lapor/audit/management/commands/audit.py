"""``lapor audit verify``: walk the hash chain and report any tampering (exit status 1 if found)."""

from django.core.management.base import BaseCommand, CommandError

from lapor.audit.services import audit_verify


class Command(BaseCommand):
    help = "Audit log tools. 'verify' checks the hash chain end to end."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        result = audit_verify()
        if result.ok:
            self.stdout.write(f"OK: {result.checked} audit events in {result.chains} chains, all intact")
            return
        for problem in result.problems[:50]:
            self.stderr.write(str(problem))
        raise CommandError(f"audit chain broken: {len(result.problems)} problem(s) in {result.checked} events")
