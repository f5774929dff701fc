"""Reads of the voorzieningen app: the sociale kaart search and current tariffs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q, QuerySet

from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente
from eenplan.rules.eigen_bijdrage import ABONNEMENTSTARIEVEN, Abonnementstarief, Periode
from eenplan.voorzieningen.constants import Leveringsvorm, VoorzieningSoort
from eenplan.voorzieningen.models import AbonnementstariefGegeven, Tarief, Voorziening


def sociale_kaart(
    *, gemeente: Gemeente, q: str = "", wijk_id: int | None = None, leefgebied_id: int | None = None
) -> QuerySet[Voorziening]:
    """Algemene voorzieningen matching every word of `q`, for a wijk (or town-wide ones) and a
    life domain; wijken and domains prefetched (bounded queries)."""
    qs = Voorziening.objects.filter(gemeente=gemeente, soort=VoorzieningSoort.ALGEMEEN, actief=True)
    for woord in normalise(q).split():
        qs = qs.filter(zoektekst__contains=woord)
    if wijk_id:
        qs = qs.filter(Q(wijken__id=wijk_id) | Q(wijken__isnull=True))
    if leefgebied_id:
        qs = qs.filter(leefgebieden__id=leefgebied_id)
    return qs.distinct().prefetch_related("wijken", "leefgebieden").order_by("naam")


def catalogus(
    *, gemeente: Gemeente, soort: str | None = None, wet: str | None = None
) -> QuerySet[Voorziening]:
    qs = Voorziening.objects.filter(gemeente=gemeente, actief=True)
    if soort:
        qs = qs.filter(soort=soort)
    if wet:
        qs = qs.filter(wet=wet)
    return qs.prefetch_related("wijken").order_by("soort", "naam")


def tarieven_op(voorziening: Voorziening, leveringsvorm: str, op: dt.date) -> dict[str, Decimal]:
    """The tariff in force on `op` per provider (latest geldig_vanaf not after `op`)."""
    result: dict[str, Decimal] = {}
    for tarief in Tarief.objects.filter(
        voorziening=voorziening, leveringsvorm=leveringsvorm, geldig_vanaf__lte=op
    ).order_by("aanbieder", "-geldig_vanaf"):
        result.setdefault(tarief.aanbieder, tarief.bedrag)
    return result


def zin_tarieven(voorziening: Voorziening, op: dt.date) -> list[Decimal]:
    return sorted(tarieven_op(voorziening, Leveringsvorm.ZIN, op).values())


def abonnementstarieven() -> tuple[Abonnementstarief, ...]:
    """The built-in years (rules.eigen_bijdrage) plus those the municipality entered as data;
    an entered year replaces a built-in one with the same start."""
    tabel = {t.geldig_vanaf: t for t in ABONNEMENTSTARIEVEN}
    for rij in AbonnementstariefGegeven.objects.all():
        tabel[rij.geldig_vanaf] = Abonnementstarief(
            rij.geldig_vanaf, rij.bedrag, Periode(rij.periode), rij.bron
        )
    return tuple(sorted(tabel.values(), key=lambda t: t.geldig_vanaf))
