"""`/api/v1/beschikkingen/`: the searchable list (the parameters of the page `/beschikkingen/`),
one beschikking with its letter and eigen bijdrage, sending, the lawfulness check, and the exports
for the SVB and the CAK."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
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
    AlleenPagina,
    CsvRenderer,
    DossierViewSet,
    pk_of,
)
from eenplan.beschikkingen.models import Beschikking
from eenplan.common.api import VersieViewSetMixin, pagina, vastleggen
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel, user_gemeente
from eenplan.taken.api.views import TaakSerializer


def _bestand_response(bestand: exports.Exportbestand) -> HttpResponse:
    """An export file as the answer itself: its bytes, media type and file name."""
    response = HttpResponse(bestand.inhoud, content_type=bestand.content_type)
    response["Content-Disposition"] = f'attachment; filename="{bestand.naam}"'
    return response


def beschikking_response(
    request: Request, beschikking_id: int, *, code: int = 200, geladen: Beschikking | None = None
) -> Response:
    """The decision with its letter (as sent, or a preview) and the household's eigen
    bijdrage on the day of sending (or of the decision), as the letter states it. `geladen`:
    the decision as `beschikking_get` read it in this request, unchanged since (not read
    again)."""
    beschikking = geladen or selectors.beschikking_get(
        beschikking_id, gemeente_id=access.Actor.of(request.user).gemeente_id
    )
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
        "export_svb_bestand": (Resource.EXPORT, Action.EXPORTEREN),
        "export_cak_bestand": (Resource.EXPORT, Action.EXPORTEREN),
    }
    queryset = Beschikking.objects.none()  # for the schema; the real scope is per login
    serializer_class = BeschikkingListSerializer
    filter_backends: list[type] = []  # filtering is queries.beschikkingen_list
    pagination_class = AlleenPagina
    niet_gevonden = "Deze beschikking bestaat niet."

    def get_queryset(self) -> QuerySet[Beschikking]:
        return selectors.beschikkingen_in_scope(self.request.user)

    def get_renderers(self) -> list[Any]:
        if self.action in ("export_svb_bestand", "export_cak_bestand"):
            return [CsvRenderer(), JSONRenderer()]  # the file itself; `?format=json` or Accept
        return super().get_renderers()

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

    def _get(
        self, request: Request, pk: Any, action: Action, *, met_eigen_bijdrage: bool = False
    ) -> Beschikking:
        """The beschikking within the login's municipality: another municipality's is a 404
        like one that does not exist, the refusal logged (`access.get_or_refuse`, ADR 0046)."""
        beschikking_id = pk_of(pk, self.niet_gevonden)
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else happens
        return access.get_or_refuse(
            request.user,
            Resource.BESCHIKKING,
            action,
            via=access.Via.request(request),
            pk=beschikking_id,
            zoek=lambda gemeente_id: selectors.beschikking_get(
                beschikking_id, gemeente_id=gemeente_id, met_eigen_bijdrage=met_eigen_bijdrage
            ),
            wat="Beschikking",
            niet_gevonden=self.niet_gevonden,
            doel=doel,
        )

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        beschikking = self._get(request, pk, Action.LEZEN, met_eigen_bijdrage=True)
        self._open_wet(request, beschikking.inwoner, beschikking.aanvraag.wet)
        return beschikking_response(request, beschikking.pk, geladen=beschikking)

    def _act(
        self,
        request: Request,
        pk: Any,
        serializer_class: type,
        perform: Callable[[Beschikking, dict[str, Any]], object],
        action: Action,
    ) -> Response:
        beschikking = self._get(request, pk, action)
        self._open_wet(request, beschikking.inwoner, beschikking.aanvraag.wet, action)
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
        summary="Export voor de SVB starten: toegekende pgb-budgetten op een peildatum (taak)",
        description="Start een taak die één regel maakt per toegekend pgb dat op `op` loopt "
        "(verzonden besluiten die nog gelden), als CSV (kolommen in docs/exports.md) of JSON "
        "(`format`). Het antwoord is 202 met de taak; volg haar op `/api/v1/taken/<id>/` en haal "
        "het bestand op bij `/api/v1/taken/<id>/bestand/` (alleen wie haar startte). Het "
        "landelijke iPgb-berichtformaat is hier niet beschikbaar. Bevat persoonsgegevens: elke "
        "inwoner in de export komt in het inzagelog (doel beschikking). Alleen voor de "
        "backoffice.",
        request=SvbExportParamsSerializer,
        responses={202: TaakSerializer},
    )
    @action(detail=False, methods=["post"], url_path="export/svb", pagination_class=None)
    def export_svb(self, request: Request) -> Response:
        return self._export_starten(request, exports.EXPORT_SVB, SvbExportParamsSerializer, "op")

    @extend_schema(
        summary="Export voor het CAK starten: eigen bijdrage per huishouden per maand (taak)",
        description="Start een taak die één regel maakt per huishouden dat in `maand` het "
        "abonnementstarief betaalt (Wmo-maatwerk met eigen bijdrage; één bijdrage per "
        "huishouden), als CSV (docs/exports.md) of JSON (`format`). Het antwoord is 202 met de "
        "taak; volg haar op `/api/v1/taken/<id>/`, het bestand staat daarna bij "
        "`/api/v1/taken/<id>/bestand/`. Het landelijke iEb-berichtformaat is hier niet "
        "beschikbaar. Bevat persoonsgegevens: elke cliënt in de export komt in het inzagelog "
        "(doel beschikking). Alleen voor de backoffice.",
        request=CakExportParamsSerializer,
        responses={202: TaakSerializer},
    )
    @action(detail=False, methods=["post"], url_path="export/cak", pagination_class=None)
    def export_cak(self, request: Request) -> Response:
        return self._export_starten(request, exports.EXPORT_CAK, CakExportParamsSerializer, "maand")

    @extend_schema(
        summary="Export voor de SVB direct ophalen (verouderd: gebruik POST, een taak)",
        description="Het bestand van de SVB-export in dit antwoord, zoals vóór de taken: voor "
        "bestaande koppelingen. Dezelfde regels, hetzelfde recht en hetzelfde inzagelog als de "
        "taak (POST op dit adres), maar het verzoek wacht tot het bestand klaar is; gebruik "
        "voor grote gemeenten de taak.",
        deprecated=True,
        parameters=[SvbExportParamsSerializer],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="CSV, scheidingsteken ';', UTF-8."
            ),
            (200, "application/json"): SvbRegelSerializer(many=True),
        },
    )
    @export_svb.mapping.get
    def export_svb_bestand(self, request: Request) -> Response:
        params = SvbExportParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        bestand = exports.svb_bestand(
            request.user,
            op=params.validated_data["op"],
            formaat=request.accepted_renderer.format,
            via=access.Via.request(request),
        )
        return _bestand_response(bestand)

    @extend_schema(
        summary="Export voor het CAK direct ophalen (verouderd: gebruik POST, een taak)",
        description="Het bestand van de CAK-export in dit antwoord, zoals vóór de taken: voor "
        "bestaande koppelingen. Dezelfde regels, hetzelfde recht en hetzelfde inzagelog als de "
        "taak (POST op dit adres), maar het verzoek wacht tot het bestand klaar is.",
        deprecated=True,
        parameters=[CakExportParamsSerializer],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="CSV, scheidingsteken ';', UTF-8."
            ),
            (200, "application/json"): CakRegelSerializer(many=True),
        },
    )
    @export_cak.mapping.get
    def export_cak_bestand(self, request: Request) -> Response:
        params = CakExportParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        bestand = exports.cak_bestand(
            request.user,
            maand=params.validated_data["maand"],
            formaat=request.accepted_renderer.format,
            via=access.Via.request(request),
        )
        return _bestand_response(bestand)

    def _export_starten(
        self, request: Request, soort: str, invoer: type[Any], sleutel: str
    ) -> Response:
        gemeente = user_gemeente(request)
        via = access.Via.request(request)

        def starten(data: dict[str, Any]) -> Any:
            waarde = data[sleutel]
            return exports.export_starten(
                soort=soort,
                door=request.user,
                gemeente=gemeente,
                params={
                    sleutel: waarde if isinstance(waarde, str) else waarde.isoformat(),
                    "format": data["format"],
                },
                via=via,
            )

        antwoord = vastleggen(
            request,
            invoer,
            starten,
            lambda taak: TaakSerializer(taak, context={"request": request}).data,
            status_code=status.HTTP_202_ACCEPTED,
        )
        antwoord["Location"] = f"/api/v1/taken/{antwoord.data['id']}/"
        return antwoord
