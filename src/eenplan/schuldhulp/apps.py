from django.apps import AppConfig


class SchuldhulpConfig(AppConfig):
    name = "eenplan.schuldhulp"
    label = "schuldhulp"
    verbose_name = "Schuldhulpverlening (Wgs)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from eenplan.schuldhulp import indicatoren

        indicatoren.registreer()
