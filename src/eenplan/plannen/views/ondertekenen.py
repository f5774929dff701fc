"""Signing, an aanvraag made with the plan, and merging plans."""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from eenplan.common.api import parse_id
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen import selectors, services
from eenplan.plannen.forms import AanvraagForm, OndertekenForm, SamenvoegenForm
from eenplan.plannen.models import Plan
from eenplan.plannen.views.gemeen import _datum
from eenplan.plannen.views.pagina import _actie, _Mensen
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def ondertekenen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return OndertekenForm(request.POST, groepen=mensen.ondertekenaar_groepen())

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        ondertekenaar = mensen.zoek(data["ondertekenaar"])
        if not isinstance(ondertekenaar, Inwoner | Netwerkpersoon):
            raise ValidationError({"ondertekenaar": "Kies wie het plan ondertekent."})
        aanvragen = services.plan_sign(
            plan=plan, ondertekenaar=ondertekenaar, op=data["op"], actor=request.user
        )
        if not aanvragen:
            return "Het plan is ondertekend. Er is geen maatwerk voorgesteld, dus geen aanvraag."
        lijst = "; ".join(
            f"{a.omschrijving} (beslissen uiterlijk {_datum(a.beslissen_uiterlijk)})"
            for a in aanvragen
        )
        return f"Het plan is ondertekend. Dit is nu aangevraagd: {lijst}."

    return _actie(
        request, pk, naam="onderteken", sectie="ondertekenen", maak_form=maak, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def aanvraag_indienen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        aanvraag = services.aanvraag_file(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            omschrijving=data["omschrijving"],
            wet=data["wet"],
            ontvangen_op=data["ontvangen_op"],
            ingediend_door=data["ingediend_door"].strip(),
            actor=request.user,
            toelichting=data["toelichting"].strip(),
        )
        afwijkend = (
            " Dit wijkt af van het advies in het plan." if aanvraag.afwijkend_van_advies else ""
        )
        return (
            f"De aanvraag '{aanvraag.omschrijving}' is vastgelegd; beslissen uiterlijk "
            f"{_datum(aanvraag.beslissen_uiterlijk)}.{afwijkend}"
        )

    return _actie(
        request,
        pk,
        naam="aanvraag",
        sectie="ondertekenen",
        maak_form=lambda plan, mensen: AanvraagForm(request.POST, leden=mensen.leden),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def samenvoegen(request: HttpRequest, pk: int) -> HttpResponse:
    gekozen: dict[str, Plan] = {}

    def maak(plan: Plan, mensen: _Mensen) -> Form:
        # A value the form does not offer (a tampered choice) that names no plan in scope is a
        # refusal, logged as the API logs it; the form says which choice is not valid.
        aangeboden = {str(p.pk) for p in mensen.andere_plannen}
        anders = [w for w in request.POST.getlist("samenvoegen-plannen") if w not in aangeboden]
        if anders:
            ids: list[int | str] = [parse_id(w) or w for w in anders]
            with contextlib.suppress(ValidationError):
                selectors.samen_te_voegen(
                    request.user, plan=plan, ids=ids, via=access.Via.request(request)
                )
        return SamenvoegenForm(request.POST, plannen=mensen.andere_plannen)

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        andere = [p for p in mensen.andere_plannen if str(p.pk) in data["plannen"]]
        if not andere:
            raise ValidationError({"plannen": "Kies de plannen die u wilt samenvoegen."})
        gekozen["resultaat"] = services.plan_merge(plannen=[plan, *andere], actor=request.user)
        return (
            "De plannen zijn samengevoegd in plan "
            f"{gekozen['resultaat'].pk}; de geschiedenis van elk plan blijft bewaard."
        )

    response = _actie(
        request, pk, naam="samenvoegen", sectie="samenvoegen", maak_form=maak, uitvoeren=uitvoeren
    )
    if "resultaat" in gekozen and gekozen["resultaat"].pk != pk:
        return redirect("plannen:detail", pk=gekozen["resultaat"].pk)
    return response
