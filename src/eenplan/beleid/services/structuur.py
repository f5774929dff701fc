"""Writes of the policy plan's structure: beleidsplan → thema → doel → subdoel → activiteit, and
the thema's resultaten (the indicators with their nulmeting and streefwaarden per year are
`koppeling_add` / `koppeling_change` in the package's `__init__`).

Every write asks `privacy.access` (resource beleid, action wijzigen: the beleidsmedewerker),
checks the input and refuses it with a Dutch message per field, changing nothing. Each element
carries a `versie`: a form or an API call that edited an older version than the one stored is
refused (`common.concurrency.schrijft`: row lock, version check, a violated constraint becomes
a `Conflict`), so two officers editing the same element never lose an update.

Nothing is lost by deleting: an element that still holds others (a thema with doelen or
resultaten, a resultaat that activiteiten contribute to or indicators measure, ...) cannot be
deleted; empty it first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from eenplan.beleid.constants import ActiviteitStatus
from eenplan.beleid.models import (
    Activiteit,
    Beleidsplan,
    Doel,
    Indicatorkoppeling,
    Resultaat,
    Subdoel,
    Thema,
)
from eenplan.beleid.services import _mag
from eenplan.common.concurrency import invarianten, schrijft
from eenplan.privacy.access import Action, Resource

MIN_JAAR, MAX_JAAR = 2000, 2100


@dataclass(frozen=True)
class Soort:
    """One kind of element: its model, its parent, the fields a person edits and what it must
    not hold when it is deleted (related name → Dutch reason)."""

    id: str
    label: str  # "thema", with its article in messages
    model: type[models.Model]
    ouder: str  # the parent's field ("" for a plan: its parent is the municipality)
    velden: tuple[str, ...]
    kinderen: tuple[tuple[str, str], ...] = ()


SOORTEN: dict[str, Soort] = {
    s.id: s
    for s in (
        Soort(
            "beleidsplan",
            "het beleidsplan",
            Beleidsplan,
            "",
            ("naam", "omschrijving", "van_jaar", "tot_jaar", "vastgesteld_op", "bron"),
            (("themas", "Verwijder eerst de thema's van dit plan."),),
        ),
        Soort(
            "thema",
            "het thema",
            Thema,
            "plan",
            ("nummer", "naam", "omschrijving", "bron"),
            (
                ("doelen", "Verwijder eerst de doelen van dit thema."),
                ("resultaten", "Verwijder eerst de resultaten van dit thema."),
            ),
        ),
        Soort(
            "doel",
            "het doel",
            Doel,
            "thema",
            ("code", "tekst", "bron"),
            (("subdoelen", "Verwijder eerst de subdoelen van dit doel."),),
        ),
        Soort(
            "subdoel",
            "het subdoel",
            Subdoel,
            "doel",
            ("nummer", "tekst", "bron"),
            (("activiteiten", "Verwijder eerst de activiteiten van dit subdoel."),),
        ),
        Soort(
            "resultaat",
            "het resultaat",
            Resultaat,
            "thema",
            ("nummer", "tekst", "bron"),
            (
                ("indicatoren", "Ontkoppel eerst de indicatoren die dit resultaat meten."),
                (
                    "activiteiten",
                    "Haal dit resultaat eerst weg bij de activiteiten die eraan bijdragen.",
                ),
            ),
        ),
        Soort(
            "activiteit",
            "de activiteit",
            Activiteit,
            "subdoel",
            (
                "code",
                "naam",
                "eigenaar",
                "start",
                "eind",
                "status",
                "toelichting",
                "resultaten",
                "bron",
            ),
        ),
        Soort("indicatorkoppeling", "de gekoppelde indicator", Indicatorkoppeling, "resultaat", ()),
    )
}


def plan_van(obj: models.Model) -> Beleidsplan:
    """The plan an element belongs to (one query at most per level not yet loaded)."""
    stappen: dict[type[models.Model], Callable[[Any], Any]] = {
        Beleidsplan: lambda o: o,
        Thema: lambda o: o.plan,
        Doel: lambda o: o.thema.plan,
        Resultaat: lambda o: o.thema.plan,
        Subdoel: lambda o: o.doel.thema.plan,
        Activiteit: lambda o: o.subdoel.doel.thema.plan,
        Indicatorkoppeling: lambda o: o.resultaat.thema.plan,
    }
    plan: Beleidsplan = stappen[type(obj)](obj)
    return plan


def thema_van(obj: models.Model) -> Thema | None:
    if isinstance(obj, Thema):
        return obj
    if isinstance(obj, Doel | Resultaat):
        return obj.thema
    if isinstance(obj, Subdoel):
        return obj.doel.thema
    if isinstance(obj, Activiteit):
        return obj.subdoel.doel.thema
    return None


# --- checks -----------------------------------------------------------------------------------


def _tekst(
    obj: Any, veld: str, fouten: dict[str, str], *, lang: int, leeg: str = "", kort: int = 0
) -> None:
    waarde = (getattr(obj, veld) or "").strip()
    setattr(obj, veld, waarde)
    if leeg and not waarde:
        fouten[veld] = leeg
    elif len(waarde) > lang:
        fouten[veld] = f"Gebruik ten hoogste {lang} tekens (nu {len(waarde)})."
    elif kort and waarde and len(waarde) < kort:
        fouten[veld] = f"Gebruik minstens {kort} tekens."


def _geheel(obj: Any, veld: str, fouten: dict[str, str], *, van: int, tot: int, naam: str) -> None:
    waarde = getattr(obj, veld)
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not van <= waarde <= tot:
        fouten[veld] = f"Vul {naam} in als een heel getal van {van} tot en met {tot}."


def _uniek(obj: Any, veld: str, ouder: str, fouten: dict[str, str], tekst: str) -> None:
    if veld in fouten:
        return
    andere = type(obj)._default_manager.filter(
        **{ouder: getattr(obj, f"{ouder}_id"), veld: getattr(obj, veld)}
    )
    if obj.pk is not None:
        andere = andere.exclude(pk=obj.pk)
    if andere.exists():
        fouten[veld] = tekst


def _controleer(soort: Soort, obj: Any) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if soort.id == "beleidsplan":
        _tekst(obj, "naam", fouten, lang=200, leeg="Vul de naam van het plan in.")
        _tekst(obj, "omschrijving", fouten, lang=5000)
        _tekst(obj, "bron", fouten, lang=300)
        _geheel(obj, "van_jaar", fouten, van=MIN_JAAR, tot=MAX_JAAR, naam="het eerste jaar")
        _geheel(obj, "tot_jaar", fouten, van=MIN_JAAR, tot=MAX_JAAR, naam="het laatste jaar")
        if not fouten.keys() & {"van_jaar", "tot_jaar"} and obj.tot_jaar < obj.van_jaar:
            fouten["tot_jaar"] = "Het laatste jaar ligt niet voor het eerste jaar."
        if obj.vastgesteld_op is not None and not isinstance(obj.vastgesteld_op, dt.date):
            fouten["vastgesteld_op"] = "Vul een datum in, bijvoorbeeld 01-03-2025."
    elif soort.id == "thema":
        _geheel(obj, "nummer", fouten, van=1, tot=99, naam="het nummer")
        _tekst(obj, "naam", fouten, lang=200, leeg="Vul de naam van het thema in.")
        _tekst(obj, "omschrijving", fouten, lang=5000)
        _tekst(obj, "bron", fouten, lang=300)
        _uniek(obj, "nummer", "plan", fouten, "Dit plan heeft al een thema met dit nummer.")
    elif soort.id == "doel":
        _tekst(obj, "code", fouten, lang=10, leeg="Vul de code van het doel in, bijvoorbeeld D1.")
        _tekst(obj, "tekst", fouten, lang=2000, leeg="Beschrijf het doel.")
        _tekst(obj, "bron", fouten, lang=300)
        _uniek(obj, "code", "thema", fouten, "Dit thema heeft al een doel met deze code.")
    elif soort.id in ("subdoel", "resultaat"):
        _geheel(obj, "nummer", fouten, van=1, tot=999, naam="het nummer")
        leeg = "Beschrijf het subdoel." if soort.id == "subdoel" else "Beschrijf het resultaat."
        _tekst(obj, "tekst", fouten, lang=2000, leeg=leeg)
        _tekst(obj, "bron", fouten, lang=300)
        ouder = "doel" if soort.id == "subdoel" else "thema"
        wie = (
            "Dit doel heeft al een subdoel"
            if ouder == "doel"
            else "Dit thema heeft al een resultaat"
        )
        _uniek(obj, "nummer", ouder, fouten, f"{wie} met dit nummer.")
    elif soort.id == "activiteit":
        _tekst(
            obj, "code", fouten, lang=10, leeg="Vul de code van de activiteit in, bijvoorbeeld A1."
        )
        _tekst(obj, "naam", fouten, lang=2000, leeg="Beschrijf de activiteit.")
        _tekst(obj, "eigenaar", fouten, lang=300, leeg="Vul in wie de activiteit uitvoert.")
        _tekst(obj, "toelichting", fouten, lang=2000)
        _tekst(obj, "bron", fouten, lang=300)
        for veld, naam in (("start", "begin"), ("eind", "einde")):
            if not isinstance(getattr(obj, veld), dt.date):
                fouten[veld] = f"Vul de datum van het {naam} in, bijvoorbeeld 01-03-2025."
        if not fouten.keys() & {"start", "eind"} and obj.eind < obj.start:
            fouten["eind"] = "Het einde ligt niet voor het begin."
        if obj.status not in ActiviteitStatus.values:
            fouten["status"] = "Kies een geldige status."
    return fouten


# --- writes -----------------------------------------------------------------------------------


@transaction.atomic
@schrijft("onderdeel")
def onderdeel_save(
    *,
    actor: Any,
    soort: str,
    velden: Mapping[str, Any],
    onderdeel: models.Model | None = None,
    ouder: models.Model | None = None,
) -> models.Model:
    """Create (`onderdeel=None`, under `ouder`: the municipality for a plan, else the plan,
    thema, doel or subdoel) or change an element of the plan. The fields given replace the
    stored ones; an activity's `resultaten` are ids of resultaten of the same thema. Raises a
    `ValidationError` (Dutch, per field) and changes nothing on bad input; `VersieVerouderd`
    when the element was changed by someone else after the version the person edited."""
    spec = SOORTEN[soort]
    onbekend = set(velden) - set(spec.velden)
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    velden = dict(velden)
    resultaat_ids = velden.pop("resultaten", None)
    if onderdeel is None:
        if ouder is None:
            raise TypeError("een nieuw onderdeel heeft een ouder")
        obj: Any = (
            spec.model(gemeente=ouder) if not spec.ouder else spec.model(**{spec.ouder: ouder})
        )
    else:
        obj = onderdeel
    gemeente_id = obj.gemeente_id if soort == "beleidsplan" else plan_van(obj).gemeente_id
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, gemeente_id)
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)
    fouten = _controleer(spec, obj)
    resultaten: list[Resultaat] = []
    if resultaat_ids is not None:
        thema = thema_van(obj)
        ids = {int(i) for i in resultaat_ids}
        resultaten = list(Resultaat.objects.filter(pk__in=ids, thema=thema))
        if len(resultaten) != len(ids):
            fouten["resultaten"] = "Kies resultaten van het thema waar deze activiteit onder valt."
    if fouten:
        raise ValidationError(fouten)
    with invarianten():
        obj.save()
    if resultaat_ids is not None:
        obj.resultaten.set(resultaten)
    return obj


@transaction.atomic
@schrijft("onderdeel", verhogen=False)
def onderdeel_delete(*, actor: Any, onderdeel: models.Model) -> None:
    """Delete an element that holds nothing else any more (see the module); a plan only when
    it has no themes. Refused with a Dutch reason otherwise; a stale version is refused too."""
    spec = next(s for s in SOORTEN.values() if isinstance(onderdeel, s.model))
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, plan_van(onderdeel).gemeente_id)
    for relatie, reden in spec.kinderen:
        if getattr(onderdeel, relatie).exists():
            raise ValidationError(reden)
    onderdeel.delete()
