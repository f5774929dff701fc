from django.apps import AppConfig


class BezwarenConfig(AppConfig):
    name = "eenplan.bezwaren"
    label = "bezwaren"
    verbose_name = "Bezwaren en klachten"
