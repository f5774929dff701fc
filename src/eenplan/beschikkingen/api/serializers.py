"""Input and output shapes of the aanvragen and beschikkingen API and of the SVB and CAK exports
(bezwaren and klachten: `eenplan.bezwaren.api.serializers`).

Output: a list row and the whole record. Input: one serializer per write, each feeding exactly
one service; the meaning (an end before the start, a volume of zero, the PGB conditions, iWmo
OP043, a bezwaar by the right resident, the Awb terms) is checked by the services, so pages and
API refuse the same things with the same Dutch messages.

Schema notes (drf-spectacular names an enum after its field):
- `status` (aanvraag) and `uitkomst` (per provision, of a bezwaar) are plain strings with the
  allowed values in their help text: the meldingen API owns `StatusEnum` and the plannen API
  `UitkomstEnum`, and a second choice set under those names is a schema warning. Entries in
  SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] for both choice sets of each name would let them
  become enums.
- `leveringsvorm`, `rechtmatigheid`, `tijdigheid` and `termijn_status` are enums: no other
  choice set uses those names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.beschikkingen import exports
from eenplan.beschikkingen.constants import (
    AanvraagStatus,
    BeschikkingStatus,
    Rechtmatigheid,
    Uitkomst,
)
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
    Overgangsrecht,
)
from eenplan.beschikkingen.selectors import (
    BESCHIKKING_ZOEK_PARAMETERS,
    BeschikkingZoekvraag,
    onbekende_parameters,
    zoekvraag_fout,
)
from eenplan.common.api import IdField
from eenplan.common.constants import Wet
from eenplan.common.datums import datum_fout
from eenplan.rules import datums
from eenplan.voorzieningen.constants import Leveringsvorm


def _keuzes(choices: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{value}` ({label.lower()})" for value, label in choices)


AANVRAAG_STATUS_HELP = "Stand van de aanvraag: " + _keuzes(AanvraagStatus.choices)
UITKOMST_HELP = "Besluit over deze voorziening: " + _keuzes(Uitkomst.choices)
TERMIJN_STATUS_CHOICES = [
    ("op_schema", "Op schema"),
    ("bijna_verlopen", "Bijna verlopen (binnen 5 werkdagen)"),
    ("verlopen", "Verlopen"),
]

# --- output -------------------------------------------------------------------------------


class BeschikkingInwonerRefSerializer(serializers.Serializer):
    """Enough to recognise the resident; the dossier itself is at /api/v1/inwoners/{id}/."""

    id = serializers.IntegerField()
    naam = serializers.CharField()


class BeschikkingVoorzieningRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    productcategorie = serializers.CharField()
    productcode = serializers.CharField()


class BeschikkingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="beschikking-detail")
    besloten_op = serializers.DateField()
    verzonden_op = serializers.DateField(allow_null=True)


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

    vastgelegd_door = serializers.CharField(source="vastgelegd_door.get_username", read_only=True)
    beschikkingen = BeschikkingRefSerializer(many=True, read_only=True)

    class Meta(AanvraagListSerializer.Meta):
        fields = [
            *AanvraagListSerializer.Meta.fields,
            "plan",
            "voorstel",
            "toelichting",
            "ingediend_door",
            "vastgelegd_door",
            "beschikkingen",
            "created_at",
        ]
        read_only_fields = fields


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


class BeschikteVoorzieningSerializer(serializers.ModelSerializer):
    """What is decided on one provision: outcome, volume, period, ZIN or PGB."""

    voorziening = BeschikkingVoorzieningRefSerializer(read_only=True)
    uitkomst = serializers.CharField(read_only=True, help_text=UITKOMST_HELP)
    leveringsvorm = serializers.ChoiceField(
        choices=Leveringsvorm.choices,
        allow_blank=True,
        read_only=True,
        help_text="Leeg bij een afwijzing.",
    )
    pgb_toets = PgbToetsOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = BeschikteVoorziening
        fields = [
            "id",
            "voorziening",
            "uitkomst",
            "omvang",
            "eenheid",
            "frequentie",
            "begin",
            "einde",
            "heronderzoek_op",
            "leveringsvorm",
            "aanbieder",
            "pgb_budget",
            "pgb_zelf_te_betalen",
            "pgb_toets",
            "eigen_bijdrage_van_toepassing",
        ]
        read_only_fields = fields


class BeschikkingListSerializer(serializers.ModelSerializer):
    """A row: the resident, the decided provisions and the state of the decision."""

    url = serializers.HyperlinkedIdentityField(view_name="beschikking-detail")
    inwoner = BeschikkingInwonerRefSerializer(read_only=True)
    wet = serializers.ChoiceField(source="aanvraag.wet", choices=Wet.choices, read_only=True)
    regels = BeschikteVoorzieningSerializer(source="voorzieningen", many=True, read_only=True)

    class Meta:
        model = Beschikking
        fields = [
            "id",
            "url",
            "inwoner",
            "aanvraag",
            "wet",
            "besloten_op",
            "verzonden_op",
            "bezwaar_uiterlijk",
            "rechtmatigheid",
            "regels",
        ]
        read_only_fields = fields


class EigenBijdrageSerializer(serializers.Serializer):
    """The household's Wmo contribution (one per household, however many provisions)."""

    peildatum = serializers.DateField()
    bedrag_per_maand = serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        allow_null=True,
        help_text="Leeg als eenplan geen bedrag berekent: het CAK stelt het vast, of een gegeven "
        "ontbreekt (zie status en ontbrekend_jaar).",
    )
    status = serializers.CharField(
        help_text="bedrag, geen_bijdrage, cak_stelt_vast (inkomensafhankelijk) of "
        "gegevens_ontbreken.",
    )
    ontbrekend_jaar = serializers.IntegerField(
        allow_null=True,
        help_text="Het jaar waarvoor het abonnementstarief ontbreekt (nooit een eerder jaar).",
    )
    toelichting = serializers.ListField(child=serializers.CharField())
    via_cak = serializers.BooleanField(help_text="Het CAK int de bijdrage.")


class BezwaarRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="bezwaar-detail")
    ontvangen_op = serializers.DateField()
    uitkomst = serializers.CharField(
        help_text="Uitkomst van het bezwaar; de waarden staan bij `uitkomst` in /api/v1/bezwaren/."
    )


class BeschikkingDetailSerializer(BeschikkingListSerializer):
    """The decision with its reasons, the letter (as sent, or a preview), the eigen bijdrage
    and the bezwaar clause."""

    besloten_door = serializers.CharField(source="besloten_door.get_username", read_only=True)
    getoetst_door = serializers.CharField(
        source="getoetst_door.get_username", read_only=True, allow_null=True
    )
    brief = serializers.SerializerMethodField()
    brief_is_voorbeeld = serializers.SerializerMethodField()
    eigen_bijdrage = serializers.SerializerMethodField()
    bezwaren = BezwaarRefSerializer(many=True, read_only=True)

    class Meta(BeschikkingListSerializer.Meta):
        fields = [
            *BeschikkingListSerializer.Meta.fields,
            "motivering",
            "ladder_uitkomst",
            "besloten_door",
            "rechtmatigheid_reden",
            "getoetst_door",
            "herziet",
            "brief",
            "brief_is_voorbeeld",
            "eigen_bijdrage",
            "bezwaren",
        ]
        read_only_fields = fields

    def get_brief(self, obj: Beschikking) -> str:
        """The letter as sent; before sending a preview from the current template."""
        return self.context["brief"]

    def get_brief_is_voorbeeld(self, obj: Beschikking) -> bool:
        """True when the letter is not sent yet and `brief` is a preview."""
        return obj.verzonden_op is None

    @extend_schema_field(EigenBijdrageSerializer(allow_null=True))
    def get_eigen_bijdrage(self, obj: Beschikking) -> dict[str, Any] | None:
        """The contribution on the day of sending (or of the decision), as in the letter;
        null when the household has no active Wmo provision then."""
        data = self.context["eigen_bijdrage"]
        return None if data is None else EigenBijdrageSerializer(data).data


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


# --- input --------------------------------------------------------------------------------


class AanvraagFilterSerializer(serializers.Serializer):
    status = serializers.CharField(required=False, help_text=AANVRAAG_STATUS_HELP)
    wet = serializers.ChoiceField(choices=Wet.choices, required=False)
    inwoner = IdField(required=False, help_text="Id van de inwoner.")

    def validate_status(self, value: str) -> str:
        if value not in AanvraagStatus.values:
            raise serializers.ValidationError("Kies ontvangen, besloten of ingetrokken.")
        return value


class BeschikkingFilterSerializer(serializers.Serializer):
    """The parameters of the beschikkingen list: the same names as the page `/beschikkingen/`
    (`selectors.BESCHIKKING_ZOEK_PARAMETERS`) plus a few of the API's own. An unknown
    parameter is a 400, never silently ignored."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Vrije tekst: naam, BSN, geboortedatum of postcode van de inwoner, of het "
        "nummer van de beschikking.",
    )
    status = serializers.ChoiceField(
        choices=BeschikkingStatus.choices, required=False, allow_blank=True
    )
    voorziening = IdField(required=False, help_text="Id van de voorziening in de catalogus.")
    wet = serializers.ChoiceField(choices=Wet.choices, required=False, allow_blank=True)
    besloten_van = serializers.DateField(
        required=False, help_text="Besloten op of na deze datum (jjjj-mm-dd)."
    )
    besloten_tot = serializers.DateField(
        required=False, help_text="Besloten op of vóór deze datum (jjjj-mm-dd)."
    )
    rechtmatigheid = serializers.ChoiceField(
        choices=Rechtmatigheid.choices,
        required=False,
        help_text="`te_toetsen`: de rij van besluiten van generalisten die de backoffice "
        "achteraf toetst.",
    )
    inwoner = IdField(required=False, help_text="Id van de inwoner.")
    einde_binnen_weken = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=104,
        help_text="Alleen beschikkingen met een toegekende voorziening die binnen zoveel weken "
        "eindigt of aan heronderzoek toe is (werklijst: 8).",
    )

    API_PARAMETERS = (
        "rechtmatigheid",
        "inwoner",
        "einde_binnen_weken",
        "per_pagina",
        "doel",
        "format",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        fouten: dict[str, Any] = {}
        onbekend = onbekende_parameters(
            self.initial_data.keys(), BESCHIKKING_ZOEK_PARAMETERS + self.API_PARAMETERS
        )
        if onbekend:
            fouten["parameters"] = [onbekend]
        zoekfout = zoekvraag_fout(attrs.get("q", ""))
        if zoekfout:
            fouten["q"] = [zoekfout]
        van, tot = attrs.get("besloten_van"), attrs.get("besloten_tot")
        if van and tot and van > tot:
            fouten["besloten_tot"] = ["De periode eindigt vóór zij begint."]
        if fouten:
            raise serializers.ValidationError(fouten)
        return attrs

    def zoekvraag(self) -> BeschikkingZoekvraag:
        data = self.validated_data
        return BeschikkingZoekvraag(
            q=data.get("q", ""),
            status=data.get("status", ""),
            voorziening=data.get("voorziening"),
            wet=data.get("wet", ""),
            besloten_van=data.get("besloten_van"),
            besloten_tot=data.get("besloten_tot"),
        )


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
    aanbieder = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=200,
        help_text="Verplicht bij zorg in natura.",
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


class VersturenInputSerializer(serializers.Serializer):
    op = serializers.DateField(required=False, help_text="Verzenddatum; standaard vandaag.")


class ToetsenInputSerializer(serializers.Serializer):
    rechtmatig = serializers.BooleanField()
    reden = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Verplicht als het onrechtmatig is."
    )


class SvbExportParamsSerializer(serializers.Serializer):
    op = serializers.DateField(help_text="Peildatum: budgetten die op deze dag lopen.")

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

    def validate_maand(self, value: str) -> str:
        try:
            begin, _ = exports.parse_maand(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        if fout := datum_fout(datums.PLANNING, begin):
            raise serializers.ValidationError(fout)
        return value


class OpschortenInputSerializer(serializers.Serializer):
    van = serializers.DateField()
    reden = serializers.CharField(max_length=300)


class HervattenInputSerializer(serializers.Serializer):
    tot = serializers.DateField()


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
