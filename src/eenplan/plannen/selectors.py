"""Reads of the plannen app, bounded in queries (the household view)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from eenplan.gemeente.roles import PLAN_BEKIJKEN
from eenplan.inwoners.models import Huishouden, HuishoudenLid
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Actie, Deelnemer, Doel, Plan, Regisseur
from eenplan.privacy.selectors import inwoner_scope_q

User = AbstractBaseUser | AnonymousUser


def plannen_in_scope(user: User) -> QuerySet[Plan]:
    """Plans of households with at least one member in the login's need-to-know scope."""
    if not user.is_authenticated or not user.has_perm(PLAN_BEKIJKEN):
        return Plan.objects.none()
    # Current members only: a child who moved to another wijk does not open the parents' plan.
    members = HuishoudenLid.objects.filter(
        Q(lid_tot__isnull=True) | Q(lid_tot__gt=timezone.localdate())
    ).filter(inwoner_scope_q(user))
    return Plan.objects.filter(huishouden__in=members.values("huishouden_id"))


def plan_get(*, scope: QuerySet[Plan], pk: int) -> Plan | None:
    """A plan with everything its page shows, in a fixed number of queries."""
    return (
        scope.select_related("huishouden", "samengevoegd_in")
        .prefetch_related(
            Prefetch(
                "doelen",
                queryset=Doel.objects.select_related("leefgebied", "inwoner")
                .prefetch_related(
                    Prefetch("acties", queryset=Actie.objects.order_by("uiterlijk", "id")),
                    "evaluaties__score",
                    "voorstellen",
                )
                .order_by("leefgebied__volgorde", "id"),
            ),
            Prefetch(
                "regisseurs",
                queryset=Regisseur.objects.select_related(
                    "inwoner", "netwerkpersoon", "medewerker__user"
                ).order_by("van", "id"),
            ),
            Prefetch(
                "deelnemers",
                queryset=Deelnemer.objects.select_related("netwerkpersoon", "toestemming"),
            ),
            "voorstellen__inwoner",
            "voorstellen__aanvraag",
            "versies__door",
            "veiligheidssignalen__besloten_door",
            "aanvragen",
        )
        .filter(pk=pk)
        .first()
    )


def huishouden_overzicht(*, huishouden: Huishouden, vandaag: dt.date) -> dict[str, object]:
    """The household view: current members, their network, and the plans (active first)."""
    leden = list(
        HuishoudenLid.objects.filter(huishouden=huishouden, lid_van__lte=vandaag)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("inwoner")
        .prefetch_related("inwoner__netwerk")
        .order_by("lid_van", "id")
    )
    plannen = list(
        huishouden.plannen.prefetch_related(
            Prefetch(
                "regisseurs",
                queryset=Regisseur.objects.filter(tot__isnull=True).select_related(
                    "inwoner", "netwerkpersoon", "medewerker__user"
                ),
            ),
            "doelen__leefgebied",
        ).order_by(
            # Active plans first, then the rest; newest first within each group.
            Case(When(status__in=ACTIEVE_STATUSSEN, then=Value(0)), default=Value(1)),
            "-created_at",
        )
    )
    # Active plans that current members brought from the household they lived in before:
    # one household has one active plan, so these are the ones to merge.
    meegekomen = list(
        Plan.objects.filter(status__in=ACTIEVE_STATUSSEN)
        .exclude(huishouden=huishouden)
        .filter(huishouden__leden__inwoner_id__in=[lid.inwoner_id for lid in leden])
        .distinct()
        .order_by("id")
    )
    return {"leden": leden, "plannen": plannen, "meegekomen": meegekomen}
