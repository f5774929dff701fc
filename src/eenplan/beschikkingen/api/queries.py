"""Reads of the beschikkingen API that `beschikkingen.selectors` does not offer (yet).

Kept next to the API so the owners of `selectors.py` can move them in. Every list starts from
the scoped querysets of `beschikkingen.selectors` (`privacy.access.scope_q`, the same as the
pages); one record is loaded with the selector the pages use too (`selectors.*_get`) and then
decided on by `privacy.access.require`. Each has a fixed number of queries however many
rows it returns (select_related / prefetch_related; see the query-budget
tests in `beschikkingen/tests/test_api.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, Q, QuerySet

from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.voorzieningen.models import Voorziening

User = AbstractBaseUser | AnonymousUser
TOEGEKEND = (Uitkomst.TOEGEKEND, Uitkomst.DEELS)


def _regels() -> Prefetch:
    return Prefetch(
        "voorzieningen",
        queryset=BeschikteVoorziening.objects.select_related("voorziening", "aanbieder").order_by(
            "id"
        ),
    )


# --- aanvragen --------------------------------------------------------------------------------


def aanvragen_list(
    *,
    scope: QuerySet[Aanvraag],
    status: str | None = None,
    wet: str | None = None,
    inwoner_id: int | None = None,
    vandaag: dt.date | None = None,
) -> QuerySet[Aanvraag]:
    """The worklist of aanvragen with their `termijn_stand`, earliest decision deadline first;
    resident joined."""
    qs = selectors.met_termijn_stand(scope.select_related("inwoner"), vandaag)
    if status:
        qs = qs.filter(status=status)
    if wet:
        qs = qs.filter(wet=wet)
    if inwoner_id:
        qs = qs.filter(inwoner_id=inwoner_id)
    return qs.order_by("beslissen_uiterlijk", "id")


def voorzieningen_by_id(*, gemeente_id: int, ids: Iterable[int]) -> dict[int, Voorziening]:
    """The catalogue entries of this municipality among `ids`."""
    return {v.pk: v for v in Voorziening.objects.filter(gemeente_id=gemeente_id, pk__in=set(ids))}


# --- beschikkingen ----------------------------------------------------------------------------


def beschikkingen_list(
    *,
    scope: QuerySet[Beschikking],
    vandaag: dt.date,
    vraag: selectors.BeschikkingZoekvraag | None = None,
    rechtmatigheid: str | None = None,
    inwoner_id: int | None = None,
    einde_binnen_weken: int | None = None,
    gemeente_id: int | None = None,
) -> QuerySet[Beschikking]:
    """Beschikkingen with their decided provisions: the page's search
    (`selectors.beschikkingen_zoeken`, same parameters) plus the API's own filters.
    `einde_binnen_weken`: only those with a granted provision that ends, or is due for
    heronderzoek, from today within N weeks (the worklist of issue 5);
    `rechtmatigheid=te_toetsen` is the lawfulness queue."""
    qs = scope
    if rechtmatigheid:
        qs = qs.filter(rechtmatigheid=rechtmatigheid)
    if inwoner_id:
        qs = qs.filter(inwoner_id=inwoner_id)
    if einde_binnen_weken:
        tot = vandaag + dt.timedelta(weeks=einde_binnen_weken)
        regels = BeschikteVoorziening.objects.filter(uitkomst__in=TOEGEKEND).filter(
            Q(einde__gte=vandaag, einde__lte=tot)
            | Q(heronderzoek_op__gte=vandaag, heronderzoek_op__lte=tot)
        )
        qs = qs.filter(pk__in=regels.values("beschikking_id"))
    return selectors.beschikkingen_zoeken(
        scope=qs, vraag=vraag or selectors.BeschikkingZoekvraag(), gemeente_id=gemeente_id
    )
