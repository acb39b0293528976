"""The tree of agencies (instansi) and who works where.

The tree is a materialised path (django-treebeard ``MP_Node``): every node stores its full path, so "this
agency and everything below it" is one indexed prefix query, never a recursive walk in Python.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from lapor.agencies.choices import AgencyKind, Role, TimeZone
from lapor.core.models import BaseModel


class Agency(MP_Node, BaseModel):
    """One node of the agency tree: the national root, a K/L/D instansi, an OPD/unit or a sub-unit.

    ``code`` is a stable lower-case identifier used in URLs and commands; ``sms_keyword`` (upper case) is how
    citizens address it by SMS (``KOTKUPANG isi laporan``). Stricter SLA limits, when set, override the legal
    completion limits for reports this agency owns (they may only be shorter).
    """

    steplen = 4
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    # No node_order_by: new units are appended, so existing paths never change (sorted insertion would rewrite
    # the paths of every later sibling and its whole subtree). Lists sort by name when shown.

    code = models.SlugField(_("kode"), max_length=64, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=16, choices=AgencyKind.choices)
    region = models.ForeignKey(
        "reference.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT
    )
    timezone = models.CharField(_("zona waktu"), max_length=32, choices=TimeZone.choices, default=TimeZone.WIB)
    sms_keyword = models.CharField(_("kata kunci SMS"), max_length=32, null=True, blank=True)
    is_connected = models.BooleanField(
        _("terhubung"), default=False, help_text=_("Memiliki admin yang ditunjuk dan SK Tim pengelola pengaduan.")
    )
    sk_number = models.CharField(_("nomor SK Tim"), max_length=120, blank=True)
    sla_aspirasi_days = models.PositiveSmallIntegerField(_("batas aspirasi (HK)"), null=True, blank=True)
    sla_informasi_days = models.PositiveSmallIntegerField(_("batas permintaan informasi (HK)"), null=True, blank=True)
    sla_pengaduan_days = models.PositiveSmallIntegerField(_("batas pengaduan (HK)"), null=True, blank=True)
    sla_pengawasan_days = models.PositiveSmallIntegerField(
        _("batas pengaduan berkadar pengawasan (HK)"), null=True, blank=True
    )
    active = models.BooleanField(_("aktif"), default=True)
    source = models.CharField(_("sumber"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        constraints = [
            models.UniqueConstraint(Upper("sms_keyword"), name="agency_sms_keyword_unique_ci"),
        ]
        indexes = [
            models.Index(fields=["kind"]),
            # LIKE 'prefix%' on PostgreSQL only uses an index with the pattern operator class.
            models.Index(fields=["path"], name="agency_path_pattern", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.sms_keyword:
            self.sms_keyword = self.sms_keyword.strip().upper()
        else:
            self.sms_keyword = None
        super().save(*args, **kwargs)

    def is_in_subtree_of(self, other: "Agency") -> bool:
        """True when this agency is ``other`` or lies below it (no query: compares paths)."""
        return self.path.startswith(other.path)


class Membership(BaseModel):
    """A staff member's role in one agency; the role applies to that agency's whole subtree."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"
