"""`/api/v1/verzendingen/`: the send channels of sent letters (ADR 0021), the same rows as the
page `/beschikkingen/verzendingen/`; `opnieuw/` tries the failed ones again."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen import selectors, verzending
from eenplan.beschikkingen.constants import VerzendStatus
from eenplan.beschikkingen.models import Verzending
from eenplan.common.api import pagina
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission


class VerzendingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Verzending
        fields = [
            "id", "kenmerk", "brief_soort", "bron_id", "kanaal", "status", "pogingen",
            "laatste_poging", "fout", "referentie", "created_at",
        ]  # fmt: skip


class OpnieuwSerializer(serializers.Serializer):
    geprobeerd = serializers.IntegerField()
    verzonden = serializers.IntegerField()
    nog_mislukt = VerzendingSerializer(many=True)


ALLE = OpenApiParameter(
    "alle", bool, required=False, description="Ook de verzendingen die gelukt zijn."
)


@extend_schema_view(
    list=extend_schema(
        summary="Verzendingen van brieven die nog niet gelukt zijn (of alle, met alle=true)",
        parameters=[ALLE],
        responses=VerzendingSerializer(many=True),
    ),
    opnieuw=extend_schema(
        summary="Mislukte verzendingen opnieuw proberen",
        request=None,
        responses=OpnieuwSerializer,
    ),
)
class VerzendingViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.BESCHIKKING, Action.LEZEN),
        "opnieuw": (Resource.BESCHIKKING, Action.BESLISSEN),
    }
    queryset = Verzending.objects.none()
    serializer_class = VerzendingSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        onbekend = set(request.query_params) - {"alle", "pagina", "per_pagina", "format"}
        if onbekend:
            raise ValidationError(
                {"detail": f"Onbekende parameter: {', '.join(sorted(onbekend))}. "
                 "Mogelijk: alle, pagina, per_pagina."}
            )  # fmt: skip
        alle = request.query_params.get("alle", "").lower() in {"1", "true", "ja"}
        rijen = selectors.verzendingen(request.user, alleen_open=not alle)
        return pagina(self, request, rijen, VerzendingSerializer)

    @action(detail=False, methods=["post"])
    def opnieuw(self, request: Request) -> Response:
        ids = list(
            selectors.verzendingen(request.user)
            .filter(status=VerzendStatus.MISLUKT)
            .values_list("pk", flat=True)
        )
        rijen = verzending.verzendingen_uitvoeren(ids)
        mislukt = [r for r in rijen if r.status != VerzendStatus.VERZONDEN]
        return Response(
            {
                "geprobeerd": len(rijen),
                "verzonden": len(rijen) - len(mislukt),
                "nog_mislukt": VerzendingSerializer(mislukt, many=True).data,
            }
        )
