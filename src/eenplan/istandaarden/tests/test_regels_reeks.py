"""TR413–TR416, TR418 and TR318: repeated stops, double debet lines, the contract tariff and
consecutive declaration periods — each against the wording of its rule text, as tables and with
generated data; and the explanation of every return code for pages."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.istandaarden import codelijsten, regels, voorbeelden
from eenplan.istandaarden.model import (
    BedragMetDC,
    GeslotenPeriode,
    Prestatie,
    Product,
    Referentie,
    StopProduct,
)

D = dt.date
BEGIN = D(2026, 1, 5)
MAART_31 = D(2026, 3, 31)
JAN_31 = D(2026, 1, 31)


def stop(reden="19", eind=MAART_31, status="1", nummer=101, begin=BEGIN):
    return StopProduct(
        begindatum=begin,
        reden_beeindiging=reden,
        einddatum=eind,
        toewijzing_nummer=nummer,
        status_aanlevering=status,
    )


# --- TR413: no second temporary stop -----------------------------------------------------------


@pytest.mark.parametrize(
    ("nieuw", "eerdere", "verwacht"),
    [
        (stop("20"), [], []),  # the first temporary stop
        (stop("20"), [stop("20")], ["9413"]),  # temporarily stopped twice
        (stop("20", status="2"), [stop("20")], ["9413"]),  # a change counts too
        (stop("19"), [stop("20")], []),  # after a temporary stop: for good
        (stop("20", status="3"), [stop("20")], []),  # deleting is allowed
        (stop("20"), [stop("20", status="3")], []),  # the earlier one was deleted
        (stop("20"), [stop("20", nummer=102)], []),  # another toewijzing
        (stop("20"), [stop("20", begin=D(2026, 2, 1))], []),  # another start (key)
    ],
)
def test_tr413_temporary_stop_only_once(nieuw, eerdere, verwacht):
    assert regels.TR413(nieuw, eerdere) == verwacht


# --- TR414: a later stop does not end earlier ----------------------------------------------------


@pytest.mark.parametrize(
    ("eind", "eerdere", "verwacht"),
    [
        (D(2026, 3, 31), [], []),
        (D(2026, 3, 31), [stop("20", eind=D(2026, 3, 31))], []),  # the same day
        (D(2026, 4, 30), [stop("20", eind=D(2026, 3, 31))], []),  # later
        (D(2026, 3, 30), [stop("20", eind=D(2026, 3, 31))], ["9414"]),  # earlier
        (D(2026, 3, 30), [stop("20", eind=D(2026, 3, 31), status="3")], []),  # deleted
        (D(2026, 3, 30), [stop("20", eind=D(2026, 3, 31), nummer=102)], []),  # other key
    ],
)
def test_tr414_einddatum_not_before_the_current_stop(eind, eerdere, verwacht):
    assert regels.TR414(stop("19", eind=eind), eerdere) == verwacht


# --- TR415: after a stop for good, no more stops -----------------------------------------------


@pytest.mark.parametrize(
    ("nieuw", "eerdere", "verwacht"),
    [
        (stop("19"), [], []),
        (stop("19"), [stop("20")], []),  # temporary, then for good
        (stop("19"), [stop("19")], ["9415"]),
        (stop("20"), [stop("02")], ["9415"]),  # after overlijden nothing more
        (stop("19", status="2"), [stop("19")], ["9415"]),
        (stop("19", status="3"), [stop("19")], []),  # deleting remains possible
        (stop("19"), [stop("19", status="3")], []),
    ],
)
def test_tr415_no_stop_after_a_stop_for_good(nieuw, eerdere, verwacht):
    assert regels.TR415(nieuw, eerdere) == verwacht


REDENEN = st.sampled_from(["01", "02", "19", "20", "24"])
STATUS = st.sampled_from(["1", "2", "3"])


@given(REDENEN, STATUS, st.lists(st.tuples(REDENEN, STATUS), max_size=5))
def test_tr413_tr415_together_at_most_one_temporary_then_one_final(reden, status, eerder):
    """Whatever the history, a new stop (status 1 or 2) is accepted by TR413 and TR415 together
    only when no current earlier stop exists, or the current earlier stops are all temporary and
    the new one is for good."""
    eerdere = [stop(r, status=s) for r, s in eerder]
    nieuw = stop(reden, status=status)
    codes = regels.TR413(nieuw, eerdere) + regels.TR415(nieuw, eerdere)
    actueel = [e for e in eerdere if e.status_aanlevering != "3"]
    if status == "3" or not actueel:
        assert codes == []
    elif all(e.reden_beeindiging == "20" for e in actueel):
        assert codes == ([] if reden != "20" else ["9413"])
    else:
        assert "9415" in codes


@given(
    st.dates(D(2026, 1, 5), D(2027, 12, 31)),
    st.lists(st.dates(D(2026, 1, 5), D(2027, 12, 31)), max_size=4),
)
def test_tr414_accepts_exactly_the_einddatums_not_before_the_latest(eind, eerder):
    eerdere = [stop("20", eind=e) for e in eerder]
    codes = regels.TR414(stop("19", eind=eind), eerdere)
    assert (codes == []) == (not eerder or eind >= max(eerder))


# --- TR416: no second debet line -----------------------------------------------------------------


def prestatie(ref="R1", dc="D", begin=BEGIN, eind=JAN_31, code="02A05", tarief=6000):
    return Prestatie(
        product_referentie=Referentie(ref),
        toewijzing_nummer=101,
        product_categorie=code[:2],
        product_code=code,
        product_periode=GeslotenPeriode(begin, eind),
        geleverd_volume=12,
        eenheid="04",
        product_tarief=tarief,
        ingediend_bedrag=BedragMetDC(12 * tarief if tarief else 12, dc),
    )


@pytest.mark.parametrize(
    ("nieuw", "eerdere", "verwacht"),
    [
        (prestatie("R2"), [], []),
        (prestatie("R2"), [prestatie("R1")], ["0001"]),  # the same month, product, toewijzing
        (prestatie("R2", dc="C"), [prestatie("R1")], []),  # a credit line is fine
        (prestatie("R2"), [prestatie("R1", dc="C")], []),  # the earlier one was credit
        (prestatie("R2"), [prestatie("R1", begin=D(2026, 1, 6))], []),  # another period
        (prestatie("R2"), [prestatie("R1", code="02A06")], []),  # another product
    ],
)
def test_tr416_a_second_debet_line_for_the_same_period_is_refused(nieuw, eerdere, verwacht):
    codes = regels.TR416(nieuw, eerdere)
    assert codes == verwacht
    assert all(c.regel == "TR416" for c in codes)


# --- TR418: the contract tariff ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tarief", "contract", "verwacht"),
    [
        (6000, 6000, []),
        (6100, 6000, ["0611"]),
        (5900, 6000, ["0611"]),  # a lower tariff is not the contract's either
        (6000, None, []),  # no contractual tariff known
        (None, 6000, []),  # euro's: no tariff on the line
    ],
)
def test_tr418_tariff_must_be_the_contract_tariff(tarief, contract, verwacht):
    assert regels.TR418(prestatie(tarief=tarief), contract) == verwacht


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_tr418_only_the_same_tariff_passes(tarief, contract):
    assert (regels.TR418(prestatie(tarief=tarief), contract) == []) == (tarief == contract)


def test_declaratie_prestatie_judges_tr418_when_given_the_contract():
    bericht = voorbeelden.declaratie("wmo")
    p = bericht.declaratie.clienten[0].prestaties[0]
    t = voorbeelden.toewijzing("wmo").client.toegewezen_producten[0]
    product = Product(p.product_categorie, p.product_code)
    t = dataclasses.replace(t, ingangsdatum=D(2026, 1, 1), einddatum=None, product=product)
    bsn = bericht.declaratie.clienten[0].bsn
    args = (bericht, bsn, p, {p.toewijzing_nummer: t})
    assert "0611" not in regels.declaratie_prestatie(*args)
    assert "0611" in regels.declaratie_prestatie(*args, contracttarief=lambda code, d: 5000)
    assert "0611" not in regels.declaratie_prestatie(*args, contracttarief=lambda code, d: 6000)


# --- TR318: consecutive declaration periods ------------------------------------------------------


def declaratie(maand, *prestatiemaanden):
    """A 323 for ``maand`` (year, month) with one prestatie in each of ``prestatiemaanden``
    (default: the declaration month itself)."""
    bericht = voorbeelden.declaratie("jw")
    j, m = maand
    bericht.declaratie.declaratie_periode = GeslotenPeriode(D(j, m, 1), _laatste(j, m))
    client = bericht.declaratie.clienten[0]
    client.prestaties = [
        dataclasses.replace(
            client.prestaties[0],
            product_referentie=Referentie(f"R{pj}{pm}"),
            product_periode=GeslotenPeriode(D(pj, pm, 1), _laatste(pj, pm)),
        )
        for pj, pm in (prestatiemaanden or [maand])
    ]
    return bericht


def _laatste(j, m):
    return (D(j + 1, 1, 1) if m == 12 else D(j, m + 1, 1)) - dt.timedelta(days=1)


def periode(j, m):
    return GeslotenPeriode(D(j, m, 1), _laatste(j, m))


@pytest.mark.parametrize(
    ("maand", "vorige", "met_zorg", "verwacht"),
    [
        ((2022, 6), None, (), []),  # the first declaratie
        ((2022, 6), periode(2022, 5), (), []),  # the rule's example: May, June ...
        ((2022, 9), periode(2022, 6), (), []),  # ... then September: no care in Jul/Aug
        ((2022, 9), periode(2022, 6), {(2022, 8)}, ["8214"]),  # care in August: not skipped
        ((2023, 1), periode(2022, 12), (), []),  # over the year's end
        ((2022, 6), periode(2022, 6), (), ["8214"]),  # the same period again
        ((2022, 5), periode(2022, 6), (), ["8214"]),  # back in time
    ],
)
def test_tr318_the_month_after_the_previous(maand, vorige, met_zorg, verwacht):
    assert regels.TR318(declaratie(maand), vorige, met_zorg) == verwacht


def test_tr318_a_late_line_in_this_message_shows_care_in_the_skipped_month():
    """September's declaratie with a line for August: care in August, so August's period was
    due after June's."""
    bericht = declaratie((2022, 9), (2022, 8), (2022, 9))
    assert regels.TR318(bericht, periode(2022, 6)) == ["8214"]


@given(
    st.integers(2020, 2030),
    st.integers(1, 12),
    st.integers(-3, 14),
    st.sets(st.integers(1, 13), max_size=4),
)
def test_tr318_passes_exactly_when_no_skipped_month_had_care(j, m, stap, zorg_na):
    """For any previous month and any step: the next month always passes; an earlier or equal
    month never; a later month exactly when none of the skipped months had care."""

    def plus(n):
        i = j * 12 + (m - 1) + n
        return (i // 12, i % 12 + 1)

    vorige = periode(j, m)
    huidig = plus(stap)
    met_zorg = {plus(n) for n in zorg_na}
    codes = regels.TR318(declaratie(huidig), vorige, met_zorg)
    if stap == 1:
        assert codes == []
    elif stap < 1:
        assert codes == ["8214"]
    else:
        overgeslagen = {plus(n) for n in range(1, stap)}
        assert (codes == []) == (not (overgeslagen & met_zorg))


# --- the explanation of every return code --------------------------------------------------------


def test_every_return_code_of_wj001_and_every_rule_has_a_dutch_explanation():
    for code in codelijsten.RETOURCODES.waarden:
        uitleg = codelijsten.retourcode(code)
        assert uitleg.betekenis == codelijsten.RETOURCODES.omschrijving(code)
        assert len(uitleg.uitleg) > 20 and uitleg.actie, code
        assert "WJ001" in uitleg.bron and "istandaarden.nl" in uitleg.bron
    for code in ("OP043", "OP087"):
        assert codelijsten.retourcode(code).regel == code
    # the explanations hold no code that is not a return code of the standard or an OP rule
    assert set(codelijsten.UITLEG) == set(codelijsten.RETOURCODES.waarden) | {"OP043", "OP087"}


def test_return_codes_raised_by_the_new_rules_carry_their_explanation():
    code = regels.TR413(stop("20"), [stop("20")])[0]
    assert code.regel == "TR413"
    assert "tijdelijk" in codelijsten.retourcode(code).uitleg
    assert codelijsten.retourcode("8001").goedgekeurd
    assert not codelijsten.retourcode("9321").goedgekeurd


def test_an_unknown_code_is_explained_as_unknown():
    uitleg = codelijsten.retourcode("7777")
    assert "7777" in uitleg.betekenis and not uitleg.goedgekeurd
