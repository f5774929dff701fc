from django.apps import AppConfig


class BeschikkingenConfig(AppConfig):
    name = "eenplan.beschikkingen"
    label = "beschikkingen"
    verbose_name = "Aanvragen en beschikkingen"
