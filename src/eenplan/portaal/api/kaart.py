"""`/api/v1/sociale-kaart/`: the public sociale kaart (no login; the catalogue only, never a
resident): the same rows and filters as the page and the open-data export (`portaal.kaart`)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import pagina
from eenplan.portaal import kaart
from eenplan.voorzieningen.models import Voorziening


class PubliekeVoorzieningSerializer(serializers.Serializer):
    """One algemene voorziening as open data (the columns of the CSV export)."""

    id = serializers.IntegerField()
    naam = serializers.CharField()
    organisatie = serializers.CharField()
    omschrijving = serializers.CharField()
    voor_wie = serializers.CharField(help_text="Voor wie, in de woorden van de organisatie.")
    doelgroepen = serializers.ListField(child=serializers.CharField())
    leefgebieden = serializers.ListField(child=serializers.CharField())
    wijken = serializers.ListField(
        child=serializers.CharField(), help_text="Leeg: voor de hele gemeente."
    )
    adres = serializers.CharField()
    prijs = serializers.CharField(allow_null=True, help_text="In euro's; 0.00 is gratis.")
    prijs_toelichting = serializers.CharField()
    openingstijden = serializers.CharField()
    telefoon = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    gewijzigd_op = serializers.DateField()

    def to_representation(self, instance: object) -> dict:
        return kaart.rij(instance)  # type: ignore[arg-type]


class SocialeKaartViewSet(viewsets.GenericViewSet):
    """Public: no login (no authentication is even read), no personal data."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = PubliekeVoorzieningSerializer
    queryset = Voorziening.objects.none()  # the schema's model; the rows come from portaal.kaart

    @extend_schema(
        tags=["sociale-kaart"],
        auth=[],
        parameters=[
            OpenApiParameter("gemeente", str, description="CBS-code, bijvoorbeeld GM0983."),
            OpenApiParameter("q", str, description="Zoekwoorden (alle woorden moeten voorkomen)."),
            OpenApiParameter("wijk", int, description="Id van een wijk."),
            OpenApiParameter("leefgebied", int, description="Id van een leefgebied."),
            OpenApiParameter("doelgroep", int, description="Id van een doelgroep."),
        ],
        responses=PubliekeVoorzieningSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        """The algemene voorzieningen of a municipality, filtered like the public page."""
        gemeente = kaart.publieke_gemeente(request.query_params.get("gemeente"))
        if gemeente is None:
            raise NotFound(kaart.ONBEKENDE_GEMEENTE)
        filters = kaart.Filters.uit(request.query_params, kaart.Keuzes.voor(gemeente))
        return pagina(self, request, kaart.zoek(gemeente, filters), PubliekeVoorzieningSerializer)
