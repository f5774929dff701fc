"""Beheer zonder zelfverhoging (issue 8, item 4): nobody widens their own rights, a
functioneel beheerder manages only their own municipality, every role or team change is
logged, and by setting needs a second functioneel beheerder."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from eenplan.conftest import login
from eenplan.gemeente import services
from eenplan.gemeente.constants import Onderdeel, Rol, VerzoekStatus
from eenplan.gemeente.models import AppendOnlyError, Medewerker, RolWijziging, RolWijzigingVerzoek
from eenplan.gemeente.selectors import medewerker_toewijzing
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory, TeamFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer")


@pytest.fixture
def beheer2(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="beheer2")


@pytest.fixture
def elders():
    andere = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    wijk = WijkFactory(gemeente=andere, naam="Panningen")
    team = TeamFactory(gemeente=andere, naam="Team Elders", wijken=[wijk])
    medewerker = MedewerkerFactory(
        gemeente=andere, functie=Rol.GENERALIST, teams=[team], username="elders"
    )
    return {"gemeente": andere, "wijk": wijk, "team": team, "medewerker": medewerker}


@pytest.fixture
def vier_ogen(settings):
    settings.EENPLAN_ROLWIJZIGING_VIER_OGEN = True


def groepen(medewerker):
    return set(medewerker.user.groups.values_list("name", flat=True))


def change_url(medewerker):
    return f"/beheer/gemeente/medewerker/{medewerker.pk}/change/"


def form_data(medewerker, **changes):
    huidig = medewerker_toewijzing(medewerker)
    data = {
        "functie": huidig.functie,
        "extra_rollen": list(huidig.extra_rollen),
        "teams": list(huidig.teams),
        "registratienummer": huidig.registratienummer,
        "registratie_geldig_tot": huidig.registratie_geldig_tot or "",
        "actief": "on" if huidig.actief else "",
        "expertises": medewerker.expertises,
    }
    data.update(changes)
    return data


def nothing_changed(medewerker, before):
    medewerker.refresh_from_db()
    return medewerker_toewijzing(medewerker) == before


# --- the reproduction: one's own record in /beheer/ -----------------------------------------


def test_the_stock_admin_is_closed_to_the_beheerder(client, beheer, team_noord, inwoner_noord):
    """The functioneel beheerder works in /functioneel-beheer/; /beheer/ is for superusers. An
    attempt to widen one's own rights there goes to the admin login and changes nothing."""
    before = medewerker_toewijzing(beheer)
    c = login(client, beheer)
    for url in ("/beheer/", change_url(beheer), "/beheer/gemeente/team/",
                "/beheer/gemeente/rolwijziging/", "/beheer/auth/user/", "/beheer/auth/group/",
                f"/beheer/auth/user/{beheer.user.pk}/change/"):
        response = c.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            "/beheer/login/"
        ), url
    c.post(
        change_url(beheer),
        form_data(beheer, functie=Rol.MIDOFFICE, teams=[team_noord.pk],
                  extra_rollen=[Rol.GENERALIST]),
    )
    c.post(f"/beheer/auth/user/{beheer.user.pk}/change/",
           {"username": "beheer", "is_superuser": "on", "is_staff": "on",
            "groups": list(Group.objects.values_list("pk", flat=True))})
    assert nothing_changed(beheer, before)
    beheer.user.refresh_from_db()
    assert not beheer.user.is_superuser
    assert groepen(beheer) == {Rol.FUNCTIONEEL_BEHEER}
    assert not RolWijziging.objects.filter(medewerker=beheer).exclude(door=None).exists()
    assert c.get(f"/inwoners/{inwoner_noord.pk}/").status_code == 403
    assert c.get("/functioneel-beheer/medewerkers/").status_code == 200


def test_service_refuses_a_change_to_ones_own_roles_teams_or_registration(beheer, team_noord):
    before = medewerker_toewijzing(beheer)
    for change in (
        {"functie": Rol.MIDOFFICE},
        {"functie": Rol.FUNCTIONEEL_BEHEER, "extra_rollen": [Rol.PRIVACY]},
        {"functie": Rol.FUNCTIONEEL_BEHEER, "teams": [team_noord]},
        {"functie": Rol.JEUGDPROFESSIONAL, "registratienummer": "SKJ1",
         "registratie_geldig_tot": dt.date(2030, 1, 1)},
    ):
        with pytest.raises(ValidationError, match="eigen rollen, teams, registratie"):
            services.medewerker_rollen_change(door=beheer.user, medewerker=beheer, **change)
    assert nothing_changed(beheer, before)
    assert RolWijziging.objects.exclude(door=None).count() == 0


def test_approving_a_change_to_oneself_is_refused(vier_ogen, beheer, beheer2, team_noord):
    verzoek = services.medewerker_rollen_change(
        door=beheer2.user, medewerker=beheer, functie=Rol.FUNCTIONEEL_BEHEER, teams=[team_noord]
    )
    with pytest.raises(ValidationError, match="eigen rollen"):
        services.rolwijziging_approve(door=beheer.user, verzoek=verzoek)
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.OPEN
    assert list(beheer.teams.all()) == []


# --- own municipality only ------------------------------------------------------------------


def test_service_refuses_staff_and_teams_of_another_municipality(beheer, elders, gemeente):
    with pytest.raises(ValidationError, match="eigen gemeente"):
        services.medewerker_rollen_change(
            door=beheer.user, medewerker=elders["medewerker"], functie=Rol.MIDOFFICE
        )
    with pytest.raises(ValidationError, match="eigen gemeente"):
        services.medewerker_create(
            door=beheer.user, gemeente=elders["gemeente"], username="nieuw", password=None,
            first_name="N", last_name="N", functie=Rol.GENERALIST,
        )
    with pytest.raises(ValidationError, match="eigen gemeente"):
        services.team_change(
            door=beheer.user, team=elders["team"], naam="X", soort="wijkteam", wijken=[]
        )
    assert elders["medewerker"].functie == Rol.GENERALIST
    assert not Medewerker.objects.filter(user__username="nieuw").exists()


def test_only_a_functioneel_beheerder_changes_roles(generalist, midoffice):
    with pytest.raises(PermissionDenied, match="functioneel beheerder"):
        services.medewerker_rollen_change(
            door=midoffice.user, medewerker=generalist, functie=Rol.MIDOFFICE
        )
    assert generalist.functie == Rol.GENERALIST


def test_beheerder_cannot_widen_the_wijken_of_their_own_team(beheer, beheer2, wijken):
    team = TeamFactory(gemeente=beheer.gemeente, naam="Beheer en Noord", wijken=[wijken["Noord"]])
    services.medewerker_rollen_change(
        door=beheer2.user, medewerker=beheer, functie=Rol.FUNCTIONEEL_BEHEER,
        extra_rollen=[Rol.GENERALIST], teams=[team],
    )
    with pytest.raises(ValidationError, match="team waarin u zelf werkt"):
        services.team_change(
            door=beheer.user, team=team, naam=team.naam, soort=team.soort,
            wijken=list(wijken.values()),
        )
    assert list(team.wijken.all()) == [wijken["Noord"]]
    # Another beheerder may, and it is logged.
    services.team_change(
        door=beheer2.user, team=team, naam=team.naam, soort=team.soort,
        wijken=[wijken["Noord"], wijken["Zuid"]],
    )
    row = RolWijziging.objects.get(team=team, onderdeel=Onderdeel.TEAM_WIJKEN, door=beheer2.user)
    assert (row.oud, row.nieuw) == ("Noord", "Noord, Zuid")


# --- accounts, groups and superusers --------------------------------------------------------


def test_even_a_superuser_sets_no_groups_or_superuser_by_hand(admin_client, generalist):
    url = f"/beheer/auth/user/{generalist.user.pk}/change/"
    assert admin_client.get(url).status_code == 200
    admin_client.post(
        url,
        {"username": "generalist", "first_name": "Ge", "last_name": "Neralist", "email": "",
         "is_superuser": "on", "groups": [Group.objects.get(name=Rol.BACKOFFICE).pk],
         "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"},
    )
    generalist.user.refresh_from_db()
    assert generalist.user.first_name == "Ge"  # names are editable
    assert not generalist.user.is_superuser
    assert groepen(generalist) == {Rol.GENERALIST}
    assert admin_client.get("/beheer/auth/group/").status_code == 200
    group = Group.objects.get(name=Rol.GENERALIST)
    admin_client.post(f"/beheer/auth/group/{group.pk}/change/", {"name": "x", "permissions": []})
    assert group.permissions.exists() and Group.objects.filter(name=Rol.GENERALIST).exists()


def test_beheerder_creates_staff_but_never_a_superuser(client, beheer, team_noord):
    response = login(client, beheer).post(
        "/functioneel-beheer/medewerkers/nieuw/",
        {"username": "nieuwe.collega", "first_name": "Nina", "last_name": "Nieuw",
         "email": "n.nieuw@venlo.nl", "wachtwoord": "een-lang-wachtwoord-42",
         "functie": Rol.GENERALIST,
         "teams": [team_noord.pk], "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = Medewerker.objects.get(user__username="nieuwe.collega")
    assert (nieuw.user.is_superuser, nieuw.user.is_staff, nieuw.user.is_active) == (
        False, False, True
    )
    assert groepen(nieuw) == {Rol.GENERALIST}
    assert list(nieuw.teams.all()) == [team_noord]
    rows = {r.onderdeel: (r.oud, r.nieuw) for r in RolWijziging.objects.filter(medewerker=nieuw)}
    assert rows[Onderdeel.ACCOUNT] == ("—", "nieuwe.collega")
    assert rows[Onderdeel.FUNCTIE] == ("—", "Generalist / consulent")
    assert rows[Onderdeel.TEAMS] == ("—", "Wijkteam Noord")
    assert RolWijziging.objects.filter(medewerker=nieuw).first().door == beheer.user


# --- the log --------------------------------------------------------------------------------


def test_a_change_replaces_the_role_groups_and_is_logged(client, beheer, generalist, team_noord):
    midoffice_team = TeamFactory(gemeente=beheer.gemeente, naam="Toegang")
    services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.MIDOFFICE, teams=[midoffice_team]
    )
    generalist.refresh_from_db()
    assert generalist.functie == Rol.MIDOFFICE
    assert groepen(generalist) == {Rol.MIDOFFICE}  # the old role's group is gone
    assert list(generalist.teams.all()) == [midoffice_team]
    rows = RolWijziging.objects.filter(medewerker=generalist, door=beheer.user).order_by("id")
    assert [(r.onderdeel, r.oud, r.nieuw) for r in rows] == [
        (Onderdeel.FUNCTIE, "Generalist / consulent", "Midoffice-medewerker"),
        (Onderdeel.TEAMS, "Wijkteam Noord", "Toegang"),
    ]
    assert all(r.door_gebruikersnaam == "beheer" and r.moment for r in rows)
    assert "Midoffice-medewerker" in login(client, beheer).get(
        "/functioneel-beheer/wijzigingslog/"
    ).content.decode()


def test_the_log_is_append_only(beheer, generalist):
    services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.WERKPLEIN
    )
    row = RolWijziging.objects.filter(door=beheer.user).get()
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        RolWijziging.objects.all().update(nieuw="x")
    with pytest.raises(AppendOnlyError):
        RolWijziging.objects.all().delete()


def test_beheerder_of_another_municipality_does_not_see_the_log(client, beheer, generalist,
                                                                elders):
    services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.WERKPLEIN
    )
    beheer_elders = MedewerkerFactory(gemeente=elders["gemeente"],
                                      functie=Rol.FUNCTIONEEL_BEHEER)
    page = login(client, beheer_elders).get("/functioneel-beheer/wijzigingslog/").content.decode()
    assert "Werkplein" not in page


# --- four eyes ------------------------------------------------------------------------------


def test_four_eyes_a_change_waits_for_a_second_beheerder(vier_ogen, beheer, beheer2, generalist,
                                                          inwoner_zuid, client):
    before = medewerker_toewijzing(generalist)
    verzoek = services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.MIDOFFICE
    )
    assert verzoek.status == VerzoekStatus.OPEN
    assert "Generalist / consulent → Midoffice-medewerker" in verzoek.samenvatting
    assert nothing_changed(generalist, before)
    assert not RolWijziging.objects.filter(medewerker=generalist).exclude(door=None).exists()
    with pytest.raises(ValidationError, match="al een wijziging op goedkeuring"):
        services.medewerker_rollen_change(
            door=beheer.user, medewerker=generalist, functie=Rol.BACKOFFICE
        )
    with pytest.raises(ValidationError, match="eigen verzoek niet goedkeuren"):
        services.rolwijziging_approve(door=beheer.user, verzoek=verzoek)
    assert nothing_changed(generalist, before)

    services.rolwijziging_approve(door=beheer2.user, verzoek=verzoek)
    generalist.refresh_from_db()
    assert generalist.functie == Rol.MIDOFFICE and groepen(generalist) == {Rol.MIDOFFICE}
    row = RolWijziging.objects.get(medewerker=generalist, onderdeel=Onderdeel.FUNCTIE,
                                   verzoek=verzoek)
    assert (row.door, row.goedgekeurd_door) == (beheer.user, beheer2.user)
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.beoordeeld_door) == (VerzoekStatus.GOEDGEKEURD, beheer2.user)
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.rolwijziging_approve(door=beheer2.user, verzoek=verzoek)


def test_four_eyes_rejected_change_changes_nothing(vier_ogen, beheer, beheer2, generalist):
    before = medewerker_toewijzing(generalist)
    verzoek = services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.BACKOFFICE
    )
    services.rolwijziging_reject(door=beheer2.user, verzoek=verzoek)
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert nothing_changed(generalist, before)


def test_four_eyes_in_the_database_too(vier_ogen, beheer, generalist):
    verzoek = services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.BACKOFFICE
    )
    verzoek.status, verzoek.beoordeeld_door = VerzoekStatus.GOEDGEKEURD, beheer.user
    with pytest.raises(IntegrityError), transaction.atomic():
        verzoek.save()


def test_four_eyes_new_account_is_inactive_until_approved(vier_ogen, beheer, beheer2):
    nieuw = services.medewerker_create(
        door=beheer.user, gemeente=beheer.gemeente, username="nieuw", password="x" * 14,
        first_name="N", last_name="N", functie=Rol.MIDOFFICE,
    )
    assert not nieuw.user.is_active
    assert not nieuw.user.has_perm("inwoners.view_dossier")
    verzoek = nieuw.wijzigingsverzoeken.get(status=VerzoekStatus.OPEN)
    with pytest.raises(ValidationError, match="eigen verzoek"):
        services.rolwijziging_approve(door=beheer.user, verzoek=verzoek)
    services.rolwijziging_approve(door=beheer2.user, verzoek=verzoek)
    nieuw.user.refresh_from_db()
    assert nieuw.user.is_active
    assert RolWijziging.objects.get(medewerker=nieuw, onderdeel=Onderdeel.ACTIEF).nieuw == "ja"


def test_without_the_setting_a_change_applies_at_once(beheer, generalist):
    assert services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.WERKPLEIN
    ) is None
    generalist.refresh_from_db()
    assert generalist.functie == Rol.WERKPLEIN
    assert not RolWijzigingVerzoek.objects.exists()


def test_the_stock_admin_pages_render_for_a_superuser(vier_ogen, admin_client, beheer,
                                                      generalist):
    verzoek = services.medewerker_rollen_change(
        door=beheer.user, medewerker=generalist, functie=Rol.WERKPLEIN
    )
    index = admin_client.get("/beheer/").content.decode()
    assert "Wijzigingsverzoeken (rollen en teams)" in index
    assert "Wijzigingslog rollen en teams" in index
    for url in ("/beheer/gemeente/medewerker/add/", "/beheer/gemeente/rolwijziging/",
                f"/beheer/gemeente/rolwijzigingverzoek/{verzoek.pk}/change/",
                f"/beheer/gemeente/medewerker/{beheer.pk}/change/"):
        assert admin_client.get(url).status_code == 200, url
