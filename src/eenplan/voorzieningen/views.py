"""Staff pages of the catalogue: the sociale kaart search (also for the volunteer at the
information point), the catalogue of voorzieningen with iWmo/iJw codes and current tariffs, and
for the contract manager the forms that add a voorziening and a tariff.

Views parse, authorise (the rules (voorziening, lezen) and (catalogus, ...) of `privacy.access`;
refusals are logged), call a selector or service and render. A refusal of a service is shown
in Dutch next to the form and changes nothing (the services are atomic). No resident data here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.aanbieders.selectors import contract_tarieven_van, zin_aanbod
from eenplan.common.constants import Wet
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import wijken_list
from eenplan.onderzoeken.selectors import leefgebieden_actief
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.voorzieningen import selectors, services
from eenplan.voorzieningen.constants import VoorzieningSoort
from eenplan.voorzieningen.forms import TariefForm, VoorzieningForm
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.selectors import catalogus_met_tarieven, codelijst_omschrijvingen
from eenplan.web.forms import add_service_errors

PAGE_SIZE = 20
GEEN_GEMEENTE = (
    "Uw account hoort niet bij een gemeente; de sociale kaart en de catalogus zijn per gemeente."
)


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _keuze(value: str | None, allowed: Any) -> str:
    return value if value and value in allowed else ""


def _mag_tarieven_zien(request: HttpRequest) -> bool:
    """Contract managers and decision-makers see tariffs; the volunteer does not need them."""
    return access.allows(request.user, Resource.CATALOGUS, Action.LEZEN) or access.allows(
        request.user, Resource.BESCHIKKING, Action.LEZEN
    )


# --- sociale kaart ----------------------------------------------------------------------------


@access.requires(Resource.VOORZIENING, Action.LEZEN)
def sociale_kaart(request: HttpRequest) -> HttpResponse:
    """Full-text search in the algemene voorzieningen, filtered by wijk and life domain. With
    htmx the results refresh while typing; without JavaScript the form submits as usual."""
    gemeente = _gemeente(request)
    wijken = list(wijken_list(gemeente=gemeente))
    leefgebieden = list(leefgebieden_actief())
    doelgroepen = list(selectors.doelgroepen_list())
    filters = {
        "q": request.GET.get("q", "").strip()[:200],
        "wijk": _keuze(request.GET.get("wijk"), {str(w.pk) for w in wijken}),
        "leefgebied": _keuze(request.GET.get("leefgebied"), {str(lg.pk) for lg in leefgebieden}),
        "doelgroep": _keuze(request.GET.get("doelgroep"), {str(d.pk) for d in doelgroepen}),
    }
    resultaten = selectors.sociale_kaart(
        gemeente=gemeente,
        q=filters["q"],
        wijk_id=int(filters["wijk"]) if filters["wijk"] else None,
        leefgebied_id=int(filters["leefgebied"]) if filters["leefgebied"] else None,
        doelgroep_id=int(filters["doelgroep"]) if filters["doelgroep"] else None,
    )
    page = Paginator(resultaten, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "gemeente": gemeente,
        "wijken": wijken,
        "leefgebieden": leefgebieden,
        "doelgroepen": doelgroepen,
        "filters": filters,
        "gefilterd": any(filters.values()),
        "page": page,
        "pagina_query": urlencode({k: v for k, v in filters.items() if v}),
        "htmx": bool(request.htmx),
    }
    template = (
        "voorzieningen/_sociale_kaart_resultaten.html"
        if request.htmx and request.htmx.target == "resultaten"
        else "voorzieningen/sociale_kaart.html"
    )
    return render(request, template, context)


# --- catalogue --------------------------------------------------------------------------------


def _code_labels(voorziening: Voorziening, omschrijvingen: dict[tuple[str, str], str]) -> None:
    lijst = "JZ020" if voorziening.wet == Wet.JEUGD else "WMO020"
    voorziening.categorie_label = omschrijvingen.get(  # type: ignore[attr-defined]
        (lijst, voorziening.productcategorie), ""
    )
    voorziening.categorie_lijst = lijst  # type: ignore[attr-defined]
    voorziening.eenheid_label = omschrijvingen.get(  # type: ignore[attr-defined]
        ("WJ756", voorziening.eenheid), ""
    )
    voorziening.frequentie_label = omschrijvingen.get(  # type: ignore[attr-defined]
        ("WMO757", voorziening.frequentie), ""
    )


@access.requires(Resource.VOORZIENING, Action.LEZEN)
def catalogus(request: HttpRequest) -> HttpResponse:
    """The catalogue by soort and law, with the iWmo/iJw coding and the tariffs in force."""
    gemeente = _gemeente(request)
    filters = {
        "soort": _keuze(request.GET.get("soort"), VoorzieningSoort.values),
        "wet": _keuze(request.GET.get("wet"), Wet.values),
    }
    voorzieningen = catalogus_met_tarieven(
        gemeente=gemeente,
        op=timezone.localdate(),
        soort=filters["soort"] or None,
        wet=filters["wet"] or None,
    )
    omschrijvingen = codelijst_omschrijvingen()
    vandaag = timezone.localdate()
    # The contracted tariffs in kind that hold today, per provider (one query for the list).
    aanbod = zin_aanbod(voorzieningen, vandaag)
    for voorziening in voorzieningen:
        _code_labels(voorziening, omschrijvingen)
        voorziening.zin = [  # type: ignore[attr-defined]
            p
            for p in aanbod.get(voorziening.pk, [])
            if p.geldig_vanaf <= vandaag and p.contract.begin <= vandaag
        ]
    groepen = [
        (waarde, label, [v for v in voorzieningen if v.soort == waarde])
        for waarde, label in VoorzieningSoort.choices
    ]
    context = {
        "gemeente": gemeente,
        "filters": filters,
        "soorten": VoorzieningSoort.choices,
        "wetten": Wet.choices,
        "groepen": [g for g in groepen if g[2]],
        "aantal": len(voorzieningen),
        "tarieven_zien": _mag_tarieven_zien(request),
    }
    return render(request, "voorzieningen/catalogus.html", context)


def _voorziening_or_404(gemeente: Gemeente, pk: int) -> Voorziening:
    voorziening = selectors.catalogus(gemeente=gemeente).filter(pk=pk).first()
    if voorziening is None:
        raise Http404("Deze voorziening bestaat niet in de catalogus van uw gemeente.")
    return voorziening


def _voorziening_pagina(
    request: HttpRequest, voorziening: Voorziening, *, form: TariefForm | None, status: int = 200
) -> HttpResponse:
    _code_labels(voorziening, codelijst_omschrijvingen())
    vandaag = timezone.localdate()
    tarieven = (
        list(voorziening.tarieven.order_by("leveringsvorm", "-geldig_vanaf", "-id"))
        if _mag_tarieven_zien(request)
        else []
    )
    # The tariff in force per leveringsvorm: the latest one that has started.
    gezien: set[str] = set()
    for tarief in tarieven:
        sleutel = tarief.leveringsvorm
        tarief.stand = (  # type: ignore[attr-defined]
            "toekomst"
            if tarief.geldig_vanaf > vandaag
            else ("vervallen" if sleutel in gezien else "geldend")
        )
        if tarief.geldig_vanaf <= vandaag:
            gezien.add(sleutel)
    context = {
        "v": voorziening,
        "tarieven_zien": _mag_tarieven_zien(request),
        "tarieven": tarieven,
        "contract_tarieven": contract_tarieven_van(voorziening, op=vandaag)
        if _mag_tarieven_zien(request)
        else [],
        "form": form,
    }
    return render(request, "voorzieningen/voorziening.html", context, status=status)


@access.requires(Resource.VOORZIENING, Action.LEZEN)
def voorziening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    voorziening = _voorziening_or_404(_gemeente(request), pk)
    form = (
        TariefForm(prefix="tarief", initial={"geldig_vanaf": timezone.localdate()})
        if access.allows(request.user, Resource.CATALOGUS, Action.WIJZIGEN)
        else None
    )
    return _voorziening_pagina(request, voorziening, form=form)


@require_POST
@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def tarief_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    voorziening = _voorziening_or_404(_gemeente(request), pk)
    form = TariefForm(request.POST, prefix="tarief")
    if form.is_valid():
        try:
            tarief = services.tarief_add(voorziening=voorziening, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Het tarief van {voorziening.naam} ({tarief.get_leveringsvorm_display().lower()}"
                ") is vastgelegd.",
            )
            return redirect("voorzieningen:detail", pk=voorziening.pk)
    return _voorziening_pagina(request, voorziening, form=form, status=400)


@access.requires(Resource.CATALOGUS, Action.WIJZIGEN)
def voorziening_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = VoorzieningForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        try:
            voorziening = services.voorziening_create(gemeente=gemeente, **form.service_arguments())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{voorziening.naam} staat nu in de catalogus.")
            return redirect("voorzieningen:detail", pk=voorziening.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "voorzieningen/voorziening_nieuw.html", {"form": form}, status=status)
