"""The debt-help rules of issue 14: the Wgs terms (art. 4 lid 1-2, art. 4a, dated), the
vroegsignalering from 2021 (art. 3a/3b), the Peelregio triage and the route's phases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules import schuldhulp as s
from eenplan.rules.termijnen import is_werkdag

D = dt.date


def test_first_conversation_within_four_weeks_of_the_request():
    assert s.eerste_gesprek_uiterlijk(D(2026, 3, 2), dreiging=False) == D(2026, 3, 30)
    assert s.eerste_gesprek_tijdig(D(2026, 3, 2), D(2026, 3, 30), dreiging=False)
    assert not s.eerste_gesprek_tijdig(D(2026, 3, 2), D(2026, 3, 31), dreiging=False)


def test_threat_of_eviction_gives_three_working_days_over_the_weekend():
    # Thursday 5 March 2026: Friday, Monday, Tuesday are the three working days.
    assert s.eerste_gesprek_uiterlijk(D(2026, 3, 5), dreiging=True) == D(2026, 3, 10)
    assert not s.eerste_gesprek_tijdig(D(2026, 3, 5), D(2026, 3, 11), dreiging=True)


def test_three_working_days_skip_easter_monday_and_kings_day():
    # Thursday 2 April 2026: Good Friday 3 April and Easter Monday 6 April are Atw holidays,
    # so the three working days are Tuesday 7, Wednesday 8 and Thursday 9 April.
    assert s.eerste_gesprek_uiterlijk(D(2026, 4, 2), dreiging=True) == D(2026, 4, 9)
    # Friday 24 April 2026: Monday 27 April is Koningsdag.
    assert s.eerste_gesprek_uiterlijk(D(2026, 4, 24), dreiging=True) == D(2026, 4, 30)


def test_conversation_before_the_request_is_refused():
    with pytest.raises(ValueError, match="vóór het verzoek"):
        s.eerste_gesprek_tijdig(D(2026, 3, 2), D(2026, 3, 1), dreiging=False)


def test_the_wgs_starts_on_1_july_2012_and_vroegsignalering_on_1_january_2021():
    with pytest.raises(ValueError, match="1 juli 2012"):
        s.eerste_gesprek_uiterlijk(D(2012, 6, 30), dreiging=False)
    assert s.eerste_gesprek_uiterlijk(D(2012, 7, 1), dreiging=False) == D(2012, 7, 29)
    assert not s.vroegsignalering_geldt(D(2020, 12, 31))
    assert s.vroegsignalering_geldt(D(2021, 1, 1))
    assert "art. 3a" in s.termijnregel_op(D(2021, 1, 1)).bron


def test_toelating_is_decided_within_eight_weeks_of_the_first_conversation():
    assert s.beslissen_uiterlijk(D(2026, 3, 2)) == D(2026, 4, 27)
    with pytest.raises(ValueError, match="1 januari 2021"):
        s.beslissen_uiterlijk(D(2020, 12, 31))


def test_triage_light_and_heavy_follow_the_peelregio():
    assert s.zwaarte(s.Triage.INFO_ADVIES) == s.Zwaarte.LICHT
    assert s.zwaarte("budgetcoaching") == s.Zwaarte.LICHT
    assert s.zwaarte(s.Triage.SCHULDHULPROUTE) == s.Zwaarte.ZWAAR
    assert s.zwaarte(s.Triage.CRISISINTERVENTIE) == s.Zwaarte.ZWAAR


def test_crisis_intervention_needs_a_threat_and_a_threat_needs_a_heavy_triage():
    assert "art. 4 lid 2" in s.triage_fout(s.Triage.CRISISINTERVENTIE, dreiging=None)
    assert s.triage_fout(s.Triage.CRISISINTERVENTIE, dreiging=s.Dreiging.ONTRUIMING) is None
    assert s.triage_fout(s.Triage.BUDGETCOACHING, dreiging="afsluiting_water")
    assert s.triage_fout(s.Triage.SCHULDHULPROUTE, dreiging="afsluiting_water") is None
    assert s.triage_fout(s.Triage.INFO_ADVIES, dreiging=None) is None


def test_route_goes_step_by_step_and_wsnp_only_after_the_minnelijk_traject():
    assert s.fase_fout("aanmelding", "eerste_gesprek") is None
    assert s.fase_fout("minnelijk", "wsnp") is None
    assert "minnelijk traject" in s.fase_fout("stabilisatie", "wsnp")
    assert "niet minnelijk traject" in s.fase_fout("aanmelding", "minnelijk")
    assert "beëindigd" in s.fase_fout("afgerond", "stabilisatie")
    assert s.fase_fout("eerste_gesprek", "afgerond") is None


@given(st.dates(min_value=D(2012, 7, 1), max_value=D(2035, 12, 31)))
def test_threat_term_is_a_working_day_and_never_later_than_the_normal_term(verzoek):
    kort = s.eerste_gesprek_uiterlijk(verzoek, dreiging=True)
    gewoon = s.eerste_gesprek_uiterlijk(verzoek, dreiging=False)
    assert verzoek < kort <= gewoon
    assert is_werkdag(kort)
    # three working days never take more than a week plus the longest holiday run (Easter,
    # Christmas): ten calendar days at most
    assert (kort - verzoek).days <= 10


@given(
    st.dates(min_value=D(2012, 7, 1), max_value=D(2035, 12, 31)),
    st.integers(min_value=0, max_value=60),
    st.booleans(),
)
def test_tijdig_exactly_when_on_or_before_the_last_day(verzoek, dagen, dreiging):
    gesprek = verzoek + dt.timedelta(days=dagen)
    uiterlijk = s.eerste_gesprek_uiterlijk(verzoek, dreiging=dreiging)
    assert s.eerste_gesprek_tijdig(verzoek, gesprek, dreiging=dreiging) == (gesprek <= uiterlijk)


@given(st.sampled_from(list(s.Fase)), st.sampled_from(list(s.Fase)))
def test_every_step_is_allowed_or_refused_with_a_dutch_reason(van, naar):
    fout = s.fase_fout(van, naar)
    assert (fout is None) == (naar in s.FASE_OVERGANGEN[van])
    if fout is not None:
        assert fout and fout[0].isupper()


@given(st.sampled_from(list(s.Triage)), st.sampled_from([None, *s.Dreiging]))
def test_with_a_threat_every_accepted_triage_is_heavy(uitkomst, dreiging):
    if s.triage_fout(uitkomst, dreiging=dreiging) is None and dreiging:
        assert s.zwaarte(uitkomst) == s.Zwaarte.ZWAAR
