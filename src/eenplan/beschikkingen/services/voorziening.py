"""Changing or ending a granted provision (issue 11: iWmo/iJw OP033 and OP257 — a change of a
granted product goes to the provider as a new toewijzing). The back office records the new end
date and/or volume with its reason (the RedenWijziging of the standard); the service publishes
`voorziening.gewijzigd` or `voorziening.beeindigd`, and `berichten` sends the new 301 in the
same transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.beschikkingen.services._gedeeld import (
    ActorLike,
    datum_tekst,
    publiceer,
    vereis_toegang,
)
from eenplan.events import soorten
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

# iWmo/iJw 3.2 basisschema LDT_RedenWijziging: the reasons a municipality gives.
REDENEN = {
    "02": "Cliënt overleden",
    "03": "Contractwijziging",
    "04": "Herbeoordeling: verlenging toewijzing",
    "05": "Herbeoordeling: verkorting toewijzing",
    "06": "Uitstroom naar ander domein",
    "07": "Verhuizing naar een andere gemeente",
    "08": "Wijziging leveringsvorm",
    "09": "Overstap naar andere aanbieder",
    "12": "Geïnitieerd door de aanbieder",
    "13": "Verwijderd",
    "14": "Administratieve correctie",
}


def _vergrendel(voorziening: BeschikteVoorziening) -> BeschikteVoorziening:
    voorziening = (
        BeschikteVoorziening.objects.select_for_update()
        .select_related("beschikking")
        .get(pk=voorziening.pk)
    )
    if voorziening.uitkomst == Uitkomst.AFGEWEZEN:
        raise ValidationError("Een afgewezen voorziening kan niet worden gewijzigd of beëindigd.")
    if voorziening.beschikking.verzonden_op is None:
        raise ValidationError("Wijzig de beschikking zelf: zij is nog niet verzonden.")
    return voorziening


def _reden(reden_wijziging: str) -> str:
    if reden_wijziging not in REDENEN:
        raise ValidationError({"reden_wijziging": "Kies een reden uit de lijst."})
    return REDENEN[reden_wijziging]


@transaction.atomic
def voorziening_wijzig(
    *,
    voorziening: BeschikteVoorziening,
    actor: ActorLike,
    reden_wijziging: str,
    omvang: Decimal | None = None,
    einde: dt.date | None = None,
    via: access.Via | None = None,
) -> BeschikteVoorziening:
    """Change the volume and/or the end date of a granted provision (verlenging, verkorting,
    a different volume). The provider gets a new toewijzing (OP033)."""
    voorziening = _vergrendel(voorziening)
    actor = vereis_toegang(
        actor, Resource.BESCHIKKING, Action.BESLISSEN, via, voorziening.beschikking.inwoner_id
    )
    reden = _reden(reden_wijziging)
    if omvang is None and einde is None:
        raise ValidationError("Geef een nieuwe omvang of een nieuwe einddatum.")
    if omvang is not None and omvang <= 0:
        raise ValidationError({"omvang": "De omvang is groter dan nul."})
    if einde is not None and voorziening.begin is not None and einde < voorziening.begin:
        raise ValidationError({"einde": "De einddatum ligt vóór de ingangsdatum."})
    if omvang is not None:
        voorziening.omvang = omvang
    if einde is not None:
        voorziening.einde = einde
    voorziening.save(update_fields=["omvang", "einde", "updated_at"])
    publiceer(
        soorten.VOORZIENING_GEWIJZIGD,
        record=voorziening,
        omschrijving=f"{voorziening.voorziening} gewijzigd: {reden.lower()}"
        + (f", omvang {omvang}" if omvang is not None else "")
        + (f", tot en met {datum_tekst(einde)}" if einde is not None else ""),
        user=actor.user,
        inwoner_id=voorziening.beschikking.inwoner_id,
        omvang=str(voorziening.omvang) if voorziening.omvang is not None else None,
        einde=voorziening.einde,
        reden_wijziging=reden_wijziging,
    )
    return voorziening


@transaction.atomic
def voorziening_beeindig(
    *,
    voorziening: BeschikteVoorziening,
    actor: ActorLike,
    op: dt.date,
    reden_wijziging: str,
    via: access.Via | None = None,
) -> BeschikteVoorziening:
    """End a granted provision on `op` (the last day; death, moving away, another provider…).
    Ending it on its first day with reason 13 deletes it (it never started). The provider gets
    a new toewijzing with the end date (OP257)."""
    voorziening = _vergrendel(voorziening)
    actor = vereis_toegang(
        actor, Resource.BESCHIKKING, Action.BESLISSEN, via, voorziening.beschikking.inwoner_id
    )
    reden = _reden(reden_wijziging)
    if voorziening.begin is not None and op < voorziening.begin:
        raise ValidationError({"op": "De einddatum ligt vóór de ingangsdatum."})
    if voorziening.einde is not None and op > voorziening.einde:
        raise ValidationError(
            {"op": "De voorziening loopt dan al niet meer; kies een eerdere dag."}
        )
    voorziening.einde = op
    voorziening.save(update_fields=["einde", "updated_at"])
    publiceer(
        soorten.VOORZIENING_BEEINDIGD,
        record=voorziening,
        omschrijving=f"{voorziening.voorziening} beëindigd per {datum_tekst(op)}: {reden.lower()}",
        user=actor.user,
        inwoner_id=voorziening.beschikking.inwoner_id,
        einde=op,
        reden_wijziging=reden_wijziging,
    )
    return voorziening
