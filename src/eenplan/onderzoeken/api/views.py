"""REST endpoints for the onderzoek (keukentafelgesprek): the worklist, the onderzoek with
everything the verslag needs, and one action per part of the form.

Thin, like the inwoners and meldingen APIs: parse, call one selector or service, render.
Access is decided by `privacy.access` only, with the same rules as the pages: the role per
action (`access_rules`, read by RolePermission), the resident per onderzoek (`access.require(...,
inwoner=...)`, the need-to-know of the list, `selectors.onderzoeken_in_scope`), and each write
once more by the service with the actor. Every decision is logged, a refusal too: an onderzoek
outside the scope is a 403 with the reason when it exists, a 404 when it does not. Refusals of
the services (ValidationError in Dutch) become 400s in common.api.exception_handler and change
nothing: every service is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from eenplan.common.api import IdFilter, VersieViewSetMixin, parse_id
from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.mantelzorg.opzoeken import zorg_van
from eenplan.meldingen import selectors as meldingen_selectors
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken import services
from eenplan.onderzoeken.api.serializers import (
    AfwegingInputSerializer,
    ControlesInputSerializer,
    GesprekInputSerializer,
    LeefgebiedSerializer,
    OnderdeelInputSerializer,
    OnderzoekCreateSerializer,
    OnderzoekDetailSerializer,
    OnderzoekListSerializer,
    ReactieInputSerializer,
    ScoreInputSerializer,
    VerzendenInputSerializer,
)
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Leefgebied, Onderzoek
from eenplan.onderzoeken.selectors import (
    binnen_gemeente,
    leefgebieden_actief,
    onderzoek_get,
    onderzoek_termijn,
    onderzoeken_in_scope,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=Doel.values,
    required=False,
    description="Doel van inzage (wordt gelogd). Ook als header X-Eenplan-Doel. Standaard: het "
    "doel dat bij uw rol hoort.",
)
MIJ = "mij"

Perform = Callable[[Onderzoek, dict[str, Any]], object]


class OnderzoekFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=OnderzoekStatus.choices)
    inwoner = IdFilter(field_name="inwoner_id", label="Id van de inwoner")
    medewerker = django_filters.CharFilter(
        method="filter_medewerker",
        label='Id van de medewerker, of "mij" voor uw eigen onderzoeken',
    )

    class Meta:
        model = Onderzoek
        fields = ["status", "inwoner", "medewerker"]

    def filter_medewerker(
        self, queryset: QuerySet[Onderzoek], name: str, value: str
    ) -> QuerySet[Onderzoek]:
        value = value.strip().lower()
        if value == MIJ:
            eigen = medewerker_for_user(self.request.user) if self.request else None
            if eigen is None:
                raise ValidationError({"medewerker": "Uw account hoort niet bij een medewerker."})
            return queryset.filter(medewerker=eigen)
        medewerker_id = parse_id(value)
        if medewerker_id is None:
            raise ValidationError({"medewerker": 'Geef het id van een medewerker of "mij".'})
        return queryset.filter(medewerker_id=medewerker_id)


@extend_schema_view(
    list=extend_schema(
        summary="Onderzoeken binnen uw werkgebied",
        description="Zonder BSN en zonder gespreksinhoud; het onderzoek zelf staat achter `url` "
        "(en wordt gelogd).",
        responses=OnderzoekListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Onderzoek met onderdelen a-g, gesprekken, ladder, scores en termijn "
        "(wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=OnderzoekDetailSerializer,
    ),
    create=extend_schema(
        summary="Onderzoek starten bij een toegewezen melding",
        request=OnderzoekCreateSerializer,
        responses={201: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class OnderzoekViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    versie_model = Onderzoek
    permission_classes = [RolePermission]
    _lezen = (Resource.ONDERZOEK, Action.LEZEN)
    _schrijven = (Resource.ONDERZOEK, Action.WIJZIGEN)
    access_rules = {
        "list": _lezen,
        "retrieve": _lezen,
        "leefgebieden": _lezen,
        "create": (Resource.ONDERZOEK, Action.AANMAKEN),
        "gesprekken": _schrijven,
        "onderdelen": _schrijven,
        "controles": _schrijven,
        "afwegingen": _schrijven,
        "scores": _schrijven,
        "definitief": _schrijven,
        "verzenden": _schrijven,
        "reacties": _schrijven,
    }
    queryset = Onderzoek.objects.none()  # for the schema; the real scope is per login
    serializer_class = OnderzoekListSerializer
    filterset_class = OnderzoekFilter

    def get_queryset(self) -> QuerySet[Onderzoek]:
        return onderzoeken_in_scope(self.request.user)

    # --- reading --------------------------------------------------------------------------

    def list(self, request: Request) -> Response:
        queryset = self.filter_queryset(
            self.get_queryset()
            .select_related("inwoner", "medewerker__user", "melding")
            .order_by("-created_at", "-id")
        )
        page = self.paginate_queryset(queryset)
        rows = OnderzoekListSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(rows.data)

    def _get(self, request: Request, pk: Any, handeling: Action = Action.LEZEN) -> Onderzoek:
        """The onderzoek, if this login may read it (LEZEN) or change it (WIJZIGEN): 404 when
        it does not exist in the login's municipality, else `access.require` on its
        resident — a 403 with the reason when refused — logged either way (reading an
        onderzoek is reading the resident's dossier).

        Loaded without prefetches: the services read the related rows themselves and must not
        see a stale cache."""
        try:
            onderzoek_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound("Dit onderzoek bestaat niet.") from exc
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else happens
        onderzoek = access.get_or_refuse(
            request.user,
            Resource.ONDERZOEK,
            handeling,
            via=access.Via.request(request),
            pk=onderzoek_id,
            zoek=lambda gemeente_id: binnen_gemeente(gemeente_id)
            .select_related("melding", "inwoner")
            .filter(pk=onderzoek_id)
            .first(),
            wat="Onderzoek",
            niet_gevonden="Dit onderzoek bestaat niet.",
            doel=doel,
        )
        access.require(
            request.user,
            Resource.ONDERZOEK,
            handeling,
            via=access.Via.request(request),
            inwoner=onderzoek.inwoner,  # as read within the municipality: no lookup to log it
            doel=doel,
        )
        return onderzoek

    def _render(self, request: Request, onderzoek_id: int, *, code: int = 200) -> Response:
        gemeente_id = access.Actor.of(request.user).gemeente_id
        onderzoek = onderzoek_get(
            scope=binnen_gemeente(gemeente_id), pk=onderzoek_id, gemeente_id=gemeente_id
        )
        if onderzoek is None:  # not reached: the caller loaded it in the same request
            raise NotFound("Dit onderzoek bestaat niet.")
        lopend = onderzoek.status == OnderzoekStatus.LOPEND
        vandaag = timezone.localdate()
        context = {
            "request": request,
            "termijn": onderzoek_termijn(onderzoek, vandaag),
            "ontbrekend": services.verslag_ontbrekend_voor(onderzoek) if lopend else [],
            # the carers and their last burden, as on the page (mantelzorg, logged)
            "zorg": zorg_van(
                request.user,
                onderzoek.inwoner,
                via=access.Via.request(request),
                vandaag=vandaag,
                doel=request_doel(request) or Doel.ONDERZOEK,
            ),
        }
        return Response(OnderzoekDetailSerializer(onderzoek, context=context).data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        onderzoek = self._get(request, pk)
        return self._render(request, onderzoek.pk)

    @extend_schema(
        summary="Leefgebieden van het actieve instrument met de ankerteksten per score",
        responses=LeefgebiedSerializer(many=True),
    )
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def leefgebieden(self, request: Request) -> Response:
        return Response(LeefgebiedSerializer(leefgebieden_actief(), many=True).data)

    # --- writing --------------------------------------------------------------------------

    def create(self, request: Request) -> Response:
        data = OnderzoekCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        doel = request_doel(request)
        melding_id = data.validated_data["melding"]
        # Within the login's municipality: another municipality's melding is the same logged
        # 400 as an unknown one (`access.uit_invoer`, ADR 0046), not a refusal on need-to-know
        # that tells it exists and is logged in that municipality's log.
        melding: Melding = access.uit_invoer(
            request.user,
            Resource.ONDERZOEK,
            Action.AANMAKEN,
            via=access.Via.request(request),
            pk=melding_id,
            zoek=lambda gemeente_id: meldingen_selectors.binnen_gemeente(
                gemeente_id, joins=("inwoner",)
            )
            .select_related("inwoner")
            .filter(pk=melding_id)
            .first(),
            wat="Melding",
            veld="melding",
            doel=doel,
        )
        if melding.inwoner_id is None:
            raise ValidationError(
                {"melding": "Identificeer eerst de inwoner van deze melding (need-to-know)."}
            )
        # The same decision as the page: may this login start an onderzoek for this resident?
        access.require(
            request.user,
            Resource.ONDERZOEK,
            Action.AANMAKEN,
            via=access.Via.request(request),
            inwoner=melding.inwoner_id,
            doel=doel,
        )
        onderzoek = services.onderzoek_start(melding=melding, actor=request.user)
        return self._render(request, onderzoek.pk, code=status.HTTP_201_CREATED)

    def _act(
        self,
        request: Request,
        pk: Any,
        serializer_class: type[Serializer] | None,
        perform: Perform,
        *,
        code: int = 200,
    ) -> Response:
        """Load (may this login change it? decided and logged), parse, call one service (which
        decides again with the actor), render."""
        onderzoek = self._get(request, pk, Action.WIJZIGEN)
        data: dict[str, Any] = {}
        if serializer_class is not None:
            serializer = serializer_class(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
        perform(onderzoek, data)
        return self._render(request, onderzoek.pk, code=code)

    @extend_schema(
        summary="Gesprek vastleggen (datum, plaats, wie deelnam, notities)",
        request=GesprekInputSerializer,
        responses={201: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def gesprekken(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.gesprek_add(onderzoek=onderzoek, actor=request.user, **data)

        return self._act(request, pk, GesprekInputSerializer, perform, code=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Onderdeel a-g opslaan: een antwoord of de reden waarom het niet van "
        "toepassing is (Wmo 2015 art. 2.3.2 lid 4)",
        request=OnderdeelInputSerializer,
        responses={200: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["put", "post"])
    def onderdelen(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.onderdeel_set(onderzoek=onderzoek, actor=request.user, **data)

        return self._act(request, pk, OnderdeelInputSerializer, perform)

    @extend_schema(
        summary="Controles: cliëntondersteuning, pgb en mantelzorger besproken",
        request=ControlesInputSerializer,
        responses={200: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def controles(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.onderzoek_set_checks(onderzoek=onderzoek, actor=request.user, **data)

        return self._act(request, pk, ControlesInputSerializer, perform)

    @extend_schema(
        summary="Een stap van de ladder afwegen (Wmo 2015 art. 2.3.5 lid 3)",
        request=AfwegingInputSerializer,
        responses={200: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def afwegingen(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.afweging_set(onderzoek=onderzoek, actor=request.user, **data)

        return self._act(request, pk, AfwegingInputSerializer, perform)

    @extend_schema(
        summary="Score op een leefgebied vastleggen",
        request=ScoreInputSerializer,
        responses={201: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def scores(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            leefgebied = (
                Leefgebied.objects.select_related("instrument")
                .filter(pk=data["leefgebied"])
                .first()
            )
            if leefgebied is None:
                raise ValidationError({"leefgebied": "Onbekend leefgebied."})
            return services.score_add(
                inwoner=onderzoek.inwoner,
                leefgebied=leefgebied,
                score=data["score"],
                datum=data["datum"],
                actor=request.user,
                onderzoek=onderzoek,
            )

        return self._act(request, pk, ScoreInputSerializer, perform, code=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Verslag definitief maken",
        description="Weigert (400) met een lijst van wat nog ontbreekt: een gesprek, de "
        "onderdelen a-g, de controles (Wmo 2015 art. 2.3.2 lid 4, 6 en 8).",
        request=None,
        responses={200: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def definitief(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.verslag_finalise(onderzoek=onderzoek, actor=request.user)

        return self._act(request, pk, None, perform)

    @extend_schema(
        summary="Verzending van het verslag aan de inwoner vastleggen",
        request=VerzendenInputSerializer,
        responses={200: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def verzenden(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.verslag_send(onderzoek=onderzoek, op=data["op"], actor=request.user)

        return self._act(request, pk, VerzendenInputSerializer, perform)

    @extend_schema(
        summary="Reactie van de inwoner op het verslag toevoegen (wordt bij het verslag bewaard)",
        request=ReactieInputSerializer,
        responses={201: OnderzoekDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def reacties(self, request: Request, pk: Any = None) -> Response:
        def perform(onderzoek: Onderzoek, data: dict[str, Any]) -> object:
            return services.verslag_reactie_add(onderzoek=onderzoek, actor=request.user, **data)

        return self._act(request, pk, ReactieInputSerializer, perform, code=status.HTTP_201_CREATED)
