"""Eén plan per huishouden, with one regisseur (BRIEF §1.3)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.common.constants import Wet
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden, Inwoner, Netwerkpersoon
from eenplan.onderzoeken.constants import LadderStapChoices
from eenplan.onderzoeken.models import Leefgebied, ZrmScore
from eenplan.plannen.constants import (
    ACTIEVE_STATUSSEN,
    DeelnemerSoort,
    Doeltype,
    Escalatie,
    PlanStatus,
    RegisseurSoort,
    Uitkomst,
    Uitvoerder,
    VeiligheidSoort,
)
from eenplan.privacy.models import Toestemming


class Plan(BaseModel):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="plannen")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.CONCEPT)
    versie = models.PositiveIntegerField(default=1)
    samengevoegd_in = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="samengevoegd"
    )
    ondertekend_op = models.DateField(null=True, blank=True)
    ondertekend_door = models.CharField(max_length=200, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "plannen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["huishouden", "status"], name="plan_huishouden_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=Q(status__in=ACTIEVE_STATUSSEN),
                name="een_actief_plan_per_huishouden",
                violation_error_message="Dit huishouden heeft al een lopend plan: één "
                "huishouden, één plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan {self.pk} voor {self.huishouden}"

    @property
    def opnieuw_ondertekenen(self) -> bool:
        """Signed, then changed in substance: the resident signs again (ADR 0010)."""
        return self.status == PlanStatus.GEWIJZIGD


class Doel(BaseModel):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="doelen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="doelen")
    leefgebied = models.ForeignKey(Leefgebied, on_delete=models.PROTECT, related_name="doelen")
    omschrijving = models.TextField()
    doeltype = models.CharField(max_length=20, choices=Doeltype.choices)
    evaluatie_op = models.DateField(null=True, blank=True)
    # Shared with the resident in the inwonersportaal, or internal (issue 13). Goals and
    # actions are the resident's own plan content: shared unless staff mark them internal.
    gedeeld = models.BooleanField(
        "gedeeld met de inwoner", default=True,
        help_text="Uit: alleen intern zichtbaar, niet in Mijn zaak.",
    )

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["plan", "leefgebied__volgorde", "id"]

    def __str__(self) -> str:
        return f"{self.leefgebied}: {self.omschrijving[:60]}"


class Actie(BaseModel):
    doel = models.ForeignKey(Doel, on_delete=models.PROTECT, related_name="acties")
    omschrijving = models.CharField(max_length=300)
    uitvoerder_soort = models.CharField(max_length=30, choices=Uitvoerder.choices)
    uitvoerder = models.CharField(
        max_length=200, help_text="Wie precies, bijvoorbeeld 'dochter Lotte'."
    )
    uiterlijk = models.DateField(null=True, blank=True)
    # Shared with the resident in the inwonersportaal, or internal (issue 13). Goals and
    # actions are the resident's own plan content: shared unless staff mark them internal.
    gedeeld = models.BooleanField(
        "gedeeld met de inwoner", default=True,
        help_text="Uit: alleen intern zichtbaar, niet in Mijn zaak.",
    )
    gedaan_op = models.DateField(
        null=True, blank=True, help_text="Door de inwoner of een medewerker als gedaan gemeld."
    )

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["doel", "uiterlijk", "id"]

    def __str__(self) -> str:
        return self.omschrijving


class Voorstel(BaseModel):
    """A provision the plan proposes. Maatwerk (ladder step 5 or 6) becomes an aanvraag when
    the resident signs (seed 000 L1973-1976)."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="voorstellen")
    doel = models.ForeignKey(
        Doel, on_delete=models.PROTECT, null=True, blank=True, related_name="voorstellen"
    )
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="voorstellen")
    omschrijving = models.CharField(max_length=300)
    wet = models.CharField(max_length=20, choices=Wet.choices)
    ladderstap = models.PositiveSmallIntegerField(choices=LadderStapChoices.choices)

    class Meta:
        verbose_name = "voorstel"
        verbose_name_plural = "voorstellen"
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_maatwerk(self) -> bool:
        return self.ladderstap >= 5


class Evaluatie(BaseModel):
    doel = models.ForeignKey(Doel, on_delete=models.PROTECT, related_name="evaluaties")
    datum = models.DateField()
    uitkomst = models.CharField(max_length=10, choices=Uitkomst.choices)
    toelichting = models.TextField(blank=True)
    score = models.ForeignKey(
        ZrmScore, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A professional's evaluation is a working document: internal unless marked shared.
    gedeeld = models.BooleanField("gedeeld met de inwoner", default=False)

    class Meta:
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"
        ordering = ["doel", "datum", "id"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.get_uitkomst_display()}"


class Regisseur(BaseModel):
    """Exactly one active regisseur per plan; earlier ones keep their period."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="regisseurs")
    soort = models.CharField(max_length=20, choices=RegisseurSoort.choices)
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    netwerkpersoon = models.ForeignKey(
        Netwerkpersoon, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="regisseur_van"
    )
    op_verzoek_van_inwoner = models.BooleanField(
        default=False,
        help_text="Een professionele regisseur alleen op verzoek van de inwoner "
        "(seed 002 L779-894).",
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "regisseur"
        verbose_name_plural = "regisseurs"
        ordering = ["plan", "van", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(tot__isnull=True),
                name="een_actieve_regisseur_per_plan",
                violation_error_message="Een plan heeft precies één regisseur; er is op "
                "hetzelfde moment een andere vastgelegd. Laad het plan opnieuw.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.naam}"

    @property
    def naam(self) -> str:
        if self.medewerker_id:
            return str(self.medewerker)
        if self.netwerkpersoon_id:
            return self.netwerkpersoon.naam
        return self.inwoner.naam if self.inwoner_id else ""


class Deelnemer(BaseModel):
    """A network person or organisation taking part in the plan, only with the resident's
    recorded consent; withdrawing it ends their part from that day."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="deelnemers")
    netwerkpersoon = models.ForeignKey(
        Netwerkpersoon, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisatie = models.CharField(max_length=200, blank=True)
    soort = models.CharField(
        max_length=20,
        choices=DeelnemerSoort.choices,
        default=DeelnemerSoort.ORGANISATIE,
        help_text="Netwerk, organisatie of het Werkplein (consulent werk en inkomen).",
    )
    rol = models.CharField(max_length=200)
    toestemming = models.ForeignKey(Toestemming, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return self.netwerkpersoon.naam if self.netwerkpersoon_id else self.organisatie


class Veiligheidssignaal(BaseModel):
    """A safety concern and the escalation decided on (meldcode; seed 002 L779-894)."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="veiligheidssignalen")
    soort = models.CharField(max_length=20, choices=VeiligheidSoort.choices)
    omschrijving = models.TextField()
    escalatie = models.CharField(max_length=20, choices=Escalatie.choices)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    besloten_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "veiligheidssignaal"
        verbose_name_plural = "veiligheidssignalen"
        ordering = ["-besloten_op"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} → {self.get_escalatie_display()}"


class Inbreng(BaseModel):
    """What the resident (or their representative) adds to the plan in the portal: a note or a
    proposed goal. The regisseur and the generalist see it on the plan page; a proposed goal
    becomes a goal only when they add it (the resident keeps the regie, staff the record)."""

    class Soort(models.TextChoices):
        NOTITIE = "notitie", "Notitie"
        DOELVOORSTEL = "doelvoorstel", "Voorstel voor een doel"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="inbreng")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(max_length=20, choices=Soort.choices)
    tekst = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    door_naam = models.CharField(max_length=200)
    gedeeld = models.BooleanField("gedeeld met de inwoner", default=True)

    class Meta:
        verbose_name = "inbreng van de inwoner"
        verbose_name_plural = "inbreng van inwoners"
        ordering = ["plan", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.tekst[:60]}"


class PlanVersie(models.Model):
    """A snapshot after every change of goals, regisseur or participants, so earlier versions
    stay visible."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versies")
    versie = models.PositiveIntegerField()
    moment = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reden = models.CharField(max_length=200)
    inhoud = models.JSONField()

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["plan", "versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "versie"],
                name="planversie_uniek",
                violation_error_message="Iemand anders wijzigde dit plan op hetzelfde moment; "
                "uw wijziging is niet opgeslagen. Laad het plan opnieuw.",
            )
        ]

    def __str__(self) -> str:
        return f"Plan {self.plan_id} versie {self.versie}: {self.reden}"
