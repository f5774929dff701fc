"""The verdict rule on hand-worked numbers, and its properties."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from eenplan.beleid.oordeel import Oordeel, beoordeel, verwachte_waarde


def test_expected_value_lies_on_the_line_from_baseline_to_target():
    # Baseline 60 in 2024, target 75 in 2026: 2025 is halfway, 67.5.
    assert verwachte_waarde(2025, streef={2026: D(75)}, basis=D(60), basisjaar=2024) == D("67.5")
    assert verwachte_waarde(2026, streef={2026: D(75)}, basis=D(60), basisjaar=2024) == D(75)
    # After the last target: the last target. Two targets: between them.
    assert verwachte_waarde(2030, streef={2026: D(75)}, basis=D(60), basisjaar=2024) == D(75)
    assert verwachte_waarde(2027, streef={2026: D(70), 2028: D(80)}) == D(75)


def test_verdicts_worked_by_hand():
    kwargs = {
        "streef": {2026: D(75)},
        "basis": D(60),
        "basisjaar": 2024,
        "op_koers_marge": D(5),
        "aandacht_marge": D(20),
    }
    # 2025: expected 67.5; distance 15. Measured 67: shortfall 0.5 = 3.3% -> op koers.
    u = beoordeel(waarde=D(67), jaar=2025, **kwargs)
    assert (u.oordeel, u.verwacht, u.achterstand_pct) == (Oordeel.OP_KOERS, D("67.5"), D("3.3"))
    # Measured 65: shortfall 2.5 = 16.7% -> aandacht.
    u = beoordeel(waarde=D(65), jaar=2025, **kwargs)
    assert (u.oordeel, u.achterstand_pct) == (Oordeel.AANDACHT, D("16.7"))
    # Measured 62: shortfall 5.5 = 36.7% -> uit koers.
    u = beoordeel(waarde=D(62), jaar=2025, **kwargs)
    assert (u.oordeel, u.achterstand_pct) == (Oordeel.UIT_KOERS, D("36.7"))
    # Ahead of the line is on course, whatever the margins.
    assert beoordeel(waarde=D(80), jaar=2025, **kwargs).oordeel == Oordeel.OP_KOERS
    assert (
        "Verwacht in 2025: 67,5; gemeten: 62" in beoordeel(waarde=D(62), jaar=2025, **kwargs).uitleg
    )


def test_lower_is_better_turns_the_shortfall_around():
    # Waiting days: baseline 40 (2024), target 30 (2026); 2025 expects 35. Measured 37: 2 of 10.
    u = beoordeel(
        waarde=D(37),
        jaar=2025,
        streef={2026: D(30)},
        basis=D(40),
        basisjaar=2024,
        hoger_is_beter=False,
        op_koers_marge=D(10),
        aandacht_marge=D(25),
    )
    assert (u.oordeel, u.achterstand_pct) == (Oordeel.AANDACHT, D("20.0"))
    u = beoordeel(
        waarde=D(33),
        jaar=2025,
        streef={2026: D(30)},
        basis=D(40),
        basisjaar=2024,
        hoger_is_beter=False,
    )
    assert u.oordeel == Oordeel.OP_KOERS


def test_no_measurement_or_no_target_gives_no_verdict():
    assert beoordeel(waarde=None, jaar=None, streef={2026: D(1)}).oordeel == Oordeel.GEEN
    assert beoordeel(waarde=D(5), jaar=2025, streef={}).oordeel == Oordeel.GEEN


def test_without_baseline_the_target_itself_is_the_yardstick():
    # Target 80 in 2025, measured 76: 4 of 80 = 5.0%.
    u = beoordeel(
        waarde=D(76), jaar=2025, streef={2025: D(80)}, op_koers_marge=D(2), aandacht_marge=D(10)
    )
    assert (u.oordeel, u.achterstand_pct) == (Oordeel.AANDACHT, D("5.0"))


getal = st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False)


@given(waarde=getal, lager=getal, streefwaarde=getal, basis=getal)
def test_a_better_value_never_gets_a_worse_verdict(waarde, lager, streefwaarde, basis):
    rang = {Oordeel.OP_KOERS: 0, Oordeel.AANDACHT: 1, Oordeel.UIT_KOERS: 2}
    slechter = min(waarde, lager)
    kwargs = {"jaar": 2025, "streef": {2026: streefwaarde}, "basis": basis, "basisjaar": 2024}
    goed = beoordeel(waarde=waarde, **kwargs).oordeel
    minder = beoordeel(waarde=slechter, **kwargs).oordeel
    assert rang[goed] <= rang[minder]
