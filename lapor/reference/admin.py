from django.contrib import admin

from lapor.reference.models import Category, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "population")
    list_filter = ("level",)
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("full_name", "level", "active")
    list_filter = ("level", "active")
    search_fields = ("full_name",)
    raw_id_fields = ("parent",)
