"""Writes of the voorzieningen app: the catalogue and the sociale kaart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.common.datums import datums_check
from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.onderzoeken.models import Leefgebied
from eenplan.rules import datums
from eenplan.voorzieningen.constants import Leveringsvorm, VoorzieningSoort
from eenplan.voorzieningen.models import CodelijstWaarde, Tarief, Voorziening

CODELIJST_VERSIE = "3.2"


def _in_codelijst(codelijst: str, code: str) -> bool:
    return CodelijstWaarde.objects.filter(
        codelijst=codelijst, versie=CODELIJST_VERSIE, code=code
    ).exists()


def _zoektekst(v: Voorziening) -> str:
    return normalise(
        " ".join(
            [
                v.naam,
                v.omschrijving,
                v.organisatie,
                v.doelgroep,
                v.adres,
                v.prijs_toelichting,
                v.openingstijden,
            ]
        )
    )


@transaction.atomic
def voorziening_create(
    *,
    gemeente: Gemeente,
    wijken: Iterable[Wijk] = (),
    leefgebieden: Iterable[Leefgebied] = (),
    **fields: Any,
) -> Voorziening:
    """Add a provision to the catalogue. Maatwerk carries valid iWmo/iJw 3.2 codes (WMO020 or
    JZ020, WJ756, WMO757); an algemene voorziening names its organisation."""
    voorziening = Voorziening(gemeente=gemeente, **fields)
    errors: dict[str, str] = {}
    if voorziening.soort != VoorzieningSoort.ALGEMEEN:
        lijst = "JZ020" if voorziening.wet == "jeugd" else "WMO020"
        if not _in_codelijst(lijst, voorziening.productcategorie):
            errors["productcategorie"] = f"Kies een productcategorie uit {lijst} (release 3.2)."
        if not voorziening.productcode:
            errors["productcode"] = "Vul de productcode in."
        if not _in_codelijst("WJ756", voorziening.eenheid):
            errors["eenheid"] = "Kies een eenheid uit WJ756, bijvoorbeeld 04 (uur)."
        if voorziening.frequentie and not _in_codelijst("WMO757", voorziening.frequentie):
            errors["frequentie"] = "Kies een frequentie uit WMO757, bijvoorbeeld 2 (per week)."
        if not voorziening.uitvoeringsvariant:
            errors["uitvoeringsvariant"] = "Kies inspanningsgericht, outputgericht of taakgericht."
    elif not voorziening.organisatie.strip():
        errors["organisatie"] = "Vul de organisatie in die de algemene voorziening biedt."
    if errors:
        raise ValidationError(errors)
    voorziening.zoektekst = _zoektekst(voorziening)
    voorziening.full_clean()
    voorziening.save()
    wijken = list(wijken)
    if any(w.gemeente_id != gemeente.pk for w in wijken):
        raise ValidationError({"wijken": "Kies wijken van de eigen gemeente."})
    voorziening.wijken.set(wijken)
    voorziening.leefgebieden.set(list(leefgebieden))
    return voorziening


@transaction.atomic
def tarief_add(
    *,
    voorziening: Voorziening,
    leveringsvorm: Leveringsvorm | str,
    bedrag: Decimal,
    geldig_vanaf: dt.date,
    bron: str,
    aanbieder: str = "",
) -> Tarief:
    """A dated tariff with its source (contract, verordening); amounts are never code."""
    datums_check(datums.PLANNING, geldig_vanaf=geldig_vanaf)
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": "Een tarief is groter dan nul."})
    if not bron.strip():
        raise ValidationError({"bron": "Noem de bron van het tarief (contract of besluit)."})
    if leveringsvorm == Leveringsvorm.ZIN and not aanbieder.strip():
        raise ValidationError({"aanbieder": "Een tarief in natura hoort bij een aanbieder."})
    return Tarief.objects.create(
        voorziening=voorziening,
        leveringsvorm=leveringsvorm,
        bedrag=bedrag,
        geldig_vanaf=geldig_vanaf,
        bron=bron.strip(),
        aanbieder=aanbieder.strip(),
    )
