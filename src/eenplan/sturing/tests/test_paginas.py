"""The pages of steering figures: who sees them, what they show, the exports, the query budget."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inzage
from eenplan.sturing.services import momentopname_take
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, MeldingFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente():
    """Seven residents with a melding three days ago: six in Oost by web, one elsewhere."""
    inwoner = InwonerFactory()
    gemeente = inwoner.gemeente
    oost = WijkFactory(gemeente=gemeente, code="WK900199", naam="Oost")
    MeldingFactory(inwoner=inwoner)
    for _ in range(6):
        MeldingFactory(inwoner=InwonerFactory(gemeente=gemeente, wijk=oost), kanaal="web")
    return gemeente


def _login(client, gemeente, rol=Rol.RAADSLID):
    medewerker = MedewerkerFactory(gemeente=gemeente, functie=rol)
    client.force_login(medewerker.user)
    return medewerker


def test_council_member_sees_the_overview_with_the_latest_snapshot(client, gemeente):
    momentopname_take(gemeente_id=gemeente.pk, maand=dt.date.today() - dt.timedelta(days=3))
    _login(client, gemeente)
    response = client.get("/sturing/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stuurinformatie" in html and "BBV 32" in html
    assert 'href="/sturing/indicatoren/meldingen/"' in html
    # The snapshot of the month holds the 7 meldingen.
    assert response.context["themas"]["Toegang"][0]["cel"].waarde == 7


def test_the_overview_shows_the_latest_of_several_snapshots_and_one_without_values(
    client, gemeente
):
    """The month of the latest snapshot heads the values; before any snapshot the page says
    so, and a snapshot whose values are gone still names its month (every value '—')."""
    _login(client, gemeente)
    assert "Er is nog geen momentopname gemaakt." in client.get("/sturing/").content.decode()
    vandaag = dt.date.today()
    momentopname_take(gemeente_id=gemeente.pk, maand=vandaag.replace(day=1) - dt.timedelta(days=40))
    laatste = momentopname_take(gemeente_id=gemeente.pk, maand=vandaag - dt.timedelta(days=3))
    response = client.get("/sturing/")
    assert response.context["opname"].tot == laatste.tot
    assert f"Waarde {laatste.tot:%m-%Y}" in response.content.decode()
    assert response.context["themas"]["Toegang"][0]["cel"].waarde == 7
    laatste.waarden.all().delete()
    response = client.get("/sturing/")
    assert response.context["opname"].tot == laatste.tot
    assert response.context["themas"]["Toegang"][0]["cel"] is None


def test_council_member_cannot_open_a_dossier(client, gemeente):
    _login(client, gemeente)
    inwoner = InwonerFactory(gemeente=gemeente)
    assert client.get(f"/inwoners/{inwoner.pk}/").status_code == 403
    assert client.get("/api/v1/inwoners/").status_code == 403


def test_detail_by_wijk_with_suppression_and_table(client, gemeente):
    _login(client, gemeente, Rol.BELEID)
    response = client.get("/sturing/indicatoren/meldingen/?per=wijk")
    assert response.status_code == 200
    tabel = response.context["tabel"]
    assert tabel.totaal.waarde == 7
    # One resident in one wijk (suppressed), so Oost's 6 would give it away: both hidden.
    assert [r.onderdrukt for r in tabel.rijen] == [True, True]
    html = response.content.decode()
    assert "2 cellen niet getoond om personen te beschermen" in html
    assert "niet getoond" in html


def test_detail_shows_the_trend_as_svg_and_as_table(client, gemeente):
    momentopname_take(gemeente_id=gemeente.pk, maand=dt.date.today() - dt.timedelta(days=3))
    _login(client, gemeente, Rol.BELEID)
    html = client.get("/sturing/indicatoren/meldingen/").content.decode()
    assert '<svg class="eenplan-trend"' in html and 'role="img"' in html
    assert '<title id="trend-meldingen-titel">Trend: Meldingen</title>' in html
    assert "De trend als tabel" in html


def test_detail_bad_input_is_a_dutch_400(client, gemeente):
    _login(client, gemeente, Rol.BELEID)
    response = client.get("/sturing/indicatoren/meldingen/?per=aanbieder")
    assert response.status_code == 400
    assert "geen splitsing van deze indicator" in response.content.decode()
    response = client.get("/sturing/indicatoren/meldingen/?onzin=1")
    assert response.status_code == 400
    assert client.get("/sturing/indicatoren/bestaat_niet/").status_code == 404


def test_csv_and_xlsx_export_of_the_table(client, gemeente):
    _login(client, gemeente, Rol.CONTRACTMANAGER)
    response = client.get("/sturing/indicatoren/meldingen/export.csv?per=kanaal")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="meldingen-')
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == ["Indicator", "Meldingen (meldingen)"]
    tabel = rijen[rijen.index(["Kanaal", "Code", "Waarde", "Onderdrukt"]) + 1 :]
    # telefoon 1 (suppressed) and web 6 (suppressed too: 7 - 6), total 7.
    assert tabel == [
        ["Telefoon", "telefoon", "", "ja"],
        ["Webformulier", "web", "", "ja"],
        ["Totaal", "", "7", "nee"],
    ]
    response = client.get("/sturing/indicatoren/meldingen/export.xlsx?per=kanaal")
    blad = load_workbook(io.BytesIO(response.content)).active
    waarden = [tuple(c.value for c in rij) for rij in blad.iter_rows()]
    assert ("Totaal", None, 7, "nee") in waarden or ("Totaal", "", 7, "nee") in waarden
    assert ("Webformulier", "web", None, "ja") in waarden or (
        "Webformulier",
        "web",
        "",
        "ja",
    ) in waarden


@pytest.mark.parametrize("rol", [Rol.GENERALIST, Rol.BACKOFFICE, Rol.PRIVACY])
def test_roles_without_the_aggregate_permission_are_refused_and_logged(client, gemeente, rol):
    _login(client, gemeente, rol)
    for pad in ("/sturing/", "/sturing/indicatoren/meldingen/", "/sturing/export/bbv.csv"):
        assert client.get(pad).status_code == 403
        assert Inzage.objects.filter(toegestaan=False, pad=pad).exists()


def test_overview_and_detail_query_budget(client, gemeente, django_assert_max_num_queries):
    momentopname_take(gemeente_id=gemeente.pk, maand=dt.date.today() - dt.timedelta(days=3))
    _login(client, gemeente, Rol.BELEID)
    # The session, the login with its roles, and the snapshot with its totals in one query: no
    # query per indicator (issue 16; it was the snapshot, its totals and the snapshot again).
    client.get("/sturing/")
    with django_assert_max_num_queries(3):
        assert client.get("/sturing/").status_code == 200
    # The table (total, rows), one pair per filter for the differencing rule, the labels,
    # the trend and the filter choices: bounded by the dimensions, not by the residents.
    with django_assert_max_num_queries(20):
        assert (
            client.get(
                "/sturing/indicatoren/meldingen/?per=wijk&kanaal=web&wijk=WK900199"
            ).status_code
            == 200
        )


def test_bbv_32_and_stapeling_pages_do_not_grow_with_the_households(
    client, gemeente, wijk, voorzieningen_wereld, django_assert_max_num_queries
):
    """The two pages that were slow on the demo: each counts residents and households with
    uncorrelated sets in a bounded number of queries, whatever their number (docs/benchmarks.md)."""
    from eenplan.testing.factories import (
        AanvraagFactory,
        BeschikkingFactory,
        BeschikteVoorzieningFactory,
        HuishoudenFactory,
    )

    _login(client, gemeente, Rol.BELEID)
    urls = [
        "/sturing/indicatoren/bbv_32_wmo_maatwerk/?per=wijk",
        "/sturing/indicatoren/stapeling/?per=wijk",
    ]
    for url in urls:
        client.get(url)
    tellingen = {}
    for url in urls:
        with django_assert_max_num_queries(20) as q:
            assert client.get(url).status_code == 200
        tellingen[url] = len(q.captured_queries)
    for _ in range(5):
        inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
        HuishoudenFactory(gemeente=gemeente, leden=[inwoner])
        BeschikteVoorzieningFactory(
            beschikking=BeschikkingFactory(aanvraag=AanvraagFactory(inwoner=inwoner))
        )
    for url in urls:
        with django_assert_max_num_queries(tellingen[url]):
            antwoord = client.get(url)
        assert antwoord.status_code == 200
    # Eleven households with maatwerk now, so the wijk's row shows (not suppressed).
    assert "Noord" in client.get(urls[1]).content.decode()
