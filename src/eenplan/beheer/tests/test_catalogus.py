"""The catalogue and the sociale kaart in functioneel beheer (issue 10): voorzieningen with the
sociale-kaart contact details, tariffs per period with their unit, and a search that finds by
synonyms (municipal data) and by words in the description."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import api_for, maatwerk, werkdag_over
from eenplan.voorzieningen import selectors, services
from eenplan.voorzieningen.models import Synoniem, Voorziening
from eenplan.voorzieningen.services import tarief_add

pytestmark = pytest.mark.django_db


def algemeen(gemeente, naam, omschrijving, **extra):
    return services.voorziening_create(
        gemeente=gemeente,
        naam=naam,
        soort="algemeen",
        wet="wmo",
        organisatie=extra.pop("organisatie", "Stichting Welzijn"),
        omschrijving=omschrijving,
        **extra,
    )


def voorziening_data(**changes):
    data = {
        "naam": "Inloophuis De Kachel",
        "soort": "algemeen",
        "wet": "wmo",
        "omschrijving": "Elke ochtend koffie en een praatje; hulp bij formulieren.",
        "organisatie": "Stichting Welzijn Venlo",
        "telefoon": "077 123 45 67",
        "website": "https://www.dekachel.nl",
        "email": "info@dekachel.nl",
        "openingstijden": "ma-vr 9.00-12.00 uur",
        "doelgroep": "Ouderen en mantelzorgers",
        "eigen_bijdrage": "geen",
        "actief": "on",
    }
    data.update(changes)
    return data


def names(qs):
    return [v.naam for v in qs]


def test_search_finds_words_in_the_description_and_by_synonyms(gemeente):
    algemeen(gemeente, "Inloophuis De Kachel", "Elke ochtend koffie en een praatje.")
    algemeen(
        gemeente,
        "Schuldhulpverlening Venlo",
        "Samen orde op zaken bij rekeningen.",
        organisatie="Gemeente Venlo",
    )
    algemeen(gemeente, "Taalcafé", "Nederlands oefenen.", doelgroep="Nieuwkomers")
    zoek = lambda q: names(selectors.sociale_kaart(gemeente=gemeente, q=q))  # noqa: E731
    assert zoek("koffie") == ["Inloophuis De Kachel"]
    assert zoek("nieuwkomers") == ["Taalcafé"]
    # "schulden" is in no text: without synonyms nothing is found.
    assert zoek("schulden") == []
    services.synoniem_add(gemeente=gemeente, woorden="Schulden, geldzorgen, schuldhulp")
    assert zoek("schulden") == ["Schuldhulpverlening Venlo"]
    assert zoek("geldzorgen") == ["Schuldhulpverlening Venlo"]
    # Every word must match (itself or a synonym).
    assert zoek("schulden koffie") == []
    # Synonyms are per municipality.
    andere = type(gemeente).objects.create(cbs_code="GM0889", naam="Peel en Maas")
    assert names(selectors.sociale_kaart(gemeente=andere, q="schulden")) == []


def test_the_starting_list_of_synonyms(gemeente):
    algemeen(gemeente, "Buurthuis De Schakel", "Inloop met koffie, spelletjes.")
    assert services.synoniemen_standaard_add(gemeente=gemeente) > 5
    assert services.synoniemen_standaard_add(gemeente=gemeente) == 0  # idempotent
    assert names(selectors.sociale_kaart(gemeente=gemeente, q="ontmoeting")) == [
        "Buurthuis De Schakel"
    ]


def test_beheerder_creates_a_voorziening_with_sociale_kaart_fields(client, beheer, wijken):
    login(client, beheer)
    response = client.post("/functioneel-beheer/catalogus/nieuw/", voorziening_data())
    v = Voorziening.objects.get(naam="Inloophuis De Kachel")
    assert response.status_code == 302
    assert response["Location"] == f"/functioneel-beheer/catalogus/{v.pk}/"
    assert (v.telefoon, v.website, v.email) == (
        "077 123 45 67",
        "https://www.dekachel.nl",
        "info@dekachel.nl",
    )
    kaart = client.get("/voorzieningen/sociale-kaart/?q=koffie")
    # The beheerder also sees the sociale kaart; the contact details are on it.
    html = kaart.content.decode()
    assert "Inloophuis De Kachel" in html and 'href="tel:0771234567"' in html
    assert "mailto:info@dekachel.nl" in html


def test_bad_catalogue_input_changes_nothing(client, beheer):
    login(client, beheer)
    for changes, fout in [
        ({"website": "geen adres"}, "Vul een webadres in"),
        ({"email": "info@"}, "Vul een e-mailadres in"),
        ({"telefoon": "bel mij"}, "Vul een telefoonnummer in"),
        ({"organisatie": ""}, "Vul de organisatie in"),
        ({"soort": "individueel"}, "Kies een productcategorie"),
    ]:
        response = client.post(
            "/functioneel-beheer/catalogus/nieuw/", voorziening_data(**changes), follow=True
        )
        html = response.content.decode()
        assert "Er is nog niets opgeslagen" in html, changes
        assert fout in html, (changes, fout)
    assert not Voorziening.objects.exists()


def test_edit_and_take_off_the_catalogue(client, beheer, gemeente):
    v = algemeen(gemeente, "Inloophuis De Kachel", "Koffie.")
    login(client, beheer)
    page = client.get(f"/functioneel-beheer/catalogus/{v.pk}/").content.decode()
    assert 'value="Inloophuis De Kachel"' in page
    response = client.post(
        f"/functioneel-beheer/catalogus/{v.pk}/",
        voorziening_data(openingstijden="di 13.00-16.00 uur", actief=""),
    )
    assert response.status_code == 302
    v.refresh_from_db()
    assert v.openingstijden == "di 13.00-16.00 uur" and not v.actief
    assert names(selectors.sociale_kaart(gemeente=gemeente, q="koffie")) == []
    # Still listed in beheer, marked as no longer offered.
    assert "niet meer aangeboden" in client.get("/functioneel-beheer/catalogus/").content.decode()


def test_tariffs_per_period_with_their_unit(client, beheer, gemeente):
    v = maatwerk(gemeente)  # in kind: 29,90 per hour from 2024 (Thuiszorg West, Zorg Oost)
    tarief_add(
        voorziening=v,
        leveringsvorm="pgb",
        bedrag=Decimal("25.00"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Verordening 2024",
    )
    login(client, beheer)
    response = client.post(
        f"/functioneel-beheer/catalogus/{v.pk}/tarief/",
        {
            "tarief-leveringsvorm": "pgb",
            "tarief-bedrag": "26,20",
            "tarief-geldig_vanaf": "2025-01-01",
            "tarief-bron": "Verordening 2025",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/functioneel-beheer/catalogus/{v.pk}/").content.decode()
    assert "Bedragen per eenheid: 04" in page
    assert "01-01-2024 tot en met 31-12-2024" in page  # the old tariff ends the day before
    assert "€&nbsp;26,20" in page or "€&nbsp;26.20" in page
    # The tariffs in kind are the contracts' (with provider and unit), not entered here.
    assert "Thuiszorg West" in page and "€&nbsp;29,90 per uur" in page
    perioden = selectors.tarief_perioden(v, op=dt.date(2026, 6, 1))
    assert [(p.tarief.bedrag, p.tot, p.stand) for p in perioden] == [
        (Decimal("25.00"), dt.date(2024, 12, 31), "vervallen"),
        (Decimal("26.20"), None, "geldend"),
    ]
    # Bad input: a Dutch message, no tariff added.
    aantal = v.tarieven.count()
    response = client.post(
        f"/functioneel-beheer/catalogus/{v.pk}/tarief/",
        {"tarief-leveringsvorm": "zin", "tarief-bedrag": "-3", "tarief-geldig_vanaf": "2025-01-01"},
        follow=True,
    )
    assert "Het tarief is niet opgeslagen" in response.content.decode()
    assert v.tarieven.count() == aantal


def test_synonym_pages(client, beheer, gemeente):
    login(client, beheer)
    response = client.post("/functioneel-beheer/synoniemen/", {"woorden": "schulden"}, follow=True)
    assert "Vul ten minste twee woorden in" in response.content.decode()
    assert not Synoniem.objects.exists()
    client.post("/functioneel-beheer/synoniemen/", {"woorden": "Schulden , Geldzorgen"})
    s = Synoniem.objects.get()
    assert s.woorden == "schulden, geldzorgen"
    client.post(f"/functioneel-beheer/synoniemen/{s.pk}/", {"woorden": "schulden, schuldhulp"})
    s.refresh_from_db()
    assert s.woorden == "schulden, schuldhulp"
    client.post("/functioneel-beheer/synoniemen/startlijst/")
    assert Synoniem.objects.count() > 5
    client.post(f"/functioneel-beheer/synoniemen/{s.pk}/verwijderen/")
    assert not Synoniem.objects.filter(pk=s.pk).exists()


def test_contract_manager_keeps_the_catalogue_but_not_accounts(client, gemeente):
    cm = MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="cm")
    login(client, cm)
    assert client.get("/functioneel-beheer/catalogus/").status_code == 200
    assert client.get("/functioneel-beheer/medewerkers/").status_code == 403


def test_vrijwilliger_cannot_change_the_catalogue(client, vrijwilliger, gemeente):
    v = algemeen(gemeente, "Inloophuis", "Koffie.")
    login(client, vrijwilliger)
    response = client.post(f"/functioneel-beheer/catalogus/{v.pk}/", voorziening_data(naam="X"))
    assert response.status_code == 403
    v.refresh_from_db()
    assert v.naam == "Inloophuis"


def test_catalogue_api(beheer, gemeente, elders):
    v = maatwerk(gemeente)
    client = api_for(beheer)
    response = client.patch(
        f"/api/v1/beheer/voorzieningen/{v.pk}/",
        {"telefoon": "077 111 22 33", "omschrijving": "Schoonmaken"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["telefoon"] == "077 111 22 33"
    response = client.patch(
        f"/api/v1/beheer/voorzieningen/{v.pk}/", {"eenheid": "99"}, format="json"
    )
    assert response.status_code == 400 and "WJ756" in str(response.json())
    v.refresh_from_db()
    assert v.eenheid == "04"
    tarief_add(
        voorziening=v,
        leveringsvorm="pgb",
        bedrag=Decimal("25.00"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron="Verordening 2024",
    )
    tarieven = client.get(f"/api/v1/beheer/voorzieningen/{v.pk}/tarieven/").json()
    assert len(tarieven) == 1
    assert {t["eenheid"] for t in tarieven} == {"04"} and all(
        t["geldig_tot"] is None for t in tarieven
    )
    response = client.post(
        "/api/v1/beheer/synoniemen/", {"woorden": "schulden, geldzorgen"}, format="json"
    )
    assert response.status_code == 201
    sid = response.json()["id"]
    assert client.get("/api/v1/beheer/synoniemen/").json()["results"] == [
        {"id": sid, "woorden": "schulden, geldzorgen"}
    ]
    # The other municipality sees and changes none of it.
    andere = api_for(elders["beheer"])
    assert andere.get("/api/v1/beheer/synoniemen/").json()["results"] == []
    assert andere.delete(f"/api/v1/beheer/synoniemen/{sid}/").status_code == 404
    assert (
        andere.patch(
            f"/api/v1/beheer/voorzieningen/{v.pk}/", {"naam": "X"}, format="json"
        ).status_code
        == 404
    )
    assert client.delete(f"/api/v1/beheer/synoniemen/{sid}/").status_code == 204


def test_feestdagen_api(beheer, generalist):
    client = api_for(beheer)
    datum = werkdag_over(60).isoformat()
    response = client.post(
        "/api/v1/beheer/feestdagen/",
        {"datum": datum, "omschrijving": "Extra dag", "bron": "Stcrt. 2026, 3"},
        format="json",
    )
    assert response.status_code == 201
    assert (
        client.post(
            "/api/v1/beheer/feestdagen/",
            {"datum": datum, "omschrijving": "X", "bron": "Y"},
            format="json",
        ).status_code
        == 400
    )  # one row per day
    assert api_for(generalist).get("/api/v1/beheer/feestdagen/").status_code == 403
    assert response.json()["taak"]["soort"] == "termijnen_herberekenen"
    weg = client.delete(f"/api/v1/beheer/feestdagen/{response.json()['id']}/")
    assert weg.status_code == 202 and weg.json()["soort"] == "termijnen_herberekenen"


def test_the_sociale_kaart_api_and_page_use_the_synonyms(client, gemeente, generalist):
    algemeen(
        gemeente, "Thuisadministratie", "Hulp bij post en rekeningen.", organisatie="Humanitas"
    )
    services.synoniem_add(gemeente=gemeente, woorden="schulden, rekeningen")
    response = api_for(generalist).get("/api/v1/voorzieningen/", {"q": "schulden"})
    assert [r["naam"] for r in response.json()["results"]] == ["Thuisadministratie"]
    login(client, generalist)
    page = client.get("/voorzieningen/sociale-kaart/", {"q": "schulden"}).content.decode()
    assert "Thuisadministratie" in page
