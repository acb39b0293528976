from django.urls import path

from lapor.routing import views

app_name = "routing"

urlpatterns = [
    path("laporan/<str:tracking_id>/", views.panel, name="panel"),
    path("laporan/<str:tracking_id>/disposisi/", views.dispose, name="dispose"),
    path("laporan/<str:tracking_id>/tautkan/", views.link, name="link"),
    path("serupa/", views.similar, name="similar"),
]
