"""One access path for aanvragen, beschikkingen, bezwaren, klachten, the letter PDF and the
exports: every refusal (no role, out of scope) is a row in the access log, on the page, in the
API and in the PDF, for reading and writing; the services refuse too (the actor is passed in).
And the role rules of the services: the youth registration for a Jeugdwet decision, and sending
before the lawfulness check only where the municipality allows it (the letter says which)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid
from eenplan.beschikkingen.models import Beschikking
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.privacy import access
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import (
    AANVRAGEN,
    BESCHIKKINGEN,
    aanvraag_voor,
    api_for,
    beschikking_voor,
    maatwerk,
    vandaag,
    zin,
    zin_regel,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hh(gemeente):
    return maatwerk(gemeente)


@pytest.fixture
def backoffice(gemeente, wijken):
    team = TeamFactory(
        gemeente=gemeente,
        naam="Backoffice",
        soort=TeamSoort.BACKOFFICE,
        wijken=list(wijken.values()),
    )
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team], username="bo")


@pytest.fixture
def generalist_zuid(gemeente, wijken):
    team = TeamFactory(gemeente=gemeente, naam="Wijkteam Zuid", wijken=[wijken["Zuid"]])
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.GENERALIST, teams=[team], username="zuid"
    )


def geweigerd(user) -> list[tuple[str, str, str]]:
    """(channel, action, path) of the refused decisions of this login, oldest first."""
    return [
        (r.kanaal, r.handeling, r.pad)
        for r in Inzage.objects.filter(user=user, toegestaan=False).order_by("id")
    ]


# --- every refusal is logged ------------------------------------------------------------------


def test_out_of_scope_page_pdf_and_api_reads_and_writes_are_refused_and_logged(
    client, backoffice, generalist_zuid, inwoner_noord, generalist, hh
):
    b = beschikking_voor(aanvraag_voor(inwoner_noord, generalist), backoffice, [zin(hh)])
    login(client, generalist_zuid)
    detail = reverse("beschikkingen:detail", args=[b.pk])
    pdf = reverse("beschikkingen:brief-pdf", args=[b.pk])
    verzenden = reverse("beschikkingen:verzenden", args=[b.pk])
    assert client.get(detail).status_code == 403
    assert client.get(pdf).status_code == 403
    assert client.post(verzenden, {"verzenden-op": vandaag().isoformat()}).status_code == 403
    api = api_for(generalist_zuid)
    response = api.get(f"{BESCHIKKINGEN}{b.pk}/")
    assert response.status_code == 403 and "need-to-know" in response.json()["detail"]
    assert api.post(f"{BESCHIKKINGEN}{b.pk}/versturen/", {}, format="json").status_code == 403
    assert geweigerd(generalist_zuid.user) == [
        ("pagina", "lezen", detail),
        ("pagina", "lezen", pdf),
        ("pagina", "beslissen", verzenden),
        ("api", "lezen", f"{BESCHIKKINGEN}{b.pk}/"),
        ("api", "beslissen", f"{BESCHIKKINGEN}{b.pk}/versturen/"),
    ]
    assert all(
        r.inwoner_id == inwoner_noord.pk and "need-to-know" in r.reden
        for r in Inzage.objects.filter(user=generalist_zuid.user)
    )
    b.refresh_from_db()
    assert b.verzonden_op is None


def test_refusals_for_lack_of_a_role_are_logged_on_page_pdf_api_and_export(
    client, backoffice, beleid, generalist, inwoner_noord, hh
):
    b = beschikking_voor(aanvraag_voor(inwoner_noord, generalist), backoffice, [zin(hh)])
    login(client, beleid)
    pdf = reverse("beschikkingen:brief-pdf", args=[b.pk])
    toetsen = reverse("beschikkingen:toetsen", args=[b.pk])
    assert client.get(pdf).status_code == 403
    assert client.post(toetsen, {}).status_code == 403
    api = api_for(beleid)
    assert api.get(f"{BESCHIKKINGEN}{b.pk}/").status_code == 403
    export = api.post(f"{BESCHIKKINGEN}export/svb/", {"op": vandaag().isoformat()}, format="json")
    assert export.status_code == 403
    # The generalist may read the decision but not check it (the back office's role).
    response = api_for(generalist).post(
        f"{BESCHIKKINGEN}{b.pk}/toetsen/", {"rechtmatig": True}, format="json"
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    rijen = Inzage.objects.filter(toegestaan=False).order_by("id")
    assert [(r.gebruikersnaam, r.kanaal, r.onderwerp, r.handeling) for r in rijen] == [
        ("beleid", "pagina", "beschikking", "lezen"),
        ("beleid", "pagina", "beschikking", "toetsen"),
        ("beleid", "api", "beschikking", "lezen"),
        ("beleid", "api", "export", "exporteren"),
        ("generalist", "api", "beschikking", "toetsen"),
    ]
    assert all("rol" in r.reden for r in rijen)
    b.refresh_from_db()
    assert b.rechtmatigheid == Rechtmatigheid.NVT


def test_a_service_refuses_an_actor_out_of_scope_and_logs_it(
    backoffice, generalist_zuid, inwoner_noord, generalist, hh
):
    aanvraag = aanvraag_voor(inwoner_noord, generalist)
    # As AccessLogMiddleware does for a request: the refusal survives the service's rollback.
    with access.collecting() as pending, pytest.raises(access.Refused, match="need-to-know"):
        try:
            services.beschikking_issue(
                aanvraag=aanvraag,
                actor=generalist_zuid.user,
                besloten_op=vandaag(),
                motivering="m",
                regels=[zin(hh)],
            )
        finally:
            access.rescue(pending)
    assert not Beschikking.objects.exists()
    rij = Inzage.objects.get(user=generalist_zuid.user)
    assert (rij.toegestaan, rij.handeling, rij.pad) == (False, "beslissen", "(dienst)")


# --- role rules in the services ---------------------------------------------------------------


def test_a_generalist_without_youth_registration_cannot_decide_a_jeugdwet_aanvraag(
    generalist, gemeente, team_noord, inwoner_noord
):
    jeugdhulp = maatwerk(gemeente, naam="Jeugdhulp", productcode="31A01", wet="jeugd")
    aanvraag = aanvraag_voor(inwoner_noord, generalist, wet="jeugd")
    response = api_for(generalist).post(
        f"{AANVRAGEN}{aanvraag.pk}/beslissen/",
        {"motivering": "m", "regels": [zin_regel(jeugdhulp)]},
        format="json",
    )
    assert response.status_code == 400 and "registratie" in str(response.json())
    assert not Beschikking.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.ONTVANGEN
    # A registration that ended before the decision date does not count either.
    verlopen = MedewerkerFactory(
        gemeente=gemeente,
        functie=Rol.JEUGDPROFESSIONAL,
        teams=[team_noord],
        registratie_geldig_tot=vandaag() - dt.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="registratie"):
        services.beschikking_issue(
            aanvraag=aanvraag,
            actor=verlopen.user,
            besloten_op=vandaag(),
            motivering="m",
            regels=[zin(jeugdhulp)],
        )
    geregistreerd = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.JEUGDPROFESSIONAL, teams=[team_noord]
    )
    b = services.beschikking_issue(
        aanvraag=aanvraag,
        actor=geregistreerd.user,
        besloten_op=vandaag(),
        motivering="m",
        regels=[zin(jeugdhulp)],
    )
    assert b.rechtmatigheid == Rechtmatigheid.TE_TOETSEN


def test_sending_before_the_lawfulness_check_follows_the_municipal_setting(
    client, settings, generalist, backoffice, inwoner_noord, hh
):
    settings.EENPLAN_VERZENDEN_VOOR_TOETSING = False
    b = beschikking_voor(aanvraag_voor(inwoner_noord, generalist), generalist, [zin(hh)])
    assert b.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
    login(client, generalist)
    detail = reverse("beschikkingen:detail", args=[b.pk])
    assert "Brief verzenden" not in client.get(detail).content.decode()
    response = client.post(
        reverse("beschikkingen:verzenden", args=[b.pk]),
        {"verzenden-op": vandaag().isoformat(), "verzenden-bevestigd": "on"},
        follow=True,
    )
    assert response.redirect_chain == [(f"{detail}#verzenden", 302)]
    assert "rechtmatigheidstoets" in response.content.decode()
    response = api_for(generalist).post(f"{BESCHIKKINGEN}{b.pk}/versturen/", {}, format="json")
    assert response.status_code == 400 and "rechtmatigheidstoets" in str(response.json())
    b.refresh_from_db()
    assert b.verzonden_op is None and b.verzonden_voor_toetsing is None
    # After the check it goes out, and the beschikking and its letter say so.
    services.rechtmatigheid_check(beschikking=b, actor=backoffice.user, rechtmatig=True)
    b = services.beschikking_send(beschikking=b, actor=generalist.user, op=vandaag())
    assert b.verzonden_voor_toetsing is False
    assert "daarna gecontroleerd door de gemeente" in b.brief


def test_by_default_a_generalist_decision_is_sent_before_the_check_and_the_letter_says_so(
    client, generalist, backoffice, inwoner_noord, hh
):
    b = beschikking_voor(aanvraag_voor(inwoner_noord, generalist), generalist, [zin(hh)])
    login(client, generalist)
    body = client.get(reverse("beschikkingen:detail", args=[b.pk])).content.decode()
    assert "Brief verzenden" in body and "controleert het nog achteraf" in body  # preview
    response = client.post(
        reverse("beschikkingen:verzenden", args=[b.pk]),
        {"verzenden-op": vandaag().isoformat(), "verzenden-bevestigd": "on"},
    )
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.verzonden_voor_toetsing is True and "controleert het nog achteraf" in b.brief
    # The back office's own decision gets no check, and its letter says nothing about one.
    eigen = beschikking_voor(
        aanvraag_voor(inwoner_noord, generalist),
        backoffice,
        [
            zin(
                hh,
                begin=vandaag() + dt.timedelta(days=400),
                einde=vandaag() + dt.timedelta(days=500),
            )
        ],
        verzenden=True,
    )
    assert eigen.verzonden_voor_toetsing is None and "rechtmatigheidstoets" not in eigen.brief
