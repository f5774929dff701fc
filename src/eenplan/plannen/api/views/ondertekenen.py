"""Signing, an aanvraag made with the plan, merging plans."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen import selectors, services
from eenplan.plannen.api.serializers import (
    AanvraagInputSerializer,
    OndertekenenInputSerializer,
    PlanAanvraagSerializer,
    PlanDetailSerializer,
    PlanOndertekeningSerializer,
    SamenvoegenInputSerializer,
)
from eenplan.plannen.api.views.basis import PlanBasis
from eenplan.plannen.api.views.gemeen import (
    DOEL_PARAMETER,
    NIET_ONDERTEKENAAR,
    _lid,
    _netwerkpersoon,
)
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action


class OndertekenActies(PlanBasis):
    # Signing (the aanvragen follow through the event), an aanvraag, merging.

    @extend_schema(
        summary="Plan ondertekenen; voorgesteld maatwerk wordt een aanvraag",
        description="Door een (meerderjarig) lid van het huishouden of een wettelijk "
        "vertegenwoordiger. Elk voorgesteld maatwerk wordt een aanvraag, ontvangen op de dag "
        "van ondertekening, met de uiterste beslisdatum.",
        request=OndertekenenInputSerializer,
        responses={200: PlanOndertekeningSerializer},
    )
    @action(detail=True, methods=["post"])
    def ondertekenen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            try:
                ondertekenaar: Inwoner | Netwerkpersoon = (
                    _lid(request, plan, data["inwoner"])
                    if data["inwoner"] is not None
                    else _netwerkpersoon(request, plan, data["vertegenwoordiger"])
                )
            except ValidationError as exc:
                raise ValidationError(NIET_ONDERTEKENAAR) from exc
            aanvragen = services.plan_sign(
                plan=plan, ondertekenaar=ondertekenaar, op=data["op"], actor=request.user
            )
            return {
                "plan": plan.pk,
                "status": plan.status,
                "ondertekend_op": plan.ondertekend_op,
                "ondertekend_door": plan.ondertekend_door,
                "aanvragen": aanvragen,
            }

        return self._act(
            request,
            pk,
            OndertekenenInputSerializer,
            perform,
            lambda result: PlanOndertekeningSerializer(result).data,
            code=status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Aanvraag voor iets anders dan het plan adviseert (afwijkend van het advies)",
        description="Een aanvraag volgt op het onderzoek, tenzij dat langer dan zes weken "
        "duurde (Wmo 2015 art. 2.3.2 lid 9).",
        request=AanvraagInputSerializer,
        responses={201: PlanAanvraagSerializer},
    )
    @action(detail=True, methods=["post"])
    def aanvragen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            data["inwoner"] = _lid(request, plan, data["inwoner"])
            return services.aanvraag_file(plan=plan, actor=request.user, **data)

        return self._act(
            request,
            pk,
            AanvraagInputSerializer,
            perform,
            lambda a: PlanAanvraagSerializer(a).data,
        )

    @extend_schema(
        summary="Plannen van leden van één huishouden samenvoegen (de geschiedenis blijft)",
        description="Dit plan blijft over; de andere (lopende plannen die leden uit hun vorige "
        "huishouden meebrachten) worden 'samengevoegd' en verwijzen ernaar. Antwoordt met het "
        "plan dat overblijft (wordt gelogd).",
        request=SamenvoegenInputSerializer,
        responses={200: PlanDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def samenvoegen(self, request: Request, pk: Any = None) -> Response:
        plan = self._get(request, pk, Action.WIJZIGEN)
        data = SamenvoegenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        andere = selectors.samen_te_voegen(
            request.user,
            plan=plan,
            ids=sorted(data.validated_data["plannen"]),
            via=access.Via.request(request),
        )
        result = services.plan_merge(plannen=[plan, *andere], actor=request.user)
        return self._render(request, result.pk)
