"""REST endpoints for the catalogue of voorzieningen, the sociale kaart and the code lists.

Thin, like the other APIs: parse, authorise, call one selector or service, render. Reading the
catalogue needs the sociale-kaart permission (every role that talks to residents, including the
vrijwilliger); adding provisions and tariffs needs catalogue management (the contractmanager).
No personal data here, so only refusals are written to the access log (`privacy.access`).
Refusals of the services (ValidationError with a Dutch message) become 400s in
common.api.exception_handler.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.aanbieders.selectors import zin_tarieven_per_aanbieder
from eenplan.common.api import pagina
from eenplan.gemeente.models import Wijk
from eenplan.onderzoeken.models import Leefgebied
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.voorzieningen import selectors, services
from eenplan.voorzieningen.api.serializers import (
    CodelijstWaardeSerializer,
    VoorzieningCreateSerializer,
    VoorzieningDetailSerializer,
    VoorzieningFilterSerializer,
    VoorzieningSerializer,
    VoorzieningTariefInputSerializer,
    VoorzieningTariefSerializer,
    VoorzieningTarievenOpSerializer,
)
from eenplan.voorzieningen.constants import Leveringsvorm, VoorzieningSoort
from eenplan.voorzieningen.models import CodelijstWaarde, Voorziening

ALLEEN_SOCIALE_KAART = (
    "Zoeken op tekst, wijk of leefgebied kan alleen in de sociale kaart (soort algemeen)."
)


@extend_schema_view(
    list=extend_schema(
        summary="Catalogus en sociale kaart",
        description="Zonder zoekfilters: de actieve voorzieningen van de gemeente (filter op "
        "`soort` en `wet`). Met `q`, `wijk` of `leefgebied`: zoeken in de sociale kaart, de "
        "algemene voorzieningen (voor een wijk ook die voor de hele gemeente).",
        parameters=[VoorzieningFilterSerializer],
        responses=VoorzieningSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Voorziening met de geldende tarieven per leveringsvorm en aanbieder",
        parameters=[VoorzieningTarievenOpSerializer],
        responses=VoorzieningDetailSerializer,
    ),
    create=extend_schema(
        summary="Voorziening aan de catalogus toevoegen",
        description="Maatwerk vraagt codes uit de iWmo/iJw-codelijsten van release 3.2 "
        "(productcategorie uit WMO020 of JZ020, eenheid uit WJ756, frequentie uit WMO757) en "
        "een uitvoeringsvariant; een algemene voorziening de organisatie die haar biedt.",
        request=VoorzieningCreateSerializer,
        responses={201: VoorzieningDetailSerializer},
    ),
)
class VoorzieningViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.VOORZIENING, Action.LEZEN),
        "retrieve": (Resource.VOORZIENING, Action.LEZEN),
        "create": (Resource.CATALOGUS, Action.WIJZIGEN),
        "tarieven": (Resource.CATALOGUS, Action.WIJZIGEN),
    }
    queryset = Voorziening.objects.none()  # for the schema; the real list is per municipality
    serializer_class = VoorzieningSerializer
    filter_backends: list[type] = []  # filtering is selectors.catalogus / sociale_kaart

    def _queryset(self, request: Request, params: dict[str, Any]) -> QuerySet[Voorziening]:
        gemeente = user_gemeente(request)
        soort, wet = params.get("soort"), params.get("wet")
        q = params.get("q", "").strip()
        wijk, leefgebied = params.get("wijk"), params.get("leefgebied")
        if q or wijk or leefgebied or soort == VoorzieningSoort.ALGEMEEN:
            if soort and soort != VoorzieningSoort.ALGEMEEN:
                raise ValidationError({"soort": ALLEEN_SOCIALE_KAART})
            qs = selectors.sociale_kaart(
                gemeente=gemeente, q=q, wijk_id=wijk, leefgebied_id=leefgebied
            )
            return qs.filter(wet=wet) if wet else qs
        return selectors.catalogus(gemeente=gemeente, soort=soort, wet=wet).prefetch_related(
            "leefgebieden"
        )

    def list(self, request: Request) -> Response:
        params = VoorzieningFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return pagina(
            self, request, self._queryset(request, params.validated_data), VoorzieningSerializer
        )

    def _get(self, request: Request, pk: Any) -> Voorziening:
        try:
            voorziening_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound("Deze voorziening bestaat niet.") from exc
        gemeente = user_gemeente(request)
        voorziening = (
            Voorziening.objects.filter(gemeente=gemeente, pk=voorziening_id)
            .prefetch_related(selectors.wijken_prefetch(gemeente), "leefgebieden")
            .first()
        )
        if voorziening is None:
            raise NotFound("Deze voorziening bestaat niet.")
        return voorziening

    def _render(self, request: Request, voorziening: Voorziening, *, code: int = 200) -> Response:
        params = VoorzieningTarievenOpSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        op = params.validated_data.get("op") or timezone.localdate()
        tarieven: list[dict[str, Any]] = [
            {
                "leveringsvorm": Leveringsvorm.ZIN.value,
                "aanbieder": p.contract.aanbieder.naam,
                "aanbieder_id": p.contract.aanbieder_id,
                "bedrag": p.tarief,
                "eenheid": p.eenheid,
            }
            for p in zin_tarieven_per_aanbieder(voorziening, op)
        ]
        pgb = selectors.tarief_op(voorziening, Leveringsvorm.PGB, op)
        if pgb is not None:
            tarieven.append(
                {
                    "leveringsvorm": Leveringsvorm.PGB.value,
                    "aanbieder": "",
                    "aanbieder_id": None,
                    "bedrag": pgb,
                    "eenheid": voorziening.eenheid,
                }
            )
        context = {"request": request, "tarieven_op": op, "tarieven": tarieven}
        return Response(VoorzieningDetailSerializer(voorziening, context=context).data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return self._render(request, self._get(request, pk))

    def create(self, request: Request) -> Response:
        data = VoorzieningCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        fields = dict(data.validated_data)
        wijk_ids, leefgebied_ids = set(fields.pop("wijken")), set(fields.pop("leefgebieden"))
        wijken = list(Wijk.objects.filter(gemeente=gemeente, pk__in=wijk_ids))
        if len(wijken) != len(wijk_ids):
            onbekend = sorted(wijk_ids - {w.pk for w in wijken})
            raise ValidationError(
                {"wijken": f"Onbekende wijk(en) in uw gemeente: {', '.join(map(str, onbekend))}."}
            )
        leefgebieden = list(Leefgebied.objects.filter(pk__in=leefgebied_ids))
        if len(leefgebieden) != len(leefgebied_ids):
            onbekend = sorted(leefgebied_ids - {lg.pk for lg in leefgebieden})
            raise ValidationError(
                {"leefgebieden": f"Onbekend leefgebied: {', '.join(map(str, onbekend))}."}
            )
        voorziening = services.voorziening_create(
            gemeente=gemeente, wijken=wijken, leefgebieden=leefgebieden, **fields
        )
        return self._render(
            request, self._get(request, voorziening.pk), code=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="Pgb-tarief toevoegen (met ingangsdatum en bron)",
        description="Een pgb-tarief per eenheid, geldig vanaf een datum. Een nieuw tarief "
        "vervangt het oude vanaf die datum; het oude blijft bewaard. Een tarief voor zorg in "
        "natura hoort bij het contract met de aanbieder (/api/v1/contracten/).",
        request=VoorzieningTariefInputSerializer,
        responses={201: VoorzieningTariefSerializer},
    )
    @action(detail=True, methods=["post"])
    def tarieven(self, request: Request, pk: Any = None) -> Response:
        voorziening = self._get(request, pk)
        data = VoorzieningTariefInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        tarief = services.tarief_add(voorziening=voorziening, **data.validated_data)
        return Response(VoorzieningTariefSerializer(tarief).data, status=status.HTTP_201_CREATED)


class CodelijstFilter(django_filters.FilterSet):
    codelijst = django_filters.CharFilter(label="Codelijst, bijvoorbeeld WMO020, JZ020, WJ756")
    versie = django_filters.CharFilter(label="Release, bijvoorbeeld 3.2")

    class Meta:
        model = CodelijstWaarde
        fields = ["codelijst", "versie"]


@extend_schema_view(
    list=extend_schema(
        summary="Waarden van de iWmo/iJw-codelijsten (per release, met bron)",
        responses=CodelijstWaardeSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén codelijstwaarde", responses=CodelijstWaardeSerializer),
)
class CodelijstViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The iWmo/iJw code lists, loaded as versioned data with their source (read-only)."""

    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.VOORZIENING, Action.LEZEN),
        "retrieve": (Resource.VOORZIENING, Action.LEZEN),
    }
    queryset = CodelijstWaarde.objects.order_by("codelijst", "versie", "code")
    serializer_class = CodelijstWaardeSerializer
    filterset_class = CodelijstFilter
