"""What every plan endpoint shares: the purpose parameter, the filter, and lookups of ids
within the plan's household."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter

from eenplan.common.api import IdFilter
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Doel, Plan
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


def _lid(plan: Plan, inwoner_id: int, *, field: str = "inwoner") -> Inwoner:
    """A (current or former) member of the plan's household; the services check the dates."""
    inwoner = (
        Inwoner.objects.filter(pk=inwoner_id, lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
    if inwoner is None:
        raise ValidationError({field: f"Inwoner {inwoner_id} hoort niet bij dit huishouden."})
    return inwoner


def _netwerkpersoon(plan: Plan, pk: int, *, field: str = "netwerkpersoon") -> Netwerkpersoon:
    persoon = (
        Netwerkpersoon.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
    if persoon is None:
        raise ValidationError(
            {field: f"Netwerkpersoon {pk} hoort niet bij het netwerk van dit huishouden."}
        )
    return persoon


def _doel(plan: Plan, pk: int | None) -> Doel | None:
    if pk is None:
        return None
    doel = (
        plan.doelen.select_related("plan__huishouden", "inwoner", "leefgebied__instrument")
        .filter(pk=pk)
        .first()
    )
    if doel is None:
        raise ValidationError({"doel": f"Doel {pk} hoort niet bij dit plan."})
    return doel


def _toestemming(plan: Plan, pk: int) -> Toestemming | None:
    return (
        Toestemming.objects.select_related("inwoner")
        .filter(pk=pk, inwoner__lidmaatschappen__huishouden_id=plan.huishouden_id)
        .distinct()
        .first()
    )
