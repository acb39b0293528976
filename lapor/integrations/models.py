"""Connected applications: API keys scoped to an agency subtree, idempotency records, outbound webhooks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock
from lapor.core.models import BaseModel


class ApiKey(BaseModel):
    """A key for a connected application (an integrator) acting for ``agency`` and everything below it, or a
    staff member's personal key (``user`` set) acting with that user's roles. Only a hash of the secret is kept.
    The key is shown once: ``lapor_<prefix>_<secret>``.
    """

    name = models.CharField(_("nama"), max_length=120)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="api_keys")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    rate_per_minute = models.PositiveIntegerField(default=600)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kunci API")
        verbose_name_plural = _("kunci API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class IdempotencyRecord(models.Model):
    """The first answer to a POST with an ``Idempotency-Key``; a retry gets the same answer, nothing is redone."""

    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    response = models.JSONField(null=True)
    created_at = models.DateTimeField(default=clock.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="idempotency_unique")]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"


class WebhookSubscription(BaseModel):
    """A connected app's URL that receives signed report events for its agency subtree."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=500)
    secret = models.CharField(max_length=64)
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")

    def __str__(self) -> str:
        return self.url
