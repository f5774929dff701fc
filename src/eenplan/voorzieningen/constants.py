from django.db import models

# The release of the iWmo/iJw code lists in use (data/codelijsten-3.2.json, migration 0002).
CODELIJST_VERSIE = "3.2"


class VoorzieningSoort(models.TextChoices):
    ALGEMEEN = "algemeen", "Algemene voorziening"
    COLLECTIEF = "collectief", "Collectief maatwerk"
    INDIVIDUEEL = "individueel", "Individueel maatwerk"


class Uitvoeringsvariant(models.TextChoices):
    """iWmo/iJw 3.2 execution variants (standards-and-anchors §1.8)."""

    INSPANNING = "inspanning", "Inspanningsgericht"
    OUTPUT = "output", "Outputgericht"
    TAAK = "taak", "Taakgericht"


class BijdrageSoort(models.TextChoices):
    """Mirrors rules.eigen_bijdrage.Soort."""

    ABONNEMENT = "abonnement", "Abonnementstarief (via het CAK)"
    BESCHERMD_WONEN = "beschermd_wonen", "Inkomensafhankelijk (beschermd wonen, CAK)"
    OPVANG = "opvang", "Door de gemeente zelf geïnd (opvang)"
    GEEN = "geen", "Geen eigen bijdrage"


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", "Zorg in natura"
    PGB = "pgb", "Persoonsgebonden budget"
