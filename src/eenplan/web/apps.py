from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "eenplan.web"
    label = "web"
    verbose_name = "Pagina's voor medewerkers"
