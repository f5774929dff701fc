"""Machtigingen in the portal (issue 13): a resident authorises another resident of the
municipality, identified by BSN and birth date, with an end date, and withdraws it; both see
who may act for whom. Only the own login manages them; every decision is logged."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eenplan.privacy.models import Inzage, Machtiging
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory

pytestmark = pytest.mark.django_db


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def zaak():
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def anna(client, zaak):
    client.force_login(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    return client


@pytest.fixture
def piet(zaak):
    return InwonerFactory(gemeente=zaak.inwoner.gemeente, voornamen="Piet", achternaam="Bakker")


def _url(naam: str, inwoner, **kw) -> str:
    return reverse(f"portaal:{naam}", kwargs={"inwoner_id": inwoner.pk, **kw})


def _geef(client, zaak, piet, **anders):
    tot = (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    data = {
        "bsn": piet.bsn,
        "geboortedatum": piet.geboortedatum.isoformat(),
        "soort": "mantelzorger",
        "tot": tot,
        **anders,
    }
    return client.post(_url("machtiging-geven", zaak.inwoner), data)


def test_a_resident_authorises_a_carer_who_then_sees_the_case_until_withdrawn(anna, zaak, piet):
    response = _geef(anna, zaak, piet)
    assert response.status_code == 302
    tekst = _tekst(anna.get(response["Location"]))
    assert "Piet Bakker mag nu voor u handelen" in tekst
    assert "Wie mag voor mij handelen" in tekst and "Mantelzorger" in tekst
    m = Machtiging.objects.get()
    assert (m.inwoner, m.gemachtigde, m.soort) == (zaak.inwoner, piet, "mantelzorger")
    # Piet logs in himself: he sees Anna's case, and for whom he may act.
    piet_client = Client()
    piet_client.force_login(InwoneraccountFactory(inwoner=piet).user)
    assert piet_client.get(_url("plan", zaak.inwoner)).status_code == 200
    tekst = _tekst(piet_client.get(_url("machtigingen", piet)))
    assert "Voor wie mag ik handelen" in tekst and zaak.inwoner.naam in tekst
    # A gemachtigde does not manage Anna's machtigingen.
    assert piet_client.get(_url("machtigingen", zaak.inwoner)).status_code == 403
    # Anna withdraws: Piet no longer gets in; the record stays.
    response = anna.post(_url("machtiging-intrekken", zaak.inwoner, pk=m.pk))
    assert "kan niet meer voor u handelen" in _tekst(anna.get(response["Location"]))
    m.refresh_from_db()
    assert m.ingetrokken_op == timezone.localdate()
    piet_client = Client()
    piet_client.force_login(piet.inwoneraccount.user)
    assert piet_client.get(_url("plan", zaak.inwoner)).status_code == 404
    assert Inzage.objects.filter(
        gebruikersnaam=piet.inwoneraccount.user.username, toegestaan=False
    ).exists()
    assert (
        Inzage.objects.filter(
            inwoner=zaak.inwoner, onderwerp="machtiging", handeling="wijzigen", toegestaan=True
        ).count()
        >= 2
    )


def test_a_wrong_birth_date_or_bsn_finds_nobody_and_changes_nothing(anna, zaak, piet):
    response = _geef(anna, zaak, piet, geboortedatum="1900-01-01")
    assert response.status_code == 302
    tekst = _tekst(anna.get(response["Location"]))
    assert "We vinden niemand in onze gemeente met dit BSN en deze geboortedatum" in tekst
    assert piet.naam not in tekst
    _geef(anna, zaak, piet, bsn="12345678a")
    _geef(anna, zaak, piet, tot=(timezone.localdate() - dt.timedelta(days=1)).isoformat())
    _geef(anna, zaak, zaak.inwoner)  # herself
    assert not Machtiging.objects.exists()


def test_another_residents_machtigingen_are_not_found(anna, piet):
    assert anna.get(_url("machtigingen", piet)).status_code == 404
    assert (
        anna.post(_url("machtiging-geven", piet), {"bsn": "1", "soort": "machtiging"}).status_code
        == 404
    )
    assert not Machtiging.objects.exists()


# --- the API (/api/v1/portaal/<id>/machtigingen/) -------------------------------------------------


def _api(inwoner):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=inwoner).user)
    return api


def test_the_api_gives_lists_and_withdraws_a_machtiging(zaak, piet):
    api = _api(zaak.inwoner)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/machtigingen/"
    tot = timezone.localdate() + dt.timedelta(days=90)
    fout = api.post(
        pad,
        {"bsn": piet.bsn, "geboortedatum": "1901-01-01", "soort": "machtiging", "tot": str(tot)},
    )
    assert fout.status_code == 400 and "We vinden niemand" in str(fout.json())
    verleden = api.post(
        pad,
        {
            "bsn": piet.bsn,
            "geboortedatum": str(piet.geboortedatum),
            "soort": "machtiging",
            "tot": "2000-01-01",
        },
    )
    assert verleden.status_code == 400 and "vanaf vandaag" in str(verleden.json())
    assert api.post(pad, {"bsn": "12", "geboortedatum": "x"}).status_code == 400
    assert not Machtiging.objects.exists()
    goed = api.post(
        pad,
        {
            "bsn": piet.bsn,
            "geboortedatum": str(piet.geboortedatum),
            "soort": "mantelzorger",
            "tot": str(tot),
        },
    )
    assert goed.status_code == 201, goed.json()
    assert (goed.json()["gemachtigde"], goed.json()["geldig"]) == (piet.naam, True)
    lijst = api.get(pad).json()
    assert [m["gemachtigde_id"] for m in lijst["gegeven"]] == [piet.pk]
    # Piet sees it from the other side.
    assert [m["inwoner_id"] for m in _api(piet).get(
        f"/api/v1/portaal/{piet.pk}/machtigingen/"
    ).json()["ontvangen"]] == [zaak.inwoner.pk]
    weg = api.post(f"{pad}{goed.json()['id']}/intrekken/")
    assert weg.status_code == 200 and weg.json()["geldig"] is False
    assert Machtiging.objects.get().ingetrokken_op == timezone.localdate()


def test_a_gemachtigde_cannot_pass_the_machtiging_on_through_the_api(zaak, piet):
    from eenplan.testing.factories import MachtigingFactory

    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=piet)
    api = _api(piet)
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/machtigingen/"
    assert api.get(pad).status_code == 403
    assert api.post(pad, {}).status_code == 403
    vreemde = _api(InwonerFactory(gemeente=zaak.gemeente))
    assert vreemde.get(pad).status_code == 404
    assert Inzage.objects.filter(inwoner=zaak.inwoner, toegestaan=False).count() == 3
