"""API keys: only a SHA-256 hash is stored; the key itself is shown once, when it is issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiSleutel(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_sleutels",
        verbose_name="gebruiker",
    )
    naam = models.CharField("naam", max_length=100, help_text="Waarvoor de sleutel is.")
    prefix = models.CharField(
        "begin van de sleutel", max_length=12, help_text="Om de sleutel te herkennen."
    )
    sleutel_hash = models.CharField("SHA-256 van de sleutel", max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verloopt_op = models.DateTimeField("verloopt op")
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    reden_intrekking = models.CharField("reden van intrekking", max_length=200, blank=True)

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.prefix}…)"
