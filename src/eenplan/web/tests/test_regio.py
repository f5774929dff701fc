"""A region in one installation (issue 16): a staff member of a regional team works for two
municipalities, chooses one, and sees each only through that municipality's record."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from eenplan.gemeente.services import medewerker_gemeente_add
from eenplan.privacy.models import Inzage
from eenplan.testing import regio as regio_bouw
from eenplan.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regio():
    return regio_bouw.bouw()


def _kies(client, gemeente):
    return client.post("/gemeente-kiezen/", {"gemeente": gemeente.pk})


def test_a_regional_login_sees_one_municipality_at_a_time(client, regio):
    client.force_login(regio.login)
    a, b = regio.a, regio.b
    # First (default) municipality: its resident, never the other's.
    assert client.get(f"/inwoners/{a.inwoner.pk}/").status_code == 200
    # Not within the chosen municipality: the logged 404 of a resident that does not exist.
    assert client.get(f"/inwoners/{b.inwoner.pk}/").status_code == 404
    werk = client.get("/meldingen/werkvoorraad/?weergave=mijn").content.decode()
    assert "Peeters" in werk and "Hendrikx" not in werk
    start = client.get("/").content.decode()
    assert "Peel en Maas" in start and "Andere gemeente" in start

    assert _kies(client, b.gemeente).status_code == 302
    assert client.get(f"/inwoners/{b.inwoner.pk}/").status_code == 200
    assert client.get(f"/inwoners/{a.inwoner.pk}/").status_code == 404
    werk = client.get("/meldingen/werkvoorraad/?weergave=mijn").content.decode()
    assert "Hendrikx" in werk and "Peeters" not in werk
    assert "Weert" in client.get("/").content.decode()
    zoek = client.get("/inwoners/?q=peeters").content.decode()
    assert "Peeters" not in zoek
    # The API of this session follows the same choice.
    api = client.get("/api/v1/meldingen/").json()
    assert {m["id"] for m in api["results"]} == {b.melding.pk}


def test_a_municipality_the_login_does_not_work_for_is_refused_and_logged(client, regio):
    client.force_login(regio.a.midoffice.user)  # works for Peel en Maas only
    response = _kies(client, regio.b.gemeente)
    assert response.status_code == 403
    assert Inzage.objects.filter(
        gebruikersnaam=regio.a.midoffice.user.username, toegestaan=False, pad="/gemeente-kiezen/"
    ).exists()
    # Nothing changed: still Peel en Maas, the other municipality's resident stays out.
    assert client.get(f"/inwoners/{regio.b.inwoner.pk}/").status_code == 404
    assert "Peel en Maas" in client.get("/").content.decode()


def test_a_forged_session_choice_never_opens_another_municipality(client, regio):
    """Whatever the session holds, only the login's own memberships count."""
    client.force_login(regio.a.midoffice.user)
    session = client.session
    session["eenplan_gemeente"] = regio.b.gemeente.pk
    session.save()
    assert client.get(f"/inwoners/{regio.b.inwoner.pk}/").status_code == 404
    assert client.get(f"/inwoners/{regio.a.inwoner.pk}/").status_code == 200


def test_the_switch_is_in_the_log_of_the_municipality_and_the_privacy_officer_sees_his_own(
    client, regio
):
    client.force_login(regio.login)
    _kies(client, regio.b.gemeente)
    client.get(f"/inwoners/{regio.b.inwoner.pk}/")
    client.get(f"/inwoners/{regio.a.inwoner.pk}/")  # refused: Peel en Maas is not chosen
    client.force_login(regio.b.privacy.user)
    log_b = client.get("/privacy/inzagelog/").content.decode()
    assert "Hendrikx" in log_b and "Peeters" not in log_b
    client.force_login(regio.a.privacy.user)
    log_a = client.get("/privacy/inzagelog/").content.decode()
    assert "Peeters" in log_a  # the refused look at the resident of Peel en Maas
    assert "Hendrikx" not in log_a


def test_the_api_takes_the_municipality_from_a_header_validated(regio):
    from rest_framework.test import APIClient

    from eenplan.beveiliging.services import api_sleutel_create

    _, sleutel = api_sleutel_create(user=regio.login, naam="regio")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    eerst = api.get("/api/v1/meldingen/").json()
    assert {m["id"] for m in eerst["results"]} == {regio.a.melding.pk}
    b = api.get("/api/v1/meldingen/", HTTP_EENPLAN_GEMEENTE=str(regio.b.gemeente.pk)).json()
    assert {m["id"] for m in b["results"]} == {regio.b.melding.pk}
    gemeenten = api.get(
        "/api/v1/mijn-gemeenten/", HTTP_EENPLAN_GEMEENTE=str(regio.b.gemeente.pk)
    ).json()
    assert [(g["naam"], g["huidig"]) for g in gemeenten] == [
        ("Peel en Maas", False),
        ("Weert", True),
    ]
    # A municipality the login does not work for: its own first one, never the other.
    _, eigen = api_sleutel_create(user=regio.a.midoffice.user, naam="midoffice")
    api.credentials(HTTP_AUTHORIZATION=f"Token {eigen}")
    vreemd = api.get("/api/v1/meldingen/", HTTP_EENPLAN_GEMEENTE=str(regio.b.gemeente.pk)).json()
    assert regio.b.melding.pk not in {m["id"] for m in vreemd["results"]}


def test_adding_a_membership_refuses_teams_elsewhere_and_twice(regio):
    elders = TeamFactory(gemeente=regio.a.gemeente)
    nieuw = regio.a.midoffice.user
    with pytest.raises(ValidationError, match="teams van de eigen gemeente"):
        medewerker_gemeente_add(user=nieuw, gemeente=regio.b.gemeente, teams=[elders])
    with pytest.raises(ValidationError, match="werkt al voor de gemeente Weert"):
        medewerker_gemeente_add(user=regio.login, gemeente=regio.b.gemeente)
    # A functioneel beheerder of one municipality does not add members to another.
    from eenplan.testing.factories import MedewerkerFactory

    beheer = MedewerkerFactory(gemeente=regio.a.gemeente, functie="beheer", username="bh")
    with pytest.raises(ValidationError, match="eigen gemeente"):
        medewerker_gemeente_add(user=nieuw, gemeente=regio.b.gemeente, door=beheer.user)


def test_each_municipality_shows_its_own_theme(client, regio, settings):
    weert = regio.b.gemeente
    weert.thema_klasse = "weert-theme"
    weert.thema_css = "nlds/theme/theme.css"
    weert.full_clean()
    weert.save()
    client.force_login(regio.login)
    eerst = client.get("/").content.decode()
    assert f'class="utrecht-root {settings.EENPLAN_THEME_CLASS}"' in eerst
    _kies(client, weert)
    daarna = client.get("/").content.decode()
    assert 'class="utrecht-root weert-theme"' in daarna
    assert "nlds/theme/theme.css" in daarna
