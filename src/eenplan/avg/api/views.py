"""/api/v1/avg-verzoeken/: the AVG requests of the login's municipality (list with the state of
each term, one request, record one, extend once, decide) and the inzage export as JSON. The same
services and selectors as the pages; every decision through `privacy.access`."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.avg import op_verzoek, selectors, services
from eenplan.avg.api.serializers import (
    AfhandelSerializer,
    AvgVerzoekCreateSerializer,
    AvgVerzoekFilterSerializer,
    AvgVerzoekSerializer,
    TeVernietigenSerializer,
    VerlengSerializer,
)
from eenplan.avg.constants import VerzoekSoort, VerzoekStatus
from eenplan.avg.inzage import inzage_json
from eenplan.avg.models import AvgVerzoek
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel

NIET_GEVONDEN = "Dit verzoek bestaat niet."


@extend_schema_view(
    list=extend_schema(
        summary="AVG-verzoeken van uw gemeente, vroegste antwoordtermijn eerst",
        parameters=[AvgVerzoekFilterSerializer],
        responses=AvgVerzoekSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Eén AVG-verzoek (wordt gelogd)", responses=AvgVerzoekSerializer
    ),
    create=extend_schema(
        summary="AVG-verzoek vastleggen (inzage, rectificatie, beperking, bezwaar)",
        description="De antwoordtermijn is een maand na ontvangst (AVG art. 12 lid 3). Een "
        "rectificatie noemt het gegeven (`veld`) en de gevraagde waarde.",
        request=AvgVerzoekCreateSerializer,
        responses={201: AvgVerzoekSerializer},
    ),
    verlengen=extend_schema(
        summary="Termijn eenmaal met twee maanden verlengen (binnen de eerste maand)",
        request=VerlengSerializer,
        responses=AvgVerzoekSerializer,
    ),
    afhandelen=extend_schema(
        summary="Verzoek toekennen of afwijzen met het antwoord aan de inwoner",
        description="Een toegekende rectificatie wijzigt het gegeven; de oude waarde blijft in "
        "het verzoek en in de geschiedenis. Een toegekende beperking legt een bewaarplicht.",
        request=AfhandelSerializer,
        responses=AvgVerzoekSerializer,
    ),
    inzage=extend_schema(
        summary="Het volledige overzicht van de gegevens van de inwoner (AVG art. 15), JSON",
        responses={200: dict},
    ),
    te_vernietigen=extend_schema(
        summary="Wat een toekenning van een verzoek om vernietiging nu vernietigt, en wat dat "
        "tegenhoudt (Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5)",
        responses=TeVernietigenSerializer,
    ),
)
class AvgVerzoekViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.AVG_VERZOEK, Action.LEZEN),
        "retrieve": (Resource.AVG_VERZOEK, Action.LEZEN),
        "create": (Resource.AVG_VERZOEK, Action.AANMAKEN),
        "verlengen": (Resource.AVG_VERZOEK, Action.BEHANDELEN),
        "afhandelen": (Resource.AVG_VERZOEK, Action.BEHANDELEN),
        "inzage": (Resource.AVG_VERZOEK, Action.EXPORTEREN),
        "te_vernietigen": (Resource.AVG_VERZOEK, Action.BEHANDELEN),
    }
    queryset = AvgVerzoek.objects.none()  # for the schema; the real list is per municipality
    serializer_class = AvgVerzoekSerializer

    def list(self, request: Request) -> Response:
        params = AvgVerzoekFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        qs = selectors.avg_verzoeken(gemeente_id=gemeente.pk, **params.validated_data)
        page = self.paginate_queryset(qs)
        rijen = list(page) if page is not None else list(qs)
        access.log_shown(
            request.user,
            [v.inwoner_id for v in rijen],
            resource=Resource.AVG_VERZOEK,
            via=access.Via.request(request),
            doel=Doel.AVG,
            gemeenten={v.inwoner_id: v.inwoner.gemeente_id for v in rijen},
        )
        return self.get_paginated_response(AvgVerzoekSerializer(rijen, many=True).data)

    def _get(self, request: Request, pk: Any, handeling: Action) -> AvgVerzoek:
        try:
            verzoek_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound(NIET_GEVONDEN) from exc
        verzoek = services.verzoek_van_gemeente(
            request.user,
            verzoek_id,
            gemeente_id=user_gemeente(request).pk,
            resource=Resource.AVG_VERZOEK,
            action=handeling,
            via=access.Via.request(request),
        )
        services.verzoek_toegang(request.user, verzoek, handeling, via=access.Via.request(request))
        return verzoek

    def _antwoord(self, verzoek: AvgVerzoek, code: int = 200) -> Response:
        # Read again within the request's own municipality (found there by `_get` or just
        # recorded for a resident of it): every table of the query carries the condition.
        verzoek = selectors.avg_verzoek_get(verzoek.pk, gemeente_id=verzoek.gemeente_id) or verzoek
        return Response(AvgVerzoekSerializer(verzoek).data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return self._antwoord(self._get(request, pk, Action.LEZEN))

    def create(self, request: Request) -> Response:
        data = AvgVerzoekCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        velden = dict(data.validated_data)
        inwoner = Inwoner.objects.filter(pk=velden.pop("inwoner"), gemeente=gemeente).first()
        if inwoner is None:
            raise ValidationError({"inwoner": "Deze inwoner is onbekend in uw gemeente."})
        verzoek = services.avg_verzoek_register(
            inwoner=inwoner, actor=request.user, via=access.Via.request(request), **velden
        )
        return self._antwoord(verzoek, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def verlengen(self, request: Request, pk: Any = None) -> Response:
        data = VerlengSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verzoek = self._get(request, pk, Action.BEHANDELEN)
        verzoek = services.avg_verzoek_verleng(
            verzoek=verzoek,
            reden=data.validated_data["reden"],
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._antwoord(verzoek)

    @action(detail=True, methods=["post"])
    def afhandelen(self, request: Request, pk: Any = None) -> Response:
        data = AfhandelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verzoek = self._get(request, pk, Action.BEHANDELEN)
        verzoek = services.avg_verzoek_afhandel(
            verzoek=verzoek,
            toekennen=data.validated_data["toekennen"],
            uitkomst=data.validated_data["uitkomst"],
            weigeringsgrond=data.validated_data.get("weigeringsgrond", ""),
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._antwoord(verzoek)

    @action(detail=True, methods=["get"])
    def inzage(self, request: Request, pk: Any = None) -> Response:
        verzoek = self._get(request, pk, Action.EXPORTEREN)

        data = services.inzage_maken(
            verzoek=verzoek, actor=request.user, via=access.Via.request(request)
        )
        return Response(json.loads(inzage_json(data)))

    @action(detail=True, methods=["get"], url_path="te-vernietigen")
    def te_vernietigen(self, request: Request, pk: Any = None) -> Response:
        verzoek = self._get(request, pk, Action.BEHANDELEN)
        items: list[op_verzoek.Item] = []
        blokkade = ""
        # Another kind of request destroys nothing (an empty answer); a decided one no more.
        if verzoek.soort == VerzoekSoort.VERNIETIGING and verzoek.status == VerzoekStatus.OPEN:
            beoordeling = op_verzoek.beoordelen(verzoek)
            items, blokkade = beoordeling.items, beoordeling.blokkade
        lijst = op_verzoek.lijst_van_verzoek(verzoek)
        data = {
            "blokkade": blokkade,
            "items": [
                {"kenmerk": i.kenmerk, "soort": i.soort.code, "omschrijving": i.soort.label}
                for i in items
            ],
            "vernietigingslijst": lijst.pk if lijst else None,
        }
        return Response(TeVernietigenSerializer(data).data)
