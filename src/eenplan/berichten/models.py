"""The message traffic: every message in and out (`Bericht`, raw bytes kept, also when it could
not be read), the municipality's toewijzingen (`Toewijzing`, what a 301 carries), deliveries
reported with 305/307 (`Levering`), claim lines of 323 (`Prestatie`) and the logins of a
provider (`AanbiederLogin`). The provider itself is `aanbieders.Aanbieder`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.berichten.constants import (
    BERICHTSOORTEN,
    BerichtStatus,
    Kanaal,
    LeveringStatus,
    Richting,
)
from eenplan.common.models import BaseModel


def _waar_gevuld(veld: str, naam: str) -> models.Index:
    """An index of the rows where `veld` has a value (a column empty on most rows)."""
    return models.Index(fields=[veld], name=naam, condition=Q(**{f"{veld}__isnull": False}))


class Bericht(BaseModel):
    """One message file, in or out. `inhoud` holds the bytes exactly as received or sent;
    nothing is ever deleted. An incoming message is unique per sender, kind and identificatie
    (TR056): a second one with the same key is kept as `dubbel` and changes nothing."""

    richting = models.CharField(max_length=3, choices=Richting.choices)
    kanaal = models.CharField(max_length=10, choices=Kanaal.choices)
    gemeente = models.ForeignKey(
        "gemeente.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # No index of its own: `bericht_aanbieder_idx` and `bericht_kenmerk_idx` start with it.
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichten",
        db_index=False,
    )
    soort = models.CharField(
        max_length=6, choices=BERICHTSOORTEN, blank=True, help_text="Leeg als onleesbaar."
    )
    code = models.CharField(max_length=3, blank=True, help_text="301, 302, … 325.")
    wet = models.CharField(max_length=3, blank=True, help_text="wmo of jw.")
    afzender = models.CharField(max_length=8, blank=True, help_text="Gemeentecode of AGB-code.")
    ontvanger = models.CharField(max_length=8, blank=True)
    identificatie = models.CharField(max_length=20, blank=True)
    dagtekening = models.DateField(null=True, blank=True)
    kenmerk = models.CharField(
        max_length=20,
        blank=True,
        help_text="DeclaratieNummer (323) of ReferentieAanbieder (315/317).",
    )
    declaratieperiode = models.DateField(
        null=True,
        blank=True,
        help_text="Begin van de DeclaratiePeriode van een aanvaarde 323 (TR318: de volgende "
        "declaratie sluit hierop aan).",
    )
    bestandsnaam = models.CharField(max_length=255, blank=True)
    inhoud = models.BinaryField(help_text="Het bestand precies zoals ontvangen of verzonden.")
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=20, choices=BerichtStatus.choices)
    retourcodes = models.JSONField(
        default=list, blank=True, help_text="Alle retourcodes (WJ001) van of op dit bericht."
    )
    melding = models.TextField(blank=True, help_text="Uitleg in gewone taal, o.a. bij 0001.")
    inwoners = models.ManyToManyField("inwoners.Inwoner", blank=True, related_name="berichten")
    # The three keys below are empty on most rows: each has a partial index of the rows that
    # have one (Meta.indexes) instead of an index of every row (migration 0005, ADR 0052).
    beschikking = models.ForeignKey(
        "beschikkingen.Beschikking",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichten",
        db_index=False,
    )
    antwoord_op = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="antwoorden",
        db_index=False,
        help_text="Het bericht waarop dit een retour of antwoord is (302 → 301, 325 → 323, …).",
    )
    moment = models.DateTimeField(db_index=True, help_text="Ontvangen of aangemaakt.")
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    opgehaald_op = models.DateTimeField(null=True, blank=True)
    retour_uiterlijk = models.DateField(
        null=True, blank=True, help_text="OP090: retour binnen 3 werkdagen; 325 binnen 10."
    )
    retour_verzonden_op = models.DateTimeField(null=True, blank=True)
    antwoord_uiterlijk = models.DateField(
        null=True, blank=True, help_text="Na 315/317: 319 of 301 binnen 5 werkdagen."
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    ontvangen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-moment", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["richting", "afzender", "soort", "identificatie"],
                condition=~Q(status__in=["dubbel", "onleesbaar", "fout"]) & ~Q(identificatie=""),
                name="bericht_tr056_uniek",
                violation_error_message="Dit bericht is al ontvangen (TR056).",
            ),
        ]
        indexes = [
            models.Index(fields=["aanbieder", "-moment"], name="bericht_aanbieder_idx"),
            # Partial: only incoming messages have a term, only 315/317 an answer term, only a
            # 301 a beschikking, only an answer its heenbericht, only an upload its uploader.
            _waar_gevuld("retour_uiterlijk", "bericht_retour_idx"),
            _waar_gevuld("antwoord_uiterlijk", "bericht_antwoord_idx"),
            _waar_gevuld("beschikking", "bericht_beschikking_idx"),
            _waar_gevuld("antwoord_op", "bericht_antwoord_op_idx"),
            _waar_gevuld("ontvangen_door", "bericht_ontvangen_door_idx"),
            models.Index(fields=["status", "-moment"], name="bericht_status_idx"),
            # TR056 and the retour's heenbericht look up by sender and identificatie.
            models.Index(fields=["afzender", "identificatie"], name="bericht_identificatie_idx"),
            models.Index(fields=["aanbieder", "code", "kenmerk"], name="bericht_kenmerk_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.soort or 'onleesbaar bestand'} {self.identificatie}".strip()


class Toewijzing(BaseModel):
    """A product the municipality assigned to a provider for one client (a ToegewezenProduct
    of a 301). Changed or ended in place; every change goes out in a new 301 with all current
    toewijzingen of the client at that provider (OP033, OP087, OP257)."""

    gemeente = models.ForeignKey("gemeente.Gemeente", on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(
        "inwoners.Inwoner", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    beschikte_voorziening = models.ForeignKey(
        "beschikkingen.BeschikteVoorziening",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
    )
    wet = models.CharField(max_length=3, help_text="wmo of jw.")
    nummer = models.PositiveIntegerField(
        null=True, blank=True, help_text="ToewijzingNummer, uniek per wet (TR332): het id."
    )
    productcategorie = models.CharField(max_length=2)
    productcode = models.CharField(max_length=5, blank=True)
    toewijzingsdatum = models.DateTimeField()
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_wijziging = models.CharField(max_length=2, blank=True, help_text="WJ760.")
    volume = models.PositiveIntegerField(null=True, blank=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    budget = models.PositiveIntegerField(null=True, blank=True, help_text="In centen.")
    uitvoeringsvariant = models.CharField(max_length=20, default="inspanningsgericht")
    referentie_aanbieder = models.CharField(max_length=15, blank=True)
    te_melden = models.BooleanField(
        default=True, help_text="Gewijzigd sinds het vorige 301-bericht (OP087)."
    )

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["inwoner", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "wet", "nummer"], name="toewijzing_nummer_uniek"
            ),
        ]
        indexes = [
            models.Index(fields=["aanbieder", "inwoner"], name="toewijzing_aanbieder_idx"),
        ]

    def __str__(self) -> str:
        return f"Toewijzing {self.nummer} ({self.productcategorie}{self.productcode})"

    @property
    def actueel(self) -> bool:
        """OP087: ended on its own first day as deleted (13) or void (01) is not current."""
        return not (self.einddatum == self.ingangsdatum and self.reden_wijziging in ("01", "13"))


class Levering(BaseModel):
    """A delivery reported by the provider: started with a 305, stopped with a 307 (the key is
    ToewijzingNummer + Begindatum, IV096). A start or stop with StatusAanlevering 3 deletes
    the earlier one (`verwijderd`)."""

    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, related_name="leveringen")
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_beeindiging = models.CharField(max_length=2, blank=True)
    status = models.CharField(max_length=10, choices=LeveringStatus.choices)
    verwijderd = models.BooleanField(default=False)
    startbericht = models.ForeignKey(
        Bericht, on_delete=models.PROTECT, related_name="gestarte_leveringen"
    )
    stopbericht = models.ForeignKey(
        Bericht,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gestopte_leveringen",
    )

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ["toewijzing", "begindatum", "id"]

    def __str__(self) -> str:
        return f"Levering {self.toewijzing.nummer} vanaf {self.begindatum:%d-%m-%Y}"


class Prestatie(BaseModel):
    """One claim line of a 323, with its verdict in the 325: approved, or the return codes."""

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="prestaties")
    # No index of its own: `prestatie_toewijzing_idx` starts with it.
    toewijzing = models.ForeignKey(
        Toewijzing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prestaties",
        db_index=False,
    )
    inwoner = models.ForeignKey(
        "inwoners.Inwoner", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bsn = models.CharField(max_length=9)
    referentie = models.CharField(max_length=15)
    vorige_referentie = models.CharField(max_length=15, blank=True)
    toewijzing_nummer = models.PositiveIntegerField()
    productcategorie = models.CharField(max_length=2)
    productcode = models.CharField(max_length=5)
    begindatum = models.DateField()
    einddatum = models.DateField()
    volume = models.PositiveIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.PositiveIntegerField(null=True, blank=True, help_text="In centen.")
    bedrag = models.PositiveIntegerField(help_text="Ingediend bedrag in centen.")
    debet_credit = models.CharField(max_length=1, default="D")
    goedgekeurd = models.BooleanField(default=False)
    retourcodes = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "prestatie"
        verbose_name_plural = "prestaties"
        ordering = ["bericht", "id"]
        indexes = [
            models.Index(fields=["toewijzing", "goedgekeurd"], name="prestatie_toewijzing_idx"),
            models.Index(fields=["referentie"], name="prestatie_referentie_idx"),
        ]

    def __str__(self) -> str:
        return f"Prestatie {self.referentie}"


class AanbiederLogin(BaseModel):
    """A login of a provider for the provider API: it acts as `ActorKind.AANBIEDER` and sees
    only the messages and clients of its own provider (privacy.access)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="aanbieder_login"
    )
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder", on_delete=models.PROTECT, related_name="logins"
    )

    class Meta:
        verbose_name = "login van een aanbieder"
        verbose_name_plural = "logins van aanbieders"

    def __str__(self) -> str:
        return f"{self.user} ({self.aanbieder})"
