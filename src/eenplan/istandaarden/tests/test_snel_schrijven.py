"""The compiled writer (`xml._bouw_snel`, what `bouw` uses) writes every message byte for byte as
the lxml writer (`bouw_lxml`, the reference) does — for the examples, for the answers the
municipality sends, and for any content hypothesis makes, including text lxml must escape — and
leaves to lxml what it cannot write the same way. And `antwoorden.kopie` copies a message as
`copy.deepcopy` does."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eenplan.istandaarden import BERICHTEN, bouw, lees, voorbeelden
from eenplan.istandaarden.antwoorden import (
    declaratie_antwoord,
    kopie,
    retourbericht,
    retourcodes_in,
)
from eenplan.istandaarden.fouten import BouwFout
from eenplan.istandaarden.tests.strategieen import bericht
from eenplan.istandaarden.xml import _Anders, _bouw_snel, bouw_lxml

DAG = dt.date(2026, 2, 12)


def _voorbeelden():
    for wet in ("wmo", "jw"):
        for code, maak in voorbeelden.ALLE.items():
            yield f"{wet}{code}", maak(wet)  # type: ignore[operator]


@pytest.mark.parametrize(("naam", "b"), list(_voorbeelden()), ids=lambda x: str(x)[:8])
def test_every_example_is_written_as_lxml_writes_it(naam, b):
    snel = _bouw_snel(b)  # no detour through lxml: an example is an ordinary message
    assert snel == bouw_lxml(b)
    assert bouw(b) == snel and lees(snel) == b


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_the_answers_are_written_as_lxml_writes_them(wet):
    start = voorbeelden.start(wet)
    start.client.start_producten[0].retourcodes = ["9019"]
    declaratie = voorbeelden.declaratie(wet)
    ref = declaratie.declaratie.clienten[0].prestaties[0].product_referentie.referentie_nummer
    antwoorden = [
        retourbericht(start, identificatie="R1", dagtekening=DAG),
        retourbericht(voorbeelden.stop(wet), identificatie="R2", dagtekening=DAG),
        retourbericht(start, identificatie="R3", dagtekening=DAG, header_codes=["0001"]),
        declaratie_antwoord(declaratie, identificatie="A1", dagtekening=DAG),
        declaratie_antwoord(
            declaratie, identificatie="A2", dagtekening=DAG, prestatie_codes={ref: ["9321"]}
        ),
        declaratie_antwoord(
            declaratie, identificatie="A3", dagtekening=DAG, declaratie_codes=["8214"]
        ),
    ]
    for a in antwoorden:
        assert _bouw_snel(a) == bouw_lxml(a)


def test_text_lxml_escapes_is_escaped_the_same_way():
    b = voorbeelden.toewijzing("wmo")
    b.client.naam.geslachtsnaam.achternaam = "Jansen & <Zn> \"'"
    b.client.naam.voornamen = "Zoë Ångström 漢字 \U0001f600"
    assert _bouw_snel(b) == bouw_lxml(b)
    assert lees(bouw(b)) == b


@pytest.mark.parametrize("tekst", ["regel\neen", "tab\there", "cr\rhier", "", "del\x7f"])
def test_what_the_compiled_writer_does_not_write_goes_through_lxml(tekst):
    b = voorbeelden.toewijzing("wmo")
    b.client.naam.geslachtsnaam.achternaam = tekst
    with pytest.raises(_Anders):
        _bouw_snel(b)
    assert bouw(b) == bouw_lxml(b)


def test_an_incomplete_message_still_raises_the_writers_error():
    b = voorbeelden.toewijzing("wmo")
    b.client.toegewezen_producten = []
    with pytest.raises(BouwFout):
        bouw(b)
    b = voorbeelden.verzoek_om_toewijzing("wmo")
    b.client.gezagsdrager_bekend = "1"  # a Jeugd-only element in a Wmo message
    with pytest.raises(BouwFout):
        bouw(b)


@pytest.mark.parametrize("wet", ["wmo", "jw"])
@pytest.mark.parametrize("code", sorted(BERICHTEN))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_content_is_written_as_lxml_writes_it(code, wet, data):
    b = data.draw(bericht(BERICHTEN[code], wet))
    referentie = bouw_lxml(b)
    assert bouw(b) == referentie
    with contextlib.suppress(_Anders):  # a tab or line end in a text: written by lxml
        assert _bouw_snel(b) == referentie


@pytest.mark.parametrize("wet", ["wmo", "jw"])
@pytest.mark.parametrize("code", sorted(BERICHTEN))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_kopie_is_a_deep_copy(code, wet, data):
    b = data.draw(bericht(BERICHTEN[code], wet))
    voor = copy.deepcopy(b)
    k = kopie(b)
    assert k == voor and k is not b
    # Nothing is shared but plain values: changing the copy leaves the original alone.
    for record in _records(k):
        if hasattr(record, "retourcodes"):
            record.retourcodes.append("9999")
    assert b == voor


def test_kopie_keeps_a_shared_record_shared_as_deepcopy_does():
    b = voorbeelden.declaratie("wmo")
    p = b.declaratie.clienten[0].prestaties[0]
    b.declaratie.clienten[0].prestaties = [p, p]
    k, d = kopie(b), copy.deepcopy(b)
    assert k == d
    kp, dp = k.declaratie.clienten[0].prestaties, d.declaratie.clienten[0].prestaties
    assert (kp[0] is kp[1]) == (dp[0] is dp[1]) is True
    assert kp[0] is not p


def _records(obj):
    if isinstance(obj, list):
        for o in obj:
            yield from _records(o)
        return
    if hasattr(obj, "__dataclass_fields__"):
        yield obj
        for naam in obj.__dataclass_fields__:
            yield from _records(getattr(obj, naam))


def _alle_codes(obj, gevonden):
    """The reference: every `retourcodes` of every dataclass anywhere in the message."""
    if isinstance(obj, list):
        for o in obj:
            _alle_codes(o, gevonden)
        return
    if not hasattr(obj, "__dataclass_fields__"):
        return
    for naam in obj.__dataclass_fields__:
        waarde = getattr(obj, naam)
        if naam == "retourcodes":
            gevonden += [c for c in waarde if c not in ("0200", "0233")]
        else:
            _alle_codes(waarde, gevonden)


@pytest.mark.parametrize("wet", ["wmo", "jw"])
@pytest.mark.parametrize("code", sorted(c for c, cls in BERICHTEN.items() if cls.RETOUR))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), gewoon=st.lists(st.sampled_from(["0200", "0233"]), max_size=2))
def test_retourcodes_in_finds_every_code_of_an_answer(code, wet, data, gewoon):
    b = data.draw(bericht(BERICHTEN[code], wet))
    b.header.retourcodes = [*b.header.retourcodes, *gewoon]
    verwacht: list[str] = []
    _alle_codes(b, verwacht)
    assert sorted(retourcodes_in(b)) == sorted(verwacht)
