"""Gemeente (municipality), wijken, teams and medewerkers (staff)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from eenplan.common.models import BaseModel
from eenplan.gemeente.constants import Rol, TeamSoort


class Gemeente(BaseModel):
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(
                r"^GM\d{4}$", "Een CBS-gemeentecode is 'GM' met vier cijfers, bijvoorbeeld GM0983."
            )
        ],
    )
    naam = models.CharField(max_length=100)

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Wijk(BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="wijken")
    code = models.CharField(max_length=10, help_text="CBS-wijkcode, bijvoorbeeld WK098301.")
    naam = models.CharField(max_length=100)

    class Meta:
        verbose_name = "wijk"
        verbose_name_plural = "wijken"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "code"], name="wijk_code_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam


class Team(BaseModel):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="teams")
    naam = models.CharField(max_length=100)
    soort = models.CharField(max_length=20, choices=TeamSoort.choices)
    wijken = models.ManyToManyField(
        Wijk, related_name="teams", blank=True, help_text="De wijken waarvoor dit team werkt."
    )

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Medewerker(BaseModel):
    """A staff member: the person behind a login, with teams, role(s) and registration."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="medewerker"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="medewerkers")
    teams = models.ManyToManyField(Team, related_name="medewerkers", blank=True)
    functie = models.CharField(
        max_length=20,
        choices=Rol.choices,
        help_text="Hoofdrol; bepaalt de startpagina en het standaarddoel.",
    )
    expertises = models.CharField(
        max_length=200, blank=True, help_text="Komma-gescheiden, bijvoorbeeld 'schulden,ggz'."
    )
    registratienummer = models.CharField(
        max_length=20,
        blank=True,
        help_text="SKJ- of BIG-registratie; verplicht voor jeugdprofessionals.",
    )
    registratie_geldig_tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def clean(self) -> None:
        """A jeugdprofessional has a registration (SKJ/BIG) with an end date (seed 000 L338-340)."""
        if self.functie == Rol.JEUGDPROFESSIONAL and not (
            self.registratienummer and self.registratie_geldig_tot
        ):
            raise ValidationError(
                {
                    "registratienummer": "Een jeugdprofessional heeft een registratienummer "
                    "(SKJ/BIG) en een einddatum van de registratie."
                }
            )

    def registratie_geldig_op(self, dag: dt.date) -> bool:
        """Youth cases go only to professionals with a registration valid that day.

        Source: seed 000 L338-340 (Jeugdwet: norm van de verantwoorde werktoedeling).
        """
        return bool(self.registratienummer) and (
            self.registratie_geldig_tot is not None and self.registratie_geldig_tot >= dag
        )


class GelijkgesteldeFeestdag(BaseModel):
    """A day declared equal to a general holiday by royal decree (Atw art. 3 lid 3), kept as
    data the municipality can extend. The known decrees ship with rules.termijnen; rows here
    add to them."""

    datum = models.DateField(unique=True)
    omschrijving = models.CharField(max_length=200)
    bron = models.CharField(max_length=300, help_text="Het besluit, bijvoorbeeld 'Stb. 2026, 12'.")

    class Meta:
        verbose_name = "gelijkgestelde feestdag"
        verbose_name_plural = "gelijkgestelde feestdagen"
        ordering = ["datum"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"
