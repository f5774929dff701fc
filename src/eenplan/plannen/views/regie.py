"""Writes on who runs and joins the plan: regisseur, participants and their consent,
safety signals."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen import services
from eenplan.plannen.constants import DeelnemerSoort, RegisseurSoort
from eenplan.plannen.forms import DeelnemerForm, IntrekkenForm, RegisseurForm, VeiligheidForm
from eenplan.plannen.models import Plan
from eenplan.plannen.views.gemeen import REGISSEUR_ALIASES, _datum
from eenplan.plannen.views.pagina import _actie, _Mensen
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.services import toestemming_give


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def regisseur_kiezen(request: HttpRequest, pk: int) -> HttpResponse:
    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return RegisseurForm(request.POST, groepen=mensen.regisseur_groepen())

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        gekozen = mensen.zoek(data["wie"])
        kwargs: dict[str, Any] = {}
        if isinstance(gekozen, Inwoner):
            kwargs = {"soort": RegisseurSoort.INWONER, "inwoner": gekozen}
        elif isinstance(gekozen, Netwerkpersoon):
            soort = (
                RegisseurSoort.MANTELZORGER
                if gekozen.soort == NetwerkSoort.MANTELZORGER
                else RegisseurSoort.NETWERK
            )
            kwargs = {"soort": soort, "netwerkpersoon": gekozen}
        elif isinstance(gekozen, Medewerker):
            kwargs = {"soort": RegisseurSoort.PROFESSIONAL, "medewerker": gekozen}
        else:
            raise ValidationError({"wie": "Kies één persoon als regisseur."})
        regisseur = services.regisseur_set(
            plan=plan,
            actor=request.user,
            van=data["van"],
            op_verzoek_van_inwoner=data["op_verzoek_van_inwoner"],
            **kwargs,
        )
        return f"{regisseur.naam} is vanaf {_datum(regisseur.van)} de regisseur van het plan."

    return _actie(
        request,
        pk,
        naam="regisseur",
        sectie="regie",
        maak_form=maak,
        uitvoeren=uitvoeren,
        aliases=REGISSEUR_ALIASES,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def deelnemer_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the resident's consent (toestemming_give) and add the participant: both, or
    neither when the service refuses."""

    def maak(plan: Plan, mensen: _Mensen) -> Form:
        return DeelnemerForm(
            request.POST, netwerk=mensen.netwerk_groepen(), volwassenen=mensen.volwassenen
        )

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        netwerkpersoon = mensen.zoek(data["netwerkpersoon"]) if data["netwerkpersoon"] else None
        organisatie = data["organisatie"].strip()
        soort = DeelnemerSoort.WERKPLEIN if data.get("werkplein") else ""
        if soort and not organisatie and netwerkpersoon is None:
            organisatie = "Werkplein"
        naam = netwerkpersoon.naam if netwerkpersoon else organisatie
        with transaction.atomic():
            toestemming = None
            if data["toestemming"] and naam:
                toestemming = toestemming_give(
                    inwoner=mensen.inwoner(data["toestemming_van"]),
                    aan=naam[:200],
                    doel=f"Deelnemen aan het plan van {plan.huishouden}: {data['rol']}"[:300],
                    gegeven_op=data["gegeven_op"],
                    door=request.user,
                )
            deelnemer = services.deelnemer_add(
                plan=plan,
                rol=data["rol"].strip(),
                toestemming=toestemming,
                actor=request.user,
                netwerkpersoon=netwerkpersoon,
                organisatie=organisatie,
                soort=soort,
            )
        return f"{deelnemer.naam} doet mee aan het plan, met toestemming van de inwoner."

    return _actie(
        request, pk, naam="deelnemer", sectie="regie", maak_form=maak, uitvoeren=uitvoeren
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def toestemming_intrekken(request: HttpRequest, pk: int, deelnemer_id: int) -> HttpResponse:
    def deelnemer(plan: Plan) -> Any:
        gevonden = next((d for d in plan.deelnemers.all() if d.pk == deelnemer_id), None)
        if gevonden is None:
            raise Http404("Deze deelnemer hoort niet bij dit plan.")
        return gevonden

    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        d = deelnemer(plan)
        services.deelnemer_toestemming_intrekken(deelnemer=d, op=data["op"], actor=request.user)
        return (
            f"De toestemming voor {d.naam} is ingetrokken vanaf {_datum(data['op'])}; "
            f"{d.naam} doet vanaf dan niet meer mee."
        )

    return _actie(
        request,
        pk,
        naam=f"intrekken{deelnemer_id}",
        sectie="regie",
        maak_form=lambda plan, mensen: IntrekkenForm(
            request.POST, prefix=f"intrekken{deelnemer_id}"
        ),
        uitvoeren=uitvoeren,
    )


@require_POST
@access.requires(Resource.PLAN, Action.WIJZIGEN)
def veiligheid_vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    def uitvoeren(plan: Plan, mensen: _Mensen, data: dict[str, Any]) -> str:
        signaal = services.veiligheid_signaleer(
            plan=plan,
            soort=data["soort"],
            omschrijving=data["omschrijving"],
            escalatie=data["escalatie"],
            actor=request.user,
        )
        return (
            f"Het signaal is vastgelegd: {signaal.get_soort_display().lower()}, "
            f"{signaal.get_escalatie_display()}."
        )

    return _actie(
        request,
        pk,
        naam="veiligheid",
        sectie="veiligheid",
        maak_form=lambda plan, mensen: VeiligheidForm(request.POST, prefix="veiligheid"),
        uitvoeren=uitvoeren,
    )
