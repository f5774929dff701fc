"""REST: /api/v1/taken/ (the tasks the login started, in the municipality it works for now)
and /api/v1/taken/<id>/ (one task: progress, outcome) with /bestand/ (its result file). The
same reads as the pages (`taken.selectors`), the same decisions (`privacy.access.decide_taak`:
only whoever started a task sees it; ADR 0048)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import pagina
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission
from eenplan.taken import registry, selectors
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak

R, A = Resource, Action


class TaakBestandSerializer(serializers.Serializer):
    naam = serializers.CharField()
    type = serializers.CharField()
    grootte = serializers.IntegerField(help_text="In bytes.")
    url = serializers.CharField(help_text="Downloadadres (alleen voor wie de taak startte).")


class TaakSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=TaakStatus.choices, read_only=True)
    percentage = serializers.IntegerField(
        allow_null=True, read_only=True, help_text="0-100; null zolang het totaal onbekend is."
    )
    aangemaakt = serializers.DateTimeField(source="created_at", read_only=True)
    bestand = serializers.SerializerMethodField()
    pagina = serializers.SerializerMethodField()

    class Meta:
        model = Taak
        fields = [
            "id", "soort", "label", "status", "gedaan", "totaal", "percentage", "stap",
            "aangemaakt", "begonnen", "klaar", "bestand", "pagina",
        ]
        read_only_fields = fields

    def get_label(self, taak: Taak) -> str:
        return registry.label(taak.soort)

    @extend_schema_field(TaakBestandSerializer(allow_null=True))
    def get_bestand(self, taak: Taak) -> dict[str, Any] | None:
        if not taak.bestand_naam or taak.open:
            return None
        return {
            "naam": taak.bestand_naam,
            "type": taak.bestand_type or "application/octet-stream",
            "grootte": taak.bestand_grootte,
            "url": reverse("taak-detail-bestand", args=[taak.pk]),
        }

    def get_pagina(self, taak: Taak) -> str:
        return reverse("taken:detail", args=[taak.pk])


class TaakDetailSerializer(TaakSerializer):
    """One task: also its summary and, when it failed, the Dutch reason."""

    resultaat = serializers.JSONField(read_only=True)
    fout = serializers.CharField(read_only=True)
    terug = serializers.SerializerMethodField(help_text="De pagina waar de taak werd gestart.")

    class Meta(TaakSerializer.Meta):
        fields = [*TaakSerializer.Meta.fields, "resultaat", "fout", "terug"]
        read_only_fields = fields

    def get_terug(self, taak: Taak) -> str:
        return selectors.terug(taak)


class _Basis(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: list[type] = []
    queryset = Taak.objects.none()
    serializer_class = TaakSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Mijn taken: wat u op de achtergrond startte (nieuwste eerst)",
        responses=TaakSerializer(many=True),
    )
)
class TaakLijstViewSet(_Basis):
    access_rules = {"list": (R.TAAK, A.LEZEN)}

    def list(self, request: Request) -> Response:
        gemeente_id = access.Actor.of(request.user).gemeente_id
        rijen = selectors.mijn_taken(request.user, gemeente_id=gemeente_id)
        return pagina(self, request, rijen, TaakSerializer)


@extend_schema_view(
    retrieve=extend_schema(
        summary="Eén taak: status, voortgang en uitkomst (alleen voor wie hem startte)",
        responses=TaakDetailSerializer,
    ),
    bestand=extend_schema(
        summary="Het resultaatbestand van een taak (alleen voor wie hem startte; vastgelegd)",
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="Het bestand (CSV, XML, ...)."
            )
        },
    ),
)
class TaakViewSet(_Basis):
    """A task is opened by a relation, not a role: whoever started it (`access.decide_taak`)."""

    access_rules = {"retrieve": (R.TAAK, A.LEZEN), "bestand": (R.TAAK, A.LEZEN)}
    access_actor = access.STARTER
    serializer_class = TaakDetailSerializer

    def _taak(self, pk: Any) -> tuple[Taak, Any]:
        via = access.Via.request(self.request)
        taak = access.get_or_refuse(
            self.request.user,
            R.TAAK,
            A.LEZEN,
            via=via,
            pk=pk,
            zoek=lambda gemeente_id: selectors.taak_in_gemeente(int(pk), gemeente_id),
            wat="Taak",
            niet_gevonden="Deze taak bestaat niet.",
        )
        feiten = selectors.feiten(taak)
        access.require_taak(self.request.user, feiten, via=via)
        return taak, feiten

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        taak, _feiten = self._taak(pk)
        return Response(TaakDetailSerializer(taak).data)

    @action(detail=True, methods=["get"])
    def bestand(self, request: Request, pk: Any = None) -> HttpResponse:
        taak, feiten = self._taak(pk)
        inhoud = selectors.bestand(taak) if taak.bestand_naam and not taak.open else None
        if inhoud is None:
            raise NotFound("Deze taak heeft (nog) geen bestand.")
        access.require_taak(
            request.user,
            feiten,
            via=access.Via.request(request),
            toelichting=f"Bestand van taak {taak.pk} gedownload: {taak.bestand_naam}",
        )
        response = HttpResponse(
            inhoud, content_type=taak.bestand_type or "application/octet-stream"
        )
        response["Content-Disposition"] = f'attachment; filename="{taak.bestand_naam}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
