"""What the message API reads and answers."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.reverse import reverse

from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.istandaarden.codelijsten import retourcode_uitleg


class UitwisselingFilterSerializer(serializers.Serializer):
    richting = serializers.ChoiceField(
        choices=Richting.choices, required=False, help_text="in: ontvangen, uit: verzonden."
    )
    soort = serializers.CharField(
        required=False, max_length=6, help_text="Bijvoorbeeld 301 of WMO301."
    )
    status = serializers.ChoiceField(choices=BerichtStatus.choices, required=False)
    nieuw = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Alleen verzonden berichten die u nog niet hebt opgehaald.",
    )
    inwoner = serializers.IntegerField(required=False, min_value=1, help_text="Id van de inwoner.")


class UitwisselingBestandSerializer(serializers.Serializer):
    bestand = serializers.FileField(
        help_text="Het berichtbestand (XML, UTF-8). U kunt het bestand ook als de hele body "
        "sturen met Content-Type application/xml."
    )


def _codes(codes: list[str]) -> list[dict[str, str]]:
    return [{"code": c, "uitleg": retourcode_uitleg(c)} for c in codes]


class UitwisselingSerializer(serializers.ModelSerializer):
    status_omschrijving = serializers.CharField(source="get_status_display", read_only=True)
    retourcodes = serializers.SerializerMethodField()
    aanbieder = serializers.SerializerMethodField()
    inhoud = serializers.SerializerMethodField(help_text="Adres om het XML-bestand op te halen.")

    class Meta:
        model = Bericht
        fields = [
            "id",
            "richting",
            "soort",
            "status",
            "status_omschrijving",
            "afzender",
            "ontvanger",
            "aanbieder",
            "identificatie",
            "dagtekening",
            "kenmerk",
            "moment",
            "retourcodes",
            "melding",
            "antwoord_op",
            "retour_uiterlijk",
            "antwoord_uiterlijk",
            "opgehaald_op",
            "inhoud",
        ]

    def get_retourcodes(self, obj: Bericht) -> list[dict[str, str]]:
        return _codes(list(obj.retourcodes))

    def get_aanbieder(self, obj: Bericht) -> str | None:
        return obj.aanbieder.agb_code if obj.aanbieder_id and obj.aanbieder else None

    def get_inhoud(self, obj: Bericht) -> str:
        return reverse("bericht-inhoud", args=[obj.pk], request=self.context.get("request"))


class UitwisselingDetailSerializer(UitwisselingSerializer):
    antwoorden = serializers.SerializerMethodField()

    class Meta(UitwisselingSerializer.Meta):
        fields = [*UitwisselingSerializer.Meta.fields, "antwoorden"]

    def get_antwoorden(self, obj: Bericht) -> list[dict[str, Any]]:
        return [
            {"id": a.pk, "soort": a.soort, "status": a.status, "identificatie": a.identificatie}
            for a in obj.antwoorden.all()
        ]


class ClientToewijzingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Toewijzing
        fields = [
            "nummer",
            "wet",
            "productcategorie",
            "productcode",
            "ingangsdatum",
            "einddatum",
            "reden_wijziging",
            "volume",
            "eenheid",
            "frequentie",
        ]


class AanbiederClientSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    bsn = serializers.CharField()
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    toewijzingen = ClientToewijzingSerializer(many=True, source="eigen_toewijzingen")
