"""Statutory deadlines (termijnen) for the social domain, as pure Python.

No Django, no settings, no I/O and no clock: every date is an argument. Each public
function and constant names its legal source. The full explanation, including what was
verified and what was not, is in ``docs/rules/termijnen.md``.

Sources, in short:

- Algemene termijnenwet (Atw, BWBR0002448): art. 1 lid 1 (a statutory term ending on a
  Saturday, Sunday or general holiday runs to the next day that is none of these), art. 2
  (a term of at least three days contains at least two such days), art. 3 (the general
  holidays and, lid 3, days declared equal by royal decree), art. 4 onder a (the Atw does
  not apply to terms of more than 90 days, 12 weeks or 3 months).
- Wet maatschappelijke ondersteuning 2015 (Wmo 2015) art. 2.3.2 lid 1 and 2, art. 2.3.5 lid 2.
- Algemene wet bestuursrecht (Awb) art. 4:13, 4:14, 4:15, 6:7, 6:8, 6:9, 7:10, 9:11.
- iWmo/iJw 3.2 bedrijfsregels OP090 and OP090x4, iJw 3.2 Procesbeschrijving §2.5.3.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "ANTWOORD_VERZOEK",
    "AWB_BESLISTERMIJN",
    "BESLISTERMIJN_BEZWAAR",
    "BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE",
    "BEZWAARTERMIJN",
    "DECLARATIE_ANTWOORD",
    "EERSTE_JAAR",
    "GELIJKGESTELDE_DAGEN",
    "GELIJKGESTELDE_DAGEN_JAREN",
    "RETOURBERICHT",
    "VERDAGING_BEZWAAR",
    "WMO_BESCHIKKING",
    "WMO_ONDERZOEK",
    "WMO_PERSOONLIJK_PLAN",
    "KLACHT_AFHANDELING",
    "KLACHT_AFHANDELING_ADVIES",
    "VERDAGING_KLACHT",
    "GelijkgesteldeDag",
    "Mededeling414",
    "MededelingStatus",
    "Opschorting",
    "Termijn",
    "TermijnStatus",
    "algemeen_erkende_feestdagen",
    "atw_van_toepassing",
    "beslissing_op_bezwaar_uiterlijk",
    "beslistermijn_bezwaar",
    "bezwaar_uiterlijk",
    "klacht_afhandelen_uiterlijk",
    "mededeling_vertraging",
    "mededeling_vertraging_fouten",
    "mededeling_vertraging_status",
    "eerste_paasdag",
    "is_feestdag",
    "is_werkdag",
    "koningsdag",
    "termijn_einde",
    "termijn_einde_met_opschorting",
    "termijn_status",
    "werkdagen_later",
]

# First calendar year this module answers for. Koninginnedag 30 April (29 April when the 30th
# is a Sunday) rests on the Besluit of 24 April 1980 (BWBR0031338), and 5 May was added to
# Atw art. 3 lid 1 in the 1980s (bill of 18 June 1981). Earlier years are refused rather than
# guessed; see docs/rules/termijnen.md.
EERSTE_JAAR = 1990

_SATURDAY = 5  # date.weekday(): Monday is 0


# --------------------------------------------------------------------------------------------
# Holidays: Algemene termijnenwet art. 3
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GelijkgesteldeDag:
    """A day declared equal to a general holiday by royal decree (Atw art. 3 lid 3).

    ``bron`` names the decree; ``omschrijving`` says why the day was chosen.
    """

    datum: date
    bron: str
    omschrijving: str


_KB_2017_2019 = (
    "Besluit van 24 oktober 2016, nr. 2016001827, houdende gelijkstelling van 28 april en "
    "26 mei 2017, 11 mei en 24 en 31 december 2018 en 31 mei en 27 december 2019 met een "
    "algemeen erkende feestdag (BWBR0038666)"
)
_KB_2023_2025 = (
    "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 "
    "en 30 mei 2025 met een algemeen erkende feestdag"
)
_KB_2026_2028 = (
    "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en "
    "26 mei 2028 met een algemeen erkende feestdag"
)

# Days declared equal to a general holiday (Atw art. 3 lid 3), as dated data with their decree.
# Only decrees whose dates we could read are listed. The decree for 2020-2022 was not found and
# is missing; so is everything before 2017 and after 2028. A municipality adds such days with
# the ``extra`` argument of the functions below (kept in its own table).
GELIJKGESTELDE_DAGEN: tuple[GelijkgesteldeDag, ...] = (
    GelijkgesteldeDag(date(2017, 4, 28), _KB_2017_2019, "vrijdag na Koningsdag"),
    GelijkgesteldeDag(date(2017, 5, 26), _KB_2017_2019, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2018, 5, 11), _KB_2017_2019, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2018, 12, 24), _KB_2017_2019, "maandag voor Eerste Kerstdag"),
    GelijkgesteldeDag(date(2018, 12, 31), _KB_2017_2019, "maandag voor Nieuwjaarsdag"),
    GelijkgesteldeDag(date(2019, 5, 31), _KB_2017_2019, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2019, 12, 27), _KB_2017_2019, "vrijdag na Tweede Kerstdag"),
    GelijkgesteldeDag(date(2023, 4, 28), _KB_2023_2025, "vrijdag na Koningsdag"),
    GelijkgesteldeDag(date(2023, 5, 19), _KB_2023_2025, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2024, 5, 10), _KB_2023_2025, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2024, 12, 27), _KB_2023_2025, "vrijdag na Tweede Kerstdag"),
    GelijkgesteldeDag(date(2025, 5, 30), _KB_2023_2025, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2026, 1, 2), _KB_2026_2028, "vrijdag na Nieuwjaarsdag"),
    GelijkgesteldeDag(date(2026, 5, 15), _KB_2026_2028, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2027, 5, 7), _KB_2026_2028, "vrijdag na Hemelvaartsdag"),
    GelijkgesteldeDag(date(2028, 4, 28), _KB_2026_2028, "vrijdag na Koningsdag"),
    GelijkgesteldeDag(date(2028, 5, 26), _KB_2026_2028, "vrijdag na Hemelvaartsdag"),
)

# Calendar years covered by a decree in GELIJKGESTELDE_DAGEN (Atw art. 3 lid 3). For other
# years the built-in table knows no equal days; a worklist may warn about that.
GELIJKGESTELDE_DAGEN_JAREN: frozenset[int] = frozenset({2017, 2018, 2019, *range(2023, 2029)})

_GELIJKGESTELD: frozenset[date] = frozenset(d.datum for d in GELIJKGESTELDE_DAGEN)


def eerste_paasdag(jaar: int) -> date:
    """Easter Sunday of ``jaar`` (Gregorian), the anchor of the movable holidays of Atw art. 3.

    Anonymous Gregorian algorithm (Meeus/Jones/Butcher). Goede Vrijdag (Atw art. 3 lid 2),
    Tweede Paasdag, Hemelvaartsdag and Tweede Pinksterdag (art. 3 lid 1) follow from it.
    """
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(jaar, month, day + 1)


def koningsdag(jaar: int) -> date:
    """The day on which the King's (or Queen's) birthday is celebrated (Atw art. 3 lid 1).

    From 2014: 27 April, or 26 April when the 27th is a Sunday (Besluit van 30 januari 2013,
    BWBR0032908: "behoudens uitzonderingen in verband met zondagen"). Up to 2013: Koninginnedag
    30 April, or 29 April when the 30th is a Sunday (Besluit van 24 april 1980, BWBR0031338).
    """
    _check_year(jaar)
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    if dag.weekday() == 6:  # Sunday: celebrated the day before
        dag -= timedelta(days=1)
    return dag


def _check_year(jaar: int) -> None:
    if jaar < EERSTE_JAAR:
        raise ValueError(
            f"Feestdagen volgens de Algemene termijnenwet zijn in deze module pas vanaf "
            f"{EERSTE_JAAR} vastgelegd (gevraagd: {jaar})."
        )


@lru_cache(maxsize=256)
def _feestdagen(jaar: int) -> tuple[tuple[date, str], ...]:
    _check_year(jaar)
    pasen = eerste_paasdag(jaar)
    entries = [
        (date(jaar, 1, 1), "Nieuwjaarsdag"),  # art. 3 lid 1
        (pasen - timedelta(days=2), "Goede Vrijdag"),  # art. 3 lid 2
        # Eerste Paasdag and Eerste Pinksterdag are always Sundays (art. 1 covers them); they
        # are listed for completeness and change no computation.
        (pasen, "Eerste Paasdag"),
        (pasen + timedelta(days=1), "Tweede Paasdag"),  # art. 3 lid 1
        (koningsdag(jaar), "Koningsdag" if jaar >= 2014 else "Koninginnedag"),  # art. 3 lid 1
        (date(jaar, 5, 5), "Bevrijdingsdag"),  # art. 3 lid 1 "de vijfde mei", every year
        (pasen + timedelta(days=39), "Hemelvaartsdag"),  # art. 3 lid 1
        (pasen + timedelta(days=49), "Eerste Pinksterdag"),
        (pasen + timedelta(days=50), "Tweede Pinksterdag"),  # art. 3 lid 1
        (date(jaar, 12, 25), "Eerste Kerstdag"),  # art. 3 lid 1 "de beide Kerstdagen"
        (date(jaar, 12, 26), "Tweede Kerstdag"),
    ]
    names: dict[date, str] = {}
    for dag, naam in entries:
        names[dag] = f"{names[dag]} en {naam}" if dag in names else naam
    return tuple(sorted(names.items()))


@lru_cache(maxsize=256)
def _feestdag_dates(jaar: int) -> frozenset[date]:
    return frozenset(dag for dag, _ in _feestdagen(jaar))


def algemeen_erkende_feestdagen(jaar: int) -> dict[date, str]:
    """The general holidays of ``jaar`` by name (Atw art. 3 lid 1 and 2), without equal days.

    Includes 5 May in every year (art. 3 lid 1 "de vijfde mei") and Goede Vrijdag (lid 2).
    Days declared equal by royal decree (lid 3) are in ``GELIJKGESTELDE_DAGEN``.
    Raises ``ValueError`` for years before ``EERSTE_JAAR``.
    """
    return dict(_feestdagen(jaar))


def _extra_dates(extra: Iterable[GelijkgesteldeDag] | None) -> frozenset[date]:
    if extra is None:
        return frozenset()
    return frozenset(d.datum for d in extra)


def _is_feestdag(dag: date, extra: frozenset[date]) -> bool:
    return dag in _feestdag_dates(dag.year) or dag in _GELIJKGESTELD or dag in extra


def _is_werkdag(dag: date, extra: frozenset[date]) -> bool:
    return dag.weekday() < _SATURDAY and not _is_feestdag(dag, extra)


def is_feestdag(dag: date, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> bool:
    """Whether ``dag`` is a general holiday for the Algemene termijnenwet (art. 3).

    True for the holidays of art. 3 lid 1 (Nieuwjaarsdag, Tweede Paasdag, Koningsdag, 5 May in
    every year, Hemelvaartsdag, Tweede Pinksterdag, both Christmas days), Goede Vrijdag (lid 2),
    the days in ``GELIJKGESTELDE_DAGEN`` (lid 3) and the days in ``extra`` (a municipality's own
    copy of later decrees). Eerste Paas- en Pinksterdag also answer True; they are Sundays.
    Saturdays and Sundays as such are not holidays: art. 1 names them separately.
    Raises ``ValueError`` for years before ``EERSTE_JAAR``.
    """
    return _is_feestdag(dag, _extra_dates(extra))


def is_werkdag(dag: date, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> bool:
    """Whether ``dag`` is a working day: not a Saturday, Sunday or Atw holiday.

    This is the day the Atw art. 1 lid 1 extension lands on, and the "werkdag" of the
    iStandaarden working-day terms (OP090, OP090x4; Begrippenlijst iWmo/iJw: Monday to Friday
    except recognised holidays), for which we use the Atw holidays.
    """
    return _is_werkdag(dag, _extra_dates(extra))


# --------------------------------------------------------------------------------------------
# Computing a term
# --------------------------------------------------------------------------------------------


def atw_van_toepassing(*, weken: int = 0, dagen: int = 0, maanden: int = 0) -> bool:
    """Whether the Atw applies to a term of this length (Atw art. 4 onder a).

    The Atw does not apply to terms "in meer dan 90 dagen, in meer dan twaalf weken, in meer
    dan drie maanden". A term is judged by its largest unit: with months, at most 3 months;
    with weeks (and days), at most 12 weeks in total; with days only, at most 90 days.
    """
    _check_lengths(weken=weken, dagen=dagen, maanden=maanden)
    if maanden:
        return maanden < 3 or (maanden == 3 and weken == 0 and dagen == 0)
    if weken:
        return weken * 7 + dagen <= 12 * 7
    return dagen <= 90


def _check_lengths(*, weken: int, dagen: int, maanden: int) -> None:
    if weken < 0 or dagen < 0 or maanden < 0:
        raise ValueError(
            f"Een termijn kan niet negatief zijn (weken={weken}, dagen={dagen}, maanden={maanden})."
        )
    if weken == 0 and dagen == 0 and maanden == 0:
        raise ValueError("Een termijn moet ten minste één dag, week of maand lang zijn.")


def _add_months(dag: date, maanden: int) -> date:
    year, month_index = divmod(dag.month - 1 + maanden, 12)
    year += dag.year
    month = month_index + 1
    return date(year, month, min(dag.day, calendar.monthrange(year, month)[1]))


def _plain_end(aanvang: date, *, weken: int, dagen: int, maanden: int) -> date:
    """Last day of the term before any extension: months first (clamped), then weeks and days.

    The term starts the day after ``aanvang``, so n days end on ``aanvang + n``.
    """
    return _add_months(aanvang, maanden) + timedelta(weeks=weken, days=dagen)


def _apply_atw(aanvang: date, einde: date, *, term_days: int, extra: frozenset[date]) -> date:
    """Extend ``einde`` per Atw art. 2 (terms of at least 3 days) and art. 1 lid 1."""
    if term_days >= 3:
        # Art. 2: the term must contain at least two days that are not a Saturday, Sunday or
        # general holiday; if not, extend it until it does.
        found = 0
        dag = aanvang
        while found < 2:
            dag += timedelta(days=1)
            if _is_werkdag(dag, extra):
                found += 1
        einde = max(einde, dag)
    return _werkdag_of_volgende(einde, extra)


def _werkdag_of_volgende(dag: date, extra: frozenset[date]) -> date:
    # Art. 1 lid 1: a term ending on a Saturday, Sunday or holiday runs to the next day that is
    # none of these.
    while not _is_werkdag(dag, extra):
        dag += timedelta(days=1)
    return dag


def werkdag_of_volgende(dag: date, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> date:
    """``dag``, or when it is a Saturday, Sunday or holiday, the next day that is none of these:
    the last day of a term that ends on such a day (Atw art. 1 lid 1; for a term of Union law
    the same by Verordening 1182/71 art. 3 lid 4, `rules.avg`)."""
    return _werkdag_of_volgende(dag, _extra_dates(extra))


def termijn_einde(
    aanvang: date,
    *,
    weken: int = 0,
    dagen: int = 0,
    maanden: int = 0,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> date:
    """Last day of a statutory term that runs from the event on ``aanvang``.

    The term starts the day after the event (Awb art. 6:8 lid 1 states this for the bezwaar
    term; it is the general convention), so a term of 6 weeks from Tuesday 24 March 2026 ends
    on Tuesday 5 May 2026. Months are calendar months, clamped to the month's last day
    (31 January + 1 month = 28 or 29 February); months are added before weeks and days.

    Then the Algemene termijnenwet: a term of at least three days is extended until it holds
    two days that are not a Saturday, Sunday or holiday (art. 2), and a term that ends on such
    a day runs to the next day that is none of these (art. 1 lid 1). 5 May 2026 is a holiday,
    so the example ends on Wednesday 6 May 2026. Terms of more than 90 days, 12 weeks or
    3 months are not extended (art. 4 onder a, see ``atw_van_toepassing``).

    Raises ``ValueError`` for a negative or empty term.
    """
    _check_lengths(weken=weken, dagen=dagen, maanden=maanden)
    einde = _plain_end(aanvang, weken=weken, dagen=dagen, maanden=maanden)
    if not atw_van_toepassing(weken=weken, dagen=dagen, maanden=maanden):
        return einde
    return _apply_atw(aanvang, einde, term_days=(einde - aanvang).days, extra=_extra_dates(extra))


def werkdagen_later(dag: date, n: int, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> date:
    """The date ``n`` working days after ``dag`` (``dag`` itself does not count).

    For the working-day terms of the iStandaarden: a retourbericht within 3 working days after
    receipt (iWmo/iJw 3.2 OP090), a declaratie-antwoord within 10 working days (OP090x4), a
    toewijzing or antwoordbericht within 5 working days after a Verzoek om toewijzing
    (iJw 3.2 Procesbeschrijving §2.5.3). A working day is not a Saturday, Sunday or Atw
    holiday (see ``is_werkdag``). ``n = 0`` returns ``dag``. Raises ``ValueError`` for n < 0.
    """
    if n < 0:
        raise ValueError(f"Het aantal werkdagen kan niet negatief zijn (n={n}).")
    extra_dates = _extra_dates(extra)
    result = dag
    remaining = n
    while remaining:
        result += timedelta(days=1)
        if _is_werkdag(result, extra_dates):
            remaining -= 1
    return result


# --------------------------------------------------------------------------------------------
# Suspension: Awb art. 4:15 (and 7:10 lid 2)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opschorting:
    """A suspension of a decision term (Awb art. 4:15; for bezwaar art. 7:10 lid 2).

    The Awb suspends "met ingang van de dag na die waarop" the event happens "tot de dag
    waarop" it ends. So ``van`` is the day of the event (e.g. the invitation to complete the
    application, art. 4:15 lid 1 onder a, was sent); the suspension starts the next day.
    ``tot`` is the day it ends (e.g. the application was completed); that day counts in the term
    again ("tot" excludes it, as in Dutch legislative drafting). The suspended days are
    ``van + 1`` up to ``tot - 1``. ``tot`` is None while the suspension is still running.
    """

    van: date
    tot: date | None
    reden: str

    def __post_init__(self) -> None:
        if self.tot is not None and self.tot < self.van:
            raise ValueError(
                f"Een opschorting kan niet eindigen ({self.tot.isoformat()}) voordat zij "
                f"begint ({self.van.isoformat()})."
            )

    @property
    def dagen_opgeschort(self) -> int | None:
        """Number of suspended days, or None while the suspension is open (Awb art. 4:15)."""
        if self.tot is None:
            return None
        return max(0, (self.tot - self.van).days - 1)


def termijn_einde_met_opschorting(
    aanvang: date,
    *,
    weken: int = 0,
    dagen: int = 0,
    maanden: int = 0,
    opschortingen: Iterable[Opschorting] = (),
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> date | None:
    """Last day of a decision term, moved by its suspensions (Awb art. 4:15 lid 1 and 2).

    Each suspended day that falls inside the running term moves the end one day later (a
    suspension stops the clock); overlapping suspensions count each day once. A suspension that
    starts after the term has already run out (after its unextended last day, including earlier
    suspensions) cannot revive it and is ignored. After that the Algemene termijnenwet extends
    the result as in ``termijn_einde`` (art. 1 lid 1, art. 2, art. 4).

    Returns None when a suspension that counts is still open (``tot`` is None): the deadline
    cannot be known until it ends. Raises ``ValueError`` for a negative or empty term.
    """
    _check_lengths(weken=weken, dagen=dagen, maanden=maanden)
    einde = _plain_end(aanvang, weken=weken, dagen=dagen, maanden=maanden)

    # Suspended days as inclusive intervals [first, last]; last None means still open.
    intervals: list[tuple[date, date | None]] = []
    for opschorting in opschortingen:
        first = max(opschorting.van, aanvang) + timedelta(days=1)
        last = None if opschorting.tot is None else opschorting.tot - timedelta(days=1)
        if last is None or last >= first:
            intervals.append((first, last))
    intervals.sort(key=lambda interval: interval[0])

    merged: list[tuple[date, date | None]] = []
    for first, last in intervals:
        if merged:
            prev_first, prev_last = merged[-1]
            if prev_last is None:
                continue  # already open from an earlier day on
            if first <= prev_last + timedelta(days=1):
                new_last = None if last is None else max(prev_last, last)
                merged[-1] = (prev_first, new_last)
                continue
        merged.append((first, last))

    for first, last in merged:
        if first > einde:
            break  # the term had run out before this suspension began
        if last is None:
            return None
        einde += timedelta(days=(last - first).days + 1)

    if not atw_van_toepassing(weken=weken, dagen=dagen, maanden=maanden):
        return einde
    term_days = (_plain_end(aanvang, weken=weken, dagen=dagen, maanden=maanden) - aanvang).days
    return _apply_atw(aanvang, einde, term_days=term_days, extra=_extra_dates(extra))


# --------------------------------------------------------------------------------------------
# The terms themselves
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Termijn:
    """A named statutory or standard term with its source.

    Calendar terms use ``weken``/``dagen`` and are computed with ``termijn_einde`` (Atw);
    working-day terms use ``werkdagen`` and are computed with ``werkdagen_later``.
    """

    naam: str
    bron: str
    weken: int = 0
    dagen: int = 0
    werkdagen: int = 0

    def __post_init__(self) -> None:
        if self.werkdagen and (self.weken or self.dagen):
            raise ValueError("Een termijn telt óf in werkdagen óf in weken en dagen, niet beide.")

    def einde(self, aanvang: date, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> date:
        """Last day of this term for an event on ``aanvang`` (see the source in ``bron``)."""
        if self.werkdagen:
            return werkdagen_later(aanvang, self.werkdagen, extra=extra)
        return termijn_einde(aanvang, weken=self.weken, dagen=self.dagen, extra=extra)


WMO_ONDERZOEK = Termijn(
    naam="Onderzoek na melding",
    weken=6,
    bron="Wmo 2015 art. 2.3.2 lid 1: onderzoek uiterlijk binnen zes weken na de melding",
)
WMO_PERSOONLIJK_PLAN = Termijn(
    naam="Persoonlijk plan overhandigen",
    dagen=7,
    bron="Wmo 2015 art. 2.3.2 lid 2: gedurende zeven dagen na de melding",
)
WMO_BESCHIKKING = Termijn(
    naam="Beschikking op Wmo-aanvraag",
    weken=2,
    bron="Wmo 2015 art. 2.3.5 lid 2: beschikking binnen twee weken na ontvangst van de aanvraag",
)
AWB_BESLISTERMIJN = Termijn(
    naam="Beslistermijn zonder wettelijke termijn (Jeugdwet, Participatiewet)",
    weken=8,
    bron="Awb art. 4:13 lid 2: redelijke termijn in ieder geval verstreken na acht weken",
)
BEZWAARTERMIJN = Termijn(
    naam="Bezwaartermijn",
    weken=6,
    bron="Awb art. 6:7 (zes weken) en art. 6:8 lid 1 (vanaf de dag na bekendmaking)",
)
BESLISTERMIJN_BEZWAAR = Termijn(
    naam="Beslissing op bezwaar",
    weken=6,
    bron="Awb art. 7:10 lid 1: zes weken vanaf de dag na het einde van de bezwaartermijn",
)
BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE = Termijn(
    naam="Beslissing op bezwaar met adviescommissie",
    weken=12,
    bron="Awb art. 7:10 lid 1: twaalf weken als een commissie (art. 7:13) is ingesteld",
)
VERDAGING_BEZWAAR = Termijn(
    naam="Verdaging beslissing op bezwaar",
    weken=6,
    bron="Awb art. 7:10 lid 3: verdaging met ten hoogste zes weken",
)
KLACHT_AFHANDELING = Termijn(
    naam="Afhandeling klacht",
    weken=6,
    bron="Awb art. 9:11 lid 1: binnen zes weken na ontvangst van het klaagschrift",
)
KLACHT_AFHANDELING_ADVIES = Termijn(
    naam="Afhandeling klacht met klachtadviesprocedure",
    weken=10,
    bron=(
        "Awb art. 9:11 lid 1: binnen tien weken als afdeling 9.1.3 van toepassing is (advies "
        "van een persoon of commissie, art. 9:14)"
    ),
)
VERDAGING_KLACHT = Termijn(
    naam="Verdaging afhandeling klacht",
    weken=4,
    bron="Awb art. 9:11 lid 2: verdaging met ten hoogste vier weken, schriftelijk meegedeeld",
)
RETOURBERICHT = Termijn(
    naam="Retourbericht",
    werkdagen=3,
    bron="iWmo/iJw 3.2 bedrijfsregel OP090: retourbericht binnen drie werkdagen na ontvangst",
)
DECLARATIE_ANTWOORD = Termijn(
    naam="Declaratie-antwoordbericht",
    werkdagen=10,
    bron="iWmo/iJw 3.2 bedrijfsregel OP090x4: binnen tien werkdagen na ontvangst declaratie",
)
ANTWOORD_VERZOEK = Termijn(
    naam="Toewijzing of antwoordbericht op verzoek om toewijzing/wijziging",
    werkdagen=5,
    bron="iJw 3.2 Procesbeschrijving §2.5.3: binnen 5 werkdagen na een Verzoek om toewijzing",
)


def bezwaar_uiterlijk(verzonden: date, *, extra: Iterable[GelijkgesteldeDag] | None = None) -> date:
    """Last day to lodge a bezwaar against a decision sent on ``verzonden``.

    Six weeks (Awb art. 6:7), starting the day after the decision was made known by sending it
    (art. 6:8 lid 1, with art. 3:41 lid 1), extended per Atw art. 1 lid 1.
    """
    return BEZWAARTERMIJN.einde(verzonden, extra=extra)


def beslissing_op_bezwaar_uiterlijk(
    bezwaartermijn_einde: date,
    *,
    adviescommissie: bool,
    verdaagd: bool = False,
    verder_uitgesteld_tot: date | None = None,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> date:
    """Last day for the decision on a bezwaar (Awb art. 7:10).

    Six weeks, or twelve with an advisory committee (art. 7:10 lid 1, committee of art. 7:13),
    "gerekend vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is
    verstreken": from the day after ``bezwaartermijn_einde``, the last day of the bezwaar term
    (as returned by ``bezwaar_uiterlijk``), whatever day the bezwaar arrived. A bezwaar posted
    in time and received later (art. 6:9) or one received early counts from the same day; use
    ``beslistermijn_bezwaar`` to start from the sending date. With ``verdaagd`` the decision is
    postponed once by six weeks (lid 3), counted from the unextended end of the first term (the
    earlier, safe reading). The Atw extends the final day (art. 1 lid 1). Further postponement
    needs the objector's consent (lid 4): ``verder_uitgesteld_tot`` is the agreed day, used
    when it is later. Suspensions (lid 2) are handled by ``termijn_einde_met_opschorting``.
    """
    termijn = BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE if adviescommissie else BESLISTERMIJN_BEZWAAR
    einde = bezwaartermijn_einde + timedelta(weeks=termijn.weken)
    if verdaagd:
        einde += timedelta(weeks=VERDAGING_BEZWAAR.weken)
    einde = _apply_atw(
        bezwaartermijn_einde,
        einde,
        term_days=(einde - bezwaartermijn_einde).days,
        extra=_extra_dates(extra),
    )
    if verder_uitgesteld_tot is not None and verder_uitgesteld_tot > einde:
        return verder_uitgesteld_tot
    return einde


def beslistermijn_bezwaar(
    *,
    beschikking_verzonden: date,
    adviescommissie: bool,
    verdaagd: bool = False,
    verder_uitgesteld_tot: date | None = None,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> date:
    """Last day for the decision on a bezwaar against a decision sent on
    ``beschikking_verzonden``: the bezwaar term (Awb art. 6:7, 6:8 lid 1, Atw) and then
    art. 7:10 from the day after it ended (see ``beslissing_op_bezwaar_uiterlijk``). The day
    the bezwaar was received or posted plays no part (art. 7:10 lid 1; art. 6:9 only decides
    whether it is on time)."""
    return beslissing_op_bezwaar_uiterlijk(
        bezwaar_uiterlijk(beschikking_verzonden, extra=extra),
        adviescommissie=adviescommissie,
        verdaagd=verdaagd,
        verder_uitgesteld_tot=verder_uitgesteld_tot,
        extra=extra,
    )


def klacht_afhandelen_uiterlijk(
    ontvangen_op: date,
    *,
    advies: bool = False,
    verdaagd: bool = False,
    verder_uitgesteld_tot: date | None = None,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> date:
    """Last day to handle a klacht received on ``ontvangen_op`` (Awb art. 9:11).

    Six weeks after receipt, or ten when afdeling 9.1.3 applies: a person or committee advises
    on the klacht (art. 9:11 lid 1, with art. 9:14). With ``verdaagd`` postponed once by at most
    four weeks, told to the complainant in writing (lid 2), counted from the unextended end of
    the first term. Further postponement only with the complainant's written consent (lid 3):
    ``verder_uitgesteld_tot`` is the agreed day, used when it is later. The Atw extends the
    final day (art. 1 lid 1, art. 2).
    """
    termijn = KLACHT_AFHANDELING_ADVIES if advies else KLACHT_AFHANDELING
    einde = ontvangen_op + timedelta(weeks=termijn.weken)
    if verdaagd:
        einde += timedelta(weeks=VERDAGING_KLACHT.weken)
    einde = _apply_atw(
        ontvangen_op, einde, term_days=(einde - ontvangen_op).days, extra=_extra_dates(extra)
    )
    if verder_uitgesteld_tot is not None and verder_uitgesteld_tot > einde:
        return verder_uitgesteld_tot
    return einde


# --------------------------------------------------------------------------------------------
# Awb art. 4:14: telling the applicant a decision will be late
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mededeling414:
    """When the notice of Awb art. 4:14 is due for a decision term ending on ``uiterlijk``.

    ``vanaf`` is the day the worklist starts asking for it (a number of working days before
    the end); the notice must be sent at the latest on ``uiterlijk``, the last day of the
    term. It must name the new term within which the decision can be expected: "een zo kort
    mogelijke termijn" with a statutory term (lid 1), "een redelijke termijn" without one
    (lid 3, the eight weeks of art. 4:13 lid 2).
    """

    vanaf: date
    uiterlijk: date
    wettelijke_termijn: bool
    bron: str


class MededelingStatus(enum.StrEnum):
    """Where a decision stands with respect to the notice of Awb art. 4:14."""

    NIET_NODIG = "niet_nodig"  # decided, or the notice was sent
    NOG_NIET = "nog_niet"  # the term is still far from its end
    NU_STUREN = "nu_sturen"  # within the warning window: decide or send the notice
    TERMIJN_VERSTREKEN = "termijn_verstreken"  # no decision and no notice: too late (art. 4:17)


def mededeling_vertraging(
    termijn_einde: date,
    *,
    wettelijke_termijn: bool,
    waarschuwing_werkdagen: int = 5,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> Mededeling414:
    """The notice of Awb art. 4:14 for a decision term ending on ``termijn_einde``.

    Lid 1: when a decision cannot be given within the statutory term (Wmo 2015 art. 2.3.5
    lid 2: two weeks), the applicant is told before the end of the term, with the shortest
    possible term within which it can be expected. Lid 3: without a statutory term (Jeugdwet,
    Participatiewet: art. 4:13), when it cannot be given within eight weeks, the applicant is
    told within those eight weeks, with a reasonable term. The worklist asks for it from
    ``waarschuwing_werkdagen`` working days before the end (a municipal setting).
    """
    if waarschuwing_werkdagen < 0:
        raise ValueError(
            f"Het aantal waarschuwingswerkdagen kan niet negatief zijn ({waarschuwing_werkdagen})."
        )
    extra_dates = _extra_dates(extra)
    vanaf = termijn_einde
    remaining = waarschuwing_werkdagen
    while remaining:
        vanaf -= timedelta(days=1)
        if _is_werkdag(vanaf, extra_dates):
            remaining -= 1
    bron = (
        "Awb art. 4:14 lid 1: vóór het einde van de wettelijke termijn mededelen, met een zo "
        "kort mogelijke termijn waarbinnen de beschikking wel tegemoet kan worden gezien"
        if wettelijke_termijn
        else "Awb art. 4:14 lid 3: binnen acht weken mededelen, met een redelijke termijn "
        "waarbinnen de beschikking wel tegemoet kan worden gezien"
    )
    return Mededeling414(
        vanaf=vanaf, uiterlijk=termijn_einde, wettelijke_termijn=wettelijke_termijn, bron=bron
    )


def mededeling_vertraging_status(
    mededeling: Mededeling414, vandaag: date, *, beslist: bool, mededeling_gedaan: bool
) -> MededelingStatus:
    """Whether the notice of Awb art. 4:14 must be sent today (for a worklist)."""
    if beslist or mededeling_gedaan:
        return MededelingStatus.NIET_NODIG
    if vandaag > mededeling.uiterlijk:
        return MededelingStatus.TERMIJN_VERSTREKEN
    if vandaag >= mededeling.vanaf:
        return MededelingStatus.NU_STUREN
    return MededelingStatus.NOG_NIET


def mededeling_vertraging_fouten(
    mededeling: Mededeling414, *, verzonden_op: date, nieuwe_datum: date | None
) -> list[str]:
    """What is wrong with a notice of Awb art. 4:14, in Dutch; empty when it may be sent: it
    is sent at the latest on the last day of the term, and it names a new day within which the
    decision can be expected, after the end of the term (lid 1 and 3)."""
    fouten: list[str] = []
    if verzonden_op > mededeling.uiterlijk:
        fouten.append(
            "De mededeling moet vóór het einde van de beslistermijn worden verstuurd "
            f"(uiterlijk {mededeling.uiterlijk:%d-%m-%Y}; Awb art. 4:14)."
        )
    if nieuwe_datum is None:
        fouten.append(
            "Noem de termijn waarbinnen de beschikking wel tegemoet kan worden gezien "
            "(Awb art. 4:14)."
        )
    elif nieuwe_datum <= mededeling.uiterlijk:
        fouten.append(
            "De nieuwe termijn moet na het einde van de huidige beslistermijn liggen "
            f"({mededeling.uiterlijk:%d-%m-%Y})."
        )
    return fouten


# --------------------------------------------------------------------------------------------
# Worklist state
# --------------------------------------------------------------------------------------------


class TermijnStatus(enum.StrEnum):
    """State of a deadline on a worklist (see ``termijn_status``)."""

    OP_SCHEMA = "op_schema"
    BIJNA_VERLOPEN = "bijna_verlopen"
    VERLOPEN = "verlopen"


def termijn_status(
    uiterlijk: date,
    vandaag: date,
    *,
    waarschuwing_werkdagen: int = 5,
    extra: Iterable[GelijkgesteldeDag] | None = None,
) -> TermijnStatus:
    """Whether a deadline ``uiterlijk`` is on schedule, nearly due or missed on ``vandaag``.

    VERLOPEN after the last day; BIJNA_VERLOPEN when the last day is within
    ``waarschuwing_werkdagen`` working days from today (today included); else OP_SCHEMA.
    ``uiterlijk`` is a last day computed with the Atw (``termijn_einde`` and friends), so the
    deadline itself is met on that day. Working days as in ``is_werkdag``.
    """
    if waarschuwing_werkdagen < 0:
        raise ValueError(
            f"Het aantal waarschuwingswerkdagen kan niet negatief zijn ({waarschuwing_werkdagen})."
        )
    if vandaag > uiterlijk:
        return TermijnStatus.VERLOPEN
    if uiterlijk <= werkdagen_later(vandaag, waarschuwing_werkdagen, extra=extra):
        return TermijnStatus.BIJNA_VERLOPEN
    return TermijnStatus.OP_SCHEMA
