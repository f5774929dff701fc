"""rules.instellingen: what a municipality may choose, checked without a database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules import instellingen as r
from eenplan.rules.eigen_bijdrage import Categorie
from eenplan.rules.onderzoek import WETTELIJKE_STAPPEN, LadderStap

OPTIONEEL = sorted(r.LADDER_SLEUTELS)


@given(st.sets(st.sampled_from(OPTIONEEL)))
def test_the_legal_steps_are_always_on_whatever_the_municipality_adds(extra):
    # Wmo 2015 art. 2.3.5 lid 3: own strength and usual help, mantelzorg and the social
    # network, and algemene voorzieningen come before any maatwerk.
    ladder = r.ladder_uit({"extra": sorted(extra)})
    assert set(WETTELIJKE_STAPPEN) <= set(ladder.stappen)
    assert ladder.stappen[-1] == LadderStap.INDIVIDUEEL_MAATWERK
    assert list(ladder.stappen) == sorted(ladder.stappen)  # lightest first
    assert (LadderStap.VRIJWILLIGERS in ladder.stappen) == ("vrijwilligers" in extra)
    assert r.ladder_uit(r.waarde_van(ladder)) == ladder  # stored and read back unchanged


@pytest.mark.parametrize("stap", ["eigen_kracht", "netwerk", "algemene_voorzieningen", "1"])
def test_a_legal_step_cannot_be_added_or_dropped(stap):
    with pytest.raises(ValueError, match=r"art\. 2\.3\.5 lid 3"):
        r.ladder_uit({"extra": [stap]})


@pytest.mark.parametrize(
    ("toetsing", "door_generalist", "getoetst"),
    [
        ("generalist", True, True),  # Hardenberg: a generalist's decision is checked
        ("generalist", False, False),
        ("alle", False, True),
        ("alle", True, True),
        ("geen", True, False),
    ],
)
def test_which_decisions_are_checked(toetsing, door_generalist, getoetst):
    regel = r.rechtmatigheid_uit({"toetsing": toetsing, "verzenden_voor_toetsing": False})
    assert regel.te_toetsen(door_generalist=door_generalist) is getoetst
    assert r.rechtmatigheid_uit(r.waarde_van(regel)) == regel


def test_municipal_exemptions_are_read_as_the_contribution_rule_uses_them():
    # Wmo 2015 art. 2.1.4 and 2.1.4a: the verordening may ask no or a lower contribution.
    regels = r.bijdrage_uit(
        {
            "vrijgestelde_categorieen": ["collectief_vervoer"],
            "minimabeleid_percentage": "120",
            "lager_bedrag": "10.00",
        },
        "Verordening Wmo 2026, art. 12",
    )
    assert regels.vrijgestelde_categorieen == frozenset({Categorie.COLLECTIEF_VERVOER})
    assert regels.minimabeleid_percentage == Decimal("120")
    assert regels.lager_bedrag == Decimal("10.00")
    assert regels.bron == "Verordening Wmo 2026, art. 12"
    assert r.bijdrage_uit(r.waarde_van(regels), regels.bron) == regels


@pytest.mark.parametrize(
    ("waarde", "fout"),
    [
        ({"vrijgestelde_categorieen": ["rolstoel"]}, "landelijk al"),
        ({"vrijgestelde_categorieen": "collectief_vervoer"}, "als lijst"),
        ({"minimabeleid_percentage": "99.9"}, "tussen 100 en 300"),
        ({"minimabeleid_percentage": "veel"}, "vul een getal in"),
        ({"minimabeleid_percentage": "NaN"}, "vul een getal in"),
        ({"lager_bedrag": "-1"}, "0 of meer"),
    ],
)
def test_wrong_exemptions_are_refused(waarde, fout):
    assert any(fout in f for f in r.fouten("eigen_bijdrage", waarde))


def test_every_subject_has_its_check():
    assert r.fouten("ladder", {"extra": []}) == []
    assert r.fouten("teksten", {"teamnaam": "  sociaal   team "}) == []
    assert r.teksten_uit({"teamnaam": "  sociaal   team "}).teamnaam == "sociaal team"
    assert r.fouten("teksten", {"teamnaam": "x" * 61}) != []
    assert r.fouten("kleur", {}) != []
    assert r.fouten("ladder", ["vrijwilligers"]) != []
