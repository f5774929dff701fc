"""The verdict's thresholds (the plan's and one indicator's): bad input is refused in Dutch and
changes nothing, a save based on an older version is refused on the page and with 412 in the
API. And the dashboard and the indicator pages keep their number of queries as the
households grow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eenplan.beleid.models import Beleidsplan, Indicatorkoppeling
from eenplan.common.concurrency import versie_waarde
from eenplan.gemeente.constants import Rol
from eenplan.sturing.services import momentopname_take
from eenplan.testing import beleid as tb
from eenplan.testing.factories import (
    HuishoudenFactory,
    InwonerFactory,
    MedewerkerFactory,
    MeldingFactory,
)
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, wijken):
    return tb.plan(
        gemeente,
        indicatoren=[
            {
                "indicator": "cev_wist_waar",
                "basiswaarde": Decimal(60),
                "basisjaar": 2023,
                "streef": {2026: Decimal(80)},
                "bron": "test",
            }
        ],
    )


def _marges(plan: Beleidsplan) -> tuple[Decimal, Decimal, int]:
    plan.refresh_from_db()
    return plan.op_koers_marge, plan.aandacht_marge, plan.versie


def test_bad_plan_thresholds_are_refused_in_dutch_on_page_and_api(beleid_client, plan):
    voor = _marges(plan)
    for fout, melding in (
        ({"op_koers_marge": "veel", "aandacht_marge": "10"}, "Vul een getal in"),
        ({"op_koers_marge": "20", "aandacht_marge": "10"}, "minstens"),
        ({"op_koers_marge": "-1", "aandacht_marge": "10"}, "Marges van 0 tot 1000%"),
        ({"op_koers_marge": "", "aandacht_marge": "10"}, "Vul beide marges in"),
        ({"op_koers_marge": "1" * 30, "aandacht_marge": "10"}, "Vul een getal in"),
    ):
        pagina = beleid_client.post(
            f"/beleid/{plan.pk}/marges/", {"_versie": versie_waarde(plan), **fout}, follow=True
        )
        assert melding in pagina.content.decode(), fout
        assert _marges(plan) == voor
    api = beleid_client.post(
        f"/api/v1/beleidsplannen/{plan.pk}/marges/",
        {"op_koers_marge": "30", "aandacht_marge": "5"},
        content_type="application/json",
    )
    assert api.status_code == 400 and "minstens" in str(api.json())
    assert _marges(plan) == voor


def test_a_stale_plan_threshold_edit_is_refused_on_the_page_and_in_the_api(beleid_client, plan):
    getoond = versie_waarde(plan)  # the dashboard as two officers opened it
    eerste = beleid_client.post(
        f"/beleid/{plan.pk}/marges/",
        {"_versie": getoond, "op_koers_marge": "5", "aandacht_marge": "15"},
    )
    assert eerste.status_code == 302
    assert _marges(plan) == (Decimal(5), Decimal(15), 2)
    tweede = beleid_client.post(
        f"/beleid/{plan.pk}/marges/",
        {"_versie": getoond, "op_koers_marge": "0", "aandacht_marge": "50"},
        follow=True,
    )
    tekst = tweede.content.decode()
    assert "intussen gewijzigd" in tekst and "niet opgeslagen" in tekst
    assert _marges(plan) == (Decimal(5), Decimal(15), 2)
    oud = beleid_client.post(
        f"/api/v1/beleidsplannen/{plan.pk}/marges/",
        {"op_koers_marge": "0", "aandacht_marge": "50"},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert oud.status_code == 412
    assert _marges(plan) == (Decimal(5), Decimal(15), 2)


def test_a_stale_indicator_threshold_edit_is_refused_on_the_page_and_in_the_api(
    beleid_client, plan
):
    koppeling = Indicatorkoppeling.objects.get()
    getoond = versie_waarde(koppeling)
    velden = {
        "richting": "hoger",
        "basiswaarde": "60",
        "basisjaar": "2023",
        "streef_2026": "80",
    }
    eerste = beleid_client.post(
        f"/beleid/indicatoren/{koppeling.pk}/",
        {"_versie": getoond, **velden, "op_koers_marge": "5", "aandacht_marge": "20"},
    )
    assert eerste.status_code == 302
    tweede = beleid_client.post(
        f"/beleid/indicatoren/{koppeling.pk}/",
        {"_versie": getoond, **velden, "op_koers_marge": "1", "aandacht_marge": "2"},
        follow=True,
    )
    assert "intussen gewijzigd" in tweede.content.decode()
    koppeling.refresh_from_db()
    assert (koppeling.op_koers_marge, koppeling.aandacht_marge) == (Decimal(5), Decimal(20))
    oud = beleid_client.put(
        f"/api/v1/beleidsindicatoren/{koppeling.pk}/",
        {
            "richting": "hoger",
            "basiswaarde": "60",
            "basisjaar": 2023,
            "op_koers_marge": "1",
            "aandacht_marge": "2",
            "streefwaarden": [{"jaar": 2026, "waarde": "80"}],
        },
        content_type="application/json",
        HTTP_IF_MATCH=f'"{getoond.rsplit(":", 1)[1]}"',
    )
    assert oud.status_code == 412
    koppeling.refresh_from_db()
    assert (koppeling.op_koers_marge, koppeling.aandacht_marge) == (Decimal(5), Decimal(20))


def _huishoudens(gemeente, wijk, aantal: int) -> None:
    for _ in range(aantal):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        HuishoudenFactory(gemeente=gemeente, leden=[inwoner])
        MeldingFactory(inwoner=inwoner, kanaal="web")


def test_dashboard_and_indicator_pages_do_not_grow_with_the_households(
    beleid_client, gemeente, wijken, django_assert_max_num_queries
):
    plan = tb.plan(
        gemeente, indicatoren=[{"indicator": "meldingen"}, {"indicator": "cev_wist_waar"}]
    )
    ronde, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 6, wijken["Zuid"]: ["B"] * 6})
    for u in uitn:
        tb.beantwoord(u, 4)
    _huishoudens(gemeente, wijken["Noord"], 3)
    vandaag = dt.date.today() - dt.timedelta(days=3)  # the meldingen's month
    momentopname_take(gemeente_id=gemeente.pk, maand=vandaag)
    api = api_for(MedewerkerFactory(gemeente=gemeente, functie=Rol.RAADSLID))
    paginas = [
        "/sturing/",
        "/sturing/indicatoren/meldingen/?per=wijk",
        "/sturing/indicatoren/cev_wist_waar/?per=aanbieder&van=2025-01-01&tot=2025-12-31",
        f"/beleid/{plan.pk}/",
        f"/beleid/{plan.pk}/?wijk={wijken['Noord'].pk}",
        f"/beleid/{plan.pk}/raadsrapportage/",
        f"/beleid/clientervaring/{ronde.pk}/?per=wijk",
    ]
    apis = [
        "/api/v1/indicatoren/",
        "/api/v1/indicatoren/meldingen/?per=wijk",
        "/api/v1/indicatoren/meldingen/trend/?dimensie=wijk&waarde=" + wijken["Noord"].code,
        f"/api/v1/beleidsplannen/{plan.pk}/dashboard/",
        f"/api/v1/beleidsplannen/{plan.pk}/dashboard/?wijk={wijken['Noord'].pk}",
        f"/api/v1/clientervaring/{ronde.pk}/?per=aanbieder",
    ]

    def tel() -> dict[str, int]:
        tellingen = {}
        for client, urls in ((beleid_client, paginas), (api, apis)):
            for url in urls:
                client.get(url)  # warm: session, caches
                with django_assert_max_num_queries(40) as q:
                    assert client.get(url).status_code == 200, url
                tellingen[url] = len(q.captured_queries)
        return tellingen

    voor = tel()
    # Forty more households with a melding each, and a second round with forty answers.
    for wijk in (wijken["Noord"], wijken["Zuid"], wijken["Oost"], wijken["Noord"]):
        _huishoudens(gemeente, wijk, 10)
    _r, meer = tb.ronde(
        gemeente, {wijken["Oost"]: ["C"] * 20, wijken["Noord"]: ["A"] * 20}, jaar=2024
    )
    for u in meer:
        tb.beantwoord(u, 5)
    momentopname_take(gemeente_id=gemeente.pk, maand=vandaag, opnieuw=True)
    na = tel()
    assert {url: n for url, n in na.items() if n > voor[url]} == {}
