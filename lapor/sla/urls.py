from django.urls import path

from lapor.sla import views

app_name = "sla"

urlpatterns = [
    path("kasus/", views.casefile_list, name="casefile_list"),
    path("kasus/<int:pk>/", views.casefile_detail, name="casefile_detail"),
    path("kasus/<int:pk>.json", views.casefile_detail, {"fmt": "json"}, name="casefile_json"),
]
