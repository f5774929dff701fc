"""Inwoners (residents), huishoudens (households) over time, and their network."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q

from eenplan.common.concurrency import VersieModel
from eenplan.common.lookups import Bytevolgorde
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.inwoners.constants import Geslacht, NetwerkSoort, Relatie
from eenplan.inwoners.validators import validate_bsn


class Inwoner(VersieModel, BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="inwoners")
    bsn = models.CharField("BSN", max_length=9, validators=[validate_bsn])
    voornamen = models.CharField(max_length=200)
    voorvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField(max_length=200)
    geboortedatum = models.DateField()
    geslacht = models.CharField(max_length=1, choices=Geslacht.choices, default=Geslacht.ONBEKEND)
    straat = models.CharField(max_length=200)
    huisnummer = models.PositiveIntegerField()
    huisnummer_toevoeging = models.CharField("toevoeging", max_length=10, blank=True)
    postcode = models.CharField(max_length=6)
    woonplaats = models.CharField(max_length=100)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="inwoners")
    telefoon = models.CharField(max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    # Normalised "achternaam voornamen" and "voornamen voorvoegsel achternaam" for prefix search
    # and for the order of the results (inwoners.services.search_names).
    zoeknaam = models.CharField(max_length=420, editable=False, db_index=False)
    zoeknaam_voornaam = models.CharField(max_length=420, editable=False, db_index=False)

    class Meta:
        verbose_name = "inwoner"
        verbose_name_plural = "inwoners"
        ordering = ["achternaam", "voornamen", "id"]
        permissions = [
            ("search_inwoner", "Inwoners zoeken"),
            ("view_dossier", "Dossier van een inwoner inzien"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bsn"], name="inwoner_bsn_uniek_per_gemeente"
            ),
        ]
        indexes = [
            # The name search (inwoners.selectors.inwoner_search): each deliver the residents
            # whose search name starts with what was typed, already in the order of that name
            # (byte order, common.lookups.Bytevolgorde) and then id, so a page of 25 reads 25
            # index entries however many residents match (issue 16, docs/benchmarks.md). The
            # same keys serve every other name search (`inwoner_filter`: the worklist, the
            # beschikkingen list); the older `varchar_pattern_ops` indexes on the plain columns
            # are gone (migration 0005).
            models.Index(
                F("gemeente"), Bytevolgorde("zoeknaam"), F("id"), name="inwoner_zoeksleutel_idx"
            ),
            models.Index(
                F("gemeente"),
                Bytevolgorde("zoeknaam_voornaam"),
                F("id"),
                name="inwoner_zoekvoornaamsl_idx",
            ),
            models.Index(fields=["gemeente", "geboortedatum"], name="inwoner_geboortedatum_idx"),
            models.Index(fields=["gemeente", "postcode", "huisnummer"], name="inwoner_adres_idx"),
            models.Index(fields=["wijk", "achternaam"], name="inwoner_wijk_idx"),
            # The retention worklist's first cut: dossiers unchanged since a date (avg.bewaren).
            models.Index(fields=["gemeente", "updated_at"], name="inwoner_gewijzigd_idx"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(p for p in [self.voornamen, self.voorvoegsel, self.achternaam] if p)

    @property
    def adres(self) -> str:
        nummer = f"{self.huisnummer}{self.huisnummer_toevoeging}"
        return f"{self.straat} {nummer}, {self.postcode[:4]} {self.postcode[4:]} {self.woonplaats}"

    def leeftijd_op(self, dag: dt.date) -> int:
        jaren = dag.year - self.geboortedatum.year
        if (dag.month, dag.day) < (self.geboortedatum.month, self.geboortedatum.day):
            jaren -= 1
        return jaren


class Huishouden(VersieModel, BaseModel):
    """A household; members come and go over time (HuishoudenLid). One resident alone is one too."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="huishoudens")
    naam = models.CharField(
        max_length=200, blank=True, help_text="Werknaam, bijvoorbeeld 'Huishouden Jansen'."
    )

    class Meta:
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"

    def __str__(self) -> str:
        return self.naam or f"Huishouden {self.pk}"


class HuishoudenLid(BaseModel):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="leden")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="lidmaatschappen")
    relatie = models.CharField(max_length=20, choices=Relatie.choices)
    lid_van = models.DateField("lid vanaf")
    lid_tot = models.DateField(
        "lid tot",
        null=True,
        blank=True,
        help_text="Leeg zolang de inwoner deel uitmaakt van het huishouden.",
    )

    class Meta:
        verbose_name = "lid van een huishouden"
        verbose_name_plural = "leden van huishoudens"
        ordering = ["lid_van", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lid_tot__isnull=True) | Q(lid_tot__gte=F("lid_van")),
                name="huishoudenlid_periode_geldig",
                violation_error_message="'Lid tot' ligt voor 'lid vanaf'.",
            ),
        ]
        indexes = [models.Index(fields=["inwoner", "lid_tot"], name="huishoudenlid_inwoner_idx")]

    def __str__(self) -> str:
        return f"{self.inwoner} in {self.huishouden} ({self.get_relatie_display()})"

    def actief_op(self, dag: dt.date) -> bool:
        return self.lid_van <= dag and (self.lid_tot is None or self.lid_tot > dag)


class Netwerkpersoon(BaseModel):
    """Someone in a resident's network: mantelzorger, relative, neighbour, representative."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="netwerk")
    soort = models.CharField(max_length=20, choices=NetwerkSoort.choices)
    naam = models.CharField(max_length=200)
    relatie = models.CharField(
        max_length=100,
        blank=True,
        help_text="In eigen woorden, bijvoorbeeld 'dochter' of 'buurvrouw'.",
    )
    telefoon = models.CharField(max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    als_inwoner = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="netwerk_van",
        help_text="Als deze persoon zelf inwoner van de gemeente is.",
    )
    sinds = models.DateField(null=True, blank=True)
    tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "netwerkpersoon"
        verbose_name_plural = "netwerkpersonen"
        ordering = ["soort", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_soort_display()})"
