"""The decision on bezwaar as a letter (issue 10): reasoning, outcome, the new beschikking when
upheld, the beroep clause (rechtbank, six weeks, Awb 6:7 and 8:1) with its last day; stored as
sent with its PDF; on the page, as PDF and in the API."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.beschikkingen import services
from eenplan.bezwaren import services as bezwaren
from eenplan.conftest import login
from eenplan.testing.helpers import BEZWAREN, api_for, verzonden, zin
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _bezwaar(aanvraag, hh, door, inwoner):
    b = verzonden(aanvraag, hh, door)
    return bezwaren.bezwaar_register(
        beschikking=b,
        inwoner=inwoner,
        ontvangen_op=VANDAAG,
        gronden="Ik heb meer uren nodig.",
        ingediend_door="Anna Jansen",
        actor=door,
    )


def _nieuw(inwoner, hh, door, generalist):
    tweede = services.aanvraag_register(
        inwoner=inwoner, omschrijving="Herziening na bezwaar", wet="wmo", ontvangen_op=VANDAAG,
        ingediend_door="Anna Jansen", door=generalist.user,
    )  # fmt: skip
    return services.beschikking_issue(
        aanvraag=tweede, actor=door, besloten_op=VANDAAG, motivering="Na bezwaar: 5 uur.",
        regels=[zin(hh, omvang=Decimal(5), begin=VANDAAG + dt.timedelta(days=400),
                    einde=VANDAAG + dt.timedelta(days=700))],
    )  # fmt: skip


def test_upheld_bezwaar_letter_names_the_new_decision_and_beroep(
    aanvraag, hh, backoffice_user, inwoner_noord, generalist
):
    bezwaar = _bezwaar(aanvraag, hh, backoffice_user, inwoner_noord)
    nieuw = _nieuw(inwoner_noord, hh, backoffice_user, generalist)
    bezwaar = bezwaren.bezwaar_decide(
        bezwaar=bezwaar,
        uitkomst="gegrond",
        besloten_op=VANDAAG,
        nieuwe_beschikking=nieuw,
        motivering="Uit het nieuwe onderzoek blijkt dat 3 uur te weinig is.",
        actor=backoffice_user,
    )
    brief = bezwaar.brief
    laatste = services.datum_tekst(bezwaar.beroep_uiterlijk)
    assert bezwaar.beroep_uiterlijk >= VANDAAG + dt.timedelta(weeks=6)
    assert f"Ons kenmerk: {bezwaar.kenmerk}" in brief
    assert f"ons besluit met kenmerk {bezwaar.beschikking.kenmerk}" in brief
    assert "Uw bezwaar is gegrond." in brief and "3 uur te weinig" in brief
    assert f"Het nieuwe besluit heeft kenmerk {nieuw.kenmerk}" in brief
    assert "beroep instellen bij de rechtbank" in brief and f"uiterlijk op {laatste}" in brief
    assert "artikelen 6:7 en 8:1 van de Algemene wet bestuursrecht" in brief
    tekst = pdf_tekst(bytes(bezwaar.brief_pdf))
    assert bezwaar.kenmerk in tekst and f"uiterlijk op {laatste}" in tekst
    assert "Postbus 3434, 5902 RK Venlo" in tekst
    assert pdf_gebreken(bytes(bezwaar.brief_pdf)) == []


@pytest.mark.parametrize(
    ("uitkomst", "zin_"),
    [
        ("ongegrond", "Uw bezwaar is ongegrond. Ons besluit blijft zoals het was."),
        ("deels_gegrond", "Uw bezwaar is deels gegrond."),
        ("niet_ontvankelijk", "Uw bezwaar is niet-ontvankelijk."),
    ],
)
def test_each_outcome_has_its_wording(aanvraag, hh, backoffice_user, inwoner_noord, uitkomst, zin_):
    bezwaar = _bezwaar(aanvraag, hh, backoffice_user, inwoner_noord)
    bezwaar = bezwaren.bezwaar_decide(
        bezwaar=bezwaar, uitkomst=uitkomst, besloten_op=VANDAAG, actor=backoffice_user,
        motivering="Zie het verslag van de hoorzitting.",
    )  # fmt: skip
    assert zin_ in bezwaar.brief and "rechtbank" in bezwaar.brief


def test_withdrawn_bezwaar_gets_no_letter(aanvraag, hh, backoffice_user, inwoner_noord):
    bezwaar = _bezwaar(aanvraag, hh, backoffice_user, inwoner_noord)
    bezwaar = bezwaren.bezwaar_decide(
        bezwaar=bezwaar, uitkomst="ingetrokken", besloten_op=VANDAAG, actor=backoffice_user
    )
    assert bezwaar.brief == "" and bezwaar.beroep_uiterlijk is None


def test_page_decides_with_reasoning_and_shows_the_letter_and_pdf(
    client, aanvraag, hh, backoffice_user, inwoner_noord
):
    bezwaar = _bezwaar(aanvraag, hh, backoffice_user, inwoner_noord)
    login(client, backoffice_user.medewerkers.get())
    pagina = f"/beschikkingen/bezwaren/{bezwaar.pk}/"
    assert client.get(f"{pagina}brief.pdf").status_code == 404  # nothing sent yet
    response = client.post(
        f"{pagina}beslissen/",
        {
            "beslissen-uitkomst": "ongegrond",
            "beslissen-besloten_op": VANDAAG.isoformat(),
            "beslissen-motivering": "De uren passen bij de situatie.",
            "versie": bezwaar.versie,
        },
    )
    assert response.status_code == 302
    body = client.get(pagina).content.decode()
    assert "Beslissing op bezwaar, zoals verzonden" in body
    assert "De uren passen bij de situatie." in body and "Beroep kan tot en met" in body
    pdf = client.get(f"{pagina}brief.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "Uw bezwaar is ongegrond." in pdf_tekst(pdf.content)


def test_api_decides_with_reasoning_and_returns_the_letter(
    aanvraag, hh, backoffice_user, inwoner_noord
):
    bezwaar = _bezwaar(aanvraag, hh, backoffice_user, inwoner_noord)
    api = api_for(backoffice_user.medewerkers.get())
    response = api.post(
        f"{BEZWAREN}{bezwaar.pk}/beslissen/",
        {"uitkomst": "ongegrond", "motivering": "De uren passen."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = api.get(f"{BEZWAREN}{bezwaar.pk}/").json()
    assert body["motivering"] == "De uren passen." and "rechtbank" in body["brief"]
    assert body["beroep_uiterlijk"] is not None


# --- the letter on the handling of a klacht (Awb art. 9:12) ---------------------------------


def _klacht(gemeente, door, inwoner=None):
    return bezwaren.klacht_register(
        gemeente=gemeente,
        ingediend_door="Anna Jansen",
        ontvangen_op=VANDAAG,
        onderwerp="Ik werd niet teruggebeld.",
        actor=door,
        inwoner=inwoner,
    )


def test_klacht_letter_with_findings_and_the_ombudsman(gemeente, backoffice_user, inwoner_noord):
    klacht = _klacht(gemeente, backoffice_user, inwoner_noord)
    klacht = bezwaren.klacht_settle(
        klacht=klacht,
        op=VANDAAG,
        uitkomst="Wij hebben u gebeld en excuses gemaakt.",
        actor=backoffice_user,
    )
    brief = klacht.brief
    assert f"Ons kenmerk: {klacht.kenmerk}" in brief and "niet teruggebeld" in brief
    assert "Wij hebben u gebeld en excuses gemaakt." in brief
    assert "Nationale ombudsman" in brief and "artikel 9:12" in brief
    assert "Kerkstraat 1" in brief or inwoner_noord.straat in brief
    tekst = pdf_tekst(bytes(klacht.brief_pdf))
    assert klacht.kenmerk in tekst and "Hanzeplein 1, 5911 AM Venlo" in tekst


def test_klacht_letter_on_the_page_and_in_the_api(client, gemeente, backoffice_user):
    klacht = _klacht(gemeente, backoffice_user)
    login(client, backoffice_user.medewerkers.get())
    assert client.get(f"/beschikkingen/klachten/{klacht.pk}/brief.pdf").status_code == 404
    client.post(
        f"/beschikkingen/klachten/{klacht.pk}/afhandelen/",
        {"datum": VANDAAG.isoformat(), "uitkomst": "Excuses gemaakt"},
    )
    body = client.get("/beschikkingen/klachten/").content.decode()
    assert f"/beschikkingen/klachten/{klacht.pk}/brief.pdf" in body
    pdf = client.get(f"/beschikkingen/klachten/{klacht.pk}/brief.pdf")
    assert pdf.status_code == 200 and "Excuses gemaakt" in pdf_tekst(pdf.content)
    body = api_for(backoffice_user.medewerkers.get()).get("/api/v1/klachten/").json()
    rij = next(r for r in body.get("results", body) if r["id"] == klacht.pk)
    assert "Excuses gemaakt" in rij["brief"] and klacht.kenmerk in rij["brief"]
