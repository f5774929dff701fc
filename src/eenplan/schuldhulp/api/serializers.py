"""Input and output shapes of the debt-help API (`/api/v1/schuldhulp/…`). One input serializer
per write, each feeding exactly one service: pages and API refuse the same things with the same
Dutch messages."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from eenplan.common.api import IdField
from eenplan.schuldhulp.constants import (
    ContactWijze,
    Dreiging,
    Fase,
    SchuldeiserSoort,
    Toelating,
    Triage,
)
from eenplan.schuldhulp.models import Contactpoging, RouteStap, Schuldvraag, Vroegsignaal


class ContactpogingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contactpoging
        fields = ["id", "op", "wijze", "bereikt", "toelichting"]


class VroegsignaalSerializer(serializers.ModelSerializer):
    """A signal of payment arrears (Wgs art. 3a) with the melding it became and the contact
    attempts after it (art. 3b)."""

    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)
    contactpogingen = ContactpogingSerializer(many=True, read_only=True)

    class Meta:
        model = Vroegsignaal
        fields = [
            "id",
            "inwoner",
            "inwoner_naam",
            "schuldeiser_soort",
            "schuldeiser",
            "bedrag",
            "ontvangen_op",
            "dreiging",
            "melding",
            "contactpogingen",
        ]


class VroegsignaalCreateSerializer(serializers.Serializer):
    inwoner = IdField()
    schuldeiser_soort = serializers.ChoiceField(choices=SchuldeiserSoort.choices)
    schuldeiser = serializers.CharField(max_length=200)
    bedrag = serializers.DecimalField(max_digits=9, decimal_places=2, min_value=Decimal("0.01"))
    ontvangen_op = serializers.DateField()
    dreiging = serializers.ChoiceField(choices=Dreiging.choices, required=False, default="")


class ContactInputSerializer(serializers.Serializer):
    op = serializers.DateField()
    wijze = serializers.ChoiceField(choices=ContactWijze.choices)
    bereikt = serializers.BooleanField()
    toelichting = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=5000
    )


class RouteStapSerializer(serializers.ModelSerializer):
    class Meta:
        model = RouteStap
        fields = ["fase", "van", "tot", "uitkomst"]


class SchuldvraagSerializer(serializers.ModelSerializer):
    """A debt question with its terms (Wgs art. 4, 4a), triage, route and toelating."""

    inwoner_naam = serializers.CharField(source="inwoner.naam", read_only=True)
    stappen = RouteStapSerializer(many=True, read_only=True)
    # The beschikking on the toelating (Wgs art. 4a) with its letter and bezwaar term, read from
    # `beschikkingen` (`/api/v1/beschikkingen/<beschikking>/` for the letter itself).
    beschikking_kenmerk = serializers.CharField(
        source="beschikking.kenmerk", read_only=True, default=None
    )
    beschikking_verzonden_op = serializers.DateField(
        source="beschikking.verzonden_op", read_only=True, default=None
    )
    bezwaar_uiterlijk = serializers.DateField(
        source="beschikking.bezwaar_uiterlijk", read_only=True, default=None
    )

    class Meta:
        model = Schuldvraag
        fields = [
            "id",
            "versie",
            "inwoner",
            "inwoner_naam",
            "huishouden",
            "signaal",
            "plan",
            "doel",
            "verzoek_op",
            "dreiging",
            "eerste_gesprek_uiterlijk",
            "termijn_bron",
            "eerste_gesprek_op",
            "triage",
            "triage_op",
            "triage_toelichting",
            "fase",
            "beslissen_uiterlijk",
            "toelating",
            "toelating_op",
            "toelating_motivering",
            "toelating_grond",
            "aanvraag",
            "beschikking",
            "beschikking_kenmerk",
            "beschikking_verzonden_op",
            "bezwaar_uiterlijk",
            "afgerond_op",
            "uitkomst",
            "stappen",
        ]


class SchuldvraagCreateSerializer(serializers.Serializer):
    inwoner = IdField()
    verzoek_op = serializers.DateField()
    dreiging = serializers.ChoiceField(choices=Dreiging.choices, required=False, default="")
    signaal = IdField(required=False, allow_null=True, default=None)


class TriageInputSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=Triage.choices)
    op = serializers.DateField()
    toelichting = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=5000
    )


class FaseInputSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices)
    op = serializers.DateField()
    uitkomst = serializers.CharField(required=False, default="", allow_blank=True, max_length=5000)


class ToelatingInputSerializer(serializers.Serializer):
    toelating = serializers.ChoiceField(choices=Toelating.choices)
    besloten_op = serializers.DateField()
    motivering = serializers.CharField(max_length=5000)
    grond = serializers.CharField(
        required=False,
        default="",
        allow_blank=True,
        max_length=5000,
        help_text="Bij een weigering verplicht: de grond waarop de toelating is geweigerd.",
    )


class InwonerFilterSerializer(serializers.Serializer):
    inwoner = IdField(required=False)
