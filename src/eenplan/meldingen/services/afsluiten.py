"""Closing: the work on a melding is done. The assignment ends, and with it (through the event
MELDING_GESLOTEN and the privacy app's subscriber) the dossier access it gave."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import schrijft
from eenplan.events import soorten
from eenplan.meldingen.constants import Status
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services._shared import AFSLUITEN, Actor, _check, _record
from eenplan.meldingen.services.toewijzing import _toewijzing_beeindigen
from eenplan.privacy import access


@transaction.atomic
@schrijft("melding")
def melding_close(
    *,
    melding: Melding,
    actor: Actor,
    toelichting: str,
    via: access.Via = access.SERVICE,
    doel: str | None = None,
) -> Melding:
    """The work on a melding is done: by its contact person or the mid-office. The access the
    assignment gave to the resident's dossier ends today (the privacy app's subscriber to
    MELDING_GESLOTEN ends it)."""
    _check(
        melding,
        actor=actor,
        handeling=AFSLUITEN,
        statussen=(Status.TOEGEWEZEN, Status.IN_ONDERZOEK),
        via=via,
        doel=doel,
    )
    if not toelichting.strip():
        raise ValidationError({"toelichting": "Geef aan waarom de melding wordt afgesloten."})
    return _sluiten(melding, door=actor, toelichting=toelichting.strip())


def _sluiten(melding: Melding, *, door: Actor, toelichting: str) -> Melding:
    """Close: status, the melding's own history, the end of its assignment, and the event that
    ends the dossier access the assignment gave (privacy.subscribers)."""
    van = melding.status
    melding.status = Status.AFGESLOTEN
    melding.save(update_fields=["status", "updated_at"])
    # Need-to-know ends with the work: the assignment stops today, and with it (through the
    # event) the access it gave.
    op = timezone.localdate()
    toegangen = _toewijzing_beeindigen(melding, op, toegang_ook=False)
    _record(
        melding,
        door=door,
        soort="afgesloten",
        van=van,
        toelichting=toelichting,
        event=soorten.MELDING_GESLOTEN,
        omschrijving=f"Melding {melding.pk} afgesloten: {toelichting}",
        gegevens={"dossiertoegangen": toegangen, "op": op.isoformat()},
    )
    return melding
