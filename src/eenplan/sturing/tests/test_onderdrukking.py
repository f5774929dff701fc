"""The suppression rule (docs/sturing.md) on its own, and with hypothesis over random tables."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eenplan.sturing.onderdrukking import Cel, onderdruk


def cel(sleutel: str, n: int, teller: int | None = None) -> Cel:
    return Cel(sleutel=sleutel, label=sleutel, eenheden=n, teller=teller, waarde=Decimal(n))


def test_small_cells_are_hidden_zero_is_shown():
    totaal, rijen = onderdruk(cel("", 30), [cel("a", 0), cel("b", 3), cel("c", 12), cel("d", 15)])
    shown = {r.sleutel: r.waarde for r in rijen if not r.onderdrukt}
    # b (3) hidden; c (12), the smallest other non-zero row, hidden with it; a (0) shown.
    assert shown == {"a": Decimal(0), "d": Decimal(15)}
    assert totaal.waarde == 30


def test_a_small_numerator_hides_a_share():
    totaal, rijen = onderdruk(cel("", 40, 10), [cel("a", 20, 2), cel("b", 20, 8)])
    assert [r.onderdrukt for r in rijen] == [True, True]
    assert not totaal.onderdrukt


def test_a_hidden_total_hides_every_row():
    totaal, rijen = onderdruk(cel("", 4), [cel("a", 0), cel("b", 4)])
    assert totaal.onderdrukt and all(r.onderdrukt for r in rijen)


def test_a_filtered_cell_close_to_its_parent_is_hidden():
    # Wijk A and age 18-64: 9; wijk A alone: 12 -> 3 others in wijk A would show.
    totaal, _ = onderdruk(cel("", 9), [], ouders_totaal=[cel("", 12)])
    assert totaal.onderdrukt
    totaal, _ = onderdruk(cel("", 9), [], ouders_totaal=[cel("", 14)])
    assert not totaal.onderdrukt


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_no_table_shows_a_small_cell_or_lets_a_single_hidden_cell_be_derived(aantallen):
    rijen = [cel(str(i), n) for i, n in enumerate(aantallen)]
    totaal, uit = onderdruk(cel("", sum(aantallen)), rijen)
    for r in [totaal, *uit]:
        assert r.onderdrukt or not (0 < r.eenheden < 5)
        assert (r.waarde is None) == r.onderdrukt
    verborgen = [r for r in uit if r.onderdrukt]
    if not totaal.onderdrukt and verborgen:
        # total minus the shown rows is never a single hidden row's value
        assert len(verborgen) >= 2 or sum(r.eenheden for r in verborgen) == 0
