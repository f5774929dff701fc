"""Purpose-bound sharing as pure rules (eenplan.rules.uitwisseling): the five questions of
Peelregio §3.7.5 (seed 004 L3073–3085), minimisation of categories (AVG art. 5 lid 1 c), the
final veto (seed 004 L3116–3118) and what a recipient may read (AVG art. 5 lid 1 b, c, e)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules import uitwisseling as r

ANTWOORDEN = {veld: "Beantwoord." for veld, _vraag in r.VRAGEN}
DAG = dt.date(2026, 3, 2)


def test_peelregio_five_questions_all_answered():
    assert len(r.VRAGEN) == 5
    assert r.ontbrekende_antwoorden(ANTWOORDEN) == []


@given(st.sets(st.sampled_from([v for v, _q in r.VRAGEN]), min_size=1),
       st.sampled_from(["", " ", "\n\t", None]))
def test_peelregio_each_missing_answer_is_named(leeg, waarde):
    antwoorden = {**ANTWOORDEN, **dict.fromkeys(leeg, waarde)}
    assert {f.veld for f in r.ontbrekende_antwoorden(antwoorden)} == leeg


@given(st.sets(st.sampled_from(r.CATEGORIEEN)), st.sets(st.sampled_from(r.CATEGORIEEN)))
def test_avg_5_1c_only_categories_the_dossier_holds(gekozen, in_dossier):
    fouten = r.categorie_fouten(sorted(gekozen), in_dossier)
    if not gekozen:
        assert len(fouten) == 1
    else:
        assert len(fouten) == len(gekozen - in_dossier)


@pytest.mark.parametrize("hele", sorted(r.HELE_DOSSIER))
def test_the_whole_dossier_is_never_a_category(hele):
    fouten = r.categorie_fouten([hele], r.CATEGORIEEN)
    assert fouten and "hele dossier" in fouten[0].tekst


def test_toegang_and_uitvoering_are_separate_categories():
    assert r.TOEGANG.isdisjoint(r.UITVOERING)
    assert {r.ONDERZOEK, r.VEILIGHEID, r.MELDING} == r.TOEGANG
    assert set(r.CATEGORIEEN) >= r.UITVOERING and set(r.CATEGORIEEN) >= r.TOEGANG


@given(st.sampled_from(r.STATUSSEN))
def test_seed_004_l3116_nothing_leads_out_of_a_veto(naar):
    assert not r.mag_overgaan(r.GEWEIGERD, naar)


def test_a_request_is_decided_once():
    assert r.mag_overgaan(r.AANGEVRAAGD, r.GOEDGEKEURD)
    assert r.mag_overgaan(r.AANGEVRAAGD, r.GEWEIGERD)
    assert not r.mag_overgaan(r.GOEDGEKEURD, r.GEWEIGERD)
    assert not r.mag_overgaan(r.GOEDGEKEURD, r.AANGEVRAAGD)
    assert not r.mag_overgaan(r.BEEINDIGD, r.GOEDGEKEURD)


def test_period_required_and_ordered():
    assert r.periode_fout(None, DAG) is not None
    assert r.periode_fout(DAG, None) is not None
    assert r.periode_fout(DAG, DAG - dt.timedelta(days=1)) is not None
    assert r.periode_fout(DAG, DAG) is None


@given(
    status=st.sampled_from(r.STATUSSEN),
    begin=st.integers(-60, 60),
    lengte=st.integers(0, 120),
    categorie=st.one_of(st.none(), st.sampled_from(r.CATEGORIEEN)),
    gekozen=st.sets(st.sampled_from(r.CATEGORIEEN), min_size=1),
)
def test_avg_5_1_b_c_e_a_recipient_reads_exactly_when_approved_in_period_and_chosen(
    status, begin, lengte, categorie, gekozen
):
    van = DAG + dt.timedelta(days=begin)
    tot = van + dt.timedelta(days=lengte)
    reden = r.inzage_geweigerd(
        status=status, van=van, tot=tot, vandaag=DAG, categorie=categorie, gekozen=gekozen
    )
    mag = (
        status == r.GOEDGEKEURD
        and van <= DAG <= tot
        and (categorie is None or categorie in gekozen)
    )
    assert (reden is None) == mag
    if status == r.GEWEIGERD:
        assert reden == r.VETO
