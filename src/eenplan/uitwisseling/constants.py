"""Choices of purpose-bound sharing; the values are those of `eenplan.rules.uitwisseling`."""

from django.db import models

from eenplan.rules import uitwisseling as regels


class Categorie(models.TextChoices):
    """The kinds of a household's data an exchange may share (never "the whole dossier")."""

    PERSONALIA = regels.PERSONALIA, "Naam, adres en geboortedatum"
    HUISHOUDEN = regels.HUISHOUDEN, "Samenstelling van het huishouden"
    MELDING = regels.MELDING, "Hulpvraag (melding) — toegang"
    ONDERZOEK = regels.ONDERZOEK, "Onderzoek, gespreksnotities en verslag — toegang"
    VEILIGHEID = regels.VEILIGHEID, "Veiligheidssignalen — toegang"
    PLAN = regels.PLAN, "Plan: doelen en acties"
    BESCHIKKING = regels.BESCHIKKING, "Beschikkingen en voorzieningen"
    UITVOERING = regels.UITVOERINGSNOTITIES, "Uitvoeringsnotities van de gezinscoach — uitvoering"


class Grondslag(models.TextChoices):
    """The legal basis of an exchange (AVG art. 6 lid 1; Wmo 2015 art. 5.2.6)."""

    TOESTEMMING = regels.TOESTEMMING, "Toestemming van de inwoner"
    WETTELIJKE_PLICHT = regels.WETTELIJKE_PLICHT, "Wettelijke plicht"
    MELDCODE = regels.MELDCODE, "Meldcode huiselijk geweld en kindermishandeling"


class Status(models.TextChoices):
    AANGEVRAAGD = regels.AANGEVRAAGD, "Aangevraagd"
    GOEDGEKEURD = regels.GOEDGEKEURD, "Goedgekeurd"
    GEWEIGERD = regels.GEWEIGERD, "Geweigerd (beroepsgeheim)"
    BEEINDIGD = regels.BEEINDIGD, "Beëindigd"


class OntvangerSoort(models.TextChoices):
    """Who receives: someone outside the team that holds the dossier."""

    DEELNEMER = "deelnemer", "Deelnemer aan het plan (andere organisatie)"
    AANBIEDER = "aanbieder", "Zorgaanbieder"
    SCHOOL = "school", "School"
    HUISARTS = "huisarts", "Huisarts"
    VEILIG_THUIS = "veilig_thuis", "Veilig Thuis"
    REGIONAAL_TEAM = "regionaal_team", "Regionaal team"
    GEZINSCOACH = "gezinscoach", "Gezinscoach (uitvoering jeugd)"
    ANDERS = "anders", "Anders"


class Doelsoort(models.TextChoices):
    """The purpose, in kinds the council report counts (the answer to question 2 says it in
    words)."""

    AFSTEMMEN = "afstemmen", "Hulp afstemmen in het plan"
    UITVOEREN = "uitvoeren", "Uitvoering van hulp of een voorziening"
    VEILIGHEID = "veiligheid", "Veiligheid (meldcode, Veilig Thuis)"
    OVERDRACHT = "overdracht", "Overdracht naar een andere organisatie"
    SCHOOL_ZORG = "school_zorg", "Onderwijs en zorg (school)"
