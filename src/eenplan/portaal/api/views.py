"""`/api/v1/portaal/...`: a resident's login reads and acts on the cases it represents.

Each viewset declares `access_actor = INWONER` and `access_rules` (the declared matrix: every
staff role is refused); `InwonerPermission` lets only a resident's login through, and each
action decides with `access.require_inwoner` for the case in the URL — another household's
id is a 404 (logged), as on the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beleid import selectors as beleid_selectors
from eenplan.beleid import services as beleid_services
from eenplan.beleid.vragenlijst import SCHAAL
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.constants import Domein, Kanaal, MelderSoort
from eenplan.meldingen.services import VRAAG_MAX, melding_register
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Actie
from eenplan.portaal import selectors
from eenplan.portaal import services as portaal_services
from eenplan.portaal.forms import BEZWAAR_MAX
from eenplan.privacy import access
from eenplan.privacy.access import Action, ActorKind, Resource
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Grond, MachtigingSoort
from eenplan.privacy.models import Machtiging
from eenplan.privacy.services import machtiging_withdraw

R, A = Resource, Action
NIET_GEVONDEN = "Deze zaak bestaat niet of is niet van u."


class InwonerPermission(RolePermission):
    """Only a resident's login, and only for a declared action (refusals logged)."""

    def _role_allows(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action = getattr(view, "action", None) or "metadata"
        if action == "metadata":
            return True
        via = access.Via.request(request)
        actor = access.Actor.of(request.user)
        if actor.kind != ActorKind.INWONER or action not in view.access_rules:
            self.message = access.ALLEEN_INWONERS
            access.log_refusal(request.user, via=via, reason=access.ALLEEN_INWONERS)
            return False
        return True


def zaak(
    request: Request,
    inwoner_id: int,
    resource: Resource,
    action: Action,
    *,
    log_allowed: bool = True,
) -> Inwoner:
    """The case in the URL when this login may do `action` on it; else 404 (logged).
    `log_allowed=False`: see `access.require_inwoner` (the anonymous survey only)."""
    try:
        access.require_inwoner(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            inwoner=inwoner_id,
            log_allowed=log_allowed,
        )
    except access.Refused:
        if access.grond_voor(request.user, inwoner_id):
            raise
        raise NotFound(NIET_GEVONDEN) from None
    inwoner = Inwoner.objects.filter(pk=inwoner_id).select_related("gemeente").first()
    if inwoner is None:
        raise NotFound(NIET_GEVONDEN)
    return inwoner


# --- serializers ---------------------------------------------------------------------------


class MijnZaakSerializer(serializers.Serializer):
    inwoner_id = serializers.IntegerField(source="inwoner.pk")
    naam = serializers.CharField(source="inwoner.naam")
    grond = serializers.ChoiceField(choices=Grond.choices)
    grond_tekst = serializers.CharField()


class MijnMeldingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    vraag = serializers.CharField()
    persoonlijk_plan = serializers.CharField()
    status = serializers.CharField(source="get_status_display")
    ontvangstbevestiging_op = serializers.DateField()
    onderzoek_uiterlijk = serializers.DateField(
        help_text="De gemeente praat uiterlijk deze dag met u (Wmo 2015 art. 2.3.2)."
    )
    persoonlijk_plan_uiterlijk = serializers.DateField()


class MijnTermijnSerializer(serializers.Serializer):
    datum = serializers.DateField()
    wat = serializers.CharField()
    uitleg = serializers.CharField()
    verlopen = serializers.BooleanField()


class MijnGebeurtenisSerializer(serializers.Serializer):
    moment = serializers.DateTimeField()
    omschrijving = serializers.CharField()


class MijnOnderzoekSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    melding_id = serializers.IntegerField()
    verslag_klaar = serializers.SerializerMethodField()
    verslag = serializers.SerializerMethodField()
    verslag_verzonden_op = serializers.DateField()
    opmerkingen = serializers.SerializerMethodField()

    def get_verslag_klaar(self, obj: Any) -> bool:
        return selectors.verslag_zichtbaar(obj)

    def get_verslag(self, obj: Any) -> str:
        return obj.verslag_tekst if selectors.verslag_zichtbaar(obj) else ""

    def get_opmerkingen(self, obj: Any) -> list[dict[str, str]]:
        return [{"ontvangen_op": str(r.ontvangen_op), "tekst": r.tekst} for r in obj.reacties.all()]


class MijnOverzichtSerializer(serializers.Serializer):
    inwoner_id = serializers.IntegerField()
    naam = serializers.CharField()
    meldingen = MijnMeldingSerializer(many=True)
    onderzoeken = MijnOnderzoekSerializer(many=True)
    termijnen = MijnTermijnSerializer(many=True)
    tijdlijn = MijnGebeurtenisSerializer(many=True)


class MijnActieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    uitvoerder = serializers.CharField()
    uitvoerder_soort = serializers.CharField()
    uiterlijk = serializers.DateField()
    gedaan_op = serializers.DateField()


class MijnDoelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    leefgebied = serializers.CharField()
    evaluatie_op = serializers.DateField()
    acties = MijnActieSerializer(many=True, source="acties.all")


class MijnPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    ondertekend_op = serializers.DateField()
    volgende_evaluatie = serializers.DateField(allow_null=True)
    doelen = MijnDoelSerializer(many=True, source="doelen.all")


class MijnBeschikkingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    besloten_op = serializers.DateField()
    verzonden_op = serializers.DateField()
    bezwaar_uiterlijk = serializers.DateField()
    aanvraag = serializers.CharField(source="aanvraag.omschrijving")
    brief = serializers.SerializerMethodField()

    def get_brief(self, obj: Any) -> str:
        return f"/mijn/{obj.inwoner_id}/beschikkingen/{obj.pk}/brief.pdf"


class MijnAanvraagSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    ontvangen_op = serializers.DateField()
    beslissen_uiterlijk = serializers.DateField()
    status = serializers.CharField()


class MijnBesluitenSerializer(serializers.Serializer):
    aanvragen = MijnAanvraagSerializer(many=True)
    beschikkingen = MijnBeschikkingSerializer(many=True)


class MijnInkijkSerializer(serializers.Serializer):
    datum = serializers.DateField()
    wie = serializers.CharField()
    organisatie = serializers.CharField()
    waarvoor = serializers.CharField()


class MijnNieuweMeldingSerializer(serializers.Serializer):
    vraag = serializers.CharField(max_length=VRAAG_MAX)
    domeinen = serializers.ListField(
        child=serializers.ChoiceField(choices=Domein.choices), min_length=1
    )
    persoonlijk_plan = serializers.CharField(
        max_length=VRAAG_MAX, required=False, allow_blank=True, default=""
    )


def _service(call: Any) -> Any:
    try:
        return call()
    except ValidationError as exc:
        raise DRFValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        ) from exc


# --- viewsets ------------------------------------------------------------------------------


class PortaalViewSet(viewsets.ViewSet):
    permission_classes = [InwonerPermission]
    access_actor = ActorKind.INWONER
    access_rules: dict[str, tuple[Resource, Action]] = {}


class ZakenViewSet(PortaalViewSet):
    access_rules = {"list": (R.DOSSIER, A.LEZEN)}

    @extend_schema(responses=MijnZaakSerializer(many=True), tags=["mijn"])
    def list(self, request: Request) -> Response:
        """The cases this login may see: the own one first, then those it represents."""
        zaken = selectors.zaken(request.user)
        access.log_inwoner_shown(
            request.user,
            [z.inwoner.pk for z in zaken],
            resource=R.DOSSIER,
            via=access.Via.request(request),
        )
        return Response(MijnZaakSerializer(zaken, many=True).data)


class OverzichtViewSet(PortaalViewSet):
    access_rules = {"retrieve": (R.DOSSIER, A.LEZEN)}

    @extend_schema(responses=MijnOverzichtSerializer, tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """Meldingen, onderzoeken (the verslag once final), deadlines in words, timeline."""
        inwoner = zaak(request, inwoner_id, R.DOSSIER, A.LEZEN)
        data = {
            "inwoner_id": inwoner.pk,
            "naam": inwoner.naam,
            "meldingen": list(selectors.meldingen(inwoner)[:50]),
            "onderzoeken": list(selectors.onderzoeken(inwoner)[:20]),
            "termijnen": selectors.termijnen(inwoner),
            "tijdlijn": list(selectors.tijdlijn(inwoner)[:50]),
        }
        return Response(MijnOverzichtSerializer(data).data)


class MeldingenViewSet(PortaalViewSet):
    access_rules = {"create": (R.MELDING, A.AANMAKEN)}

    @extend_schema(
        request=MijnNieuweMeldingSerializer, responses={201: MijnMeldingSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Report a need (with an optional personal plan, Wmo 2015 art. 2.3.2 lid 2); the answer
        is the confirmation of receipt with the date by which the onderzoek is held."""
        inwoner = zaak(request, inwoner_id, R.MELDING, A.AANMAKEN)
        invoer = MijnNieuweMeldingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        grond = access.grond_voor(request.user, inwoner.pk)
        melding = _service(
            lambda: melding_register(
                gemeente=inwoner.gemeente,
                actor=request.user,
                melder_soort=MelderSoort.ZELF if grond == Grond.ZELF else MelderSoort.NETWERK,
                kanaal=Kanaal.WEBFORMULIER,
                vraag=invoer.validated_data["vraag"],
                ontvangen_op=timezone.localdate(),
                domeinen=invoer.validated_data["domeinen"],
                inwoner=inwoner,
                melder_naam=request.user.get_full_name(),
                persoonlijk_plan=invoer.validated_data["persoonlijk_plan"],
                via=access.Via.request(request),
            )
        )
        return Response(MijnMeldingSerializer(melding).data, status=status.HTTP_201_CREATED)


class PlanViewSet(PortaalViewSet):
    access_rules = {"retrieve": (R.PLAN, A.LEZEN)}

    @extend_schema(responses=MijnPlanSerializer, tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """The household's plan: the shared goals and actions, who does what, next evaluation."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.LEZEN)
        plan = selectors.plan(inwoner)
        if plan is None:
            raise NotFound("Er is nog geen plan.")
        plan.volgende_evaluatie = selectors.volgende_evaluatie(plan)
        return Response(MijnPlanSerializer(plan).data)


class ActiesViewSet(PortaalViewSet):
    access_rules = {"gedaan": (R.PLAN, A.WIJZIGEN)}

    @extend_schema(request=None, responses=MijnActieSerializer, tags=["mijn"])
    def gedaan(self, request: Request, inwoner_id: int, pk: int) -> Response:
        """Report one of the resident's own actions done today."""
        inwoner = zaak(request, inwoner_id, R.PLAN, A.WIJZIGEN)
        plan = selectors.plan(inwoner)
        actie = (
            Actie.objects.filter(pk=pk, doel__plan=plan, gedeeld=True, doel__gedeeld=True).first()
            if plan
            else None
        )
        if actie is None:
            raise NotFound("Deze actie bestaat niet of is niet van u.")
        actie = _service(
            lambda: plannen.actie_gedaan(actie=actie, op=timezone.localdate(), actor=request.user)
        )
        return Response(MijnActieSerializer(actie).data)


class BesluitenViewSet(PortaalViewSet):
    access_rules = {"retrieve": (R.BESCHIKKING, A.LEZEN)}

    @extend_schema(responses=MijnBesluitenSerializer, tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """Aanvragen and sent beschikkingen, with the link to each stored letter."""
        inwoner = zaak(request, inwoner_id, R.BESCHIKKING, A.LEZEN)
        data = {
            "aanvragen": list(selectors.aanvragen(inwoner)[:100]),
            "beschikkingen": list(selectors.beschikkingen(inwoner)[:100]),
        }
        return Response(MijnBesluitenSerializer(data).data)


class InzageViewSet(PortaalViewSet):
    access_rules = {"retrieve": (R.INZAGELOG, A.LEZEN)}

    @extend_schema(responses=MijnInkijkSerializer(many=True), tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """Who looked at the file: role and organisation, date (never staff names)."""
        inwoner = zaak(request, inwoner_id, R.INZAGELOG, A.LEZEN)
        return Response(
            MijnInkijkSerializer(selectors.inzage_voor_inwoner(inwoner), many=True).data
        )


# --- bezwaar and klacht ----------------------------------------------------------------------


class MijnBezwaarSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    beschikking_id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    tijdigheid = serializers.CharField(
        help_text="tijdig, te_laat of te_laat_verschoonbaar (Awb 6:7-6:9, 6:11)."
    )
    beslissen_uiterlijk = serializers.DateField(help_text="Awb 7:10.")
    uitkomst = serializers.CharField()
    besloten_op = serializers.DateField(allow_null=True)


class MijnKlachtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    onderwerp = serializers.CharField()
    afhandelen_uiterlijk = serializers.DateField(help_text="Awb 9:11.")
    afgehandeld_op = serializers.DateField(allow_null=True)


class MijnBezwaarmogelijkheidSerializer(serializers.Serializer):
    beschikking_id = serializers.IntegerField(source="beschikking.pk")
    besloten_op = serializers.DateField(source="beschikking.besloten_op")
    bezwaar_uiterlijk = serializers.DateField(
        source="uiterlijk",
        help_text="De laatste dag voor bezwaar (Awb 6:7, 6:8, Algemene termijnenwet), zoals "
        "in de brief.",
    )
    op_tijd = serializers.BooleanField(help_text="Vandaag valt nog binnen de termijn.")
    lopend_bezwaar_id = serializers.IntegerField(source="lopend.pk", allow_null=True)


class MijnBezwarenSerializer(serializers.Serializer):
    besluiten = MijnBezwaarmogelijkheidSerializer(many=True)
    bezwaren = MijnBezwaarSerializer(many=True)
    klachten = MijnKlachtSerializer(many=True)


class MijnNieuwBezwaarSerializer(serializers.Serializer):
    gronden = serializers.CharField(max_length=BEZWAAR_MAX, min_length=10)
    reden_te_laat = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )


class MijnNieuweKlachtSerializer(serializers.Serializer):
    onderwerp = serializers.CharField(max_length=BEZWAAR_MAX, min_length=10)


class BezwarenViewSet(PortaalViewSet):
    access_rules = {
        "list": (R.BEZWAAR, A.LEZEN),
        "create": (R.BEZWAAR, A.AANMAKEN),
    }

    @extend_schema(responses=MijnBezwarenSerializer, tags=["mijn"])
    def list(self, request: Request, inwoner_id: int) -> Response:
        """Per sent beschikking the last day for a bezwaar; the bezwaren and klachten."""
        inwoner = zaak(request, inwoner_id, R.BEZWAAR, A.LEZEN)
        data = {
            "besluiten": selectors.bezwaarmogelijkheden(inwoner),
            "bezwaren": list(selectors.bezwaren(inwoner)[:100]),
            "klachten": list(selectors.klachten(inwoner)[:100]),
        }
        return Response(MijnBezwarenSerializer(data).data)

    @extend_schema(
        request=MijnNieuwBezwaarSerializer, responses={201: MijnBezwaarSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int, pk: int) -> Response:
        """File a bezwaar today against a sent beschikking (Awb 6:4, 6:5); a late one is filed
        too, with the reason (Awb 6:11). One running bezwaar per beschikking."""
        inwoner = zaak(request, inwoner_id, R.BEZWAAR, A.AANMAKEN)
        beschikking = selectors.beschikking_van(inwoner, pk)
        if beschikking is None:
            raise NotFound("Dit besluit bestaat niet of is niet van u.")
        invoer = MijnNieuwBezwaarSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        bezwaar = _service(
            lambda: portaal_services.bezwaar_indienen(
                inwoner=inwoner,
                beschikking=beschikking,
                gronden=invoer.validated_data["gronden"],
                reden_te_laat=invoer.validated_data["reden_te_laat"],
                actor=request.user,
                via=access.Via.request(request),
            )
        )
        return Response(MijnBezwaarSerializer(bezwaar).data, status=status.HTTP_201_CREATED)


class KlachtenViewSet(PortaalViewSet):
    access_rules = {"create": (R.KLACHT, A.AANMAKEN)}

    @extend_schema(
        request=MijnNieuweKlachtSerializer, responses={201: MijnKlachtSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """File a complaint today about how the municipality treated the resident (Awb 9:1)."""
        inwoner = zaak(request, inwoner_id, R.KLACHT, A.AANMAKEN)
        invoer = MijnNieuweKlachtSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        klacht = _service(
            lambda: portaal_services.klacht_indienen(
                inwoner=inwoner,
                onderwerp=invoer.validated_data["onderwerp"],
                actor=request.user,
                via=access.Via.request(request),
            )
        )
        return Response(MijnKlachtSerializer(klacht).data, status=status.HTTP_201_CREATED)


# --- the client-experience survey --------------------------------------------------------------


class MijnVraagSerializer(serializers.Serializer):
    code = serializers.CharField()
    tekst = serializers.CharField()


class MijnVragenlijstSerializer(serializers.Serializer):
    uitgenodigd = serializers.BooleanField()
    kan_antwoorden = serializers.BooleanField()
    reden = serializers.CharField(help_text="Waarom nu niet (leeg als het kan).")
    sluit_op = serializers.DateField(allow_null=True)
    schaal = serializers.DictField(
        child=serializers.CharField(), help_text="1 tot en met 5; null is 'weet ik niet'."
    )
    vragen = MijnVraagSerializer(many=True)


class MijnAntwoordenSerializer(serializers.Serializer):
    antwoorden = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text="Per vraagcode 1 tot en met 5, of null voor 'weet ik niet'.",
    )


class VragenlijstViewSet(PortaalViewSet):
    access_rules = {
        "retrieve": (R.ENQUETE, A.LEZEN),
        "create": (R.ENQUETE, A.AANMAKEN),
    }

    def _lijst(self, inwoner: Inwoner) -> dict[str, Any]:
        vandaag = timezone.localdate()
        uitnodiging = beleid_selectors.uitnodiging_van_inwoner(
            inwoner_id=inwoner.pk, vandaag=vandaag
        )
        reden = (
            beleid_services.open_voor_antwoord(uitnodiging, vandaag=vandaag)
            if uitnodiging
            else portaal_services.NIET_UITGENODIGD
        )
        return {
            "uitgenodigd": uitnodiging is not None,
            "kan_antwoorden": not reden,
            "reden": reden,
            "sluit_op": uitnodiging.uitvraging.sluit_op if uitnodiging else None,
            "schaal": {str(w): label for w, label in SCHAAL},
            "vragen": (
                list(uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True))
                if uitnodiging
                else []
            ),
        }

    @extend_schema(responses=MijnVragenlijstSerializer, tags=["mijn"])
    def retrieve(self, request: Request, inwoner_id: int) -> Response:
        """The client-experience survey (Wmo 2015 art. 2.5.1), when the resident was invited."""
        inwoner = zaak(request, inwoner_id, R.ENQUETE, A.LEZEN, log_allowed=False)
        return Response(MijnVragenlijstSerializer(self._lijst(inwoner)).data)

    @extend_schema(
        request=MijnAntwoordenSerializer, responses={201: MijnVragenlijstSerializer}, tags=["mijn"]
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Answer it: stored with the wijk and provider only, never with the person, and
        without a row in the access log (its moment would tell when this resident answered)."""
        inwoner = zaak(request, inwoner_id, R.ENQUETE, A.AANMAKEN, log_allowed=False)
        invoer = MijnAntwoordenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        antwoorden = invoer.validated_data["antwoorden"]
        _service(
            lambda: portaal_services.enquete_beantwoorden(inwoner=inwoner, scores=antwoorden)
        )
        return Response(
            MijnVragenlijstSerializer(self._lijst(inwoner)).data, status=status.HTTP_201_CREATED
        )


# --- machtigingen ------------------------------------------------------------------------------


class MijnMachtigingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    inwoner_id = serializers.IntegerField(help_text="Wie machtigt.")
    inwoner = serializers.CharField(source="inwoner.naam")
    gemachtigde_id = serializers.IntegerField()
    gemachtigde = serializers.CharField(source="gemachtigde.naam")
    soort = serializers.ChoiceField(choices=MachtigingSoort.choices)
    van = serializers.DateField()
    tot = serializers.DateField(allow_null=True)
    ingetrokken_op = serializers.DateField(allow_null=True)
    geldig = serializers.SerializerMethodField()

    def get_geldig(self, obj: Any) -> bool:
        return bool(obj.geldig_op(timezone.localdate()))


class MijnMachtigingenSerializer(serializers.Serializer):
    gegeven = MijnMachtigingSerializer(many=True, help_text="Wie voor mij mag handelen.")
    ontvangen = MijnMachtigingSerializer(many=True, help_text="Voor wie ik mag handelen.")


class MijnNieuweMachtigingSerializer(serializers.Serializer):
    bsn = serializers.RegexField(
        r"^\d{9}$", error_messages={"invalid": "Een BSN heeft 9 cijfers."}
    )
    geboortedatum = serializers.DateField()
    soort = serializers.ChoiceField(choices=MachtigingSoort.choices)
    tot = serializers.DateField(help_text="Tot en met deze dag; daarna stopt de machtiging.")


class MachtigingenViewSet(PortaalViewSet):
    """Only the resident's own login gives, withdraws and lists machtigingen (a gemachtigde
    does not pass one on): `access.INWONER_RULES`, ground `zelf`."""

    access_rules = {
        "list": (R.MACHTIGING, A.LEZEN),
        "create": (R.MACHTIGING, A.WIJZIGEN),
        "intrekken": (R.MACHTIGING, A.WIJZIGEN),
    }

    @extend_schema(responses=MijnMachtigingenSerializer, tags=["mijn"])
    def list(self, request: Request, inwoner_id: int) -> Response:
        """Who may act for me, and for whom I may act (current ones first)."""
        inwoner = zaak(request, inwoner_id, R.MACHTIGING, A.LEZEN)
        data = {
            "gegeven": selectors.machtigingen_gegeven(inwoner),
            "ontvangen": selectors.machtigingen_ontvangen(inwoner),
        }
        return Response(MijnMachtigingenSerializer(data).data)

    @extend_schema(
        request=MijnNieuweMachtigingSerializer,
        responses={201: MijnMachtigingSerializer},
        tags=["mijn"],
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        """Authorise another resident (BSN and birth date together) from today until `tot`."""
        inwoner = zaak(request, inwoner_id, R.MACHTIGING, A.WIJZIGEN)
        invoer = MijnNieuweMachtigingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        machtiging = _service(
            lambda: portaal_services.machtiging_geven(
                inwoner=inwoner, door=request.user, **invoer.validated_data
            )
        )
        return Response(MijnMachtigingSerializer(machtiging).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=MijnMachtigingSerializer, tags=["mijn"])
    def intrekken(self, request: Request, inwoner_id: int, pk: int) -> Response:
        """Withdraw a machtiging from today; the record stays."""
        inwoner = zaak(request, inwoner_id, R.MACHTIGING, A.WIJZIGEN)
        machtiging = (
            Machtiging.objects.filter(pk=pk, inwoner=inwoner).select_related("gemachtigde").first()
        )
        if machtiging is None:
            raise NotFound("Deze machtiging bestaat niet of is niet van u.")
        machtiging = _service(
            lambda: machtiging_withdraw(machtiging=machtiging, op=timezone.localdate())
        )
        return Response(MijnMachtigingSerializer(machtiging).data)
