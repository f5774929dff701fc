"""REST endpoints for inwoners and huishoudens. Thin: parse, authorise, call a service or
selector, serialise. The same rules as the pages: role permission, need-to-know scope, and an
access-log row for every read of a dossier."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import (
    BegrensdePagination,
    IdCursorPagination,
    IdFilter,
    VersieViewSetMixin,
    pagina,
)
from eenplan.common.lookups import Bytevolgorde
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.inwoners.api.serializers import (
    HuishoudenInputSerializer,
    HuishoudenLidInputSerializer,
    HuishoudenSerializer,
    InwonerDetailSerializer,
    InwonerInputSerializer,
    InwonerListSerializer,
    LidEindeInputSerializer,
    NetwerkpersoonInputSerializer,
    NetwerkpersoonSerializer,
)
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner
from eenplan.inwoners.selectors import (
    ZOEK_TELLEN_MAX,
    huishouden_current,
    huishoudens_in_scope,
    huishoudens_with_members,
    inwoner_search,
)
from eenplan.inwoners.services import (
    huishouden_create,
    huishouden_lid_add,
    huishouden_lid_end,
    huishouden_rename,
    inwoner_create,
    inwoner_update,
    netwerkpersoon_add,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel, user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=Doel.values,
    required=False,
    description="Doel van inzage (wordt gelogd). Ook als header X-Eenplan-Doel. Standaard: het "
    "doel dat bij uw rol hoort.",
)


class InwonerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label="Zoek op naam, BSN, geboortedatum (dd-mm-jjjj) of postcode met huisnummer",
    )
    wijk = IdFilter(field_name="wijk_id")
    geboortedatum = django_filters.DateFilter()
    bsn = django_filters.CharFilter()
    postcode = django_filters.CharFilter(method="filter_postcode")

    class Meta:
        model = Inwoner
        fields = ["q", "wijk", "geboortedatum", "bsn", "postcode"]

    def filter_queryset(self, queryset: QuerySet[Inwoner]) -> Any:
        """The other filters first, then the search (`q`) within what they left: the same
        selector as the page, whose results are an ordered list, not a queryset to filter."""
        queryset = super().filter_queryset(queryset)
        q = self.form.cleaned_data.get("q")
        return inwoner_search(scope=queryset, q=q)[1] if q else queryset

    def filter_q(self, queryset: QuerySet[Inwoner], name: str, value: str) -> QuerySet[Inwoner]:
        return queryset  # in filter_queryset, after the other filters

    def filter_postcode(
        self, queryset: QuerySet[Inwoner], name: str, value: str
    ) -> QuerySet[Inwoner]:
        return queryset.filter(postcode=value.replace(" ", "").upper())


class InwonerPagination(BegrensdePagination):
    """The count stops at the same bound as the search page's (`ZOEK_TELLEN_MAX`)."""

    max_aantal = ZOEK_TELLEN_MAX


@extend_schema_view(
    list=extend_schema(summary="Inwoners zoeken (binnen uw werkgebied)"),
    retrieve=extend_schema(
        summary="Dossier van een inwoner (wordt gelogd)", parameters=[DOEL_PARAMETER]
    ),
    create=extend_schema(
        summary="Inwoner registreren",
        request=InwonerInputSerializer,
        responses={201: InwonerDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Gegevens van een inwoner wijzigen",
        request=InwonerInputSerializer,
        responses={200: InwonerDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
)
class InwonerViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    versie_model = Inwoner
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.DOSSIER, Action.ZOEKEN),
        "retrieve": (Resource.DOSSIER, Action.LEZEN),
        "create": (Resource.DOSSIER, Action.AANMAKEN),
        "partial_update": (Resource.DOSSIER, Action.WIJZIGEN),
        "netwerk": (Resource.NETWERK, Action.AANMAKEN),
    }
    filterset_class = InwonerFilter
    serializer_class = InwonerListSerializer
    pagination_class = InwonerPagination

    def get_queryset(self) -> QuerySet[Inwoner]:
        # Without `q`: in the order of the search results (surname first), from the same index.
        return (
            access.inwoners_in_scope(self.request.user)
            .select_related("wijk")
            .order_by(Bytevolgorde("zoeknaam"), "id")
        )

    def get_serializer_class(self) -> type:
        return InwonerListSerializer if self.action == "list" else InwonerDetailSerializer

    def list(self, request: Request) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        return pagina(self, request, queryset, InwonerListSerializer)

    def _open(self, request: Request, pk: Any) -> Inwoner:
        """The resident, after the decision for this action (logged either way): found by id
        within the login's municipality, with the wijk held to it too (issue 16); another
        municipality's resident is the logged 404 of one that exists nowhere (ADR 0046); 403
        when the role or need-to-know refuses."""
        inwoner_id = _int(pk)
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else happens
        via = access.Via.request(request)
        resource, action_ = self.access_rules[self.action]
        inwoner = access.get_or_refuse(
            request.user,
            resource,
            action_,
            via=via,
            pk=inwoner_id,
            zoek=lambda gemeente_id: (
                Inwoner.objects.select_related("wijk")
                .filter(pk=inwoner_id, gemeente_id=gemeente_id, wijk__gemeente_id=gemeente_id)
                .first()
            ),
            wat="Inwoner",
            niet_gevonden="Deze inwoner bestaat niet.",
            doel=doel,
        )
        access.require(request.user, resource, action_, via=via, inwoner=inwoner, doel=doel)
        return inwoner

    def _detail(self, request: Request, inwoner: Inwoner) -> dict[str, Any]:
        inwoner = (
            Inwoner.objects.select_related("wijk")
            .prefetch_related("netwerk")
            .get(
                pk=inwoner.pk,
                gemeente_id=inwoner.gemeente_id,
                wijk__gemeente_id=inwoner.gemeente_id,
            )
        )
        huishouden = huishouden_current(inwoner=inwoner, vandaag=timezone.localdate())
        return InwonerDetailSerializer(
            inwoner,
            context={"request": request, "huishouden_id": huishouden.pk if huishouden else None},
        ).data

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return Response(self._detail(request, self._open(request, pk)))

    def _wijk(self, gemeente: Gemeente, wijk_id: int) -> Wijk:
        wijk = Wijk.objects.filter(pk=wijk_id, gemeente=gemeente).first()
        if wijk is None:
            raise ValidationError({"wijk": "Onbekende wijk voor deze gemeente."})
        return wijk

    def create(self, request: Request) -> Response:
        data = InwonerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        fields = dict(data.validated_data)
        fields["wijk"] = self._wijk(gemeente, fields["wijk"])
        via = access.Via.request(request)
        doel = request_doel(request)
        # Only in a wijk one of the login's teams serves: a resident one registers must stay
        # within one's own need-to-know.
        access.require(
            request.user, Resource.DOSSIER, Action.AANMAKEN, via=via, wijk=fields["wijk"].pk,
            doel=doel,
        )
        inwoner = inwoner_create(gemeente=gemeente, **fields)
        access.require(
            request.user, Resource.DOSSIER, Action.LEZEN, via=via, inwoner=inwoner, doel=doel
        )
        return Response(self._detail(request, inwoner), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        inwoner = self._open(request, pk)
        data = InwonerInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "wijk" in fields:
            fields["wijk"] = self._wijk(inwoner.gemeente, fields["wijk"])
        inwoner = inwoner_update(inwoner=inwoner, **fields)
        return Response(self._detail(request, inwoner))

    @extend_schema(
        summary="Netwerkpersoon toevoegen",
        request=NetwerkpersoonInputSerializer,
        responses={201: NetwerkpersoonSerializer},
    )
    @action(detail=True, methods=["post"])
    def netwerk(self, request: Request, pk: Any = None) -> Response:
        inwoner = self._open(request, pk)
        data = NetwerkpersoonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        persoon = netwerkpersoon_add(inwoner=inwoner, **data.validated_data)
        return Response(NetwerkpersoonSerializer(persoon).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Huishoudens met ten minste één lid in uw werkgebied"),
    retrieve=extend_schema(
        summary="Huishouden met leden, ook eerdere (wordt gelogd)", parameters=[DOEL_PARAMETER]
    ),
    create=extend_schema(
        summary="Huishouden vastleggen",
        request=HuishoudenInputSerializer,
        responses={201: HuishoudenSerializer},
    ),
    partial_update=extend_schema(
        summary="Naam van een huishouden wijzigen",
        request=HuishoudenInputSerializer,
        responses={200: HuishoudenSerializer},
    ),
)
class HuishoudenViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    versie_model = Huishouden
    permission_classes = [RolePermission]
    pagination_class = IdCursorPagination
    serializer_class = HuishoudenSerializer
    access_rules = {
        "list": (Resource.HUISHOUDEN, Action.LEZEN),
        "retrieve": (Resource.HUISHOUDEN, Action.LEZEN),
        "create": (Resource.HUISHOUDEN, Action.AANMAKEN),
        "partial_update": (Resource.HUISHOUDEN, Action.WIJZIGEN),
        "leden": (Resource.HUISHOUDEN, Action.WIJZIGEN),
        "lid_beeindigen": (Resource.HUISHOUDEN, Action.WIJZIGEN),
    }
    filterset_fields: list[str] = []

    def get_queryset(self) -> QuerySet[Huishouden]:
        scope = access.inwoners_in_scope(self.request.user)
        return huishoudens_with_members(
            huishoudens_in_scope(scope), gemeente_id=access.Actor.of(self.request.user).gemeente_id
        ).order_by("id")

    def _get(self, pk: Any) -> Huishouden:
        """The household after the decision for this action: in scope through a *current*
        member, for reading and writing alike (logged either way); 404 when unknown within the
        login's municipality — another municipality's household too, logged as not found there
        (`access.get_or_refuse`, ADR 0046), not a refusal that tells it exists."""
        huishouden_id = _int(pk)
        resource, action_ = self.access_rules[self.action]
        gemeente_id = access.get_or_refuse(
            self.request.user,
            resource,
            action_,
            via=access.Via.request(self.request),
            pk=huishouden_id,
            zoek=lambda gemeente_id: (
                Huishouden.objects.filter(pk=huishouden_id, gemeente_id=gemeente_id)
                .values_list("gemeente_id", flat=True)
                .first()
            ),
            wat="Huishouden",
            niet_gevonden="Dit huishouden bestaat niet.",
        )
        access.require(
            self.request.user,
            resource,
            action_,
            via=access.Via.request(self.request),
            huishouden=huishouden_id,
            doel=request_doel(self.request),
        )
        huishouden = huishoudens_with_members(
            Huishouden.objects.filter(pk=huishouden_id), gemeente_id=gemeente_id
        ).get()
        self.geladen_versie = huishouden.versie  # the ETag, read with the municipality
        return huishouden

    def _log_former_members(self, request: Request, huishouden: Huishouden) -> None:
        """The decision logged the current members; the former members shown are logged too."""
        vandaag = timezone.localdate()
        vroeger = {
            lid.inwoner_id: lid.inwoner.gemeente_id
            for lid in huishouden.leden.all()
            if lid.lid_tot is not None and lid.lid_tot <= vandaag
        }
        access.log_shown(
            request.user,
            sorted(vroeger),
            resource=Resource.HUISHOUDEN,
            via=access.Via.request(request),
            doel=request_doel(request),
            gemeenten=vroeger,
        )

    def list(self, request: Request) -> Response:
        return pagina(self, request, self.get_queryset(), HuishoudenSerializer)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        huishouden = self._get(pk)
        self._log_former_members(request, huishouden)
        return Response(HuishoudenSerializer(huishouden).data)

    def _inwoner(self, request: Request, inwoner_id: int) -> Inwoner:
        """A resident to add: known within the login's municipality (another municipality's is
        unknown, the refusal logged: `access.inwoner_uit_invoer`), and within the login's own
        need-to-know (decided and logged); a resident of another wijk cannot be moved into a
        household this way."""
        inwoner = access.inwoner_uit_invoer(
            request.user,
            Resource.DOSSIER,
            Action.WIJZIGEN,
            via=access.Via.request(request),
            pk=inwoner_id,
            doel=request_doel(request),
        )
        access.require(
            request.user,
            Resource.DOSSIER,
            Action.WIJZIGEN,
            via=access.Via.request(request),
            inwoner=inwoner,
            doel=request_doel(request),
        )
        return inwoner

    def create(self, request: Request) -> Response:
        data = HuishoudenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gemeente = user_gemeente(request)
        leden = data.validated_data.get("leden", [])
        members = [
            (self._inwoner(request, lid["inwoner"]), lid["relatie"], lid["lid_van"])
            for lid in leden
        ]
        if not members:
            raise ValidationError({"leden": "Een nieuw huishouden heeft ten minste één lid."})
        huishouden = huishouden_create(
            gemeente=gemeente, naam=data.validated_data.get("naam", ""), leden=members
        )
        return Response(
            HuishoudenSerializer(self._get(huishouden.pk)).data, status=status.HTTP_201_CREATED
        )

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        huishouden = self._get(pk)
        data = HuishoudenInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        if "naam" in data.validated_data:
            huishouden_rename(huishouden=huishouden, naam=data.validated_data["naam"])
        return Response(HuishoudenSerializer(self._get(pk)).data)

    @extend_schema(
        summary="Lid toevoegen",
        request=HuishoudenLidInputSerializer,
        responses={201: HuishoudenSerializer},
    )
    @action(detail=True, methods=["post"])
    def leden(self, request: Request, pk: Any = None) -> Response:
        huishouden = self._get(pk)
        data = HuishoudenLidInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        huishouden_lid_add(
            huishouden=huishouden,
            inwoner=self._inwoner(request, data.validated_data["inwoner"]),
            relatie=data.validated_data["relatie"],
            lid_van=data.validated_data["lid_van"],
        )
        return Response(HuishoudenSerializer(self._get(pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Lidmaatschap beëindigen (de geschiedenis blijft)",
        request=LidEindeInputSerializer,
        responses={200: HuishoudenSerializer},
    )
    @action(detail=True, methods=["post"], url_path=r"leden/(?P<lid_id>\d+)/beeindigen")
    def lid_beeindigen(self, request: Request, pk: Any = None, lid_id: Any = None) -> Response:
        huishouden = self._get(pk)
        lid = get_object_or_404(HuishoudenLid, pk=lid_id, huishouden=huishouden)
        data = LidEindeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        huishouden_lid_end(lid=lid, lid_tot=data.validated_data["lid_tot"])
        return Response(HuishoudenSerializer(self._get(pk)).data)


def _int(pk: Any) -> int:
    """An id from the URL; anything but digits is an unknown record (404), never a 500."""
    try:
        return int(pk)
    except (TypeError, ValueError) as exc:
        raise NotFound("Dit record bestaat niet.") from exc
