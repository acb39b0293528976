from django.contrib import admin

from lapor.core.admin_mixins import ReadOnlyAdmin
from lapor.routing.models import DuplicateLink, RouterVersion, RoutingPolicy, RoutingSuggestion


@admin.register(RouterVersion)
class RouterVersionAdmin(ReadOnlyAdmin):
    list_display = ("version", "trained_at", "n_reports", "top1", "is_active", "source")
    list_filter = ("is_active",)


@admin.register(RoutingPolicy)
class RoutingPolicyAdmin(ReadOnlyAdmin):
    list_display = ("auto_dispose_threshold", "duplicate_window_days", "duplicate_threshold", "updated_at")


@admin.register(RoutingSuggestion)
class RoutingSuggestionAdmin(ReadOnlyAdmin):
    list_display = ("report", "router_version", "accepted_rank", "auto_disposed_to", "auto_disposed_at", "reverted_at")
    raw_id_fields = ("report",)
    list_filter = ("router_version",)


@admin.register(DuplicateLink)
class DuplicateLinkAdmin(ReadOnlyAdmin):
    list_display = ("report", "kind", "primary", "score", "reason", "created_by_label", "created_at", "removed_at")
    list_filter = ("kind",)
    raw_id_fields = ("report", "primary")
