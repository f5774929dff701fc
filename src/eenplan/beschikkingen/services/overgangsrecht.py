"""Recording an old indication; its legal end follows the dated transition rules."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.beschikkingen.models import (
    Overgangsrecht,
)
from eenplan.common.datums import datums_check
from eenplan.inwoners.models import Inwoner
from eenplan.rules import datums
from eenplan.rules import overgangsrecht as overgangsrecht_rules


@transaction.atomic
def overgangsrecht_register(
    *,
    inwoner: Inwoner,
    soort: str,
    omschrijving: str,
    oude_einddatum: dt.date | None = None,
    aangekondigd_op: dt.date | None = None,
) -> Overgangsrecht:
    """Record an old indication; its end follows the dated transition rules."""
    datums_check(datums.PLANNING, oude_einddatum=oude_einddatum)
    datums_check(datums.GEBEURTENIS, aangekondigd_op=aangekondigd_op)
    if soort not in {s.value for s in overgangsrecht_rules.OudRecht}:
        raise ValidationError({"soort": "Kies het soort oud recht."})
    try:
        einde = overgangsrecht_rules.overgangsrecht_einde(
            overgangsrecht_rules.OudRecht(soort),
            oude_einddatum=oude_einddatum,
            aangekondigd_op=aangekondigd_op,
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    return Overgangsrecht.objects.create(
        inwoner=inwoner,
        soort=soort,
        omschrijving=omschrijving,
        oude_einddatum=oude_einddatum,
        aangekondigd_op=aangekondigd_op,
        einddatum=einde,
    )
