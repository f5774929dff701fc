"""The national exports on the hand-made provisions dataset (conftest.voorzieningen_wereld):
Wmo clients in CBS GMSD style and the BBV indicators, numbers worked out by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.sturing.exports import bbv, gmsd_wmo, halfjaar
from eenplan.testing.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db

VANDAAG = dt.date.today()


def _rijen(inhoud: bytes) -> list[list[str]]:
    assert inhoud.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))


def test_halfjaar_code():
    assert halfjaar(dt.date(2026, 6, 30)) == "2026HJ01"
    assert halfjaar(dt.date(2026, 7, 1)) == "2026HJ02"


def test_gmsd_wmo_clients_per_type_and_characteristic(gemeente, voorzieningen_wereld):
    rijen = _rijen(gmsd_wmo(gemeente, tot=VANDAAG))
    assert rijen[0] == [
        "Perioden",
        "RegioS",
        "TypeMaatwerkarrangement",
        "Persoonskenmerken",
        "WmoClienten",
        "WmoClientenPer1000Inwoners",
        "Onderdrukt",
    ]
    per = {(r[2], r[3]): r for r in rijen[1:]}
    regio = f"GM{gemeente.cbs_code}"
    # 6 Wmo clients of 21 residents: 6 * 1000 / 21 = 285.7 per 1,000.
    assert per[("Totaal", "Totaal")] == [
        halfjaar(VANDAAG),
        regio,
        "Totaal",
        "Totaal",
        "6",
        "285.7",
        "nee",
    ]
    # All six are adults: 6 of the 6 residents aged 18-64 -> 1000 per 1,000.
    assert per[("Totaal", "Leeftijd: 18-64 jaar")][4:] == ["6", "1000.0", "nee"]
    # Hulp bij het huishouden (WMO020 01): six clients; begeleiding (02): five.
    hulp = next(k for k in per if k[0].startswith("01 ") and k[1] == "Totaal")
    assert per[hulp][4] == "6"
    begeleiding = next(k for k in per if k[0].startswith("02 ") and k[1] == "Totaal")
    assert per[begeleiding][4] == "5"
    # No youth in the Wmo: no row for their age group with clients.
    assert ("Totaal", "Leeftijd: 0-17 jaar") not in per


def test_bbv_export(gemeente, voorzieningen_wereld):
    rijen = _rijen(bbv(gemeente, tot=VANDAAG))
    assert [r[:4] for r in rijen[1:]] == [
        ["29", "BBV 29 Jongeren met jeugdhulp", "%", "33.3"],
        ["30", "BBV 30 Jongeren met jeugdbescherming", "%", "33.3"],
        ["32", "BBV 32 Cliënten met een maatwerkarrangement Wmo", "per 10.000 inwoners", "2857.1"],
    ]
    assert all(r[4] == f"{VANDAAG:%Y-%m-%d}" and r[7] == "nee" for r in rijen[1:])


def test_exports_as_pages_for_the_council(client, gemeente, voorzieningen_wereld):
    client.force_login(MedewerkerFactory(gemeente=gemeente, functie=Rol.RAADSLID).user)
    response = client.get(f"/sturing/export/bbv.csv?tot={VANDAAG:%Y-%m-%d}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="bbv-GM{gemeente.cbs_code}-{VANDAAG:%Y%m%d}.csv"'
    )
    response = client.get("/sturing/export/gmsd-wmo.csv")
    assert response.status_code == 200 and b"WmoClienten" in response.content
    fout = client.get("/sturing/export/bbv.csv?tot=morgen")
    assert fout.status_code == 400 and "JJJJ-MM-DD" in fout.content.decode()
