"""Writes on the plan's content: goals, actions, evaluations, proposals."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from eenplan.plannen import services
from eenplan.plannen.forms import ActieForm, DoelForm, EvaluatieForm, VoorstelForm
from eenplan.plannen.models import Plan
from eenplan.plannen.views.gemeen import _datum
from eenplan.plannen.views.pagina import _actie, _ankers, _doel, _Mensen, plan_ladder
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def doel_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        leefgebieden = plan.omgeving.leefgebieden  # type: ignore[attr-defined]
        leefgebied = next((lg for lg in leefgebieden if str(lg.pk) == data["leefgebied"]), None)
        doel = services.doel_add(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            leefgebied=leefgebied,
            omschrijving=data["omschrijving"],
            doeltype=data["doeltype"],
            actor=request.user,
            evaluatie_op=data["evaluatie_op"],
            gedeeld=not data.get("intern"),
        )
        return f"Het doel op {doel.leefgebied.naam} is toegevoegd."

    return _actie(
        request,
        pk,
        naam="doel",
        sectie="doelen",
        maak_form=lambda plan, mensen: DoelForm(
            request.POST,
            leden=mensen.leden,
            leefgebieden=plan.omgeving.leefgebieden,  # type: ignore[attr-defined]
        ),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def actie_toevoegen(request: HttpRequest, pk: int, doel_id: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        actie = services.actie_add(
            doel=_doel(plan, doel_id),
            omschrijving=data["omschrijving"],
            uitvoerder_soort=data["uitvoerder_soort"],
            uitvoerder=data["uitvoerder"],
            actor=request.user,
            uiterlijk=data["uiterlijk"],
            gedeeld=not data.get("intern"),
        )
        return f"De actie '{actie.omschrijving}' is toegevoegd."

    return _actie(
        request,
        pk,
        naam=f"actie{doel_id}",
        sectie=f"doel-{doel_id}",
        maak_form=lambda plan, mensen: ActieForm(request.POST, prefix=f"actie{doel_id}"),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def evaluatie_toevoegen(request: HttpRequest, pk: int, doel_id: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        doel = _doel(plan, doel_id)
        ankers = _ankers(plan.omgeving.leefgebieden)  # type: ignore[attr-defined]
        return EvaluatieForm(
            request.POST, prefix=f"evaluatie{doel_id}", ankers=ankers.get(doel.leefgebied_id, [])
        )

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        evaluatie = services.evaluatie_add(
            doel=_doel(plan, doel_id),
            datum=data["datum"],
            uitkomst=data["uitkomst"],
            actor=request.user,
            toelichting=data["toelichting"].strip(),
            score=data["score"],
        )
        return f"De evaluatie van {_datum(evaluatie.datum)} is vastgelegd."

    return _actie(
        request,
        pk,
        naam=f"evaluatie{doel_id}",
        sectie=f"doel-{doel_id}",
        maak_form=maak,
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def voorstel_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return VoorstelForm(
            request.POST,
            leden=mensen.leden,
            doelen=list(plan.doelen.all()),
            ladder=plan_ladder(plan),
        )

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        doel = _doel(plan, int(data["doel"])) if data["doel"] else None
        voorstel = services.voorstel_add(
            plan=plan,
            inwoner=mensen.inwoner(data["inwoner"]),
            omschrijving=data["omschrijving"],
            wet=data["wet"],
            ladderstap=int(data["ladderstap"]),
            actor=request.user,
            doel=doel,
        )
        extra = (
            " Als de inwoner het plan ondertekent, wordt dit een aanvraag."
            if voorstel.is_maatwerk
            else ""
        )
        return f"Het voorstel '{voorstel.omschrijving}' is toegevoegd.{extra}"

    return _actie(
        request, pk, naam="voorstel", sectie="voorzieningen", maak_form=maak, uitvoeren=uitvoeren
    )
