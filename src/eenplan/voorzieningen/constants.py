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


class BijdrageCategorie(models.TextChoices):
    """The kind of provision an exemption of the eigen bijdrage can name. Mirrors
    rules.eigen_bijdrage.Categorie: a wheelchair is exempt by national law (Uitvoeringsbesluit
    Wmo 2015 art. 3.8), the others when the municipality exempts them (its settings)."""

    OVERIG = "", "Geen bijzondere categorie"
    ROLSTOEL = "rolstoel", "Rolstoel (landelijk geen eigen bijdrage)"
    COLLECTIEF_VERVOER = "collectief_vervoer", "Collectief vervoer"
    WONINGAANPASSING = "woningaanpassing", "Woningaanpassing"
    HULPMIDDEL = "hulpmiddel", "Hulpmiddel (geen rolstoel)"


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", "Zorg in natura"
    PGB = "pgb", "Persoonsgebonden budget"
