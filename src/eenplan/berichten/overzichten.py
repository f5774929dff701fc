"""What staff see of the message traffic, for the pages and the staff API alike (one read
path), built on `berichten.selectors`: the message log (per resident, per provider, per day;
also by return code and rejected or not), one message with its file made readable and its
return codes explained, the worklist of answers due, and the budget per provider, product
category and year.

Reads only: the messages are written by the services of this app. The return codes are
explained from the library's data (`istandaarden.codelijsten.retourcode`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import router
from django.db.models import (
    Case,
    F,
    IntegerField,
    JSONField,
    Max,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMonth, JSONArray

from eenplan.aanbieders.models import Aanbieder, ContractProduct
from eenplan.berichten import budget as rekenen
from eenplan.berichten import selectors
from eenplan.berichten.constants import BerichtStatus
from eenplan.berichten.models import Bericht, Prestatie, Toewijzing
from eenplan.common.aggregaten import JsonLijst, op_volgorde
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import codelijsten
from eenplan.istandaarden.codelijsten import Uitleg
from eenplan.istandaarden.model import BERICHTEN
from eenplan.istandaarden.xml import leesbaar
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.taken import selectors as taken_selectors
from eenplan.taken.models import Taak

# The query parameters of the log, the same on the page and in the API.
LOG_PARAMETERS = (
    "inwoner",
    "aanbieder",
    "dag",
    "soort",
    "richting",
    "status",
    "retourcode",
    "afgekeurd",
    "pagina",
    "per_pagina",
)
AFGEKEURD = (
    BerichtStatus.AFGEKEURD,
    BerichtStatus.DEELS_AFGEKEURD,
    BerichtStatus.ONLEESBAAR,
    BerichtStatus.DUBBEL,
    BerichtStatus.FOUT,
    BerichtStatus.RETOUR_AFGEKEURD,
)
# Message numbers a filter may name (301 … 325): every message of the library.
SOORTEN = tuple(sorted(BERICHTEN))


@dataclass(frozen=True)
class LogVraag:
    """A question to the message log; every field optional."""

    inwoner: int | None = None
    aanbieder: int | None = None
    dag: dt.date | None = None
    soort: str = ""  # "323"
    richting: str = ""  # Richting
    status: str = ""  # BerichtStatus
    retourcode: str = ""  # a WJ001 code on the message
    afgekeurd: bool | None = None  # only (not) rejected


def berichten_log(scope: QuerySet[Bericht], vraag: LogVraag) -> QuerySet[Bericht]:
    """The log through `selectors.berichten_zoeken` (newest first, each row with the residents
    it names: one query for the rows), with the filters on return codes added."""
    qs = scope
    if vraag.retourcode:
        # the JSON list as text holds the code in quotes (works on SQLite and PostgreSQL)
        qs = qs.filter(retourcodes__icontains=f'"{vraag.retourcode}"')
    if vraag.afgekeurd is not None:
        rood = Q(status__in=AFGEKEURD)
        qs = qs.filter(rood) if vraag.afgekeurd else qs.exclude(rood)
    return selectors.berichten_zoeken(
        qs,
        inwoner=vraag.inwoner,
        aanbieder=vraag.aanbieder,
        dag=vraag.dag,
        soort=vraag.soort,
        status=vraag.status,
        richting=vraag.richting,
    )


@dataclass(frozen=True)
class NaastDeLog:
    """What the log shows beside its rows: how many there are, the providers its filter
    offers (id, name; by name) and the latest rounds of the folder connection."""

    aantal: int
    aanbieders: list[tuple[int, str]]
    rondes: list[Taak]


def naast_de_log(
    gemeente_id: int | None, *, rijen: QuerySet[Bericht], rondes: list[str]
) -> NaastDeLog:
    """The number of messages in `rijen` (the log as asked), the providers of the log's filter
    (every provider, by name as the form lists them) and the latest system tasks of the kinds
    `rondes` in the municipality (none when empty), in one query beside the municipality's
    row: the number as a COUNT of its own (an index-only count, as a pager's; not a window
    over the rows, which would read every row to number the page), the rest as JSON arrays."""
    aanbieders = (
        Aanbieder.objects.order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray("naam", "id"), geordend=True))
        .values("j")
    )
    aantal = Coalesce(selectors.aantal(rijen), 0)
    taken: Any = (
        taken_selectors.systeemtaken_json(gemeente_id=gemeente_id, soorten=rondes)
        if rondes and gemeente_id is not None
        else Value(None, output_field=JSONField())
    )
    carrier = Gemeente.objects.filter(pk=gemeente_id) if gemeente_id is not None else None
    if carrier is None:
        # A login without a municipality (set-up): no carrier row, so each on its own.
        alle = Aanbieder.objects.order_by("naam", "id").values_list("id", "naam")
        return NaastDeLog(aantal=rijen.count(), aanbieders=list(alle), rondes=[])
    rij = carrier.values_list(aantal, Subquery(aanbieders), taken).first()
    n, namen, json_taken = rij if rij is not None else (0, None, None)
    db = router.db_for_read(Gemeente)
    return NaastDeLog(
        aantal=int(n),
        aanbieders=[(pk, naam) for naam, pk in op_volgorde(namen, db)],
        rondes=taken_selectors.systeemtaken_uit_json(json_taken, db=db),
    )


def inwoner_van_vraag(actor: Any, vraag: LogVraag, *, via: access.Via) -> Inwoner | None:
    """The resident the log is asked about (`inwoner`), within the municipality the login
    works for: another municipality's resident, or none, is refused and logged as every
    refused access to personal data (`access.inwoner_uit_invoer`) and answered as bad input on
    `inwoner` (a Dutch ValidationError); the page and the API alike. None without `inwoner`."""
    if vraag.inwoner is None:
        return None
    return access.inwoner_uit_invoer(
        actor, Resource.BERICHT, Action.LEZEN, via=via, pk=vraag.inwoner
    )


INWONERS_IN_LIJST = selectors.INWONERS_IN_LIJST


def inwoners_in_lijst(bericht: Bericht) -> list[Inwoner]:
    """The residents a list row names (at most INWONERS_IN_LIJST, in name order)."""
    return selectors.genoemde_inwoners(bericht)


def inwoners_niet_in_lijst(bericht: Bericht) -> int:
    """How many residents of the message its list row does not name."""
    return max(0, selectors.inwoners_aantal(bericht) - INWONERS_IN_LIJST)


def log_getoond(
    actor: Any, berichten: list[Bericht], *, via: access.Via, lijst: bool = True
) -> None:
    """Log the residents a page or an answer of the API shows (one INSERT, with the
    municipality each was read with): in a list the ones each row names (`inwoners_in_lijst`),
    of one message all of them."""
    getoond = {
        i.pk: i.gemeente_id
        for b in berichten
        for i in (inwoners_in_lijst(b) if lijst else b.inwoners.all())
    }
    access.log_shown(actor, list(getoond), resource=Resource.BERICHT, via=via, gemeenten=getoond)


@dataclass(frozen=True)
class PrestatieRegel:
    prestatie: Prestatie
    retourcodes: list[Uitleg]


@dataclass(frozen=True)
class BerichtDetail:
    bericht: Bericht
    xml: str
    ingesprongen: bool
    retourcodes: list[Uitleg]
    antwoorden: list[Bericht]
    prestaties: list[PrestatieRegel] = field(default_factory=list)


def uitleg(codes: list[str]) -> list[Uitleg]:
    """Every code explained in Dutch (an unknown code says so)."""
    return [codelijsten.retourcode(code) for code in codes]


def bericht_detail(actor: Any, pk: int, *, via: access.Via) -> BerichtDetail:
    """One message this login may list (`selectors.berichten_in_scope`: for staff within the
    municipality it works for now) with its file made readable, its codes explained, the
    answers to it and, for a declaratie, its lines with their verdicts. Not found there —
    another municipality's message or none at all, the same answer — is a 404 with the refusal
    in the access log (`access.get_or_refuse`, ADR 0046)."""
    scope = selectors.berichten_in_scope(actor)
    bericht = access.get_or_refuse(
        actor,
        Resource.BERICHT,
        Action.LEZEN,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: selectors.bericht_get(pk, scope, gemeente_id=gemeente_id),
        wat="Bericht",
        niet_gevonden="Dit bericht bestaat niet.",
    )
    xml, ingesprongen = leesbaar(bytes(bericht.inhoud))
    return BerichtDetail(
        bericht=bericht,
        xml=xml,
        ingesprongen=ingesprongen,
        retourcodes=uitleg(list(bericht.retourcodes)),
        antwoorden=list(bericht.antwoorden.all()),
        prestaties=[
            PrestatieRegel(p, uitleg(list(p.retourcodes))) for p in bericht.prestaties.all()
        ],
    )


def wat_te_doen(bericht: Bericht) -> str:
    """What a worklist row waits for: processing, its retour (or 325), or its answer."""
    if bericht.status in (BerichtStatus.ONTVANGEN, BerichtStatus.FOUT):
        return "verwerken"
    if bericht.retour_uiterlijk and bericht.retour_verzonden_op is None:
        return "retour"
    return "antwoord"


def antwoorden_te_geven(scope: QuerySet[Bericht], vandaag: dt.date) -> QuerySet[Bericht]:
    """The worklist (`selectors.werklijst`): received messages not yet processed or still
    waiting for their retour (3 working days; the 325 within 10) or their answer (a 319 or 301
    within 5 working days after a 315/317), the nearest deadline first, with its state."""
    return selectors.werklijst(vandaag, scope)


# --- budget -------------------------------------------------------------------------------------


@dataclass
class BudgetRegel:
    """Per provider, law and product category in one year (amounts in cents)."""

    aanbieder_id: int
    aanbieder: str
    wet: str
    productcategorie: str
    categorie: str
    toegewezen: int = 0
    niet_te_prijzen: int = 0  # toewijzingen without a contract tariff (or units that differ)
    gedeclareerd: int = 0
    goedgekeurd: int = 0
    laatste_maand: int | None = None
    prognose: int = 0

    @property
    def benut(self) -> int | None:
        """Approved as a percentage of assigned."""
        return round(100 * self.goedgekeurd / self.toegewezen) if self.toegewezen else None


@dataclass
class Budget:
    jaar: int
    regels: list[BudgetRegel]

    @property
    def totaal(self) -> BudgetRegel:
        t = BudgetRegel(0, "Totaal", "", "", "")
        for r in self.regels:
            t.toegewezen += r.toegewezen
            t.niet_te_prijzen += r.niet_te_prijzen
            t.gedeclareerd += r.gedeclareerd
            t.goedgekeurd += r.goedgekeurd
            t.prognose += r.prognose
        return t


def _tarieven(gemeente: Gemeente) -> dict[tuple[int, str, str], list[ContractProduct]]:
    rijen = ContractProduct.objects.filter(contract__gemeente=gemeente).select_related("contract")
    per: dict[tuple[int, str, str], list[ContractProduct]] = defaultdict(list)
    for cp in rijen.order_by(F("contract__hoofdcontract_id").asc(nulls_last=True), "-geldig_vanaf"):
        per[(cp.contract.aanbieder_id, cp.productcategorie, cp.productcode)].append(cp)
    return per


def _tarief(
    tarieven: dict[tuple[int, str, str], list[ContractProduct]], t: Toewijzing, op: dt.date
) -> ContractProduct | None:
    """The contract tariff of the toewijzing's product on `op` (a deelovereenkomst first; a
    tariff for the whole category when none names the code)."""
    for code in (t.productcode, ""):
        for cp in tarieven.get((t.aanbieder_id, t.productcategorie, code), []):
            if (
                cp.contract.geldig_op(op)
                and cp.geldig_vanaf <= op
                and (cp.geldig_tot is None or op <= cp.geldig_tot)
            ):
                return cp
    return None


def _categorie(wet: str, code: str) -> str:
    lijst = codelijsten.productcategorieen("wmo" if wet == "wmo" else "jw")
    return lijst.waarden.get(code, code)


def budget_overzicht(
    gemeente: Gemeente,
    jaar: int,
    vandaag: dt.date,
    *,
    aanbieder: int | None = None,
    productcategorie: str = "",
) -> Budget:
    """Per provider, law and product category in `jaar`: assigned (volume × contract tariff of
    the current toewijzingen, `budget.toegewezen_bedrag`), claimed and approved (the 323 lines
    and their verdict in the 325, debet minus credit, by the year their period begins) and the
    forecast to the year's end (`budget.prognose`). Three queries, whatever the size."""
    begin, einde = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    # The residents the toewijzingen are ordered by (Toewijzing.Meta) within the municipality
    # too (issue 16: every table of the query carries the condition).
    toewijzingen = Toewijzing.objects.filter(
        gemeente=gemeente, inwoner__gemeente_id=gemeente.pk, ingangsdatum__lte=einde
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
    prestaties = Prestatie.objects.filter(
        bericht__gemeente=gemeente, begindatum__year=jaar, bericht__aanbieder__isnull=False
    )
    if aanbieder is not None:
        toewijzingen = toewijzingen.filter(aanbieder_id=aanbieder)
        prestaties = prestaties.filter(bericht__aanbieder_id=aanbieder)
    if productcategorie:
        toewijzingen = toewijzingen.filter(productcategorie=productcategorie)
        prestaties = prestaties.filter(productcategorie=productcategorie)
    namen = dict(Aanbieder.objects.values_list("id", "naam"))
    regels: dict[tuple[int, str, str], BudgetRegel] = {}

    def regel(aanbieder_id: int, wet: str, cat: str) -> BudgetRegel:
        key = (aanbieder_id, wet, cat)
        if key not in regels:
            regels[key] = BudgetRegel(
                aanbieder_id, namen.get(aanbieder_id, "?"), wet, cat, _categorie(wet, cat)
            )
        return regels[key]

    tarieven = _tarieven(gemeente)
    for t in toewijzingen:
        if not t.actueel:
            continue
        cp = _tarief(tarieven, t, max(t.ingangsdatum, begin))
        bedrag = rekenen.toegewezen_bedrag(
            rekenen.Toegewezen(
                t.ingangsdatum,
                t.einddatum,
                t.volume,
                t.eenheid,
                t.frequentie,
                t.budget,
                t.uitvoeringsvariant,
            ),
            jaar,
            Decimal(cp.tarief) if cp else None,
            cp.eenheid if cp else "",
        )
        r = regel(t.aanbieder_id, t.wet, t.productcategorie)
        if bedrag is None:
            r.niet_te_prijzen += 1
        else:
            r.toegewezen += bedrag

    teken = Case(When(debet_credit="C", then=Value(-1)), default=Value(1))
    sommen = (
        prestaties.values("bericht__aanbieder_id", "bericht__wet", "productcategorie")
        .annotate(
            gedeclareerd=Sum(teken * F("bedrag"), output_field=IntegerField()),
            goedgekeurd=Sum(
                Case(When(goedgekeurd=True, then=teken * F("bedrag")), default=Value(0)),
                output_field=IntegerField(),
            ),
        )
        .order_by()
    )
    for s in sommen:
        r = regel(s["bericht__aanbieder_id"], s["bericht__wet"], s["productcategorie"])
        r.gedeclareerd += s["gedeclareerd"] or 0
        r.goedgekeurd += s["goedgekeurd"] or 0
    laatste = (
        prestaties.filter(goedgekeurd=True)
        .values("bericht__aanbieder_id", "bericht__wet", "productcategorie")
        .annotate(maand=Max(ExtractMonth("begindatum")))
        .order_by()
    )
    for m in laatste:
        regel(
            m["bericht__aanbieder_id"], m["bericht__wet"], m["productcategorie"]
        ).laatste_maand = m["maand"]
    for r in regels.values():
        r.prognose = rekenen.prognose(
            goedgekeurd=r.goedgekeurd,
            laatste_maand=r.laatste_maand,
            jaar=jaar,
            vandaag=vandaag,
            toegewezen=r.toegewezen,
        )
    gesorteerd = sorted(regels.values(), key=lambda r: (r.aanbieder, r.wet, r.productcategorie))
    return Budget(jaar=jaar, regels=gesorteerd)
