"""REST for mantelzorg and volunteers (issue 15): /api/v1/mantelzorgers/, respijtvragen/,
mantelzorgwaarderingen/, mantelzorgwaardering-regelingen/, vrijwilligers/, klussen/ and the care
circle's /api/v1/portaal/kring/. Same reads as the pages (`mantelzorg.selectors`), same writes
(`mantelzorg.services`); access through `privacy.access` (RolePermission for the role, then the
record's resident), every decision logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from eenplan.common.api import pagina, vastleggen
from eenplan.common.api.gedateerd import GedateerdeInstellingViewSet
from eenplan.gemeente.models import Wijk
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.mantelzorg import opzoeken, selectors, services
from eenplan.mantelzorg.constants import (
    DAGDEEL_CHOICES,
    AangevraagdDoor,
    BasisfunctieChoices,
    KlusDagdeel,
    KlusStatus,
    MatchUitkomst,
    RespijtSoort,
    RespijtStatus,
    TaakChoices,
    Vaardigheid,
    WaarderingVormChoices,
)
from eenplan.mantelzorg.models import (
    Belasting,
    Klus,
    KringToewijzing,
    Mantelzorger,
    Match,
    Ondersteuning,
    RespijtzorgVraag,
    VogTermijn,
    Vrijwilliger,
    Waardering,
    WaarderingRegeling,
    Zorgrelatie,
)
from eenplan.onderzoeken import selectors as onderzoeken_selectors
from eenplan.plannen.models import Actie
from eenplan.portaal.api.views import InwonerPermission
from eenplan.privacy import access
from eenplan.privacy.access import Action, ActorKind, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.rules import mantelzorg as regels

R, A = Resource, Action


def _via(request: Request) -> access.Via:
    return access.Via.request(request)


def _pk(pk: Any, tekst: str) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError) as exc:
        raise NotFound(tekst) from exc


# --- serializers ----------------------------------------------------------------------------


class BelastingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Belasting
        fields = ["id", "onderzoek", "overbelast", "vastgesteld_op", "toelichting"]


class ZorgrelatieSerializer(serializers.ModelSerializer):
    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)
    belastingen = BelastingSerializer(many=True, read_only=True)

    class Meta:
        model = Zorgrelatie
        fields = [
            "id",
            "inwoner",
            "inwoner_naam",
            "relatie",
            "uren_per_week",
            "sinds",
            "tot",
            "taken",
            "belastingen",
        ]


class MantelzorgerSerializer(serializers.ModelSerializer):
    jong = serializers.SerializerMethodField(help_text="Jonge mantelzorger: onder 18 (BW 1:233).")
    zorgrelaties = ZorgrelatieSerializer(many=True, read_only=True)

    class Meta:
        model = Mantelzorger
        fields = [
            "id",
            "naam",
            "als_inwoner",
            "geboortedatum",
            "woonplaats",
            "jong",
            "zorgrelaties",
        ]

    def get_jong(self, obj: Mantelzorger) -> bool:
        return regels.is_jonge_mantelzorger(obj.geboortedatum, timezone.localdate())


class OndersteuningSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ondersteuning
        fields = ["id", "basisfunctie", "aanbieder", "datum", "omschrijving"]


class RespijtSerializer(serializers.ModelSerializer):
    class Meta:
        model = RespijtzorgVraag
        fields = [
            "id",
            "mantelzorger",
            "inwoner",
            "soort",
            "gevraagd_op",
            "uren_gevraagd",
            "status",
            "afgehandeld_op",
            "uren_geleverd",
            "aanbieder",
            "toelichting",
        ]


class WaarderingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Waardering
        fields = [
            "id",
            "mantelzorger",
            "jaar",
            "vorm",
            "bedrag",
            "aangevraagd_op",
            "aangevraagd_door",
            "namens",
        ]


class MantelzorgerDetailSerializer(MantelzorgerSerializer):
    ondersteuningen = OndersteuningSerializer(many=True, read_only=True)
    respijtvragen = RespijtSerializer(many=True, read_only=True)
    waarderingen = WaarderingSerializer(many=True, read_only=True)

    class Meta(MantelzorgerSerializer.Meta):
        fields = [
            *MantelzorgerSerializer.Meta.fields,
            "telefoon",
            "ondersteuningen",
            "respijtvragen",
            "waarderingen",
        ]


class RegistrerenSerializer(serializers.Serializer):
    verzorgde = serializers.IntegerField(help_text="De inwoner voor wie gezorgd wordt.")
    naam = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    als_inwoner = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Als de mantelzorger inwoner is."
    )
    geboortedatum = serializers.DateField(required=False, allow_null=True, default=None)
    woonplaats = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    telefoon = serializers.CharField(max_length=20, required=False, default="", allow_blank=True)
    relatie = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    netwerkpersoon = serializers.IntegerField(required=False, allow_null=True, default=None)
    uren_per_week = serializers.DecimalField(max_digits=5, decimal_places=1)
    sinds = serializers.DateField()
    taken = serializers.ListField(
        child=serializers.ChoiceField(choices=TaakChoices.choices), required=False, default=list
    )


class ZorgrelatieInputSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField()
    relatie = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    uren_per_week = serializers.DecimalField(max_digits=5, decimal_places=1)
    sinds = serializers.DateField()
    taken = serializers.ListField(
        child=serializers.ChoiceField(choices=TaakChoices.choices), required=False, default=list
    )


class BelastingInputSerializer(serializers.Serializer):
    onderzoek = serializers.IntegerField()
    zorgrelatie = serializers.IntegerField()
    overbelast = serializers.BooleanField()
    vastgesteld_op = serializers.DateField()
    toelichting = serializers.CharField(required=False, default="", allow_blank=True)


class OndersteuningInputSerializer(serializers.Serializer):
    basisfunctie = serializers.ChoiceField(choices=BasisfunctieChoices.choices)
    aanbieder = serializers.CharField(max_length=200)
    datum = serializers.DateField()
    omschrijving = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )


class RespijtInputSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(help_text="De verzorgde inwoner.")
    soort = serializers.ChoiceField(choices=RespijtSoort.choices)
    gevraagd_op = serializers.DateField()
    uren_gevraagd = serializers.DecimalField(max_digits=6, decimal_places=1)
    toelichting = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )


class AfhandelenInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[c for c in RespijtStatus.choices if c[0] != RespijtStatus.OPEN]
    )
    afgehandeld_op = serializers.DateField()
    uren_geleverd = serializers.DecimalField(
        max_digits=6, decimal_places=1, required=False, allow_null=True, default=None
    )
    aanbieder = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    toelichting = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )


class WaarderingInputSerializer(serializers.Serializer):
    namens = serializers.IntegerField(help_text="De verzorgde inwoner.")
    aangevraagd_door = serializers.ChoiceField(choices=AangevraagdDoor.choices)
    aangevraagd_op = serializers.DateField()


class RespijtFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RespijtStatus.choices, required=False, default="")


class PeriodeSerializer(serializers.Serializer):
    van = serializers.DateField(required=False, help_text="Standaard 1 januari van dit jaar.")
    tot = serializers.DateField(required=False, help_text="Standaard vandaag.")


class RespijtRegelSerializer(serializers.Serializer):
    soort = serializers.CharField()
    label = serializers.CharField()
    gevraagd = serializers.IntegerField()
    uren_gevraagd = serializers.DecimalField(max_digits=10, decimal_places=1)
    geleverd = serializers.IntegerField()
    uren_geleverd = serializers.DecimalField(max_digits=10, decimal_places=1)
    niet_geleverd = serializers.IntegerField()
    open = serializers.IntegerField()
    dekking = serializers.DecimalField(
        max_digits=6, decimal_places=1, allow_null=True, help_text="Uren geleverd / gevraagd, %."
    )
    gemiddelde_wachtdagen = serializers.DecimalField(
        max_digits=8, decimal_places=1, allow_null=True
    )


class JaarFilterSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(required=False, min_value=2015, max_value=2100)


class RegelingSerializer(serializers.ModelSerializer):
    class Meta:
        model = WaarderingRegeling
        fields = ["id", "versie", "geldig_vanaf", "vorm", "bedrag", "omschrijving", "bron"]


class RegelingInputSerializer(serializers.Serializer):
    vorm = serializers.ChoiceField(choices=WaarderingVormChoices.choices)
    bedrag = serializers.DecimalField(
        max_digits=8, decimal_places=2, required=False, allow_null=True, default=None
    )
    omschrijving = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )
    geldig_vanaf = serializers.DateField()
    bron = serializers.CharField(max_length=300)


class VogTermijnSerializer(serializers.ModelSerializer):
    class Meta:
        model = VogTermijn
        fields = ["id", "versie", "geldig_vanaf", "maanden", "bron"]


class VogTermijnInputSerializer(serializers.Serializer):
    maanden = serializers.IntegerField(help_text="Zo lang na de datum telt een VOG (1-120).")
    geldig_vanaf = serializers.DateField()
    bron = serializers.CharField(max_length=300)


class VrijwilligerSerializer(serializers.ModelSerializer):
    wijk_naam = serializers.CharField(source="wijk.naam", read_only=True)
    vog_verlopen = serializers.SerializerMethodField(
        help_text="De VOG telt vandaag niet (meer) volgens de termijn van de gemeente, of "
        "ontbreekt terwijl de gemeente er een vraagt."
    )

    def get_vog_verlopen(self, obj: Vrijwilliger) -> bool:
        bekend = getattr(obj, "vog_verlopen", None)
        if bekend is not None:
            return bool(bekend)
        versies = selectors.vog_termijn_versies(obj.gemeente_id)
        return bool(selectors.vog_te_oud(obj, timezone.localdate(), versies))

    class Meta:
        model = Vrijwilliger
        fields = [
            "id",
            "naam",
            "wijk",
            "wijk_naam",
            "telefoon",
            "email",
            "vaardigheden",
            "beschikbaarheid",
            "vog_datum",
            "vog_verlopen",
            "actief",
            "via_tegenprestatie",
        ]


class VrijwilligerInputSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    wijk = serializers.IntegerField()
    telefoon = serializers.CharField(max_length=20, required=False, default="", allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, default="", allow_blank=True)
    vaardigheden = serializers.ListField(
        child=serializers.ChoiceField(choices=Vaardigheid.choices), required=False, default=list
    )
    beschikbaarheid = serializers.ListField(
        child=serializers.ChoiceField(choices=DAGDEEL_CHOICES),
        help_text="Dagdelen als ma_ochtend, di_middag, za_avond.",
    )
    vog_datum = serializers.DateField(required=False, allow_null=True, default=None)
    actief = serializers.BooleanField(required=False, default=True)


class VrijwilligerswerkAanbiedenSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(help_text="De inwoner die de tegenprestatie doet.")
    vaardigheden = serializers.ListField(
        child=serializers.ChoiceField(choices=Vaardigheid.choices), required=False, default=list
    )
    beschikbaarheid = serializers.ListField(
        child=serializers.ChoiceField(choices=DAGDEEL_CHOICES),
        help_text="Dagdelen als ma_ochtend, di_middag, za_avond.",
    )


class PassendeKlusSerializer(serializers.ModelSerializer):
    wijk_naam = serializers.CharField(source="wijk.naam", read_only=True)

    class Meta:
        model = Klus
        fields = ["id", "vaardigheid", "omschrijving", "datum", "dagdeel", "wijk", "wijk_naam"]


class VrijwilligerswerkAanbodSerializer(serializers.Serializer):
    vrijwilliger = VrijwilligerSerializer()
    passende_klussen = PassendeKlusSerializer(
        many=True,
        help_text="Open klussen die passen (vaardigheid, beschikbaarheid; eigen wijk eerst).",
    )


class VrijwilligerFilterSerializer(serializers.Serializer):
    zoek = serializers.CharField(required=False, default="", max_length=100)
    wijk = serializers.IntegerField(required=False)
    vaardigheid = serializers.ChoiceField(choices=Vaardigheid.choices, required=False, default="")


class MatchSerializer(serializers.ModelSerializer):
    vrijwilliger_naam = serializers.CharField(source="vrijwilliger.naam", read_only=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "vrijwilliger",
            "vrijwilliger_naam",
            "gekoppeld_op",
            "uitkomst",
            "uitkomst_op",
            "toelichting",
        ]


class KlusSerializer(serializers.ModelSerializer):
    hulpvrager_naam = serializers.CharField(source="hulpvrager.naam", read_only=True)
    matches = MatchSerializer(many=True, read_only=True)

    class Meta:
        model = Klus
        fields = [
            "id",
            "hulpvrager",
            "hulpvrager_naam",
            "wijk",
            "vaardigheid",
            "omschrijving",
            "datum",
            "dagdeel",
            "status",
            "matches",
        ]


class KlusInputSerializer(serializers.Serializer):
    hulpvrager = serializers.IntegerField()
    vaardigheid = serializers.ChoiceField(choices=Vaardigheid.choices)
    omschrijving = serializers.CharField(max_length=300)
    datum = serializers.DateField()
    dagdeel = serializers.ChoiceField(choices=KlusDagdeel.choices)


class KlusFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=KlusStatus.choices, required=False, default="")


class KoppelenInputSerializer(serializers.Serializer):
    vrijwilliger = serializers.IntegerField()


class UitkomstInputSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=[c for c in MatchUitkomst.choices if c[0]])
    op = serializers.DateField()
    toelichting = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )


class KringActieSerializer(serializers.ModelSerializer):
    actie = serializers.IntegerField(source="actie_id")
    omschrijving = serializers.CharField(source="actie.omschrijving")
    uiterlijk = serializers.DateField(source="actie.uiterlijk", allow_null=True)
    gedaan_op = serializers.DateField(source="actie.gedaan_op", allow_null=True)
    voor = serializers.CharField(source="netwerkpersoon.inwoner.naam")

    class Meta:
        model = KringToewijzing
        fields = ["actie", "omschrijving", "uiterlijk", "gedaan_op", "voor"]


# --- viewsets ------------------------------------------------------------------------------------


class _Basis(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: list[type] = []
    access_rules: dict[str, tuple[Resource, Action]]

    def _inwoner(self, request: Request, pk: int, veld: str = "inwoner") -> Inwoner:
        """A resident the body names in `veld`, within the login's municipality; else a 400 on
        that field and the refusal logged for this action (`access.inwoner_uit_invoer`). The
        services decide need-to-know on the resident found."""
        resource, action = self.access_rules[self.action]
        return access.inwoner_uit_invoer(
            request.user, resource, action, via=_via(request), pk=pk, veld=veld
        )

    def _uit_invoer(
        self, request: Request, pk: int, zoek: Callable[[int | None], Any], *, wat: str, veld: str
    ) -> Any:
        """A record (not a resident: `_inwoner`) the body names in `veld`, found by `zoek`
        within the login's municipality; else the same logged refusal and Dutch 400 on that
        field for another municipality's record and for none (`access.uit_invoer`, ADR 0046)."""
        resource, action = self.access_rules[self.action]
        return access.uit_invoer(
            request.user, resource, action, via=_via(request), pk=pk, zoek=zoek, wat=wat, veld=veld
        )

    def _pagina_gelogd(
        self,
        request: Request,
        rijen: Any,
        serializer_class: type[serializers.BaseSerializer],
        inwoners: Any,
        resource: Resource = R.MANTELZORG,
    ) -> Response:
        """One page of `rijen`, the residents it shows (`inwoners(page)`, as loaded with the
        rows) logged as read, each in their municipality as read (no lookup of its own)."""
        page = self.paginate_queryset(rijen)
        getoond = inwoners(page)
        access.log_shown(
            request.user,
            [i.pk for i in getoond],
            resource=resource,
            via=_via(request),
            gemeenten={i.pk: i.gemeente_id for i in getoond},
        )
        return self.get_paginated_response(serializer_class(page, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="Mantelzorgers van inwoners binnen uw werkgebied",
        responses=MantelzorgerSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Eén mantelzorger met ondersteuning, respijtzorg en waarderingen (gelogd)",
        responses=MantelzorgerDetailSerializer,
    ),
    create=extend_schema(
        summary="Mantelzorger registreren bij een inwoner",
        description="Uren per week, sinds wanneer, taken. Een mantelzorger die zelf inwoner is "
        "krijgt de nieuwe zorg op zijn bestaande registratie. Geweigerd (400): mantelzorger "
        "van zichzelf, uren buiten 0-168, een begin in de toekomst.",
        request=RegistrerenSerializer,
        responses={201: MantelzorgerDetailSerializer},
    ),
)
class MantelzorgerViewSet(_Basis):
    access_rules = {
        "list": (R.MANTELZORG, A.LEZEN),
        "retrieve": (R.MANTELZORG, A.LEZEN),
        "create": (R.MANTELZORG, A.AANMAKEN),
        "zorgrelaties": (R.MANTELZORG, A.AANMAKEN),
        "belasting": (R.ONDERZOEK, A.WIJZIGEN),
        "ondersteuning": (R.MANTELZORG, A.WIJZIGEN),
        "respijt": (R.MANTELZORG, A.WIJZIGEN),
        "waardering": (R.MANTELZORG, A.WIJZIGEN),
    }
    queryset = Mantelzorger.objects.none()
    serializer_class = MantelzorgerSerializer

    def list(self, request: Request) -> Response:
        return self._pagina_gelogd(
            request,
            selectors.mantelzorgers_in_scope(request.user),
            MantelzorgerSerializer,
            lambda page: [r.inwoner for mz in page for r in mz.zorgrelaties.all()],
        )

    def _get(self, request: Request, pk: Any, handeling: Action) -> Mantelzorger:
        mz_id = _pk(pk, "Deze mantelzorger bestaat niet.")
        mz = opzoeken.mantelzorger(request.user, mz_id, handeling, via=_via(request))
        services.mantelzorger_require(request.user, mz, handeling, via=_via(request))
        return mz

    def _gemeente_id(self) -> int | None:
        return access.Actor.of(self.request.user).gemeente_id

    def _detail(self, pk: int) -> Any:
        mz = selectors.mantelzorger_get(pk, gemeente_id=self._gemeente_id())
        return MantelzorgerDetailSerializer(mz).data

    def _vastleggen(
        self,
        request: Request,
        mz: Mantelzorger,
        invoer: type[serializers.Serializer],
        dienst: Any,
        *,
        inwoner: str = "",
    ) -> Response:
        """An action on one carer: the service `dienst` records it for `mz` (the resident whose
        id is in the body's field `inwoner`, when named, passed under that name) and the
        answer is the carer (201)."""

        def opslaan(d: dict[str, Any]) -> Any:
            if inwoner:
                d[inwoner] = self._inwoner(request, d.pop(inwoner))
            return dienst(mantelzorger=mz, actor=request.user, via=_via(request), **d)

        return vastleggen(request, invoer, opslaan, lambda _gedaan: self._detail(mz.pk))

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(self._detail(self._get(request, pk, A.LEZEN).pk))

    def create(self, request: Request) -> Response:
        def registreren(d: dict[str, Any]) -> Zorgrelatie:
            verzorgde = self._inwoner(request, d.pop("verzorgde"), "verzorgde")
            als = d.pop("als_inwoner")
            netwerk = d.pop("netwerkpersoon")
            return services.mantelzorger_register(
                verzorgde=verzorgde,
                als_inwoner=self._inwoner(request, als, "als_inwoner") if als else None,
                netwerkpersoon=(
                    self._uit_invoer(
                        request,
                        netwerk,
                        lambda g: Netwerkpersoon.objects.filter(
                            pk=netwerk, inwoner__gemeente_id=g
                        ).first(),
                        wat="Netwerkpersoon",
                        veld="netwerkpersoon",
                    )
                    if netwerk
                    else None
                ),
                actor=request.user,
                via=_via(request),
                **d,
            )

        return vastleggen(
            request,
            RegistrerenSerializer,
            registreren,
            lambda relatie: self._detail(relatie.mantelzorger_id),
        )

    @extend_schema(
        summary="De mantelzorger zorgt ook voor een andere inwoner",
        request=ZorgrelatieInputSerializer,
        responses={201: MantelzorgerDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def zorgrelaties(self, request: Request, pk: Any = None) -> Response:
        mz = self._get(request, pk, A.LEZEN)
        return self._vastleggen(
            request, mz, ZorgrelatieInputSerializer, services.zorgrelatie_add, inwoner="inwoner"
        )

    @extend_schema(
        summary="Belasting (overbelast ja/nee, datum) vastleggen in het lopende onderzoek",
        request=BelastingInputSerializer,
        responses={201: MantelzorgerDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def belasting(self, request: Request, pk: Any = None) -> Response:
        mz = self._get(request, pk, A.LEZEN)

        def belasting(d: dict[str, Any]) -> Belasting:
            onderzoek_id = d.pop("onderzoek")
            onderzoek = self._uit_invoer(
                request,
                onderzoek_id,
                lambda g: onderzoeken_selectors.binnen_gemeente(g).filter(pk=onderzoek_id).first(),
                wat="Onderzoek",
                veld="onderzoek",
            )
            relatie = mz.zorgrelaties.filter(pk=d.pop("zorgrelatie")).first()
            if relatie is None:
                raise ValidationError("Onbekend onderzoek of onbekende zorg van deze mantelzorger.")
            return services.belasting_vastleggen(
                onderzoek=onderzoek, zorgrelatie=relatie, actor=request.user, via=_via(request), **d
            )

        return vastleggen(
            request, BelastingInputSerializer, belasting, lambda _b: self._detail(mz.pk)
        )

    @extend_schema(
        summary="Ondersteuning vastleggen (een van de acht basisfuncties)",
        request=OndersteuningInputSerializer,
        responses={201: MantelzorgerDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def ondersteuning(self, request: Request, pk: Any = None) -> Response:
        mz = self._get(request, pk, A.WIJZIGEN)
        return self._vastleggen(
            request, mz, OndersteuningInputSerializer, services.ondersteuning_add
        )

    @extend_schema(
        summary="Vraag om respijtzorg vastleggen",
        request=RespijtInputSerializer,
        responses={201: MantelzorgerDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def respijt(self, request: Request, pk: Any = None) -> Response:
        mz = self._get(request, pk, A.WIJZIGEN)
        return self._vastleggen(
            request, mz, RespijtInputSerializer, services.respijt_vraag_add, inwoner="inwoner"
        )

    @extend_schema(
        summary="Mantelzorgwaardering van dit jaar toekennen (één per jaar)",
        description="Vorm en bedrag volgen de regeling van de gemeente op de datum van de "
        "aanvraag (Wmo 2015 art. 2.1.6). Een tweede in hetzelfde jaar: 400.",
        request=WaarderingInputSerializer,
        responses={201: MantelzorgerDetailSerializer},
    )
    @action(detail=True, methods=["post"])
    def waardering(self, request: Request, pk: Any = None) -> Response:
        mz = self._get(request, pk, A.WIJZIGEN)
        return self._vastleggen(
            request, mz, WaarderingInputSerializer, services.waardering_aanvragen, inwoner="namens"
        )


@extend_schema_view(
    list=extend_schema(
        summary="Vragen om respijtzorg binnen uw werkgebied",
        parameters=[RespijtFilterSerializer],
        responses=RespijtSerializer(many=True),
    ),
)
class RespijtViewSet(_Basis):
    access_rules = {
        "list": (R.MANTELZORG, A.LEZEN),
        "afhandelen": (R.MANTELZORG, A.WIJZIGEN),
        "vraag_aanbod": (R.MANTELZORG, A.LEZEN),
    }
    queryset = RespijtzorgVraag.objects.none()
    serializer_class = RespijtSerializer

    def list(self, request: Request) -> Response:
        f = RespijtFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.respijtvragen_in_scope(request.user, status=f.validated_data["status"])
        return self._pagina_gelogd(
            request, rijen, RespijtSerializer, lambda page: [v.inwoner for v in page]
        )

    @extend_schema(
        summary="Uitkomst van een vraag om respijtzorg: geleverd, niet geleverd, ingetrokken",
        request=AfhandelenInputSerializer,
        responses=RespijtSerializer,
    )
    @action(detail=True, methods=["post"])
    def afhandelen(self, request: Request, pk: Any = None) -> Response:
        vraag_id = _pk(pk, "Onbekende vraag.")
        vraag = access.get_or_refuse(
            request.user,
            R.MANTELZORG,
            A.WIJZIGEN,
            via=_via(request),
            pk=vraag_id,
            zoek=lambda gemeente_id: (
                RespijtzorgVraag.objects.filter(
                    pk=vraag_id,
                    mantelzorger__gemeente_id=gemeente_id,
                    inwoner__gemeente_id=gemeente_id,
                )
                .select_related("inwoner")
                .first()
            ),
            wat="Vraag om respijtzorg",
            niet_gevonden="Deze vraag om respijtzorg bestaat niet.",
        )
        access.require(
            request.user, R.MANTELZORG, A.WIJZIGEN, via=_via(request), inwoner=vraag.inwoner
        )
        return vastleggen(
            request,
            AfhandelenInputSerializer,
            lambda d: services.respijt_vraag_afhandelen(
                vraag=vraag, actor=request.user, via=_via(request), **d
            ),
            lambda afgehandeld: RespijtSerializer(afgehandeld).data,
            status_code=status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Respijtzorg: vraag en aanbod per soort (alleen aantallen)",
        parameters=[PeriodeSerializer],
        responses=RespijtRegelSerializer(many=True),
    )
    @action(detail=False, methods=["get"], url_path="vraag-aanbod", pagination_class=None)
    def vraag_aanbod(self, request: Request) -> Response:
        f = PeriodeSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        vandaag = timezone.localdate()
        van: dt.date = f.validated_data.get("van") or vandaag.replace(month=1, day=1)
        tot: dt.date = f.validated_data.get("tot") or vandaag
        regels_ = selectors.respijt_vraag_aanbod(gemeente=user_gemeente(request), van=van, tot=tot)
        return Response(RespijtRegelSerializer(regels_, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="Mantelzorgwaarderingen binnen uw werkgebied",
        parameters=[JaarFilterSerializer],
        responses=WaarderingSerializer(many=True),
    ),
)
class WaarderingViewSet(_Basis):
    access_rules = {"list": (R.MANTELZORG, A.LEZEN)}
    queryset = Waardering.objects.none()
    serializer_class = WaarderingSerializer

    def list(self, request: Request) -> Response:
        f = JaarFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.waarderingen_in_scope(request.user, jaar=f.validated_data.get("jaar"))
        return self._pagina_gelogd(
            request, rijen, WaarderingSerializer, lambda page: [w.namens for w in page]
        )


@extend_schema_view(
    list=extend_schema(
        summary="Regeling mantelzorgwaardering: alle versies (Wmo 2015 art. 2.1.6)",
        responses=RegelingSerializer(many=True),
    ),
    create=extend_schema(
        summary="Nieuwe versie van de regeling (bedrag of bijeenkomst, vanaf een datum, bron)",
        request=RegelingInputSerializer,
        responses={201: RegelingSerializer},
    ),
)
class RegelingViewSet(GedateerdeInstellingViewSet):
    queryset = WaarderingRegeling.objects.none()
    serializer_class = RegelingSerializer
    invoer = RegelingInputSerializer
    versies_van = selectors.regelingen
    dienst = services.regeling_save


@extend_schema_view(
    list=extend_schema(
        summary="Termijn VOG van vrijwilligers: alle versies (Wjsg art. 28 geeft geen termijn)",
        responses=VogTermijnSerializer(many=True),
    ),
    create=extend_schema(
        summary="Nieuwe versie van de termijn VOG (maanden, vanaf een datum, bron)",
        request=VogTermijnInputSerializer,
        responses={201: VogTermijnSerializer},
    ),
)
class VogTermijnViewSet(GedateerdeInstellingViewSet):
    queryset = VogTermijn.objects.none()
    serializer_class = VogTermijnSerializer
    invoer = VogTermijnInputSerializer
    versies_van = selectors.vog_termijnen
    dienst = services.vog_termijn_save


@extend_schema_view(
    list=extend_schema(
        summary="Vrijwilligers van uw gemeente",
        parameters=[VrijwilligerFilterSerializer],
        responses=VrijwilligerSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén vrijwilliger", responses=VrijwilligerSerializer),
    create=extend_schema(
        summary="Vrijwilliger toevoegen (beschikbaarheid, vaardigheden, wijk, datum VOG)",
        request=VrijwilligerInputSerializer,
        responses={201: VrijwilligerSerializer},
    ),
    update=extend_schema(
        summary="Vrijwilliger wijzigen (alle velden)",
        request=VrijwilligerInputSerializer,
        responses=VrijwilligerSerializer,
    ),
)
class VrijwilligerViewSet(_Basis):
    access_rules = {
        "list": (R.VRIJWILLIGER, A.LEZEN),
        "retrieve": (R.VRIJWILLIGER, A.LEZEN),
        "create": (R.VRIJWILLIGER, A.AANMAKEN),
        "update": (R.VRIJWILLIGER, A.WIJZIGEN),
        "tegenprestatie": (R.VRIJWILLIGER, A.AANMAKEN),
    }
    queryset = Vrijwilliger.objects.none()
    serializer_class = VrijwilligerSerializer
    http_method_names = ["get", "post", "put", "head", "options"]

    def list(self, request: Request) -> Response:
        f = VrijwilligerFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.vrijwilligers_list(gemeente=user_gemeente(request), **f.validated_data)
        return pagina(self, request, rijen, VrijwilligerSerializer)

    def _get(self, request: Request, pk: Any, handeling: Action = A.LEZEN) -> Vrijwilliger:
        v_id = _pk(pk, "Onbekende vrijwilliger.")
        return opzoeken.vrijwilliger(
            request.user, v_id, handeling, via=_via(request), gemeente=user_gemeente(request)
        )

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(VrijwilligerSerializer(self._get(request, pk)).data)

    def _save(self, request: Request, v: Vrijwilliger | None, status_code: int) -> Response:
        def opslaan(d: dict[str, Any]) -> Vrijwilliger:
            gemeente = user_gemeente(request)
            wijk = Wijk.objects.filter(pk=d.pop("wijk"), gemeente=gemeente).first()
            if wijk is None:
                raise ValidationError({"wijk": "Kies een wijk van de eigen gemeente."})
            return services.vrijwilliger_save(
                gemeente=gemeente,
                vrijwilliger=v,
                wijk=wijk,
                als_inwoner=v.als_inwoner if v else None,
                actor=request.user,
                via=_via(request),
                **d,
            )

        return vastleggen(
            request,
            VrijwilligerInputSerializer,
            opslaan,
            lambda opgeslagen: VrijwilligerSerializer(opgeslagen).data,
            status_code=status_code,
        )

    def create(self, request: Request) -> Response:
        return self._save(request, None, status.HTTP_201_CREATED)

    def update(self, request: Request, pk: Any = None) -> Response:
        return self._save(request, self._get(request, pk, A.WIJZIGEN), status.HTTP_200_OK)

    @extend_schema(
        summary="Vrijwilligerswerk aanbieden als tegenprestatie (Participatiewet art. 9 lid 1 c)",
        description="De inwoner krijgt een profiel als vrijwilliger in de eigen wijk; het "
        "antwoord noemt de open klussen die passen. Geweigerd (400): geen dagdeel gekozen, een "
        "inwoner zonder wijk, of een inwoner die niet in uw gemeente bekend is (die weigering "
        "staat ook in het toegangslog).",
        request=VrijwilligerswerkAanbiedenSerializer,
        responses={201: VrijwilligerswerkAanbodSerializer},
    )
    @action(detail=False, methods=["post"])
    def tegenprestatie(self, request: Request) -> Response:
        user_gemeente(request)  # an account without a municipality: 403, logged

        def aanbieden(d: dict[str, Any]) -> Vrijwilliger:
            return services.vrijwilligerswerk_aanbieden(
                inwoner=self._inwoner(request, d.pop("inwoner")),
                actor=request.user,
                via=_via(request),
                **d,
            )

        return vastleggen(
            request,
            VrijwilligerswerkAanbiedenSerializer,
            aanbieden,
            lambda v: (
                VrijwilligerswerkAanbodSerializer(
                    {"vrijwilliger": v, "passende_klussen": selectors.klussen_voor(v)}
                ).data
            ),
        )


@extend_schema_view(
    list=extend_schema(
        summary="Klussen voor vrijwilligers binnen uw werkgebied",
        parameters=[KlusFilterSerializer],
        responses=KlusSerializer(many=True),
    ),
    retrieve=extend_schema(summary="Eén klus met koppelingen (gelogd)", responses=KlusSerializer),
    create=extend_schema(
        summary="Klus aanmaken voor een inwoner",
        request=KlusInputSerializer,
        responses={201: KlusSerializer},
    ),
)
class KlusViewSet(_Basis):
    access_rules = {
        "list": (R.KLUS, A.LEZEN),
        "retrieve": (R.KLUS, A.LEZEN),
        "create": (R.KLUS, A.AANMAKEN),
        "kandidaten": (R.KLUS, A.LEZEN),
        "koppelen": (R.KLUS, A.WIJZIGEN),
        "uitkomst": (R.KLUS, A.WIJZIGEN),
    }
    queryset = Klus.objects.none()
    serializer_class = KlusSerializer

    def list(self, request: Request) -> Response:
        f = KlusFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        rijen = selectors.klussen_in_scope(request.user, status=f.validated_data["status"])
        return self._pagina_gelogd(
            request, rijen, KlusSerializer, lambda page: [k.hulpvrager for k in page], R.KLUS
        )

    def _get(self, request: Request, pk: Any, handeling: Action) -> Klus:
        klus_id = _pk(pk, "Deze klus bestaat niet.")
        klus = opzoeken.klus(request.user, klus_id, handeling, via=_via(request))
        access.require(request.user, R.KLUS, handeling, via=_via(request), inwoner=klus.hulpvrager)
        return klus

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(KlusSerializer(self._get(request, pk, A.LEZEN)).data)

    @staticmethod
    def _klus(klus: Klus) -> Any:
        return KlusSerializer(selectors.klus_get(klus.pk, gemeente_id=klus.gemeente_id)).data

    def create(self, request: Request) -> Response:
        return vastleggen(
            request,
            KlusInputSerializer,
            lambda d: services.klus_add(
                hulpvrager=self._inwoner(request, d.pop("hulpvrager"), "hulpvrager"),
                actor=request.user,
                via=_via(request),
                **d,
            ),
            self._klus,
        )

    @extend_schema(
        summary="Vrijwilligers die passen (vaardigheid, beschikbaarheid; eigen wijk eerst)",
        responses=VrijwilligerSerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def kandidaten(self, request: Request, pk: Any = None) -> Response:
        klus = self._get(request, pk, A.LEZEN)
        return Response(VrijwilligerSerializer(selectors.kandidaten(klus), many=True).data)

    @extend_schema(
        summary="Vrijwilliger koppelen (geweigerd buiten de beschikbaarheid: 400)",
        request=KoppelenInputSerializer,
        responses={201: KlusSerializer},
    )
    @action(detail=True, methods=["post"])
    def koppelen(self, request: Request, pk: Any = None) -> Response:
        klus = self._get(request, pk, A.WIJZIGEN)

        def koppelen(d: dict[str, Any]) -> Match:
            v = self._uit_invoer(
                request,
                d["vrijwilliger"],
                lambda g: Vrijwilliger.objects.filter(pk=d["vrijwilliger"], gemeente_id=g).first(),
                wat="Vrijwilliger",
                veld="vrijwilliger",
            )
            return services.match_maken(
                klus=klus, vrijwilliger=v, actor=request.user, via=_via(request)
            )

        return vastleggen(request, KoppelenInputSerializer, koppelen, lambda _m: self._klus(klus))

    @extend_schema(
        summary="Uitkomst van de koppeling vastleggen",
        request=UitkomstInputSerializer,
        responses=KlusSerializer,
    )
    @action(detail=True, methods=["post"])
    def uitkomst(self, request: Request, pk: Any = None) -> Response:
        klus = self._get(request, pk, A.WIJZIGEN)

        def uitkomst(d: dict[str, Any]) -> Match:
            lopend = Match.objects.filter(klus=klus, uitkomst="").first()
            if lopend is None:
                raise ValidationError("Aan deze klus is geen vrijwilliger gekoppeld.")
            return services.match_uitkomst(match=lopend, actor=request.user, via=_via(request), **d)

        return vastleggen(
            request,
            UitkomstInputSerializer,
            uitkomst,
            lambda _m: self._klus(klus),
            status_code=status.HTTP_200_OK,
        )


class KringViewSet(viewsets.GenericViewSet):
    """The care circle in the portal's API: a resident's login only."""

    permission_classes = [InwonerPermission]
    access_actor = ActorKind.INWONER
    access_rules = {"list": (R.KRING, A.LEZEN), "gedaan": (R.KRING, A.WIJZIGEN)}
    queryset = KringToewijzing.objects.none()
    serializer_class = KringActieSerializer
    pagination_class = None

    @extend_schema(
        summary="Mijn taken in de zorgkring (met toestemming van de inwoner)",
        responses=KringActieSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        rijen = list(selectors.kring_acties(access.Actor.of(request.user).inwoner_id or 0))
        for rij in rijen:
            access.decide_kring(request.user, A.LEZEN, via=_via(request), actie=rij.actie_id)
        return Response(KringActieSerializer(rijen, many=True).data)

    @extend_schema(
        summary="Taak uit de zorgkring op gedaan zetten (vandaag)",
        request=None,
        responses=KringActieSerializer,
    )
    @action(detail=True, methods=["post"])
    def gedaan(self, request: Request, pk: Any = None) -> Response:
        from eenplan.plannen.services import actie_gedaan

        actie_id = _pk(pk, "Deze taak staat niet bij u.")
        if not access.decide_kring(
            request.user, A.WIJZIGEN, via=_via(request), actie=actie_id
        ).allowed:
            raise NotFound("Deze taak staat niet bij u.")
        actie_gedaan(
            actie=Actie.objects.get(pk=actie_id), op=timezone.localdate(), actor=request.user
        )
        rij = selectors.kring_acties(access.Actor.of(request.user).inwoner_id or 0).get(
            actie_id=actie_id
        )
        return Response(KringActieSerializer(rij).data)


def register(router: BaseRouter) -> None:
    router.register("mantelzorgers", MantelzorgerViewSet, basename="mantelzorger")
    router.register("respijtvragen", RespijtViewSet, basename="respijtvraag")
    router.register("mantelzorgwaarderingen", WaarderingViewSet, basename="mantelzorgwaardering")
    router.register(
        "mantelzorgwaardering-regelingen", RegelingViewSet, basename="waarderingregeling"
    )
    router.register("vrijwilligers", VrijwilligerViewSet, basename="vrijwilliger")
    router.register("vog-termijnen", VogTermijnViewSet, basename="vogtermijn")
    router.register("klussen", KlusViewSet, basename="klus")
    router.register("portaal/kring", KringViewSet, basename="mijn-kring")
