from django.apps import AppConfig


class UitwisselingConfig(AppConfig):
    name = "eenplan.uitwisseling"
    label = "uitwisseling"
    verbose_name = "Gegevensdeling met doelbinding en uitvoering jeugd"
