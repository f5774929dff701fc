"""Reads of the aanbieders app, shared by the pages, the API and the other apps' services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, F, FilteredRelation, Q, QuerySet

from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente
from eenplan.istandaarden.codelijsten import CODELIJSTEN
from eenplan.voorzieningen.models import Voorziening


def _geldig_op(prefix: str, dag: dt.date) -> Q:
    """Contract (via ``prefix``) and product period both contain ``dag``."""
    return (
        Q(**{f"{prefix}begin__lte": dag})
        & (Q(**{f"{prefix}einde__isnull": True}) | Q(**{f"{prefix}einde__gte": dag}))
        & Q(geldig_vanaf__lte=dag)
        & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=dag))
    )


def geldige_contractproducten(
    *, voorziening: Voorziening, op_datum: dt.date, gemeente: Gemeente | None = None
) -> QuerySet[ContractProduct]:
    """The tariff rows under which a provider may deliver ``voorziening`` on ``op_datum``."""
    qs = ContractProduct.objects.filter(
        _geldig_op("contract__", op_datum),
        voorziening=voorziening,
        contract__aanbieder__actief=True,
        contract__gemeente_id=(gemeente.pk if gemeente else voorziening.gemeente_id),
    )
    return qs.select_related("contract", "contract__aanbieder")


def aanbieders_met_contract(
    voorziening: Voorziening, op_datum: dt.date, gemeente: Gemeente | None = None
) -> QuerySet[Aanbieder]:
    """The active providers with a contract of ``gemeente`` (default: the voorziening's) that
    covers ``voorziening`` on ``op_datum``: the only ones a ZIN beschikking may name."""
    ids = geldige_contractproducten(
        voorziening=voorziening, op_datum=op_datum, gemeente=gemeente
    ).values("contract__aanbieder_id")
    return Aanbieder.objects.filter(pk__in=ids).order_by("naam", "id")


def contract_tarief(
    aanbieder: Aanbieder, voorziening: Voorziening, op_datum: dt.date
) -> ContractProduct | None:
    """The contracted tariff (per unit) of ``aanbieder`` for ``voorziening`` on ``op_datum``, or
    None when no contract covers it. A deelovereenkomst's tariff wins over its
    raamovereenkomst's; otherwise the latest start."""
    return (
        geldige_contractproducten(voorziening=voorziening, op_datum=op_datum)
        .filter(contract__aanbieder=aanbieder)
        .order_by(F("contract__hoofdcontract_id").asc(nulls_last=True), "-geldig_vanaf", "-id")
        .first()
    )


def aanbieders_list(
    *,
    gemeente: Gemeente | None = None,
    zoek: str = "",
    agb_ontbreekt: bool | None = None,
    actief: bool | None = None,
) -> QuerySet[Aanbieder]:
    """Providers, with the number of contracts (of ``gemeente`` when given), searchable by name,
    AGB code, contact person, address and e-mail."""
    qs = Aanbieder.objects.all()
    for woord in normalise(zoek).split():
        qs = qs.filter(zoektekst__contains=woord)
    if agb_ontbreekt is not None:
        qs = qs.filter(agb_code="") if agb_ontbreekt else qs.exclude(agb_code="")
    if actief is not None:
        qs = qs.filter(actief=actief)
    if gemeente is None:
        return qs.annotate(aantal_contracten=Count("contracten")).order_by("naam", "id")
    # The municipality's condition in the join itself (not a FILTER on the count): the count
    # query of a page keeps the join, and every query reading contracts carries the
    # municipality's condition (issue 16).
    return (
        qs.annotate(
            contracten_hier=FilteredRelation(
                "contracten", condition=Q(contracten__gemeente_id=gemeente.pk)
            )
        )
        .annotate(aantal_contracten=Count("contracten_hier"))
        .order_by("naam", "id")
    )


def contract_get(pk: int, *, gemeente_id: int | None) -> Contract | None:
    """One contract of municipality `gemeente_id` with its provider and framework agreement
    (the page's and the API's read); None when the municipality has none by that id."""
    return (
        Contract.objects.filter(gemeente_id=gemeente_id, pk=pk)
        .select_related("aanbieder", "hoofdcontract")
        .first()
    )


def contract_documenten(contract: Contract) -> QuerySet[ContractDocument]:
    """The contract's documents, newest first, without their content. Ordered on their own
    columns: the model's default order starts with the contract and its provider, a join
    without the municipality's condition."""
    return contract.documenten.defer("inhoud").order_by("-created_at", "id")


def contract_producten(contract: Contract) -> QuerySet[ContractProduct]:
    """The contract's products with their provision, held to the contract's municipality."""
    return contract.producten.filter(voorziening__gemeente_id=contract.gemeente_id).select_related(
        "voorziening"
    )


def contracten_list(
    *,
    gemeente: Gemeente,
    zoek: str = "",
    aanbieder: Aanbieder | None = None,
    op_datum: dt.date | None = None,
) -> QuerySet[Contract]:
    qs = Contract.objects.filter(gemeente=gemeente).select_related("aanbieder", "hoofdcontract")
    if aanbieder is not None:
        qs = qs.filter(aanbieder=aanbieder)
    for woord in normalise(zoek).split():
        qs = qs.filter(
            Q(kenmerk__icontains=woord)
            | Q(omschrijving__icontains=woord)
            | Q(aanbieder__zoektekst__contains=woord)
        )
    if op_datum is not None:
        qs = qs.filter(begin__lte=op_datum).filter(Q(einde__isnull=True) | Q(einde__gte=op_datum))
    return qs.annotate(aantal_producten=Count("producten")).order_by(
        "aanbieder__naam", "-begin", "id"
    )


def contract_tarieven_van(voorziening: Voorziening, *, op: dt.date) -> list[ContractProduct]:
    """The contracted tariffs of ``voorziening`` that hold on ``op`` or start later, per
    provider (for the catalogue pages); one query. Each row carries ``stand``: "geldend" or
    "toekomst"."""
    rijen = list(
        ContractProduct.objects.filter(voorziening=voorziening)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=op))
        .filter(Q(contract__einde__isnull=True) | Q(contract__einde__gte=op))
        .select_related("contract__aanbieder")
        .order_by("contract__aanbieder__naam", "geldig_vanaf", "id")
    )
    for rij in rijen:
        rij.stand = (  # type: ignore[attr-defined]
            "toekomst" if rij.geldig_vanaf > op or rij.contract.begin > op else "geldend"
        )
    return rijen


def eenheid_omschrijving(code: str) -> str:
    """'04' → 'uur' (WJ756, release 3.2), for 'per uur' next to a tariff."""
    omschrijving = CODELIJSTEN["WJ756"].waarden.get(code, "")
    return omschrijving.lower()


def zin_tarieven_per_aanbieder(voorziening: Voorziening, op: dt.date) -> list[ContractProduct]:
    """Per contracted provider the tariff of ``voorziening`` on ``op`` (as `contract_tarief`
    chooses it: a deelovereenkomst before its raamovereenkomst), by provider name; one query."""
    rijen = geldige_contractproducten(voorziening=voorziening, op_datum=op).order_by(
        "contract__aanbieder__naam",
        "contract__aanbieder_id",
        F("contract__hoofdcontract_id").asc(nulls_last=True),
        "-geldig_vanaf",
        "-id",
    )
    gezien: set[int] = set()
    result = []
    for rij in rijen:
        if rij.contract.aanbieder_id not in gezien:
            gezien.add(rij.contract.aanbieder_id)
            result.append(rij)
    return result


def zin_tarieven(voorziening: Voorziening, op: dt.date) -> list[Decimal]:
    """The contracted tariffs in kind of ``voorziening`` on ``op``, lowest first: what a PGB
    budget is compared with (rules.voorziening.pgb_budget)."""
    return sorted(p.tarief for p in zin_tarieven_per_aanbieder(voorziening, op))


def zin_aanbod(voorzieningen: list[Voorziening], op: dt.date) -> dict[int, list[ContractProduct]]:
    """For the beslissen form: per voorziening the active providers with a contract of the
    voorziening's municipality that covers it on ``op`` or later, one row per provider (the
    tariff on ``op``, a deelovereenkomst before its raamovereenkomst; else the first later
    one), by provider name. One query for all voorzieningen."""
    rijen = (
        ContractProduct.objects.filter(
            voorziening__in=voorzieningen,
            contract__gemeente_id=F("voorziening__gemeente_id"),
            contract__aanbieder__actief=True,
        )
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=op))
        .filter(Q(contract__einde__isnull=True) | Q(contract__einde__gte=op))
        .select_related("contract__aanbieder")
        .order_by(
            "voorziening_id",
            "contract__aanbieder__naam",
            "contract__aanbieder_id",
            F("contract__hoofdcontract_id").asc(nulls_last=True),
            "geldig_vanaf",
            "id",
        )
    )
    per_paar: dict[tuple[int, int], list[ContractProduct]] = {}
    for rij in rijen:
        per_paar.setdefault((rij.voorziening_id, rij.contract.aanbieder_id), []).append(rij)
    result: dict[int, list[ContractProduct]] = {}
    for (voorziening_id, _), kandidaten in per_paar.items():
        nu = [k for k in kandidaten if k.geldig_vanaf <= op and k.contract.begin <= op]
        gekozen = (
            nu[0] if nu else min(kandidaten, key=lambda k: max(k.geldig_vanaf, k.contract.begin))
        )
        result.setdefault(voorziening_id, []).append(gekozen)
    return result
