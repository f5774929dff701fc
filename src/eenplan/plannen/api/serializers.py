"""Input and output shapes of the plannen API.

Output: a list row, and the whole plan (goals with actions and evaluations, proposals, the
regisseur now and before, participants with their consent, aanvragen, safety signals and the
versions), plus the created record for each write. Input: one serializer per write, each
feeding exactly one service; the meaning (household membership, the ladder, consent, who may
sign) is checked by the services, so pages and API refuse the same things in the same Dutch.

Schema notes (drf-spectacular names an enum after its field):
- `status` is a plain string here: the meldingen API already owns the enum `StatusEnum`, and a
  second choice set under that name is a warning. With ENUM_NAME_OVERRIDES entries for
  meldingen, onderzoeken, plannen and beschikkingen statuses it could become an enum.
- `soort` of the regisseur and of a safety signal: input and output share one component name
  (``Regisseur`` / ``RegisseurRequest``, ``Veiligheidssignaal`` / ``...Request``), so each
  choice set lives in one component and gets its own name without a warning.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from eenplan.beschikkingen.constants import Uitkomst as BeschikkingUitkomst
from eenplan.beschikkingen.models import Aanvraag
from eenplan.common.api import IdField, NaamField
from eenplan.common.constants import Wet
from eenplan.onderzoeken.constants import LadderStapChoices
from eenplan.plannen.constants import (
    DeelnemerSoort,
    Doeltype,
    Escalatie,
    PlanStatus,
    RegisseurSoort,
    Uitkomst,
    Uitvoerder,
    VeiligheidSoort,
)
from eenplan.plannen.models import (
    Actie,
    Deelnemer,
    Doel,
    Evaluatie,
    Plan,
    PlanVersie,
    Regisseur,
    Veiligheidssignaal,
    Voorstel,
)
from eenplan.privacy.models import Toestemming

PLAN_STATUS_HELP = "Stand van het plan: " + ", ".join(
    f"`{value}` ({label.lower()})" for value, label in PlanStatus.choices
)

# --- output -------------------------------------------------------------------------------


class PlanRefSerializer(serializers.Serializer):
    """A person or household by id and name."""

    id = serializers.IntegerField()
    naam = serializers.CharField()


class PlanLeefgebiedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    naam = serializers.CharField()


class PlanActieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actie
        fields = [
            "id", "omschrijving", "uitvoerder_soort", "uitvoerder", "uiterlijk", "gedeeld",
            "gedaan_op",
        ]
        read_only_fields = fields


class PlanEvaluatieSerializer(serializers.ModelSerializer):
    score = serializers.IntegerField(
        source="score.score",
        read_only=True,
        allow_null=True,
        help_text="De nieuwe score op het leefgebied van het doel, als die is gegeven.",
    )

    class Meta:
        model = Evaluatie
        fields = ["id", "datum", "uitkomst", "toelichting", "score"]
        read_only_fields = fields


class PlanDoelSerializer(serializers.ModelSerializer):
    inwoner = PlanRefSerializer(read_only=True)
    leefgebied = PlanLeefgebiedRefSerializer(read_only=True)
    acties = PlanActieSerializer(many=True, read_only=True)
    evaluaties = PlanEvaluatieSerializer(many=True, read_only=True)
    voorstellen = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids van de voorstellen bij dit doel."
    )

    class Meta:
        model = Doel
        fields = [
            "id",
            "inwoner",
            "leefgebied",
            "omschrijving",
            "doeltype",
            "evaluatie_op",
            "gedeeld",
            "acties",
            "evaluaties",
            "voorstellen",
        ]
        read_only_fields = fields


class PlanVoorstelSerializer(serializers.ModelSerializer):
    inwoner = PlanRefSerializer(read_only=True)
    ladderstap_naam = serializers.CharField(source="get_ladderstap_display", read_only=True)
    maatwerk = serializers.BooleanField(
        source="is_maatwerk",
        read_only=True,
        help_text="Maatwerk (ladderstap 5 of 6) wordt bij ondertekening een aanvraag.",
    )
    aanvraag = serializers.SerializerMethodField()

    class Meta:
        model = Voorstel
        fields = [
            "id",
            "doel",
            "inwoner",
            "omschrijving",
            "wet",
            "ladderstap",
            "ladderstap_naam",
            "maatwerk",
            "aanvraag",
        ]
        read_only_fields = fields

    def get_aanvraag(self, obj: Voorstel) -> int | None:
        """Id of the aanvraag this proposal became on signing; null before."""
        aanvraag = getattr(obj, "aanvraag", None)
        return aanvraag.pk if aanvraag is not None else None


class RegisseurSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(read_only=True)

    class Meta:
        model = Regisseur
        ref_name = "Regisseur"
        fields = [
            "id",
            "soort",
            "naam",
            "inwoner",
            "netwerkpersoon",
            "medewerker",
            "op_verzoek_van_inwoner",
            "van",
            "tot",
        ]
        read_only_fields = fields


class PlanToestemmingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Toestemming
        fields = ["id", "inwoner", "aan", "doel", "gegeven_op", "ingetrokken_op"]
        read_only_fields = fields


class PlanDeelnemerSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(read_only=True)
    toestemming = PlanToestemmingSerializer(read_only=True)
    actief = serializers.SerializerMethodField()

    class Meta:
        model = Deelnemer
        fields = [
            "id",
            "naam",
            "soort",
            "netwerkpersoon",
            "organisatie",
            "rol",
            "toestemming",
            "actief",
        ]
        read_only_fields = fields

    def get_actief(self, obj: Deelnemer) -> bool:
        """The consent holds today; after a withdrawal the participant has no access."""
        return obj.pk in self.context.get("actief", set())


class VeiligheidssignaalSerializer(serializers.ModelSerializer):
    besloten_door = NaamField()

    class Meta:
        model = Veiligheidssignaal
        ref_name = "Veiligheidssignaal"
        fields = ["id", "soort", "omschrijving", "escalatie", "besloten_door", "besloten_op"]
        read_only_fields = fields


class PlanAanvraagSerializer(serializers.ModelSerializer):
    status = serializers.CharField(
        read_only=True, help_text="Stand van de aanvraag: ontvangen, besloten of ingetrokken."
    )

    class Meta:
        model = Aanvraag
        fields = [
            "id",
            "inwoner",
            "voorstel",
            "omschrijving",
            "wet",
            "ontvangen_op",
            "beslissen_uiterlijk",
            "afwijkend_van_advies",
            "toelichting",
            "ingediend_door",
            "status",
        ]
        read_only_fields = fields


class PlanBeschikkingStandSerializer(serializers.Serializer):
    """The latest beschikking on an aanvraag of the plan."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    besloten_op = serializers.DateField()
    verzonden_op = serializers.DateField(
        allow_null=True, help_text="Datum waarop de brief is verzonden; null: nog niet."
    )
    uitkomst = serializers.CharField(
        help_text="Uitkomst: "
        + ", ".join(f"`{v}` ({label.lower()})" for v, label in BeschikkingUitkomst.choices)
        + "."
    )

    def get_url(self, obj: Any) -> str:
        return reverse("beschikking-detail", args=[obj.id], request=self.context.get("request"))


class PlanAanvraagStandSerializer(PlanAanvraagSerializer):
    """An aanvraag of the plan with its live state (beschikkingen.plan_selectors, the same
    read as the plan page)."""

    url = serializers.SerializerMethodField()
    stand = serializers.ChoiceField(
        source="plan_stand.stand",
        choices=["ontvangen", "opgeschort", "besloten", "ingetrokken"],
        read_only=True,
        help_text="Stand nu: ontvangen, opgeschort (de beslistermijn staat stil), besloten of "
        "ingetrokken.",
    )
    opgeschort_sinds = serializers.DateField(
        source="plan_stand.opgeschort_sinds", allow_null=True, read_only=True
    )
    beschikking = PlanBeschikkingStandSerializer(
        source="plan_stand.beschikking",
        allow_null=True,
        read_only=True,
        help_text="De laatste beschikking op deze aanvraag (null: nog geen, of uw rol mag "
        "beschikkingen niet inzien).",
    )

    class Meta(PlanAanvraagSerializer.Meta):
        fields = [
            *PlanAanvraagSerializer.Meta.fields,
            "url",
            "stand",
            "opgeschort_sinds",
            "beschikking",
        ]
        read_only_fields = fields

    def get_url(self, obj: Aanvraag) -> str:
        return reverse("aanvraag-detail", args=[obj.pk], request=self.context.get("request"))


class PlanVersieSerializer(serializers.ModelSerializer):
    door = NaamField()

    class Meta:
        model = PlanVersie
        fields = ["versie", "moment", "reden", "door"]
        read_only_fields = fields


class PlanVersieDetailSerializer(PlanVersieSerializer):
    inhoud = serializers.JSONField(
        read_only=True,
        help_text="Het plan zoals het toen was: doelen, acties, voorstellen, regisseur en "
        "deelnemers.",
    )

    class Meta(PlanVersieSerializer.Meta):
        fields = [*PlanVersieSerializer.Meta.fields, "inhoud"]
        read_only_fields = fields


OPNIEUW_HELP = (
    "Waar als het plan na de ondertekening inhoudelijk is gewijzigd (doelen, acties of "
    "voorstellen) en opnieuw ondertekend moet worden (status `gewijzigd`)."
)


class PlanListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="plan-detail")
    status = serializers.CharField(read_only=True, help_text=PLAN_STATUS_HELP)
    opnieuw_ondertekenen = serializers.BooleanField(read_only=True, help_text=OPNIEUW_HELP)
    huishouden = PlanRefSerializer(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "url",
            "huishouden",
            "status",
            "opnieuw_ondertekenen",
            "versie",
            "ondertekend_op",
            "samengevoegd_in",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class PlanDetailSerializer(serializers.ModelSerializer):
    """The whole plan. The active participants and the household's consents come from the
    view (services.deelnemers_actief and one read) through the serializer context."""

    url = serializers.HyperlinkedIdentityField(view_name="plan-detail")
    status = serializers.CharField(read_only=True, help_text=PLAN_STATUS_HELP)
    opnieuw_ondertekenen = serializers.BooleanField(read_only=True, help_text=OPNIEUW_HELP)
    huishouden = PlanRefSerializer(read_only=True)
    regisseur = serializers.SerializerMethodField()
    regisseurs = RegisseurSerializer(
        many=True, read_only=True, help_text="Alle regisseurs, ook eerdere (met hun periode)."
    )
    doelen = PlanDoelSerializer(many=True, read_only=True)
    voorstellen = PlanVoorstelSerializer(many=True, read_only=True)
    deelnemers = PlanDeelnemerSerializer(many=True, read_only=True)
    toestemmingen = serializers.SerializerMethodField()
    aanvragen = serializers.SerializerMethodField()
    veiligheidssignalen = VeiligheidssignaalSerializer(many=True, read_only=True)
    versies = PlanVersieSerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        ref_name = "Plan"
        fields = [
            "id",
            "url",
            "huishouden",
            "status",
            "opnieuw_ondertekenen",
            "versie",
            "samengevoegd_in",
            "ondertekend_op",
            "ondertekend_door",
            "regisseur",
            "regisseurs",
            "doelen",
            "voorstellen",
            "deelnemers",
            "toestemmingen",
            "aanvragen",
            "veiligheidssignalen",
            "versies",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(RegisseurSerializer(allow_null=True))
    def get_regisseur(self, obj: Plan) -> dict[str, Any] | None:
        """The regisseur now: exactly one while the plan is active."""
        huidig = [r for r in obj.regisseurs.all() if r.tot is None]
        return RegisseurSerializer(huidig[-1]).data if huidig else None

    @extend_schema_field(PlanAanvraagStandSerializer(many=True))
    def get_aanvragen(self, obj: Plan) -> list[dict[str, Any]]:
        """The plan's aanvragen with their live state, newest first: the view reads them with
        `beschikkingen.plan_selectors.plan_aanvragen_stand` (the plan page's read) and passes
        them in the context; the beschikking only for a role that may read beschikkingen."""
        mag_beschikking = self.context.get("mag_beschikking", False)
        aanvragen = []
        for stand in self.context.get("aanvragen", []):
            stand.aanvraag.plan_stand = (
                stand if mag_beschikking else dataclasses.replace(stand, beschikking=None)
            )
            aanvragen.append(stand.aanvraag)
        return PlanAanvraagStandSerializer(aanvragen, many=True, context=self.context).data

    @extend_schema_field(PlanToestemmingSerializer(many=True))
    def get_toestemmingen(self, obj: Plan) -> list[dict[str, Any]]:
        """The consents of the household's members, also withdrawn ones."""
        return PlanToestemmingSerializer(self.context.get("toestemmingen", []), many=True).data


class PlanOndertekeningSerializer(serializers.Serializer):
    """The signed plan and the aanvragen its maatwerk became, each with its decision date."""

    plan = serializers.IntegerField()
    status = serializers.CharField(help_text=PLAN_STATUS_HELP)
    ondertekend_op = serializers.DateField()
    ondertekend_door = serializers.CharField()
    aanvragen = PlanAanvraagSerializer(many=True)


# --- input --------------------------------------------------------------------------------


class PlanCreateSerializer(serializers.Serializer):
    huishouden = IdField(
        help_text="Id van het huishouden (een inwoner alleen is een huishouden van één)."
    )


class DoelInputSerializer(serializers.Serializer):
    inwoner = IdField(help_text="Id van het lid van het huishouden.")
    leefgebied = IdField(
        required=False, allow_null=True, default=None, help_text="Id van het leefgebied."
    )
    omschrijving = serializers.CharField(allow_blank=True)
    doeltype = serializers.ChoiceField(choices=Doeltype.choices)
    evaluatie_op = serializers.DateField(required=False, allow_null=True, default=None)
    gedeeld = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Gedeeld met de inwoner in Mijn zaak (standaard); false: alleen intern.",
    )


class ActieInputSerializer(serializers.Serializer):
    doel = IdField(help_text="Id van het doel in dit plan.")
    omschrijving = serializers.CharField(allow_blank=True, max_length=300)
    uitvoerder_soort = serializers.ChoiceField(choices=Uitvoerder.choices)
    uitvoerder = serializers.CharField(
        allow_blank=True, max_length=200, help_text="Wie precies, bijvoorbeeld 'dochter Lotte'."
    )
    uiterlijk = serializers.DateField(required=False, allow_null=True, default=None)
    gedeeld = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Gedeeld met de inwoner in Mijn zaak (standaard); false: alleen intern.",
    )


class VoorstelInputSerializer(serializers.Serializer):
    inwoner = IdField(help_text="Id van het lid van het huishouden.")
    omschrijving = serializers.CharField(allow_blank=True, max_length=300)
    wet = serializers.ChoiceField(choices=Wet.choices)
    ladderstap = serializers.ChoiceField(
        choices=LadderStapChoices.choices,
        help_text="4 = algemene voorziening, 5 = collectief maatwerk, 6 = individueel maatwerk.",
    )
    doel = IdField(
        required=False, allow_null=True, default=None, help_text="Id van het doel in dit plan."
    )


class EvaluatieInputSerializer(serializers.Serializer):
    doel = IdField(help_text="Id van het doel in dit plan.")
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    score = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Nieuwe score op het leefgebied van het doel.",
    )


class RegisseurInputSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=RegisseurSoort.choices)
    van = serializers.DateField()
    inwoner = IdField(required=False, allow_null=True, default=None, help_text="Bij soort inwoner.")
    netwerkpersoon = IdField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Bij soort mantelzorger of netwerk.",
    )
    medewerker = IdField(
        required=False, allow_null=True, default=None, help_text="Bij soort professional."
    )
    op_verzoek_van_inwoner = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Een professionele regisseur alleen op vastgelegd verzoek van de inwoner.",
    )

    class Meta:
        ref_name = "Regisseur"


class DeelnemerInputSerializer(serializers.Serializer):
    rol = serializers.CharField(max_length=200)
    toestemming = IdField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van de vastgelegde toestemming van een lid van het huishouden (zie "
        "POST /api/v1/plannen/{id}/toestemmingen/).",
    )
    netwerkpersoon = IdField(required=False, allow_null=True, default=None)
    organisatie = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    soort = serializers.ChoiceField(
        choices=DeelnemerSoort.choices,
        required=False,
        default="",
        allow_blank=True,
        help_text="netwerk, organisatie of werkplein (de consulent werk en inkomen; zonder "
        "organisatie heet die 'Werkplein'). Leeg: volgt uit netwerkpersoon of organisatie.",
    )


class ToestemmingInputSerializer(serializers.Serializer):
    inwoner = IdField(help_text="Id van het lid dat toestemming geeft.")
    aan = serializers.CharField(max_length=200, help_text="Persoon of organisatie.")
    doel = serializers.CharField(max_length=300, help_text="Waarvoor de toestemming geldt.")
    gegeven_op = serializers.DateField()


class IntrekkenInputSerializer(serializers.Serializer):
    op = serializers.DateField(help_text="Vanaf deze dag geldt de toestemming niet meer.")


class VeiligheidInputSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=VeiligheidSoort.choices)
    omschrijving = serializers.CharField(allow_blank=True)
    escalatie = serializers.ChoiceField(choices=Escalatie.choices)

    class Meta:
        ref_name = "Veiligheidssignaal"


class OndertekenenInputSerializer(serializers.Serializer):
    inwoner = IdField(
        required=False, allow_null=True, default=None, help_text="Id van het ondertekenende lid."
    )
    vertegenwoordiger = IdField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Of: id van de wettelijk vertegenwoordiger (netwerkpersoon).",
    )
    op = serializers.DateField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (attrs.get("inwoner") is None) == (attrs.get("vertegenwoordiger") is None):
            raise serializers.ValidationError(
                {"inwoner": "Kies wie ondertekent: de inwoner óf de wettelijk vertegenwoordiger."}
            )
        return attrs


class AanvraagInputSerializer(serializers.Serializer):
    inwoner = IdField(help_text="Id van het lid van het huishouden.")
    omschrijving = serializers.CharField(allow_blank=True, max_length=300)
    wet = serializers.ChoiceField(choices=Wet.choices)
    ontvangen_op = serializers.DateField()
    ingediend_door = serializers.CharField(max_length=200)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class SamenvoegenInputSerializer(serializers.Serializer):
    plannen = serializers.ListField(
        child=IdField(),
        min_length=1,
        help_text="Ids van de plannen die met dit plan samengaan (zelfde huishouden).",
    )
