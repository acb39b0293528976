"""``lapor apikey create --agency CODE --name NAME`` prints a new integrator key (shown once);
``lapor apikey revoke PREFIX``; ``lapor apikey list [--agency CODE]``; ``lapor apikey webhook PREFIX URL`` subscribes
a URL to signed report events and prints the signing secret.
"""

from django.core.management.base import BaseCommand, CommandError

from lapor.agencies.services import agency_find
from lapor.core.errors import ApplicationError
from lapor.integrations.models import ApiKey
from lapor.integrations.services import apikey_create, apikey_revoke, webhook_subscribe


class Command(BaseCommand):
    help = "Integrator API keys (REST Bearer, Open311 api_key, addstream token), scoped to an agency subtree."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="op", required=True)
        create = sub.add_parser("create")
        create.add_argument("--agency", required=True, help="agency code or SMS keyword")
        create.add_argument("--name", required=True)
        create.add_argument("--rate", type=int, default=600, help="requests per minute")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix")
        hook = sub.add_parser("webhook", help="subscribe a URL to signed report events of the key's subtree")
        hook.add_argument("prefix")
        hook.add_argument("url")
        listing = sub.add_parser("list")
        listing.add_argument("--agency")

    def handle(self, *args, **options):
        try:
            if options["op"] == "create":
                agency = agency_find(options["agency"])
                if agency is None:
                    raise CommandError(f"unknown agency code or SMS keyword: {options['agency']}")
                issued = apikey_create(agency=agency, name=options["name"], rate_per_minute=options["rate"])
                self.stderr.write(
                    f"Kunci untuk {agency.name} ({issued.key.name}); simpan sekarang, tidak ditampilkan lagi:"
                )
                self.stdout.write(issued.plaintext)
            elif options["op"] == "webhook":
                key = ApiKey.objects.filter(prefix=options["prefix"], revoked_at=None).first()
                if key is None:
                    raise CommandError(f"no active key with prefix {options['prefix']}")
                subscription = webhook_subscribe(key=key, url=options["url"])
                self.stderr.write("Rahasia penandatanganan (X-LAPOR-Signature), simpan sekarang:")
                self.stdout.write(subscription.secret)
            elif options["op"] == "revoke":
                key = apikey_revoke(prefix=options["prefix"])
                self.stdout.write(f"revoked {key.prefix} ({key.name})")
            else:
                qs = ApiKey.objects.select_related("agency").order_by("created_at")
                if options.get("agency"):
                    agency = agency_find(options["agency"])
                    qs = qs.filter(agency=agency)
                for key in qs:
                    state = "revoked" if key.revoked_at else "active"
                    self.stdout.write(f"{key.prefix}  {state:<8} {key.agency.code:<20} {key.name}")
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
