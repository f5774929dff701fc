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
    # A resident (or their representative) reads their own case in the inwonersportaal.
    EIGEN_ZAAK = "eigen_zaak", "Eigen zaak bekijken of bijwerken (inwonersportaal)"
    # A resident's request under the AVG (inzage, rectificatie, beperking, bezwaar): handled by
    # the privacy officer, who reads the whole record for it.
    AVG = "avg", "Verzoek van de inwoner op grond van de AVG afhandelen"


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
    "gezinscoach": Doel.UITVOERING,
}


class Grond(models.TextChoices):
    """On what ground a resident's login acts for a resident (the own case, or a represented
    one). BW 1:245 (gezag over minderjarigen), BW 1:378/1:453 (mentor, curator), BW 7:400 e.v.
    (lastgeving: a dated, revocable machtiging)."""

    ZELF = "zelf", "Eigen zaak"
    GEZAG = "gezag", "Ouder met gezag over een minderjarig kind"
    WETTELIJK = "wettelijk", "Wettelijk vertegenwoordiger (mentor, curator)"
    MACHTIGING = "machtiging", "Gemachtigde"
    MANTELZORGER = "mantelzorger", "Mantelzorger met machtiging"


class MachtigingSoort(models.TextChoices):
    MACHTIGING = "machtiging", "Machtiging (alles wat de inwoner zelf kan)"
    MANTELZORGER = "mantelzorger", "Mantelzorger (meekijken en meewerken aan het plan)"
