"""Drawing the sample of the client-experience survey (Wmo 2015 art. 2.5.1 lid 1;
Uitvoeringsregeling Wmo 2015 art. 8 lid 3: the survey may be held among a representative
sample).

Pure Python. Method (documented in docs/decisions/0021-beleid-and-survey.md): stratified by
wijk, proportional allocation with largest remainders, a simple random sample without
replacement inside each wijk from a seeded generator (`random.Random(seed)`), so the same
population, size and seed always give the same sample and the draw can be checked afterwards.
A wijk with residents always gets at least one invitation when the size allows; a size at or
above the population invites everyone.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping, Sequence


def verdeling(groottes: Mapping[Hashable, int], n: int) -> dict[Hashable, int]:
    """How many of `n` invitations each stratum gets: proportional, largest remainders, at
    least one per non-empty stratum when n allows, never more than the stratum holds."""
    totaal = sum(groottes.values())
    if n >= totaal:
        return dict(groottes)
    if n <= 0 or totaal == 0:
        return dict.fromkeys(groottes, 0)
    exact = {k: n * g / totaal for k, g in groottes.items()}
    toegewezen = {k: int(v) for k, v in exact.items()}
    if n >= sum(1 for g in groottes.values() if g):
        for k, g in groottes.items():
            if g and toegewezen[k] == 0:
                toegewezen[k] = 1
    rest = n - sum(toegewezen.values())
    volgorde = sorted(groottes, key=lambda k: (-(exact[k] - int(exact[k])), str(k)))
    i = 0
    while rest > 0:
        k = volgorde[i % len(volgorde)]
        if toegewezen[k] < groottes[k]:
            toegewezen[k] += 1
            rest -= 1
        i += 1
    while rest < 0:  # the minimum of one per stratum took more than n: take from the largest
        k = max(toegewezen, key=lambda s: (toegewezen[s], str(s)))
        toegewezen[k] -= 1
        rest += 1
    return toegewezen


def trek(strata: Mapping[Hashable, Sequence[int]], n: int, *, seed: int) -> list[int]:
    """The ids drawn: `verdeling` per stratum, then `random.Random(seed).sample` inside each
    stratum in a fixed order (strata and ids sorted), so the draw is reproducible."""
    rng = random.Random(seed)  # noqa: S311 - reproducible sampling, not a secret
    aantallen = verdeling({k: len(v) for k, v in strata.items()}, n)
    gekozen: list[int] = []
    for k in sorted(strata, key=str):
        ids = sorted(strata[k])
        gekozen.extend(sorted(rng.sample(ids, aantallen[k])))
    return gekozen
