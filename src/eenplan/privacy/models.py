"""Access log (inzagelog), explicit dossier access and consent."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.privacy.constants import Doel, Grond, Kanaal, MachtigingSoort


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an access-log row."""


def _fill_gemeente(rows: list[Inzage]) -> None:
    """Tie each new log row to a municipality at write time: the resident's, or (a row about
    no single resident) the login's medewerker record. Every writer (the access module, the
    write helpers) goes through `save()` or `bulk_create()`, so none can forget it. At most two
    queries per batch, none when the resident is already loaded."""
    open_rows = [r for r in rows if r.gemeente_id is None]
    for row in open_rows:
        cached = row._state.fields_cache.get("inwoner")
        if cached is not None:
            row.gemeente_id = cached.gemeente_id
    inwoner_ids = {r.inwoner_id for r in open_rows if r.gemeente_id is None and r.inwoner_id}
    if inwoner_ids:
        by_inwoner = dict(
            Inwoner.objects.filter(pk__in=inwoner_ids).values_list("pk", "gemeente_id")
        )
        for row in open_rows:
            if row.gemeente_id is None and row.inwoner_id:
                row.gemeente_id = by_inwoner.get(row.inwoner_id)
    user_ids = {r.user_id for r in open_rows if r.gemeente_id is None and r.user_id}
    if user_ids:
        by_user = dict(
            Medewerker.objects.filter(user_id__in=user_ids).values_list("user_id", "gemeente_id")
        )
        for row in open_rows:
            if row.gemeente_id is None:
                row.gemeente_id = by_user.get(row.user_id)


class InzageQuerySet(models.QuerySet["Inzage"]):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Inzage]:
        objs = list(objs)
        _fill_gemeente(objs)
        return super().bulk_create(objs, *args, **kwargs)

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het inzagelog kan niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Het inzagelog kan niet worden verwijderd.")


class Inzage(models.Model):
    """One read of a resident's dossier: who, when, which resident, why. Append-only.

    AVG art. 5 lid 2 (accountability) and art. 32 (logging); BIO 12.4.1 (event logging).
    """

    moment = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="inzages",
        verbose_name="medewerker",
        db_index=False,  # inzage_user_idx (user, -moment) starts with it
    )
    gebruikersnaam = models.CharField(max_length=150, help_text="Vastgelegd op het moment zelf.")
    inwoner = models.ForeignKey(
        Inwoner,
        on_delete=models.PROTECT,
        related_name="inzages",
        null=True,
        blank=True,
        help_text="Leeg bij een weigering die niet over één inwoner gaat (bijvoorbeeld een lijst).",
        db_index=False,  # inzage_inwoner_idx (inwoner, -moment) starts with it
    )
    doel = models.CharField(max_length=20, choices=Doel.choices)
    kanaal = models.CharField(max_length=10, choices=Kanaal.choices)
    pad = models.CharField(max_length=300, help_text="De gevraagde pagina of API-route.")
    toegestaan = models.BooleanField(
        default=True, help_text="Nee: de inzage is geweigerd (geen rol of buiten need-to-know)."
    )
    onderwerp = models.CharField(
        max_length=20, blank=True, help_text="Waarover besloten is (privacy.access.Resource)."
    )
    handeling = models.CharField(
        max_length=20, blank=True, help_text="Wat er gevraagd werd (privacy.access.Action)."
    )
    reden = models.CharField(max_length=300, blank=True, help_text="De reden van een weigering.")
    grond = models.CharField(
        max_length=20,
        choices=Grond.choices,
        blank=True,
        default="",
        db_default="",  # rows written by older code (and migrations' historical models)
        help_text="Bij een inwonersaccount: eigen zaak of op welke grond het namens iemand las.",
    )
    # After the resident's dossier was destroyed (Archiefwet; ADR 0038 amendment): the
    # reference to the resident is gone and this random pseudonym, the same for all rows of that
    # resident, takes its place (privacy/vernietiging.py). Empty while the resident exists.
    inwoner_pseudoniem = models.CharField(
        max_length=40,
        blank=True,
        default="",
        db_default="",
        help_text="Na vernietiging van het dossier: een willekeurig pseudoniem van de inwoner.",
    )
    # Whose log this row belongs to, fixed at write time: the resident's municipality, or the
    # login's when the row concerns no single resident. The privacy officer sees only theirs.
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="De gemeente van de inwoner (of anders van de medewerker).",
        db_index=False,  # inzage_gemeente_idx (gemeente, -moment) starts with it
    )

    objects = InzageQuerySet.as_manager()

    class Meta:
        verbose_name = "inzage"
        verbose_name_plural = "inzagelog"
        ordering = ["-moment", "-id"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["inwoner", "-moment"], name="inzage_inwoner_idx"),
            models.Index(fields=["user", "-moment"], name="inzage_user_idx"),
            models.Index(fields=["gemeente", "-moment"], name="inzage_gemeente_idx"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.moment:%d-%m-%Y %H:%M} {self.gebruikersnaam} → {self.inwoner_id} ({self.doel})"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Het inzagelog kan niet worden gewijzigd.")
        _fill_gemeente([self])
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het inzagelog kan niet worden verwijderd.")


class DossierToegang(BaseModel):
    """Explicit need-to-know: a medewerker works for this resident (assigned case, plan role).

    Team access (the resident's wijk) needs no row; this is for everyone else.
    """

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="dossiertoegang"
    )
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="dossiertoegang")
    reden = models.CharField(max_length=200)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    toegekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = "dossiertoegang"
        verbose_name_plural = "dossiertoegang"
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="dossiertoegang_periode_geldig",
            ),
        ]
        indexes = [models.Index(fields=["medewerker", "inwoner"], name="dossiertoegang_idx")]

    def __str__(self) -> str:
        return f"{self.medewerker} → {self.inwoner} ({self.reden})"


class Toestemming(BaseModel):
    """A resident's consent for someone to take part in their plan or to share data.

    Recorded, never deleted: withdrawal sets `ingetrokken_op` (AVG art. 7 lid 3).
    """

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="toestemmingen")
    aan = models.CharField(max_length=200, help_text="Persoon of organisatie.")
    doel = models.CharField(max_length=300)
    gegeven_op = models.DateField()
    ingetrokken_op = models.DateField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-gegeven_op"]

    def __str__(self) -> str:
        return f"{self.inwoner} → {self.aan}: {self.doel}"


class Inwoneraccount(BaseModel):
    """A resident's login for the inwonersportaal: linked to an Inwoner, never to a
    Medewerker (staff and residents are separate kinds of accounts, ADR 0021). Made on the
    first login through OpenID Connect (the BSN claim) or the development login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inwoneraccount"
    )
    inwoner = models.OneToOneField(
        Inwoner, on_delete=models.PROTECT, related_name="inwoneraccount"
    )
    aangemaakt_via = models.CharField(max_length=20, help_text="oidc of ontwikkeling.")

    class Meta:
        verbose_name = "inwonersaccount"
        verbose_name_plural = "inwonersaccounts"
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"Inwonersaccount van {self.inwoner}"


class Machtiging(BaseModel):
    """A resident authorises another resident to act for them in the portal: dated and
    revocable (BW 7:400 e.v., lastgeving). A mantelzorger-machtiging lets the mantelzorger
    look along and work on the plan, not sign or file for the resident. Withdrawing keeps the
    record (`ingetrokken_op`)."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="machtigingen")
    gemachtigde = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, related_name="machtigingen_ontvangen"
    )
    soort = models.CharField(max_length=20, choices=MachtigingSoort.choices)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    ingetrokken_op = models.DateField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "machtiging"
        verbose_name_plural = "machtigingen"
        ordering = ["-van", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="machtiging_periode_geldig",
                violation_error_message="'Tot' ligt voor 'van'.",
            ),
            models.CheckConstraint(
                condition=~Q(inwoner=F("gemachtigde")),
                name="machtiging_niet_aan_zichzelf",
                violation_error_message="Een inwoner machtigt niet zichzelf.",
            ),
        ]
        indexes = [models.Index(fields=["gemachtigde", "van"], name="machtiging_gemachtigde_idx")]

    def __str__(self) -> str:
        return f"{self.inwoner} machtigt {self.gemachtigde} ({self.get_soort_display()})"

    def geldig_op(self, dag: Any) -> bool:
        return (
            self.van <= dag
            and (self.tot is None or self.tot >= dag)
            and (self.ingetrokken_op is None or self.ingetrokken_op > dag)
        )
