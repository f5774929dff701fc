"""Working at the same time: invariants hold under two clients at once, a violated one is a
clear Dutch 409 (never a 500), and a stale version is a 412 that changes nothing.

The tests marked `gelijktijdig` start two clients in two threads, each with its own database
connection, and let them act at the same moment (a barrier). They need PostgreSQL (row locks;
SQLite's in-memory test database is one shared connection) and run in CI, which sets
DATABASE_URL to PostgreSQL. The other tests run on both databases."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import IntegrityError, connection, connections
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import Rechtmatigheid
from eenplan.beschikkingen.models import AanvraagOpschorting, Beschikking
from eenplan.common.api import exception_handler
from eenplan.common.concurrency import (
    Conflict,
    VersieVerouderd,
    invarianten,
    schrijft,
    verwachte_versie,
)
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.inwoners.services import huishouden_create
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.models import Melding, Opschorting, Toewijzing
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import RegisseurSoort
from eenplan.plannen.models import Plan, Regisseur
from eenplan.privacy.models import DossierToegang
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import (
    aanbieder,
    aanvraag_voor,
    api_for,
    maatwerk,
    terug_na_weigering,
    zin_regel,
)

pytestmark = pytest.mark.django_db

gelijktijdig = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Twee gelijktijdige clients met elk een eigen databaseverbinding vragen PostgreSQL "
    "(rijvergrendeling); SQLite in het geheugen deelt één verbinding. CI draait deze tests "
    "met DATABASE_URL=postgres://...",
)


def vandaag() -> dt.date:
    return timezone.localdate()


def tegelijk(*acties: Callable[[], Any]) -> list[Any]:
    """Run each action in its own thread (own database connection), all released at the same
    moment; the result or the exception of each, in order."""
    barrier = threading.Barrier(len(acties))
    results: list[Any] = [None] * len(acties)

    def run(i: int, actie: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = actie()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.fixture
def collega(team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=team_noord.gemeente, functie=Rol.GENERALIST, teams=[team_noord], username="collega"
    )


@pytest.fixture
def backoffice(gemeente: Any, team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice"
    )


@pytest.fixture
def backoffice2(gemeente: Any, team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice2"
    )


@pytest.fixture
def huishouden(inwoner_noord: Inwoner) -> Huishouden:
    return huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[(inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1))],
    )


def melding_voor(inwoner: Inwoner, door: Medewerker) -> Melding:
    return meldingen.melding_register(
        gemeente=inwoner.gemeente,
        actor=door.user,
        inwoner=inwoner,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Ik kan de trap niet meer op.",
        ontvangen_op=vandaag() - dt.timedelta(days=3),
        domeinen=["wmo"],
    )


def codes(responses: list[Any]) -> list[int]:
    for r in responses:
        if isinstance(r, BaseException):
            raise r
    return sorted(r.status_code for r in responses)


# --- versions: ETag, If-Match, 412 (both databases) -------------------------------------------


def test_detail_has_an_etag_and_a_stale_if_match_is_refused_with_412(
    generalist: Medewerker, inwoner_noord: Inwoner
) -> None:
    api = api_for(generalist)
    url = f"/api/v1/inwoners/{inwoner_noord.pk}/"
    response = api.get(url)
    assert response.status_code == 200 and response["ETag"] == '"1"'

    response = api.patch(url, {"telefoon": "0612345678"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200, response.json()
    assert response["ETag"] == '"2"'

    # A second client still holds version 1: refused, nothing changes, and it is told what the
    # field holds now.
    response = api.patch(url, {"telefoon": "0201111111"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 412 and body["huidige_versie"] == 2 and body["verwachte_versie"] == 1
    assert "Iemand anders heeft deze inwoner intussen gewijzigd" in body["detail"]
    assert "'0612345678'" in body["detail"]
    assert list(body["actueel"].values()) == ["'0612345678'"]
    inwoner_noord.refresh_from_db()
    assert inwoner_noord.telefoon == "0612345678" and inwoner_noord.versie == 2

    # With the current version it goes through; without If-Match too (last writer wins).
    assert api.patch(url, {"telefoon": "0201111111"}, HTTP_IF_MATCH='W/"2"').status_code == 200
    response = api.patch(url, {"telefoon": "0203333333"}, format="json")
    assert response.status_code == 200 and response["ETag"] == '"4"'


def test_if_match_that_is_no_version_is_a_dutch_400(
    generalist: Medewerker, inwoner_noord: Inwoner
) -> None:
    response = api_for(generalist).patch(
        f"/api/v1/inwoners/{inwoner_noord.pk}/", {"telefoon": "1"}, HTTP_IF_MATCH="gisteren"
    )
    assert response.status_code == 400 and "ETag" in response.json()["If-Match"][0]


def test_a_state_changing_post_honours_if_match(
    midoffice: Medewerker, generalist: Medewerker, collega: Medewerker, inwoner_noord: Inwoner
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    api = api_for(midoffice)
    url = f"/api/v1/meldingen/{melding.pk}/"
    etag = api.get(url)["ETag"]
    response = api.post(f"{url}toewijzen/", {"medewerker": generalist.pk}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    response = api.post(f"{url}toewijzen/", {"medewerker": collega.pk}, HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert "Iemand anders heeft deze melding intussen gewijzigd" in response.json()["detail"]
    melding.refresh_from_db()
    assert melding.medewerker == generalist


def test_the_plan_version_is_its_etag_and_each_change_raises_it(
    generalist: Medewerker, huishouden: Huishouden, inwoner_noord: Inwoner
) -> None:
    plan = plannen.plan_open(huishouden=huishouden, actor=generalist.user)
    api = api_for(generalist)
    url = f"/api/v1/plannen/{plan.pk}/"
    assert api.get(url)["ETag"] == f'"{plan.versie}"'
    regisseur = {"soort": "inwoner", "inwoner": inwoner_noord.pk, "van": vandaag().isoformat()}
    stale = f'"{plan.versie}"'
    plannen.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.INWONER,
        inwoner=inwoner_noord,
        van=vandaag(),
        actor=generalist.user,
    )
    response = api.post(f"{url}regisseur/", regisseur, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412, response.json()
    assert Regisseur.objects.filter(plan=plan).count() == 1


# --- pages: the version in a hidden field (both databases) -----------------------------------


def _versie_veld(html: str) -> str:
    found = re.search(r'name="_versie" value="([^"]+)"', html)
    assert found, "the form carries no version"
    return found.group(1)


def test_a_stale_page_form_tells_the_second_writer_what_changed_and_saves_nothing(
    client: Any,
    midoffice: Medewerker,
    generalist: Medewerker,
    collega: Medewerker,
    inwoner_noord: Inwoner,
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    login(client, midoffice)
    versie = _versie_veld(client.get(f"/meldingen/{melding.pk}/").content.decode())
    assert versie == f"meldingen.melding:{melding.pk}:1"
    # Meanwhile a colleague assigns the melding to the generalist.
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    response = client.post(
        f"/meldingen/{melding.pk}/toewijzen/",
        {"_versie": versie, "toewijzen-medewerker": collega.pk, "toewijzen-reden": ""},
        follow=True,
    )
    assert response.redirect_chain == [(f"/meldingen/{melding.pk}/", 302)]
    body = html.unescape(response.content.decode())
    assert "Iemand anders heeft deze melding intussen gewijzigd" in body
    assert f"medewerker: '{generalist}'" in body
    melding.refresh_from_db()
    assert melding.medewerker == generalist
    assert not Toewijzing.objects.filter(medewerker=collega).exists()
    # Reloaded, the form carries the new version and the change goes through.
    versie = _versie_veld(client.get(f"/meldingen/{melding.pk}/").content.decode())
    response = client.post(
        f"/meldingen/{melding.pk}/toewijzen/",
        {"_versie": versie, "toewijzen-medewerker": collega.pk, "toewijzen-reden": ""},
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.medewerker == collega


def test_a_stale_plan_form_is_refused_on_the_page(
    client: Any, generalist: Medewerker, huishouden: Huishouden, inwoner_noord: Inwoner
) -> None:
    plan = plannen.plan_open(huishouden=huishouden, actor=generalist.user)
    login(client, generalist)
    versie = _versie_veld(client.get(f"/plannen/{plan.pk}/").content.decode())
    plannen.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.INWONER,
        inwoner=inwoner_noord,
        van=vandaag(),
        actor=generalist.user,
    )
    response = client.post(
        f"/plannen/{plan.pk}/regisseur/",
        {
            "_versie": versie,
            "regisseur-wie": f"inwoner:{inwoner_noord.pk}",
            "regisseur-van": vandaag().isoformat(),
        },
    )
    response = terug_na_weigering(client, response)  # POST/redirect/GET
    assert "Iemand anders heeft dit plan intussen gewijzigd" in html.unescape(
        response.content.decode()
    )
    assert Regisseur.objects.filter(plan=plan).count() == 1


# --- invariants: a violated constraint is a Dutch conflict (both databases) -------------------


def test_violated_constraints_become_dutch_conflicts(
    generalist: Medewerker, huishouden: Huishouden, inwoner_noord: Inwoner
) -> None:
    plan = plannen.plan_open(huishouden=huishouden, actor=generalist.user)
    with pytest.raises(Conflict, match="al een lopend plan"), invarianten():
        Plan.objects.create(huishouden=huishouden, aangemaakt_door=generalist.user)
    plannen.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.INWONER,
        inwoner=inwoner_noord,
        van=vandaag(),
        actor=generalist.user,
    )
    with pytest.raises(Conflict, match="precies één regisseur"), invarianten():
        Regisseur.objects.create(
            plan=plan,
            soort=RegisseurSoort.INWONER,
            inwoner=inwoner_noord,
            van=vandaag(),
            vastgelegd_door=generalist.user,
        )
    melding = melding_voor(inwoner_noord, generalist)
    Opschorting.objects.create(
        melding=melding, van=vandaag(), reden="papieren", door=generalist.user
    )
    with pytest.raises(Conflict, match="al opgeschort"), invarianten():
        Opschorting.objects.create(
            melding=melding, van=vandaag(), reden="nog eens", door=generalist.user
        )
    assert Plan.objects.filter(huishouden=huishouden).count() == 1


def test_a_refusal_of_the_service_comes_before_the_stale_version(inwoner_noord: Inwoner) -> None:
    @schrijft("inwoner")
    def weiger(*, inwoner: Inwoner) -> None:
        raise PermissionDenied("Geen toegang tot dit dossier.")

    @schrijft("inwoner")
    def wijzig(*, inwoner: Inwoner) -> None:
        inwoner.telefoon = "0699999999"
        inwoner.save(update_fields=["telefoon"])

    with verwachte_versie(Inwoner, inwoner_noord.pk, 7):
        with pytest.raises(PermissionDenied):
            weiger(inwoner=inwoner_noord)
        with pytest.raises(VersieVerouderd) as stale:
            wijzig(inwoner=inwoner_noord)
    assert stale.value.huidig == 1 and stale.value.verwacht == 7
    inwoner_noord.refresh_from_db()
    assert inwoner_noord.telefoon != "0699999999" and inwoner_noord.versie == 1  # rolled back


def test_an_integrity_error_reaching_the_api_is_a_409_not_a_500() -> None:
    response = exception_handler(
        IntegrityError(
            'duplicate key value violates unique constraint "een_beschikking_per_aanvraag"'
        ),
        {},
    )
    assert response is not None and response.status_code == 409
    assert response.data["detail"].startswith("Op deze aanvraag is al besloten")
    response = exception_handler(IntegrityError("iets onbekends"), {})
    assert response.status_code == 409 and "tegelijk" in response.data["detail"]


def test_reassignment_ends_the_previous_assignees_dossier_access(
    midoffice: Medewerker, generalist: Medewerker, collega: Medewerker, inwoner_noord: Inwoner
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=collega)
    open_ = Toewijzing.objects.filter(melding=melding, tot__isnull=True)
    assert [t.medewerker for t in open_] == [collega]
    toegang = DossierToegang.objects.filter(reden=f"Toegewezen melding {melding.pk}")
    assert {t.medewerker for t in toegang.filter(tot__isnull=True)} == {collega}
    assert toegang.get(medewerker=generalist).tot == vandaag()
    meldingen.melding_close(melding=melding, actor=midoffice.user, toelichting="Klaar")
    assert not toegang.filter(tot__isnull=True).exists()
    assert not Toewijzing.objects.filter(melding=melding, tot__isnull=True).exists()


# --- two clients at the same moment (PostgreSQL) ----------------------------------------------


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_decisions_on_one_aanvraag_at_once(
    backoffice: Medewerker, backoffice2: Medewerker, gemeente: Any, inwoner_noord: Inwoner
) -> None:
    voorziening = maatwerk(gemeente)
    aanvraag = aanvraag_voor(inwoner_noord, backoffice)
    url = f"/api/v1/aanvragen/{aanvraag.pk}/beslissen/"
    body = {"motivering": "Nodig.", "regels": [zin_regel(voorziening)]}
    a, b = api_for(backoffice), api_for(backoffice2)
    responses = tegelijk(
        lambda: a.post(url, body, format="json"), lambda: b.post(url, body, format="json")
    )
    assert codes(responses) == [201, 409]
    refused = next(r for r in responses if r.status_code == 409).json()
    assert refused["detail"] == "Op deze aanvraag is al besloten."
    assert Beschikking.objects.filter(aanvraag=aanvraag).count() == 1


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_melding_assigned_to_two_people_at_once(
    midoffice: Medewerker, generalist: Medewerker, collega: Medewerker, inwoner_noord: Inwoner
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    url = f"/api/v1/meldingen/{melding.pk}/"
    a, b = api_for(midoffice), api_for(midoffice)
    etag = a.get(url)["ETag"]
    responses = tegelijk(
        lambda: a.post(f"{url}toewijzen/", {"medewerker": generalist.pk}, HTTP_IF_MATCH=etag),
        lambda: b.post(f"{url}toewijzen/", {"medewerker": collega.pk}, HTTP_IF_MATCH=etag),
    )
    assert codes(responses) == [200, 412]
    melding.refresh_from_db()
    assert list(Toewijzing.objects.filter(melding=melding, tot__isnull=True)) == [
        Toewijzing.objects.get(melding=melding, medewerker=melding.medewerker)
    ]
    open_toegang = DossierToegang.objects.filter(
        reden=f"Toegewezen melding {melding.pk}", tot__isnull=True
    )
    assert [t.medewerker for t in open_toegang] == [melding.medewerker]


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_assignments_without_if_match_leave_one_open_access(
    midoffice: Medewerker, generalist: Medewerker, collega: Medewerker, inwoner_noord: Inwoner
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    url = f"/api/v1/meldingen/{melding.pk}/toewijzen/"
    a, b = api_for(midoffice), api_for(midoffice)
    responses = tegelijk(
        lambda: a.post(url, {"medewerker": generalist.pk}),
        lambda: b.post(url, {"medewerker": collega.pk}),
    )
    assert codes(responses) == [200, 200]  # the later one takes over, in turn
    melding.refresh_from_db()
    open_toegang = DossierToegang.objects.filter(
        reden=f"Toegewezen melding {melding.pk}", tot__isnull=True
    )
    assert [t.medewerker for t in open_toegang] == [melding.medewerker]
    assert Toewijzing.objects.filter(melding=melding, tot__isnull=True).count() == 1


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_suspensions_of_one_term_at_once(
    midoffice: Medewerker, backoffice: Medewerker, inwoner_noord: Inwoner
) -> None:
    melding = melding_voor(inwoner_noord, midoffice)
    aanvraag = aanvraag_voor(inwoner_noord, backoffice)
    a, b = api_for(midoffice), api_for(midoffice)
    body = {"van": vandaag().isoformat(), "reden": "Wacht op papieren"}
    url = f"/api/v1/meldingen/{melding.pk}/opschorten/"
    responses = tegelijk(lambda: a.post(url, body), lambda: b.post(url, body))
    assert codes(responses)[1] == 409 and codes(responses)[0] in (200, 201)
    assert Opschorting.objects.filter(melding=melding, tot__isnull=True).count() == 1

    c, d = api_for(backoffice), api_for(backoffice)
    url = f"/api/v1/aanvragen/{aanvraag.pk}/opschorten/"
    responses = tegelijk(lambda: c.post(url, body), lambda: d.post(url, body))
    assert codes(responses)[1] == 409 and codes(responses)[0] in (200, 201)
    refused = max(responses, key=lambda r: r.status_code).json()
    assert "al opgeschort" in refused["detail"]
    assert AanvraagOpschorting.objects.filter(aanvraag=aanvraag, tot__isnull=True).count() == 1


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_opposite_lawfulness_checks_at_once(
    generalist: Medewerker,
    backoffice: Medewerker,
    backoffice2: Medewerker,
    gemeente: Any,
    inwoner_noord: Inwoner,
) -> None:
    voorziening = maatwerk(gemeente)
    aanvraag = aanvraag_voor(inwoner_noord, generalist)
    beschikking = beschikkingen.beschikking_issue(
        aanvraag=aanvraag,
        actor=generalist.user,
        besloten_op=vandaag(),
        motivering="Nodig.",
        regels=[
            beschikkingen.Regel(
                voorziening=voorziening,
                uitkomst="toegekend",
                omvang=3,
                begin=vandaag(),
                einde=vandaag() + dt.timedelta(days=365),
                leveringsvorm="zin",
                aanbieder=aanbieder(),
            )
        ],
    )
    url = f"/api/v1/beschikkingen/{beschikking.pk}/toetsen/"
    a, b = api_for(backoffice), api_for(backoffice2)
    responses = tegelijk(
        lambda: a.post(url, {"rechtmatig": True}, format="json"),
        lambda: b.post(url, {"rechtmatig": False, "reden": "Ladder niet gevolgd"}, format="json"),
    )
    assert codes(responses) == [200, 409]
    winner = next(r for r in responses if r.status_code == 200).json()
    loser = next(r for r in responses if r.status_code == 409).json()
    assert "al getoetst" in loser["detail"]
    beschikking.refresh_from_db()
    assert beschikking.rechtmatigheid == winner["rechtmatigheid"]
    assert beschikking.rechtmatigheid in (Rechtmatigheid.RECHTMATIG, Rechtmatigheid.ONRECHTMATIG)


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_plan_when_two_open_the_households_plan_at_once(
    generalist: Medewerker, collega: Medewerker, huishouden: Huishouden
) -> None:
    a, b = api_for(generalist), api_for(collega)
    body = {"huishouden": huishouden.pk}
    responses = tegelijk(
        lambda: a.post("/api/v1/plannen/", body, format="json"),
        lambda: b.post("/api/v1/plannen/", body, format="json"),
    )
    assert all(r.status_code in (200, 201) for r in responses), [r.json() for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    assert Plan.objects.filter(huishouden=huishouden).count() == 1


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_regisseurs_at_once_leave_one_without_a_server_error(
    generalist: Medewerker, collega: Medewerker, huishouden: Huishouden, inwoner_noord: Inwoner
) -> None:
    plan = plannen.plan_open(huishouden=huishouden, actor=generalist.user)

    def zet(door: Medewerker) -> Any:
        return plannen.regisseur_set(
            plan=Plan.objects.get(pk=plan.pk),
            soort=RegisseurSoort.INWONER,
            inwoner=inwoner_noord,
            van=vandaag(),
            actor=door.user,
        )

    results = tegelijk(lambda: zet(generalist), lambda: zet(collega))
    assert all(isinstance(r, Regisseur | Conflict) for r in results), results
    assert Regisseur.objects.filter(plan=plan, tot__isnull=True).count() == 1
    versies = list(plan.versies.values_list("versie", flat=True))
    assert len(versies) == len(set(versies))


@gelijktijdig
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_second_writer_of_one_field_does_not_overwrite_the_first(
    generalist: Medewerker, collega: Medewerker, inwoner_noord: Inwoner
) -> None:
    url = f"/api/v1/inwoners/{inwoner_noord.pk}/"
    a, b = api_for(generalist), api_for(collega)
    etag = a.get(url)["ETag"]
    responses = tegelijk(
        lambda: a.patch(url, {"telefoon": "0611111111"}, format="json", HTTP_IF_MATCH=etag),
        lambda: b.patch(url, {"telefoon": "0622222222"}, format="json", HTTP_IF_MATCH=etag),
    )
    assert codes(responses) == [200, 412]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412).json()
    inwoner_noord.refresh_from_db()
    assert inwoner_noord.telefoon == winner.json()["telefoon"]
    assert f"'{inwoner_noord.telefoon}'" in loser["detail"]


def test_the_api_documentation_tells_clients_to_send_if_match() -> None:
    out = io.StringIO()
    call_command("spectacular", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    patch = paths["/api/v1/inwoners/{id}/"]["patch"]
    assert "If-Match" in [p["name"] for p in patch["parameters"]]
    assert {"409", "412"} <= set(patch["responses"])
    assert "ETag" in paths["/api/v1/meldingen/{id}/"]["get"]["responses"]["200"]["headers"]
    toewijzen = paths["/api/v1/meldingen/{id}/toewijzen/"]["post"]
    assert "stuur hem dus mee" in next(
        p["description"] for p in toewijzen["parameters"] if p["name"] == "If-Match"
    )
    assert "If-Match" not in [
        p["name"] for p in paths["/api/v1/meldingen/"]["post"].get("parameters", [])
    ]
