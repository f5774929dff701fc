"""The staff side of the message API, under /api/v1/berichten/ beside the providers' own
endpoint: the log (`log/`, `log/<id>/` with the file and the return codes explained), the
worklist of answers due (`werklijst/`), the budget (`budget/`) and the explained return codes
(`retourcodes/`). The same selectors as the pages (`berichten.overzichten`); the same filter
names as the page `/berichten/`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten import overzichten, selectors
from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht
from eenplan.common.api import IdField, pagina
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import codelijsten
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission

LEZEN = (Resource.BERICHT, Action.LEZEN)
NIET_GEVONDEN = "Dit bericht bestaat niet."


class RetourcodeSerializer(serializers.Serializer):
    code = serializers.CharField()
    betekenis = serializers.CharField(help_text="De betekenis volgens WJ001.")
    regel = serializers.CharField(allow_null=True, help_text="De regel die de code geeft.")
    uitleg = serializers.CharField(help_text="In gewone taal: wat er aan de hand is.")
    actie = serializers.CharField(help_text="Wat er moet gebeuren.")
    goedgekeurd = serializers.BooleanField()


class AanbiederKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    agb_code = serializers.CharField()


class InwonerKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()


def _kort(inwoner: Inwoner) -> dict[str, Any]:
    return {"id": inwoner.pk, "naam": inwoner.naam}


class BerichtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    moment = serializers.DateTimeField()
    richting = serializers.CharField()
    kanaal = serializers.CharField()
    soort = serializers.CharField(help_text="WMO323, JW301, … Leeg voor een onleesbaar bestand.")
    code = serializers.CharField()
    wet = serializers.CharField()
    identificatie = serializers.CharField()
    dagtekening = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    status_omschrijving = serializers.CharField(source="get_status_display")
    aanbieder = AanbiederKortSerializer(allow_null=True)
    inwoners = serializers.SerializerMethodField(
        help_text=f"In een lijst ten hoogste {overzichten.INWONERS_IN_LIJST} inwoners van het "
        "bericht (op naam); het bericht zelf (`log/<id>/`) noemt ze allemaal."
    )
    inwoners_meer = serializers.SerializerMethodField(
        help_text="Hoeveel inwoners het bericht nog meer betreft dan `inwoners` noemt."
    )
    retourcodes = serializers.SerializerMethodField()

    @extend_schema_field(InwonerKortSerializer(many=True))
    def get_inwoners(self, bericht: Bericht) -> list[dict[str, Any]]:
        return [_kort(i) for i in overzichten.inwoners_in_lijst(bericht)]

    def get_inwoners_meer(self, bericht: Bericht) -> int:
        return overzichten.inwoners_niet_in_lijst(bericht)

    def get_retourcodes(self, bericht: Bericht) -> list[dict[str, Any]]:
        return RetourcodeSerializer(overzichten.uitleg(list(bericht.retourcodes)), many=True).data


class BerichtMetAlleInwonersSerializer(BerichtSerializer):
    """One message on its own: every resident it concerns."""

    @extend_schema_field(InwonerKortSerializer(many=True))
    def get_inwoners(self, bericht: Bericht) -> list[dict[str, Any]]:
        return [_kort(i) for i in bericht.inwoners.all()]

    def get_inwoners_meer(self, bericht: Bericht) -> int:
        return 0


class PrestatieSerializer(serializers.Serializer):
    referentie = serializers.CharField(source="prestatie.referentie")
    toewijzing_nummer = serializers.IntegerField(source="prestatie.toewijzing_nummer")
    productcategorie = serializers.CharField(source="prestatie.productcategorie")
    productcode = serializers.CharField(source="prestatie.productcode")
    begindatum = serializers.DateField(source="prestatie.begindatum")
    einddatum = serializers.DateField(source="prestatie.einddatum")
    volume = serializers.IntegerField(source="prestatie.volume")
    eenheid = serializers.CharField(source="prestatie.eenheid")
    bedrag = serializers.IntegerField(source="prestatie.bedrag", help_text="In centen.")
    debet_credit = serializers.CharField(source="prestatie.debet_credit")
    goedgekeurd = serializers.BooleanField(source="prestatie.goedgekeurd")
    retourcodes = RetourcodeSerializer(many=True)


class BerichtDetailSerializer(serializers.Serializer):
    bericht = BerichtMetAlleInwonersSerializer()
    melding = serializers.CharField(source="bericht.melding")
    bestandsnaam = serializers.CharField(source="bericht.bestandsnaam")
    xml = serializers.CharField(
        help_text="Het bestand als tekst, ingesprongen als het een leesbaar bericht is. Niet "
        "ge-escaped: toon het als tekst."
    )
    ingesprongen = serializers.BooleanField()
    prestaties = PrestatieSerializer(many=True)
    antwoorden = BerichtSerializer(many=True)


class LogFilterSerializer(serializers.Serializer):
    inwoner = IdField(required=False, help_text="Id van de inwoner.")
    aanbieder = IdField(required=False, help_text="Id van de aanbieder.")
    dag = serializers.DateField(
        required=False, help_text="Ontvangen of aangemaakt op (JJJJ-MM-DD)."
    )
    soort = serializers.ChoiceField(choices=overzichten.SOORTEN, required=False)
    richting = serializers.ChoiceField(choices=Richting.choices, required=False)
    status = serializers.ChoiceField(choices=BerichtStatus.choices, required=False)
    retourcode = serializers.ChoiceField(choices=list(codelijsten.UITLEG), required=False)
    afgekeurd = serializers.BooleanField(required=False, allow_null=True, default=None)

    def vraag(self) -> overzichten.LogVraag:
        d = self.validated_data
        return overzichten.LogVraag(
            inwoner=d.get("inwoner"),
            aanbieder=d.get("aanbieder"),
            dag=d.get("dag"),
            soort=d.get("soort", ""),
            richting=d.get("richting", ""),
            status=d.get("status", ""),
            retourcode=d.get("retourcode", ""),
            afgekeurd=d.get("afgekeurd"),
        )


def _scope(request: Request) -> QuerySet[Bericht]:
    return selectors.berichten_in_scope(request.user)


def _toon(request: Request, berichten: list[Bericht], *, lijst: bool = True) -> None:
    """Log every resident the answer names (`overzichten.log_getoond`, as the pages)."""
    overzichten.log_getoond(request.user, berichten, via=access.Via.request(request), lijst=lijst)


@extend_schema_view(
    list=extend_schema(
        summary="Berichtenlog: alle iWmo/iJw-berichten, nieuwste eerst",
        description="Per inwoner, aanbieder of dag, met status en retourcodes (uitgelegd). "
        "Dezelfde filters als de pagina /berichten/.",
        parameters=[LogFilterSerializer],
        responses=BerichtSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Eén bericht: het bestand, de retourcodes uitgelegd, prestaties en antwoorden",
        responses=BerichtDetailSerializer,
    ),
)
class BerichtLogViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": LEZEN, "retrieve": LEZEN}
    queryset = Bericht.objects.none()
    serializer_class = BerichtSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        params = LogFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        vraag = params.vraag()
        overzichten.inwoner_van_vraag(request.user, vraag, via=access.Via.request(request))
        rijen = overzichten.berichten_log(_scope(request), vraag)
        response = pagina(self, request, rijen, BerichtSerializer)
        _toon(request, list(self.paginator.page.object_list))  # type: ignore[union-attr]
        return response

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        try:
            bericht_id = int(pk)
        except (TypeError, ValueError):
            raise NotFound(NIET_GEVONDEN) from None
        gegevens = overzichten.bericht_detail(
            request.user, bericht_id, via=access.Via.request(request)
        )
        _toon(request, [gegevens.bericht], lijst=False)
        return Response(BerichtDetailSerializer(gegevens).data)


class WerklijstSerializer(BerichtSerializer):
    uiterlijk = serializers.DateField(allow_null=True, help_text="De dichtstbijzijnde termijn.")
    wat = serializers.SerializerMethodField(
        help_text="verwerken (nog niet verwerkt of mislukt), retour (retour of 325) of "
        "antwoord (319 of 301 op een verzoek)."
    )
    termijn_stand = serializers.CharField(
        source="stand", help_text="verlopen, bijna_verlopen of op_schema."
    )

    def get_wat(self, bericht: Bericht) -> str:
        return overzichten.wat_te_doen(bericht)


@extend_schema_view(
    list=extend_schema(
        summary="Werklijst: ontvangen berichten die nog een retour of antwoord nodig hebben",
        description="Vroegste termijn eerst: retour binnen 3 werkdagen, 325 binnen 10, 319 of "
        "301 binnen 5 werkdagen na een 315/317.",
        responses=WerklijstSerializer(many=True),
    ),
)
class WerklijstViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": LEZEN}
    queryset = Bericht.objects.none()
    serializer_class = WerklijstSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        rijen = overzichten.antwoorden_te_geven(_scope(request), timezone.localdate())
        response = pagina(self, request, rijen, WerklijstSerializer)
        _toon(request, list(self.paginator.page.object_list))  # type: ignore[union-attr]
        return response


class BudgetRegelSerializer(serializers.Serializer):
    aanbieder = serializers.IntegerField(source="aanbieder_id")
    aanbieder_naam = serializers.CharField(source="aanbieder")
    wet = serializers.CharField()
    productcategorie = serializers.CharField()
    categorie = serializers.CharField(help_text="Omschrijving uit WMO020/JZ020.")
    toegewezen = serializers.IntegerField(help_text="Centen: volume × contracttarief.")
    niet_te_prijzen = serializers.IntegerField(
        help_text="Toewijzingen zonder contracttarief (of met een eenheid die niet omrekent)."
    )
    gedeclareerd = serializers.IntegerField(help_text="Centen, debet min credit.")
    goedgekeurd = serializers.IntegerField(help_text="Centen, debet min credit.")
    prognose = serializers.IntegerField(help_text="Centen: verwacht goedgekeurd bij jaareinde.")


class BudgetFilterSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(required=False, min_value=2015, max_value=2100)
    aanbieder = IdField(required=False, help_text="Id van de aanbieder.")
    productcategorie = serializers.CharField(required=False, max_length=2)

    def validate_aanbieder(self, value: int) -> int:
        if not Aanbieder.objects.filter(pk=value).exists():
            raise serializers.ValidationError("Deze aanbieder bestaat niet.")
        return value


class BudgetSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    peildatum = serializers.DateField()
    regels = BudgetRegelSerializer(many=True)
    totaal = BudgetRegelSerializer()


@extend_schema_view(
    list=extend_schema(
        summary="Budget per aanbieder, wet en productcategorie in een jaar",
        description="Toegewezen (volume × contracttarief), gedeclareerd en goedgekeurd (323/325) "
        "en de prognose voor het jaareinde, in centen. Zonder persoonsgegevens.",
        parameters=[BudgetFilterSerializer],
        responses=BudgetSerializer,
    ),
)
class BudgetViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": LEZEN}
    queryset = Bericht.objects.none()
    serializer_class = BudgetSerializer
    pagination_class = None
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        params = BudgetFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        vandaag = timezone.localdate()
        jaar = params.validated_data.get("jaar", vandaag.year)
        budget = overzichten.budget_overzicht(
            user_gemeente(request),
            jaar,
            vandaag,
            aanbieder=params.validated_data.get("aanbieder"),
            productcategorie=params.validated_data.get("productcategorie", ""),
        )
        data = {
            "jaar": jaar,
            "peildatum": vandaag,
            "regels": budget.regels,
            "totaal": budget.totaal,
        }
        return Response(BudgetSerializer(data).data)


@extend_schema_view(
    list=extend_schema(
        summary="Alle retourcodes met uitleg in gewone taal en wat er moet gebeuren",
    ),
)
class RetourcodeViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": LEZEN}
    queryset = Bericht.objects.none()
    serializer_class = RetourcodeSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        return pagina(self, request, list(codelijsten.UITLEG.values()), RetourcodeSerializer)


def register(router: BaseRouter) -> None:
    """Add the staff routes under /api/v1/berichten/ to the shared router."""
    router.register("berichten/log", BerichtLogViewSet, basename="bericht-log")
    router.register("berichten/werklijst", WerklijstViewSet, basename="bericht-werklijst")
    router.register("berichten/budget", BudgetViewSet, basename="bericht-budget")
    router.register("berichten/retourcodes", RetourcodeViewSet, basename="bericht-retourcode")
