"""Enumerations of the text channels, each with a translated label."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InboundChannel(models.TextChoices):
    """The text channels that talk to :func:`lapor.channels.conversation.inbound_text` (values match
    :class:`lapor.reports.choices.Channel`).
    """

    SMS = "sms", _("SMS 1708")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")


class InboundKind(models.TextChoices):
    """What an accepted inbound message did."""

    REPORT = "report", _("Laporan baru")
    REPLY = "reply", _("Tanggapan pelapor")
    INFO = "info", _("Informasi tambahan dari pelapor")
    STATUS = "status", _("Permintaan status (CEK)")
    ATTACHMENT = "attachment", _("Lampiran susulan")
