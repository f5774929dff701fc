"""Writes on who runs and joins the plan: regisseur, participants and consent, safety."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.gemeente.models import Medewerker
from eenplan.plannen import services
from eenplan.plannen.api.serializers import (
    DeelnemerInputSerializer,
    IntrekkenInputSerializer,
    PlanDeelnemerSerializer,
    PlanToestemmingSerializer,
    RegisseurInputSerializer,
    RegisseurSerializer,
    ToestemmingInputSerializer,
    VeiligheidInputSerializer,
    VeiligheidssignaalSerializer,
)
from eenplan.plannen.api.views.basis import PlanBasis
from eenplan.plannen.api.views.gemeen import (
    NIET_IN_HUISHOUDEN,
    _lid,
    _netwerkpersoon,
    _toestemming,
    _toestemming_uit_invoer,
    _uit_invoer,
)
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE, Action, Resource
from eenplan.privacy.services import toestemming_give, toestemming_withdraw


class RegieActies(PlanBasis):
    # Regisseur, participants, consent and its withdrawal, safety signals.

    @extend_schema(
        summary="Regisseur vastleggen (precies één; de vorige houdt haar periode)",
        description="De inwoner, een mantelzorger, iemand uit het netwerk, of alleen op "
        "vastgelegd verzoek van de inwoner een professional.",
        request=RegisseurInputSerializer,
        responses={201: RegisseurSerializer},
    )
    @action(detail=True, methods=["post"])
    def regisseur(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            medewerker = None
            if data["medewerker"] is not None:
                medewerker = _uit_invoer(
                    request,
                    data["medewerker"],
                    lambda: Medewerker.objects.select_related("user")
                    .filter(pk=data["medewerker"], gemeente_id=plan.huishouden.gemeente_id)
                    .first(),
                    wat="Medewerker",
                    veld="medewerker",
                    fout=f"Medewerker {data['medewerker']} is onbekend in uw gemeente.",
                    reden=NIET_BINNEN_GEMEENTE,
                )
            return services.regisseur_set(
                plan=plan,
                soort=data["soort"],
                van=data["van"],
                inwoner=(
                    _lid(request, plan, data["inwoner"]) if data["inwoner"] is not None else None
                ),
                netwerkpersoon=(
                    _netwerkpersoon(request, plan, data["netwerkpersoon"])
                    if data["netwerkpersoon"] is not None
                    else None
                ),
                medewerker=medewerker,
                op_verzoek_van_inwoner=data["op_verzoek_van_inwoner"],
                actor=request.user,
            )

        return self._act(
            request, pk, RegisseurInputSerializer, perform, lambda r: RegisseurSerializer(r).data
        )

    @extend_schema(
        summary="Deelnemer toevoegen (alleen met vastgelegde toestemming)",
        description="Geef het id van de toestemming van een lid van het huishouden; vastleggen "
        "kan met POST /api/v1/plannen/{id}/toestemmingen/.",
        request=DeelnemerInputSerializer,
        responses={201: PlanDeelnemerSerializer},
    )
    @action(detail=True, methods=["post"])
    def deelnemers(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            toestemming = None
            if data["toestemming"] is not None:
                toestemming = _toestemming_uit_invoer(request, plan, data["toestemming"])
            deelnemer = services.deelnemer_add(
                plan=plan,
                rol=data["rol"],
                toestemming=toestemming,
                netwerkpersoon=(
                    _netwerkpersoon(request, plan, data["netwerkpersoon"])
                    if data["netwerkpersoon"] is not None
                    else None
                ),
                organisatie=data["organisatie"],
                soort=data["soort"],
                actor=request.user,
            )
            actief = {d.pk for d in services.deelnemers_actief(plan, timezone.localdate())}
            return PlanDeelnemerSerializer(deelnemer, context={"actief": actief}).data

        return self._act(request, pk, DeelnemerInputSerializer, perform, lambda data: data)

    @extend_schema(
        summary="Toestemming van een lid van het huishouden vastleggen",
        request=ToestemmingInputSerializer,
        responses={201: PlanToestemmingSerializer},
    )
    @action(detail=True, methods=["post"])
    def toestemmingen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return toestemming_give(
                inwoner=_lid(request, plan, data["inwoner"]),
                aan=data["aan"],
                doel=data["doel"],
                gegeven_op=data["gegeven_op"],
                door=request.user,
            )

        return self._act(
            request,
            pk,
            ToestemmingInputSerializer,
            perform,
            lambda t: PlanToestemmingSerializer(t).data,
        )

    @extend_schema(
        summary="Toestemming intrekken (vanaf die dag geen toegang meer; het record blijft)",
        parameters=[
            OpenApiParameter(
                "toestemming_id", int, OpenApiParameter.PATH, description="Id van de toestemming."
            )
        ],
        request=IntrekkenInputSerializer,
        responses={200: PlanToestemmingSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"toestemmingen/(?P<toestemming_id>\d+)/intrekken",
    )
    def toestemming_intrekken(
        self, request: Request, pk: Any = None, toestemming_id: Any = None
    ) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            # Not of this household (another municipality's included): a logged 404 (ADR 0046).
            tid = int(toestemming_id)
            toestemming = access.get_or_refuse(
                request.user,
                Resource.PLAN,
                Action.WIJZIGEN,
                via=access.Via.request(request),
                pk=tid,
                zoek=lambda _gemeente_id: _toestemming(plan, tid),
                wat="Toestemming",
                niet_gevonden="Deze toestemming hoort niet bij dit huishouden.",
                reden=NIET_IN_HUISHOUDEN,
            )
            return toestemming_withdraw(toestemming=toestemming, op=data["op"])

        return self._act(
            request,
            pk,
            IntrekkenInputSerializer,
            perform,
            lambda t: PlanToestemmingSerializer(t).data,
            code=status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Zorg over veiligheid vastleggen met de besloten escalatie (meldcode)",
        request=VeiligheidInputSerializer,
        responses={201: VeiligheidssignaalSerializer},
    )
    @action(detail=True, methods=["post"])
    def veiligheid(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.veiligheid_signaleer(plan=plan, actor=request.user, **data)

        return self._act(
            request,
            pk,
            VeiligheidInputSerializer,
            perform,
            lambda s: VeiligheidssignaalSerializer(s).data,
        )
