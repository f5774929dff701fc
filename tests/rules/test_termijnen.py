"""Tests for eenplan.rules.termijnen: statutory deadlines (Atw, Wmo 2015, Awb, iStandaarden).

Pure rules: no Django, no database. Example tables use real calendars; hypothesis checks the
properties every deadline must have.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TypedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.termijnen import (
    ANTWOORD_VERZOEK,
    AWB_BESLISTERMIJN,
    BESLISTERMIJN_BEZWAAR,
    BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE,
    BEZWAARTERMIJN,
    DECLARATIE_ANTWOORD,
    EERSTE_JAAR,
    GELIJKGESTELDE_DAGEN,
    GELIJKGESTELDE_DAGEN_JAREN,
    KLACHT_AFHANDELING,
    KLACHT_AFHANDELING_ADVIES,
    RETOURBERICHT,
    VERDAGING_BEZWAAR,
    VERDAGING_KLACHT,
    WMO_BESCHIKKING,
    WMO_ONDERZOEK,
    WMO_PERSOONLIJK_PLAN,
    GelijkgesteldeDag,
    MededelingStatus,
    Opschorting,
    Termijn,
    TermijnStatus,
    algemeen_erkende_feestdagen,
    atw_van_toepassing,
    beslissing_op_bezwaar_uiterlijk,
    beslistermijn_bezwaar,
    bezwaar_uiterlijk,
    eerste_paasdag,
    is_feestdag,
    is_werkdag,
    klacht_afhandelen_uiterlijk,
    koningsdag,
    mededeling_vertraging,
    mededeling_vertraging_fouten,
    mededeling_vertraging_status,
    termijn_einde,
    termijn_einde_met_opschorting,
    termijn_status,
    werkdagen_later,
)

D = date


class Term(TypedDict, total=False):
    """Keyword arguments describing a term, as ``termijn_einde`` takes them."""

    weken: int
    dagen: int
    maanden: int


FRIDAY, SATURDAY, SUNDAY = 4, 5, 6

# ---------------------------------------------------------------------------------------------
# Holidays (Algemene termijnenwet art. 3)
# ---------------------------------------------------------------------------------------------

# Known Easter Sundays (Gregorian).
EASTER = {
    2020: D(2020, 4, 12),
    2021: D(2021, 4, 4),
    2022: D(2022, 4, 17),
    2023: D(2023, 4, 9),
    2024: D(2024, 3, 31),
    2025: D(2025, 4, 20),
    2026: D(2026, 4, 5),
    2027: D(2027, 3, 28),
    2028: D(2028, 4, 16),
    2029: D(2029, 4, 1),
    2030: D(2030, 4, 21),
    # edge years of the algorithm: earliest (22 March) and latest (25 April) Easter
    2285: D(2285, 3, 22),
    2038: D(2038, 4, 25),
}


@pytest.mark.parametrize(("jaar", "pasen"), sorted(EASTER.items()))
def test_atw_3_eerste_paasdag_matches_known_dates(jaar: int, pasen: date) -> None:
    assert eerste_paasdag(jaar) == pasen
    assert pasen.weekday() == SUNDAY


@pytest.mark.parametrize(
    ("jaar", "dag"),
    [
        (2014, D(2014, 4, 26)),  # 27 April 2014 was a Sunday: first Koningsdag on Saturday
        (2019, D(2019, 4, 27)),
        (2025, D(2025, 4, 26)),  # 27 April 2025 was a Sunday
        (2026, D(2026, 4, 27)),
        (2031, D(2031, 4, 26)),  # 27 April 2031 is a Sunday
        (2013, D(2013, 4, 30)),  # Koninginnedag
        (2006, D(2006, 4, 29)),  # 30 April 2006 was a Sunday
        (1995, D(1995, 4, 29)),  # 30 April 1995 was a Sunday
    ],
)
def test_atw_3_lid_1_koningsdag(jaar: int, dag: date) -> None:
    assert koningsdag(jaar) == dag
    assert is_feestdag(dag)


def test_atw_3_lid_1_koningsdag_not_on_the_sunday_itself() -> None:
    assert D(2025, 4, 27).weekday() == SUNDAY
    assert not is_feestdag(D(2025, 4, 27))
    assert not is_feestdag(D(2014, 4, 27))


@pytest.mark.parametrize(
    ("dag", "naam"),
    [
        (D(2026, 1, 1), "Nieuwjaarsdag"),
        (D(2026, 4, 3), "Goede Vrijdag"),  # art. 3 lid 2
        (D(2026, 4, 6), "Tweede Paasdag"),
        (D(2026, 4, 27), "Koningsdag"),
        (D(2026, 5, 5), "Bevrijdingsdag"),  # a Tuesday, not a lustrum year: still a holiday
        (D(2026, 5, 14), "Hemelvaartsdag"),
        (D(2026, 5, 25), "Tweede Pinksterdag"),
        (D(2026, 12, 25), "Eerste Kerstdag"),
        (D(2026, 12, 26), "Tweede Kerstdag"),
        (D(2024, 3, 29), "Goede Vrijdag"),
        (D(2024, 5, 9), "Hemelvaartsdag"),
        (D(2024, 5, 20), "Tweede Pinksterdag"),
        (D(2013, 4, 30), "Koninginnedag"),
    ],
)
def test_atw_3_named_holidays(dag: date, naam: str) -> None:
    assert is_feestdag(dag)
    assert algemeen_erkende_feestdagen(dag.year)[dag] == naam


@pytest.mark.parametrize("jaar", range(2000, 2036))
def test_atw_3_lid_1_vijfde_mei_every_year(jaar: int) -> None:
    # Unlike the `holidays` package, which counts 5 May only every fifth year.
    assert is_feestdag(D(jaar, 5, 5))


def test_atw_3_holiday_coinciding_names_are_joined() -> None:
    # Hemelvaartsdag fell on 5 May in 2016.
    assert algemeen_erkende_feestdagen(2016)[D(2016, 5, 5)] == "Bevrijdingsdag en Hemelvaartsdag"


@pytest.mark.parametrize(
    "dag",
    [
        D(2026, 4, 1),  # ordinary Wednesday
        D(2026, 5, 1),  # 1 May is no Dutch holiday
        D(2026, 5, 4),  # Monday before 5 May: not in the 2026-2028 decree
        D(2026, 12, 31),  # Oudejaarsdag
        D(2026, 12, 24),  # Kerstavond
        D(2026, 4, 4),  # Saturday between Good Friday and Easter: a Saturday, not a holiday
    ],
)
def test_atw_3_ordinary_days_are_not_holidays(dag: date) -> None:
    assert not is_feestdag(dag)


def test_atw_3_lid_3_gelijkgestelde_dagen_are_holidays() -> None:
    for dag in GELIJKGESTELDE_DAGEN:
        assert is_feestdag(dag.datum), dag
        assert dag.datum.year in GELIJKGESTELDE_DAGEN_JAREN
        assert dag.bron.startswith("Besluit")
        # All decreed days so far are bridge days: a Monday or a Friday.
        assert dag.datum.weekday() in (0, FRIDAY), dag


def test_atw_3_lid_3_decrees_bridge_the_right_holidays() -> None:
    # Each Friday named "vrijdag na Hemelvaartsdag" really follows Ascension Day.
    for dag in GELIJKGESTELDE_DAGEN:
        if dag.omschrijving == "vrijdag na Hemelvaartsdag":
            assert dag.datum - timedelta(days=1) == eerste_paasdag(dag.datum.year) + timedelta(39)


def test_atw_3_lid_3_extra_days_from_the_municipality_table() -> None:
    brugdag = GelijkgesteldeDag(D(2031, 5, 23), "KB (nog in te voeren)", "vrijdag na Hemelvaart")
    assert not is_feestdag(brugdag.datum)
    assert is_feestdag(brugdag.datum, extra=[brugdag])
    assert not is_werkdag(brugdag.datum, extra=(d for d in [brugdag]))  # any iterable


def test_atw_1_weekend_is_not_a_holiday_but_not_a_working_day() -> None:
    saturday = D(2026, 3, 28)
    assert not is_feestdag(saturday)
    assert not is_werkdag(saturday)
    assert is_werkdag(D(2026, 3, 27))


def test_atw_years_before_first_year_are_refused() -> None:
    with pytest.raises(ValueError, match="vanaf 1990"):
        is_feestdag(D(EERSTE_JAAR - 1, 12, 25))


# ---------------------------------------------------------------------------------------------
# termijn_einde (Atw art. 1, 2, 4)
# ---------------------------------------------------------------------------------------------


def test_atw_1_six_weeks_from_24_march_2026_runs_past_bevrijdingsdag() -> None:
    # Plain end Tuesday 5 May 2026 is a holiday: runs to Wednesday 6 May.
    assert D(2026, 3, 24) + timedelta(weeks=6) == D(2026, 5, 5)
    assert termijn_einde(D(2026, 3, 24), weken=6) == D(2026, 5, 6)


@pytest.mark.parametrize(
    ("aanvang", "kwargs", "einde", "waarom"),
    [
        # Good Friday 3 April 2026 -> Saturday, Sunday, Easter Monday -> Tuesday
        (D(2026, 2, 20), {"weken": 6}, D(2026, 4, 7), "Goede Vrijdag + Pasen"),
        # Easter Monday 21 April 2025 -> Tuesday
        (D(2025, 4, 7), {"weken": 2}, D(2025, 4, 22), "Tweede Paasdag"),
        # Ascension Thursday 29 May 2025 + decreed Friday 30 May -> Monday 2 June
        (D(2025, 4, 17), {"weken": 6}, D(2025, 6, 2), "Hemelvaart + gelijkgestelde vrijdag"),
        # Ascension 2029 (10 May): no decree known for 2029 -> Friday 11 May
        (D(2029, 3, 29), {"weken": 6}, D(2029, 5, 11), "Hemelvaart zonder besluit"),
        # Whit Monday 25 May 2026 -> Tuesday
        (D(2026, 5, 11), {"weken": 2}, D(2026, 5, 26), "Tweede Pinksterdag"),
        # Christmas 2026 on Friday/Saturday -> Monday 28 December
        (D(2026, 11, 13), {"weken": 6}, D(2026, 12, 28), "Kerst + weekend"),
        # New Year 2027 on Friday -> Monday 4 January 2027
        (D(2026, 12, 18), {"weken": 2}, D(2027, 1, 4), "Nieuwjaar + weekend"),
        # 31 December 2026 is an ordinary Thursday: no extension
        (D(2026, 12, 17), {"weken": 2}, D(2026, 12, 31), "Oudejaarsdag is werkdag"),
        # 2018: decreed Monday 24 Dec, then 25 and 26 Dec -> Thursday 27 December
        (D(2018, 12, 10), {"weken": 2}, D(2018, 12, 27), "24 dec 2018 gelijkgesteld"),
        # 2018: decreed Monday 31 Dec, then New Year -> Wednesday 2 January 2019
        (D(2018, 12, 17), {"weken": 2}, D(2019, 1, 2), "31 dec 2018 gelijkgesteld"),
        # 2024: Boxing Day Thursday + decreed Friday 27 Dec + weekend -> Monday 30 Dec
        (D(2024, 12, 12), {"weken": 2}, D(2024, 12, 30), "27 dec 2024 gelijkgesteld"),
        # 2021: Christmas on Saturday/Sunday -> Monday 27 December
        (D(2021, 12, 11), {"weken": 2}, D(2021, 12, 27), "Kerst in weekend"),
        # 2022: New Year on Saturday -> Monday 3 January 2022
        (D(2021, 12, 18), {"weken": 2}, D(2022, 1, 3), "Nieuwjaar op zaterdag"),
        # 2026: New Year Thursday + decreed Friday 2 Jan + weekend -> Monday 5 January
        (D(2025, 12, 18), {"weken": 2}, D(2026, 1, 5), "2 jan 2026 gelijkgesteld"),
        # Koningsdag Monday 27 April 2026 -> Tuesday
        (D(2026, 4, 20), {"dagen": 7}, D(2026, 4, 28), "Koningsdag"),
        # Koningsdag 2025 on Saturday 26 April: weekend anyway -> Monday 28 April
        (D(2025, 4, 12), {"weken": 2}, D(2025, 4, 28), "Koningsdag op zaterdag"),
        # Ordinary working day: no extension
        (D(2026, 3, 3), {"weken": 6}, D(2026, 4, 14), "gewone dinsdag"),
        # Plain Saturday and Sunday
        (D(2026, 3, 7), {"weken": 6}, D(2026, 4, 20), "zaterdag"),
        (D(2026, 3, 8), {"weken": 6}, D(2026, 4, 20), "zondag"),
    ],
)
def test_atw_1_lid_1_extension_table(aanvang: date, kwargs: Term, einde: date, waarom: str) -> None:
    assert termijn_einde(aanvang, **kwargs) == einde, waarom


@pytest.mark.parametrize(
    ("aanvang", "maanden", "einde"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),  # clamped, a Friday
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year, a Thursday
        (D(2025, 8, 31), 1, D(2025, 9, 30)),  # clamped, a Tuesday
        (D(2025, 11, 30), 1, D(2025, 12, 30)),  # Tuesday
        (D(2025, 10, 31), 3, D(2026, 2, 2)),  # 31 Jan 2026, no clamp, is a Saturday -> Monday
        (D(2025, 11, 25), 1, D(2025, 12, 29)),  # 25 Dec Thu, 26 Fri, weekend -> Monday 29
    ],
)
def test_atw_months_are_calendar_months_clamped(aanvang: date, maanden: int, einde: date) -> None:
    assert termijn_einde(aanvang, maanden=maanden) == einde


def test_atw_2_short_term_holds_two_working_days() -> None:
    # Three days from Maundy Thursday 2 April 2026: Good Friday, Saturday, Sunday (plain end).
    # Art. 1 alone gives Tuesday 7 April (after Easter Monday), holding one working day; art. 2
    # extends to Wednesday 8 April, the second working day.
    assert termijn_einde(D(2026, 4, 2), dagen=3) == D(2026, 4, 8)


def test_atw_2_does_not_apply_below_three_days() -> None:
    # Two days from Maundy Thursday: plain end Saturday -> art. 1 only -> Tuesday 7 April.
    assert termijn_einde(D(2026, 4, 2), dagen=2) == D(2026, 4, 7)
    assert termijn_einde(D(2026, 4, 2), dagen=1) == D(2026, 4, 7)


@pytest.mark.parametrize(
    ("kwargs", "toepassing"),
    [
        ({"dagen": 90}, True),
        ({"dagen": 91}, False),
        ({"weken": 12}, True),
        ({"weken": 13}, False),
        ({"weken": 11, "dagen": 7}, True),
        ({"weken": 12, "dagen": 1}, False),
        ({"maanden": 3}, True),
        ({"maanden": 4}, False),
        ({"maanden": 3, "dagen": 1}, False),
        ({"maanden": 2, "weken": 2}, True),
    ],
)
def test_atw_4_onder_a_scope(kwargs: Term, toepassing: bool) -> None:
    assert atw_van_toepassing(**kwargs) is toepassing


def test_atw_4_onder_a_long_terms_are_not_extended() -> None:
    # 13 weeks from Tuesday 3 Feb 2026 ends Tuesday 5 May 2026 (holiday): no extension.
    assert termijn_einde(D(2026, 2, 3), weken=13) == D(2026, 5, 5)
    # 12 weeks is still within the Atw: 12 weeks from Tuesday 10 Feb 2026 is 5 May -> 6 May.
    assert termijn_einde(D(2026, 2, 10), weken=12) == D(2026, 5, 6)
    # 4 months from 5 January 2026 ends Tuesday 5 May: no extension either.
    assert termijn_einde(D(2026, 1, 5), maanden=4) == D(2026, 5, 5)


@pytest.mark.parametrize(
    "kwargs",
    [{"weken": -1}, {"dagen": -3}, {"maanden": -1}, {"weken": 2, "dagen": -1}, {}],
)
def test_termijn_einde_rejects_negative_or_empty_terms(kwargs: Term) -> None:
    with pytest.raises(ValueError, match="termijn"):
        termijn_einde(D(2026, 3, 24), **kwargs)


def test_termijn_einde_extra_day_from_municipality_table() -> None:
    # A decree for 2029 (not in the built-in table) entered by the municipality.
    brugdag = GelijkgesteldeDag(D(2029, 5, 11), "KB 2029 (voorbeeld)", "vrijdag na Hemelvaart")
    assert termijn_einde(D(2029, 3, 29), weken=6, extra=[brugdag]) == D(2029, 5, 14)


# ---------------------------------------------------------------------------------------------
# The named terms and helpers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("termijn", "weken", "dagen", "werkdagen", "artikel"),
    [
        (WMO_ONDERZOEK, 6, 0, 0, "2.3.2 lid 1"),
        (WMO_PERSOONLIJK_PLAN, 0, 7, 0, "2.3.2 lid 2"),
        (WMO_BESCHIKKING, 2, 0, 0, "2.3.5 lid 2"),
        (AWB_BESLISTERMIJN, 8, 0, 0, "4:13 lid 2"),
        (BEZWAARTERMIJN, 6, 0, 0, "6:7"),
        (BESLISTERMIJN_BEZWAAR, 6, 0, 0, "7:10 lid 1"),
        (BESLISTERMIJN_BEZWAAR_ADVIESCOMMISSIE, 12, 0, 0, "7:10 lid 1"),
        (VERDAGING_BEZWAAR, 6, 0, 0, "7:10 lid 3"),
        (RETOURBERICHT, 0, 0, 3, "OP090"),
        (DECLARATIE_ANTWOORD, 0, 0, 10, "OP090x4"),
        (ANTWOORD_VERZOEK, 0, 0, 5, "§2.5.3"),
    ],
)
def test_named_terms_carry_length_and_source(
    termijn: Termijn, weken: int, dagen: int, werkdagen: int, artikel: str
) -> None:
    assert (termijn.weken, termijn.dagen, termijn.werkdagen) == (weken, dagen, werkdagen)
    assert artikel in termijn.bron


def test_wmo_2_3_2_onderzoek_within_six_weeks() -> None:
    assert WMO_ONDERZOEK.einde(D(2026, 3, 24)) == D(2026, 5, 6)


def test_wmo_2_3_5_beschikking_within_two_weeks() -> None:
    # Aanvraag Thursday 30 April 2026: plain end Ascension Day 14 May, decreed Friday 15 May and
    # the weekend -> Monday 18 May.
    assert WMO_BESCHIKKING.einde(D(2026, 4, 30)) == D(2026, 5, 18)


def test_termijn_is_either_working_days_or_calendar() -> None:
    with pytest.raises(ValueError, match="werkdagen"):
        Termijn(naam="x", bron="y", weken=1, werkdagen=3)


def test_awb_6_7_6_8_bezwaar_uiterlijk() -> None:
    # Decision sent Tuesday 24 March 2026: term starts 25 March, ends 5 May (holiday) -> 6 May.
    assert bezwaar_uiterlijk(D(2026, 3, 24)) == D(2026, 5, 6)


@pytest.mark.parametrize(
    ("adviescommissie", "verdaagd", "einde"),
    [
        (False, False, D(2026, 6, 17)),  # 6 weeks after Wed 6 May 2026
        (True, False, D(2026, 7, 29)),  # 12 weeks
        (False, True, D(2026, 7, 29)),  # 6 + 6 weeks
        (True, True, D(2026, 9, 9)),  # 12 + 6 weeks
    ],
)
def test_awb_7_10_beslissing_op_bezwaar(adviescommissie: bool, verdaagd: bool, einde: date) -> None:
    bezwaartermijn_einde = bezwaar_uiterlijk(D(2026, 3, 24))
    assert (
        beslissing_op_bezwaar_uiterlijk(
            bezwaartermijn_einde, adviescommissie=adviescommissie, verdaagd=verdaagd
        )
        == einde
    )


def test_awb_7_10_beslissing_op_bezwaar_extended_by_atw() -> None:
    # Bezwaar term ended Thursday 20 November 2025; six weeks later is New Year 2026, then the
    # decreed Friday 2 January and the weekend -> Monday 5 January 2026.
    assert beslissing_op_bezwaar_uiterlijk(D(2025, 11, 20), adviescommissie=False) == D(2026, 1, 5)
    # Ended Thursday 19 February 2026; twelve weeks later is Ascension Day 14 May 2026, then the
    # decreed Friday 15 May and the weekend -> Monday 18 May.
    assert beslissing_op_bezwaar_uiterlijk(D(2026, 2, 19), adviescommissie=True) == D(2026, 5, 18)
    # Ended Monday 13 April 2026; six weeks later is Whit Monday 25 May -> Tuesday 26 May.
    assert beslissing_op_bezwaar_uiterlijk(D(2026, 4, 13), adviescommissie=False) == D(2026, 5, 26)


def test_awb_7_10_counts_from_the_end_of_the_bezwaar_term_not_from_receipt() -> None:
    # Awb 7:10 lid 1: "gerekend vanaf de dag na die waarop de termijn voor het indienen van het
    # bezwaarschrift is verstreken". Decision sent Tuesday 14 April 2026: the bezwaar term ends
    # Tuesday 26 May 2026 (Awb 6:7, 6:8), the decision on bezwaar is due Tuesday 7 July 2026,
    # for a bezwaar received on 20 April as much as for one posted on 26 May and received on
    # 1 June (Awb 6:9): the receipt date plays no part.
    assert beslistermijn_bezwaar(beschikking_verzonden=D(2026, 4, 14), adviescommissie=False) == D(
        2026, 7, 7
    )
    # With an advisory committee (art. 7:13): twelve weeks, Tuesday 18 August 2026.
    assert beslistermijn_bezwaar(beschikking_verzonden=D(2026, 4, 14), adviescommissie=True) == D(
        2026, 8, 18
    )
    # Postponed once by six weeks (lid 3): 18 August; further only with consent (lid 4).
    assert beslistermijn_bezwaar(
        beschikking_verzonden=D(2026, 4, 14), adviescommissie=False, verdaagd=True
    ) == D(2026, 8, 18)
    assert beslistermijn_bezwaar(
        beschikking_verzonden=D(2026, 4, 14),
        adviescommissie=False,
        verdaagd=True,
        verder_uitgesteld_tot=D(2026, 9, 15),
    ) == D(2026, 9, 15)


def test_awb_7_10_starts_after_the_atw_extended_bezwaar_term() -> None:
    # Sent Tuesday 24 March 2026: six weeks end on Bevrijdingsdag 5 May, so the bezwaar term
    # runs to Wednesday 6 May (Atw art. 1, 3). The decision on bezwaar: 6 weeks from 7 May,
    # Wednesday 17 June 2026 (not 16 June, which counts from the holiday).
    assert beslistermijn_bezwaar(beschikking_verzonden=D(2026, 3, 24), adviescommissie=False) == D(
        2026, 6, 17
    )


def test_awb_7_10_ending_at_christmas_runs_to_the_next_working_day() -> None:
    # Sent Friday 2 October 2026: bezwaar term ends Friday 13 November; six weeks later is
    # Eerste Kerstdag (Friday 25 December), then Tweede Kerstdag on the Saturday and Sunday:
    # Monday 28 December 2026 (Atw art. 1 lid 1, art. 3 lid 1).
    assert beslistermijn_bezwaar(beschikking_verzonden=D(2026, 10, 2), adviescommissie=False) == D(
        2026, 12, 28
    )


def test_awb_9_11_klacht_terms() -> None:
    assert (KLACHT_AFHANDELING.weken, KLACHT_AFHANDELING_ADVIES.weken) == (6, 10)
    assert VERDAGING_KLACHT.weken == 4 and "9:11 lid 2" in VERDAGING_KLACHT.bron
    assert "afdeling 9.1.3" in KLACHT_AFHANDELING_ADVIES.bron
    # Lid 1: received Tuesday 24 March 2026, six weeks end on 5 May (holiday): Wednesday 6 May.
    assert klacht_afhandelen_uiterlijk(D(2026, 3, 24)) == D(2026, 5, 6)
    # Lid 1: ten weeks when a person or committee advises (afdeling 9.1.3): Tuesday 2 June.
    assert klacht_afhandelen_uiterlijk(D(2026, 3, 24), advies=True) == D(2026, 6, 2)
    # Lid 2: postponed by at most four weeks, from the unextended end (5 May): Tuesday 2 June.
    assert klacht_afhandelen_uiterlijk(D(2026, 3, 24), verdaagd=True) == D(2026, 6, 2)
    assert klacht_afhandelen_uiterlijk(D(2026, 3, 24), advies=True, verdaagd=True) == D(2026, 6, 30)
    # Lid 3: further only with the complainant's written consent.
    assert klacht_afhandelen_uiterlijk(
        D(2026, 3, 24), verdaagd=True, verder_uitgesteld_tot=D(2026, 7, 15)
    ) == D(2026, 7, 15)
    # An agreed day before the term's end changes nothing.
    assert klacht_afhandelen_uiterlijk(D(2026, 3, 24), verder_uitgesteld_tot=D(2026, 4, 1)) == D(
        2026, 5, 6
    )


def test_awb_9_11_klacht_over_ascension_day() -> None:
    # Received Thursday 2 April 2026: six weeks end on Hemelvaartsdag 14 May, the decreed
    # Friday 15 May and the weekend follow: Monday 18 May 2026. Postponed four weeks from the
    # unextended 14 May: Thursday 11 June 2026.
    assert klacht_afhandelen_uiterlijk(D(2026, 4, 2)) == D(2026, 5, 18)
    assert klacht_afhandelen_uiterlijk(D(2026, 4, 2), verdaagd=True) == D(2026, 6, 11)


def test_awb_4_14_notice_of_a_late_wmo_decision() -> None:
    # Wmo aanvraag received Monday 2 March 2026: decision within two weeks (Wmo 2015 art. 2.3.5
    # lid 2), Monday 16 March. The notice of Awb 4:14 lid 1 is due before the end of the term;
    # the worklist asks for it from five working days before: Monday 9 March.
    mededeling = mededeling_vertraging(D(2026, 3, 16), wettelijke_termijn=True)
    assert (mededeling.vanaf, mededeling.uiterlijk) == (D(2026, 3, 9), D(2026, 3, 16))
    assert "4:14 lid 1" in mededeling.bron and "zo kort mogelijke termijn" in mededeling.bron

    def status(vandaag: date, beslist: bool = False, gedaan: bool = False) -> MededelingStatus:
        return mededeling_vertraging_status(
            mededeling, vandaag, beslist=beslist, mededeling_gedaan=gedaan
        )

    assert status(D(2026, 3, 6)) == MededelingStatus.NOG_NIET
    assert status(D(2026, 3, 9)) == MededelingStatus.NU_STUREN
    assert status(D(2026, 3, 16)) == MededelingStatus.NU_STUREN
    assert status(D(2026, 3, 17)) == MededelingStatus.TERMIJN_VERSTREKEN
    assert status(D(2026, 3, 17), beslist=True) == MededelingStatus.NIET_NODIG
    assert status(D(2026, 3, 12), gedaan=True) == MededelingStatus.NIET_NODIG
    # What the notice must say: a new term after the end of the current one, sent in time.
    assert (
        mededeling_vertraging_fouten(
            mededeling, verzonden_op=D(2026, 3, 13), nieuwe_datum=D(2026, 3, 30)
        )
        == []
    )
    assert (
        len(
            mededeling_vertraging_fouten(mededeling, verzonden_op=D(2026, 3, 17), nieuwe_datum=None)
        )
        == 2
    )
    assert mededeling_vertraging_fouten(
        mededeling, verzonden_op=D(2026, 3, 13), nieuwe_datum=D(2026, 3, 16)
    ) == ["De nieuwe termijn moet na het einde van de huidige beslistermijn liggen (16-03-2026)."]


def test_awb_4_14_notice_without_a_statutory_term_skips_holidays() -> None:
    # Jeugdwet aanvraag received Monday 2 March 2026: no statutory term, so eight weeks (Awb
    # 4:13 lid 2), ending on Koningsdag Monday 27 April: Tuesday 28 April 2026. The notice of
    # Awb 4:14 lid 3 is due within those eight weeks; three working days before: Friday 24,
    # Thursday 23 and Wednesday 22 April (27 April is a holiday, the weekend does not count).
    einde = AWB_BESLISTERMIJN.einde(D(2026, 3, 2))
    assert einde == D(2026, 4, 28)
    mededeling = mededeling_vertraging(einde, wettelijke_termijn=False, waarschuwing_werkdagen=3)
    assert mededeling.vanaf == D(2026, 4, 22)
    assert "4:14 lid 3" in mededeling.bron and "redelijke termijn" in mededeling.bron
    # Over Bevrijdingsdag: a term ending Wednesday 6 May 2026, three working days before skips
    # 5 May: Thursday 30 April.
    assert mededeling_vertraging(
        D(2026, 5, 6), wettelijke_termijn=True, waarschuwing_werkdagen=3
    ).vanaf == D(2026, 4, 30)


# ---------------------------------------------------------------------------------------------
# werkdagen_later (iWmo/iJw OP090, OP090x4, Procesbeschrijving §2.5.3)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dag", "n", "einde"),
    [
        (D(2026, 3, 23), 3, D(2026, 3, 26)),  # Monday -> Thursday
        (D(2026, 3, 26), 3, D(2026, 3, 31)),  # Thursday -> over the weekend -> Tuesday
        (D(2026, 3, 28), 3, D(2026, 4, 1)),  # received on Saturday: Mon, Tue, Wed
        (D(2026, 4, 2), 3, D(2026, 4, 9)),  # Good Friday and Easter Monday skipped
        (D(2026, 12, 24), 3, D(2026, 12, 30)),  # Christmas Friday skipped
        (D(2026, 5, 4), 10, D(2026, 5, 21)),  # 5 May, Ascension 14 May, decreed 15 May
        (D(2026, 5, 11), 5, D(2026, 5, 20)),  # 12, 13, (Ascension, decreed Fri), 18, 19, 20
        (D(2026, 3, 24), 0, D(2026, 3, 24)),
    ],
)
def test_op090_werkdagen_later_table(dag: date, n: int, einde: date) -> None:
    assert werkdagen_later(dag, n) == einde


def test_op090_named_working_day_terms() -> None:
    assert RETOURBERICHT.einde(D(2026, 4, 2)) == D(2026, 4, 9)
    assert DECLARATIE_ANTWOORD.einde(D(2026, 5, 4)) == D(2026, 5, 21)
    assert ANTWOORD_VERZOEK.einde(D(2026, 5, 11)) == D(2026, 5, 20)


def test_werkdagen_later_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negatief"):
        werkdagen_later(D(2026, 3, 24), -1)


# ---------------------------------------------------------------------------------------------
# Suspension (Awb art. 4:15)
# ---------------------------------------------------------------------------------------------

AANVRAAG = D(2026, 3, 2)  # Monday; WMO_BESCHIKKING plain end Monday 16 March 2026


def test_awb_4_15_without_suspension_equals_termijn_einde() -> None:
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2) == D(2026, 3, 16)
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2) == termijn_einde(AANVRAAG, weken=2)


def test_awb_4_15_lid_1_suspension_moves_the_end_then_atw() -> None:
    # Invitation to complete sent Wed 4 March, completed Wed 18 March: suspended 5..17 March
    # (13 days). 16 March + 13 = Sunday 29 March -> Monday 30 March (Atw art. 1).
    opschorting = Opschorting(D(2026, 3, 4), D(2026, 3, 18), "aanvulling gevraagd (4:5)")
    assert opschorting.dagen_opgeschort == 13
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[opschorting]) == D(
        2026, 3, 30
    )


def test_awb_4_15_open_suspension_gives_no_deadline() -> None:
    open_ = Opschorting(D(2026, 3, 4), None, "aanvulling gevraagd, nog niet ontvangen")
    assert open_.dagen_opgeschort is None
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[open_]) is None


def test_awb_4_15_overlapping_suspensions_count_each_day_once() -> None:
    a = Opschorting(D(2026, 3, 4), D(2026, 3, 18), "aanvulling")  # 5..17
    b = Opschorting(D(2026, 3, 10), D(2026, 3, 20), "uitstel met instemming")  # 11..19
    # Union 5..19 March = 15 days: 16 March + 15 = Tuesday 31 March.
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[b, a]) == D(2026, 3, 31)


def test_awb_4_15_second_suspension_inside_the_extended_term_counts() -> None:
    a = Opschorting(D(2026, 3, 4), D(2026, 3, 18), "aanvulling")  # 13 days -> end 29 March
    b = Opschorting(D(2026, 3, 20), D(2026, 3, 25), "overmacht")  # 21..24 = 4 days -> 2 April
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[a, b]) == D(2026, 4, 2)


def test_awb_4_15_suspension_after_the_term_ran_out_is_ignored() -> None:
    late = Opschorting(D(2026, 3, 16), D(2026, 3, 30), "te laat")  # starts 17 March
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[late]) == D(2026, 3, 16)
    late_open = Opschorting(D(2026, 3, 20), None, "te laat en open")
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[late_open]) == D(
        2026, 3, 16
    )


def test_awb_4_15_suspension_of_zero_days() -> None:
    next_day = Opschorting(D(2026, 3, 4), D(2026, 3, 5), "direct aangevuld")
    assert next_day.dagen_opgeschort == 0
    assert termijn_einde_met_opschorting(AANVRAAG, weken=2, opschortingen=[next_day]) == D(
        2026, 3, 16
    )


def test_awb_4_15_suspension_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="opschorting"):
        Opschorting(D(2026, 3, 18), D(2026, 3, 4), "verkeerd om")


def test_awb_4_15_suspension_rejects_negative_terms() -> None:
    with pytest.raises(ValueError, match="negatief"):
        termijn_einde_met_opschorting(AANVRAAG, weken=-2)


# ---------------------------------------------------------------------------------------------
# termijn_status
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uiterlijk", "vandaag", "status"),
    [
        (D(2026, 5, 6), D(2026, 5, 7), TermijnStatus.VERLOPEN),
        (D(2026, 5, 6), D(2026, 5, 6), TermijnStatus.BIJNA_VERLOPEN),  # last day today
        # From Wed 29 April: Thu 30 (1), Fri 1 May (2), Mon 4 (3), Wed 6 (4) -> within 5
        (D(2026, 5, 6), D(2026, 4, 29), TermijnStatus.BIJNA_VERLOPEN),
        # From Wed 22 April: 23, 24, 28 (Koningsdag 27 skipped), 29, 30 -> 6 May not within 5
        (D(2026, 5, 6), D(2026, 4, 22), TermijnStatus.OP_SCHEMA),
        (D(2026, 5, 6), D(2026, 3, 24), TermijnStatus.OP_SCHEMA),
    ],
)
def test_termijn_status(uiterlijk: date, vandaag: date, status: TermijnStatus) -> None:
    assert termijn_status(uiterlijk, vandaag) is status


def test_termijn_status_custom_warning_and_validation() -> None:
    assert termijn_status(D(2026, 5, 6), D(2026, 5, 4), waarschuwing_werkdagen=0) is (
        TermijnStatus.OP_SCHEMA
    )
    assert termijn_status(D(2026, 5, 6), D(2026, 5, 4), waarschuwing_werkdagen=1) is (
        TermijnStatus.BIJNA_VERLOPEN
    )
    with pytest.raises(ValueError, match="negatief"):
        termijn_status(D(2026, 5, 6), D(2026, 5, 4), waarschuwing_werkdagen=-1)


# ---------------------------------------------------------------------------------------------
# Properties (hypothesis)
# ---------------------------------------------------------------------------------------------

dates = st.dates(min_value=D(EERSTE_JAAR, 1, 1), max_value=D(2099, 12, 31))
# Terms inside the Atw (art. 4 onder a), one unit at a time as the law writes them.
atw_terms: st.SearchStrategy[Term] = st.one_of(
    st.builds(Term, weken=st.integers(1, 12)),
    st.builds(Term, dagen=st.integers(1, 90)),
    st.builds(Term, maanden=st.integers(1, 3)),
)


def _plain(aanvang: date, term: Term) -> date:
    maanden = term.get("maanden", 0)
    year, month0 = divmod(aanvang.month - 1 + maanden, 12)
    year += aanvang.year
    day = min(aanvang.day, calendar.monthrange(year, month0 + 1)[1])
    return date(year, month0 + 1, day) + timedelta(
        weeks=term.get("weken", 0), days=term.get("dagen", 0)
    )


@given(aanvang=dates, term=atw_terms)
def test_property_never_before_plain_end_and_at_most_a_few_days_after(
    aanvang: date, term: Term
) -> None:
    einde = termijn_einde(aanvang, **term)
    plain = _plain(aanvang, term)
    assert einde >= plain > aanvang
    # The longest run of non-working days in the built-in calendar is 5 (Sat 22 ->
    # Thu 27 Dec 2018); a decree could make it 9 (Sat 2 -> Mon 11 May with Ascension on 7 May).
    assert (einde - plain).days <= 9


@given(aanvang=dates, term=atw_terms)
def test_property_never_on_weekend_or_holiday(aanvang: date, term: Term) -> None:
    einde = termijn_einde(aanvang, **term)
    assert einde.weekday() < SATURDAY
    assert not is_feestdag(einde)
    assert is_werkdag(einde)


@given(aanvang=dates, term=atw_terms)
def test_property_atw_2_at_least_two_working_days(aanvang: date, term: Term) -> None:
    einde = termijn_einde(aanvang, **term)
    if (_plain(aanvang, term) - aanvang).days >= 3:
        werkdagen = sum(
            is_werkdag(aanvang + timedelta(days=i)) for i in range(1, (einde - aanvang).days + 1)
        )
        assert werkdagen >= 2


@given(a=dates, b=dates, term=atw_terms)
def test_property_monotonic_in_aanvang(a: date, b: date, term: Term) -> None:
    early, late = sorted((a, b))
    assert termijn_einde(early, **term) <= termijn_einde(late, **term)


@given(aanvang=dates, weken=st.integers(1, 11))
def test_property_monotonic_in_length(aanvang: date, weken: int) -> None:
    assert termijn_einde(aanvang, weken=weken) <= termijn_einde(aanvang, weken=weken + 1)


@given(aanvang=dates, weken=st.integers(1, 12))
def test_property_week_term_is_extended_only_when_plain_end_is_not_a_working_day(
    aanvang: date, weken: int
) -> None:
    plain = aanvang + timedelta(weeks=weken)
    einde = termijn_einde(aanvang, weken=weken)
    if is_werkdag(plain):
        assert einde == plain
    else:
        # The first working day after the plain end, and nothing in between is one.
        assert all(not is_werkdag(plain + timedelta(i)) for i in range((einde - plain).days))


@given(dag=dates, n=st.integers(0, 60))
def test_property_werkdagen_later_counts_exactly_n_working_days(dag: date, n: int) -> None:
    einde = werkdagen_later(dag, n)
    counted = sum(is_werkdag(dag + timedelta(i)) for i in range(1, (einde - dag).days + 1))
    assert counted == n
    if n:
        assert is_werkdag(einde)
        assert werkdagen_later(dag, n - 1) < einde


suspensions = st.lists(
    st.tuples(st.integers(-5, 120), st.one_of(st.none(), st.integers(0, 60))),
    max_size=4,
)


@given(aanvang=dates, weken=st.integers(1, 12), raw=suspensions)
def test_property_suspension_never_shortens_the_term(
    aanvang: date, weken: int, raw: list[tuple[int, int | None]]
) -> None:
    opschortingen = [
        Opschorting(
            aanvang + timedelta(days=start),
            None if length is None else aanvang + timedelta(days=start + length),
            "test",
        )
        for start, length in raw
    ]
    zonder = termijn_einde(aanvang, weken=weken)
    met = termijn_einde_met_opschorting(aanvang, weken=weken, opschortingen=opschortingen)
    if met is None:
        assert any(o.tot is None for o in opschortingen)
        return
    assert met >= zonder
    assert is_werkdag(met)
    closed = [o for o in opschortingen if o.tot is not None]
    total = sum(o.dagen_opgeschort or 0 for o in closed)
    # Never moved by more than all suspended days together, plus an Atw extension.
    assert (met - zonder).days <= total + 9


@given(uiterlijk=dates, vandaag=dates)
def test_property_status_consistent(uiterlijk: date, vandaag: date) -> None:
    status = termijn_status(uiterlijk, vandaag)
    assert (status is TermijnStatus.VERLOPEN) == (vandaag > uiterlijk)
    if status is TermijnStatus.OP_SCHEMA:
        assert uiterlijk > werkdagen_later(vandaag, 5)
