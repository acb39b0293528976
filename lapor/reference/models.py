"""Reference facts shipped with the product: Kemendagri regions and the LAPOR! category taxonomy."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.reference.choices import RegionKind, RegionLevel


class Region(models.Model):
    """A Kemendagri administrative region (Kepmendagri 300.2.2-2138/2025), keyed by its dotted code.

    ``53`` is Nusa Tenggara Timur, ``53.71`` Kota Kupang, ``53.71.03`` Kecamatan Oebobo,
    ``53.71.03.1004`` a kelurahan in it. The code is the primary key so reports can reference it directly.
    """

    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=RegionLevel.choices)
    kind = models.CharField(_("jenis"), max_length=10, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    population = models.PositiveIntegerField(_("penduduk"), null=True, blank=True)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "name"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def province_code(self) -> str:
        return self.code[:2]


class Category(models.Model):
    """A node of the LAPOR! category taxonomy (e.g. PEKERJAAN UMUM › INFRASTRUKTUR JALAN › JALAN BERLUBANG).

    Categories are retired (``active=False``), never deleted, so old reports keep their classification.
    """

    name = models.CharField(_("nama"), max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    level = models.PositiveSmallIntegerField(_("tingkat"), default=1)
    full_name = models.CharField(_("nama lengkap"), max_length=600, db_index=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(fields=["full_name"], name="category_full_name_unique")]

    def __str__(self) -> str:
        return self.full_name
