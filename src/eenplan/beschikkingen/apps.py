from django.apps import AppConfig


class BeschikkingenConfig(AppConfig):
    name = "eenplan.beschikkingen"
    label = "beschikkingen"
    verbose_name = "Aanvragen en beschikkingen"

    def ready(self) -> None:
        from eenplan.beschikkingen import subscribers  # noqa: F401  (registers the subscribers)
