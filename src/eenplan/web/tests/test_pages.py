"""Staff pages: home per role, search, resident page; bounded queries on the resident list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory
from eenplan.testing.helpers import melding_voor

pytestmark = pytest.mark.django_db
ZOEKEN = reverse("web:inwoner-zoeken")


@pytest.mark.parametrize(
    ("rol", "sees"),
    [
        (Rol.MIDOFFICE, "screent elke melding"),
        (Rol.GENERALIST, "Uw wijken"),
        (Rol.PRIVACY, "Bekijk wie welk dossier inzag"),
        (Rol.BELEID, "niet met dossiers van inwoners"),
        (Rol.VRIJWILLIGER, "Dossiers van inwoners zijn voor u niet zichtbaar"),
        (Rol.BACKOFFICE, "Beschikkingen"),
    ],
)
def test_each_role_has_its_own_home(client, gemeente, rol, sees):
    medewerker = MedewerkerFactory(gemeente=gemeente, functie=rol)
    body = login(client, medewerker).get("/").content.decode()
    assert sees in body
    assert ("Zoek een inwoner" in body) == (rol in {Rol.MIDOFFICE, Rol.GENERALIST, Rol.BACKOFFICE})


@pytest.mark.parametrize(
    ("rol", "links", "geen"),
    [
        (Rol.WERKPLEIN, ["participatie:overzicht", "schuldhulp:overzicht"], ["mantelzorg:lijst"]),
        (Rol.GENERALIST, ["mantelzorg:lijst"], ["sturing:overzicht", "avg:verzoeken"]),
        (Rol.BELEID, ["sturing:overzicht", "beleid:plannen"], ["participatie:overzicht"]),
        (Rol.RAADSLID, ["sturing:overzicht"], ["aanbieders:lijst", "avg:verzoeken"]),
        (Rol.CONTRACTMANAGER, ["aanbieders:lijst"], ["avg:verzoeken"]),
        (Rol.PRIVACY, ["avg:verzoeken", "avg:bewaren", "web:inzagelog"], ["sturing:overzicht"]),
        (Rol.FUNCTIONEEL_BEHEER, ["beheer:start"], ["avg:verzoeken"]),
        (Rol.GEZINSCOACH, ["uitwisseling:uitvoeringen"], ["mantelzorg:lijst"]),
    ],
)
def test_home_leads_each_role_to_the_modules_it_works_in(client, gemeente, rol, links, geen):
    """The start page names what a role can open now, never a module 'still to come'."""
    medewerker = MedewerkerFactory(gemeente=gemeente, functie=rol)
    body = login(client, medewerker).get("/").content.decode()
    main = body[body.index("<main") :]
    assert "zodra die module er is" not in body
    for naam in links:
        assert f'href="{reverse(naam)}"' in main, naam
    for naam in geen:
        assert f'href="{reverse(naam)}"' not in main, naam


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_login_page_and_wrong_password_message(client, generalist):
    response = client.post(reverse("login"), {"username": "generalist", "password": "fout"})
    assert "klopt niet" in response.content.decode()
    response = client.post(
        reverse("login"), {"username": "generalist", "password": "test-wachtwoord-123"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("query", "found", "explained"),
    [
        ("jansen", True, "naam"),
        ("Anna J", True, "naam"),
        ("02-03-1948", True, "geboortedatum"),
        ("5911 ab 1", True, "postcode en huisnummer"),
        ("31-02-1948", False, "geen bestaande datum"),
        ("x", False, "minstens twee letters"),
    ],
)
def test_search_by_name_birth_date_and_address(client, generalist, wijken, query, found, explained):
    InwonerFactory(
        gemeente=wijken["Noord"].gemeente,
        wijk=wijken["Noord"],
        voornamen="Anna",
        achternaam="Jansen",
        geboortedatum=dt.date(1948, 3, 2),
        postcode="5911AB",
        huisnummer=1,
    )
    body = login(client, generalist).get(ZOEKEN, {"q": query}).content.decode()
    assert ("Jansen, Anna" in body) == found
    assert explained in body


def test_search_by_bsn(client, generalist, inwoner_noord):
    spaced = f"{inwoner_noord.bsn[:4]} {inwoner_noord.bsn[4:6]} {inwoner_noord.bsn[6:]}"
    body = login(client, generalist).get(ZOEKEN, {"q": spaced}).content.decode()
    assert "Jansen, Anna" in body and "Gezocht op BSN" in body


def test_htmx_search_returns_only_the_results_fragment(client, generalist, inwoner_noord):
    response = login(client, generalist).get(ZOEKEN, {"q": "jans"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Jansen, Anna" in body and "<html" not in body


def test_resident_page_shows_household_history_and_network(
    client, generalist, wijken, inwoner_noord
):
    gemeente = inwoner_noord.gemeente
    partner = InwonerFactory(
        gemeente=gemeente, wijk=wijken["Noord"], voornamen="Gerard", achternaam="Jansen"
    )
    ex = InwonerFactory(gemeente=gemeente, wijk=wijken["Zuid"], voornamen="Bert", achternaam="Smit")
    hh = huishouden_create(
        gemeente=gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1970, 1, 1)),
            (partner, Relatie.PARTNER, dt.date(1980, 1, 1)),
            (ex, Relatie.PARTNER, dt.date(1970, 1, 1)),
        ],
    )
    from eenplan.inwoners.models import HuishoudenLid
    from eenplan.inwoners.services import huishouden_lid_end

    huishouden_lid_end(
        lid=HuishoudenLid.objects.get(huishouden=hh, inwoner=ex), lid_tot=dt.date(1979, 6, 1)
    )
    netwerkpersoon_add(
        inwoner=inwoner_noord,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Kees Jansen",
        relatie="zoon",
        telefoon="0612345678",
    )
    body = (
        login(client, generalist)
        .get(reverse("web:inwoner-detail", args=[inwoner_noord.pk]))
        .content.decode()
    )
    assert "Huishouden Jansen" in body
    assert "Gerard Jansen" in body and "Partner" in body
    assert "Eerdere leden" in body and "Bert Smit" in body and "01-06-1979" in body
    assert "Kees Jansen" in body and "Mantelzorger" in body and "0612345678" in body


def test_resident_list_uses_the_same_number_of_queries_for_10_and_200(
    client, generalist, wijken, django_assert_num_queries
):
    gemeente, wijk = wijken["Noord"].gemeente, wijken["Noord"]
    for _ in range(10):
        InwonerFactory(gemeente=gemeente, wijk=wijk, achternaam="Bakker")
    c = login(client, generalist)
    c.get(ZOEKEN, {"q": "bakker"})  # warm-up: session, permissions
    with CaptureQueriesContext(connection) as ten:
        body = c.get(ZOEKEN, {"q": "bakker"}).content.decode()
    assert "10 inwoners gevonden" in body
    for _ in range(190):
        InwonerFactory(gemeente=gemeente, wijk=wijk, achternaam="Bakker")
    with django_assert_num_queries(len(ten.captured_queries)):
        body = c.get(ZOEKEN, {"q": "bakker"}).content.decode()
    assert "200 inwoners gevonden" in body


def test_resident_page_is_the_dossier_with_meldingen_deadlines_and_a_prefilled_new_melding(
    client, generalist, inwoner_noord
):
    melding = melding_voor(generalist, inwoner_noord, vraag="Hulp bij het huishouden")
    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert f"/meldingen/{melding.pk}/" in body  # the melding, linked
    assert f"Onderzoek bij melding {melding.pk}" in body  # its open deadline
    assert f"/meldingen/nieuw/?inwoner={inwoner_noord.pk}" in body
    for kop in ("Lopende termijnen", "Verloop van de zaak", "Tijdlijn", "Onderzoeken"):
        assert kop in body


def test_dossier_parts_follow_the_role(client, gemeente, wijken, inwoner_noord, generalist):
    """The mid-office reads the dossier's meldingen but not plans or beschikkingen."""
    midoffice = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.MIDOFFICE, teams=[generalist.teams.first()]
    )
    body = login(client, midoffice).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "Meldingen" in body
    assert "Beschikkingen" not in body and "Voorzieningen nu" not in body


def test_werkplein_reads_the_decisions_but_never_decides_a_wmo_aanvraag(
    client, gemeente, inwoner_noord, generalist
):
    """The Werkplein takes part in the one plan and decides the aanvraag levensonderhoud; a Wmo
    or Jeugdwet aanvraag it neither reads (not in the dossier, issue 14 / ADR 0041) nor decides:
    no link, the page refuses (logged), and the service refuses too."""
    from django.core.exceptions import PermissionDenied

    from eenplan.beschikkingen import services as beschikkingen
    from eenplan.privacy.models import Inzage
    from eenplan.testing.factories import AanvraagFactory

    werkplein = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.WERKPLEIN, teams=[generalist.teams.first()]
    )
    wmo = AanvraagFactory(inwoner=inwoner_noord, omschrijving="Rolstoel", wet="wmo")
    body = login(client, werkplein).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "Rolstoel" not in body and "Beschikkingen" in body
    assert f"/aanvragen/{wmo.pk}/beslissen/" not in body
    voor = Inzage.objects.filter(toegestaan=False).count()
    assert client.get(f"/beschikkingen/aanvragen/{wmo.pk}/beslissen/").status_code == 403
    assert Inzage.objects.filter(toegestaan=False).count() == voor + 1
    with pytest.raises(PermissionDenied):
        beschikkingen.beschikking_issue(
            aanvraag=wmo,
            actor=werkplein.user,
            besloten_op=wmo.ontvangen_op,
            motivering="x",
            regels=[],
        )
    wmo.refresh_from_db()
    assert wmo.status == "ontvangen" and not wmo.beschikkingen.exists()


def test_dossier_page_queries_stay_flat_with_more_meldingen(
    client, generalist, inwoner_noord, django_assert_max_num_queries
):
    login(client, generalist)
    melding_voor(generalist, inwoner_noord, vraag="Hulp bij het huishouden")
    with CaptureQueriesContext(connection) as een:
        assert client.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 200
    for i in range(12):
        melding_voor(generalist, inwoner_noord, vraag=f"Vraag {i}")
    with django_assert_max_num_queries(len(een.captured_queries)):
        assert client.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 200


def test_dossier_api_answers_what_the_page_shows_and_logs_it(generalist, inwoner_noord, wijken):
    from rest_framework.test import APIClient

    from eenplan.privacy.models import Inzage

    melding = melding_voor(generalist, inwoner_noord, vraag="Hulp bij het huishouden")
    api = APIClient()
    api.force_authenticate(generalist.user)
    body = api.get(f"/api/v1/dossiers/{inwoner_noord.pk}/").json()
    assert [m["id"] for m in body["meldingen"]] == [melding.pk]
    assert body["termijnen"][0]["wat"] == f"Onderzoek bij melding {melding.pk}"
    # The API read (the registration above is logged by its service).
    assert Inzage.objects.filter(inwoner=inwoner_noord, toegestaan=True, kanaal="api").count() == 1
    zuid = InwonerFactory(gemeente=wijken["Zuid"].gemeente, wijk=wijken["Zuid"])
    assert api.get(f"/api/v1/dossiers/{zuid.pk}/").status_code == 403
    assert api.get("/api/v1/dossiers/999999/").status_code == 404


def test_header_search_finds_residents_and_meldingen_within_scope_only(
    client, generalist, midoffice, inwoner_noord, inwoner_zuid
):
    eigen = melding_voor(generalist, inwoner_noord, vraag="Hulp bij het huishouden")
    vreemd = melding_voor(
        midoffice, inwoner_zuid, vraag="Hulp bij het huishouden"
    )  # the generalist may not name this resident
    login(client, generalist)
    assert 'role="search"' in client.get("/").content.decode()  # the box is in the header
    body = client.get("/zoeken/", {"q": "Jansen"}).content.decode()
    assert f"/inwoners/{inwoner_noord.pk}/" in body
    body = client.get("/zoeken/", {"q": "Vries"}).content.decode()
    assert f"/inwoners/{inwoner_zuid.pk}/" not in body and "Geen inwoners gevonden" in body
    body = client.get("/zoeken/", {"q": str(eigen.pk)}).content.decode()
    assert f"/meldingen/{eigen.pk}/" in body
    body = client.get("/zoeken/", {"q": f"#{vreemd.pk}"}).content.decode()
    assert f"/meldingen/{vreemd.pk}/" not in body
    assert "binnen uw werkgebied" in body


def test_header_search_is_bounded_and_plain_for_roles_without_search(
    client, beleid, generalist, inwoner_noord
):
    response = login(client, beleid).get("/zoeken/", {"q": "Jansen"})
    assert response.status_code == 403
    body = response.content.decode()
    assert f"/inwoners/{inwoner_noord.pk}/" not in body and "Anna" not in body
    assert 'role="search"' not in login(client, beleid).get("/").content.decode()


def test_page_and_api_name_the_person_who_did_a_step_never_the_login(
    client, generalist, inwoner_noord
):
    from rest_framework.test import APIClient

    melding_voor(generalist, inwoner_noord, vraag="Hulp bij het huishouden")
    naam = generalist.user.get_full_name()
    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert f"({naam})" in body
    api = APIClient()
    api.force_authenticate(generalist.user)
    stappen = api.get(f"/api/v1/dossiers/{inwoner_noord.pk}/").json()["gebeurtenissen"]
    assert stappen and {s["door"] for s in stappen} == {naam}
    assert "generalist" not in {s["door"] for s in stappen}  # the login stays out
    # An account without a name is named neutrally, on the page and in the API alike.
    generalist.user.first_name = generalist.user.last_name = ""
    generalist.user.save()
    stappen = api.get(f"/api/v1/dossiers/{inwoner_noord.pk}/").json()["gebeurtenissen"]
    assert {s["door"] for s in stappen} == {"een medewerker"}
    body = client.get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "(een medewerker)" in body and "(generalist)" not in body


def test_dossier_links_each_aanvraag_to_its_page_only_when_the_viewer_may_open_it(
    client, gemeente, generalist, inwoner_noord
):
    from django.contrib.auth.models import Permission

    from eenplan.testing.factories import AanvraagFactory, BeschikkingFactory

    open_aanvraag = AanvraagFactory(inwoner=inwoner_noord, omschrijving="Rolstoel")
    besloten = BeschikkingFactory(aanvraag__inwoner=inwoner_noord)
    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert f'href="/beschikkingen/aanvragen/{open_aanvraag.pk}/beslissen/">Rolstoel</a>' in body
    assert f'href="/beschikkingen/{besloten.pk}/">{besloten.aanvraag.omschrijving}</a>' in body
    # A role that reads aanvragen but may not decide nor read beschikkingen sees no links.
    lezer = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.MIDOFFICE, teams=[generalist.teams.first()]
    )
    lezer.user.user_permissions.add(
        Permission.objects.get(codename="view_aanvraag", content_type__app_label="beschikkingen")
    )
    body = login(client, lezer).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "Rolstoel" in body and f"/aanvragen/{open_aanvraag.pk}/beslissen/" not in body
    assert f"/beschikkingen/{besloten.pk}/" not in body
