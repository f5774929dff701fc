from django.apps import AppConfig


class MantelzorgConfig(AppConfig):
    name = "eenplan.mantelzorg"
    label = "mantelzorg"
    verbose_name = "Mantelzorg en vrijwilligers"

    def ready(self) -> None:
        from eenplan.mantelzorg import indicatoren, kring

        kring.koppel()
        indicatoren.registreer()
