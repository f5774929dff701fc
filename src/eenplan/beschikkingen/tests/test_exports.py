"""The SVB export (granted PGB budgets on a date) and the CAK export (the Wmo eigen bijdrage per
household per month): content (CSV header, one row per PGB / per household, euro amounts with two
decimals), what is left out, JSON, the access log for every resident in an export, who may
export, and the management commands. The national iPgb and iEb formats are not available; see
docs/exports.md."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from eenplan.beschikkingen import exports, services
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import huishouden_create
from eenplan.privacy.models import Inzage
from eenplan.rules.eigen_bijdrage import abonnementstarief, per_maand
from eenplan.taken.models import Taak
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import (
    aanvraag_voor,
    api_for,
    beschikking_voor,
    maatwerk,
    pgb,
    vandaag,
    zin,
)

pytestmark = pytest.mark.django_db

SVB = "/api/v1/beschikkingen/export/svb/"
CAK = "/api/v1/beschikkingen/export/cak/"


def lees(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    return list(reader.fieldnames or []), list(reader)


def inwoner(wijk: Any, **kw: Any) -> Inwoner:
    return InwonerFactory(gemeente=wijk.gemeente, wijk=wijk, **kw)


def uitvoer() -> Any:
    """The access-log rows of exports (the decisions made to set up the data are logged too)."""
    return Inzage.objects.filter(onderwerp="export")


def maand() -> str:
    return f"{vandaag():%Y-%m}"


def exporteer(api: Any, url: str, data: dict[str, Any]) -> Any:
    """POST the export (answered 202 with the task, which the tests' immediate backend has
    already run), then download the task's file as the API tells."""
    response = api.post(url, data, format="json")
    assert response.status_code == 202, response.content
    taak = response.json()
    assert response["Location"] == f"/api/v1/taken/{taak['id']}/"
    assert taak["status"] == "klaar", taak
    return api.get(f"/api/v1/taken/{taak['id']}/bestand/")


@pytest.fixture
def backoffice(gemeente: Any, team_noord: Any) -> Medewerker:
    """The back office, working for wijk Noord (the need-to-know scope of these tests)."""
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice_noord"
    )


def backoffice_zuid(wijken: dict[str, Any]) -> Medewerker:
    """A colleague of the back office for wijk Zuid (decides there; outside the other's scope)."""
    team = TeamFactory(
        gemeente=wijken["Zuid"].gemeente, naam="Backoffice Zuid", wijken=[wijken["Zuid"]]
    )
    return MedewerkerFactory(gemeente=team.gemeente, functie=Rol.BACKOFFICE, teams=[team])


# --- SVB --------------------------------------------------------------------------------------


@pytest.fixture
def pgbs(backoffice: Medewerker, generalist: Medewerker, wijken: dict[str, Any]) -> dict[str, Any]:
    """Granted PGBs: two active today (one resident each), one ended, one not sent yet, one ZIN,
    one outside the back office's wijk."""
    gemeente = wijken["Noord"].gemeente
    hh = maatwerk(gemeente)
    begeleiding = maatwerk(gemeente, naam="Begeleiding", productcode="02A01")
    noord = wijken["Noord"]
    a, b, c, d, e = (inwoner(noord) for _ in range(5))
    zuid = inwoner(wijken["Zuid"])
    gisteren = vandaag() - dt.timedelta(days=1)
    result = {
        "a": beschikking_voor(aanvraag_voor(a, generalist), backoffice, [pgb(hh)], verzenden=True),
        "b": beschikking_voor(
            aanvraag_voor(b, generalist),
            backoffice,
            [pgb(begeleiding, omvang=Decimal("2.5"), einde=None, heronderzoek_op=vandaag())],
            verzenden=True,
        ),
        "geeindigd": beschikking_voor(
            aanvraag_voor(c, generalist, dagen=30),
            backoffice,
            [pgb(hh, begin=vandaag() - dt.timedelta(days=20), einde=gisteren)],
            verzenden=True,
        ),
        "niet_verzonden": beschikking_voor(aanvraag_voor(d, generalist), backoffice, [pgb(hh)]),
        "zin": beschikking_voor(
            aanvraag_voor(e, generalist), backoffice, [zin(hh)], verzenden=True
        ),
        "zuid": beschikking_voor(
            aanvraag_voor(zuid, generalist), backoffice_zuid(wijken), [pgb(hh)], verzenden=True
        ),
    }
    return {**result, "inwoners": [a, b, c, d, e, zuid]}


def test_svb_export_one_row_per_active_pgb_with_documented_columns(backoffice, pgbs):
    response = exporteer(api_for(backoffice), SVB, {"op": vandaag().isoformat()})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, rows = lees(response.content.decode())
    assert header == list(exports.SVB_KOLOMMEN)
    a, b = pgbs["inwoners"][:2]
    assert sorted(r["bsn"] for r in rows) == sorted([a.bsn, b.bsn])
    rij_a = next(r for r in rows if r["bsn"] == a.bsn)
    assert rij_a == {
        "bsn": a.bsn,
        "naam": a.naam,
        "geboortedatum": a.geboortedatum.isoformat(),
        "wet": "wmo",
        "productcategorie": "01",
        "productcode": "01A01",
        "voorziening": "Hulp bij het huishouden",
        "begindatum": vandaag().isoformat(),
        "einddatum": (vandaag() + dt.timedelta(days=365)).isoformat(),
        "budget": "89.70",  # 3 hours x the cheapest ZIN tariff 29.90
        "eenheid": "04",
        "omvang": "3",
        "frequentie": "2",
        "beschikking": str(pgbs["a"].pk),
    }
    rij_b = next(r for r in rows if r["bsn"] == b.bsn)
    assert (rij_b["budget"], rij_b["omvang"], rij_b["einddatum"]) == ("74.75", "2.5", "")


def test_svb_export_is_logged_for_every_resident_in_it(backoffice, pgbs):
    exporteer(api_for(backoffice), SVB, {"op": vandaag().isoformat()})
    rows = uitvoer().filter(user=backoffice.user)
    a, b = pgbs["inwoners"][:2]
    assert sorted(r.inwoner_id for r in rows) == sorted([a.pk, b.pk])
    assert {(r.doel, r.kanaal, r.toegestaan) for r in rows} == {("beschikking", "api", True)}
    assert all(r.pad.startswith(SVB) for r in rows)


def test_svb_export_as_json_and_on_an_earlier_date(backoffice, pgbs):
    api = api_for(backoffice)
    response = exporteer(api, SVB, {"op": vandaag().isoformat(), "format": "json"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert {r["budget"] for r in json.loads(response.content)} == {"89.70", "74.75"}
    eerder = (vandaag() - dt.timedelta(days=10)).isoformat()
    header, rows = lees(exporteer(api, SVB, {"op": eerder}).content.decode())
    assert [r["beschikking"] for r in rows] == [str(pgbs["geeindigd"].pk)]


def test_svb_export_refusals(backoffice, generalist, midoffice, pgbs):
    vandaag_ = {"op": vandaag().isoformat()}
    assert api_for(generalist).post(SVB, vandaag_, format="json").status_code == 403
    assert api_for(midoffice).post(SVB, vandaag_, format="json").status_code == 403
    response = api_for(backoffice).post(SVB, {"op": "gisteren"}, format="json")
    assert response.status_code == 400 and "op" in response.json()
    assert api_for(backoffice).post(SVB, {}, format="json").status_code == 400
    response = api_for(backoffice).post(SVB, {**vandaag_, "format": "xml"}, format="json")
    assert response.status_code == 400 and "csv of json" in str(response.json())
    assert not Taak.objects.exists()  # nothing started
    # Nothing was read; the two refusals are in the access log, with their reason.
    assert not uitvoer().filter(toegestaan=True).exists()
    geweigerd = uitvoer().filter(toegestaan=False)
    assert {r.gebruikersnaam for r in geweigerd} == {"generalist", "midoffice"}
    assert all(r.reden and r.inwoner_id is None for r in geweigerd)


def test_svb_csv_of_nothing_is_the_header_only():
    assert exports.svb_csv([]) == ";".join(exports.SVB_KOLOMMEN) + "\r\n"


# --- CAK --------------------------------------------------------------------------------------


@pytest.fixture
def clienten(
    backoffice: Medewerker, generalist: Medewerker, wijken: dict[str, Any]
) -> dict[str, Any]:
    """A couple past the AOW age with a provision each (one household, one contribution), a
    resident living alone, a client below the AOW age living with a partner (exempt), a
    provision without eigen bijdrage, and a household outside the back office's wijk."""
    gemeente, noord = wijken["Noord"].gemeente, wijken["Noord"]
    hh = maatwerk(gemeente)
    begeleiding = maatwerk(gemeente, naam="Begeleiding", productcode="02A01")
    gratis = maatwerk(gemeente, naam="Woningaanpassing", productcode="13A01", eigen_bijdrage="geen")
    sinds = dt.date(2000, 1, 1)
    man = inwoner(noord, geboortedatum=dt.date(1946, 5, 1))
    vrouw = inwoner(noord, geboortedatum=dt.date(1948, 3, 2))
    huishouden_create(
        gemeente=gemeente, leden=[(man, Relatie.REFERENTIE, sinds), (vrouw, Relatie.PARTNER, sinds)]
    )
    alleen = inwoner(noord, geboortedatum=dt.date(1950, 1, 1))
    jong = inwoner(noord, geboortedatum=dt.date(1990, 1, 1))
    oud = inwoner(noord, geboortedatum=dt.date(1945, 1, 1))
    huishouden_create(
        gemeente=gemeente, leden=[(oud, Relatie.REFERENTIE, sinds), (jong, Relatie.PARTNER, sinds)]
    )
    geen_bijdrage = inwoner(noord)
    zuid = inwoner(wijken["Zuid"], geboortedatum=dt.date(1940, 1, 1))
    for client, voorziening in [
        (man, hh),
        (vrouw, begeleiding),
        (alleen, hh),
        (jong, hh),
        (geen_bijdrage, gratis),
        (zuid, hh),
    ]:
        door = backoffice_zuid(wijken) if client is zuid else backoffice
        beschikking_voor(
            aanvraag_voor(client, generalist), door, [zin(voorziening)], verzenden=True
        )
    return {"paar": [man, vrouw], "alleen": alleen, "vrijgesteld": jong, "zuid": zuid}


def test_cak_export_one_row_per_household_with_the_abonnementstarief(backoffice, clienten):
    response = exporteer(api_for(backoffice), CAK, {"maand": maand()})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, rows = lees(response.content.decode())
    assert header == list(exports.CAK_KOLOMMEN)
    man, vrouw = clienten["paar"]
    alleen = clienten["alleen"]
    tarief = f"{per_maand(abonnementstarief(vandaag())):.2f}"
    per_bsn = {r["bsn_clienten"]: r for r in rows}
    assert set(per_bsn) == {",".join(sorted([man.bsn, vrouw.bsn])), alleen.bsn}
    paar = per_bsn[",".join(sorted([man.bsn, vrouw.bsn]))]
    assert paar["bedrag_per_maand"] == tarief and paar["maand"] == maand()
    assert (
        paar["huishouden"] != "" and "één abonnementstarief per huishouden" in paar["toelichting"]
    )
    assert per_bsn[alleen.bsn]["huishouden"] == ""
    assert per_bsn[alleen.bsn]["peildatum"] == vandaag().isoformat()


def test_cak_export_is_logged_for_every_client_in_it(backoffice, clienten):
    exporteer(api_for(backoffice), CAK, {"maand": maand(), "format": "json"})
    man, vrouw = clienten["paar"]
    ids = sorted(uitvoer().filter(user=backoffice.user).values_list("inwoner_id", flat=True))
    assert ids == sorted([man.pk, vrouw.pk, clienten["alleen"].pk])
    assert set(uitvoer().values_list("doel", flat=True)) == {"beschikking"}


def test_cak_export_as_json(backoffice, clienten):
    response = exporteer(api_for(backoffice), CAK, {"maand": maand(), "format": "json"})
    assert response.status_code == 200
    body = json.loads(response.content)
    paar = next(r for r in body if len(r["bsn_clienten"]) == 2)
    assert isinstance(paar["toelichting"], list) and paar["bedrag_per_maand"].count(".") == 1
    assert len(paar["bedrag_per_maand"].split(".")[1]) == 2


def test_cak_export_of_a_month_without_provisions_and_refusals(backoffice, generalist, clienten):
    api = api_for(backoffice)
    header, rows = lees(exporteer(api, CAK, {"maand": "2019-01"}).content.decode())
    assert header == list(exports.CAK_KOLOMMEN) and rows == []
    response = api.post(CAK, {"maand": "2024-13"}, format="json")
    assert response.status_code == 400 and "JJJJ-MM" in str(response.json())
    response = api.post(CAK, {"maand": "mei"}, format="json")
    assert response.status_code == 400 and "JJJJ-MM" in str(response.json())
    assert api_for(generalist).post(CAK, {"maand": maand()}, format="json").status_code == 403
    assert not uitvoer().filter(toegestaan=True).exists()
    assert uitvoer().get(toegestaan=False).gebruikersnaam == "generalist"


def test_cak_amount_never_above_the_cost_price(backoffice, generalist, wijken):
    noord = wijken["Noord"]
    goedkoop = maatwerk(noord.gemeente, naam="Alarmering", productcode="14A01")
    goedkoop.kostprijs_per_maand = Decimal("9.50")
    goedkoop.save()
    client = inwoner(noord, geboortedatum=dt.date(1940, 1, 1))
    beschikking_voor(aanvraag_voor(client, generalist), backoffice, [zin(goedkoop)], verzenden=True)
    [regel] = exports.cak_bijdragen(inwoners=Inwoner.objects.all(), maand=maand())
    assert regel.bedrag_per_maand == Decimal("9.50")
    assert regel.as_dict()["bedrag_per_maand"] == "9.50"


def test_partner_exemption_also_when_only_the_older_partner_is_a_client(
    backoffice, generalist, wijken
):
    """Uitvoeringsbesluit Wmo 2015 art. 3.8: the married client pays nothing when either of the
    two has not reached the AOW age, also when the younger one has no provision."""
    noord = wijken["Noord"]
    oud = inwoner(noord, geboortedatum=dt.date(1945, 1, 1))
    jong = inwoner(noord, geboortedatum=dt.date(1990, 1, 1))
    sinds = dt.date(2000, 1, 1)
    huishouden_create(
        gemeente=noord.gemeente,
        leden=[(oud, Relatie.REFERENTIE, sinds), (jong, Relatie.PARTNER, sinds)],
    )
    hh = maatwerk(noord.gemeente)
    beschikking_voor(aanvraag_voor(oud, generalist), backoffice, [zin(hh)], verzenden=True)
    assert exports.cak_bijdragen(inwoners=Inwoner.objects.all(), maand=maand()) == []


def test_parse_maand():
    assert exports.parse_maand("2024-12") == (dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    assert exports.parse_maand("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    for fout in ["2024-13", "2024-1", "24-01", ""]:
        with pytest.raises(ValueError, match="JJJJ-MM"):
            exports.parse_maand(fout)


# --- management commands ----------------------------------------------------------------------


def test_export_svb_command_writes_csv_and_logs(backoffice, pgbs):
    out = io.StringIO()
    call_command(
        "export_svb", op=vandaag().isoformat(), gebruiker=backoffice.user.username, stdout=out
    )
    header, rows = lees(out.getvalue())
    assert header == list(exports.SVB_KOLOMMEN) and len(rows) == 2
    logged = uitvoer().filter(user=backoffice.user)
    assert logged.filter(pad__startswith="eenplan export_svb").count() == 2


def test_export_cak_command_writes_json_to_a_file_and_logs(backoffice, clienten, tmp_path):
    pad = tmp_path / "cak.json"
    call_command(
        "export_cak",
        maand=maand(),
        gebruiker=backoffice.user.username,
        format="json",
        output=str(pad),
        stderr=io.StringIO(),
    )
    assert len(json.loads(pad.read_text(encoding="utf-8"))) == 2
    logged = uitvoer().filter(user=backoffice.user)
    assert logged.filter(pad__startswith="eenplan export_cak").count() == 3


def test_export_commands_refuse_unknown_users_and_other_roles(generalist):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("export_svb", op=vandaag().isoformat(), gebruiker="niemand")
    with pytest.raises(CommandError, match="geen exports"):
        call_command("export_cak", maand=maand(), gebruiker=generalist.user.username)
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("export_svb", op="gisteren", gebruiker=generalist.user.username)
    # Nothing was exported; the refused attempt is in the access log with its reason.
    assert not uitvoer().filter(toegestaan=True).exists()
    geweigerd = uitvoer().get()
    assert geweigerd.gebruikersnaam == "generalist" and "rol" in geweigerd.reden
    assert geweigerd.pad.startswith("eenplan export_cak")


def test_eigen_bijdrage_rows_match_the_service(backoffice, clienten):
    rows = exports.cak_bijdragen(inwoners=Inwoner.objects.all(), maand=maand())
    alleen = clienten["alleen"]
    rij = next(r for r in rows if r.clienten == ((alleen.pk, alleen.bsn),))
    uitkomst = services.eigen_bijdrage_voor(alleen, vandaag())
    assert uitkomst is not None
    assert (rij.bedrag_per_maand, rij.toelichting) == (
        uitkomst.bedrag_per_maand,
        uitkomst.toelichting,
    )
    assert {r.clienten[0][1] for r in rows} >= {clienten["zuid"].bsn}  # all residents passed in


# --- as background tasks (issue 16): page, API, the same file as the command ---------------------


def test_the_task_makes_the_same_file_as_the_command(backoffice, pgbs, clienten):
    api = api_for(backoffice)
    svb, cak = {"op": vandaag().isoformat()}, {"maand": maand(), "format": "json"}
    for url, data, command in ((SVB, svb, "export_svb"), (CAK, cak, "export_cak")):
        out = io.StringIO()
        call_command(command, gebruiker=backoffice.user.username, stdout=out, **data)
        assert exporteer(api, url, data).content == out.getvalue().encode()


def test_the_page_starts_the_export_and_leads_to_its_task(client, backoffice, pgbs):
    login(client, backoffice)
    pagina = client.get("/beschikkingen/exports/")
    assert pagina.status_code == 200
    assert "Export voor de SVB maken" in pagina.content.decode()
    response = client.post(
        "/beschikkingen/exports/",
        {"soort": "svb", "op": vandaag().strftime("%d-%m-%Y"), "formaat": "csv"},
    )
    taak = Taak.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/taken/{taak.pk}/"
    assert (taak.soort, taak.status, taak.gestart_door) == ("export_svb", "klaar", backoffice.user)
    bestand = client.get(f"/taken/{taak.pk}/bestand/")
    header, rows = lees(bestand.content.decode())
    assert header == list(exports.SVB_KOLOMMEN) and len(rows) == 2
    logged = uitvoer().filter(user=backoffice.user, toegestaan=True)
    assert logged.count() == 2 and all(r.pad == "/beschikkingen/exports/" for r in logged)
    assert {r.kanaal for r in logged} == {"pagina"}


def test_the_page_refuses_bad_input_and_other_roles(client, backoffice, generalist, pgbs):
    login(client, backoffice)
    response = client.post(
        "/beschikkingen/exports/", {"soort": "cak", "maand": "2024-13", "formaat": "csv"}
    )
    assert response.status_code == 400
    assert "Geef de maand als JJJJ-MM" in response.content.decode()
    assert not Taak.objects.exists()
    login(client, generalist)
    assert client.get("/beschikkingen/exports/").status_code == 403
    response = client.post(
        "/beschikkingen/exports/", {"soort": "svb", "op": vandaag().isoformat(), "formaat": "csv"}
    )
    assert response.status_code == 403 and not Taak.objects.exists()
    geweigerd = uitvoer().filter(toegestaan=False, gebruikersnaam="generalist")
    assert geweigerd.count() == 2 and all(r.pad == "/beschikkingen/exports/" for r in geweigerd)


def test_the_task_decides_again_for_whoever_started_it(backoffice, pgbs, settings):
    """Rights taken away between asking and making the file: the worker refuses for the login
    that asked (logged with the path it asked on, the task failed with the reason in Dutch),
    and nothing is read, logged as shown or kept as a file."""
    from eenplan.taken.services import taak_uitvoeren

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = api_for(backoffice).post(SVB, {"op": vandaag().isoformat()}, format="json")
    assert response.status_code == 202 and response.json()["status"] == "wachtend"
    backoffice.user.groups.clear()
    backoffice.user.user_permissions.clear()
    taak_uitvoeren(response.json()["id"])  # what the worker does
    taak = Taak.objects.get()
    assert taak.status == "mislukt" and "alleen de backoffice" in taak.fout
    assert not taak.bestand_naam
    assert not uitvoer().filter(toegestaan=True).exists()
    geweigerd = uitvoer().get(toegestaan=False)
    assert geweigerd.gebruikersnaam == backoffice.user.username and geweigerd.pad == SVB


# --- the file at once, for existing API clients (GET, deprecated) ---------------------------------


def test_get_still_answers_the_file_itself_with_the_same_rows_and_log(backoffice, pgbs, clienten):
    """An API client written before the tasks keeps working: GET answers the file, with the
    same rows as the task's file and every resident in the access log."""
    api = api_for(backoffice)
    svb = {"op": vandaag().isoformat()}
    direct = api.get(SVB, svb)
    assert direct.status_code == 200 and direct["Content-Type"].startswith("text/csv")
    assert "attachment" in direct["Content-Disposition"]
    assert direct.content == exporteer(api, SVB, svb).content
    a, b = pgbs["inwoners"][:2]
    ids = uitvoer().filter(user=backoffice.user, pad=SVB).values_list("inwoner_id", flat=True)
    assert sorted(set(ids)) == sorted([a.pk, b.pk])
    response = api.get(CAK, {"maand": maand(), "format": "json"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert {len(r["bsn_clienten"]) for r in response.json()} >= {1, 2}
    assert not Taak.objects.filter(soort=exports.EXPORT_CAK).exists()  # no task for a GET


def test_get_refuses_as_the_task_does(backoffice, generalist, pgbs):
    assert api_for(generalist).get(SVB, {"op": vandaag().isoformat()}).status_code == 403
    response = api_for(backoffice).get(CAK, {"maand": "mei"})  # readable in the CSV form too
    assert response.status_code == 400 and "JJJJ-MM" in response.content.decode()
    response = api_for(backoffice).get(SVB, {"op": "gisteren"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "op" in response.json()
    assert not uitvoer().filter(toegestaan=True).exists()
    assert uitvoer().get(toegestaan=False).gebruikersnaam == "generalist"
