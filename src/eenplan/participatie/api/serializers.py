"""Input and output shapes of the work and income API (`/api/v1/participatie/…`). One input
serializer per write, each feeding exactly one service: pages and API refuse the same things
with the same Dutch messages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.common.api import IdField
from eenplan.participatie.constants import (
    InstrumentResultaat,
    InstrumentSoort,
    MaatregelSoort,
    Methode,
    TrajectResultaat,
    VoorschotUitsluiting,
)
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Maatregel,
    Tegenprestatie,
    Traject,
    TrajectStap,
    Verdiencapaciteit,
    Voorschot,
    Werkgever,
)


class VoorschotSerializer(serializers.ModelSerializer):
    class Meta:
        model = Voorschot
        fields = ["id", "verleend_op", "bedrag"]


class LevensonderhoudSerializer(serializers.ModelSerializer):
    """An aanvraag levensonderhoud: the legal case (`aanvraag`, with its decision term), the
    zoektermijn, the norm with its source, and the voorschot ground."""

    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)
    status = serializers.CharField(source="aanvraag.status", read_only=True)
    beslissen_uiterlijk = serializers.DateField(
        source="aanvraag.beslissen_uiterlijk", read_only=True
    )
    normcategorie_omschrijving = serializers.CharField(read_only=True)

    class Meta:
        model = LevensonderhoudAanvraag
        fields = [
            "id",
            "versie",
            "huishouden",
            "inwoner",
            "inwoner_naam",
            "partner",
            "aanvraag",
            "status",
            "gemeld_op",
            "ontvangen_op",
            "beslissen_uiterlijk",
            "zoektermijn_van_toepassing",
            "zoektermijn_tot",
            "zoektermijn_afgezien",
            "afzien_reden",
            "zoektermijn_bron",
            "kinderen",
            "normcategorie",
            "normcategorie_omschrijving",
            "normartikel",
            "norm_bedrag",
            "norm_geldig_vanaf",
            "norm_bron",
            "voorschot_uitsluiting",
            "voorschot_uitsluiting_toelichting",
        ]


class VoorschotStandSerializer(serializers.Serializer):
    verschuldigd = serializers.ListField(child=serializers.DateField())
    open = serializers.ListField(child=serializers.DateField())
    verleend = serializers.ListField(child=serializers.DateField())
    besloten_op = serializers.DateField(allow_null=True)


class LevensonderhoudDetailSerializer(LevensonderhoudSerializer):
    voorschotten = VoorschotSerializer(many=True, read_only=True)
    voorschot_stand = serializers.SerializerMethodField()
    beschikking = serializers.SerializerMethodField()

    class Meta(LevensonderhoudSerializer.Meta):
        fields = [
            *LevensonderhoudSerializer.Meta.fields,
            "voorschotten",
            "voorschot_stand",
            "beschikking",
        ]

    @extend_schema_field(VoorschotStandSerializer)
    def get_voorschot_stand(self, obj: LevensonderhoudAanvraag) -> dict[str, object]:
        return self.context["stand"]  # type: ignore[no-any-return]

    def get_beschikking(self, obj: LevensonderhoudAanvraag) -> int | None:
        beschikking = next(iter(obj.aanvraag.beschikkingen.all()), None)
        return beschikking.pk if beschikking else None


class LevensonderhoudCreateSerializer(serializers.Serializer):
    huishouden = IdField()
    inwoner = IdField()
    gemeld_op = serializers.DateField()
    ontvangen_op = serializers.DateField()
    afzien_zoektermijn = serializers.BooleanField(default=False)
    afzien_reden = serializers.CharField(required=False, allow_blank=True, default="")


class VoorschotInputSerializer(serializers.Serializer):
    verleend_op = serializers.DateField()
    bedrag = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=Decimal("0.01"))


class UitsluitingInputSerializer(serializers.Serializer):
    grond = serializers.ChoiceField(choices=VoorschotUitsluiting.choices, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class LevensonderhoudBeslissenSerializer(serializers.Serializer):
    toekennen = serializers.BooleanField()
    besloten_op = serializers.DateField()
    ingangsdatum = serializers.DateField(required=False, allow_null=True, default=None)
    motivering = serializers.CharField()


class VerdiencapaciteitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Verdiencapaciteit
        fields = [
            "id",
            "inwoner",
            "vastgesteld_op",
            "percentage",
            "methode",
            "toelichting",
            "route",
            "drempel_direct",
            "drempel_werkspoor",
            "drempels_bron",
        ]
        read_only_fields = fields


class VerdiencapaciteitCreateSerializer(serializers.Serializer):
    inwoner = IdField()
    vastgesteld_op = serializers.DateField()
    percentage = serializers.DecimalField(
        max_digits=5, decimal_places=1, min_value=Decimal(0), max_value=Decimal(300)
    )
    methode = serializers.ChoiceField(choices=Methode.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class TrajectStapSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrajectStap
        fields = ["id", "fase", "van", "tot", "uitkomst"]


class TrajectSerializer(serializers.ModelSerializer):
    stappen = TrajectStapSerializer(many=True, read_only=True)

    class Meta:
        model = Traject
        fields = [
            "id",
            "versie",
            "inwoner",
            "verdiencapaciteit",
            "route",
            "fase",
            "begonnen_op",
            "beeindigd_op",
            "resultaat",
            "volgende_review_op",
            "terug_naar_regisseur",
            "stappen",
        ]


class TrajectCreateSerializer(serializers.Serializer):
    verdiencapaciteit = IdField()
    begonnen_op = serializers.DateField()


class StapInputSerializer(serializers.Serializer):
    op = serializers.DateField()
    uitkomst = serializers.CharField()
    resultaat = serializers.ChoiceField(
        choices=TrajectResultaat.choices, allow_blank=True, required=False, default=""
    )


class InwonerFilterSerializer(serializers.Serializer):
    inwoner = IdField(required=False)


class WerkgeverSerializer(serializers.ModelSerializer):
    plaatsingen = serializers.IntegerField(source="aantal_plaatsingen", read_only=True)

    class Meta:
        model = Werkgever
        fields = ["id", "naam", "kvk_nummer", "grootte", "plaats", "plaatsingen"]
        read_only_fields = ["id", "plaatsingen"]


class InstrumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Instrument
        fields = [
            "id",
            "inwoner",
            "traject",
            "soort",
            "begin",
            "einde",
            "uitvoerder",
            "werkgever",
            "loonwaarde",
            "resultaat",
        ]
        read_only_fields = fields


class InstrumentCreateSerializer(serializers.Serializer):
    inwoner = IdField()
    soort = serializers.ChoiceField(choices=InstrumentSoort.choices)
    begin = serializers.DateField()
    einde = serializers.DateField(required=False, allow_null=True, default=None)
    uitvoerder = serializers.CharField(required=False, allow_blank=True, default="")
    werkgever = IdField(required=False, allow_null=True, default=None)
    loonwaarde = serializers.DecimalField(
        max_digits=5, decimal_places=1, required=False, allow_null=True, default=None
    )


class InstrumentAfrondenSerializer(serializers.Serializer):
    einde = serializers.DateField()
    resultaat = serializers.ChoiceField(choices=InstrumentResultaat.choices)


class TegenprestatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tegenprestatie
        fields = [
            "id",
            "inwoner",
            "omschrijving",
            "uren_per_week",
            "begin",
            "einde",
            "naar_vermogen",
            "voorwaarden",
        ]
        read_only_fields = fields


class TegenprestatieCreateSerializer(serializers.Serializer):
    inwoner = IdField()
    omschrijving = serializers.CharField()
    uren_per_week = serializers.DecimalField(max_digits=4, decimal_places=1)
    begin = serializers.DateField()
    einde = serializers.DateField(required=False, allow_null=True, default=None)
    naar_vermogen = serializers.CharField(allow_blank=True)
    onbetaald = serializers.BooleanField()
    additioneel = serializers.BooleanField()
    gericht_op_arbeidsinschakeling = serializers.BooleanField()
    maatschappelijk_nuttig = serializers.BooleanField()
    belemmert_arbeidsinschakeling = serializers.BooleanField(default=False)


class MaatregelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Maatregel
        fields = [
            "id",
            "aanvraag",
            "soort",
            "categorie",
            "categorie_omschrijving",
            "gedraging",
            "besloten_op",
            "percentage",
            "maanden",
            "verlaging_per_maand",
            "ingangsdatum",
            "verordening_bron",
            "impact",
        ]
        read_only_fields = fields


class MaatregelCreateSerializer(serializers.Serializer):
    aanvraag = IdField(help_text="De aanvraag levensonderhoud (met toegekende bijstand).")
    soort = serializers.ChoiceField(choices=MaatregelSoort.choices)
    categorie = serializers.CharField()
    gedraging = serializers.CharField()
    besloten_op = serializers.DateField()
    ingangsdatum = serializers.DateField(required=False, allow_null=True, default=None)
    impact_toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class WerkdoelActieSerializer(serializers.Serializer):
    omschrijving = serializers.CharField()
    uitvoerder = serializers.CharField()
    uiterlijk = serializers.DateField(allow_null=True)
    gedaan_op = serializers.DateField(allow_null=True)


class WerkdoelDoelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    leefgebied = serializers.CharField(source="leefgebied.naam")
    omschrijving = serializers.CharField()
    plan = serializers.IntegerField(source="plan_id")
    acties = WerkdoelActieSerializer(many=True, source="acties.all")


class WerkdoelSerializer(serializers.Serializer):
    """A plan goal linked to a trajectory or instrument; the goal and its actions only while
    the resident's consent for the Werkplein holds (`doel` null after a withdrawal)."""

    id = serializers.IntegerField()
    traject = serializers.IntegerField(source="traject_id", allow_null=True)
    instrument = serializers.IntegerField(source="instrument_id", allow_null=True)
    gekoppeld_op = serializers.DateField()
    deelnemer = serializers.CharField(source="deelnemer.naam")
    toestemming_geldt = serializers.BooleanField()
    doel = serializers.SerializerMethodField()

    def get_doel(self, obj: Any) -> dict[str, Any] | None:
        return WerkdoelDoelSerializer(obj.doel).data if obj.toestemming_geldt else None


class WerkdoelFilterSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(
        min_value=1, error_messages={"required": "Geef de inwoner (id)."}
    )


class WerkdoelCreateSerializer(serializers.Serializer):
    doel = serializers.IntegerField(min_value=1, help_text="Een doel van het plan.")
    traject = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    instrument = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
