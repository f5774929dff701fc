from django.apps import AppConfig


class OnderzoekenConfig(AppConfig):
    name = "eenplan.onderzoeken"
    label = "onderzoeken"
    verbose_name = "Onderzoek (keukentafelgesprek), leefgebieden en ladder"
