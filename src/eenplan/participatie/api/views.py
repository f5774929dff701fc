"""The work and income API (`/api/v1/participatie/…`): the aanvragen levensonderhoud (register,
voorschot, the art. 52 ground, decide as a beschikking), the earning capacity with its route and
the trajectories. Thin viewsets: parse with an input serializer, decide on the resident through
`privacy.access` (logged), call one service or selector, serialise."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beschikkingen.api.views.basis import DOEL_PARAMETER, DossierViewSet, pk_of
from eenplan.common.api import VersieViewSetMixin, pagina
from eenplan.inwoners.models import Huishouden
from eenplan.participatie import selectors, services
from eenplan.participatie.api.serializers import (
    InstrumentAfrondenSerializer,
    InstrumentCreateSerializer,
    InstrumentSerializer,
    InwonerFilterSerializer,
    LevensonderhoudBeslissenSerializer,
    LevensonderhoudCreateSerializer,
    LevensonderhoudDetailSerializer,
    LevensonderhoudSerializer,
    MaatregelCreateSerializer,
    MaatregelSerializer,
    StapInputSerializer,
    TegenprestatieCreateSerializer,
    TegenprestatieSerializer,
    TrajectCreateSerializer,
    TrajectSerializer,
    UitsluitingInputSerializer,
    VerdiencapaciteitCreateSerializer,
    VerdiencapaciteitSerializer,
    VoorschotInputSerializer,
    WerkdoelCreateSerializer,
    WerkdoelFilterSerializer,
    WerkdoelSerializer,
    WerkgeverSerializer,
)
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Maatregel,
    Tegenprestatie,
    Traject,
    Verdiencapaciteit,
    Werkdoel,
    Werkgever,
)
from eenplan.plannen.models import Doel
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel

R = Resource.PARTICIPATIE


def _via(request: Request) -> access.Via:
    return access.Via.request(request)


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen levensonderhoud binnen uw werkgebied",
        responses=LevensonderhoudSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Aanvraag levensonderhoud met zoektermijn, norm en voorschotten (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=LevensonderhoudDetailSerializer,
    ),
    create=extend_schema(
        summary="Aanvraag levensonderhoud registreren",
        description="Voor een lid van het huishouden op de aanvraagdatum. Een aanvraag van wie "
        "jonger is dan 27 binnen vier weken na de melding wordt geweigerd (zoektermijn, "
        "Participatiewet art. 41 lid 4; het college kan er vanaf 1 januari 2026 van afzien). "
        "Beslistermijn 8 weken (Awb 4:13); norm van het huishouden (art. 20-22).",
        request=LevensonderhoudCreateSerializer,
        responses={201: LevensonderhoudDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class LevensonderhoudViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = LevensonderhoudAanvraag
    access_rules = {
        "list": (R, Action.LEZEN),
        "retrieve": (R, Action.LEZEN),
        "create": (R, Action.AANMAKEN),
        "voorschot": (R, Action.WIJZIGEN),
        "uitsluiting": (R, Action.WIJZIGEN),
        "beslissen": (R, Action.BESLISSEN),
    }
    queryset = LevensonderhoudAanvraag.objects.none()
    serializer_class = LevensonderhoudSerializer
    filter_backends: list[type] = []
    niet_gevonden = "Deze aanvraag levensonderhoud bestaat niet."

    def get_queryset(self) -> QuerySet[LevensonderhoudAanvraag]:
        return selectors.levensonderhoud_in_scope(self.request.user)

    def list(self, request: Request) -> Response:
        return pagina(self, request, self.get_queryset(), LevensonderhoudSerializer)

    def _get(self, request: Request, pk: Any, action: Action) -> LevensonderhoudAanvraag:
        lo_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)
        lo = access.get_or_refuse(
            request.user,
            R,
            action,
            via=_via(request),
            pk=lo_id,
            zoek=lambda gemeente_id: selectors.levensonderhoud_get(lo_id, gemeente_id=gemeente_id),
            wat="Aanvraag levensonderhoud",
            niet_gevonden=self.niet_gevonden,
        )
        self._open(request, lo.inwoner, R, action)  # as read with the aanvraag: no lookup
        return lo

    def _render(self, request: Request, pk: int, code: int = 200) -> Response:
        lo = selectors.levensonderhoud_get(
            pk, gemeente_id=access.Actor.of(request.user).gemeente_id
        )
        assert lo is not None
        stand = selectors.voorschot_stand(lo, timezone.localdate())
        data = LevensonderhoudDetailSerializer(
            lo, context={"request": request, "stand": stand}
        ).data
        return Response(data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        lo = self._get(request, pk, Action.LEZEN)
        return self._render(request, lo.pk)

    def create(self, request: Request) -> Response:
        data = LevensonderhoudCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        huishouden_id = velden.pop("huishouden")
        huishouden = self._uit_invoer(
            request,
            huishouden_id,
            lambda g: Huishouden.objects.filter(pk=huishouden_id, gemeente_id=g).first(),
            wat="Huishouden",
            veld="huishouden",
        )
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        lo = services.levensonderhoud_aanvragen(
            actor=request.user, huishouden=huishouden, inwoner=inwoner, via=_via(request), **velden
        )
        return self._render(request, lo.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Voorschot vastleggen (Participatiewet art. 52 lid 1)",
        request=VoorschotInputSerializer,
        responses={201: LevensonderhoudDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def voorschot(self, request: Request, pk: Any = None) -> Response:
        lo = self._get(request, pk, Action.WIJZIGEN)
        data = VoorschotInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.voorschot_verlenen(
            actor=request.user, lo=lo, via=_via(request), **data.validated_data
        )
        return self._render(request, lo.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Grond om geen voorschot te geven (art. 52 lid 1 onder a of b), of opheffen",
        request=UitsluitingInputSerializer,
        responses={200: LevensonderhoudDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def uitsluiting(self, request: Request, pk: Any = None) -> Response:
        lo = self._get(request, pk, Action.WIJZIGEN)
        data = UitsluitingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.voorschot_uitsluiten(
            actor=request.user, lo=lo, via=_via(request), **data.validated_data
        )
        return self._render(request, lo.pk)

    @extend_schema(
        summary="Beslissen: een beschikking (toekennen tegen de norm, of afwijzen)",
        description="Het besluit is een beschikking van /api/v1/beschikkingen/ (versturen en "
        "bezwaar daar). Grondslag Participatiewet art. 11 lid 1.",
        request=LevensonderhoudBeslissenSerializer,
        responses={201: LevensonderhoudDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def beslissen(self, request: Request, pk: Any = None) -> Response:
        lo = self._get(request, pk, Action.BESLISSEN)
        data = LevensonderhoudBeslissenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.levensonderhoud_beslissen(
            actor=request.user, lo=lo, via=_via(request), **data.validated_data
        )
        return self._render(request, lo.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Verdiencapaciteiten (filter op inwoner)",
        parameters=[InwonerFilterSerializer],
        responses=VerdiencapaciteitSerializer(many=True),
    ),
    create=extend_schema(
        summary="Verdiencapaciteit vastleggen: de route volgt uit de drempels van de gemeente",
        request=VerdiencapaciteitCreateSerializer,
        responses={201: VerdiencapaciteitSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class VerdiencapaciteitViewSet(DossierViewSet):
    access_rules = {"list": (R, Action.LEZEN), "create": (R, Action.AANMAKEN)}
    queryset = Verdiencapaciteit.objects.none()
    serializer_class = VerdiencapaciteitSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        params = InwonerFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rijen = Verdiencapaciteit.objects.filter(
            access.scope_q(request.user, gemeente_veld="gemeente")
        )
        if params.validated_data.get("inwoner"):
            rijen = rijen.filter(inwoner_id=params.validated_data["inwoner"])
        return pagina(self, request, rijen, VerdiencapaciteitSerializer)

    def create(self, request: Request) -> Response:
        data = VerdiencapaciteitCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        vc = services.verdiencapaciteit_vastleggen(
            actor=request.user, inwoner=inwoner, via=_via(request), **velden
        )
        return Response(VerdiencapaciteitSerializer(vc).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Trajecten (filter op inwoner)",
        parameters=[InwonerFilterSerializer],
        responses=TrajectSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Traject met zijn stappen (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=TrajectSerializer,
    ),
    create=extend_schema(
        summary="Traject starten op de route van een verdiencapaciteit",
        description="Eén lopend traject per inwoner; een tweede wordt geweigerd (409).",
        request=TrajectCreateSerializer,
        responses={201: TrajectSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class TrajectViewSet(VersieViewSetMixin, DossierViewSet):
    versie_model = Traject
    access_rules = {
        "list": (R, Action.LEZEN),
        "retrieve": (R, Action.LEZEN),
        "create": (R, Action.AANMAKEN),
        "stap": (R, Action.WIJZIGEN),
    }
    queryset = Traject.objects.none()
    serializer_class = TrajectSerializer
    filter_backends: list[type] = []
    niet_gevonden = "Dit traject bestaat niet."

    def list(self, request: Request) -> Response:
        params = InwonerFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rijen = Traject.objects.filter(
            access.scope_q(request.user, gemeente_veld="gemeente")
        ).prefetch_related("stappen")
        if params.validated_data.get("inwoner"):
            rijen = rijen.filter(inwoner_id=params.validated_data["inwoner"])
        return pagina(self, request, rijen, TrajectSerializer)

    def _get(self, request: Request, pk: Any, action: Action) -> Traject:
        traject_id = pk_of(pk, self.niet_gevonden)
        request_doel(request)
        traject = access.get_or_refuse(
            request.user,
            R,
            action,
            via=_via(request),
            pk=traject_id,
            zoek=lambda gemeente_id: selectors.traject_get(traject_id, gemeente_id=gemeente_id),
            wat="Traject",
            niet_gevonden=self.niet_gevonden,
        )
        self._open(request, traject.inwoner, R, action)  # as read with the traject: no lookup
        return traject

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(TrajectSerializer(self._get(request, pk, Action.LEZEN)).data)

    def create(self, request: Request) -> Response:
        data = TrajectCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        vc_id = data.validated_data["verdiencapaciteit"]
        vc = self._uit_invoer(
            request,
            vc_id,
            lambda g: Verdiencapaciteit.objects.filter(pk=vc_id, gemeente_id=g).first(),
            wat="Meting verdiencapaciteit",
            veld="verdiencapaciteit",
        )
        self._open(request, vc.inwoner_id, R, Action.AANMAKEN)
        traject = services.traject_starten(
            actor=request.user,
            verdiencapaciteit=vc,
            via=_via(request),
            begonnen_op=data.validated_data["begonnen_op"],
        )
        return Response(TrajectSerializer(traject).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Stap afronden (Werkspoor: volgende fase; Participatiespoor: periodiek gesprek)",
        request=StapInputSerializer,
        responses={200: TrajectSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def stap(self, request: Request, pk: Any = None) -> Response:
        traject = self._get(request, pk, Action.WIJZIGEN)
        data = StapInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        traject = services.traject_stap_afronden(
            actor=request.user, traject=traject, via=_via(request), **data.validated_data
        )
        return Response(TrajectSerializer(traject).data)


class _PerInwonerMixin:
    """List rows of residents within need-to-know, optionally of one resident."""

    model: Any
    uitvoer: Any
    inwoner_pad = "inwoner"
    # The municipality of the row and of the rows it is reached through (issue 16: every
    # table of the query carries the condition).
    gemeente_paden: tuple[str, ...] = ()

    def list(self, request: Request) -> Response:
        params = InwonerFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        gemeente_id = access.Actor.of(request.user).gemeente_id
        rijen = self.model.objects.filter(
            access.scope_q(request.user, veld=self.inwoner_pad, gemeente_veld="gemeente"),
            **{f"{pad}_id": gemeente_id for pad in self.gemeente_paden if gemeente_id},
        )
        if params.validated_data.get("inwoner"):
            rijen = rijen.filter(**{f"{self.inwoner_pad}_id": params.validated_data["inwoner"]})
        return pagina(self, request, rijen, self.uitvoer)


@extend_schema_view(
    list=extend_schema(summary="Werkgevers met hun aantal plaatsingen"),
    create=extend_schema(
        summary="Werkgever toevoegen (werkgeversbenadering)",
        request=WerkgeverSerializer,
        responses={201: WerkgeverSerializer},
    ),
)
class WerkgeverViewSet(DossierViewSet):
    access_rules = {"list": (R, Action.LEZEN), "create": (R, Action.AANMAKEN)}
    queryset = Werkgever.objects.none()
    serializer_class = WerkgeverSerializer
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[Werkgever]:
        return selectors.werkgevers(access.Actor.of(self.request.user).gemeente_id)

    def list(self, request: Request) -> Response:
        return pagina(self, request, self.get_queryset(), WerkgeverSerializer)

    def create(self, request: Request) -> Response:
        data = WerkgeverSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        werkgever = services.werkgever_toevoegen(
            actor=request.user, via=_via(request), **data.validated_data
        )
        rij = self.get_queryset().get(pk=werkgever.pk)
        return Response(WerkgeverSerializer(rij).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Instrumenten (filter op inwoner)",
        parameters=[InwonerFilterSerializer],
        responses=InstrumentSerializer(many=True),
    ),
    create=extend_schema(
        summary="Instrument starten (re-integratie, loonkostensubsidie, beschut werk, jobcoach, "
        "werkervaringsplek, inburgering)",
        description="Twee van dezelfde soort voor één inwoner overlappen niet (409); beschut werk "
        "binnen de plaatsen van de regio.",
        request=InstrumentCreateSerializer,
        responses={201: InstrumentSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class InstrumentViewSet(_PerInwonerMixin, DossierViewSet):
    access_rules = {
        "list": (R, Action.LEZEN),
        "create": (R, Action.AANMAKEN),
        "afronden": (R, Action.WIJZIGEN),
    }
    queryset = Instrument.objects.none()
    serializer_class = InstrumentSerializer
    filter_backends: list[type] = []
    model = Instrument
    uitvoer = InstrumentSerializer

    def create(self, request: Request) -> Response:
        data = InstrumentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        werkgever_id = velden.pop("werkgever")
        werkgever = None
        if werkgever_id is not None:
            werkgever = self._uit_invoer(
                request,
                werkgever_id,
                lambda g: Werkgever.objects.filter(pk=werkgever_id, gemeente_id=g).first(),
                wat="Werkgever",
                veld="werkgever",
            )
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        instrument = services.instrument_starten(
            actor=request.user, inwoner=inwoner, werkgever=werkgever, via=_via(request), **velden
        )
        return Response(InstrumentSerializer(instrument).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Instrument afronden met het resultaat",
        request=InstrumentAfrondenSerializer,
        responses={200: InstrumentSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def afronden(self, request: Request, pk: Any = None) -> Response:
        instrument = Instrument.objects.filter(pk=pk_of(pk, "Dit instrument bestaat niet.")).first()
        request_doel(request)
        if instrument is None:
            raise NotFound("Dit instrument bestaat niet.")
        self._open(request, instrument.inwoner_id, R, Action.WIJZIGEN)
        data = InstrumentAfrondenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        instrument = services.instrument_afronden(
            actor=request.user, instrument=instrument, via=_via(request), **data.validated_data
        )
        return Response(InstrumentSerializer(instrument).data)


@extend_schema_view(
    list=extend_schema(
        summary="Tegenprestaties (filter op inwoner)",
        parameters=[InwonerFilterSerializer],
        responses=TegenprestatieSerializer(many=True),
    ),
    create=extend_schema(
        summary="Tegenprestatie vastleggen (Participatiewet art. 9), getoetst aan de voorwaarden",
        description="Geweigerd als een voorwaarde niet klopt, met wat het dan wel is; geen nieuwe "
        "tegenprestatie vanaf 1 januari 2027 (Participatiewet in balans).",
        request=TegenprestatieCreateSerializer,
        responses={201: TegenprestatieSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class TegenprestatieViewSet(_PerInwonerMixin, DossierViewSet):
    access_rules = {"list": (R, Action.LEZEN), "create": (R, Action.AANMAKEN)}
    queryset = Tegenprestatie.objects.none()
    serializer_class = TegenprestatieSerializer
    filter_backends: list[type] = []
    model = Tegenprestatie
    uitvoer = TegenprestatieSerializer

    def create(self, request: Request) -> Response:
        data = TegenprestatieCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        inwoner = self._inwoner(request, velden.pop("inwoner"))
        self._open(request, inwoner.pk, R, Action.AANMAKEN)
        tp = services.tegenprestatie_vastleggen(
            actor=request.user, inwoner=inwoner, via=_via(request), **velden
        )
        return Response(TegenprestatieSerializer(tp).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Maatregelen (filter op inwoner)",
        parameters=[InwonerFilterSerializer],
        responses=MaatregelSerializer(many=True),
    ),
    create=extend_schema(
        summary="Waarschuwing of verlaging van de bijstand (art. 18 lid 2, de verordening)",
        description="Percentage en duur uit de verordening (instelling); een verlaging zonder "
        "de waarschuwing die de verordening vraagt wordt geweigerd (400).",
        request=MaatregelCreateSerializer,
        responses={201: MaatregelSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class MaatregelViewSet(_PerInwonerMixin, DossierViewSet):
    access_rules = {"list": (R, Action.LEZEN), "create": (R, Action.BESLISSEN)}
    queryset = Maatregel.objects.none()
    serializer_class = MaatregelSerializer
    filter_backends: list[type] = []
    model = Maatregel
    uitvoer = MaatregelSerializer
    inwoner_pad = "aanvraag__inwoner"
    gemeente_paden = ("aanvraag__gemeente",)

    def create(self, request: Request) -> Response:
        data = MaatregelCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        velden = dict(data.validated_data)
        lo_id = velden.pop("aanvraag")
        lo = self._uit_invoer(
            request,
            lo_id,
            lambda g: selectors.levensonderhoud_get(lo_id, gemeente_id=g),
            wat="Aanvraag levensonderhoud",
            veld="aanvraag",
        )
        self._open(request, lo.inwoner_id, R, Action.BESLISSEN)
        maatregel = services.maatregel_opleggen(
            actor=request.user, lo=lo, via=_via(request), **velden
        )
        return Response(MaatregelSerializer(maatregel).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Werkdoelen van een inwoner: doelen van het plan (werk en inkomen) met hun "
        "acties, gekoppeld aan een traject of instrument (wordt gelogd)",
        description="Het doel en de acties alleen zolang de toestemming van de inwoner voor "
        "het Werkplein geldt; daarna is `doel` leeg.",
        parameters=[WerkdoelFilterSerializer, DOEL_PARAMETER],
        responses=WerkdoelSerializer(many=True),
    ),
    create=extend_schema(
        summary="Doel van het plan koppelen aan een traject of instrument",
        description="Alleen een doel van het leefgebied werk en opleiding of financiën, van "
        "een plan waaraan het Werkplein met toestemming van de inwoner deelneemt; anders 400 "
        "met de reden en verandert er niets.",
        request=WerkdoelCreateSerializer,
        responses={201: WerkdoelSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class WerkdoelViewSet(DossierViewSet):
    access_rules = {"list": (R, Action.LEZEN), "create": (R, Action.WIJZIGEN)}
    queryset = Werkdoel.objects.none()
    serializer_class = WerkdoelSerializer
    filter_backends: list[type] = []

    def list(self, request: Request) -> Response:
        params = WerkdoelFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        inwoner = self._inwoner(request, params.validated_data["inwoner"])
        self._open(request, inwoner.pk, R)
        vandaag = timezone.localdate()
        rijen = selectors.werkdoelen_van(inwoner.pk, inwoner.gemeente_id, vandaag)
        for huishouden_id in sorted({w.doel.plan.huishouden_id for w in rijen}):
            access.require(
                request.user,
                Resource.PLAN,
                Action.LEZEN,
                via=_via(request),
                huishouden=huishouden_id,
                doel=request_doel(request),
            )
        return Response(WerkdoelSerializer(rijen, many=True).data)

    def create(self, request: Request) -> Response:
        data = WerkdoelCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        gemeente_id = access.Actor.of(request.user).gemeente_id
        doel_id = data.validated_data["doel"]
        doel = self._uit_invoer(
            request,
            doel_id,
            lambda g: Doel.objects.select_related("plan__huishouden", "leefgebied")
            .filter(pk=doel_id, plan__huishouden__gemeente_id=g)
            .first(),
            wat="Doel",
            veld="doel",
        )
        self._open(request, doel.inwoner_id, R, Action.WIJZIGEN)
        traject = instrument = None
        if data.validated_data["traject"]:
            traject_id = data.validated_data["traject"]
            traject = self._uit_invoer(
                request,
                traject_id,
                lambda g: Traject.objects.filter(pk=traject_id, gemeente_id=g).first(),
                wat="Traject",
                veld="traject",
            )
        if data.validated_data["instrument"]:
            instrument_id = data.validated_data["instrument"]
            instrument = self._uit_invoer(
                request,
                instrument_id,
                lambda g: Instrument.objects.filter(pk=instrument_id, gemeente_id=g).first(),
                wat="Instrument",
                veld="instrument",
            )
        werkdoel = services.werkdoel_koppelen(
            actor=request.user, doel=doel, traject=traject, instrument=instrument, via=_via(request)
        )
        rij = next(
            w
            for w in selectors.werkdoelen_van(doel.inwoner_id, gemeente_id, timezone.localdate())
            if w.pk == werkdoel.pk
        )
        return Response(WerkdoelSerializer(rij).data, status=status.HTTP_201_CREATED)
