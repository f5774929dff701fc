"""The access log over REST, for the privacy officer: list and filter, never write."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from eenplan.common.api import IdCursorPagination, IdFilter
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage
from eenplan.privacy.selectors import inzage_list


class InzageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inzage
        fields = [
            "id",
            "moment",
            "user",
            "gebruikersnaam",
            "inwoner",
            "doel",
            "kanaal",
            "pad",
            "toegestaan",
        ]


class InzageFilter(django_filters.FilterSet):
    inwoner = IdFilter(field_name="inwoner_id")
    gebruiker = django_filters.CharFilter(field_name="gebruikersnaam")
    doel = django_filters.ChoiceFilter(choices=Doel.choices)
    van = django_filters.DateFilter(field_name="moment", lookup_expr="date__gte")
    tot = django_filters.DateFilter(field_name="moment", lookup_expr="date__lte")
    toegestaan = django_filters.BooleanFilter()

    class Meta:
        model = Inzage
        fields = ["inwoner", "gebruiker", "doel", "van", "tot", "toegestaan"]


class InzagePagination(IdCursorPagination):
    ordering = ("-moment", "-id")


@extend_schema_view(
    list=extend_schema(summary="Inzagelog: wie zag welk dossier, wanneer en waarom"),
    retrieve=extend_schema(summary="Eén regel uit het inzagelog"),
)
class InzageViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (Resource.INZAGELOG, Action.LEZEN),
        "retrieve": (Resource.INZAGELOG, Action.LEZEN),
    }
    serializer_class = InzageSerializer
    filterset_class = InzageFilter
    pagination_class = InzagePagination

    def get_queryset(self) -> QuerySet[Inzage]:
        return inzage_list(user=self.request.user)
