"""REST endpoints for Eén plan: one plan per household with goals, actions, proposals, one
regisseur, participants with consent, signing (which turns maatwerk into aanvragen), safety
signals, merging and the earlier versions.

Thin, like the inwoners and meldingen APIs: parse, call one selector or service, render.
Access is decided by `privacy.access` only, with the same rules as the pages: the role per
action (`access_rules`, read by RolePermission), the household per plan (`access.require(...,
huishouden=...)`: a *current* member in scope, the same scope as the list,
`selectors.plannen_in_scope`), and each write once more by the service with the actor. Every
decision is logged, a refusal too: a plan outside the scope is a 403 with the reason when it
exists, a 404 when it does not. Every response that shows the plan logs each resident it shows
(detail, create, merge, a version). Writes of one part (a goal, an action ...) answer with the
record written. Ids in the input (residents, network persons, goals,
consents) are looked up within the plan's household only. Refusals of the services
(ValidationError in Dutch) become 400s in common.api.exception_handler and change nothing:
every service is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from eenplan.common.api import IdFilter, VersieViewSetMixin
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden, Inwoner, Netwerkpersoon
from eenplan.inwoners.selectors import huishouden_leden
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services
from eenplan.plannen.api.serializers import (
    AanvraagInputSerializer,
    ActieInputSerializer,
    DeelnemerInputSerializer,
    DoelInputSerializer,
    EvaluatieInputSerializer,
    IntrekkenInputSerializer,
    OndertekenenInputSerializer,
    PlanAanvraagSerializer,
    PlanActieSerializer,
    PlanCreateSerializer,
    PlanDeelnemerSerializer,
    PlanDetailSerializer,
    PlanDoelSerializer,
    PlanEvaluatieSerializer,
    PlanListSerializer,
    PlanOndertekeningSerializer,
    PlanToestemmingSerializer,
    PlanVersieDetailSerializer,
    PlanVoorstelSerializer,
    RegisseurInputSerializer,
    RegisseurSerializer,
    SamenvoegenInputSerializer,
    ToestemmingInputSerializer,
    VeiligheidInputSerializer,
    VeiligheidssignaalSerializer,
    VoorstelInputSerializer,
)
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Doel, Plan
from eenplan.plannen.selectors import plan_get, plannen_in_scope
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel as InzageDoel
from eenplan.privacy.models import Toestemming
from eenplan.privacy.services import toestemming_give, toestemming_withdraw

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=InzageDoel.values,
    required=False,
    description="Doel van inzage (wordt voor elk lid van het huishouden gelogd). Ook als "
    "header X-Eenplan-Doel. Standaard: het doel dat bij uw rol hoort.",
)
NIET_ONDERTEKENAAR = (
    "Alleen een lid van het huishouden of een wettelijk vertegenwoordiger kan het plan "
    "ondertekenen."
)

Perform = Callable[[Plan, dict[str, Any]], Any]


class PlanFilter(django_filters.FilterSet):
    huishouden = IdFilter(
        field_name="huishouden_id", label="Id van het huishouden"
    )
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices)

    class Meta:
        model = Plan
        fields = ["huishouden", "status"]


# --- lookups within the plan's household ----------------------------------------------------


def _lid(plan: Plan, inwoner_id: int, *, field: str = "inwoner") -> Inwoner:
    """A (current or former) member of the plan's household; the services check the dates."""
    inwoner = (
        Inwoner.objects.filter(pk=inwoner_id, lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
    if inwoner is None:
        raise ValidationError({field: f"Inwoner {inwoner_id} hoort niet bij dit huishouden."})
    return inwoner


def _netwerkpersoon(plan: Plan, pk: int, *, field: str = "netwerkpersoon") -> Netwerkpersoon:
    persoon = (
        Netwerkpersoon.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
    if persoon is None:
        raise ValidationError(
            {field: f"Netwerkpersoon {pk} hoort niet bij het netwerk van dit huishouden."}
        )
    return persoon


def _doel(plan: Plan, pk: int | None) -> Doel | None:
    if pk is None:
        return None
    doel = (
        plan.doelen.select_related("plan__huishouden", "inwoner", "leefgebied__instrument")
        .filter(pk=pk)
        .first()
    )
    if doel is None:
        raise ValidationError({"doel": f"Doel {pk} hoort niet bij dit plan."})
    return doel


def _toestemming(plan: Plan, pk: int) -> Toestemming | None:
    return (
        Toestemming.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )


@extend_schema_view(
    list=extend_schema(
        summary="Plannen van huishoudens met ten minste één lid in uw werkgebied",
        responses=PlanListSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="Plan met doelen, acties, evaluaties, voorstellen, regisseur, deelnemers, "
        "aanvragen en versies (wordt gelogd voor elk lid van het huishouden)",
        parameters=[DOEL_PARAMETER],
        responses=PlanDetailSerializer,
    ),
    create=extend_schema(
        summary="Plan openen voor een huishouden (één plan per huishouden)",
        description="Heeft het huishouden al een actief plan, dan komt dat plan terug (200) "
        "in plaats van een nieuw plan (201).",
        request=PlanCreateSerializer,
        responses={200: PlanDetailSerializer, 201: PlanDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class PlanViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    versie_model = Plan
    permission_classes = [RolePermission]
    _lezen = (Resource.PLAN, Action.LEZEN)
    _schrijven = (Resource.PLAN, Action.WIJZIGEN)
    access_rules = {
        "list": _lezen,
        "retrieve": _lezen,
        "versie": _lezen,
        "create": (Resource.PLAN, Action.AANMAKEN),
        "doelen": _schrijven,
        "acties": _schrijven,
        "voorstellen": _schrijven,
        "evaluaties": _schrijven,
        "regisseur": _schrijven,
        "deelnemers": _schrijven,
        "toestemmingen": _schrijven,
        "toestemming_intrekken": _schrijven,
        "veiligheid": _schrijven,
        "ondertekenen": _schrijven,
        "aanvragen": _schrijven,
        "samenvoegen": _schrijven,
    }
    queryset = Plan.objects.none()  # for the schema; the real scope is per login
    serializer_class = PlanListSerializer
    filterset_class = PlanFilter

    def get_queryset(self) -> QuerySet[Plan]:
        return plannen_in_scope(self.request.user)

    # --- reading --------------------------------------------------------------------------

    def list(self, request: Request) -> Response:
        queryset = self.filter_queryset(
            self.get_queryset().select_related("huishouden").order_by("-created_at", "-id")
        )
        page = self.paginate_queryset(queryset)
        rows = PlanListSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(rows.data)

    def _get(self, request: Request, pk: Any, handeling: Action = Action.LEZEN) -> Plan:
        """The plan, if this login may read it (`handeling` LEZEN) or change it (WIJZIGEN):
        404 when it does not exist, else `access.require` on its household — a 403 with the
        reason when no current member is in scope, logged for every current member either
        way. `plan.gelogd` holds the residents logged.

        Loaded without prefetches: the services read the related rows themselves and must not
        see a stale cache."""
        try:
            plan_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound("Dit plan bestaat niet.") from exc
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else
        plan = Plan.objects.select_related("huishouden").filter(pk=plan_id).first()
        if plan is None:
            raise NotFound("Dit plan bestaat niet.")
        besluit = access.require(
            request.user,
            Resource.PLAN,
            handeling,
            via=access.Via.request(request),
            huishouden=plan.huishouden_id,
            doel=doel,
        )
        plan.gelogd = set(besluit.inwoner_ids)
        return plan

    def _render(
        self, request: Request, plan_id: int, *, code: int = 200, gelogd: set[int] | None = None
    ) -> Response:
        """The plan as its page shows it; every resident shown is logged (those in `gelogd`
        already were, by the decision that opened it)."""
        plan = plan_get(scope=Plan.objects.all(), pk=plan_id)
        if plan is None:  # not reached: the caller loaded it in the same request
            raise NotFound("Dit plan bestaat niet.")
        leden = {lid.inwoner_id for lid in huishouden_leden(huishouden=plan.huishouden)}
        leden |= {d.inwoner_id for d in plan.doelen.all()}
        leden |= {v.inwoner_id for v in plan.voorstellen.all()}
        access.log_shown(
            request.user,
            sorted(leden - (gelogd or set())),
            resource=Resource.PLAN,
            via=access.Via.request(request),
            doel=request_doel(request),
        )
        context = {
            "request": request,
            "actief": {d.pk for d in services.deelnemers_actief(plan, timezone.localdate())},
            "toestemmingen": Toestemming.objects.filter(inwoner_id__in=leden).order_by(
                "-gegeven_op", "-id"
            ),
        }
        return Response(PlanDetailSerializer(plan, context=context).data, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        plan = self._get(request, pk)
        return self._render(request, plan.pk, gelogd=plan.gelogd)

    @extend_schema(
        summary="Eén eerdere versie van het plan (wordt gelogd)",
        parameters=[
            OpenApiParameter("versie", int, OpenApiParameter.PATH, description="Versienummer."),
            DOEL_PARAMETER,
        ],
        responses=PlanVersieDetailSerializer,
    )
    @action(detail=True, methods=["get"], url_path=r"versies/(?P<versie>\d+)")
    def versie(self, request: Request, pk: Any = None, versie: Any = None) -> Response:
        plan = self._get(request, pk)
        snapshot = plan.versies.select_related("door").filter(versie=int(versie)).first()
        if snapshot is None:
            raise NotFound("Deze versie van het plan bestaat niet.")
        leden = {lid.inwoner_id for lid in huishouden_leden(huishouden=plan.huishouden)}
        access.log_shown(
            request.user,
            sorted(leden - plan.gelogd),
            resource=Resource.PLAN,
            via=access.Via.request(request),
            doel=request_doel(request),
        )
        return Response(PlanVersieDetailSerializer(snapshot).data)

    # --- writing --------------------------------------------------------------------------

    def create(self, request: Request) -> Response:
        data = PlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        request_doel(request)
        huishouden_id = data.validated_data["huishouden"]
        huishouden = Huishouden.objects.filter(pk=huishouden_id).first()
        if huishouden is None:
            raise ValidationError({"huishouden": f"Huishouden {huishouden_id} is onbekend."})
        # May this login open - or read - the plan of this household? A current member in
        # scope, as for every other plan request; decided here for this request and once more
        # by the service.
        besluit = access.require(
            request.user,
            Resource.PLAN,
            Action.AANMAKEN,
            via=access.Via.request(request),
            huishouden=huishouden.pk,
            doel=request_doel(request),
        )
        begin = timezone.now()
        plan = services.plan_open(huishouden=huishouden, actor=request.user)
        nieuw = plan.created_at >= begin
        return self._render(
            request, plan.pk, code=201 if nieuw else 200, gelogd=set(besluit.inwoner_ids)
        )

    def _act(
        self,
        request: Request,
        pk: Any,
        serializer_class: type[Serializer],
        perform: Perform,
        output: Callable[[Any], Any],
        *,
        code: int = status.HTTP_201_CREATED,
    ) -> Response:
        """Load (may this login change this plan?), parse, call one service (which decides
        again, with the actor), answer with the record written."""
        plan = self._get(request, pk, Action.WIJZIGEN)
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = perform(plan, dict(serializer.validated_data))
        return Response(output(result), status=code)

    @extend_schema(
        summary="Doel toevoegen (op een leefgebied, met het soort doel)",
        request=DoelInputSerializer,
        responses={201: PlanDoelSerializer},
    )
    @action(detail=True, methods=["post"])
    def doelen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> Doel:
            leefgebied = None
            if data["leefgebied"] is not None:
                leefgebied = Leefgebied.objects.filter(pk=data["leefgebied"]).first()
                if leefgebied is None:
                    raise ValidationError({"leefgebied": "Onbekend leefgebied."})
            return services.doel_add(
                plan=plan,
                inwoner=_lid(plan, data["inwoner"]),
                leefgebied=leefgebied,
                omschrijving=data["omschrijving"],
                doeltype=data["doeltype"],
                evaluatie_op=data["evaluatie_op"],
                actor=request.user,
            )

        return self._act(
            request, pk, DoelInputSerializer, perform, lambda d: PlanDoelSerializer(d).data
        )

    @extend_schema(
        summary="Actie bij een doel toevoegen (wat, wie en wanneer)",
        request=ActieInputSerializer,
        responses={201: PlanActieSerializer},
    )
    @action(detail=True, methods=["post"])
    def acties(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.actie_add(
                doel=_doel(plan, data.pop("doel")), actor=request.user, **data
            )

        return self._act(
            request, pk, ActieInputSerializer, perform, lambda a: PlanActieSerializer(a).data
        )

    @extend_schema(
        summary="Voorziening voorstellen",
        description="Maatwerk (ladderstap 5 of 6) wordt geweigerd (400, met elke reden) zolang "
        "niet elke lichtere stap van de ladder in het onderzoek is afgewogen met een reden "
        "waarom die niet volstaat (Wmo 2015 art. 2.3.5 lid 3).",
        request=VoorstelInputSerializer,
        responses={201: PlanVoorstelSerializer},
    )
    @action(detail=True, methods=["post"])
    def voorstellen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.voorstel_add(
                plan=plan,
                inwoner=_lid(plan, data["inwoner"]),
                omschrijving=data["omschrijving"],
                wet=data["wet"],
                ladderstap=data["ladderstap"],
                doel=_doel(plan, data["doel"]),
                actor=request.user,
            )

        return self._act(
            request,
            pk,
            VoorstelInputSerializer,
            perform,
            lambda v: PlanVoorstelSerializer(v).data,
        )

    @extend_schema(
        summary="Doel evalueren (bereikt, deels, niet; met de nieuwe score)",
        request=EvaluatieInputSerializer,
        responses={201: PlanEvaluatieSerializer},
    )
    @action(detail=True, methods=["post"])
    def evaluaties(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.evaluatie_add(
                doel=_doel(plan, data.pop("doel")), actor=request.user, **data
            )

        return self._act(
            request,
            pk,
            EvaluatieInputSerializer,
            perform,
            lambda e: PlanEvaluatieSerializer(e).data,
        )

    @extend_schema(
        summary="Regisseur vastleggen (precies één; de vorige houdt haar periode)",
        description="De inwoner, een mantelzorger, iemand uit het netwerk, of alleen op "
        "vastgelegd verzoek van de inwoner een professional.",
        request=RegisseurInputSerializer,
        responses={201: RegisseurSerializer},
    )
    @action(detail=True, methods=["post"])
    def regisseur(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            medewerker = None
            if data["medewerker"] is not None:
                medewerker = (
                    Medewerker.objects.select_related("user")
                    .filter(pk=data["medewerker"], gemeente_id=plan.huishouden.gemeente_id)
                    .first()
                )
                if medewerker is None:
                    raise ValidationError({"medewerker": "Onbekende medewerker."})
            return services.regisseur_set(
                plan=plan,
                soort=data["soort"],
                van=data["van"],
                inwoner=_lid(plan, data["inwoner"]) if data["inwoner"] is not None else None,
                netwerkpersoon=(
                    _netwerkpersoon(plan, data["netwerkpersoon"])
                    if data["netwerkpersoon"] is not None
                    else None
                ),
                medewerker=medewerker,
                op_verzoek_van_inwoner=data["op_verzoek_van_inwoner"],
                actor=request.user,
            )

        return self._act(
            request, pk, RegisseurInputSerializer, perform, lambda r: RegisseurSerializer(r).data
        )

    @extend_schema(
        summary="Deelnemer toevoegen (alleen met vastgelegde toestemming)",
        description="Geef het id van de toestemming van een lid van het huishouden; vastleggen "
        "kan met POST /api/v1/plannen/{id}/toestemmingen/.",
        request=DeelnemerInputSerializer,
        responses={201: PlanDeelnemerSerializer},
    )
    @action(detail=True, methods=["post"])
    def deelnemers(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            toestemming = None
            if data["toestemming"] is not None:
                toestemming = _toestemming(plan, data["toestemming"])
                if toestemming is None:
                    raise ValidationError(
                        {
                            "toestemming": f"Toestemming {data['toestemming']} is niet van een "
                            "lid van dit huishouden."
                        }
                    )
            deelnemer = services.deelnemer_add(
                plan=plan,
                rol=data["rol"],
                toestemming=toestemming,
                netwerkpersoon=(
                    _netwerkpersoon(plan, data["netwerkpersoon"])
                    if data["netwerkpersoon"] is not None
                    else None
                ),
                organisatie=data["organisatie"],
                actor=request.user,
            )
            actief = {d.pk for d in services.deelnemers_actief(plan, timezone.localdate())}
            return PlanDeelnemerSerializer(deelnemer, context={"actief": actief}).data

        return self._act(request, pk, DeelnemerInputSerializer, perform, lambda data: data)

    @extend_schema(
        summary="Toestemming van een lid van het huishouden vastleggen",
        request=ToestemmingInputSerializer,
        responses={201: PlanToestemmingSerializer},
    )
    @action(detail=True, methods=["post"])
    def toestemmingen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return toestemming_give(
                inwoner=_lid(plan, data["inwoner"]),
                aan=data["aan"],
                doel=data["doel"],
                gegeven_op=data["gegeven_op"],
                door=request.user,
            )

        return self._act(
            request,
            pk,
            ToestemmingInputSerializer,
            perform,
            lambda t: PlanToestemmingSerializer(t).data,
        )

    @extend_schema(
        summary="Toestemming intrekken (vanaf die dag geen toegang meer; het record blijft)",
        parameters=[
            OpenApiParameter(
                "toestemming_id", int, OpenApiParameter.PATH, description="Id van de toestemming."
            )
        ],
        request=IntrekkenInputSerializer,
        responses={200: PlanToestemmingSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"toestemmingen/(?P<toestemming_id>\d+)/intrekken",
    )
    def toestemming_intrekken(
        self, request: Request, pk: Any = None, toestemming_id: Any = None
    ) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            toestemming = _toestemming(plan, int(toestemming_id))
            if toestemming is None:
                raise NotFound("Deze toestemming hoort niet bij dit huishouden.")
            return toestemming_withdraw(toestemming=toestemming, op=data["op"])

        return self._act(
            request,
            pk,
            IntrekkenInputSerializer,
            perform,
            lambda t: PlanToestemmingSerializer(t).data,
            code=status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Zorg over veiligheid vastleggen met de besloten escalatie (meldcode)",
        request=VeiligheidInputSerializer,
        responses={201: VeiligheidssignaalSerializer},
    )
    @action(detail=True, methods=["post"])
    def veiligheid(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            return services.veiligheid_signaleer(plan=plan, actor=request.user, **data)

        return self._act(
            request,
            pk,
            VeiligheidInputSerializer,
            perform,
            lambda s: VeiligheidssignaalSerializer(s).data,
        )

    @extend_schema(
        summary="Plan ondertekenen; voorgesteld maatwerk wordt een aanvraag",
        description="Door een (meerderjarig) lid van het huishouden of een wettelijk "
        "vertegenwoordiger. Elk voorgesteld maatwerk wordt een aanvraag, ontvangen op de dag "
        "van ondertekening, met de uiterste beslisdatum.",
        request=OndertekenenInputSerializer,
        responses={200: PlanOndertekeningSerializer},
    )
    @action(detail=True, methods=["post"])
    def ondertekenen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            try:
                ondertekenaar: Inwoner | Netwerkpersoon = (
                    _lid(plan, data["inwoner"])
                    if data["inwoner"] is not None
                    else _netwerkpersoon(plan, data["vertegenwoordiger"])
                )
            except ValidationError as exc:
                raise ValidationError(NIET_ONDERTEKENAAR) from exc
            aanvragen = services.plan_sign(
                plan=plan, ondertekenaar=ondertekenaar, op=data["op"], actor=request.user
            )
            return {
                "plan": plan.pk,
                "status": plan.status,
                "ondertekend_op": plan.ondertekend_op,
                "ondertekend_door": plan.ondertekend_door,
                "aanvragen": aanvragen,
            }

        return self._act(
            request,
            pk,
            OndertekenenInputSerializer,
            perform,
            lambda result: PlanOndertekeningSerializer(result).data,
            code=status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Aanvraag voor iets anders dan het plan adviseert (afwijkend van het advies)",
        description="Een aanvraag volgt op het onderzoek, tenzij dat langer dan zes weken "
        "duurde (Wmo 2015 art. 2.3.2 lid 9).",
        request=AanvraagInputSerializer,
        responses={201: PlanAanvraagSerializer},
    )
    @action(detail=True, methods=["post"])
    def aanvragen(self, request: Request, pk: Any = None) -> Response:
        def perform(plan: Plan, data: dict[str, Any]) -> object:
            data["inwoner"] = _lid(plan, data["inwoner"])
            return services.aanvraag_file(plan=plan, actor=request.user, **data)

        return self._act(
            request,
            pk,
            AanvraagInputSerializer,
            perform,
            lambda a: PlanAanvraagSerializer(a).data,
        )

    @extend_schema(
        summary="Plannen van leden van één huishouden samenvoegen (de geschiedenis blijft)",
        description="Dit plan blijft over; de andere (lopende plannen die leden uit hun vorige "
        "huishouden meebrachten) worden 'samengevoegd' en verwijzen ernaar. Antwoordt met het "
        "plan dat overblijft (wordt gelogd).",
        request=SamenvoegenInputSerializer,
        responses={200: PlanDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def samenvoegen(self, request: Request, pk: Any = None) -> Response:
        plan = self._get(request, pk, Action.WIJZIGEN)
        data = SamenvoegenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = set(data.validated_data["plannen"]) - {plan.pk}
        andere = list(self.get_queryset().select_related("huishouden").filter(pk__in=ids))
        onbekend = sorted(ids - {p.pk for p in andere})
        if onbekend:
            raise ValidationError(
                {
                    "plannen": [
                        f"Plan {i} is onbekend of valt buiten uw werkgebied." for i in onbekend
                    ]
                }
            )
        result = services.plan_merge(plannen=[plan, *andere], actor=request.user)
        return self._render(request, result.pk)
