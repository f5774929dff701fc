"""Writes of the voorzieningen app: the catalogue and the sociale kaart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from eenplan.common.constants import Wet
from eenplan.common.datums import datums_check
from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.onderzoeken.models import Leefgebied
from eenplan.rules import datums
from eenplan.voorzieningen.constants import CODELIJST_VERSIE, Leveringsvorm, VoorzieningSoort
from eenplan.voorzieningen.models import (
    AbonnementstariefGegeven,
    CodelijstWaarde,
    Doelgroep,
    Synoniem,
    Tarief,
    Voorziening,
)


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


def _check_voorziening(voorziening: Voorziening) -> None:
    """Maatwerk carries valid iWmo/iJw 3.2 codes; an algemene voorziening its organisation."""
    errors: dict[str, str] = {}
    # Participatiewet provisions (bijstand, re-integratie) and the toelating to debt help (Wgs)
    # are not exchanged over iWmo/iJw: no product codes from those code lists (issue 14).
    iwmo = voorziening.wet not in (Wet.PARTICIPATIE, Wet.SCHULDHULP)
    if voorziening.soort != VoorzieningSoort.ALGEMEEN and iwmo:
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
    elif voorziening.soort == VoorzieningSoort.ALGEMEEN and not voorziening.organisatie.strip():
        errors["organisatie"] = "Vul de organisatie in die de algemene voorziening biedt."
    if errors:
        raise ValidationError(errors)


def _save_voorziening(
    voorziening: Voorziening,
    *,
    wijken: Iterable[Wijk],
    leefgebieden: Iterable[Leefgebied],
    doelgroepen: Iterable[Doelgroep] = (),
) -> Voorziening:
    _check_voorziening(voorziening)
    wijken = list(wijken)
    if any(w.gemeente_id != voorziening.gemeente_id for w in wijken):
        raise ValidationError({"wijken": "Kies wijken van de eigen gemeente."})
    voorziening.zoektekst = _zoektekst(voorziening)
    voorziening.full_clean()
    voorziening.save()
    voorziening.wijken.set(wijken)
    voorziening.leefgebieden.set(list(leefgebieden))
    voorziening.doelgroepen.set(list(doelgroepen))
    return voorziening


@transaction.atomic
def voorziening_create(
    *,
    gemeente: Gemeente,
    wijken: Iterable[Wijk] = (),
    leefgebieden: Iterable[Leefgebied] = (),
    doelgroepen: Iterable[Doelgroep] = (),
    **fields: Any,
) -> Voorziening:
    """Add a provision to the catalogue. Maatwerk carries valid iWmo/iJw 3.2 codes (WMO020 or
    JZ020, WJ756, WMO757); an algemene voorziening names its organisation."""
    voorziening = Voorziening(gemeente=gemeente, **fields)
    return _save_voorziening(
        voorziening, wijken=wijken, leefgebieden=leefgebieden, doelgroepen=doelgroepen
    )


# Fields of a voorziening that an edit may change (the municipality never changes).
WIJZIGBAAR = frozenset(
    f.name
    for f in Voorziening._meta.concrete_fields
    if f.editable and f.name not in {"id", "gemeente", "created_at", "updated_at"}
)


@transaction.atomic
def voorziening_change(
    *,
    voorziening: Voorziening,
    wijken: Iterable[Wijk] | None = None,
    leefgebieden: Iterable[Leefgebied] | None = None,
    doelgroepen: Iterable[Doelgroep] | None = None,
    **fields: Any,
) -> Voorziening:
    """Edit a provision of the catalogue (also its sociale-kaart details, or `actief=False` to
    take it off the catalogue; decisions already taken keep it). The same checks as
    `voorziening_create`; a refusal changes nothing."""
    onbekend = set(fields) - WIJZIGBAAR
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    voorziening = Voorziening.objects.select_for_update().get(pk=voorziening.pk)
    for naam, waarde in fields.items():
        setattr(voorziening, naam, waarde)
    return _save_voorziening(
        voorziening,
        wijken=voorziening.wijken.all() if wijken is None else wijken,
        leefgebieden=voorziening.leefgebieden.all() if leefgebieden is None else leefgebieden,
        doelgroepen=voorziening.doelgroepen.all() if doelgroepen is None else doelgroepen,
    )


# --- synonyms of the sociale kaart -------------------------------------------------------------

# A starting list a municipality can load and then edit (common words residents and
# volunteers use for the same need).
STANDAARD_SYNONIEMEN = (
    "schulden, geldzorgen, schuldhulp, schuldhulpverlening, rekeningen, budget, financien",
    "koffie, inloop, ontmoeting, buurthuis, huiskamer",
    "eenzaam, eenzaamheid, alleen, contact, ontmoeting",
    "mantelzorg, mantelzorger, respijtzorg, ontlasten",
    "vervoer, rijden, regiotaxi, boodschappen",
    "maaltijd, eten, koken, tafeltje dekje",
    "taal, lezen, schrijven, digitaal, computer",
    "opvoeding, opvoeden, kinderen, ouders, gezin",
)
TE_WEINIG_WOORDEN = "Vul ten minste twee woorden in, gescheiden door komma's."


def _woorden(tekst: str) -> str:
    woorden = list(dict.fromkeys(normalise(w) for w in tekst.split(",") if normalise(w)))
    if len(woorden) < 2:
        raise ValidationError({"woorden": TE_WEINIG_WOORDEN})
    result = ", ".join(woorden)
    if len(result) > 300:
        raise ValidationError({"woorden": "Houd de lijst korter dan 300 tekens."})
    return result


@transaction.atomic
def synoniem_add(*, gemeente: Gemeente, woorden: str) -> Synoniem:
    """Words that mean the same on the sociale kaart ("schulden, geldzorgen, schuldhulp")."""
    synoniem = Synoniem(gemeente=gemeente, woorden=_woorden(woorden))
    synoniem.full_clean()
    synoniem.save()
    return synoniem


@transaction.atomic
def synoniem_change(*, synoniem: Synoniem, woorden: str) -> Synoniem:
    synoniem = Synoniem.objects.select_for_update().get(pk=synoniem.pk)
    synoniem.woorden = _woorden(woorden)
    synoniem.full_clean()
    synoniem.save()
    return synoniem


@transaction.atomic
def synoniem_remove(*, synoniem: Synoniem) -> None:
    Synoniem.objects.filter(pk=synoniem.pk).delete()


@transaction.atomic
def synoniemen_standaard_add(*, gemeente: Gemeente) -> int:
    """Add the starting list (the groups the municipality does not have yet); returns how many."""
    bestaand = set(Synoniem.objects.filter(gemeente=gemeente).values_list("woorden", flat=True))
    nieuw = [
        Synoniem(gemeente=gemeente, woorden=_woorden(groep))
        for groep in STANDAARD_SYNONIEMEN
        if _woorden(groep) not in bestaand
    ]
    Synoniem.objects.bulk_create(nieuw)
    return len(nieuw)


ZIN_IN_CONTRACT = (
    "Een tarief voor zorg in natura hoort bij het contract met de aanbieder: leg het vast bij "
    "Aanbieders en contracten. Hier legt u het pgb-tarief vast."
)


@transaction.atomic
def tarief_add(
    *,
    voorziening: Voorziening,
    leveringsvorm: Leveringsvorm | str,
    bedrag: Decimal,
    geldig_vanaf: dt.date,
    bron: str,
) -> Tarief:
    """A dated PGB tariff with its source (verordening, besluit); amounts are never code. A
    tariff in kind is agreed with a provider and recorded in its contract
    (`aanbieders.services.contract_product_save`)."""
    datums_check(datums.PLANNING, geldig_vanaf=geldig_vanaf)
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": "Een tarief is groter dan nul."})
    if not bron.strip():
        raise ValidationError({"bron": "Noem de bron van het tarief (contract of besluit)."})
    if leveringsvorm == Leveringsvorm.ZIN:
        raise ValidationError({"leveringsvorm": ZIN_IN_CONTRACT})
    return Tarief.objects.create(
        voorziening=voorziening,
        leveringsvorm=leveringsvorm,
        bedrag=bedrag,
        geldig_vanaf=geldig_vanaf,
        bron=bron.strip(),
    )


# --- the abonnementstarief per year (municipal data, entered once verified) --------------------

JAAR_BESTAAT = "Voor {jaar} is al een abonnementstarief ingevoerd."


@transaction.atomic
def abonnementstarief_add(
    *, jaar: int, bedrag: Decimal, periode: str, bron: str
) -> AbonnementstariefGegeven:
    """Enter the abonnementstarief of a year once verified at its primary source (the
    Uitvoeringsbesluit Wmo 2015 or its yearly change in the Staatscourant; Wmo 2015 art. 2.1.4
    lid 3 and 2.1.4a). It covers that calendar year only: a missing year is never filled from
    an earlier one (rules.eigen_bijdrage.TariefOntbreekt)."""
    errors: dict[str, str] = {}
    if not 2015 <= jaar <= 2100:
        errors["jaar"] = "Vul een jaar in vanaf 2015, bijvoorbeeld 2027."
    if bedrag is None or bedrag <= 0 or bedrag >= 1000:
        errors["bedrag"] = "Vul het tarief in euro's in, groter dan nul, bijvoorbeeld 21,80."
    if periode not in ("maand", "4 weken"):
        errors["periode"] = "Kies per maand of per 4 weken."
    if not bron.strip():
        errors["bron"] = "Noem de bron, bijvoorbeeld 'Stcrt. 2026, 12345'."
    if errors:
        raise ValidationError(errors)
    geldig_vanaf = dt.date(jaar, 1, 1)
    if AbonnementstariefGegeven.objects.filter(geldig_vanaf=geldig_vanaf).exists():
        raise ValidationError({"jaar": JAAR_BESTAAT.format(jaar=jaar)})
    rij = AbonnementstariefGegeven(
        geldig_vanaf=geldig_vanaf, bedrag=bedrag, periode=periode, bron=bron.strip()
    )
    rij.full_clean()
    rij.save()
    return rij
