"""Purpose-bound sharing: every exchange of a household's data with someone outside the team
that holds the dossier (`Uitwisseling`), every read of what it shared (`GedeeldeInzage`,
append-only), and youth delivery kept apart from the toegang: who delivers to a household
(`Uitvoering`) and their delivery notes (`Uitvoeringsnotitie`). docs/privacy.md and
docs/decisions/0033-gegevensdeling-met-doelbinding.md."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy.models import Toestemming
from eenplan.uitwisseling.constants import (
    Doelsoort,
    Grondslag,
    OntvangerSoort,
    Status,
)

ANTWOORDEN = ("vraag_gegevens", "vraag_doel", "vraag_noodzaak", "vraag_grondrechten",
              "vraag_rechten")


class Uitwisseling(BaseModel):
    """One exchange of a household's data: with whom, which categories (chosen; never the
    whole dossier), the answers to the five questions (Peelregio §3.7.5), the legal basis and
    the period. Decided once: approved, or refused by a professional on grounds of secrecy or
    ethics — a refusal is final (`rules.uitwisseling.OVERGANGEN`)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="uitwisselingen"
    )
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opnieuw",
        help_text="De geweigerde of beëindigde uitwisseling die hiermee opnieuw is gevraagd.",
    )
    ontvanger_soort = models.CharField(max_length=20, choices=OntvangerSoort.choices)
    ontvanger_naam = models.CharField(
        max_length=200, help_text="Organisatie en, als bekend, de persoon die ontvangt."
    )
    ontvanger_medewerker = models.ForeignKey(
        Medewerker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ontvangen_uitwisselingen",
        help_text="Een ontvanger die in eenplan werkt (regionaal team, gezinscoach): leest "
        "alleen de gekozen soorten gegevens, alleen in de periode.",
    )
    categorieen = models.JSONField(help_text="De gekozen soorten gegevens (Categorie).")
    doelsoort = models.CharField(max_length=20, choices=Doelsoort.choices)
    vraag_gegevens = models.TextField(
        "Welke gegevens worden in welke situaties tussen welke professionals uitgewisseld?"
    )
    vraag_doel = models.TextField("Wat is het doel van die uitwisseling?")
    vraag_noodzaak = models.TextField(
        "Waarom is de uitwisseling noodzakelijk? Zijn er geen minder ingrijpende alternatieven?"
    )
    vraag_grondrechten = models.TextField(
        "Hoe worden de grondrechten van betrokkenen (inwoners en professionals) geborgd?"
    )
    vraag_rechten = models.TextField(
        "Wat zijn de rechten (en eventueel plichten) van de betrokken inwoners hierin?"
    )
    grondslag = models.CharField(max_length=20, choices=Grondslag.choices)
    toestemming = models.ForeignKey(
        Toestemming, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    van = models.DateField()
    tot = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    besloten_op = models.DateTimeField(null=True, blank=True)
    weigering_reden = models.TextField(
        blank=True, help_text="Waarom de professional de uitwisseling weigert (beroepsgeheim "
        "of ethiek)."
    )
    beeindigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beeindigd_op = models.DateTimeField(null=True, blank=True)
    beeindiging_reden = models.TextField(blank=True)

    class Meta:
        verbose_name = "uitwisseling"
        verbose_name_plural = "uitwisselingen"
        ordering = ["-created_at", "-id"]
        permissions = [
            ("beslissen_uitwisseling", "Een uitwisseling goedkeuren"),
            ("weigeren_uitwisseling", "Een uitwisseling weigeren (beroepsgeheim of ethiek)"),
            ("lezen_gedeeld", "Lezen wat een uitwisseling met mij deelt"),
            ("view_cijfers", "Cijfers over uitwisselingen (alleen totalen)"),
        ]
        indexes = [
            models.Index(fields=["huishouden", "-created_at"], name="uitwisseling_hh_idx"),
            models.Index(fields=["ontvanger_medewerker", "status"], name="uitwisseling_ontv_idx"),
        ]
        constraints = [
            # Without answers, no exchange: in the database too.
            models.CheckConstraint(
                condition=~Q(vraag_gegevens="")
                & ~Q(vraag_doel="")
                & ~Q(vraag_noodzaak="")
                & ~Q(vraag_grondrechten="")
                & ~Q(vraag_rechten=""),
                name="uitwisseling_vijf_antwoorden",
                violation_error_message="Zonder antwoord op de vijf vragen geen uitwisseling.",
            ),
            models.CheckConstraint(
                condition=Q(tot__gte=F("van")),
                name="uitwisseling_periode_geldig",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
            models.CheckConstraint(
                condition=~Q(grondslag="toestemming") | Q(toestemming__isnull=False),
                name="uitwisseling_toestemming_vastgelegd",
                violation_error_message="Bij toestemming als grondslag hoort een vastgelegde "
                "toestemming.",
            ),
            models.CheckConstraint(
                condition=~Q(status="geweigerd")
                | (Q(besloten_door__isnull=False) & ~Q(weigering_reden="")),
                name="uitwisseling_weigering_met_reden",
                violation_error_message="Een weigering heeft een reden en wie weigerde.",
            ),
            models.CheckConstraint(
                condition=~Q(status="goedgekeurd") | Q(besloten_door__isnull=False),
                name="uitwisseling_goedkeuring_door",
                violation_error_message="Een goedkeuring heeft wie goedkeurde.",
            ),
        ]

    def __str__(self) -> str:
        return f"Uitwisseling {self.pk} met {self.ontvanger_naam}"


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a read of shared data."""


class GedeeldeInzageQuerySet(models.QuerySet["GedeeldeInzage"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het leesverslag van een uitwisseling kan niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Het leesverslag van een uitwisseling kan niet worden verwijderd.")


class GedeeldeInzage(models.Model):
    """One read of shared data, logged against its exchange (who, when, which categories,
    which path), beside the row of the access log. Append-only."""

    uitwisseling = models.ForeignKey(
        Uitwisseling, on_delete=models.PROTECT, related_name="inzages"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gebruikersnaam = models.CharField(max_length=150)
    moment = models.DateTimeField(auto_now_add=True)
    categorieen = models.JSONField()
    kanaal = models.CharField(max_length=10)
    pad = models.CharField(max_length=300)

    objects = GedeeldeInzageQuerySet.as_manager()

    class Meta:
        verbose_name = "inzage van gedeelde gegevens"
        verbose_name_plural = "inzages van gedeelde gegevens"
        ordering = ["-moment", "-id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.gebruikersnaam} las uitwisseling {self.uitwisseling_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Het leesverslag van een uitwisseling kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het leesverslag van een uitwisseling kan niet worden verwijderd.")


class Uitvoering(BaseModel):
    """Youth delivery: a gezinscoach delivers to this household from `van` (until `tot`).
    The delivery scope, apart from the toegang's need-to-know (seed 000 L747–750)."""

    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="uitvoeringen"
    )
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="uitvoeringen"
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    toegewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "uitvoering"
        verbose_name_plural = "uitvoeringen"
        ordering = ["-van", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="uitvoering_periode_geldig",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker} voor {self.huishouden}"


class Uitvoeringsnotitie(BaseModel):
    """A gezinscoach's delivery note: data of the uitvoering, not of the toegang."""

    uitvoering = models.ForeignKey(Uitvoering, on_delete=models.PROTECT, related_name="notities")
    datum = models.DateField()
    tekst = models.TextField()
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "uitvoeringsnotitie"
        verbose_name_plural = "uitvoeringsnotities"
        ordering = ["-datum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tekst=""),
                name="uitvoeringsnotitie_tekst",
                violation_error_message="Een notitie heeft tekst.",
            ),
        ]

    def __str__(self) -> str:
        return f"Notitie {self.datum:%d-%m-%Y}"
