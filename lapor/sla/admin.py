from django.contrib import admin

from lapor.sla.models import AgencyClosure


@admin.register(AgencyClosure)
class AgencyClosureAdmin(admin.ModelAdmin):
    list_display = ("date", "agency", "reason")
    list_filter = ("date",)
    search_fields = ("agency__name", "reason")
    raw_id_fields = ("agency",)
