"""`/api/v1/overgangsrecht/`: old indications still to be re-assessed."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen.api.serializers.overgangsrecht import OvergangsrechtSerializer
from eenplan.beschikkingen.models import Overgangsrecht
from eenplan.beschikkingen.selectors import overgangsrecht_werklijst
from eenplan.common.api import pagina
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission


@extend_schema_view(
    list=extend_schema(
        summary="Overgangsrecht: oude indicaties die nog opnieuw onderzocht moeten worden",
        responses=OvergangsrechtSerializer(many=True),
    )
)
class OvergangsrechtViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": (Resource.BESCHIKKING, Action.LEZEN)}
    queryset = Overgangsrecht.objects.none()
    serializer_class = OvergangsrechtSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        rows = overgangsrecht_werklijst(
            inwoners=access.inwoners_in_scope(request.user),
            vandaag=timezone.localdate(),
            alleen_wetten=access.leest_over(request.user),
        )
        return pagina(self, request, rows, OvergangsrechtSerializer)
