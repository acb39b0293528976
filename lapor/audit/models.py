"""Append-only, hash-chained audit log.

The log is a fixed set of independent chains (``LAPOR_AUDIT_CHAINS``, 32 by default): a report's events all go
to chain ``1 + report_id % N``, events about no report to chain 1. Each event stores the hash of the event before
it in its chain; each chain's head row stores its last sequence number and hash. Editing any event breaks its
own hash, deleting one breaks the next event's link, and deleting a tail disagrees with its head. ``lapor audit
verify`` walks every chain. Several chains instead of one let concurrent transactions append without queueing
behind a single locked row (see docs/decisions/0015-audit-chains-and-lean-writes.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock


class AuditEventType(models.TextChoices):
    REPORT_SUBMITTED = "report.submitted", _("Laporan masuk")
    REPORT_VERIFIED = "report.verified", _("Laporan diverifikasi")
    REPORT_INFO_REQUESTED = "report.info_requested", _("Laporan ditunda")
    REPORT_INFO_PROVIDED = "report.info_provided", _("Pelapor melengkapi informasi")
    REPORT_ARCHIVED = "report.archived", _("Laporan diarsipkan")
    REPORT_DISPOSED = "report.disposed", _("Laporan didisposisikan")
    REPORT_DISPOSED_INTERNAL = "report.disposed_internal", _("Disposisi internal")
    REPORT_RETURNED = "report.returned", _("Laporan dikembalikan (bukan wewenang)")
    REPORT_RECALLED = "report.recalled", _("Disposisi ditarik kembali")
    REPORT_FOLLOWED_UP = "report.followed_up", _("Tindak lanjut")
    REPORT_REPLIED = "report.replied", _("Tanggapan pelapor")
    REPORT_DISPUTED = "report.disputed", _("Sanggahan pelapor")
    REPORT_CLOSED = "report.closed", _("Laporan selesai")
    REPORT_AUTO_CLOSED = "report.auto_closed", _("Laporan ditutup otomatis")
    REPORT_RATED = "report.rated", _("Penilaian pelapor")
    REPORT_NOTE = "report.note", _("Catatan internal")
    REPORT_ESCALATED = "report.escalated", _("Eskalasi")
    REPORT_RECLASSIFIED = "report.reclassified", _("Klasifikasi diubah")
    REPORT_WARNED = "report.warned", _("Peringatan tenggat")
    REPORT_CASE_FILED = "report.case_filed", _("Berkas kasus Ombudsman dibuat")
    AGENCY_CLOSURE_ADDED = "agency.closure_added", _("Hari libur instansi ditambahkan")
    APIKEY_CHANGED = "apikey.changed", _("Kunci API dibuat atau dicabut")
    ACCOUNT_CHANGED = "account.changed", _("Akun petugas diubah")
    REPORTS_IMPORTED = "reports.imported", _("Laporan diimpor dari LAPOR!")
    REPORTER_IDENTITY_VIEWED = "reporter.identity_viewed", _("Identitas pelapor dilihat")
    AGENCY_CHANGED = "agency.changed", _("Data instansi diubah")
    MEMBERSHIP_CHANGED = "membership.changed", _("Peran petugas diubah")


class AuditEvent(models.Model):
    """One audited action. Never updated or deleted; ``hash`` covers every field but ``chain`` (the links and
    the heads protect that) and ``prev_hash``."""

    chain = models.PositiveSmallIntegerField(default=1)
    seq = models.BigIntegerField()
    created_at = models.DateTimeField(default=clock.now)
    # Values of AuditEventType and the other apps' audit types (no choices here: a new type needs no migration).
    event_type = models.CharField(max_length=40)
    actor_user_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=200, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True)
    report_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    extra_data = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("peristiwa audit")
        ordering = ["chain", "seq"]
        constraints = [models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_seq")]

    def __str__(self) -> str:
        return f"{self.chain}:{self.seq} {self.event_type}"


class AuditChainHead(models.Model):
    """A chain's tip (``id`` is the chain number): locked while an event is appended so the chain stays linear."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"head {self.id}:{self.seq}"
