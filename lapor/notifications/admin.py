from django.contrib import admin

from lapor.core.admin_mixins import ReadOnlyAdmin
from lapor.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "channel", "recipient", "kind", "status", "attempts")
    list_filter = ("status", "channel", "kind")
    show_full_result_count = False
