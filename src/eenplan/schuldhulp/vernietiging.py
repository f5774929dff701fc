"""Destruction of this app's own rows when their retention period has run (common.vernietiging,
ADR 0038): the rows the destruction collected are deleted here, by the app that owns them."""

from collections.abc import Sequence
from typing import Any

from django.db import models

from eenplan.common.vernietiging import eigen_rijen_verwijderen, eigenaar


@eigenaar("schuldhulp")
def vernietigen(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    return eigen_rijen_verwijderen(model, pks, app_label="schuldhulp")
