from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicWebConfig(AppConfig):
    name = "lapor.publicweb"
    label = "publicweb"
    verbose_name = _("Portal publik")
