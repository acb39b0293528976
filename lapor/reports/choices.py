"""Enumerations of the report domain, each with a translated label (and a colour where shown)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.TextChoices):
    """DESIGN §4. Completion limits in working days live in :data:`COMPLETION_HK`."""

    ASPIRASI = "aspirasi", _("Aspirasi")
    INFORMASI = "permintaan_informasi", _("Permintaan informasi")
    PENGADUAN = "pengaduan", _("Pengaduan")
    PENGAWASAN = "pengaduan_pengawasan", _("Pengaduan berkadar pengawasan")


COMPLETION_HK: dict[str, int] = {
    Classification.ASPIRASI: 5,
    Classification.INFORMASI: 5,
    Classification.PENGADUAN: 14,
    Classification.PENGAWASAN: 60,
}


class Channel(models.TextChoices):
    WEB = "web", _("Situs web")
    SMS = "sms", _("SMS 1708")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")
    WALKIN = "walkin", _("Datang langsung / surat")
    API = "api", _("API")
    OPEN311 = "open311", _("Open311")
    INTEGRATION = "integrasi", _("Integrasi LAPOR!")
    MOBILE = "mobile", _("Aplikasi seluler")


class EventKind(models.TextChoices):
    """Kinds of timeline entries (what the citizen and staff see on the report's thread)."""

    SUBMITTED = "submitted", _("Laporan masuk")
    VERIFIED = "verified", _("Diverifikasi")
    INFO_REQUESTED = "info_requested", _("Ditunda: meminta informasi")
    INFO_PROVIDED = "info_provided", _("Informasi dari pelapor")
    ARCHIVED = "archived", _("Diarsipkan")
    DISPOSED = "disposed", _("Didisposisikan")
    INTERNAL_DISPOSED = "internal_disposed", _("Disposisi internal")
    RETURNED = "returned", _("Bukan wewenang")
    RECALLED = "recalled", _("Disposisi ditarik kembali")
    FOLLOWED_UP = "followed_up", _("Tindak lanjut")
    REPLIED = "replied", _("Tanggapan pelapor")
    DISPUTED = "disputed", _("Pelapor tidak puas")
    CLOSED = "closed", _("Selesai")
    AUTO_CLOSED = "auto_closed", _("Ditutup otomatis")
    REOPENED = "reopened", _("Dibuka kembali")
    RATED = "rated", _("Penilaian")
    NOTE = "note", _("Catatan internal")
    ESCALATED = "escalated", _("Eskalasi")
    WARNED = "warned", _("Peringatan tenggat")
    RECLASSIFIED = "reclassified", _("Klasifikasi diubah")
    CASE_FILED = "case_filed", _("Berkas kasus Ombudsman")


class Visibility(models.TextChoices):
    """Who may see a timeline entry, besides the national admin and pengawas."""

    PUBLIC = "public", _("Publik")
    PARTIES = "parties", _("Pelapor dan petugas")
    INTERNAL = "internal", _("Internal petugas")


class ArchiveReason(models.TextChoices):
    SPAM = "spam", _("Spam atau iklan")
    UNCLEAR = "tidak_jelas", _("Isi tidak jelas")
    DUPLICATE = "duplikat", _("Duplikat laporan lain")
    NOT_GOVERNMENT = "bukan_pemerintah", _("Bukan urusan penyelenggara layanan publik")
    NO_RESPONSE = "tidak_ada_tanggapan", _("Pelapor tidak melengkapi informasi")
    OTHER = "lainnya", _("Lainnya")
