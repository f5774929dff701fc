"""The debt-help API (`/api/v1/schuldhulp/…`): the signals of payment arrears (register, which
makes a melding, and the contact attempts) and the debt questions (register, triage, the route's
phases, the toelating). Thin viewsets: parse with an input serializer, decide on the resident
through `privacy.access` (logged), call one service or selector, serialise."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen.api.views.basis import DOEL_PARAMETER, DossierViewSet, pk_of
from eenplan.common.api import VersieViewSetMixin
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.schuldhulp import opzoeken, selectors, services
from eenplan.schuldhulp.api.serializers import (
    ContactInputSerializer,
    FaseInputSerializer,
    InwonerFilterSerializer,
    SchuldvraagCreateSerializer,
    SchuldvraagSerializer,
    ToelatingInputSerializer,
    TriageInputSerializer,
    VroegsignaalCreateSerializer,
    VroegsignaalSerializer,
)
from eenplan.schuldhulp.models import Schuldvraag, Vroegsignaal

R = Resource.SCHULDHULP


def _via(request: Request) -> access.Via:
    return access.Via.request(request)


def _open_inwoner(request: Request, inwoner: Inwoner, action: Action) -> None:
    """Need-to-know on the resident as loaded with the signal or debt question (its wijk and
    municipality then decide the scope and the log row without a query of their own)."""
    access.require(
        request.user,
        R,
        action,
        via=_via(request),
        inwoner=inwoner,
        doel=request_doel(request),
    )


def _gefilterd(request: Request, rijen: Any) -> Any:
    params = InwonerFilterSerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    if params.validated_data.get("inwoner"):
        rijen = rijen.filter(inwoner_id=params.validated_data["inwoner"])
    return rijen


def _log_lijst(request: Request, page: Any) -> None:
    access.log_shown(
        request.user,
        [r.inwoner_id for r in page or []],
        gemeenten={r.inwoner_id: r.inwoner.gemeente_id for r in page or []},
        resource=R,
        doel=request_doel(request),
        via=_via(request),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Vroegsignalen van betalingsachterstand binnen uw werkgebied (wordt gelogd)",
        parameters=[InwonerFilterSerializer, DOEL_PARAMETER],
        responses=VroegsignaalSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Vroegsignaal met zijn contactpogingen (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=VroegsignaalSerializer,
    ),
    create=extend_schema(
        summary="Vroegsignaal vastleggen (Wgs art. 3a): wordt een melding bij de voordeur",
        description="Van een verhuurder, energieleverancier, drinkwaterbedrijf of "
        "zorgverzekeraar, vanaf 1 januari 2021. Kanaal en melder van de melding: "
        "'vroegsignalering'; bij een dreiging (Wgs art. 4 lid 2) krijgt de melding spoed.",
        request=VroegsignaalCreateSerializer,
        responses={201: VroegsignaalSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class VroegsignaalViewSet(DossierViewSet):
    access_rules = {
        "list": (R, Action.LEZEN),
        "retrieve": (R, Action.LEZEN),
        "create": (R, Action.AANMAKEN),
        "contact": (R, Action.WIJZIGEN),
    }
    queryset = Vroegsignaal.objects.none()
    serializer_class = VroegsignaalSerializer
    filter_backends: list[type] = []
    niet_gevonden = opzoeken.SIGNAAL_NIET_GEVONDEN

    def list(self, request: Request) -> Response:
        rijen = _gefilterd(request, selectors.signalen_in_scope(request.user))
        page = self.paginate_queryset(rijen)
        _log_lijst(request, page)
        data = VroegsignaalSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def _get(self, request: Request, pk: Any, action: Action) -> Vroegsignaal:
        """The signal within the login's municipality (else a logged refusal and a 404,
        `schuldhulp.opzoeken` as on the page), then need-to-know on its resident."""
        signaal = opzoeken.signaal(
            request.user,
            pk_of(pk, self.niet_gevonden),
            action,
            via=_via(request),
            doel=request_doel(request),
        )
        _open_inwoner(request, signaal.inwoner, action)
        return signaal

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(VroegsignaalSerializer(self._get(request, pk, Action.LEZEN)).data)

    def create(self, request: Request) -> Response:
        data = VroegsignaalCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        signaal = services.signaal_registreren(
            actor=request.user, inwoner=inwoner, via=_via(request), **velden
        )
        return Response(
            VroegsignaalSerializer(selectors.signaal_get(signaal.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Contactpoging na een vroegsignaal vastleggen (Wgs art. 3b: hulp aanbieden)",
        request=ContactInputSerializer,
        responses={201: VroegsignaalSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def contact(self, request: Request, pk: Any = None) -> Response:
        signaal = self._get(request, pk, Action.WIJZIGEN)
        data = ContactInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.contact_vastleggen(
            actor=request.user, signaal=signaal, via=_via(request), **data.validated_data
        )
        return Response(
            VroegsignaalSerializer(selectors.signaal_get(signaal.pk)).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=extend_schema(
        summary="Schuldvragen binnen uw werkgebied (wordt gelogd)",
        parameters=[InwonerFilterSerializer, DOEL_PARAMETER],
        responses=SchuldvraagSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Schuldvraag met termijnen, triage, route en toelating (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=SchuldvraagSerializer,
    ),
    create=extend_schema(
        summary="Verzoek om schuldhulp registreren",
        description="Eerste gesprek uiterlijk vier weken na het verzoek, of drie werkdagen bij "
        "een dreigende ontruiming, afsluiting van energie of water of opzegging van de "
        "zorgverzekering (Wgs art. 4 lid 1 en 2). Eén lopende schuldvraag per inwoner (409).",
        request=SchuldvraagCreateSerializer,
        responses={201: SchuldvraagSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class SchuldvraagViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Schuldvraag
    access_rules = {
        "list": (R, Action.LEZEN),
        "retrieve": (R, Action.LEZEN),
        "create": (R, Action.AANMAKEN),
        "triage": (R, Action.WIJZIGEN),
        "fase": (R, Action.WIJZIGEN),
        "toelating": (R, Action.BESLISSEN),
    }
    queryset = Schuldvraag.objects.none()
    serializer_class = SchuldvraagSerializer
    filter_backends: list[type] = []
    niet_gevonden = opzoeken.VRAAG_NIET_GEVONDEN

    def list(self, request: Request) -> Response:
        rijen = _gefilterd(
            request, selectors.schuldvragen_in_scope(request.user).prefetch_related("stappen")
        )
        page = self.paginate_queryset(rijen)
        _log_lijst(request, page)
        data = SchuldvraagSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def _get(self, request: Request, pk: Any, action: Action) -> Schuldvraag:
        """The debt question within the login's municipality (else a logged refusal and a
        404, `schuldhulp.opzoeken`), then need-to-know on its resident."""
        vraag = opzoeken.schuldvraag(
            request.user,
            pk_of(pk, self.niet_gevonden),
            action,
            via=_via(request),
            doel=request_doel(request),
        )
        _open_inwoner(request, vraag.inwoner, action)
        return vraag

    def _render(self, pk: int, code: int = 200) -> Response:
        return Response(SchuldvraagSerializer(selectors.schuldvraag_get(pk)).data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(SchuldvraagSerializer(self._get(request, pk, Action.LEZEN)).data)

    def create(self, request: Request) -> Response:
        data = SchuldvraagCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        signaal = None
        if (signaal_id := velden.pop("signaal", None)) is not None:
            signaal = self._uit_invoer(
                request,
                signaal_id,
                lambda g: Vroegsignaal.objects.filter(pk=signaal_id, gemeente_id=g).first(),
                wat="Vroegsignaal",
                veld="signaal",
            )
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        vraag = services.schuldvraag_aanmelden(
            actor=request.user, inwoner=inwoner, signaal=signaal, via=_via(request), **velden
        )
        return self._render(vraag.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Triage vastleggen (Peelregio: licht of zwaar)",
        description="Crisisinterventie alleen bij een dreiging van Wgs art. 4 lid 2; bij zo'n "
        "dreiging is alleen advies of budgetcoaching niet genoeg. Een zware triage voegt een "
        "doel van het leefgebied financiën toe aan het plan van het huishouden.",
        request=TriageInputSerializer,
        responses={200: SchuldvraagSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def triage(self, request: Request, pk: Any = None) -> Response:
        vraag = self._get(request, pk, Action.WIJZIGEN)
        data = TriageInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.triage_vastleggen(
            actor=request.user, vraag=vraag, via=_via(request), **data.validated_data
        )
        return self._render(vraag.pk)

    @extend_schema(
        summary="Volgende fase van de route (aanmelding → eerste gesprek → stabilisatie → "
        "minnelijk traject → WSNP of afgerond)",
        request=FaseInputSerializer,
        responses={200: SchuldvraagSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def fase(self, request: Request, pk: Any = None) -> Response:
        vraag = self._get(request, pk, Action.WIJZIGEN)
        data = FaseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.fase_vastleggen(
            actor=request.user, vraag=vraag, via=_via(request), **data.validated_data
        )
        return self._render(vraag.pk)

    @extend_schema(
        summary="Beschikking over de toelating na het eerste gesprek (Wgs art. 4a)",
        description="Een beschikking met brief en bezwaar (de beschikkingen van eenplan): "
        "toegelaten vanaf de besluitdatum, of geweigerd met de grond (`grond`, verplicht bij een "
        "weigering). Verstuur de brief met POST /api/v1/beschikkingen/<beschikking>/verzenden/; "
        "de bezwaartermijn loopt vanaf de verzenddatum. Alleen het Werkplein beslist. Geweigerd "
        "(400/409, er verandert niets): vóór het eerste gesprek, een tweede keer, een weigering "
        "zonder grond, een schuldvraag van een andere gemeente (404).",
        request=ToelatingInputSerializer,
        responses={200: SchuldvraagSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def toelating(self, request: Request, pk: Any = None) -> Response:
        vraag = self._get(request, pk, Action.BESLISSEN)
        data = ToelatingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.toelating_beslissen(
            actor=request.user, vraag=vraag, via=_via(request), **data.validated_data
        )
        return self._render(vraag.pk)
