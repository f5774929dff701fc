"""The aanvragen, beschikkingen, bezwaren and klachten REST API: the worklists with their
deadlines, the logged reads, deciding per provision (ZIN, PGB with its conditions and ceiling,
OP043), the generalist's decision and the back office's lawfulness check, sending the letter,
the bezwaar register and complaints; every refusal changes nothing; roles and need-to-know; flat
query budgets for the lists. Records are made as the application makes them (services)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from rest_framework.test import APIClient

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import (
    AANVRAGEN,
    BESCHIKKINGEN,
    BEZWAREN,
    KLACHTEN,
    aanvraag_voor,
    api_for,
    beschikking_voor,
    maatwerk,
    pgb_regel,
    vandaag,
    zin,
    zin_regel,
)
from eenplan.voorzieningen.models import Voorziening

pytestmark = pytest.mark.django_db


@pytest.fixture
def hh(gemeente: Gemeente) -> Voorziening:
    return maatwerk(gemeente)


@pytest.fixture
def backoffice(gemeente: Gemeente, team_noord: Any) -> Medewerker:
    """The back office, working for wijk Noord (the need-to-know scope of these tests)."""
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice_noord"
    )


@pytest.fixture
def aanvraag(inwoner_noord: Inwoner, generalist: Medewerker) -> Aanvraag:
    return aanvraag_voor(inwoner_noord, generalist)


@pytest.fixture
def aanvraag_zuid(inwoner_zuid: Inwoner, generalist: Medewerker) -> Aanvraag:
    return aanvraag_voor(inwoner_zuid, generalist)


def inzage(user: Any, inwoner: Inwoner) -> list[Inzage]:
    return list(Inzage.objects.filter(user=user, inwoner=inwoner).order_by("id"))


# --- aanvragen --------------------------------------------------------------------------------


def test_aanvragen_list_shows_scope_deadline_and_state(
    generalist, aanvraag, aanvraag_zuid, inwoner_noord
):
    response = api_for(generalist).get(AANVRAGEN)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [aanvraag.pk]  # Zuid is outside the generalist's wijken
    row = rows[0]
    assert row["beslissen_uiterlijk"] == aanvraag.beslissen_uiterlijk.isoformat()
    assert row["termijn_status"] in {"op_schema", "bijna_verlopen", "verlopen"}
    assert row["status"] == "ontvangen" and row["inwoner"]["naam"] == inwoner_noord.naam
    assert "bsn" not in row["inwoner"]


def test_aanvraag_overdue_and_decided_states(generalist, inwoner_noord, hh, backoffice):
    oud = aanvraag_voor(inwoner_noord, generalist, dagen=40)  # Wmo: 2 weeks
    besloten = aanvraag_voor(inwoner_noord, generalist)
    beschikking_voor(besloten, backoffice, [zin(hh)])
    rows = {r["id"]: r for r in api_for(generalist).get(AANVRAGEN).json()["results"]}
    assert rows[oud.pk]["termijn_status"] == "verlopen"
    assert rows[besloten.pk]["termijn_status"] is None
    assert rows[besloten.pk]["status"] == "besloten"
    filtered = api_for(generalist).get(AANVRAGEN, {"status": "besloten"}).json()["results"]
    assert [r["id"] for r in filtered] == [besloten.pk]
    assert api_for(generalist).get(AANVRAGEN, {"status": "x"}).status_code == 400


def test_aanvraag_detail_is_logged_out_of_scope_403_unknown_404(
    generalist, aanvraag, aanvraag_zuid, inwoner_noord, inwoner_zuid
):
    api = api_for(generalist)
    response = api.get(f"{AANVRAGEN}{aanvraag.pk}/", {"doel": "beschikking"})
    assert response.status_code == 200
    assert response.json()["ingediend_door"] == inwoner_noord.naam
    [rij] = inzage(generalist.user, inwoner_noord)
    assert (rij.doel, rij.kanaal, rij.toegestaan) == ("beschikking", "api", True)
    response = api.get(f"{AANVRAGEN}{aanvraag_zuid.pk}/")
    assert response.status_code == 403 and "werkgebied" in response.json()["detail"]
    [geweigerd] = inzage(generalist.user, inwoner_zuid)
    assert geweigerd.toegestaan is False
    assert api.get(f"{AANVRAGEN}999999/").status_code == 404
    assert api.get(f"{AANVRAGEN}{aanvraag.pk}/", {"doel": "nieuwsgierig"}).status_code == 400


def test_vrijwilliger_reads_voorzieningen_but_not_aanvragen(vrijwilliger, aanvraag):
    api = api_for(vrijwilliger)
    assert api.get("/api/v1/voorzieningen/").status_code == 200
    assert api.get(AANVRAGEN).status_code == 403
    assert api.get(f"{AANVRAGEN}{aanvraag.pk}/").status_code == 403
    assert api.get(BESCHIKKINGEN).status_code == 403


def test_beleid_sees_nothing(beleid, aanvraag):
    api = api_for(beleid)
    for path in [AANVRAGEN, BESCHIKKINGEN, BEZWAREN, KLACHTEN, "/api/v1/voorzieningen/"]:
        assert api.get(path).status_code == 403, path
    assert APIClient().get(AANVRAGEN).status_code in (401, 403)


# --- beslissen --------------------------------------------------------------------------------


def test_backoffice_decides_per_provision(backoffice, aanvraag, hh, inwoner_noord):
    afgewezen = maatwerk(aanvraag.gemeente, naam="Scootmobiel", productcode="12A01")
    response = api_for(backoffice).post(
        f"{AANVRAGEN}{aanvraag.pk}/beslissen/",
        {
            "motivering": "Eigen kracht en netwerk schieten tekort.",
            "regels": [
                zin_regel(hh),
                {"voorziening": afgewezen.pk, "uitkomst": "afgewezen"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["rechtmatigheid"] == "nvt" and body["verzonden_op"] is None
    assert [r["uitkomst"] for r in body["regels"]] == ["toegekend", "afgewezen"]
    assert body["regels"][0]["aanbieder"]["naam"] == "Thuiszorg West"
    assert len(body["regels"][0]["aanbieder"]["agb_code"]) == 8
    assert body["regels"][1]["aanbieder"] is None
    assert body["regels"][0]["eenheid"] == "04" and body["regels"][0]["frequentie"] == "2"
    assert body["brief_is_voorbeeld"] is True and "Thuiszorg West levert" in body["brief"]
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.BESLOTEN
    assert inzage(backoffice.user, inwoner_noord)[-1].doel == "beschikking"


def test_generalist_decision_goes_to_the_lawfulness_queue(generalist, aanvraag, hh):
    response = api_for(generalist).post(
        f"{AANVRAGEN}{aanvraag.pk}/beslissen/",
        {"motivering": "Past bij het plan.", "regels": [zin_regel(hh)]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["rechtmatigheid"] == "te_toetsen"


def test_pgb_budget_is_capped_at_the_cheapest_zin(backoffice, aanvraag, hh):
    response = api_for(backoffice).post(
        f"{AANVRAGEN}{aanvraag.pk}/beslissen/",
        {"motivering": "Eigen regie.", "regels": [pgb_regel(hh)]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    regel = response.json()["regels"][0]
    assert (regel["pgb_budget"], regel["pgb_zelf_te_betalen"]) == ("89.70", "15.30")
    assert regel["pgb_toets"]["kan_beheren"] is True
    assert regel["pgb_toets"]["persoonlijk_plan"] == "Ik kies mijn eigen hulp."


@pytest.mark.parametrize(
    ("regel", "fragment"),
    [
        (
            lambda v: zin_regel(v, einde=(vandaag() - dt.timedelta(days=1)).isoformat()),
            "einddatum ligt vóór de begindatum",
        ),
        (lambda v: zin_regel(v, omvang="0"), "groter zijn dan nul"),
        (lambda v: zin_regel(v, einde=None), "tijdelijk"),
        (
            lambda v: pgb_regel(
                v,
                pgb_toets={"kan_beheren": False, "motivering": "", "kwaliteit_geborgd": True},
            ),
            "niet zelf beheren",
        ),
        (lambda v: pgb_regel(v, pgb_toets=None), "pgb-toets"),
        (lambda v: pgb_regel(v, persoonlijk_plan=""), "persoonlijk plan"),
        (lambda v: {**zin_regel(v), "voorziening": 999999}, "catalogus"),
    ],
    ids=[
        "einde-voor-begin",
        "omvang-nul",
        "geen-einde",
        "pgb-voorwaarden",
        "geen-toets",
        "geen-plan",
        "onbekende-voorziening",
    ],
)
def test_bad_decisions_are_refused_and_nothing_written(backoffice, aanvraag, hh, regel, fragment):
    response = api_for(backoffice).post(
        f"{AANVRAGEN}{aanvraag.pk}/beslissen/",
        {"motivering": "m", "regels": [regel(hh)]},
        format="json",
    )
    assert response.status_code == 400
    assert fragment in str(response.json())
    assert not Beschikking.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.ONTVANGEN


def test_jeugd_pgb_needs_the_parents_reasoned_view(backoffice, inwoner_noord, generalist):
    # Jeugdwet art. 8.1.1 lid 2 onder b: the parents' reasoned view that the help in kind on
    # offer does not suit them.
    jeugdhulp = maatwerk(inwoner_noord.gemeente, naam="Jeugdhulp", productcode="31A01", wet="jeugd")
    aanvraag = aanvraag_voor(inwoner_noord, generalist, wet="jeugd")
    url = f"{AANVRAGEN}{aanvraag.pk}/beslissen/"
    zonder = {"kan_beheren": True, "motivering": "", "kwaliteit_geborgd": True}
    response = api_for(backoffice).post(
        url, {"motivering": "m", "regels": [pgb_regel(jeugdhulp, pgb_toets=zonder)]}, format="json"
    )
    assert response.status_code == 400 and "8.1.1 lid 2 onder b" in str(response.json())
    toets = {
        "kan_beheren": True,
        "motivering": "De aangeboden begeleiding past niet bij onze zoon",
        "kwaliteit_geborgd": True,
        "geen_passende_zin": True,
        "reden_geen_zin": "Geen aanbieder met plek binnen 8 weken.",
    }
    response = api_for(backoffice).post(
        url, {"motivering": "m", "regels": [pgb_regel(jeugdhulp, pgb_toets=toets)]}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["regels"][0]["pgb_toets"]["reden_geen_zin"].startswith("Geen")


def test_op043_zin_and_pgb_for_the_same_product_overlapping_is_400(
    backoffice, aanvraag, hh, inwoner_noord, generalist
):
    beschikking_voor(aanvraag, backoffice, [zin(hh)])
    tweede = aanvraag_voor(inwoner_noord, generalist)
    later = (vandaag() + dt.timedelta(days=30)).isoformat()
    response = api_for(backoffice).post(
        f"{AANVRAGEN}{tweede.pk}/beslissen/",
        {"motivering": "m", "regels": [pgb_regel(hh, begin=later)]},
        format="json",
    )
    assert response.status_code == 400
    assert "OP043" in str(response.json())
    assert Beschikking.objects.count() == 1


def test_deciding_twice_and_out_of_scope_are_refused(backoffice, aanvraag, aanvraag_zuid, hh):
    api = api_for(backoffice)
    body = {"motivering": "m", "regels": [zin_regel(hh)]}
    assert api.post(f"{AANVRAGEN}{aanvraag.pk}/beslissen/", body, format="json").status_code == 201
    response = api.post(f"{AANVRAGEN}{aanvraag.pk}/beslissen/", body, format="json")
    assert response.status_code == 409 and "al besloten" in response.json()["detail"]
    response = api.post(f"{AANVRAGEN}{aanvraag_zuid.pk}/beslissen/", body, format="json")
    assert response.status_code == 403
    assert Beschikking.objects.count() == 1


# --- beschikkingen ----------------------------------------------------------------------------


def test_beschikking_detail_letter_preview_eigen_bijdrage_and_log(
    backoffice, aanvraag, hh, inwoner_noord
):
    beschikking = beschikking_voor(aanvraag, backoffice, [zin(hh)])
    api = api_for(backoffice)
    response = api.get(f"{BESCHIKKINGEN}{beschikking.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["brief_is_voorbeeld"] is True and "Ons besluit" in body["brief"]
    verwacht = services.eigen_bijdrage_voor(inwoner_noord, vandaag())
    assert verwacht is not None
    assert body["eigen_bijdrage"]["bedrag_per_maand"] == f"{verwacht.bedrag_per_maand:.2f}"
    assert body["eigen_bijdrage"]["toelichting"] == list(verwacht.toelichting)
    assert body["eigen_bijdrage"]["via_cak"] is True
    assert body["bezwaar_uiterlijk"] is None and body["wet"] == "wmo"
    gelezen = [r for r in inzage(backoffice.user, inwoner_noord) if r.kanaal == "api"]
    assert [(r.toegestaan, r.handeling) for r in gelezen] == [(True, "lezen")]


def test_page_and_api_state_the_same_eigen_bijdrage_as_the_letter(
    client, backoffice, aanvraag, hh, inwoner_noord
):
    """One read path (issue 9, item 5): a decision whose provision starts in two months has no
    contribution on the day of the decision; the page, the API and the letter all name the
    contribution from the start date (before, the page counted from today and the API from
    the decision date, and they differed)."""
    begin = vandaag() + dt.timedelta(days=20)
    beschikking = beschikking_voor(
        aanvraag, backoffice, [zin(hh, begin=begin, einde=begin + dt.timedelta(days=365))]
    )
    assert services.eigen_bijdrage_voor(inwoner_noord, vandaag()) is None
    verwacht, op = services.beschikking_eigen_bijdrage(beschikking)
    assert op == begin and verwacht is not None

    body = api_for(backoffice).get(f"{BESCHIKKINGEN}{beschikking.pk}/").json()
    assert body["eigen_bijdrage"]["peildatum"] == begin.isoformat()
    assert body["eigen_bijdrage"]["toelichting"] == list(verwacht.toelichting)

    client.force_login(backoffice.user)
    pagina = client.get(f"/beschikkingen/{beschikking.pk}/").content.decode()
    if verwacht.bedrag_per_maand is not None:
        assert body["eigen_bijdrage"]["bedrag_per_maand"] == f"{verwacht.bedrag_per_maand:.2f}"
        bedrag = f"{verwacht.bedrag_per_maand:.2f}".replace(".", ",")
        assert f"€&nbsp;{bedrag} per maand" in pagina
        assert f"vanaf {date_format(begin, 'j F Y')}" in pagina
    else:  # the start date falls in a year without a published tariff
        assert body["eigen_bijdrage"]["ontbrekend_jaar"] == begin.year
        assert f"Het abonnementstarief voor {begin.year} ontbreekt." in pagina


def test_the_contribution_on_the_decision_date_and_on_the_later_start_is_one_query(
    backoffice, aanvraag, hh, inwoner_noord, django_assert_num_queries
):
    """Issue 16: when the provision starts after the decision, the contribution on the start
    date is read in the same query as the one on the decision date (it was a second query on
    the page, the API and the letter), with the same answer as each date read apart."""
    begin = vandaag() + dt.timedelta(days=20)
    beschikking = beschikking_voor(
        aanvraag, backoffice, [zin(hh, begin=begin, einde=begin + dt.timedelta(days=365))]
    )
    apart = {op: services.eigen_bijdrage_voor(inwoner_noord, op) for op in (vandaag(), begin)}
    assert apart[vandaag()] is None and apart[begin] is not None
    assert services.eigen_bijdragen_voor(inwoner_noord, [vandaag(), begin]) == apart
    beschikking = (
        type(beschikking)
        .objects.select_related("aanvraag", "inwoner")
        .prefetch_related("voorzieningen")
        .get(pk=beschikking.pk)
    )
    with django_assert_num_queries(1):
        assert services.beschikking_eigen_bijdrage(beschikking) == (apart[begin], begin)


@pytest.mark.parametrize(
    "geval", ["vandaag", "later", "afgewezen_eerder", "verzonden", "jeugd", "ander_loopt"]
)
def test_the_decision_read_with_its_eigen_bijdrage_gives_the_same_answer_without_a_query(
    geval, backoffice, generalist, aanvraag, hh, inwoner_noord, django_assert_num_queries
):
    """Issue 16: the decision page and the API read what the eigen bijdrage is computed from
    in the decision's own query (`beschikking_get(met_eigen_bijdrage=True)`: its reference
    date as an expression of the decision's row). The answer and its
    reference date are the ones the contribution read on its own gives, for a provision that
    starts today or later, a refused line that starts earlier than the granted one (it does
    not count), a letter sent days after the decision (the day of sending counts), a
    Jeugdwet decision (none), and a provision that starts later while an earlier decision's
    provision of the resident runs today (then today's contribution is the one stated).
    A provision that starts later with nothing running today needs no query of its own."""
    from eenplan.beschikkingen.selectors import beschikking_get

    begin = vandaag() + dt.timedelta(days=20)
    regels = {
        "vandaag": [zin(hh)],
        "later": [zin(hh, begin=begin, einde=begin + dt.timedelta(days=365))],
        "afgewezen_eerder": [
            zin(hh, uitkomst="afgewezen", begin=vandaag() + dt.timedelta(days=5), einde=None),
            zin(hh, begin=begin, einde=begin + dt.timedelta(days=365)),
        ],
        "verzonden": [zin(hh, begin=vandaag() - dt.timedelta(days=9))],
        "jeugd": [zin(hh)],
        "ander_loopt": [zin(hh, begin=begin, einde=begin + dt.timedelta(days=365))],
    }[geval]
    if geval == "jeugd":
        Aanvraag.objects.filter(pk=aanvraag.pk).update(wet="jeugd")
        aanvraag.refresh_from_db()
    if geval == "ander_loopt":  # an earlier decision whose provision runs today
        eerder = services.aanvraag_register(
            inwoner=inwoner_noord,
            omschrijving="Eerdere hulp",
            wet="wmo",
            ontvangen_op=vandaag() - dt.timedelta(days=60),
            ingediend_door="Anna Jansen",
            door=generalist.user,
        )
        beschikking_voor(eerder, backoffice, [zin(hh, begin=vandaag() - dt.timedelta(days=30))])
    beschikking = beschikking_voor(aanvraag, backoffice, regels, verzenden=geval == "verzonden")
    if geval == "verzonden":  # decided nine days before the letter went out
        Beschikking.objects.filter(pk=beschikking.pk).update(
            besloten_op=vandaag() - dt.timedelta(days=9)
        )
    gemeente_id = beschikking.gemeente_id
    apart = services.beschikking_eigen_bijdrage(
        beschikking_get(beschikking.pk, gemeente_id=gemeente_id)
    )
    verwachte_dag = {"later": begin, "afgewezen_eerder": begin}.get(geval, vandaag())
    assert apart[1] == verwachte_dag
    assert (apart[0] is None) == (geval == "jeugd")

    with django_assert_num_queries(1):
        samen = beschikking_get(beschikking.pk, gemeente_id=gemeente_id, met_eigen_bijdrage=True)
    assert samen is not None
    if geval == "jeugd":  # no contribution under the Jeugdwet: none of its parts is read
        gelezen = samen.eigen_bijdrage_gelezen
        assert gelezen.peildatum is None and gelezen.regels_op is False
        assert [(list(d.leden), list(d.regels)) for d in gelezen.gegevens.data] == [([], [])]
    # A provision that starts later while another runs today: the decision's query read the
    # later start (its own provisions run only later), so today's parts are read apart.
    with django_assert_num_queries(1 if geval == "ander_loopt" else 0):
        assert services.beschikking_eigen_bijdrage(samen) == apart


def test_versturen_sets_the_bezwaar_term_and_keeps_the_letter(backoffice, aanvraag, hh):
    beschikking = beschikking_voor(aanvraag, backoffice, [zin(hh)])
    api = api_for(backoffice)
    response = api.post(f"{BESCHIKKINGEN}{beschikking.pk}/versturen/", {}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["verzonden_op"] == vandaag().isoformat()
    bezwaar_uiterlijk = dt.date.fromisoformat(body["bezwaar_uiterlijk"])
    assert bezwaar_uiterlijk >= vandaag() + dt.timedelta(weeks=6)
    assert body["brief_is_voorbeeld"] is False and "Dat moet uiterlijk op" in body["brief"]
    response = api.post(f"{BESCHIKKINGEN}{beschikking.pk}/versturen/", {}, format="json")
    assert response.status_code == 409 and "al verzonden" in response.json()["detail"]


def test_lawfulness_check_by_the_back_office_only(generalist, backoffice, aanvraag, hh):
    beschikking = beschikking_voor(aanvraag, generalist, [zin(hh)], generalist=True)
    queue = api_for(backoffice).get(BESCHIKKINGEN, {"rechtmatigheid": "te_toetsen"}).json()
    assert [b["id"] for b in queue["results"]] == [beschikking.pk]
    url = f"{BESCHIKKINGEN}{beschikking.pk}/toetsen/"
    assert api_for(generalist).post(url, {"rechtmatig": True}, format="json").status_code == 403
    response = api_for(backoffice).post(url, {"rechtmatig": False}, format="json")
    assert response.status_code == 400 and "waarom" in str(response.json())
    response = api_for(backoffice).post(
        url, {"rechtmatig": False, "reden": "Ladder niet afgewogen"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["rechtmatigheid"] == "onrechtmatig"
    assert response.json()["getoetst_door"] == backoffice.user.get_full_name()  # not the login
    response = api_for(generalist).post(f"{BESCHIKKINGEN}{beschikking.pk}/versturen/", {})
    assert response.status_code == 400 and "onrechtmatig" in str(response.json())


def test_worklist_of_provisions_ending_or_due_for_heronderzoek(
    backoffice, generalist, inwoner_noord, hh, aanvraag
):
    eindigt = beschikking_voor(
        aanvraag, backoffice, [zin(hh, einde=vandaag() + dt.timedelta(weeks=4))]
    )
    heronderzoek = beschikking_voor(
        aanvraag_voor(inwoner_noord, generalist),
        backoffice,
        [
            zin(
                maatwerk(hh.gemeente, naam="Begeleiding", productcode="02A01"),
                einde=None,
                heronderzoek_op=vandaag() + dt.timedelta(weeks=7),
            )
        ],
    )
    beschikking_voor(
        aanvraag_voor(inwoner_noord, generalist),
        backoffice,
        [zin(maatwerk(hh.gemeente, naam="Vervoer", productcode="08A01"))],
    )  # ends in a year
    api = api_for(backoffice)
    rows = api.get(BESCHIKKINGEN, {"einde_binnen_weken": 8}).json()["results"]
    assert {r["id"] for r in rows} == {eindigt.pk, heronderzoek.pk}
    assert api.get(BESCHIKKINGEN).json()["count"] == 3
    assert api.get(BESCHIKKINGEN, {"einde_binnen_weken": 0}).status_code == 400
    assert api.get(BESCHIKKINGEN, {"inwoner": 999999}).json()["count"] == 0


def test_beschikking_out_of_scope_is_403_and_logged(
    backoffice, aanvraag_zuid, hh, inwoner_zuid, wijken
):
    team = TeamFactory(gemeente=inwoner_zuid.gemeente, naam="Zuid", wijken=[wijken["Zuid"]])
    zuid = MedewerkerFactory(gemeente=team.gemeente, functie=Rol.BACKOFFICE, teams=[team])
    beschikking = beschikking_voor(aanvraag_zuid, zuid, [zin(hh)])
    api = api_for(backoffice)
    assert api.get(BESCHIKKINGEN).json()["count"] == 0
    assert api.get(f"{BESCHIKKINGEN}{beschikking.pk}/").status_code == 403
    assert api.post(f"{BESCHIKKINGEN}{beschikking.pk}/versturen/", {}).status_code == 403
    geweigerd = inzage(backoffice.user, inwoner_zuid)
    assert [(r.toegestaan, r.handeling, r.kanaal) for r in geweigerd] == [
        (False, "lezen", "api"),
        (False, "beslissen", "api"),
    ]
    beschikking.refresh_from_db()
    assert beschikking.verzonden_op is None


# --- bezwaren en klachten ---------------------------------------------------------------------


# --- schema and query budgets ----------------------------------------------------------------


def test_schema_documents_every_route_with_a_dutch_summary():
    out = io.StringIO()
    call_command("spectacular", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    for path in (
        "/api/v1/voorzieningen/",
        "/api/v1/voorzieningen/{id}/tarieven/",
        "/api/v1/codelijsten/",
        "/api/v1/aanvragen/{id}/beslissen/",
        "/api/v1/beschikkingen/{id}/versturen/",
        "/api/v1/beschikkingen/{id}/toetsen/",
        "/api/v1/beschikkingen/export/svb/",
        "/api/v1/beschikkingen/export/cak/",
    ):
        assert path in paths, path
        assert all(op.get("summary") for op in paths[path].values()), path
    # The exports are tasks: the POST answers 202 with the task (its file: /api/v1/taken/).
    cak = paths["/api/v1/beschikkingen/export/cak/"]["post"]
    assert set(cak["responses"]) == {"202"}
    assert cak["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].endswith("Taak")
    velden = cak["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert velden.endswith("CakExportParamsRequest")


def _aanvragen(wijk: Any, generalist: Medewerker, backoffice: Medewerker, n: int) -> None:
    """n residents, each with an aanvraag; every other one decided (two provisions)."""
    hh = Voorziening.objects.get(productcode="01A01")
    begeleiding = Voorziening.objects.get(productcode="02A01")
    for i in range(n):
        inwoner = InwonerFactory(gemeente=wijk.gemeente, wijk=wijk)
        aanvraag = aanvraag_voor(inwoner, generalist)
        if i % 2 == 0:
            beschikking_voor(
                aanvraag, backoffice, [zin(hh), zin(begeleiding)], verzenden=i % 4 == 0
            )


@pytest.mark.parametrize(
    ("path", "params"),
    [(AANVRAGEN, {}), (BESCHIKKINGEN, {}), (BESCHIKKINGEN, {"einde_binnen_weken": 60})],
)
def test_lists_use_the_same_number_of_queries_for_5_and_50(
    backoffice, generalist, wijken, hh, django_assert_num_queries, path, params
):
    maatwerk(hh.gemeente, naam="Begeleiding", productcode="02A01")
    _aanvragen(wijken["Noord"], generalist, backoffice, 10)
    api = api_for(backoffice)
    api.get(path)  # warm caches (content types, permissions)
    params = {"per_pagina": 500, **params}
    with CaptureQueriesContext(connection) as few:
        response = api.get(path, params)
    assert response.status_code == 200 and response.json()["count"] >= 5
    _aanvragen(wijken["Noord"], generalist, backoffice, 90)
    with django_assert_num_queries(len(few.captured_queries)):
        response = api.get(path, params)
    assert response.json()["count"] >= 50


def test_new_actions_suspend_and_overgangsrecht(
    gemeente, inwoner_noord, midoffice_team, generalist
):
    from rest_framework.test import APIClient

    from eenplan.beschikkingen import services as svc
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    backoffice = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[midoffice_team], username="bo2"
    )
    api = APIClient()
    api.force_authenticate(backoffice.user)
    aanvraag = svc.aanvraag_register(
        inwoner=inwoner_noord,
        omschrijving="Hulp",
        wet="wmo",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=10),
        ingediend_door="Anna",
        door=generalist.user,
    )
    eerst = aanvraag.beslissen_uiterlijk
    r = api.post(
        f"/api/v1/aanvragen/{aanvraag.pk}/opschorten/",
        {"van": str(aanvraag.ontvangen_op), "reden": "Wacht op stukken"},
        format="json",
    )
    assert r.status_code == 200, r.json()
    r = api.post(
        f"/api/v1/aanvragen/{aanvraag.pk}/hervatten/",
        {"tot": str(aanvraag.ontvangen_op + dt.timedelta(days=8))},
        format="json",
    )
    assert r.status_code == 200
    aanvraag.refresh_from_db()
    assert aanvraag.beslissen_uiterlijk > eerst
    r = api.post(
        f"/api/v1/aanvragen/{aanvraag.pk}/hervatten/",
        {"tot": str(timezone.localdate())},
        format="json",
    )
    assert r.status_code == 400
    svc.overgangsrecht_register(
        inwoner=inwoner_noord,
        soort="awbz_extramuraal",
        omschrijving="AWBZ begeleiding",
        oude_einddatum=None,
    )
    rows = api.get("/api/v1/overgangsrecht/").json()["results"]
    assert [r["einddatum"] for r in rows] == ["2015-12-31"]
