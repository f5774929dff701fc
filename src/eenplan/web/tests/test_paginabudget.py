"""Query budgets of the pages `make bench-schaal` measures (issue 16): under load every query
costs about as much as the page's whole floor, so the number of queries per page is what
makes a page fast or slow. Each page is requested on a whole case (melding, onderzoek, signed
plan, beschikking, bezwaar) after a warm-up request, and may use at most its budget. Lower a
budget when a page gets cheaper; never raise one without a reason in the commit.

`EENPLAN_BUDGET_TOON=1 pytest …` prints every query of every page (to find the next to cut).
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eenplan.berichten.taken import BERICHTEN_MAP
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.constants import Kanaal, MelderSoort, Status
from eenplan.meldingen.models import Melding
from eenplan.rules.termijnen import WMO_ONDERZOEK, termijn_einde
from eenplan.sturing.services import momentopname_take
from eenplan.testing import scenarios
from eenplan.testing.berichten import bericht
from eenplan.testing.factories import (
    AanbiederFactory,
    InwonerFactory,
    MedewerkerFactory,
    TaakFactory,
)

pytestmark = pytest.mark.django_db

# page -> budget on a whole case. Issue 16 measured, before its round of cuts: plan 46,
# dossier 22, werkvoorraad 17, beschikking 21, API meldingen 13, zoeken 9. The fixed part of a
# request is now two queries and the access log's row: the session, and the login with its
# medewerker record, permissions, wijken scope and teams (gemeente.selectors.actor_laden;
# these were four queries until the second round). The third round read the parts of the
# dossier and the beschikking as JSON next to their record's row (common.aggregaten.rijen_json):
# dossier 13 -> 5, beschikking 12 -> 5. Since ADR 0054 the session and the login are one query:
# the fixed part is that query and the access log's row (every budget one lower).
BUDGET: dict[str, int] = {
    # The plan with every part as JSON in one query was tried per request and reverted
    # (building and compiling that queryset cost Django 64 ms of CPU per request:
    # docs/benchmarks.md, "The plan in one query: reverted"); since ADR 0055 it is built and
    # compiled once per process (`common.gecompileerd`), and a request only sends its values.
    "plan": 3,  # the plan, every part, its surroundings, the aanvragen and what the access
    # decision on the household is taken on: one query (22 before)
    "dossier": 4,  # the resident, and every part of the dossier in one query (JSON per part)
    "werkvoorraad_mijn": 4,
    "werkvoorraad_team": 4,
    "werkvoorraad_alle": 4,
    "beschikking": 3,  # the decision with its parts and its eigen bijdrage in one query
    "api_meldingen": 3,  # the page and its total in one query (selectors.werkvoorraad_pagina)
    "zoeken": 4,  # count, the page of keys by the search index, the rows
    # The rows with their provider and the residents they name; their number with the
    # provider filter's choices and the folder connection's rounds. Before: 10 (the count,
    # the residents and their municipality for the access log, the choices and the rounds
    # apart).
    "berichtenlog": 4,
    # The latest snapshot with every indicator's total. Before: 5 (the snapshot read twice).
    "dashboard": 2,
}


# The worklists of one staff member or team (`meldingen.selectors.werkvoorraad_plan`).
SLEUTELLIJSTEN = {"werkvoorraad_mijn", "werkvoorraad_team"}


def _paginas(s, contractmanager, beleid) -> dict[str, tuple[object, str]]:
    return {
        "plan": (s.generalist, f"/plannen/{s.plan.pk}/"),
        "dossier": (s.generalist, f"/inwoners/{s.inwoner.pk}/"),
        "werkvoorraad_mijn": (s.generalist, "/meldingen/werkvoorraad/?weergave=mijn"),
        "werkvoorraad_team": (s.generalist, "/meldingen/werkvoorraad/?weergave=team"),
        "werkvoorraad_alle": (s.midoffice, "/meldingen/werkvoorraad/?weergave=alle"),
        "beschikking": (s.backoffice, f"/beschikkingen/{s.beschikking.pk}/"),
        "api_meldingen": (s.midoffice, "/api/v1/meldingen/"),
        "zoeken": (s.midoffice, "/inwoners/?q=jans"),
        "berichtenlog": (contractmanager, "/berichten/"),
        "dashboard": (beleid, "/sturing/"),
    }


def _open_meldingen(s, aantal: int = 3) -> None:
    """Open meldingen of the case's resident, assigned to the generalist and the wijkteam,
    so every worklist has rows (and the page logs the residents it shows)."""
    ontvangen = s.vandaag - dt.timedelta(days=3)
    Melding.objects.bulk_create(
        Melding(
            gemeente=s.gemeente,
            inwoner=s.inwoner,
            melder_soort=MelderSoort.ZELF,
            kanaal=Kanaal.TELEFOON,
            wmo=True,
            vraag=f"Vraag {i}",
            ontvangen_op=ontvangen,
            onderzoek_uiterlijk=termijn_einde(ontvangen, weken=WMO_ONDERZOEK.weken),
            persoonlijk_plan_uiterlijk=ontvangen + dt.timedelta(days=7),
            status=Status.TOEGEWEZEN,
            team=s.wijkteam,
            medewerker=s.generalist,
            geregistreerd_door=s.midoffice.user,
        )
        for i in range(aantal)
    )


def _berichten_en_sturing(s):
    """Messages about the case's resident (a declaratie about five residents among them), a
    round of the folder connection, a monthly snapshot, and who reads them: the contract
    manager and the policy officer."""
    aanbieder = AanbiederFactory(naam="Thuiszorg West")
    anderen = [InwonerFactory(gemeente=s.gemeente) for _ in range(4)]
    for code in ("323", "305", "307"):
        bericht(s.gemeente, aanbieder, s.inwoner, code=code)
    bericht(s.gemeente, aanbieder, s.inwoner).inwoners.add(*anderen)
    TaakFactory(gemeente=s.gemeente, soort=BERICHTEN_MAP, gestart_door=None, status="klaar")
    momentopname_take(gemeente_id=s.gemeente.pk, maand=s.vandaag - dt.timedelta(days=3))
    return (
        MedewerkerFactory(gemeente=s.gemeente, functie=Rol.CONTRACTMANAGER),
        MedewerkerFactory(gemeente=s.gemeente, functie=Rol.BELEID),
    )


def test_each_page_stays_within_its_query_budget(client):
    """One whole case (built once: it takes a while), every page of the benchmark on it."""
    zaak = scenarios.bezwaar()
    _open_meldingen(zaak)
    lezers = _berichten_en_sturing(zaak)
    gemeten: dict[str, int] = {}
    teveel = []
    for pagina, (medewerker, url) in _paginas(zaak, *lezers).items():
        client.force_login(medewerker.user)
        assert client.get(url).status_code == 200, url  # warm up (content types, session)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        # The two statements around a keyed worklist on PostgreSQL that ask for its generic
        # plan and put the settings back (common.vast_plan, ADR 0053) read no rows: one pair
        # at most, on those pages only, and not counted against the budget.
        plan_instelling = [q for q in queries if "set_config('plan_cache_mode'" in q["sql"]]
        verwacht = 2 if connection.vendor == "postgresql" and pagina in SLEUTELLIJSTEN else 0
        assert len(plan_instelling) == verwacht, (url, plan_instelling)
        queries = [q for q in queries if q not in plan_instelling]
        gemeten[pagina] = len(queries)
        if os.environ.get("EENPLAN_BUDGET_TOON"):
            print(f"\n=== {pagina}: {len(queries)} queries")
            for n, q in enumerate(queries, 1):
                print(f"{n:3} {q['sql'][:400]}")
        if pagina.startswith("werkvoorraad"):
            assert len(response.context["page"].object_list) == 3, url  # rows, logged
        if pagina == "api_meldingen":
            assert response.json()["count"] == 3
        if pagina == "berichtenlog":
            assert len(response.context["page"].object_list) == 5  # and the case's 301
            assert response.context["mapkoppeling"], url  # the round is shown
            assert "en nog 2 inwoners" in response.content.decode()
        if pagina == "dashboard":
            assert response.context["opname"] is not None
        if len(queries) > BUDGET[pagina]:
            teveel.append(
                f"{url} used {len(queries)} queries, budget {BUDGET[pagina]}:\n"
                + "\n".join(q["sql"][:200] for q in queries)
            )
    assert set(gemeten) == set(BUDGET)
    assert not teveel, "\n\n".join(teveel)
