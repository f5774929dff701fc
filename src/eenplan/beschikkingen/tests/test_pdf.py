"""The decision letter and the verslag as PDF: the recorded text, logged, need-to-know."""

# ruff: noqa: F401, F811 - fixtures of the service tests, imported and used as arguments

import pytest

from eenplan.beschikkingen import services
from eenplan.beschikkingen.tests.test_services import VANDAAG, aanvraag, hh, zin
from eenplan.conftest import login
from eenplan.onderzoeken import services as onderzoeken
from eenplan.plannen.tests.test_services import compleet, gezin, onderzoek
from eenplan.privacy.models import Inzage

pytestmark = pytest.mark.django_db


def test_letter_pdf_is_the_sent_letter_and_is_logged(
    midoffice_team,
    client,
    aanvraag,
    hh,
    backoffice_user,
    inwoner_noord,
):
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="Het netwerk kan dit niet dragen.",
        regels=[zin(hh)],
    )
    b = services.beschikking_send(beschikking=b, actor=b.besloten_door, op=VANDAAG)
    backoffice_user.medewerker.teams.add(midoffice_team)  # a team that serves every wijk
    client.force_login(backoffice_user)
    response = client.get(f"/beschikkingen/{b.pk}/brief.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and b"bezwaar maken" in response.content
    assert Inzage.objects.filter(inwoner=inwoner_noord, toegestaan=True).exists()


def test_letter_pdf_outside_scope_is_refused(
    client,
    aanvraag,
    hh,
    backoffice_user,
    inwoner_noord,
    wijken,
):
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory, TeamFactory

    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=backoffice_user,
        besloten_op=VANDAAG,
        motivering="m",
        regels=[zin(hh)],
    )
    zuid = TeamFactory(gemeente=inwoner_noord.gemeente, wijken=[wijken["Zuid"]])
    vreemde = MedewerkerFactory(
        gemeente=inwoner_noord.gemeente, functie=Rol.GENERALIST, teams=[zuid]
    )
    assert login(client, vreemde).get(f"/beschikkingen/{b.pk}/brief.pdf").status_code == 403


def test_verslag_pdf_holds_the_final_text(client, onderzoek, generalist):
    compleet(onderzoek, generalist)
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    response = login(client, generalist).get(f"/onderzoeken/{onderzoek.pk}/verslag.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert b"Verslag van het onderzoek" in response.content
    assert b"Besproken a" in response.content
