"""What every plan page shares: access and logging, labels, dates."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.common.constants import Wet
from eenplan.plannen import selectors
from eenplan.plannen.constants import (
    ACTIEVE_STATUSSEN,
    Doeltype,
    PlanStatus,
    RegisseurSoort,
    Uitvoerder,
)
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel

GEWEIGERD_PLAN = (
    "U kunt dit plan niet inzien: geen lid van het huishouden valt binnen uw werkgebied of is "
    "aan u toegewezen (need-to-know)."
)
GEWEIGERD_HUISHOUDEN = (
    "U kunt dit huishouden niet inzien: geen lid valt binnen uw werkgebied of is aan u "
    "toegewezen (need-to-know)."
)
PLAN_STATUS = dict(PlanStatus.choices)
DOELTYPE = dict(Doeltype.choices)
UITVOERDER = dict(Uitvoerder.choices)
WET = dict(Wet.choices)
REGISSEUR_SOORT = dict(RegisseurSoort.choices)
# The regisseur form has one select for the person; the service names the kind of person.
REGISSEUR_ALIASES = {"inwoner": "wie", "netwerkpersoon": "wie", "medewerker": "wie", "soort": "wie"}


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


# --- access and logging ---------------------------------------------------------------------
# Every decision is taken by privacy.access: the role by `access.requires` on each view, the
# household (a *current* member in scope) by `access.require(..., huishouden=...)`, which logs
# every current member shown; a refusal is a 403 page with the reason and a row in the log.


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _delen_boven(request: HttpRequest) -> dict[str, selectors.DeelBoven]:
    """The parts of apps above plannen the plan page shows, read with the plan: the aanvragen
    with their beschikkingen, and the household's debt route for a role that reads debt data
    (nothing of it is read for another)."""
    from eenplan.beschikkingen.plan_selectors import aanvragen_deel
    from eenplan.schuldhulp.selectors import schuldvragen_deel

    delen: dict[str, selectors.DeelBoven] = {"aanvragen": aanvragen_deel}
    if access.allows(request.user, Resource.SCHULDHULP, Action.LEZEN):
        delen["schuldvragen"] = schuldvragen_deel
    return delen


def _plan(request: HttpRequest, pk: int) -> Plan:
    """The plan with everything its page shows: 404 (logged as a refusal) if not within the
    login's municipality, else 403 (logged) unless the login may read this household's plan.
    `plan.gelogd` holds the residents already logged."""
    plan = access.get_or_refuse(
        request.user,
        Resource.PLAN,
        Action.LEZEN,
        via=_via(request),
        pk=pk,
        zoek=lambda gemeente_id: selectors.plan_pagina_get(
            pk=pk,
            gemeente_id=gemeente_id,
            vandaag=timezone.localdate(),
            # The candidates for regisseur are offered only to a login that may change plans.
            met_kandidaten=access.allows(request.user, Resource.PLAN, Action.WIJZIGEN),
            delen=_delen_boven(request),
        ),
        wat="Plan",
        niet_gevonden="Dit plan bestaat niet.",
        doel=Doel.PLAN,
    )
    besluit = access.require(
        request.user,
        Resource.PLAN,
        Action.LEZEN,
        via=_via(request),
        huishouden=plan.huishouden_id,
        leden=plan.omgeving.toegang,  # read with the plan: no query of the decision's own
        doel=Doel.PLAN,
    )
    plan.gelogd = set(besluit.inwoner_ids)
    return plan


def _log_getoond(request: HttpRequest, plan: Plan, inwoner_ids: list[int]) -> None:
    """Log the residents the page shows beyond the current members (goals of former ones)."""
    anderen = [i for i in dict.fromkeys(inwoner_ids) if i not in getattr(plan, "gelogd", set())]
    access.log_shown(
        request.user, anderen, resource=Resource.PLAN, via=_via(request), doel=Doel.PLAN
    )


def _actief_eerst(plannen: list[Plan]) -> list[Plan]:
    """Active plans first, each group in the selector's order (newest first)."""
    return sorted(plannen, key=lambda p: p.status not in ACTIEVE_STATUSSEN)
