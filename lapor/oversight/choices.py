"""Enumerations of the oversight app, each with a translated label (and a colour where shown)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    """The red/yellow/green grade of the agency league table (see ``docs/decisions/0014``)."""

    GREEN = "hijau", _("Hijau (baik)")
    YELLOW = "kuning", _("Kuning (perlu perbaikan)")
    RED = "merah", _("Merah (buruk)")
    NONE = "na", _("Belum dapat dinilai")


GRADE_COLOURS = {Grade.GREEN: "#1e7b34", Grade.YELLOW: "#c79a00", Grade.RED: "#c0001b", Grade.NONE: "#8a8a8a"}
# Score thresholds (0-100) of the grade: at least GREEN_FROM is green, at least YELLOW_FROM is yellow.
GREEN_FROM = 80.0
YELLOW_FROM = 60.0


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu")
    RUNNING = "running", _("Berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", _("Excel (format LAPOR!)")
    CSV = "csv", _("CSV")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Diunggah, menunggu pemeriksaan")
    VALIDATING = "validating", _("Sedang diperiksa")
    INVALID = "invalid", _("Ada kesalahan: tidak ada yang diimpor")
    REVIEW = "review", _("Perlu pemetaan nama instansi/kategori")
    READY = "ready", _("Siap diimpor")
    IMPORTING = "importing", _("Sedang diimpor")
    DONE = "done", _("Selesai diimpor")
    FAILED = "failed", _("Gagal: tidak ada yang diimpor")


class BacklogAge(models.TextChoices):
    """Age of open reports by month of submission (the rollup is monthly; see the dashboard)."""

    UNDER_1 = "0", _("< 1 bulan")
    M1_3 = "1", _("1–3 bulan")
    M3_6 = "3", _("3–6 bulan")
    M6_12 = "6", _("6–12 bulan")
    OVER_12 = "12", _("> 12 bulan")


BACKLOG_AGE_MONTHS: dict[str, tuple[int, int | None]] = {
    # bucket: (from months ago, up to months ago exclusive)
    BacklogAge.UNDER_1: (0, 1),
    BacklogAge.M1_3: (1, 3),
    BacklogAge.M3_6: (3, 6),
    BacklogAge.M6_12: (6, 12),
    BacklogAge.OVER_12: (12, None),
}
