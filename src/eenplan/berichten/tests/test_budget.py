"""The budget arithmetic: the volume of a toewijzing in a year, units, amounts, forecast."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.berichten.budget import (
    Toegewezen,
    jaarvolume,
    omrekenen,
    prognose,
    toegewezen_bedrag,
)

D = dt.date


@pytest.mark.parametrize(
    ("ingang", "eind", "volume", "frequentie", "verwacht"),
    [
        (D(2026, 1, 1), None, 3, "2", 53 * 3),  # 2026: 1 Jan is in ISO week 1; 31 Dec week 53
        (D(2026, 7, 1), D(2026, 7, 31), 3, "2", 5 * 3),  # weeks 27-31
        (D(2025, 12, 1), D(2026, 1, 31), 2, "1", 31 * 2),  # only January counts in 2026
        (D(2026, 3, 15), D(2026, 5, 2), 10, "4", 3 * 10),  # March, April, May
        (D(2026, 1, 1), D(2026, 12, 31), 100, "6", 100),  # total within the validity
        (D(2027, 1, 1), None, 3, "2", 0),  # not yet
    ],
)
def test_volume_in_a_year_per_frequency(ingang, eind, volume, frequentie, verwacht):
    got = jaarvolume(ingang=ingang, eind=eind, volume=volume, frequentie=frequentie, jaar=2026)
    assert got == verwacht


def test_a_total_over_two_years_is_spread_by_days():
    args = {"ingang": D(2026, 7, 1), "eind": D(2027, 6, 30), "volume": 365, "frequentie": "6"}
    assert jaarvolume(**args, jaar=2026) + jaarvolume(**args, jaar=2027) == 365
    assert jaarvolume(**args, jaar=2026) == 184  # 1 July - 31 December


def test_outputgericht_counts_sundays():
    # July 2026 has 4 Sundays (5, 12, 19, 26)
    got = jaarvolume(
        ingang=D(2026, 7, 1),
        eind=D(2026, 7, 31),
        volume=2,
        frequentie="2",
        jaar=2026,
        variant="outputgericht",
    )
    assert got == 8


def test_units_convert_only_between_time_units():
    assert omrekenen(Decimal(90), "01", "04") == Decimal("1.5")
    assert omrekenen(Decimal(2), "16", "04") == 8
    assert omrekenen(Decimal(2), "82", "04") is None  # stuks to uren


def test_amount_is_volume_times_contract_tariff():
    t = Toegewezen(D(2026, 7, 1), D(2026, 7, 31), 3, "04", "2", None)
    assert toegewezen_bedrag(t, 2026, Decimal("60.00"), "04") == 15 * 6000
    assert toegewezen_bedrag(t, 2026, Decimal("1.00"), "01") == 15 * 60 * 100  # per minute
    assert toegewezen_bedrag(t, 2026, None, "04") is None  # no contract tariff
    assert toegewezen_bedrag(t, 2026, Decimal("60.00"), "82") is None  # units do not convert
    budget = Toegewezen(D(2026, 1, 1), None, None, "", "", 500_000)
    assert toegewezen_bedrag(budget, 2026, None, "") == 500_000
    assert toegewezen_bedrag(budget, 2027, None, "") == 0


def test_forecast():
    vandaag = D(2026, 9, 15)
    kwargs = {"goedgekeurd": 80_000, "vandaag": vandaag, "toegewezen": 150_000}
    assert prognose(**kwargs, laatste_maand=8, jaar=2026) == 120_000  # 8 months → 12
    assert prognose(**kwargs, laatste_maand=None, jaar=2026) == 80_000  # nothing to go on
    assert prognose(**kwargs, laatste_maand=12, jaar=2025) == 80_000  # a past year: as approved
    assert prognose(**kwargs, laatste_maand=None, jaar=2027) == 150_000  # future: as assigned


@given(
    st.dates(D(2024, 1, 1), D(2028, 12, 31)),
    st.integers(0, 900),
    st.integers(1, 40),
    st.sampled_from(["1", "2", "4", "6"]),
)
def test_the_years_together_never_allow_less_than_the_whole(ingang, dagen, volume, frequentie):
    """Split over calendar years, a toewijzing's volume adds up to at least what the whole
    period allows counted the same way (weeks and months that cross a year's end count in both
    years), and a total (6) adds up exactly."""
    eind = ingang + dt.timedelta(days=dagen)
    som = sum(
        jaarvolume(ingang=ingang, eind=eind, volume=volume, frequentie=frequentie, jaar=j)
        for j in range(ingang.year, eind.year + 1)
    )
    alle = [ingang + dt.timedelta(days=i) for i in range(dagen + 1)]
    geheel = {
        "1": len(alle) * volume,
        "2": len({d.isocalendar()[:2] for d in alle}) * volume,
        "4": len({(d.year, d.month) for d in alle}) * volume,
        "6": volume,
    }[frequentie]
    if frequentie == "6":
        assert som == pytest.approx(Decimal(volume))
    else:
        assert som >= geheel
