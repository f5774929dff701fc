"""The plan resource itself: list, read (and a version), open; `_get`, `_render` and `_act`
that every action uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from eenplan.beschikkingen.plan_selectors import leesbaar_voor, plan_aanvragen_stand
from eenplan.common.api import VersieViewSetMixin
from eenplan.inwoners.models import Huishouden
from eenplan.inwoners.selectors import huishouden_leden
from eenplan.plannen import services
from eenplan.plannen.api.serializers import (
    PlanCreateSerializer,
    PlanDetailSerializer,
    PlanListSerializer,
    PlanVersieDetailSerializer,
)
from eenplan.plannen.api.views.gemeen import DOEL_PARAMETER, Perform, PlanFilter
from eenplan.plannen.models import Plan
from eenplan.plannen.selectors import plan_get, plannen_in_scope
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.models import Toestemming


# The classes here carry comments, not docstrings: a docstring would become the description
# of every operation in the OpenAPI schema.
class PlanBasis(VersieViewSetMixin, viewsets.GenericViewSet):
    # Reading and opening plans, and the steps every write on a plan shares.

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
        404 when it is not within the login's municipality (logged as a refusal,
        `access.get_or_refuse`), else `access.require` on its household — a 403 with the
        reason when no current member is in scope, logged for every current member either
        way. `plan.gelogd` holds the residents logged.

        Loaded without prefetches: the services read the related rows themselves and must not
        see a stale cache."""
        try:
            plan_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound("Dit plan bestaat niet.") from exc
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else
        plan = access.get_or_refuse(
            request.user,
            Resource.PLAN,
            handeling,
            via=access.Via.request(request),
            pk=plan_id,
            zoek=lambda gemeente_id: Plan.objects.select_related("huishouden")
            .filter(pk=plan_id, huishouden__gemeente_id=gemeente_id)
            .first(),
            wat="Plan",
            niet_gevonden="Dit plan bestaat niet.",
            doel=doel,
        )
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
        plan = plan_get(
            pk=plan_id,
            gemeente_id=access.Actor.of(request.user).gemeente_id,
        )
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
            "actief": {
                d.pk
                for d in services.deelnemers_actief(
                    plan, timezone.localdate(), deelnemers=plan.deelnemers.all()
                )
            },
            "toestemmingen": Toestemming.objects.filter(inwoner_id__in=leden).order_by(
                "-gegeven_op", "-id"
            ),
            # The live state of the aanvragen: the same read as the plan page.
            "aanvragen": leesbaar_voor(
                request.user,
                plan_aanvragen_stand(plan_id=plan.pk, gemeente_id=plan.huishouden.gemeente_id),
            ),
            "mag_beschikking": access.allows(request.user, Resource.BESCHIKKING, Action.LEZEN),
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
        # Within the login's municipality: another municipality's household is the same logged
        # 400 as an unknown one (`access.uit_invoer`, ADR 0046), not a 403 on need-to-know that
        # told it exists and was logged in that municipality's log.
        huishouden: Huishouden = access.uit_invoer(
            request.user,
            Resource.PLAN,
            Action.AANMAKEN,
            via=access.Via.request(request),
            pk=huishouden_id,
            zoek=lambda gemeente_id: Huishouden.objects.filter(
                pk=huishouden_id, gemeente_id=gemeente_id
            ).first(),
            wat="Huishouden",
            veld="huishouden",
            doel=request_doel(request),
        )
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
