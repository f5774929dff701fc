"""The onderzoek checklist (Wmo 2015 art. 2.3.2 lid 4), the ladder (art. 2.3.5 lid 3) and the
decision terms of an aanvraag."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.rules.onderzoek import (
    GEMEENTELIJKE_STAPPEN,
    ONDERDELEN,
    WETTELIJKE_STAPPEN,
    Ladder,
    LadderStap,
    StapUitkomst,
    aanvraag_zonder_afgerond_onderzoek_toegestaan,
    maatwerk_ontbrekende_stappen,
    verslag_ontbrekend,
)

COMPLEET = {o.code: ("Besproken.", "") for o in ONDERDELEN}


def test_complete_onderzoek_has_nothing_missing():
    assert (
        verslag_ontbrekend(
            COMPLEET,
            clientondersteuning_gewezen=True,
            pgb_uitgelegd=True,
            mantelzorger_besproken=True,
        )
        == []
    )


def test_not_applicable_needs_a_reason():
    onderdelen = {**COMPLEET, "d": ("", "Er is geen mantelzorger.")}
    assert (
        verslag_ontbrekend(
            onderdelen,
            clientondersteuning_gewezen=True,
            pgb_uitgelegd=True,
            mantelzorger_besproken=None,
        )
        == []
    )
    onderdelen = {**COMPLEET, "d": ("", "")}
    missing = verslag_ontbrekend(
        onderdelen,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=None,
    )
    assert len(missing) == 1 and missing[0].startswith("Onderdeel d")


def test_each_obligation_is_named():
    missing = verslag_ontbrekend(
        {}, clientondersteuning_gewezen=False, pgb_uitgelegd=False, mantelzorger_besproken=False
    )
    assert len(missing) == 7 + 3
    assert any("cliëntondersteuning" in m for m in missing)
    assert any("persoonsgebonden budget" in m for m in missing)
    assert any("mantelzorger" in m for m in missing)


def tot(stap, volstaat=False, reden="Niet genoeg"):
    return {
        s: StapUitkomst(bevinding="Onderzocht", volstaat=volstaat, reden_niet_toereikend=reden)
        for s in LadderStap
        if s < stap
    }


def test_individual_maatwerk_after_every_lighter_step_falls_short():
    assert (
        maatwerk_ontbrekende_stappen(
            tot(LadderStap.INDIVIDUEEL_MAATWERK), LadderStap.INDIVIDUEEL_MAATWERK
        )
        == []
    )


def test_maatwerk_refused_when_a_lighter_step_is_missing_suffices_or_has_no_reason():
    stappen = tot(LadderStap.INDIVIDUEEL_MAATWERK)
    del stappen[LadderStap.VRIJWILLIGERS]
    assert maatwerk_ontbrekende_stappen(stappen, LadderStap.INDIVIDUEEL_MAATWERK) == [
        "Stap 'Vrijwilligers' is nog niet onderzocht."
    ]
    stappen = tot(LadderStap.INDIVIDUEEL_MAATWERK)
    stappen[LadderStap.ALGEMENE_VOORZIENINGEN] = StapUitkomst("Dagbesteding in de wijk", True)
    assert "volstaat" in maatwerk_ontbrekende_stappen(stappen, LadderStap.INDIVIDUEEL_MAATWERK)[0]
    stappen = tot(LadderStap.COLLECTIEF_MAATWERK, reden=" ")
    assert len(maatwerk_ontbrekende_stappen(stappen, LadderStap.COLLECTIEF_MAATWERK)) == 4


@given(st.sampled_from(list(LadderStap)), st.sets(st.sampled_from(list(LadderStap))))
def test_ladder_property_allowed_iff_all_lighter_steps_recorded_insufficient(gevraagd, recorded):
    stappen = {s: StapUitkomst("Onderzocht", False, "Schiet tekort") for s in recorded}
    allowed = maatwerk_ontbrekende_stappen(stappen, gevraagd) == []
    needed = {s for s in LadderStap if s < gevraagd}
    assert allowed == (gevraagd < LadderStap.COLLECTIEF_MAATWERK or needed <= recorded)


def test_aanvraag_after_six_weeks_without_onderzoek_is_allowed():
    uiterlijk = dt.date(2026, 5, 6)
    assert not aanvraag_zonder_afgerond_onderzoek_toegestaan(
        uiterlijk, dt.date(2026, 5, 6), verslag_definitief=False
    )
    assert aanvraag_zonder_afgerond_onderzoek_toegestaan(
        uiterlijk, dt.date(2026, 5, 7), verslag_definitief=False
    )
    assert aanvraag_zonder_afgerond_onderzoek_toegestaan(
        uiterlijk, dt.date(2026, 4, 1), verslag_definitief=True
    )


@pytest.mark.parametrize(
    ("wet", "ontvangen", "uiterlijk"),
    [
        ("wmo", dt.date(2026, 4, 21), dt.date(2026, 5, 6)),  # 5 May: Liberation Day, every year
        ("jeugd", dt.date(2026, 3, 2), dt.date(2026, 4, 28)),  # 27 April: King's Day
        ("participatie", dt.date(2025, 11, 3), dt.date(2025, 12, 29)),
    ],
)
def test_decision_terms(wet, ontvangen, uiterlijk):
    assert beslissen_uiterlijk(wet, ontvangen) == uiterlijk


def test_unknown_law_is_refused():
    with pytest.raises(ValueError, match="Onbekende wet"):
        beslissen_uiterlijk("awbz", dt.date(2026, 1, 1))


def test_the_law_requires_three_steps_the_municipality_may_add_two():
    # Wmo 2015 art. 2.3.5 lid 3: eigen kracht and gebruikelijke hulp, mantelzorg and the social
    # network, algemene voorzieningen; volunteers and collective maatwerk are municipal steps.
    assert set(WETTELIJKE_STAPPEN) == {
        LadderStap.EIGEN_KRACHT,
        LadderStap.NETWERK,
        LadderStap.ALGEMENE_VOORZIENINGEN,
    }
    assert all("2.3.5 lid 3" in bron for bron in WETTELIJKE_STAPPEN.values())
    alleen_wet = Ladder(extra=frozenset())
    assert alleen_wet.stappen == (
        LadderStap.EIGEN_KRACHT,
        LadderStap.NETWERK,
        LadderStap.ALGEMENE_VOORZIENINGEN,
        LadderStap.INDIVIDUEEL_MAATWERK,
    )
    with pytest.raises(ValueError, match="2.3.5 lid 3"):
        Ladder(extra=frozenset({LadderStap.ALGEMENE_VOORZIENINGEN}))


def test_a_municipality_without_volunteers_step_does_not_ask_for_it():
    stappen = tot(LadderStap.INDIVIDUEEL_MAATWERK)
    del stappen[LadderStap.VRIJWILLIGERS]
    del stappen[LadderStap.COLLECTIEF_MAATWERK]
    alleen_wet = Ladder(extra=frozenset())
    assert (
        maatwerk_ontbrekende_stappen(stappen, LadderStap.INDIVIDUEEL_MAATWERK, ladder=alleen_wet)
        == []
    )
    # The default ladder (both municipal steps, as the seeds) still asks for them.
    assert len(maatwerk_ontbrekende_stappen(stappen, LadderStap.INDIVIDUEEL_MAATWERK)) == 2
    # A step the municipality does not use cannot be proposed.
    assert maatwerk_ontbrekende_stappen(
        stappen, LadderStap.COLLECTIEF_MAATWERK, ladder=alleen_wet
    ) == ["Stap 'Collectief maatwerk' hoort niet bij de ladder van deze gemeente."]
    # A legal step can never be skipped, whatever the setting.
    del stappen[LadderStap.NETWERK]
    assert maatwerk_ontbrekende_stappen(
        stappen, LadderStap.INDIVIDUEEL_MAATWERK, ladder=alleen_wet
    ) == ["Stap 'Netwerk en mantelzorg' is nog niet onderzocht."]


@given(
    st.sets(st.sampled_from(sorted(GEMEENTELIJKE_STAPPEN))),
    st.sets(st.sampled_from(list(LadderStap))),
)
def test_ladder_property_only_the_municipal_ladders_lighter_steps_count(extra, recorded):
    ladder = Ladder(extra=frozenset(extra))
    stappen = {s: StapUitkomst("Onderzocht", False, "Schiet tekort") for s in recorded}
    allowed = (
        maatwerk_ontbrekende_stappen(stappen, LadderStap.INDIVIDUEEL_MAATWERK, ladder=ladder) == []
    )
    needed = {s for s in ladder.stappen if s < LadderStap.INDIVIDUEEL_MAATWERK}
    assert allowed == needed.issubset(recorded)
    assert set(WETTELIJKE_STAPPEN) <= needed
