"""Shape of `/api/v1/overgangsrecht/`."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beschikkingen.models import (
    Overgangsrecht,
)


class OvergangsrechtSerializer(serializers.ModelSerializer):
    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)

    class Meta:
        model = Overgangsrecht
        fields = [
            "id",
            "inwoner",
            "inwoner_naam",
            "soort",
            "omschrijving",
            "oude_einddatum",
            "aangekondigd_op",
            "einddatum",
            "heronderzoek_op",
        ]
