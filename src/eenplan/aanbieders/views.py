"""Staff pages for providers and their contracts (contract manager, functioneel beheer; the
back office reads). They share their reads with the API (`aanbieders.selectors`) and leave
every decision to the services."""

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

from eenplan.aanbieders import opzoeken, selectors, services
from eenplan.aanbieders.forms import (
    AanbiederForm,
    AanbiederLoginForm,
    AanbiederZoekForm,
    ContractForm,
    ContractProductForm,
    DocumentForm,
)
from eenplan.aanbieders.models import Aanbieder, Contract
from eenplan.berichten import logins
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.voorzieningen.constants import VoorzieningSoort
from eenplan.voorzieningen.models import Voorziening
from eenplan.web.forms import add_service_errors

PER_PAGINA = 25
GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente; contracten zijn per gemeente."


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _mag_wijzigen(request: HttpRequest) -> bool:
    return access.allows(request.user, Resource.AANBIEDERS, Action.WIJZIGEN)


def _aanbieder_of_404(pk: int) -> Aanbieder:
    aanbieder = Aanbieder.objects.filter(pk=pk).first()
    if aanbieder is None:
        raise Http404("Deze aanbieder bestaat niet.")
    return aanbieder


def _contract_of_404(request: HttpRequest, pk: int, action: Action = Action.WIJZIGEN) -> Contract:
    """The contract within the login's municipality: another municipality's is a 404 like one
    that does not exist, the refusal logged (`aanbieders.opzoeken`, ADR 0046)."""
    return opzoeken.contract(request.user, pk, action, via=access.Via.request(request))


# --- providers --------------------------------------------------------------------------------


@access.requires(Resource.AANBIEDERS, Action.LEZEN)
def aanbieders(request: HttpRequest) -> HttpResponse:
    """Providers with the number of contracts of the own municipality; search by name, AGB
    code, contact; the ones whose AGB code is still missing can be listed apart."""
    gemeente = _gemeente(request)
    form = AanbiederZoekForm(request.GET or None)
    zoek, ontbreekt = "", False
    if form.is_valid():
        zoek, ontbreekt = form.cleaned_data["zoek"], form.cleaned_data["agb_ontbreekt"]
    lijst = selectors.aanbieders_list(
        gemeente=gemeente, zoek=zoek, agb_ontbreekt=True if ontbreekt else None
    )
    page = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = urlencode(
        {k: v for k, v in {"zoek": zoek, "agb_ontbreekt": "on" if ontbreekt else ""}.items() if v}
    )
    context = {
        "form": form,
        "page": page,
        "query": query,
        "zonder_agb": selectors.aanbieders_list(gemeente=gemeente, agb_ontbreekt=True).count(),
        "mag_wijzigen": _mag_wijzigen(request),
    }
    return render(request, "aanbieders/aanbieders.html", context)


def _aanbieder_pagina(
    request: HttpRequest,
    aanbieder: Aanbieder,
    *,
    login_form: AanbiederLoginForm | None = None,
    nieuwe_login: tuple[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    gemeente = _gemeente(request)
    context = {
        "a": aanbieder,
        "contracten": list(selectors.contracten_list(gemeente=gemeente, aanbieder=aanbieder)),
        "mag_wijzigen": _mag_wijzigen(request),
        "vandaag": timezone.localdate(),
        "logins": list(logins.logins_van(aanbieder)),
        "login_form": login_form or AanbiederLoginForm(prefix="login"),
        "nieuwe_login": nieuwe_login,
    }
    return render(request, "aanbieders/aanbieder.html", context, status=status)


@access.requires(Resource.AANBIEDERS, Action.LEZEN)
def aanbieder_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _aanbieder_pagina(request, _aanbieder_of_404(pk))


@require_POST
@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def login_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """Create a provider's login; the page shows its API key once (not redirected, so the key
    is never stored or put in a URL)."""
    aanbieder = _aanbieder_of_404(pk)
    _gemeente(request)
    form = AanbiederLoginForm(request.POST, prefix="login")
    if form.is_valid():
        try:
            login, sleutel = logins.aanbieder_login_create(
                aanbieder=aanbieder, gebruikersnaam=form.cleaned_data["gebruikersnaam"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            access.log_allowed(
                request.user,
                Resource.AANBIEDERS,
                Action.WIJZIGEN,
                via=access.Via.request(request),
                toelichting=f"Login {login.user.username} aangemaakt voor {aanbieder.naam}",
            )
            response = _aanbieder_pagina(
                request, aanbieder, nieuwe_login=(login.user.username, sleutel)
            )
            response["Cache-Control"] = "no-store"
            return response
    return _aanbieder_pagina(request, aanbieder, login_form=form, status=400)


@require_POST
@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def login_deactiveren(request: HttpRequest, pk: int, login: int) -> HttpResponse:
    aanbieder = _aanbieder_of_404(pk)
    _gemeente(request)
    gevonden = logins.login_van(aanbieder, login)
    if gevonden is None:
        raise Http404("Deze login hoort niet bij deze aanbieder.")
    try:
        logins.aanbieder_login_deactivate(login=gevonden, door=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        access.log_allowed(
            request.user,
            Resource.AANBIEDERS,
            Action.WIJZIGEN,
            via=access.Via.request(request),
            toelichting=f"Login {gevonden.user.username} van {aanbieder.naam} gedeactiveerd",
        )
        messages.success(request, f"De login {gevonden.user.username} is gedeactiveerd.")
    return redirect("aanbieders:detail", pk=aanbieder.pk)


def _aanbieder_formulier(request: HttpRequest, aanbieder: Aanbieder | None) -> HttpResponse:
    if request.method == "POST":
        form = AanbiederForm(request.POST)
        if form.is_valid():
            try:
                opgeslagen = services.aanbieder_save(aanbieder=aanbieder, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"{opgeslagen.naam} is opgeslagen.")
                return redirect("aanbieders:detail", pk=opgeslagen.pk)
        status = 400
    else:
        initial = AanbiederForm.initial_van(aanbieder) if aanbieder else {"actief": True}
        form, status = AanbiederForm(initial=initial), 200
    context = {"form": form, "a": aanbieder}
    return render(request, "aanbieders/aanbieder_formulier.html", context, status=status)


@access.requires(Resource.AANBIEDERS, Action.AANMAKEN)
def aanbieder_nieuw(request: HttpRequest) -> HttpResponse:
    _gemeente(request)
    return _aanbieder_formulier(request, None)


@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def aanbieder_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    _gemeente(request)
    return _aanbieder_formulier(request, _aanbieder_of_404(pk))


# --- contracts --------------------------------------------------------------------------------


@access.requires(Resource.AANBIEDERS, Action.LEZEN)
def contracten(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    zoek = (request.GET.get("zoek") or "").strip()[:100]
    lijst = selectors.contracten_list(gemeente=gemeente, zoek=zoek)
    page = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    context = {
        "zoek": zoek,
        "page": page,
        "query": urlencode({"zoek": zoek} if zoek else {}),
        "mag_wijzigen": _mag_wijzigen(request),
        "vandaag": timezone.localdate(),
    }
    return render(request, "aanbieders/contracten.html", context)


def _maatwerk(gemeente: Gemeente) -> list[Voorziening]:
    return list(
        Voorziening.objects.filter(gemeente=gemeente, actief=True)
        .exclude(soort=VoorzieningSoort.ALGEMEEN)
        .exclude(productcategorie="")
        .order_by("naam")
    )


def _contract_pagina(
    request: HttpRequest,
    contract: Contract,
    *,
    product_form: ContractProductForm | None = None,
    document_form: DocumentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    mag = _mag_wijzigen(request)
    vandaag = timezone.localdate()
    if mag and product_form is None:
        product_form = ContractProductForm(
            voorzieningen=_maatwerk(contract.gemeente),
            initial={"geldig_vanaf": max(contract.begin, vandaag)},
            prefix="product",
        )
    context = {
        "c": contract,
        "producten": list(
            selectors.contract_producten(contract).order_by(
                "voorziening__naam", "geldig_vanaf", "id"
            )
        ),
        "deelovereenkomsten": list(
            contract.deelovereenkomsten.filter(gemeente_id=contract.gemeente_id).order_by(
                "begin", "id"
            )
        ),
        "documenten": list(
            selectors.contract_documenten(contract).select_related("toegevoegd_door")
        ),
        "mag_wijzigen": mag,
        "product_form": product_form if mag else None,
        "document_form": (document_form or DocumentForm(prefix="document")) if mag else None,
        "vandaag": vandaag,
    }
    return render(request, "aanbieders/contract.html", context, status=status)


@access.requires(Resource.AANBIEDERS, Action.LEZEN)
def contract_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _gemeente(request)
    return _contract_pagina(request, _contract_of_404(request, pk, Action.LEZEN))


def _contract_formulier(
    request: HttpRequest, gemeente: Gemeente, aanbieder: Aanbieder, contract: Contract | None
) -> HttpResponse:
    raam = list(
        Contract.objects.filter(gemeente=gemeente, aanbieder=aanbieder, hoofdcontract=None)
        .exclude(pk=getattr(contract, "pk", None))
        .order_by("-begin")
    )
    if request.method == "POST":
        form = ContractForm(request.POST, raamovereenkomsten=raam)
        if form.is_valid():
            try:
                args: dict[str, Any] = form.service_arguments()
                if contract is None:
                    args.update(aanbieder=aanbieder, gemeente=gemeente)
                opgeslagen = services.contract_save(contract=contract, **args)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Contract {opgeslagen.kenmerk} is opgeslagen.")
                return redirect("aanbieders:contract", pk=opgeslagen.pk)
        status = 400
    else:
        initial = (
            ContractForm.initial_van(contract)
            if contract
            else {"begin": timezone.localdate(), "financieringsvorm": "pxq"}
        )
        form, status = ContractForm(initial=initial, raamovereenkomsten=raam), 200
    context = {"form": form, "a": aanbieder, "c": contract}
    return render(request, "aanbieders/contract_formulier.html", context, status=status)


@access.requires(Resource.AANBIEDERS, Action.AANMAKEN)
def contract_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """A new contract with provider `pk`."""
    return _contract_formulier(request, _gemeente(request), _aanbieder_of_404(pk), None)


@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def contract_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    gemeente = _gemeente(request)
    contract = _contract_of_404(request, pk)
    return _contract_formulier(request, gemeente, contract.aanbieder, contract)


@require_POST
@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def contract_product(request: HttpRequest, pk: int) -> HttpResponse:
    gemeente = _gemeente(request)
    contract = _contract_of_404(request, pk)
    form = ContractProductForm(request.POST, voorzieningen=_maatwerk(gemeente), prefix="product")
    if form.is_valid():
        try:
            product = services.contract_product_save(contract=contract, **form.service_arguments())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Het tarief voor {product.voorziening.naam} is vastgelegd.")
            return redirect("aanbieders:contract", pk=contract.pk)
    return _contract_pagina(request, contract, product_form=form, status=400)


@require_POST
@access.requires(Resource.AANBIEDERS, Action.WIJZIGEN)
def contract_document(request: HttpRequest, pk: int) -> HttpResponse:
    _gemeente(request)
    contract = _contract_of_404(request, pk)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            services.contract_document_add(
                contract=contract,
                titel=form.cleaned_data["titel"],
                bestandsnaam=bestand.name,
                mime_type=bestand.content_type or "",
                inhoud=bestand.read(services.DOCUMENT_MAX_BYTES + 1),
                door=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{form.cleaned_data['titel']} is toegevoegd.")
            return redirect("aanbieders:contract", pk=contract.pk)
    return _contract_pagina(request, contract, document_form=form, status=400)


@access.requires(Resource.AANBIEDERS, Action.LEZEN)
def contract_document_bestand(request: HttpRequest, pk: int, document: int) -> HttpResponse:
    _gemeente(request)
    contract = _contract_of_404(request, pk, Action.LEZEN)
    doc = contract.documenten.filter(pk=document).order_by("pk").first()
    if doc is None:
        raise Http404("Dit document hoort niet bij dit contract.")
    response = HttpResponse(bytes(doc.inhoud), content_type=doc.mime_type)
    naam = doc.bestandsnaam.replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
