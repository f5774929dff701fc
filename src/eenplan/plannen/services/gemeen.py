"""What every plan write shares: the decision point, the version snapshot, the
members on a date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.common.concurrency import VersieVerouderd, verhoogd
from eenplan.events import soorten
from eenplan.events.bus import publish
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.plannen.constants import ACTIEVE_STATUSSEN, PlanStatus
from eenplan.plannen.models import Plan, PlanVersie
from eenplan.privacy import access

GEEN_PROFESSIONELE_REGISSEUR = (
    "{naam} kan geen professionele regisseur van dit plan zijn: dat kan alleen een medewerker "
    "die plannen mag maken en wijzigen en die werkt voor de wijk van een lid van dit "
    "huishouden of toegang heeft tot het dossier van een lid."
)


def _leden(huishouden: Huishouden, op: dt.date) -> list[Inwoner]:
    return [
        lid.inwoner
        for lid in huishouden.leden.select_related("inwoner").filter(
            Q(lid_tot__isnull=True) | Q(lid_tot__gt=op), lid_van__lte=op
        )
    ]


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (goals, actions, proposals, regisseur, participants)."""
    regisseur = plan.regisseurs.filter(tot__isnull=True).first()
    return {
        "status": plan.status,
        "doelen": [
            {
                "id": d.pk,
                "inwoner": d.inwoner_id,
                "leefgebied": d.leefgebied.naam,
                "omschrijving": d.omschrijving,
                "doeltype": d.doeltype,
                "evaluatie_op": d.evaluatie_op.isoformat() if d.evaluatie_op else None,
                "acties": [
                    {
                        "omschrijving": a.omschrijving,
                        "uitvoerder": a.uitvoerder,
                        "uitvoerder_soort": a.uitvoerder_soort,
                    }
                    for a in d.acties.all()
                ],
            }
            for d in plan.doelen.select_related("leefgebied").prefetch_related("acties")
        ],
        "voorstellen": [
            {"omschrijving": v.omschrijving, "wet": v.wet, "ladderstap": v.ladderstap}
            for v in plan.voorstellen.all()
        ],
        "regisseur": {"soort": regisseur.soort, "naam": regisseur.naam} if regisseur else None,
        "deelnemers": [
            {
                "naam": d.naam,
                "rol": d.rol,
                "toestemming_ingetrokken": d.toestemming.ingetrokken_op is not None,
            }
            for d in plan.deelnemers.select_related("netwerkpersoon", "toestemming")
        ],
    }


def _version(
    plan: Plan,
    *,
    door: User,
    reden: str,
    inhoudelijk: bool = False,
    eigen_gebeurtenis: bool = False,
) -> PlanVersie:
    """The next version, with a conditional UPDATE: if someone else raised it since this plan
    was read, nothing is saved (no lost update).

    `inhoudelijk`: the change touches what the resident signed — goals, actions, proposals
    (ADR 0010). A signed plan then becomes 'gewijzigd na ondertekening' and asks to be signed
    again (`plan.gewijzigd_na_ondertekening` on the bus, once, on the step). Notes,
    evaluations, the regisseur, participants and safety signals are not such a change.

    Every later version also puts `plan.gewijzigd` on the bus (the dossier's timeline shows the
    plan's versions), unless the caller publishes its own event for the step
    (`eigen_gebeurtenis`: signing, merging)."""
    gelezen = plan.versie
    nieuw = (
        max(gelezen, plan.versies.order_by("-versie").values_list("versie", flat=True).first() or 0)
        + 1
    )
    na_ondertekening = inhoudelijk and plan.status == PlanStatus.ONDERTEKEND
    velden: dict[str, Any] = {"versie": nieuw, "updated_at": timezone.now()}
    if na_ondertekening:
        velden["status"] = PlanStatus.GEWIJZIGD
    if not Plan.objects.filter(pk=plan.pk, versie=gelezen).update(**velden):
        plan.refresh_from_db()
        raise VersieVerouderd(plan, verwacht=gelezen)
    plan.versie = nieuw
    if na_ondertekening:
        plan.status = PlanStatus.GEWIJZIGD
    verhoogd(plan, gelezen, nieuw)
    versie = PlanVersie.objects.create(
        plan=plan, versie=plan.versie, door=door, reden=reden, inhoud=plan_snapshot(plan)
    )
    if na_ondertekening:
        getekend = date_format(plan.ondertekend_op, "j F Y") if plan.ondertekend_op else ""
        publish(
            soorten.PLAN_GEWIJZIGD_NA_ONDERTEKENING,
            record=plan,
            omschrijving=f"Plan {plan.pk} gewijzigd na de ondertekening van {getekend} "
            f"({reden}); opnieuw ondertekenen nodig",
            user=door,
            huishouden=plan.huishouden,
            gegevens={"versie": nieuw, "reden": reden, "ondertekend_op": plan.ondertekend_op},
        )
    elif nieuw > 1 and not eigen_gebeurtenis:
        # Every later version is a step in the dossier's timeline (issue 9: plan versions);
        # the first is the plan being opened (plan.geopend).
        publish(
            soorten.PLAN_GEWIJZIGD,
            record=plan,
            omschrijving=f"Plan {plan.pk} versie {nieuw}: {reden}",
            user=door,
            huishouden=plan.huishouden,
            gegevens={"versie": nieuw, "reden": reden},
        )
    return versie


def _mag(
    actor: access.Actor | User,
    huishouden_id: int,
    handeling: access.Action = access.Action.WIJZIGEN,
) -> User:
    """Refuse (403, logged) unless the actor may do this to the household's plan; returns the
    login to record as the one who did it."""
    regel = access.RULES[(access.Resource.PLAN, handeling)]
    # Staff by their role and scope; a resident's login (the portal) by representation.
    access.require_actor(
        actor,
        access.Resource.PLAN,
        handeling,
        via=access.SERVICE,
        huishouden=huishouden_id,
        doel=regel.doel,
    )
    return access.Actor.of(actor).user


def _actief(plan: Plan) -> None:
    if plan.status not in ACTIEVE_STATUSSEN:
        raise ValidationError(
            f"Dit plan is {plan.get_status_display().lower()} en kan niet meer worden gewijzigd."
        )
