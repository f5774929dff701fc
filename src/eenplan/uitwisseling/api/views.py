"""REST: /api/v1/uitwisselingen/ (ask, read, approve, refuse, end; what an exchange shares
with its recipient; the exchanges shared with me; the council's figures) and
/api/v1/uitvoeringen/ (a gezinscoach's households and delivery notes). Same reads as the
pages (`uitwisseling.selectors`), same writes (`uitwisseling.services`), same decisions
(`privacy.access`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import IdField, pagina
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.models import Toestemming
from eenplan.uitwisseling import opzoeken, selectors, services
from eenplan.uitwisseling.constants import Doelsoort, Grondslag, OntvangerSoort, Status
from eenplan.uitwisseling.models import ANTWOORDEN, Uitvoering, Uitwisseling

R, A = Resource, Action


# --- serializers ----------------------------------------------------------------------------


class DelingUitwisselingSerializer(serializers.ModelSerializer):
    huishouden = serializers.IntegerField(source="huishouden_id", read_only=True)
    ontvanger_medewerker = serializers.IntegerField(
        source="ontvanger_medewerker_id", read_only=True, allow_null=True
    )
    toestemming = serializers.IntegerField(source="toestemming_id", read_only=True, allow_null=True)
    vorige = serializers.IntegerField(source="vorige_id", read_only=True, allow_null=True)
    categorieen = serializers.ListField(child=serializers.CharField(), read_only=True)
    aangevraagd_door = serializers.CharField(source="aangevraagd_door.username", read_only=True)
    aantal_inzages = serializers.IntegerField(
        read_only=True, help_text="Hoe vaak de ontvanger de gedeelde gegevens las."
    )

    class Meta:
        model = Uitwisseling
        fields = [
            "id",
            "huishouden",
            "vorige",
            "ontvanger_soort",
            "ontvanger_naam",
            "ontvanger_medewerker",
            "categorieen",
            "doelsoort",
            *ANTWOORDEN,
            "grondslag",
            "toestemming",
            "van",
            "tot",
            "status",
            "aangevraagd_door",
            "besloten_op",
            "weigering_reden",
            "beeindigd_op",
            "beeindiging_reden",
            "aantal_inzages",
            "created_at",
        ]
        read_only_fields = fields


class DelingUitwisselingInputSerializer(serializers.Serializer):
    huishouden = IdField()
    ontvanger_soort = serializers.ChoiceField(choices=OntvangerSoort.choices)
    ontvanger_naam = serializers.CharField(max_length=200, allow_blank=True)
    ontvanger_medewerker = IdField(required=False, allow_null=True)
    categorieen = serializers.ListField(
        child=serializers.CharField(max_length=30),
        allow_empty=True,
        help_text="Soorten gegevens (personalia, huishouden, melding, onderzoek, veiligheid, "
        "plan, beschikking, uitvoering); nooit het hele dossier.",
    )
    doelsoort = serializers.ChoiceField(choices=Doelsoort.choices)
    vraag_gegevens = serializers.CharField(allow_blank=True, required=False, default="")
    vraag_doel = serializers.CharField(allow_blank=True, required=False, default="")
    vraag_noodzaak = serializers.CharField(allow_blank=True, required=False, default="")
    vraag_grondrechten = serializers.CharField(allow_blank=True, required=False, default="")
    vraag_rechten = serializers.CharField(allow_blank=True, required=False, default="")
    grondslag = serializers.ChoiceField(choices=Grondslag.choices)
    toestemming = IdField(required=False, allow_null=True)
    van = serializers.DateField()
    tot = serializers.DateField(required=False, allow_null=True)
    vorige = IdField(required=False, allow_null=True)


class DelingRedenSerializer(serializers.Serializer):
    reden = serializers.CharField(allow_blank=True, max_length=2000)


class DelingFilterSerializer(serializers.Serializer):
    huishouden = IdField(required=False, help_text="Alleen de uitwisselingen van dit huishouden.")
    status = serializers.ChoiceField(choices=Status.choices, required=False)


class DelingGedeeldSerializer(serializers.Serializer):
    uitwisseling = serializers.IntegerField()
    huishouden = serializers.CharField()
    tot = serializers.DateField()
    categorieen = serializers.DictField(
        child=serializers.ListField(child=serializers.DictField()),
        help_text="Per gekozen soort gegevens de rijen; andere soorten staan er niet in.",
    )


class DelingCelSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    label = serializers.CharField()
    aantal = serializers.IntegerField(allow_null=True, help_text="Leeg: niet getoond (1 tot 4).")
    onderdrukt = serializers.BooleanField()


class DelingTabelSerializer(serializers.Serializer):
    titel = serializers.CharField()
    totaal = DelingCelSerializer()
    rijen = DelingCelSerializer(many=True)


class DelingPeriodeSerializer(serializers.Serializer):
    van = serializers.DateField(required=False)
    tot = serializers.DateField(required=False)


class DelingUitvoeringSerializer(serializers.ModelSerializer):
    huishouden = serializers.IntegerField(source="huishouden_id", read_only=True)
    huishouden_naam = serializers.CharField(source="huishouden.naam", read_only=True)

    class Meta:
        model = Uitvoering
        fields = ["id", "huishouden", "huishouden_naam", "van", "tot"]
        read_only_fields = fields


class DelingNotitieSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    datum = serializers.DateField(read_only=True)
    tekst = serializers.CharField()
    auteur = serializers.CharField(source="auteur.username", read_only=True)


# --- viewsets -------------------------------------------------------------------------------


class _Basis(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: list[type] = []


def _via(request: Request) -> access.Via:
    return access.Via.request(request)


def _uit_invoer(
    request: Request, v: dict[str, Any]
) -> tuple[Huishouden, Medewerker | None, Toestemming | None, Uitwisseling | None]:
    """The household, recipient, consent and earlier exchange an exchange request names, each
    within the login's municipality: another municipality's or none is the same logged refusal
    and a Dutch 400 on its field (`access.uit_invoer`, ADR 0046); nothing is asked then."""

    def zoek(veld: str, wat: str, vind: Any) -> Any:
        pk = v.get(veld)
        if pk is None:
            return None
        return access.uit_invoer(
            request.user,
            R.UITWISSELING,
            A.AANMAKEN,
            via=_via(request),
            pk=pk,
            zoek=lambda gemeente_id: vind(pk, gemeente_id),
            wat=wat,
            veld=veld,
        )

    return (
        zoek(
            "huishouden",
            "Huishouden",
            lambda pk, g: Huishouden.objects.filter(pk=pk, gemeente_id=g).first(),
        ),
        zoek(
            "ontvanger_medewerker",
            "Medewerker",
            lambda pk, g: (
                Medewerker.objects.select_related("user").filter(pk=pk, gemeente_id=g).first()
            ),
        ),
        zoek(
            "toestemming",
            "Toestemming",
            lambda pk, g: Toestemming.objects.filter(pk=pk, inwoner__gemeente_id=g).first(),
        ),
        zoek(
            "vorige",
            "Uitwisseling",
            lambda pk, g: selectors.uitwisselingen_van_pk(pk, gemeente_id=g),
        ),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Uitwisselingen van de huishoudens binnen uw werkgebied",
        parameters=[DelingFilterSerializer],
        responses=DelingUitwisselingSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén uitwisseling", responses=DelingUitwisselingSerializer),
    create=extend_schema(
        summary="Uitwisseling aanvragen (de vijf vragen beantwoord, gekozen soorten gegevens)",
        request=DelingUitwisselingInputSerializer,
        responses={201: DelingUitwisselingSerializer},
    ),
)
class UitwisselingViewSet(_Basis):
    """Ask for an exchange, read it, approve or refuse it (the secrecy veto: final, for
    every role), end it."""

    access_rules = {
        "list": (R.UITWISSELING, A.LEZEN),
        "retrieve": (R.UITWISSELING, A.LEZEN),
        "create": (R.UITWISSELING, A.AANMAKEN),
        "goedkeuren": (R.UITWISSELING, A.BESLISSEN),
        "weigeren": (R.UITWISSELING, A.WEIGEREN),
        "beeindigen": (R.UITWISSELING, A.WIJZIGEN),
    }
    queryset = Uitwisseling.objects.none()
    serializer_class = DelingUitwisselingSerializer
    http_method_names = ["get", "post", "head", "options"]

    def _get(self, pk: Any, handeling: Action) -> Uitwisseling:
        gevonden = opzoeken.uitwisseling(
            self.request.user, int(pk), handeling, via=_via(self.request)
        )
        access.require(
            self.request.user,
            R.UITWISSELING,
            handeling,
            via=_via(self.request),
            huishouden=gevonden.huishouden_id,
        )
        return gevonden

    def list(self, request: Request) -> Response:
        f = DelingFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.uitwisselingen_in_scope(request.user)
        if "huishouden" in f.validated_data:
            rijen = rijen.filter(huishouden_id=f.validated_data["huishouden"])
        if "status" in f.validated_data:
            rijen = rijen.filter(status=f.validated_data["status"])
        return pagina(self, request, rijen, DelingUitwisselingSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(DelingUitwisselingSerializer(self._get(pk, A.LEZEN)).data)

    def create(self, request: Request) -> Response:
        data = DelingUitwisselingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        huishouden, ontvanger, toestemming, vorige = _uit_invoer(request, v)
        uitwisseling = services.uitwisseling_vraag(
            door=request.user,
            huishouden=huishouden,
            ontvanger_soort=v["ontvanger_soort"],
            ontvanger_naam=v["ontvanger_naam"],
            ontvanger_medewerker=ontvanger,
            categorieen=v["categorieen"],
            doelsoort=v["doelsoort"],
            antwoorden={veld: v.get(veld, "") for veld in ANTWOORDEN},
            grondslag=v["grondslag"],
            toestemming=toestemming,
            van=v["van"],
            tot=v.get("tot"),
            vorige=vorige,
            via=_via(request),
        )
        return Response(
            DelingUitwisselingSerializer(
                selectors.uitwisselingen_van_pk(
                    uitwisseling.pk, gemeente_id=uitwisseling.gemeente_id
                )
            ).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="Goedkeuren (409 als er intussen al besloten is, of als zij geweigerd is)",
        request=None,
        responses=DelingUitwisselingSerializer,
    )
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request: Request, pk: Any = None) -> Response:
        u = self._get(pk, A.BESLISSEN)
        services.uitwisseling_goedkeuren(door=request.user, uitwisseling=u, via=_via(request))
        return Response(
            DelingUitwisselingSerializer(
                selectors.uitwisselingen_van_pk(u.pk, gemeente_id=u.gemeente_id)
            ).data
        )

    @extend_schema(
        summary="Weigeren op grond van beroepsgeheim of ethiek (definitief; met reden)",
        request=DelingRedenSerializer,
        responses=DelingUitwisselingSerializer,
    )
    @action(detail=True, methods=["post"])
    def weigeren(self, request: Request, pk: Any = None) -> Response:
        u = self._get(pk, A.WEIGEREN)
        data = DelingRedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.uitwisseling_weigeren(
            door=request.user,
            uitwisseling=u,
            reden=data.validated_data["reden"],
            via=_via(request),
        )
        return Response(
            DelingUitwisselingSerializer(
                selectors.uitwisselingen_van_pk(u.pk, gemeente_id=u.gemeente_id)
            ).data
        )

    @extend_schema(
        summary="Beëindigen (met reden); een geweigerde uitwisseling blijft geweigerd",
        request=DelingRedenSerializer,
        responses=DelingUitwisselingSerializer,
    )
    @action(detail=True, methods=["post"])
    def beeindigen(self, request: Request, pk: Any = None) -> Response:
        u = self._get(pk, A.WIJZIGEN)
        data = DelingRedenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.uitwisseling_beeindigen(
            door=request.user,
            uitwisseling=u,
            reden=data.validated_data["reden"],
            via=_via(request),
        )
        return Response(
            DelingUitwisselingSerializer(
                selectors.uitwisselingen_van_pk(u.pk, gemeente_id=u.gemeente_id)
            ).data
        )


class GedeeldViewSet(_Basis):
    """What one exchange shares: for its named recipient only (`access.decide_gedeeld`)."""

    access_rules = {"gedeeld": (R.GEDEELD, A.LEZEN)}
    access_actor = access.ONTVANGER
    queryset = Uitwisseling.objects.none()
    serializer_class = DelingGedeeldSerializer

    @extend_schema(
        summary="De gedeelde gegevens: alleen voor de ontvanger, alleen de gekozen soorten, "
        "alleen in de periode (elke inzage vastgelegd)",
        responses=DelingGedeeldSerializer,
    )
    @action(detail=True, methods=["get"])
    def gedeeld(self, request: Request, pk: Any = None) -> Response:
        uitwisseling = opzoeken.uitwisseling(
            request.user,
            int(pk),  # type: ignore[arg-type]
            A.LEZEN,
            via=_via(request),
            resource=R.GEDEELD,
        )
        data = selectors.gedeelde_gegevens(
            actor=request.user, uitwisseling=uitwisseling, via=_via(request)
        )
        return Response(
            DelingGedeeldSerializer(
                {
                    "uitwisseling": uitwisseling.pk,
                    "huishouden": str(uitwisseling.huishouden),
                    "tot": uitwisseling.tot,
                    "categorieen": data.onderdelen,
                }
            ).data
        )


@extend_schema_view(
    list=extend_schema(
        summary="Uitwisselingen waarvan u de ontvanger bent",
        responses=DelingUitwisselingSerializer(many=True),
    )
)
class OntvangenViewSet(_Basis):
    access_rules = {"list": (R.GEDEELD, A.LEZEN)}
    queryset = Uitwisseling.objects.none()
    serializer_class = DelingUitwisselingSerializer

    def list(self, request: Request) -> Response:
        rijen = selectors.ontvangen(request.user)
        access.log_shown(
            request.user,
            selectors.leden_van(set(rijen.values_list("huishouden_id", flat=True))),
            resource=R.GEDEELD,
            via=_via(request),
        )
        return pagina(self, request, rijen, DelingUitwisselingSerializer)


@extend_schema_view(
    list=extend_schema(
        summary="Cijfers voor de raad: per doel, ontvanger, grondslag en uitkomst (de "
        "weigeringen); kleine aantallen niet getoond",
        parameters=[DelingPeriodeSerializer],
        responses=DelingTabelSerializer(many=True),
    )
)
class CijfersViewSet(_Basis):
    access_rules = {"list": (R.UITWISSELING_CIJFERS, A.LEZEN)}
    queryset = Uitwisseling.objects.none()
    serializer_class = DelingTabelSerializer
    pagination_class = None

    def list(self, request: Request) -> Response:
        gemeente = access.gemeente_van(request)
        f = DelingPeriodeSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        vandaag = timezone.localdate()
        van = f.validated_data.get("van", dt.date(vandaag.year, 1, 1))
        tot = f.validated_data.get("tot", vandaag)
        tabellen = selectors.cijfers(gemeente_id=gemeente.pk, van=van, tot=tot)

        def cel(c: Any) -> dict[str, Any]:
            return {
                "sleutel": c.sleutel,
                "label": c.label,
                "aantal": None if c.onderdrukt else c.eenheden,
                "onderdrukt": c.onderdrukt,
            }

        return Response(
            [
                {"titel": t.titel, "totaal": cel(t.totaal), "rijen": [cel(r) for r in t.rijen]}
                for t in tabellen
            ]
        )


@extend_schema_view(
    list=extend_schema(
        summary="De huishoudens waar u als gezinscoach uitvoert",
        responses=DelingUitvoeringSerializer(many=True),
    )
)
class MijnUitvoeringenViewSet(_Basis):
    access_rules = {"list": (R.UITVOERING, A.LEZEN)}
    queryset = Uitvoering.objects.none()
    serializer_class = DelingUitvoeringSerializer

    def list(self, request: Request) -> Response:
        return pagina(
            self, request, selectors.mijn_uitvoeringen(request.user), DelingUitvoeringSerializer
        )


class UitvoeringViewSet(_Basis):
    """The delivery notes of a household: for the gezinscoach who delivers to it only."""

    access_rules = {
        "notities": (R.UITVOERING, A.LEZEN),
        "notitie_toevoegen": (R.UITVOERING, A.AANMAKEN),
    }
    access_actor = access.UITVOERDER
    queryset = Uitvoering.objects.none()
    serializer_class = DelingNotitieSerializer

    def _get(self, pk: Any, handeling: Action) -> Uitvoering:
        # Within the login's municipality: another municipality's is a 404 like an unknown
        # one, logged (ADR 0046), not a refusal on the relation that tells it exists.
        uitvoering_id = int(pk)
        gevonden = access.get_or_refuse(
            self.request.user,
            R.UITVOERING,
            handeling,
            via=_via(self.request),
            pk=uitvoering_id,
            zoek=lambda gemeente_id: Uitvoering.objects.select_related("huishouden")
            .filter(pk=uitvoering_id, huishouden__gemeente_id=gemeente_id)
            .first(),
            wat="Uitvoering",
            niet_gevonden="Deze uitvoering bestaat niet.",
        )
        decision = access.decide_uitvoering(
            self.request.user,
            handeling,
            huishouden=gevonden.huishouden_id,
            uitvoerders=selectors.uitvoerder_ids(gevonden.huishouden_id),
            via=_via(self.request),
        )
        if not decision.allowed:
            raise access.Refused(decision)
        return gevonden

    @extend_schema(summary="Uitvoeringsnotities", responses=DelingNotitieSerializer(many=True))
    @action(detail=True, methods=["get"])
    def notities(self, request: Request, pk: Any = None) -> Response:
        notities = selectors.notities(self._get(pk, A.LEZEN))
        return pagina(self, request, notities, DelingNotitieSerializer)

    @extend_schema(
        summary="Uitvoeringsnotitie toevoegen",
        request=DelingNotitieSerializer,
        responses={201: DelingNotitieSerializer},
    )
    @notities.mapping.post
    def notitie_toevoegen(self, request: Request, pk: Any = None) -> Response:
        uitvoering = self._get(pk, A.AANMAKEN)
        data = DelingNotitieSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        notitie = services.uitvoeringsnotitie_add(
            door=request.user,
            uitvoering=uitvoering,
            tekst=data.validated_data["tekst"],
            via=_via(request),
        )
        return Response(DelingNotitieSerializer(notitie).data, status=status.HTTP_201_CREATED)
