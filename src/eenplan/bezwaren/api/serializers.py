"""Input and output shapes of the bezwaren and klachten API.

Output: a row of the register and the whole record. Input: one serializer per write, each
feeding exactly one service; the meaning (on time, the Awb terms, the right resident) is
checked by the services, so pages and API refuse the same things with the same Dutch messages.
`uitkomst` is a plain string with the allowed values in its help text (the plannen API owns the
enum name `UitkomstEnum`); `tijdigheid` is an enum.
"""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beschikkingen.api.serializers.algemeen import (
    TERMIJN_STATUS_CHOICES,
    BeschikkingInwonerRefSerializer,
)
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.api import IdField, NaamField
from eenplan.rules.voorziening import Ontvankelijkheid


def _keuzes(choices: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{value}` ({label.lower()})" for value, label in choices)


BEZWAAR_UITKOMST_HELP = "Uitkomst van het bezwaar: " + _keuzes(BezwaarUitkomst.choices)
TIJDIGHEID_CHOICES = [
    (Ontvankelijkheid.TIJDIG.value, "Op tijd (Awb 6:7-6:9)"),
    (Ontvankelijkheid.TE_LAAT.value, "Te laat"),
    (Ontvankelijkheid.TE_LAAT_VERSCHOONBAAR.value, "Te laat, maar verschoonbaar (Awb 6:11)"),
]

# --- output -------------------------------------------------------------------------------


class BezwaarSerializer(serializers.ModelSerializer):
    """A row of the bezwaar register."""

    url = serializers.HyperlinkedIdentityField(view_name="bezwaar-detail")
    inwoner = BeschikkingInwonerRefSerializer(source="beschikking.inwoner", read_only=True)
    tijdigheid = serializers.ChoiceField(
        choices=TIJDIGHEID_CHOICES,
        read_only=True,
        help_text="Op tijd of te laat, berekend uit de bezwaartermijn (Awb 6:7-6:9, 6:11).",
    )
    uitkomst = serializers.CharField(read_only=True, help_text=BEZWAAR_UITKOMST_HELP)
    termijn_status = serializers.ChoiceField(
        source="termijn_stand",
        choices=TERMIJN_STATUS_CHOICES,
        read_only=True,
        allow_null=True,
        help_text="Stand van de beslistermijn op vandaag (binnen 5 werkdagen = bijna "
        "verlopen); null als er al is beslist. Dezelfde stand als op de pagina.",
    )

    class Meta:
        model = Bezwaar
        fields = [
            "id",
            "url",
            "beschikking",
            "inwoner",
            "ingediend_door",
            "ontvangen_op",
            "ter_post_bezorgd_op",
            "tijdigheid",
            "adviescommissie",
            "beslissen_uiterlijk",
            "termijn_status",
            "verdaagd",
            "uitkomst",
            "besloten_op",
            "nieuwe_beschikking",
        ]
        read_only_fields = fields


class BezwaarDetailSerializer(BezwaarSerializer):
    vastgelegd_door = NaamField()

    class Meta(BezwaarSerializer.Meta):
        fields = [
            *BezwaarSerializer.Meta.fields,
            "gronden",
            "verschoonbaar_reden",
            "informeel_gesprek_op",
            "vastgelegd_door",
            "created_at",
            "motivering",
            "beroep_uiterlijk",
            "brief",
        ]
        read_only_fields = fields


class KlachtSerializer(serializers.ModelSerializer):
    inwoner = BeschikkingInwonerRefSerializer(read_only=True, allow_null=True)
    termijn_status = serializers.ChoiceField(
        source="termijn_stand",
        choices=TERMIJN_STATUS_CHOICES,
        read_only=True,
        allow_null=True,
        help_text="Stand van de afhandeltermijn op vandaag (binnen 5 werkdagen = bijna "
        "verlopen); null als de klacht is afgehandeld. Dezelfde stand als op de pagina.",
    )

    class Meta:
        model = Klacht
        fields = [
            "id",
            "inwoner",
            "ingediend_door",
            "ontvangen_op",
            "onderwerp",
            "afhandelen_uiterlijk",
            "termijn_status",
            "advies",
            "verdaagd_op",
            "verdaging_reden",
            "uitgesteld_tot",
            "toestemming",
            "toestemming_op",
            "afgehandeld_op",
            "uitkomst",
            "brief",
        ]
        read_only_fields = fields


# --- input --------------------------------------------------------------------------------


class BezwaarFilterSerializer(serializers.Serializer):
    uitkomst = serializers.CharField(required=False, help_text=BEZWAAR_UITKOMST_HELP)
    inwoner = IdField(required=False, help_text="Id van de inwoner.")

    def validate_uitkomst(self, value: str) -> str:
        if value not in BezwaarUitkomst.values:
            raise serializers.ValidationError("Onbekende uitkomst van een bezwaar.")
        return value


class BezwaarCreateSerializer(serializers.Serializer):
    beschikking = IdField(help_text="Id van de beschikking.")
    inwoner = IdField(help_text="Id van de inwoner over wie de beschikking gaat.")
    ontvangen_op = serializers.DateField()
    ter_post_bezorgd_op = serializers.DateField(required=False, allow_null=True, default=None)
    gronden = serializers.CharField(allow_blank=True)
    ingediend_door = serializers.CharField(max_length=200)
    adviescommissie = serializers.BooleanField(required=False, default=False)
    verschoonbaar_reden = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Bij een te laat bezwaar: waarom dat verschoonbaar is (Awb 6:11).",
    )


class BezwaarBeslissenSerializer(serializers.Serializer):
    uitkomst = serializers.CharField(help_text=BEZWAAR_UITKOMST_HELP)
    besloten_op = serializers.DateField(required=False, help_text="Standaard vandaag.")
    nieuwe_beschikking = IdField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van de nieuwe beschikking bij een (deels) gegrond bezwaar.",
    )
    motivering = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Waarom het bezwaar (niet) slaagt; komt in de brief (Awb 7:11).",
    )


class KlachtCreateSerializer(serializers.Serializer):
    ingediend_door = serializers.CharField(max_length=200)
    ontvangen_op = serializers.DateField()
    onderwerp = serializers.CharField(allow_blank=True)
    inwoner = IdField(
        required=False, allow_null=True, default=None, help_text="Id van de inwoner (optioneel)."
    )
    commissie = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Een klachtencommissie adviseert: tien in plaats van zes weken (Awb 9:15).",
    )


class DatumInputSerializer(serializers.Serializer):
    op = serializers.DateField()


class KlachtVerdagenInputSerializer(serializers.Serializer):
    op = serializers.DateField(help_text="Datum van de brief over de verdaging.")
    reden = serializers.CharField(allow_blank=True)


class KlachtUitstellenInputSerializer(serializers.Serializer):
    tot = serializers.DateField(help_text="De nieuwe uiterste datum waarmee de klager instemt.")
    toestemming = serializers.CharField(
        allow_blank=True, max_length=300, help_text="Hoe de klager schriftelijk instemde."
    )
    toestemming_op = serializers.DateField()


class KlachtAfhandelenInputSerializer(serializers.Serializer):
    op = serializers.DateField()
    uitkomst = serializers.CharField()
