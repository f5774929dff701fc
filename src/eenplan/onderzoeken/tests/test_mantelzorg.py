"""The onderzoek shows the resident's carers with the burden last recorded on the carer page
(mantelzorg; Wmo 2015 art. 2.3.2 lid 4 onder d), on the page and in the API: each carer links
to its own page, only for a role that reads mantelzorg (decided and logged in
`privacy.access`), in a number of queries that does not grow with the carers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for
from eenplan.testing.mantelzorg import BelastingFactory, ZorgrelatieFactory

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def lotte(onderzoek):
    """Anna's carer, overburdened as recorded in this onderzoek three days ago (and not
    overburdened a year before: the last one counts)."""
    relatie = ZorgrelatieFactory(verzorgde=onderzoek.inwoner, naam="Lotte Jansen")
    BelastingFactory(
        onderzoek=onderzoek,
        zorgrelatie=relatie,
        overbelast=True,
        vastgesteld_op=VANDAAG - dt.timedelta(days=3),
    )
    return relatie


def _pagina(client, onderzoek) -> str:
    response = client.get(reverse("onderzoeken:detail", args=[onderzoek.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_carer_with_the_last_burden_and_links_to_the_carer(
    client, onderzoek, generalist, lotte
):
    html = _pagina(login(client, generalist), onderzoek)
    assert "Mantelzorgers en hun belasting" in html
    carer = reverse("mantelzorg:mantelzorger", args=[lotte.mantelzorger_id])
    assert f'href="{carer}">Lotte Jansen</a>' in html
    regel = html[html.index("Lotte Jansen</a>") :].split("</li>")[0]
    assert "overbelast" in regel and "niet overbelast" not in regel
    assert (VANDAAG - dt.timedelta(days=3)).strftime("%d-%m-%Y") in regel
    assert reverse("mantelzorg:inwoner", args=[onderzoek.inwoner_id]) in html
    assert Inzage.objects.filter(
        user=generalist.user,
        inwoner=onderzoek.inwoner,
        onderwerp="mantelzorg",
        handeling="lezen",
        toegestaan=True,
    ).exists()


def test_the_api_gives_the_same_carers_with_their_last_burden(onderzoek, generalist, lotte):
    antwoord = api_for(generalist).get(f"/api/v1/onderzoeken/{onderzoek.pk}/")
    assert antwoord.status_code == 200
    [zorg] = antwoord.json()["mantelzorgers"]
    assert (zorg["id"], zorg["naam"], zorg["relatie"]) == (
        lotte.mantelzorger_id,
        "Lotte Jansen",
        "dochter",
    )
    assert zorg["url"].endswith(f"/api/v1/mantelzorgers/{lotte.mantelzorger_id}/")
    assert zorg["laatste_belasting"] == {
        "overbelast": True,
        "vastgesteld_op": (VANDAAG - dt.timedelta(days=3)).isoformat(),
        "onderzoek": onderzoek.pk,
    }


def test_a_carer_without_a_recorded_burden_says_so(client, onderzoek, generalist):
    ZorgrelatieFactory(verzorgde=onderzoek.inwoner, naam="Kees de Buur", relatie="buurman")
    html = _pagina(login(client, generalist), onderzoek)
    assert "Kees de Buur</a> (buurman)" in html and "belasting nog niet vastgelegd" in html
    [zorg] = api_for(generalist).get(f"/api/v1/onderzoeken/{onderzoek.pk}/").json()[
        "mantelzorgers"
    ]
    assert zorg["laatste_belasting"] is None


def test_a_role_that_does_not_read_mantelzorg_sees_no_carers_and_nothing_is_logged(
    client, onderzoek, backoffice, lotte
):
    """The back office reads the onderzoek but not mantelzorg (roles.ROLE_PERMISSIONS)."""
    html = _pagina(login(client, backoffice), onderzoek)
    assert "Mantelzorgers en hun belasting" not in html and "Lotte Jansen" not in html
    assert api_for(backoffice).get(f"/api/v1/onderzoeken/{onderzoek.pk}/").json()[
        "mantelzorgers"
    ] is None
    assert not Inzage.objects.filter(user=backoffice.user, onderwerp="mantelzorg").exists()


def test_more_carers_cost_no_more_queries(client, onderzoek, generalist, lotte):
    client = login(client, generalist)
    url = reverse("onderzoeken:detail", args=[onderzoek.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as een:
        assert client.get(url).status_code == 200
    for naam in ("Piet", "Sara", "Joris"):
        relatie = ZorgrelatieFactory(verzorgde=onderzoek.inwoner, naam=naam)
        BelastingFactory(onderzoek=onderzoek, zorgrelatie=relatie, overbelast=False)
    with CaptureQueriesContext(connection) as vier:
        html = client.get(url).content.decode()
    assert html.count("utrecht-status-badge--safe") == 3
    assert len(vier.captured_queries) == len(een.captured_queries)
