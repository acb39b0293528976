from django.urls import path

from lapor.publicweb import views

app_name = "publicweb"

urlpatterns = [
    path("", views.home, name="home"),
    path("laporan/", views.report_list, name="report_list"),
    path("lapor/<str:tracking_id>/", views.report_detail, name="report_detail"),
]
