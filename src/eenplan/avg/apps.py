from django.apps import AppConfig


class AvgConfig(AppConfig):
    name = "eenplan.avg"
    label = "avg"
    verbose_name = "Rechten van inwoners (AVG), bewaren en vernietigen"
