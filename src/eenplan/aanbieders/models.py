"""Aanbieders (providers of zorg in natura) and their contracts with the municipality.

An Aanbieder is identified in the iWmo/iJw traffic by its AGB code (8 digits). A Contract is a
raamovereenkomst, or a deelovereenkomst under one; it says for which period the provider may
deliver which products (ContractProduct, with the tariff per unit per period) under which
execution variant and financing form. Contract documents are kept with the contract.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from eenplan.aanbieders.constants import ContractSoort, Financieringsvorm, Uitvoeringsvariant
from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.istandaarden.agb import AGB_FOUT

TELEFOON = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,28}$",
    "Vul een telefoonnummer in met cijfers, bijvoorbeeld 077 123 45 67.",
)


class Aanbieder(VersieModel, BaseModel):
    """A provider. ``agb_code`` is empty only for providers taken over from the old free text
    (migration 0002): they are listed on the beheer page as "AGB-code ontbreekt" until someone
    fills it in; no message can be sent to them before that."""

    naam = models.CharField(max_length=200)
    agb_code = models.CharField(
        "AGB-code",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", AGB_FOUT)],
        help_text="8 cijfers (iWmo/iJw: LDT_AgbCode). Leeg alleen als hij nog onbekend is.",
    )
    contactpersoon = models.CharField(max_length=200, blank=True)
    telefoon = models.CharField(max_length=30, blank=True, validators=[TELEFOON])
    email = models.EmailField(
        "e-mail",
        blank=True,
        error_messages={"invalid": "Vul een e-mailadres in, bijvoorbeeld info@voorbeeld.nl."},
    )
    adres = models.CharField(max_length=300, blank=True)
    actief = models.BooleanField(default=True)
    toelichting = models.TextField(blank=True)
    zoektekst = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agb_code"],
                condition=~Q(agb_code=""),
                name="aanbieder_agb_uniek",
                violation_error_message="Er is al een aanbieder met deze AGB-code.",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def agb_ontbreekt(self) -> bool:
        return not self.agb_code


class Contract(VersieModel, BaseModel):
    """A raamovereenkomst (no ``hoofdcontract``) or a deelovereenkomst under one."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="contracten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="contracten")
    hoofdcontract = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deelovereenkomsten",
        help_text="Leeg voor een raamovereenkomst; de raamovereenkomst voor een deelovereenkomst.",
    )
    kenmerk = models.CharField(max_length=50, help_text="Het contractnummer.")
    omschrijving = models.CharField(max_length=300, blank=True)
    begin = models.DateField()
    einde = models.DateField(null=True, blank=True, help_text="Leeg: voor onbepaalde tijd.")
    uitvoeringsvariant = models.CharField(max_length=20, choices=Uitvoeringsvariant.choices)
    financieringsvorm = models.CharField(max_length=20, choices=Financieringsvorm.choices)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        ordering = ["aanbieder__naam", "-begin", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "kenmerk"],
                name="contract_kenmerk_uniek",
                violation_error_message="Er is al een contract met dit kenmerk.",
            ),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=models.F("begin")),
                name="contract_einde_na_begin",
                violation_error_message="Het einde ligt niet voor het begin.",
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "begin", "einde"], name="contract_periode_idx")]

    def __str__(self) -> str:
        return f"{self.kenmerk} {self.aanbieder}"

    @property
    def soort(self) -> str:
        return (
            ContractSoort.DEELOVEREENKOMST
            if self.hoofdcontract_id
            else ContractSoort.RAAMOVEREENKOMST
        )

    def get_soort_display(self) -> str:
        return ContractSoort(self.soort).label

    def geldig_op(self, dag: dt.date) -> bool:
        return self.begin <= dag and (self.einde is None or dag <= self.einde)


class ContractProduct(BaseModel):
    """A product the provider may deliver under the contract, with its tariff per unit from
    ``geldig_vanaf`` (to ``geldig_tot``, or open). A new tariff period is a new row."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="producten")
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening", on_delete=models.PROTECT, related_name="contractproducten"
    )
    productcategorie = models.CharField(max_length=2, help_text="WMO020 of JZ020.")
    productcode = models.CharField(max_length=5, blank=True)
    tarief = models.DecimalField(max_digits=10, decimal_places=2)
    eenheid = models.CharField(max_length=2, help_text="WJ756, bijvoorbeeld 04 (uur).")
    geldig_vanaf = models.DateField()
    geldig_tot = models.DateField(null=True, blank=True)
    bron = models.CharField(max_length=300, help_text="Waar het tarief vandaan komt.")

    class Meta:
        verbose_name = "product in een contract"
        verbose_name_plural = "producten in contracten"
        ordering = ["contract", "productcategorie", "productcode", "-geldig_vanaf", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "voorziening", "geldig_vanaf"],
                name="contractproduct_periode_uniek",
                violation_error_message="Dit product heeft in dit contract al een tarief vanaf "
                "deze datum.",
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="contractproduct_tot_na_vanaf",
                violation_error_message="Het einde van het tarief ligt niet voor het begin.",
            ),
            models.CheckConstraint(
                condition=Q(tarief__gte=0),
                name="contractproduct_tarief_niet_negatief",
                violation_error_message="Een tarief is niet negatief.",
            ),
        ]
        indexes = [
            models.Index(fields=["voorziening", "geldig_vanaf"], name="contractproduct_vz_idx")
        ]

    def __str__(self) -> str:
        return (
            f"{self.productcategorie}{self.productcode} € {self.tarief} vanaf {self.geldig_vanaf}"
        )


class ContractDocument(BaseModel):
    """A document of a contract (the signed agreement, an annex, a tariff sheet), kept in the
    database with its checksum so a backup holds it and nothing points at a lost file."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="documenten")
    titel = models.CharField(max_length=200)
    bestandsnaam = models.CharField(max_length=255)
    mime_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "contractdocument"
        verbose_name_plural = "contractdocumenten"
        ordering = ["contract", "-created_at", "id"]

    def __str__(self) -> str:
        return self.titel
