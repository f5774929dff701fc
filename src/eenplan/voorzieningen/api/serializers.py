"""Input and output shapes of the voorzieningen API: the catalogue, the sociale kaart, tariffs
and the iWmo/iJw code lists.

Validation of meaning (codes from the code lists, an organisation for an algemene voorziening,
a source and provider for a tariff) lives in `voorzieningen.services`, so pages and API refuse
the same things with the same Dutch messages.

Schema note (drf-spectacular names an enum after its field): `soort` is a plain string here.
Other APIs already own enums for fields called `soort` (team, netwerk, regisseur,
veiligheidssignaal); a further choice set under that name, used in more than one component,
is a schema warning. With an ENUM_NAME_OVERRIDES entry ("VoorzieningSoortEnum":
"eenplan.voorzieningen.constants.VoorzieningSoort") it could become an enum.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.common.api import IdField
from eenplan.common.constants import Wet
from eenplan.voorzieningen.constants import (
    BijdrageCategorie,
    BijdrageSoort,
    Leveringsvorm,
    Uitvoeringsvariant,
    VoorzieningSoort,
)
from eenplan.voorzieningen.models import CodelijstWaarde, Tarief, Voorziening

SOORT_HELP = "Soort voorziening: " + ", ".join(
    f"`{value}` ({label.lower()})" for value, label in VoorzieningSoort.choices
)


def _check_soort(value: str) -> str:
    if value not in VoorzieningSoort.values:
        raise serializers.ValidationError(
            "Kies algemeen, collectief (maatwerk) of individueel (maatwerk)."
        )
    return value


# --- output -------------------------------------------------------------------------------


class VoorzieningWijkRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()


class VoorzieningLeefgebiedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    naam = serializers.CharField()


class VoorzieningSerializer(serializers.ModelSerializer):
    """A catalogue entry: maatwerk with its iWmo/iJw coding, or an algemene voorziening of the
    sociale kaart with organisation, address, wijken, price and opening hours."""

    url = serializers.HyperlinkedIdentityField(view_name="voorziening-detail")
    soort = serializers.CharField(read_only=True, help_text=SOORT_HELP)
    wijken = VoorzieningWijkRefSerializer(
        many=True, read_only=True, help_text="Leeg: voor de hele gemeente."
    )
    leefgebieden = VoorzieningLeefgebiedRefSerializer(many=True, read_only=True)

    class Meta:
        model = Voorziening
        fields = [
            "id",
            "url",
            "naam",
            "soort",
            "wet",
            "omschrijving",
            "productcategorie",
            "productcode",
            "eenheid",
            "frequentie",
            "uitvoeringsvariant",
            "pgb_mogelijk",
            "telefoon",
            "website",
            "email",
            "eigen_bijdrage",
            "kostprijs_per_maand",
            "categorie",
            "organisatie",
            "adres",
            "wijken",
            "leefgebieden",
            "doelgroep",
            "prijs",
            "prijs_toelichting",
            "openingstijden",
            "actief",
        ]
        read_only_fields = fields


class VoorzieningHuidigTariefSerializer(serializers.Serializer):
    """The tariff in force per leveringsvorm: PGB from the catalogue, in kind (ZIN) per
    contracted provider from the contracts."""

    leveringsvorm = serializers.ChoiceField(choices=Leveringsvorm.choices)
    aanbieder = serializers.CharField(help_text="Naam van de aanbieder; leeg bij pgb.")
    aanbieder_id = serializers.IntegerField(
        allow_null=True, help_text="De aanbieder (/api/v1/aanbieders/{id}/); leeg bij pgb."
    )
    bedrag = serializers.DecimalField(
        max_digits=10, decimal_places=2, help_text="Per eenheid (WJ756), in euro."
    )
    eenheid = serializers.CharField(help_text="WJ756, bijvoorbeeld 04 (uur).")


class VoorzieningDetailSerializer(VoorzieningSerializer):
    """The catalogue entry with the tariffs in force on `tarieven_op`."""

    tarieven_op = serializers.SerializerMethodField()
    tarieven = serializers.SerializerMethodField()

    class Meta(VoorzieningSerializer.Meta):
        fields = [*VoorzieningSerializer.Meta.fields, "tarieven_op", "tarieven"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.DATE)
    def get_tarieven_op(self, obj: Voorziening) -> str:
        """The day the tariffs are shown for (default today)."""
        return self.context["tarieven_op"].isoformat()

    @extend_schema_field(VoorzieningHuidigTariefSerializer(many=True))
    def get_tarieven(self, obj: Voorziening) -> list[dict[str, Any]]:
        return VoorzieningHuidigTariefSerializer(self.context["tarieven"], many=True).data


class VoorzieningTariefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tarief
        fields = [
            "id",
            "voorziening",
            "leveringsvorm",
            "geldig_vanaf",
            "bedrag",
            "bron",
        ]
        read_only_fields = fields


class CodelijstWaardeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CodelijstWaarde
        fields = ["id", "codelijst", "versie", "code", "omschrijving", "bron"]
        read_only_fields = fields


# --- input --------------------------------------------------------------------------------


class VoorzieningFilterSerializer(serializers.Serializer):
    """Filters of the catalogue. `q`, `wijk` and `leefgebied` search the sociale kaart (the
    algemene voorzieningen)."""

    soort = serializers.CharField(required=False, help_text=SOORT_HELP)
    wet = serializers.ChoiceField(choices=Wet.choices, required=False)
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Zoekwoorden in naam, omschrijving, organisatie, doelgroep en adres "
        "(alleen algemene voorzieningen; elk woord moet voorkomen).",
    )
    wijk = IdField(
        required=False,
        help_text="Id van de wijk: voorzieningen in die wijk en die voor de hele gemeente.",
    )
    leefgebied = IdField(required=False, help_text="Id van het leefgebied.")

    def validate_soort(self, value: str) -> str:
        return _check_soort(value)


class VoorzieningTarievenOpSerializer(serializers.Serializer):
    op = serializers.DateField(
        required=False, help_text="Toon de tarieven die op deze dag gelden (standaard vandaag)."
    )


class VoorzieningCreateSerializer(serializers.Serializer):
    """Add a provision to the catalogue. Maatwerk needs codes from the iWmo/iJw 3.2 code lists
    (WMO020 or JZ020, WJ756, WMO757) and an execution variant; an algemene voorziening needs the
    organisation that offers it."""

    naam = serializers.CharField(max_length=200)
    soort = serializers.CharField(help_text=SOORT_HELP)
    wet = serializers.ChoiceField(choices=Wet.choices)
    omschrijving = serializers.CharField(required=False, allow_blank=True, default="")
    productcategorie = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2
    )
    productcode = serializers.CharField(required=False, allow_blank=True, default="", max_length=5)
    eenheid = serializers.CharField(required=False, allow_blank=True, default="", max_length=2)
    frequentie = serializers.CharField(required=False, allow_blank=True, default="", max_length=1)
    uitvoeringsvariant = serializers.ChoiceField(
        choices=Uitvoeringsvariant.choices, required=False, allow_blank=True, default=""
    )
    pgb_mogelijk = serializers.BooleanField(required=False, default=False)
    eigen_bijdrage = serializers.ChoiceField(
        choices=BijdrageSoort.choices, required=False, default=BijdrageSoort.ABONNEMENT
    )
    kostprijs_per_maand = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, default=None
    )
    categorie = serializers.ChoiceField(
        choices=BijdrageCategorie.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="rolstoel: landelijk geen eigen bijdrage; collectief_vervoer, "
        "woningaanpassing, hulpmiddel: vrij te stellen door de gemeente.",
    )
    organisatie = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    adres = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)
    telefoon = serializers.CharField(required=False, allow_blank=True, default="", max_length=30)
    website = serializers.URLField(required=False, allow_blank=True, default="", max_length=300)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    wijken = serializers.ListField(
        child=IdField(),
        required=False,
        default=list,
        help_text="Ids van de wijken; leeg: voor de hele gemeente.",
    )
    leefgebieden = serializers.ListField(child=IdField(), required=False, default=list)
    doelgroep = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    prijs = serializers.DecimalField(
        max_digits=8, decimal_places=2, required=False, allow_null=True, default=None
    )
    prijs_toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    openingstijden = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=300
    )

    def validate_soort(self, value: str) -> str:
        return _check_soort(value)


class VoorzieningTariefInputSerializer(serializers.Serializer):
    leveringsvorm = serializers.ChoiceField(choices=Leveringsvorm.choices)
    bedrag = serializers.DecimalField(
        max_digits=10, decimal_places=2, help_text="Per eenheid (WJ756), in euro."
    )
    geldig_vanaf = serializers.DateField()
    bron = serializers.CharField(help_text="Besluit of verordening waar het tarief uit komt.")
