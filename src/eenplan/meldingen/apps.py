from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "eenplan.meldingen"
    label = "meldingen"
    verbose_name = "Toegang: meldingen, screening en toewijzing"
