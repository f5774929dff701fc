"""Safe output (issue 8, item 6): a hostile text typed into any free-text field shows as text,
never as markup — on every staff page that shows it, in the letter preview, and in the verslag
and letter PDFs.

The payload goes in through the services (as a form or the API would put it), into every
free-text field of every app: the resident's names and address, the household and network,
the melding, the onderzoek (conversation, subjects a-g, ladder, the resident's reaction), the
plan (goals, actions, evaluation, safety), the catalogue and sociale kaart, the aanvraag, the
motivering, the lawfulness check, suspension, bezwaar and klacht. Then each page is rendered
and must contain the payload only escaped; each PDF must contain it literally as text (read
back with pypdf), which means reportlab did not read it as paragraph markup.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.services import Regel
from eenplan.bezwaren import services as bezwaren
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.services import roles_sync
from eenplan.inwoners import services as inwoners
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services as plannen
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap
from eenplan.testing.factories import (
    GemeenteFactory,
    MedewerkerFactory,
    TeamFactory,
    WijkFactory,
    gecontracteerd,
    next_bsn,
)
from eenplan.voorzieningen.services import tarief_add, voorziening_create

pytestmark = pytest.mark.django_db
PAYLOAD = "<script>alert(1)</script>\"'&<img src=x onerror=alert(1)>"
KORT = "<b>x</b>&<i>"  # for fields with a short maximum length (house number suffix, names)
RAUW = ("<script>alert(1)", "<img src=x", "<b>x</b>", "<i>")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def wereld(db: Any, settings: Any) -> dict[str, Any]:
    """One resident whose every free-text field, and every free-text field of their melding,
    onderzoek, plan, aanvragen, beschikkingen, bezwaar and klacht, holds the payload."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    roles_sync()
    onderzoeken.instrument_ensure_default()
    vandaag = timezone.localdate()
    gemeente = GemeenteFactory()
    noord = WijkFactory(gemeente=gemeente, naam="Noord")
    wijkteam = TeamFactory(gemeente=gemeente, naam="Wijkteam Noord", wijken=[noord])
    bo_team = TeamFactory(
        gemeente=gemeente, naam="Backoffice", soort=TeamSoort.BACKOFFICE, wijken=[noord]
    )
    generalist = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.GENERALIST, teams=[wijkteam], username="generalist"
    )
    backoffice = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[bo_team], username="bo"
    )

    # Residents, household, network.
    inwoner = inwoners.inwoner_create(
        gemeente=gemeente,
        wijk=noord,
        bsn=next_bsn(),
        voornamen=PAYLOAD,
        voorvoegsel=KORT,
        achternaam=PAYLOAD,
        geboortedatum=dt.date(1948, 3, 2),
        straat=PAYLOAD,
        huisnummer=7,
        huisnummer_toevoeging="<b>",
        postcode="5911AB",
        woonplaats=PAYLOAD,
    )
    huishouden = inwoners.huishouden_create(
        gemeente=gemeente, naam=PAYLOAD, leden=[(inwoner, "referentie", dt.date(2000, 1, 1))]
    )
    inwoners.netwerkpersoon_add(
        inwoner=inwoner, soort="mantelzorger", naam=PAYLOAD, relatie=PAYLOAD, telefoon=KORT
    )

    # The front door.
    melding = meldingen.melding_register(
        gemeente=gemeente,
        actor=generalist.user,
        melder_soort=MelderSoort.NETWERK,
        melder_naam=PAYLOAD,
        melder_contact=PAYLOAD,
        kanaal=Kanaal.TELEFOON,
        vraag=PAYLOAD,
        ontvangen_op=vandaag - dt.timedelta(days=3),
        domeinen=["wmo"],
        inwoner=inwoner,
    )
    # The mid-office assigns (a generalist may not).
    midoffice = MedewerkerFactory(gemeente=gemeente, functie=Rol.MIDOFFICE, teams=[wijkteam])
    melding = meldingen.melding_assign(
        melding=melding, actor=midoffice.user, medewerker=generalist, reden=PAYLOAD
    )

    # The onderzoek and its verslag.
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    onderzoeken.gesprek_add(
        actor=generalist.user,
        onderzoek=onderzoek,
        datum=vandaag,
        plaats=PAYLOAD,
        deelnemers=["inwoner", "mantelzorger"],
        notities=PAYLOAD,
    )
    for onderdeel in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=generalist.user, onderzoek=onderzoek, code=onderdeel.code, antwoord=PAYLOAD
        )
    onderzoeken.onderzoek_set_checks(
        actor=generalist.user,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True,
    )
    for stap in LadderStap:
        onderzoeken.afweging_set(
            actor=generalist.user,
            onderzoek=onderzoek,
            stap=stap,
            bevinding=PAYLOAD,
            volstaat=stap == LadderStap.INDIVIDUEEL_MAATWERK,
            reden_niet_toereikend="" if stap == LadderStap.INDIVIDUEEL_MAATWERK else PAYLOAD,
        )
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    onderzoeken.verslag_send(actor=generalist.user, onderzoek=onderzoek, op=vandaag)
    onderzoeken.verslag_reactie_add(
        actor=generalist.user, onderzoek=onderzoek, tekst=PAYLOAD, ontvangen_op=vandaag
    )

    # The plan.
    plan = plannen.plan_open(huishouden=huishouden, actor=generalist.user)
    doel = plannen.doel_add(
        plan=plan,
        inwoner=inwoner,
        leefgebied=Leefgebied.objects.get(code="huisvesting"),
        omschrijving=PAYLOAD,
        doeltype="stabiliseren",
        actor=generalist.user,
    )
    plannen.actie_add(
        doel=doel,
        omschrijving=PAYLOAD,
        uitvoerder_soort="netwerk",
        uitvoerder=PAYLOAD,
        actor=generalist.user,
    )
    plannen.evaluatie_add(
        doel=doel, datum=vandaag, uitkomst="deels", toelichting=PAYLOAD, actor=generalist.user
    )
    plannen.veiligheid_signaleer(
        plan=plan,
        soort="structureel",
        omschrijving=PAYLOAD,
        escalatie="geen",
        actor=generalist.user,
    )

    # The catalogue and the sociale kaart.
    hulp = voorziening_create(
        gemeente=gemeente,
        naam=f"Hulp {KORT}",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("250.00"),
    )
    aanbieder = gecontracteerd(hulp, PAYLOAD, tarief="30")
    tarief_add(
        voorziening=hulp,
        leveringsvorm="pgb",
        bedrag=Decimal("30"),
        geldig_vanaf=dt.date(2024, 1, 1),
        bron=PAYLOAD,
    )
    voorziening_create(
        gemeente=gemeente,
        naam=f"Wijkrestaurant {KORT}",
        soort="algemeen",
        wet="wmo",
        organisatie=PAYLOAD,
        adres=PAYLOAD,
        doelgroep=PAYLOAD,
        prijs=Decimal("5"),
        prijs_toelichting=PAYLOAD,
        openingstijden=PAYLOAD,
        eigen_bijdrage="geen",
    )

    # Aanvragen, beschikkingen, lawfulness check, bezwaar, klacht.
    def aanvraag() -> Any:
        return beschikkingen.aanvraag_register(
            inwoner=inwoner,
            omschrijving=PAYLOAD,
            wet="wmo",
            ontvangen_op=vandaag - dt.timedelta(days=2),
            ingediend_door=PAYLOAD,
            door=generalist.user,
            toelichting=PAYLOAD,
        )

    def regel(dagen: int) -> Regel:
        begin = vandaag + dt.timedelta(days=dagen)
        return Regel(
            voorziening=hulp,
            uitkomst="toegekend",
            omvang=Decimal(3),
            begin=begin,
            einde=begin + dt.timedelta(days=30),
            leveringsvorm="zin",
            aanbieder=aanbieder,
        )

    open_aanvraag = aanvraag()
    beschikkingen.aanvraag_suspend(
        aanvraag=open_aanvraag, van=vandaag, reden=PAYLOAD, actor=backoffice.user
    )
    voorbeeld = beschikkingen.beschikking_issue(
        aanvraag=aanvraag(),
        actor=backoffice.user,
        besloten_op=vandaag,
        motivering=PAYLOAD,
        regels=[regel(0)],
    )
    verzonden = beschikkingen.beschikking_issue(
        aanvraag=aanvraag(),
        actor=backoffice.user,
        besloten_op=vandaag,
        motivering=PAYLOAD,
        regels=[regel(40)],
    )
    verzonden = beschikkingen.beschikking_send(
        beschikking=verzonden, actor=backoffice.user, op=vandaag
    )
    onrechtmatig = beschikkingen.beschikking_issue(
        aanvraag=aanvraag(),
        actor=generalist.user,
        besloten_op=vandaag,
        motivering=PAYLOAD,
        regels=[regel(80)],
    )
    beschikkingen.rechtmatigheid_check(
        beschikking=onrechtmatig, actor=backoffice.user, rechtmatig=False, reden=PAYLOAD
    )
    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden,
        inwoner=inwoner,
        ontvangen_op=vandaag,
        gronden=PAYLOAD,
        ingediend_door=PAYLOAD,
        verschoonbaar_reden=PAYLOAD,
        actor=backoffice.user,
    )
    for _ in range(2):
        klacht = bezwaren.klacht_register(
            gemeente=gemeente,
            ingediend_door=PAYLOAD,
            ontvangen_op=vandaag,
            onderwerp=PAYLOAD,
            inwoner=inwoner,
            actor=backoffice.user,
        )
    bezwaren.klacht_settle(klacht=klacht, op=vandaag, uitkomst=PAYLOAD, actor=backoffice.user)
    return {
        "generalist": generalist,
        "backoffice": backoffice,
        "inwoner": inwoner,
        "huishouden": huishouden,
        "melding": melding,
        "onderzoek": onderzoek,
        "plan": plan,
        "hulp": hulp,
        "open_aanvraag": open_aanvraag,
        "voorbeeld": voorbeeld,
        "verzonden": verzonden,
        "onrechtmatig": onrechtmatig,
        "bezwaar": bezwaar,
    }


def _pagina(client: Client, pad: str) -> str:
    response = client.get(pad)
    assert response.status_code == 200, (pad, response.status_code)
    return response.content.decode()


def _alleen_escaped(pad: str, body: str) -> None:
    for rauw in RAUW:
        assert rauw not in body, f"{pad} toont {rauw!r} onge-escaped"
    assert ESCAPED in body, f"{pad} toont de tekst niet (escaped)"


def test_every_staff_page_shows_the_payload_only_escaped(client: Client, wereld: dict) -> None:
    w = wereld
    generalist_paginas = [
        reverse("web:inwoner-detail", args=[w["inwoner"].pk]),
        reverse("meldingen:werkvoorraad"),
        reverse("meldingen:detail", args=[w["melding"].pk]),
        reverse("onderzoeken:lijst"),
        reverse("onderzoeken:detail", args=[w["onderzoek"].pk]),
        reverse("onderzoeken:verslag", args=[w["onderzoek"].pk]),
        reverse("plannen:huishouden", args=[w["huishouden"].pk]),
        reverse("plannen:detail", args=[w["plan"].pk]),
        reverse("plannen:afdrukken", args=[w["plan"].pk]),
        reverse("voorzieningen:sociale-kaart"),
    ]
    login(client, w["generalist"])
    for pad in generalist_paginas:
        _alleen_escaped(pad, _pagina(client, pad))
    backoffice_paginas = [
        reverse("beschikkingen:aanvragen"),
        reverse("beschikkingen:beslissen", args=[w["open_aanvraag"].pk]),
        reverse("beschikkingen:detail", args=[w["voorbeeld"].pk]),  # the letter preview
        reverse("beschikkingen:detail", args=[w["verzonden"].pk]),  # the letter as sent
        reverse("beschikkingen:detail", args=[w["onrechtmatig"].pk]),
        reverse("beschikkingen:einde"),
        reverse("bezwaren:bezwaren"),
        reverse("bezwaren:bezwaar", args=[w["bezwaar"].pk]),
        reverse("bezwaren:klachten"),
        reverse("voorzieningen:catalogus"),
        reverse("voorzieningen:detail", args=[w["hulp"].pk]),
    ]
    login(client, w["backoffice"])
    for pad in backoffice_paginas:
        _alleen_escaped(pad, _pagina(client, pad))
    # The generalist's own decision found unlawful comes back on the aanvragen page.
    login(client, w["generalist"])
    pad = reverse("beschikkingen:aanvragen")
    _alleen_escaped(pad, _pagina(client, pad))


def _pdf_tekst(client: Client, pad: str) -> str:
    response = client.get(pad)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Lines wrap inside a paragraph; compare without the line breaks.
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


@pytest.mark.parametrize("welke", ["voorbeeld", "verzonden"])
def test_the_letter_pdf_shows_the_payload_literally(client: Client, wereld: dict, welke: str):
    login(client, wereld["backoffice"])
    tekst = _pdf_tekst(client, reverse("beschikkingen:brief-pdf", args=[wereld[welke].pk]))
    assert f"Beste {PAYLOAD} {KORT} {PAYLOAD}" in tekst  # the name, not markup
    assert tekst.count(PAYLOAD) >= 5  # name (twice), street, omschrijving, motivering, ...
    assert "&lt;" not in tekst and "&amp;" not in tekst  # not double-escaped either


def test_the_verslag_pdf_shows_the_payload_literally(client: Client, wereld: dict) -> None:
    login(client, wereld["generalist"])
    pad = reverse("onderzoeken:verslag-pdf", args=[wereld["onderzoek"].pk])
    tekst = _pdf_tekst(client, pad)
    assert tekst.count(PAYLOAD) >= len(ONDERDELEN)  # every subject a-g, the ladder, ...
    assert "&lt;" not in tekst and "&amp;" not in tekst


def test_the_api_returns_the_letter_as_plain_text(wereld: dict) -> None:
    """JSON is not HTML: the API returns the text as it was typed (clients escape it)."""
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(wereld["backoffice"].user)
    body = api.get(f"/api/v1/beschikkingen/{wereld['voorbeeld'].pk}/").json()
    assert PAYLOAD in body["brief"] and body["motivering"] == PAYLOAD
