"""Messages received on the text channels, kept so that a gateway's retry is answered, not processed again."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.channels.choices import InboundChannel, InboundKind
from lapor.core import clock


class InboundMessage(models.Model):
    """One accepted message from an SMS gateway, the WhatsApp webhook or the mail intake, and the answer it got.

    ``(channel, message_id)`` is unique: when a gateway delivers the same message again (Kannel after a time-out,
    Meta after a non-200, an MTA after a dropped connection), the stored answer is replayed and nothing is filed
    or threaded twice. Refused messages (empty, too long, throttled) are answered but not stored.
    ``sender`` is the E.164 number or the lower-cased e-mail address the message came from.
    """

    channel = models.CharField(_("kanal"), max_length=12, choices=InboundChannel.choices)
    message_id = models.CharField(_("ID pesan gateway"), max_length=200)
    sender = models.CharField(_("pengirim"), max_length=320)
    recipient = models.CharField(_("tujuan"), max_length=320, blank=True)
    kind = models.CharField(_("jenis"), max_length=12, choices=InboundKind.choices)
    text = models.TextField(_("isi pesan"), blank=True)
    report = models.ForeignKey(
        "reports.Report", verbose_name=_("laporan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reply_text = models.TextField(_("jawaban"), blank=True)
    received_at = models.DateTimeField(_("waktu menurut gateway"), null=True, blank=True)
    created_at = models.DateTimeField(_("diterima"), default=clock.now)

    class Meta:
        verbose_name = _("pesan masuk")
        verbose_name_plural = _("pesan masuk")
        constraints = [models.UniqueConstraint(fields=["channel", "message_id"], name="inbound_message_once")]
        indexes = [models.Index(fields=["sender", "created_at"], name="inbound_sender_recent")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.message_id} {self.kind}"


class WhatsAppContact(models.Model):
    """When a WhatsApp number last wrote to us. Meta's Cloud API lets a business send free-form text only within
    24 hours of the user's last message (the customer service window); later notifications must be approved
    template messages. Written by the webhook for every message a citizen sends, read by the outbound transport.
    """

    phone = models.CharField(_("nomor WhatsApp"), max_length=20, unique=True)  # E.164, as reports store it
    last_inbound_at = models.DateTimeField(_("pesan terakhir dari warga"))

    class Meta:
        verbose_name = _("kontak WhatsApp")
        verbose_name_plural = _("kontak WhatsApp")

    def __str__(self) -> str:
        return f"{self.phone} {self.last_inbound_at:%Y-%m-%d %H:%M}"
