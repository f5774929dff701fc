"""Retour and declaratie-antwoord messages are filled as OP065 and IV087 prescribe, and pass the
official schema and stylesheet."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eenplan.istandaarden import bouw, lees, voorbeelden
from eenplan.istandaarden.antwoorden import declaratie_antwoord, retourbericht
from eenplan.istandaarden.model import Referentie

DAG = dt.date(2026, 2, 12)


def _geldig(orakel, bericht):
    data = bouw(bericht)
    assert lees(data) == bericht
    assert orakel.schemafouten(bericht.naam, data) == []
    assert orakel.xslt_fouten(bericht.wet, data) == []


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_accepted_message_gets_header_only_with_0200(orakel, wet):
    heen = voorbeelden.start(wet)
    retour = retourbericht(heen, identificatie="R1", dagtekening=DAG)
    assert retour.naam.endswith("306")
    assert retour.header.retourcodes == ["0200"] and retour.client is None
    _geldig(orakel, retour)


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_rejected_record_comes_back_with_its_code_the_rest_0200(orakel, wet):
    heen = voorbeelden.stop(wet)
    heen.client.stop_producten[0].retourcodes = ["9069"]
    retour = retourbericht(heen, identificatie="R2", dagtekening=DAG)
    assert retour.client.retourcodes == ["0200"]
    assert retour.client.stop_producten[0].retourcodes == ["9069"]
    assert heen.client.retourcodes == []  # the heenbericht is not changed
    _geldig(orakel, retour)


def test_rejected_client_marks_what_is_below_not_judged(orakel):
    heen = voorbeelden.toewijzing("wmo")
    heen.client.retourcodes = ["9056"]
    retour = retourbericht(heen, identificatie="R3", dagtekening=DAG)
    assert retour.client.toegewezen_producten[0].retourcodes == ["0233"]
    assert retour.client.contactgegevens[0].retourcodes == ["0233"]
    _geldig(orakel, retour)


def test_header_fault_sends_header_only():
    heen = voorbeelden.verzoek_om_wijziging("jw")
    heen.client.verzoek.retourcodes = ["9374"]
    retour = retourbericht(heen, identificatie="R4", dagtekening=DAG, header_codes=["8848"])
    assert retour.header.retourcodes == ["8848"] and retour.client is None


def _declaratie(wet):
    heen = voorbeelden.declaratie(wet)
    p = heen.declaratie.clienten[0].prestaties[0]
    tweede = dataclasses.replace(p, product_referentie=Referentie("P1-2"), toewijzing_nummer=102)
    heen.declaratie.clienten[0].prestaties.append(tweede)
    heen.declaratie.totaal_ingediend_bedrag.totaal_bedrag = 2 * p.ingediend_bedrag.bedrag
    return heen, p


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_iv087_fully_approved_gets_8001(orakel, wet):
    heen, p = _declaratie(wet)
    antwoord = declaratie_antwoord(heen, identificatie="A1", dagtekening=DAG)
    da = antwoord.declaratie_antwoord
    assert antwoord.header.retourcodes == ["0200"]
    assert da.retourcodes == ["8001"] and da.clienten == []
    assert da.totaal_toegekend_bedrag == heen.declaratie.totaal_ingediend_bedrag
    assert antwoord.header.declaratie_identificatie == heen.header.bericht_identificatie
    _geldig(orakel, antwoord)


@pytest.mark.parametrize("wet", ["wmo", "jw"])
def test_iv087_rejected_prestatie_only_it_comes_back(orakel, wet):
    heen, p = _declaratie(wet)
    antwoord = declaratie_antwoord(
        heen, identificatie="A2", dagtekening=DAG, prestatie_codes={"P1-2": ["9321"]}
    )
    da = antwoord.declaratie_antwoord
    assert da.retourcodes == ["0200"]
    assert da.totaal_toegekend_bedrag.totaal_bedrag == p.ingediend_bedrag.bedrag
    (client,) = da.clienten
    assert client.retourcodes == ["0200"]
    assert [(q.product_referentie.referentie_nummer, q.retourcodes) for q in client.prestaties] == [
        ("P1-2", ["9321"])
    ]
    _geldig(orakel, antwoord)


def test_iv087_rejected_client_and_declaratie_and_header(orakel):
    heen, _ = _declaratie("wmo")
    client = declaratie_antwoord(
        heen, identificatie="A3", dagtekening=DAG, client_codes={voorbeelden.BSN: ["8187"]}
    )
    c = client.declaratie_antwoord.clienten[0]
    assert c.retourcodes == ["8187"] and {tuple(q.retourcodes) for q in c.prestaties} == {("0233",)}
    assert client.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    _geldig(orakel, client)
    geheel = declaratie_antwoord(
        heen, identificatie="A4", dagtekening=DAG, declaratie_codes=["9333"]
    )
    assert geheel.declaratie_antwoord.retourcodes == ["9333"]
    assert geheel.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    _geldig(orakel, geheel)
    kop = declaratie_antwoord(
        heen, identificatie="A5", dagtekening=DAG, header_codes=["0001"], xslt_versie="2.10.5"
    )
    assert kop.declaratie_antwoord is None and kop.header.retourcodes == ["0001"]
    _geldig(orakel, kop)
