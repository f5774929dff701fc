"""Input and output of /api/v1/avg-verzoeken/."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.avg.constants import (
    RECTIFICEERBAAR,
    VerzoekSoort,
    VerzoekStatus,
    Weigeringsgrond,
)
from eenplan.avg.models import AvgVerzoek


class AvgVerzoekSerializer(serializers.ModelSerializer):
    kenmerk = serializers.CharField(read_only=True)
    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)
    termijn_stand = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = AvgVerzoek
        fields = [
            "id",
            "kenmerk",
            "inwoner",
            "inwoner_naam",
            "soort",
            "omschrijving",
            "ontvangen_op",
            "antwoord_uiterlijk",
            "verlengd_op",
            "verlenging_reden",
            "status",
            "uitkomst",
            "vernietigen_uiterlijk",
            "weigeringsgrond",
            "afgehandeld_op",
            "ingediend_via",
            "veld",
            "oude_waarde",
            "nieuwe_waarde",
            "termijn_stand",
        ]
        read_only_fields = fields


class AvgVerzoekCreateSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1)
    soort = serializers.ChoiceField(choices=VerzoekSoort.choices)
    ontvangen_op = serializers.DateField(required=False)
    omschrijving = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    veld = serializers.ChoiceField(
        choices=list(RECTIFICEERBAAR.items()), required=False, allow_blank=True
    )
    nieuwe_waarde = serializers.CharField(required=False, allow_blank=True, max_length=300)


class AvgVerzoekFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[("open", "In behandeling"), *VerzoekStatus.choices], required=False
    )
    soort = serializers.ChoiceField(choices=VerzoekSoort.choices, required=False)
    inwoner = serializers.IntegerField(min_value=1, required=False, source="inwoner_id")


class VerlengSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=2000)


class AfhandelSerializer(serializers.Serializer):
    toekennen = serializers.BooleanField()
    uitkomst = serializers.CharField(max_length=4000)
    weigeringsgrond = serializers.ChoiceField(
        choices=Weigeringsgrond.choices,
        required=False,
        allow_blank=True,
        help_text="Verplicht bij het afwijzen van een verzoek om vernietiging: de wettelijke "
        "grond (Jeugdwet art. 7.3.9 lid 2; Wmo 2015 art. 5.3.5 lid 2 en 3; AVG art. 17 lid 3).",
    )


class TeVernietigenItemSerializer(serializers.Serializer):
    kenmerk = serializers.CharField()
    soort = serializers.CharField()
    omschrijving = serializers.CharField()


class TeVernietigenSerializer(serializers.Serializer):
    """What granting a request to destroy would destroy now, and what blocks it."""

    blokkade = serializers.CharField(help_text="Leeg als toekennen nu kan.")
    items = TeVernietigenItemSerializer(many=True)
    vernietigingslijst = serializers.IntegerField(
        allow_null=True, help_text="De verklaring van vernietiging, als het verzoek is toegekend."
    )
