from django.contrib import admin

from lapor.audit.models import AuditEvent
from lapor.core.admin_mixins import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("seq", "created_at", "event_type", "actor_label", "report_id")
    list_filter = ("event_type",)
    search_fields = ("actor_label",)
    show_full_result_count = False
