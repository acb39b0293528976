"""Reports and their timeline.

Reporter identity is stored on the report row but is only ever read through :mod:`lapor.privacy.policy`,
which decides per audience whether it may be shown (and audits every staff view of it).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock
from lapor.reports.choices import Channel, Classification, EventKind, Visibility
from lapor.reports.states import OPEN_STATUSES, Status
from lapor.reports.urgency import urgency_expression

# The staff inbox reads open reports only (14 % of them nationally): partial indexes over those stay small.
_OPEN = models.Q(status__in=sorted(OPEN_STATUSES))

REPORTER_FIELDS = ("reporter_name", "reporter_phone", "reporter_email", "reporter_user")


class Report(models.Model):
    """A citizen's report (laporan) and its current state, owner and clocks.

    ``body_original`` (isi laporan awal) never changes after submission; ``body_public`` (isi laporan akhir)
    is what the verifier publishes, PII-redacted. Status, owner and deadlines change only through
    :mod:`lapor.reports.services`.
    """

    tracking_id = models.CharField(_("nomor pelacakan"), max_length=16, unique=True)
    access_token = models.CharField(max_length=64, editable=False)
    intake_key = models.CharField(
        max_length=200, null=True, blank=True, unique=True, help_text=_("Kunci idempotensi kanal masuk.")
    )

    title = models.CharField(_("judul"), max_length=200)
    body_original = models.TextField(_("isi laporan awal"))
    body_public = models.TextField(_("isi laporan akhir"))
    classification = models.CharField(
        _("klasifikasi"), max_length=24, choices=Classification.choices, default=Classification.PENGADUAN
    )
    category = models.ForeignKey(
        "reference.Category", verbose_name=_("kategori"), null=True, blank=True, on_delete=models.PROTECT
    )
    region = models.ForeignKey(
        "reference.Region", verbose_name=_("lokasi"), null=True, blank=True, on_delete=models.PROTECT
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    channel = models.CharField(_("kanal"), max_length=12, choices=Channel.choices, default=Channel.WEB)

    is_anonymous = models.BooleanField(_("anonim"), default=False)
    is_secret = models.BooleanField(_("rahasia"), default=False)
    reporter_name = models.CharField(_("nama pelapor"), max_length=150, blank=True)
    reporter_phone = models.CharField(_("telepon pelapor"), max_length=20, blank=True, db_index=True)
    reporter_email = models.EmailField(_("e-mail pelapor"), blank=True)
    reporter_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    owner_agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi pemilik"), on_delete=models.PROTECT, related_name="owned_reports"
    )
    intake_agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi penerima"), on_delete=models.PROTECT, related_name="+"
    )
    disposed_by_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    suggested_agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Instansi yang disebut lebih berwenang pada pengembalian terakhir."),
    )
    bounce_count = models.PositiveSmallIntegerField(default=0)
    reopen_count = models.PositiveSmallIntegerField(default=0)
    archive_reason = models.CharField(max_length=24, blank=True)
    status_note = models.TextField(blank=True, help_text=_("Alasan tunda/arsip/pengembalian terakhir."))

    submitted_at = models.DateTimeField(_("tanggal masuk"), default=clock.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    disposed_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    last_follow_up_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=clock.now)

    # SLA clocks (see docs/subsystems/sla.md), changed only through lapor.sla.clocks. For each clock: its due
    # time, when it was met, the highest alert the sweep sent (lapor.sla.escalation.AlertLevel) and when the
    # next alert falls due (NULL once met, paused or fully escalated), so the sweep reads only due work.
    verify_due_at = models.DateTimeField(null=True, blank=True)
    verify_met_at = models.DateTimeField(null=True, blank=True)
    verify_paused_at = models.DateTimeField(null=True, blank=True)
    verify_remaining_hk = models.PositiveSmallIntegerField(null=True, blank=True)
    verify_alert = models.PositiveSmallIntegerField(default=0, db_default=0)
    verify_next_alert_at = models.DateTimeField(null=True, blank=True)
    response_due_at = models.DateTimeField(null=True, blank=True)
    response_alert = models.PositiveSmallIntegerField(default=0, db_default=0)
    response_next_alert_at = models.DateTimeField(null=True, blank=True)
    completion_due_at = models.DateTimeField(null=True, blank=True)
    completion_met_at = models.DateTimeField(null=True, blank=True)
    completion_alert = models.PositiveSmallIntegerField(default=0, db_default=0)
    completion_next_alert_at = models.DateTimeField(null=True, blank=True)
    autoclose_due_at = models.DateTimeField(null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(default=0, db_default=0)

    # The nearest deadline the agency must still meet (lapor.reports.urgency), kept by the database itself.
    urgency_at = models.GeneratedField(
        expression=urgency_expression(), output_field=models.DateTimeField(), db_persist=True
    )

    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    is_unsatisfied = models.BooleanField(_("tidak puas"), default=False)

    class Meta:
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        indexes = [
            models.Index(fields=["owner_agency", "status", "-submitted_at"], name="report_inbox"),
            models.Index(fields=["status", "-submitted_at"], name="report_status_recent"),
            models.Index(fields=["-submitted_at"], name="report_recent"),
            # One agency's open reports, most urgent first / newest first (the console inbox's two orders).
            models.Index(fields=["owner_agency", "urgency_at", "id"], name="report_open_urgent", condition=_OPEN),
            models.Index(fields=["owner_agency", "-submitted_at", "-id"], name="report_open_recent", condition=_OPEN),
            models.Index(fields=["urgency_at", "id"], name="report_open_urgent_all", condition=_OPEN),
            # The sweep reads only clocks whose next alert is due: partial indexes keep it proportional to the
            # work left, not to the number of reports.
            models.Index(
                fields=["verify_next_alert_at"],
                name="report_verify_alert_due",
                condition=models.Q(verify_next_alert_at__isnull=False),
            ),
            models.Index(
                fields=["response_next_alert_at"],
                name="report_response_alert_due",
                condition=models.Q(response_next_alert_at__isnull=False),
            ),
            models.Index(
                fields=["completion_next_alert_at"],
                name="report_completion_alert_due",
                condition=models.Q(completion_next_alert_at__isnull=False),
            ),
            models.Index(
                fields=["autoclose_due_at"],
                name="report_autoclose_due",
                condition=models.Q(autoclose_due_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.tracking_id} {self.title}"

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


class ReportEvent(models.Model):
    """One entry in a report's timeline: a transition, a message or a note. Never edited or deleted."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PARTIES)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    actor_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    actor_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_kind = models.CharField(max_length=12)
    body = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["report", "created_at"], name="report_event_timeline")]

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind}"


class Attachment(models.Model):
    """A file attached to a report (a photo of the pothole, a scanned letter). Type checked by content, size
    limited, image metadata (GPS) stripped on upload; served only through the privacy layer.
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="attachments")
    event = models.ForeignKey(ReportEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to="lampiran/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.CharField(max_length=12)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PARTIES)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return self.original_name


class CaseFile(models.Model):
    """An Ombudsman case file (*penundaan berlarut*): a frozen snapshot of a report whose completion is overdue
    by more than its whole legal limit again — the report, its timeline, every missed deadline and the agencies
    involved. Reporter identity is never part of it.
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="case_files")
    reason = models.CharField(max_length=32, default="penundaan_berlarut")
    created_at = models.DateTimeField(default=clock.now)
    snapshot = models.JSONField()

    class Meta:
        verbose_name = _("berkas kasus Ombudsman")
        verbose_name_plural = _("berkas kasus Ombudsman")
        constraints = [models.UniqueConstraint(fields=["report", "reason"], name="casefile_once_per_reason")]

    def __str__(self) -> str:
        return f"{self.reason} #{self.snapshot.get('tracking_id', self.report_id)}"


class TrackingCounter(models.Model):
    """Monotonic counter behind tracking IDs on SQLite (PostgreSQL uses a native sequence)."""

    name = models.CharField(max_length=32, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
