"""`/api/v1/portaal/<id>/...`: what the resident does on the own case that the pages already do —
a remark on the onderzoek verslag, a note or a proposed goal on the plan, signing the plan,
consent for a person or organisation to join it (and withdrawing it), and an aanvraag filed
directly without signing the plan (Wmo 2015 art. 2.3.2 lid 9). Each action goes through the
same selectors and services as its page (`portaal.selectors`, `portaal.services`, the apps'
services); the access rule of each action is the page's (`access.INWONER_RULES`)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.services import verslag_reactie_add
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Deelnemer, Inbreng, Plan
from eenplan.plannen.services.inbreng import INBRENG_MAX
from eenplan.portaal import selectors
from eenplan.portaal import services as portaal_services
from eenplan.portaal.api.views import (
    MijnAanvraagSerializer,
    PortaalViewSet,
    _service,
    zaak,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

R, A = Resource, Action
GEEN_PLAN = "Er is nog geen plan."


def _plan(inwoner: Inwoner) -> Plan:
    gevonden = selectors.plan(inwoner)
    if gevonden is None:
        raise NotFound(GEEN_PLAN)
    return gevonden


# --- remarks on the verslag ----------------------------------------------------------------------


class MijnOpmerkingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    ontvangen_op = serializers.DateField(read_only=True)
    tekst = serializers.CharField(
        max_length=2000, help_text="Klopt er iets niet in het verslag, of mist er iets?"
    )


class OpmerkingenViewSet(PortaalViewSet):
    access_rules = {"create": (R.ONDERZOEK, A.WIJZIGEN)}

    @extend_schema(
        request=MijnOpmerkingSerializer, responses={201: MijnOpmerkingSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int, pk: int) -> Response:
        """Add a remark to the verslag of the onderzoek (kept with it, never merged into it;
        Wmo 2015 art. 2.3.2 lid 8). Only once the verslag was sent."""
        inwoner = zaak(request, inwoner_id, R.ONDERZOEK, A.WIJZIGEN)
        onderzoek = selectors.onderzoek_van(inwoner, pk)
        if onderzoek is None:
            raise NotFound("Dit onderzoek bestaat niet of is niet van u.")
        invoer = MijnOpmerkingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        reactie = _service(
            lambda: verslag_reactie_add(
                onderzoek=onderzoek,
                tekst=invoer.validated_data["tekst"],
                ontvangen_op=timezone.localdate(),
                actor=request.user,
            )
        )
        return Response(MijnOpmerkingSerializer(reactie).data, status=status.HTTP_201_CREATED)


# --- a note or a proposed goal on the plan -------------------------------------------------------


class MijnInbrengSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    soort = serializers.ChoiceField(
        choices=Inbreng.Soort.choices, help_text="notitie, of doelvoorstel (een nieuw doel)."
    )
    tekst = serializers.CharField(max_length=INBRENG_MAX)
    door_naam = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class InbrengViewSet(PortaalViewSet):
    access_rules = {"list": (R.PLAN, A.LEZEN), "create": (R.PLAN, A.WIJZIGEN)}

    @extend_schema(responses=MijnInbrengSerializer(many=True), tags=["mijn"])
    def list(self, request: Request, inwoner_id: int) -> Response:
        """The notes and proposed goals on the plan that are shared with the resident."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.LEZEN)
        rijen = _plan(inwoner).inbreng.filter(gedeeld=True)[:50]
        return Response(MijnInbrengSerializer(rijen, many=True).data)

    @extend_schema(
        request=MijnInbrengSerializer, responses={201: MijnInbrengSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Add a note, or propose a goal; the regisseur and the generalist see it. A proposed
        goal becomes a goal when they add it to the plan."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.WIJZIGEN)
        plan = _plan(inwoner)
        invoer = MijnInbrengSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        inbreng = _service(
            lambda: plannen.inbreng_add(
                plan=plan,
                inwoner=inwoner,
                soort=invoer.validated_data["soort"],
                tekst=invoer.validated_data["tekst"],
                actor=request.user,
            )
        )
        return Response(MijnInbrengSerializer(inbreng).data, status=status.HTTP_201_CREATED)


# --- signing the plan ----------------------------------------------------------------------------


class MijnOndertekenenSerializer(serializers.Serializer):
    akkoord = serializers.BooleanField(
        help_text="true: ik ben het eens met het plan en onderteken het."
    )

    def validate_akkoord(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(
                "Zet akkoord op true als u het eens bent met het plan."
            )
        return value


class MijnOndertekendSerializer(serializers.Serializer):
    plan_id = serializers.IntegerField()
    status = serializers.CharField()
    ondertekend_op = serializers.DateField()
    ondertekend_door = serializers.CharField()
    aanvragen = MijnAanvraagSerializer(many=True, help_text="De aanvragen die u zo deed.")


class OndertekenenViewSet(PortaalViewSet):
    access_rules = {"create": (R.PLAN, A.BESLISSEN)}

    @extend_schema(
        request=MijnOndertekenenSerializer,
        responses={201: MijnOndertekendSerializer},
        tags=["mijn"],
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Sign the plan today: each maatwerk it proposes becomes an aanvraag (seed 000
        L1973-1976). The resident, a parent with gezag or the wettelijk vertegenwoordiger
        signs; a gemachtigde or mantelzorger does not."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.BESLISSEN)
        plan = _plan(inwoner)
        invoer = MijnOndertekenenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanvragen = _service(
            lambda: portaal_services.plan_ondertekenen(
                inwoner=inwoner, plan=plan, actor=request.user
            )
        )
        plan.refresh_from_db()
        data = {
            "plan_id": plan.pk,
            "status": plan.status,
            "ondertekend_op": plan.ondertekend_op,
            "ondertekend_door": plan.ondertekend_door,
            "aanvragen": aanvragen,
        }
        return Response(MijnOndertekendSerializer(data).data, status=status.HTTP_201_CREATED)


# --- consent for network persons and organisations -----------------------------------------------


class MijnDeelnemerSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    aan = serializers.CharField(
        max_length=200, write_only=True, help_text="Wie mag meedoen: een persoon of organisatie."
    )
    naam = serializers.CharField(read_only=True)
    rol = serializers.CharField(max_length=200, help_text="Wat deze persoon of organisatie doet.")
    toestemming_gegeven_op = serializers.DateField(source="toestemming.gegeven_op", read_only=True)
    toestemming_ingetrokken_op = serializers.DateField(
        source="toestemming.ingetrokken_op", read_only=True, allow_null=True
    )


class DeelnemersViewSet(PortaalViewSet):
    access_rules = {
        "list": (R.PLAN, A.LEZEN),
        "create": (R.NETWERK, A.WIJZIGEN),
        "intrekken": (R.NETWERK, A.WIJZIGEN),
    }

    @extend_schema(responses=MijnDeelnemerSerializer(many=True), tags=["mijn"])
    def list(self, request: Request, inwoner_id: int) -> Response:
        """Who takes part in the plan with the resident's consent (also withdrawn ones)."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.LEZEN)
        return Response(MijnDeelnemerSerializer(_plan(inwoner).deelnemers.all(), many=True).data)

    @extend_schema(
        request=MijnDeelnemerSerializer, responses={201: MijnDeelnemerSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Give consent for a person or organisation to join the plan (recorded from today)."""
        inwoner = zaak(request, inwoner_id, R.NETWERK, A.WIJZIGEN)
        plan = _plan(inwoner)
        invoer = MijnDeelnemerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        deelnemer = _service(
            lambda: portaal_services.deelnemer_met_toestemming(
                inwoner=inwoner,
                plan=plan,
                aan=invoer.validated_data["aan"],
                rol=invoer.validated_data["rol"],
                actor=request.user,
            )
        )
        return Response(MijnDeelnemerSerializer(deelnemer).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=MijnDeelnemerSerializer, tags=["mijn"])
    def intrekken(self, request: Request, inwoner_id: int, pk: int) -> Response:
        """Withdraw the consent from today (AVG art. 7 lid 3); the record stays."""
        inwoner = zaak(request, inwoner_id, R.NETWERK, A.WIJZIGEN)
        deelnemer = (
            Deelnemer.objects.filter(pk=pk, plan=_plan(inwoner))
            .select_related("toestemming", "netwerkpersoon")
            .first()
        )
        if deelnemer is None:
            raise NotFound("Deze deelnemer bestaat niet of hoort niet bij uw plan.")
        deelnemer = _service(
            lambda: plannen.deelnemer_toestemming_intrekken(
                deelnemer=deelnemer, op=timezone.localdate(), actor=request.user
            )
        )
        deelnemer.toestemming.refresh_from_db()
        return Response(MijnDeelnemerSerializer(deelnemer).data)


# --- an aanvraag filed directly ------------------------------------------------------------------


class MijnWetSerializer(serializers.Serializer):
    wet = serializers.CharField()
    naam = serializers.CharField()
    beslistermijn = serializers.CharField(help_text="Binnen welke termijn de gemeente beslist.")


class MijnAanvraagMogelijkSerializer(serializers.Serializer):
    kan_nu = serializers.BooleanField(help_text="Vandaag kunt u een aanvraag doen.")
    reden = serializers.CharField(help_text="Waarom nog niet (leeg als het kan).")
    wetten = MijnWetSerializer(many=True)


class MijnNieuweAanvraagSerializer(serializers.Serializer):
    wet = serializers.ChoiceField(choices=portaal_services.AANVRAAG_WET_KEUZES)
    omschrijving = serializers.CharField(
        max_length=portaal_services.OMSCHRIJVING_MAX, help_text="Wat u aanvraagt."
    )
    toelichting = serializers.CharField(
        max_length=portaal_services.TOELICHTING_MAX,
        required=False,
        allow_blank=True,
        default="",
        help_text="Waarom u dit nodig hebt (mag leeg).",
    )


class MijnIngediendeAanvraagSerializer(MijnAanvraagSerializer):
    beslistermijn = serializers.SerializerMethodField()

    def get_beslistermijn(self, obj: Any) -> str:
        return portaal_services.beslistermijn_uitleg(obj.wet, obj.ontvangen_op)


class AanvragenViewSet(PortaalViewSet):
    access_rules = {"retrieve": (R.AANVRAAG, A.LEZEN), "create": (R.AANVRAAG, A.AANMAKEN)}

    @extend_schema(responses=MijnAanvraagMogelijkSerializer, tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """Whether the resident may file an aanvraag today without signing the plan (after the
        onderzoek, or once it took longer than six weeks: Wmo 2015 art. 2.3.2 lid 9), and per
        law the decision term in words."""
        inwoner = zaak(request, inwoner_id, R.AANVRAAG, A.LEZEN)
        vandaag = timezone.localdate()
        kan, reden = portaal_services.direct_aanvragen_vanaf(inwoner, vandaag)
        wetten = [
            {
                "wet": w,
                "naam": n,
                "beslistermijn": portaal_services.beslistermijn_uitleg(w, vandaag),
            }
            for w, n in portaal_services.AANVRAAG_WETTEN.items()
        ]
        data = {"kan_nu": kan, "reden": reden, "wetten": wetten}
        return Response(MijnAanvraagMogelijkSerializer(data).data)

    @extend_schema(
        request=MijnNieuweAanvraagSerializer,
        responses={201: MijnIngediendeAanvraagSerializer},
        tags=["mijn"],
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """File an aanvraag today without signing the plan. The resident or a representative;
        a mantelzorger does not. The answer has the last day for the decision."""
        inwoner = zaak(request, inwoner_id, R.AANVRAAG, A.AANMAKEN)
        invoer = MijnNieuweAanvraagSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanvraag = _service(
            lambda: portaal_services.aanvraag_indienen(
                inwoner=inwoner,
                actor=request.user,
                via=access.Via.request(request),
                **invoer.validated_data,
            )
        )
        return Response(
            MijnIngediendeAanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED
        )
