"""Debt help in the one household plan (issue 14): signals of payment arrears from the
fixed-cost partners (vroegsignalering, Wgs art. 3a/3b) with the contact attempts they lead to,
and the debt question (schuldvraag) of a resident: its terms (Wgs art. 4, 4a), its triage
(Peelregio: light or heavy) and its route through the phases, each with dates and outcome.
A signal enters the one front door as a melding (`eenplan.meldingen`); the route is a goal of
the life domain finances in the household's plan (`eenplan.plannen`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.schuldhulp.constants import (
    ContactWijze,
    Dreiging,
    Fase,
    SchuldeiserSoort,
    Toelating,
    Triage,
)


class Vroegsignaal(BaseModel):
    """A signal of payment arrears of a resident from a verhuurder, energy supplier, water
    company or health insurer (Wgs art. 3a), registered as a melding at the front door."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="vroegsignalen")
    schuldeiser_soort = models.CharField(max_length=20, choices=SchuldeiserSoort.choices)
    schuldeiser = models.CharField(max_length=200, help_text="De naam van de schuldeiser.")
    bedrag = models.DecimalField(max_digits=9, decimal_places=2, help_text="De achterstand.")
    ontvangen_op = models.DateField()
    dreiging = models.CharField(max_length=30, choices=Dreiging.choices, blank=True, default="")
    melding = models.OneToOneField(
        "meldingen.Melding", on_delete=models.PROTECT, related_name="vroegsignaal"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "vroegsignaal"
        verbose_name_plural = "vroegsignalen"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "ontvangen_op"], name="vs_gemeente_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="vroegsignaal_bedrag_positief",
                violation_error_message="Een achterstand is meer dan € 0.",
            )
        ]

    def __str__(self) -> str:
        return f"Vroegsignaal {self.pk} ({self.get_schuldeiser_soort_display()})"


class Contactpoging(BaseModel):
    """An attempt to reach the resident after a signal: the offer of help (Wgs art. 3b)."""

    signaal = models.ForeignKey(
        Vroegsignaal, on_delete=models.PROTECT, related_name="contactpogingen"
    )
    op = models.DateField()
    wijze = models.CharField(max_length=20, choices=ContactWijze.choices)
    bereikt = models.BooleanField()
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "contactpoging"
        verbose_name_plural = "contactpogingen"
        ordering = ["op", "id"]


class Schuldvraag(VersieModel, BaseModel):
    """A resident's debt question with its legal terms, its triage and its route. One open
    question per resident; the route is a goal of the life domain finances in the plan."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="schuldvragen"
    )
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="schuldvragen")
    signaal = models.ForeignKey(
        Vroegsignaal, on_delete=models.PROTECT, null=True, blank=True, related_name="schuldvragen"
    )
    plan = models.ForeignKey(
        "plannen.Plan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    doel = models.ForeignKey(
        "plannen.Doel", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verzoek_op = models.DateField(help_text="Het verzoek om hulp (begin van de termijn).")
    dreiging = models.CharField(max_length=30, choices=Dreiging.choices, blank=True, default="")
    eerste_gesprek_uiterlijk = models.DateField(help_text="Wgs art. 4 lid 1-2.")
    termijn_bron = models.CharField(max_length=400)
    eerste_gesprek_op = models.DateField(null=True, blank=True)
    triage = models.CharField(max_length=20, choices=Triage.choices, blank=True, default="")
    triage_op = models.DateField(null=True, blank=True)
    triage_toelichting = models.TextField(blank=True)
    triage_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    fase = models.CharField(max_length=20, choices=Fase.choices, default=Fase.AANMELDING)
    beslissen_uiterlijk = models.DateField(
        null=True, blank=True, help_text="Toelating: Wgs art. 4a met Awb art. 4:13 lid 2."
    )
    toelating = models.CharField(max_length=20, choices=Toelating.choices, blank=True, default="")
    toelating_op = models.DateField(null=True, blank=True)
    toelating_motivering = models.TextField(blank=True)
    toelating_grond = models.TextField(
        blank=True, help_text="Bij een weigering: de grond waarop de toelating is geweigerd."
    )
    # The legal case of the toelating (Wgs art. 4a, ADR 0041): the aanvraag made in the first
    # conversation and the beschikking on it, with its letter and bezwaar (`beschikkingen`).
    # Empty for a question whose first conversation predates 2021, and for a toelating recorded
    # before decisions went through the beschikking (its fields above are kept as they were).
    aanvraag = models.OneToOneField(
        "beschikkingen.Aanvraag",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schuldvraag",
    )
    beschikking = models.ForeignKey(
        "beschikkingen.Beschikking",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afgerond_op = models.DateField(null=True, blank=True)
    uitkomst = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "schuldvraag"
        verbose_name_plural = "schuldvragen"
        ordering = ["-verzoek_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "verzoek_op"], name="sv_gemeente_idx")]
        permissions = [("beslissen_schuldvraag", "Beslissen over de toelating (Wgs art. 4a)")]
        constraints = [
            models.UniqueConstraint(
                fields=["inwoner"],
                condition=Q(afgerond_op__isnull=True),
                name="een_open_schuldvraag_per_inwoner",
                violation_error_message="Deze inwoner heeft al een lopende schuldvraag.",
            )
        ]

    def __str__(self) -> str:
        return f"Schuldvraag {self.pk} ({self.inwoner})"


class RouteStap(BaseModel):
    """One phase of the route with its dates and outcome."""

    schuldvraag = models.ForeignKey(Schuldvraag, on_delete=models.PROTECT, related_name="stappen")
    fase = models.CharField(max_length=20, choices=Fase.choices)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    uitkomst = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "routestap"
        verbose_name_plural = "routestappen"
        ordering = ["van", "id"]
