"""The decision letter and the verslag as PDF: the recorded text, logged, need-to-know."""

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.conftest import login
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.helpers import zin
from eenplan.testing.pdf import pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


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
    backoffice_user.medewerkers.get().teams.add(midoffice_team)  # a team that serves every wijk
    client.force_login(backoffice_user)
    response = client.get(f"/beschikkingen/{b.pk}/brief.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "bezwaar maken" in pdf_tekst(response.content)
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


def test_verslag_pdf_holds_the_final_text(client):
    s = scenarios.onderzocht()
    response = login(client, s.generalist).get(f"/onderzoeken/{s.onderzoek.pk}/verslag.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    tekst = pdf_tekst(response.content)  # text set in an embedded font: read it back
    assert "Verslag van het onderzoek" in tekst and "Besproken: " in tekst
