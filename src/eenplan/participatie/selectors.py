"""Reads of work and income, shared by the pages and the API (one read path)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from eenplan.beschikkingen.models import Beschikking
from eenplan.gemeente.models import Instelling
from eenplan.inwoners.models import Inwoner
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Tegenprestatie,
    Traject,
    Verdiencapaciteit,
    Werkdoel,
    Werkgever,
)
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Doel
from eenplan.privacy import access
from eenplan.rules import participatie as regels

# The municipality's thresholds are a dated setting (gemeente.Instelling) under this subject:
# {"direct": "100", "werkspoor": "40"} in % of the statutory minimum wage.
ONDERWERP = "participatie"
STANDAARD = regels.Drempels(
    direct=Decimal(100),
    werkspoor=Decimal(40),
    bron="Standaard van eenplan: Hardenberg, seed 003a R-PW1 (100% en 40% van het WML)",
)


def instelling_op(gemeente_id: int, op: dt.date) -> Instelling | None:
    """The municipality's work-and-income setting in force on `op` (one query)."""
    return (
        Instelling.objects.filter(
            gemeente_id=gemeente_id, onderwerp=ONDERWERP, geldig_vanaf__lte=op
        )
        .order_by("-geldig_vanaf", "-versie")
        .first()
    )


def beschut_werk_plaatsen_op(gemeente_id: int, op: dt.date) -> tuple[int | None, str]:
    """The region's number of beschut werk places for this municipality on `op` and its source
    (key `beschut_werk_plaatsen` of the setting; seed 000: 10 in Noord-Limburg, 5 for Venlo);
    None when the municipality set none."""
    rij = instelling_op(gemeente_id, op)
    if rij is None or not isinstance(rij.waarde, dict):
        return None, ""
    plaatsen = rij.waarde.get("beschut_werk_plaatsen")
    if isinstance(plaatsen, int) and plaatsen >= 0:
        return plaatsen, rij.bron
    return None, ""


def maatregelen_op(gemeente_id: int, op: dt.date) -> tuple[dict[str, regels.Maatregelregel], str]:
    """The verordening's categories in force on `op` (key `maatregelen` of the setting), with
    their source; without one, eenplan's example, whose source says it is one."""
    rij = instelling_op(gemeente_id, op)
    if rij is not None and isinstance(rij.waarde, dict) and "maatregelen" in rij.waarde:
        try:
            return regels.maatregelen_uit(rij.waarde["maatregelen"]), rij.bron
        except ValueError:
            pass
    return regels.maatregelen_voorbeeld()


def drempels_op(gemeente_id: int, op: dt.date) -> regels.Drempels:
    """The route thresholds in force on `op`: the municipality's latest version on or before
    that day, else the default (Hardenberg's 100% and 40%). One query."""
    rij = instelling_op(gemeente_id, op)
    if rij is None:
        return STANDAARD
    try:
        drempels = regels.Drempels(
            direct=Decimal(str(rij.waarde["direct"])),
            werkspoor=Decimal(str(rij.waarde["werkspoor"])),
            bron=rij.bron,
        )
    except (KeyError, TypeError, InvalidOperation, AttributeError):
        return STANDAARD
    return STANDAARD if drempels.fouten() else drempels


def _binnen_gemeente(gemeente_id: int | None) -> QuerySet[LevensonderhoudAanvraag]:
    """The aanvragen of one municipality with the rows they join (resident, household, the
    aanvraag) held to it as well: every table of the query carries the municipality condition
    (issue 16: one shard on Citus)."""
    return LevensonderhoudAanvraag.objects.filter(
        gemeente_id=gemeente_id,
        inwoner__gemeente_id=gemeente_id,
        huishouden__gemeente_id=gemeente_id,
        aanvraag__gemeente_id=gemeente_id,
    ).select_related("inwoner", "partner", "huishouden", "aanvraag")


def levensonderhoud_in_scope(user: object) -> QuerySet[LevensonderhoudAanvraag]:
    """The aanvragen levensonderhoud of residents within the actor's need-to-know."""
    return _binnen_gemeente(access.Actor.of(user).gemeente_id).filter(
        inwoner__in=access.inwoners_in_scope(user)  # type: ignore[arg-type]
    )


def levensonderhoud_van(inwoner: Inwoner) -> QuerySet[LevensonderhoudAanvraag]:
    """The resident's own aanvragen levensonderhoud with their aanvraag (the work page), both
    tables held to the resident's municipality (issue 16)."""
    return LevensonderhoudAanvraag.objects.filter(
        inwoner=inwoner,
        gemeente_id=inwoner.gemeente_id,
        aanvraag__gemeente_id=inwoner.gemeente_id,
    ).select_related("aanvraag")


def levensonderhoud_get(pk: int, *, gemeente_id: int | None) -> LevensonderhoudAanvraag | None:
    """One aanvraag of municipality `gemeente_id`: another municipality's is not found (404),
    like one that does not exist, instead of a refusal that tells it exists."""
    return (
        _binnen_gemeente(gemeente_id)
        .prefetch_related(
            "voorschotten",
            Prefetch(
                "aanvraag__beschikkingen",
                queryset=Beschikking.objects.filter(gemeente_id=gemeente_id),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def voorschot_stand(lo: LevensonderhoudAanvraag, op: dt.date) -> dict[str, object]:
    """The voorschotten due by `op` (art. 52 lid 1) next to those granted, and the due days no
    voorschot covers yet."""
    beschikking = next(iter(lo.aanvraag.beschikkingen.all()), None)
    besloten_op = beschikking.besloten_op if beschikking else None
    verschuldigd = regels.voorschot_verschuldigd(
        lo.ontvangen_op, op, besloten_op=besloten_op, uitsluiting=lo.voorschot_uitsluiting
    )
    verleend = sorted(v.verleend_op for v in lo.voorschotten.all())
    # Each voorschot granted covers the earliest due day not yet covered (a late one too).
    open_dagen = verschuldigd[len(verleend) :]
    return {
        "verschuldigd": verschuldigd,
        "open": open_dagen,
        "verleend": verleend,
        "besloten_op": besloten_op,
    }


def verdiencapaciteiten_van(inwoner_id: int, *, gemeente_id: int) -> QuerySet[Verdiencapaciteit]:
    return Verdiencapaciteit.objects.filter(inwoner_id=inwoner_id, gemeente_id=gemeente_id)


def trajecten_van(inwoner_id: int, *, gemeente_id: int) -> QuerySet[Traject]:
    return Traject.objects.filter(inwoner_id=inwoner_id, gemeente_id=gemeente_id).prefetch_related(
        "stappen"
    )


def traject_get(pk: int, *, gemeente_id: int | None) -> Traject | None:
    """One traject of municipality `gemeente_id` (another municipality's is not found), with
    its resident, held to the municipality too (for the decision and its log row)."""
    return (
        Traject.objects.filter(pk=pk, gemeente_id=gemeente_id, inwoner__gemeente_id=gemeente_id)
        .select_related("inwoner")
        .first()
    )


def werkgever_keuzes(gemeente_id: int | None) -> list[tuple[int, str]]:
    """The municipality's employers as (id, name) choices for a form (one query, no join)."""
    return list(
        Werkgever.objects.filter(gemeente_id=gemeente_id)
        .order_by("naam", "id")
        .values_list("pk", "naam")
    )


def werkgevers(gemeente_id: int | None) -> QuerySet[Werkgever]:
    """The municipality's employers with their number of placements (one query)."""
    # A subquery, not a join: the pager's count then reads the employers alone, and the
    # placements carry their municipality in every query (issue 16).
    plaatsingen = (
        Instrument.objects.filter(werkgever_id=OuterRef("pk"), gemeente_id=gemeente_id)
        .order_by()
        .values("werkgever_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Werkgever.objects.filter(gemeente_id=gemeente_id)
        .annotate(aantal_plaatsingen=Coalesce(Subquery(plaatsingen), 0))
        .order_by("naam", "id")
    )


def instrumenten_van(inwoner_id: int, gemeente_id: int) -> QuerySet[Instrument]:
    """The resident's instruments with their employer, within the municipality (a region keeps
    each municipality's rows apart, issue 16)."""
    return (
        Instrument.objects.filter(inwoner_id=inwoner_id, gemeente_id=gemeente_id)
        .filter(Q(werkgever__isnull=True) | Q(werkgever__gemeente_id=gemeente_id))
        .select_related("werkgever")
    )


def tegenprestaties_van(inwoner_id: int, gemeente_id: int) -> QuerySet[Tegenprestatie]:
    return Tegenprestatie.objects.filter(inwoner_id=inwoner_id, gemeente_id=gemeente_id)


# --- work goals in the household plan ---------------------------------------------------------

WERK_LEEFGEBIEDEN = ("dagbesteding", "financien")  # ZRM: werk en opleiding, financiën


def werkdoelen_van(inwoner_id: int, gemeente_id: int, op: dt.date) -> list[Any]:
    """The resident's plan goals linked to a trajectory or instrument, with their actions, and
    whether the Werkplein's participation (the resident's consent) still holds on `op`: after
    a withdrawal the page shows the link but not the goal (three queries)."""
    rijen = list(
        Werkdoel.objects.filter(gemeente_id=gemeente_id, doel__inwoner_id=inwoner_id)
        .filter(Q(traject__isnull=True) | Q(traject__gemeente_id=gemeente_id))
        .filter(Q(instrument__isnull=True) | Q(instrument__gemeente_id=gemeente_id))
        .select_related(
            "doel__leefgebied", "doel__plan", "deelnemer__toestemming", "traject", "instrument"
        )
        .prefetch_related("doel__acties")
    )
    for rij in rijen:
        t = rij.deelnemer.toestemming
        rij.toestemming_geldt = t.gegeven_op <= op and (
            t.ingetrokken_op is None or t.ingetrokken_op > op
        )
    return rijen


def werkdoel_keuzes(inwoner_id: int, gemeente_id: int) -> list[Any]:
    """Goals of the resident in an active plan of the municipality, in a work-and-income life
    domain, not linked yet (one query)."""
    return list(
        Doel.objects.filter(
            inwoner_id=inwoner_id,
            plan__huishouden__gemeente_id=gemeente_id,
            plan__status__in=ACTIEVE_STATUSSEN,
            leefgebied__code__in=WERK_LEEFGEBIEDEN,
        )
        .exclude(Exists(Werkdoel.objects.filter(doel_id=OuterRef("pk"), gemeente_id=gemeente_id)))
        .select_related("leefgebied", "plan")
        .order_by("plan_id", "id")
    )
