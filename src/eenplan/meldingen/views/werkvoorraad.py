"""The werkvoorraad: the worklist with its views, filters, counts per deadline state and
sorting, and the start page's summary tile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from eenplan.meldingen import selectors
from eenplan.meldingen.constants import (
    Domein,
    Status,
    TermijnStand,
)
from eenplan.meldingen.views._shared import MELDING, Handeling, _via
from eenplan.privacy import access
from eenplan.web.parameters import allowed_parameters

PAGE_SIZE = 25
WEERGAVEN = {
    "mijn": "Mijn meldingen",
    "team": "Mijn team",
    "alle": "Alle open meldingen",
}


def _keuze(value: str | None, allowed: Any) -> str:
    return value if value and value in allowed else ""


# The same names as the API's /api/v1/meldingen/ (q, status, team, wijk, domein, stand,
# sortering, pagina, per_pagina); `weergave` is the page's own (mijn / team / alle).
PARAMETERS = (
    "weergave",
    "team",
    "wijk",
    "domein",
    "status",
    "stand",
    "q",
    "sortering",
    "pagina",
    "per_pagina",
)
PER_PAGINA_MAX = 100


def _paginanummer(value: str | None) -> int | None:
    """The page asked for as a whole number from 1 (no `pagina`: 1); None for anything else
    (Django's Paginator then decides, as it always did)."""
    if not value:
        return 1
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def _per_pagina(value: str | None) -> int:
    """`per_pagina` as on the API: a whole number, at most PER_PAGINA_MAX; else the default."""
    if value and value.isascii() and value.isdigit() and int(value) > 0:
        return min(int(value), PER_PAGINA_MAX)
    return PAGE_SIZE


@access.requires(MELDING, Handeling.LEZEN)
@allowed_parameters(*PARAMETERS)
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    user = request.user
    medewerker = access.Actor.of(user).medewerker
    vandaag = timezone.localdate()
    teams = list(medewerker.teams.all()) if medewerker else []
    weergaven = {
        "mijn": medewerker is not None,
        "team": bool(teams),
        "alle": access.allows(user, MELDING, Handeling.SCREENEN) or user.is_superuser,
    }
    weergave = request.GET.get("weergave", "")
    # The mid-office's default view is what waits for it — the meldingen to screen — the same
    # list and number as the start page's tile (werkvoorraad_samenvatting); others see their own.
    screener_standaard = (
        not weergave
        and weergaven["alle"]
        and (medewerker is None or access.allows(user, MELDING, Handeling.SCREENEN))
    )
    if screener_standaard:
        weergave = "alle"
    if not weergaven.get(weergave):
        weergave = "mijn" if medewerker is not None else "alle"
    team = None
    if weergave == "team":
        team = next((t for t in teams if str(t.pk) == request.GET.get("team")), teams[0])
    wijken = access.gemeente_wijken(user)  # read with the need-to-know scope, no query more
    wijk = _keuze(request.GET.get("wijk"), {str(w.pk) for w in wijken})
    filters = {
        "weergave": weergave,
        "team": str(team.pk) if team else "",
        "wijk": wijk,
        "domein": _keuze(request.GET.get("domein"), Domein.values),
        "status": (
            Status.GEREGISTREERD
            if screener_standaard and "status" not in request.GET
            else _keuze(request.GET.get("status"), Status.values)
        ),
        "stand": _keuze(request.GET.get("stand"), TermijnStand.values),
        "q": request.GET.get("q", "").strip()[:100],
        "sortering": _keuze(request.GET.get("sortering"), selectors.SORTERINGEN) or "termijn",
    }
    per_pagina = _per_pagina(request.GET.get("per_pagina"))
    if per_pagina != PAGE_SIZE:
        filters["per_pagina"] = str(per_pagina)
    arguments = {
        "scope": selectors.meldingen_in_scope(user),
        "gemeente_id": medewerker.gemeente_id if medewerker else None,
        "vandaag": vandaag,
        "medewerker": medewerker if weergave == "mijn" else None,
        "team": team,
        "wijk_id": int(wijk) if wijk else None,
        "domein": filters["domein"] or None,
        "status": filters["status"] or None,
        "zoek": filters["q"],
        "sortering": filters["sortering"],
    }
    alle_standen = selectors.werkvoorraad(**arguments)
    lijst = (
        selectors.werkvoorraad(**arguments, stand=filters["stand"])
        if filters["stand"]
        else alle_standen
    )
    with selectors.werkvoorraad_plan(**arguments):
        page = None
        nummer = _paginanummer(request.GET.get("pagina"))
        if not filters["stand"]:
            # The whole list: its page and its counts per deadline state in one query.
            page, geteld = selectors.werkvoorraad_pagina(
                alle_standen, nummer=nummer, per_pagina=per_pagina
            )
            if geteld is not None:
                tellingen = geteld
        if page is None:
            tellingen = selectors.werkvoorraad_tellingen(alle_standen)
            paginator = Paginator(lijst, per_pagina)
            # The counts per deadline state already say how many rows the list has: no COUNT.
            paginator.count = (
                tellingen[filters["stand"]] if filters["stand"] else sum(tellingen.values())
            )
            page = paginator.get_page(request.GET.get("pagina"))
    for melding in page.object_list:
        melding.stand_label = TermijnStand(melding.stand).label
    # The rows show who each melding is about: logged as read, in one INSERT.
    access.log_shown(
        user,
        [m.inwoner_id for m in page.object_list if m.inwoner_id],
        resource=MELDING,
        via=_via(request),
        gemeenten={m.inwoner_id: m.inwoner.gemeente_id for m in page.object_list if m.inwoner_id},
    )

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {**filters, **changes}.items() if v})

    context = {
        "page": page,
        "filters": filters,
        "weergaven": [
            (key, label, f"?{urlencode({'weergave': key})}")
            for key, label in WEERGAVEN.items()
            if weergaven[key]
        ],
        "weergave_label": (
            "Te screenen"
            if weergave == "alle" and filters["status"] == Status.GEREGISTREERD
            else WEERGAVEN[weergave]
        ),
        "teams": teams,
        "team": team,
        "wijken": wijken,
        "domeinen": Domein.choices,
        "statussen": Status.choices,
        "standen": [
            (stand.value, stand.label, tellingen[stand.value], f"?{query(stand=stand.value)}")
            for stand in TermijnStand
        ],
        "totaal": sum(tellingen.values()),
        "sorteringen": [
            ("termijn", "Termijn, kortste eerst"),
            ("-termijn", "Termijn, langste eerst"),
            ("ontvangen", "Ontvangen, oudste eerst"),
            ("-ontvangen", "Ontvangen, nieuwste eerst"),
            ("wijk", "Wijk"),
        ],
        "kolommen": _sorteerkolommen(filters["sortering"], query),
        "zonder_stand": f"?{query(stand='')}",
        "pagina_query": query(),
        "notificaties": (
            list(selectors.notificaties_open(medewerker=medewerker)[:10]) if medewerker else []
        ),
    }
    template = (
        "meldingen/_werkvoorraad_lijst.html"
        if request.htmx and request.htmx.target == "lijst"
        else "meldingen/werkvoorraad.html"
    )
    return render(request, template, context)


def _sorteerkolommen(sortering: str, query: Callable[..., str]) -> dict[str, dict[str, str]]:
    """Column header links: a click sorts on that column; a second click reverses it."""
    kolommen = {}
    for kolom, sleutel in (("ontvangen", "ontvangen"), ("termijn", "termijn"), ("wijk", "wijk")):
        actief = sortering.lstrip("-") == sleutel
        aflopend = sortering.startswith("-")
        volgende = (
            f"-{sleutel}"
            if actief and not aflopend and f"-{sleutel}" in (selectors.SORTERINGEN)
            else sleutel
        )
        kolommen[kolom] = {
            "href": f"?{query(sortering=volgende, pagina='')}",
            "aria_sort": ("descending" if aflopend else "ascending") if actief else "",
        }
    return kolommen


@access.requires(MELDING, Handeling.LEZEN)
def werkvoorraad_samenvatting(request: HttpRequest) -> HttpResponse:
    """htmx fragment for the home page tile: how many open meldingen per deadline state."""
    medewerker = access.Actor.of(request.user).medewerker
    screener = access.allows(request.user, MELDING, Handeling.SCREENEN) or medewerker is None
    qs = selectors.werkvoorraad(
        scope=selectors.meldingen_in_scope(request.user),
        vandaag=timezone.localdate(),
        medewerker=None if screener else medewerker,
        status=Status.GEREGISTREERD if screener else None,
    )
    tellingen = selectors.werkvoorraad_tellingen(qs)
    query = {"weergave": "alle", "status": Status.GEREGISTREERD} if screener else {}
    context = {
        "screener": screener,
        "totaal": sum(tellingen.values()),
        "verlopen": tellingen[TermijnStand.VERLOPEN],
        "bijna": tellingen[TermijnStand.BIJNA_VERLOPEN],
        "href": reverse("meldingen:werkvoorraad") + (f"?{urlencode(query)}" if query else ""),
    }
    return render(request, "meldingen/_samenvatting.html", context)
