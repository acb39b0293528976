app_name = "oversight"

urlpatterns: list = []  # pages are added as they are built
