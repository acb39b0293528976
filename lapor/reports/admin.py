from django.contrib import admin

from lapor.core.admin_mixins import ReadOnlyAdmin
from lapor.reports.models import Report, ReportEvent


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    fields = ("created_at", "kind", "visibility", "from_status", "to_status", "actor_agency", "body")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    """Reports change only through the lifecycle services; the admin shows them (national admins only)."""

    list_display = ("tracking_id", "title", "status", "classification", "owner_agency", "channel", "submitted_at")
    list_filter = ("status", "classification", "channel", "is_secret", "is_anonymous")
    search_fields = ("tracking_id", "title")
    exclude = ("access_token",)
    inlines = [ReportEventInline]
    list_select_related = ("owner_agency",)
    show_full_result_count = False
