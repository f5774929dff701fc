"""A stored message for tests of the message log pages and API: a row as the berichten
services leave it (the file, its status and return codes, the residents it names)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.models import Bericht
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import bouw, voorbeelden


def bericht(
    gemeente: Gemeente,
    aanbieder: Aanbieder | None,
    inwoner: Inwoner | None = None,
    *,
    code: str = "323",
    status: str = "verwerkt",
    codes: tuple[str, ...] | list[str] = (),
    moment: Any = None,
    inhoud: bytes | None = None,
    richting: str = "in",
    **kw: Any,
) -> Bericht:
    """A stored message (by default a processed WMO323 of `aanbieder` about `inwoner`)."""
    data = inhoud if inhoud is not None else bouw(voorbeelden.declaratie("wmo"))
    b = Bericht.objects.create(
        richting=richting,
        kanaal="api",
        gemeente=gemeente,
        aanbieder=aanbieder,
        soort=f"WMO{code}" if code else "",
        code=code,
        wet="wmo",
        afzender=aanbieder.agb_code if aanbieder else "",
        ontvanger="0363",
        identificatie=kw.pop("identificatie", str(Bericht.objects.count() + 1)),
        inhoud=data,
        sha256=hashlib.sha256(data).hexdigest(),
        status=status,
        retourcodes=list(codes),
        moment=moment or timezone.now(),
        **kw,
    )
    if inwoner is not None:
        b.inwoners.add(inwoner)
    return b
