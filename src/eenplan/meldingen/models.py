"""Meldingen: the front door. A melding starts the legal clock (Wmo 2015 art. 2.3.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente, Medewerker, Team
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.meldingen.constants import (
    Domein,
    Doorzetting,
    Kanaal,
    MelderSoort,
    Status,
    Urgentie,
)
from eenplan.privacy.models import DossierToegang


class Melding(VersieModel, BaseModel):
    # The foreign keys gemeente, inwoner, huishouden, team and medewerker have no index of their
    # own: each leads a composite index below (Meta.indexes), which serves every lookup by the
    # key alone as well (issue 16: one index entry less per write on the busiest table).
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="meldingen", db_index=False
    )
    inwoner = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        db_index=False,
    )
    onbekende_persoon = models.CharField(
        max_length=300,
        blank=True,
        help_text="Als de inwoner nog niet bekend is: wat er bekend is om hem of haar te vinden.",
    )
    huishouden = models.ForeignKey(
        Huishouden,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        db_index=False,
    )
    melder_soort = models.CharField("melder", max_length=20, choices=MelderSoort.choices)
    melder_naam = models.CharField(max_length=200, blank=True)
    melder_contact = models.CharField(max_length=200, blank=True)
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    wmo = models.BooleanField("Wmo", default=False)
    jeugd = models.BooleanField(default=False)
    participatie = models.BooleanField(default=False)
    schulden = models.BooleanField(default=False)
    overig = models.BooleanField(default=False)
    urgentie = models.CharField(max_length=20, choices=Urgentie.choices, default=Urgentie.NORMAAL)
    veiligheid = models.BooleanField(
        "zorgen over veiligheid",
        default=False,
        help_text="Signaal voor Veilig Thuis / Zorg- en Veiligheidshuis (meldcode).",
    )
    vraag = models.TextField(help_text="De vraag in de woorden van de melder.")
    persoonlijk_plan = models.TextField(
        blank=True,
        help_text="Het persoonlijk plan van de inwoner, als die het meestuurde (Wmo 2015 art. "
        "2.3.2 lid 2).",
    )
    ontvangen_op = models.DateField()
    onderzoek_uiterlijk = models.DateField(
        null=True,
        blank=True,
        help_text="Zes weken na de melding (Wmo 2015 art. 2.3.2 lid 1, Atw); leeg zolang de "
        "termijn is opgeschort.",
    )
    persoonlijk_plan_uiterlijk = models.DateField(
        null=True, blank=True, help_text="Zeven dagen voor een persoonlijk plan (art. 2.3.2 lid 2)."
    )
    onderzoek_afgerond_op = models.DateField(
        null=True,
        blank=True,
        help_text="De dag waarop het verslag van het onderzoek definitief werd: de termijn van "
        "het onderzoek is dan gehaald.",
    )
    ontvangstbevestiging_op = models.DateField(null=True, blank=True)
    wettelijke_verwijzing = models.BooleanField(
        default=False,
        help_text="Verwijzing voor jeugdhulp door arts, GI of rechter: de gemeente volgt die "
        "(Jeugdwet art. 2.6 lid 1 onder g; art. 3.5).",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GEREGISTREERD)
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        db_index=False,
    )
    medewerker = models.ForeignKey(
        Medewerker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        db_index=False,
        help_text="Het vaste contactpersoon van de inwoner voor deze melding.",
    )
    antwoord = models.TextField(blank=True, help_text="Bij direct beantwoorden: wat er is gezegd.")
    doorgezet_naar = models.CharField(max_length=20, choices=Doorzetting.choices, blank=True)
    doorgezet_organisatie = models.CharField(max_length=200, blank=True)
    gekoppeld_aan = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="gekoppeld"
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-ontvangen_op", "-id"]
        permissions = [
            ("screen_melding", "Meldingen screenen, doorzetten en koppelen"),
            ("assign_melding", "Meldingen toewijzen aan een medewerker"),
            ("suspend_melding", "De termijn van een melding opschorten"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(inwoner__isnull=False) | ~Q(onbekende_persoon=""),
                name="melding_inwoner_of_omschrijving",
                violation_error_message="Kies een inwoner of beschrijf de onbekende persoon.",
            ),
            models.CheckConstraint(
                condition=Q(onderzoek_uiterlijk__isnull=True)
                | Q(onderzoek_uiterlijk__gt=F("ontvangen_op")),
                name="melding_termijn_na_ontvangst",
            ),
        ]
        indexes = [
            models.Index(
                fields=["gemeente", "status", "onderzoek_uiterlijk"],
                name="melding_werkvoorraad_idx",
            ),
            models.Index(fields=["medewerker", "status"], name="melding_medewerker_idx"),
            models.Index(fields=["team", "status"], name="melding_team_idx"),
            models.Index(fields=["inwoner", "status"], name="melding_inwoner_idx"),
            models.Index(fields=["huishouden", "status"], name="melding_huishouden_idx"),
            # The retention worklist's first cut: closed meldingen unchanged since a date.
            models.Index(fields=["gemeente", "updated_at"], name="melding_gewijzigd_idx"),
        ]

    def __str__(self) -> str:
        return f"Melding {self.pk} van {self.ontvangen_op:%d-%m-%Y}"

    @property
    def domeinen(self) -> list[str]:
        return [d.label for d in Domein if getattr(self, d.value)]

    @property
    def onderwerp(self) -> str:
        return self.inwoner.naam if self.inwoner_id else f"Onbekend: {self.onbekende_persoon}"


class MeldingGebeurtenis(models.Model):
    """History of a melding: every status change, assignment, suspension and link, with who
    and when. Append-only, like the access log."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="gebeurtenissen")
    moment = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(max_length=30)
    van_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toelichting = models.TextField(blank=True)
    # A working note of staff: internal unless marked shared with the resident (issue 13).
    gedeeld = models.BooleanField("gedeeld met de inwoner", default=False)

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "gebeurtenissen"
        ordering = ["moment", "id"]
        indexes = [
            models.Index(fields=["medewerker", "soort"], name="gebeurtenis_medewerker_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.moment:%d-%m-%Y %H:%M} {self.soort}"


class Opschorting(BaseModel):
    """A suspension of the onderzoek term, with its reason (Awb art. 4:15 by analogy; e.g.
    waiting for the resident's papers)."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="opschortingen")
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    reden = models.CharField(max_length=300)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["van", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="opschorting_periode_geldig",
            ),
            models.UniqueConstraint(
                fields=["melding"],
                condition=Q(tot__isnull=True),
                name="een_open_opschorting_per_melding",
                violation_error_message="De termijn is al opgeschort; beëindig die "
                "opschorting eerst.",
            ),
        ]

    def __str__(self) -> str:
        return f"Opgeschort vanaf {self.van:%d-%m-%Y}: {self.reden}"


class Toewijzing(BaseModel):
    """Who works on a melding, from when to when, with the dossier access that gives. One
    open assignment per melding: a reassignment ends the previous one and its access."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="toewijzingen")
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    dossiertoegang = models.OneToOneField(
        DossierToegang, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["melding", "van", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["melding"],
                condition=Q(tot__isnull=True),
                name="een_open_toewijzing_per_melding",
                violation_error_message="Deze melding is op hetzelfde moment aan iemand anders "
                "toegewezen; een melding heeft één contactpersoon.",
            ),
        ]

    def __str__(self) -> str:
        return f"Melding {self.melding_id} → {self.medewerker}"


class Notificatie(BaseModel):
    """A message to a team, e.g. a youth referral the municipality must follow."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="notificaties")
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="notificaties")
    tekst = models.CharField(max_length=300)
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "notificatie"
        verbose_name_plural = "notificaties"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.tekst
