"""Input and output shapes of the meldingen API.

Output: a list row (no BSN, no contact data) and the full melding with its history. Input: one
serializer per write, each feeding exactly one service. Validation of meaning (dates, who
reported, youth registration, same household) lives in the services, so pages and API refuse the
same things with the same Dutch messages.

Schema note: the registration input and the detail output share the component name ``Melding``
(``MeldingRequest`` / ``Melding``), so the choice set of ``kanaal`` belongs to one component and
does not collide with the access log's ``kanaal`` (privacy.constants.Kanaal).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.common.api import IdField, NaamField
from eenplan.meldingen.constants import (
    Domein,
    Doorzetting,
    Kanaal,
    MelderSoort,
    TermijnStand,
    Urgentie,
)
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting

# --- output -------------------------------------------------------------------------------


class MeldingInwonerRefSerializer(serializers.Serializer):
    """Enough to recognise the resident; the dossier itself is at /api/v1/inwoners/{id}/."""

    id = serializers.IntegerField()
    naam = serializers.CharField()


class MeldingTeamRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()


class MeldingMedewerkerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField(source="__str__")


class DomeinenField(serializers.ListField):
    """The law domains a melding touches, as codes (the model keeps one boolean per domain)."""

    child = serializers.ChoiceField(choices=Domein.choices)

    def get_attribute(self, instance: Melding) -> list[str]:
        return [d.value for d in Domein if getattr(instance, d.value)]


class MeldingListSerializer(serializers.ModelSerializer):
    """A worklist row: status, deadline and who handles it. No BSN, no question text."""

    url = serializers.HyperlinkedIdentityField(view_name="melding-detail")
    termijnstand = serializers.ChoiceField(
        source="stand",
        choices=TermijnStand.choices,
        read_only=True,
        help_text="Stand van de onderzoekstermijn op vandaag (binnen 5 werkdagen = bijna "
        "verlopen; opgeschort = de termijn staat stil).",
    )
    domeinen = DomeinenField(read_only=True)
    inwoner = MeldingInwonerRefSerializer(read_only=True, allow_null=True)
    team = MeldingTeamRefSerializer(read_only=True, allow_null=True)
    medewerker = MeldingMedewerkerRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Melding
        fields = [
            "id",
            "url",
            "status",
            "ontvangen_op",
            "onderzoek_uiterlijk",
            "termijnstand",
            "domeinen",
            "inwoner",
            "team",
            "medewerker",
        ]
        read_only_fields = fields


class MeldingGebeurtenisSerializer(serializers.ModelSerializer):
    door = NaamField()
    # Plain strings on purpose: the same choices as `status`, but a second enum name for the
    # same choice set would be a schema warning.
    van_status = serializers.CharField(
        read_only=True, help_text="Status vóór de gebeurtenis (leeg als die niet veranderde)."
    )
    naar_status = serializers.CharField(read_only=True, help_text="Status na de gebeurtenis.")
    medewerker = MeldingMedewerkerRefSerializer(read_only=True, allow_null=True)
    team = MeldingTeamRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MeldingGebeurtenis
        fields = [
            "moment",
            "door",
            "soort",
            "van_status",
            "naar_status",
            "medewerker",
            "team",
            "toelichting",
        ]
        read_only_fields = fields


class MeldingOpschortingSerializer(serializers.ModelSerializer):
    door = NaamField()

    class Meta:
        model = Opschorting
        fields = ["id", "van", "tot", "reden", "door"]
        read_only_fields = fields


class MeldingDoorzettingSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=Doorzetting.choices)
    organisatie = serializers.CharField()


class MeldingDetailSerializer(serializers.ModelSerializer):
    """The whole melding: the legal dates, routing, history and suspensions."""

    url = serializers.HyperlinkedIdentityField(view_name="melding-detail")
    inwoner = MeldingInwonerRefSerializer(read_only=True, allow_null=True)
    domeinen = DomeinenField(read_only=True)
    team = MeldingTeamRefSerializer(read_only=True, allow_null=True)
    medewerker = MeldingMedewerkerRefSerializer(read_only=True, allow_null=True)
    doorgezet = serializers.SerializerMethodField()
    geregistreerd_door = NaamField()
    gebeurtenissen = MeldingGebeurtenisSerializer(many=True, read_only=True)
    opschortingen = MeldingOpschortingSerializer(many=True, read_only=True)
    # The same annotation as the worklist and the page (`selectors.melding_get`).
    termijnstand = serializers.ChoiceField(
        source="stand",
        choices=TermijnStand.choices,
        read_only=True,
        help_text="Stand van de onderzoekstermijn op vandaag, als in de werkvoorraad.",
    )

    class Meta:
        model = Melding
        ref_name = "Melding"
        fields = [
            "id",
            "url",
            "versie",
            "status",
            "inwoner",
            "onbekende_persoon",
            "huishouden",
            "melder_soort",
            "melder_naam",
            "melder_contact",
            "kanaal",
            "domeinen",
            "urgentie",
            "veiligheid",
            "vraag",
            "ontvangen_op",
            "onderzoek_uiterlijk",
            "termijnstand",
            "persoonlijk_plan_uiterlijk",
            "ontvangstbevestiging_op",
            "wettelijke_verwijzing",
            "team",
            "medewerker",
            "antwoord",
            "doorgezet",
            "gekoppeld_aan",
            "geregistreerd_door",
            "gebeurtenissen",
            "opschortingen",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(MeldingDoorzettingSerializer(allow_null=True))
    def get_doorgezet(self, obj: Melding) -> dict[str, str] | None:
        """Where the mid-office forwarded the melding; null when it was not forwarded."""
        if not obj.doorgezet_naar:
            return None
        return {"naar": obj.doorgezet_naar, "organisatie": obj.doorgezet_organisatie}


class MeldingTellingenSerializer(serializers.Serializer):
    """Counts per deadline state of the filtered worklist."""

    op_schema = serializers.IntegerField()
    bijna_verlopen = serializers.IntegerField()
    verlopen = serializers.IntegerField()
    opgeschort = serializers.IntegerField()
    totaal = serializers.IntegerField()


# --- input --------------------------------------------------------------------------------


def _bsn(value: str) -> str:
    return value.replace(" ", "").replace(".", "")


class InwonerKeuzeMixin:
    """Validation shared by inputs that name a resident by id or by BSN (not both)."""

    def validate_bsn(self, value: str) -> str:
        return _bsn(value)

    def _check_one_resident(self, attrs: dict[str, Any]) -> None:
        if attrs.get("inwoner") and attrs.get("bsn"):
            raise serializers.ValidationError(
                {"inwoner": "Kies de inwoner óf geef het BSN, niet allebei."}
            )


class MeldingCreateSerializer(InwonerKeuzeMixin, serializers.Serializer):
    """Register a melding. Give the resident (id or BSN, within your work area) or describe the
    unknown person. The service checks the meaning: who reported, the date, the domains."""

    inwoner = IdField(required=False, help_text="Id van de inwoner.")
    bsn = serializers.CharField(
        required=False, max_length=12, help_text="BSN van de inwoner (in plaats van het id)."
    )
    onbekende_persoon = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=300,
        help_text="Als de inwoner nog niet bekend is: wat er bekend is om hem of haar te vinden.",
    )
    melder_soort = serializers.ChoiceField(
        choices=MelderSoort.choices, required=False, allow_blank=True, default=""
    )
    melder_naam = serializers.CharField(required=False, allow_blank=True, max_length=200)
    melder_contact = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kanaal = serializers.ChoiceField(choices=Kanaal.choices)
    domeinen = serializers.ListField(
        child=serializers.ChoiceField(choices=Domein.choices), required=False, default=list
    )
    urgentie = serializers.ChoiceField(
        choices=Urgentie.choices, required=False, default=Urgentie.NORMAAL
    )
    veiligheid = serializers.BooleanField(required=False, default=False)
    vraag = serializers.CharField(required=False, allow_blank=True, default="")
    ontvangen_op = serializers.DateField()

    class Meta:
        ref_name = "Melding"

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self._check_one_resident(attrs)
        if (attrs.get("inwoner") or attrs.get("bsn")) and attrs.get(
            "onbekende_persoon", ""
        ).strip():
            raise serializers.ValidationError(
                {
                    "onbekende_persoon": "Beschrijf alleen een onbekende persoon als u geen "
                    "inwoner (id of BSN) kiest."
                }
            )
        return attrs


class MeldingBeantwoordenSerializer(serializers.Serializer):
    antwoord = serializers.CharField(
        allow_blank=True, help_text="Wat de melder als antwoord kreeg."
    )


class MeldingDoorzettenSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=Doorzetting.choices)
    organisatie = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=200,
        help_text="Verplicht bij een externe organisatie.",
    )
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class MeldingIdentificerenSerializer(InwonerKeuzeMixin, serializers.Serializer):
    inwoner = IdField(required=False, help_text="Id van de inwoner.")
    bsn = serializers.CharField(required=False, max_length=12)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self._check_one_resident(attrs)
        if not (attrs.get("inwoner") or attrs.get("bsn")):
            raise serializers.ValidationError({"inwoner": "Kies de inwoner (id) of geef het BSN."})
        return attrs


class MeldingToewijzenSerializer(serializers.Serializer):
    team = IdField(
        required=False,
        allow_null=True,
        help_text="Id van het wijkteam; standaard het team van de wijk van de inwoner.",
    )
    medewerker = IdField(
        required=False,
        allow_null=True,
        help_text="Id van de medewerker; zonder: de volgende generalist op de beurt.",
    )
    expertise = serializers.CharField(required=False, allow_blank=True, default="")
    reden = serializers.CharField(required=False, allow_blank=True, default="")


class MeldingOpschortenSerializer(serializers.Serializer):
    van = serializers.DateField()
    reden = serializers.CharField(allow_blank=True, max_length=300)


class MeldingHervattenSerializer(serializers.Serializer):
    opschorting = IdField(help_text="Id van de lopende opschorting.")
    tot = serializers.DateField()


class MeldingKoppelenSerializer(serializers.Serializer):
    bestaande = IdField(
        help_text="Id van de lopende melding van dezelfde inwoner of hetzelfde huishouden."
    )


class MeldingAfsluitenSerializer(serializers.Serializer):
    toelichting = serializers.CharField(allow_blank=True)
