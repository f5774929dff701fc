"""A resident's rights under the AVG (requests with their term and outcome) and the
retention and destruction of records (retention periods as dated data with their source,
legal holds, destruction lists that are the destruction record).

The app sits above every domain app (it reads a person's whole record for an inzage and
destroys records whose period has run): see docs/decisions/0038-avg-rights-retention-backup.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from eenplan.avg.constants import (
    BewaarplichtSoort,
    IngediendVia,
    LijstStatus,
    VerzoekSoort,
    VerzoekStatus,
    Waardering,
    Weigeringsgrond,
)
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner


class AvgVerzoek(BaseModel):
    """A request of a resident under AVG art. 15, 16, 17 (with Jeugdwet art. 7.3.9 and Wmo 2015
    art. 5.3.5), 18 or 21,
    with its term (art. 12 lid 3: one month, once extendable by two) and its outcome. Kept
    after a destruction it asked for: it is the record of how the request was handled."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="avg_verzoeken")
    soort = models.CharField(max_length=20, choices=VerzoekSoort.choices)
    omschrijving = models.TextField(
        blank=True, help_text="Wat de inwoner vraagt, in de eigen woorden."
    )
    ontvangen_op = models.DateField()
    antwoord_uiterlijk = models.DateField(help_text="AVG art. 12 lid 3: een maand na ontvangst.")
    verlengd_op = models.DateField(null=True, blank=True)
    verlenging_reden = models.TextField(
        blank=True, help_text="Aan de inwoner meegedeeld binnen een maand (art. 12 lid 3)."
    )
    status = models.CharField(
        max_length=20, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN
    )
    uitkomst = models.TextField(blank=True, help_text="Het antwoord aan de inwoner.")
    # A request to destroy records (Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5): the last day to
    # destroy, the earliest of the laws' own terms or the answer term
    # (rules.avg.vernietigen_uiterlijk_voor), and the legal ground of a refusal (always given).
    vernietigen_uiterlijk = models.DateField(null=True, blank=True)
    weigeringsgrond = models.CharField(
        max_length=30, choices=Weigeringsgrond.choices, blank=True, default=""
    )
    afgehandeld_op = models.DateField(null=True, blank=True)
    ingediend_via = models.CharField(
        max_length=20, choices=IngediendVia.choices, default=IngediendVia.MEDEWERKER
    )
    # Rectification (art. 16): which datum, the value before and the value asked for. The old
    # value stays here and in the event history (`avg.gerectificeerd`).
    veld = models.CharField(max_length=40, blank=True)
    oude_waarde = models.CharField(max_length=300, blank=True)
    nieuwe_waarde = models.CharField(max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "AVG-verzoek"
        verbose_name_plural = "AVG-verzoeken"
        ordering = ["antwoord_uiterlijk", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(antwoord_uiterlijk__gt=F("ontvangen_op")),
                name="avgverzoek_termijn_na_ontvangst",
                violation_error_message="De antwoordtermijn ligt na de ontvangst.",
            ),
            models.CheckConstraint(
                condition=Q(status=VerzoekStatus.OPEN) | Q(afgehandeld_op__isnull=False),
                name="avgverzoek_afgehandeld_heeft_datum",
                violation_error_message="Een afgehandeld verzoek heeft een datum van afhandeling.",
            ),
            models.CheckConstraint(
                condition=~Q(soort=VerzoekSoort.VERNIETIGING, status=VerzoekStatus.AFGEWEZEN)
                | ~Q(weigeringsgrond=""),
                name="avgverzoek_weigering_vernietiging_heeft_grond",
                violation_error_message="Een afgewezen verzoek om vernietiging noemt de grond.",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status", "antwoord_uiterlijk"], name="avg_werk_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} van {self.inwoner} ({self.ontvangen_op:%d-%m-%Y})"

    @property
    def kenmerk(self) -> str:
        return f"AVG-{self.ontvangen_op:%Y}-{self.pk:06d}"


class Bewaartermijn(models.Model):
    """How long one kind of record is kept, from which date, as the selectielijst says: dated
    data with its source (category number and list), never a literal in code. The version in
    force on a day is the latest `geldig_van` on or before it."""

    soort = models.CharField(max_length=40, help_text="Het soort record (avg.bewaren.SOORTEN).")
    categorie = models.CharField(max_length=20, help_text="Categorie van de selectielijst.")
    omschrijving = models.CharField(max_length=200)
    waardering = models.CharField(max_length=20, choices=Waardering.choices)
    jaren = models.PositiveSmallIntegerField(default=0)
    maanden = models.PositiveSmallIntegerField(default=0)
    dagen = models.PositiveSmallIntegerField(default=0)
    ingang = models.CharField(max_length=200, help_text="Vanaf welke datum de termijn loopt.")
    bron = models.CharField(max_length=300)
    geldig_van = models.DateField()

    class Meta:
        verbose_name = "bewaartermijn"
        verbose_name_plural = "bewaartermijnen"
        ordering = ["soort", "-geldig_van"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "geldig_van"], name="bewaartermijn_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.soort}: {self.categorie} ({self.termijn_iso})"

    @property
    def termijn_iso(self) -> str:
        from eenplan.rules.avg import Termijn

        return Termijn(self.jaren, self.maanden, self.dagen).iso


class Bewaarplicht(BaseModel):
    """A legal hold on a resident's records: nothing of theirs is destroyed while it lasts
    (a beroep at the court, a claim, a restriction under AVG art. 18). Lifted, never deleted."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="bewaarplichten")
    soort = models.CharField(max_length=20, choices=BewaarplichtSoort.choices)
    reden = models.CharField(max_length=300)
    van = models.DateField()
    opgeheven_op = models.DateField(null=True, blank=True)
    verzoek = models.ForeignKey(
        AvgVerzoek, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "bewaarplicht"
        verbose_name_plural = "bewaarplichten"
        ordering = ["-van", "-id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.inwoner}"


class Vernietigingslijst(BaseModel):
    """A proposal to destroy the records whose retention period has run, and after approval by
    a second person the record of the destruction (Archiefwet 1995 art. 3 and 5; the
    verklaring van vernietiging, selectielijst 19.1.18: kept permanently). It names what was
    destroyed by kind, number and rule, never the resident's name."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=LijstStatus.choices, default=LijstStatus.VOORGESTELD
    )
    peildatum = models.DateField(help_text="De dag waarop de termijnen zijn berekend.")
    reden = models.CharField(
        max_length=300, default="De bewaartermijn volgens de selectielijst is verstreken."
    )
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vernietigd_op = models.DateTimeField(null=True, blank=True)
    afwijzing_reden = models.CharField(max_length=300, blank=True)
    # A destruction at the resident's request (Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5): the
    # number of the request, not a foreign key, so that the verklaring outlives the request and
    # the resident's dossier (a destruction of the dossier would otherwise take the list along
    # as a dependent row).
    avg_verzoek_nummer = models.BigIntegerField(
        null=True, blank=True, db_index=True, help_text="Het AVG-verzoek waarop vernietigd is."
    )

    class Meta:
        verbose_name = "vernietigingslijst"
        verbose_name_plural = "vernietigingslijsten"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Vernietigingslijst {self.pk} ({self.get_status_display()})"

    @property
    def wettelijke_grond(self) -> str:
        """For a list made on request: the articles its reason names ("Jeugdwet art. 7.3.9 lid
        1 en Wmo 2015 art. 5.3.5 lid 1 met AVG art. 17 lid 1"), for the verklaring."""
        _, _, grond = self.reden.partition("bewaartermijn: ")
        return grond.rstrip(".") or "AVG art. 17 lid 1"


class VernietigingsRegel(models.Model):
    """One record on a destruction list: its kind, number, the rule and the dates; and, once
    destroyed, how many rows of which tables went with it."""

    lijst = models.ForeignKey(Vernietigingslijst, on_delete=models.PROTECT, related_name="regels")
    soort = models.CharField(max_length=40)
    record_soort = models.CharField(max_length=60, help_text="Bijvoorbeeld 'bezwaren.klacht'.")
    record_id = models.BigIntegerField()
    kenmerk = models.CharField(max_length=60, help_text="Het zaaknummer, zonder naam.")
    bewaartermijn = models.ForeignKey(Bewaartermijn, on_delete=models.PROTECT, related_name="+")
    ingang = models.DateField()
    vernietigbaar_vanaf = models.DateField()
    vernietigd = models.JSONField(
        default=dict, blank=True, help_text="Per tabel het aantal vernietigde rijen."
    )
    niet_vernietigd = models.CharField(
        max_length=300,
        blank=True,
        default="",
        help_text="Waarom dit item bij de uitvoering niet is vernietigd (nog in gebruik).",
    )

    class Meta:
        verbose_name = "regel van een vernietigingslijst"
        verbose_name_plural = "regels van vernietigingslijsten"
        ordering = ["lijst", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lijst", "record_soort", "record_id"], name="vernietigingsregel_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.soort})"
