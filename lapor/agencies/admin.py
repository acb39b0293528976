from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from lapor.agencies.models import Agency, Membership


@admin.register(Agency)
class AgencyAdmin(TreeAdmin):
    form = movenodeform_factory(Agency)
    list_display = ("name", "code", "kind", "sms_keyword", "timezone", "is_connected", "active")
    list_filter = ("kind", "timezone", "is_connected", "active")
    search_fields = ("name", "code", "sms_keyword")
    raw_id_fields = ("region",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "agency", "active")
    list_filter = ("role", "active")
    search_fields = ("user__username", "agency__name")
    raw_id_fields = ("user", "agency")
