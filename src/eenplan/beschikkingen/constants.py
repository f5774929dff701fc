from django.db import models


class Wet(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGD = "jeugd", "Jeugdwet"
    PARTICIPATIE = "participatie", "Participatiewet"


class AanvraagStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    BESLOTEN = "besloten", "Besloten"
    INGETROKKEN = "ingetrokken", "Ingetrokken"
