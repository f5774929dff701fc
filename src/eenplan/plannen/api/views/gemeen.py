"""What every plan endpoint shares: the purpose parameter, the filter, and lookups of ids
within the plan's household."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from drf_spectacular.utils import OpenApiParameter

from eenplan.common.api import IdFilter
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Doel, Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel as InzageDoel
from eenplan.privacy.models import Toestemming

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=InzageDoel.values,
    required=False,
    description="Doel van inzage (wordt voor elk lid van het huishouden gelogd). Ook als "
    "header X-Eenplan-Doel. Standaard: het doel dat bij uw rol hoort.",
)
NIET_ONDERTEKENAAR = (
    "Alleen een lid van het huishouden of een wettelijk vertegenwoordiger kan het plan "
    "ondertekenen."
)

Perform = Callable[[Plan, dict[str, Any]], Any]


class PlanFilter(django_filters.FilterSet):
    huishouden = IdFilter(field_name="huishouden_id", label="Id van het huishouden")
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices)

    class Meta:
        model = Plan
        fields = ["huishouden", "status"]


# --- lookups within the plan's household ----------------------------------------------------


NIET_IN_HUISHOUDEN = "hoort niet bij dit huishouden of bestaat niet"


def _uit_invoer(
    request: Any,
    pk: int,
    zoek: Callable[[], Any],
    *,
    wat: str,
    veld: str,
    fout: str,
    reden: str = NIET_IN_HUISHOUDEN,
) -> Any:
    """A record a plan request names in its body, looked up within the plan's household
    (found within the municipality already): not found — another household's, another
    municipality's or none — is a refused row for changing the plan ("<wat> <id>: hoort niet
    bij dit huishouden of bestaat niet.") and the Dutch 400 `fout` on `veld`
    (`access.uit_invoer`, ADR 0046)."""
    return access.uit_invoer(
        request.user,
        Resource.PLAN,
        Action.WIJZIGEN,
        via=access.Via.request(request),
        pk=pk,
        zoek=lambda _gemeente_id: zoek(),
        wat=wat,
        veld=veld,
        reden=reden,
        fout=fout,
    )


def _lid(request: Any, plan: Plan, inwoner_id: int, *, field: str = "inwoner") -> Inwoner:
    """A (current or former) member of the plan's household; the services check the dates."""
    return _uit_invoer(
        request,
        inwoner_id,
        lambda: Inwoner.objects.filter(
            pk=inwoner_id, lidmaatschappen__huishouden_id=plan.huishouden_id
        )
        .distinct()
        .first(),
        wat="Inwoner",
        veld=field,
        fout=f"Inwoner {inwoner_id} hoort niet bij dit huishouden.",
    )


def _netwerkpersoon(
    request: Any, plan: Plan, pk: int, *, field: str = "netwerkpersoon"
) -> Netwerkpersoon:
    return _uit_invoer(
        request,
        pk,
        lambda: Netwerkpersoon.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first(),
        wat="Netwerkpersoon",
        veld=field,
        fout=f"Netwerkpersoon {pk} hoort niet bij het netwerk van dit huishouden.",
    )


def _doel(request: Any, plan: Plan, pk: int | None) -> Doel | None:
    if pk is None:
        return None
    return _uit_invoer(
        request,
        pk,
        lambda: plan.doelen.select_related("plan__huishouden", "inwoner", "leefgebied__instrument")
        .filter(pk=pk)
        .first(),
        wat="Doel",
        veld="doel",
        fout=f"Doel {pk} hoort niet bij dit plan.",
        reden="hoort niet bij dit plan of bestaat niet",
    )


def _toestemming_uit_invoer(request: Any, plan: Plan, pk: int) -> Toestemming:
    """The consent a request names in its body: of a member of the plan's household."""
    return _uit_invoer(
        request,
        pk,
        lambda: _toestemming(plan, pk),
        wat="Toestemming",
        veld="toestemming",
        fout=f"Toestemming {pk} is niet van een lid van dit huishouden.",
    )


def _toestemming(plan: Plan, pk: int) -> Toestemming | None:
    return (
        Toestemming.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
