"""The Participatiewet rules of issue 14: zoektermijn (art. 41 lid 4, dated), voorschot (art. 52
lid 1), norm category and norm (art. 20-22, dated data), route by earning capacity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from eenplan.rules import participatie as p
from eenplan.rules.aanvraag import beslissen_uiterlijk

D = dt.date


# --- zoektermijn -------------------------------------------------------------------------------


def test_young_person_waits_four_weeks_after_the_melding():
    termijn = p.zoektermijn(D(2002, 6, 1), D(2025, 3, 3))
    assert termijn.van_toepassing and termijn.aanvraag_vanaf == D(2025, 3, 31)
    assert "art. 41 lid 4" in termijn.bron


def test_the_day_someone_turns_27_there_is_no_zoektermijn():
    geboren = D(1999, 3, 10)
    assert p.zoektermijn(geboren, D(2026, 3, 9)).van_toepassing  # one day before: 26
    op_verjaardag = p.zoektermijn(geboren, D(2026, 3, 10))
    assert not op_verjaardag.van_toepassing
    assert op_verjaardag.aanvraag_vanaf == D(2026, 3, 10)


def test_leap_day_birthday_turns_27_on_1_march():
    geboren = D(2000, 2, 29)
    assert p.leeftijd(geboren, D(2027, 2, 28)) == 26
    assert p.leeftijd(geboren, D(2027, 3, 1)) == 27


def test_waiving_the_term_is_dated_participatiewet_in_balans():
    geboren = D(2004, 1, 1)
    with pytest.raises(ValueError, match="1 januari 2026"):
        p.zoektermijn(geboren, D(2025, 12, 31), afzien=True)
    termijn = p.zoektermijn(geboren, D(2026, 1, 1), afzien=True)
    assert termijn.afgezien and termijn.aanvraag_vanaf == D(2026, 1, 1)
    assert "in balans" in termijn.bron


def test_aanvraag_during_the_zoektermijn_is_refused_with_the_first_day():
    fout = p.zoektermijn_fout(D(2004, 1, 1), D(2026, 2, 2), D(2026, 2, 20))
    assert fout is not None and "02-03-2026" in fout and "art. 41 lid 4" in fout
    assert p.zoektermijn_fout(D(2004, 1, 1), D(2026, 2, 2), D(2026, 3, 2)) is None
    assert p.zoektermijn_fout(D(1980, 1, 1), D(2026, 2, 2), D(2026, 2, 2)) is None
    assert "vóór de melding" in p.zoektermijn_fout(D(1980, 1, 1), D(2026, 2, 2), D(2026, 2, 1))


@given(
    geboren=st.dates(D(1950, 1, 1), D(2008, 12, 31)),
    gemeld=st.dates(D(2015, 1, 1), D(2030, 12, 31)),
)
def test_zoektermijn_applies_exactly_below_27(geboren, gemeld):
    if gemeld < geboren:
        return
    termijn = p.zoektermijn(geboren, gemeld)
    assert termijn.van_toepassing == (p.leeftijd(geboren, gemeld) < 27)
    wacht = (termijn.aanvraag_vanaf - gemeld).days
    assert wacht == (28 if termijn.van_toepassing else 0)


# --- decision term and voorschot ---------------------------------------------------------------


def test_decision_term_is_eight_weeks_awb_4_13():
    # 2 March 2026 + 8 weeks = 27 April 2026, Koningsdag → the next working day (Atw art. 1).
    assert beslissen_uiterlijk("participatie", D(2026, 3, 2)) == D(2026, 4, 28)


def test_voorschot_every_four_weeks_until_the_decision():
    assert p.voorschot_data(D(2026, 1, 5), D(2026, 3, 1)) == [D(2026, 2, 2)]
    assert p.voorschot_data(D(2026, 1, 5), D(2026, 3, 2)) == [D(2026, 2, 2), D(2026, 3, 2)]
    # decided on the due day: the right is established, no voorschot that day
    assert p.voorschot_data(D(2026, 1, 5), D(2026, 4, 1), besloten_op=D(2026, 3, 2)) == [
        D(2026, 2, 2)
    ]
    assert p.voorschot_data(D(2026, 1, 5), D(2026, 4, 1), besloten_op=D(2026, 1, 20)) == []


def test_no_voorschot_on_the_grounds_of_art_52():
    for grond in ("gegevens_of_medewerking", "geen_recht"):
        assert p.voorschot_verschuldigd(D(2026, 1, 5), D(2026, 6, 1), uitsluiting=grond) == []
    assert "onder b" in p.VoorschotUitsluiting.GEEN_RECHT.label


@given(
    aanvraag=st.dates(D(2015, 1, 1), D(2030, 1, 1)),
    dagen=st.integers(0, 400),
    besluit=st.one_of(st.none(), st.integers(0, 400)),
)
def test_voorschot_dates_are_four_weekly_and_before_the_decision(aanvraag, dagen, besluit):
    op = aanvraag + dt.timedelta(days=dagen)
    besloten = None if besluit is None else aanvraag + dt.timedelta(days=besluit)
    data = p.voorschot_data(aanvraag, op, besloten_op=besloten)
    assert all((d - aanvraag).days % 28 == 0 and d > aanvraag and d <= op for d in data)
    grens = dagen if besluit is None else min(dagen, besluit - 1)
    assert len(data) == max(grens, 0) // 28
    if besloten is not None:
        assert all(d < besloten for d in data)


# --- norm -------------------------------------------------------------------------------------


def test_norm_categories_follow_art_20_to_22():
    op = D(2026, 3, 1)
    assert p.normcategorie(op=op, geboren=D(2006, 6, 1)).code == "alleenstaande_18_20"
    assert (
        p.normcategorie(op=op, geboren=D(2006, 6, 1), kinderen=True).code
        == "alleenstaande_ouder_18_20"
    )
    assert p.normcategorie(op=op, geboren=D(1990, 1, 1)).code == "alleenstaande_21"
    samen = p.normcategorie(op=op, geboren=D(1990, 1, 1), partner_geboren=D(2006, 1, 1))
    assert samen.code == "gehuwden_18_20_en_21" and samen.artikel.endswith("lid 1 onder c")
    assert (
        p.normcategorie(op=op, geboren=D(1990, 1, 1), partner_geboren=D(1985, 1, 1)).code
        == "gehuwden_21"
    )
    # one partner pensioengerechtigd (67 in 2026): art. 22 onder c
    assert (
        p.normcategorie(op=op, geboren=D(1958, 1, 1), partner_geboren=D(1965, 1, 1)).code
        == "gehuwden_pensioen"
    )
    with pytest.raises(ValueError, match="vanaf 18 jaar"):
        p.normcategorie(op=op, geboren=D(2009, 1, 1))


def test_pensioengerechtigde_leeftijd_is_dated():
    # 66 years and 4 months in 2021
    assert not p.pensioengerechtigd(D(1955, 3, 1), D(2021, 6, 30))
    assert p.pensioengerechtigd(D(1955, 3, 1), D(2021, 7, 1))
    # 67 years in 2026
    assert not p.pensioengerechtigd(D(1959, 6, 1), D(2026, 5, 31))
    assert p.pensioengerechtigd(D(1959, 6, 1), D(2026, 6, 1))


def test_norm_amounts_are_dated_data_with_source():
    cat = p.normcategorie(op=D(2026, 3, 1), geboren=D(1990, 1, 1))
    nu = p.norm_op(cat, D(2026, 3, 1))
    assert nu.bedrag == Decimal("1345.45") and nu.geldig_vanaf == D(2025, 1, 1)
    assert "Westland" in nu.bron
    toen = p.norm_op(cat, D(2022, 3, 1))
    assert toen.bedrag == Decimal("1078.70") and toen.geldig_vanaf == D(2021, 7, 1)
    with pytest.raises(ValueError):
        p.norm_op(cat, D(2020, 1, 1))


@given(
    geboren=st.dates(D(1940, 1, 1), D(2007, 1, 1)),
    partner=st.one_of(st.none(), st.dates(D(1940, 1, 1), D(2007, 1, 1))),
    kinderen=st.booleans(),
    op=st.dates(D(2021, 7, 1), D(2030, 12, 31)),
)
def test_every_adult_household_has_one_norm(geboren, partner, kinderen, op):
    assume(p.leeftijd(geboren, op) >= 18 and (partner is None or p.leeftijd(partner, op) >= 18))
    cat = p.normcategorie(op=op, geboren=geboren, partner_geboren=partner, kinderen=kinderen)
    assert cat.code in p.NORMCATEGORIEEN
    assert cat.artikel.startswith("Participatiewet art. 2")
    assert p.norm_op(cat, op).bedrag > 0
    assert cat.code.startswith("gehuwden") == (partner is not None)


# --- route --------------------------------------------------------------------------------------

HARDENBERG = p.Drempels(direct=Decimal(100), werkspoor=Decimal(40))


def test_route_by_earning_capacity_at_the_boundaries():
    assert p.route(Decimal(100), HARDENBERG) == p.Route.DIRECT
    assert p.route(Decimal("99.9"), HARDENBERG) == p.Route.WERKSPOOR
    assert p.route(Decimal(40), HARDENBERG) == p.Route.WERKSPOOR
    assert p.route(Decimal("39.9"), HARDENBERG) == p.Route.PARTICIPATIESPOOR
    with pytest.raises(ValueError):
        p.route(Decimal(-1), HARDENBERG)
    with pytest.raises(ValueError, match="Werkspoor"):
        p.route(Decimal(50), p.Drempels(direct=Decimal(40), werkspoor=Decimal(60)))


@given(
    waarde=st.decimals(0, 300, places=1),
    werkspoor=st.decimals(1, 99, places=0),
    extra=st.decimals(1, 100, places=0),
)
def test_route_is_monotonic(waarde, werkspoor, extra):
    drempels = p.Drempels(direct=werkspoor + extra, werkspoor=werkspoor)
    volgorde = [p.Route.PARTICIPATIESPOOR, p.Route.WERKSPOOR, p.Route.DIRECT]
    laag, hoog = p.route(waarde, drempels), p.route(waarde + 1, drempels)
    assert volgorde.index(laag) <= volgorde.index(hoog)
