"""Input and output shapes of the inwoners API."""

from __future__ import annotations

from rest_framework import serializers

from eenplan.common.api import IdField
from eenplan.inwoners.constants import Geslacht, NetwerkSoort, Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon


class WijkRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    naam = serializers.CharField()


class InwonerListSerializer(serializers.ModelSerializer):
    """What a search result shows: enough to recognise someone, no BSN or contact data."""

    url = serializers.HyperlinkedIdentityField(view_name="inwoner-detail")
    wijk = WijkRefSerializer()

    class Meta:
        model = Inwoner
        fields = [
            "id",
            "url",
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "adres",
            "wijk",
        ]


class NetwerkpersoonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Netwerkpersoon
        fields = [
            "id",
            "soort",
            "naam",
            "relatie",
            "telefoon",
            "email",
            "als_inwoner",
            "sinds",
            "tot",
        ]


class HuishoudenLidSerializer(serializers.ModelSerializer):
    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)

    class Meta:
        model = HuishoudenLid
        fields = ["id", "inwoner", "inwoner_naam", "relatie", "lid_van", "lid_tot"]


class InwonerDetailSerializer(serializers.ModelSerializer):
    wijk = WijkRefSerializer()
    netwerk = NetwerkpersoonSerializer(many=True)
    huishouden = serializers.SerializerMethodField()

    class Meta:
        model = Inwoner
        fields = [
            "id",
            "bsn",
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "straat",
            "huisnummer",
            "huisnummer_toevoeging",
            "postcode",
            "woonplaats",
            "adres",
            "wijk",
            "telefoon",
            "email",
            "huishouden",
            "netwerk",
            "created_at",
            "updated_at",
            # The version the ETag names (If-Match, ADR 0012): in the answer, so the
            # ETag needs no second read of the resident (issue 16: that read lacked the
            # municipality condition).
            "versie",
        ]
        read_only_fields = ["versie"]

    def get_huishouden(self, obj: Inwoner) -> int | None:
        return self.context.get("huishouden_id")


class InwonerInputSerializer(serializers.Serializer):
    """Create/update input; validation of meaning (BSN, wijk, dates) lives in the service."""

    bsn = serializers.CharField(max_length=20)
    voornamen = serializers.CharField(max_length=200)
    voorvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    geslacht = serializers.ChoiceField(choices=Geslacht.choices, required=False)
    straat = serializers.CharField(max_length=200)
    huisnummer = serializers.IntegerField(min_value=1)
    huisnummer_toevoeging = serializers.CharField(max_length=10, required=False, allow_blank=True)
    postcode = serializers.RegexField(
        r"^\d{4}\s?[A-Za-z]{2}$",
        error_messages={
            "invalid": "Een postcode is vier cijfers en twee letters, bijvoorbeeld 5911 AB."
        },
    )
    woonplaats = serializers.CharField(max_length=100)
    wijk = IdField(help_text="Id van de wijk.")
    telefoon = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)


class HuishoudenSerializer(serializers.ModelSerializer):
    leden = HuishoudenLidSerializer(many=True, read_only=True)

    class Meta:
        model = Huishouden
        fields = ["id", "naam", "leden", "created_at"]


class HuishoudenLidInputSerializer(serializers.Serializer):
    inwoner = IdField()
    relatie = serializers.ChoiceField(choices=Relatie.choices)
    lid_van = serializers.DateField()


class HuishoudenInputSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200, required=False, allow_blank=True)
    leden = HuishoudenLidInputSerializer(many=True, required=False)


class LidEindeInputSerializer(serializers.Serializer):
    lid_tot = serializers.DateField()


class NetwerkpersoonInputSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=NetwerkSoort.choices)
    naam = serializers.CharField(max_length=200)
    relatie = serializers.CharField(max_length=100, required=False, allow_blank=True)
    telefoon = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
