"""Input and output shapes of the onderzoeken API.

Output: a list row (no BSN, no conversation content) and the whole onderzoek with the subjects
a-g, conversations, the ladder, scores, the resident's remarks, the deadline state and what is
still missing before the verslag can be final. Input: one serializer per write, each feeding
exactly one service; the meaning (dates, answers, the ladder) is checked by the services, so
pages and API refuse the same things with the same Dutch messages.

Schema note: `status` and the ladder step are plain values here (their choices are listed in
the help text). `status` is an enum of the meldingen API already, and the ladder's choice set
is the enum `LadderstapEnum` of the plannen API; a second name for either would be a schema
warning (see the ENUM_NAME_OVERRIDES remark in the plannen API).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from eenplan.common.api import IdField
from eenplan.onderzoeken.constants import Deelnemer, OnderzoekStatus
from eenplan.onderzoeken.models import (
    Afweging,
    Anker,
    Gesprek,
    Leefgebied,
    Onderzoek,
    OnderzoekOnderdeel,
    VerslagReactie,
    ZrmScore,
)
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap

_ONDERDELEN = {o.code: o for o in ONDERDELEN}
STATUS_HELP = "Stand van het onderzoek: " + ", ".join(
    f"`{value}` ({label.lower()})" for value, label in OnderzoekStatus.choices
)
STAP_HELP = "Stap van de ladder (Wmo 2015 art. 2.3.5 lid 3): " + ", ".join(
    f"{s.value} = {s.label.lower()}" for s in LadderStap
)

# --- output -------------------------------------------------------------------------------


class OnderzoekPersoonRefSerializer(serializers.Serializer):
    """Enough to recognise the resident; the dossier itself is at /api/v1/inwoners/{id}/."""

    id = serializers.IntegerField()
    naam = serializers.CharField()


class OnderzoekMedewerkerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField(source="__str__")


class OnderzoekMeldingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ontvangen_op = serializers.DateField()
    onderzoek_uiterlijk = serializers.DateField(allow_null=True)


class OnderzoekTermijnSerializer(serializers.Serializer):
    """The onderzoek's own deadline state (Wmo 2015 art. 2.3.2 lid 9)."""

    uiterlijk = serializers.DateField(
        allow_null=True, help_text="Uiterste datum van het onderzoek (van de melding)."
    )
    verlopen = serializers.BooleanField(
        help_text="De termijn is voorbij en het verslag is nog niet definitief."
    )
    direct_aanvragen = serializers.BooleanField(
        help_text="De inwoner mag nu een aanvraag indienen: na het onderzoek, of omdat het "
        "onderzoek langer dan zes weken duurde (Wmo 2015 art. 2.3.2 lid 9)."
    )


class OnderzoekBelastingSerializer(serializers.Serializer):
    overbelast = serializers.BooleanField()
    vastgesteld_op = serializers.DateField()
    onderzoek = serializers.IntegerField(source="onderzoek_id")


class OnderzoekMantelzorgerSerializer(serializers.Serializer):
    """A current carer of the resident with the burden last recorded (mantelzorg); the carer
    itself is at /api/v1/mantelzorgers/{id}/."""

    id = serializers.IntegerField(source="mantelzorger.pk")
    naam = serializers.CharField(source="mantelzorger.naam")
    relatie = serializers.CharField(source="relatie.relatie")
    uren_per_week = serializers.DecimalField(
        source="relatie.uren_per_week", max_digits=5, decimal_places=1
    )
    url = serializers.SerializerMethodField()
    laatste_belasting = OnderzoekBelastingSerializer(
        allow_null=True, help_text="Leeg: de belasting is nog niet vastgelegd."
    )

    def get_url(self, zorg: Any) -> str:
        return reverse(
            "mantelzorger-detail", args=[zorg.mantelzorger.pk], request=self.context.get("request")
        )


class OnderdeelSerializer(serializers.ModelSerializer):
    """One of the subjects a-g of Wmo 2015 art. 2.3.2 lid 4."""

    titel = serializers.SerializerMethodField()
    bron = serializers.SerializerMethodField()

    class Meta:
        model = OnderzoekOnderdeel
        fields = ["code", "titel", "bron", "antwoord", "reden_niet_van_toepassing"]
        read_only_fields = fields

    def get_titel(self, obj: OnderzoekOnderdeel) -> str:
        return _ONDERDELEN[obj.code].titel if obj.code in _ONDERDELEN else ""

    def get_bron(self, obj: OnderzoekOnderdeel) -> str:
        return _ONDERDELEN[obj.code].bron if obj.code in _ONDERDELEN else ""


class DeelnemersField(serializers.ListField):
    """Who took part, as codes (the model keeps them comma-separated)."""

    child = serializers.ChoiceField(choices=Deelnemer.choices)

    def get_attribute(self, instance: Gesprek) -> list[str]:
        return [d for d in instance.deelnemers.split(",") if d]


class GesprekSerializer(serializers.ModelSerializer):
    deelnemers = DeelnemersField(read_only=True)

    class Meta:
        model = Gesprek
        fields = ["id", "datum", "plaats", "deelnemers", "notities"]
        read_only_fields = fields


class AfwegingSerializer(serializers.ModelSerializer):
    stap = serializers.IntegerField(read_only=True, help_text=STAP_HELP)
    stap_naam = serializers.CharField(source="get_stap_display", read_only=True)

    class Meta:
        model = Afweging
        fields = ["stap", "stap_naam", "bevinding", "volstaat", "reden_niet_toereikend"]
        read_only_fields = fields


class LeefgebiedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    naam = serializers.CharField()


class OnderzoekScoreSerializer(serializers.ModelSerializer):
    leefgebied = LeefgebiedRefSerializer(read_only=True)

    class Meta:
        model = ZrmScore
        fields = ["id", "leefgebied", "score", "datum"]
        read_only_fields = fields


class VerslagReactieSerializer(serializers.ModelSerializer):
    class Meta:
        model = VerslagReactie
        fields = ["id", "ontvangen_op", "tekst"]
        read_only_fields = fields


class OnderzoekListSerializer(serializers.ModelSerializer):
    """A worklist row: who, whose, and the deadline. No BSN, no conversation content."""

    url = serializers.HyperlinkedIdentityField(view_name="onderzoek-detail")
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    inwoner = OnderzoekPersoonRefSerializer(read_only=True)
    medewerker = OnderzoekMedewerkerRefSerializer(read_only=True)
    onderzoek_uiterlijk = serializers.DateField(
        source="melding.onderzoek_uiterlijk", read_only=True, allow_null=True
    )

    class Meta:
        model = Onderzoek
        fields = [
            "id",
            "url",
            "status",
            "melding",
            "inwoner",
            "huishouden",
            "medewerker",
            "onderzoek_uiterlijk",
            "verslag_definitief_op",
            "verslag_verzonden_op",
            "created_at",
        ]
        read_only_fields = fields


class OnderzoekDetailSerializer(serializers.ModelSerializer):
    """The whole onderzoek. `termijn` and `ontbrekend` come from the view (selectors and
    services), through the serializer context."""

    url = serializers.HyperlinkedIdentityField(view_name="onderzoek-detail")
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    melding = OnderzoekMeldingRefSerializer(read_only=True)
    inwoner = OnderzoekPersoonRefSerializer(read_only=True)
    medewerker = OnderzoekMedewerkerRefSerializer(read_only=True)
    onderdelen = OnderdeelSerializer(many=True, read_only=True)
    gesprekken = GesprekSerializer(many=True, read_only=True)
    afwegingen = AfwegingSerializer(many=True, read_only=True)
    scores = OnderzoekScoreSerializer(many=True, read_only=True)
    reacties = VerslagReactieSerializer(many=True, read_only=True)
    termijn = serializers.SerializerMethodField()
    ontbrekend = serializers.SerializerMethodField()
    mantelzorgers = serializers.SerializerMethodField()

    class Meta:
        model = Onderzoek
        fields = [
            "id",
            "url",
            "status",
            "melding",
            "inwoner",
            "huishouden",
            "medewerker",
            "termijn",
            "clientondersteuning_gewezen",
            "pgb_uitgelegd",
            "mantelzorger_besproken",
            "mantelzorgers",
            "onderdelen",
            "gesprekken",
            "afwegingen",
            "scores",
            "ontbrekend",
            "verslag_definitief_op",
            "verslag_tekst",
            "verslag_verzonden_op",
            "reacties",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OnderzoekTermijnSerializer)
    def get_termijn(self, obj: Onderzoek) -> dict[str, Any]:
        return OnderzoekTermijnSerializer(self.context["termijn"]).data

    @extend_schema_field(
        serializers.ListField(
            child=serializers.CharField(),
            help_text="Wat nog ontbreekt voordat het verslag definitief kan (leeg als het "
            "compleet is of al definitief).",
        )
    )
    def get_ontbrekend(self, obj: Onderzoek) -> list[str]:
        return list(self.context.get("ontbrekend", []))

    @extend_schema_field(
        OnderzoekMantelzorgerSerializer(
            many=True,
            allow_null=True,
            help_text="De mantelzorgers van de inwoner nu, met de laatst vastgelegde belasting "
            "(Wmo 2015 art. 2.3.2 lid 4 onder d). Leeg (null) als uw rol geen mantelzorg "
            "leest; het lezen wordt gelogd.",
        )
    )
    def get_mantelzorgers(self, obj: Onderzoek) -> list[dict[str, Any]] | None:
        zorg = self.context.get("zorg")
        if zorg is None:
            return None
        return list(OnderzoekMantelzorgerSerializer(zorg, many=True, context=self.context).data)


class AnkerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Anker
        fields = ["score", "tekst"]
        read_only_fields = fields


class LeefgebiedSerializer(serializers.ModelSerializer):
    """A life domain of the active instrument with the anchor text of each score."""

    ankers = AnkerSerializer(many=True, read_only=True)

    class Meta:
        model = Leefgebied
        fields = ["id", "code", "naam", "volgorde", "ankers"]
        read_only_fields = fields


# --- input --------------------------------------------------------------------------------


class OnderzoekCreateSerializer(serializers.Serializer):
    melding = IdField(
        help_text="Id van de toegewezen melding over een bekende inwoner."
    )


class GesprekInputSerializer(serializers.Serializer):
    datum = serializers.DateField()
    plaats = serializers.CharField(
        max_length=200, allow_blank=True, help_text="Bijvoorbeeld 'bij de inwoner thuis'."
    )
    deelnemers = serializers.ListField(
        child=serializers.ChoiceField(choices=Deelnemer.choices),
        allow_empty=True,
        help_text="Wie deelnam (Wmo 2015 art. 2.3.2 lid 3).",
    )
    notities = serializers.CharField(required=False, allow_blank=True, default="")


class OnderdeelInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=5, help_text="Onderdeel a tot en met g.")
    antwoord = serializers.CharField(required=False, allow_blank=True, default="")
    reden_niet_van_toepassing = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=300,
        help_text="Waarom het onderdeel niet van toepassing is (in plaats van een antwoord).",
    )


class ControlesInputSerializer(serializers.Serializer):
    clientondersteuning_gewezen = serializers.BooleanField(
        help_text="Gewezen op gratis cliëntondersteuning (Wmo 2015 art. 2.3.2 lid 6)."
    )
    pgb_uitgelegd = serializers.BooleanField(
        help_text="Mogelijkheid van een pgb uitgelegd (Wmo 2015 art. 2.3.2 lid 6)."
    )
    mantelzorger_besproken = serializers.BooleanField(
        allow_null=True,
        required=False,
        default=None,
        help_text="Ondersteuningsbehoefte van de mantelzorger besproken; leeg als er geen "
        "mantelzorger is (Midden-Limburg indicator M1).",
    )


class AfwegingInputSerializer(serializers.Serializer):
    stap = serializers.IntegerField(min_value=1, max_value=len(LadderStap), help_text=STAP_HELP)
    bevinding = serializers.CharField(
        allow_blank=True, help_text="Wat er bij deze stap is gevonden."
    )
    volstaat = serializers.BooleanField()
    reden_niet_toereikend = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Verplicht als de stap niet volstaat.",
    )


class ScoreInputSerializer(serializers.Serializer):
    leefgebied = IdField(
        help_text="Id van het leefgebied (zie /api/v1/onderzoeken/leefgebieden/)."
    )
    score = serializers.IntegerField()
    datum = serializers.DateField()


class VerzendenInputSerializer(serializers.Serializer):
    op = serializers.DateField(help_text="Datum waarop het verslag naar de inwoner ging.")


class ReactieInputSerializer(serializers.Serializer):
    tekst = serializers.CharField(allow_blank=True, help_text="De opmerkingen van de inwoner.")
    ontvangen_op = serializers.DateField()
