from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lapor.core"
    label = "core"
