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
