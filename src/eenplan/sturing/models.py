"""Dated snapshots of the indicators (issue 12): the value of every indicator in one month, as it
was computed then, so a trend survives later corrections of the dossiers. A snapshot can be
recomputed (`services.momentopname_take(..., opnieuw=True)`); its rows then replace the old ones.

Only aggregates are stored: the number of units in a cell, never who they are. Cells under the
suppression threshold are stored as computed (so a recomputation can be compared) and suppressed
on the way out, like live values (`onderdrukking.py`)."""

from __future__ import annotations

from django.db import models

from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente


class Momentopname(BaseModel):
    """The indicators of one municipality over one calendar month (`van` … `tot`)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    van = models.DateField()
    tot = models.DateField(help_text="Laatste dag van de maand; ook de peildatum van standen.")
    berekend_op = models.DateTimeField()
    herberekend = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "momentopname"
        verbose_name_plural = "momentopnamen"
        ordering = ["gemeente", "tot"]
        permissions = [
            (
                "view_stuurinformatie",
                "Stuurinformatie bekijken en exporteren (alleen aantallen, geen dossiers)",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "tot"], name="momentopname_per_maand"),
        ]

    def __str__(self) -> str:
        return f"Momentopname {self.tot:%m-%Y}"


class Meetwaarde(models.Model):
    """One cell of one indicator in a snapshot: the total (`dimensie` empty) or one value of one
    dimension. `aantal` is the number of units the cell is about (the suppression count)."""

    momentopname = models.ForeignKey(Momentopname, on_delete=models.CASCADE, related_name="waarden")
    indicator = models.CharField(max_length=60)
    dimensie = models.CharField(max_length=30, blank=True)
    waarde_van = models.CharField("dimensiewaarde", max_length=200, blank=True)
    aantal = models.PositiveIntegerField()
    teller = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    waarde = models.DecimalField(max_digits=14, decimal_places=2, null=True)
    # A share's denominator when it is not `aantal` (the survey: those who gave a score).
    noemer = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "meetwaarde"
        verbose_name_plural = "meetwaarden"
        constraints = [
            models.UniqueConstraint(
                fields=["momentopname", "indicator", "dimensie", "waarde_van"],
                name="meetwaarde_uniek",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "dimensie"], name="meetwaarde_indicator_idx")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.dimensie} {self.waarde_van}".strip()
