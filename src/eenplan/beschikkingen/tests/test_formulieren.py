"""Forms people trust: sending the letter and extending the bezwaar term are irreversible and
ask for a confirmation the server checks (not a JavaScript confirm); after every POST the
browser is redirected (also after a refusal, with every message), so a reload never posts again
and the action's address never answers 405."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.beschikkingen.models import Beschikking
from eenplan.beschikkingen.services import Regel
from eenplan.events.models import Gebeurtenis
from eenplan.testing.factories import gecontracteerd
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def beschikking(gemeente, inwoner_noord, backoffice_user) -> Beschikking:
    hh = voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("250.00"),
    )
    aanvraag = services.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ontvangen_op=VANDAAG - dt.timedelta(days=3),
        ingediend_door="Anna Jansen",
        door=backoffice_user,
    )
    return services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[
            Regel(
                voorziening=hh,
                uitkomst="toegekend",
                omvang=Decimal(3),
                begin=VANDAAG,
                einde=VANDAAG + dt.timedelta(days=365),
                leveringsvorm="zin",
                aanbieder=gecontracteerd(hh),
            )
        ],
    )


def test_sending_asks_for_confirmation_and_a_refusal_redirects_with_every_message(
    client, beschikking, backoffice_user
):
    client.force_login(backoffice_user)
    url = f"/beschikkingen/{beschikking.pk}/verzenden/"
    # No confirmation and a date that does not exist: both reported at once, nothing sent.
    response = client.post(url, {"verzenden-op": "30-02-2026"})
    assert response.status_code == 302
    assert response["Location"] == f"/beschikkingen/{beschikking.pk}/#verzenden"
    body = client.get(response["Location"]).content.decode()
    assert "Vink aan dat u de brief hebt gecontroleerd" in body
    assert 'href="#id_verzenden-op">Verzonden op:' in body
    beschikking.refresh_from_db()
    assert beschikking.verzonden_op is None
    assert not Gebeurtenis.objects.filter(soort="beschikking.verzonden").exists()
    # A reload shows the page again without the old messages; the action's address is no 405.
    body = client.get(f"/beschikkingen/{beschikking.pk}/").content.decode()
    assert "Vink aan dat u de brief hebt gecontroleerd" not in body
    assert client.get(url).status_code == 302
    # Confirmed: sent, and back on the beschikking (POST/redirect/GET).
    response = client.post(url, {"verzenden-op": VANDAAG.isoformat(), "verzenden-bevestigd": "on"})
    assert response.status_code == 302
    beschikking.refresh_from_db()
    assert beschikking.verzonden_op == VANDAAG
