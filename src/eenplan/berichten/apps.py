from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "eenplan.berichten"
    label = "berichten"
    verbose_name = "iWmo/iJw-berichtenverkeer"

    def ready(self) -> None:
        from eenplan.berichten import subscribers  # noqa: F401  (registers the subscribers)
        from eenplan.berichten.toegang import koppel  # the provider actor of privacy.access

        koppel()
