"""Issue 14, every "bad input" sentence through the page AND the API: an application for a person
not in the household, overlapping trajectories and instruments of the same kind, a sanction
without the prior warning the verordening demands — each refused with a clear Dutch message,
nothing changed — and the age edge case: who turns 27 on the day of the melding is no longer
"jonger dan 27" (Participatiewet art. 41 lid 4), one day younger waits four weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.inwoners.constants import Relatie
from eenplan.participatie.models import Instrument, LevensonderhoudAanvraag, Maatregel, Traject
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import (
    LevensonderhoudAanvraagFactory,
    VerdiencapaciteitFactory,
    bijstand_voor,
    werkplein_voor,
)

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
GEMELD = VANDAAG - dt.timedelta(days=10)


def _jaren_geleden(jaren: int, dagen: int = 0) -> dt.date:
    try:
        d = VANDAAG.replace(year=VANDAAG.year - jaren)
    except ValueError:  # 29 February
        d = VANDAAG.replace(year=VANDAAG.year - jaren, day=28)
    return d - dt.timedelta(days=dagen)


@pytest.fixture
def hh(gemeente, wijken):
    aanvrager = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1979, 2, 3)
    )
    return HuishoudenFactory(gemeente=gemeente, leden=[(aanvrager, Relatie.REFERENTIE, None)])


@pytest.fixture
def werkplein(hh):
    return werkplein_voor(hh.leden.first().inwoner)


def _pagina_aanvraag(client, inwoner):
    return client.post(
        "/participatie/aanvragen/nieuw/",
        {
            "aanvraag-bsn": inwoner.bsn,
            "aanvraag-gemeld_op": GEMELD.isoformat(),
            "aanvraag-ontvangen_op": VANDAAG.isoformat(),
        },
    )


def _api_aanvraag(api, huishouden, inwoner):
    return api.post(
        "/api/v1/participatie/levensonderhoud/",
        {
            "huishouden": huishouden.pk,
            "inwoner": inwoner.pk,
            "gemeld_op": GEMELD.isoformat(),
            "ontvangen_op": VANDAAG.isoformat(),
        },
        format="json",
    )


# --- an applicant not in the household ---------------------------------------------------------


def test_page_refuses_an_applicant_who_is_in_no_household(client, werkplein, gemeente, wijken):
    # The page finds the household from the resident: someone who on the application date
    # belongs to none is refused, in Dutch, and nothing is stored.
    los = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1980, 1, 1))
    client.force_login(werkplein.user)
    antwoord = _pagina_aanvraag(client, los)
    assert antwoord.status_code == 400
    assert "hoort op de aanvraagdatum bij geen huishouden" in antwoord.content.decode()
    assert not LevensonderhoudAanvraag.objects.exists()


# --- the day someone turns 27 (Participatiewet art. 41 lid 4) ----------------------------------


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_the_day_of_27_counts_through_page_and_api(client, gemeente, wijken, kanaal):
    precies = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=_jaren_geleden(27, 10)
    )  # turns 27 on the day of the melding
    jonger = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=_jaren_geleden(27, 9)
    )  # turns 27 the day after the melding
    hh_precies = HuishoudenFactory(gemeente=gemeente, leden=[precies])
    hh_jonger = HuishoudenFactory(gemeente=gemeente, leden=[jonger])
    werkplein = werkplein_voor(precies)
    if kanaal == "pagina":
        client.force_login(werkplein.user)
        geweigerd = _pagina_aanvraag(client, jonger)
        assert geweigerd.status_code == 400
        tekst = geweigerd.content.decode()
        gelukt = _pagina_aanvraag(client, precies)
        assert gelukt.status_code == 302
    else:
        api = api_for(werkplein)
        geweigerd = _api_aanvraag(api, hh_jonger, jonger)
        assert geweigerd.status_code == 400
        tekst = geweigerd.content.decode()
        gelukt = _api_aanvraag(api, hh_precies, precies)
        assert gelukt.status_code == 201, gelukt.content
    assert "art. 41 lid 4" in tekst
    [lo] = LevensonderhoudAanvraag.objects.all()
    assert lo.inwoner == precies and not lo.zoektermijn_van_toepassing


# --- overlapping trajectories and instruments of the same kind --------------------------------


def test_page_refuses_a_second_open_trajectory(client, werkplein, hh):
    inwoner = hh.leden.first().inwoner
    vc = VerdiencapaciteitFactory(inwoner=inwoner)
    client.force_login(werkplein.user)
    url = f"/participatie/metingen/{vc.pk}/traject/"
    assert client.post(url, {"start-begonnen_op": VANDAAG.isoformat()}).status_code == 302
    antwoord = client.post(url, {"start-begonnen_op": VANDAAG.isoformat()})
    assert antwoord.status_code == 302
    assert "al een lopend traject" in client.get(antwoord.url).content.decode()
    assert Traject.objects.count() == 1


def test_page_refuses_an_overlapping_instrument_of_the_same_kind(client, werkplein, hh):
    inwoner = hh.leden.first().inwoner
    client.force_login(werkplein.user)
    url = f"/participatie/inwoners/{inwoner.pk}/instrument/"
    velden = {
        "instrument-soort": "jobcoach",
        "instrument-begin": VANDAAG.isoformat(),
        "instrument-einde": (VANDAAG + dt.timedelta(days=90)).isoformat(),
        "instrument-uitvoerder": "Jobcoach Limburg",
    }
    assert client.post(url, velden).status_code == 302
    assert Instrument.objects.count() == 1
    antwoord = client.post(
        url, {**velden, "instrument-begin": (VANDAAG + dt.timedelta(days=30)).isoformat()}
    )
    pagina = client.get(antwoord.url).content.decode()
    assert "trajecten van dezelfde soort overlappen niet" in pagina
    assert Instrument.objects.count() == 1


def test_api_refuses_an_overlapping_instrument_of_the_same_kind(werkplein, hh):
    api = api_for(werkplein)
    velden = {
        "inwoner": hh.leden.first().inwoner.pk,
        "soort": "jobcoach",
        "begin": VANDAAG.isoformat(),
        "einde": (VANDAAG + dt.timedelta(days=90)).isoformat(),
        "uitvoerder": "Jobcoach Limburg",
    }
    assert api.post("/api/v1/participatie/instrumenten/", velden, format="json").status_code == 201
    antwoord = api.post(
        "/api/v1/participatie/instrumenten/",
        {**velden, "begin": (VANDAAG + dt.timedelta(days=30)).isoformat()},
        format="json",
    )
    assert antwoord.status_code == 409 and "overlappen niet" in antwoord.content.decode()
    assert Instrument.objects.count() == 1


# --- a sanction without the prior warning the verordening demands ------------------------------


def test_page_refuses_a_lowering_without_a_prior_warning(client, werkplein, hh):
    lo = bijstand_voor(LevensonderhoudAanvraagFactory(huishouden=hh))
    client.force_login(werkplein.user)
    url = f"/participatie/aanvragen/{lo.pk}/"
    velden = {
        "maatregel-soort": "verlaging",
        "maatregel-categorie": "1",
        "maatregel-gedraging": "Niet ingeschreven bij werk.nl.",
        "maatregel-besloten_op": VANDAAG.isoformat(),
        "maatregel-ingangsdatum": VANDAAG.isoformat(),
    }
    antwoord = client.post(f"{url}maatregel/", velden)
    assert antwoord.status_code == 302 and antwoord.url == url
    assert "eerst een schriftelijke waarschuwing" in client.get(url).content.decode()
    assert not Maatregel.objects.exists()
    client.post(f"{url}maatregel/", {**velden, "maatregel-soort": "waarschuwing"})
    assert Maatregel.objects.filter(soort="waarschuwing").count() == 1
    assert client.post(f"{url}maatregel/", velden).status_code == 302
    assert Maatregel.objects.filter(soort="verlaging").count() == 1
