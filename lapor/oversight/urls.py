app_name = "oversight"
from django.urls import path  # noqa: F401 - patterns are added as pages are built

urlpatterns: list = []
