"""REST: /api/v1/aanbieders/ (providers) and /api/v1/contracten/ (contracts with products,
tariffs and the list of their documents). Same reads as the pages (`aanbieders.selectors`),
same writes (`aanbieders.services`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from eenplan.aanbieders import opzoeken, selectors, services
from eenplan.aanbieders.constants import Financieringsvorm, Uitvoeringsvariant
from eenplan.aanbieders.models import Aanbieder, Contract, ContractDocument, ContractProduct
from eenplan.berichten import logins as aanbieder_logins
from eenplan.berichten.models import AanbiederLogin
from eenplan.common.api import VersieViewSetMixin, pagina
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.voorzieningen.models import Voorziening

R, A = Resource, Action


# --- serializers ------------------------------------------------------------------------------


class AanbiederSerializer(serializers.ModelSerializer):
    agb_ontbreekt = serializers.BooleanField(
        read_only=True, help_text="De AGB-code is nog niet bekend (overgenomen uit vrije tekst)."
    )
    aantal_contracten = serializers.IntegerField(
        read_only=True, help_text="Contracten met uw gemeente."
    )

    class Meta:
        model = Aanbieder
        fields = [
            "id",
            "naam",
            "agb_code",
            "agb_ontbreekt",
            "contactpersoon",
            "telefoon",
            "email",
            "adres",
            "actief",
            "toelichting",
            "aantal_contracten",
            "versie",
        ]
        read_only_fields = fields


class AanbiederInputSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200, required=False)
    agb_code = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="8 cijfers (LDT_AgbCode)."
    )
    contactpersoon = serializers.CharField(max_length=200, required=False, allow_blank=True)
    telefoon = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    adres = serializers.CharField(max_length=300, required=False, allow_blank=True)
    actief = serializers.BooleanField(required=False)
    toelichting = serializers.CharField(required=False, allow_blank=True)


class AanbiederFilterSerializer(serializers.Serializer):
    zoek = serializers.CharField(
        required=False, max_length=100, help_text="Naam, AGB-code, contactpersoon of adres."
    )
    agb_ontbreekt = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Alleen zonder (true) of met."
    )
    actief = serializers.BooleanField(required=False, allow_null=True, default=None)


class ContractProductSerializer(serializers.ModelSerializer):
    voorziening = serializers.IntegerField(source="voorziening_id", read_only=True)
    voorziening_naam = serializers.CharField(source="voorziening.naam", read_only=True)

    class Meta:
        model = ContractProduct
        fields = [
            "id",
            "voorziening",
            "voorziening_naam",
            "productcategorie",
            "productcode",
            "tarief",
            "eenheid",
            "geldig_vanaf",
            "geldig_tot",
            "bron",
        ]
        read_only_fields = fields


class ContractDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContractDocument
        fields = ["id", "titel", "bestandsnaam", "mime_type", "grootte", "sha256", "created_at"]
        read_only_fields = fields


class ContractSerializer(serializers.ModelSerializer):
    aanbieder = serializers.IntegerField(source="aanbieder_id", read_only=True)
    aanbieder_naam = serializers.CharField(source="aanbieder.naam", read_only=True)
    hoofdcontract = serializers.IntegerField(
        source="hoofdcontract_id", read_only=True, allow_null=True
    )
    soort = serializers.CharField(read_only=True, help_text="raamovereenkomst of deelovereenkomst")

    class Meta:
        model = Contract
        fields = [
            "id",
            "kenmerk",
            "aanbieder",
            "aanbieder_naam",
            "soort",
            "hoofdcontract",
            "omschrijving",
            "begin",
            "einde",
            "uitvoeringsvariant",
            "financieringsvorm",
            "toelichting",
            "versie",
        ]
        read_only_fields = fields


class ContractDetailSerializer(ContractSerializer):
    producten = ContractProductSerializer(many=True, read_only=True)
    documenten = ContractDocumentSerializer(many=True, read_only=True)

    class Meta(ContractSerializer.Meta):
        fields = [*ContractSerializer.Meta.fields, "producten", "documenten"]
        read_only_fields = fields


class ContractInputSerializer(serializers.Serializer):
    aanbieder = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")
    hoofdcontract = serializers.IntegerField(
        required=False, allow_null=True, help_text="De raamovereenkomst van een deelovereenkomst."
    )
    kenmerk = serializers.CharField(max_length=50, required=False)
    omschrijving = serializers.CharField(max_length=300, required=False, allow_blank=True)
    begin = serializers.DateField(required=False)
    einde = serializers.DateField(required=False, allow_null=True)
    uitvoeringsvariant = serializers.ChoiceField(choices=Uitvoeringsvariant.choices, required=False)
    financieringsvorm = serializers.ChoiceField(choices=Financieringsvorm.choices, required=False)
    toelichting = serializers.CharField(required=False, allow_blank=True)


class ContractProductInputSerializer(serializers.Serializer):
    voorziening = serializers.IntegerField()
    tarief = serializers.DecimalField(max_digits=10, decimal_places=2)
    eenheid = serializers.CharField(max_length=2, help_text="WJ756, bijvoorbeeld 04 (uur).")
    geldig_vanaf = serializers.DateField()
    geldig_tot = serializers.DateField(required=False, allow_null=True, default=None)
    bron = serializers.CharField(max_length=300)


class ContractFilterSerializer(serializers.Serializer):
    zoek = serializers.CharField(required=False, max_length=100)
    aanbieder = serializers.IntegerField(required=False)
    op = serializers.DateField(required=False, help_text="Alleen contracten die dan lopen.")


# --- viewsets ---------------------------------------------------------------------------------


class AanbiederLoginSerializer(serializers.ModelSerializer):
    """A provider's login for the provider API; the key itself is never listed."""

    gebruikersnaam = serializers.CharField(source="user.username", read_only=True)
    actief = serializers.BooleanField(source="user.is_active", read_only=True)
    aangemaakt_op = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = AanbiederLogin
        fields = ["id", "gebruikersnaam", "actief", "aangemaakt_op"]


class AanbiederLoginNieuwSerializer(AanbiederLoginSerializer):
    api_sleutel = serializers.CharField(
        read_only=True, help_text="De API-sleutel: alleen in dit antwoord, nooit opnieuw."
    )

    class Meta(AanbiederLoginSerializer.Meta):
        fields = [*AanbiederLoginSerializer.Meta.fields, "api_sleutel"]


class AanbiederLoginInputSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField(max_length=60)


class _Basis(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: list[type] = []

    def gemeente(self) -> Gemeente:
        return user_gemeente(self.request)


@extend_schema_view(
    list=extend_schema(
        summary="Aanbieders met het aantal contracten met uw gemeente",
        parameters=[AanbiederFilterSerializer],
        responses=AanbiederSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén aanbieder", responses=AanbiederSerializer),
    create=extend_schema(
        summary="Aanbieder toevoegen (met een geldige AGB-code)",
        request=AanbiederInputSerializer,
        responses={201: AanbiederSerializer},
    ),
    partial_update=extend_schema(
        summary="Aanbieder wijzigen (If-Match: de versie)",
        request=AanbiederInputSerializer,
        responses=AanbiederSerializer,
    ),
)
class AanbiederViewSet(VersieViewSetMixin, _Basis):
    access_rules = {
        "list": (R.AANBIEDERS, A.LEZEN),
        "retrieve": (R.AANBIEDERS, A.LEZEN),
        "create": (R.AANBIEDERS, A.AANMAKEN),
        "partial_update": (R.AANBIEDERS, A.WIJZIGEN),
        "logins": (R.AANBIEDERS, A.LEZEN),
        "login_aanmaken": (R.AANBIEDERS, A.WIJZIGEN),
        "login_deactiveren": (R.AANBIEDERS, A.WIJZIGEN),
    }
    versie_model = Aanbieder
    queryset = Aanbieder.objects.none()
    serializer_class = AanbiederSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def _get(self, pk: Any) -> Aanbieder:
        aanbieder = selectors.aanbieders_list(gemeente=self.gemeente()).filter(pk=int(pk)).first()
        if aanbieder is None:
            raise NotFound("Deze aanbieder bestaat niet.")
        return aanbieder

    def list(self, request: Request) -> Response:
        f = AanbiederFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.aanbieders_list(
            gemeente=self.gemeente(),
            zoek=f.validated_data.get("zoek", ""),
            agb_ontbreekt=f.validated_data.get("agb_ontbreekt"),
            actief=f.validated_data.get("actief"),
        )
        return pagina(self, request, rijen, AanbiederSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(AanbiederSerializer(self._get(pk)).data)

    def create(self, request: Request) -> Response:
        data = AanbiederInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        aanbieder = services.aanbieder_save(**data.validated_data)
        return Response(
            AanbiederSerializer(self._get(aanbieder.pk)).data, status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        aanbieder = self._get(pk)
        data = AanbiederInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.aanbieder_save(aanbieder=aanbieder, **data.validated_data)
        return Response(AanbiederSerializer(self._get(pk)).data)

    @extend_schema(
        summary="Logins van de aanbieder voor de berichten-API",
        responses=AanbiederLoginSerializer(many=True),
    )
    @action(detail=True, methods=["get"], url_path="logins")
    def logins(self, request: Request, pk: Any = None) -> Response:
        rijen = aanbieder_logins.logins_van(self._get(pk))
        return pagina(self, request, rijen, AanbiederLoginSerializer)

    @extend_schema(
        summary="Login aanmaken: de API-sleutel staat alleen in dit antwoord",
        request=AanbiederLoginInputSerializer,
        responses={201: AanbiederLoginNieuwSerializer},
    )
    @logins.mapping.post
    def login_aanmaken(self, request: Request, pk: Any = None) -> Response:
        aanbieder = self._get(pk)
        data = AanbiederLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        login, sleutel = aanbieder_logins.aanbieder_login_create(
            aanbieder=aanbieder, gebruikersnaam=data.validated_data["gebruikersnaam"]
        )
        access.log_allowed(
            request.user,
            R.AANBIEDERS,
            A.WIJZIGEN,
            via=access.Via.request(request),
            toelichting=f"Login {login.user.username} aangemaakt voor {aanbieder.naam}",
        )
        antwoord = AanbiederLoginNieuwSerializer(login).data
        antwoord["api_sleutel"] = sleutel
        return Response(
            antwoord, status=status.HTTP_201_CREATED, headers={"Cache-Control": "no-store"}
        )

    @extend_schema(
        summary="Login deactiveren: het account gaat uit en de sleutels worden ingetrokken",
        request=None,
        responses=AanbiederLoginSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"logins/(?P<login>[0-9]+)/deactiveren",
        url_name="login-deactiveren",
    )
    def login_deactiveren(self, request: Request, pk: Any = None, login: Any = None) -> Response:
        gevonden = aanbieder_logins.login_van(self._get(pk), int(login))
        if gevonden is None:
            raise NotFound("Deze login hoort niet bij deze aanbieder.")
        aanbieder_logins.aanbieder_login_deactivate(login=gevonden, door=request.user)
        access.log_allowed(
            request.user,
            R.AANBIEDERS,
            A.WIJZIGEN,
            via=access.Via.request(request),
            toelichting=f"Login {gevonden.user.username} gedeactiveerd",
        )
        return Response(AanbiederLoginSerializer(gevonden).data)


@extend_schema_view(
    list=extend_schema(
        summary="Contracten van uw gemeente (raam- en deelovereenkomsten)",
        parameters=[ContractFilterSerializer],
        responses=ContractSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Eén contract met producten, tarieven en documenten",
        responses=ContractDetailSerializer,
    ),
    create=extend_schema(
        summary="Contract toevoegen",
        request=ContractInputSerializer,
        responses={201: ContractDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Contract wijzigen (If-Match: de versie)",
        request=ContractInputSerializer,
        responses=ContractDetailSerializer,
    ),
)
class ContractViewSet(VersieViewSetMixin, _Basis):
    access_rules = {
        "list": (R.AANBIEDERS, A.LEZEN),
        "retrieve": (R.AANBIEDERS, A.LEZEN),
        "create": (R.AANBIEDERS, A.AANMAKEN),
        "partial_update": (R.AANBIEDERS, A.WIJZIGEN),
        "producten": (R.AANBIEDERS, A.WIJZIGEN),
    }
    versie_model = Contract
    queryset = Contract.objects.none()
    serializer_class = ContractSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def _qs(self) -> QuerySet[Contract]:
        return Contract.objects.filter(gemeente=self.gemeente()).select_related(
            "aanbieder", "hoofdcontract"
        )

    def _get(self, pk: Any, action: Action = Action.LEZEN) -> Contract:
        """The contract within the login's municipality (else a logged refusal and a 404,
        `aanbieders.opzoeken` as on the page), with its products and documents, each held to
        the municipality or read without a join to another table."""
        self.gemeente()
        contract = opzoeken.contract(
            self.request.user, int(pk), action, via=access.Via.request(self.request)
        )
        prefetch_related_objects(
            [contract],
            Prefetch(
                "producten",
                queryset=ContractProduct.objects.filter(
                    voorziening__gemeente_id=contract.gemeente_id
                )
                .select_related("voorziening")
                .order_by("productcategorie", "productcode", "geldig_vanaf", "id"),
            ),
            Prefetch(
                "documenten",
                queryset=ContractDocument.objects.defer("inhoud").order_by("-created_at", "id"),
            ),
        )
        return contract

    def list(self, request: Request) -> Response:
        f = ContractFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        aanbieder = None
        if "aanbieder" in f.validated_data:
            aanbieder = Aanbieder.objects.filter(pk=f.validated_data["aanbieder"]).first()
            if aanbieder is None:
                raise ValidationError({"aanbieder": "Deze aanbieder bestaat niet."})
        rijen = selectors.contracten_list(
            gemeente=self.gemeente(),
            zoek=f.validated_data.get("zoek", ""),
            aanbieder=aanbieder,
            op_datum=f.validated_data.get("op"),
        )
        return pagina(self, request, rijen, ContractSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(ContractDetailSerializer(self._get(pk)).data)

    def _args(self, data: dict[str, Any]) -> dict[str, Any]:
        args = dict(data)
        if "hoofdcontract" in args:
            hoofd = args["hoofdcontract"]
            args["hoofdcontract"] = None if hoofd is None else self._qs().filter(pk=hoofd).first()
            if hoofd is not None and args["hoofdcontract"] is None:
                raise ValidationError({"hoofdcontract": "Deze raamovereenkomst bestaat niet."})
        return args

    def create(self, request: Request) -> Response:
        data = ContractInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        args = self._args(data.validated_data)
        aanbieder = Aanbieder.objects.filter(pk=args.pop("aanbieder", None) or 0).first()
        if aanbieder is None:
            raise ValidationError({"aanbieder": "Kies een bestaande aanbieder."})
        contract = services.contract_save(aanbieder=aanbieder, gemeente=self.gemeente(), **args)
        return Response(
            ContractDetailSerializer(self._get(contract.pk)).data, status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        contract = self._get(pk, Action.WIJZIGEN)
        data = ContractInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        args = self._args(data.validated_data)
        if "aanbieder" in args:
            raise ValidationError({"aanbieder": "De aanbieder van een contract verandert niet."})
        services.contract_save(contract=contract, **args)
        return Response(ContractDetailSerializer(self._get(pk)).data)

    @extend_schema(
        summary="Product met tarief per eenheid toevoegen (een nieuwe periode is een nieuwe rij)",
        request=ContractProductInputSerializer,
        responses={201: ContractProductSerializer},
    )
    @action(detail=True, methods=["post"])
    def producten(self, request: Request, pk: Any = None) -> Response:
        contract = self._get(pk, Action.WIJZIGEN)
        data = ContractProductInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        args = dict(data.validated_data)
        voorziening = Voorziening.objects.filter(
            pk=args.pop("voorziening"), gemeente=contract.gemeente_id
        ).first()
        if voorziening is None:
            raise ValidationError(
                {"voorziening": "Kies een voorziening uit de catalogus van de eigen gemeente."}
            )
        product = services.contract_product_save(contract=contract, voorziening=voorziening, **args)
        return Response(ContractProductSerializer(product).data, status=status.HTTP_201_CREATED)


def register(router: BaseRouter) -> None:
    """Add /api/v1/aanbieders/ and /api/v1/contracten/."""
    router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
    router.register("contracten", ContractViewSet, basename="contract")
