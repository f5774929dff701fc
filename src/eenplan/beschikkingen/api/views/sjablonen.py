"""`/api/v1/briefsjablonen/`: the versions of the own municipality's letter templates (the
beschikking, the decision on bezwaar, the complaint letter: `soort`); POST saves a new version
(functioneel beheer, Resource.INSTELLINGEN). No resident data."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen import selectors, services
from eenplan.beschikkingen.api.serializers.sjablonen import (
    BriefSjabloonInputSerializer,
    BriefSjabloonSerializer,
)
from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import BriefSjabloon
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission


def _gemeente(request: Request):  # type: ignore[no-untyped-def]
    medewerker = access.Actor.of(request.user).medewerker
    if medewerker is None:
        raise access.Refused("Alleen een medewerker van een gemeente beheert briefsjablonen.")
    return medewerker.gemeente


SOORT = OpenApiParameter(
    "soort",
    str,
    enum=list(services.PLAATSHOUDERS),
    required=False,
    description="Welke brief; standaard de beschikkingsbrief.",
)


def _soort(request: Request) -> str:
    soort = request.query_params.get("soort", BriefSoort.BESCHIKKING)
    if soort not in services.PLAATSHOUDERS:
        raise serializers.ValidationError(
            {"soort": f"Kies uit: {', '.join(services.PLAATSHOUDERS)}."}
        )
    return soort


@extend_schema_view(
    list=extend_schema(
        summary="Versies van het sjabloon van een brief (nieuwste eerst)",
        parameters=[SOORT],
        responses=BriefSjabloonSerializer(many=True),
    ),
    create=extend_schema(
        summary="Nieuwe versie van het sjabloon opslaan (alleen $velden, ADR 0020)",
        request=BriefSjabloonInputSerializer,
        responses={201: BriefSjabloonSerializer},
    ),
)
class BriefSjabloonViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.INSTELLINGEN, Action.LEZEN),
        "create": (Resource.INSTELLINGEN, Action.WIJZIGEN),
    }
    queryset = BriefSjabloon.objects.none()
    serializer_class = BriefSjabloonSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        gemeente = _gemeente(request)
        versies = selectors.briefsjablonen(gemeente_id=gemeente.pk, soort=_soort(request))
        # Versions pile up over the years: paged like every list (pagina, per_pagina).
        pagina = self.paginate_queryset(versies)
        return self.get_paginated_response(BriefSjabloonSerializer(pagina, many=True).data)

    def create(self, request: Request) -> Response:
        gemeente = _gemeente(request)
        invoer = BriefSjabloonInputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        sjabloon = services.sjabloon_save(
            gemeente=gemeente,
            actor=request.user,
            via=access.Via.request(request),
            **invoer.validated_data,
        )
        return Response(BriefSjabloonSerializer(sjabloon).data, status=status.HTTP_201_CREATED)
