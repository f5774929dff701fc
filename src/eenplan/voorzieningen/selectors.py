"""Reads of the voorzieningen app: the sociale kaart search and current tariffs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.rules.eigen_bijdrage import (
    ABONNEMENTSTARIEVEN,
    Abonnementstarief,
    Periode,
    regime_op,
)
from eenplan.voorzieningen.constants import CODELIJST_VERSIE, VoorzieningSoort
from eenplan.voorzieningen.models import (
    AbonnementstariefGegeven,
    CodelijstWaarde,
    Doelgroep,
    Synoniem,
    Tarief,
    Voorziening,
)


def wijken_prefetch(gemeente: Gemeente | int) -> Prefetch:
    """The wijken a voorziening serves, read within its municipality: the prefetch carries the
    municipality condition (issue 16: one shard on Citus), in one query as before."""
    return Prefetch("wijken", queryset=Wijk.objects.filter(gemeente=gemeente))


def sociale_kaart(
    *,
    gemeente: Gemeente,
    q: str = "",
    wijk_id: int | None = None,
    leefgebied_id: int | None = None,
    doelgroep_id: int | None = None,
) -> QuerySet[Voorziening]:
    """Algemene voorzieningen matching every word of `q` — in the name, description,
    organisation, target group, address, price or opening hours, or through one of the
    municipality's synonyms (`Synoniem`: "schulden" also finds "schuldhulp") — for a wijk (or
    town-wide ones), a life domain and a target group (`Doelgroep`; one for "iedereen" matches
    every group); wijken, domains and groups prefetched (bounded queries). The staff page, the
    public page (/sociale-kaart/), its open-data export, the portal and the APIs all read here."""
    qs = Voorziening.objects.filter(gemeente=gemeente, soort=VoorzieningSoort.ALGEMEEN, actief=True)
    woorden = normalise(q).split()
    groepen = synoniem_groepen(gemeente=gemeente) if woorden else []
    for woord in woorden:
        varianten = {woord}
        for groep in groepen:
            if woord in groep:
                varianten |= groep
        match = Q()
        for variant in sorted(varianten):
            match |= Q(zoektekst__contains=variant)
        qs = qs.filter(match)
    if wijk_id:
        qs = qs.filter(Q(wijken__id=wijk_id) | Q(wijken__isnull=True))
    if leefgebied_id:
        qs = qs.filter(leefgebieden__id=leefgebied_id)
    if doelgroep_id:
        qs = qs.filter(Q(doelgroepen__id=doelgroep_id) | Q(doelgroepen__code=IEDEREEN))
    return (
        qs.distinct()
        .prefetch_related(wijken_prefetch(gemeente), "leefgebieden", "doelgroepen")
        .order_by("naam")
    )


IEDEREEN = "iedereen"


def doelgroepen_list() -> QuerySet[Doelgroep]:
    """The national list of target groups of the sociale kaart, in its order."""
    return Doelgroep.objects.order_by("volgorde")


def synoniem_groepen(*, gemeente: Gemeente) -> list[set[str]]:
    """The municipality's synonym groups as sets of normalised words (one query)."""
    return [
        {normalise(w) for w in rij.split(",") if normalise(w)}
        for rij in Synoniem.objects.filter(gemeente=gemeente).values_list("woorden", flat=True)
    ]


def synoniemen_list(*, gemeente: Gemeente | int | None) -> QuerySet[Synoniem]:
    return Synoniem.objects.filter(gemeente=gemeente).order_by("woorden")


def catalogus_beheer(*, gemeente: Gemeente | int | None, q: str = "") -> QuerySet[Voorziening]:
    """Every voorziening of the municipality, also the inactive ones (for functioneel beheer)."""
    qs = Voorziening.objects.filter(gemeente=gemeente)
    for woord in normalise(q).split():
        qs = qs.filter(zoektekst__contains=woord)
    return qs.prefetch_related("wijken", "leefgebieden").order_by("-actief", "soort", "naam")


@dataclass(frozen=True)
class TariefPeriode:
    """A tariff with the period it holds: from its start to the day before the next tariff of
    the same leveringsvorm (open-ended for the last one). Tariffs in kind per provider are in
    the contracts (`aanbieders.selectors`)."""

    tarief: Tarief
    tot: dt.date | None
    stand: str  # "geldend", "vervallen", "toekomst"


def tarief_perioden(voorziening: Voorziening, *, op: dt.date) -> list[TariefPeriode]:
    rijen = list(
        Tarief.objects.filter(voorziening=voorziening).order_by(
            "leveringsvorm", "geldig_vanaf", "id"
        )
    )
    result: list[TariefPeriode] = []
    for i, tarief in enumerate(rijen):
        volgende = rijen[i + 1] if i + 1 < len(rijen) else None
        zelfde = volgende is not None and volgende.leveringsvorm == tarief.leveringsvorm
        tot = volgende.geldig_vanaf - dt.timedelta(days=1) if zelfde and volgende else None
        if tarief.geldig_vanaf > op:
            stand = "toekomst"
        elif tot is not None and tot < op:
            stand = "vervallen"
        else:
            stand = "geldend"
        result.append(TariefPeriode(tarief=tarief, tot=tot, stand=stand))
    return result


def catalogus(
    *, gemeente: Gemeente, soort: str | None = None, wet: str | None = None
) -> QuerySet[Voorziening]:
    qs = Voorziening.objects.filter(gemeente=gemeente, actief=True)
    if soort:
        qs = qs.filter(soort=soort)
    if wet:
        qs = qs.filter(wet=wet)
    return qs.prefetch_related(wijken_prefetch(gemeente)).order_by("soort", "naam")


def tarief_op(voorziening: Voorziening, leveringsvorm: str, op: dt.date) -> Decimal | None:
    """The catalogue tariff (PGB) in force on `op`: the latest geldig_vanaf not after `op`.
    Tariffs in kind are per provider in the contracts (`aanbieders.selectors.contract_tarief`)."""
    tarief = (
        Tarief.objects.filter(
            voorziening=voorziening, leveringsvorm=leveringsvorm, geldig_vanaf__lte=op
        )
        .order_by("-geldig_vanaf", "-id")
        .first()
    )
    return tarief.bedrag if tarief else None


def abonnementstarieven(
    rijen: Iterable[AbonnementstariefGegeven] | None = None,
) -> tuple[Abonnementstarief, ...]:
    """The built-in years (rules.eigen_bijdrage) plus those the municipality entered as data;
    an entered year replaces a built-in one with the same start. `rijen`: the entered years as
    already read (every `AbonnementstariefGegeven`), else one query."""
    tabel = {t.geldig_vanaf: t for t in ABONNEMENTSTARIEVEN}
    for rij in AbonnementstariefGegeven.objects.all() if rijen is None else rijen:
        tabel[rij.geldig_vanaf] = Abonnementstarief(
            rij.geldig_vanaf, rij.bedrag, Periode(rij.periode), rij.bron
        )
    return tuple(sorted(tabel.values(), key=lambda t: t.geldig_vanaf))


def abonnementstarief_ontbreekt(*, vandaag: dt.date) -> list[int]:
    """The years (this one and the next) whose abonnementstarief is needed but not known: the
    regime of that year has an abonnementstarief (not one the CAK sets) and no record exists,
    built-in or entered. Functioneel beheer is told; decisions show the year as missing."""
    bekend = {t.jaar for t in abonnementstarieven()}
    ontbreekt = []
    for jaar in (vandaag.year, vandaag.year + 1):
        regime = regime_op(dt.date(jaar, 1, 1))
        if regime is not None and not regime.cak_berekent and jaar not in bekend:
            ontbreekt.append(jaar)
    return ontbreekt


# --- code lists and current tariffs (the catalogue pages and the decision form) -------------


def codelijst_waarden(codelijst: str) -> list[CodelijstWaarde]:
    """The values of one iWmo/iJw code list of the release in use (3.2)."""
    return list(CodelijstWaarde.objects.filter(codelijst=codelijst, versie=CODELIJST_VERSIE))


# The code lists of a decided provision's unit and frequency (iWmo/iJw).
EENHEID_CODELIJST = "WJ756"
FREQUENTIE_CODELIJST = "WMO757"


def omvang_omschrijvingen() -> dict[str, Subquery]:
    """The descriptions of a decided provision's unit and frequency code (`eenheid`,
    `frequentie`) in its code list, as expressions on the provision's row (to read them with
    it; NULL for a code not in the list): what `codelijst_omschrijvingen` gives for them."""
    return {
        f"{veld}_omschrijving": Subquery(
            CodelijstWaarde.objects.filter(
                codelijst=codelijst, versie=CODELIJST_VERSIE, code=OuterRef(veld)
            ).values("omschrijving")[:1]
        )
        for veld, codelijst in (
            ("eenheid", EENHEID_CODELIJST),
            ("frequentie", FREQUENTIE_CODELIJST),
        )
    }


def codelijst_omschrijvingen() -> dict[tuple[str, str], str]:
    """(codelijst, code) → omschrijving for every list of the release in use; one query."""
    return {
        (w.codelijst, w.code): w.omschrijving
        for w in CodelijstWaarde.objects.filter(versie=CODELIJST_VERSIE)
    }


def huidige_tarieven_prefetch(op: dt.date) -> Prefetch:
    """Each provision's tariffs valid on `op` (newest first per leveringsvorm and provider),
    prefetched into `tarieven_tot_nu`; read them with `huidige_tarieven`."""
    return Prefetch(
        "tarieven",
        queryset=Tarief.objects.filter(geldig_vanaf__lte=op).order_by(
            "leveringsvorm", "-geldig_vanaf", "-id"
        ),
        to_attr="tarieven_tot_nu",
    )


def huidige_tarieven(voorziening: Voorziening) -> list[Tarief]:
    """The tariff in force per leveringsvorm, from the prefetched tariffs (the latest
    geldig_vanaf not after the day asked for)."""
    gezien: set[str] = set()
    result = []
    for tarief in getattr(voorziening, "tarieven_tot_nu", []):
        sleutel = tarief.leveringsvorm
        if sleutel not in gezien:
            gezien.add(sleutel)
            result.append(tarief)
    return result


def catalogus_met_tarieven(
    *, gemeente: Gemeente, op: dt.date, soort: str | None = None, wet: str | None = None
) -> list[Voorziening]:
    """The catalogue (`catalogus`) with each provision's current tariffs
    in `huidige`; three queries however long the catalogue is."""
    result = list(
        catalogus(gemeente=gemeente, soort=soort, wet=wet).prefetch_related(
            huidige_tarieven_prefetch(op)
        )
    )
    for voorziening in result:
        voorziening.huidige = huidige_tarieven(voorziening)  # type: ignore[attr-defined]
    return result


# Words in a free-text target group that name a group of the national list: a catalogue that
# only has the free text (an import, the demo) gets its groups from it.
DOELGROEP_WOORDEN = {
    "iedereen": "iedereen",
    "jongeren": "kinderen-jongeren",
    "kinderen": "kinderen-jongeren",
    "jeugd": "kinderen-jongeren",
    "ouders": "ouders-gezinnen",
    "gezin": "ouders-gezinnen",
    "ouderen": "ouderen",
    "senioren": "ouderen",
    "mantelzorg": "mantelzorgers",
    "beperking": "beperking",
    "slecht ter been": "beperking",
    "geheugen": "beperking",
    "psychisch": "psychisch",
    "schulden": "geldzorgen",
    "geldzorgen": "geldzorgen",
    "statushouder": "nieuwkomers",
    "nieuwkomer": "nieuwkomers",
}


def doelgroepen_uit_tekst(tekst: str) -> list[Doelgroep]:
    """The target groups a free text names ("Ouderen en mantelzorgers" → ouderen,
    mantelzorgers), in the list's order (one query)."""
    laag = tekst.lower()
    codes = {code for woord, code in DOELGROEP_WOORDEN.items() if woord in laag}
    return list(Doelgroep.objects.filter(code__in=codes).order_by("volgorde")) if codes else []
