"""Public statistics and open data (mounted at ``/statistik/``); documented in docs/subsystems/oversight.md."""

from django.urls import path

from lapor.oversight import public_views as views

app_name = "opendata"

urlpatterns = [
    path("", views.stats, name="stats"),
    path("data.json", views.data_json, name="data_json"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("laporan/", views.report_list, name="reports"),
    path("api/", views.api_doc, name="api"),
    path("dataset/", views.datasets, name="datasets"),
    path("dataset/<str:name>", views.dataset_file, name="dataset_file"),
]
