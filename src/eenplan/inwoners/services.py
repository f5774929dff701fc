"""Writes of the inwoners app: every change goes through one of these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import Conflict, schrijft, verhoog
from eenplan.common.datums import datums_check
from eenplan.common.text import normalise, normalise_postcode
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.rules import datums
from eenplan.rules.bsn import OngeldigBsn, bsn_check

INWONER_FIELDS = (
    "bsn",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "straat",
    "huisnummer",
    "huisnummer_toevoeging",
    "postcode",
    "woonplaats",
    "wijk",
    "telefoon",
    "email",
)


def search_names(*, voornamen: str, voorvoegsel: str, achternaam: str) -> tuple[str, str]:
    """The two normalised search keys: 'achternaam voornamen' and 'voornamen achternaam'."""
    achter = normalise(f"{achternaam}")
    voor = normalise(voornamen)
    tussen = normalise(voorvoegsel)
    return (f"{achter} {voor}".strip(), " ".join(p for p in [voor, tussen, achter] if p))


def _clean_inwoner(inwoner: Inwoner, *, vandaag: dt.date) -> None:
    errors: dict[str, list[str]] = {}
    try:
        inwoner.bsn = bsn_check(inwoner.bsn or "")
    except OngeldigBsn as exc:
        errors["bsn"] = [str(exc)]
    inwoner.postcode = normalise_postcode(inwoner.postcode or "")
    if inwoner.geboortedatum and inwoner.geboortedatum > vandaag:
        errors["geboortedatum"] = ["De geboortedatum ligt in de toekomst."]
    elif inwoner.geboortedatum and (
        fout := datums.GEBOORTEDATUM.fout(inwoner.geboortedatum, vandaag=vandaag)
    ):
        errors["geboortedatum"] = [fout]
    if inwoner.wijk_id and inwoner.wijk.gemeente_id != inwoner.gemeente_id:
        errors["wijk"] = ["Deze wijk hoort niet bij de gemeente van de inwoner."]
    if (
        "bsn" not in errors
        and inwoner.bsn
        and (
            Inwoner.objects.filter(gemeente_id=inwoner.gemeente_id, bsn=inwoner.bsn)
            .exclude(pk=inwoner.pk)
            .exists()
        )
    ):
        errors["bsn"] = ["Er is al een inwoner met dit BSN in deze gemeente."]
    try:
        inwoner.full_clean(exclude=[*errors.keys()], validate_unique=False)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    inwoner.zoeknaam, inwoner.zoeknaam_voornaam = search_names(
        voornamen=inwoner.voornamen,
        voorvoegsel=inwoner.voorvoegsel,
        achternaam=inwoner.achternaam,
    )


@transaction.atomic
def inwoner_create(*, gemeente: Gemeente, vandaag: dt.date | None = None, **fields: Any) -> Inwoner:
    """Register a resident. Wrong BSN, duplicate BSN, unknown wijk or a future birth date are
    refused with a Dutch message and nothing is written."""
    unknown = set(fields) - set(INWONER_FIELDS)
    if unknown:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    inwoner = Inwoner(gemeente=gemeente, **fields)
    _clean_inwoner(inwoner, vandaag=vandaag or timezone.localdate())
    inwoner.save()
    return inwoner


@transaction.atomic
@schrijft("inwoner", verhogen=False)
def inwoner_update(*, inwoner: Inwoner, vandaag: dt.date | None = None, **fields: Any) -> Inwoner:
    unknown = set(fields) - set(INWONER_FIELDS)
    if unknown:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    # Work on a fresh copy so a refused change leaves the caller's object untouched.
    candidate = Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    for name, value in fields.items():
        setattr(candidate, name, value)
    _clean_inwoner(candidate, vandaag=vandaag or timezone.localdate())
    candidate.save()
    verhoog(candidate)
    return candidate


@transaction.atomic
def huishouden_create(
    *,
    gemeente: Gemeente,
    naam: str = "",
    leden: Sequence[tuple[Inwoner, Relatie | str, dt.date]] = (),
) -> Huishouden:
    """A new household with its first members as (inwoner, relatie, lid_van). All or nothing."""
    huishouden = Huishouden(gemeente=gemeente, naam=naam)
    huishouden.full_clean()
    huishouden.save()
    for inwoner, relatie, lid_van in leden:
        huishouden_lid_add(huishouden=huishouden, inwoner=inwoner, relatie=relatie, lid_van=lid_van)
    return huishouden


@transaction.atomic
@schrijft("huishouden")
def huishouden_rename(*, huishouden: Huishouden, naam: str) -> Huishouden:
    huishouden.naam = naam
    huishouden.full_clean()
    huishouden.save(update_fields=["naam", "updated_at"])
    return huishouden


@transaction.atomic
@schrijft("huishouden", "inwoner")
def huishouden_lid_add(
    *, huishouden: Huishouden, inwoner: Inwoner, relatie: Relatie | str, lid_van: dt.date
) -> HuishoudenLid:
    """Add a member from `lid_van`. A resident belongs to one household at a time: a member
    of another household must leave it first (huishouden_lid_end)."""
    datums_check(datums.LEVENSLOOP, lid_van=lid_van)
    if inwoner.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"inwoner": "Deze inwoner woont in een andere gemeente."})
    other = (
        HuishoudenLid.objects.filter(inwoner=inwoner)
        .exclude(lid_tot__lte=lid_van)
        .select_related("huishouden")
        .first()
    )
    if other is not None:
        raise ValidationError(
            {
                "inwoner": (
                    f"{inwoner.naam} is op {lid_van:%d-%m-%Y} al lid van {other.huishouden}. "
                    "Beëindig eerst dat lidmaatschap."
                )
            }
        )
    lid = HuishoudenLid(huishouden=huishouden, inwoner=inwoner, relatie=relatie, lid_van=lid_van)
    lid.full_clean()
    lid.save()
    return lid


@transaction.atomic
@schrijft("lid", via=lambda lid: lid.huishouden)
def huishouden_lid_end(*, lid: HuishoudenLid, lid_tot: dt.date) -> HuishoudenLid:
    """End a membership; the row stays, so the household's history is kept."""
    datums_check(datums.LEVENSLOOP, lid_tot=lid_tot)
    lid.refresh_from_db(fields=["lid_tot"])  # read under the household's lock
    if lid.lid_tot is not None:
        raise Conflict({"lid_tot": "Dit lidmaatschap is al beëindigd."})
    if lid_tot < lid.lid_van:
        raise ValidationError(
            {"lid_tot": "De einddatum ligt voor de begindatum van het lidmaatschap."}
        )
    lid.lid_tot = lid_tot
    lid.full_clean()
    lid.save(update_fields=["lid_tot", "updated_at"])
    return lid


@transaction.atomic
@schrijft("inwoner", verhogen=False)
def netwerkpersoon_add(
    *,
    inwoner: Inwoner,
    soort: NetwerkSoort | str,
    naam: str,
    relatie: str = "",
    telefoon: str = "",
    email: str = "",
    als_inwoner: Inwoner | None = None,
    sinds: dt.date | None = None,
) -> Netwerkpersoon:
    if als_inwoner is not None and als_inwoner.pk == inwoner.pk:
        raise ValidationError({"als_inwoner": "Een inwoner kan niet in het eigen netwerk staan."})
    datums_check(datums.LEVENSLOOP, sinds=sinds)
    persoon = Netwerkpersoon(
        inwoner=inwoner,
        soort=soort,
        naam=naam,
        relatie=relatie,
        telefoon=telefoon,
        email=email,
        als_inwoner=als_inwoner,
        sinds=sinds,
    )
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def netwerkpersoon_end(*, persoon: Netwerkpersoon, tot: dt.date) -> Netwerkpersoon:
    """End a network person's role from `tot` (the last day it holds), e.g. a wettelijke
    vertegenwoordiging that a court ended; the record stays. Refused when it already ended or
    `tot` lies before its start."""
    persoon = Netwerkpersoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.tot is not None:
        raise ValidationError({"tot": "Dit is al beëindigd."})
    if persoon.sinds is not None and tot < persoon.sinds:
        raise ValidationError({"tot": "De einddatum ligt vóór het begin."})
    persoon.tot = tot
    persoon.save(update_fields=["tot", "updated_at"])
    return persoon
