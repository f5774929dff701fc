"""Functioneel beheer inside eenplan (issue 10): the pages a functioneel beheerder uses to
create and manage accounts, teams and wijken, with the refusals a user would notice."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from eenplan.beveiliging import tweefactor
from eenplan.conftest import login
from eenplan.gemeente.constants import Onderdeel, Rol, VerzoekStatus
from eenplan.gemeente.models import (
    GelijkgesteldeFeestdag,
    Medewerker,
    RolWijziging,
    RolWijzigingVerzoek,
    Team,
    Wijk,
)
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import werkdag_over

pytestmark = pytest.mark.django_db
User = get_user_model()


def account_data(team, **changes):
    data = {
        "first_name": "Noor",
        "last_name": "Janssen",
        "email": "n.janssen@venlo.nl",
        "username": "n.janssen",
        "wachtwoord": "Lang-genoeg-wachtwoord-2026",
        "functie": Rol.GENERALIST,
        "teams": [team.pk],
    }
    data.update(changes)
    return data


def test_beheerder_sees_the_staff_of_their_own_municipality_only(
    client, beheer, generalist, elders
):
    login(client, beheer)
    response = client.get("/functioneel-beheer/medewerkers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "generalist" in html and "Generalist / consulent" in html
    assert "elders" not in html and "beheer-elders" not in html
    # Another municipality's record: as if it did not exist.
    assert (
        client.get(f"/functioneel-beheer/medewerkers/{elders['medewerker'].pk}/").status_code == 404
    )


def test_start_page_and_menu_link(client, beheer):
    login(client, beheer)
    response = client.get("/functioneel-beheer/")
    assert response.status_code == 200
    assert "Functioneel beheer" in response.content.decode()
    assert 'href="/functioneel-beheer/"' in client.get("/").content.decode()


def test_create_an_account_post_redirect_get(client, beheer, team_noord):
    login(client, beheer)
    response = client.post("/functioneel-beheer/medewerkers/nieuw/", account_data(team_noord))
    medewerker = Medewerker.objects.get(user__username="n.janssen")
    assert response.status_code == 302
    assert response["Location"] == f"/functioneel-beheer/medewerkers/{medewerker.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Het account van Noor Janssen is aangemaakt." in page
    assert medewerker.user.is_active and medewerker.user.check_password(
        "Lang-genoeg-wachtwoord-2026"
    )
    assert list(medewerker.teams.all()) == [team_noord]
    assert set(medewerker.user.groups.values_list("name", flat=True)) == {Rol.GENERALIST}
    log = RolWijziging.objects.filter(medewerker=medewerker)
    assert {r.onderdeel for r in log} >= {Onderdeel.ACCOUNT, Onderdeel.FUNCTIE, Onderdeel.TEAMS}
    assert {r.door_gebruikersnaam for r in log} == {"beheer"}


def test_bad_account_input_gives_dutch_errors_and_changes_nothing(
    client, beheer, team_noord, generalist, elders
):
    login(client, beheer)
    voor = User.objects.count()
    cases = [
        ({"email": "geen-adres"}, "Vul een e-mailadres in"),
        ({"username": "met spatie"}, "geen spaties"),
        ({"username": "generalist"}, "bestaat al"),
        ({"wachtwoord": "kort"}, "wachtwoord"),
        ({"functie": ""}, "Kies de hoofdrol."),
        ({"functie": "koning"}, "Kies een van de mogelijkheden."),
        # A team of another municipality is no choice here.
        ({"teams": [elders["team"].pk]}, "Kies een van de mogelijkheden."),
        # A youth professional needs a registration.
        ({"functie": Rol.JEUGDPROFESSIONAL}, "registratienummer"),
    ]
    for changes, fout in cases:
        response = client.post(
            "/functioneel-beheer/medewerkers/nieuw/", account_data(team_noord, **changes)
        )
        # POST/redirect/GET also after a refusal; the password is never kept in the session.
        assert response.status_code == 302, changes
        assert "Lang-genoeg" not in str(dict(client.session))
        response = client.get(response["Location"])
        html = response.content.decode()
        assert 'value="Noor"' in html  # the input is kept
        assert "Er is nog niets opgeslagen" in html, changes
        assert fout.lower() in html.lower(), (changes, fout)
    assert User.objects.count() == voor


def test_change_roles_and_teams_is_logged(client, beheer, generalist, midoffice_team, team_noord):
    login(client, beheer)
    response = client.post(
        f"/functioneel-beheer/medewerkers/{generalist.pk}/rollen/",
        {
            "functie": Rol.GENERALIST,
            "extra_rollen": [Rol.MIDOFFICE],
            "teams": [team_noord.pk, midoffice_team.pk],
        },
    )
    assert response.status_code == 302
    generalist.refresh_from_db()
    assert set(generalist.teams.all()) == {team_noord, midoffice_team}
    assert set(generalist.user.groups.values_list("name", flat=True)) == {
        Rol.GENERALIST,
        Rol.MIDOFFICE,
    }
    onderdelen = set(
        RolWijziging.objects.filter(medewerker=generalist, door=beheer.user).values_list(
            "onderdeel", flat=True
        )
    )
    assert onderdelen == {Onderdeel.EXTRA_ROLLEN, Onderdeel.TEAMS}
    page = client.get(f"/functioneel-beheer/medewerkers/{generalist.pk}/").content.decode()
    assert "Rollen en teams van" in page and "Toegang" in page


def test_no_self_elevation(client, beheer, team_noord):
    """A beheerder cannot change their own roles, teams or account, not even by posting."""
    login(client, beheer)
    page = client.get(f"/functioneel-beheer/medewerkers/{beheer.pk}/").content.decode()
    assert "Dit is uw eigen account" in page
    assert "Rollen en teams opslaan" not in page and "Account deactiveren" not in page
    response = client.post(
        f"/functioneel-beheer/medewerkers/{beheer.pk}/rollen/",
        {
            "functie": Rol.GENERALIST,
            "extra_rollen": [Rol.FUNCTIONEEL_BEHEER, Rol.PRIVACY],
            "teams": [team_noord.pk],
        },
        follow=True,
    )
    assert response.redirect_chain == [(f"/functioneel-beheer/medewerkers/{beheer.pk}/", 302)]
    assert "eigen rollen" in response.content.decode()
    beheer.refresh_from_db()
    assert set(beheer.user.groups.values_list("name", flat=True)) == {Rol.FUNCTIONEEL_BEHEER}
    assert not beheer.teams.exists()
    response = client.post(
        f"/functioneel-beheer/medewerkers/{beheer.pk}/actief/", {"actief": "nee"}, follow=True
    )
    assert "eigen rollen" in response.content.decode()
    beheer.user.refresh_from_db()
    assert beheer.user.is_active
    assert not RolWijziging.objects.filter(medewerker=beheer, door=beheer.user).exists()


def test_deactivate_and_reactivate(client, beheer, generalist):
    login(client, beheer)
    url = f"/functioneel-beheer/medewerkers/{generalist.pk}/actief/"
    response = client.post(url, {"actief": "nee"}, follow=True)
    assert "Het account van" in response.content.decode()
    generalist.user.refresh_from_db()
    assert not generalist.user.is_active
    client.post(url, {"actief": "ja"})
    generalist.user.refresh_from_db()
    assert generalist.user.is_active
    assert list(
        RolWijziging.objects.filter(medewerker=generalist, onderdeel=Onderdeel.ACTIEF)
        .order_by("id")
        .values_list("oud", "nieuw")
    ) == [("ja", "nee"), ("nee", "ja")]
    # GET on an action is no action.
    assert client.get(url).status_code == 405


def test_reset_second_factor_and_clear_lock_out(client, beheer, generalist):
    TOTPDevice.objects.create(user=generalist.user, name="Authenticator-app", confirmed=True)
    AccessAttempt.objects.create(
        username="generalist",
        ip_address="10.0.0.1",
        user_agent="test",
        failures_since_start=5,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/inloggen/",
    )
    login(client, beheer)
    page = client.get(f"/functioneel-beheer/medewerkers/{generalist.pk}/").content.decode()
    assert "Geblokkeerd na 5 mislukte pogingen" in page
    response = client.post(
        f"/functioneel-beheer/medewerkers/{generalist.pk}/tweede-factor/", follow=True
    )
    assert "Bij de volgende inlog stelt de medewerker een nieuwe authenticator-app in." in (
        response.content.decode()
    )
    assert not TOTPDevice.objects.filter(user=generalist.user).exists()
    client.post(f"/functioneel-beheer/medewerkers/{generalist.pk}/blokkade/")
    assert not AccessAttempt.objects.filter(username="generalist").exists()
    assert set(
        RolWijziging.objects.filter(medewerker=generalist).values_list("onderdeel", flat=True)
    ) >= {Onderdeel.TWEEDE_FACTOR, Onderdeel.BLOKKADE}
    # Nothing left to reset: a Dutch message, nothing logged.
    voor = RolWijziging.objects.count()
    response = client.post(
        f"/functioneel-beheer/medewerkers/{generalist.pk}/tweede-factor/", follow=True
    )
    assert "geen tweede factor ingesteld" in response.content.decode()
    response = client.post(
        f"/functioneel-beheer/medewerkers/{generalist.pk}/blokkade/", follow=True
    )
    assert "niet geblokkeerd" in response.content.decode()
    assert RolWijziging.objects.count() == voor


def test_own_second_factor_cannot_be_reset_here(client, beheer):
    TOTPDevice.objects.create(user=beheer.user, name="Authenticator-app", confirmed=True)
    login(client, beheer)
    sessie = client.session
    sessie[tweefactor.SESSIE_KEY] = tweefactor.OK  # the beheerder passed their own second step
    sessie.save()
    response = client.post(
        f"/functioneel-beheer/medewerkers/{beheer.pk}/tweede-factor/", follow=True
    )
    assert "eigen rollen" in response.content.decode()
    assert TOTPDevice.objects.filter(user=beheer.user).exists()


def test_four_eyes_account_waits_for_another_beheerder(
    client, beheer, beheer2, team_noord, vier_ogen
):
    login(client, beheer)
    response = client.post(
        "/functioneel-beheer/medewerkers/nieuw/", account_data(team_noord), follow=True
    )
    assert "wacht op goedkeuring" in response.content.decode()
    nieuw = Medewerker.objects.get(user__username="n.janssen")
    assert not nieuw.user.is_active
    verzoek = RolWijzigingVerzoek.objects.get(medewerker=nieuw)
    # The requester cannot approve their own request: there is no button, and a POST is refused.
    page = client.get("/functioneel-beheer/verzoeken/").content.decode()
    assert "Intrekken" in page and "Goedkeuren</button>" not in page
    response = client.post(f"/functioneel-beheer/verzoeken/{verzoek.pk}/goedkeuren/", follow=True)
    assert "eigen verzoek niet goedkeuren" in response.content.decode()
    nieuw.user.refresh_from_db()
    assert not nieuw.user.is_active
    # A second beheerder approves.
    login(client, beheer2)
    response = client.post(f"/functioneel-beheer/verzoeken/{verzoek.pk}/goedkeuren/", follow=True)
    assert "goedgekeurd en doorgevoerd" in response.content.decode()
    nieuw.user.refresh_from_db()
    assert nieuw.user.is_active
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GOEDGEKEURD and verzoek.beoordeeld_door == beheer2.user


def test_four_eyes_role_change_rejected_changes_nothing(
    client, beheer, beheer2, generalist, vier_ogen
):
    login(client, beheer)
    client.post(
        f"/functioneel-beheer/medewerkers/{generalist.pk}/rollen/",
        {"functie": Rol.BACKOFFICE, "teams": [t.pk for t in generalist.teams.all()]},
    )
    generalist.refresh_from_db()
    assert generalist.functie == Rol.GENERALIST
    verzoek = RolWijzigingVerzoek.objects.get(medewerker=generalist, status=VerzoekStatus.OPEN)
    login(client, beheer2)
    client.post(f"/functioneel-beheer/verzoeken/{verzoek.pk}/afwijzen/")
    verzoek.refresh_from_db()
    generalist.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN and generalist.functie == Rol.GENERALIST


def test_teams_and_wijken(client, beheer, wijken, team_noord):
    login(client, beheer)
    response = client.post(
        "/functioneel-beheer/wijken/nieuw/", {"naam": "West", "code": "WK098309"}
    )
    assert response.status_code == 302
    west = Wijk.objects.get(naam="West")
    response = client.post(
        "/functioneel-beheer/teams/nieuw/",
        {"naam": "Wijkteam West", "soort": "wijkteam", "wijken": [west.pk]},
    )
    assert response.status_code == 302
    team = Team.objects.get(naam="Wijkteam West")
    assert list(team.wijken.all()) == [west]
    response = client.post(
        f"/functioneel-beheer/teams/{team.pk}/",
        {"naam": "Wijkteam West", "soort": "wijkteam", "wijken": [west.pk, wijken["Zuid"].pk]},
    )
    assert response.status_code == 302
    assert set(team.wijken.all()) == {west, wijken["Zuid"]}
    assert RolWijziging.objects.filter(team=team, onderdeel=Onderdeel.TEAM_WIJKEN).count() == 2
    response = client.post(
        f"/functioneel-beheer/wijken/{west.pk}/", {"naam": "West", "code": "12"}, follow=True
    )
    assert "Een CBS-wijkcode is" in response.content.decode()
    west.refresh_from_db()
    assert west.code == "WK098309"
    page = client.get("/functioneel-beheer/teams/").content.decode()
    assert "Wijkteam West" in page and "Oost" in page and "geen team" in page


def test_team_of_another_municipality_is_404(client, beheer, elders):
    login(client, beheer)
    assert client.get(f"/functioneel-beheer/teams/{elders['team'].pk}/").status_code == 404
    response = client.post(
        f"/functioneel-beheer/teams/{elders['team'].pk}/",
        {"naam": "Overgenomen", "soort": "wijkteam"},
    )
    assert response.status_code == 404
    elders["team"].refresh_from_db()
    assert elders["team"].naam == "Team Elders"
    assert client.get(f"/functioneel-beheer/wijken/{elders['wijk'].pk}/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/functioneel-beheer/",
        "/functioneel-beheer/medewerkers/",
        "/functioneel-beheer/medewerkers/nieuw/",
        "/functioneel-beheer/verzoeken/",
        "/functioneel-beheer/teams/",
        "/functioneel-beheer/instellingen/",
        "/functioneel-beheer/wijzigingslog/",
    ],
)
def test_other_roles_get_403_and_it_is_logged(client, generalist, url):
    login(client, generalist)
    response = client.get(url)
    assert response.status_code == 403
    assert "Uw rol geeft geen toegang" in response.content.decode()
    assert Inzage.objects.filter(user=generalist.user, toegestaan=False, pad=url).exists()


def test_a_generalist_cannot_create_an_account(client, generalist, team_noord):
    login(client, generalist)
    voor = User.objects.count()
    response = client.post("/functioneel-beheer/medewerkers/nieuw/", account_data(team_noord))
    assert response.status_code == 403
    assert User.objects.count() == voor


def test_anonymous_goes_to_login(client):
    response = client.get("/functioneel-beheer/medewerkers/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_holidays_declared_by_the_municipality(client, beheer):
    login(client, beheer)
    morgen = werkdag_over(30)
    response = client.post(
        "/functioneel-beheer/instellingen/feestdagen/",
        {
            "datum": morgen.isoformat(),
            "omschrijving": "Bevrijdingsdag extra",
            "bron": "Stcrt. 2026, 1",
        },
    )
    assert response.status_code == 302
    dag = GelijkgesteldeFeestdag.objects.get()
    page = client.get("/functioneel-beheer/instellingen/").content.decode()
    assert "Bevrijdingsdag extra" in page and "Briefsjablonen" in page and "ladder" in page
    response = client.post(
        "/functioneel-beheer/instellingen/feestdagen/",
        {"datum": "31-02-2027", "omschrijving": "", "bron": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith("/functioneel-beheer/instellingen/")
    assert "Vul een bestaande datum in" in response.content.decode()
    assert GelijkgesteldeFeestdag.objects.count() == 1
    oud = GelijkgesteldeFeestdag.objects.create(
        datum=dt.date(2020, 1, 2), omschrijving="Oud", bron="Stb. 2019, 1"
    )
    response = client.post(
        f"/functioneel-beheer/instellingen/feestdagen/{oud.pk}/verwijderen/", follow=True
    )
    assert "kan niet meer weg" in response.content.decode()
    client.post(f"/functioneel-beheer/instellingen/feestdagen/{dag.pk}/verwijderen/")
    assert list(GelijkgesteldeFeestdag.objects.all()) == [oud]


def test_superuser_without_medewerker_uses_the_stock_admin(client):
    admin = User.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    response = client.get("/functioneel-beheer/medewerkers/")
    assert response.status_code == 403
    assert "/beheer/" in response.content.decode()
    assert client.get("/beheer/").status_code == 200


def test_settings_have_one_path_for_the_beheerder(client, beheer):
    """The holidays and the tariffs per year change only through the beheer pages (their
    services check what the stock admin would not); the stock admin shows them to superusers."""
    login(client, beheer)
    for url in (
        "/beheer/gemeente/gelijkgesteldefeestdag/add/",
        "/beheer/voorzieningen/abonnementstariefgegeven/add/",
    ):
        response = client.get(url)  # the stock admin is for superusers: to its login
        assert response.status_code == 302 and response["Location"].startswith("/beheer/login/")
    admin = User.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    assert client.get("/beheer/gemeente/gelijkgesteldefeestdag/add/").status_code == 200
