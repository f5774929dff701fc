"""Gemeente (municipality), wijken, teams and medewerkers (staff)."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from eenplan.common.models import BaseModel
from eenplan.gemeente.constants import Onderdeel, Rol, TeamSoort, Verzendkanaal, VerzoekStatus


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
    # Letterhead and the bezwaar clause of every letter (issue 10): where the resident writes,
    # calls, mails and files a bezwaar. Blank fields are left out of the letter.
    bezoekadres = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld 'Hanzeplein 1, 5911 AM Venlo'."
    )
    postadres = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld 'Postbus 3434, 5902 RK Venlo'."
    )
    telefoon = models.CharField(max_length=30, blank=True, help_text="Bijvoorbeeld '14 077'.")
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField(blank=True)
    bezwaar_url = models.URLField(
        "digitaal bezwaar",
        blank=True,
        help_text="De pagina waar een inwoner digitaal bezwaar maakt (met DigiD).",
    )
    # Stored as data (not a file on a disk that a second server or a restore lacks): a PNG
    # without transparency, made by `common.pdf.logo_normaliseren` from the upload.
    logo = models.BinaryField("logo", blank=True, editable=False, default=b"")
    # Which channels a sent letter goes through (ADR 0021): a comma-separated list of
    # `Verzendkanaal` values; at least one that delivers the letter itself (post, Berichtenbox).
    verzendkanalen = models.CharField(
        "verzendkanalen",
        max_length=100,
        default=Verzendkanaal.POST,
        help_text="Hoe een verzonden brief de inwoner bereikt.",
    )

    # Each municipality of a region in one installation shows its own house style (issue 16):
    # an NL Design System theme, its CSS under the static files and the class on <html>.
    # Blank: the installation's EENPLAN_THEME_CSS / EENPLAN_THEME_CLASS.
    thema_css = models.CharField(
        "thema (CSS)",
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9][a-z0-9_./-]*\.css$",
                "Een pad onder de statische bestanden dat eindigt op .css, bijvoorbeeld "
                "'nlds/theme/theme.css'.",
            )
        ],
        help_text="Het statische pad van het NL Design System-thema van deze gemeente.",
    )
    thema_klasse = models.CharField(
        "themaklasse",
        max_length=100,
        blank=True,
        validators=[RegexValidator(r"^[a-z][a-z0-9-]*$", "Alleen kleine letters, cijfers en -.")],
        help_text="De CSS-klasse van het thema, bijvoorbeeld 'voorbeeld-theme'.",
    )

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def kanalen(self) -> list[str]:
        """The configured send channels, in the order they run."""
        return [k for k in self.verzendkanalen.split(",") if k]


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
    """A staff member of one municipality: the person behind a login there, with teams,
    role(s) and registration. A login of a regional team (an MGR such as Peel 6.1, issue 16)
    has one record per municipality it works for, each with that municipality's teams; the
    municipality chosen in the session decides which record acts
    (`gemeente.selectors.medewerker_for_user`, docs/decisions/0036-region-and-scale.md)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="medewerkers"
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
    lid_tot = models.DateField(
        "werkt voor deze gemeente tot",
        null=True,
        blank=True,
        help_text="Einde van het lidmaatschap van een regionale medewerker bij deze gemeente "
        "(issue 16): vanaf deze dag handelt de login hier niet meer.",
    )

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "gemeente"],
                name="medewerker_een_per_gemeente",
                violation_error_message="Deze login werkt al voor deze gemeente.",
            ),
        ]

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
    """A day declared equal to a general holiday by royal decree (Atw art. 3 lid 3), published
    in the Staatscourant. National data, shared by every municipality of the installation (no
    `gemeente`): the known decrees ship with rules.termijnen, rows here add a decree published
    since. A municipality's own closing day is not one of these and never moves a legal term
    (ADR 0022)."""

    datum = models.DateField(unique=True)
    omschrijving = models.CharField(max_length=200)
    bron = models.CharField(
        max_length=300, help_text="Het koninklijk besluit, bijvoorbeeld 'Stcrt. 2028, 12345'."
    )

    class Meta:
        verbose_name = "gelijkgestelde feestdag"
        verbose_name_plural = "gelijkgestelde feestdagen"
        ordering = ["datum"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a row of the role-change log."""


class WijzigingLogQuerySet(models.QuerySet["RolWijziging"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het wijzigingslog kan niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Het wijzigingslog kan niet worden verwijderd.")


class RolWijzigingVerzoek(BaseModel):
    """A role or team change that waits for a second functioneel beheerder (four eyes,
    EENPLAN_ROLWIJZIGING_VIER_OGEN). It takes effect only when someone else approves it."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="wijzigingsverzoeken"
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    wijziging = models.JSONField(help_text="De gevraagde nieuwe waarden.")
    samenvatting = models.TextField(help_text="Wat er verandert: oud → nieuw.")
    status = models.CharField(
        max_length=20, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "wijzigingsverzoek (rol of team)"
        verbose_name_plural = "wijzigingsverzoeken (rollen en teams)"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=Q(status="open"),
                name="een_open_wijzigingsverzoek_per_medewerker",
            ),
            # Four eyes in the database too: nobody approves their own request.
            models.CheckConstraint(
                condition=~Q(status="goedgekeurd") | ~Q(beoordeeld_door=F("aangevraagd_door")),
                name="wijzigingsverzoek_vier_ogen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker}: {self.samenvatting}"


class RolWijziging(models.Model):
    """One change to who may do what: a medewerker's role, extra roles, teams, registration or
    account, or a team's wijken. Who changed whom, what, old → new, when. Append-only, like the
    access log (ADR 0004)."""

    moment = models.DateTimeField(auto_now_add=True, db_index=True)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="Leeg: door het systeem (demo, installatie).",
    )
    door_gebruikersnaam = models.CharField(max_length=150)
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    onderdeel = models.CharField(max_length=20, choices=Onderdeel.choices)
    oud = models.TextField(blank=True)
    nieuw = models.TextField(blank=True)
    verzoek = models.ForeignKey(
        RolWijzigingVerzoek, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    objects = WijzigingLogQuerySet.as_manager()

    class Meta:
        verbose_name = "rol- of teamwijziging"
        verbose_name_plural = "wijzigingslog rollen en teams"
        ordering = ["-moment", "-id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        wie = self.medewerker or self.team
        return f"{self.moment:%d-%m-%Y %H:%M} {self.door_gebruikersnaam}: {wie} {self.onderdeel}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Het wijzigingslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het wijzigingslog kan niet worden verwijderd.")


class InstellingQuerySet(models.QuerySet["Instelling"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een instelling wordt nooit overschreven: sla een nieuwe versie op.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Een instelling wordt nooit verwijderd: de geschiedenis blijft.")


class Instelling(models.Model):
    """One version of a municipal setting (issue 10): the ladder's steps, the lawfulness rule,
    the contribution exemptions or the wording, from `geldig_vanaf`, with its source. A change
    is a new row with the next `versie`; rows are never changed or deleted, so what applied on
    any day can always be told (`gemeente.selectors.instellingen_op`). The value is JSON that
    `rules.instellingen` checks and reads."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="instellingen")
    onderwerp = models.CharField(
        max_length=20,
        choices=[
            ("ladder", "Stappen van de ladder"),
            ("rechtmatigheid", "Rechtmatigheidstoets"),
            ("eigen_bijdrage", "Vrijstellingen eigen bijdrage"),
            ("teksten", "Teksten"),
        ],
    )
    versie = models.PositiveIntegerField()
    geldig_vanaf = models.DateField()
    waarde = models.JSONField()
    bron = models.CharField(
        max_length=300,
        help_text="Waar de keuze staat, bijvoorbeeld 'Verordening maatschappelijke "
        "ondersteuning 2026, art. 12' of 'Besluit college 3 maart 2026'.",
    )
    toelichting = models.TextField(blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moment = models.DateTimeField(auto_now_add=True)

    objects = InstellingQuerySet.as_manager()

    class Meta:
        verbose_name = "gemeentelijke instelling"
        verbose_name_plural = "gemeentelijke instellingen"
        ordering = ["gemeente", "onderwerp", "-versie"]
        default_permissions = ("view", "add")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "onderwerp", "versie"], name="instelling_versie_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_onderwerp_display()} versie {self.versie} vanaf {self.geldig_vanaf}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(
                "Een instelling wordt nooit overschreven: sla een nieuwe versie op."
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een instelling wordt nooit verwijderd: de geschiedenis blijft.")


class Sessie(AbstractBaseSession):
    """A session (Django's database session, `SESSION_ENGINE = "eenplan.gemeente.sessies"`) with
    the login and the municipality chosen in it as columns next to the encoded data (ADR 0054).

    They let the staff login's query read the session in the same round trip
    (`gemeente.selectors.actor_bij_sessie`). They are hints, written from the same data on
    every save: the login is still decided by Django's `auth.get_user` from the decoded data
    and its session hash, and a read row is used only when its login and municipality equal
    the decoded ones (`gemeente.backends.MedewerkerBackend`)."""

    gebruiker_id = models.IntegerField(null=True, blank=True)
    gemeente_keuze = models.IntegerField(null=True, blank=True)

    class Meta(AbstractBaseSession.Meta):
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    @classmethod
    def get_session_store_class(cls) -> Any:
        from eenplan.gemeente.sessies import SessionStore

        return SessionStore
