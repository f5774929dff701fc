"""Shapes of `/api/v1/beschikkingen/`: the list row and the whole decision (letter, eigen
bijdrage, the bezwaren against it through the reverse relation), the list's parameters (those of
the page `/beschikkingen/`), sending and the lawfulness check."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.beschikkingen.api.serializers.algemeen import (
    UITKOMST_HELP,
    AanbiederRefSerializer,
    BeschikkingInwonerRefSerializer,
    BeschikkingVoorzieningRefSerializer,
    PgbToetsOutputSerializer,
)
from eenplan.beschikkingen.constants import (
    BeschikkingStatus,
    Rechtmatigheid,
)
from eenplan.beschikkingen.models import (
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.beschikkingen.selectors import (
    BESCHIKKING_ZOEK_PARAMETERS,
    BeschikkingZoekvraag,
    onbekende_parameters,
    zoekvraag_fout,
)
from eenplan.common.api import IdField, NaamField
from eenplan.common.constants import Wet
from eenplan.voorzieningen.constants import Leveringsvorm


class BeschikteVoorzieningSerializer(serializers.ModelSerializer):
    """What is decided on one provision: outcome, volume, period, ZIN or PGB."""

    voorziening = BeschikkingVoorzieningRefSerializer(read_only=True)
    uitkomst = serializers.CharField(read_only=True, help_text=UITKOMST_HELP)
    leveringsvorm = serializers.ChoiceField(
        choices=Leveringsvorm.choices,
        allow_blank=True,
        read_only=True,
        help_text="Leeg bij een afwijzing.",
    )
    pgb_toets = PgbToetsOutputSerializer(read_only=True, allow_null=True)
    aanbieder = AanbiederRefSerializer(
        read_only=True, allow_null=True, help_text="Bij zorg in natura; anders leeg."
    )

    class Meta:
        model = BeschikteVoorziening
        fields = [
            "id",
            "voorziening",
            "uitkomst",
            "omvang",
            "eenheid",
            "frequentie",
            "begin",
            "einde",
            "heronderzoek_op",
            "leveringsvorm",
            "aanbieder",
            "pgb_budget",
            "pgb_zelf_te_betalen",
            "pgb_toets",
            "eigen_bijdrage_van_toepassing",
        ]
        read_only_fields = fields


class BeschikkingListSerializer(serializers.ModelSerializer):
    """A row: the resident, the decided provisions and the state of the decision."""

    url = serializers.HyperlinkedIdentityField(view_name="beschikking-detail")
    inwoner = BeschikkingInwonerRefSerializer(read_only=True)
    wet = serializers.ChoiceField(source="aanvraag.wet", choices=Wet.choices, read_only=True)
    regels = BeschikteVoorzieningSerializer(source="voorzieningen", many=True, read_only=True)

    class Meta:
        model = Beschikking
        fields = [
            "id",
            "url",
            "inwoner",
            "aanvraag",
            "wet",
            "besloten_op",
            "verzonden_op",
            "bezwaar_uiterlijk",
            "rechtmatigheid",
            "regels",
        ]
        read_only_fields = fields


class EigenBijdrageSerializer(serializers.Serializer):
    """The household's Wmo contribution (one per household, however many provisions)."""

    peildatum = serializers.DateField()
    bedrag_per_maand = serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        allow_null=True,
        help_text="Leeg als eenplan geen bedrag berekent: het CAK stelt het vast, of een gegeven "
        "ontbreekt (zie status en ontbrekend_jaar).",
    )
    status = serializers.CharField(
        help_text="bedrag, geen_bijdrage, cak_stelt_vast (inkomensafhankelijk) of "
        "gegevens_ontbreken.",
    )
    ontbrekend_jaar = serializers.IntegerField(
        allow_null=True,
        help_text="Het jaar waarvoor het abonnementstarief ontbreekt (nooit een eerder jaar).",
    )
    toelichting = serializers.ListField(child=serializers.CharField())
    via_cak = serializers.BooleanField(help_text="Het CAK int de bijdrage.")


class BezwaarRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="bezwaar-detail")
    ontvangen_op = serializers.DateField()
    uitkomst = serializers.CharField(
        help_text="Uitkomst van het bezwaar; de waarden staan bij `uitkomst` in /api/v1/bezwaren/."
    )


class BeschikkingDetailSerializer(BeschikkingListSerializer):
    """The decision with its reasons, the letter (as sent, or a preview), the eigen bijdrage
    and the bezwaar clause."""

    besloten_door = NaamField()
    getoetst_door = NaamField()
    kenmerk = serializers.CharField(
        read_only=True, help_text="Het kenmerk op de brief: CBS-code, jaar en nummer."
    )
    brief_sjabloon = serializers.CharField(
        read_only=True,
        help_text="Het sjabloon en de versie van de verzonden brief; leeg vóór verzending.",
    )
    brief = serializers.SerializerMethodField()
    brief_is_voorbeeld = serializers.SerializerMethodField()
    eigen_bijdrage = serializers.SerializerMethodField()
    bezwaren = BezwaarRefSerializer(many=True, read_only=True)

    class Meta(BeschikkingListSerializer.Meta):
        fields = [
            *BeschikkingListSerializer.Meta.fields,
            "versie",
            "motivering",
            "ladder_uitkomst",
            "besloten_door",
            "rechtmatigheid_reden",
            "getoetst_door",
            "herziet",
            "kenmerk",
            "brief_sjabloon",
            "brief",
            "brief_is_voorbeeld",
            "eigen_bijdrage",
            "bezwaren",
        ]
        read_only_fields = fields

    def get_brief(self, obj: Beschikking) -> str:
        """The letter as sent; before sending a preview from the current template."""
        return self.context["brief"]

    def get_brief_is_voorbeeld(self, obj: Beschikking) -> bool:
        """True when the letter is not sent yet and `brief` is a preview."""
        return obj.verzonden_op is None

    @extend_schema_field(EigenBijdrageSerializer(allow_null=True))
    def get_eigen_bijdrage(self, obj: Beschikking) -> dict[str, Any] | None:
        """The contribution on the day of sending (or of the decision), as in the letter;
        null when the household has no active Wmo provision then."""
        data = self.context["eigen_bijdrage"]
        return None if data is None else EigenBijdrageSerializer(data).data


class BeschikkingFilterSerializer(serializers.Serializer):
    """The parameters of the beschikkingen list: the same names as the page `/beschikkingen/`
    (`selectors.BESCHIKKING_ZOEK_PARAMETERS`) plus a few of the API's own. An unknown
    parameter is a 400, never silently ignored."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Vrije tekst: naam, BSN, geboortedatum of postcode van de inwoner, of het "
        "nummer van de beschikking.",
    )
    status = serializers.ChoiceField(
        choices=BeschikkingStatus.choices, required=False, allow_blank=True
    )
    voorziening = IdField(required=False, help_text="Id van de voorziening in de catalogus.")
    wet = serializers.ChoiceField(choices=Wet.choices, required=False, allow_blank=True)
    besloten_van = serializers.DateField(
        required=False, help_text="Besloten op of na deze datum (jjjj-mm-dd)."
    )
    besloten_tot = serializers.DateField(
        required=False, help_text="Besloten op of vóór deze datum (jjjj-mm-dd)."
    )
    rechtmatigheid = serializers.ChoiceField(
        choices=Rechtmatigheid.choices,
        required=False,
        help_text="`te_toetsen`: de rij van besluiten van generalisten die de backoffice "
        "achteraf toetst.",
    )
    inwoner = IdField(required=False, help_text="Id van de inwoner.")
    einde_binnen_weken = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=104,
        help_text="Alleen beschikkingen met een toegekende voorziening die binnen zoveel weken "
        "eindigt of aan heronderzoek toe is (werklijst: 8).",
    )

    API_PARAMETERS = (
        "rechtmatigheid",
        "inwoner",
        "einde_binnen_weken",
        "per_pagina",
        "doel",
        "format",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        fouten: dict[str, Any] = {}
        onbekend = onbekende_parameters(
            self.initial_data.keys(), BESCHIKKING_ZOEK_PARAMETERS + self.API_PARAMETERS
        )
        if onbekend:
            fouten["parameters"] = [onbekend]
        zoekfout = zoekvraag_fout(attrs.get("q", ""))
        if zoekfout:
            fouten["q"] = [zoekfout]
        van, tot = attrs.get("besloten_van"), attrs.get("besloten_tot")
        if van and tot and van > tot:
            fouten["besloten_tot"] = ["De periode eindigt vóór zij begint."]
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs

    def zoekvraag(self) -> BeschikkingZoekvraag:
        data = self.validated_data
        return BeschikkingZoekvraag(
            q=data.get("q", ""),
            status=data.get("status", ""),
            voorziening=data.get("voorziening"),
            wet=data.get("wet", ""),
            besloten_van=data.get("besloten_van"),
            besloten_tot=data.get("besloten_tot"),
        )


class VersturenInputSerializer(serializers.Serializer):
    op = serializers.DateField(required=False, help_text="Verzenddatum; standaard vandaag.")


class ToetsenInputSerializer(serializers.Serializer):
    rechtmatig = serializers.BooleanField()
    reden = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Verplicht als het onrechtmatig is."
    )
