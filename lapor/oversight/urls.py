"""Staff dashboards, drill-down, exports, imports and monthly reports (mounted at ``/dasbor/``)."""

from django.urls import path

from lapor.oversight import views

app_name = "oversight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("instansi/<str:code>/", views.dashboard, name="agency"),
    path("laporan/", views.report_list, name="reports"),
    path("ekspor/", views.export, name="export"),
    path("ekspor/<str:token>/", views.export_job, name="export_job"),
    path("ekspor/<str:token>/unduh/", views.export_download, name="export_download"),
    path("impor/", views.import_start, name="import"),
    path("impor/<str:token>/", views.import_batch, name="import_batch"),
    path("bulanan/<str:code>/<str:month>/", views.monthly, name="monthly"),
]
