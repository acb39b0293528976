"""URLs for the view tests: the pages the routing templates link to, plus the routing app."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("konsol/", include("lapor.console.urls")),
    path("routing/", include("lapor.routing.urls")),
    path("", include("lapor.publicweb.urls")),
]
