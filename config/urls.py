from django.contrib import admin
from django.urls import include, path

from lapor.api.api import api
from lapor.legacy.views import addstream

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("open311/v2/", include("lapor.open311.urls")),
    path("api/stream/addstream", addstream, name="addstream"),
    path("pengawasan/", include("lapor.sla.urls")),
    path("konsol/", include("lapor.console.urls")),
    path("dasbor/", include("lapor.oversight.urls")),
    path("statistik/", include("lapor.oversight.public_urls")),
    path("channels/", include("lapor.channels.urls")),
    path("routing/", include("lapor.routing.urls")),
    path("", include("lapor.publicweb.urls")),
]
