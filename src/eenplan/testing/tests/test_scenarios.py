"""Each step of the scenarios leaves what a user would see: the dossier the staff member's page
shows (web.selectors.dossier_get), the statuses and the links between the records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.meldingen.constants import Status
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.plannen.constants import PlanStatus
from eenplan.testing import scenarios
from eenplan.web.selectors import dossier_get

pytestmark = pytest.mark.django_db


def _dossier(s: scenarios.Start, wie, inwoner):
    return dossier_get(user=wie.user, inwoner=inwoner, vandaag=s.vandaag)


def test_gemeente_heeft_teams_medewerkers_en_catalogus():
    s = scenarios.gemeente()
    assert set(s.wijken) == {"Noord", "Zuid", "Oost"}
    assert list(s.generalist.teams.all()) == [s.wijkteam]
    assert list(s.wijkteam.wijken.all()) == [s.wijken["Noord"]]
    assert set(s.backoffice_team.wijken.all()) == set(s.wijken.values())
    assert s.hh.naam == "Hulp bij het huishouden"
    assert s.hh.contractproducten.filter(contract__aanbieder__naam="Thuiszorg West").exists()


def test_twee_casussen_in_een_test_botsen_niet():
    een, twee = scenarios.ondertekend(), scenarios.ondertekend()
    assert een.gemeente == twee.gemeente  # one municipality (get_or_create by CBS code)
    assert een.generalist.user.username != twee.generalist.user.username
    assert een.inwoner.bsn != twee.inwoner.bsn


def test_inwoner_met_huishouden_en_netwerk():
    s = scenarios.inwoner()
    d = _dossier(s, s.generalist, s.inwoner)
    assert d.huishouden == s.huishouden
    assert {lid.inwoner for lid in d.leden_nu} == {s.inwoner, s.partner}
    assert {(p.naam, p.soort) for p in d.netwerk} == {
        ("Lotte Jansen", NetwerkSoort.MANTELZORGER),
        ("Kees Bakker", NetwerkSoort.BUUR),
    }
    assert s.mantelzorger.als_inwoner == s.dochter
    assert d.meldingen == []


def test_melding_staat_in_het_dossier_met_zijn_termijn():
    s = scenarios.melding()
    assert s.melding.status == Status.GEREGISTREERD
    assert s.melding.ontvangen_op == s.vandaag - dt.timedelta(days=9)
    assert s.melding.huishouden == s.huishouden
    d = _dossier(s, s.generalist, s.inwoner)
    assert d.meldingen == [s.melding]
    assert [t.uiterlijk for t in d.termijnen] == [s.melding.onderzoek_uiterlijk]


def test_toegewezen_aan_de_generalist():
    s = scenarios.toegewezen()
    s.melding.refresh_from_db()
    assert s.melding.status == Status.TOEGEWEZEN
    assert s.melding.medewerker == s.generalist
    assert s.melding.team == s.wijkteam
    # Toewijzen is idempotent for a stage that is already there.
    assert scenarios.toegewezen(s) is s


def test_onderzocht_verslag_definitief_en_verzonden():
    s = scenarios.onderzocht()
    o = s.onderzoek
    assert o.status == OnderzoekStatus.DEFINITIEF
    assert o.melding == s.melding
    assert o.verslag_verzonden_op is not None
    assert "Hulp bij het huishouden" in o.verslag_tekst
    assert o.afwegingen.count() == 6
    d = _dossier(s, s.generalist, s.inwoner)
    assert d.onderzoeken == [o]


def test_onderzocht_zonder_verslag_blijft_lopend():
    s = scenarios.onderzocht(verslag=False)
    assert s.onderzoek.status != OnderzoekStatus.DEFINITIEF
    assert s.onderzoek.verslag_verzonden_op is None


def test_plan_met_doel_en_maatwerkvoorstel_nog_niet_ondertekend():
    s = scenarios.plan()
    assert s.plan.huishouden == s.huishouden
    assert s.plan.status == PlanStatus.CONCEPT
    assert s.voorstel.is_maatwerk and s.voorstel.doel == s.doel
    d = _dossier(s, s.generalist, s.inwoner)
    assert d.plan == s.plan
    assert d.aanvragen == []


def test_ondertekend_maakt_de_aanvraag_bij_plan_en_melding():
    s = scenarios.ondertekend()
    assert s.plan.status == PlanStatus.ONDERTEKEND
    assert s.plan.ondertekend_op == s.vandaag
    a = s.aanvraag
    assert (a.plan, a.voorstel, a.inwoner) == (s.plan, s.voorstel, s.inwoner)
    assert a.status == AanvraagStatus.ONTVANGEN
    assert a.ingediend_door == s.inwoner.naam
    # The melding, its onderzoek and the plan are one case: same household, same resident.
    assert s.onderzoek.melding == s.melding and s.melding.huishouden == s.plan.huishouden
    d = _dossier(s, s.backoffice, s.inwoner)
    assert d.aanvragen == [a]
    assert a.beslissen_uiterlijk in [t.uiterlijk for t in d.termijnen]


def test_beschikt_zin_verzonden():
    s = scenarios.beschikt()
    b = s.beschikking
    assert s.aanvraag.status == AanvraagStatus.BESLOTEN
    assert b.verzonden_op == s.vandaag and b.bezwaar_uiterlijk > s.vandaag
    assert "bezwaar" in b.brief.lower()
    (regel,) = b.voorzieningen.all()
    assert (regel.voorziening, regel.leveringsvorm, regel.aanbieder.naam) == (
        s.hh,
        "zin",
        "Thuiszorg West",
    )
    d = _dossier(s, s.backoffice, s.inwoner)
    assert d.beschikkingen == [b]
    assert [bv.voorziening for bv in d.voorzieningen_nu] == [s.hh]


def test_beschikt_zonder_verzenden():
    s = scenarios.beschikt(verzenden=False)
    assert s.beschikking.verzonden_op is None


def test_bezwaar_tijdig_in_het_dossier():
    s = scenarios.bezwaar()
    assert s.bezwaar.beschikking == s.beschikking
    assert s.bezwaar.tijdigheid == "tijdig"
    d = _dossier(s, s.backoffice, s.inwoner)
    assert d.bezwaren == [s.bezwaar]


def test_stappen_vullen_ontbrekende_stappen_aan_en_houden_wat_er_is():
    start = scenarios.gemeente()
    s = scenarios.bezwaar(start)
    assert s.gemeente == start.gemeente and s.generalist == start.generalist
    assert scenarios.beschikt(s) is s


def test_de_pagina_toont_de_hele_zaak():
    s = scenarios.bezwaar()
    client = Client()
    client.force_login(s.backoffice.user)
    pagina = client.get(reverse("web:inwoner-detail", args=[s.inwoner.pk])).content.decode()
    assert f"Melding {s.melding.pk}" in pagina
    assert "Hulp bij het huishouden" in pagina
    assert f"Beschikking {s.beschikking.pk}" in pagina
    assert f"Bezwaar tegen beschikking {s.beschikking.pk}" in pagina
