"""Helpers of the server-rendered pages of `beschikkingen` and the apps above it (`bezwaren`):
paging size, deadline labels, the access decision on one resident, the login's municipality,
sortable column headers and the small POST actions. Plumbing of the interface layer (under
`views`, so only pages import it), no domain logic. POST/redirect/GET after a refusal is
`web.prg`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.formats import date_format

from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import voorziening as voorziening_rules
from eenplan.rules.termijnen import TermijnStatus

PAGE_SIZE = 25


TERMIJN_LABELS = {
    TermijnStatus.OP_SCHEMA: "Op schema",
    TermijnStatus.BIJNA_VERLOPEN: "Binnen 5 werkdagen",
    TermijnStatus.VERLOPEN: "Verlopen",
}


TIJDIGHEID_LABELS = {
    voorziening_rules.Ontvankelijkheid.TIJDIG: "Tijdig",
    voorziening_rules.Ontvankelijkheid.TE_LAAT: "Te laat",
    voorziening_rules.Ontvankelijkheid.TE_LAAT_VERSCHOONBAAR: "Te laat, maar verschoonbaar "
    "(Awb 6:11)",
}


GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente."


def datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


def keuze(value: str | None, allowed: Any) -> str:
    return value if value and value in allowed else ""


def stand_label(termijn_stand: str | None) -> str:
    """The words for a deadline state as the selectors annotate it (`termijn_stand`, computed
    in SQL by `common.termijnstand`; the API returns the same value); empty when no deadline
    runs."""
    return TERMIJN_LABELS[TermijnStatus(termijn_stand)] if termijn_stand else ""


def via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def open_dossier(
    request: HttpRequest, resource: Resource, action: Action, inwoner: Inwoner | int
) -> None:
    """Role and need-to-know for this resident (403 with the reason when refused); the
    decision is logged either way, with the purpose of the rule. `inwoner`: the resident as
    loaded with the record (its wijk and municipality then decide and log without a query of
    their own), or its id."""
    access.require(
        request.user,
        resource,
        action,
        via=via(request),
        inwoner=inwoner,
        doel=access.RULES[(resource, action)].doel,
    )


def open_beschikking(
    request: HttpRequest,
    action: Action,
    *,
    inwoner_id: int,
    wet: str,
    inwoner: Inwoner | None = None,
) -> None:
    """`open_dossier` for one decision under law `wet`: also the laws the role reads
    (`access.require_wet`; the Werkplein reads Participatiewet decisions only). `inwoner`: the
    resident as already loaded with the decision (its wijk then decides the scope without a
    query of its own)."""
    access.require_wet(
        request.user,
        Resource.BESCHIKKING,
        action,
        via=via(request),
        inwoner=inwoner if inwoner is not None and inwoner.pk == inwoner_id else inwoner_id,
        wet=wet,
        doel=access.RULES[(Resource.BESCHIKKING, action)].doel,
    )


def open_aanvraag(
    request: HttpRequest,
    action: Action,
    *,
    inwoner_id: int,
    wet: str,
    inwoner: Inwoner | None = None,
) -> None:
    """`open_dossier` for one aanvraag under law `wet`: also the laws the role reads
    (`access.require_wet`; the Werkplein reads Participatiewet and Wgs aanvragen only).
    `inwoner`: the resident as already loaded with the aanvraag."""
    access.require_wet(
        request.user,
        Resource.AANVRAAG,
        action,
        via=via(request),
        inwoner=inwoner if inwoner is not None and inwoner.pk == inwoner_id else inwoner_id,
        wet=wet,
        doel=access.RULES[(Resource.AANVRAAG, action)].doel,
    )


def gemeente_van(request: HttpRequest) -> Gemeente:
    """The municipality of the login; an account without one is refused (and logged)."""
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def sorteerkolommen(
    sortering: str, sleutels: dict[str, str], query: Callable[..., str]
) -> dict[str, dict[str, str]]:
    """Column header links: a click sorts on that column; a second click reverses it."""
    kolommen = {}
    for kolom, sleutel in sleutels.items():
        actief = sortering.lstrip("-") == sleutel
        aflopend = sortering.startswith("-")
        kolommen[kolom] = {
            "href": f"?{query(sortering=f'-{sleutel}' if actief and not aflopend else sleutel)}",
            "aria_sort": ("descending" if aflopend else "ascending") if actief else "",
        }
    return kolommen


def actie(request: HttpRequest, doe: Callable[[], object], gelukt: str) -> None:
    """Run one service call; its Dutch refusal becomes an error message (nothing changed)."""
    try:
        doe()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, gelukt)


def datum_uit(request: HttpRequest, veld: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.POST.get(veld, ""))
    except ValueError:
        messages.error(request, "Vul een bestaande datum in.")
        return None
