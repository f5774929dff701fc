"""The business rules, each against the example or the wording of its rule text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.istandaarden import regels, voorbeelden
from eenplan.istandaarden.controle import enkel_bericht_regels
from eenplan.istandaarden.model import (
    BedragMetDC,
    GeslotenPeriode,
    Omvang,
    Prestatie,
    Product,
    Referentie,
    StartProduct,
    StopProduct,
    ToegewezenProduct,
)

D = dt.date
OKT_7 = D(2025, 10, 7)
DEC_30 = D(2025, 12, 30)


def toewijzing(begin=OKT_7, eind=DEC_30, volume=3, eenheid="04", freq="2", cat="02", **kw):
    return ToegewezenProduct(
        toewijzing_nummer=kw.pop("nummer", 101),
        toewijzingsdatum=begin,
        toewijzingstijd=dt.time(9),
        ingangsdatum=begin,
        einddatum=eind,
        product=Product(cat, kw.pop("code", f"{cat}A05")),
        omvang=Omvang(volume, eenheid, freq) if volume is not None else None,
        **kw,
    )


def prestatie(begin, eind, volume, eenheid="04", cat="02", code="02A05", tarief=6000, **kw):
    return Prestatie(
        product_referentie=Referentie(kw.pop("ref", "R1")),
        toewijzing_nummer=kw.pop("nummer", 101),
        product_categorie=cat,
        product_code=code,
        product_periode=GeslotenPeriode(begin, eind),
        geleverd_volume=volume,
        eenheid=eenheid,
        product_tarief=tarief,
        ingediend_bedrag=BedragMetDC(
            kw.pop("bedrag", volume * tarief if tarief else volume), kw.pop("dc", "D")
        ),
    )


# --- IV077: the examples of the invulinstructie ---


@pytest.mark.parametrize(
    ("begin", "eind", "verwacht"),
    [
        (D(2025, 10, 1), D(2025, 10, 31), 12),  # weeks 41-44 within the toewijzing: 4 × 3
        (D(2025, 11, 1), D(2025, 11, 30), 15),  # weeks 44-48: 5 × 3
        (D(2025, 12, 1), D(2025, 12, 31), 15),  # weeks 49-52 and week 1 of 2026 up to 30-12
    ],
)
def test_iv077_inspanningsgericht_calendar_weeks(begin, eind, verwacht):
    assert regels.IV077(toewijzing(), begin, eind) == verwacht


def test_iv077_total_over_the_toewijzing_is_13_weeks():
    t = toewijzing()
    binnen = [
        prestatie(D(2025, 10, 7), D(2025, 10, 31), 12),
        prestatie(D(2025, 11, 1), D(2025, 11, 30), 15),
    ]
    assert regels.TR322([*binnen, prestatie(D(2025, 12, 1), D(2025, 12, 30), 12)], t) == []  # 39
    assert regels.TR322([*binnen, prestatie(D(2025, 12, 1), D(2025, 12, 30), 13)], t) == ["9322"]


def test_iv077_household_help_is_always_6_times_weekvolume():
    hh = toewijzing(cat="01", begin=D(2025, 1, 1), eind=D(2025, 12, 31))
    assert regels.IV077(hh, D(2025, 2, 1), D(2025, 2, 28)) == 18
    assert (
        regels.TR321(prestatie(D(2025, 2, 1), D(2025, 2, 28), 18, cat="01", code="01A05"), hh) == []
    )
    assert regels.TR321(
        prestatie(D(2025, 2, 1), D(2025, 2, 28), 19, cat="01", code="01A05"), hh
    ) == ["9321"]
    # Jeugd has no category 01: the calendar-week rule applies
    assert regels.IV077(hh, D(2025, 2, 1), D(2025, 2, 28), wet="jw") == 15


@pytest.mark.parametrize(
    ("t_begin", "t_eind", "begin", "eind", "weken"),
    [
        (D(2025, 10, 7), D(2025, 12, 31), D(2025, 10, 7), D(2025, 10, 31), 3),
        (D(2025, 10, 7), D(2025, 12, 31), D(2025, 11, 1), D(2025, 11, 30), 5),
        (D(2025, 10, 7), D(2025, 12, 31), D(2025, 12, 1), D(2025, 12, 31), 5),  # 4 Sundays + 1
        (D(2025, 7, 7), D(2025, 9, 5), D(2025, 7, 7), D(2025, 7, 31), 3),
        (D(2025, 7, 7), D(2025, 9, 5), D(2025, 8, 1), D(2025, 8, 31), 6),  # last Sunday 31-08
        (D(2025, 7, 7), D(2025, 9, 5), D(2025, 9, 1), D(2025, 9, 5), 0),
    ],
)
def test_iv077_outputgericht_sundays(t_begin, t_eind, begin, eind, weken):
    t = toewijzing(begin=t_begin, eind=t_eind, volume=30000, eenheid="83")
    assert regels.IV077(t, begin, eind, "outputgericht") == weken * 30000


def test_iv077_other_frequencies_and_no_omvang():
    assert regels.IV077(toewijzing(freq="1", volume=2), D(2025, 11, 1), D(2025, 11, 30)) == 60
    assert regels.IV077(toewijzing(freq="4", volume=10), D(2025, 11, 1), D(2025, 11, 30)) == 10
    assert regels.IV077(toewijzing(freq="6", volume=40), D(2025, 11, 1), D(2025, 11, 30)) == 40
    assert regels.IV077(toewijzing(volume=None), D(2025, 11, 1), D(2025, 11, 30)) is None


# --- claim checks ---


def test_tr321_claim_over_volume_gets_9321_and_units_convert():
    t = toewijzing()
    assert regels.TR321(prestatie(D(2025, 11, 1), D(2025, 11, 30), 16), t) == ["9321"]
    assert regels.TR321(prestatie(D(2025, 11, 1), D(2025, 11, 30), 900, eenheid="01"), t) == []
    assert regels.TR321(prestatie(D(2025, 11, 1), D(2025, 11, 30), 901, eenheid="01"), t) == [
        "9321"
    ]
    code = regels.TR321(prestatie(D(2025, 11, 1), D(2025, 11, 30), 16), t)[0]
    assert code.regel == "TR321" and "volume" in code.melding


def test_tr307_tr308_period_outside_toewijzing():
    t = toewijzing()
    assert regels.TR307(prestatie(D(2025, 10, 6), D(2025, 10, 31), 1), t) == ["9307"]
    assert regels.TR307(prestatie(D(2025, 10, 7), D(2025, 10, 31), 1), t) == []
    assert regels.TR308(prestatie(D(2025, 12, 1), D(2025, 12, 31), 1), t) == ["9308"]
    assert regels.TR308(prestatie(D(2025, 12, 1), D(2025, 12, 31), 1), toewijzing(eind=None)) == []


def test_tr319_product_period_within_one_declaration_month():
    assert regels.TR319(prestatie(D(2025, 11, 1), D(2025, 11, 30), 1), D(2025, 11, 30)) == []
    assert regels.TR319(prestatie(D(2025, 10, 1), D(2025, 10, 31), 1), D(2025, 11, 30)) == []
    assert regels.TR319(prestatie(D(2025, 10, 20), D(2025, 11, 5), 1), D(2025, 11, 30)) == ["9319"]
    assert regels.TR319(prestatie(D(2025, 12, 1), D(2025, 12, 5), 1), D(2025, 11, 30)) == ["9319"]


def test_tr137_a_month_is_declared_only_when_it_is_over():
    # The example claims January 2026 (product period 5-31 January) in a message of 3 February.
    bericht = voorbeelden.declaratie("wmo")
    assert regels.TR137(bericht) == []
    # Sent on 31 January, the last day of the month: allowed (not after the Dagtekening).
    bericht.header.bericht_identificatie.dagtekening = D(2026, 1, 31)
    assert regels.TR137(bericht) == []
    # Sent on 20 January: January is still running; the declaration period and the product
    # period both end after the Dagtekening.
    bericht.header.bericht_identificatie.dagtekening = D(2026, 1, 20)
    codes = regels.TR137(bericht)
    assert codes == ["0001", "0001"] and codes[0].regel == "TR137"
    assert "pas gedeclareerd als die voorbij is" in codes[0].melding
    # February claimed on 3 February: a month in the future of the message.
    later = voorbeelden.declaratie("wmo")
    later.declaratie.declaratie_periode = GeslotenPeriode(D(2026, 2, 1), D(2026, 2, 28))
    assert regels.TR137(later) == ["0001"]
    # The checker reports it with the single-message rules.
    assert "TR137" in {c.regel for c in enkel_bericht_regels(later, D(2026, 2, 3))}


def test_tr339_340_341_product_and_unit_must_match():
    t = toewijzing()
    p = prestatie(D(2025, 11, 1), D(2025, 11, 30), 1)
    assert regels.TR339(dataclasses.replace(p, product_categorie="07"), t) == ["9339"]
    assert regels.TR340(dataclasses.replace(p, product_code="02A06"), t) == ["9340"]
    assert regels.TR341(dataclasses.replace(p, eenheid="83"), t) == ["9341"]
    assert regels.TR339(p, t) == regels.TR340(p, t) == regels.TR341(p, t) == []


def test_tr346_amount_is_volume_times_tariff():
    assert regels.TR346(prestatie(D(2025, 11, 1), D(2025, 11, 30), 3, tarief=6000)) == []
    bad = prestatie(D(2025, 11, 1), D(2025, 11, 30), 3, tarief=6000, bedrag=18001)
    assert regels.TR346(bad) == ["9346"]
    euro = prestatie(D(2025, 11, 1), D(2025, 11, 30), 500, eenheid="83", tarief=100, bedrag=500)
    assert regels.TR346(euro) == []  # eenheid 83 (euro's): no multiplication


def test_tr369_budget_and_tr384_deleted_toewijzing():
    t = toewijzing(volume=None, budget=100000)
    ps = [prestatie(D(2025, 11, 1), D(2025, 11, 30), 10, tarief=6000)]
    assert regels.TR369(ps, t) == []
    ps.append(prestatie(D(2025, 12, 1), D(2025, 12, 30), 10, tarief=6000))
    assert regels.TR369(ps, t) == ["9369"]
    ps.append(prestatie(D(2025, 12, 1), D(2025, 12, 30), 10, tarief=6000, dc="C"))
    assert regels.TR369(ps, t) == []  # a credit line takes it back
    weg = toewijzing(reden_wijziging="13")
    assert regels.TR384(weg) == ["9384"]
    assert regels.TR384(toewijzing()) == []


def test_declaratie_prestatie_runs_every_check():
    bericht = voorbeelden.declaratie("wmo")
    p = bericht.declaratie.clienten[0].prestaties[0]  # 12 uur, 5-31 January 2026
    t = voorbeelden.toewijzing("wmo").client.toegewezen_producten[0]  # 3 uur per week in 2026
    assert regels.declaratie_prestatie(bericht, voorbeelden.BSN, p, {101: t}) == []  # 4 weeks × 3
    te_veel = dataclasses.replace(p, geleverd_volume=13, ingediend_bedrag=BedragMetDC(78000))
    bericht.declaratie.clienten[0].prestaties = [te_veel]
    assert regels.declaratie_prestatie(bericht, voorbeelden.BSN, te_veel, {101: t}) == ["9321"]
    assert regels.declaratie_prestatie(bericht, voorbeelden.BSN, te_veel, {}) == ["9338"]


# --- header, start/stop, the gemeente's own 301 ---


def test_tr056_same_identification_twice():
    bericht = voorbeelden.start("wmo", identificatie="A7")
    assert regels.TR056(bericht, set()) == []
    assert regels.TR056(bericht, {"A6"}) == []
    assert regels.TR056(bericht, {"A7"}) == ["9056"]


def test_tr135_dagtekening_not_in_future():
    bericht = voorbeelden.toewijzing("wmo")
    assert regels.TR135(bericht, voorbeelden.DAG) == []
    assert regels.TR135(bericht, voorbeelden.DAG - dt.timedelta(days=1)) == ["8848"]


def test_tr378_s300_municipality_code():
    assert regels.TR378(voorbeelden.toewijzing("wmo")) == []
    assert regels.TR378(voorbeelden.declaratie("jw")) == []
    bericht = voorbeelden.declaratie("wmo")
    bericht.header.ontvanger = "9999"
    assert regels.S300(bericht) == ["S300"]
    toew = voorbeelden.toewijzing("wmo")
    toew.header.afzender = "0000"
    assert regels.TR378(toew) == ["S300"]


def test_tr381_s329_product_code_belongs_to_category():
    assert regels.TR381("wmo", "02", "02A05") == []
    assert regels.S329("wmo", "02", "07A03") == ["S329"]
    assert regels.TR381("wmo", "45", "45A01") == ["S329"]  # a Jeugd category in a Wmo message
    assert regels.TR381("jw", "45", None) == []
    assert regels.TR381("wmo", "02", "BEG1", {"BEG1": "02"}) == []  # the gemeente's own list
    assert regels.TR381("wmo", "02", "BEG1", {"BEG1": "07"}) == ["S329"]


def test_tr019_start_must_match_current_toewijzing():
    t = toewijzing(nummer=101)
    start = StartProduct(begindatum=D(2025, 10, 8), toewijzing_nummer=101)
    assert regels.TR019(start, [t]) == []
    assert regels.TR019(dataclasses.replace(start, toewijzing_nummer=102), [t]) == ["9019"]
    verwijderd = dataclasses.replace(t, einddatum=t.ingangsdatum, reden_wijziging="13")
    assert regels.TR019(start, [verwijderd]) == ["9019"]
    assert regels.TR019(dataclasses.replace(start, toewijzing_nummer=None), [], "taakgericht") == []


def test_tr069_stop_without_start_gets_9069():
    start = StartProduct(begindatum=D(2025, 10, 8), toewijzing_nummer=101)
    stop = StopProduct(
        begindatum=D(2025, 10, 8),
        reden_beeindiging="19",
        einddatum=D(2025, 12, 1),
        toewijzing_nummer=101,
    )
    assert regels.TR069(stop, [start]) == []
    assert regels.TR069(stop, []) == ["9069"]
    assert regels.TR069(stop, [dataclasses.replace(start, begindatum=D(2025, 10, 9))]) == ["9069"]
    assert regels.TR069(stop, [dataclasses.replace(start, status_aanlevering="3")]) == ["9069"]


def test_op087_301_carries_all_current_toewijzingen():
    bericht = voorbeelden.toewijzing("wmo", nummer=101)
    huidig = bericht.client.toegewezen_producten[0]
    ander = dataclasses.replace(huidig, toewijzing_nummer=102)
    afgelopen = dataclasses.replace(huidig, toewijzing_nummer=103, einddatum=D(2025, 12, 31))
    verwijderd = dataclasses.replace(
        huidig, toewijzing_nummer=104, einddatum=huidig.ingangsdatum, reden_wijziging="13"
    )
    assert regels.OP087(bericht, [huidig, afgelopen, verwijderd]) == []
    assert regels.OP087(bericht, [huidig, ander]) == ["OP087"]
    assert regels.OP087(bericht, [huidig], gewijzigd_sinds_vorige={103}) == ["OP087"]


def test_op043_no_zin_next_to_pgb():
    t = toewijzing(begin=D(2025, 1, 1), eind=D(2025, 6, 30))
    assert regels.OP043(t, [("02", None, D(2025, 7, 1), None)]) == []  # ends the day before
    assert regels.OP043(t, [("02", None, D(2025, 6, 30), None)]) == ["OP043"]
    assert regels.OP043(t, [("07", None, D(2025, 3, 1), None)]) == []  # another product
    assert regels.OP043(t, [("02", "02A06", D(2025, 3, 1), None)]) == []


# --- the history of starts and stops, and the uniqueness rules ---


OKT_8 = D(2025, 10, 8)


def _start(nummer=101, begin=OKT_8, status="1"):
    return StartProduct(begindatum=begin, toewijzing_nummer=nummer, status_aanlevering=status)


def _stop(nummer=101, begin=OKT_8, status="1"):
    return StopProduct(
        begindatum=begin,
        reden_beeindiging="19",
        einddatum=D(2025, 12, 1),
        toewijzing_nummer=nummer,
        status_aanlevering=status,
    )


def test_tr063_tr071_tr074_tr326_start_stop_history():
    assert regels.TR063(_start(status="3"), []) == ["9063"]
    assert regels.TR063(_start(status="3"), [_start()]) == []
    assert regels.TR071(_start(status="3"), [_stop()]) == ["9071"]
    assert regels.TR071(_start(status="3"), []) == []
    assert regels.TR074(_start(), [_start()]) == ["9074"]
    assert regels.TR074(_start(), [_start(status="3")]) == []  # the earlier one was deleted
    later = _start(begin=D(2025, 11, 1))
    assert regels.TR326(later, [_start()], []) == ["9326"]
    assert regels.TR326(later, [_start()], [_stop()]) == []


def test_claim_history_rules():
    p = prestatie(D(2025, 11, 1), D(2025, 11, 30), 3)
    assert regels.TR314(p, {"R1"}) == ["8021"] and regels.TR314(p, {"R0"}) == []
    credit = dataclasses.replace(
        p,
        product_referentie=Referentie("R2", vorig_referentie_nummer="R1"),
        ingediend_bedrag=BedragMetDC(p.ingediend_bedrag.bedrag, "C"),
    )
    assert regels.TR323(credit, [p]) == []
    assert regels.TR323(credit, []) == ["8017"]
    assert regels.TR323(p, []) == []  # a debet line needs nothing
    assert regels.TR304("999900006", "999900006") == []
    assert regels.TR304("999900006", "123456782") == ["8187"]
    bericht = voorbeelden.declaratie("wmo")
    assert regels.TR333(bericht, {bericht.declaratie.declaratie_nummer}) == ["9333"]
    assert regels.TR333(bericht, set()) == []


def test_toewijzing_and_verzoek_rules():
    t = toewijzing(nummer=101)
    assert regels.TR332(t, "999900006", {101: "123456782"}) == ["9332"]
    assert regels.TR332(t, "999900006", {101: "999900006"}) == []
    verzoek = voorbeelden.verzoek_om_wijziging("wmo").client.verzoek  # names 101 and 102
    assert regels.TR349(verzoek, {101, 102}) == []
    assert regels.TR349(verzoek, {101, 102, 103}) == ["9349"]
    assert regels.TR374({"REF-1"}) == ["9374"] and regels.TR374(set()) == []
    weg = dataclasses.replace(t, reden_wijziging="13")
    p = prestatie(D(2025, 11, 1), D(2025, 11, 30), 3)
    assert regels.TR385(weg, [p]) == ["9385"]
    credit = dataclasses.replace(p, ingediend_bedrag=BedragMetDC(1, "C"))
    assert regels.TR385(weg, [p, credit]) == []  # credited in full
    assert regels.TR385(t, [p]) == []


# --- IV077 properties ---

MAANDEN = st.tuples(st.integers(2020, 2030), st.integers(1, 12))


def _maand(jaar: int, maand: int) -> tuple[dt.date, dt.date]:
    begin = D(jaar, maand, 1)
    volgende = D(jaar + (maand == 12), maand % 12 + 1, 1)
    return begin, volgende - dt.timedelta(days=1)


@given(MAANDEN, st.integers(1, 40))
def test_iv077_a_whole_month_is_4_to_6_calendar_weeks(jm, volume):
    begin, eind = _maand(*jm)
    t = toewijzing(begin=D(2019, 1, 1), eind=D(2031, 12, 31), volume=volume)
    assert 4 * volume <= regels.IV077(t, begin, eind) <= 6 * volume
    hh = toewijzing(begin=D(2019, 1, 1), eind=D(2031, 12, 31), volume=volume, cat="01")
    assert regels.IV077(hh, begin, eind) == 6 * volume


@given(MAANDEN, st.integers(1, 40))
def test_iv077_outputgericht_a_month_has_4_or_5_sundays(jm, volume):
    begin, eind = _maand(*jm)
    t = toewijzing(begin=D(2019, 1, 1), eind=D(2031, 12, 28), volume=volume)  # ends on a Sunday
    assert regels.IV077(t, begin, eind, "outputgericht") in (4 * volume, 5 * volume)


@given(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.integers(0, 400), st.integers(1, 20))
def test_iv077_months_never_allow_less_than_the_whole(start, dagen, volume):
    """Summed over the months of a toewijzing, the per-period maxima are at least its total
    maximum: TR321 per month never forbids what TR322 over the period allows."""
    t = toewijzing(begin=start, eind=start + dt.timedelta(days=dagen), volume=volume)
    totaal = regels._totaal_max(t, "inspanningsgericht", "wmo")
    per_maand = 0
    dag = start
    while dag <= t.einddatum:
        begin, eind = _maand(dag.year, dag.month)
        per_maand += regels.IV077(t, begin, eind)
        dag = eind + dt.timedelta(days=1)
    assert per_maand >= totaal
