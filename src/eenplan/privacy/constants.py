"""Choices of the privacy app."""

from django.db import models


class Doel(models.TextChoices):
    """Why someone opens a dossier (AVG art. 5 lid 1 b: purpose limitation)."""

    TOEGANG = "toegang", "Melding screenen of doorverwijzen"
    ONDERZOEK = "onderzoek", "Onderzoek / keukentafelgesprek"
    PLAN = "plan", "Plan opstellen of bijwerken"
    BESCHIKKING = "beschikking", "Aanvraag en beschikking"
    UITVOERING = "uitvoering", "Uitvoering en levering volgen"
    WERK_INKOMEN = "werk_inkomen", "Werk, inkomen en schulden"
    BEZWAAR = "bezwaar", "Bezwaar of klacht behandelen"
    CONTROLE = "controle", "Rechtmatigheidscontrole"
    GEGEVENSBEHEER = "gegevensbeheer", "Gegevens corrigeren op verzoek"
    STURING = "sturing", "Sturing en verantwoording (alleen aantallen)"


class Kanaal(models.TextChoices):
    PAGINA = "pagina", "Pagina"
    API = "api", "API"


# The purpose pre-selected for each role; the user can choose another.
STANDAARD_DOEL: dict[str, str] = {
    "midoffice": Doel.TOEGANG,
    "generalist": Doel.ONDERZOEK,
    "jeugdprofessional": Doel.ONDERZOEK,
    "backoffice": Doel.BESCHIKKING,
    "werkplein": Doel.WERK_INKOMEN,
}
