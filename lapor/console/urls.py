app_name = "console"

urlpatterns: list = []  # pages are added as they are built
