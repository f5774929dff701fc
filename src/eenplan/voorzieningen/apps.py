from django.apps import AppConfig


class VoorzieningenConfig(AppConfig):
    name = "eenplan.voorzieningen"
    label = "voorzieningen"
    verbose_name = "Voorzieningen en sociale kaart"
