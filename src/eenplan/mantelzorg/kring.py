"""The care circle (zorgkring): which plan actions a resident's login may see and mark done as a
network person of someone else's plan. The decision itself is `privacy.access.decide_kring`;
this module tells it whose actions are whose (registered at start-up, `apps.ready`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from eenplan.mantelzorg.models import KringToewijzing
from eenplan.plannen.models import Deelnemer
from eenplan.privacy import access


def toestemming_geldig(vandaag: dt.date) -> Q:
    """On a Deelnemer: the resident's consent for this participant holds on `vandaag`."""
    return Q(toestemming__gegeven_op__lte=vandaag) & (
        Q(toestemming__ingetrokken_op__isnull=True) | Q(toestemming__ingetrokken_op__gt=vandaag)
    )


def kring_toewijzingen(inwoner_id: int, vandaag: dt.date) -> QuerySet[KringToewijzing]:
    """The actions assigned to the network persons that are resident `inwoner_id`, in plans
    where that person takes part with the resident's consent on `vandaag`, and while the
    person is still in the network."""
    deelname = Deelnemer.objects.filter(
        toestemming_geldig(vandaag),
        plan_id=OuterRef("actie__doel__plan_id"),
        netwerkpersoon_id=OuterRef("netwerkpersoon_id"),
    )
    return KringToewijzing.objects.filter(
        Q(netwerkpersoon__tot__isnull=True) | Q(netwerkpersoon__tot__gte=vandaag),
        Exists(deelname),
        netwerkpersoon__als_inwoner_id=inwoner_id,
    )


def _acties(inwoner_id: int, vandaag: dt.date) -> QuerySet:
    return kring_toewijzingen(inwoner_id, vandaag).values_list(
        "actie_id", "netwerkpersoon__inwoner_id"
    )


def koppel() -> None:
    access.koppel_kring(access.KringKoppeling(acties=_acties))
