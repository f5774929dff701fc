"""A task (`Taak`): one piece of long work of a registered kind, for one municipality, started
by a staff member or by the system, with its progress, outcome and optional result file
(`TaakBestand`, kept apart so lists never read the bytes). Written only by
`taken.services` (status changes are conditional updates: two workers never run one task)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eenplan.common.models import BaseModel
from eenplan.taken.constants import TaakStatus

STIL_MINUTEN = 5  # a running task without progress this long is shown as quiet (`Taak.stil`)


class Taak(BaseModel):
    soort = models.CharField(max_length=60, help_text="De geregistreerde soort (registry).")
    gemeente = models.ForeignKey("gemeente.Gemeente", on_delete=models.PROTECT, related_name="+")
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg: gestart door het systeem (de mapkoppeling, een geplande taak).",
    )
    status = models.CharField(
        max_length=10, choices=TaakStatus.choices, default=TaakStatus.WACHTEND
    )
    gedaan = models.PositiveIntegerField(default=0)
    totaal = models.PositiveIntegerField(default=0, help_text="0: nog onbekend.")
    stap = models.CharField(
        max_length=200, blank=True, help_text="De huidige stap, in het Nederlands."
    )
    params = models.JSONField(
        default=dict, blank=True, help_text="Invoer: alleen ids en keuzes, geen persoonsgegevens."
    )
    resultaat = models.JSONField(
        default=dict, blank=True, help_text="Samenvatting van de uitkomst."
    )
    fout = models.TextField(blank=True, help_text="Uitleg voor de gebruiker; nooit een traceback.")
    herkomst = models.CharField(
        max_length=300, blank=True, help_text="De pagina waar de taak werd gestart."
    )
    begonnen = models.DateTimeField(null=True, blank=True)
    klaar = models.DateTimeField(null=True, blank=True)
    wachtrij_id = models.CharField(
        max_length=64, blank=True, help_text="Id van het django-tasks-resultaat."
    )
    bestand_naam = models.CharField(max_length=200, blank=True)
    bestand_type = models.CharField(max_length=100, blank=True)
    bestand_grootte = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["-created_at", "-id"]
        indexes = [
            # "Mijn taken": the login's tasks in the municipality it works for, newest first.
            models.Index(
                fields=["gemeente", "gestart_door", "-created_at"], name="taak_mijn_idx"
            ),
            # The system's tasks of a kind (the message batches on the berichten page).
            models.Index(fields=["gemeente", "soort", "-created_at"], name="taak_soort_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TaakStatus.values), name="taak_status_geldig"
            ),
            models.CheckConstraint(
                condition=Q(totaal=0) | Q(gedaan__lte=models.F("totaal")),
                name="taak_gedaan_niet_boven_totaal",
            ),
        ]

    def __str__(self) -> str:
        return f"Taak {self.pk} ({self.soort})"

    @property
    def aangemaakt(self) -> dt.datetime:
        return self.created_at

    @property
    def open(self) -> bool:
        return self.status in (TaakStatus.WACHTEND, TaakStatus.BEZIG)

    @property
    def stil(self) -> bool:
        """Running, but no progress written for five minutes: shown, so that the user knows;
        after `services.VASTGELOPEN_MINUTEN` the task is ended as interrupted."""
        return self.status == TaakStatus.BEZIG and self.updated_at < timezone.now() - dt.timedelta(
            minutes=STIL_MINUTEN
        )

    @property
    def percentage(self) -> int | None:
        """0-100 when the total is known, else None (an indeterminate bar)."""
        if self.status == TaakStatus.KLAAR:
            return 100
        if not self.totaal:
            return None
        return min(100, self.gedaan * 100 // self.totaal)


class TaakBestand(models.Model):
    """The downloadable result of a task (an export's CSV or XML): bytes in the database, like
    the message files and contract documents, so a backup holds them and no MEDIA is needed."""

    taak = models.OneToOneField(Taak, on_delete=models.CASCADE, primary_key=True, related_name="+")
    inhoud = models.BinaryField()

    class Meta:
        verbose_name = "resultaatbestand van een taak"
        verbose_name_plural = "resultaatbestanden van taken"

    def __str__(self) -> str:
        return f"Bestand van taak {self.taak_id}"
