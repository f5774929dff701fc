"""What the resident adds to their own plan (the inwonersportaal, issue 13): an action marked
done, a note, a proposed goal. Staff and the portal call the same services; the regisseur and
the generalist see the result on the plan page."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.datums import datums_check
from eenplan.inwoners.models import Inwoner
from eenplan.plannen.constants import Uitvoerder
from eenplan.plannen.models import Actie, Inbreng, Plan
from eenplan.plannen.services.gemeen import _actief, _leden, _mag, _version
from eenplan.privacy import access
from eenplan.rules import datums

INBRENG_MAX = 2000  # characters: a note, not a document
# The actions a resident reports done themselves: their own and their network's.
EIGEN_UITVOERDERS = (Uitvoerder.INWONER, Uitvoerder.NETWERK)


@transaction.atomic
def actie_gedaan(*, actie: Actie, op: dt.date, actor: access.Actor | User) -> Actie:
    """Report an action done on `op`. A resident's login reports only the actions the
    resident or their network carries out — or, as a member of the care circle, the action
    assigned to them with the resident's consent (`access.require_kring`, issue 15); the plan
    keeps a version that shows it."""
    actie = Actie.objects.select_for_update().select_related("doel__plan").get(pk=actie.pk)
    plan = actie.doel.plan
    eigen = access.Actor.of(actor)
    if eigen.kind == access.ActorKind.INWONER and actie.pk in access.kring_acties(eigen):
        access.require_kring(eigen, access.Action.WIJZIGEN, via=access.SERVICE, actie=actie.pk)
        door = eigen.user
    else:
        door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    if eigen.kind == access.ActorKind.INWONER and (
        actie.uitvoerder_soort not in EIGEN_UITVOERDERS or not actie.gedeeld
    ):
        raise ValidationError(
            "Deze actie voert iemand anders uit; u kunt alleen uw eigen acties als gedaan melden."
        )
    if actie.gedaan_op is not None:
        raise ValidationError(f"Deze actie is al gedaan gemeld op {actie.gedaan_op:%d-%m-%Y}.")
    datums_check(datums.GEBEURTENIS, op=op)
    if op > timezone.localdate():
        raise ValidationError("De datum ligt in de toekomst.")
    actie.gedaan_op = op
    actie.save(update_fields=["gedaan_op", "updated_at"])
    _version(plan, door=door, reden=f"Actie gedaan: {actie.omschrijving[:80]}")
    return actie


@transaction.atomic
def inbreng_add(
    *, plan: Plan, inwoner: Inwoner, soort: str, tekst: str, actor: access.Actor | User
) -> Inbreng:
    """A note or a proposed goal from the resident (or their representative) for `inwoner`,
    a current member of the plan's household. It becomes part of the plan's version history;
    a proposed goal becomes a goal only when the regisseur or generalist adds it."""
    door = _mag(actor, plan.huishouden_id)
    _actief(plan)
    if soort not in Inbreng.Soort.values:
        raise ValidationError({"soort": "Kies: een notitie of een voorstel voor een doel."})
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf op wat u wilt toevoegen."})
    if len(tekst) > INBRENG_MAX:
        raise ValidationError(
            {"tekst": f"Uw tekst is {len(tekst)} tekens lang; er passen er {INBRENG_MAX}."}
        )
    if inwoner not in _leden(plan.huishouden, timezone.localdate()):
        raise ValidationError("Deze inwoner hoort niet bij het huishouden van dit plan.")
    naam = door.get_full_name() or inwoner.naam
    eigen = access.Actor.of(actor)
    if eigen.kind == access.ActorKind.INWONER and eigen.inwoner_id is not None:
        naam = Inwoner.objects.get(pk=eigen.inwoner_id).naam
    inbreng = Inbreng.objects.create(
        plan=plan, inwoner=inwoner, soort=soort, tekst=tekst, door=door, door_naam=naam
    )
    _version(plan, door=door, reden=f"{inbreng.get_soort_display()} van {naam}")
    return inbreng
