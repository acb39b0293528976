"""What the staff console stores of its own: second factors, temporary passwords and answer templates.

Reports, agencies, memberships and closures belong to their apps and change only through their services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core.models import BaseModel


class TotpDevice(BaseModel):
    """A staff member's authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps).

    ``confirmed_at`` is set once the person has typed a code from the app, proving it was set up; only a
    confirmed device is asked for at login. ``last_used_step`` is the time step of the last accepted code, so
    a code seen over someone's shoulder cannot be used a second time.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="console_totp")
    secret = models.CharField(_("rahasia"), max_length=64)
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("perangkat autentikator")
        verbose_name_plural = _("perangkat autentikator")

    def __str__(self) -> str:
        return f"TOTP {self.user}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class TemporaryPassword(BaseModel):
    """An account whose password was set by an admin (a new staff member): the person must choose their own
    password before using the console. The row is removed when they do.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="console_temporary_password"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kata sandi sementara")
        verbose_name_plural = _("kata sandi sementara")

    def __str__(self) -> str:
        return f"{self.user}"


class AnswerTemplate(BaseModel):
    """A reusable answer (*templat jawaban*) for follow-ups, kept per agency.

    Staff of the agency and of every unit below it can insert it into a follow-up and adapt it before sending;
    it is never sent as it is. Retired templates (``active=False``) stay for the record.
    """

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="answer_templates"
    )
    title = models.CharField(_("judul"), max_length=120)
    body = models.TextField(_("isi"))
    active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("templat jawaban")
        verbose_name_plural = _("templat jawaban")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["agency", "active"], name="console_template_agency")]

    def __str__(self) -> str:
        return self.title
