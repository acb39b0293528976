from django.contrib import admin

from lapor.channels.models import InboundMessage, WhatsAppContact
from lapor.core.admin_mixins import ReadOnlyAdmin


@admin.register(InboundMessage)
class InboundMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "channel", "kind", "report")
    list_filter = ("channel", "kind")
    raw_id_fields = ("report",)
    show_full_result_count = False


@admin.register(WhatsAppContact)
class WhatsAppContactAdmin(ReadOnlyAdmin):
    list_display = ("phone", "last_inbound_at")
    search_fields = ("phone",)
    show_full_result_count = False
