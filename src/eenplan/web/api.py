"""The dossier over REST: the same read model as the resident page (`web.selectors.dossier_get`)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.web.selectors import dossier_get, dossier_inwoner


class _Melding(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    status = serializers.CharField()
    onderzoek_uiterlijk = serializers.DateField(allow_null=True)


class _Onderzoek(serializers.Serializer):
    id = serializers.IntegerField()
    melding = serializers.IntegerField(source="melding_id")
    status = serializers.CharField()


class _Plan(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    versie = serializers.IntegerField()
    ondertekend_op = serializers.DateField(allow_null=True)


class _Aanvraag(serializers.Serializer):
    id = serializers.IntegerField()
    omschrijving = serializers.CharField()
    wet = serializers.CharField()
    ontvangen_op = serializers.DateField()
    beslissen_uiterlijk = serializers.DateField()
    status = serializers.CharField()


class _Beschikking(serializers.Serializer):
    id = serializers.IntegerField()
    aanvraag = serializers.IntegerField(source="aanvraag_id")
    besloten_op = serializers.DateField()
    verzonden_op = serializers.DateField(allow_null=True)


class _Voorziening(serializers.Serializer):
    beschikking = serializers.IntegerField(source="beschikking_id")
    voorziening = serializers.CharField(source="voorziening.naam")
    leveringsvorm = serializers.CharField()
    begin = serializers.DateField(allow_null=True)
    einde = serializers.DateField(allow_null=True)


class _Bezwaar(serializers.Serializer):
    id = serializers.IntegerField()
    beschikking = serializers.IntegerField(source="beschikking_id")
    ontvangen_op = serializers.DateField()
    beslissen_uiterlijk = serializers.DateField()
    besloten_op = serializers.DateField(allow_null=True)


class _Klacht(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    afhandelen_uiterlijk = serializers.DateField()
    afgehandeld_op = serializers.DateField(allow_null=True)


class _Termijn(serializers.Serializer):
    uiterlijk = serializers.DateField()
    wat = serializers.CharField()


class _Gebeurtenis(serializers.Serializer):
    moment = serializers.DateTimeField()
    soort = serializers.CharField()
    omschrijving = serializers.CharField()
    # The person's name, the same value the dossier page shows (`web.selectors.door_van`).
    door = serializers.CharField()
    record_soort = serializers.CharField()
    record_id = serializers.IntegerField()


class DossierSerializer(serializers.Serializer):
    """Parts the role may not read are null (not empty): 'not for you' differs from 'none'."""

    inwoner = serializers.IntegerField(source="inwoner.pk")
    huishouden = serializers.IntegerField(source="huishouden.pk", allow_null=True, default=None)
    termijnen = _Termijn(many=True)
    voorzieningen_nu = _Voorziening(many=True)
    meldingen = _Melding(many=True, allow_null=True)
    onderzoeken = _Onderzoek(many=True, allow_null=True)
    plan = _Plan(allow_null=True)
    aanvragen = _Aanvraag(many=True, allow_null=True)
    beschikkingen = _Beschikking(many=True, allow_null=True)
    bezwaren = _Bezwaar(many=True, allow_null=True)
    klachten = _Klacht(many=True, allow_null=True)
    gebeurtenissen = _Gebeurtenis(many=True)


class DossierViewSet(viewsets.ViewSet):
    permission_classes = [RolePermission]
    access_rules = {"retrieve": (Resource.DOSSIER, Action.LEZEN)}

    @extend_schema(
        summary="Het dossier van een inwoner: termijnen, voorzieningen, verloop en tijdlijn "
        "(wordt gelogd)",
        parameters=[
            OpenApiParameter("id", int, OpenApiParameter.PATH, description="Id van de inwoner"),
            OpenApiParameter("doel", str, required=False, description="Doel van inzage"),
        ],
        responses={200: DossierSerializer},
    )
    def retrieve(self, request: Request, pk: Any = None) -> Response:
        try:
            inwoner_id = int(pk)
        except (TypeError, ValueError):
            raise NotFound("Deze inwoner bestaat niet.") from None
        doel = request_doel(request)  # a wrong purpose is a 400 before anything else happens
        via = access.Via.request(request)
        inwoner = dossier_inwoner(request.user, inwoner_id, via=via, doel=doel)
        access.require(
            request.user,
            Resource.DOSSIER,
            Action.LEZEN,
            via=via,
            inwoner=inwoner,
            doel=doel,
        )
        dossier = dossier_get(user=request.user, inwoner=inwoner, vandaag=timezone.localdate())
        return Response(DossierSerializer(dossier).data)
