"""Writes on the plan's content: goals, actions, proposals, evaluations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services
from eenplan.plannen.api.serializers import (
    ActieInputSerializer,
    DoelInputSerializer,
    EvaluatieInputSerializer,
    PlanActieSerializer,
    PlanDoelSerializer,
    PlanEvaluatieSerializer,
    PlanVoorstelSerializer,
    VoorstelInputSerializer,
)
from eenplan.plannen.api.views.basis import PlanBasis
from eenplan.plannen.api.views.gemeen import _doel, _lid
from eenplan.plannen.models import Doel, Plan


class InhoudActies(PlanBasis):
    # Goals, actions, proposals and evaluations.

    @extend_schema(
        summary="Doel toevoegen (op een leefgebied, met het soort doel)",
        request=DoelInputSerializer,
        responses={201: PlanDoelSerializer},
    )
    @action(detail=True, methods=["post"])
    def doelen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> Doel:
            leefgebied = None
            if data["leefgebied"] is not None:
                leefgebied = Leefgebied.objects.filter(pk=data["leefgebied"]).first()
                if leefgebied is None:
                    raise ValidationError({"leefgebied": "Onbekend leefgebied."})
            return services.doel_add(
                plan=plan,
                inwoner=_lid(request, plan, data["inwoner"]),
                leefgebied=leefgebied,
                omschrijving=data["omschrijving"],
                doeltype=data["doeltype"],
                evaluatie_op=data["evaluatie_op"],
                gedeeld=data["gedeeld"],
                actor=request.user,
            )

        return self._act(
            request, pk, DoelInputSerializer, perform, lambda d: PlanDoelSerializer(d).data
        )

    @extend_schema(
        summary="Actie bij een doel toevoegen (wat, wie en wanneer)",
        request=ActieInputSerializer,
        responses={201: PlanActieSerializer},
    )
    @action(detail=True, methods=["post"])
    def acties(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.actie_add(
                doel=_doel(request, plan, data.pop("doel")), actor=request.user, **data
            )

        return self._act(
            request, pk, ActieInputSerializer, perform, lambda a: PlanActieSerializer(a).data
        )

    @extend_schema(
        summary="Voorziening voorstellen",
        description="Maatwerk (ladderstap 5 of 6) wordt geweigerd (400, met elke reden) zolang "
        "niet elke lichtere stap van de ladder in het onderzoek is afgewogen met een reden "
        "waarom die niet volstaat (Wmo 2015 art. 2.3.5 lid 3).",
        request=VoorstelInputSerializer,
        responses={201: PlanVoorstelSerializer},
    )
    @action(detail=True, methods=["post"])
    def voorstellen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.voorstel_add(
                plan=plan,
                inwoner=_lid(request, plan, data["inwoner"]),
                omschrijving=data["omschrijving"],
                wet=data["wet"],
                ladderstap=data["ladderstap"],
                doel=_doel(request, plan, data["doel"]),
                actor=request.user,
            )

        return self._act(
            request,
            pk,
            VoorstelInputSerializer,
            perform,
            lambda v: PlanVoorstelSerializer(v).data,
        )

    @extend_schema(
        summary="Doel evalueren (bereikt, deels, niet; met de nieuwe score)",
        request=EvaluatieInputSerializer,
        responses={201: PlanEvaluatieSerializer},
    )
    @action(detail=True, methods=["post"])
    def evaluaties(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.evaluatie_add(
                doel=_doel(request, plan, data.pop("doel")), actor=request.user, **data
            )

        return self._act(
            request,
            pk,
            EvaluatieInputSerializer,
            perform,
            lambda e: PlanEvaluatieSerializer(e).data,
        )
