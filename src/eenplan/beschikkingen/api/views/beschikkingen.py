"""`/api/v1/beschikkingen/`: the searchable list (the parameters of the page `/beschikkingen/`),
one beschikking with its letter and eigen bijdrage, sending, the lawfulness check, and the exports
for the SVB and the CAK."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen import exports, selectors, services
from eenplan.beschikkingen.api import queries
from eenplan.beschikkingen.api.serializers.beschikkingen import (
    BeschikkingDetailSerializer,
    BeschikkingFilterSerializer,
    BeschikkingListSerializer,
    ToetsenInputSerializer,
    VersturenInputSerializer,
)
from eenplan.beschikkingen.api.serializers.exports import (
    CakExportParamsSerializer,
    CakRegelSerializer,
    SvbExportParamsSerializer,
    SvbRegelSerializer,
)
from eenplan.beschikkingen.api.views.basis import (
    DOEL_PARAMETER,
    FORMAT_PARAMETER,
    AlleenPagina,
    CsvRenderer,
    DossierViewSet,
    pk_of,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.common.api import VersieViewSetMixin, pagina
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel


def beschikking_response(request: Request, beschikking_id: int, *, code: int = 200) -> Response:
    """The decision with its letter (as sent, or a preview) and the household's eigen
    bijdrage on the day of sending (or of the decision), as the letter states it."""
    beschikking = selectors.beschikking_get(beschikking_id)
    if beschikking is None:  # not reached: the caller loaded it in the same request
        raise NotFound("Deze beschikking bestaat niet.")
    uitkomst, peildatum = services.beschikking_eigen_bijdrage(beschikking)
    context = {
        "request": request,
        "brief": services.brief_tekst(beschikking, timezone.localdate()),
        "eigen_bijdrage": None
        if uitkomst is None
        else {
            "peildatum": peildatum,
            "bedrag_per_maand": uitkomst.bedrag_per_maand,
            "status": str(uitkomst.status),
            "ontbrekend_jaar": uitkomst.ontbrekend_jaar,
            "toelichting": list(uitkomst.toelichting),
            "via_cak": uitkomst.via_cak,
        },
    }
    return Response(BeschikkingDetailSerializer(beschikking, context=context).data, status=code)


def _export_response(request: Request, *, data: Any, csv: str, filename: str) -> Response:
    if request.accepted_renderer.format == "json":
        return Response(data)
    response = Response(csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@extend_schema_view(
    list=extend_schema(
        summary="Beschikkingen binnen uw werkgebied, met de besloten voorzieningen",
        description="Filters: `rechtmatigheid=te_toetsen` is de toetsingsrij van de backoffice; "
        "`einde_binnen_weken=8` de werklijst van voorzieningen die eindigen of aan "
        "heronderzoek toe zijn.",
        parameters=[BeschikkingFilterSerializer],
        responses=BeschikkingListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Beschikking met brief, eigen bijdrage en bezwaartermijn (wordt gelogd)",
        description="`brief` is de verzonden brief; vóór verzending een voorbeeld uit het "
        "huidige sjabloon (`brief_is_voorbeeld`).",
        parameters=[DOEL_PARAMETER],
        responses=BeschikkingDetailSerializer,
    ),
)
class BeschikkingViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Beschikking
    access_rules = {
        "list": (Resource.BESCHIKKING, Action.LEZEN),
        "retrieve": (Resource.BESCHIKKING, Action.LEZEN),
        "versturen": (Resource.BESCHIKKING, Action.BESLISSEN),
        "toetsen": (Resource.BESCHIKKING, Action.TOETSEN),
        "export_svb": (Resource.EXPORT, Action.EXPORTEREN),
        "export_cak": (Resource.EXPORT, Action.EXPORTEREN),
    }
    queryset = Beschikking.objects.none()  # for the schema; the real scope is per login
    serializer_class = BeschikkingListSerializer
    filter_backends: list[type] = []  # filtering is queries.beschikkingen_list
    pagination_class = AlleenPagina
    niet_gevonden = "Deze beschikking bestaat niet."

    def get_queryset(self) -> QuerySet[Beschikking]:
        return selectors.beschikkingen_in_scope(self.request.user)

    def list(self, request: Request) -> Response:
        params = BeschikkingFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        queryset = queries.beschikkingen_list(
            scope=self.get_queryset(),
            vandaag=timezone.localdate(),
            vraag=params.zoekvraag(),
            rechtmatigheid=params.validated_data.get("rechtmatigheid"),
            inwoner_id=params.validated_data.get("inwoner"),
            einde_binnen_weken=params.validated_data.get("einde_binnen_weken"),
            gemeente_id=access.Actor.of(request.user).gemeente_id,
        )
        return pagina(self, request, queryset, BeschikkingListSerializer)

    def _get(self, request: Request, pk: Any) -> Beschikking:
        beschikking_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)  # a wrong purpose is a 400 before anything else happens
        beschikking = selectors.beschikking_get(beschikking_id)
        if beschikking is None:
            raise NotFound(self.niet_gevonden)
        return beschikking

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        beschikking = self._get(request, pk)
        self._open_wet(request, beschikking.inwoner_id, beschikking.aanvraag.wet)
        return beschikking_response(request, beschikking.pk)

    def _act(
        self,
        request: Request,
        pk: Any,
        serializer_class: type,
        perform: Callable[[Beschikking, dict[str, Any]], object],
        action: Action,
    ) -> Response:
        beschikking = self._get(request, pk)
        self._open_wet(request, beschikking.inwoner_id, beschikking.aanvraag.wet, action)
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        perform(beschikking, dict(data.validated_data))
        return beschikking_response(request, beschikking.pk)

    @extend_schema(
        summary="Brief versturen; de bezwaartermijn gaat lopen",
        description="Legt de verzenddatum vast, berekent de laatste dag voor bezwaar (Awb 6:7 "
        "en 6:8 met de Algemene termijnenwet) en bewaart de brief zoals hij is verzonden. Een "
        "onrechtmatig bevonden besluit wordt niet verzonden.",
        request=VersturenInputSerializer,
        responses={200: BeschikkingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def versturen(self, request: Request, pk: Any = None) -> Response:
        def perform(beschikking: Beschikking, data: dict[str, Any]) -> object:
            return services.beschikking_send(
                beschikking=beschikking,
                actor=request.user,
                op=data.get("op") or timezone.localdate(),
                via=access.Via.request(request),
            )

        return self._act(request, pk, VersturenInputSerializer, perform, Action.BESLISSEN)

    @extend_schema(
        summary="Rechtmatigheid toetsen (backoffice, achteraf)",
        description="Een besluit van een generalist: rechtmatig, of onrechtmatig met de reden "
        "(terug naar de beslisser). Niet door de beslisser zelf.",
        request=ToetsenInputSerializer,
        responses={200: BeschikkingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def toetsen(self, request: Request, pk: Any = None) -> Response:
        def perform(beschikking: Beschikking, data: dict[str, Any]) -> object:
            return services.rechtmatigheid_check(
                beschikking=beschikking,
                actor=request.user,
                rechtmatig=data["rechtmatig"],
                reden=data["reden"],
                via=access.Via.request(request),
            )

        return self._act(request, pk, ToetsenInputSerializer, perform, Action.TOETSEN)

    @extend_schema(
        summary="Export voor de SVB: toegekende pgb-budgetten op een peildatum",
        description="Eén regel per toegekend pgb dat op `op` loopt (verzonden besluiten die "
        "nog gelden). Het landelijke iPgb-berichtformaat is hier niet beschikbaar; dit is een "
        "gedocumenteerde CSV (kolommen in docs/exports.md), of JSON met `?format=json`. Bevat "
        "persoonsgegevens: elke inwoner in de export komt in het inzagelog (doel beschikking). "
        "Alleen voor de backoffice.",
        parameters=[SvbExportParamsSerializer, FORMAT_PARAMETER],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="CSV, scheidingsteken ';', UTF-8."
            ),
            (200, "application/json"): SvbRegelSerializer(many=True),
        },
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="export/svb",
        pagination_class=None,
        renderer_classes=[CsvRenderer, JSONRenderer],
    )
    def export_svb(self, request: Request) -> Response:
        params = SvbExportParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        op = params.validated_data["op"]
        rows = exports.svb_budgetten(inwoners=access.inwoners_in_scope(request.user), op=op)
        exports.export_log(
            request.user, [r.inwoner_id for r in rows], via=access.Via.request(request)
        )
        return _export_response(
            request,
            data=exports.svb_json(rows),
            csv=exports.svb_csv(rows),
            filename=f"svb-pgb-{op.isoformat()}.csv",
        )

    @extend_schema(
        summary="Export voor het CAK: eigen bijdrage per huishouden per maand",
        description="Eén regel per huishouden dat in `maand` het abonnementstarief betaalt "
        "(Wmo-maatwerk met eigen bijdrage; één bijdrage per huishouden). Het landelijke "
        "iEb-berichtformaat is hier niet beschikbaar; dit is een gedocumenteerde CSV "
        "(docs/exports.md), of JSON met `?format=json`. Bevat persoonsgegevens: elke cliënt "
        "in de export komt in het inzagelog (doel beschikking). Alleen voor de backoffice.",
        parameters=[CakExportParamsSerializer, FORMAT_PARAMETER],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="CSV, scheidingsteken ';', UTF-8."
            ),
            (200, "application/json"): CakRegelSerializer(many=True),
        },
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="export/cak",
        pagination_class=None,
        renderer_classes=[CsvRenderer, JSONRenderer],
    )
    def export_cak(self, request: Request) -> Response:
        params = CakExportParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        maand = params.validated_data["maand"]
        rows = exports.cak_bijdragen(inwoners=access.inwoners_in_scope(request.user), maand=maand)
        exports.export_log(
            request.user,
            [pk for r in rows for pk in r.inwoner_ids],
            via=access.Via.request(request),
        )
        return _export_response(
            request,
            data=exports.cak_json(rows),
            csv=exports.cak_csv(rows),
            filename=f"cak-eigen-bijdrage-{maand}.csv",
        )
