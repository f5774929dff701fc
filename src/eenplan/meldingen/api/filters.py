"""Query parameters of the meldingen worklist, parsed and turned into selector arguments.

The filtering itself is `selectors.werkvoorraad` (the same as the worklist page), because the
deadline state is an annotation of that selector and `status` changes its default scope (open
meldingen only); a django-filter FilterSet on top of it would get both wrong.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from rest_framework import serializers

from eenplan.common.api import IdField, parse_id
from eenplan.gemeente.models import Medewerker, Team
from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.meldingen.constants import Domein, Status, TermijnStand
from eenplan.meldingen.selectors import SORTERINGEN

MIJ = "mij"


class MeldingTellingenFilterSerializer(serializers.Serializer):
    """The filters that narrow the worklist (and its counts)."""

    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        help_text="Zonder status: alleen open meldingen (te screenen of toegewezen).",
    )
    team = IdField(required=False, help_text="Id van het team.")
    medewerker = serializers.CharField(
        required=False, help_text='Id van de medewerker, of "mij" voor uw eigen meldingen.'
    )
    wijk = IdField(required=False, help_text="Id van de wijk van de inwoner.")
    domein = serializers.ChoiceField(choices=Domein.choices, required=False)
    q = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Zoeken: een meldingnummer, een BSN of het begin van de naam van de inwoner "
        "(hetzelfde als het zoekveld van de werkvoorraad).",
    )

    def validate_medewerker(self, value: str) -> str:
        value = value.strip().lower()
        if value != MIJ and parse_id(value) is None:
            raise serializers.ValidationError('Geef het id van een medewerker of "mij".')
        return value


class MeldingFilterSerializer(MeldingTellingenFilterSerializer):
    """The worklist filters plus the deadline state and the sort order."""

    stand = serializers.ChoiceField(
        choices=TermijnStand.choices,
        required=False,
        help_text="Stand van de onderzoekstermijn op vandaag (dezelfde naam als op de pagina).",
    )
    termijn = serializers.ChoiceField(
        choices=TermijnStand.choices,
        required=False,
        help_text="Verouderde naam van `stand`; wordt nog gelezen.",
    )
    sortering = serializers.ChoiceField(
        choices=list(SORTERINGEN),
        required=False,
        default="termijn",
        help_text="termijn / -termijn (uiterste datum), ontvangen / -ontvangen, wijk.",
    )


def werkvoorraad_arguments(
    params: dict[str, Any], *, user: AbstractBaseUser | AnonymousUser
) -> dict[str, Any]:
    """Keyword arguments for `selectors.werkvoorraad` from validated query parameters.

    Team and medewerker ids are looked up within the login's municipality; an unknown id is a
    400 with a Dutch message rather than a silently empty list."""
    eigen = medewerker_for_user(user)
    arguments: dict[str, Any] = {
        "status": params.get("status") or None,
        "wijk_id": params.get("wijk"),
        "domein": params.get("domein"),
        "stand": params.get("stand") or params.get("termijn"),
        "zoek": params.get("q", ""),
        "sortering": params.get("sortering") or "termijn",
        "gemeente_id": eigen.gemeente_id if eigen is not None else None,
    }
    if "team" in params:
        teams = Team.objects.filter(pk=params["team"])
        if eigen is not None:
            teams = teams.filter(gemeente_id=eigen.gemeente_id)
        arguments["team"] = teams.first()
        if arguments["team"] is None:
            raise ValidationError({"team": "Onbekend team."})
    if params.get("medewerker") == MIJ:
        if eigen is None:
            raise ValidationError({"medewerker": "Uw account hoort niet bij een medewerker."})
        arguments["medewerker"] = eigen
    elif "medewerker" in params:
        medewerkers = Medewerker.objects.filter(pk=int(params["medewerker"]))
        if eigen is not None:
            medewerkers = medewerkers.filter(gemeente_id=eigen.gemeente_id)
        arguments["medewerker"] = medewerkers.first()
        if arguments["medewerker"] is None:
            raise ValidationError({"medewerker": "Onbekende medewerker."})
    return arguments
