"""The onderzoeken REST API: the worklist and its filters, the logged onderzoek, every action of
the form with its refusal (which changes nothing), roles and need-to-know, the schema and a
flat query budget. Onderzoeken are made as the application makes them: melding -> assign ->
onderzoek_start."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import netwerkpersoon_add
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal as MeldingKanaal
from eenplan.meldingen.constants import MelderSoort
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken import services
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Afweging, Gesprek, Leefgebied, Onderzoek, ZrmScore
from eenplan.privacy.models import Inzage
from eenplan.rules.onderzoek import ONDERDELEN
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/onderzoeken/"


def vandaag() -> dt.date:
    return timezone.localdate()


def url(onderzoek: Onderzoek | int, actie: str = "") -> str:
    pk = onderzoek if isinstance(onderzoek, int) else onderzoek.pk
    return f"{URL}{pk}/" + (f"{actie}/" if actie else "")


def melding_voor(inwoner: Inwoner, midoffice: Medewerker, generalist: Medewerker) -> Melding:
    melding = meldingen.melding_register(
        gemeente=inwoner.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.NETWERK,
        kanaal=MeldingKanaal.TELEFOON,
        vraag="Moeder redt het niet meer thuis.",
        ontvangen_op=vandaag() - dt.timedelta(days=10),
        domeinen=["wmo"],
        inwoner=inwoner,
    )
    return meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)


def start(inwoner: Inwoner, midoffice: Medewerker, generalist: Medewerker) -> Onderzoek:
    melding = melding_voor(inwoner, midoffice, generalist)
    return services.onderzoek_start(melding=melding, actor=generalist.user)


@pytest.fixture
def onderzoek(inwoner_noord: Inwoner, midoffice: Medewerker, generalist: Medewerker) -> Onderzoek:
    return start(inwoner_noord, midoffice, generalist)


@pytest.fixture
def generalist_zuid(gemeente: Any, wijken: dict[str, Any]) -> Medewerker:
    team = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Zuid", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Zuid"]]
    )
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.GENERALIST, teams=[team], username="generalist_zuid"
    )


@pytest.fixture
def onderzoek_zuid(
    inwoner_zuid: Inwoner, midoffice: Medewerker, generalist_zuid: Medewerker
) -> Onderzoek:
    return start(inwoner_zuid, midoffice, generalist_zuid)


@pytest.fixture
def backoffice(gemeente: Any, team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice"
    )


def compleet(api: APIClient, onderzoek: Onderzoek) -> None:
    """Everything the verslag needs, through the API."""
    response = api.post(
        url(onderzoek, "gesprekken"),
        {"datum": vandaag(), "plaats": "Bij mevrouw thuis", "deelnemers": ["inwoner"]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    for o in ONDERDELEN:
        response = api.put(
            url(onderzoek, "onderdelen"), {"code": o.code, "antwoord": f"Besproken {o.code}"}
        )
        assert response.status_code == 200, response.json()
    response = api.post(
        url(onderzoek, "controles"),
        {"clientondersteuning_gewezen": True, "pgb_uitgelegd": True},
        format="json",
    )
    assert response.status_code == 200, response.json()


# --- reading ------------------------------------------------------------------------------


def test_list_shows_onderzoeken_in_scope_without_bsn(
    onderzoek, onderzoek_zuid, generalist, generalist_zuid
):
    response = api_for(generalist).get(URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [onderzoek.pk]
    row = rows[0]
    assert row["inwoner"] == {"id": onderzoek.inwoner_id, "naam": "Anna Jansen"}
    assert row["status"] == "lopend" and row["onderzoek_uiterlijk"]
    assert "bsn" not in str(row)
    assert not Inzage.objects.filter(kanaal="api").exists()  # a list row is not a dossier read


def test_list_filters_status_inwoner_and_medewerker(onderzoek, generalist, midoffice, wijken):
    ander = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    tweede = start(ander, midoffice, generalist)
    Onderzoek.objects.filter(pk=tweede.pk).update(status=OnderzoekStatus.DEFINITIEF)
    api = api_for(generalist)

    def ids(**params: Any) -> list[int]:
        response = api.get(URL, params)
        assert response.status_code == 200, response.json()
        return [r["id"] for r in response.json()["results"]]

    assert ids(status="lopend") == [onderzoek.pk]
    assert ids(status="definitief") == [tweede.pk]
    assert ids(inwoner=ander.pk) == [tweede.pk]
    assert set(ids(medewerker="mij")) == {onderzoek.pk, tweede.pk}
    assert ids(medewerker=midoffice.pk) == []
    response = api.get(URL, {"medewerker": "iemand"})
    assert response.status_code == 400 and "mij" in str(response.json())
    assert api.get(URL, {"status": "klaar"}).status_code == 400


def test_detail_shows_the_onderzoek_and_logs_the_read(onderzoek, generalist):
    response = api_for(generalist).get(url(onderzoek))
    assert response.status_code == 200
    body = response.json()
    assert [o["code"] for o in body["onderdelen"]] == list("abcdefg")
    assert body["onderdelen"][0]["titel"] == ONDERDELEN[0].titel
    assert body["termijn"]["uiterlijk"] == onderzoek.melding.onderzoek_uiterlijk.isoformat()
    assert body["termijn"]["verlopen"] is False
    assert any("gesprek" in m for m in body["ontbrekend"])
    assert body["gesprekken"] == [] and body["afwegingen"] == [] and body["scores"] == []
    inzage = Inzage.objects.get(kanaal="api")
    assert (inzage.inwoner_id, inzage.doel, inzage.kanaal, inzage.toegestaan) == (
        onderzoek.inwoner_id,
        "onderzoek",  # the generalist's default purpose
        "api",
        True,
    )


def test_detail_logs_the_purpose_given(onderzoek, generalist):
    api = api_for(generalist)
    assert api.get(url(onderzoek), HTTP_X_EENPLAN_DOEL="plan").status_code == 200
    assert api.get(url(onderzoek), {"doel": "bezwaar"}).status_code == 200
    gelezen = Inzage.objects.filter(kanaal="api").order_by("id")
    assert list(gelezen.values_list("doel", flat=True)) == ["plan", "bezwaar"]
    response = api.get(url(onderzoek), {"doel": "nieuwsgierig"})
    assert response.status_code == 400 and "doel" in response.json()
    assert gelezen.count() == 2


def test_out_of_scope_is_403_with_reason_and_logged_as_refused(onderzoek_zuid, generalist):
    response = api_for(generalist).get(url(onderzoek_zuid))
    assert response.status_code == 403
    assert "werkgebied" in response.json()["detail"]
    inzage = Inzage.objects.get(user=generalist.user, kanaal="api")
    assert inzage.inwoner_id == onderzoek_zuid.inwoner_id and inzage.toegestaan is False
    assert inzage.handeling == "lezen"
    response = api_for(generalist).post(url(onderzoek_zuid, "definitief"))
    assert response.status_code == 403
    geweigerd = Inzage.objects.filter(user=generalist.user, toegestaan=False).order_by("id")
    assert [r.handeling for r in geweigerd] == ["lezen", "wijzigen"]


def test_unknown_onderzoek_is_404(generalist):
    assert api_for(generalist).get(url(999_999)).status_code == 404
    assert api_for(generalist).get(f"{URL}abc/").status_code == 404


def test_beleid_and_anonymous_are_refused(onderzoek, beleid):
    assert api_for(beleid).get(URL).status_code == 403
    assert api_for(beleid).get(url(onderzoek)).status_code == 403
    assert APIClient().get(URL).status_code in (401, 403)
    assert APIClient().post(url(onderzoek, "definitief")).status_code in (401, 403)
    # Nothing was read; both refusals of the policy officer are in the access log.
    assert not Inzage.objects.filter(toegestaan=True, kanaal="api").exists()
    assert Inzage.objects.filter(toegestaan=False, gebruikersnaam="beleid").count() == 2


def test_backoffice_reads_but_does_not_hold_the_onderzoek(onderzoek, backoffice):
    api = api_for(backoffice)
    assert api.get(url(onderzoek)).status_code == 200
    response = api.post(
        url(onderzoek, "gesprekken"),
        {"datum": vandaag(), "plaats": "Thuis", "deelnemers": ["inwoner"]},
        format="json",
    )
    assert response.status_code == 403
    assert not Gesprek.objects.exists()


def test_leefgebieden_of_the_active_instrument(generalist):
    response = api_for(generalist).get(f"{URL}leefgebieden/")
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 11 and body[0]["code"] == "financien"
    assert [a["score"] for a in body[0]["ankers"]] == [1, 2, 3, 4, 5]


# --- writing ------------------------------------------------------------------------------


def test_create_starts_the_onderzoek_of_an_assigned_melding(inwoner_noord, midoffice, generalist):
    melding = melding_voor(inwoner_noord, midoffice, generalist)
    api = api_for(generalist)
    response = api.post(URL, {"melding": melding.pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["melding"]["id"] == melding.pk and body["status"] == "lopend"
    assert len(body["onderdelen"]) == 7
    assert Inzage.objects.filter(inwoner=inwoner_noord).exists()

    response = api.post(URL, {"melding": melding.pk})
    assert response.status_code == 409
    assert "loopt al" in response.json()["detail"]
    assert Onderzoek.objects.count() == 1
    response = api.post(URL, {"melding": 999_999})
    assert response.status_code == 400 and "melding" in response.json()


def test_gesprek_is_recorded_and_a_future_date_refused(onderzoek, generalist):
    api = api_for(generalist)
    response = api.post(
        url(onderzoek, "gesprekken"),
        {
            "datum": vandaag() + dt.timedelta(days=3),
            "plaats": "Thuis",
            "deelnemers": ["inwoner"],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "toekomst" in response.json()["datum"][0]
    assert not Gesprek.objects.exists()
    response = api.post(
        url(onderzoek, "gesprekken"),
        {
            "datum": vandaag(),
            "plaats": "Bij mevrouw thuis",
            "deelnemers": ["inwoner", "mantelzorger"],
            "notities": "Dochter Lotte was erbij.",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["gesprekken"][0]["deelnemers"] == ["inwoner", "mantelzorger"]


def test_onderdeel_saved_by_put_or_post_unknown_code_refused(onderzoek, generalist):
    api = api_for(generalist)
    response = api.put(url(onderzoek, "onderdelen"), {"code": "a", "antwoord": "Wil thuis wonen"})
    assert response.status_code == 200
    response = api.post(
        url(onderzoek, "onderdelen"),
        {"code": "g", "reden_niet_van_toepassing": "Geen maatwerk nodig"},
    )
    assert response.status_code == 200
    onderdelen = {o["code"]: o for o in response.json()["onderdelen"]}
    assert onderdelen["a"]["antwoord"] == "Wil thuis wonen"
    assert onderdelen["g"]["reden_niet_van_toepassing"] == "Geen maatwerk nodig"
    response = api.put(url(onderzoek, "onderdelen"), {"code": "z", "antwoord": "?"})
    assert response.status_code == 400
    assert "a tot en met g" in response.json()["code"][0]


def test_controles_are_saved(onderzoek, generalist):
    response = api_for(generalist).post(
        url(onderzoek, "controles"),
        {"clientondersteuning_gewezen": True, "pgb_uitgelegd": False},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["clientondersteuning_gewezen"] is True and body["pgb_uitgelegd"] is False
    assert body["mantelzorger_besproken"] is None
    assert any("persoonsgebonden budget" in m for m in body["ontbrekend"])
    response = api_for(generalist).post(url(onderzoek, "controles"), {}, format="json")
    assert response.status_code == 400


def test_afweging_needs_a_reason_when_the_step_falls_short(onderzoek, generalist):
    api = api_for(generalist)
    response = api.post(
        url(onderzoek, "afwegingen"),
        {"stap": 1, "bevinding": "Kan zelf niet meer koken", "volstaat": False},
        format="json",
    )
    assert response.status_code == 400
    assert "reden_niet_toereikend" in response.json()
    assert not Afweging.objects.exists()
    response = api.post(
        url(onderzoek, "afwegingen"),
        {
            "stap": 1,
            "bevinding": "Kan zelf niet meer koken",
            "volstaat": False,
            "reden_niet_toereikend": "Artrose in beide handen",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["afwegingen"] == [
        {
            "stap": 1,
            "stap_naam": "Eigen kracht",
            "bevinding": "Kan zelf niet meer koken",
            "volstaat": False,
            "reden_niet_toereikend": "Artrose in beide handen",
        }
    ]
    response = api.post(
        url(onderzoek, "afwegingen"), {"stap": 9, "bevinding": "x", "volstaat": True}
    )
    assert response.status_code == 400


def test_score_is_recorded_and_outside_the_scale_refused(onderzoek, generalist):
    leefgebied = Leefgebied.objects.get(code="financien")
    api = api_for(generalist)
    response = api.post(
        url(onderzoek, "scores"), {"leefgebied": leefgebied.pk, "score": 6, "datum": vandaag()}
    )
    assert response.status_code == 400 and "tussen 1 en 5" in response.json()["score"][0]
    response = api.post(
        url(onderzoek, "scores"), {"leefgebied": 999_999, "score": 3, "datum": vandaag()}
    )
    assert response.status_code == 400 and "leefgebied" in response.json()
    assert not ZrmScore.objects.exists()
    response = api.post(
        url(onderzoek, "scores"), {"leefgebied": leefgebied.pk, "score": 3, "datum": vandaag()}
    )
    assert response.status_code == 201
    assert response.json()["scores"][0]["leefgebied"]["code"] == "financien"


def test_verslag_is_final_only_when_nothing_is_missing(onderzoek, generalist, inwoner_noord):
    netwerkpersoon_add(
        inwoner=inwoner_noord, soort=NetwerkSoort.MANTELZORGER, naam="Lotte", relatie="dochter"
    )
    api = api_for(generalist)
    response = api.post(url(onderzoek, "definitief"))
    assert response.status_code == 400
    missing = response.json()["detail"]
    assert any("gesprek" in m for m in missing)
    assert sum(m.startswith("Onderdeel ") for m in missing) == 7
    assert any("cliëntondersteuning" in m for m in missing)
    assert any("mantelzorger" in m for m in missing)
    onderzoek.refresh_from_db()
    assert onderzoek.status == OnderzoekStatus.LOPEND

    compleet(api, onderzoek)
    response = api.post(url(onderzoek, "definitief"))
    assert response.status_code == 400  # the mantelzorger's need was not discussed
    assert response.json()["detail"] == [
        "Bespreek de ondersteuningsbehoefte van de mantelzorger "
        "(Wmo 2015 art. 2.3.2 lid 4 onder d)."
    ]
    api.post(
        url(onderzoek, "controles"),
        {
            "clientondersteuning_gewezen": True,
            "pgb_uitgelegd": True,
            "mantelzorger_besproken": True,
        },
        format="json",
    )
    response = api.post(url(onderzoek, "definitief"))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "definitief" and body["ontbrekend"] == []
    assert "Verslag van het onderzoek" in body["verslag_tekst"]
    assert body["termijn"]["direct_aanvragen"] is True
    response = api.put(url(onderzoek, "onderdelen"), {"code": "a", "antwoord": "later"})
    assert response.status_code == 400 and "definitief" in str(response.json())


def test_verslag_sent_then_remarks_kept(onderzoek, generalist):
    api = api_for(generalist)
    response = api.post(url(onderzoek, "verzenden"), {"op": vandaag()})
    assert response.status_code == 400 and "eerst definitief" in str(response.json())
    compleet(api, onderzoek)
    assert api.post(url(onderzoek, "definitief")).status_code == 200
    response = api.post(url(onderzoek, "reacties"), {"tekst": "Klopt", "ontvangen_op": vandaag()})
    assert response.status_code == 400 and "nog niet naar de inwoner" in str(response.json())
    response = api.post(url(onderzoek, "verzenden"), {"op": vandaag()})
    assert response.status_code == 200
    assert response.json()["verslag_verzonden_op"] == vandaag().isoformat()
    response = api.post(
        url(onderzoek, "reacties"),
        {"tekst": "Mijn dochter komt vaker.", "ontvangen_op": vandaag()},
    )
    assert response.status_code == 201
    assert response.json()["reacties"][0]["tekst"] == "Mijn dochter komt vaker."


def test_every_read_and_write_of_the_onderzoek_is_logged(onderzoek, generalist):
    api = api_for(generalist)
    api.get(url(onderzoek))
    api.put(url(onderzoek, "onderdelen"), {"code": "a", "antwoord": "Wil thuis wonen"})
    gelogd = Inzage.objects.filter(inwoner_id=onderzoek.inwoner_id, toegestaan=True, kanaal="api")
    assert [r.handeling for r in gelogd.order_by("id")] == ["lezen", "wijzigen"]


# --- schema and query budget ----------------------------------------------------------------


def test_schema_documents_the_onderzoeken_and_plannen_api():
    out = StringIO()
    call_command("spectacular", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    for path in (
        "/api/v1/onderzoeken/",
        "/api/v1/onderzoeken/{id}/",
        "/api/v1/onderzoeken/{id}/definitief/",
        "/api/v1/onderzoeken/leefgebieden/",
        "/api/v1/plannen/",
        "/api/v1/plannen/{id}/ondertekenen/",
    ):
        assert path in paths, path


def test_list_uses_the_same_number_of_queries_for_5_and_50(
    generalist, midoffice, wijken, django_assert_num_queries
):
    inwoners = [
        InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"]) for _ in range(5)
    ]
    for i in range(5):
        start(inwoners[i % 5], midoffice, generalist)
    api = api_for(generalist)
    api.get(URL)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as few:
        response = api.get(URL)
    assert response.status_code == 200 and response.json()["count"] == 5
    for i in range(45):
        start(inwoners[i % 5], midoffice, generalist)
    with django_assert_num_queries(len(few.captured_queries)):
        response = api.get(URL)
    assert response.json()["count"] == 50 and len(response.json()["results"]) == 50
