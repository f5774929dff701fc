"""Work and income in the one household plan (issue 14): the aanvraag levensonderhoud with its
zoektermijn, norm and voorschotten, the earning capacity with the route it gives, and the
trajectories of the route. The decision on the aanvraag is a beschikking of
`eenplan.beschikkingen` (its `Aanvraag` is the legal case; this record adds what the
Participatiewet asks on top); a bezwaar against it goes through `eenplan.bezwaren`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.participatie.constants import (
    Grootte,
    InstrumentResultaat,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    Route,
    TrajectFase,
    TrajectResultaat,
    VoorschotUitsluiting,
)
from eenplan.rules import participatie as regels


class LevensonderhoudAanvraag(VersieModel, BaseModel):
    """An application for algemene bijstand (levensonderhoud) by a member of a household."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="levensonderhoud_aanvragen"
    )
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, related_name="levensonderhoud_aanvragen"
    )
    partner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aanvraag = models.OneToOneField(
        "beschikkingen.Aanvraag", on_delete=models.PROTECT, related_name="levensonderhoud"
    )
    gemeld_op = models.DateField(help_text="De melding voor bijstand (begin van de zoektermijn).")
    ontvangen_op = models.DateField(help_text="De datum van de aanvraag.")
    zoektermijn_van_toepassing = models.BooleanField()
    zoektermijn_tot = models.DateField(
        help_text="De eerste dag waarop de aanvraag kon worden ingediend (art. 41 lid 4)."
    )
    zoektermijn_afgezien = models.BooleanField(default=False)
    afzien_reden = models.TextField(blank=True)
    zoektermijn_bron = models.CharField(max_length=400)
    kinderen = models.BooleanField(default=False, help_text="Met ten laste komende kinderen.")
    normcategorie = models.CharField(max_length=40)
    normartikel = models.CharField(max_length=80)
    norm_bedrag = models.DecimalField(max_digits=8, decimal_places=2)
    norm_geldig_vanaf = models.DateField()
    norm_bron = models.CharField(max_length=500)
    voorschot_uitsluiting = models.CharField(
        max_length=30, choices=VoorschotUitsluiting.choices, blank=True, default=""
    )
    voorschot_uitsluiting_toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "aanvraag levensonderhoud"
        verbose_name_plural = "aanvragen levensonderhoud"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "ontvangen_op"], name="lo_gemeente_idx")]

    def __str__(self) -> str:
        return f"Aanvraag levensonderhoud {self.pk} ({self.inwoner})"

    @property
    def normcategorie_omschrijving(self) -> str:
        return regels.categorie_omschrijving(self.normcategorie)


class Voorschot(BaseModel):
    """A voorschot granted while the right is not established (Participatiewet art. 52 lid 1):
    an interest-free loan, settled with the benefit or paid back."""

    aanvraag = models.ForeignKey(
        LevensonderhoudAanvraag, on_delete=models.PROTECT, related_name="voorschotten"
    )
    verleend_op = models.DateField()
    bedrag = models.DecimalField(max_digits=8, decimal_places=2)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "voorschot"
        verbose_name_plural = "voorschotten"
        ordering = ["verleend_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanvraag", "verleend_op"],
                name="een_voorschot_per_dag",
                violation_error_message="Op deze dag is al een voorschot verleend.",
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="voorschot_bedrag_positief",
                violation_error_message="Een voorschot is meer dan € 0.",
            ),
        ]


class Verdiencapaciteit(BaseModel):
    """The earning capacity of a resident, measured on a date with a method (loonwaarde), and
    the route it gives by the municipality's thresholds in force that day (seed 003a R-PW1)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, related_name="verdiencapaciteiten"
    )
    vastgesteld_op = models.DateField()
    percentage = models.DecimalField(
        max_digits=5, decimal_places=1, help_text="In % van het wettelijk minimumloon."
    )
    methode = models.CharField(max_length=30, choices=Methode.choices)
    toelichting = models.TextField(blank=True)
    route = models.CharField(max_length=20, choices=Route.choices)
    drempel_direct = models.DecimalField(max_digits=5, decimal_places=1)
    drempel_werkspoor = models.DecimalField(max_digits=5, decimal_places=1)
    drempels_bron = models.CharField(max_length=300)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "verdiencapaciteit"
        verbose_name_plural = "verdiencapaciteiten"
        ordering = ["-vastgesteld_op", "-id"]


class Traject(VersieModel, BaseModel):
    """A trajectory of the route: the Werkspoor (diagnose → ontwikkeling → matching), the
    Participatiespoor with its periodic review, or direct mediation. One open trajectory per
    resident; a failed Werkspoor goes back to the regisseur (seed 003a R-PW4)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="trajecten")
    verdiencapaciteit = models.ForeignKey(
        Verdiencapaciteit, on_delete=models.PROTECT, related_name="trajecten"
    )
    route = models.CharField(max_length=20, choices=Route.choices)
    fase = models.CharField(max_length=20, choices=TrajectFase.choices)
    begonnen_op = models.DateField()
    beeindigd_op = models.DateField(null=True, blank=True)
    resultaat = models.CharField(
        max_length=30, choices=TrajectResultaat.choices, blank=True, default=""
    )
    volgende_review_op = models.DateField(
        null=True, blank=True, help_text="Participatiespoor: het volgende periodieke gesprek."
    )
    terug_naar_regisseur = models.BooleanField(default=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "traject"
        verbose_name_plural = "trajecten"
        ordering = ["-begonnen_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inwoner"],
                condition=Q(beeindigd_op__isnull=True),
                name="een_open_traject_per_inwoner",
                violation_error_message="Deze inwoner heeft al een lopend traject; sluit dat "
                "eerst af.",
            ),
        ]


class TrajectStap(BaseModel):
    """One step of a trajectory with its dates and outcome: a Werkspoor phase (diagnose,
    ontwikkeling, matching) or a periodic review of the Participatiespoor."""

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="stappen")
    fase = models.CharField(max_length=20, choices=TrajectFase.choices)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    uitkomst = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "trajectstap"
        verbose_name_plural = "trajectstappen"
        ordering = ["van", "id"]


class Werkgever(BaseModel):
    """An employer of the werkgeversbenadering, seen as a client (seed 003a §3.9 point 8),
    with the placements (instruments) at it."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(max_length=200)
    kvk_nummer = models.CharField(max_length=8, blank=True)
    grootte = models.CharField(max_length=10, choices=Grootte.choices)
    plaats = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "werkgever"
        verbose_name_plural = "werkgevers"
        ordering = ["naam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "naam"],
                name="werkgever_naam_uniek",
                violation_error_message="Deze werkgever bestaat al.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Instrument(BaseModel):
    """An instrument of the route with its start, end, provider or employer and result. Two of
    the same kind for one resident never overlap (checked under a row lock)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="instrumenten")
    traject = models.ForeignKey(
        Traject, on_delete=models.PROTECT, null=True, blank=True, related_name="instrumenten"
    )
    soort = models.CharField(max_length=30, choices=InstrumentSoort.choices)
    begin = models.DateField()
    einde = models.DateField(null=True, blank=True)
    uitvoerder = models.CharField(
        max_length=200, blank=True, help_text="De re-integratiebedrijf, jobcoach of school."
    )
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, null=True, blank=True, related_name="plaatsingen"
    )
    loonwaarde = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True, help_text="Bij loonkostensubsidie."
    )
    resultaat = models.CharField(
        max_length=20, choices=InstrumentResultaat.choices, blank=True, default=""
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "instrument"
        verbose_name_plural = "instrumenten"
        ordering = ["-begin", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="instrument_periode_geldig",
                violation_error_message="Het einde ligt vóór het begin.",
            )
        ]


class Tegenprestatie(BaseModel):
    """A tegenprestatie (Participatiewet art. 9 lid 1 onder c) as the municipality always records
    it: the activity, hours, duration, and the conditions it was checked against (seed 003b
    §4.3, R-TP4)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="tegenprestaties")
    omschrijving = models.TextField()
    uren_per_week = models.DecimalField(max_digits=4, decimal_places=1)
    begin = models.DateField()
    einde = models.DateField()
    naar_vermogen = models.TextField()
    voorwaarden = models.JSONField(help_text="De voorwaarden zoals getoetst.")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "tegenprestatie"
        verbose_name_plural = "tegenprestaties"
        ordering = ["-begin", "-id"]


class Maatregel(BaseModel):
    """A warning or a lowering of the bijstand when an obligation is not met (Participatiewet
    art. 18 lid 2), by the verordening's category with its percentage and duration as they were,
    and an impact note on the household."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    aanvraag = models.ForeignKey(
        LevensonderhoudAanvraag, on_delete=models.PROTECT, related_name="maatregelen"
    )
    soort = models.CharField(max_length=20, choices=MaatregelSoort.choices)
    categorie = models.CharField(max_length=20)
    categorie_omschrijving = models.CharField(max_length=300)
    gedraging = models.TextField(help_text="Wat de inwoner naliet, met de datum.")
    besloten_op = models.DateField()
    percentage = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    maanden = models.PositiveSmallIntegerField(null=True, blank=True)
    verlaging_per_maand = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    ingangsdatum = models.DateField(null=True, blank=True)
    verordening_bron = models.CharField(max_length=400)
    impact = models.TextField(help_text="Gevolgen voor het huishouden (kinderen, huur).")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "maatregel"
        verbose_name_plural = "maatregelen"
        ordering = ["-besloten_op", "-id"]


class Werkdoel(BaseModel):
    """A goal of the household plan in a work-and-income life domain (ZRM `dagbesteding`: werk
    en opleiding, or `financien`), linked to the trajectory or instrument that works on it, with
    the Werkplein's participation in the plan under the resident's consent (`plannen.Deelnemer`)
    it rests on. One link per goal; the goal and its actions stay the plan's own."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    doel = models.OneToOneField(
        "plannen.Doel", on_delete=models.PROTECT, related_name="werkdoel"
    )
    deelnemer = models.ForeignKey(
        "plannen.Deelnemer", on_delete=models.PROTECT, related_name="werkdoelen"
    )
    traject = models.ForeignKey(
        Traject, on_delete=models.PROTECT, null=True, blank=True, related_name="werkdoelen"
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, null=True, blank=True, related_name="werkdoelen"
    )
    gekoppeld_op = models.DateField()
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "werkdoel"
        verbose_name_plural = "werkdoelen"
        ordering = ["-gekoppeld_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(traject__isnull=True, instrument__isnull=False)
                | Q(traject__isnull=False, instrument__isnull=True),
                name="werkdoel_traject_of_instrument",
                violation_error_message="Koppel het doel aan een traject of aan een instrument.",
            )
        ]
