"""Shapes of the SVB and CAK exports (JSON form; the CSV columns are in docs/exports.md) and
their parameters."""

from __future__ import annotations

import datetime as dt

from rest_framework import serializers

from eenplan.beschikkingen import exports
from eenplan.common.datums import datum_fout
from eenplan.rules import datums


class SvbRegelSerializer(serializers.Serializer):
    """One granted PGB budget (JSON form of the SVB export; see docs/exports.md)."""

    bsn = serializers.CharField()
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    wet = serializers.CharField()
    productcategorie = serializers.CharField()
    productcode = serializers.CharField()
    voorziening = serializers.CharField()
    begindatum = serializers.DateField()
    einddatum = serializers.CharField(help_text="Leeg: geen einddatum.")
    budget = serializers.CharField(help_text="In euro, twee decimalen, punt als scheiding.")
    eenheid = serializers.CharField(help_text="WJ756")
    omvang = serializers.CharField()
    frequentie = serializers.CharField(help_text="WMO757")
    beschikking = serializers.CharField(help_text="Id van de beschikking.")


class CakRegelSerializer(serializers.Serializer):
    """The eigen bijdrage of one household for one month (JSON form of the CAK export)."""

    maand = serializers.CharField(help_text="JJJJ-MM")
    peildatum = serializers.DateField()
    huishouden = serializers.IntegerField(allow_null=True)
    bsn_clienten = serializers.ListField(child=serializers.CharField())
    bedrag_per_maand = serializers.CharField(
        help_text="In euro, twee decimalen, punt als scheiding."
    )
    toelichting = serializers.ListField(child=serializers.CharField())


FORMAT = {
    "choices": list(exports.FORMATEN),
    "default": "csv",
    "help_text": "`csv` (standaard, docs/exports.md) of `json`.",
    "error_messages": {"invalid_choice": "Kies het formaat csv of json."},
}


class SvbExportParamsSerializer(serializers.Serializer):
    op = serializers.DateField(help_text="Peildatum: budgetten die op deze dag lopen.")
    format = serializers.ChoiceField(**FORMAT)

    def validate_op(self, value: dt.date) -> dt.date:
        if fout := datum_fout(datums.PLANNING, value):
            raise serializers.ValidationError(fout)
        return value


class CakExportParamsSerializer(serializers.Serializer):
    maand = serializers.RegexField(
        r"^\d{4}-(0[1-9]|1[0-2])$",
        help_text="JJJJ-MM, bijvoorbeeld 2024-05.",
        error_messages={"invalid": "Geef de maand als JJJJ-MM, bijvoorbeeld 2024-05."},
    )
    format = serializers.ChoiceField(**FORMAT)

    def validate_maand(self, value: str) -> str:
        try:
            begin, _ = exports.parse_maand(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        if fout := datum_fout(datums.PLANNING, begin):
            raise serializers.ValidationError(fout)
        return value
