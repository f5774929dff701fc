"""Suspension: the legal clock of a melding stops (with a reason) and runs again; the deadline
moves by the suspended days."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import Conflict, schrijft
from eenplan.events import soorten
from eenplan.meldingen.constants import OPEN_STATUSSEN
from eenplan.meldingen.models import Melding, Opschorting
from eenplan.meldingen.services._shared import Actor, Handeling, _check, _deadlines, _record
from eenplan.privacy import access

OPSCHORTEN = Handeling.OPSCHORTEN


@transaction.atomic
@schrijft("melding")
def melding_suspend(
    *,
    melding: Melding,
    actor: Actor,
    van: dt.date,
    reden: str,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Opschorting:
    """Stop the clock, e.g. while waiting for the resident's papers; recorded with reason."""
    _check(melding, actor=actor, handeling=OPSCHORTEN, statussen=OPEN_STATUSSEN, via=via, doel=doel)
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de opschorting."})
    if van < melding.ontvangen_op:
        raise ValidationError({"van": "Een opschorting kan niet beginnen vóór de melding."})
    if van > timezone.localdate():
        raise ValidationError({"van": "Een opschorting kan niet in de toekomst beginnen."})
    if melding.opschortingen.filter(tot__isnull=True).exists():
        raise Conflict({"van": "De termijn is al opgeschort; beëindig die eerst."})
    opschorting = Opschorting(
        melding=melding, van=van, reden=reden.strip(), door=access.Actor.of(actor).user
    )
    opschorting.full_clean()
    opschorting.save()
    _deadlines(melding)
    melding.save(update_fields=["onderzoek_uiterlijk", "persoonlijk_plan_uiterlijk", "updated_at"])
    _record(
        melding,
        door=actor,
        soort="opgeschort",
        toelichting=f"Vanaf {van:%d-%m-%Y}: {opschorting.reden}",
        event=soorten.MELDING_OPGESCHORT,
        omschrijving=f"Termijn van melding {melding.pk} opgeschort vanaf {van:%d-%m-%Y}: "
        f"{opschorting.reden}",
    )
    return opschorting


@transaction.atomic
@schrijft("opschorting", via=lambda opschorting: opschorting.melding)
def melding_resume(
    *,
    opschorting: Opschorting,
    actor: Actor,
    tot: dt.date,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """End a suspension; the deadline moves by the suspended days."""
    _check(
        opschorting.melding,
        actor=actor,
        handeling=OPSCHORTEN,
        statussen=OPEN_STATUSSEN,
        via=via,
        doel=doel,
    )
    opschorting.refresh_from_db(fields=["tot"])  # read under the melding's lock
    if opschorting.tot is not None:
        raise Conflict({"tot": "Deze opschorting is al beëindigd."})
    if tot < opschorting.van:
        raise ValidationError({"tot": "Het einde ligt vóór het begin van de opschorting."})
    if tot > timezone.localdate():
        raise ValidationError({"tot": "Het einde van de opschorting ligt in de toekomst."})
    opschorting.tot = tot
    opschorting.save(update_fields=["tot", "updated_at"])
    melding = opschorting.melding
    _deadlines(melding)
    melding.save(update_fields=["onderzoek_uiterlijk", "persoonlijk_plan_uiterlijk", "updated_at"])
    _record(
        melding,
        door=actor,
        soort="hervat",
        toelichting=(
            f"Opschorting beëindigd op {tot:%d-%m-%Y}; onderzoek uiterlijk "
            f"{melding.onderzoek_uiterlijk:%d-%m-%Y}."
        ),
        event=soorten.MELDING_HERVAT,
        omschrijving=f"Termijn van melding {melding.pk} loopt weer vanaf {tot:%d-%m-%Y}; "
        f"onderzoek uiterlijk {melding.onderzoek_uiterlijk:%d-%m-%Y}",
    )
    return melding
