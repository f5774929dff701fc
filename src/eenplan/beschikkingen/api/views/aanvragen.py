"""`/api/v1/aanvragen/`: the worklist with the deadline state (the selectors' SQL annotation),
one aanvraag, deciding on it per provision, and suspending or resuming its term."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.aanbieders.models import Aanbieder
from eenplan.beschikkingen import selectors, services
from eenplan.beschikkingen.api import queries
from eenplan.beschikkingen.api.serializers.aanvragen import (
    AanvraagDetailSerializer,
    AanvraagFilterSerializer,
    AanvraagListSerializer,
    BeslissenInputSerializer,
    HervattenInputSerializer,
    OpschortenInputSerializer,
    VertragingInputSerializer,
)
from eenplan.beschikkingen.api.serializers.beschikkingen import (
    BeschikkingDetailSerializer,
)
from eenplan.beschikkingen.api.views.basis import DOEL_PARAMETER, DossierViewSet, pk_of
from eenplan.beschikkingen.api.views.beschikkingen import beschikking_response
from eenplan.beschikkingen.constants import WGS_BESLISSEN_BIJ_SCHULDVRAAG
from eenplan.beschikkingen.models import Aanvraag
from eenplan.beschikkingen.selectors import opschorting_lopend
from eenplan.common.api import VersieViewSetMixin, pagina
from eenplan.common.constants import Wet
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.rules.voorziening import PgbToets


def _regel(
    data: dict[str, Any], voorzieningen: dict[int, Any], aanbieders: dict[int, Aanbieder]
) -> services.Regel:
    toets = data["pgb_toets"]
    return services.Regel(
        voorziening=voorzieningen[data["voorziening"]],
        uitkomst=data["uitkomst"],
        omvang=data["omvang"],
        begin=data["begin"],
        einde=data["einde"],
        heronderzoek_op=data["heronderzoek_op"],
        leveringsvorm=data["leveringsvorm"],
        aanbieder=aanbieders.get(data["aanbieder"]) if data["aanbieder"] is not None else None,
        frequentie=data["frequentie"],
        pgb_toets=None if toets is None else PgbToets(**toets),
        pgb_tarief=data["pgb_tarief"],
        persoonlijk_plan=data["persoonlijk_plan"],
    )


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen binnen uw werkgebied met hun beslistermijn",
        description="Vroegste uiterste beslisdatum eerst. `termijn_status` is de stand op "
        "vandaag (Wmo 2015 art. 2.3.5 lid 2: 2 weken; Jeugdwet en Participatiewet: 8 weken, "
        "Awb 4:13; met de Algemene termijnenwet).",
        parameters=[AanvraagFilterSerializer],
        responses=AanvraagListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Aanvraag met herkomst en genomen besluiten (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=AanvraagDetailSerializer,
    ),
)
class AanvraagViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Aanvraag
    access_rules = {
        "list": (Resource.AANVRAAG, Action.LEZEN),
        "retrieve": (Resource.AANVRAAG, Action.LEZEN),
        "beslissen": (Resource.BESCHIKKING, Action.BESLISSEN),
        "opschorten": (Resource.AANVRAAG, Action.OPSCHORTEN),
        "hervatten": (Resource.AANVRAAG, Action.OPSCHORTEN),
        "vertraging": (Resource.AANVRAAG, Action.OPSCHORTEN),
        "vertraging_werklijst": (Resource.AANVRAAG, Action.LEZEN),
    }
    queryset = Aanvraag.objects.none()  # for the schema; the real scope is per login
    serializer_class = AanvraagListSerializer
    filter_backends: list[type] = []  # filtering is queries.aanvragen_list
    niet_gevonden = "Deze aanvraag bestaat niet."

    def get_queryset(self) -> QuerySet[Aanvraag]:
        return selectors.aanvragen_in_scope(self.request.user)

    def list(self, request: Request) -> Response:
        params = AanvraagFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        queryset = queries.aanvragen_list(
            scope=self.get_queryset(),
            status=params.validated_data.get("status"),
            wet=params.validated_data.get("wet"),
            inwoner_id=params.validated_data.get("inwoner"),
        )
        return pagina(self, request, queryset, AanvraagListSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk, Action.LEZEN)
        self._open_wet(request, aanvraag.inwoner, aanvraag.wet, Action.LEZEN, Resource.AANVRAAG)
        return self._render(request, aanvraag.pk)

    def _render(self, request: Request, aanvraag_id: int) -> Response:
        aanvraag = selectors.aanvraag_get(
            aanvraag_id, gemeente_id=access.Actor.of(request.user).gemeente_id
        )
        return Response(AanvraagDetailSerializer(aanvraag, context={"request": request}).data)

    @extend_schema(
        summary="Beslissen op de aanvraag, per gevraagde voorziening",
        description="Per voorziening: toegekend, deels toegekend of afgewezen; bij toekenning "
        "omvang, begin, einde of heronderzoek, en zorg in natura (met aanbieder) of een pgb "
        "(met de pgb-toets, het persoonlijk plan en het gevraagde tarief; het budget is ten "
        "hoogste de goedkoopste passende zorg in natura). Geweigerd (400, er verandert niets): "
        "een einde vóór het begin, een omvang van nul, een pgb zonder de voorwaarden, en zorg "
        "in natura en pgb voor hetzelfde product in dezelfde periode (iWmo OP043). Een besluit "
        "van een generalist of jeugdprofessional komt in de rij voor de rechtmatigheidstoets "
        "van de backoffice.",
        request=BeslissenInputSerializer,
        responses={201: BeschikkingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def beslissen(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk, Action.BESLISSEN, Resource.BESCHIKKING)
        self._open(request, aanvraag.inwoner, Resource.BESCHIKKING, Action.BESLISSEN)
        access.vereis_beslist_over(
            request.user, aanvraag.wet, via=access.Via.request(request), inwoner=aanvraag.inwoner_id
        )
        if aanvraag.wet == Wet.SCHULDHULP:
            raise ValidationError({"aanvraag": WGS_BESLISSEN_BIJ_SCHULDVRAAG})
        data = BeslissenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        regels_data = data.validated_data["regels"]
        voorzieningen = queries.voorzieningen_by_id(
            gemeente_id=aanvraag.gemeente_id, ids=[r["voorziening"] for r in regels_data]
        )
        onbekend = sorted({r["voorziening"] for r in regels_data} - set(voorzieningen))
        if onbekend:
            raise ValidationError(
                {
                    "regels": [
                        f"Voorziening {pk_} staat niet in de catalogus van de gemeente."
                        for pk_ in onbekend
                    ]
                }
            )
        aanbieder_ids = {r["aanbieder"] for r in regels_data if r["aanbieder"] is not None}
        aanbieders = Aanbieder.objects.in_bulk(aanbieder_ids)
        if onbekend_aanbieder := sorted(aanbieder_ids - set(aanbieders)):
            raise ValidationError(
                {"regels": [f"Aanbieder {pk_} bestaat niet." for pk_ in onbekend_aanbieder]}
            )
        beschikking = services.beschikking_issue(
            aanvraag=aanvraag,
            actor=request.user,
            besloten_op=data.validated_data.get("besloten_op") or timezone.localdate(),
            motivering=data.validated_data["motivering"],
            regels=[_regel(r, voorzieningen, aanbieders) for r in regels_data],
            via=access.Via.request(request),
        )
        return beschikking_response(request, beschikking.pk, code=status.HTTP_201_CREATED)

    def _aanvraag(
        self,
        request: Request,
        pk: Any,
        action: Action,
        resource: Resource = Resource.AANVRAAG,
    ) -> Aanvraag:
        """The aanvraag within the login's municipality: another municipality's is a 404 like
        one that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046); a
        wrong purpose is a 400 first."""
        aanvraag_id = pk_of(pk, self.niet_gevonden)
        doel = request_doel(request)
        return access.get_or_refuse(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            pk=aanvraag_id,
            zoek=lambda gemeente_id: selectors.aanvraag_get(aanvraag_id, gemeente_id=gemeente_id),
            wat="Aanvraag",
            niet_gevonden=self.niet_gevonden,
            doel=doel,
        )

    @extend_schema(
        summary="Awb 4:14: aanvragen waarvan de beslistermijn bijna of al voorbij is, zonder "
        "bericht aan de inwoner",
        responses=AanvraagListSerializer(many=True),
    )
    @action(detail=False, methods=["get"], url_path="vertraging")
    def vertraging_werklijst(self, request: Request) -> Response:
        rijen = selectors.vertraging_werklijst(request.user, vandaag=timezone.localdate())
        return pagina(self, request, rijen, AanvraagListSerializer)

    @extend_schema(
        summary="Awb 4:14: de inwoner laten weten dat het besluit later komt (brief)",
        request=VertragingInputSerializer,
        responses={200: AanvraagDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def vertraging(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk, Action.OPSCHORTEN)
        self._open_wet(
            request, aanvraag.inwoner_id, aanvraag.wet, Action.OPSCHORTEN, Resource.AANVRAAG
        )
        data = VertragingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.aanvraag_vertraging_melden(
            aanvraag=aanvraag,
            actor=request.user,
            via=access.Via.request(request),
            **data.validated_data,
        )
        return self._render(request, aanvraag.pk)

    @extend_schema(
        summary="Beslistermijn opschorten (Awb 4:15), met reden",
        request=OpschortenInputSerializer,
        responses={200: AanvraagDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def opschorten(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk, Action.OPSCHORTEN)
        self._open_wet(
            request, aanvraag.inwoner_id, aanvraag.wet, Action.OPSCHORTEN, Resource.AANVRAAG
        )
        data = OpschortenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.aanvraag_suspend(
            aanvraag=aanvraag,
            actor=request.user,
            via=access.Via.request(request),
            **data.validated_data,
        )
        return self._render(request, aanvraag.pk)

    @extend_schema(
        summary="Opschorting beëindigen; de beslistermijn schuift op",
        request=HervattenInputSerializer,
        responses={200: AanvraagDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def hervatten(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk, Action.OPSCHORTEN)
        self._open_wet(
            request, aanvraag.inwoner_id, aanvraag.wet, Action.OPSCHORTEN, Resource.AANVRAAG
        )
        data = HervattenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        opschorting = opschorting_lopend(aanvraag)
        if opschorting is None:
            raise ValidationError({"tot": "De termijn van deze aanvraag is niet opgeschort."})
        services.aanvraag_resume(
            opschorting=opschorting,
            tot=data.validated_data["tot"],
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._render(request, aanvraag.pk)
