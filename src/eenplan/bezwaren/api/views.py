"""The bezwaren and klachten API: the bezwaar register (register, extend once, informal
conversation, decide) and the klachten (register, handle). Thin viewsets as everywhere: parse with
an input serializer, decide on the resident through `privacy.access` (the shared
`beschikkingen.api.views.basis.DossierViewSet`), call one service or selector, serialise."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen import selectors as beschikkingen_selectors
from eenplan.beschikkingen.api.views.basis import DOEL_PARAMETER, DossierViewSet, pk_of
from eenplan.beschikkingen.models import Beschikking
from eenplan.bezwaren import selectors, services
from eenplan.bezwaren.api.serializers import (
    BezwaarBeslissenSerializer,
    BezwaarCreateSerializer,
    BezwaarDetailSerializer,
    BezwaarFilterSerializer,
    BezwaarSerializer,
    DatumInputSerializer,
    KlachtAfhandelenInputSerializer,
    KlachtCreateSerializer,
    KlachtSerializer,
    KlachtUitstellenInputSerializer,
    KlachtVerdagenInputSerializer,
)
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.api import VersieViewSetMixin, pagina
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel, user_gemeente


def _beschikking_uit_invoer(
    request: Request, pk: int, action: Action, *, veld: str
) -> Beschikking:
    """The beschikking a bezwaar request names in its body, within the login's municipality:
    another municipality's or none is the same logged refusal and a Dutch 400 on `veld`
    ("Beschikking 12 is onbekend in uw gemeente.", `access.uit_invoer`, ADR 0046)."""
    return access.uit_invoer(
        request.user,
        Resource.BEZWAAR,
        action,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda gemeente_id: beschikkingen_selectors.beschikking_get(
            pk, gemeente_id=gemeente_id
        ),
        wat="Beschikking",
        veld=veld,
    )


@extend_schema_view(
    list=extend_schema(
        summary="Bezwaarregister: bezwaren binnen uw werkgebied",
        description="Vroegste uiterste beslisdatum eerst (Awb 7:10).",
        parameters=[BezwaarFilterSerializer],
        responses=BezwaarSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Bezwaar met de gronden (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=BezwaarDetailSerializer,
    ),
    create=extend_schema(
        summary="Bezwaar registreren tegen een verzonden beschikking",
        description="Geef de beschikking en de inwoner over wie zij gaat. Berekent of het "
        "bezwaar op tijd is (Awb 6:7-6:9; te laat maar verschoonbaar: 6:11) en de uiterste "
        "beslisdatum (Awb 7:10: 6 weken, 12 met een adviescommissie). Een bezwaar op de "
        "beschikking van een andere inwoner wordt geweigerd (400).",
        request=BezwaarCreateSerializer,
        responses={201: BezwaarDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class BezwaarViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Bezwaar
    access_rules = {
        "list": (Resource.BEZWAAR, Action.LEZEN),
        "retrieve": (Resource.BEZWAAR, Action.LEZEN),
        "create": (Resource.BEZWAAR, Action.AANMAKEN),
        "verdagen": (Resource.BEZWAAR, Action.BEHANDELEN),
        "beslissen": (Resource.BEZWAAR, Action.BEHANDELEN),
        "informeel": (Resource.BEZWAAR, Action.BEHANDELEN),
    }
    queryset = Bezwaar.objects.none()  # for the schema; the real scope is per login
    serializer_class = BezwaarSerializer
    filter_backends: list[type] = []  # filtering is selectors.bezwaren_list
    niet_gevonden = "Dit bezwaar bestaat niet."

    def get_queryset(self) -> QuerySet[Bezwaar]:
        return selectors.bezwaren_in_scope(self.request.user)

    def list(self, request: Request) -> Response:
        params = BezwaarFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        queryset = selectors.bezwaren_list(
            scope=self.get_queryset(),
            uitkomst=params.validated_data.get("uitkomst"),
            inwoner_id=params.validated_data.get("inwoner"),
        )
        return pagina(self, request, queryset, BezwaarSerializer)

    def _get(self, request: Request, pk: Any, action: Action = Action.BEHANDELEN) -> Bezwaar:
        """The bezwaar within the login's municipality: another municipality's is a 404 like
        one that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046)."""
        bezwaar_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)
        return access.get_or_refuse(
            request.user,
            Resource.BEZWAAR,
            action,
            via=access.Via.request(request),
            pk=bezwaar_id,
            zoek=lambda gemeente_id: selectors.bezwaar_get(bezwaar_id, gemeente_id=gemeente_id),
            wat="Bezwaar",
            niet_gevonden=self.niet_gevonden,
        )

    def _render(self, request: Request, bezwaar_id: int, *, code: int = 200) -> Response:
        bezwaar = selectors.bezwaar_get(
            bezwaar_id, gemeente_id=access.Actor.of(request.user).gemeente_id
        )
        return Response(
            BezwaarDetailSerializer(bezwaar, context={"request": request}).data, status=code
        )

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        bezwaar = self._get(request, pk, Action.LEZEN)
        self._open(request, bezwaar.beschikking.inwoner, Resource.BEZWAAR)
        return self._render(request, bezwaar.pk)

    def create(self, request: Request) -> Response:
        data = BezwaarCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        fields = dict(data.validated_data)
        beschikking_id, inwoner_id = fields.pop("beschikking"), fields.pop("inwoner")
        beschikking = _beschikking_uit_invoer(
            request, beschikking_id, Action.AANMAKEN, veld="beschikking"
        )
        inwoner = self._inwoner(request, inwoner_id)
        self._open(request, beschikking.inwoner, Resource.BEZWAAR, Action.AANMAKEN)
        bezwaar = services.bezwaar_register(
            beschikking=beschikking,
            inwoner=inwoner,
            actor=request.user,
            via=access.Via.request(request),
            **fields,
        )
        return self._render(request, bezwaar.pk, code=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Beslistermijn eenmaal verdagen met zes weken (Awb 7:10 lid 3)",
        request=None,
        responses={200: BezwaarDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def verdagen(self, request: Request, pk: Any = None) -> Response:
        bezwaar = self._get(request, pk)
        self._open(request, bezwaar.beschikking.inwoner, Resource.BEZWAAR, Action.BEHANDELEN)
        services.bezwaar_postpone(
            bezwaar=bezwaar, actor=request.user, via=access.Via.request(request)
        )
        return self._render(request, bezwaar.pk)

    @extend_schema(
        summary="Beslissen op het bezwaar",
        description="Gegrond, deels gegrond, ongegrond, niet-ontvankelijk of ingetrokken; bij "
        "een (deels) gegrond bezwaar de nieuwe beschikking (van dezelfde inwoner).",
        request=BezwaarBeslissenSerializer,
        responses={200: BezwaarDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def beslissen(self, request: Request, pk: Any = None) -> Response:
        bezwaar = self._get(request, pk)
        self._open(request, bezwaar.beschikking.inwoner, Resource.BEZWAAR, Action.BEHANDELEN)
        data = BezwaarBeslissenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        nieuwe = None
        if data.validated_data["nieuwe_beschikking"] is not None:
            nieuwe = _beschikking_uit_invoer(
                request,
                data.validated_data["nieuwe_beschikking"],
                Action.BEHANDELEN,
                veld="nieuwe_beschikking",
            )
        services.bezwaar_decide(
            bezwaar=bezwaar,
            uitkomst=data.validated_data["uitkomst"],
            besloten_op=data.validated_data.get("besloten_op") or timezone.localdate(),
            nieuwe_beschikking=nieuwe,
            motivering=data.validated_data.get("motivering", ""),
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._render(request, bezwaar.pk)

    @extend_schema(
        summary="Informeel gesprek vastleggen (eerst een gesprek)",
        request=DatumInputSerializer,
        responses={200: BezwaarDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def informeel(self, request: Request, pk: Any = None) -> Response:
        bezwaar = self._get(request, pk)
        self._open(request, bezwaar.beschikking.inwoner, Resource.BEZWAAR, Action.BEHANDELEN)
        data = DatumInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.bezwaar_informeel_gesprek(
            bezwaar=bezwaar,
            op=data.validated_data["op"],
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._render(request, bezwaar.pk)


@extend_schema_view(
    list=extend_schema(
        summary="Klachten (los van bezwaren), vroegste afhandeltermijn eerst",
        description="Klachten over een inwoner binnen uw werkgebied en klachten zonder inwoner.",
        responses=KlachtSerializer(many=True),
    ),
    create=extend_schema(
        summary="Klacht registreren (afhandeltermijn Awb 9:11: 6 weken, 10 met een commissie)",
        request=KlachtCreateSerializer,
        responses={201: KlachtSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class KlachtViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Klacht
    access_rules = {
        "list": (Resource.KLACHT, Action.LEZEN),
        "create": (Resource.KLACHT, Action.AANMAKEN),
        "afhandelen": (Resource.KLACHT, Action.BEHANDELEN),
        "verdagen": (Resource.KLACHT, Action.BEHANDELEN),
        "uitstellen": (Resource.KLACHT, Action.BEHANDELEN),
    }
    queryset = Klacht.objects.none()  # for the schema; the real list is per login
    serializer_class = KlachtSerializer
    filter_backends: list[type] = []

    def _klacht(self, request: Request, klacht_id: int, *, code: int = 200) -> Response:
        """The klacht as the list shows it (with its `termijn_status`), after a write."""
        klacht = selectors.klacht_get(klacht_id, gemeente_id=user_gemeente(request).pk)
        return Response(KlachtSerializer(klacht).data, status=code)

    def list(self, request: Request) -> Response:
        queryset = selectors.klachten_list(user=request.user, gemeente=user_gemeente(request))
        return pagina(self, request, queryset, KlachtSerializer)

    def create(self, request: Request) -> Response:
        data = KlachtCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        fields = dict(data.validated_data)
        inwoner: Inwoner | None = None
        if fields["inwoner"] is not None:
            inwoner = self._inwoner(request, fields["inwoner"])
            self._open(request, inwoner.pk, Resource.KLACHT, Action.AANMAKEN)
        fields["inwoner"] = inwoner
        klacht = services.klacht_register(
            gemeente=user_gemeente(request),
            actor=request.user,
            via=access.Via.request(request),
            **fields,
        )
        return self._klacht(request, klacht.pk, code=status.HTTP_201_CREATED)

    def _te_behandelen(self, request: Request, pk: Any) -> Klacht:
        """The klacht within the login's municipality: another municipality's is a 404 like one
        that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046); then
        need-to-know on its resident, if it names one."""
        klacht_id = pk_of(pk, "Deze klacht bestaat niet.")
        klacht = access.get_or_refuse(
            request.user,
            Resource.KLACHT,
            Action.BEHANDELEN,
            via=access.Via.request(request),
            pk=klacht_id,
            zoek=lambda gemeente_id: selectors.klacht_get(klacht_id, gemeente_id=gemeente_id),
            wat="Klacht",
            niet_gevonden="Deze klacht bestaat niet.",
        )
        if klacht.inwoner_id is not None:
            self._open(request, klacht.inwoner_id, Resource.KLACHT, Action.BEHANDELEN)
        return klacht

    @extend_schema(
        summary="Afhandeling verdagen (ten hoogste vier weken, met brief; Awb 9:11 lid 2)",
        request=KlachtVerdagenInputSerializer,
        responses={200: KlachtSerializer},
    )
    @action(detail=True, methods=["post"])
    def verdagen(self, request: Request, pk: Any = None) -> Response:
        klacht = self._te_behandelen(request, pk)
        data = KlachtVerdagenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        klacht = services.klacht_postpone(
            klacht=klacht, actor=request.user, via=access.Via.request(request),
            **data.validated_data,
        )  # fmt: skip
        return self._klacht(request, klacht.pk)

    @extend_schema(
        summary="Verder uitstellen met schriftelijke instemming van de klager (Awb 9:11 lid 3)",
        request=KlachtUitstellenInputSerializer,
        responses={200: KlachtSerializer},
    )
    @action(detail=True, methods=["post"])
    def uitstellen(self, request: Request, pk: Any = None) -> Response:
        klacht = self._te_behandelen(request, pk)
        data = KlachtUitstellenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        klacht = services.klacht_uitstel_met_toestemming(
            klacht=klacht, actor=request.user, via=access.Via.request(request),
            **data.validated_data,
        )  # fmt: skip
        return self._klacht(request, klacht.pk)

    @extend_schema(
        summary="Klacht afhandelen",
        request=KlachtAfhandelenInputSerializer,
        responses={200: KlachtSerializer},
    )
    @action(detail=True, methods=["post"])
    def afhandelen(self, request: Request, pk: Any = None) -> Response:
        klacht = self._te_behandelen(request, pk)
        data = KlachtAfhandelenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        klacht = services.klacht_settle(
            klacht=klacht,
            actor=request.user,
            via=access.Via.request(request),
            **data.validated_data,
        )
        return self._klacht(request, klacht.pk)
