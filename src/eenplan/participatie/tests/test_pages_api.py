"""Issue 14: the staff pages and the API of work and income — what a Werkplein consultant sees and
does, what a generalist may only read, and that a refusal changes nothing and is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from eenplan.inwoners.constants import Relatie
from eenplan.participatie.models import LevensonderhoudAanvraag, Traject, Voorschot
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import HuishoudenFactory, InwonerFactory, MedewerkerFactory
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import LevensonderhoudAanvraagFactory, werkplein_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def hh(gemeente, wijken):
    aanvrager = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], geboortedatum=dt.date(1979, 2, 3)
    )
    return HuishoudenFactory(gemeente=gemeente, leden=[(aanvrager, Relatie.REFERENTIE, None)])


@pytest.fixture
def werkplein(hh):
    return werkplein_voor(hh.leden.first().inwoner)


def _vandaag() -> dt.date:
    return timezone.localdate()


def test_werkplein_registers_an_application_on_the_page(client, werkplein, hh):
    client.force_login(werkplein.user)
    aanvrager = hh.leden.first().inwoner
    antwoord = client.post(
        "/participatie/aanvragen/nieuw/",
        {
            "aanvraag-bsn": aanvrager.bsn,
            "aanvraag-gemeld_op": (_vandaag() - dt.timedelta(days=7)).isoformat(),
            "aanvraag-ontvangen_op": _vandaag().isoformat(),
        },
    )
    lo = LevensonderhoudAanvraag.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/participatie/aanvragen/{lo.pk}/"
    pagina = client.get(antwoord.url).content.decode()
    assert "Alleenstaande of alleenstaande ouder, 21 jaar tot" in pagina
    assert "art. 21 onder a" in pagina and "Awb 4:13" in pagina
    assert "27 jaar of ouder" in pagina
    assert "Westland" in pagina  # the source of the norm is shown


def test_a_young_applicant_during_the_zoektermijn_is_refused_on_the_page(client, gemeente, wijken):
    jong = InwonerFactory(
        gemeente=gemeente,
        wijk=wijken["Noord"],
        geboortedatum=_vandaag().replace(year=_vandaag().year - 22, day=1),
    )
    HuishoudenFactory(gemeente=gemeente, leden=[jong])
    client.force_login(werkplein_voor(jong).user)
    antwoord = client.post(
        "/participatie/aanvragen/nieuw/",
        {
            "aanvraag-bsn": jong.bsn,
            "aanvraag-gemeld_op": (_vandaag() - dt.timedelta(days=3)).isoformat(),
            "aanvraag-ontvangen_op": _vandaag().isoformat(),
        },
    )
    assert antwoord.status_code == 400
    assert "zoektermijn, Participatiewet art. 41 lid 4" in antwoord.content.decode()
    assert not LevensonderhoudAanvraag.objects.exists()


def test_voorschot_refused_on_the_page_keeps_the_message(client, werkplein, hh):
    lo = LevensonderhoudAanvraagFactory(huishouden=hh)
    client.force_login(werkplein.user)
    url = f"/participatie/aanvragen/{lo.pk}/"
    antwoord = client.post(
        f"{url}voorschot/",
        {
            "voorschot-verleend_op": (_vandaag() + dt.timedelta(days=3)).isoformat(),
            "voorschot-bedrag": "100",
        },
    )
    assert antwoord.status_code == 302 and antwoord.url == url
    assert "vóór de aanvraag of in de toekomst" in client.get(url).content.decode()
    assert not Voorschot.objects.exists()


def test_decide_on_the_page_makes_a_beschikking(client, werkplein, hh):
    lo = LevensonderhoudAanvraagFactory(huishouden=hh)
    client.force_login(werkplein.user)
    antwoord = client.post(
        f"/participatie/aanvragen/{lo.pk}/beslissen/",
        {
            "beslis-besluit": "toekennen",
            "beslis-besloten_op": _vandaag().isoformat(),
            "beslis-ingangsdatum": lo.gemeld_op.isoformat(),
            "beslis-motivering": "Geen inkomen, geen vermogen.",
        },
    )
    beschikking = lo.aanvraag.beschikkingen.get()
    assert antwoord.url == f"/beschikkingen/{beschikking.pk}/"
    assert (
        "Bijstand toekennen" not in client.get(f"/participatie/aanvragen/{lo.pk}/").content.decode()
    )


def test_list_page_uses_a_bounded_number_of_queries(
    client, werkplein, gemeente, wijken, django_assert_max_num_queries
):
    client.force_login(werkplein.user)
    for _ in range(2):
        LevensonderhoudAanvraagFactory(
            huishouden=HuishoudenFactory(
                gemeente=gemeente, leden=[InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])]
            )
        )
    with django_assert_max_num_queries(25) as weinig:
        assert client.get("/participatie/").status_code == 200
    for _ in range(8):
        LevensonderhoudAanvraagFactory(
            huishouden=HuishoudenFactory(
                gemeente=gemeente, leden=[InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])]
            )
        )
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        pagina = client.get("/participatie/").content.decode()
    assert "10 aanvragen" in pagina


def test_werk_page_records_capacity_and_runs_the_werkspoor(client, werkplein, hh):
    inwoner = hh.leden.first().inwoner
    client.force_login(werkplein.user)
    url = f"/participatie/inwoners/{inwoner.pk}/"
    client.post(
        f"{url}verdiencapaciteit/",
        {
            "vc-vastgesteld_op": _vandaag().isoformat(),
            "vc-percentage": "55",
            "vc-methode": "loonwaardemeting",
        },
    )
    pagina = client.get(url).content.decode()
    assert "Verdiencapaciteit 55" in pagina and "Werkspoor" in pagina
    vc = inwoner.verdiencapaciteiten.get()
    client.post(f"/participatie/metingen/{vc.pk}/traject/", {"start-begonnen_op": _vandaag()})
    traject = Traject.objects.get()
    client.post(
        f"/participatie/trajecten/{traject.pk}/stap/",
        {
            "stap-op": _vandaag().isoformat(),
            "stap-uitkomst": "Diagnose klaar",
            "stap-resultaat": "",
        },
    )
    assert "Ontwikkeling" in client.get(url).content.decode()


# --- API -----------------------------------------------------------------------------------


def test_api_register_read_voorschot_and_decide(werkplein, hh):
    api = api_for(werkplein)
    aanvrager = hh.leden.first().inwoner
    antwoord = api.post(
        "/api/v1/participatie/levensonderhoud/",
        {
            "huishouden": hh.pk,
            "inwoner": aanvrager.pk,
            "gemeld_op": (_vandaag() - dt.timedelta(days=40)).isoformat(),
            "ontvangen_op": (_vandaag() - dt.timedelta(days=30)).isoformat(),
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    body = antwoord.json()
    assert body["normcategorie"] == "alleenstaande_21" and body["norm_bron"]
    assert body["voorschot_stand"]["open"] == [(_vandaag() - dt.timedelta(days=2)).isoformat()]
    pk = body["id"]
    antwoord = api.post(
        f"/api/v1/participatie/levensonderhoud/{pk}/voorschot/",
        {"verleend_op": _vandaag().isoformat(), "bedrag": "1200.00"},
        format="json",
    )
    assert antwoord.status_code == 201 and antwoord.json()["voorschot_stand"]["open"] == []
    antwoord = api.post(
        f"/api/v1/participatie/levensonderhoud/{pk}/beslissen/",
        {"toekennen": False, "besloten_op": _vandaag().isoformat(), "motivering": "Vermogen."},
        format="json",
    )
    assert antwoord.status_code == 201 and antwoord.json()["status"] == "besloten"
    beschikking = antwoord.json()["beschikking"]
    assert api.get(f"/api/v1/beschikkingen/{beschikking}/").status_code == 200


def test_api_refuses_an_applicant_outside_the_household_and_changes_nothing(
    werkplein, hh, gemeente, wijken
):
    buur = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    antwoord = api_for(werkplein).post(
        "/api/v1/participatie/levensonderhoud/",
        {
            "huishouden": hh.pk,
            "inwoner": buur.pk,
            "gemeld_op": _vandaag().isoformat(),
            "ontvangen_op": _vandaag().isoformat(),
        },
        format="json",
    )
    assert antwoord.status_code == 400
    assert "niet bij dit huishouden" in antwoord.content.decode()
    assert not LevensonderhoudAanvraag.objects.exists()


def test_api_generalist_reads_but_is_refused_writing_and_it_is_logged(werkplein, hh, gemeente):
    lo = LevensonderhoudAanvraagFactory(huishouden=hh)
    generalist = MedewerkerFactory(
        gemeente=gemeente, functie="generalist", teams=[werkplein.teams.first()]
    )
    api = api_for(generalist)
    assert api.get(f"/api/v1/participatie/levensonderhoud/{lo.pk}/").status_code == 200
    antwoord = api.post(
        f"/api/v1/participatie/levensonderhoud/{lo.pk}/voorschot/",
        {"verleend_op": _vandaag().isoformat(), "bedrag": "10.00"},
        format="json",
    )
    assert antwoord.status_code == 403
    assert Inzage.objects.filter(user=generalist.user, toegestaan=False).exists()
    assert not Voorschot.objects.exists()


def test_api_second_open_trajectory_is_a_conflict(werkplein, hh):
    api = api_for(werkplein)
    inwoner = hh.leden.first().inwoner
    vc = api.post(
        "/api/v1/participatie/verdiencapaciteiten/",
        {
            "inwoner": inwoner.pk,
            "vastgesteld_op": _vandaag().isoformat(),
            "percentage": "20",
            "methode": "diagnose",
        },
        format="json",
    ).json()
    assert vc["route"] == "participatiespoor"
    eerste = api.post(
        "/api/v1/participatie/trajecten/",
        {"verdiencapaciteit": vc["id"], "begonnen_op": _vandaag().isoformat()},
        format="json",
    )
    assert eerste.status_code == 201 and eerste.json()["volgende_review_op"]
    tweede = api.post(
        "/api/v1/participatie/trajecten/",
        {"verdiencapaciteit": vc["id"], "begonnen_op": _vandaag().isoformat()},
        format="json",
    )
    assert tweede.status_code == 409
    assert Traject.objects.count() == 1


# --- instruments, employers, tegenprestatie, maatregelen ----------------------------------


def test_api_instrument_with_employer_and_overlap_refused(werkplein, hh):
    api = api_for(werkplein)
    inwoner = hh.leden.first().inwoner
    werkgever = api.post(
        "/api/v1/participatie/werkgevers/",
        {"naam": "Groenvoorziening Maasdal", "grootte": "midden"},
        format="json",
    )
    assert werkgever.status_code == 201, werkgever.content
    velden = {
        "inwoner": inwoner.pk,
        "soort": "werkervaringsplek",
        "begin": _vandaag().isoformat(),
        "werkgever": werkgever.json()["id"],
    }
    assert api.post("/api/v1/participatie/instrumenten/", velden, format="json").status_code == 201
    tweede = api.post("/api/v1/participatie/instrumenten/", velden, format="json")
    assert tweede.status_code == 409 and "overlappen niet" in tweede.content.decode()
    lijst = api.get("/api/v1/participatie/werkgevers/").json()
    assert lijst["results"][0]["plaatsingen"] == 1


def test_api_sanction_without_warning_is_refused(werkplein, hh):
    from eenplan.testing.participatie import bijstand_voor

    lo = bijstand_voor(LevensonderhoudAanvraagFactory(huishouden=hh))
    api = api_for(werkplein)
    velden = {
        "aanvraag": lo.pk,
        "soort": "verlaging",
        "categorie": "1",
        "gedraging": "Niet ingeschreven bij werk.nl.",
        "besloten_op": _vandaag().isoformat(),
        "ingangsdatum": _vandaag().isoformat(),
    }
    geweigerd = api.post("/api/v1/participatie/maatregelen/", velden, format="json")
    assert geweigerd.status_code == 400 and "waarschuwing" in geweigerd.content.decode()
    assert not lo.maatregelen.exists()
    assert (
        api.post(
            "/api/v1/participatie/maatregelen/", {**velden, "soort": "waarschuwing"}, format="json"
        ).status_code
        == 201
    )
    verlaagd = api.post("/api/v1/participatie/maatregelen/", velden, format="json")
    assert verlaagd.status_code == 201 and verlaagd.json()["percentage"] == "20.0"


def test_pages_show_instruments_tegenprestatie_and_employers(client, werkplein, hh, gemeente):
    from eenplan.testing.participatie import bijstand_voor

    lo = bijstand_voor(LevensonderhoudAanvraagFactory(huishouden=hh))
    client.force_login(werkplein.user)
    antwoord = client.post(
        "/participatie/werkgevers/nieuw/",
        {"werkgever-naam": "Zorgboerderij De Hoeve", "werkgever-grootte": "klein"},
    )
    assert antwoord.status_code == 302
    url = f"/participatie/inwoners/{lo.inwoner_id}/"
    begin = min(_vandaag(), dt.date(2026, 12, 31))
    client.post(
        f"{url}tegenprestatie/",
        {
            "tp-omschrijving": "Boodschappen doen voor een buurvrouw",
            "tp-uren_per_week": "2",
            "tp-begin": begin.isoformat(),
            "tp-einde": (begin + dt.timedelta(days=60)).isoformat(),
            "tp-naar_vermogen": "Kan goed plannen; twee uur is haalbaar.",
            "tp-onbetaald": "on",
            "tp-additioneel": "on",
            "tp-maatschappelijk_nuttig": "on",
        },
    )
    pagina = client.get(url).content.decode()
    assert "Boodschappen doen voor een buurvrouw" in pagina
    assert "Zorgboerderij De Hoeve" in pagina  # the employer is offered for a placement
    assert "Zorgboerderij De Hoeve" in client.get("/participatie/werkgevers/").content.decode()
    aanvraag = client.get(f"/participatie/aanvragen/{lo.pk}/").content.decode()
    assert "Maatregelen (Participatiewet art. 18 lid 2)" in aanvraag
    assert "Voorbeeld van eenplan" in aanvraag  # the verordening's source is shown
