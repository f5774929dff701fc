"""The beleid API: /api/v1/beleidsplannen/ (the structure, the dashboard per theme and per
wijk, targets and thresholds, activity status) and /api/v1/clientervaring/ (survey rounds and
their results per wijk or provider). Aggregates only; access through `privacy.access`
(resources beleid and enquete) by `RolePermission`, the same read paths as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beleid import opzoeken, selectors, services
from eenplan.beleid.api import serializers as s
from eenplan.beleid.api.bewerken import (
    WIJZIGEN,
    ActiviteitInSerializer,
    ActiviteitUitSerializer,
    OnderdeelViewSet,
    _met_schema,
)
from eenplan.beleid.models import (
    Activiteit,
    Beleidsplan,
    Indicatorkoppeling,
    Resultaat,
    Uitvraging,
)
from eenplan.beleid.services import structuur
from eenplan.common.api import VersieViewSetMixin, etag, pagina
from eenplan.gemeente.models import Wijk
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission


def _int(pk: Any, fout: str) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError) as exc:
        raise NotFound(fout) from exc


@extend_schema_view(
    list=extend_schema(
        summary="Beleidsplannen van de gemeente", responses=s.BeleidsplanSerializer(many=True)
    ),
    retrieve=extend_schema(
        summary="Beleidsplan met thema's, doelen, subdoelen, activiteiten, resultaten en "
        "gekoppelde indicatoren (met nulmeting en streefwaarden)",
        responses=s.PlanStructuurSerializer,
    ),
    dashboard=extend_schema(
        summary="Dashboard: per thema elke indicator met reeks, streefwaarden en oordeel",
        description="Oordeel: op_koers, aandacht, uit_koers of geen (regel in "
        "docs/decisions/0021). Met `wijk` de waarden van die wijk. Cellen met minder dan "
        "5 personen zijn onderdrukt (waarde null, onderdrukt true).",
        parameters=[s.DashboardFilterSerializer],
        responses=s.ThemaStandSerializer(many=True),
    ),
    marges=extend_schema(
        summary="Standaardmarges van het oordeel voor dit plan wijzigen",
        request=s.MargesSerializer,
        responses=s.BeleidsplanSerializer,
    ),
    create=extend_schema(
        summary="Beleidsplan toevoegen",
        request=s.BeleidsplanInSerializer,
        responses={201: s.BeleidsplanSerializer},
    ),
    partial_update=extend_schema(
        summary="Naam, jaren, vaststelling en bron van een plan wijzigen (If-Match: de versie)",
        request=s.BeleidsplanInSerializer,
        responses=s.BeleidsplanSerializer,
    ),
    destroy=extend_schema(
        summary="Beleidsplan verwijderen (alleen zonder thema's)", responses={204: None}
    ),
)
class BeleidsplanViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.BELEID, Action.LEZEN),
        "retrieve": (Resource.BELEID, Action.LEZEN),
        "dashboard": (Resource.BELEID, Action.LEZEN),
        "marges": (Resource.BELEID, Action.WIJZIGEN),
        "create": (Resource.BELEID, Action.WIJZIGEN),
        "partial_update": (Resource.BELEID, Action.WIJZIGEN),
        "destroy": (Resource.BELEID, Action.WIJZIGEN),
    }
    versie_model = Beleidsplan
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    queryset = Beleidsplan.objects.none()
    serializer_class = s.BeleidsplanSerializer
    filter_backends: list[type] = []

    def _plan(self, request: Request, pk: Any) -> Beleidsplan:
        """The plan within the login's municipality: another municipality's is a 404 like one
        that does not exist, the refusal logged (`beleid.opzoeken`, ADR 0046)."""
        user_gemeente(request)
        _resource, action = self.access_rules[self.action]
        return opzoeken.plan(
            request.user,
            _int(pk, "Dit plan bestaat niet."),
            action,
            via=access.Via.request(request),
            niet_gevonden="Dit plan bestaat niet.",
        )

    def list(self, request: Request) -> Response:
        rijen = selectors.beleidsplannen(gemeente_id=user_gemeente(request).pk)
        return pagina(self, request, rijen, s.BeleidsplanSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        plan = self._plan(request, pk)
        return Response(
            s.PlanStructuurSerializer(plan, context={"themas": selectors.plan_structuur(plan)}).data
        )

    @action(detail=True, methods=["get"])
    def dashboard(self, request: Request, pk: Any = None) -> Response:
        plan = self._plan(request, pk)
        params = s.DashboardFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        wijk_id = params.validated_data.get("wijk")
        if (
            wijk_id is not None
            and not Wijk.objects.filter(pk=wijk_id, gemeente_id=plan.gemeente_id).exists()
        ):
            raise ValidationError({"wijk": "Deze wijk bestaat niet in uw gemeente."})
        standen = selectors.dashboard(plan, wijk_id=wijk_id)
        return Response(s.ThemaStandSerializer(standen, many=True).data)

    @action(detail=True, methods=["post"])
    def marges(self, request: Request, pk: Any = None) -> Response:
        plan = self._plan(request, pk)
        invoer = s.MargesSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        plan = services.plan_marges_change(actor=request.user, plan=plan, **invoer.validated_data)
        return Response(s.BeleidsplanSerializer(plan).data)

    def _plan_antwoord(self, plan: Beleidsplan, code: int = status.HTTP_200_OK) -> Response:
        plan.refresh_from_db()
        response = Response(s.BeleidsplanSerializer(plan).data, status=code)
        response["ETag"] = etag(plan.versie)
        return response

    def create(self, request: Request) -> Response:
        invoer = s.BeleidsplanInSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        plan = structuur.onderdeel_save(
            actor=request.user,
            soort="beleidsplan",
            ouder=user_gemeente(request),
            velden=invoer.validated_data,
        )
        return self._plan_antwoord(plan, status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        plan = self._plan(request, pk)
        invoer = s.BeleidsplanInSerializer(data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        plan = structuur.onderdeel_save(
            actor=request.user, soort="beleidsplan", onderdeel=plan, velden=invoer.validated_data
        )
        return self._plan_antwoord(plan)

    def destroy(self, request: Request, pk: Any = None) -> Response:
        structuur.onderdeel_delete(actor=request.user, onderdeel=self._plan(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    create=extend_schema(
        summary="Een indicator (id uit het register) aan een resultaat koppelen",
        request=s.KoppelingNieuwSerializer,
        responses={201: s.KoppelingSerializer},
    ),
    update=extend_schema(
        summary="Nulmeting, richting, marges en streefwaarden van een gekoppelde indicator",
        description="De gegeven streefwaarden vervangen de bestaande (een jaar dat ontbreekt "
        "vervalt). Fouten: 400 met een Nederlandse melding; er verandert dan niets.",
        request=s.KoppelingWijzigenSerializer,
        responses=s.KoppelingSerializer,
    ),
)
class IndicatorkoppelingViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "create": (Resource.BELEID, Action.WIJZIGEN),
        "update": (Resource.BELEID, Action.WIJZIGEN),
        "destroy": (Resource.BELEID, Action.WIJZIGEN),
    }
    versie_model = Indicatorkoppeling
    queryset = Indicatorkoppeling.objects.none()
    serializer_class = s.KoppelingSerializer
    filter_backends: list[type] = []

    def create(self, request: Request) -> Response:
        invoer = s.KoppelingNieuwSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        resultaat = (
            Resultaat.objects.filter(
                pk=d["resultaat"], thema__plan__gemeente=user_gemeente(request)
            )
            .select_related("thema__plan")
            .first()
        )
        if resultaat is None:
            raise ValidationError({"resultaat": "Dit resultaat bestaat niet in uw gemeente."})
        koppeling = services.koppeling_add(
            actor=request.user,
            resultaat=resultaat,
            indicator=d["indicator"],
            richting=d["richting"],
        )
        return Response(s.KoppelingSerializer(koppeling).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: Any = None) -> Response:
        koppeling = (
            Indicatorkoppeling.objects.select_related("resultaat__thema__plan")
            .filter(
                pk=_int(pk, "Deze koppeling bestaat niet."),
                resultaat__thema__plan__gemeente=user_gemeente(request),
            )
            .first()
        )
        if koppeling is None:
            raise NotFound("Deze koppeling bestaat niet.")
        invoer = s.KoppelingWijzigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        koppeling = services.koppeling_change(
            actor=request.user,
            koppeling=koppeling,
            richting=d["richting"],
            basiswaarde=d.get("basiswaarde"),
            basisjaar=d.get("basisjaar"),
            op_koers_marge=d.get("op_koers_marge"),
            aandacht_marge=d.get("aandacht_marge"),
            streefwaarden={x["jaar"]: x["waarde"] for x in d.get("streefwaarden", [])},
        )
        return Response(s.KoppelingSerializer(koppeling).data)

    @extend_schema(
        summary="Indicator ontkoppelen (met nulmeting en streefwaarden)", responses={204: None}
    )
    def destroy(self, request: Request, pk: Any = None) -> Response:
        koppeling = selectors.onderdeel_get(
            soort="indicatorkoppeling",
            pk=_int(pk, "Deze koppeling bestaat niet."),
            gemeente_id=user_gemeente(request).pk,
        )
        if koppeling is None:
            raise NotFound("Deze koppeling bestaat niet.")
        structuur.onderdeel_delete(actor=request.user, onderdeel=koppeling)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    status=extend_schema(
        summary="Status van een activiteit zetten",
        request=s.ActiviteitStatusSerializer,
        responses=s.ActiviteitSerializer,
    ),
)
class ActiviteitViewSet(OnderdeelViewSet):
    access_rules = {**OnderdeelViewSet.access_rules, "status": WIJZIGEN}
    soort, ouder, versie_model = "activiteit", "subdoel", Activiteit
    queryset = Activiteit.objects.none()
    serializer_class = ActiviteitUitSerializer
    invoer = ActiviteitInSerializer

    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk: Any = None) -> Response:
        activiteit = (
            Activiteit.objects.select_related("subdoel__doel__thema__plan")
            .filter(
                pk=_int(pk, "Deze activiteit bestaat niet."),
                subdoel__doel__thema__plan__gemeente=user_gemeente(request),
            )
            .first()
        )
        if activiteit is None:
            raise NotFound("Deze activiteit bestaat niet.")
        invoer = s.ActiviteitStatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        activiteit = services.activiteit_status_set(
            actor=request.user, activiteit=activiteit, **invoer.validated_data
        )
        return Response(s.ActiviteitSerializer(activiteit).data)


_met_schema(ActiviteitViewSet, "activiteit")


@extend_schema_view(
    list=extend_schema(
        summary="Cliëntervaringsonderzoeken per jaar", responses=s.UitvragingSerializer(many=True)
    ),
    create=extend_schema(
        summary="Onderzoek uitzetten: steekproef trekken en uitnodigingen maken",
        request=s.UitvragingStartSerializer,
        responses={201: s.UitvragingSerializer},
    ),
    retrieve=extend_schema(
        summary="Resultaten per wijk of aanbieder, met de respons",
        description="Per stelling het percentage (helemaal) eens. Cellen met minder dan 5 "
        "antwoorden zijn onderdrukt, en waar nodig een tweede cel.",
        parameters=[s.ResultatenFilterSerializer],
        responses=s.ResultatenSerializer,
    ),
)
class UitvragingViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.ENQUETE, Action.LEZEN),
        "retrieve": (Resource.ENQUETE, Action.LEZEN),
        "create": (Resource.ENQUETE, Action.AANMAKEN),
    }
    queryset = Uitvraging.objects.none()
    serializer_class = s.UitvragingSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        rijen = selectors.uitvragingen(gemeente_id=user_gemeente(request).pk)
        return pagina(self, request, rijen, s.UitvragingSerializer)

    def create(self, request: Request) -> Response:
        invoer = s.UitvragingStartSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        ronde = services.uitvraging_start(
            actor=request.user, gemeente=gemeente, **invoer.validated_data
        )
        ronde = selectors.uitvragingen(gemeente_id=gemeente.pk).get(pk=ronde.pk)
        return Response(s.UitvragingSerializer(ronde).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        user_gemeente(request)
        ronde = opzoeken.uitvraging(
            request.user,
            _int(pk, "Dit onderzoek bestaat niet."),
            Action.LEZEN,
            via=access.Via.request(request),
        )
        params = s.ResultatenFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        per = params.validated_data["per"]
        data = selectors.uitvraging_resultaten(ronde, per=per)
        return Response(s.ResultatenSerializer({**data, "per": per}).data)
