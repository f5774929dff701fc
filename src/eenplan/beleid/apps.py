from django.apps import AppConfig


class BeleidConfig(AppConfig):
    name = "eenplan.beleid"
    label = "beleid"
    verbose_name = "Beleid: plannen, doelen en cliëntervaringsonderzoek"

    def ready(self) -> None:
        from eenplan.beleid import indicatoren

        indicatoren.registreer_enquete_indicatoren()
