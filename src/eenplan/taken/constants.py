"""Choices of the taken app."""

from django.db import models


class TaakStatus(models.TextChoices):
    """wachtend -> bezig -> klaar | mislukt; every step a conditional update (services)."""

    WACHTEND = "wachtend", "Wacht op de verwerker"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


OPEN = (TaakStatus.WACHTEND, TaakStatus.BEZIG)
