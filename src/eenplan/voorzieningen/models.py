"""The catalogue of voorzieningen (maatwerk with iWmo/iJw codes) and the sociale kaart."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models

from eenplan.common.constants import Wet
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.onderzoeken.models import Leefgebied
from eenplan.voorzieningen.constants import (
    BijdrageCategorie,
    BijdrageSoort,
    Leveringsvorm,
    Uitvoeringsvariant,
    VoorzieningSoort,
)


class CodelijstWaarde(models.Model):
    """A value of an iWmo/iJw code list (WMO020, JZ020, WJ756, WMO757), versioned, with source."""

    codelijst = models.CharField(max_length=10)
    versie = models.CharField(max_length=10)
    code = models.CharField(max_length=10)
    omschrijving = models.CharField(max_length=300)
    bron = models.CharField(max_length=300)

    class Meta:
        verbose_name = "codelijstwaarde"
        verbose_name_plural = "codelijstwaarden"
        ordering = ["codelijst", "versie", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["codelijst", "versie", "code"], name="codelijstwaarde_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.codelijst} {self.code} {self.omschrijving}"


class Doelgroep(models.Model):
    """Who a provision of the sociale kaart is for: one national list (migration
    0007_doelgroepen), so the public page, the portal and the open-data export filter on the same
    words. The free text `Voorziening.doelgroep` says it in the provider's own words."""

    code = models.SlugField(max_length=30, unique=True)
    naam = models.CharField(max_length=100)
    volgorde = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.naam


class Voorziening(BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="voorzieningen")
    naam = models.CharField(max_length=200)
    soort = models.CharField(max_length=20, choices=VoorzieningSoort.choices)
    wet = models.CharField(max_length=20, choices=Wet.choices)
    omschrijving = models.TextField(blank=True)
    # Maatwerk: the iWmo/iJw coding.
    productcategorie = models.CharField(
        max_length=2, blank=True, help_text="WMO020 of JZ020, bijvoorbeeld 01."
    )
    productcode = models.CharField(max_length=5, blank=True)
    eenheid = models.CharField(max_length=2, blank=True, help_text="WJ756, bijvoorbeeld 04 (uur).")
    frequentie = models.CharField(max_length=1, blank=True, help_text="WMO757, bijv. 2 (week).")
    uitvoeringsvariant = models.CharField(
        max_length=20, choices=Uitvoeringsvariant.choices, blank=True
    )
    pgb_mogelijk = models.BooleanField(default=False)
    eigen_bijdrage = models.CharField(
        max_length=20, choices=BijdrageSoort.choices, default=BijdrageSoort.ABONNEMENT
    )
    kostprijs_per_maand = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )
    categorie = models.CharField(
        "categorie (eigen bijdrage)",
        max_length=20,
        choices=BijdrageCategorie.choices,
        default=BijdrageCategorie.OVERIG,
        blank=True,
        help_text="Voor een rolstoel vraagt de gemeente geen eigen bijdrage (landelijk); "
        "collectief vervoer, woningaanpassingen en hulpmiddelen kan de gemeente vrijstellen.",
    )
    # Sociale kaart (algemene voorzieningen).
    organisatie = models.CharField(max_length=200, blank=True)
    adres = models.CharField(max_length=300, blank=True)
    wijken = models.ManyToManyField(
        Wijk, blank=True, related_name="voorzieningen", help_text="Leeg: voor de hele gemeente."
    )
    leefgebieden = models.ManyToManyField(Leefgebied, blank=True, related_name="voorzieningen")
    doelgroep = models.CharField("voor wie (in eigen woorden)", max_length=200, blank=True)
    doelgroepen = models.ManyToManyField(Doelgroep, blank=True, related_name="voorzieningen")
    prijs = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    prijs_toelichting = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld 'per dag, inclusief maaltijd'."
    )
    openingstijden = models.CharField(max_length=300, blank=True)
    telefoon = models.CharField(
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()-]{5,28}$",
                "Vul een telefoonnummer in met cijfers, bijvoorbeeld 077 123 45 67.",
            )
        ],
    )
    website = models.URLField(
        max_length=300,
        blank=True,
        error_messages={"invalid": "Vul een webadres in, bijvoorbeeld https://www.voorbeeld.nl."},
    )
    email = models.EmailField(
        "e-mail",
        blank=True,
        error_messages={"invalid": "Vul een e-mailadres in, bijvoorbeeld info@voorbeeld.nl."},
    )
    zoektekst = models.TextField(editable=False, blank=True)
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "voorziening"
        verbose_name_plural = "voorzieningen"
        ordering = ["soort", "naam"]
        indexes = [
            models.Index(fields=["gemeente", "soort", "actief"], name="voorziening_soort_idx")
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_maatwerk(self) -> bool:
        return self.soort != VoorzieningSoort.ALGEMEEN


class Tarief(BaseModel):
    """A dated tariff per unit and leveringsvorm with its source: the PGB tariffs. A tariff in kind
    (ZIN) belongs to a contract with a provider (`aanbieders.ContractProduct`); the old ZIN rows
    with a free-text provider moved there (aanbieders migration 0002)."""

    voorziening = models.ForeignKey(Voorziening, on_delete=models.PROTECT, related_name="tarieven")
    leveringsvorm = models.CharField(max_length=3, choices=Leveringsvorm.choices)
    geldig_vanaf = models.DateField()
    bedrag = models.DecimalField(max_digits=10, decimal_places=2)
    bron = models.CharField(max_length=300)

    class Meta:
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"
        ordering = ["voorziening", "leveringsvorm", "-geldig_vanaf"]

    def __str__(self) -> str:
        return f"{self.voorziening} {self.leveringsvorm} € {self.bedrag} vanaf {self.geldig_vanaf}"


class AbonnementstariefGegeven(BaseModel):
    """A year's abonnementstarief entered as data once verified at the source (Uitvoeringsbesluit
    Wmo 2015 art. 3.8); added to the years that ship with rules.eigen_bijdrage."""

    geldig_vanaf = models.DateField(unique=True)
    bedrag = models.DecimalField(max_digits=6, decimal_places=2)
    periode = models.CharField(
        max_length=10, choices=[("maand", "per maand"), ("4 weken", "per 4 weken")]
    )
    bron = models.CharField(max_length=300)

    class Meta:
        verbose_name = "abonnementstarief"
        verbose_name_plural = "abonnementstarieven"
        ordering = ["geldig_vanaf"]

    def __str__(self) -> str:
        return f"€ {self.bedrag} {self.get_periode_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}"


class Synoniem(BaseModel):
    """Words that mean the same on the sociale kaart of one municipality ("schulden, geldzorgen,
    schuldhulp"): a search for one of them also finds the others. Municipal data, kept by the
    functioneel beheerder."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    woorden = models.CharField(
        max_length=300, help_text="Woorden met dezelfde betekenis, gescheiden door komma's."
    )

    class Meta:
        verbose_name = "synoniemen (sociale kaart)"
        verbose_name_plural = "synoniemen (sociale kaart)"
        ordering = ["woorden"]

    def __str__(self) -> str:
        return self.woorden

    @property
    def lijst(self) -> list[str]:
        return [w.strip() for w in self.woorden.split(",") if w.strip()]
