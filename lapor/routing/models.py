"""Router models, the suggestions they made, the routing policy, and links between reports.

Every row here is written by :mod:`lapor.routing.services` (with an audit event where a person or the system
decided something); the admin shows them read-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock
from lapor.routing.choices import LinkKind


class RouterVersion(models.Model):
    """A trained router: the model file on disk, its version, when it was trained, on what, and its figures
    (``metrics``: the chronological hold-out accuracy the training measured). At most one is active.
    """

    version = models.CharField(_("versi"), max_length=64, unique=True)
    path = models.CharField(_("berkas model"), max_length=500)
    trained_at = models.DateTimeField(_("dilatih"))
    source = models.CharField(_("sumber data"), max_length=200, blank=True)
    n_reports = models.PositiveIntegerField(_("laporan latih"), default=0)
    metrics = models.JSONField(_("ukuran"), default=dict, blank=True)
    is_active = models.BooleanField(_("aktif"), default=False)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        verbose_name = _("model router")
        verbose_name_plural = _("model router")
        ordering = ["-trained_at"]
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=models.Q(is_active=True), name="router_one_active")
        ]

    def __str__(self) -> str:
        return self.version

    @property
    def top1(self) -> float | None:
        validation = (self.metrics or {}).get("validation") or {}
        best = validation.get("category") or validation.get("text") or {}
        return best.get("top1")


class RoutingPolicy(models.Model):
    """The installation's routing settings, one row (pk=1), changed by the national admin through
    :func:`~lapor.routing.services.routing_policy_update`.

    ``auto_dispose_threshold`` empty means auto-disposition is off (the default).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    auto_dispose_threshold = models.DecimalField(
        _("ambang disposisi otomatis"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    duplicate_window_days = models.PositiveSmallIntegerField(_("jendela laporan ganda (hari)"), default=30)
    duplicate_threshold = models.DecimalField(_("ambang laporan ganda"), max_digits=4, decimal_places=3, default=0.5)
    updated_at = models.DateTimeField(default=clock.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("kebijakan router")
        verbose_name_plural = _("kebijakan router")

    def __str__(self) -> str:
        return "routing policy"


class RoutingSuggestion(models.Model):
    """The top-3 units a router version proposed for a report, with confidences and one-line reasons
    (``candidates``: ``[{"agency_id", "code", "name", "confidence", "reason", "why"}]``; ``reason`` is the
    Indonesian line, ``why`` its structured parts, see :mod:`lapor.routing.reasons`; rows from before ``why``
    have only ``reason``), and what became of them: the rank a verifier chose, or an automatic disposition
    (and its reversal).

    ``category`` is the report's category the suggestion was computed with (empty: none, or a row from before
    this was recorded). When the report's category differs, the suggestion is stale and is recomputed in place
    (one row per report and model version) before it is shown.
    """

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="routing_suggestions")
    router = models.ForeignKey(RouterVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    router_version = models.CharField(max_length=64)
    candidates = models.JSONField(default=list)
    category = models.ForeignKey(
        "reference.Category",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=clock.now)
    accepted_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    auto_disposed_to = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    auto_disposed_at = models.DateTimeField(null=True, blank=True)
    reverted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("saran instansi")
        verbose_name_plural = _("saran instansi")
        constraints = [models.UniqueConstraint(fields=["report", "router_version"], name="suggestion_once_per_version")]
        indexes = [models.Index(fields=["report", "-created_at"], name="suggestion_latest")]

    def __str__(self) -> str:
        return f"{self.report_id} {self.router_version}"


class DuplicateLink(models.Model):
    """Two reports linked by staff. For ``duplicate`` the ``primary`` carries the work and ``report``'s reporter
    is kept informed of its follow-ups (``relayed_event_id`` is how far that relay has got); ``related`` is a
    plain cross-reference. Links are removed (``removed_at``), never deleted.
    """

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="duplicate_links")
    primary = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="duplicate_of_links")
    kind = models.CharField(_("jenis"), max_length=12, choices=LinkKind.choices)
    score = models.FloatField(_("skor"), null=True, blank=True)
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_by_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    relayed_event_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("tautan laporan")
        verbose_name_plural = _("tautan laporan")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "primary"], condition=models.Q(removed_at__isnull=True), name="link_once"
            ),
            models.CheckConstraint(condition=~models.Q(report=models.F("primary")), name="link_not_self"),
        ]
        indexes = [
            models.Index(
                fields=["primary"],
                name="link_duplicates_of",
                condition=models.Q(removed_at__isnull=True, kind="duplicate"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind} {self.primary_id}"
