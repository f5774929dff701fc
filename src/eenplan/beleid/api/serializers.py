"""Serializers of the beleid API: the plan's structure, the dashboard, targets, the survey."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.beleid.constants import ActiviteitStatus, Richting
from eenplan.beleid.models import Activiteit, Beleidsplan


class BeleidsplanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beleidsplan
        fields = [
            "id",
            "naam",
            "omschrijving",
            "van_jaar",
            "tot_jaar",
            "bron",
            "op_koers_marge",
            "aandacht_marge",
            "vastgesteld_op",
            "versie",
        ]


class BeleidsplanInSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    omschrijving = serializers.CharField(required=False, allow_blank=True)
    van_jaar = serializers.IntegerField(required=False)
    tot_jaar = serializers.IntegerField(required=False)
    vastgesteld_op = serializers.DateField(required=False, allow_null=True)
    bron = serializers.CharField(max_length=300, required=False, allow_blank=True)


class StreefSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    waarde = serializers.DecimalField(max_digits=14, decimal_places=2)


class KoppelingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.CharField()
    richting = serializers.CharField()
    basiswaarde = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    basisjaar = serializers.IntegerField(allow_null=True)
    op_koers_marge = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    aandacht_marge = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    streefwaarden = StreefSerializer(many=True, source="streefwaarden.all")
    bron = serializers.CharField()
    versie = serializers.IntegerField()


class ResultaatSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.IntegerField()
    tekst = serializers.CharField()
    bron = serializers.CharField()
    versie = serializers.IntegerField()
    indicatoren = KoppelingSerializer(many=True, source="indicatoren.all")


class ActiviteitSerializer(serializers.ModelSerializer):
    resultaten = serializers.SerializerMethodField()

    class Meta:
        model = Activiteit
        fields = [
            "id",
            "code",
            "naam",
            "eigenaar",
            "start",
            "eind",
            "status",
            "toelichting",
            "resultaten",
            "bron",
            "versie",
        ]

    def get_resultaten(self, obj: Activiteit) -> list[int]:
        return [r.nummer for r in obj.resultaten.all()]


class SubdoelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.IntegerField()
    tekst = serializers.CharField()
    bron = serializers.CharField()
    versie = serializers.IntegerField()
    activiteiten = ActiviteitSerializer(many=True, source="activiteiten.all")


class DoelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    tekst = serializers.CharField()
    bron = serializers.CharField()
    versie = serializers.IntegerField()
    subdoelen = SubdoelSerializer(many=True, source="subdoelen.all")


class ThemaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nummer = serializers.IntegerField()
    naam = serializers.CharField()
    omschrijving = serializers.CharField()
    bron = serializers.CharField()
    versie = serializers.IntegerField()
    doelen = DoelSerializer(many=True, source="doelen.all")
    resultaten = ResultaatSerializer(many=True, source="resultaten.all")


class PlanStructuurSerializer(BeleidsplanSerializer):
    themas = serializers.SerializerMethodField()

    class Meta(BeleidsplanSerializer.Meta):
        fields = [*BeleidsplanSerializer.Meta.fields, "themas"]

    def get_themas(self, obj: Beleidsplan) -> list[dict]:
        return ThemaSerializer(self.context["themas"], many=True).data


class PuntSerializer(serializers.Serializer):
    periode = serializers.CharField()
    waarde = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    onderdrukt = serializers.BooleanField()


class StandSerializer(serializers.Serializer):
    koppeling = serializers.IntegerField(source="koppeling.pk")
    indicator = serializers.CharField(source="koppeling.indicator")
    naam = serializers.CharField()
    resultaat = serializers.IntegerField(source="koppeling.resultaat.nummer")
    punten = PuntSerializer(many=True)
    streefwaarden = serializers.SerializerMethodField()
    verwacht = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, source="uitkomst.verwacht"
    )
    achterstand_pct = serializers.DecimalField(
        max_digits=8, decimal_places=1, allow_null=True, source="uitkomst.achterstand_pct"
    )
    oordeel = serializers.CharField(source="uitkomst.oordeel.value")
    uitleg = serializers.CharField(source="uitkomst.uitleg")

    def get_streefwaarden(self, obj: object) -> dict[str, str]:
        return {str(j): str(w) for j, w in obj.streef.items()}  # type: ignore[attr-defined]


class ThemaStandSerializer(serializers.Serializer):
    thema = serializers.IntegerField(source="thema.nummer")
    naam = serializers.CharField(source="thema.naam")
    telling = serializers.DictField(child=serializers.IntegerField())
    indicatoren = StandSerializer(many=True, source="standen")


class DashboardFilterSerializer(serializers.Serializer):
    wijk = serializers.IntegerField(required=False, help_text="Id van een wijk; leeg: gemeente.")


class KoppelingWijzigenSerializer(serializers.Serializer):
    richting = serializers.ChoiceField(choices=Richting.choices)
    basiswaarde = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, required=False
    )
    basisjaar = serializers.IntegerField(
        allow_null=True, required=False, min_value=1990, max_value=2100
    )
    op_koers_marge = serializers.DecimalField(
        max_digits=6, decimal_places=1, allow_null=True, required=False
    )
    aandacht_marge = serializers.DecimalField(
        max_digits=6, decimal_places=1, allow_null=True, required=False
    )
    streefwaarden = StreefSerializer(many=True, required=False)


class KoppelingNieuwSerializer(serializers.Serializer):
    resultaat = serializers.IntegerField()
    indicator = serializers.CharField(max_length=100)
    richting = serializers.ChoiceField(choices=Richting.choices, default=Richting.HOGER)


class MargesSerializer(serializers.Serializer):
    op_koers_marge = serializers.DecimalField(max_digits=6, decimal_places=1)
    aandacht_marge = serializers.DecimalField(max_digits=6, decimal_places=1)


class ActiviteitStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActiviteitStatus.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class UitvragingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jaar = serializers.IntegerField()
    peildatum = serializers.DateField()
    sluit_op = serializers.DateField()
    populatie = serializers.IntegerField()
    steekproefgrootte = serializers.IntegerField()
    seed = serializers.IntegerField()
    methode = serializers.CharField()
    uitgenodigd = serializers.IntegerField()
    beantwoord = serializers.IntegerField()


class UitvragingStartSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(min_value=2015, max_value=2100)
    peildatum = serializers.DateField()
    sluit_op = serializers.DateField()
    steekproefgrootte = serializers.IntegerField(min_value=1, max_value=100_000)


class ResultatenFilterSerializer(serializers.Serializer):
    per = serializers.ChoiceField(choices=["wijk", "aanbieder"], required=False, default="wijk")


class CelSerializer(serializers.Serializer):
    n = serializers.IntegerField(allow_null=True)
    positief_pct = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    gemiddelde = serializers.DecimalField(max_digits=3, decimal_places=1, allow_null=True)
    onderdrukt = serializers.BooleanField()


class ResultaatRijSerializer(serializers.Serializer):
    vraag = serializers.CharField(source="vraag.code")
    tekst = serializers.CharField(source="vraag.tekst")
    aspect = serializers.CharField(source="vraag.aspect")
    totaal = CelSerializer()
    cellen = CelSerializer(many=True)


class ResponsRijSerializer(serializers.Serializer):
    groep = serializers.CharField()
    uitgenodigd = serializers.IntegerField()
    beantwoord = serializers.IntegerField(allow_null=True)
    pct = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    onderdrukt = serializers.BooleanField()


class ResultatenSerializer(serializers.Serializer):
    per = serializers.CharField()
    groepen = serializers.ListField(child=serializers.CharField())
    tabel = ResultaatRijSerializer(many=True)
    respons = ResponsRijSerializer(many=True)
    uitgenodigd = serializers.IntegerField()
    beantwoord = serializers.IntegerField()
    respons_pct = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
