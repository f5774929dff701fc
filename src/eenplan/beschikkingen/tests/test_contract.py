"""A ZIN beschikking names only a provider with a valid contract for the product on the start
date: refused in the service (a Dutch message, nothing written), the API (400) and offered
only so on the beslissen form, with the tariff and its unit; the voorziening is pre-filled from
the plan's proposal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from eenplan.aanbieders.services import aanbieder_save
from eenplan.beschikkingen import services
from eenplan.beschikkingen.models import Beschikking
from eenplan.conftest import login
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    VoorzieningFactory,
)
from eenplan.testing.helpers import aanbieder, api_for, zin, zin_regel

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def later_contract(hh):
    """Thuis Plus: contracted for hulp bij het huishouden only from 60 days from now."""
    c = ContractFactory(
        gemeente=hh.gemeente,
        aanbieder=AanbiederFactory(naam="Thuis Plus"),
        begin=VANDAAG + dt.timedelta(days=60),
    )
    ContractProductFactory(contract=c, voorziening=hh, tarief=Decimal("30.50"))
    return c


def _issue(aanvraag, backoffice_user, regel):
    return services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Eigen kracht en netwerk schieten tekort.",
        regels=[regel],
    )


def test_a_provider_without_a_contract_on_the_start_date_is_refused(
    aanvraag, hh, backoffice_user, later_contract
):
    plus = later_contract.aanbieder
    with pytest.raises(ValidationError) as exc:
        _issue(aanvraag, backoffice_user, zin(hh, aanbieder=plus))
    bericht = " ".join(exc.value.messages)
    assert "Thuis Plus heeft op" in bericht and "geen geldig contract voor Hulp bij het " in bericht
    assert "01A01" in bericht
    assert not Beschikking.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ontvangen"
    # From the contract's start it is allowed.
    b = _issue(aanvraag, backoffice_user, zin(hh, aanbieder=plus, begin=later_contract.begin))
    assert b.voorzieningen.get().aanbieder == plus


def test_a_contract_for_another_product_or_an_ended_contract_does_not_count(
    aanvraag, hh, backoffice_user
):
    ander = ContractProductFactory(voorziening=VoorzieningFactory(gemeente=hh.gemeente))
    with pytest.raises(ValidationError, match="geen geldig contract"):
        _issue(aanvraag, backoffice_user, zin(hh, aanbieder=ander.contract.aanbieder))
    verlopen = ContractFactory(
        gemeente=hh.gemeente, begin=dt.date(2024, 1, 1), einde=VANDAAG - dt.timedelta(days=1)
    )
    ContractProductFactory(contract=verlopen, voorziening=hh)
    with pytest.raises(ValidationError, match="geen geldig contract"):
        _issue(aanvraag, backoffice_user, zin(hh, aanbieder=verlopen.aanbieder))
    # An inactive provider is no longer contracted either.
    aanbieder_save(aanbieder=aanbieder(), actief=False)
    with pytest.raises(ValidationError, match="Thuiszorg West heeft op"):
        _issue(aanvraag, backoffice_user, zin(hh))
    assert not Beschikking.objects.exists()


def test_api_refuses_an_uncontracted_or_unknown_provider(backoffice, aanvraag, hh, later_contract):
    url = f"/api/v1/aanvragen/{aanvraag.pk}/beslissen/"
    api = api_for(backoffice)
    body = {"motivering": "Netwerk schiet tekort.", "regels": [zin_regel(hh)]}
    body["regels"][0]["aanbieder"] = later_contract.aanbieder_id
    response = api.post(url, body, format="json")
    assert response.status_code == 400
    assert "geen geldig contract" in str(response.json())
    body["regels"][0]["aanbieder"] = 999999
    response = api.post(url, body, format="json")
    assert response.status_code == 400 and "Aanbieder 999999 bestaat niet" in str(response.json())
    assert not Beschikking.objects.exists()
    body["regels"][0]["aanbieder"] = aanbieder("Zorg Oost").pk
    response = api.post(url, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["regels"][0]["aanbieder"]["naam"] == "Zorg Oost"


def test_the_form_offers_contracted_providers_with_tariff_and_unit(
    client, backoffice, aanvraag, hh, later_contract
):
    ongecontracteerd = AanbiederFactory(naam="Zonder Contract")
    body = (
        login(client, backoffice)
        .get(reverse("beschikkingen:beslissen", args=[aanvraag.pk]))
        .content.decode()
    )
    assert "Thuiszorg West: Hulp bij het huishouden, € 29,90 per uur<" in body
    assert "Zorg Oost: Hulp bij het huishouden, € 32,50 per uur<" in body
    # A provider whose contract starts later is offered with that date; the service checks it.
    vanaf = later_contract.begin.strftime("%d-%m-%Y")
    assert f"Thuis Plus: Hulp bij het huishouden, € 30,50 per uur (vanaf {vanaf})" in body
    assert "Zonder Contract" not in body and f':{ongecontracteerd.pk}"' not in body


def test_the_voorziening_is_prefilled_from_the_plans_proposal(client):
    from eenplan.testing import scenarios

    s = scenarios.ondertekend(scenarios.gemeente())
    assert s.aanvraag.voorstel is not None
    body = (
        login(client, s.backoffice)
        .get(reverse("beschikkingen:beslissen", args=[s.aanvraag.pk]))
        .content.decode()
    )
    assert f'<option value="{s.hh.pk}" selected>' in body
