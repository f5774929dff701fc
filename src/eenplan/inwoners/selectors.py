"""Reads of the inwoners app. Callers pass a queryset already narrowed to the login's scope
(`eenplan.privacy.selectors.inwoners_in_scope`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from eenplan.common.text import normalise, normalise_postcode
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon

_BSN = re.compile(r"^\d[\d .-]{7,11}$")
_DATE = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Dutch surname prefixes people type before the surname ("de Vries"); zoeknaam has none.
_VOORVOEGSELS = (
    "van der ",
    "van den ",
    "van de ",
    "van ",
    "de ",
    "den ",
    "der ",
    "ter ",
    "te ",
    "het ",
    "in 't ",
    "op de ",
)
_POSTCODE = re.compile(r"^(\d{4}\s?[a-zA-Z]{2})(?:\s+(\d+)\s*([a-zA-Z0-9-]*))?$")


@dataclass(frozen=True)
class Zoekvraag:
    """What a search box query was understood as; shown to the user ("gezocht op ...")."""

    soort: str  # "bsn", "geboortedatum", "adres", "naam", "leeg", "ongeldig"
    waarde: str
    uitleg: str


def zoekvraag_parse(q: str) -> Zoekvraag:
    q = (q or "").strip()
    if not q:
        return Zoekvraag("leeg", "", "")
    if m := _DATE.match(q):
        day, month, year = (int(x) for x in m.groups())
        try:
            return Zoekvraag(
                "geboortedatum", dt.date(year, month, day).isoformat(), "geboortedatum"
            )
        except ValueError:
            return Zoekvraag("ongeldig", q, "Dit is geen bestaande datum.")
    if m := _ISO_DATE.match(q):
        try:
            return Zoekvraag(
                "geboortedatum", dt.date(*(int(x) for x in m.groups())).isoformat(), "geboortedatum"
            )
        except ValueError:
            return Zoekvraag("ongeldig", q, "Dit is geen bestaande datum.")
    if _BSN.match(q) and len(re.sub(r"\D", "", q)) in (8, 9):
        return Zoekvraag("bsn", re.sub(r"\D", "", q).zfill(9), "BSN")
    if m := _POSTCODE.match(q):
        postcode = normalise_postcode(m.group(1))
        return Zoekvraag(
            "adres", f"{postcode} {m.group(2) or ''}".strip(), "postcode en huisnummer"
        )
    name = normalise(q)
    if len(name) < 2:
        return Zoekvraag("ongeldig", q, "Typ minstens twee letters van de naam.")
    return Zoekvraag("naam", name, "naam")


def inwoner_search(*, scope: QuerySet[Inwoner], q: str) -> tuple[Zoekvraag, QuerySet[Inwoner]]:
    """Search by name (prefix of 'achternaam voornamen' or 'voornamen achternaam'), BSN,
    birth date (dd-mm-jjjj) or postcode with optional house number. Every branch uses an index."""
    vraag = zoekvraag_parse(q)
    qs = scope.select_related("wijk")
    if vraag.soort == "bsn":
        qs = qs.filter(bsn=vraag.waarde)
    elif vraag.soort == "geboortedatum":
        qs = qs.filter(geboortedatum=vraag.waarde)
    elif vraag.soort == "adres":
        postcode, _, nummer = vraag.waarde.partition(" ")
        qs = qs.filter(postcode=postcode)
        if nummer:
            qs = qs.filter(huisnummer=int(nummer))
    elif vraag.soort == "naam":
        condition = Q(zoeknaam__prefix=vraag.waarde) | Q(zoeknaam_voornaam__prefix=vraag.waarde)
        for voorvoegsel in _VOORVOEGSELS:
            if vraag.waarde.startswith(voorvoegsel) and len(vraag.waarde) > len(voorvoegsel) + 1:
                condition |= Q(zoeknaam__prefix=vraag.waarde[len(voorvoegsel) :])
                break
        qs = qs.filter(condition)
    else:
        qs = qs.none()
    return vraag, qs.order_by("achternaam", "voornamen", "id")


def huishouden_current(*, inwoner: Inwoner, vandaag: dt.date) -> Huishouden | None:
    lid = (
        HuishoudenLid.objects.filter(inwoner=inwoner, lid_van__lte=vandaag)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("huishouden")
        .first()
    )
    return lid.huishouden if lid else None


def huishouden_leden(*, huishouden: Huishouden) -> QuerySet[HuishoudenLid]:
    """All memberships, past and present, with the resident: one query."""
    return huishouden.leden.select_related("inwoner").order_by("lid_tot", "lid_van", "id")


def inwoner_dossier(*, inwoner: Inwoner, vandaag: dt.date) -> dict[str, object]:
    """Everything the resident page shows: household (with history) and network."""
    huishouden = huishouden_current(inwoner=inwoner, vandaag=vandaag)
    leden = list(huishouden_leden(huishouden=huishouden)) if huishouden else []
    netwerk = list(
        Netwerkpersoon.objects.filter(inwoner=inwoner)
        .select_related("als_inwoner")
        .order_by("soort", "naam")
    )
    return {
        "huishouden": huishouden,
        "leden_nu": [lid for lid in leden if lid.actief_op(vandaag)],
        "leden_eerder": [lid for lid in leden if not lid.actief_op(vandaag)],
        "netwerk": netwerk,
    }


def huishoudens_with_members(scope: QuerySet[Huishouden]) -> QuerySet[Huishouden]:
    return scope.prefetch_related(
        Prefetch(
            "leden",
            queryset=HuishoudenLid.objects.select_related("inwoner").order_by("lid_van", "id"),
        )
    )


def huishoudens_in_scope(
    scope: QuerySet[Inwoner], *, vandaag: dt.date | None = None
) -> QuerySet[Huishouden]:
    """Households with at least one *current* member among the residents in `scope`: a member
    who moved out does not open the household (the same rule as privacy.access for one
    household, for reading and writing alike)."""
    vandaag = vandaag or timezone.localdate()
    return Huishouden.objects.filter(
        Exists(
            HuishoudenLid.objects.filter(
                Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag),
                huishouden=OuterRef("pk"),
                inwoner__in=scope.values("pk"),
            )
        )
    )
