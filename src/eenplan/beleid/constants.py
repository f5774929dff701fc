"""Choices of the policy model and the client-experience survey."""

from __future__ import annotations

from django.db import models


class ActiviteitStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    LOPEND = "lopend", "Loopt"
    GEREED = "gereed", "Gereed"
    VERTRAAGD = "vertraagd", "Vertraagd"
    GESTOPT = "gestopt", "Gestopt"


class Richting(models.TextChoices):
    """Which way is better for an indicator: a higher or a lower value."""

    HOGER = "hoger", "Hoger is beter"
    LAGER = "lager", "Lager is beter"


class Aspect(models.TextChoices):
    """What a survey question measures: the subjects of Uitvoeringsregeling Wmo 2015 art. 8
    lid 2 onder a-c (the accessibility of provisions, the quality of the support, its
    contribution to self-reliance and participation; c split in two here), plus the
    municipality's own questions (e.g. mantelzorg discussed, seed 002 L2336-L2341)."""

    TOEGANG = "toegankelijkheid", "Toegankelijkheid van voorzieningen"
    KWALITEIT = "kwaliteit", "Kwaliteit van de ondersteuning"
    ZELFREDZAAMHEID = "zelfredzaamheid", "Bijdrage aan zelfredzaamheid"
    PARTICIPATIE = "participatie", "Bijdrage aan participatie"
    EIGEN = "eigen", "Eigen vraag van de gemeente"


class UitvragingStatus(models.TextChoices):
    OPEN = "open", "Open: antwoorden komen binnen"
    GESLOTEN = "gesloten", "Gesloten"
