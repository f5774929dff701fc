"""Read-only reference data: wijken and teams of the login's municipality."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from eenplan.gemeente.models import Team, Wijk
from eenplan.gemeente.selectors import medewerker_for_user, teams_list, wijken_list
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission

REFERENTIE = {
    "list": (Resource.GEMEENTE, Action.LEZEN),
    "retrieve": (Resource.GEMEENTE, Action.LEZEN),
}


class WijkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijk
        fields = ["id", "code", "naam"]


class TeamSerializer(serializers.ModelSerializer):
    wijken = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", "naam", "soort", "wijken"]


@extend_schema_view(
    list=extend_schema(summary="Wijken van uw gemeente"), retrieve=extend_schema(summary="Eén wijk")
)
class WijkViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    access_rules = REFERENTIE
    serializer_class = WijkSerializer

    def get_queryset(self) -> QuerySet[Wijk]:
        medewerker = medewerker_for_user(self.request.user)
        return wijken_list(gemeente=medewerker.gemeente) if medewerker else Wijk.objects.none()


@extend_schema_view(
    list=extend_schema(summary="Teams van uw gemeente met hun wijken"),
    retrieve=extend_schema(summary="Eén team"),
)
class TeamViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    access_rules = REFERENTIE
    serializer_class = TeamSerializer

    def get_queryset(self) -> QuerySet[Team]:
        medewerker = medewerker_for_user(self.request.user)
        return teams_list(gemeente=medewerker.gemeente) if medewerker else Team.objects.none()
