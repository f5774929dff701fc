"""The decision on bezwaar and the complaint letter from the municipality's own template
(issue 10, ADR 0020): the same machinery as the beschikking — `$` placeholders only, versions,
a live preview, the version recorded on the sent letter. What the law requires cannot be left
out: the beroep clause with its last day (Awb art. 3:45, 6:7, 8:1) and, for a complaint, the
findings and the Nationale ombudsman (Awb art. 9:12 lid 1 and 2)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.bezwaren import services as bezwaren
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import api_for, verzonden
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()
BEZWAAR = services.STANDAARDEN["beslissing_op_bezwaar"].replace(
    "Met vriendelijke groet,", "Met hartelijke groet van de bezwaarcommissie,"
)
KLACHT = services.STANDAARDEN["klacht_afhandeling"].replace(
    "Met vriendelijke groet,", "Met excuses en een hartelijke groet,"
)


@pytest.fixture
def beheerder(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="fb")


def _opslaan(beheerder, soort, tekst):
    return services.sjabloon_save(
        gemeente=beheerder.gemeente, soort=soort, tekst=tekst, geldig_vanaf=VANDAAG,
        actor=beheerder.user,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("soort", "tekst", "fout"),
    [
        (
            "beslissing_op_bezwaar",
            BEZWAAR.replace("$beroep_uiterlijk", "zes weken later"),
            "$beroep_uiterlijk moet in de brief",
        ),
        ("beslissing_op_bezwaar", BEZWAAR.replace("$uitkomst", ""), "$uitkomst moet in de brief"),
        ("klacht_afhandeling", KLACHT.replace("$ombudsman", ""), "$ombudsman moet in de brief"),
        ("klacht_afhandeling", KLACHT + "$besluit", "Onbekend veld $besluit"),
    ],
)
def test_what_the_law_requires_cannot_be_left_out(beheerder, soort, tekst, fout):
    with pytest.raises(ValidationError, match=fout.replace("$", r"\$")):
        _opslaan(beheerder, soort, tekst)


def test_decision_on_bezwaar_uses_the_municipalitys_version_and_records_it(
    beheerder, aanvraag, hh, backoffice_user, inwoner_noord
):
    versie = _opslaan(beheerder, "beslissing_op_bezwaar", BEZWAAR)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden(aanvraag, hh, backoffice_user), inwoner=inwoner_noord,
        ontvangen_op=VANDAAG, gronden="Te weinig uren.", ingediend_door="Anna Jansen",
        actor=backoffice_user,
    )  # fmt: skip
    bezwaar = bezwaren.bezwaar_decide(
        bezwaar=bezwaar, uitkomst="ongegrond", besloten_op=VANDAAG,
        motivering="Drie uur past bij wat u nodig heeft.", actor=backoffice_user,
    )  # fmt: skip
    assert bezwaar.brief_sjabloon == versie.label
    brief = bezwaar.brief
    assert "Met hartelijke groet van de bezwaarcommissie," in brief
    assert "Uw bezwaar is ongegrond. Ons besluit blijft zoals het was." in brief
    assert f"uiterlijk op {services.datum_tekst(bezwaar.beroep_uiterlijk)}" in brief
    assert f"Ons kenmerk: {bezwaar.kenmerk}" in brief and "$" not in brief
    assert "Met hartelijke groet van de bezwaarcommissie" in pdf_tekst(bytes(bezwaar.brief_pdf))
    assert pdf_gebreken(bytes(bezwaar.brief_pdf)) == []


def test_without_a_version_the_standard_letter_is_used_and_named(
    aanvraag, hh, backoffice_user, inwoner_noord, gemeente
):
    klacht = bezwaren.klacht_register(
        gemeente=gemeente, inwoner=inwoner_noord, ingediend_door="Anna Jansen",
        ontvangen_op=VANDAAG, onderwerp="Niet teruggebeld", actor=backoffice_user,
    )  # fmt: skip
    klacht = bezwaren.klacht_settle(
        klacht=klacht, op=VANDAAG, uitkomst="Wij bellen u voortaan binnen twee dagen terug.",
        actor=backoffice_user,
    )  # fmt: skip
    assert klacht.brief_sjabloon == "bezwaren/klacht_afhandeling.txt versie 1"
    assert "Nationale ombudsman" in klacht.brief and "twee dagen terug" in klacht.brief


def test_complaint_letter_from_the_municipalitys_version(
    beheerder, backoffice_user, inwoner_noord, gemeente
):
    versie = _opslaan(beheerder, "klacht_afhandeling", KLACHT)
    klacht = bezwaren.klacht_register(
        gemeente=gemeente, inwoner=inwoner_noord, ingediend_door="Anna Jansen",
        ontvangen_op=VANDAAG, onderwerp="Niet teruggebeld", actor=backoffice_user,
    )  # fmt: skip
    klacht = bezwaren.klacht_settle(
        klacht=klacht, op=VANDAAG, uitkomst="U had gelijk.", actor=backoffice_user
    )
    assert klacht.brief_sjabloon == versie.label
    assert "Met excuses en een hartelijke groet," in klacht.brief
    assert "U heeft een klacht ingediend over: Niet teruggebeld" in klacht.brief
    assert "www.nationaleombudsman.nl" in klacht.brief and "U had gelijk." in klacht.brief


def test_page_previews_each_kind_with_its_own_fields(client, beheerder):
    login(client, beheerder)
    body = client.get("/beschikkingen/sjablonen/?soort=beslissing_op_bezwaar").content.decode()
    assert "Briefsjabloon: beslissing op bezwaar" in body and "$beroep_uiterlijk" in body
    assert "Uw bezwaar is ongegrond." in body  # the preview of the standard text
    fragment = client.post(
        "/beschikkingen/sjablonen/voorbeeld/",
        {"soort": "klacht_afhandeling", "tekst": "Kenmerk $kenmerk, $bevindingen"},
    ).content.decode()
    assert "-KL-2026-000007" in fragment and "$ombudsman moet in de brief staan" in fragment
    response = client.post(
        "/beschikkingen/sjablonen/nieuw/",
        {"soort": "klacht_afhandeling", "tekst": KLACHT, "geldig_vanaf": VANDAAG.isoformat()},
    )
    body = client.get(response.url).content.decode()
    assert "Versie 1 van de brief over een klacht is opgeslagen" in body
    assert "Briefsjabloon: brief over een klacht" in body


def test_api_lists_and_saves_per_kind(beheerder):
    api = api_for(beheerder)
    nieuw = api.post(
        "/api/v1/briefsjablonen/",
        {"soort": "beslissing_op_bezwaar", "tekst": BEZWAAR, "geldig_vanaf": VANDAAG.isoformat()},
        format="json",
    )
    assert nieuw.status_code == 201 and nieuw.json()["soort"] == "beslissing_op_bezwaar"
    lijst = api.get("/api/v1/briefsjablonen/?soort=beslissing_op_bezwaar").json()["results"]
    assert [v["versie"] for v in lijst] == [1]
    assert api.get("/api/v1/briefsjablonen/").json()["results"] == []  # the beschikking's
    assert api.get("/api/v1/briefsjablonen/?soort=fax").status_code == 400
