"""Admin helpers. Records that only services may change are shown read-only in Django's admin."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """View-only: rows are written by services (with audit events), never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
