"""The sample of the survey: proportional per wijk, reproducible, never more than there are."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eenplan.beleid.steekproef import trek, verdeling


def test_allocation_worked_by_hand():
    # 10 of 100 (60, 30, 10): exactly 6, 3, 1.
    assert verdeling({"a": 60, "b": 30, "c": 10}, 10) == {"a": 6, "b": 3, "c": 1}
    # 5 of 100 (50, 47, 3): 2.5, 2.35, 0.15 -> floors 2, 2, 0; the small wijk gets its minimum
    # of one; that is 5.
    assert verdeling({"a": 50, "b": 47, "c": 3}, 5) == {"a": 2, "b": 2, "c": 1}
    # Asking for more than there are invites everyone.
    assert verdeling({"a": 3, "b": 2}, 10) == {"a": 3, "b": 2}


def test_the_same_seed_draws_the_same_sample_and_another_seed_another():
    strata = {1: list(range(100)), 2: list(range(100, 150))}
    assert trek(strata, 30, seed=7) == trek(strata, 30, seed=7)
    assert trek(strata, 30, seed=7) != trek(strata, 30, seed=8)
    gekozen = trek(strata, 30, seed=7)
    assert sum(1 for i in gekozen if i < 100) == 20  # two thirds from wijk 1


@given(
    groottes=st.dictionaries(st.integers(1, 20), st.integers(0, 60), min_size=1, max_size=8),
    n=st.integers(0, 400),
    seed=st.integers(0, 2**31),
)
def test_the_draw_takes_exactly_n_distinct_members_of_the_population(groottes, n, seed):
    strata, volgende = {}, 0
    for k, g in groottes.items():
        strata[k] = list(range(volgende, volgende + g))
        volgende += g
    gekozen = trek(strata, n, seed=seed)
    assert len(gekozen) == min(n, volgende)
    assert len(set(gekozen)) == len(gekozen)
    assert set(gekozen) <= set(range(volgende))
