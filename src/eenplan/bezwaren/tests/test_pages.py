"""The bezwaar and klacht pages as a member of staff uses them (their addresses stay under
/beschikkingen/)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.beschikkingen import services
from eenplan.bezwaren import services as bezwaren
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.conftest import login
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage
from eenplan.testing import helpers
from eenplan.testing.helpers import zin

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def url(naam: str, *args) -> str:
    """A page of this app, or the beschikking's own page (`detail`)."""
    return reverse("beschikkingen:detail" if naam == "detail" else f"bezwaren:{naam}", args=args)


def datum(dag: dt.date) -> str:
    return date_format(dag, "j F Y")


def beschik(aanvraag, door, regels, **kw):
    data = {
        "aanvraag": aanvraag,
        "actor": door.user,
        "besloten_op": VANDAAG,
        "motivering": "Eigen kracht en netwerk schieten tekort.",
        "regels": regels,
    }
    data.update(kw)
    return services.beschikking_issue(**data)


@pytest.fixture
def verzonden(aanvraag, hh, backoffice):
    return helpers.verzonden(aanvraag, hh, backoffice)


def bezwaar_data(**kw) -> dict[str, str]:
    data = {
        "bezwaar-ingediend_door": "Anna Jansen",
        "bezwaar-ontvangen_op": VANDAAG.isoformat(),
        "bezwaar-gronden": "Drie uur is te weinig voor ons huis.",
    }
    data.update(kw)
    return data


def test_bezwaar_register_adjourn_once_and_decide(client, verzonden, backoffice):
    login(client, backoffice)
    response = client.post(
        url("bezwaar-registreren", verzonden.pk), bezwaar_data(**{"bezwaar-gronden": ""})
    )
    assert response.status_code == 400
    assert "Neem de gronden van het bezwaar over" in response.content.decode()
    assert not Bezwaar.objects.exists()
    response = client.post(url("bezwaar-registreren", verzonden.pk), bezwaar_data(), follow=True)
    bezwaar = Bezwaar.objects.get()
    body = response.content.decode()
    assert "Het bezwaar is geregistreerd: tijdig" in body
    assert datum(bezwaar.beslissen_uiterlijk) in body
    assert Inzage.objects.filter(doel=Doel.BEZWAAR, toegestaan=True).exists()

    body = client.get(url("bezwaren")).content.decode()
    assert f"Bezwaar {bezwaar.pk}" in body and "Tijdig" in body and "Op schema" in body

    eerder = bezwaar.beslissen_uiterlijk
    bevestigd = {"verdagen-bevestigd": "on"}
    assert client.post(url("bezwaar-verdagen", bezwaar.pk), bevestigd).status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.verdaagd and bezwaar.beslissen_uiterlijk > eerder
    response = client.post(url("bezwaar-verdagen", bezwaar.pk), bevestigd, follow=True)
    assert response.redirect_chain[-1][0] == f"/beschikkingen/bezwaren/{bezwaar.pk}/#verdagen"
    assert "al eens verdaagd" in response.content.decode()

    response = client.post(url("bezwaar-beslissen", bezwaar.pk), {"beslissen-besloten_op": VANDAAG})
    assert response.status_code == 400 and "Kies de uitkomst" in response.content.decode()
    response = client.post(
        url("bezwaar-beslissen", bezwaar.pk),
        {"beslissen-uitkomst": "ongegrond", "beslissen-besloten_op": VANDAAG.isoformat()},
    )
    assert response.status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == BezwaarUitkomst.ONGEGROND
    body = client.get(url("bezwaren"), {"uitkomst": "ongegrond"}).content.decode()
    assert f"Bezwaar {bezwaar.pk}" in body


def test_late_bezwaar_is_marked_and_excusable(client, inwoner_noord, hh, backoffice):
    oud = helpers.aanvraag_voor(inwoner_noord, backoffice, dagen=90)
    beschikking = beschik(
        oud,
        backoffice,
        [zin(hh, begin=VANDAAG - dt.timedelta(days=80))],
        besloten_op=VANDAAG - dt.timedelta(days=80),
    )
    services.beschikking_send(
        beschikking=beschikking, actor=beschikking.besloten_door, op=VANDAAG - dt.timedelta(days=80)
    )
    login(client, backoffice)
    body = client.post(
        url("bezwaar-registreren", beschikking.pk), bezwaar_data(), follow=True
    ).content.decode()
    assert "Het bezwaar is geregistreerd: te laat." in body
    body = client.post(
        url("bezwaar-registreren", beschikking.pk),
        bezwaar_data(**{"bezwaar-verschoonbaar_reden": "Mevrouw lag zes weken in het ziekenhuis."}),
        follow=True,
    ).content.decode()
    assert "te laat, maar verschoonbaar (awb 6:11)" in body


def test_bezwaar_before_sending_is_refused(client, aanvraag, hh, backoffice):
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    login(client, backoffice)
    assert "Bezwaar registreren" not in client.get(url("detail", beschikking.pk)).content.decode()
    response = client.post(url("bezwaar-registreren", beschikking.pk), bezwaar_data())
    assert response.status_code == 400
    assert "Deze beschikking is nog niet verzonden" in response.content.decode()
    assert not Bezwaar.objects.exists()


def test_bezwaar_pages_need_the_bezwaar_role(client, verzonden, generalist):
    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden,
        inwoner=verzonden.inwoner,
        ontvangen_op=VANDAAG,
        gronden="g",
        ingediend_door="Anna",
        actor=verzonden.besloten_door,
    )
    login(client, generalist)
    assert client.get(url("bezwaar", bezwaar.pk)).status_code == 403
    assert client.post(url("bezwaar-verdagen", bezwaar.pk)).status_code == 403
    assert client.post(url("bezwaar-registreren", verzonden.pk), bezwaar_data()).status_code == 403
    bezwaar.refresh_from_db()
    assert not bezwaar.verdaagd and Bezwaar.objects.count() == 1


def test_klachten_list_and_register(client, midoffice, backoffice, generalist, inwoner_noord):
    login(client, midoffice)
    body = client.get(url("klachten")).content.decode()
    assert "Klacht registreren" in body and "Geen klachten." in body
    data = {
        "klacht-ingediend_door": "Lotte Jansen",
        "klacht-ontvangen_op": VANDAAG.isoformat(),
        "klacht-onderwerp": "",
        "klacht-bsn": "123",
    }
    response = client.post(url("klachten"), data)
    body = response.content.decode()
    assert response.status_code == 400 and not Klacht.objects.exists()
    assert "Beschrijf waarover de klacht gaat" in body or "BSN" in body
    data.update(
        {
            "klacht-onderwerp": "Niet teruggebeld na drie keer bellen.",
            "klacht-bsn": inwoner_noord.bsn,
            "klacht-commissie": "on",
        }
    )
    response = client.post(url("klachten"), data, follow=True)
    klacht = Klacht.objects.get()
    assert klacht.inwoner == inwoner_noord
    assert klacht.afhandelen_uiterlijk >= VANDAAG + dt.timedelta(weeks=10)
    # Registering a complaint about a resident is a logged decision on that resident.
    rij = Inzage.objects.get(user=midoffice.user, inwoner=inwoner_noord)
    assert (rij.toegestaan, rij.onderwerp, rij.handeling) == (True, "klacht", "aanmaken")
    assert f"Klacht {klacht.pk} is geregistreerd" in response.content.decode()
    body = login(client, backoffice).get(url("klachten")).content.decode()
    assert "Niet teruggebeld" in body and "over Anna Jansen" in body
    assert login(client, generalist).get(url("klachten")).status_code == 403


def test_klacht_afhandelen_page(client, backoffice, gemeente):
    klacht = bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna",
        ontvangen_op=VANDAAG,
        onderwerp="Wachttijd",
        actor=backoffice.user,
    )
    login(client, backoffice)
    r = client.post(url("klacht-afhandelen", klacht.pk), {"datum": str(VANDAAG), "uitkomst": " "})
    klacht.refresh_from_db()
    assert r.status_code == 302 and klacht.afgehandeld_op is None  # refused, nothing changed
    r = client.post(
        url("klacht-afhandelen", klacht.pk), {"datum": str(VANDAAG), "uitkomst": "Excuses gemaakt"}
    )
    assert r["Location"] == "/beschikkingen/klachten/"
    klacht.refresh_from_db()
    assert klacht.afgehandeld_op == VANDAAG


def test_the_beschikking_links_to_registering_a_bezwaar(client, verzonden, backoffice):
    login(client, backoffice)
    body = client.get(url("detail", verzonden.pk)).content.decode()
    assert f'href="/beschikkingen/{verzonden.pk}/bezwaar/"' in body
    pagina = client.get(url("bezwaar-registreren", verzonden.pk))
    assert pagina.status_code == 200
    assert "Bezwaar registreren: Anna Jansen" in pagina.content.decode()
