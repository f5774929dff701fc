"""The meldingen REST API: worklist with deadline states and counts, registration and its
refusals, the logged detail, every screening/assignment/suspension action, roles and scope,
token auth, the schema and a flat query budget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.beveiliging.services import api_sleutel_create
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import huishouden_create
from eenplan.meldingen import services
from eenplan.meldingen.models import Melding, MeldingGebeurtenis
from eenplan.privacy import access
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    WijkFactory,
)
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/meldingen/"


def vandaag() -> dt.date:
    return timezone.localdate()


def detail_url(melding: Melding | int, actie: str = "") -> str:
    pk = melding if isinstance(melding, int) else melding.pk
    return f"{URL}{pk}/" + (f"{actie}/" if actie else "")


def registreer(door: Medewerker, inwoner: Inwoner | None = None, **kwargs: Any) -> Melding:
    """A melding written by the service, as the pages and the API write it."""
    velden: dict[str, Any] = {
        "melder_soort": "zelf",
        "kanaal": "telefoon",
        "vraag": "Ik kan de trap niet meer op.",
        "ontvangen_op": vandaag(),
        "domeinen": ["wmo"],
    }
    velden.update(kwargs)
    if inwoner is None and not velden.get("onbekende_persoon"):
        velden["onbekende_persoon"] = "Mevrouw op de hoek, rond de 80"
    gemeente = inwoner.gemeente if inwoner else door.gemeente
    return services.melding_register(gemeente=gemeente, actor=door.user, inwoner=inwoner, **velden)


def gelogd() -> Any:
    """Access-log rows of the API, not those of the services the fixtures call."""
    return Inzage.objects.exclude(pad=access.SERVICE.pad)


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def jeugdprofessional(team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=team_noord.gemeente,
        functie=Rol.JEUGDPROFESSIONAL,
        teams=[team_noord],
        username="jeugd",
    )


@pytest.fixture
def collega(team_noord: Any) -> Medewerker:
    """A second generalist in the same wijkteam."""
    return MedewerkerFactory(
        gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord], username="collega"
    )


@pytest.fixture
def inwoner_elders() -> Inwoner:
    """A resident of another municipality (woonplaatsbeginsel)."""
    elders = GemeenteFactory(cbs_code="GM0889", naam="Peel en Maas")
    return InwonerFactory(gemeente=elders, wijk=WijkFactory(gemeente=elders, naam="Panningen"))


def payload(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "melder_soort": "netwerk",
        "melder_naam": "Kees Jansen (zoon)",
        "melder_contact": "06-12345678",
        "kanaal": "telefoon",
        "domeinen": ["wmo"],
        "urgentie": "normaal",
        "vraag": "Mijn moeder valt vaak en redt het thuis niet meer.",
        "ontvangen_op": vandaag().isoformat(),
    }
    data.update(overrides)
    return data


# --- registration ---------------------------------------------------------------------------


def test_wmo_2_3_2_register_for_a_resident_starts_the_clock_and_logs_the_read(
    midoffice, inwoner_noord
):
    response = api_for(midoffice).post(URL, payload(inwoner=inwoner_noord.pk), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    melding = Melding.objects.get()
    assert body["id"] == melding.pk
    assert body["inwoner"] == {"id": inwoner_noord.pk, "naam": "Anna Jansen"}
    assert body["status"] == "geregistreerd"
    assert body["ontvangen_op"] == vandaag().isoformat()
    assert body["onderzoek_uiterlijk"] == melding.onderzoek_uiterlijk.isoformat()
    assert body["onderzoek_uiterlijk"] >= (vandaag() + dt.timedelta(weeks=6)).isoformat()
    assert body["persoonlijk_plan_uiterlijk"] and body["ontvangstbevestiging_op"]
    assert [g["soort"] for g in body["gebeurtenissen"]] == [
        "geregistreerd",
        "ontvangstbevestiging",
    ]
    # Who did it: the person's name, never the login (as on the dossier page).
    assert body["gebeurtenissen"][0]["door"] == midoffice.user.get_full_name() != "midoffice"
    assert "bsn" not in body["inwoner"]
    inzage = Inzage.objects.get()
    assert (inzage.inwoner_id, inzage.doel, inzage.kanaal) == (inwoner_noord.pk, "toegang", "api")


def test_register_by_bsn(midoffice, inwoner_noord):
    response = api_for(midoffice).post(
        URL, payload(bsn=inwoner_noord.bsn, domeinen=["wmo", "schulden"]), format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["inwoner"]["id"] == inwoner_noord.pk
    assert response.json()["domeinen"] == ["wmo", "schulden"]


def test_jeugdwet_2_6_gp_referral_is_recorded_as_such(midoffice, inwoner_noord):
    response = api_for(midoffice).post(
        URL,
        payload(inwoner=inwoner_noord.pk, melder_soort="huisarts", domeinen=["jeugd"]),
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["wettelijke_verwijzing"] is True


def test_vrijwilliger_registers_an_unknown_person(vrijwilliger):
    response = api_for(vrijwilliger).post(
        URL,
        payload(onbekende_persoon="Meneer van nr. 12, loopt met rollator", kanaal="inloop"),
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["inwoner"] is None
    assert response.json()["onbekende_persoon"].startswith("Meneer van nr. 12")
    assert not Inzage.objects.exists()


@pytest.mark.parametrize(
    ("wie", "overrides", "field", "fragment"),
    [
        ("midoffice", {"melder_soort": ""}, "melder_soort", "wie de melding doet"),
        (
            "midoffice",
            {"ontvangen_op": (timezone.localdate() + dt.timedelta(days=2)).isoformat()},
            "ontvangen_op",
            "toekomst",
        ),
        ("midoffice", {"inwoner": "elders"}, "inwoner", "andere gemeente"),
        ("midoffice", {"bsn": "elders"}, "bsn", "woonplaatsbeginsel"),
        ("generalist", {"inwoner": "zuid"}, "inwoner", "niet gevonden binnen uw werkgebied"),
        ("vrijwilliger", {"bsn": "noord"}, "bsn", "geen inwoner opzoeken"),
        ("vrijwilliger", {"inwoner": "noord"}, "inwoner", "geen inwoner opzoeken"),
        ("midoffice", {}, "inwoner", "beschrijf de persoon"),
        ("midoffice", {"inwoner": "noord", "bsn": "noord"}, "inwoner", "niet allebei"),
        (
            "midoffice",
            {"inwoner": "noord", "onbekende_persoon": "iemand"},
            "onbekende_persoon",
            "alleen",
        ),
        ("midoffice", {"inwoner": "noord", "domeinen": []}, "domeinen", "leefgebied"),
        ("midoffice", {"inwoner": "noord", "vraag": "  "}, "vraag", "woorden van de melder"),
        ("midoffice", {"inwoner": "noord", "vraag": "x" * 100_000}, "vraag", "hoogste 5.000"),
    ],
)
def test_bad_registration_gets_a_dutch_400_and_changes_nothing(
    request, inwoner_noord, inwoner_zuid, inwoner_elders, wie, overrides, field, fragment
):
    inwoners = {"noord": inwoner_noord, "zuid": inwoner_zuid, "elders": inwoner_elders}
    data = payload()
    for key, value in overrides.items():
        if key in ("inwoner", "bsn"):
            value = inwoners[value].pk if key == "inwoner" else inwoners[value].bsn
        data[key] = value
    medewerker = request.getfixturevalue(wie)
    gelezen = Inzage.objects.filter(toegestaan=True)
    before = (Melding.objects.count(), MeldingGebeurtenis.objects.count(), gelezen.count())
    response = api_for(medewerker).post(URL, data, format="json")
    assert response.status_code == 400, response.json()
    assert fragment in " ".join(response.json()[field])
    after = (Melding.objects.count(), MeldingGebeurtenis.objects.count(), gelezen.count())
    assert after == before
    # Naming a resident without the right to search residents, or one not found within the
    # work area (another municipality's, or outside need-to-know), is a refusal: in the log.
    geweigerd = Inzage.objects.filter(user=medewerker.user, toegestaan=False)
    buiten = wie == "vrijwilliger" or any(v in ("elders", "zuid") for v in overrides.values())
    assert geweigerd.count() == (1 if buiten else 0)


def test_wrong_doel_is_refused_before_anything_is_written(midoffice, inwoner_noord):
    response = api_for(midoffice).post(
        f"{URL}?doel=nieuwsgierig", payload(inwoner=inwoner_noord.pk), format="json"
    )
    assert response.status_code == 400
    assert "doel" in response.json()
    assert not Melding.objects.exists()


# --- worklist --------------------------------------------------------------------------------


@pytest.fixture
def werkvoorraad(midoffice, generalist, wijken, inwoner_noord, inwoner_zuid) -> dict[str, Melding]:
    """One melding per deadline state and some routed ones, written by the services."""
    door = midoffice.user
    verlopen = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(weeks=8))
    bijna = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(days=40))
    opgeschort = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(days=3))
    services.melding_suspend(
        melding=Melding.objects.get(pk=opgeschort.pk), actor=door, van=vandaag(), reden="Papieren"
    )
    zuid = registreer(midoffice, inwoner_zuid, domeinen=["participatie"])
    toegewezen = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(days=1))
    services.melding_assign(melding=toegewezen, actor=door, medewerker=generalist)
    beantwoord = registreer(midoffice, inwoner_noord)
    services.melding_answer(melding=beantwoord, actor=door, antwoord="Sociale kaart: klussendienst")
    onbekend = registreer(midoffice, None)
    return {
        "verlopen": verlopen,
        "bijna": bijna,
        "opgeschort": opgeschort,
        "zuid": zuid,
        "toegewezen": toegewezen,
        "beantwoord": beantwoord,
        "onbekend": onbekend,
    }


def test_list_row_shape_without_bsn(midoffice, werkvoorraad, inwoner_noord, generalist):
    rows = api_for(midoffice).get(URL, {"status": "toegewezen"}).json()["results"]
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == {
        "id",
        "url",
        "status",
        "ontvangen_op",
        "onderzoek_uiterlijk",
        "termijnstand",
        "domeinen",
        "inwoner",
        "team",
        "medewerker",
    }
    assert row["inwoner"] == {"id": inwoner_noord.pk, "naam": "Anna Jansen"}
    assert row["team"]["naam"] == "Wijkteam Noord"
    assert row["medewerker"] == {"id": generalist.pk, "naam": str(generalist)}
    assert row["url"].endswith(detail_url(werkvoorraad["toegewezen"]))
    assert row["domeinen"] == ["wmo"]
    assert inwoner_noord.bsn not in str(rows)


def test_list_filters(midoffice, generalist, werkvoorraad, wijken, team_noord):
    m = {name: melding.pk for name, melding in werkvoorraad.items()}
    api = api_for(midoffice)
    # Without status only open meldingen (te screenen or toegewezen).
    assert set(ids(api.get(URL))) == {
        m["verlopen"],
        m["bijna"],
        m["opgeschort"],
        m["zuid"],
        m["toegewezen"],
        m["onbekend"],
    }
    assert ids(api.get(URL, {"status": "beantwoord"})) == [m["beantwoord"]]
    assert ids(api.get(URL, {"termijn": "verlopen"})) == [m["verlopen"]]
    assert ids(api.get(URL, {"termijn": "bijna_verlopen"})) == [m["bijna"]]
    assert ids(api.get(URL, {"termijn": "opgeschort"})) == [m["opgeschort"]]
    assert m["verlopen"] not in ids(api.get(URL, {"termijn": "op_schema"}))
    assert ids(api.get(URL, {"team": team_noord.pk})) == [m["toegewezen"]]
    assert ids(api.get(URL, {"medewerker": generalist.pk})) == [m["toegewezen"]]
    assert ids(api_for(generalist).get(URL, {"medewerker": "mij"})) == [m["toegewezen"]]
    assert ids(api.get(URL, {"wijk": wijken["Zuid"].pk})) == [m["zuid"]]
    assert ids(api.get(URL, {"domein": "participatie"})) == [m["zuid"]]
    rows = api.get(URL, {"termijn": "opgeschort"}).json()["results"]
    assert rows[0]["termijnstand"] == "opgeschort" and rows[0]["onderzoek_uiterlijk"] is None
    assert api.get(URL, {"termijn": "verlopen"}).json()["results"][0]["termijnstand"] == "verlopen"


def test_list_sorting_and_pagination(midoffice, werkvoorraad):
    api = api_for(midoffice)
    rows = api.get(URL, {"sortering": "-ontvangen"}).json()["results"]
    dates = [r["ontvangen_op"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    rows = api.get(URL, {"sortering": "termijn"}).json()["results"]
    deadlines = [r["onderzoek_uiterlijk"] for r in rows if r["onderzoek_uiterlijk"]]
    assert deadlines == sorted(deadlines)
    body = api.get(URL, {"per_pagina": 2}).json()
    assert body["count"] == 6 and len(body["results"]) == 2 and body["next"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"termijn": "bijna"}, "termijn"),
        ({"medewerker": "iemand"}, "medewerker"),
        ({"medewerker": "999999"}, "medewerker"),
        ({"team": 999999}, "team"),
        ({"sortering": "naam"}, "sortering"),
        ({"status": "open"}, "status"),
    ],
)
def test_bad_filters_get_a_400(midoffice, params, field):
    response = api_for(midoffice).get(URL, params)
    assert response.status_code == 400
    assert field in response.json()


def test_tellingen_per_termijnstand(midoffice, generalist, werkvoorraad, wijken):
    api = api_for(midoffice)
    response = api.get(f"{URL}tellingen/")
    assert response.status_code == 200
    body = response.json()
    # onbekend and zuid were received today, toegewezen yesterday: on schedule.
    assert body == {
        "op_schema": 3,
        "bijna_verlopen": 1,
        "verlopen": 1,
        "opgeschort": 1,
        "totaal": 6,
    }
    assert api.get(f"{URL}tellingen/", {"wijk": wijken["Zuid"].pk}).json()["totaal"] == 1
    # The counts are per state: a termijn filter does not narrow them.
    assert api.get(f"{URL}tellingen/", {"termijn": "verlopen"}).json() == body
    mine = api_for(generalist).get(f"{URL}tellingen/", {"medewerker": "mij"}).json()
    assert mine["op_schema"] == 1 and mine["totaal"] == 1


def test_list_is_limited_to_the_need_to_know_scope(generalist, werkvoorraad):
    listed = set(ids(api_for(generalist).get(URL, {"per_pagina": 100})))
    assert werkvoorraad["zuid"].pk not in listed  # another wijk
    assert werkvoorraad["onbekend"].pk not in listed  # only screeners see unknown persons
    assert werkvoorraad["toegewezen"].pk in listed


# --- detail ---------------------------------------------------------------------------------


def test_detail_has_the_legal_dates_history_and_is_logged(generalist, werkvoorraad):
    melding = werkvoorraad["toegewezen"]
    response = api_for(generalist).get(detail_url(melding), HTTP_X_EENPLAN_DOEL="plan")
    assert response.status_code == 200
    body = response.json()
    for field in (
        "ontvangen_op",
        "onderzoek_uiterlijk",
        "persoonlijk_plan_uiterlijk",
        "ontvangstbevestiging_op",
        "wettelijke_verwijzing",
        "vraag",
        "melder_soort",
        "kanaal",
        "urgentie",
        "opschortingen",
    ):
        assert field in body, field
    toegewezen = body["gebeurtenissen"][-1]
    assert toegewezen["soort"] == "toegewezen"
    assert (toegewezen["van_status"], toegewezen["naar_status"]) == ("geregistreerd", "toegewezen")
    assert toegewezen["door"] != "midoffice" and toegewezen["door"].startswith("Mo ")
    assert toegewezen["medewerker"]["id"] == generalist.pk
    assert toegewezen["team"]["naam"] == "Wijkteam Noord"
    assert toegewezen["moment"]
    inzage = gelogd().get()
    assert (inzage.user_id, inzage.inwoner_id) == (generalist.user_id, melding.inwoner_id)
    assert (inzage.doel, inzage.kanaal, inzage.toegestaan) == ("plan", "api", True)


def test_detail_default_doel_comes_from_the_role(generalist, werkvoorraad):
    assert api_for(generalist).get(detail_url(werkvoorraad["verlopen"])).status_code == 200
    assert gelogd().get().doel == "onderzoek"


def test_detail_of_an_unknown_person_logs_nothing(midoffice, werkvoorraad):
    response = api_for(midoffice).get(detail_url(werkvoorraad["onbekend"]))
    assert response.status_code == 200
    assert response.json()["inwoner"] is None
    assert not gelogd().exists()


def test_detail_shows_suspensions(midoffice, werkvoorraad):
    body = api_for(midoffice).get(detail_url(werkvoorraad["opgeschort"])).json()
    assert body["onderzoek_uiterlijk"] is None
    [opschorting] = body["opschortingen"]
    assert (opschorting["reden"], opschorting["tot"]) == ("Papieren", None)


def test_out_of_scope_is_403_and_unknown_is_404(generalist, werkvoorraad):
    api = api_for(generalist)
    response = api.get(detail_url(werkvoorraad["zuid"]))
    assert response.status_code == 403
    assert "buiten uw werkgebied" in response.json()["detail"]
    assert api.get(detail_url(999999)).status_code == 404
    assert api.get(f"{URL}abc/").status_code == 404
    response = api.post(detail_url(werkvoorraad["zuid"], "opschorten"), {}, format="json")
    assert response.status_code == 403
    refused = gelogd().filter(user=generalist.user, toegestaan=False)
    # Every refused look at a resident's melding is logged, and so is the id not found within
    # the municipality (ADR 0046), without a resident.
    assert refused.count() == 3
    assert set(refused.values_list("inwoner_id", flat=True)) == {
        werkvoorraad["zuid"].inwoner_id,
        None,
    }
    assert refused.get(inwoner_id=None).reden == f"Melding 999999: {NIET_BINNEN_GEMEENTE}."
    assert set(refused.values_list("handeling", flat=True)) == {"lezen", "opschorten"}
    assert not gelogd().filter(toegestaan=True).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("get", "tellingen/"),
        ("post", ""),
        ("get", "{id}/"),
        ("post", "{id}/beantwoorden/"),
        ("post", "{id}/toewijzen/"),
        ("post", "{id}/opschorten/"),
        ("post", "{id}/afsluiten/"),
    ],
)
def test_beleid_has_no_access(beleid, werkvoorraad, method, path):
    url = URL + path.format(id=werkvoorraad["verlopen"].pk)
    response = getattr(api_for(beleid), method)(url, {}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"].startswith(access.GEEN_ROL.split("{")[0])
    # The refusal for lack of a role is in the access log too, with its reason.
    [inzage] = gelogd()
    assert (inzage.user, inzage.toegestaan, inzage.onderwerp) == (beleid.user, False, "melding")
    assert inzage.reden == response.json()["detail"]


def test_vrijwilliger_registers_but_cannot_read_the_worklist(vrijwilliger, werkvoorraad):
    api = api_for(vrijwilliger)
    assert api.get(URL).status_code == 403
    assert api.get(detail_url(werkvoorraad["onbekend"])).status_code == 403


def test_token_authentication(generalist, werkvoorraad):
    _, sleutel = api_sleutel_create(user=generalist.user, naam="test")
    client = APIClient()
    assert client.get(URL).status_code in (401, 403)
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert werkvoorraad["toegewezen"].pk in ids(client.get(URL))
    assert client.get(detail_url(werkvoorraad["toegewezen"])).status_code == 200


# --- actions --------------------------------------------------------------------------------


def post(api: APIClient, melding: Melding, actie: str, data: dict[str, Any]) -> Any:
    return api.post(detail_url(melding, actie), data, format="json")


def unchanged(melding: Melding) -> Callable[[], None]:
    """Assert later that a refused action changed neither the melding nor its history."""
    before = (Melding.objects.filter(pk=melding.pk).values().get(), melding.gebeurtenissen.count())

    def check() -> None:
        after = (
            Melding.objects.filter(pk=melding.pk).values().get(),
            melding.gebeurtenissen.count(),
        )
        assert after == before

    return check


def test_beantwoorden(midoffice, generalist, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord)
    api = api_for(midoffice)
    check = unchanged(melding)
    response = post(api, melding, "beantwoorden", {"antwoord": "  "})
    assert response.status_code == 400
    assert "antwoord" in response.json()["antwoord"][0]
    check()
    assert post(api_for(generalist), melding, "beantwoorden", {"antwoord": "x"}).status_code == 403
    response = post(api, melding, "beantwoorden", {"antwoord": "Verwezen naar de klussendienst."})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["antwoord"]) == ("beantwoord", "Verwezen naar de klussendienst.")
    assert body["gebeurtenissen"][-1]["soort"] == "beantwoord"
    assert Inzage.objects.filter(user=midoffice.user, doel="toegang").exists()
    response = post(api, melding, "beantwoorden", {"antwoord": "Nog eens"})
    assert response.status_code == 400
    assert "geregistreerd" in response.json()["detail"][0]


def test_doorzetten(midoffice, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord)
    api = api_for(midoffice)
    check = unchanged(melding)
    response = post(api, melding, "doorzetten", {"naar": "extern"})
    assert response.status_code == 400
    assert "organisatie" in response.json()["organisatie"][0]
    check()
    response = post(
        api,
        melding,
        "doorzetten",
        {"naar": "extern", "organisatie": "Humanitas", "toelichting": "Thuisadministratie"},
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "doorgezet"
    assert body["doorgezet"] == {"naar": "extern", "organisatie": "Humanitas"}


def test_identificeren(midoffice, inwoner_noord, inwoner_elders):
    melding = registreer(midoffice, None)
    api = api_for(midoffice)
    check = unchanged(melding)
    response = post(api, melding, "identificeren", {"inwoner": inwoner_elders.pk})
    assert response.status_code == 400
    assert "woonplaatsbeginsel" in response.json()["inwoner"][0]
    assert post(api, melding, "identificeren", {}).status_code == 400
    check()
    # The other municipality's resident: a refused row of the login's own municipality.
    [geweigerd] = Inzage.objects.filter(toegestaan=False)
    assert (geweigerd.handeling, geweigerd.inwoner_id) == ("screenen", None)
    assert geweigerd.gemeente_id == midoffice.gemeente_id
    response = post(api, melding, "identificeren", {"bsn": inwoner_noord.bsn})
    assert response.status_code == 200, response.json()
    assert response.json()["inwoner"]["id"] == inwoner_noord.pk
    assert Inzage.objects.get(toegestaan=True).inwoner_id == inwoner_noord.pk


def test_toewijzen_jeugd_only_to_a_registered_professional(
    midoffice, generalist, jeugdprofessional, inwoner_noord
):
    melding = registreer(midoffice, inwoner_noord, domeinen=["jeugd"])
    api = api_for(midoffice)
    check = unchanged(melding)
    response = post(api, melding, "toewijzen", {"medewerker": generalist.pk})
    assert response.status_code == 400
    assert response.json()["medewerker"][0].startswith(
        "Een melding over jeugd mag alleen naar een jeugdprofessional met een geldige registratie"
    )
    check()
    response = post(
        api, melding, "toewijzen", {"medewerker": jeugdprofessional.pk, "reden": "Expertise"}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "toegewezen"
    assert body["medewerker"]["id"] == jeugdprofessional.pk
    assert body["team"]["naam"] == "Wijkteam Noord"


def test_toewijzen_refuses_an_expired_registration(midoffice, jeugdprofessional, inwoner_noord):
    jeugdprofessional.registratie_geldig_tot = vandaag() - dt.timedelta(days=1)
    jeugdprofessional.save()
    melding = registreer(midoffice, inwoner_noord, domeinen=["jeugd"])
    response = post(api_for(midoffice), melding, "toewijzen", {})
    assert response.status_code == 400
    assert "geen jeugdprofessional met een geldige registratie" in response.json()["medewerker"][0]


def test_toewijzen_round_robin_and_unknown_ids(midoffice, generalist, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord)
    api = api_for(midoffice)
    assert post(api, melding, "toewijzen", {"team": 999999}).json() == {
        "team": ["Team 999999 is onbekend in uw gemeente."]
    }
    assert post(api, melding, "toewijzen", {"medewerker": 999999}).status_code == 400
    response = post(api, melding, "toewijzen", {})
    assert response.status_code == 200, response.json()
    assert response.json()["medewerker"]["id"] == generalist.pk
    assert post(api_for(generalist), melding, "toewijzen", {}).status_code == 403  # no right


def test_opschorten_and_hervatten(midoffice, generalist, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(days=10))
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    oorspronkelijk = Melding.objects.get(pk=melding.pk).onderzoek_uiterlijk
    api = api_for(generalist)
    check = unchanged(melding)
    response = post(api, melding, "opschorten", {"van": vandaag().isoformat(), "reden": " "})
    assert response.status_code == 400
    assert "reden" in response.json()
    morgen = (vandaag() + dt.timedelta(days=1)).isoformat()
    response = post(api, melding, "opschorten", {"van": morgen, "reden": "Papieren"})
    assert response.status_code == 400
    assert "toekomst" in response.json()["van"][0]
    check()
    van = (vandaag() - dt.timedelta(days=4)).isoformat()
    response = post(api, melding, "opschorten", {"van": van, "reden": "Wacht op papieren"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["onderzoek_uiterlijk"] is None  # the clock stands still
    [opschorting] = body["opschortingen"]
    assert opschorting["reden"] == "Wacht op papieren"

    andere = registreer(midoffice, inwoner_noord, ontvangen_op=vandaag() - dt.timedelta(days=5))
    vreemde = services.melding_suspend(
        melding=andere, actor=midoffice.user, van=vandaag(), reden="Elders"
    )
    response = post(
        api, melding, "hervatten", {"opschorting": vreemde.pk, "tot": vandaag().isoformat()}
    )
    assert response.status_code == 400
    assert "hoort niet bij deze melding" in response.json()["opschorting"][0]

    response = post(
        api, melding, "hervatten", {"opschorting": opschorting["id"], "tot": vandaag().isoformat()}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["opschortingen"][0]["tot"] == vandaag().isoformat()
    assert body["onderzoek_uiterlijk"] >= oorspronkelijk.isoformat()  # moved by suspended days
    assert body["gebeurtenissen"][-1]["soort"] == "hervat"
    response = post(
        api, melding, "hervatten", {"opschorting": opschorting["id"], "tot": vandaag().isoformat()}
    )
    assert response.status_code == 409
    assert "al beëindigd" in response.json()["fouten"]["tot"][0]


def test_koppelen_only_within_the_household(midoffice, generalist, inwoner_noord, wijken):
    partner = InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    huishouden_create(
        gemeente=inwoner_noord.gemeente,
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
            (partner, Relatie.PARTNER, dt.date(2000, 1, 1)),
        ],
    )
    bestaande = registreer(midoffice, inwoner_noord)
    services.melding_assign(melding=bestaande, actor=midoffice.user, medewerker=generalist)
    buren = registreer(midoffice, InwonerFactory(gemeente=partner.gemeente, wijk=wijken["Noord"]))
    nieuwe = registreer(midoffice, partner, vraag="Mijn vrouw heeft meer zorg nodig.")
    api = api_for(midoffice)
    check = unchanged(nieuwe)
    response = post(api, nieuwe, "koppelen", {"bestaande": buren.pk})
    assert response.status_code == 400
    assert "dezelfde inwoner of hetzelfde huishouden" in response.json()["bestaande"][0]
    response = post(api, nieuwe, "koppelen", {"bestaande": 999999})
    assert response.status_code == 400
    assert "buiten uw werkgebied" in response.json()["bestaande"][0]
    check()
    response = post(api, nieuwe, "koppelen", {"bestaande": bestaande.pk})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["gekoppeld_aan"]) == ("gekoppeld", bestaande.pk)
    assert body["medewerker"]["id"] == generalist.pk  # one contact person for the household


def test_koppelen_to_a_melding_outside_scope_is_refused(
    midoffice, team_noord, inwoner_noord, wijken
):
    """A screener who serves only Noord cannot link to the partner's melding in Zuid, even
    within one household: the existing melding must be in their own scope."""
    from eenplan.testing.factories import TeamFactory

    toegang_noord = TeamFactory(
        gemeente=team_noord.gemeente, soort="midoffice", wijken=[wijken["Noord"]]
    )
    screener = MedewerkerFactory(
        gemeente=team_noord.gemeente, functie=Rol.MIDOFFICE, teams=[toegang_noord]
    )
    partner = InwonerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Zuid"])
    huishouden_create(
        gemeente=inwoner_noord.gemeente,
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(2000, 1, 1)),
            (partner, Relatie.PARTNER, dt.date(2000, 1, 1)),
        ],
    )
    bestaande = registreer(midoffice, partner)
    nieuwe = registreer(midoffice, inwoner_noord)
    check = unchanged(nieuwe)
    response = post(api_for(screener), nieuwe, "koppelen", {"bestaande": bestaande.pk})
    assert response.status_code == 400
    assert "buiten uw werkgebied" in response.json()["bestaande"][0]
    check()
    response = post(api_for(midoffice), nieuwe, "koppelen", {"bestaande": bestaande.pk})
    assert response.status_code == 200  # the screener for all wijken may


def test_afsluiten_by_the_assigned_medewerker_only(midoffice, generalist, collega, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord)
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    check = unchanged(melding)
    response = post(api_for(collega), melding, "afsluiten", {"toelichting": "Klaar"})
    assert response.status_code == 403
    assert "toegewezen medewerker" in response.json()["detail"]
    response = post(api_for(generalist), melding, "afsluiten", {"toelichting": ""})
    assert response.status_code == 400
    assert "waarom" in response.json()["toelichting"][0]
    check()
    response = post(api_for(generalist), melding, "afsluiten", {"toelichting": "Plan gemaakt"})
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "afgesloten"


def test_afsluiten_by_the_midoffice(midoffice, generalist, inwoner_noord):
    melding = registreer(midoffice, inwoner_noord)
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    response = post(api_for(midoffice), melding, "afsluiten", {"toelichting": "Dubbel"})
    assert response.status_code == 200
    assert response.json()["status"] == "afgesloten"


# --- schema and query budget ----------------------------------------------------------------


def test_schema_documents_the_meldingen_api():
    out = StringIO()
    call_command("spectacular", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    for path in (
        "/api/v1/meldingen/",
        "/api/v1/meldingen/{id}/",
        "/api/v1/meldingen/tellingen/",
        "/api/v1/meldingen/{id}/toewijzen/",
        "/api/v1/meldingen/{id}/opschorten/",
    ):
        assert path in paths, path


def _meldingen(midoffice: Medewerker, generalist: Medewerker, inwoners: list[Inwoner], n: int):
    """n meldingen in varied states: routed, suspended, overdue and about unknown persons."""
    for i in range(n):
        soort = i % 4
        inwoner = None if soort == 3 else inwoners[i % len(inwoners)]
        dagen = 60 if soort == 1 else i % 20
        melding = registreer(midoffice, inwoner, ontvangen_op=vandaag() - dt.timedelta(days=dagen))
        if soort == 0:
            Melding.objects.filter(pk=melding.pk).update(
                status="toegewezen", team=generalist.teams.get(), medewerker=generalist
            )
        elif soort == 2:
            Melding.objects.filter(pk=melding.pk).update(onderzoek_uiterlijk=None)


@pytest.mark.parametrize("path", [URL, f"{URL}tellingen/"])
def test_worklist_uses_the_same_number_of_queries_for_5_and_500(
    midoffice, generalist, wijken, django_assert_num_queries, path
):
    inwoners = [
        InwonerFactory(gemeente=wijken[w].gemeente, wijk=wijken[w]) for w in ("Noord", "Zuid")
    ]
    _meldingen(midoffice, generalist, inwoners, 5)
    api = api_for(midoffice)
    api.get(path)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as few:
        response = api.get(path, {"per_pagina": 500})
    assert response.status_code == 200
    _meldingen(midoffice, generalist, inwoners, 495)
    with django_assert_num_queries(len(few.captured_queries)):
        response = api.get(path, {"per_pagina": 500})
    body = response.json()
    if path == URL:
        assert body["count"] == 500 and len(body["results"]) == 500
    else:
        assert body["totaal"] == 500


def test_detail_page_and_api_detail_give_the_worklist_deadline_state(
    client, midoffice, werkvoorraad
):
    """One SQL expression (`common.termijnstand`) for the worklist, the page and the API."""
    from eenplan.conftest import login
    from eenplan.meldingen.constants import TermijnStand

    api = api_for(midoffice)
    rijen = api.get(URL, {"per_pagina": 100}).json()["results"]
    lijst = {r["id"]: r["termijnstand"] for r in rijen}
    login(client, midoffice)
    gezien = set()
    for naam in ("verlopen", "bijna", "opgeschort", "toegewezen"):
        melding = werkvoorraad[naam]
        stand = api.get(detail_url(melding)).json()["termijnstand"]
        assert stand == lijst[melding.pk], naam
        body = client.get(f"/meldingen/{melding.pk}/").content.decode()
        assert TermijnStand(stand).label in body, naam
        gezien.add(stand)
    assert gezien == {"verlopen", "bijna_verlopen", "opgeschort", "op_schema"}


def test_pages_and_total_come_from_one_query_and_agree_with_the_page(
    client, midoffice, werkvoorraad, django_assert_max_num_queries
):
    """The API reads its page and its total as the worklist page does (one query: the total
    from the counts per deadline state); the last page holds the rest, a page beyond it is a
    404 with DRF's message, the filter on a deadline state counts only that state."""
    api = api_for(midoffice)
    eerste = api.get(URL, {"per_pagina": 4}).json()
    laatste = api.get(URL, {"per_pagina": 4, "pagina": 2}).json()
    assert eerste["count"] == laatste["count"] == 6
    assert len(eerste["results"]) == 4 and len(laatste["results"]) == 2
    assert laatste["next"] is None and laatste["previous"]
    ids = [r["id"] for r in eerste["results"] + laatste["results"]]
    assert len(set(ids)) == 6
    assert api.get(URL, {"per_pagina": 4, "pagina": 3}).status_code == 404
    assert api.get(URL, {"pagina": "twee"}).status_code == 404
    login(client, midoffice)
    pagina = client.get(reverse("meldingen:werkvoorraad"), {"weergave": "alle"}).context["page"]
    assert pagina.paginator.count == 6
    verlopen = api.get(URL, {"termijn": "verlopen"}).json()
    assert verlopen["count"] == len(verlopen["results"]) >= 1
    assert {r["termijnstand"] for r in verlopen["results"]} == {"verlopen"}
    with django_assert_max_num_queries(5) as gevangen:  # session, login, list, log (+ notes)
        api.get(URL, {"per_pagina": 4})
    assert not [q for q in gevangen.captured_queries if "__count" in q["sql"]]  # no own COUNT
