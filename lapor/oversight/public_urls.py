app_name = "opendata"

urlpatterns: list = []  # pages are added as they are built
