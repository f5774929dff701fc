"""Aanvragen (applications). Beschikkingen follow in the next issue."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from eenplan.beschikkingen.constants import AanvraagStatus, Wet
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner


class Aanvraag(BaseModel):
    """A formal application for a maatwerkvoorziening. In Venlo signing the plan *is* the
    application (seed 000 L1973-1976); the resident may also apply for something else, which
    is recorded as deviating from the advice."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="aanvragen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="aanvragen")
    plan = models.ForeignKey(
        "plannen.Plan", on_delete=models.PROTECT, null=True, blank=True, related_name="aanvragen"
    )
    voorstel = models.OneToOneField(
        "plannen.Voorstel", on_delete=models.PROTECT, null=True, blank=True, related_name="aanvraag"
    )
    omschrijving = models.CharField(max_length=300)
    wet = models.CharField(max_length=20, choices=Wet.choices)
    ontvangen_op = models.DateField()
    beslissen_uiterlijk = models.DateField(
        help_text="Wmo: 2 weken (art. 2.3.5 lid 2); Jeugdwet/Participatiewet: 8 weken "
        "(Awb 4:13); met de Algemene termijnenwet."
    )
    afwijkend_van_advies = models.BooleanField(
        default=False, help_text="De inwoner vraagt iets anders aan dan het plan adviseert."
    )
    toelichting = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=AanvraagStatus.choices, default=AanvraagStatus.ONTVANGEN
    )
    ingediend_door = models.CharField(max_length=200, help_text="Naam van de ondertekenaar.")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [
            models.Index(
                fields=["gemeente", "status", "beslissen_uiterlijk"],
                name="aanvraag_werkvoorraad_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.omschrijving} ({self.get_wet_display()})"
