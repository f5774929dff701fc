"""The policy model (Beleidsplan -> Thema -> Doel / Subdoel -> Activiteit -> Resultaat ->
indicator with baseline and targets) and the client-experience survey.

The structure follows the seeds: Midden-Limburg West's uitvoeringsplan (seed 002: six themes,
each with doelen, subdoelen, activiteiten with owner, start and end, resultaten and "Wat meten
we"; an activity "draagt bij aan resultaat ...", R24) and Venlo's 4 opgaven -> 7
effectdoelstellingen (seed 001 L190-L217). Every element keeps its source (`bron`).

Indicators are not stored here: a `Indicatorkoppeling` names one by its id in the indicator
registry (`beleid.indicatoren`), with the baseline, the targets per year and the verdict's
thresholds as data.

The survey's answers (`Respons`, `Antwoord`) carry only the wijk and the provider of the
invitation, never the invitation or the resident: no page, export or query can link an answer
back to a person (Wmo 2015 art. 2.5.1; AVG art. 5 lid 1 c). Nor can the moment of answering:
an answer has no time of its own and a random key (`willekeurig_id`), so neither its number nor
the order of the table follows the order in which people answered, and a time in the access log
or on the invitation has nothing to be matched against (the invitation keeps only `beantwoord`,
its `updated_at` is not moved, and answering in the portal writes no row to the access log).
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from eenplan.beleid.constants import ActiviteitStatus, Aspect, Richting, UitvragingStatus
from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel


class Beleidsplan(VersieModel, BaseModel):
    gemeente = models.ForeignKey(
        "gemeente.Gemeente", on_delete=models.PROTECT, related_name="beleidsplannen"
    )
    naam = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    van_jaar = models.PositiveSmallIntegerField()
    tot_jaar = models.PositiveSmallIntegerField()
    vastgesteld_op = models.DateField(null=True, blank=True)
    bron = models.CharField(max_length=300, blank=True)
    # The default thresholds of the verdict (percent shortfall; beleid.oordeel).
    op_koers_marge = models.DecimalField(max_digits=5, decimal_places=1, default=Decimal("0"))
    aandacht_marge = models.DecimalField(max_digits=5, decimal_places=1, default=Decimal("10"))

    class Meta:
        ordering = ["-van_jaar", "naam"]
        verbose_name_plural = "beleidsplannen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot_jaar__gte=models.F("van_jaar")), name="beleidsplan_jaren"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Thema(VersieModel, BaseModel):
    plan = models.ForeignKey(Beleidsplan, on_delete=models.CASCADE, related_name="themas")
    nummer = models.PositiveSmallIntegerField()
    naam = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="thema_nummer_uniek",
                violation_error_message="Dit plan heeft al een thema met dit nummer.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"


class Doel(VersieModel, BaseModel):
    """A goal of the plan a theme contributes to (seed 002 D1-D6; seed 001 an
    effectdoelstelling under its opgave)."""

    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="doelen")
    code = models.CharField(max_length=10)
    tekst = models.TextField()
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["thema", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["thema", "code"],
                name="doel_code_uniek",
                violation_error_message="Dit thema heeft al een doel met deze code.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.tekst}"


class Subdoel(VersieModel, BaseModel):
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="subdoelen")
    nummer = models.PositiveSmallIntegerField()
    tekst = models.TextField()
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["doel", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["doel", "nummer"],
                name="subdoel_nummer_uniek",
                violation_error_message="Dit doel heeft al een subdoel met dit nummer.",
            )
        ]

    def __str__(self) -> str:
        return self.tekst


class Resultaat(VersieModel, BaseModel):
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="resultaten")
    nummer = models.PositiveSmallIntegerField()
    tekst = models.TextField()
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["thema", "nummer"]
        verbose_name_plural = "resultaten"
        constraints = [
            models.UniqueConstraint(
                fields=["thema", "nummer"],
                name="resultaat_nummer_uniek",
                violation_error_message="Dit thema heeft al een resultaat met dit nummer.",
            )
        ]

    def __str__(self) -> str:
        return f"Resultaat {self.nummer}: {self.tekst}"


class Activiteit(VersieModel, BaseModel):
    subdoel = models.ForeignKey(Subdoel, on_delete=models.CASCADE, related_name="activiteiten")
    code = models.CharField(max_length=10)
    naam = models.TextField()
    eigenaar = models.CharField(max_length=300)
    start = models.DateField()
    eind = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActiviteitStatus.choices, default=ActiviteitStatus.GEPLAND
    )
    toelichting = models.TextField(blank=True)
    resultaten = models.ManyToManyField(Resultaat, related_name="activiteiten", blank=True)
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["subdoel", "start", "code"]
        verbose_name_plural = "activiteiten"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gte=models.F("start")), name="activiteit_periode"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Indicatorkoppeling(VersieModel, BaseModel):
    """One indicator (by id in the registry) measuring a resultaat, with the baseline, the
    direction and the verdict's thresholds (empty: the plan's defaults)."""

    resultaat = models.ForeignKey(Resultaat, on_delete=models.CASCADE, related_name="indicatoren")
    indicator = models.CharField(max_length=100)
    richting = models.CharField(max_length=10, choices=Richting.choices, default=Richting.HOGER)
    basiswaarde = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    basisjaar = models.PositiveSmallIntegerField(null=True, blank=True)
    op_koers_marge = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    aandacht_marge = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["resultaat", "indicator"]
        verbose_name_plural = "indicatorkoppelingen"
        constraints = [
            models.UniqueConstraint(
                fields=["resultaat", "indicator"], name="koppeling_indicator_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.indicator


class Streefwaarde(BaseModel):
    koppeling = models.ForeignKey(
        Indicatorkoppeling, on_delete=models.CASCADE, related_name="streefwaarden"
    )
    jaar = models.PositiveSmallIntegerField()
    waarde = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["koppeling", "jaar"]
        verbose_name_plural = "streefwaarden"
        constraints = [
            models.UniqueConstraint(fields=["koppeling", "jaar"], name="streefwaarde_jaar_uniek")
        ]


# --- the client-experience survey -----------------------------------------------------------


class Vragenlijst(VersieModel, BaseModel):
    gemeente = models.ForeignKey(
        "gemeente.Gemeente", on_delete=models.PROTECT, related_name="vragenlijsten"
    )
    naam = models.CharField(max_length=200)
    inleiding = models.TextField(blank=True)
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "vragenlijsten"

    def __str__(self) -> str:
        return self.naam


class Vraag(VersieModel, BaseModel):
    """One statement answered on a 5-point scale (1 helemaal oneens ... 5 helemaal eens)."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="vragen")
    nummer = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    tekst = models.CharField(max_length=300)
    aspect = models.CharField(max_length=20, choices=Aspect.choices)
    actief = models.BooleanField(
        default=True,
        help_text="Wordt gevraagd in een nieuw onderzoek. Een vraag met antwoorden blijft "
        "bestaan (de resultaten van eerdere jaren), maar kan uit gezet worden.",
    )

    class Meta:
        ordering = ["vragenlijst", "nummer"]
        verbose_name_plural = "vragen"
        constraints = [
            models.UniqueConstraint(
                fields=["vragenlijst", "code"],
                name="vraag_code_uniek",
                violation_error_message="Deze vragenlijst heeft al een vraag met deze code.",
            ),
            models.UniqueConstraint(
                fields=["vragenlijst", "nummer"],
                name="vraag_nummer_uniek",
                violation_error_message="Deze vragenlijst heeft al een vraag met dit nummer.",
            ),
        ]

    def __str__(self) -> str:
        return self.tekst


class Uitvraging(BaseModel):
    """One round of the survey over one year: the population (residents with a Wmo provision
    on the peildatum), the sample drawn from it and how (`methode`, `seed`)."""

    gemeente = models.ForeignKey(
        "gemeente.Gemeente", on_delete=models.PROTECT, related_name="uitvragingen"
    )
    vragenlijst = models.ForeignKey(
        Vragenlijst, on_delete=models.PROTECT, related_name="uitvragingen"
    )
    jaar = models.PositiveSmallIntegerField()
    peildatum = models.DateField()
    sluit_op = models.DateField()
    populatie = models.PositiveIntegerField()
    steekproefgrootte = models.PositiveIntegerField()
    seed = models.BigIntegerField()
    methode = models.TextField()
    status = models.CharField(
        max_length=10, choices=UitvragingStatus.choices, default=UitvragingStatus.OPEN
    )

    class Meta:
        ordering = ["-jaar"]
        verbose_name_plural = "uitvragingen"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar"], name="uitvraging_jaar_uniek")
        ]

    def __str__(self) -> str:
        return f"Cliëntervaringsonderzoek {self.jaar}"


class Uitnodiging(BaseModel):
    """An invitation to one resident. The link carries a token made from `sleutel` with the
    server's secret (`beleid.services.uitnodiging_token`); neither the token nor anything that
    leads from an answer to this row is stored. `beantwoord` only says that it was used."""

    uitvraging = models.ForeignKey(
        Uitvraging, on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    inwoner = models.ForeignKey(
        "inwoners.Inwoner", on_delete=models.PROTECT, related_name="enquete_uitnodigingen"
    )
    wijk = models.ForeignKey("gemeente.Wijk", on_delete=models.PROTECT, related_name="+")
    aanbieder = models.CharField(max_length=200, blank=True)
    sleutel = models.CharField(max_length=64)
    beantwoord = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.UniqueConstraint(
                fields=["uitvraging", "inwoner"], name="uitnodiging_inwoner_uniek"
            )
        ]


def willekeurig_id() -> int:
    """A random key for a survey answer (1 to 2**62): unlike a sequence, it says nothing about
    when or in which order the answer came in."""
    return secrets.randbelow(2**62) + 1


class Respons(models.Model):
    """One completed questionnaire: wijk and provider only, no time, no invitation, a random
    key (`willekeurig_id`) and an order by that key, not by arrival.

    Coarse where the group is small (`selectors.grove_indeling`): the wijk is kept only when
    the round invited at least `onderdrukking.DREMPEL` residents of it (else empty: "overige
    wijken"), the provider likewise (else empty: "overige of onbekende aanbieder"), so an
    answer never carries an attribute that only a handful of people share."""

    id = models.BigIntegerField(primary_key=True, default=willekeurig_id, editable=False)
    uitvraging = models.ForeignKey(Uitvraging, on_delete=models.CASCADE, related_name="responsen")
    wijk = models.ForeignKey(
        "gemeente.Wijk", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    aanbieder = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "responsen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Respons {self.pk}"


class Antwoord(models.Model):
    id = models.BigIntegerField(primary_key=True, default=willekeurig_id, editable=False)
    respons = models.ForeignKey(Respons, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, on_delete=models.PROTECT, related_name="antwoorden")
    # 1-5; empty: "weet ik niet / niet van toepassing".
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name_plural = "antwoorden"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["respons", "vraag"], name="antwoord_vraag_uniek"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="antwoord_score_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vraag_id}: {self.score}"
