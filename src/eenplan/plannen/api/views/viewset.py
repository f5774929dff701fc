"""The plan viewset: the resource and its actions, put together."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from eenplan.plannen.api.serializers import (
    PlanCreateSerializer,
    PlanDetailSerializer,
    PlanListSerializer,
)
from eenplan.plannen.api.views.gemeen import DOEL_PARAMETER
from eenplan.plannen.api.views.inhoud import InhoudActies
from eenplan.plannen.api.views.ondertekenen import OndertekenActies
from eenplan.plannen.api.views.regie import RegieActies


@extend_schema_view(
    list=extend_schema(
        summary="Plannen van huishoudens met ten minste één lid in uw werkgebied",
        responses=PlanListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Plan met doelen, acties, evaluaties, voorstellen, regisseur, deelnemers, "
        "aanvragen en versies (wordt gelogd voor elk lid van het huishouden)",
        parameters=[DOEL_PARAMETER],
        responses=PlanDetailSerializer,
    ),
    create=extend_schema(
        summary="Plan openen voor een huishouden (één plan per huishouden)",
        description="Heeft het huishouden al een actief plan, dan komt dat plan terug (200) "
        "in plaats van een nieuw plan (201).",
        request=PlanCreateSerializer,
        responses={200: PlanDetailSerializer, 201: PlanDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class PlanViewSet(InhoudActies, RegieActies, OndertekenActies):
    # /api/v1/plannen/: one plan per household and everything done with it.
    pass
