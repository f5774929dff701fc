"""Reads of the aanbieders app, shared by the pages, the API and the other apps' services."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet

from eenplan.aanbieders.models import Aanbieder, Contract, ContractProduct
from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente
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
    filter_ = Q(contracten__gemeente=gemeente) if gemeente else Q()
    return qs.annotate(aantal_contracten=Count("contracten", filter=filter_)).order_by("naam", "id")


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
