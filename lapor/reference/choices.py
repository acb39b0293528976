from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY_CITY = 2, _("Kabupaten/Kota")
    DISTRICT = 3, _("Kecamatan")
    VILLAGE = 4, _("Kelurahan/Desa")


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA = "desa", _("Desa")
