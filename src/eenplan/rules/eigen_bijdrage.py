"""Eigen bijdrage (Wmo 2015) and ouderbijdrage (Jeugdwet), pure and in Decimal.

The contribution is a dated regime, chosen by the date it is asked for (data in
``rules/data/eigen_bijdrage.json``, each record with its source):

- 2015-2018: income- and wealth-dependent, set and collected by the CAK (Wmo 2015 art. 2.1.4
  lid 1 and 6, text of 2015; Uitvoeringsbesluit Wmo 2015 chapter 3). We compute no amount.
- From 2019: the abonnementstarief, one amount per household however many provisions. 2019 per
  four weeks (Uitvoeringsbesluit Wmo 2015 art. 3.8); from 2020 per month in the law itself:
  Wmo 2015 art. 2.1.4 lid 3 (algemene voorzieningen with a lasting care relationship) and
  art. 2.1.4a lid 4 (maatwerk and pgb), inserted by Stb. 2019, 185, indexed yearly (art. 2.1.4b
  lid 4; 2026: Stcrt. 2025, 35082).
- Announced for 1 January 2027: an income- and wealth-dependent contribution again (bill
  Kamerstukken II 36713). In the data without a start date until it is law; once it has one,
  the CAK computes the amount and we say so.

A year without its own tariff record never reuses an earlier year: the outcome says which year
is missing (``Status.GEGEVENS_ONTBREKEN``). The cost-price cap covers the total charged over
the life of the provisions (``kostprijsplafond``). Exemptions: national ones from the
Uitvoeringsbesluit Wmo 2015 art. 3.8 (wheelchair, minors, a Wlz contribution, a partner below
the AOW age), municipal ones as data (``GemeentelijkeRegels``). Beschermd wonen and opvang keep
their own income-dependent contribution, set by the CAK (Uitvoeringsbesluit Wmo 2015 art. 3.9
ff. and 3.20): we compute no amount for them.

The AOW age follows the Algemene Ouderdomswet art. 7a per calendar year, from the first AOW
year on, so every birth date the product meets has an answer (``aow_datum``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources

CENT = Decimal("0.01")
NUL = Decimal("0.00")
CAK_STELT_VAST = "Het bedrag wordt door het CAK vastgesteld."


class Periode(enum.StrEnum):
    VIER_WEKEN = "4 weken"
    MAAND = "maand"


# --------------------------------------------------------------------------------------------
# The data file
# --------------------------------------------------------------------------------------------


def _tekst(rij: Mapping[str, object], sleutel: str) -> str:
    waarde = rij.get(sleutel)
    if not isinstance(waarde, str):
        raise ValueError(f"eigen_bijdrage.json: '{sleutel}' ontbreekt of is geen tekst.")
    return waarde


def _getal(rij: Mapping[str, object], sleutel: str) -> int:
    waarde = rij.get(sleutel)
    if not isinstance(waarde, int):
        raise ValueError(f"eigen_bijdrage.json: '{sleutel}' ontbreekt of is geen getal.")
    return waarde


def _datum(rij: Mapping[str, object], sleutel: str) -> dt.date | None:
    waarde = rij.get(sleutel)
    if waarde is None:
        return None
    if not isinstance(waarde, str):
        raise ValueError(f"eigen_bijdrage.json: '{sleutel}' is geen datum.")
    return dt.date.fromisoformat(waarde)


def _rijen(data: Mapping[str, object], sleutel: str) -> list[Mapping[str, object]]:
    waarde = data.get(sleutel)
    if not isinstance(waarde, list) or not all(isinstance(r, dict) for r in waarde):
        raise ValueError(f"eigen_bijdrage.json: '{sleutel}' is geen lijst van records.")
    return [r for r in waarde if isinstance(r, dict)]


@cache
def _data() -> Mapping[str, object]:
    tekst = resources.files("eenplan.rules.data").joinpath("eigen_bijdrage.json").read_text("utf-8")
    data = json.loads(tekst)
    if not isinstance(data, dict):
        raise ValueError("eigen_bijdrage.json: verwacht een object.")
    return data


# --------------------------------------------------------------------------------------------
# Regimes
# --------------------------------------------------------------------------------------------


class RegimeCode(enum.StrEnum):
    INKOMENSAFHANKELIJK = "inkomensafhankelijk"
    ABONNEMENTSTARIEF = "abonnementstarief"
    INKOMENS_EN_VERMOGENSAFHANKELIJK_2027 = "inkomens_en_vermogensafhankelijk_2027"


@dataclass(frozen=True)
class Regime:
    """How the contribution works in a period (see the module docstring for the sources).

    ``geldig_vanaf`` None: announced (``aangekondigd_per``) but not in force, so never chosen.
    """

    code: RegimeCode
    naam: str
    geldig_vanaf: dt.date | None
    geldig_tot_en_met: dt.date | None
    aangekondigd_per: dt.date | None
    bron: str

    @property
    def cak_berekent(self) -> bool:
        """True when the CAK sets the amount from income and wealth (no amount computed here)."""
        return self.code != RegimeCode.ABONNEMENTSTARIEF

    def geldt_op(self, op: dt.date) -> bool:
        if self.geldig_vanaf is None or op < self.geldig_vanaf:
            return False
        return self.geldig_tot_en_met is None or op <= self.geldig_tot_en_met


def _regimes() -> tuple[Regime, ...]:
    return tuple(
        Regime(
            code=RegimeCode(_tekst(r, "code")),
            naam=_tekst(r, "naam"),
            geldig_vanaf=_datum(r, "geldig_vanaf"),
            geldig_tot_en_met=_datum(r, "geldig_tot_en_met"),
            aangekondigd_per=_datum(r, "aangekondigd_per"),
            bron=_tekst(r, "bron"),
        )
        for r in _rijen(_data(), "regimes")
    )


REGIMES: tuple[Regime, ...] = _regimes()


def regime_op(op: dt.date, regimes: Sequence[Regime] = REGIMES) -> Regime | None:
    """The regime in force on ``op``: of those whose period holds ``op``, the one that started
    last (so a new regime switches on by its date in the data). None before the Wmo 2015
    (1 January 2015) or when no regime is in force."""
    geldig = [r for r in regimes if r.geldt_op(op)]
    if not geldig:
        return None
    return max(geldig, key=lambda r: r.geldig_vanaf or dt.date.min)


# --------------------------------------------------------------------------------------------
# Tariffs per year
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Abonnementstarief:
    """The abonnementstarief for the calendar year of ``geldig_vanaf`` (Wmo 2015 art. 2.1.4
    lid 3 and 2.1.4a lid 4; 2019: Uitvoeringsbesluit Wmo 2015 art. 3.8). A record covers that
    one year from ``geldig_vanaf``: a later year needs its own record."""

    geldig_vanaf: dt.date
    bedrag: Decimal
    periode: Periode
    bron: str

    @property
    def jaar(self) -> int:
        return self.geldig_vanaf.year


def _tarieven() -> tuple[Abonnementstarief, ...]:
    return tuple(
        Abonnementstarief(
            dt.date(_getal(r, "jaar"), 1, 1),
            Decimal(_tekst(r, "bedrag")),
            Periode(_tekst(r, "periode")),
            _tekst(r, "bron"),
        )
        for r in _rijen(_data(), "abonnementstarieven")
    )


ABONNEMENTSTARIEVEN: tuple[Abonnementstarief, ...] = _tarieven()


class TariefOntbreekt(ValueError):
    """No abonnementstarief is known for the year: it must be entered as data (never guessed
    from an earlier year)."""

    def __init__(self, jaar: int) -> None:
        self.jaar = jaar
        super().__init__(
            f"Geen abonnementstarief bekend voor {jaar}; voer het tarief van {jaar} in als "
            "gegeven (functioneel beheer)."
        )


def abonnementstarief(
    op: dt.date, tarieven: Sequence[Abonnementstarief] = ABONNEMENTSTARIEVEN
) -> Abonnementstarief:
    """The abonnementstarief in force on ``op`` (Wmo 2015 art. 2.1.4 lid 3 and 2.1.4a lid 4):
    the record of ``op``'s calendar year that started on or before ``op``. Raises
    ``TariefOntbreekt`` (a ValueError) when that year has no record, also after the last
    known year: an earlier year's amount is never reused."""
    candidates = [t for t in tarieven if t.jaar == op.year and t.geldig_vanaf <= op]
    if not candidates:
        raise TariefOntbreekt(op.year)
    return max(candidates, key=lambda t: t.geldig_vanaf)


def per_maand(tarief: Abonnementstarief) -> Decimal:
    """A 4-weekly amount as a monthly amount (13 periods a year / 12 months)."""
    if tarief.periode == Periode.MAAND:
        return tarief.bedrag
    return (tarief.bedrag * 13 / 12).quantize(CENT, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------------------------
# AOW age: Algemene Ouderdomswet art. 7a
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AowLeeftijd:
    """The AOW age for the calendar years from ``geldig_vanaf`` up to the next row."""

    geldig_vanaf: dt.date
    jaren: int
    maanden: int
    bron: str


def _aow() -> tuple[tuple[AowLeeftijd, ...], int]:
    blok = _data().get("aow_leeftijden")
    if not isinstance(blok, dict):
        raise ValueError("eigen_bijdrage.json: 'aow_leeftijden' ontbreekt.")
    rijen = tuple(
        AowLeeftijd(
            dt.date(_getal(r, "vanaf_jaar"), 1, 1),
            _getal(r, "jaren"),
            _getal(r, "maanden"),
            _tekst(r, "bron"),
        )
        for r in _rijen(blok, "rijen")
    )
    return rijen, _getal(blok, "bekend_tot_en_met_jaar")


AOW_LEEFTIJDEN, AOW_BEKEND_TOT_EN_MET = _aow()


@dataclass(frozen=True)
class Persoon:
    geboortedatum: dt.date


def _plus(geboren: dt.date, jaren: int, maanden: int) -> dt.date:
    maand = geboren.month - 1 + maanden
    jaar = geboren.year + jaren + maand // 12
    maand = maand % 12 + 1
    laatste = (dt.date(jaar + (maand == 12), maand % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(jaar, maand, min(geboren.day, laatste))


def aow_datum(
    persoon: Persoon,
    tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN,
    *,
    bekend_tot_en_met: int = AOW_BEKEND_TOT_EN_MET,
) -> dt.date | None:
    """The day the person reaches the AOW age (Algemene Ouderdomswet art. 7a): the first day
    on which their age is at least the age for that day's calendar year. None when that day
    lies after ``bekend_tot_en_met`` (the last year for which the age has been set).

    The first row covers every year before the next one, so a person born before 1948 (65 in
    the years before 2013) has an answer too."""
    ordered = sorted(tabel, key=lambda r: r.geldig_vanaf)
    for index, regel in enumerate(ordered):
        datum = _plus(persoon.geboortedatum, regel.jaren, regel.maanden)
        volgende = ordered[index + 1].geldig_vanaf if index + 1 < len(ordered) else None
        if (index == 0 or datum >= regel.geldig_vanaf) and (volgende is None or datum < volgende):
            return datum if datum.year <= bekend_tot_en_met else None
    # A date before a row's start with no earlier row accepting it cannot happen: the ages
    # never go down, so an earlier row would have taken it. Only an empty table ends here.
    return None


def aow_bereikt(
    persoon: Persoon,
    op: dt.date,
    tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN,
    *,
    bekend_tot_en_met: int = AOW_BEKEND_TOT_EN_MET,
) -> bool | None:
    """Whether the person has reached the AOW age on ``op`` (Algemene Ouderdomswet art. 7a).

    None only when it cannot be known yet: ``op`` lies after the last year whose AOW age has
    been set, and the person is at least the last known age on ``op``. Below the last known
    age the answer is False in any year, as the age never goes down (art. 7a lid 2)."""
    datum = aow_datum(persoon, tabel, bekend_tot_en_met=bekend_tot_en_met)
    if datum is not None:
        return op >= datum
    laatste = max(tabel, key=lambda r: r.geldig_vanaf)
    if op < _plus(persoon.geboortedatum, laatste.jaren, laatste.maanden):
        return False
    if op.year <= bekend_tot_en_met:
        return False
    return None


# --------------------------------------------------------------------------------------------
# Provisions, exemptions, the cost-price cap
# --------------------------------------------------------------------------------------------


class Soort(enum.StrEnum):
    """How a provision's contribution works."""

    ABONNEMENT = "abonnement"  # maatwerk (ZIN/pgb), algemene voorziening with a contribution
    BESCHERMD_WONEN = "beschermd_wonen"  # income-dependent, set by the CAK
    OPVANG = "opvang"  # income-dependent, set by the CAK (Uitvoeringsbesluit art. 3.20)
    GEEN = "geen"  # exempt by the municipality's choice (verordening)


class Categorie(enum.StrEnum):
    """Kinds of provision an exemption can name (national or in the verordening)."""

    OVERIG = ""
    ROLSTOEL = "rolstoel"
    COLLECTIEF_VERVOER = "collectief_vervoer"
    WONINGAANPASSING = "woningaanpassing"
    HULPMIDDEL = "hulpmiddel"


@dataclass(frozen=True)
class Levering:
    """One provision the household receives.

    ``kostprijs_per_maand`` for a provision that runs per month; ``kostprijs_eenmalig`` for a
    one-off provision (a home adaptation, an aid given in ownership). ``voor`` is the client it
    is for (a client under 18 pays nothing for it)."""

    omschrijving: str
    soort: Soort
    kostprijs_per_maand: Decimal
    kostprijs_eenmalig: Decimal = NUL
    categorie: Categorie = Categorie.OVERIG
    voor: Persoon | None = None


@dataclass(frozen=True)
class GemeentelijkeRegels:
    """The municipality's choices in its verordening (Wmo 2015 art. 2.1.4a for maatwerk and pgb,
    art. 2.1.4 for algemene voorzieningen; leden of the current text not verified. Text of 2015:
    art. 2.1.4 lid 2, "de hoogte van de bijdrage voor de verschillende soorten van voorzieningen
    verschillend ... korting ... voor personen, behorende tot daarbij omschreven groepen"):
    categories it exempts (for example collectief vervoer), a lower amount, and a minimabeleid:
    no contribution when the household's income is at most ``minimabeleid_percentage`` percent
    of the social minimum."""

    vrijgestelde_categorieen: frozenset[Categorie] = frozenset()
    lager_bedrag: Decimal | None = None
    minimabeleid_percentage: Decimal | None = None
    bron: str = "Verordening maatschappelijke ondersteuning van de gemeente"


class Status(enum.StrEnum):
    BEDRAG = "bedrag"  # an amount computed here (abonnementstarief)
    GEEN_BIJDRAGE = "geen_bijdrage"  # exempt, or nothing that carries a contribution
    CAK_STELT_VAST = "cak_stelt_vast"  # income-dependent: the CAK sets the amount
    GEGEVENS_ONTBREKEN = "gegevens_ontbreken"  # e.g. the year's tariff is missing


@dataclass(frozen=True)
class Uitkomst:
    """The household's contribution on a date.

    ``bedrag_per_maand`` is None when we compute no amount (the CAK sets it, or data is
    missing: ``ontbreekt`` says what, ``ontbrekend_jaar`` which tariff year)."""

    bedrag_per_maand: Decimal | None
    toelichting: tuple[str, ...]
    via_cak: bool
    tarief: Abonnementstarief | None
    status: Status = Status.BEDRAG
    regime: Regime | None = None
    ontbreekt: str = ""
    ontbrekend_jaar: int | None = None
    cak_stelt_vast: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Plafond:
    """What may still be charged under the cost-price cap (Wmo 2015 art. 2.1.4a)."""

    resterend: Decimal
    perioden: int | None  # periods of the given amount until the cap is reached; None: never
    laatste_bedrag: Decimal | None  # the (lower) amount of the last period, when capped


def kostprijsplafond(
    *, kostprijs: Decimal, al_in_rekening: Decimal, bedrag_per_periode: Decimal
) -> Plafond:
    """The cost-price cap over the life of a provision: the total of all contributions never
    exceeds its cost price (Wmo 2015 art. 2.1.4 for algemene voorzieningen, art. 2.1.4a
    for maatwerk and pgb; text of 2015: art. 2.1.4 lid 3 "Het totaal van de bijdragen ... gaat
    de kostprijs niet te boven").

    ``kostprijs`` is the cost price so far (a one-off price, or the per-period prices of the
    periods delivered up to now), ``al_in_rekening`` what was charged already. Returns what
    may still be charged and after how many periods of ``bedrag_per_periode`` the cap is
    reached (the last one lower); ``perioden`` None when ``bedrag_per_periode`` is zero.
    """
    if kostprijs < 0 or al_in_rekening < 0 or bedrag_per_periode < 0:
        raise ValueError("Kostprijs, al in rekening gebracht en bedrag kunnen niet negatief zijn.")
    resterend = max(NUL, kostprijs - al_in_rekening).quantize(CENT, rounding=ROUND_HALF_UP)
    if bedrag_per_periode == 0:
        return Plafond(resterend, None, None)
    perioden = int((resterend / bedrag_per_periode).to_integral_value(rounding=ROUND_CEILING))
    laatste = resterend - bedrag_per_periode * (perioden - 1) if perioden else None
    if laatste is not None:
        laatste = laatste.quantize(CENT, rounding=ROUND_HALF_UP)
    return Plafond(resterend, perioden, laatste)


def _landelijke_bron(code: str) -> str:
    for r in _rijen(_data(), "landelijke_vrijstellingen"):
        if r.get("code") == code:
            return _tekst(r, "bron")
    return "Uitvoeringsbesluit Wmo 2015 art. 3.8"


def _minderjarig(persoon: Persoon | None, op: dt.date) -> bool:
    return persoon is not None and op < _plus(persoon.geboortedatum, 18, 0)


def _geld(bedrag: Decimal) -> str:
    return f"€ {bedrag:.2f}".replace(".", ",")


# --------------------------------------------------------------------------------------------
# The contribution
# --------------------------------------------------------------------------------------------


def eigen_bijdrage(
    leveringen: Iterable[Levering],
    *,
    clienten: Sequence[Persoon],
    gehuwd_of_partner: bool,
    op: dt.date,
    partner: Persoon | None = None,
    wlz_bijdrage: bool = False,
    gemeente: GemeentelijkeRegels | None = None,
    inkomen_procent_sociaal_minimum: Decimal | None = None,
    kostprijs_eerder: Decimal = NUL,
    al_in_rekening: Decimal = NUL,
    tarieven: Sequence[Abonnementstarief] = ABONNEMENTSTARIEVEN,
    aow_tabel: Sequence[AowLeeftijd] = AOW_LEEFTIJDEN,
    regimes: Sequence[Regime] = REGIMES,
) -> Uitkomst:
    """The household's Wmo contribution per month on ``op``, under the regime of that date.

    - Beschermd wonen and opvang: an income-dependent contribution the CAK sets
      (Uitvoeringsbesluit Wmo 2015 art. 3.9 ff. and 3.20); listed in ``cak_stelt_vast``.
    - Regime before 2019, or the announced one once it has a start date: the CAK sets the
      amount from income and wealth (``Status.CAK_STELT_VAST``).
    - Abonnementstarief (Wmo 2015 art. 2.1.4 lid 3, 2.1.4a lid 4): one amount per household,
      however many provisions. Not for a wheelchair or a provision for a client under 18, and
      nothing at all when the household pays a Wlz contribution or when the client is married
      or has a partner and at least one of them is below the AOW age (Uitvoeringsbesluit Wmo
      2015 art. 3.8; the persons are ``clienten`` and ``partner``). The municipality may exempt
      categories, set a lower amount, or exempt incomes up to a percentage of the social
      minimum (Wmo 2015 art. 2.1.4a; 2015: art. 2.1.4 lid 2). Never more than the cost price
      over the provisions' life: ``kostprijs_eerder`` (their cost price in earlier months) plus this
      month's and one-off prices, minus ``al_in_rekening`` (see ``kostprijsplafond``).
    - The year's tariff missing: ``Status.GEGEVENS_ONTBREKEN`` with ``ontbrekend_jaar``; an
      earlier year is never reused.
    """
    leveringen = list(leveringen)
    gemeente = gemeente or GemeentelijkeRegels()
    toelichting: list[str] = []
    cak: list[str] = []
    abonnement: list[Levering] = []
    for lev in leveringen:
        if lev.soort == Soort.BESCHERMD_WONEN:
            cak.append(lev.omschrijving)
            toelichting.append(
                f"{lev.omschrijving}: inkomensafhankelijke bijdrage voor beschermd wonen; "
                f"{CAK_STELT_VAST[0].lower()}{CAK_STELT_VAST[1:]}"
            )
        elif lev.soort == Soort.OPVANG:
            cak.append(lev.omschrijving)
            toelichting.append(
                f"{lev.omschrijving}: inkomensafhankelijke bijdrage voor opvang "
                "(Uitvoeringsbesluit Wmo 2015 art. 3.20); "
                f"{CAK_STELT_VAST[0].lower()}{CAK_STELT_VAST[1:]}"
            )
        elif lev.soort == Soort.GEEN:
            toelichting.append(f"{lev.omschrijving}: geen eigen bijdrage (keuze van de gemeente).")
        elif lev.categorie == Categorie.ROLSTOEL:
            toelichting.append(
                f"{lev.omschrijving}: geen eigen bijdrage voor een rolstoel "
                f"({_landelijke_bron('rolstoel')})."
            )
        elif _minderjarig(lev.voor, op):
            toelichting.append(
                f"{lev.omschrijving}: geen eigen bijdrage voor een cliënt jonger dan 18 jaar "
                f"({_landelijke_bron('minderjarige')})."
            )
        elif lev.categorie in gemeente.vrijgestelde_categorieen:
            toelichting.append(
                f"{lev.omschrijving}: geen eigen bijdrage, vrijgesteld door de gemeente "
                f"({gemeente.bron})."
            )
        else:
            abonnement.append(lev)

    def uitkomst(
        bedrag: Decimal | None,
        status: Status,
        *,
        via_cak: bool,
        tarief: Abonnementstarief | None = None,
        regime: Regime | None = None,
        ontbreekt: str = "",
        jaar: int | None = None,
    ) -> Uitkomst:
        return Uitkomst(
            bedrag,
            tuple(toelichting),
            via_cak=via_cak,
            tarief=tarief,
            status=status,
            regime=regime,
            ontbreekt=ontbreekt,
            ontbrekend_jaar=jaar,
            cak_stelt_vast=tuple(cak),
        )

    if not abonnement:
        return uitkomst(NUL, Status.GEEN_BIJDRAGE, via_cak=bool(cak))
    regime = regime_op(op, regimes)
    if regime is None:
        toelichting.append(f"Geen bijdrageregeling bekend voor {op:%d-%m-%Y}.")
        return uitkomst(
            None,
            Status.GEGEVENS_ONTBREKEN,
            via_cak=False,
            ontbreekt=f"bijdrageregeling voor {op:%d-%m-%Y}",
        )
    if regime.cak_berekent:
        toelichting.append(f"{regime.naam}: {CAK_STELT_VAST} ({regime.bron})")
        return uitkomst(None, Status.CAK_STELT_VAST, via_cak=True, regime=regime)

    if wlz_bijdrage:
        toelichting.append(
            "Geen eigen bijdrage: het huishouden betaalt al een eigen bijdrage voor de Wlz "
            f"({_landelijke_bron('wlz_bijdrage')})."
        )
        return uitkomst(NUL, Status.GEEN_BIJDRAGE, via_cak=False, regime=regime)
    if gehuwd_of_partner:
        personen = [*clienten, *([partner] if partner is not None else [])]
        bereikt = [aow_bereikt(p, op, aow_tabel) for p in personen]
        if any(b is False for b in bereikt):
            toelichting.append(
                "Geen eigen bijdrage: gehuwd of samenwonend en ten minste één van beiden "
                "heeft de AOW-leeftijd nog niet bereikt (partnervrijstelling; "
                f"{_landelijke_bron('partner_onder_aow')})."
            )
            return uitkomst(NUL, Status.GEEN_BIJDRAGE, via_cak=False, regime=regime)
        if any(b is None for b in bereikt):
            toelichting.append(
                f"De AOW-leeftijd voor {op.year} is nog niet vastgesteld (Algemene "
                "Ouderdomswet art. 7a lid 2); of de partnervrijstelling geldt is onbekend."
            )
            return uitkomst(
                None,
                Status.GEGEVENS_ONTBREKEN,
                via_cak=False,
                regime=regime,
                ontbreekt=f"AOW-leeftijd voor {op.year}",
            )
    if (
        gemeente.minimabeleid_percentage is not None
        and inkomen_procent_sociaal_minimum is not None
        and inkomen_procent_sociaal_minimum <= gemeente.minimabeleid_percentage
    ):
        toelichting.append(
            "Geen eigen bijdrage: het inkomen is niet hoger dan "
            f"{gemeente.minimabeleid_percentage}% van het sociaal minimum (minimabeleid; "
            f"{gemeente.bron}; Wmo 2015 art. 2.1.4a)."
        )
        return uitkomst(NUL, Status.GEEN_BIJDRAGE, via_cak=False, regime=regime)
    if gemeente.minimabeleid_percentage is not None and inkomen_procent_sociaal_minimum is None:
        toelichting.append(
            "Minimabeleid van de gemeente: geen eigen bijdrage bij een inkomen tot "
            f"{gemeente.minimabeleid_percentage}% van het sociaal minimum ({gemeente.bron}). "
            "Het inkomen van dit huishouden is hier niet bekend; valt het daaronder, dan "
            "vervalt de bijdrage."
        )

    try:
        tarief = abonnementstarief(op, tarieven)
    except TariefOntbreekt as fout:
        toelichting.append(
            f"Het abonnementstarief voor {fout.jaar} ontbreekt: het bedrag kan niet worden "
            "berekend tot functioneel beheer het tarief van dat jaar heeft ingevoerd."
        )
        return uitkomst(
            None,
            Status.GEGEVENS_ONTBREKEN,
            via_cak=True,
            regime=regime,
            ontbreekt=f"abonnementstarief {fout.jaar}",
            jaar=fout.jaar,
        )
    maandtarief = per_maand(tarief)
    if gemeente.lager_bedrag is not None and gemeente.lager_bedrag < maandtarief:
        maandtarief = gemeente.lager_bedrag
        toelichting.append(
            f"Lager bedrag van de gemeente: {_geld(maandtarief)} per maand ({gemeente.bron})."
        )
    kostprijs = kostprijs_eerder + sum(
        (lev.kostprijs_per_maand + lev.kostprijs_eenmalig for lev in abonnement), NUL
    )
    plafond = kostprijsplafond(
        kostprijs=kostprijs, al_in_rekening=al_in_rekening, bedrag_per_periode=maandtarief
    )
    bedrag = min(maandtarief, plafond.resterend).quantize(CENT, rounding=ROUND_HALF_UP)
    if len(abonnement) > 1:
        toelichting.append(
            f"{len(abonnement)} voorzieningen, één abonnementstarief per "
            "huishouden: " + ", ".join(lev.omschrijving for lev in abonnement) + "."
        )
    if bedrag < maandtarief:
        toelichting.append(
            f"Niet meer dan de kostprijs: nog {_geld(plafond.resterend)} te betalen over de "
            "hele looptijd (Wmo 2015 art. 2.1.4a)."
        )
    toelichting.append(f"Abonnementstarief: {tarief.bron}")
    status = Status.BEDRAG if bedrag > 0 else Status.GEEN_BIJDRAGE
    return uitkomst(bedrag, status, via_cak=True, tarief=tarief, regime=regime)


# --------------------------------------------------------------------------------------------
# Ouderbijdrage (Jeugdwet), abolished
# --------------------------------------------------------------------------------------------

OUDERBIJDRAGE_AFGESCHAFT = dt.date(2016, 1, 1)


class Uitzondering(enum.StrEnum):
    """Exemptions from the ouderbijdrage under the old rule (seed 003 L3738-3831)."""

    ADOPTIE = "adoptie"
    GEZAG_ONTNOMEN = "gezag_ontnomen"
    SPOEDPLAATSING = "spoedplaatsing"


def ouderbijdrage_verschuldigd(
    *,
    verblijf_buiten_gezin: bool,
    periode_begin: dt.date,
    uitzonderingen: Iterable[Uitzondering] = (),
) -> bool:
    """Whether an ouderbijdrage is owed for a period starting on `periode_begin`.

    Jeugdwet art. 8.2.1 (old): only for youth staying outside the family, not after adoption,
    loss of custody or an emergency placement. Abolished from 1 January 2016 with retroactive
    effect (Stb. 2017, 64): for any period from 2016 on the answer is always False."""
    if periode_begin >= OUDERBIJDRAGE_AFGESCHAFT:
        return False
    return verblijf_buiten_gezin and not list(uitzonderingen)
