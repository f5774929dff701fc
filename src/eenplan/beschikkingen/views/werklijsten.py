"""The back office's worklists: the lawfulness queue, provisions ending or due for
heronderzoek within eight weeks, and old indications under transition rights."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from eenplan.beschikkingen import page_selectors
from eenplan.beschikkingen.forms import (
    ToetsForm,
)
from eenplan.beschikkingen.selectors import overgangsrecht_werklijst
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.beschikkingen.views._gedeeld import omvang_labels
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


def _toetsing_pagina(
    request: HttpRequest, *, bound: dict[int, ToetsForm] | None = None, status: int = 200
) -> HttpResponse:
    page = Paginator(page_selectors.toetsing_rij(request.user), hulp.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    omvang_labels([r for b in page.object_list for r in b.voorzieningen.all()])
    for beschikking in page.object_list:
        beschikking.eigen = beschikking.besloten_door_id == request.user.pk
        beschikking.form = (bound or {}).get(beschikking.pk) or ToetsForm(
            prefix=f"toets-{beschikking.pk}", initial={"terug": "toetsing"}
        )
    context = {"page": page, "fout": next(iter(bound), None) if bound else None}
    return render(request, "beschikkingen/toetsing.html", context, status=status)


@access.requires(Resource.BESCHIKKING, Action.TOETSEN)
def toetsing(request: HttpRequest) -> HttpResponse:
    """Decisions by generalists, to be checked afterwards by the back office (Hardenberg)."""
    return _toetsing_pagina(request)


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def einde(request: HttpRequest) -> HttpResponse:
    """Granted provisions ending or due for heronderzoek within eight weeks."""
    vandaag = timezone.localdate()
    sortering = (
        hulp.keuze(request.GET.get("sortering"), page_selectors.EINDE_SORTERINGEN) or "datum"
    )
    lijst = page_selectors.einde_en_heronderzoek(request.user, vandaag=vandaag, sortering=sortering)
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    tot = vandaag + page_selectors.EINDE_VENSTER
    for regel in page.object_list:
        regel.eindigt = regel.einde is not None and vandaag <= regel.einde <= tot
        regel.heronderzoek = (
            regel.heronderzoek_op is not None and vandaag <= regel.heronderzoek_op <= tot
        )

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {"sortering": sortering, **changes}.items() if v})

    context = {
        "page": page,
        "vandaag": vandaag,
        "tot": tot,
        "sortering": sortering,
        "kolommen": hulp.sorteerkolommen(sortering, {"datum": "datum"}, query),
        "inwoner_href": f"?{query(sortering='inwoner')}",
        "pagina_query": query(),
    }
    return render(request, "beschikkingen/einde.html", context)


@access.requires(Resource.BESCHIKKING, Action.LEZEN)
def overgangsrecht(request: HttpRequest) -> HttpResponse:
    """Old indications to re-assess before their legal end (transition rights)."""
    rijen = overgangsrecht_werklijst(
        inwoners=access.inwoners_in_scope(request.user),
        vandaag=timezone.localdate(),
        alleen_wetten=access.leest_over(request.user),
    )
    page = Paginator(rijen, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "beschikkingen/overgangsrecht.html",
        {"page": page, "vandaag": timezone.localdate()},
    )
