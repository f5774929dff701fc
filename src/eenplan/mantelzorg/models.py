"""Mantelzorg and volunteers (issue 15).

- `Mantelzorger`: an informal carer (Wmo 2015 art. 1.1.1), a resident of the municipality or
  someone living elsewhere, of any age (a young carer is a minor: `rules.mantelzorg`).
- `Zorgrelatie`: the carer cares for a resident: hours per week, since when (the duration),
  tasks. A carer may care for several residents; never for themselves.
- `Belasting`: the burden indicator recorded in an onderzoek (Wmo 2015 art. 2.3.2 lid 4 onder
  d): overbelast yes/no, with the date it was established. The onderzoek itself belongs to
  `onderzoeken`; this table only points at it.
- `Ondersteuning`: support given to a carer along one of the eight basisfuncties, with provider
  and date. `RespijtzorgVraag`: a request for respite care and whether it was delivered, so
  demand and supply can be compared.
- `WaarderingRegeling` (dated, append-only like `gemeente.Instelling`) and `Waardering`: the
  yearly appreciation (art. 2.1.6), one per carer per year (a database constraint).
- `Vrijwilliger`, `Klus`, `Match`: volunteers, requests for help and who helps with which.
  `VogTermijn` (dated, append-only): how old a volunteer's VOG may be on the day of a klus.
- `KringToewijzing`: an action of a plan assigned to a network person of the care circle, who
  sees it in the portal (with the resident's consent) and marks it done.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.common.models import BaseModel
from eenplan.gemeente.models import AppendOnlyError, Gemeente, Wijk
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.mantelzorg.constants import (
    AangevraagdDoor,
    BasisfunctieChoices,
    KlusDagdeel,
    KlusStatus,
    MatchUitkomst,
    RespijtSoort,
    RespijtStatus,
    Vaardigheid,
    WaarderingVormChoices,
)
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.models import Actie


class Mantelzorger(BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    als_inwoner = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="als_mantelzorger",
        help_text="Als de mantelzorger zelf inwoner van de gemeente is.",
    )
    naam = models.CharField(max_length=200)
    geboortedatum = models.DateField(
        null=True, blank=True, help_text="Nodig om een jonge mantelzorger (onder 18) te herkennen."
    )
    woonplaats = models.CharField(
        max_length=100, blank=True, help_text="Als de mantelzorger buiten de gemeente woont."
    )
    telefoon = models.CharField(max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "mantelzorger"
        verbose_name_plural = "mantelzorgers"
        ordering = ["naam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "als_inwoner"],
                condition=Q(als_inwoner__isnull=False),
                name="mantelzorger_inwoner_eenmaal",
                violation_error_message="Deze inwoner staat al als mantelzorger geregistreerd.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Zorgrelatie(BaseModel):
    mantelzorger = models.ForeignKey(
        Mantelzorger, on_delete=models.PROTECT, related_name="zorgrelaties"
    )
    inwoner = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        related_name="mantelzorgrelaties",
        help_text="De inwoner voor wie gezorgd wordt.",
    )
    netwerkpersoon = models.ForeignKey(
        Netwerkpersoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De mantelzorger in het netwerk van de inwoner, als die daar staat.",
    )
    relatie = models.CharField(max_length=100, blank=True, help_text="Bijvoorbeeld 'dochter'.")
    uren_per_week = models.DecimalField(max_digits=5, decimal_places=1)
    sinds = models.DateField()
    tot = models.DateField(null=True, blank=True)
    taken = models.JSONField(default=list, help_text="Codes uit rules.mantelzorg.Taak.")

    class Meta:
        verbose_name = "zorgrelatie"
        verbose_name_plural = "zorgrelaties"
        ordering = ["-sinds", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mantelzorger", "inwoner"],
                condition=Q(tot__isnull=True),
                name="zorgrelatie_een_lopende",
                violation_error_message="Deze mantelzorger zorgt al voor deze inwoner.",
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__gt=0) & Q(uren_per_week__lte=168),
                name="zorgrelatie_uren_in_week",
                violation_error_message="Het aantal uren per week ligt tussen 0 en 168.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mantelzorger} zorgt voor {self.inwoner}"


class Belasting(BaseModel):
    """The burden of a carer as established in an onderzoek (overbelasting with its date)."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="+")
    zorgrelatie = models.ForeignKey(
        Zorgrelatie, on_delete=models.PROTECT, related_name="belastingen"
    )
    overbelast = models.BooleanField()
    vastgesteld_op = models.DateField()
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "belasting van de mantelzorger"
        verbose_name_plural = "belasting van mantelzorgers"
        ordering = ["-vastgesteld_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["onderzoek", "zorgrelatie"],
                name="belasting_eenmaal_per_onderzoek",
                violation_error_message=(
                    "De belasting van deze mantelzorger is in dit onderzoek al vastgelegd."
                ),
            )
        ]


class Ondersteuning(BaseModel):
    mantelzorger = models.ForeignKey(
        Mantelzorger, on_delete=models.PROTECT, related_name="ondersteuningen"
    )
    basisfunctie = models.CharField(max_length=30, choices=BasisfunctieChoices.choices)
    aanbieder = models.CharField(max_length=200, help_text="Wie de ondersteuning gaf.")
    datum = models.DateField()
    omschrijving = models.CharField(max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "ondersteuning van een mantelzorger"
        verbose_name_plural = "ondersteuning van mantelzorgers"
        ordering = ["-datum", "-id"]


class RespijtzorgVraag(BaseModel):
    mantelzorger = models.ForeignKey(
        Mantelzorger, on_delete=models.PROTECT, related_name="respijtvragen"
    )
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, related_name="+", help_text="De verzorgde inwoner."
    )
    soort = models.CharField(max_length=20, choices=RespijtSoort.choices)
    gevraagd_op = models.DateField()
    uren_gevraagd = models.DecimalField(max_digits=6, decimal_places=1)
    status = models.CharField(
        max_length=20, choices=RespijtStatus.choices, default=RespijtStatus.OPEN
    )
    afgehandeld_op = models.DateField(null=True, blank=True)
    uren_geleverd = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    aanbieder = models.CharField(max_length=200, blank=True)
    toelichting = models.CharField(max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "vraag om respijtzorg"
        verbose_name_plural = "vragen om respijtzorg"
        ordering = ["-gevraagd_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uren_gevraagd__gt=0),
                name="respijt_uren_gevraagd_positief",
                violation_error_message="Vul het aantal gevraagde uren in: meer dan 0.",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(afgehandeld_op__isnull=False),
                name="respijt_afgehandeld_heeft_datum",
                violation_error_message="Een afgehandelde vraag heeft een datum.",
            ),
        ]


class WaarderingRegelingQuerySet(models.QuerySet["WaarderingRegeling"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een regeling wordt nooit overschreven: sla een nieuwe versie op.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Een regeling wordt nooit verwijderd: de geschiedenis blijft.")


class WaarderingRegeling(models.Model):
    """One version of the municipality's choice for the yearly appreciation of carers (Wmo
    2015 art. 2.1.6): an amount or an event, from `geldig_vanaf`, with its source. A change is
    a new row with the next `versie` (the `gemeente.Instelling` pattern, ADR 0022)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField()
    geldig_vanaf = models.DateField()
    vorm = models.CharField(max_length=20, choices=WaarderingVormChoices.choices)
    bedrag = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    omschrijving = models.CharField(
        max_length=300, blank=True, help_text="Bij een bijeenkomst: wat, waar, wanneer."
    )
    bron = models.CharField(
        max_length=300,
        help_text="Bijvoorbeeld 'Verordening maatschappelijke ondersteuning 2026, art. 14'.",
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moment = models.DateTimeField(auto_now_add=True)

    objects = WaarderingRegelingQuerySet.as_manager()

    class Meta:
        verbose_name = "regeling mantelzorgwaardering"
        verbose_name_plural = "regelingen mantelzorgwaardering"
        ordering = ["gemeente", "-versie"]
        default_permissions = ("view", "add")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "versie"],
                name="waarderingregeling_versie_uniek",
                violation_error_message=(
                    "Iemand anders sloeg tegelijk een nieuwe versie op; laad de pagina opnieuw."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"Waardering versie {self.versie} vanaf {self.geldig_vanaf}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(
                "Een regeling wordt nooit overschreven: sla een nieuwe versie op."
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een regeling wordt nooit verwijderd: de geschiedenis blijft.")


class VogTermijnQuerySet(models.QuerySet["VogTermijn"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een termijn wordt nooit overschreven: sla een nieuwe versie op.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Een termijn wordt nooit verwijderd: de geschiedenis blijft.")


class VogTermijn(models.Model):
    """One version of the municipality's choice for how old a volunteer's VOG may be on the day
    of a klus (the law gives a VOG no term: Wjsg art. 28; `rules.mantelzorg.vog_fouten`), from
    `geldig_vanaf`, with its source. Append-only like `WaarderingRegeling`. Without any version
    no VOG is asked."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField()
    geldig_vanaf = models.DateField()
    maanden = models.PositiveSmallIntegerField(help_text="Zo lang na de datum telt een VOG.")
    bron = models.CharField(
        max_length=300,
        help_text="Bijvoorbeeld 'Vrijwilligersbeleid Maasdal 2026, § 4' of een collegebesluit.",
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moment = models.DateTimeField(auto_now_add=True)

    objects = VogTermijnQuerySet.as_manager()

    class Meta:
        verbose_name = "termijn VOG van vrijwilligers"
        verbose_name_plural = "termijnen VOG van vrijwilligers"
        ordering = ["gemeente", "-versie"]
        default_permissions = ("view", "add")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "versie"],
                name="vogtermijn_versie_uniek",
                violation_error_message=(
                    "Iemand anders sloeg tegelijk een nieuwe versie op; laad de pagina opnieuw."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"VOG {self.maanden} maanden, versie {self.versie} vanaf {self.geldig_vanaf}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Een termijn wordt nooit overschreven: sla een nieuwe versie op.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een termijn wordt nooit verwijderd: de geschiedenis blijft.")


class Waardering(BaseModel):
    mantelzorger = models.ForeignKey(
        Mantelzorger, on_delete=models.PROTECT, related_name="waarderingen"
    )
    jaar = models.PositiveSmallIntegerField()
    regeling = models.ForeignKey(WaarderingRegeling, on_delete=models.PROTECT, related_name="+")
    vorm = models.CharField(max_length=20, choices=WaarderingVormChoices.choices)
    bedrag = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    aangevraagd_op = models.DateField()
    aangevraagd_door = models.CharField(max_length=20, choices=AangevraagdDoor.choices)
    namens = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De verzorgde inwoner voor wie de mantelzorger zorgt.",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "mantelzorgwaardering"
        verbose_name_plural = "mantelzorgwaarderingen"
        ordering = ["-jaar", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mantelzorger", "jaar"],
                name="waardering_een_per_jaar",
                violation_error_message=(
                    "Deze mantelzorger heeft voor dit jaar al een mantelzorgwaardering: één per "
                    "jaar."
                ),
            )
        ]


class Vrijwilliger(BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    als_inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    naam = models.CharField(max_length=200)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="+")
    telefoon = models.CharField(max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    vaardigheden = models.JSONField(default=list, help_text="Codes uit Vaardigheid.")
    beschikbaarheid = models.JSONField(
        default=list, help_text="Dagdelen als 'ma_ochtend' (rules.mantelzorg.DAGDELEN)."
    )
    vog_datum = models.DateField(
        "datum VOG", null=True, blank=True, help_text="Verklaring omtrent het gedrag."
    )
    actief = models.BooleanField(default=True)
    via_tegenprestatie = models.BooleanField(
        default=False, help_text="Aangeboden als tegenprestatie (Participatiewet art. 9 lid 1 c)."
    )

    class Meta:
        verbose_name = "vrijwilliger"
        verbose_name_plural = "vrijwilligers"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Klus(BaseModel):
    """A request for help by or for a resident, to be done by a volunteer."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    hulpvrager = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="+")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="+")
    vaardigheid = models.CharField(max_length=20, choices=Vaardigheid.choices)
    omschrijving = models.CharField(max_length=300)
    datum = models.DateField()
    dagdeel = models.CharField(max_length=10, choices=KlusDagdeel.choices)
    status = models.CharField(max_length=20, choices=KlusStatus.choices, default=KlusStatus.OPEN)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "klus"
        verbose_name_plural = "klussen"
        ordering = ["datum", "id"]


class Match(BaseModel):
    klus = models.ForeignKey(Klus, on_delete=models.PROTECT, related_name="matches")
    vrijwilliger = models.ForeignKey(Vrijwilliger, on_delete=models.PROTECT, related_name="matches")
    gekoppeld_op = models.DateField()
    uitkomst = models.CharField(
        max_length=20, choices=MatchUitkomst.choices, blank=True, default=MatchUitkomst.LOOPT
    )
    uitkomst_op = models.DateField(null=True, blank=True)
    toelichting = models.CharField(max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "koppeling vrijwilliger en klus"
        verbose_name_plural = "koppelingen vrijwilliger en klus"
        ordering = ["-gekoppeld_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["klus"],
                condition=Q(uitkomst=""),
                name="match_een_lopende_per_klus",
                violation_error_message="Aan deze klus is al een vrijwilliger gekoppeld.",
            )
        ]


class KringToewijzing(BaseModel):
    """An action of the plan assigned to a network person of the care circle (seed 004
    L770-774, Zorgsite: "de taken verdelen"). Seen in the portal only while the resident's
    consent for that person holds (the plan's Deelnemer and its Toestemming)."""

    actie = models.OneToOneField(Actie, on_delete=models.PROTECT, related_name="+")
    netwerkpersoon = models.ForeignKey(Netwerkpersoon, on_delete=models.PROTECT, related_name="+")
    toegewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "actie voor de zorgkring"
        verbose_name_plural = "acties voor de zorgkring"
        ordering = ["actie", "id"]
