from django.apps import AppConfig


class BeheerConfig(AppConfig):
    name = "eenplan.beheer"
    label = "beheer"
    verbose_name = "Functioneel beheer"
