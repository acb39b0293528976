"""Read-only admin pages: the rollup is derived data and jobs are written by their services."""

from django.contrib import admin

from lapor.core.admin_mixins import ReadOnlyAdmin as ReadOnly
from lapor.oversight.models import ExportJob, ImportBatch, MonthlyDispatch, StatState


@admin.register(StatState)
class StatStateAdmin(ReadOnly):
    list_display = ("refreshed_at", "audit_seq", "built_at", "last_duration_ms", "last_months")


@admin.register(ExportJob)
class ExportJobAdmin(ReadOnly):
    list_display = ("token", "created_by", "created_at", "format", "status", "done", "total")
    list_filter = ("status", "format")


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnly):
    list_display = ("original_name", "agency", "created_by", "created_at", "status", "rows_total")
    list_filter = ("status",)


@admin.register(MonthlyDispatch)
class MonthlyDispatchAdmin(ReadOnly):
    list_display = ("agency", "month", "sent_at", "recipients")
