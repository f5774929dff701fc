from django.apps import AppConfig


class BezwarenConfig(AppConfig):
    name = "eenplan.bezwaren"
    label = "bezwaren"
    verbose_name = "Bezwaren en klachten"

    def ready(self) -> None:
        # Registers the bezwaar and klacht letters with the send channels (ADR 0021).
        from eenplan.bezwaren import services  # noqa: F401
