"""Choices of the inwoners app."""

from django.db import models


class Geslacht(models.TextChoices):
    MAN = "M", "Man"
    VROUW = "V", "Vrouw"
    ONBEKEND = "O", "Onbekend / anders"


class Relatie(models.TextChoices):
    """How a member relates to the household's reference person (BRP-like)."""

    REFERENTIE = "referentie", "Referentiepersoon"
    PARTNER = "partner", "Partner"
    KIND = "kind", "Kind"
    OUDER = "ouder", "Ouder"
    OVERIG = "overig", "Overig"


class NetwerkSoort(models.TextChoices):
    MANTELZORGER = "mantelzorger", "Mantelzorger"
    FAMILIELID = "familielid", "Familielid"
    BUUR = "buur", "Buurman / buurvrouw"
    VRIEND = "vriend", "Vriend(in) / kennis"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Wettelijk vertegenwoordiger"
    VRIJWILLIGER = "vrijwilliger", "Vrijwilliger"
    OVERIG = "overig", "Overig"
