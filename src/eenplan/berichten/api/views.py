"""The message API: providers send their iWmo/iJw files here and fetch what the municipality
sends them (301, 319 and every retour and 325) — the transport beside the folder connection of
the GGk (`eenplan berichten verwerk-map`). Authenticated per provider: a login linked to an
Aanbieder acts as `ActorKind.AANBIEDER` of `privacy.access` and sees only its own messages and
clients; staff with the message role see the municipality's log. Processing is a background
task: a POST answers 202 at once with the stored message (nothing is ever lost, also not a bad
file), and its status and answer follow."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, parsers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.berichten import selectors, services
from eenplan.berichten.api.serializers import (
    AanbiederClientSerializer,
    UitwisselingBestandSerializer,
    UitwisselingDetailSerializer,
    UitwisselingFilterSerializer,
    UitwisselingSerializer,
)
from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.tasks import verwerk_later
from eenplan.common.api import pagina
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, ActorKind, Resource
from eenplan.privacy.api.permissions import RolePermission

MAX_BYTES = 25 * 1024 * 1024  # OP179: a message file is at most 25 MB
TE_GROOT = "Het bestand is groter dan 25 MB (iStandaarden OP179)."
GEEN_BESTAND = (
    "Stuur het berichtbestand als body met Content-Type application/xml, of als veld 'bestand' "
    "(multipart/form-data)."
)
NIET_GEVONDEN = "Dit bericht bestaat niet."


class XmlParser(parsers.BaseParser):
    """The raw bytes of an XML message, untouched: the hardened reader of eenplan.istandaarden
    reads them later (never DRF)."""

    media_type = "application/xml"

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> bytes:
        inhoud = stream.read(MAX_BYTES + 1) if stream is not None else b""
        if len(inhoud) > MAX_BYTES:
            raise exceptions.ValidationError({"bestand": [TE_GROOT]})
        return inhoud


class TextXmlParser(XmlParser):
    media_type = "text/xml"


def _pk(pk: Any) -> int:
    try:
        waarde = int(pk)
    except (TypeError, ValueError):
        raise exceptions.NotFound(NIET_GEVONDEN) from None
    if waarde < 1 or waarde > 2**62:
        raise exceptions.NotFound(NIET_GEVONDEN)
    return waarde


@extend_schema_view(
    list=extend_schema(
        summary="Berichten: voor een aanbieder de eigen, voor de gemeente het berichtenlogboek",
        description="Nieuwste eerst. `nieuw=true`: alleen verzonden berichten die nog niet zijn "
        "opgehaald (haal ze op via `inhoud`).",
        parameters=[UitwisselingFilterSerializer],
        responses=UitwisselingSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Eén bericht met status, retourcodes (met uitleg) en antwoorden",
        responses=UitwisselingDetailSerializer,
    ),
    create=extend_schema(
        summary="Een iWmo/iJw-bericht aanleveren (305, 307, 315, 317, 323, 302, 320)",
        description="Het bestand wordt altijd bewaard, ook als het onleesbaar is, en op de "
        "achtergrond gecontroleerd, verwerkt en beantwoord (retour binnen 3 werkdagen, "
        "declaratie-antwoord binnen 10). Antwoord 202 met het bewaarde bericht; hetzelfde "
        "bestand nogmaals geeft 200 met het eerder ontvangen bericht en verandert niets.",
        request={
            "application/xml": {"type": "string", "format": "binary"},
            "multipart/form-data": UitwisselingBestandSerializer,
        },
        responses={202: UitwisselingSerializer, 200: UitwisselingSerializer},
    ),
)
class BerichtViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    parser_classes = [XmlParser, TextXmlParser, parsers.MultiPartParser]
    access_rules = {
        "list": (Resource.BERICHT, Action.LEZEN),
        "retrieve": (Resource.BERICHT, Action.LEZEN),
        "inhoud": (Resource.BERICHT, Action.LEZEN),
        "create": (Resource.BERICHT, Action.AANMAKEN),
        "clienten": (Resource.CLIENT, Action.LEZEN),
    }
    queryset = Bericht.objects.none()  # for the schema; the real scope is per login
    serializer_class = UitwisselingSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Bericht]:
        return selectors.berichten_in_scope(self.request.user)

    def list(self, request: Request) -> Response:
        params = UitwisselingFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        qs = self.get_queryset()
        if data.get("nieuw"):
            qs = qs.filter(richting=Richting.UIT, status=BerichtStatus.KLAAR)
        rijen = selectors.berichten_zoeken(
            qs,
            inwoner=data.get("inwoner"),
            soort=data.get("soort", ""),
            status=data.get("status", ""),
            richting=data.get("richting", ""),
        )
        return pagina(self, request, rijen, UitwisselingSerializer)

    def _get(self, request: Request, pk: Any) -> Bericht:
        bericht_id = _pk(pk)
        via = access.Via.request(request)
        if access.Actor.of(request.user).kind == ActorKind.AANBIEDER:
            gevonden = selectors.bericht_get(bericht_id)
            if gevonden is None:
                raise exceptions.NotFound(NIET_GEVONDEN)
            bericht = gevonden
        else:
            # Staff: within the municipality the login works for now; another municipality's
            # message is the logged 404 of one that exists nowhere (ADR 0046).
            scope = self.get_queryset()
            bericht = access.get_or_refuse(
                request.user,
                Resource.BERICHT,
                Action.LEZEN,
                via=via,
                pk=bericht_id,
                zoek=lambda gemeente_id: selectors.bericht_get(
                    bericht_id, scope, gemeente_id=gemeente_id
                ),
                wat="Bericht",
                niet_gevonden=NIET_GEVONDEN,
            )
        # A provider only its own (refused and logged otherwise).
        access.require(
            request.user, Resource.BERICHT, Action.LEZEN, via=via, aanbieder=bericht.aanbieder_id
        )
        getoond = {i.pk: i.gemeente_id for i in bericht.inwoners.all()}
        access.log_shown(
            request.user, list(getoond), resource=Resource.BERICHT, via=via, gemeenten=getoond
        )
        return bericht

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        bericht = self._get(request, pk)
        return Response(UitwisselingDetailSerializer(bericht, context={"request": request}).data)

    @extend_schema(
        summary="Het XML-bestand van een bericht, precies zoals ontvangen of verzonden",
        description="Haalt een aanbieder een bericht op dat de gemeente hem stuurde, dan staat "
        "het daarna als opgehaald (`nieuw=false`).",
        responses={(200, "application/xml"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"])
    def inhoud(self, request: Request, pk: Any = None) -> HttpResponse:
        bericht = self._get(request, pk)
        actor = access.Actor.of(request.user)
        if actor.kind == ActorKind.AANBIEDER and bericht.aanbieder_id == actor.aanbieder_id:
            services.bericht_opgehaald(bericht=bericht)
        naam = bericht.bestandsnaam or f"bericht-{bericht.pk}.xml"
        response = HttpResponse(bytes(bericht.inhoud), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response

    def create(self, request: Request) -> Response:
        inhoud, naam = self._bestand(request)
        actor = access.Actor.of(request.user)
        aanbieder = None
        if actor.kind == ActorKind.AANBIEDER:
            from eenplan.aanbieders.models import Aanbieder

            aanbieder = Aanbieder.objects.get(pk=actor.aanbieder_id)
        bericht, nieuw = services.bericht_ontvang(
            inhoud=inhoud,
            kanaal=Kanaal.API,
            bestandsnaam=naam,
            aanbieder=aanbieder,
            user=request.user,
        )
        if nieuw:
            verwerk_later(bericht.pk)
        return Response(
            {"id": bericht.pk, "status": bericht.status, "nieuw": nieuw},
            status=status.HTTP_202_ACCEPTED if nieuw else status.HTTP_200_OK,
            headers={"Location": request.build_absolute_uri(f"{bericht.pk}/")},
        )

    def _bestand(self, request: Request) -> tuple[bytes, str]:
        if isinstance(request.data, bytes):
            return request.data, ""
        bestand = request.data.get("bestand") if hasattr(request.data, "get") else None
        if bestand is None or not hasattr(bestand, "read"):
            raise exceptions.ValidationError({"bestand": [GEEN_BESTAND]})
        if bestand.size > MAX_BYTES:
            raise exceptions.ValidationError({"bestand": [TE_GROOT]})
        return bestand.read(), str(bestand.name)[:255]

    @extend_schema(
        summary="Cliënten van de aanbieder: wie een toewijzing bij u heeft, met de toewijzingen",
        responses=AanbiederClientSerializer(many=True),
    )
    @action(detail=False, methods=["get"])
    def clienten(self, request: Request) -> Response:
        actor = access.Actor.of(request.user)
        via = access.Via.request(request)
        if actor.kind == ActorKind.AANBIEDER:
            aanbieder_id: int | None = actor.aanbieder_id
            inwoners = access.inwoners_in_scope(actor)
            toewijzingen = Toewijzing.objects.filter(aanbieder_id=aanbieder_id)
        else:
            eigen = Toewijzing.objects.filter(gemeente_id=actor.gemeente_id)
            inwoners = Inwoner.objects.filter(
                pk__in=eigen.values("inwoner_id"), gemeente_id=actor.gemeente_id
            )
            toewijzingen = Toewijzing.objects.filter(gemeente_id=actor.gemeente_id)
        qs = inwoners.order_by("achternaam", "id").prefetch_related(
            Prefetch(
                "toewijzingen",
                queryset=toewijzingen.order_by("nummer"),
                to_attr="eigen_toewijzingen",
            )
        )
        page = self.paginate_queryset(qs)
        rijen = list(page) if page is not None else list(qs)
        getoond = {i.pk: i.gemeente_id for i in rijen}
        access.log_shown(actor, list(getoond), resource=Resource.CLIENT, via=via, gemeenten=getoond)
        data = AanbiederClientSerializer(rijen, many=True).data
        return self.get_paginated_response(data)
