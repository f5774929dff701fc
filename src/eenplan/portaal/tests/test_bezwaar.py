"""Bezwaar and klacht from the inwonersportaal (issue 13): the resident — or a representative
for them, nobody else — files a bezwaar against a sent beschikking with the last day shown (the
same rule the letter and the staff pages use) and a complaint, through the bezwaren services;
bad input is refused in Dutch and writes nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.beschikkingen.models import Beschikking
from eenplan.bezwaren import selectors as bezwaren_selectors
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.privacy.models import Inzage
from eenplan.rules.termijnen import bezwaar_uiterlijk
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory, InwonerFactory, MachtigingFactory

pytestmark = pytest.mark.django_db


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def zaak():
    return scenarios.beschikt(scenarios.gemeente())


def _login(client, inwoner):
    client.force_login(InwoneraccountFactory(inwoner=inwoner).user)
    return client


def _url(naam: str, zaak, **kwargs) -> str:
    return reverse(f"portaal:{naam}", kwargs={"inwoner_id": zaak.inwoner.pk, **kwargs})


GRONDEN = "Drie uur per week is te weinig voor het huis en de was."


def test_the_last_day_shown_is_the_one_the_rule_and_the_letter_give(client, zaak):
    _login(client, zaak.inwoner)
    b = zaak.beschikking
    regel = bezwaar_uiterlijk(b.verzonden_op, extra=gelijkgestelde_dagen())
    assert regel == b.bezwaar_uiterlijk  # what the staff page and the letter show
    for pagina in (
        _url("bezwaren", zaak),
        _url("bezwaar-maken", zaak, pk=b.pk),
    ):
        tekst = _tekst(client.get(pagina))
        assert "tot en met" in tekst
        assert f"{regel.day} " in tekst and str(regel.year) in tekst, pagina
    # The API gives the same day.
    api = APIClient()
    api.force_authenticate(zaak.inwoner.inwoneraccount.user)
    besluiten = api.get(f"/api/v1/portaal/{zaak.inwoner.pk}/bezwaren/").json()["besluiten"]
    assert besluiten == [
        {
            "beschikking_id": b.pk,
            "besloten_op": str(b.besloten_op),
            "bezwaar_uiterlijk": str(regel),
            "op_tijd": True,
            "lopend_bezwaar_id": None,
        }
    ]


def test_the_resident_files_a_bezwaar_that_staff_see_in_their_register(client, zaak):
    _login(client, zaak.inwoner)
    b = zaak.beschikking
    response = client.post(
        _url("bezwaar-maken", zaak, pk=b.pk), {"gronden": GRONDEN, "akkoord": "on"}
    )
    assert response.status_code == 302
    bezwaar = Bezwaar.objects.get(beschikking=b)
    assert (bezwaar.gronden, bezwaar.ingediend_door, bezwaar.tijdigheid) == (
        GRONDEN,
        zaak.inwoner.naam,
        "tijdig",
    )
    assert bezwaar.ontvangen_op == timezone.localdate()
    assert bezwaar.vastgelegd_door == zaak.inwoner.inwoneraccount.user
    # The back office finds it in its register; the resident sees it with its deadline.
    assert bezwaar in bezwaren_selectors.bezwaren_register(zaak.backoffice.user)
    tekst = _tekst(client.get(response.headers["Location"]))
    assert "Wij hebben uw bezwaar ontvangen" in tekst
    assert f"de gemeente beslist uiterlijk {bezwaar.beslissen_uiterlijk.day}" in tekst.lower()
    # The event of the bezwaren service, and the logged decision with the ground.
    assert Gebeurtenis.objects.filter(soort="bezwaar.ontvangen", inwoner=zaak.inwoner).exists()
    row = Inzage.objects.filter(pad=_url("bezwaar-maken", zaak, pk=b.pk)).latest("id")
    assert (row.toegestaan, row.grond, row.onderwerp, row.handeling) == (
        True,
        "zelf",
        "bezwaar",
        "aanmaken",
    )


@pytest.mark.parametrize(
    ("data", "fout"),
    [
        ({"gronden": "", "akkoord": "on"}, "Schrijf op waarom u het niet eens bent"),
        ({"gronden": "Nee.", "akkoord": "on"}, "Schrijf iets meer op"),
        ({"gronden": GRONDEN}, "Zet een vinkje om uw bezwaar in te dienen"),
        ({"gronden": "x" * 5001, "akkoord": "on"}, "Schrijf het korter"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_files_nothing(client, zaak, data, fout):
    _login(client, zaak.inwoner)
    response = client.post(_url("bezwaar-maken", zaak, pk=zaak.beschikking.pk), data)
    assert response.status_code == 400
    assert fout in _tekst(response)
    assert not Bezwaar.objects.exists()


def test_a_second_bezwaar_while_one_runs_is_refused(client, zaak):
    _login(client, zaak.inwoner)
    pagina = _url("bezwaar-maken", zaak, pk=zaak.beschikking.pk)
    assert client.post(pagina, {"gronden": GRONDEN, "akkoord": "on"}).status_code == 302
    response = client.post(pagina, {"gronden": GRONDEN + " Nog eens.", "akkoord": "on"})
    assert response.status_code == 400
    assert "U hebt al bezwaar gemaakt tegen dit besluit" in _tekst(response)
    assert Bezwaar.objects.count() == 1


def test_a_late_bezwaar_asks_why_and_is_filed_as_late_but_excusable(client, zaak):
    lang_geleden = timezone.localdate() - dt.timedelta(weeks=10)
    Beschikking.objects.filter(pk=zaak.beschikking.pk).update(
        verzonden_op=lang_geleden,
        besloten_op=lang_geleden,
        bezwaar_uiterlijk=bezwaar_uiterlijk(lang_geleden, extra=gelijkgestelde_dagen()),
    )
    _login(client, zaak.inwoner)
    pagina = _url("bezwaar-maken", zaak, pk=zaak.beschikking.pk)
    tekst = _tekst(client.get(pagina))
    assert "U bent dus te laat" in tekst and "Bent u te laat? Schrijf dan op waarom" in tekst
    client.post(
        pagina,
        {"gronden": GRONDEN, "reden_te_laat": "Ik lag in het ziekenhuis.", "akkoord": "on"},
    )
    bezwaar = Bezwaar.objects.get()
    assert (bezwaar.tijdigheid, bezwaar.verschoonbaar_reden) == (
        "te_laat_verschoonbaar",
        "Ik lag in het ziekenhuis.",
    )


def test_a_gemachtigde_files_for_the_resident_and_is_named(client, zaak):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter)
    _login(client, zaak.dochter)
    response = client.post(
        _url("bezwaar-maken", zaak, pk=zaak.beschikking.pk), {"gronden": GRONDEN, "akkoord": "on"}
    )
    assert response.status_code == 302
    assert Bezwaar.objects.get().ingediend_door == (
        f"{zaak.dochter.naam} (gemachtigde) namens {zaak.inwoner.naam}"
    )
    assert Inzage.objects.filter(grond="machtiging", onderwerp="bezwaar", toegestaan=True).exists()


def test_a_mantelzorger_reads_but_files_no_bezwaar_or_klacht(client, zaak):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    _login(client, zaak.dochter)
    assert client.get(_url("bezwaren", zaak)).status_code == 200
    pagina = _url("bezwaar-maken", zaak, pk=zaak.beschikking.pk)
    lijst = _tekst(client.get(_url("bezwaren", zaak)))
    assert pagina not in lijst and _url("klacht", zaak) not in lijst
    assert client.post(pagina, {"gronden": GRONDEN, "akkoord": "on"}).status_code == 403
    klacht = client.post(_url("klacht", zaak), {"onderwerp": "Niemand belde terug."})
    assert klacht.status_code == 403
    assert not Bezwaar.objects.exists() and not Klacht.objects.exists()
    assert Inzage.objects.filter(grond="mantelzorger", toegestaan=False).count() == 2


def test_anyone_else_gets_a_404_and_the_attempt_is_logged(client, zaak):
    vreemde = InwonerFactory(gemeente=zaak.gemeente, wijk=zaak.inwoner.wijk)
    _login(client, vreemde)
    pagina = _url("bezwaar-maken", zaak, pk=zaak.beschikking.pk)
    assert client.post(pagina, {"gronden": GRONDEN, "akkoord": "on"}).status_code == 404
    assert client.post(_url("klacht", zaak), {"onderwerp": "Iets over Anna."}).status_code == 404
    assert not Bezwaar.objects.exists() and not Klacht.objects.exists()
    assert Inzage.objects.filter(
        inwoner=zaak.inwoner, toegestaan=False, onderwerp="bezwaar"
    ).exists()


def test_the_resident_files_a_klacht(client, zaak):
    _login(client, zaak.inwoner)
    leeg = client.post(_url("klacht", zaak), {"onderwerp": "  "})
    assert leeg.status_code == 400 and "Schrijf op waarover uw klacht gaat" in _tekst(leeg)
    response = client.post(
        _url("klacht", zaak), {"onderwerp": "Ik werd drie keer niet teruggebeld."}
    )
    assert response.status_code == 302
    klacht = Klacht.objects.get()
    assert (klacht.inwoner, klacht.gemeente, klacht.ingediend_door) == (
        zaak.inwoner,
        zaak.gemeente,
        zaak.inwoner.naam,
    )
    assert "Wij hebben uw klacht ontvangen" in _tekst(client.get(response.headers["Location"]))


# --- the API ----------------------------------------------------------------------------------


def _api(inwoner) -> APIClient:
    api = APIClient()
    api.force_authenticate(InwoneraccountFactory(inwoner=inwoner).user)
    return api


def test_the_api_files_a_bezwaar_and_a_klacht(zaak):
    api = _api(zaak.inwoner)
    basis = f"/api/v1/portaal/{zaak.inwoner.pk}"
    fout = api.post(f"{basis}/beschikkingen/{zaak.beschikking.pk}/bezwaar/", {"gronden": ""})
    assert fout.status_code == 400 and not Bezwaar.objects.exists()
    response = api.post(
        f"{basis}/beschikkingen/{zaak.beschikking.pk}/bezwaar/", {"gronden": GRONDEN}
    )
    assert response.status_code == 201
    bezwaar = Bezwaar.objects.get()
    assert response.json()["tijdigheid"] == "tijdig"
    assert response.json()["beslissen_uiterlijk"] == str(bezwaar.beslissen_uiterlijk)
    dubbel = api.post(f"{basis}/beschikkingen/{zaak.beschikking.pk}/bezwaar/", {"gronden": GRONDEN})
    assert dubbel.status_code == 400
    assert "U hebt al bezwaar gemaakt" in str(dubbel.json())
    klacht = api.post(f"{basis}/klachten/", {"onderwerp": "Ik werd niet teruggebeld."})
    assert klacht.status_code == 201 and Klacht.objects.get().inwoner == zaak.inwoner
    overzicht = api.get(f"{basis}/bezwaren/").json()
    assert [b["id"] for b in overzicht["bezwaren"]] == [bezwaar.pk]
    assert overzicht["besluiten"][0]["lopend_bezwaar_id"] == bezwaar.pk
    assert len(overzicht["klachten"]) == 1


def test_the_api_refuses_other_households_and_staff(zaak):
    vreemde = _api(InwonerFactory(gemeente=zaak.gemeente))
    pad = f"/api/v1/portaal/{zaak.inwoner.pk}/beschikkingen/{zaak.beschikking.pk}/bezwaar/"
    assert vreemde.post(pad, {"gronden": GRONDEN}).status_code == 404
    staf = APIClient()
    staf.force_authenticate(zaak.backoffice.user)
    assert staf.post(pad, {"gronden": GRONDEN}).status_code == 403
    assert not Bezwaar.objects.exists()
