from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "eenplan.meldingen"
    label = "meldingen"
    verbose_name = "Toegang: meldingen, screening en toewijzing"

    def ready(self) -> None:
        from eenplan.meldingen import subscribers  # noqa: F401  (registers the subscribers)
