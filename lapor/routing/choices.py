"""Enumerations of the routing app, each with a translated label."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    """How two reports are linked by staff."""

    DUPLICATE = "duplicate", _("Duplikat (satu laporan menanggung tindak lanjut)")
    RELATED = "related", _("Terkait")


class RoutingAudit(models.TextChoices):
    """Audit event types written by this app (``AuditEvent.event_type``; at most 40 characters)."""

    MODEL_TRAINED = "routing.model_trained", _("Model router dilatih")
    MODEL_ACTIVATED = "routing.model_activated", _("Model router diaktifkan")
    POLICY_CHANGED = "routing.policy_changed", _("Kebijakan router diubah")
    SUGGESTION_ACCEPTED = "routing.suggestion_accepted", _("Saran instansi dipakai")
    AUTO_DISPOSED = "routing.auto_disposed", _("Disposisi otomatis oleh router")
    AUTO_DISPOSE_REVERTED = "routing.auto_dispose_reverted", _("Disposisi otomatis dibatalkan")
    LINKED = "routing.report_linked", _("Laporan ditautkan")
    UNLINKED = "routing.report_unlinked", _("Tautan laporan dihapus")
