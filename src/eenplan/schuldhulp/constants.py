"""Choices of debt help (issue 14). The rules' enums live in `rules.schuldhulp`; these are their
database choices with the same values (a test holds them equal)."""

from django.db import models


class SchuldeiserSoort(models.TextChoices):
    """The fixed-cost partners of vroegsignalering (Wgs art. 3a)."""

    HUUR = "huur", "Verhuurder (huurachterstand)"
    ENERGIE = "energie", "Energieleverancier"
    DRINKWATER = "drinkwater", "Drinkwaterbedrijf"
    ZORGVERZEKERING = "zorgverzekering", "Zorgverzekeraar (premieachterstand)"


class Dreiging(models.TextChoices):
    """The threats of Wgs art. 4 lid 2 (three working days)."""

    GEEN = "", "Geen dreiging"
    ONTRUIMING = "ontruiming", "Dreigende ontruiming van de woning"
    AFSLUITING_ENERGIE = "afsluiting_energie", "Dreigende afsluiting van energie"
    AFSLUITING_WATER = "afsluiting_water", "Dreigende afsluiting van drinkwater"
    OPZEGGING_ZORGVERZEKERING = (
        "opzegging_zorgverzekering",
        "Dreigende opzegging van de zorgverzekering",
    )


class Triage(models.TextChoices):
    """The outcome of the local intake (seed 004 L1360-1368)."""

    INFO_ADVIES = "info_advies", "Alleen informatie en advies"
    BUDGETCOACHING = "budgetcoaching", "Budgetcoaching (thuisadministratie op orde)"
    SCHULDHULPROUTE = "schuldhulproute", "Volledige schuldhulproute"
    CRISISINTERVENTIE = "crisisinterventie", "Crisisinterventie"


class Fase(models.TextChoices):
    AANMELDING = "aanmelding", "Aanmelding"
    EERSTE_GESPREK = "eerste_gesprek", "Eerste gesprek (intake)"
    STABILISATIE = "stabilisatie", "Stabilisatie"
    MINNELIJK = "minnelijk", "Minnelijk traject"
    WSNP = "wsnp", "Verwezen naar de WSNP"
    AFGEROND = "afgerond", "Afgerond"


class ContactWijze(models.TextChoices):
    TELEFOON = "telefoon", "Telefoon"
    BRIEF = "brief", "Brief"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    EMAIL = "email", "E-mail"


class Toelating(models.TextChoices):
    """The beschikking on admission after the first conversation (Wgs art. 4a)."""

    TOEGELATEN = "toegelaten", "Toegelaten tot schuldhulpverlening"
    GEWEIGERD = "geweigerd", "Geweigerd (afgewezen)"
