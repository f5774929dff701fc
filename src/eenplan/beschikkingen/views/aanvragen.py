"""The aanvragen pages: the worklist of open aanvragen with their deadline state (the SQL
annotation of the selectors), the decision form (per provision: ZIN with a provider or PGB with its
three conditions) and suspending or resuming the decision term (Awb 4:15)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beschikkingen import page_selectors, services
from eenplan.beschikkingen.constants import WGS_BESLISSEN_BIJ_SCHULDVRAAG, AanvraagStatus
from eenplan.beschikkingen.forms import (
    MAX_REGELS,
    BeslisForm,
    RegelForm,
)
from eenplan.beschikkingen.models import Aanvraag
from eenplan.beschikkingen.selectors import opschorting_lopend
from eenplan.beschikkingen.views import paginahulp as hulp
from eenplan.beschikkingen.views._gedeeld import aanvraag_of_404
from eenplan.common.constants import Wet
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import voorziening as voorziening_rules
from eenplan.voorzieningen.constants import Leveringsvorm
from eenplan.voorzieningen.models import Voorziening


@access.requires(Resource.AANVRAAG, Action.LEZEN)
def aanvragen(request: HttpRequest) -> HttpResponse:
    """Open aanvragen of residents in scope with their decision deadline and its state."""
    filters = {
        "wet": hulp.keuze(request.GET.get("wet"), Wet.values),
        "sortering": hulp.keuze(request.GET.get("sortering"), page_selectors.AANVRAAG_SORTERINGEN)
        or "termijn",
    }
    lijst = page_selectors.aanvragen_open(
        request.user, wet=filters["wet"] or None, sortering=filters["sortering"]
    )
    page = Paginator(lijst, hulp.PAGE_SIZE).get_page(request.GET.get("pagina"))
    for aanvraag in page.object_list:
        aanvraag.stand = aanvraag.termijn_stand
        aanvraag.stand_label = hulp.stand_label(aanvraag.termijn_stand)

    def query(**changes: str) -> str:
        return urlencode({k: v for k, v in {**filters, **changes}.items() if v})

    context = {
        "page": page,
        "filters": filters,
        "wetten": Wet.choices,
        "kolommen": hulp.sorteerkolommen(
            filters["sortering"], {"termijn": "termijn", "ontvangen": "ontvangen"}, query
        ),
        "pagina_query": query(),
        "terug": list(page_selectors.terug_naar_beslisser(request.user)[:10])
        if access.allows(request.user, Resource.BESCHIKKING, Action.BESLISSEN)
        else [],
    }
    return render(request, "beschikkingen/aanvragen.html", context)


def _regel_initial(aanvraag: Aanvraag, voorzieningen: list[Voorziening]) -> dict[str, Any]:
    """The first row starts with the provision the plan's proposal (voorstel) names."""
    gekozen = page_selectors.voorgestelde_voorziening(aanvraag, voorzieningen)
    return {
        "voorziening": str(gekozen.pk) if gekozen else "",
        "begin": timezone.localdate(),
    }


def _aantal(request: HttpRequest) -> int:
    try:
        return max(1, min(MAX_REGELS, int(request.POST.get("aantal", "1"))))
    except ValueError:
        return 1


def _pgb_berekening(form: RegelForm) -> None:
    """The PGB budget for a row, before saving: at most the cheapest ZIN tariff per unit
    (Wmo 2015 art. 2.3.6 lid 3), computed by the rules module."""
    form.berekening = None  # type: ignore[attr-defined]
    form.berekening_fout = ""  # type: ignore[attr-defined]
    if not form.is_valid() or form.cleaned_data.get("leveringsvorm") != Leveringsvorm.PGB:
        return
    voorziening = form.gekozen
    omvang, tarief = form.cleaned_data["omvang"], form.cleaned_data["pgb_tarief"]
    if voorziening is None or omvang is None or tarief is None:
        form.berekening_fout = (  # type: ignore[attr-defined]
            "Kies de voorziening en vul de omvang en het gevraagde tarief in."
        )
        return
    try:
        form.berekening = voorziening_rules.pgb_budget(  # type: ignore[attr-defined]
            omvang=omvang,
            zin_tarieven=[p.tarief for p in page_selectors.zin_aanbieders(voorziening)],
            gevraagd_tarief=tarief,
        )
    except ValueError as exc:
        form.berekening_fout = str(exc)  # type: ignore[attr-defined]


def _plafonds(voorzieningen: list[Voorziening]) -> list[dict[str, Any]]:
    """Per provision its contracted providers' ZIN tariffs (with their unit) and the PGB
    ceiling (the cheapest)."""
    result = []
    for v in voorzieningen:
        producten = page_selectors.zin_aanbieders(v)
        result.append(
            {
                "voorziening": v,
                "tarieven": sorted(producten, key=lambda p: (p.tarief, p.contract.aanbieder.naam)),
                "plafond": min((p.tarief for p in producten), default=None),
            }
        )
    return result


def _service_fouten(exc: ValidationError, hoofd: BeslisForm, regels: list[RegelForm]) -> None:
    """A refusal of beschikking_issue on the form: the date and motivering at their fields,
    a message about one provision (it starts with its name or product code) on that row,
    the rest above the form."""
    if not hasattr(exc, "error_dict"):
        hoofd.add_error(None, exc.messages)
        return
    for key, fouten in exc.message_dict.items():
        if key in hoofd.fields:
            hoofd.add_error(key, fouten)
            continue
        for fout in fouten:
            regel = next(
                (
                    form
                    for form in regels
                    if form.gekozen is not None
                    and (
                        fout.startswith(f"{form.gekozen.naam}: ")
                        or fout.startswith(f"Product {form.gekozen.productcode}:")
                    )
                ),
                None,
            )
            (regel or hoofd).add_error(None, fout)


@access.requires(Resource.BESCHIKKING, Action.BESLISSEN)
def beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    """Decide on an aanvraag, per requested provision. Buttons: add a row, compute the PGB
    budget (writes nothing), or record the decision (beschikking_issue)."""
    aanvraag = aanvraag_of_404(request, pk, Action.BESLISSEN, resource=Resource.BESCHIKKING)
    access.vereis_beslist_over(
        request.user, aanvraag.wet, via=hulp.via(request), inwoner=aanvraag.inwoner_id
    )
    hulp.open_dossier(request, Resource.BESCHIKKING, Action.BESLISSEN, aanvraag.inwoner)
    if aanvraag.wet == Wet.SCHULDHULP:
        messages.info(request, WGS_BESLISSEN_BIJ_SCHULDVRAAG)
        return redirect("schuldhulp:inwoner", pk=aanvraag.inwoner_id)
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        beschikking = aanvraag.beschikkingen.order_by("-id").first()
        messages.info(
            request,
            "Deze aanvraag is ingetrokken."
            if aanvraag.status == AanvraagStatus.INGETROKKEN
            else "Op deze aanvraag is al besloten.",
        )
        if beschikking is not None:
            return redirect("beschikkingen:detail", pk=beschikking.pk)
        return redirect("beschikkingen:aanvragen")
    door_generalist = services.is_generalist(request.user)
    post = request.POST if request.method == "POST" else None
    actie = request.POST.get("actie", "vastleggen") if post else ""
    hoofd = BeslisForm(post)
    op = hoofd.cleaned_data["besloten_op"] if post and hoofd.is_valid() else timezone.localdate()
    voorzieningen = page_selectors.maatwerk_keuzes(
        gemeente=aanvraag.gemeente, wet=aanvraag.wet, op=op
    )
    aantal = _aantal(request) if post else 1
    regels = [
        RegelForm(
            post,
            prefix=f"regel-{i}",
            voorzieningen=voorzieningen,
            wet=aanvraag.wet,
            op=op,
            initial=_regel_initial(aanvraag, voorzieningen) if i == 0 else {},
        )
        for i in range(aantal)
    ]
    status = 200
    if actie == "meer" and aantal < MAX_REGELS:
        regels.append(
            RegelForm(
                prefix=f"regel-{aantal}",
                voorzieningen=voorzieningen,
                wet=aanvraag.wet,
                op=op,
                initial={"begin": op},
            )
        )
    elif actie == "berekenen":
        for form in regels:
            _pgb_berekening(form)
    elif actie == "vastleggen":
        geldig = hoofd.is_valid() and all(form.is_valid() for form in regels)
        if geldig:
            try:
                beschikking = services.beschikking_issue(
                    aanvraag=aanvraag,
                    actor=request.user,
                    besloten_op=hoofd.cleaned_data["besloten_op"],
                    motivering=hoofd.cleaned_data["motivering"],
                    regels=[r for r in (form.regel() for form in regels) if r is not None],
                    via=hulp.via(request),
                )
            except ValidationError as exc:
                _service_fouten(exc, hoofd, regels)
            else:
                messages.success(
                    request,
                    f"Beschikking {beschikking.pk} is vastgelegd. Lees de brief na en verstuur "
                    "hem.",
                )
                return redirect("beschikkingen:detail", pk=beschikking.pk)
        status = 400
    context = {
        "aanvraag": aanvraag,
        "inwoner": aanvraag.inwoner,
        "hoofd": hoofd,
        "regels": regels,
        "aantal": len(regels),
        "max_regels": MAX_REGELS,
        "fouten": status == 400,
        "ladder": page_selectors.ladder_van(aanvraag.inwoner),
        "plafonds": _plafonds(voorzieningen),
        "door_generalist": door_generalist,
        "stand": aanvraag.termijn_stand,
        "stand_label": hulp.stand_label(aanvraag.termijn_stand),
        "jeugd": aanvraag.wet == Wet.JEUGD,
    }
    return render(request, "beschikkingen/beslissen.html", context, status=status)


@require_POST
@access.requires(Resource.AANVRAAG, Action.OPSCHORTEN)
def aanvraag_opschorten(request: HttpRequest, pk: int) -> HttpResponse:
    """Suspend or resume the decision term of an aanvraag (Awb art. 4:15)."""
    aanvraag = aanvraag_of_404(request, pk, Action.OPSCHORTEN)
    hulp.open_aanvraag(
        request,
        Action.OPSCHORTEN,
        inwoner_id=aanvraag.inwoner_id,
        wet=aanvraag.wet,
        inwoner=aanvraag.inwoner,
    )
    datum = hulp.datum_uit(request, "datum")
    if datum is not None:
        open_ = opschorting_lopend(aanvraag)
        if open_ is None:
            hulp.actie(
                request,
                lambda: services.aanvraag_suspend(
                    aanvraag=aanvraag,
                    van=datum,
                    reden=request.POST.get("reden", ""),
                    actor=request.user,
                    via=hulp.via(request),
                ),
                "De beslistermijn is opgeschort.",
            )
        else:
            hulp.actie(
                request,
                lambda: services.aanvraag_resume(
                    opschorting=open_, tot=datum, actor=request.user, via=hulp.via(request)
                ),
                "De opschorting is beëindigd; de beslistermijn is opnieuw berekend.",
            )
    return redirect("beschikkingen:beslissen", pk=pk)
