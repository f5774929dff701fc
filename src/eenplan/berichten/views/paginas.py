"""The staff pages of the message traffic (`/berichten/`): the log, one message, the worklist
of answers due and the budget. Thin: parse the filter with the form, ask `overzichten` (the
same selectors as the staff API), log the residents shown, render."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from eenplan.berichten import overzichten, selectors
from eenplan.berichten.forms import BudgetFilterForm, LogFilterForm
from eenplan.berichten.models import Bericht
from eenplan.berichten.taken import BERICHTEN_MAP
from eenplan.berichten.views.grafiek import budget_svg
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.istandaarden import codelijsten
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.taken import registry
from eenplan.taken.registry import TaakSoort
from eenplan.web.parameters import allowed_parameters

BERICHT_LEZEN = (Resource.BERICHT, Action.LEZEN)


def _scope(request: HttpRequest) -> QuerySet[Bericht]:
    return selectors.berichten_in_scope(request.user)


def _toon(request: HttpRequest, berichten: list[Bericht], *, lijst: bool = True) -> None:
    """Log every resident the page shows (`overzichten.log_getoond`)."""
    overzichten.log_getoond(request.user, berichten, via=hulp.via(request), lijst=lijst)


@access.requires(*BERICHT_LEZEN)
@allowed_parameters(*overzichten.LOG_PARAMETERS)
def log(request: HttpRequest) -> HttpResponse:
    """The message log, newest first: all, or per resident (`inwoner`), provider
    (`aanbieder`) or day (`dag`), further filtered by message, direction, status and return
    code; 25 per page."""
    form = LogFilterForm(request.GET or None)
    geldig = form.is_valid() if request.GET else True
    vraag = form.vraag() if request.GET and geldig else overzichten.LogVraag()
    inwoner = None
    if geldig:
        try:
            inwoner = overzichten.inwoner_van_vraag(request.user, vraag, via=hulp.via(request))
        except ValidationError as fout:
            form.add_error(None, fout)
            geldig = False
    scope = _scope(request)
    rijen = overzichten.berichten_log(scope, vraag) if geldig else scope.none()
    filters = {k: v for k, v in request.GET.items() if k != "pagina" and v}
    # The folder connection's rounds, shown on the first page of the unfiltered log.
    soort = _mapkoppeling(request) if not filters else None
    naast = overzichten.naast_de_log(
        access.Actor.of(request.user).gemeente_id,
        rijen=rijen,
        rondes=[BERICHTEN_MAP] if soort else [],
    )
    form.aanbieders_tonen(naast.aanbieders)
    paginator = Paginator(rijen, hulp.PAGE_SIZE)
    paginator.count = naast.aantal  # counted with the choices: no COUNT of its own
    page = paginator.get_page(request.GET.get("pagina"))
    _toon(request, list(page.object_list))
    rondes = naast.rondes if soort is not None and page.number == 1 else None
    for taak in rondes or []:
        taak.label = soort.label if soort is not None else ""
    context = {
        "form": form,
        "page": page,
        "inwoner": inwoner,
        "gefilterd": bool(filters),
        "pagina_query": urlencode(filters),
        "mapkoppeling": rondes,
    }
    return render(request, "berichten/log.html", context, status=200 if geldig else 400)


def _mapkoppeling(request: HttpRequest) -> TaakSoort | None:
    """The kind of task of the folder connection's rounds, when this login may see them (the
    staff of this municipality who handle messages, `access.decide_taak`): the page then
    shows the latest rounds."""
    soort = registry.soort(BERICHTEN_MAP)
    if access.Actor.of(request.user).gemeente_id is None or soort is None:
        return None
    return soort if access.heeft_recht(request.user, soort.recht) else None


@access.requires(*BERICHT_LEZEN)
@allowed_parameters()
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One message: what it is, the file as received or sent (indented, escaped), every
    return code explained in Dutch, its lines (a declaratie) and the answers to it."""
    gegevens = overzichten.bericht_detail(request.user, pk, via=hulp.via(request))
    _toon(request, [gegevens.bericht], lijst=False)
    return render(request, "berichten/bericht.html", {"d": gegevens, "b": gegevens.bericht})


@access.requires(*BERICHT_LEZEN)
@allowed_parameters("pagina")
def werklijst(request: HttpRequest) -> HttpResponse:
    """Received messages still waiting for their retour or answer, the earliest deadline
    first, with the deadline state."""
    rijen = overzichten.antwoorden_te_geven(_scope(request), timezone.localdate())
    page = Paginator(rijen, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    _toon(request, list(page.object_list))
    for b in page.object_list:
        b.stand_label = hulp.stand_label(b.stand)
        b.wat = overzichten.wat_te_doen(b)
    return render(request, "berichten/werklijst.html", {"page": page, "pagina_query": ""})


@access.requires(*BERICHT_LEZEN)
@allowed_parameters("jaar", "aanbieder", "productcategorie")
def budget(request: HttpRequest) -> HttpResponse:
    """Per provider and product category in a year: assigned, claimed, approved and the
    forecast to the year's end, as a chart and as a table (no personal data)."""
    vandaag = timezone.localdate()
    form = BudgetFilterForm(request.GET or None, vandaag=vandaag)
    geldig = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and geldig else {}
    jaar = data.get("jaar") or vandaag.year
    overzicht = None
    if geldig:
        overzicht = overzichten.budget_overzicht(
            hulp.gemeente_van(request),
            jaar,
            vandaag,
            aanbieder=data["aanbieder"].pk if data.get("aanbieder") else None,
            productcategorie=data.get("productcategorie") or "",
        )
    context = {
        "form": form,
        "jaar": jaar,
        "budget": overzicht,
        "grafiek": budget_svg(overzicht.regels, f"Budget {jaar}") if overzicht else "",
        "lopend_jaar": jaar == vandaag.year,
        "peildatum": vandaag,
    }
    return render(request, "berichten/budget.html", context, status=200 if geldig else 400)


@access.requires(*BERICHT_LEZEN)
@allowed_parameters()
def retourcodes(request: HttpRequest) -> HttpResponse:
    """Every return code the product can produce, explained in Dutch with what to do."""
    return render(
        request,
        "berichten/retourcodes.html",
        {"codes": list(codelijsten.UITLEG.values()), "vandaag": dt.date.today()},
    )
