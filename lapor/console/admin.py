from django.contrib import admin

from lapor.console.models import AnswerTemplate, TemporaryPassword, TotpDevice
from lapor.core.admin_mixins import ReadOnlyAdmin


@admin.register(TotpDevice)
class TotpDeviceAdmin(ReadOnlyAdmin):
    list_display = ("user", "confirmed_at", "created_at")
    search_fields = ("user__username",)
    exclude = ("secret",)  # never shown after set-up


@admin.register(TemporaryPassword)
class TemporaryPasswordAdmin(ReadOnlyAdmin):
    list_display = ("user", "issued_by", "created_at")
    search_fields = ("user__username",)


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(ReadOnlyAdmin):
    list_display = ("title", "agency", "active", "updated_at")
    list_filter = ("active",)
    search_fields = ("title", "agency__name")
