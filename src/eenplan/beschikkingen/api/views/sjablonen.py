"""`/api/v1/briefsjablonen/`: the versions of the own municipality's decision-letter template;
POST saves a new version (functioneel beheer, Resource.INSTELLINGEN). No resident data."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
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


@extend_schema_view(
    list=extend_schema(
        summary="Versies van het sjabloon van de beschikkingsbrief (nieuwste eerst)",
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
        versies = selectors.briefsjablonen(gemeente_id=gemeente.pk, soort=BriefSoort.BESCHIKKING)
        # Versions pile up over the years: paged like every list (pagina, per_pagina).
        pagina = self.paginate_queryset(versies)
        return self.get_paginated_response(BriefSjabloonSerializer(pagina, many=True).data)

    def create(self, request: Request) -> Response:
        gemeente = _gemeente(request)
        invoer = BriefSjabloonInputSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        sjabloon = services.sjabloon_save(
            gemeente=gemeente,
            soort=BriefSoort.BESCHIKKING,
            actor=request.user,
            via=access.Via.request(request),
            **invoer.validated_data,
        )
        return Response(BriefSjabloonSerializer(sjabloon).data, status=status.HTTP_201_CREATED)
