"""Eigen bijdrage per year and household, ouderbijdrage, PGB, OP043 and bezwaar tables."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.eigen_bijdrage import (
    Levering,
    Persoon,
    Soort,
    Uitzondering,
    aow_bereikt,
    eigen_bijdrage,
    ouderbijdrage_verschuldigd,
)
from eenplan.rules.voorziening import Levering as Beschikt
from eenplan.rules.voorziening import (
    Leveringsvorm,
    Ontvankelijkheid,
    PgbToets,
    bezwaar_tijdigheid,
    op043_conflicten,
    periode_fouten,
    pgb_bezwaren,
    pgb_budget,
)

HH = Levering("Hulp bij het huishouden", Soort.ABONNEMENT, Decimal("180.00"))
RL = Levering("Rolstoel", Soort.ABONNEMENT, Decimal("12.00"))
OUDER = Persoon(dt.date(1940, 5, 1))
JONG = Persoon(dt.date(1970, 5, 1))


@pytest.mark.parametrize(
    ("op", "bedrag"),
    [
        (dt.date(2019, 6, 1), Decimal("18.96")),  # € 17,50 per 4 weeks = 13 x 17,50 / 12
        (dt.date(2020, 1, 1), Decimal("19.00")),
        (dt.date(2023, 12, 31), Decimal("19.00")),
        (dt.date(2024, 1, 1), Decimal("20.60")),
    ],
)
def test_abonnementstarief_per_year(op, bedrag):
    assert (
        eigen_bijdrage([HH], clienten=[OUDER], gehuwd_of_partner=False, op=op).bedrag_per_maand
        == bedrag
    )


def test_one_contribution_per_household_however_many_provisions():
    uitkomst = eigen_bijdrage(
        [HH, RL], clienten=[OUDER], gehuwd_of_partner=False, op=dt.date(2024, 3, 1)
    )
    assert uitkomst.bedrag_per_maand == Decimal("20.60")
    assert any("één abonnementstarief" in t for t in uitkomst.toelichting)


def test_never_more_than_the_cost_price():
    uitkomst = eigen_bijdrage(
        [RL], clienten=[OUDER], gehuwd_of_partner=False, op=dt.date(2024, 3, 1)
    )
    assert uitkomst.bedrag_per_maand == Decimal("12.00")


def test_partner_below_aow_age_pays_nothing():
    assert (
        eigen_bijdrage(
            [HH], clienten=[OUDER, JONG], gehuwd_of_partner=True, op=dt.date(2024, 3, 1)
        ).bedrag_per_maand
        == 0
    )
    assert (
        eigen_bijdrage(
            [HH],
            clienten=[OUDER, Persoon(dt.date(1945, 1, 1))],
            gehuwd_of_partner=True,
            op=dt.date(2024, 3, 1),
        ).bedrag_per_maand
        > 0
    )


def test_beschermd_wonen_and_opvang_are_outside_the_abonnement():
    uitkomst = eigen_bijdrage(
        [
            Levering("Beschermd wonen", Soort.BESCHERMD_WONEN, Decimal(3000)),
            Levering("Opvang", Soort.OPVANG, Decimal(900)),
        ],
        clienten=[OUDER],
        gehuwd_of_partner=False,
        op=dt.date(2024, 3, 1),
    )
    assert uitkomst.bedrag_per_maand == 0 and not uitkomst.via_cak
    assert "inkomensafhankelijke" in uitkomst.toelichting[0]
    assert "gemeente zelf" in uitkomst.toelichting[1]


def test_before_the_first_known_tariff_is_refused():
    with pytest.raises(ValueError, match="Geen abonnementstarief"):
        eigen_bijdrage([HH], clienten=[OUDER], gehuwd_of_partner=False, op=dt.date(2018, 6, 1))


@pytest.mark.parametrize(
    ("geboren", "op", "bereikt"),
    [
        (dt.date(1957, 9, 1), dt.date(2024, 8, 31), False),
        (dt.date(1957, 9, 1), dt.date(2024, 9, 1), True),  # 67 in 2024
        (dt.date(1955, 3, 15), dt.date(2021, 7, 14), False),  # 66 and 4 months in 2021
        (dt.date(1955, 3, 15), dt.date(2021, 7, 15), True),
        (dt.date(1956, 1, 31), dt.date(2022, 8, 30), False),  # 66 and 7 months in 2022
        (dt.date(1956, 1, 31), dt.date(2022, 8, 31), True),
    ],
)
def test_aow_age(geboren, op, bereikt):
    assert aow_bereikt(Persoon(geboren), op) is bereikt


@given(
    st.lists(st.decimals(min_value=0, max_value=5000, places=2), min_size=1, max_size=5),
    st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_property_contribution_bounded_by_tariff_and_cost(kostprijzen, op):
    leveringen = [Levering(f"v{i}", Soort.ABONNEMENT, k) for i, k in enumerate(kostprijzen)]
    bedrag = eigen_bijdrage(
        leveringen, clienten=[OUDER], gehuwd_of_partner=False, op=op
    ).bedrag_per_maand
    assert 0 <= bedrag <= sum(kostprijzen)
    assert bedrag <= Decimal("20.60")


def test_ouderbijdrage_abolished_from_2016():
    assert ouderbijdrage_verschuldigd(verblijf_buiten_gezin=True, periode_begin=dt.date(2015, 6, 1))
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=True,
        periode_begin=dt.date(2015, 6, 1),
        uitzonderingen=[Uitzondering.SPOEDPLAATSING],
    )
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=False, periode_begin=dt.date(2015, 6, 1)
    )
    assert not ouderbijdrage_verschuldigd(
        verblijf_buiten_gezin=True, periode_begin=dt.date(2016, 1, 1)
    )


def test_pgb_conditions():
    assert pgb_bezwaren(PgbToets(True, "Eigen regie", True), wet="wmo") == []
    assert len(pgb_bezwaren(PgbToets(False, " ", False), wet="wmo")) == 3
    assert "Jeugdwet" in pgb_bezwaren(PgbToets(True, "Eigen regie", True), wet="jeugd")[0]
    assert (
        pgb_bezwaren(PgbToets(True, "Eigen regie", True, True, "Wachtlijst 6 maanden"), wet="jeugd")
        == []
    )


def test_pgb_ceiling_is_the_cheapest_adequate_zin_tariff():
    budget = pgb_budget(
        omvang=Decimal(10),
        zin_tarieven=[Decimal("32.50"), Decimal("29.90")],
        gevraagd_tarief=Decimal("35.00"),
    )
    assert (budget.budget, budget.gevraagd, budget.zelf_te_betalen) == (
        Decimal("299.00"),
        Decimal("350.00"),
        Decimal("51.00"),
    )
    cheaper = pgb_budget(
        omvang=Decimal(10), zin_tarieven=[Decimal("29.90")], gevraagd_tarief=Decimal("25.00")
    )
    assert cheaper.budget == Decimal("250.00") and cheaper.zelf_te_betalen == 0


def test_op043_zin_and_pgb_for_the_same_product_may_not_overlap():
    zin = Beschikt("02A01", Leveringsvorm.ZIN, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert op043_conflicten(
        Beschikt("02A01", Leveringsvorm.PGB, dt.date(2026, 6, 30), None), [zin]
    ) == [zin]
    assert (
        op043_conflicten(Beschikt("02A01", Leveringsvorm.PGB, dt.date(2026, 7, 1), None), [zin])
        == []
    )
    assert (
        op043_conflicten(Beschikt("01A01", Leveringsvorm.PGB, dt.date(2026, 3, 1), None), [zin])
        == []
    )


def test_period_and_volume_checks():
    assert periode_fouten(
        begin=dt.date(2026, 2, 1), einde=dt.date(2026, 1, 1), omvang=Decimal(0)
    ) == ["De einddatum ligt vóór de begindatum.", "De omvang moet groter zijn dan nul."]


@pytest.mark.parametrize(
    ("ontvangen", "post", "verschoonbaar", "uitkomst"),
    [
        (dt.date(2026, 5, 26), None, False, Ontvankelijkheid.TIJDIG),  # last day (6 weeks)
        (dt.date(2026, 5, 27), None, False, Ontvankelijkheid.TE_LAAT),
        (
            dt.date(2026, 6, 1),
            dt.date(2026, 5, 26),
            False,
            Ontvankelijkheid.TIJDIG,
        ),  # Awb 6:9 lid 2
        (dt.date(2026, 6, 3), dt.date(2026, 5, 26), False, Ontvankelijkheid.TE_LAAT),
        (dt.date(2026, 6, 10), None, True, Ontvankelijkheid.TE_LAAT_VERSCHOONBAAR),
    ],
)
def test_bezwaar_on_time(ontvangen, post, verschoonbaar, uitkomst):
    # Decision sent Tuesday 14 April 2026: six weeks end Tuesday 26 May 2026.
    assert (
        bezwaar_tijdigheid(
            beschikking_verzonden=dt.date(2026, 4, 14),
            ontvangen_op=ontvangen,
            ter_post_bezorgd_op=post,
            verschoonbaar=verschoonbaar,
        )
        == uitkomst
    )
