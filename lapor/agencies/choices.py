from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    NATIONAL = "nasional", _("Pengelola nasional")
    KEMENTERIAN = "kementerian", _("Kementerian")
    LEMBAGA = "lembaga", _("Lembaga")
    PROVINSI = "provinsi", _("Pemerintah provinsi")
    KABUPATEN = "kabupaten", _("Pemerintah kabupaten")
    KOTA = "kota", _("Pemerintah kota")
    BUMN = "bumn", _("BUMN")
    BUMD = "bumd", _("BUMD")
    PTN = "ptn", _("Perguruan tinggi negeri")
    PERWAKILAN = "perwakilan", _("Perwakilan RI")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    BAGIAN = "bagian", _("Bagian / sekretariat")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan / desa")
    RSUD = "rsud", _("Rumah sakit")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    UNIT = "unit", _("Unit kerja")

    @classmethod
    def instansi_kinds(cls) -> frozenset[str]:
        """Kinds that are a K/L/D instansi in their own right (the level the national admin disposes to)."""
        return frozenset(
            {
                cls.KEMENTERIAN,
                cls.LEMBAGA,
                cls.PROVINSI,
                cls.KABUPATEN,
                cls.KOTA,
                cls.BUMN,
                cls.BUMD,
                cls.PTN,
                cls.PERWAKILAN,
            }
        )


class TimeZone(models.TextChoices):
    """Indonesia's three time zones, stored by IANA name."""

    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


# Province code prefixes (Kemendagri 2025) by time zone; every other province is WIB.
WITA_PROVINCES = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96"})


def timezone_for_region(region_code: str | None) -> str:
    """Time zone of a region by its province. ``timezone_for_region("53.71") == "Asia/Makassar"`` (Kupang)."""
    prefix = (region_code or "")[:2]
    if prefix in WIT_PROVINCES:
        return TimeZone.WIT
    if prefix in WITA_PROVINCES:
        return TimeZone.WITA
    return TimeZone.WIB


class Role(models.TextChoices):
    """Staff roles (DESIGN §2). Scope is the membership's agency and everything below it."""

    NATIONAL_ADMIN = "admin_nasional", _("Admin nasional")
    AGENCY_ADMIN = "admin_instansi", _("Admin instansi")
    LIAISON = "penghubung", _("Pejabat penghubung")
    LEADER = "pimpinan", _("Pimpinan")
    SUPERVISOR = "pengawas", _("Pengawas")
