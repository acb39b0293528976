"""Statistics rollups, export and import jobs, and the record of monthly reports sent.

The rollup tables are derived data: ``lapor stats refresh --full`` rebuilds them from the reports and the audit
log at any time. Their rows are *cumulative over the agency's subtree* (the row of Pemerintah Kota Kupang counts
every report owned by the city or any unit below it), so a dashboard reads the rows of one agency, never a
subtree of thousands.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock
from lapor.oversight.choices import ExportFormat, ImportStatus, JobStatus


class StatState(models.Model):
    """Where the statistics refresh stands (one row): the last audit event reflected, when the figures were
    computed, and a lease so that only one refresh runs at a time across processes.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    audit_seq = models.BigIntegerField(default=0)  # events reflected, all chains together (for display)
    audit_marks = models.JSONField(default=dict, blank=True)  # {chain: last sequence number reflected}
    refreshed_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True, help_text=_("Pembangunan ulang penuh terakhir."))
    running_since = models.DateTimeField(null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(default=0)
    last_months = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("status statistik")
        verbose_name_plural = _("status statistik")

    def __str__(self) -> str:
        return f"stats @{self.audit_seq} {self.refreshed_at}"


class MonthlyStatBase(models.Model):
    """Columns of the monthly rollup: one counter per status group and per criterion of
    :data:`lapor.oversight.criteria.COUNTED` (a test keeps the two lists equal)."""

    total = models.PositiveIntegerField(default=0)
    grp_unverified = models.PositiveIntegerField(default=0)
    grp_in_process = models.PositiveIntegerField(default=0)
    grp_followed_up = models.PositiveIntegerField(default=0)
    grp_closed = models.PositiveIntegerField(default=0)
    grp_archived = models.PositiveIntegerField(default=0)
    bounces = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    disposed = models.PositiveIntegerField(default=0)
    responded = models.PositiveIntegerField(default=0)
    verify_ontime = models.PositiveIntegerField(default=0)
    verify_late = models.PositiveIntegerField(default=0)
    verify_overdue = models.PositiveIntegerField(default=0)
    response_ontime = models.PositiveIntegerField(default=0)
    response_late = models.PositiveIntegerField(default=0)
    response_overdue = models.PositiveIntegerField(default=0)
    completion_ontime = models.PositiveIntegerField(default=0)
    completion_late = models.PositiveIntegerField(default=0)
    completion_overdue = models.PositiveIntegerField(default=0)
    bounced = models.PositiveIntegerField(default=0)
    reopened = models.PositiveIntegerField(default=0)
    unsatisfied = models.PositiveIntegerField(default=0)
    rated = models.PositiveIntegerField(default=0)
    open_red = models.PositiveIntegerField(default=0)
    open_yellow = models.PositiveIntegerField(default=0)
    open_green = models.PositiveIntegerField(default=0)
    open_waiting = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class MonthlyStat(MonthlyStatBase):
    """The figures of one agency's subtree for the reports submitted in one month (WIB), for one audience:
    ``public=False`` counts every report (staff), ``public=True`` only what the public may see (no secret and no
    unverified reports). Moment-dependent columns (overdue, colours) are as of the refresh that wrote the row.
    ``breakdown`` holds the counts by channel, classification, category, province, kabupaten/kota, status,
    rating and working-day duration per stage, as ``{dimension: {key: count}}``.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    public = models.BooleanField()
    breakdown = models.JSONField(
        default=dict,
        help_text=_("{dimensi: {kunci: jumlah}}: kanal, klasifikasi, kategori, wilayah, status, nilai, lama (HK)."),
    )

    class Meta:
        verbose_name = _("statistik bulanan instansi")
        verbose_name_plural = _("statistik bulanan instansi")
        constraints = [
            models.UniqueConstraint(fields=["agency", "public", "month"], name="monthlystat_unique"),
        ]
        indexes = [models.Index(fields=["month"], name="monthlystat_month")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month:%Y-%m} {'publik' if self.public else 'semua'}"


class BounceStat(models.Model):
    """Reports an agency's subtree sent back as *bukan wewenang*, by month of the return (from the audit log)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("statistik pengembalian")
        verbose_name_plural = _("statistik pengembalian")
        constraints = [models.UniqueConstraint(fields=["agency", "month"], name="bouncestat_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month:%Y-%m}: {self.n}"


class StaffActivityDay(models.Model):
    """Audited actions of one staff user on one day (WIB), from the audit log: *keaktifan admin*."""

    user_id = models.BigIntegerField()
    day = models.DateField()
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("aktivitas petugas per hari")
        verbose_name_plural = _("aktivitas petugas per hari")
        constraints = [models.UniqueConstraint(fields=["user_id", "day"], name="staffactivity_unique")]
        indexes = [models.Index(fields=["day"], name="staffactivity_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}: {self.n}"


def _token() -> str:
    return uuid.uuid4().hex


class ExportJob(models.Model):
    """A background export of a filtered report list (Excel in the LAPOR! layout, or CSV) and its progress.
    The file is written under ``MEDIA_ROOT/oversight/ekspor/`` and served only to the user who asked for it.
    """

    token = models.CharField(max_length=32, unique=True, default=_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    format = models.CharField(max_length=8, choices=ExportFormat.choices, default=ExportFormat.XLSX)
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("ekspor laporan")
        verbose_name_plural = _("ekspor laporan")

    def __str__(self) -> str:
        return f"ekspor {self.token[:8]} {self.status}"

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class ImportBatch(models.Model):
    """One uploaded file of reports from LAPOR! (Excel in the admin layout, or CSV) on its way in: validated,
    names mapped by a person, then imported all at once or not at all.
    """

    token = models.CharField(max_length=32, unique=True, default=_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", help_text=_("Instansi tujuan impor.")
    )
    created_at = models.DateTimeField(default=clock.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    file = models.CharField(max_length=300)
    original_name = models.CharField(max_length=200)
    status = models.CharField(max_length=12, choices=ImportStatus.choices, default=ImportStatus.UPLOADED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    unknown = models.JSONField(default=dict, blank=True)
    mapping = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("impor laporan")
        verbose_name_plural = _("impor laporan")

    def __str__(self) -> str:
        return f"impor {self.original_name} {self.status}"

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0


class MonthlyDispatch(models.Model):
    """The monthly report of one agency for one month was e-mailed (so a re-run never sends it twice)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_at = models.DateTimeField(default=clock.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("laporan bulanan terkirim")
        verbose_name_plural = _("laporan bulanan terkirim")
        constraints = [models.UniqueConstraint(fields=["agency", "month"], name="monthlydispatch_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month:%Y-%m}"
