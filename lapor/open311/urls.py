from django.urls import path

from lapor.open311 import views

app_name = "open311"

urlpatterns = [
    path("discovery.<str:fmt>", views.discovery, name="discovery"),
    path("services.<str:fmt>", views.services, name="services"),
    path("services/<str:code>.<str:fmt>", views.service_definition, name="service_definition"),
    path("requests.<str:fmt>", views.requests_, name="requests"),
    path("requests/<str:request_id>.<str:fmt>", views.request_detail, name="request_detail"),
    path("tokens/<str:token>.<str:fmt>", views.token_detail, name="token"),
    path("servicerequestupdates.<str:fmt>", views.updates, name="updates"),
]
