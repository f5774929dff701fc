"""Onderzoek (the kitchen-table conversation), life-domain scores and the ladder."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.constants import LadderStapChoices, OnderzoekStatus


class Instrument(BaseModel):
    """A life-domain instrument, e.g. the Zelfredzaamheid-Matrix: domains, scale and anchor
    texts are data, so a municipality can load its licensed version or another instrument."""

    naam = models.CharField(max_length=100)
    versie = models.CharField(max_length=50, blank=True)
    bron = models.CharField(max_length=300)
    schaal_min = models.PositiveSmallIntegerField(default=1)
    schaal_max = models.PositiveSmallIntegerField(default=5)
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "instrument"
        verbose_name_plural = "instrumenten"

    def __str__(self) -> str:
        return f"{self.naam} {self.versie}".strip()


class Leefgebied(BaseModel):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="leefgebieden"
    )
    code = models.CharField(max_length=30)
    naam = models.CharField(max_length=100)
    volgorde = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "leefgebied"
        verbose_name_plural = "leefgebieden"
        ordering = ["instrument", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "code"], name="leefgebied_code_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Anker(models.Model):
    """The anchor text of one score on one life domain."""

    leefgebied = models.ForeignKey(Leefgebied, on_delete=models.PROTECT, related_name="ankers")
    score = models.PositiveSmallIntegerField()
    tekst = models.CharField(max_length=500)

    class Meta:
        verbose_name = "ankertekst"
        verbose_name_plural = "ankerteksten"
        ordering = ["leefgebied", "score"]
        constraints = [models.UniqueConstraint(fields=["leefgebied", "score"], name="anker_uniek")]

    def __str__(self) -> str:
        return f"{self.leefgebied} {self.score}: {self.tekst[:40]}"


class Onderzoek(VersieModel, BaseModel):
    melding = models.OneToOneField(Melding, on_delete=models.PROTECT, related_name="onderzoek")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="onderzoeken")
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, null=True, blank=True, related_name="onderzoeken"
    )
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="onderzoeken")
    status = models.CharField(
        max_length=20, choices=OnderzoekStatus.choices, default=OnderzoekStatus.LOPEND
    )
    clientondersteuning_gewezen = models.BooleanField(
        "gewezen op gratis cliëntondersteuning", default=False
    )
    pgb_uitgelegd = models.BooleanField("mogelijkheid pgb uitgelegd", default=False)
    mantelzorger_besproken = models.BooleanField(
        "ondersteuningsbehoefte mantelzorger besproken",
        null=True,
        blank=True,
        help_text="Leeg als er geen mantelzorger is (Midden-Limburg indicator M1).",
    )
    verslag_definitief_op = models.DateTimeField(null=True, blank=True)
    verslag_tekst = models.TextField(blank=True, help_text="Het verslag zoals het definitief werd.")
    verslag_verzonden_op = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Onderzoek {self.pk} ({self.inwoner})"


class OnderzoekOnderdeel(BaseModel):
    """One of the subjects a-g of Wmo 2015 art. 2.3.2 lid 4."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="onderdelen")
    code = models.CharField(max_length=1)
    antwoord = models.TextField(blank=True)
    reden_niet_van_toepassing = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "onderdeel van het onderzoek"
        verbose_name_plural = "onderdelen van het onderzoek"
        ordering = ["onderzoek", "code"]
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "code"], name="onderdeel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.onderzoek_id}{self.code}"


class Gesprek(BaseModel):
    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="gesprekken")
    datum = models.DateField()
    plaats = models.CharField(max_length=200)
    deelnemers = models.CharField(max_length=300, help_text="Komma-gescheiden Deelnemer-codes.")
    notities = models.TextField(blank=True)

    class Meta:
        verbose_name = "gesprek"
        verbose_name_plural = "gesprekken"
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"Gesprek {self.datum:%d-%m-%Y} {self.plaats}"


class Afweging(BaseModel):
    """What was found at one step of the ladder (Wmo 2015 art. 2.3.5 lid 3)."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="afwegingen")
    stap = models.PositiveSmallIntegerField(choices=LadderStapChoices.choices)
    bevinding = models.TextField()
    volstaat = models.BooleanField()
    reden_niet_toereikend = models.TextField(blank=True)

    class Meta:
        verbose_name = "afweging"
        verbose_name_plural = "afwegingen (ladder)"
        ordering = ["onderzoek", "stap"]
        constraints = [
            models.UniqueConstraint(fields=["onderzoek", "stap"], name="afweging_stap_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.get_stap_display()}: {'volstaat' if self.volstaat else 'volstaat niet'}"


class ZrmScore(BaseModel):
    """A person's score on one life domain on a date; scores over time show progress."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="zrm_scores")
    leefgebied = models.ForeignKey(Leefgebied, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField()
    datum = models.DateField()
    onderzoek = models.ForeignKey(
        Onderzoek, on_delete=models.PROTECT, null=True, blank=True, related_name="scores"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "score"
        verbose_name_plural = "scores"
        ordering = ["inwoner", "leefgebied", "datum", "id"]
        indexes = [
            models.Index(fields=["inwoner", "leefgebied", "datum"], name="zrmscore_inwoner_idx")
        ]
        constraints = [models.CheckConstraint(condition=Q(score__gte=0), name="score_positief")]

    def __str__(self) -> str:
        return f"{self.inwoner} {self.leefgebied} {self.score} ({self.datum:%d-%m-%Y})"


class VerslagReactie(BaseModel):
    """The resident's remarks on the verslag, kept with it (Wmo 2015 art. 2.3.2 lid 8)."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="reacties")
    ontvangen_op = models.DateField()
    tekst = models.TextField()

    class Meta:
        verbose_name = "reactie op het verslag"
        verbose_name_plural = "reacties op het verslag"
        ordering = ["ontvangen_op", "id"]

    def __str__(self) -> str:
        return f"Reactie {self.ontvangen_op:%d-%m-%Y}"
