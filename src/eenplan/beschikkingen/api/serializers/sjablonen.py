"""Serializers of /api/v1/briefsjablonen/: a version of a municipality's letter template."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import BriefSjabloon
from eenplan.beschikkingen.services.sjablonen import PLAATSHOUDERS
from eenplan.common.api import NaamField


class BriefSjabloonSerializer(serializers.ModelSerializer):
    gewijzigd_door = NaamField()

    class Meta:
        model = BriefSjabloon
        fields = [
            "id",
            "soort",
            "versie",
            "tekst",
            "geldig_vanaf",
            "toelichting",
            "gewijzigd_door",
            "created_at",
        ]
        read_only_fields = fields


class BriefSjabloonInputSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(
        choices=[(s, BriefSoort(s).label) for s in PLAATSHOUDERS],
        required=False,
        default=BriefSoort.BESCHIKKING,
        error_messages={"invalid_choice": "Kies een soort brief uit de lijst."},
    )
    tekst = serializers.CharField(trim_whitespace=False)
    geldig_vanaf = serializers.DateField()
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300)
