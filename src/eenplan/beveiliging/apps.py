from django.apps import AppConfig


class BeveiligingConfig(AppConfig):
    name = "eenplan.beveiliging"
    label = "beveiliging"
    verbose_name = "Beveiliging"

    def ready(self) -> None:
        from django.conf import settings

        from eenplan.beveiliging import schema, signals  # noqa: F401 - registers both
        from eenplan.beveiliging.productie import weiger_onveilige_productie

        weiger_onveilige_productie(settings)
