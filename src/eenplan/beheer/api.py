"""REST endpoints of functioneel beheer under /api/v1/beheer/: one per capability of the
pages, through the same access rules (`privacy.access`: account, inrichting, catalogus,
instellingen), selectors and services. Only the login's own municipality: another
municipality's record is a 404. Refusals of the services (ValidationError in Dutch) are 400s,
nothing changed; a change that waits for a second beheerder (four eyes) answers 202 with the
request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from eenplan.beheer import feestdagen, opzoeken, selectors
from eenplan.common.api import IdField, pagina
from eenplan.common.api.gedateerd import GedateerdeInstellingViewSet
from eenplan.gemeente import selectors as gemeente_selectors
from eenplan.gemeente import services as gemeente_services
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Gemeente,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Team,
    Wijk,
)
from eenplan.onderzoeken.models import Leefgebied
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.rules.instellingen import Onderwerp
from eenplan.taken.api.views import TaakSerializer
from eenplan.voorzieningen import selectors as voorzieningen_selectors
from eenplan.voorzieningen import services as voorzieningen_services
from eenplan.voorzieningen.api.serializers import VoorzieningCreateSerializer
from eenplan.voorzieningen.models import Synoniem, Voorziening
from eenplan.web.forms import KEUZE_FOUT

R, A = Resource, Action
VERPLICHT = {"required": "Vul dit veld in.", "blank": "Vul dit veld in."}


def _ids(model: type, gemeente: Gemeente, ids: list[int], veld: str) -> list[Any]:
    """Records of the own municipality by id; an unknown id is a Dutch 400."""
    gevonden = list(model.objects.filter(gemeente=gemeente, pk__in=ids))  # type: ignore[attr-defined]
    onbekend = sorted(set(ids) - {o.pk for o in gevonden})
    if onbekend:
        raise ValidationError(
            {veld: f"Onbekend in uw gemeente: {', '.join(str(i) for i in onbekend)}."}
        )
    return gevonden


# --- serializers ------------------------------------------------------------------------------


class BeheerTeamKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ["id", "naam"]


class BeheerMedewerkerSerializer(serializers.ModelSerializer):
    gebruikersnaam = serializers.CharField(source="user.username")
    voornaam = serializers.CharField(source="user.first_name")
    achternaam = serializers.CharField(source="user.last_name")
    email = serializers.CharField(source="user.email")
    actief = serializers.BooleanField(source="user.is_active")
    extra_rollen = serializers.SerializerMethodField()
    teams = BeheerTeamKortSerializer(many=True)
    tweede_factor = serializers.SerializerMethodField()
    geblokkeerd = serializers.SerializerMethodField()

    class Meta:
        model = Medewerker
        fields = [
            "id",
            "gebruikersnaam",
            "voornaam",
            "achternaam",
            "email",
            "functie",
            "extra_rollen",
            "teams",
            "registratienummer",
            "registratie_geldig_tot",
            "actief",
            "tweede_factor",
            "geblokkeerd",
        ]

    def _stand(self, m: Medewerker) -> selectors.Loginstand:
        return self.context["standen"][m.pk]

    def get_extra_rollen(self, m: Medewerker) -> list[str]:
        return sorted(
            g.name for g in m.user.groups.all() if g.name in Rol.values and g.name != m.functie
        )

    def get_tweede_factor(self, m: Medewerker) -> bool:
        return self._stand(m).tweede_factor

    def get_geblokkeerd(self, m: Medewerker) -> bool:
        return self._stand(m).geblokkeerd


class BeheerRollenSerializer(serializers.Serializer):
    functie = serializers.ChoiceField(
        choices=Rol.choices, error_messages={"invalid_choice": KEUZE_FOUT, **VERPLICHT}
    )
    extra_rollen = serializers.ListField(
        child=serializers.ChoiceField(
            choices=Rol.choices, error_messages={"invalid_choice": KEUZE_FOUT}
        ),
        required=False,
        default=list,
    )
    teams = serializers.ListField(child=IdField(), required=False, default=list)
    registratienummer = serializers.CharField(
        max_length=20, required=False, default="", allow_blank=True
    )
    registratie_geldig_tot = serializers.DateField(required=False, allow_null=True, default=None)

    def arguments(self, gemeente: Gemeente) -> dict[str, Any]:
        data = dict(self.validated_data)
        data["teams"] = _ids(Team, gemeente, data["teams"], "teams")
        return data


class BeheerAccountSerializer(BeheerRollenSerializer):
    gebruikersnaam = serializers.RegexField(
        r"^[\w.@+-]+\Z",
        max_length=150,
        error_messages={
            "invalid": "Gebruik alleen letters, cijfers en . @ + - _ (geen spaties).",
            **VERPLICHT,
        },
    )
    voornaam = serializers.CharField(max_length=150, error_messages=VERPLICHT)
    achternaam = serializers.CharField(max_length=150, error_messages=VERPLICHT)
    email = serializers.EmailField(
        error_messages={
            "invalid": "Vul een e-mailadres in, bijvoorbeeld s.peters@gemeente.nl.",
            **VERPLICHT,
        }
    )
    wachtwoord = serializers.CharField(
        write_only=True, trim_whitespace=False, error_messages=VERPLICHT
    )

    def validate_wachtwoord(self, value: str) -> str:
        password_validation.validate_password(value)
        return value

    def arguments(self, gemeente: Gemeente) -> dict[str, Any]:
        data = super().arguments(gemeente)
        data["username"] = data.pop("gebruikersnaam")
        data["password"] = data.pop("wachtwoord")
        data["first_name"] = data.pop("voornaam").strip()
        data["last_name"] = data.pop("achternaam").strip()
        return data


class BeheerVerzoekSerializer(serializers.ModelSerializer):
    medewerker = serializers.PrimaryKeyRelatedField(read_only=True)
    aangevraagd_door = serializers.CharField(source="aangevraagd_door.username")
    status = serializers.CharField(
        read_only=True, help_text="open, goedgekeurd of afgewezen (VerzoekStatus)."
    )

    class Meta:
        model = RolWijzigingVerzoek
        fields = [
            "id",
            "medewerker",
            "aangevraagd_door",
            "samenvatting",
            "wijziging",
            "status",
            "created_at",
        ]


class BeheerWijzigingSerializer(serializers.ModelSerializer):
    class Meta:
        model = RolWijziging
        fields = [
            "id",
            "moment",
            "door_gebruikersnaam",
            "medewerker",
            "team",
            "onderdeel",
            "oud",
            "nieuw",
            "verzoek",
        ]


class BeheerTeamSerializer(serializers.ModelSerializer):
    soort = serializers.ChoiceField(
        choices=TeamSoort.choices, error_messages={"invalid_choice": KEUZE_FOUT, **VERPLICHT}
    )
    naam = serializers.CharField(max_length=100, error_messages=VERPLICHT)
    wijken = serializers.ListField(child=IdField(), required=False, default=list)

    class Meta:
        model = Team
        fields = ["id", "naam", "soort", "wijken"]

    def to_representation(self, team: Team) -> dict[str, Any]:
        return {
            "id": team.pk,
            "naam": team.naam,
            "soort": team.soort,
            "wijken": sorted(w.pk for w in team.wijken.all()),
        }


class BeheerWijkSerializer(serializers.ModelSerializer):
    code = serializers.RegexField(
        r"^WK\d{6}$",
        error_messages={
            "invalid": "Een CBS-wijkcode is 'WK' met zes cijfers, bijvoorbeeld WK098301.",
            **VERPLICHT,
        },
    )
    naam = serializers.CharField(max_length=100, error_messages=VERPLICHT)

    class Meta:
        model = Wijk
        fields = ["id", "code", "naam"]


class VoorzieningBeheerSerializer(VoorzieningCreateSerializer):
    actief = serializers.BooleanField(required=False)


class BeheerVoorzieningLijstSerializer(serializers.ModelSerializer):
    class Meta:
        model = Voorziening
        fields = [
            "id",
            "naam",
            "soort",
            "wet",
            "omschrijving",
            "productcategorie",
            "productcode",
            "eenheid",
            "organisatie",
            "doelgroep",
            "telefoon",
            "website",
            "email",
            "openingstijden",
            "actief",
        ]


class BeheerTariefPeriodeSerializer(serializers.Serializer):
    leveringsvorm = serializers.CharField(source="tarief.leveringsvorm")
    bedrag = serializers.DecimalField(source="tarief.bedrag", max_digits=10, decimal_places=2)
    eenheid = serializers.CharField(source="tarief.voorziening.eenheid")
    geldig_vanaf = serializers.DateField(source="tarief.geldig_vanaf")
    geldig_tot = serializers.DateField(source="tot", allow_null=True)
    stand = serializers.CharField()
    bron = serializers.CharField(source="tarief.bron")


class BeheerSynoniemSerializer(serializers.ModelSerializer):
    woorden = serializers.CharField(max_length=300, error_messages=VERPLICHT)

    class Meta:
        model = Synoniem
        fields = ["id", "woorden"]


class BeheerFeestdagSerializer(serializers.ModelSerializer):
    datum = serializers.DateField(
        error_messages={"invalid": "Vul een datum in als jjjj-mm-dd.", **VERPLICHT}
    )
    omschrijving = serializers.CharField(max_length=200, error_messages=VERPLICHT)
    bron = serializers.CharField(max_length=300, error_messages=VERPLICHT)

    class Meta:
        model = GelijkgesteldeFeestdag
        fields = ["id", "datum", "omschrijving", "bron"]


class BeheerFeestdagTaakSerializer(BeheerFeestdagSerializer):
    """The day added, with the task that recomputes the deadlines it moves (ADR 0049)."""

    taak = TaakSerializer(read_only=True)

    class Meta(BeheerFeestdagSerializer.Meta):
        fields = [*BeheerFeestdagSerializer.Meta.fields, "taak"]


class BeheerMedewerkerFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, help_text="Naam, gebruikersnaam of e-mail.")
    actief = serializers.BooleanField(required=False, allow_null=True, default=None)


class BeheerRegioLidSerializer(serializers.ModelSerializer):
    gebruikersnaam = serializers.CharField(source="user.username")
    naam = serializers.SerializerMethodField()
    teams = BeheerTeamKortSerializer(many=True)
    andere_gemeenten = serializers.ListField(
        child=serializers.CharField(),
        help_text="De andere gemeenten van de regio waar deze login nog werkt.",
    )
    lid_tot = serializers.DateField(
        help_text="Leeg zolang het lidmaatschap loopt; anders de dag waarop het eindigde."
    )

    class Meta:
        model = Medewerker
        fields = ["id", "gebruikersnaam", "naam", "teams", "andere_gemeenten", "lid_tot"]

    def get_naam(self, m: Medewerker) -> str:
        return m.user.get_full_name() or m.user.get_username()


class BeheerRegioLidInputSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField(
        max_length=150,
        error_messages=VERPLICHT,
        help_text="De gebruikersnaam van de medewerker bij de andere gemeente.",
    )
    teams = serializers.ListField(child=IdField(), required=False, default=list)


# --- viewsets ---------------------------------------------------------------------------------


class _Beheer(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: list[type] = []

    def gemeente(self) -> Gemeente:
        return user_gemeente(self.request)


def _medewerkers_data(request: Request, medewerkers: list[Medewerker]) -> Any:
    context = {"request": request, "standen": selectors.loginstanden(medewerkers)}
    return BeheerMedewerkerSerializer(medewerkers, many=True, context=context).data


@extend_schema_view(
    list=extend_schema(
        summary="Medewerkers van uw gemeente (functioneel beheer)",
        parameters=[BeheerMedewerkerFilterSerializer],
        responses=BeheerMedewerkerSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén medewerker", responses=BeheerMedewerkerSerializer),
    create=extend_schema(
        summary="Account aanmaken",
        description="Met EENPLAN_ROLWIJZIGING_VIER_OGEN blijft het account inactief tot een "
        "andere functioneel beheerder het goedkeurt.",
        request=BeheerAccountSerializer,
        responses={201: BeheerMedewerkerSerializer},
    ),
)
class MedewerkerViewSet(_Beheer):
    access_rules = {
        "list": (R.ACCOUNT, A.LEZEN),
        "retrieve": (R.ACCOUNT, A.LEZEN),
        "wijzigingen": (R.ACCOUNT, A.LEZEN),
        "create": (R.ACCOUNT, A.AANMAKEN),
        "rollen": (R.ACCOUNT, A.WIJZIGEN),
        "deactiveren": (R.ACCOUNT, A.WIJZIGEN),
        "activeren": (R.ACCOUNT, A.WIJZIGEN),
        "tweede_factor_resetten": (R.ACCOUNT, A.WIJZIGEN),
        "blokkade_opheffen": (R.ACCOUNT, A.WIJZIGEN),
        "lidmaatschap_beeindigen": (R.ACCOUNT, A.WIJZIGEN),
    }
    queryset = Medewerker.objects.none()
    serializer_class = BeheerMedewerkerSerializer

    def _get(self, pk: Any) -> Medewerker:
        """The medewerker within the login's municipality: another municipality's is a 404
        like one that does not exist, the refusal logged (`beheer.opzoeken`, ADR 0046)."""
        self.gemeente()
        _resource, action = self.access_rules[self.action]
        return opzoeken.medewerker(
            self.request.user, int(pk), action, via=access.Via.request(self.request)
        )

    def _one(self, medewerker: Medewerker, *, code: int = 200) -> Response:
        medewerker = self._get(medewerker.pk)
        return Response(_medewerkers_data(self.request, [medewerker])[0], status=code)

    def list(self, request: Request) -> Response:
        params = BeheerMedewerkerFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        qs = selectors.medewerkers_list(
            gemeente=self.gemeente(),
            q=params.validated_data.get("q", ""),
            actief=params.validated_data.get("actief"),
        )
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(_medewerkers_data(request, list(page)))

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return self._one(self._get(pk))

    def create(self, request: Request) -> Response:
        data = BeheerAccountSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = self.gemeente()
        medewerker = gemeente_services.medewerker_create(
            gemeente=gemeente, door=request.user, **data.arguments(gemeente)
        )
        return self._one(medewerker, code=status.HTTP_201_CREATED)

    def _gewijzigd(self, medewerker: Medewerker, verzoek: RolWijzigingVerzoek | None) -> Response:
        if verzoek is not None:
            return Response(BeheerVerzoekSerializer(verzoek).data, status=status.HTTP_202_ACCEPTED)
        return self._one(medewerker)

    @extend_schema(
        summary="Rollen, teams en registratie wijzigen",
        description="Nooit voor uw eigen account. Met vier ogen: 202 met het verzoek dat een "
        "andere functioneel beheerder goedkeurt.",
        request=BeheerRollenSerializer,
        responses={200: BeheerMedewerkerSerializer, 202: BeheerVerzoekSerializer},
    )
    @action(detail=True, methods=["post"])
    def rollen(self, request: Request, pk: Any = None) -> Response:
        medewerker = self._get(pk)
        data = BeheerRollenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verzoek = gemeente_services.medewerker_rollen_change(
            door=request.user, medewerker=medewerker, **data.arguments(medewerker.gemeente)
        )
        return self._gewijzigd(medewerker, verzoek)

    def _actief(self, pk: Any, actief: bool) -> Response:
        medewerker = self._get(pk)
        verzoek = gemeente_services.medewerker_rollen_change(
            door=self.request.user, medewerker=medewerker, actief=actief
        )
        return self._gewijzigd(medewerker, verzoek)

    @extend_schema(
        summary="Account deactiveren",
        request=None,
        responses={200: BeheerMedewerkerSerializer, 202: BeheerVerzoekSerializer},
    )
    @action(detail=True, methods=["post"])
    def deactiveren(self, request: Request, pk: Any = None) -> Response:
        return self._actief(pk, False)

    @extend_schema(
        summary="Account weer activeren",
        request=None,
        responses={200: BeheerMedewerkerSerializer, 202: BeheerVerzoekSerializer},
    )
    @action(detail=True, methods=["post"])
    def activeren(self, request: Request, pk: Any = None) -> Response:
        return self._actief(pk, True)

    @extend_schema(
        summary="Tweede factor opnieuw laten instellen (authenticator verwijderen)",
        request=None,
        responses=BeheerMedewerkerSerializer,
    )
    @action(detail=True, methods=["post"], url_path="tweede-factor-resetten")
    def tweede_factor_resetten(self, request: Request, pk: Any = None) -> Response:
        medewerker = self._get(pk)
        gemeente_services.medewerker_tweede_factor_reset(door=request.user, medewerker=medewerker)
        return self._one(medewerker)

    @extend_schema(
        summary="Blokkade na mislukte inlogpogingen opheffen",
        request=None,
        responses=BeheerMedewerkerSerializer,
    )
    @action(detail=True, methods=["post"], url_path="blokkade-opheffen")
    def blokkade_opheffen(self, request: Request, pk: Any = None) -> Response:
        medewerker = self._get(pk)
        gemeente_services.medewerker_blokkade_opheffen(door=request.user, medewerker=medewerker)
        return self._one(medewerker)

    @extend_schema(
        summary="Lidmaatschap van een regionale medewerker bij uw gemeente beëindigen",
        description="Vanaf vandaag handelt de login niet meer voor uw gemeente; de teams hier "
        "vervallen. Geweigerd (400) voor de enige gemeente van een login: deactiveer dan het "
        "account.",
        request=None,
        responses=BeheerRegioLidSerializer,
    )
    @action(detail=True, methods=["post"], url_path="lidmaatschap-beeindigen")
    def lidmaatschap_beeindigen(self, request: Request, pk: Any = None) -> Response:
        medewerker = self._get(pk)
        gemeente_services.medewerker_gemeente_end(medewerker=medewerker, door=request.user)
        return Response(_regio_lid(medewerker.gemeente, medewerker.pk))

    @extend_schema(
        summary="Wijzigingslog van deze medewerker", responses=BeheerWijzigingSerializer(many=True)
    )
    @action(detail=True, methods=["get"])
    def wijzigingen(self, request: Request, pk: Any = None) -> Response:
        medewerker = self._get(pk)
        qs = selectors.wijzigingen(gemeente=medewerker.gemeente, medewerker=medewerker)
        return pagina(self, request, qs, BeheerWijzigingSerializer)


def _regio_lid(gemeente: Gemeente, pk: int) -> Any:
    leden = gemeente_selectors.regio_lidmaatschappen(gemeente=gemeente)
    return BeheerRegioLidSerializer(next(m for m in leden if m.pk == pk)).data


@extend_schema_view(
    list=extend_schema(
        summary="Medewerkers van andere gemeenten in de regio die ook voor uw gemeente werken",
        responses=BeheerRegioLidSerializer(many=True),
    ),
    create=extend_schema(
        summary="Een medewerker van een andere gemeente in de regio laten meewerken",
        description="Met de teams van uw gemeente; de rol blijft die van de login. Een "
        "beëindigd lidmaatschap begint weer.",
        request=BeheerRegioLidInputSerializer,
        responses={201: BeheerRegioLidSerializer},
    ),
)
class RegioViewSet(_Beheer):
    """The region (issue 16): regional staff of the own municipality (ADR 0036)."""

    access_rules = {"list": (R.ACCOUNT, A.LEZEN), "create": (R.ACCOUNT, A.WIJZIGEN)}
    queryset = Medewerker.objects.none()
    serializer_class = BeheerRegioLidSerializer

    def list(self, request: Request) -> Response:
        leden = gemeente_selectors.regio_lidmaatschappen(gemeente=self.gemeente())
        page = self.paginate_queryset(leden)
        return self.get_paginated_response(BeheerRegioLidSerializer(page, many=True).data)

    def create(self, request: Request) -> Response:
        data = BeheerRegioLidInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = self.gemeente()
        teams = _ids(Team, gemeente, data.validated_data["teams"], "teams")
        user = gemeente_selectors.regionale_login(
            gemeente=gemeente, gebruikersnaam=data.validated_data["gebruikersnaam"]
        )
        if user is None:
            raise ValidationError({"gebruikersnaam": gemeente_services.GEEN_REGIONALE_MEDEWERKER})
        medewerker = gemeente_services.medewerker_gemeente_add(
            user=user, gemeente=gemeente, teams=teams, door=request.user
        )
        return Response(_regio_lid(gemeente, medewerker.pk), status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Wijzigingen die wachten op goedkeuring (vier ogen)",
        responses=BeheerVerzoekSerializer(many=True),
    ),
)
class VerzoekViewSet(_Beheer):
    access_rules = {
        "list": (R.ACCOUNT, A.BEHANDELEN),
        "goedkeuren": (R.ACCOUNT, A.BEHANDELEN),
        "afwijzen": (R.ACCOUNT, A.BEHANDELEN),
    }
    queryset = RolWijzigingVerzoek.objects.none()
    serializer_class = BeheerVerzoekSerializer

    def list(self, request: Request) -> Response:
        return pagina(
            self,
            request,
            selectors.verzoeken_open(gemeente=self.gemeente()),
            BeheerVerzoekSerializer,
        )

    def _get(self, pk: Any) -> RolWijzigingVerzoek:
        return opzoeken.verzoek(self.request.user, int(pk), via=access.Via.request(self.request))

    @extend_schema(
        summary="Goedkeuren (door een andere beheerder dan de aanvrager)",
        request=None,
        responses=BeheerVerzoekSerializer,
    )
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request: Request, pk: Any = None) -> Response:
        verzoek = self._get(pk)
        gemeente_services.rolwijziging_approve(door=request.user, verzoek=verzoek)
        verzoek.refresh_from_db()
        return Response(BeheerVerzoekSerializer(verzoek).data)

    @extend_schema(summary="Afwijzen of intrekken", request=None, responses=BeheerVerzoekSerializer)
    @action(detail=True, methods=["post"])
    def afwijzen(self, request: Request, pk: Any = None) -> Response:
        verzoek = self._get(pk)
        gemeente_services.rolwijziging_reject(door=request.user, verzoek=verzoek)
        verzoek.refresh_from_db()
        return Response(BeheerVerzoekSerializer(verzoek).data)


@extend_schema_view(
    list=extend_schema(summary="Teams van uw gemeente (beheer)"),
    create=extend_schema(summary="Team toevoegen"),
    partial_update=extend_schema(summary="Team wijzigen (naam, soort, wijken; gelogd)"),
)
class TeamViewSet(_Beheer):
    access_rules = {
        "list": (R.INRICHTING, A.LEZEN),
        "create": (R.INRICHTING, A.AANMAKEN),
        "partial_update": (R.INRICHTING, A.WIJZIGEN),
    }
    queryset = Team.objects.none()
    serializer_class = BeheerTeamSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request: Request) -> Response:
        return pagina(
            self, request, selectors.teams_list(gemeente=self.gemeente()), BeheerTeamSerializer
        )

    def create(self, request: Request) -> Response:
        data = BeheerTeamSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = self.gemeente()
        fields = dict(data.validated_data)
        wijken = _ids(Wijk, gemeente, fields.pop("wijken"), "wijken")
        team = gemeente_services.team_create(
            gemeente=gemeente, door=request.user, wijken=wijken, **fields
        )
        return Response(BeheerTeamSerializer(team).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        gemeente = self.gemeente()
        team = opzoeken.team(request.user, int(pk), A.WIJZIGEN, via=access.Via.request(request))
        data = BeheerTeamSerializer(team, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        wijken = (
            _ids(Wijk, gemeente, fields.pop("wijken"), "wijken")
            if "wijken" in fields
            else list(team.wijken.all())
        )
        team = gemeente_services.team_change(
            door=request.user,
            team=team,
            naam=fields.get("naam", team.naam),
            soort=fields.get("soort", team.soort),
            wijken=wijken,
        )
        return Response(BeheerTeamSerializer(team).data)


@extend_schema_view(
    list=extend_schema(summary="Wijken van uw gemeente (beheer)"),
    create=extend_schema(summary="Wijk toevoegen"),
    partial_update=extend_schema(summary="Wijk wijzigen (naam, CBS-code)"),
)
class WijkViewSet(_Beheer):
    access_rules = {
        "list": (R.INRICHTING, A.LEZEN),
        "create": (R.INRICHTING, A.AANMAKEN),
        "partial_update": (R.INRICHTING, A.WIJZIGEN),
    }
    queryset = Wijk.objects.none()
    serializer_class = BeheerWijkSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request: Request) -> Response:
        return pagina(
            self, request, selectors.wijken_list(gemeente=self.gemeente()), BeheerWijkSerializer
        )

    def create(self, request: Request) -> Response:
        data = BeheerWijkSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        wijk = gemeente_services.wijk_create(
            gemeente=self.gemeente(), door=request.user, **data.validated_data
        )
        return Response(BeheerWijkSerializer(wijk).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        wijk = opzoeken.wijk(request.user, int(pk), via=access.Via.request(request))
        data = BeheerWijkSerializer(wijk, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        wijk = gemeente_services.wijk_change(
            door=request.user,
            wijk=wijk,
            code=data.validated_data.get("code", wijk.code),
            naam=data.validated_data.get("naam", wijk.naam),
        )
        return Response(BeheerWijkSerializer(wijk).data)


@extend_schema_view(
    list=extend_schema(
        summary="De hele catalogus, ook wat niet meer wordt aangeboden (beheer)",
        responses=BeheerVoorzieningLijstSerializer(many=True),
    ),
    partial_update=extend_schema(
        summary="Voorziening wijzigen (ook de gegevens van de sociale kaart, of actief)",
        request=VoorzieningBeheerSerializer,
        responses=BeheerVoorzieningLijstSerializer,
    ),
)
class VoorzieningViewSet(_Beheer):
    """Adding a voorziening and a tariff: POST /api/v1/voorzieningen/ and …/tarieven/."""

    access_rules = {
        "list": (R.CATALOGUS, A.LEZEN),
        "tarieven": (R.CATALOGUS, A.LEZEN),
        "partial_update": (R.CATALOGUS, A.WIJZIGEN),
    }
    queryset = Voorziening.objects.none()
    serializer_class = BeheerVoorzieningLijstSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def _get(self, pk: Any) -> Voorziening:
        """Read (the tariffs) or changed, as the action's row in `access_rules` says."""
        _, handeling = self.access_rules[self.action]
        return opzoeken.voorziening(
            self.request.user, int(pk), handeling, via=access.Via.request(self.request)
        )

    def list(self, request: Request) -> Response:
        return pagina(
            self,
            request,
            voorzieningen_selectors.catalogus_beheer(gemeente=self.gemeente()),
            BeheerVoorzieningLijstSerializer,
        )

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        voorziening = self._get(pk)
        data = VoorzieningBeheerSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        extra: dict[str, Any] = {}
        if "wijken" in fields:
            extra["wijken"] = _ids(Wijk, voorziening.gemeente, fields.pop("wijken"), "wijken")
        if "leefgebieden" in fields:
            ids = set(fields.pop("leefgebieden"))
            extra["leefgebieden"] = list(Leefgebied.objects.filter(pk__in=ids))
            if len(extra["leefgebieden"]) != len(ids):
                raise ValidationError({"leefgebieden": "Onbekend leefgebied."})
        voorziening = voorzieningen_services.voorziening_change(
            voorziening=voorziening, **extra, **fields
        )
        return Response(BeheerVoorzieningLijstSerializer(voorziening).data)

    @extend_schema(
        summary="Tarieven per periode, met de eenheid (WJ756)",
        responses=BeheerTariefPeriodeSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def tarieven(self, request: Request, pk: Any = None) -> Response:
        voorziening = self._get(pk)
        perioden = voorzieningen_selectors.tarief_perioden(voorziening, op=timezone.localdate())
        return Response(BeheerTariefPeriodeSerializer(perioden, many=True).data)


@extend_schema_view(
    list=extend_schema(summary="Synoniemen van de sociale kaart"),
    create=extend_schema(summary="Groep synoniemen toevoegen"),
    partial_update=extend_schema(summary="Groep synoniemen wijzigen"),
    destroy=extend_schema(summary="Groep synoniemen verwijderen"),
)
class SynoniemViewSet(_Beheer):
    access_rules = {
        "list": (R.CATALOGUS, A.LEZEN),
        "create": (R.CATALOGUS, A.WIJZIGEN),
        "partial_update": (R.CATALOGUS, A.WIJZIGEN),
        "destroy": (R.CATALOGUS, A.WIJZIGEN),
    }
    queryset = Synoniem.objects.none()
    serializer_class = BeheerSynoniemSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def _qs(self) -> QuerySet[Synoniem]:
        return voorzieningen_selectors.synoniemen_list(gemeente=self.gemeente())

    def _get(self, pk: Any) -> Synoniem:
        return opzoeken.synoniem(self.request.user, int(pk), via=access.Via.request(self.request))

    def list(self, request: Request) -> Response:
        return pagina(self, request, self._qs(), BeheerSynoniemSerializer)

    def create(self, request: Request) -> Response:
        data = BeheerSynoniemSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        synoniem = voorzieningen_services.synoniem_add(
            gemeente=self.gemeente(), **data.validated_data
        )
        return Response(BeheerSynoniemSerializer(synoniem).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        synoniem = self._get(pk)
        data = BeheerSynoniemSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        synoniem = voorzieningen_services.synoniem_change(synoniem=synoniem, **data.validated_data)
        return Response(BeheerSynoniemSerializer(synoniem).data)

    def destroy(self, request: Request, pk: Any = None) -> Response:
        voorzieningen_services.synoniem_remove(synoniem=self._get(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Dagen die de gemeente met een feestdag gelijkstelt"),
    create=extend_schema(
        summary="Gelijkgestelde feestdag toevoegen (met het besluit als bron)",
        description="Start ook de taak die de lopende termijnen opnieuw berekent (ADR 0049): "
        "`taak` in het antwoord, volg haar op `/api/v1/taken/<id>/`.",
        responses={201: BeheerFeestdagTaakSerializer},
    ),
    destroy=extend_schema(
        summary="Gelijkgestelde feestdag verwijderen (alleen nog te komen)",
        description="Start de taak die de termijnen die voor deze dag waren verschoven "
        "terugzet (ADR 0049); het antwoord is 202 met de taak.",
        responses={202: TaakSerializer},
    ),
)
class FeestdagViewSet(_Beheer):
    access_rules = {
        "list": (R.INSTELLINGEN, A.LEZEN),
        "create": (R.INSTELLINGEN, A.WIJZIGEN),
        "destroy": (R.INSTELLINGEN, A.WIJZIGEN),
    }
    queryset = GelijkgesteldeFeestdag.objects.none()
    serializer_class = BeheerFeestdagSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]

    def list(self, request: Request) -> Response:
        self.gemeente()
        return pagina(
            self,
            request,
            GelijkgesteldeFeestdag.objects.order_by("datum"),
            BeheerFeestdagSerializer,
        )

    def create(self, request: Request) -> Response:
        self.gemeente()
        data = BeheerFeestdagSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dag, taak = feestdagen.feestdag_toevoegen(
            door=request.user,
            gemeente=self.gemeente(),
            via=access.Via.request(request),
            **data.validated_data,
        )
        antwoord = {**BeheerFeestdagSerializer(dag).data, "taak": TaakSerializer(taak).data}
        return Response(
            antwoord,
            status=status.HTTP_201_CREATED,
            headers={"Location": f"/api/v1/taken/{taak.pk}/"},
        )

    def destroy(self, request: Request, pk: Any = None) -> Response:
        self.gemeente()
        dag = GelijkgesteldeFeestdag.objects.filter(pk=int(pk)).first()
        if dag is None:
            raise NotFound("Deze dag staat niet in de lijst.")
        taak = feestdagen.feestdag_verwijderen(
            door=request.user, dag=dag, gemeente=self.gemeente(), via=access.Via.request(request)
        )
        return Response(
            TaakSerializer(taak).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": f"/api/v1/taken/{taak.pk}/"},
        )


class BeheerAbonnementstariefSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(
        min_value=2015, max_value=2100, error_messages={"invalid": "Vul een jaar in.", **VERPLICHT}
    )
    bedrag = serializers.DecimalField(max_digits=6, decimal_places=2, error_messages=VERPLICHT)
    periode = serializers.ChoiceField(
        choices=[("maand", "per maand"), ("4 weken", "per 4 weken")],
        error_messages={"invalid_choice": KEUZE_FOUT, **VERPLICHT},
    )
    bron = serializers.CharField(max_length=300, error_messages=VERPLICHT)

    def to_representation(self, tarief: Any) -> dict[str, Any]:
        return {
            "jaar": tarief.geldig_vanaf.year,
            "bedrag": f"{tarief.bedrag:.2f}",
            "periode": str(getattr(tarief.periode, "value", tarief.periode)),
            "bron": tarief.bron,
        }


@extend_schema_view(
    list=extend_schema(
        summary="Abonnementstarief per jaar (ingebouwd en door de gemeente ingevoerd)",
        description="De kop `X-Eenplan-Tarief-Ontbreekt` noemt de jaren (dit en volgend jaar) "
        "die een tarief nodig hebben en er geen hebben.",
    ),
    create=extend_schema(summary="Abonnementstarief van een jaar invoeren (met de bron)"),
)
class AbonnementstariefViewSet(GedateerdeInstellingViewSet):
    queryset = GelijkgesteldeFeestdag.objects.none()
    serializer_class = BeheerAbonnementstariefSerializer
    invoer = BeheerAbonnementstariefSerializer

    @staticmethod
    def versies_van(gemeente: Gemeente) -> Any:
        return list(voorzieningen_selectors.abonnementstarieven())  # national, not per gemeente

    def lijst(self, request: Request, gemeente: Gemeente) -> Response:
        response = super().lijst(request, gemeente)
        ontbreekt = voorzieningen_selectors.abonnementstarief_ontbreekt(
            vandaag=timezone.localdate()
        )
        if ontbreekt:
            response["X-Eenplan-Tarief-Ontbreekt"] = ", ".join(str(j) for j in ontbreekt)
        return response

    def opslaan(self, request: Request, gemeente: Gemeente, data: dict[str, Any]) -> Any:
        return voorzieningen_services.abonnementstarief_add(**data)


class BeheerInstellingVersieSerializer(serializers.Serializer):
    versie = serializers.IntegerField()
    geldig_vanaf = serializers.DateField()
    waarde = serializers.JSONField()
    samenvatting = serializers.CharField()
    bron = serializers.CharField()
    toelichting = serializers.CharField()
    gewijzigd_door = serializers.CharField(source="gewijzigd_door.username")
    moment = serializers.DateTimeField()


class BeheerInstellingSerializer(serializers.Serializer):
    """One subject: the value in force today (`versie` null: the default), planned versions
    and every stored version."""

    onderwerp = serializers.CharField()
    titel = serializers.CharField()
    waarde = serializers.JSONField(source="waarde_nu")
    samenvatting = serializers.CharField(source="samenvatting_nu")
    versie = serializers.IntegerField(source="nu.versie", allow_null=True, default=None)
    geldig_vanaf = serializers.DateField(source="nu.geldig_vanaf", allow_null=True, default=None)
    bron = serializers.CharField(source="nu.bron", allow_null=True, default=None)
    laatste_versie = serializers.IntegerField()
    versies = BeheerInstellingVersieSerializer(many=True)


class BeheerInstellingInvoerSerializer(serializers.Serializer):
    onderwerp = serializers.ChoiceField(
        choices=[o.value for o in Onderwerp],
        error_messages={"invalid_choice": KEUZE_FOUT, **VERPLICHT},
    )
    waarde = serializers.JSONField(
        help_text="ladder: {extra: [vrijwilligers, collectief_maatwerk]}; rechtmatigheid: "
        "{toetsing: generalist|alle|geen, verzenden_voor_toetsing: bool}; eigen_bijdrage: "
        "{vrijgestelde_categorieen: [collectief_vervoer, woningaanpassing, hulpmiddel], "
        "minimabeleid_percentage: '120'|null, lager_bedrag: '10.00'|null}; teksten: "
        "{teamnaam: 'wijkteam'}; participatie: {direct: '100', werkspoor: '40', "
        "beschut_werk_plaatsen: 5|null, maatregelen: {code: {omschrijving, percentage: '20', "
        "maanden: 1, waarschuwing_eerst: bool}} (weglaten: het voorbeeld van eenplan)}.",
        error_messages=VERPLICHT,
    )
    geldig_vanaf = serializers.DateField(error_messages=VERPLICHT)
    bron = serializers.CharField(max_length=300, error_messages=VERPLICHT)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    basis_versie = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="De versie waarop de wijziging rust; een latere versie van iemand anders "
        "geeft 409 en er verandert niets.",
    )


@extend_schema_view(
    list=extend_schema(
        summary="Gemeentelijke instellingen: wat vandaag geldt en alle versies",
        responses=BeheerInstellingSerializer(many=True),
    ),
    create=extend_schema(
        summary="Nieuwe versie van een gemeentelijke instelling (vanaf vandaag of later)",
        request=BeheerInstellingInvoerSerializer,
        responses={201: BeheerInstellingVersieSerializer},
    ),
)
class InstellingViewSet(GedateerdeInstellingViewSet):
    queryset = GelijkgesteldeFeestdag.objects.none()
    serializer_class = BeheerInstellingSerializer
    invoer = BeheerInstellingInvoerSerializer
    antwoord = BeheerInstellingVersieSerializer

    @staticmethod
    def versies_van(gemeente: Gemeente) -> Any:
        return selectors.instellingen_overzicht(gemeente=gemeente, vandaag=timezone.localdate())

    def opslaan(self, request: Request, gemeente: Gemeente, data: dict[str, Any]) -> Any:
        rij = gemeente_services.instelling_save(door=request.user, gemeente=gemeente, **data)
        rij.samenvatting = selectors.instelling_samenvatting(rij.onderwerp, rij.waarde)  # type: ignore[attr-defined]
        return rij


def register(router: BaseRouter) -> None:
    """Add /api/v1/beheer/… (functioneel beheer)."""
    router.register("beheer/medewerkers", MedewerkerViewSet, basename="beheer-medewerker")
    router.register("beheer/verzoeken", VerzoekViewSet, basename="beheer-verzoek")
    router.register("beheer/regio", RegioViewSet, basename="beheer-regio")
    router.register("beheer/teams", TeamViewSet, basename="beheer-team")
    router.register("beheer/wijken", WijkViewSet, basename="beheer-wijk")
    router.register("beheer/voorzieningen", VoorzieningViewSet, basename="beheer-voorziening")
    router.register("beheer/synoniemen", SynoniemViewSet, basename="beheer-synoniem")
    router.register("beheer/feestdagen", FeestdagViewSet, basename="beheer-feestdag")
    router.register("beheer/instellingen", InstellingViewSet, basename="beheer-instelling")
    router.register(
        "beheer/abonnementstarieven",
        AbonnementstariefViewSet,
        basename="beheer-abonnementstarief",
    )
