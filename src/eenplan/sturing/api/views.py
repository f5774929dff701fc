"""`/api/v1/indicatoren/`: the indicator registry, an indicator's values by dimension and period
(small cells suppressed: `waarde` null and `onderdrukt` true) and its monthly trend from the
snapshots. Guarded by the aggregate rule (`Resource.STURING`): beleid, contract and raadslid;
never a dossier."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import pagina, vastleggen
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.sturing import params, selectors
from eenplan.sturing.forms import MAAND_FOUT
from eenplan.sturing.onderdrukking import Cel
from eenplan.sturing.registry import DIMENSIES, Indicator
from eenplan.sturing.services import NIET_OPGESLAGEN, momentopnamen_starten
from eenplan.taken.api.views import TaakSerializer


class DimensieSerializer(serializers.Serializer):
    id = serializers.CharField()
    naam = serializers.CharField()
    periode = serializers.BooleanField()


class IndicatorSerializer(serializers.Serializer):
    id = serializers.CharField()
    naam = serializers.CharField()
    definitie = serializers.CharField()
    bron = serializers.CharField()
    eenheid = serializers.CharField()
    thema = serializers.CharField()
    telt = serializers.CharField(help_text="Waar de onderdrukking op telt (personen, …).")
    stand = serializers.BooleanField(help_text="Een stand op de einddatum, geen stroom.")
    dimensies = serializers.SerializerMethodField()

    def get_dimensies(self, obj: Indicator) -> list[dict[str, Any]]:
        return [{"id": d.id, "naam": d.naam, "periode": d.periode} for d in obj.splitsingen]


class IndicatorCelSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    label = serializers.CharField()
    waarde = serializers.DecimalField(max_digits=14, decimal_places=1, allow_null=True)
    aantal = serializers.IntegerField(allow_null=True, help_text="Eenheden in de cel.")
    onderdrukt = serializers.BooleanField()


class TabelSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    van = serializers.DateField()
    tot = serializers.DateField()
    per = serializers.CharField(allow_null=True)
    filters = serializers.DictField(child=serializers.CharField())
    totaal = IndicatorCelSerializer()
    rijen = IndicatorCelSerializer(many=True)


class IndicatorPuntSerializer(serializers.Serializer):
    tot = serializers.DateField()
    waarde = serializers.DecimalField(max_digits=14, decimal_places=1, allow_null=True)
    onderdrukt = serializers.BooleanField()


def cel_json(cel: Cel) -> dict[str, Any]:
    return {
        "sleutel": cel.sleutel,
        "label": cel.label,
        "waarde": None if cel.onderdrukt else cel.waarde,
        "aantal": None if cel.onderdrukt else cel.eenheden,
        "onderdrukt": cel.onderdrukt,
    }


PAD = OpenApiParameter(
    "id", OpenApiTypes.STR, OpenApiParameter.PATH, description="Id van de indicator."
)
FILTERPARAMETERS = [
    OpenApiParameter(d, OpenApiTypes.STR, description=f"Filter: {DIMENSIES[d].naam} (code).")
    for d in params.FILTER_DIMENSIES
]


@extend_schema_view(
    list=extend_schema(summary="Alle indicatoren"),
    retrieve=extend_schema(
        summary="Waarden van een indicator",
        description="Het totaal en, met `per`, een rij per waarde van die dimensie of periode "
        "(`maand`, `kwartaal`, `jaar`), over `van` … `tot` (standaard de laatste twaalf "
        "maanden), gefilterd op de opgegeven dimensies. Cellen over 1 tot 4 personen (en "
        "cellen waaruit die af te leiden zijn) hebben `waarde` null en `onderdrukt` true.",
        parameters=[
            PAD,
            OpenApiParameter("per", OpenApiTypes.STR, description="Splitsen naar deze dimensie."),
            OpenApiParameter("van", OpenApiTypes.DATE),
            OpenApiParameter("tot", OpenApiTypes.DATE),
            *FILTERPARAMETERS,
        ],
        responses=TabelSerializer,
    ),
    trend=extend_schema(
        summary="Maandelijkse trend uit de momentopnamen",
        parameters=[
            PAD,
            OpenApiParameter("dimensie", OpenApiTypes.STR),
            OpenApiParameter("waarde", OpenApiTypes.STR),
        ],
        responses=IndicatorPuntSerializer(many=True),
    ),
)
class IndicatorViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.STURING, Action.LEZEN),
        "retrieve": (Resource.STURING, Action.LEZEN),
        "trend": (Resource.STURING, Action.LEZEN),
    }
    lookup_value_regex = "[a-z0-9_]+"
    lookup_url_kwarg = "id"
    serializer_class = IndicatorSerializer
    filter_backends: list[type] = []

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """An unknown indicator is a 404 for every method (like an unknown id on every other
        route), after the access check and before a 405 for a method the route lacks."""
        super().initial(request, *args, **kwargs)
        if "id" in kwargs:
            self._indicator(kwargs["id"])

    def _indicator(self, pk: str) -> Indicator:
        indicator = selectors.indicatoren_by_id().get(pk)
        if indicator is None:
            raise NotFound(f"Onbekende indicator '{pk}'.")
        return indicator

    def list(self, request: Request) -> Response:
        return pagina(self, request, selectors.indicatoren(), IndicatorSerializer)

    def retrieve(self, request: Request, id: str) -> Response:
        indicator = self._indicator(id)
        gemeente = user_gemeente(request)
        verzoek = params.lees(request.query_params)
        tabel = selectors.indicator_tabel(
            indicator,
            gemeente_id=gemeente.pk,
            van=verzoek.van,
            tot=verzoek.tot,
            per=verzoek.per,
            filters=verzoek.filters,
        )
        return Response(
            {
                "indicator": IndicatorSerializer(indicator).data,
                "van": tabel.van,
                "tot": tabel.tot,
                "per": tabel.per,
                "filters": tabel.filters,
                "totaal": cel_json(tabel.totaal),
                "rijen": [cel_json(r) for r in tabel.rijen],
            }
        )

    @action(detail=True, methods=["get"])
    def trend(self, request: Request, id: str) -> Response:
        indicator = self._indicator(id)
        gemeente = user_gemeente(request)
        dimensie = request.query_params.get("dimensie", "").strip()
        waarde = request.query_params.get("waarde", "").strip()
        opgeslagen = [d for d in indicator.dimensies if d not in NIET_OPGESLAGEN]
        if dimensie and dimensie not in opgeslagen:
            raise ValidationError(
                {
                    "dimensie": f"'{dimensie[:40]}' staat niet per maand opgeslagen voor deze "
                    "indicator; kies uit: " + ", ".join(opgeslagen) + "."
                }
            )
        if bool(dimensie) != bool(waarde):
            raise ValidationError(
                {"waarde": "Geef de dimensie en de waarde allebei op, of allebei niet."}
            )
        punten = selectors.trend(
            indicator, gemeente_id=gemeente.pk, dimensie=dimensie, waarde_van=waarde
        )
        return Response(
            [
                {
                    "tot": p.tot,
                    "waarde": None if p.cel.onderdrukt else p.cel.waarde,
                    "onderdrukt": p.cel.onderdrukt,
                }
                for p in punten
            ]
        )


class MaandVeld(serializers.CharField):
    """A month as JJJJ-MM (read as its first day)."""

    def to_internal_value(self, data: Any) -> dt.date:  # type: ignore[override]
        tekst = super().to_internal_value(data)
        try:
            return dt.datetime.strptime(tekst.strip(), "%Y-%m").date()
        except ValueError as e:
            raise serializers.ValidationError(MAAND_FOUT) from e

    def run_validators(self, value: Any) -> None:
        """The checks are in `to_internal_value`; a date has no length to check."""


class MomentopnamenInputSerializer(serializers.Serializer):
    van = MaandVeld(max_length=7, help_text="Eerste maand, JJJJ-MM.")
    tot = MaandVeld(
        max_length=7, help_text="Laatste maand, JJJJ-MM (een maand die voorbij is)."
    )
    opnieuw = serializers.BooleanField(
        default=False, help_text="Bestaande momentopnamen herberekenen."
    )


@extend_schema_view(
    create=extend_schema(
        summary="Momentopnamen maken of herberekenen (een taak; volg haar op /api/v1/taken/<id>/)",
        request=MomentopnamenInputSerializer,
        responses={202: TaakSerializer},
    )
)
class MomentopnamenViewSet(viewsets.GenericViewSet):
    """Starts the task that takes the monthly snapshots (`sturing.services`, the same as the
    page's button and the command); the answer is the task, 202 Accepted."""

    permission_classes = [RolePermission]
    access_rules = {"create": (Resource.STURING, Action.AANMAKEN)}
    serializer_class = MomentopnamenInputSerializer
    filter_backends: list[type] = []

    def create(self, request: Request) -> Response:
        gemeente = user_gemeente(request)
        return vastleggen(
            request,
            MomentopnamenInputSerializer,
            lambda data: momentopnamen_starten(door=request.user, gemeente=gemeente, **data),
            lambda taak: TaakSerializer(taak).data,
            status_code=status.HTTP_202_ACCEPTED,
        )


def register(router: Any) -> None:
    router.register("indicatoren", IndicatorViewSet, basename="indicator")
    router.register("momentopnamen", MomentopnamenViewSet, basename="momentopnamen")
