"""What the beschikkingen serializers share: the help texts of the choices, the deadline states,
the short references to a resident, a provision and a beschikking, and the PGB check."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beschikkingen.constants import (
    AanvraagStatus,
    Uitkomst,
)


def _keuzes(choices: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{value}` ({label.lower()})" for value, label in choices)


AANVRAAG_STATUS_HELP = "Stand van de aanvraag: " + _keuzes(AanvraagStatus.choices)


UITKOMST_HELP = "Besluit over deze voorziening: " + _keuzes(Uitkomst.choices)


TERMIJN_STATUS_CHOICES = [
    ("op_schema", "Op schema"),
    ("bijna_verlopen", "Bijna verlopen (binnen 5 werkdagen)"),
    ("verlopen", "Verlopen"),
]


class BeschikkingInwonerRefSerializer(serializers.Serializer):
    """Enough to recognise the resident; the dossier itself is at /api/v1/inwoners/{id}/."""

    id = serializers.IntegerField()
    naam = serializers.CharField()


class BeschikkingVoorzieningRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    productcategorie = serializers.CharField()
    productcode = serializers.CharField()


class AanbiederRefSerializer(serializers.Serializer):
    """The provider of a provision in kind (/api/v1/aanbieders/{id}/)."""

    id = serializers.IntegerField()
    naam = serializers.CharField()
    agb_code = serializers.CharField(help_text="8 cijfers; leeg zolang hij ontbreekt.")


class BeschikkingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="beschikking-detail")
    besloten_op = serializers.DateField()
    verzonden_op = serializers.DateField(allow_null=True)


class PgbToetsSerializer(serializers.Serializer):
    """The PGB check as recorded (Wmo 2015 art. 2.3.6 lid 2; Jeugdwet art. 8.1.1)."""

    kan_beheren = serializers.BooleanField(
        help_text="De inwoner (of vertegenwoordiger) kan het budget beheren."
    )
    motivering = serializers.CharField(
        allow_blank=True,
        help_text="Waarom de aangeboden hulp in natura niet passend is (Wmo 2015 art. 2.3.6 lid 2 "
        "onder b; "
        "Jeugdwet art. 8.1.1 lid 2 onder b).",
    )
    kwaliteit_geborgd = serializers.BooleanField(
        help_text="De kwaliteit van de ingekochte hulp is geborgd."
    )
    geen_passende_zin = serializers.BooleanField(
        allow_null=True,
        required=False,
        default=None,
        help_text="Optioneel: er is geen passende hulp in natura (geen wettelijke voorwaarde).",
    )
    reden_geen_zin = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        help_text="Optioneel: toelichting, bijvoorbeeld een wachtlijst.",
    )


class PgbToetsOutputSerializer(PgbToetsSerializer):
    persoonlijk_plan = serializers.CharField(required=False, default="")
