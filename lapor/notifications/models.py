"""The transactional outbox: a notification is a row written in the same transaction as the change
that caused it, and delivered after commit by a worker. A rollback takes the notification with it.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core import clock


class OutboxChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WEBHOOK = "webhook", _("Webhook")


class OutboxStatus(models.TextChoices):
    READY = "ready", _("Siap dikirim")
    SENDING = "sending", _("Sedang dikirim")
    SENT = "sent", _("Terkirim")
    FAILED = "failed", _("Gagal, akan dicoba lagi")
    DEAD = "dead", _("Gagal permanen")


class OutboxMessage(models.Model):
    """One message to one recipient on one channel. ``delivery_id`` lets receivers drop repeats."""

    delivery_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(max_length=10, choices=OutboxChannel.choices)
    recipient = models.CharField(max_length=320)
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    payload = models.JSONField(default=dict, blank=True)
    report_id = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.READY)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=clock.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pesan keluar")
        verbose_name_plural = _("pesan keluar")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.recipient} {self.kind}"
