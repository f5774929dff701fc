"""An aanvraag filed directly from the portal, without signing the plan (Wmo 2015 art. 2.3.2
lid 9; seed 000 L1973-1976): page and API through `portaal.services.aanvraag_indienen`; the
decision term in words; bad input refused in Dutch with nothing filed; a representative files,
a mantelzorger does not."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from eenplan.beschikkingen.models import Aanvraag
from eenplan.plannen.constants import PlanStatus
from eenplan.privacy.models import Inzage
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory, MachtigingFactory

pytestmark = pytest.mark.django_db

GOED = {
    "wet": "wmo",
    "omschrijving": "Een traplift",
    "toelichting": "De trap lukt niet meer.",
    "akkoord": "on",
}


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _login(client, inwoner):
    client.force_login(InwoneraccountFactory(inwoner=inwoner).user)
    return client


def _url(s) -> str:
    return reverse("portaal:aanvraag-doen", kwargs={"inwoner_id": s.inwoner.pk})


@pytest.fixture
def zaak():
    """Onderzoek done (verslag final and sent), a plan proposing hulp bij het huishouden, not
    signed."""
    return scenarios.plan(scenarios.gemeente())


def test_the_resident_files_an_aanvraag_without_signing_and_sees_the_term_in_words(client, zaak):
    _login(client, zaak.inwoner)
    pagina = _tekst(client.get(_url(zaak)))
    einde = beslissen_uiterlijk("wmo", zaak.vandaag)
    assert f"De gemeente beslist binnen 2 weken: uiterlijk {einde:%d-%m-%Y}" in pagina
    assert "artikel 2.3.5 lid 2" in pagina and "binnen 8 weken" in pagina
    response = client.post(_url(zaak), GOED, follow=True)
    aanvraag = Aanvraag.objects.get(inwoner=zaak.inwoner)
    assert (aanvraag.omschrijving, aanvraag.wet, aanvraag.ontvangen_op) == (
        "Een traplift",
        "wmo",
        zaak.vandaag,
    )
    assert aanvraag.beslissen_uiterlijk == einde
    assert aanvraag.plan_id == zaak.plan.pk and aanvraag.afwijkend_van_advies is True
    assert aanvraag.toelichting == "De trap lukt niet meer."
    assert aanvraag.ingediend_door == zaak.inwoner.naam
    tekst = _tekst(response)
    assert "Wij hebben uw aanvraag ontvangen: Een traplift" in tekst
    assert f"uiterlijk {einde:%d-%m-%Y}" in tekst
    zaak.plan.refresh_from_db()
    assert zaak.plan.status == PlanStatus.CONCEPT  # the plan is not signed by this
    assert Inzage.objects.filter(
        user__inwoneraccount__inwoner=zaak.inwoner,
        onderwerp="aanvraag",
        handeling="aanmaken",
        toegestaan=True,
    ).exists()


@pytest.mark.parametrize(
    ("data", "fout"),
    [
        ({**GOED, "omschrijving": ""}, "Schrijf op wat u aanvraagt."),
        ({**GOED, "omschrijving": "x" * 301}, "Schrijf het korter: ten hoogste 300 tekens"),
        ({**GOED, "omschrijving": "Ja"}, "Schrijf op wat u aanvraagt, bijvoorbeeld"),
        ({**GOED, "wet": "participatie"}, "Selecteer een geldige keuze"),
        ({**GOED, "akkoord": ""}, "Zet een vinkje om uw aanvraag te versturen."),
        ({**GOED, "toelichting": "y" * 2001}, "ten hoogste 2000 tekens"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_files_nothing(client, zaak, data, fout):
    _login(client, zaak.inwoner)
    response = client.post(_url(zaak), data)
    assert response.status_code == 400
    assert fout in _tekst(response)
    assert not Aanvraag.objects.exists()


def test_while_the_onderzoek_runs_within_six_weeks_it_cannot_be_filed_yet(client):
    s = scenarios.onderzocht(scenarios.gemeente(), verslag=False)
    _login(client, s.inwoner)
    vanaf = s.melding.onderzoek_uiterlijk
    tekst = _tekst(client.get(_url(s)))
    assert "U kunt nog geen aanvraag doen" in tekst and "Aanvraag versturen" not in tekst
    assert "lid 9" in tekst
    response = client.post(_url(s), GOED)
    assert response.status_code == 400
    assert "De gemeente praat eerst met u" in _tekst(response)
    assert not Aanvraag.objects.exists()
    assert vanaf >= s.vandaag


def test_after_six_weeks_without_onderzoek_result_or_plan_it_is_filed(client):
    s = scenarios.onderzocht(
        scenarios.melding(scenarios.gemeente(), dagen_geleden=60), verslag=False
    )
    assert s.melding.onderzoek_uiterlijk < s.vandaag
    _login(client, s.inwoner)
    response = client.post(_url(s), {**GOED, "wet": "wmo"})
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get(inwoner=s.inwoner)
    assert aanvraag.plan_id is None and aanvraag.omschrijving == "Een traplift"


def test_a_representative_files_for_the_resident_and_is_named(client, zaak):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter)
    _login(client, zaak.dochter)
    assert client.post(_url(zaak), GOED).status_code == 302
    aanvraag = Aanvraag.objects.get(inwoner=zaak.inwoner)
    assert aanvraag.ingediend_door == (
        f"{zaak.dochter.naam} (gemachtigde) namens {zaak.inwoner.naam}"
    )


def test_a_mantelzorger_files_no_aanvraag(client, zaak):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    _login(client, zaak.dochter)
    beschikkingen = _tekst(
        client.get(reverse("portaal:beschikkingen", kwargs={"inwoner_id": zaak.inwoner.pk}))
    )
    assert "Aanvraag doen" not in beschikkingen
    assert client.get(_url(zaak)).status_code == 403
    assert client.post(_url(zaak), GOED).status_code == 403
    api = APIClient()
    api.force_authenticate(zaak.dochter.inwoneraccount.user)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/aanvragen/"
    assert api.post(pad, GOED, format="json").status_code == 403
    assert not Aanvraag.objects.exists()


def test_the_api_says_when_and_files_with_the_term(zaak):
    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/aanvragen/"
    info = api.get(pad).json()
    assert info["kan_nu"] is True and info["reden"] == ""
    assert [w["wet"] for w in info["wetten"]] == ["wmo", "jeugd"]
    fout = api.post(pad, {"wet": "wmo", "omschrijving": "  "}, format="json")
    assert fout.status_code == 400 and "omschrijving" in fout.json()
    assert not Aanvraag.objects.exists()
    response = api.post(
        pad, {"wet": "jeugd", "omschrijving": "Begeleiding voor mijn zoon"}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    einde = beslissen_uiterlijk("jeugd", zaak.vandaag)
    assert body["beslissen_uiterlijk"] == einde.isoformat()
    assert f"uiterlijk {einde:%d-%m-%Y}" in body["beslistermijn"]
    assert "4:13" in body["beslistermijn"]


def test_another_household_gets_a_404(client, zaak):
    _login(client, InwonerFactory(gemeente=zaak.gemeente))
    assert client.post(_url(zaak), GOED).status_code == 404
    assert not Aanvraag.objects.exists()
