"""Read-only reference data: wijken and teams of the login's municipality."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from eenplan.gemeente.models import Medewerker, Team, Wijk
from eenplan.gemeente.selectors import (
    gemeenten_van_login,
    medewerker_for_user,
    teams_list,
    wijken_list,
)
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


class LidmaatschapSerializer(serializers.Serializer):
    gemeente = serializers.IntegerField(source="gemeente_id")
    naam = serializers.CharField(source="gemeente.naam")
    cbs_code = serializers.CharField(source="gemeente.cbs_code")
    functie = serializers.CharField()
    teams = serializers.SerializerMethodField()
    huidig = serializers.SerializerMethodField()

    def get_teams(self, obj: Medewerker) -> list[str]:
        return [t.naam for t in obj.teams.all()]

    def get_huidig(self, obj: Medewerker) -> bool:
        huidig = medewerker_for_user(self.context["request"].user)
        return huidig is not None and huidig.pk == obj.pk


@extend_schema_view(
    list=extend_schema(
        summary="De gemeenten waarvoor u werkt (regionaal team)",
        description="Een medewerker van een regionaal team werkt voor meer gemeenten. Kies per "
        "verzoek met een API-sleutel de gemeente met de header `Eenplan-Gemeente: <id>` (in "
        "de browser: de gemeente gekozen op /gemeente-kiezen/; anders de eerste); een "
        "gemeente waarvoor u niet werkt wordt nooit gekozen. `huidig` is de gemeente van dit "
        "verzoek.",
    )
)
class LidmaatschapViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    access_rules = {"list": (Resource.GEMEENTE, Action.LEZEN)}
    serializer_class = LidmaatschapSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Medewerker]:
        return gemeenten_van_login(self.request.user)

    def list(self, request: Any) -> Response:
        rows = self.get_serializer(self.get_queryset(), many=True).data
        return Response(rows)
