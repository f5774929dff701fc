"""Access to meldingen goes through the one decision point (`privacy.access`), issue 8.

Every refusal — lack of a role, outside need-to-know, not the contact person — is a 403 with a
Dutch reason (another municipality's melding is a 404 like an unknown one, ADR 0046), changes
nothing and leaves a row in the access log: on the pages and in the API, for reading and for
writing. Scope means the same for lists, reads and writes, pages and API. The services refuse
on their own what the actor may not do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.meldingen import services
from eenplan.meldingen.constants import Kanaal, MelderSoort, Status
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting
from eenplan.privacy import access
from eenplan.privacy.models import DossierToegang, Inzage
from eenplan.testing.factories import (
    GemeenteFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
)
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db
API = "/api/v1/meldingen/"
GEEN_ROL = access.GEEN_ROL.split("{")[0]  # the refusal for lack of a role, before its detail


def vandaag() -> dt.date:
    return timezone.localdate()


def registreer(midoffice: Any, inwoner: Any = None, **kwargs: Any) -> Melding:
    velden: dict[str, Any] = {
        "gemeente": midoffice.gemeente,
        "actor": midoffice.user,
        "melder_soort": MelderSoort.ZELF,
        "kanaal": Kanaal.TELEFOON,
        "vraag": "Ik kan de trap niet meer op.",
        "ontvangen_op": vandaag() - dt.timedelta(days=3),
        "domeinen": ["wmo"],
        "inwoner": inwoner,
        "onbekende_persoon": "" if inwoner else "Buurman op nummer 5",
    }
    velden.update(kwargs)
    return services.melding_register(**velden)


def geweigerd(medewerker: Any) -> list[Inzage]:
    """The refusals the access log holds for this login (pages and API)."""
    return list(Inzage.objects.filter(user=medewerker.user, toegestaan=False).order_by("id"))


def staat(melding: Melding) -> tuple:
    """Everything a refused action must leave as it was."""
    return (
        Melding.objects.filter(pk=melding.pk).values().get(),
        MeldingGebeurtenis.objects.filter(melding=melding).count(),
        Opschorting.objects.filter(melding=melding).count(),
        DossierToegang.objects.count(),
    )


@pytest.fixture
def collega(team_noord: Any) -> Any:
    """A second generalist of Wijkteam Noord: same scope, not the contact person."""
    return MedewerkerFactory(
        gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord], username="kim"
    )


@pytest.fixture
def meldingen(midoffice: Any, generalist: Any, inwoner_noord: Any, inwoner_zuid: Any) -> dict:
    noord = registreer(midoffice, inwoner_noord)
    toegewezen = registreer(midoffice, inwoner_noord)
    services.melding_assign(melding=toegewezen, actor=midoffice.user, medewerker=generalist)
    return {
        "noord": noord,
        "zuid": registreer(midoffice, inwoner_zuid),
        "toegewezen": Melding.objects.get(pk=toegewezen.pk),
        "onbekend": registreer(midoffice, None),
    }


def pagina(melding: Melding, actie: str = "") -> str:
    return reverse(f"meldingen:{actie or 'detail'}", args=[melding.pk])


# --- lack of a role: pages and API, reading and writing ------------------------------------


@pytest.mark.parametrize(
    ("methode", "url"),
    [
        ("get", lambda m: reverse("meldingen:werkvoorraad")),
        ("get", lambda m: pagina(m)),
        ("post", lambda m: pagina(m, "opschorten")),
        ("post", lambda m: pagina(m, "afsluiten")),
        ("get", lambda m: API),
        ("get", lambda m: f"{API}{m.pk}/"),
        ("post", lambda m: f"{API}{m.pk}/opschorten/"),
        ("post", lambda m: f"{API}{m.pk}/afsluiten/"),
    ],
)
def test_a_role_without_meldingen_is_refused_and_logged(
    client: Client, beleid: Any, meldingen: dict, methode: str, url: Any
) -> None:
    melding = meldingen["toegewezen"]
    voor = staat(melding)
    pad = url(melding)
    if pad.startswith("/api/"):
        response = getattr(api_for(beleid), methode)(pad, {}, format="json")
        reden = response.json()["detail"]
    else:
        response = getattr(login(client, beleid), methode)(pad)
        reden = GEEN_ROL
        assert reden in response.content.decode()
    assert response.status_code == 403
    [inzage] = geweigerd(beleid)
    assert inzage.pad == pad
    assert inzage.reden.startswith(GEEN_ROL)
    assert reden.startswith(GEEN_ROL)
    assert staat(melding) == voor


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_screening_without_the_screening_role_is_refused_and_logged(
    client: Client, generalist: Any, meldingen: dict, kanaal: str
) -> None:
    melding = meldingen["noord"]  # within the generalist's wijk, but screening is the mid-office's
    voor = staat(melding)
    if kanaal == "api":
        response = api_for(generalist).post(
            f"{API}{melding.pk}/beantwoorden/", {"antwoord": "Klussendienst"}, format="json"
        )
    else:
        response = login(client, generalist).post(
            pagina(melding, "beantwoorden"), {"beantwoorden-antwoord": "Klussendienst"}
        )
    assert response.status_code == 403
    [inzage] = geweigerd(generalist)
    assert (inzage.onderwerp, inzage.handeling) == ("melding", "screenen")
    assert staat(melding) == voor


# --- outside need-to-know: pages and API, reading and writing ------------------------------


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_reading_a_melding_outside_need_to_know_is_refused_and_logged(
    client: Client, generalist: Any, meldingen: dict, kanaal: str
) -> None:
    melding = meldingen["zuid"]
    if kanaal == "api":
        response = api_for(generalist).get(f"{API}{melding.pk}/")
        tekst = response.json()["detail"]
    else:
        response = login(client, generalist).get(pagina(melding))
        tekst = response.content.decode()
    assert response.status_code == 403
    assert "buiten uw werkgebied" in tekst
    assert melding.inwoner.naam not in tekst
    [inzage] = geweigerd(generalist)
    assert (inzage.inwoner_id, inzage.handeling) == (melding.inwoner_id, "lezen")
    assert inzage.kanaal == ("api" if kanaal == "api" else "pagina")


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
@pytest.mark.parametrize("geldig", [True, False], ids=["geldige-invoer", "foute-invoer"])
def test_writing_to_a_melding_outside_need_to_know_is_refused_and_logged(
    client: Client, generalist: Any, meldingen: dict, kanaal: str, geldig: bool
) -> None:
    """Also when the service itself refuses inside its transaction (valid input): the log row
    survives the rollback. Invalid input does not turn the 403 into a 400."""
    melding = meldingen["zuid"]
    voor = staat(melding)
    van = (vandaag() - dt.timedelta(days=1)).isoformat() if geldig else ""
    if kanaal == "api":
        response = api_for(generalist).post(
            f"{API}{melding.pk}/opschorten/", {"van": van, "reden": "Papieren"}, format="json"
        )
    else:
        response = login(client, generalist).post(
            pagina(melding, "opschorten"), {"opschorten-van": van, "opschorten-reden": "Papieren"}
        )
    assert response.status_code == 403
    [inzage] = geweigerd(generalist)
    assert (inzage.inwoner_id, inzage.handeling) == (melding.inwoner_id, "opschorten")
    assert "buiten uw werkgebied" in inzage.reden
    assert staat(melding) == voor


# --- closing: the contact person or the mid-office ------------------------------------------


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_closing_by_a_colleague_who_is_not_the_contact_person_is_refused_and_logged(
    client: Client, collega: Any, meldingen: dict, kanaal: str
) -> None:
    melding = meldingen["toegewezen"]  # Noord: in Kim's scope, but Sanne is the contact person
    voor = staat(melding)
    if kanaal == "api":
        response = api_for(collega).post(
            f"{API}{melding.pk}/afsluiten/", {"toelichting": "Klaar"}, format="json"
        )
        tekst = response.json()["detail"]
    else:
        response = login(client, collega).post(
            pagina(melding, "afsluiten"), {"afsluiten-toelichting": "Klaar"}
        )
        tekst = response.content.decode()
    assert response.status_code == 403
    assert "toegewezen medewerker" in tekst
    [inzage] = geweigerd(collega)
    assert (inzage.inwoner_id, inzage.handeling) == (melding.inwoner_id, "wijzigen")
    assert inzage.reden == services.ALLEEN_CONTACTPERSOON
    assert staat(melding) == voor


def test_the_close_button_is_shown_to_the_contact_person_and_the_mid_office_only(
    client: Client, generalist: Any, collega: Any, midoffice: Any, meldingen: dict
) -> None:
    url = pagina(meldingen["toegewezen"])
    for medewerker, ziet in ((generalist, True), (midoffice, True), (collega, False)):
        html = login(client, medewerker).get(url).content.decode()
        assert ("Melding afsluiten" in html) is ziet, medewerker


# --- a person not identified yet: the screeners of the municipality only --------------------


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_melding_about_an_unknown_person_is_for_screeners_only(
    client: Client, generalist: Any, midoffice: Any, meldingen: dict, kanaal: str
) -> None:
    melding = meldingen["onbekend"]
    url = f"{API}{melding.pk}/" if kanaal == "api" else pagina(melding)
    get = (api_for(generalist) if kanaal == "api" else login(client, generalist)).get
    assert get(url).status_code == 403
    [inzage] = geweigerd(generalist)
    assert (inzage.inwoner_id, inzage.onderwerp) == (None, "melding_onbekend")
    get = (api_for(midoffice) if kanaal == "api" else login(Client(), midoffice)).get
    assert get(url).status_code == 200


def test_a_screener_of_another_municipality_is_refused_and_logged(meldingen: dict) -> None:
    """Not found within the screener's municipality: the 404 of a melding that does not exist
    (ADR 0046; more in test_andere_gemeente.py), logged, nothing changed."""
    elders = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    team = TeamFactory(
        gemeente=elders,
        soort=TeamSoort.MIDOFFICE,
        wijken=[WijkFactory(gemeente=elders, naam="Panningen")],
    )
    screener = MedewerkerFactory(gemeente=elders, functie=Rol.MIDOFFICE, teams=[team])
    melding = meldingen["onbekend"]
    response = api_for(screener).get(f"{API}{melding.pk}/")
    assert response.status_code == 404
    reden = f"Melding {melding.pk}: {access.NIET_BINNEN_GEMEENTE}."
    assert [i.reden for i in geweigerd(screener)] == [reden]
    response = api_for(screener).post(
        f"{API}{melding.pk}/beantwoorden/", {"antwoord": "x"}, format="json"
    )
    assert response.status_code == 404
    assert Melding.objects.get(pk=melding.pk).status == Status.GEREGISTREERD
    assert len(geweigerd(screener)) == 2


# --- one scope for lists, reads and writes, pages and API -----------------------------------


@pytest.mark.parametrize("wie", ["generalist", "collega", "midoffice"])
def test_scope_is_the_same_for_list_and_detail_on_pages_and_api(
    request: Any, client: Client, meldingen: dict, wie: str
) -> None:
    """Every melding in a list can be opened, and none outside it: on the page and in the API."""
    medewerker = request.getfixturevalue(wie)
    api = api_for(medewerker)
    api_lijst = {r["id"] for r in api.get(API, {"page_size": 100}).json()["results"]}
    login(client, medewerker)
    if wie == "midoffice":  # the worklist page shows everything only to screeners
        werkvoorraad = client.get(reverse("meldingen:werkvoorraad"), {"weergave": "alle"})
        assert {m.pk for m in werkvoorraad.context["page"].object_list} == api_lijst
    for melding in meldingen.values():
        verwacht = 200 if melding.pk in api_lijst else 403
        assert api.get(f"{API}{melding.pk}/").status_code == verwacht, melding
        assert client.get(pagina(melding)).status_code == verwacht, melding
    if wie == "generalist":
        assert api_lijst == {meldingen["noord"].pk, meldingen["toegewezen"].pk}


def test_the_header_search_finds_a_melding_by_number_within_the_same_scope(
    client: Client, generalist: Any, midoffice: Any, meldingen: dict
) -> None:
    for medewerker in (generalist, midoffice):
        login(client, medewerker)
        for melding in meldingen.values():
            body = client.get("/zoeken/", {"q": f"#{melding.pk}"}).content.decode()
            kan_openen = client.get(pagina(melding)).status_code == 200
            assert (f"/meldingen/{melding.pk}/" in body) is kan_openen, (medewerker, melding)


def test_the_worklist_logs_the_residents_it_shows(client: Client, midoffice: Any, meldingen: dict):
    login(client, midoffice).get(reverse("meldingen:werkvoorraad"), {"weergave": "alle"})
    gelezen = Inzage.objects.filter(user=midoffice.user, pad__startswith="/meldingen/werkvoorraad/")
    assert set(gelezen.values_list("inwoner_id", flat=True)) == {
        m.inwoner_id for m in meldingen.values() if m.inwoner_id
    }
    assert all(i.toegestaan and i.handeling == "lezen" for i in gelezen)


# --- authorisation in the services ------------------------------------------------------------


def test_services_refuse_what_the_actor_may_not_do(
    generalist: Any, collega: Any, beleid: Any, midoffice: Any, meldingen: dict
) -> None:
    noord, zuid, toegewezen = meldingen["noord"], meldingen["zuid"], meldingen["toegewezen"]
    weigeringen = [
        # Screening is the mid-office's.
        lambda: services.melding_answer(melding=noord, actor=generalist.user, antwoord="x"),
        lambda: services.melding_forward(melding=noord, actor=generalist.user, naar="backoffice"),
        # Assigning too.
        lambda: services.melding_assign(
            melding=noord, actor=generalist.user, medewerker=generalist
        ),
        # Suspending a melding outside need-to-know.
        lambda: services.melding_suspend(
            melding=zuid, actor=generalist.user, van=vandaag(), reden="Papieren"
        ),
        # Closing someone else's melding.
        lambda: services.melding_close(melding=toegewezen, actor=collega.user, toelichting="x"),
        # Registering without the role.
        lambda: registreer(midoffice, None, actor=beleid.user),
    ]
    voor = [staat(m) for m in (noord, zuid, toegewezen)]
    aantal = Melding.objects.count()
    for weigering in weigeringen:
        with pytest.raises(access.Refused):
            weigering()
    assert [staat(m) for m in (noord, zuid, toegewezen)] == voor
    assert Melding.objects.count() == aantal


def test_a_vrijwilliger_registers_but_names_no_resident(
    vrijwilliger: Any, inwoner_noord: Any
) -> None:
    melding = registreer(vrijwilliger, None)
    assert melding.geregistreerd_door == vrijwilliger.user
    with pytest.raises(access.Refused):
        registreer(vrijwilliger, inwoner_noord)
    assert Melding.objects.count() == 1


def test_identifying_needs_the_resident_within_need_to_know(
    midoffice: Any, gemeente: Any, wijken: Any, inwoner_zuid: Any, meldingen: dict
) -> None:
    noord_team = TeamFactory(gemeente=gemeente, soort=TeamSoort.MIDOFFICE, wijken=[wijken["Noord"]])
    screener = MedewerkerFactory(gemeente=gemeente, functie=Rol.MIDOFFICE, teams=[noord_team])
    melding = meldingen["onbekend"]
    with pytest.raises(access.Refused):
        services.melding_identify(melding=melding, inwoner=inwoner_zuid, actor=screener.user)
    assert Melding.objects.get(pk=melding.pk).inwoner_id is None
    services.melding_identify(melding=melding, inwoner=inwoner_zuid, actor=midoffice.user)
    assert Melding.objects.get(pk=melding.pk).inwoner_id == inwoner_zuid.pk


def test_youth_goes_only_to_a_registered_professional_whoever_assigns(
    midoffice: Any, generalist: Any, inwoner_noord: Any
) -> None:
    melding = registreer(midoffice, inwoner_noord, domeinen=["jeugd"])
    with pytest.raises(ValidationError, match="jeugdprofessional met een geldige registratie"):
        services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    assert Melding.objects.get(pk=melding.pk).status == Status.GEREGISTREERD


def test_the_contact_person_and_the_mid_office_may_close(
    generalist: Any, midoffice: Any, meldingen: dict, inwoner_noord: Any
) -> None:
    services.melding_close(
        melding=meldingen["toegewezen"], actor=generalist.user, toelichting="Plan gemaakt"
    )
    tweede = registreer(midoffice, inwoner_noord)
    services.melding_assign(melding=tweede, actor=midoffice.user, medewerker=generalist)
    services.melding_close(melding=tweede, actor=midoffice.user, toelichting="Dubbel")
    assert set(Melding.objects.filter(status=Status.AFGESLOTEN).values_list("pk", flat=True)) == {
        meldingen["toegewezen"].pk,
        tweede.pk,
    }
