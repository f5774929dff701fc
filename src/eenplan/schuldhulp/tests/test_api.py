"""Issue 14, debt help through the API (`/api/v1/schuldhulp/…`): the same services and refusals
as the pages, need-to-know, a logged list, and a bounded number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.meldingen.models import Melding
from eenplan.privacy.models import Inzage
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.schuldhulp.models import Schuldvraag, Vroegsignaal
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory, medewerker_voor
from eenplan.testing.helpers import api_for
from eenplan.testing.schuldhulp import SchuldvraagFactory, VroegsignaalFactory, schuldhulp_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
BASIS = "/api/v1/schuldhulp"


@pytest.fixture
def inwoner(gemeente, wijken):
    persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    HuishoudenFactory(gemeente=gemeente, leden=[persoon])
    return persoon


@pytest.fixture
def werkplein(inwoner):
    return schuldhulp_voor(inwoner)


def test_signal_contact_and_the_whole_route_through_the_api(werkplein, inwoner):
    api = api_for(werkplein)
    antwoord = api.post(
        f"{BASIS}/signalen/",
        {
            "inwoner": inwoner.pk,
            "schuldeiser_soort": "zorgverzekering",
            "schuldeiser": "Zorgverzekeraar Oost",
            "bedrag": "640.00",
            "ontvangen_op": (VANDAAG - dt.timedelta(days=30)).isoformat(),
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    signaal = antwoord.json()
    assert Melding.objects.get(pk=signaal["melding"]).melder_soort == "vroegsignalering"
    antwoord = api.post(
        f"{BASIS}/signalen/{signaal['id']}/contact/",
        {"op": (VANDAAG - dt.timedelta(days=29)).isoformat(), "wijze": "brief", "bereikt": True},
        format="json",
    )
    assert antwoord.status_code == 201 and len(antwoord.json()["contactpogingen"]) == 1
    vraag = api.post(
        f"{BASIS}/vragen/",
        {
            "inwoner": inwoner.pk,
            "verzoek_op": (VANDAAG - dt.timedelta(days=28)).isoformat(),
            "signaal": signaal["id"],
        },
        format="json",
    ).json()
    assert vraag["eerste_gesprek_uiterlijk"] == VANDAAG.isoformat()  # four weeks
    pad = f"{BASIS}/vragen/{vraag['id']}"
    gesprek = (VANDAAG - dt.timedelta(days=20)).isoformat()
    for stap, body in [
        ("fase", {"fase": "eerste_gesprek", "op": gesprek}),
        ("triage", {"uitkomst": "schuldhulproute", "op": gesprek}),
        ("toelating", {"toelating": "toegelaten", "besloten_op": gesprek, "motivering": "Ja."}),
        ("fase", {"fase": "stabilisatie", "op": gesprek, "uitkomst": "Intake gedaan"}),
    ]:
        antwoord = api.post(f"{pad}/{stap}/", body, format="json")
        assert antwoord.status_code == 200, (stap, antwoord.content)
    data = api.get(f"{pad}/").json()
    assert data["fase"] == "stabilisatie" and data["toelating"] == "toegelaten"
    assert [s["fase"] for s in data["stappen"]] == ["aanmelding", "eerste_gesprek", "stabilisatie"]
    # eight weeks after the first conversation (Awb 4:13 lid 2), moved past a weekend or
    # holiday (Algemene termijnenwet): the term of the aanvraag made in that conversation
    assert data["beslissen_uiterlijk"] == beslissen_uiterlijk(
        "schuldhulp", VANDAAG - dt.timedelta(days=20), extra=gelijkgestelde_dagen()
    ).isoformat()
    assert data["beschikking_kenmerk"] and data["aanvraag"]


def test_bad_input_is_a_dutch_400_and_changes_nothing(werkplein, inwoner):
    api = api_for(werkplein)
    antwoord = api.post(
        f"{BASIS}/signalen/",
        {
            "inwoner": inwoner.pk,
            "schuldeiser_soort": "huur",
            "schuldeiser": "Woonstichting",
            "bedrag": "100",
            "ontvangen_op": "2020-06-01",
        },
        format="json",
    )
    assert antwoord.status_code == 400
    assert "1 januari 2021" in antwoord.content.decode()
    vraag = SchuldvraagFactory(inwoner=inwoner)
    antwoord = api.post(
        f"{BASIS}/vragen/{vraag.pk}/fase/",
        {"fase": "minnelijk", "op": VANDAAG.isoformat()},
        format="json",
    )
    assert antwoord.status_code == 400 and "niet minnelijk traject" in antwoord.content.decode()
    assert not Vroegsignaal.objects.exists() and not Melding.objects.exists()
    assert Schuldvraag.objects.get().fase == "aanmelding"


def test_the_generalist_may_not_decide_and_the_back_office_may_not_read(werkplein, inwoner):
    vraag = SchuldvraagFactory(inwoner=inwoner)
    generalist = medewerker_voor(inwoner, Rol.GENERALIST)
    antwoord = api_for(generalist).post(
        f"{BASIS}/vragen/{vraag.pk}/toelating/",
        {"toelating": "geweigerd", "besloten_op": VANDAAG.isoformat(), "motivering": "x"},
        format="json",
    )
    assert antwoord.status_code == 403
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE)
    assert api_for(backoffice).get(f"{BASIS}/vragen/{vraag.pk}/").status_code == 403
    assert api_for(backoffice).get(f"{BASIS}/vragen/").status_code == 403


def test_the_list_is_logged_and_its_queries_do_not_grow(werkplein, inwoner, gemeente, wijken):
    api = api_for(werkplein)
    SchuldvraagFactory(inwoner=inwoner)
    VroegsignaalFactory(inwoner=inwoner)

    def tellen(pad: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(pad).status_code == 200
        return len(ctx.captured_queries)

    paden = (f"{BASIS}/vragen/", f"{BASIS}/signalen/")
    for pad in paden:  # the first request of a login also loads its roles and settings
        tellen(pad)
    weinig = {p: tellen(p) for p in paden}
    for _ in range(4):
        persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
        HuishoudenFactory(gemeente=gemeente, leden=[persoon])
        SchuldvraagFactory(inwoner=persoon)
        VroegsignaalFactory(inwoner=persoon)
    assert {p: tellen(p) for p in paden} == weinig
    assert api.get(f"{BASIS}/vragen/").json()["count"] == 5
    assert Inzage.objects.filter(
        user=werkplein.user, onderwerp="schuldhulp", toegestaan=True
    ).exists()
