"""The append-only history of every dossier: one row per domain event."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a history row."""


class GebeurtenisQuerySet(models.QuerySet["Gebeurtenis"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("De geschiedenis van een dossier kan niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("De geschiedenis van een dossier kan niet worden verwijderd.")


class Gebeurtenis(models.Model):
    """Something that happened to a dossier: who, when, what, on which record.

    Written in the same transaction as the change it describes, so history and state never
    disagree (Archiefwet art. 3: records kept in good order; AVG art. 5 lid 2: accountability).
    """

    moment = models.DateTimeField(auto_now_add=True, db_index=True)
    soort = models.CharField(max_length=60, help_text="Bijvoorbeeld 'melding.geregistreerd'.")
    omschrijving = models.CharField(max_length=300, help_text="In gewone taal, voor de tijdlijn.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
        db_index=False,  # `gebeurtenis_user_idx`: only the rows with a user
    )
    door_naam = models.CharField(max_length=150, blank=True, help_text="Vastgelegd op het moment.")
    # By name, not by import: events sits below inwoners (which may publish events), see
    # docs/decisions (layers and the import contract).
    inwoner = models.ForeignKey(
        "inwoners.Inwoner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
        db_index=False,  # `gebeurtenis_inwoner_idx` starts with it
    )
    huishouden = models.ForeignKey(
        "inwoners.Huishouden",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebeurtenissen",
        db_index=False,  # `gebeurtenis_huishouden_idx` starts with it
    )
    record_soort = models.CharField(max_length=40, help_text="Bijvoorbeeld 'meldingen.melding'.")
    record_id = models.BigIntegerField()
    gegevens = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = GebeurtenisQuerySet.as_manager()

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "gebeurtenissen"
        ordering = ["-moment", "-id"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["inwoner", "-moment"], name="gebeurtenis_inwoner_idx"),
            # Most events concern no household or no user (a message, a task): those rows are
            # left out of these indexes; a query on a household or a user implies it is set.
            models.Index(
                fields=["huishouden", "-moment"],
                name="gebeurtenis_huishouden_idx",
                condition=Q(huishouden__isnull=False),
            ),
            models.Index(
                fields=["user"], name="gebeurtenis_user_idx", condition=Q(user__isnull=False)
            ),
            models.Index(fields=["record_soort", "record_id"], name="gebeurtenis_record_idx"),
            models.Index(fields=["soort", "-moment"], name="gebeurtenis_soort_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.moment:%d-%m-%Y %H:%M} {self.soort} ({self.record_soort} {self.record_id})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("De geschiedenis van een dossier kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("De geschiedenis van een dossier kan niet worden verwijderd.")
