"""rules.mantelzorg: young carers, long or intensive care, the appreciation as a dated municipal
choice, and whether a volunteer fits a klus — without a database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules import mantelzorg as r

datums = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31))


def test_there_are_eight_basic_functions_of_carer_support():
    # Seed 003a §5.2 (MEZZO, L1769-1898).
    assert len(r.Basisfunctie) == 8
    assert r.Basisfunctie.RESPIJTZORG.label == "Respijtzorg"


@pytest.mark.parametrize(
    ("geboren", "op", "jong"),
    [
        (dt.date(2010, 3, 1), dt.date(2028, 2, 29), True),  # a day before 18 (BW 1:233)
        (dt.date(2010, 3, 1), dt.date(2028, 3, 1), False),  # 18 today
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), True),  # leap-day child: 18 on 1 March
        (None, dt.date(2026, 1, 1), False),  # unknown birth date
    ],
)
def test_bw_1_233_a_young_carer_is_a_minor(geboren, op, jong):
    assert r.is_jonge_mantelzorger(geboren, op) is jong


@given(datums, datums)
def test_young_carer_exactly_when_under_18(geboren, op):
    if geboren > op:
        return
    assert r.is_jonge_mantelzorger(geboren, op) == (r.leeftijd_op(geboren, op) < 18)


@pytest.mark.parametrize(
    ("uren", "sinds", "intensief"),
    [
        (Decimal(9), dt.date(2026, 5, 1), True),  # more than 8 hours a week
        (Decimal(8), dt.date(2026, 5, 1), False),  # 8 hours, one month
        (Decimal(2), dt.date(2026, 3, 1), True),  # three months
        (Decimal(2), dt.date(2026, 3, 2), False),  # a day short of three months
    ],
)
def test_scp_long_or_intensive_care(uren, sinds, intensief):
    assert r.is_langdurig_of_intensief(uren, sinds, dt.date(2026, 6, 1)) is intensief


@given(st.decimals(min_value=-10, max_value=400, places=1))
def test_hours_per_week_lie_within_a_week(uren):
    assert (r.uren_fouten(uren) == []) == (0 < uren <= 168)


def _versie(n: int, vanaf: dt.date, vorm: str = "bedrag") -> r.RegelingVersie:
    return r.RegelingVersie(
        versie=n,
        geldig_vanaf=vanaf,
        vorm=r.WaarderingVorm(vorm),
        bedrag=Decimal(50) if vorm == "bedrag" else None,
        omschrijving="",
        bron="Verordening",
    )


def test_wmo_2_1_6_the_choice_in_force_on_a_date():
    versies = [
        _versie(1, dt.date(2024, 1, 1)),
        _versie(2, dt.date(2026, 1, 1), "bijeenkomst"),
        _versie(3, dt.date(2026, 1, 1), "bedrag"),  # same day: the higher version wins
    ]
    assert r.regeling_op(versies, dt.date(2023, 12, 31)) is None
    assert r.regeling_op(versies, dt.date(2025, 7, 1)).versie == 1
    assert r.regeling_op(versies, dt.date(2026, 1, 1)).versie == 3


@given(st.lists(st.tuples(st.integers(1, 50), datums), max_size=8), datums)
def test_the_choice_in_force_never_starts_after_the_date(rijen, op):
    versies = [_versie(n, d) for n, d in rijen]
    gekozen = r.regeling_op(versies, op)
    geldig = [v for v in versies if v.geldig_vanaf <= op]
    assert (gekozen is None) == (not geldig)
    if gekozen is not None:
        assert gekozen.geldig_vanaf <= op
        assert all(v.geldig_vanaf <= gekozen.geldig_vanaf for v in geldig)


def test_a_choice_needs_its_form_amount_or_event_and_a_source():
    assert r.regeling_fouten("bedrag", Decimal(50), "", "Verordening art. 14") == []
    assert r.regeling_fouten("bijeenkomst", None, "Dag van de Mantelzorg", "Besluit") == []
    assert r.regeling_fouten("bedrag", None, "", "x")
    assert r.regeling_fouten("bijeenkomst", None, " ", "x")
    assert r.regeling_fouten("bedrag", Decimal(50), "", "")
    assert r.regeling_fouten("cadeaubon", None, "", "x")


def test_the_appreciation_is_for_the_year_of_the_application():
    op = dt.date(2026, 11, 10)
    assert r.waardering_fouten(jaar=2026, aangevraagd_op=op, vandaag=op) == []
    assert r.waardering_fouten(jaar=2025, aangevraagd_op=op, vandaag=op)
    assert r.waardering_fouten(jaar=2026, aangevraagd_op=op, vandaag=dt.date(2026, 11, 9))


def test_a_volunteer_fits_a_klus_only_when_available_on_that_part_of_that_day():
    dinsdag = dt.date(2026, 12, 8)
    assert dinsdag.weekday() == 1
    fouten = r.match_fouten(
        beschikbaar=["za_ochtend"],
        vaardigheden=["boodschappen"],
        actief=True,
        klus_datum=dinsdag,
        klus_dagdeel="ochtend",
        klus_vaardigheid="boodschappen",
    )
    assert fouten == [
        "Deze vrijwilliger is niet beschikbaar op dinsdag ochtend (08-12-2026): kies een andere "
        "vrijwilliger of een ander moment."
    ]
    assert (
        r.match_fouten(
            beschikbaar=["di_ochtend"],
            vaardigheden=["boodschappen"],
            actief=True,
            klus_datum=dinsdag,
            klus_dagdeel="ochtend",
            klus_vaardigheid="boodschappen",
        )
        == []
    )


@given(
    st.sets(st.sampled_from(r.DAGDELEN)),
    datums,
    st.sampled_from([d.value for d in r.Dagdeel]),
)
def test_a_match_is_refused_exactly_outside_the_availability(beschikbaar, datum, deel):
    fouten = r.match_fouten(
        beschikbaar=beschikbaar,
        vaardigheden=["tuin"],
        actief=True,
        klus_datum=datum,
        klus_dagdeel=deel,
        klus_vaardigheid="tuin",
    )
    assert (fouten == []) == (r.dagdeel_van(datum, deel) in beschikbaar)


# --- the volunteer's VOG (Wjsg art. 28: no term in the law; the municipality's choice) --------


def _termijn(maanden: int = 36, n: int = 1, vanaf: dt.date = dt.date(2020, 1, 1)):
    return r.VogTermijnVersie(versie=n, geldig_vanaf=vanaf, maanden=maanden, bron="Beleid § 4")


def test_wjsg_28_without_a_municipal_choice_no_vog_is_asked():
    assert r.vog_fouten(vog_datum=None, op=dt.date(2026, 3, 1), termijn=None) == []
    assert r.vog_fouten(vog_datum=dt.date(2001, 1, 1), op=dt.date(2026, 3, 1), termijn=None) == []


def test_a_vog_counts_for_the_municipalitys_months_and_not_a_day_longer():
    termijn = _termijn(36)
    vog = dt.date(2023, 3, 15)
    assert r.vog_geldig_tot(vog, termijn) == dt.date(2026, 3, 14)
    assert r.vog_fouten(vog_datum=vog, op=dt.date(2026, 3, 14), termijn=termijn) == []
    [fout] = r.vog_fouten(vog_datum=vog, op=dt.date(2026, 3, 15), termijn=termijn)
    assert "15-03-2023" in fout and "14-03-2026" in fout and "te oud" in fout
    assert "36 maanden" in fout and "Beleid § 4" in fout
    [fout] = r.vog_fouten(vog_datum=None, op=dt.date(2026, 3, 15), termijn=termijn)
    assert "geen VOG" in fout


def test_a_month_term_ends_on_the_last_day_of_a_shorter_month():
    assert r.vog_geldig_tot(dt.date(2024, 1, 31), _termijn(1)) == dt.date(2024, 2, 29)
    assert r.vog_geldig_tot(dt.date(2023, 1, 31), _termijn(1)) == dt.date(2023, 2, 28)
    assert r.vog_geldig_tot(dt.date(2023, 3, 1), _termijn(12)) == dt.date(2024, 2, 29)


def test_the_vog_term_in_force_on_a_date():
    versies = [_termijn(36, 1, dt.date(2024, 1, 1)), _termijn(24, 2, dt.date(2026, 1, 1))]
    assert r.vog_termijn_op(versies, dt.date(2023, 12, 31)) is None
    assert r.vog_termijn_op(versies, dt.date(2025, 6, 1)).maanden == 36
    assert r.vog_termijn_op(versies, dt.date(2026, 1, 1)).maanden == 24


def test_a_vog_term_needs_whole_months_within_reason_and_a_source():
    assert r.vog_termijn_fouten(36, "Vrijwilligersbeleid 2026") == []
    assert r.vog_termijn_fouten(0, "x")
    assert r.vog_termijn_fouten(121, "x")
    assert r.vog_termijn_fouten(12, " ")


@given(datums, st.integers(1, 120), datums)
def test_a_vog_counts_exactly_until_its_last_day(vog, maanden, op):
    termijn = _termijn(maanden)
    tot = r.vog_geldig_tot(vog, termijn)
    assert tot >= vog
    assert (r.vog_fouten(vog_datum=vog, op=op, termijn=termijn) == []) == (op <= tot)
