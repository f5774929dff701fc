"""REST endpoints for aanvragen, beschikkingen (with the SVB and CAK exports), bezwaren and
klachten.

Thin, like the other APIs: parse, authorise, call one selector or service, render. Access is
decided by `privacy.access`, exactly as on the pages: `access_rules` per action (the role,
checked by RolePermission, refusals logged); one record is loaded with the selector the pages
use (`beschikkingen.selectors.*_get`, 404 when it does not exist) and every read and write
asks `access.require(..., inwoner=...)` before its input is read (need-to-know; allowed and
refused logged). The services check again (they receive the actor and the request's path) and
log only a refusal of their own. The exports log
every resident in them (`access.log_shown`). Refusals of the services (ValidationError in
Dutch) become 400s in common.api.exception_handler and change nothing: every service is one
transaction; an access refusal is a 403 problem-details answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import pagination, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen import exports, selectors, services
from eenplan.beschikkingen.api import queries
from eenplan.beschikkingen.api.serializers import (
    AanvraagDetailSerializer,
    AanvraagFilterSerializer,
    AanvraagListSerializer,
    BeschikkingDetailSerializer,
    BeschikkingFilterSerializer,
    BeschikkingListSerializer,
    BeslissenInputSerializer,
    CakExportParamsSerializer,
    CakRegelSerializer,
    HervattenInputSerializer,
    OpschortenInputSerializer,
    OvergangsrechtSerializer,
    SvbExportParamsSerializer,
    SvbRegelSerializer,
    ToetsenInputSerializer,
    VersturenInputSerializer,
)
from eenplan.beschikkingen.models import Aanvraag, Beschikking, Overgangsrecht
from eenplan.beschikkingen.selectors import opschorting_lopend, overgangsrecht_werklijst
from eenplan.common.api import Pagination, VersieViewSetMixin
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel
from eenplan.rules.voorziening import PgbToets

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=Doel.values,
    required=False,
    description="Doel van inzage (wordt gelogd). Ook als header X-Eenplan-Doel. Standaard: het "
    "doel dat bij uw rol hoort.",
)
FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["csv", "json"],
    required=False,
    description="`csv` (standaard) of `json`. Ook via de header Accept (text/csv of "
    "application/json).",
)


def pk_of(pk: Any, niet_gevonden: str) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError) as exc:
        raise NotFound(niet_gevonden) from exc


class CsvRenderer(BaseRenderer):
    """Text/csv for the exports; an error answer becomes readable lines ("veld: melding")."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, str):
            return data.encode(self.charset)
        if isinstance(data, dict):
            lines = [
                f"{veld}: {' '.join(map(str, tekst)) if isinstance(tekst, list) else tekst}"
                for veld, tekst in data.items()
            ]
            return ("\n".join(lines) + "\n").encode(self.charset)
        return str(data).encode(self.charset)


class AlleenPagina(Pagination):
    """`pagina` and `per_pagina` only. The beschikkingen list shares its parameters with the page
    `/beschikkingen/`, which speaks the product's Dutch names; the API's old English `page` and
    `page_size` are not documented for it, so they are unknown parameters there (400)."""

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return pagination.PageNumberPagination.get_schema_operation_parameters(self, view)


class DossierViewSet(viewsets.GenericViewSet):
    """Shared reading: load the record (404 when it does not exist), then decide on its
    resident through `privacy.access` (403 with the reason when refused; logged either way)."""

    permission_classes = [RolePermission]
    niet_gevonden = "Dit bestaat niet."

    def _open(
        self, request: Request, inwoner_id: int, resource: Resource, action: Action = Action.LEZEN
    ) -> None:
        access.require(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            inwoner=inwoner_id,
            doel=request_doel(request),
        )

    def _inwoner(self, request: Request, inwoner_id: int) -> Inwoner:
        """A resident named in the request body: 400 when unknown in this municipality."""
        inwoner = Inwoner.objects.filter(
            pk=inwoner_id, gemeente_id=access.Actor.of(request.user).gemeente_id
        ).first()
        if inwoner is None:
            raise ValidationError({"inwoner": f"Inwoner {inwoner_id} is onbekend."})
        return inwoner


# --- aanvragen --------------------------------------------------------------------------------


def _regel(data: dict[str, Any], voorzieningen: dict[int, Any]) -> services.Regel:
    toets = data["pgb_toets"]
    return services.Regel(
        voorziening=voorzieningen[data["voorziening"]],
        uitkomst=data["uitkomst"],
        omvang=data["omvang"],
        begin=data["begin"],
        einde=data["einde"],
        heronderzoek_op=data["heronderzoek_op"],
        leveringsvorm=data["leveringsvorm"],
        aanbieder=data["aanbieder"],
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
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(
            AanvraagListSerializer(page, many=True, context={"request": request}).data
        )

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk)
        self._open(request, aanvraag.inwoner_id, Resource.AANVRAAG)
        return self._render(request, aanvraag.pk)

    def _render(self, request: Request, aanvraag_id: int) -> Response:
        aanvraag = selectors.aanvraag_get(aanvraag_id)
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
        aanvraag = self._aanvraag(request, pk)
        self._open(request, aanvraag.inwoner_id, Resource.BESCHIKKING, Action.BESLISSEN)
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
        beschikking = services.beschikking_issue(
            aanvraag=aanvraag,
            actor=request.user,
            besloten_op=data.validated_data.get("besloten_op") or timezone.localdate(),
            motivering=data.validated_data["motivering"],
            regels=[_regel(r, voorzieningen) for r in regels_data],
            via=access.Via.request(request),
        )
        return beschikking_response(request, beschikking.pk, code=status.HTTP_201_CREATED)

    def _aanvraag(self, request: Request, pk: Any) -> Aanvraag:
        """The aanvraag (404 when it does not exist); a wrong purpose is a 400 first."""
        aanvraag_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)
        aanvraag = selectors.aanvraag_get(aanvraag_id)
        if aanvraag is None:
            raise NotFound(self.niet_gevonden)
        return aanvraag

    @extend_schema(
        summary="Beslistermijn opschorten (Awb 4:15), met reden",
        request=OpschortenInputSerializer,
        responses={200: AanvraagDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def opschorten(self, request: Request, pk: Any = None) -> Response:
        aanvraag = self._aanvraag(request, pk)
        self._open(request, aanvraag.inwoner_id, Resource.AANVRAAG, Action.OPSCHORTEN)
        data = OpschortenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.aanvraag_opschorten(
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
        aanvraag = self._aanvraag(request, pk)
        self._open(request, aanvraag.inwoner_id, Resource.AANVRAAG, Action.OPSCHORTEN)
        data = HervattenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        opschorting = opschorting_lopend(aanvraag)
        if opschorting is None:
            raise ValidationError({"tot": "De termijn van deze aanvraag is niet opgeschort."})
        services.aanvraag_hervatten(
            opschorting=opschorting,
            tot=data.validated_data["tot"],
            actor=request.user,
            via=access.Via.request(request),
        )
        return self._render(request, aanvraag.pk)


# --- beschikkingen ----------------------------------------------------------------------------


def beschikking_response(request: Request, beschikking_id: int, *, code: int = 200) -> Response:
    """The decision with its letter (as sent, or a preview) and the household's eigen
    bijdrage on the day of sending (or of the decision), as the letter states it."""
    beschikking = selectors.beschikking_get(beschikking_id)
    if beschikking is None:  # not reached: the caller loaded it in the same request
        raise NotFound("Deze beschikking bestaat niet.")
    peildatum = beschikking.verzonden_op or beschikking.besloten_op
    uitkomst = services.eigen_bijdrage_voor(beschikking.inwoner, peildatum)
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
        )
        page = self.paginate_queryset(queryset)
        rows = BeschikkingListSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(rows.data)

    def _get(self, request: Request, pk: Any) -> Beschikking:
        beschikking_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)  # a wrong purpose is a 400 before anything else happens
        beschikking = selectors.beschikking_get(beschikking_id)
        if beschikking is None:
            raise NotFound(self.niet_gevonden)
        return beschikking

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        beschikking = self._get(request, pk)
        self._open(request, beschikking.inwoner_id, Resource.BESCHIKKING)
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
        self._open(request, beschikking.inwoner_id, Resource.BESCHIKKING, action)
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
            return services.rechtmatigheid_toets(
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
            inwoners=access.inwoners_in_scope(request.user), vandaag=timezone.localdate()
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(OvergangsrechtSerializer(page, many=True).data)
