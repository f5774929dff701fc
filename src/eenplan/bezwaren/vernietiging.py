"""Destruction of bezwaren and klachten with their letters (common.vernietiging, ADR 0038
amendment): the rows here, the sendings of their letters through the beschikkingen app that
owns them."""

from collections.abc import Sequence
from typing import Any

from django.db import models

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.vernietiging import brieven_vernietigen
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.vernietiging import eigen_rijen_verwijderen, eigenaar

BRIEVEN_VAN: dict[type[models.Model], tuple[str, ...]] = {
    Bezwaar: (BriefSoort.BESLISSING_OP_BEZWAAR,),
    Klacht: (BriefSoort.KLACHT_AFHANDELING, BriefSoort.KLACHT_VERDAGING),
}


@eigenaar("bezwaren")
def vernietigen(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    aantallen: dict[str, int] = {}
    if model in BRIEVEN_VAN:
        aantallen.update(brieven_vernietigen(BRIEVEN_VAN[model], pks))
    aantallen.update(eigen_rijen_verwijderen(model, pks, app_label="bezwaren"))
    return aantallen
