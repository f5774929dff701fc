"""The pure rules of AVG terms and retention (eenplan.rules.avg): examples with their source
and properties (hypothesis, the project's profile)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.rules.avg import (
    Termijn,
    antwoord_uiterlijk,
    is_vernietigbaar,
    maanden_later,
    recht_op_vernietiging,
    verlengd_uiterlijk,
    verlenging_toegestaan,
    vernietigbaar_vanaf,
    vernietigen_uiterlijk,
    vernietigen_uiterlijk_voor,
    wetten_met_recht_op_vernietiging,
)
from eenplan.rules.termijnen import is_werkdag

datums = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2090, 12, 31))


@pytest.mark.parametrize(
    ("ontvangen", "uiterlijk", "verlengd"),
    [
        # AVG art. 12 lid 3 with Verordening 1182/71 art. 3 lid 2 onder c: same date next month
        (dt.date(2026, 3, 10), dt.date(2026, 4, 10), dt.date(2026, 6, 10)),
        # 31 January: February has no 31st, so the last day of February; 28 February 2026 is a
        # Saturday, so the term ends on Monday 2 March (Verordening 1182/71 art. 3 lid 4)
        (dt.date(2026, 1, 31), dt.date(2026, 3, 2), dt.date(2026, 4, 30)),
        # 30 April 2028 is a Sunday: Monday 1 May
        (dt.date(2028, 1, 31), dt.date(2028, 2, 29), dt.date(2028, 5, 1)),
        # 25 December 2026 + 1 month lands on 25 January 2027, a Monday; 25 November: Christmas
        # Day (a Friday), Boxing Day and the Sunday pass: Monday 28 December
        (dt.date(2026, 11, 25), dt.date(2026, 12, 28), dt.date(2027, 2, 25)),
        # 25 November 2024: 25 and 26 December, 27 December 2024 declared equal to a holiday
        # (Atw art. 3 lid 3), the weekend: Monday 30 December
        (dt.date(2024, 11, 25), dt.date(2024, 12, 30), dt.date(2025, 2, 25)),
        (dt.date(2026, 12, 15), dt.date(2027, 1, 15), dt.date(2027, 3, 15)),
    ],
)
def test_avg_12_3_one_month_extendable_by_two(ontvangen, uiterlijk, verlengd):
    assert antwoord_uiterlijk(ontvangen) == uiterlijk
    assert verlengd_uiterlijk(ontvangen) == verlengd


def test_avg_12_3_extension_only_once_and_within_the_first_month():
    ontvangen = dt.date(2026, 3, 10)
    assert verlenging_toegestaan(
        ontvangen_op=ontvangen, vandaag=dt.date(2026, 4, 10), al_verlengd=False
    ).mag
    te_laat = verlenging_toegestaan(
        ontvangen_op=ontvangen, vandaag=dt.date(2026, 4, 11), al_verlengd=False
    )
    assert not te_laat.mag and "binnen een maand" in te_laat.reden
    assert not verlenging_toegestaan(
        ontvangen_op=ontvangen, vandaag=dt.date(2026, 3, 11), al_verlengd=True
    ).mag


@given(datums)
def test_the_answer_term_is_the_first_working_day_from_one_month_after_receipt(ontvangen):
    """Verordening 1182/71 art. 3 lid 2 onder c and lid 4: the same date a month later, or the
    first working day after it; within a week (25 December 2024 + 1 month: Christmas, Boxing
    Day, 27 December declared equal to a holiday, the weekend: Monday 30 December)."""
    for uiterlijk, maanden in (
        (antwoord_uiterlijk(ontvangen), 1), (verlengd_uiterlijk(ontvangen), 3)
    ):
        kalender = maanden_later(ontvangen, maanden)
        assert kalender <= uiterlijk <= kalender + dt.timedelta(days=6)
        assert is_werkdag(uiterlijk)
        assert not any(
            is_werkdag(kalender + dt.timedelta(days=n)) for n in range((uiterlijk - kalender).days)
        )
    assert ontvangen < antwoord_uiterlijk(ontvangen) < verlengd_uiterlijk(ontvangen)


def test_a_declared_equal_day_moves_the_answer_term_too():
    from eenplan.rules.termijnen import GelijkgesteldeDag

    # 10 April 2026 + 1 month = Monday 11 May; declared equal to a holiday: Tuesday 12 May
    extra = [GelijkgesteldeDag(dt.date(2026, 5, 11), "Besluit (test)", "test")]
    assert antwoord_uiterlijk(dt.date(2026, 4, 11)) == dt.date(2026, 5, 11)
    assert antwoord_uiterlijk(dt.date(2026, 4, 11), extra=extra) == dt.date(2026, 5, 12)
    # the extension may be asked until that day, not after it
    assert verlenging_toegestaan(
        ontvangen_op=dt.date(2026, 4, 11), vandaag=dt.date(2026, 5, 12), al_verlengd=False,
        extra=extra,
    ).mag
    assert not verlenging_toegestaan(
        ontvangen_op=dt.date(2026, 4, 11), vandaag=dt.date(2026, 5, 12), al_verlengd=False,
    ).mag


@given(datums, st.integers(min_value=0, max_value=240))
def test_months_later_is_monotonic_and_keeps_the_day_when_it_can(dag, maanden):
    later = maanden_later(dag, maanden)
    assert later >= dag
    assert later.day == dag.day or later.day < dag.day  # clamped to the month's end
    assert maanden_later(dag, maanden + 1) > later


@pytest.mark.parametrize(
    ("ingang", "termijn", "vanaf"),
    [
        # Selectielijst 2020 13.1: P5Y after the complaint was handled
        (dt.date(2020, 6, 30), Termijn(jaren=5), dt.date(2025, 6, 30)),
        # 8.4.1: P42D
        (dt.date(2026, 1, 1), Termijn(dagen=42), dt.date(2026, 2, 12)),
        # a leap day plus whole years lands on 28 February
        (dt.date(2024, 2, 29), Termijn(jaren=1), dt.date(2025, 2, 28)),
    ],
)
def test_archiefwet_retention_period_runs_from_its_start(ingang, termijn, vanaf):
    assert vernietigbaar_vanaf(ingang, termijn) == vanaf
    assert is_vernietigbaar(ingang=ingang, termijn=termijn, vandaag=vanaf)
    assert not is_vernietigbaar(ingang=ingang, termijn=termijn, vandaag=vanaf - dt.timedelta(1))
    assert not is_vernietigbaar(ingang=None, termijn=termijn, vandaag=dt.date(2999, 1, 1))


@given(datums, st.integers(0, 30), st.integers(0, 11), st.integers(0, 100))
def test_a_record_is_never_destroyable_before_its_start(ingang, jaren, maanden, dagen):
    termijn = Termijn(jaren, maanden, dagen)
    assert vernietigbaar_vanaf(ingang, termijn) >= ingang
    assert termijn.iso.startswith("P")


def test_termijn_iso_is_the_selectielijst_notation():
    assert Termijn(jaren=15).iso == "P15Y"
    assert Termijn(dagen=42).iso == "P42D"
    assert Termijn().iso == "P0D"
    with pytest.raises(ValueError):
        Termijn(jaren=-1)


# --- destruction at the resident's request (Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5) -------


def test_jeugdwet_7_3_9_is_dated_data_with_its_source():
    oud = recht_op_vernietiging("jeugd", dt.date(2021, 5, 21))
    assert oud is not None and oud.artikel == "Jeugdwet art. 7.3.9" and oud.termijn_maanden == 3
    assert "ECLI:NL:RBNHO:2021:4235" in oud.bron and "aanmerkelijk belang" in oud.uitzondering
    nieuw = recht_op_vernietiging("jeugd", dt.date(2026, 1, 1))
    assert nieuw is not None and nieuw.termijn_maanden is None
    assert "BWBR0034925/2026-01-01" in nieuw.bron
    # before the Jeugdwet: no right in the data
    assert recht_op_vernietiging("jeugd", dt.date(2014, 12, 31)) is None


def test_wmo_2015_5_3_5_gives_the_same_right_within_three_months_of_a_written_request():
    recht = recht_op_vernietiging("wmo", dt.date(2026, 3, 10))
    assert recht is not None and recht.artikel == "Wmo 2015 art. 5.3.5"
    assert recht.termijn_maanden == 3 and recht.geldig_vanaf == dt.date(2015, 1, 1)
    assert "BWBR0035362/2026-01-01" in recht.bron and "schriftelijk verzoek" in recht.bron
    assert "aanmerkelijk belang" in recht.uitzondering and "twaalf jaar" in recht.uitzondering
    assert vernietigen_uiterlijk(dt.date(2026, 3, 10), recht) == dt.date(2026, 6, 10)
    assert recht_op_vernietiging("wmo", dt.date(2014, 12, 31)) is None
    # work and income and debt help give no such right
    assert wetten_met_recht_op_vernietiging() == frozenset({"jeugd", "wmo"})


@pytest.mark.parametrize(
    ("ontvangen", "verlengd", "uiterlijk"),
    [
        # both laws three months (the old Jeugdwet text, the Wmo); 28 February 2026 is a
        # Saturday: Monday 2 March (Atw art. 1 lid 1)
        (dt.date(2025, 11, 30), False, dt.date(2026, 3, 2)),
        # 2026: the Jeugdwet's answer term of one month comes first, three when extended
        (dt.date(2026, 3, 10), False, dt.date(2026, 4, 10)),
        (dt.date(2026, 3, 10), True, dt.date(2026, 6, 10)),
        (dt.date(2014, 12, 31), False, None),
    ],
)
def test_a_request_covering_both_laws_is_due_at_the_earliest_term(ontvangen, verlengd, uiterlijk):
    assert vernietigen_uiterlijk_voor(ontvangen, verlengd=verlengd) == uiterlijk


@pytest.mark.parametrize(
    ("ontvangen", "verlengd", "uiterlijk"),
    [
        # old text: within three months after the request (31 Nov does not exist: 28 Feb, a
        # Saturday: Monday 2 March, Atw art. 1 lid 1)
        (dt.date(2025, 11, 30), False, dt.date(2026, 3, 2)),
        (dt.date(2025, 11, 30), True, dt.date(2026, 3, 2)),
        # text of 1 January 2026: no own term, the AVG's (one month, three when extended)
        (dt.date(2026, 3, 10), False, dt.date(2026, 4, 10)),
        (dt.date(2026, 3, 10), True, dt.date(2026, 6, 10)),
    ],
)
def test_the_last_day_to_destroy_on_request(ontvangen, verlengd, uiterlijk):
    recht = recht_op_vernietiging("jeugd", ontvangen)
    assert vernietigen_uiterlijk(ontvangen, recht, verlengd=verlengd) == uiterlijk


@given(datums, st.booleans())
def test_destruction_on_request_is_due_within_three_months_and_not_before_the_answer(
    ontvangen, verlengd
):
    recht = recht_op_vernietiging("jeugd", ontvangen)
    assert recht is not None  # datums start in 2015, when the Jeugdwet took effect
    uiterlijk = vernietigen_uiterlijk(ontvangen, recht, verlengd=verlengd)
    assert ontvangen < uiterlijk <= maanden_later(ontvangen, 3) + dt.timedelta(days=6)
    # never before the AVG answer term: the law's own term is at least as long
    assert uiterlijk >= antwoord_uiterlijk(ontvangen)
