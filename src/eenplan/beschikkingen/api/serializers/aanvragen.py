"""Shapes of `/api/v1/aanvragen/`: the worklist row (with `termijn_status`, the selectors' SQL
annotation) and the whole aanvraag; the filters; the decision per provision; suspending."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beschikkingen.api.serializers.algemeen import (
    AANVRAAG_STATUS_HELP,
    TERMIJN_STATUS_CHOICES,
    UITKOMST_HELP,
    BeschikkingInwonerRefSerializer,
    BeschikkingRefSerializer,
    PgbToetsSerializer,
)
from eenplan.beschikkingen.constants import (
    AanvraagStatus,
)
from eenplan.beschikkingen.models import (
    Aanvraag,
)
from eenplan.common.api import IdField, NaamField
from eenplan.common.constants import Wet
from eenplan.voorzieningen.constants import Leveringsvorm


class AanvraagListSerializer(serializers.ModelSerializer):
    """A worklist row: what is asked, under which law, and the decision deadline."""

    url = serializers.HyperlinkedIdentityField(view_name="aanvraag-detail")
    inwoner = BeschikkingInwonerRefSerializer(read_only=True)
    status = serializers.CharField(read_only=True, help_text=AANVRAAG_STATUS_HELP)
    termijn_status = serializers.ChoiceField(
        source="termijn_stand",
        choices=TERMIJN_STATUS_CHOICES,
        read_only=True,
        allow_null=True,
        help_text="Stand van de beslistermijn op vandaag (binnen 5 werkdagen = bijna "
        "verlopen); null als er al is besloten of de aanvraag is ingetrokken. Dezelfde stand "
        "als op de pagina (één berekening, in de database).",
    )

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "url",
            "inwoner",
            "omschrijving",
            "wet",
            "status",
            "ontvangen_op",
            "beslissen_uiterlijk",
            "termijn_status",
            "afwijkend_van_advies",
        ]
        read_only_fields = fields


class AanvraagDetailSerializer(AanvraagListSerializer):
    """The aanvraag with its origin (plan, proposal) and the decisions taken on it."""

    vastgelegd_door = NaamField()
    beschikkingen = BeschikkingRefSerializer(many=True, read_only=True)

    class Meta(AanvraagListSerializer.Meta):
        fields = [
            *AanvraagListSerializer.Meta.fields,
            "versie",
            "plan",
            "voorstel",
            "toelichting",
            "ingediend_door",
            "vastgelegd_door",
            "beschikkingen",
            "vertraging_gemeld_op",
            "vertraging_reden",
            "vertraging_verwacht_op",
            "created_at",
        ]
        read_only_fields = fields


class VertragingInputSerializer(serializers.Serializer):
    """The notice of Awb art. 4:14."""

    op = serializers.DateField(help_text="Datum van de brief (uiterlijk de laatste dag).")
    reden = serializers.CharField(allow_blank=True, help_text="Waarom het besluit later komt.")
    verwacht_op = serializers.DateField(
        help_text="De dag waarop de inwoner het besluit uiterlijk krijgt (na de termijn)."
    )


class AanvraagFilterSerializer(serializers.Serializer):
    status = serializers.CharField(required=False, help_text=AANVRAAG_STATUS_HELP)
    wet = serializers.ChoiceField(choices=Wet.choices, required=False)
    inwoner = IdField(required=False, help_text="Id van de inwoner.")

    def validate_status(self, value: str) -> str:
        if value not in AanvraagStatus.values:
            raise serializers.ValidationError("Kies ontvangen, besloten of ingetrokken.")
        return value


class RegelInputSerializer(serializers.Serializer):
    """The decision on one requested provision."""

    voorziening = IdField(help_text="Id van de voorziening uit de catalogus.")
    uitkomst = serializers.CharField(help_text=UITKOMST_HELP)
    omvang = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, default=None
    )
    begin = serializers.DateField(required=False, allow_null=True, default=None)
    einde = serializers.DateField(required=False, allow_null=True, default=None)
    heronderzoek_op = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Zonder einddatum verplicht: maatwerk is tijdelijk.",
    )
    leveringsvorm = serializers.ChoiceField(
        choices=Leveringsvorm.choices, required=False, allow_blank=True, default=""
    )
    aanbieder = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Verplicht bij zorg in natura: de id van een aanbieder (/api/v1/aanbieders/) "
        "met een contract voor deze voorziening op de ingangsdatum.",
    )
    frequentie = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=1,
        help_text="WMO757; leeg: de frequentie uit de catalogus.",
    )
    pgb_toets = PgbToetsSerializer(required=False, allow_null=True, default=None)
    pgb_tarief = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="Het tarief per eenheid dat de inwoner voor het pgb vraagt.",
    )
    persoonlijk_plan = serializers.CharField(required=False, allow_blank=True, default="")


class BeslissenInputSerializer(serializers.Serializer):
    besloten_op = serializers.DateField(required=False, help_text="Standaard vandaag.")
    motivering = serializers.CharField(allow_blank=True)
    regels = serializers.ListField(child=RegelInputSerializer(), allow_empty=True)


class OpschortenInputSerializer(serializers.Serializer):
    van = serializers.DateField()
    reden = serializers.CharField(max_length=300)


class HervattenInputSerializer(serializers.Serializer):
    tot = serializers.DateField()
