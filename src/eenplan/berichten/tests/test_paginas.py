"""The staff pages of the message traffic: the log (per resident, provider, day; filters,
paging, a bounded number of queries), one message with its file escaped and its return codes
explained, the worklist of answers due, the budget with its chart and table, and who may see
them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.berichten.models import Prestatie, Toewijzing
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.privacy.models import Inzage
from eenplan.testing.berichten import bericht
from eenplan.testing.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractProductFactory,
    InwonerFactory,
    MedewerkerFactory,
    VoorzieningFactory,
)

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="cm")


@pytest.fixture
def aanbieder():
    return AanbiederFactory(naam="Thuiszorg West")


def test_log_shows_messages_with_status_and_explained_codes(
    client, contractmanager, gemeente, aanbieder, inwoner_noord
):
    bericht(gemeente, aanbieder, inwoner_noord, codes=["9321"], status="deels_afgekeurd")
    bericht(gemeente, aanbieder, inwoner_noord, code="305", codes=["0200"])
    html = login(client, contractmanager).get("/berichten/").content.decode()
    assert "WMO323" in html and "WMO305" in html
    assert "Deels afgekeurd" in html
    assert "9321" in html and "Het ingediende volume overschrijdt het toegewezen volume" in html
    assert inwoner_noord.naam in html
    # the residents shown are in the access log
    assert Inzage.objects.filter(inwoner=inwoner_noord, onderwerp="bericht").exists()


def test_a_declaratie_about_many_residents_names_three_in_the_log_and_all_in_its_detail(
    client, contractmanager, gemeente, aanbieder
):
    """A provider's monthly 323 concerns hundreds of clients at a large municipality: the log
    row names three and says how many more (only those named are logged as shown); the
    message's own page names them all."""
    inwoners = [InwonerFactory(gemeente=gemeente) for _ in range(5)]
    b = bericht(gemeente, aanbieder, inwoners[0])
    b.inwoners.add(*inwoners[1:])
    c = login(client, contractmanager)
    html = c.get("/berichten/").content.decode()
    genoemd = [i for i in inwoners if i.naam in html]
    assert len(genoemd) == 3 and "en nog 2 inwoners" in html
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {i.pk for i in genoemd}
    detail = c.get(f"/berichten/{b.pk}/").content.decode()
    assert all(i.naam in detail for i in inwoners)
    assert set(Inzage.objects.values_list("inwoner_id", flat=True)) == {i.pk for i in inwoners}


def test_log_per_resident_provider_day_and_code(
    client, contractmanager, gemeente, aanbieder, inwoner_noord, inwoner_zuid
):
    ander = AanbiederFactory(naam="Jeugdhulp Oost")
    gisteren = timezone.now() - dt.timedelta(days=1)
    a = bericht(gemeente, aanbieder, inwoner_noord, codes=["9321"])
    b = bericht(gemeente, ander, inwoner_zuid, moment=gisteren, code="307", codes=["9069"])
    c = login(client, contractmanager)

    def ids(query):
        response = c.get(f"/berichten/?{query}")
        assert response.status_code == 200, response.content.decode()
        return [p.pk for p in response.context["page"].object_list]

    assert ids(f"inwoner={inwoner_zuid.pk}") == [b.pk]
    assert ids(f"aanbieder={aanbieder.pk}") == [a.pk]
    assert ids(f"dag={timezone.localdate(gisteren).isoformat()}") == [b.pk]
    assert ids("retourcode=9069") == [b.pk]
    assert ids("soort=323") == [a.pk]
    assert ids("afgekeurd=ja") == []
    page = c.get(f"/berichten/?inwoner={inwoner_zuid.pk}").content.decode()
    assert f"Berichten over {inwoner_zuid.naam}" in page


def test_the_log_of_another_municipalitys_resident_is_refused_and_logged(
    client, contractmanager, aanbieder
):
    """The page does not name a resident of another municipality (nor says whether the id
    exists): a Dutch 400 on the filter, no messages, and a refused row in the access log."""
    from eenplan.testing.factories import GemeenteFactory

    elders = GemeenteFactory(cbs_code="GM0889", naam="Beesel")
    vreemde = InwonerFactory(gemeente=elders, voornamen="Vera", achternaam="Vreemd")
    bericht(elders, aanbieder, vreemde)
    response = login(client, contractmanager).get(f"/berichten/?inwoner={vreemde.pk}")
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Inwoner {vreemde.pk} is onbekend in uw gemeente." in html
    assert vreemde.naam not in html and not response.context["page"].object_list
    assert Inzage.objects.filter(
        toegestaan=False, onderwerp="bericht", reden__startswith=f"Inwoner {vreemde.pk}:"
    ).exists()


def test_a_page_past_the_end_shows_the_last_one(client, contractmanager, gemeente, aanbieder):
    inwoner = InwonerFactory(gemeente=gemeente)
    for _ in range(27):
        bericht(gemeente, aanbieder, inwoner)
    c = login(client, contractmanager)
    for pagina, nummer, rijen in (("99", 2, 2), ("nul", 1, 25), ("2", 2, 2), ("", 1, 25)):
        page = c.get(f"/berichten/?pagina={pagina}").context["page"]
        assert (page.number, len(page.object_list), page.paginator.count) == (nummer, rijen, 27)


def test_bad_filters_are_a_dutch_400_and_show_nothing(client, contractmanager):
    c = login(client, contractmanager)
    response = c.get("/berichten/?dag=31-02-2026")
    assert response.status_code == 400
    assert "Vul een bestaande datum in" in response.content.decode()
    response = c.get("/berichten/?stauts=verwerkt")
    assert response.status_code == 400
    assert "stauts" in response.content.decode()


def test_log_is_paged_in_a_bounded_number_of_queries(
    client, contractmanager, gemeente, aanbieder, django_assert_max_num_queries
):
    inwoners = [InwonerFactory(gemeente=gemeente) for _ in range(3)]
    for i in range(30):
        bericht(gemeente, aanbieder, inwoners[i % 3], codes=["0200"])
    c = login(client, contractmanager)
    c.get("/berichten/")  # warm caches (session, permissions)
    # the session, the login, the number with the provider filter's choices and the folder
    # connection's rounds, the rows with their residents, the access log
    with django_assert_max_num_queries(5):
        response = c.get("/berichten/")
    assert len(response.context["page"].object_list) == 25
    assert "Pagina 1 van 2" in response.content.decode()
    with django_assert_max_num_queries(5):
        assert len(c.get("/berichten/?pagina=2").context["page"].object_list) == 5


def test_other_municipality_messages_are_not_shown(client, contractmanager, aanbieder):
    from eenplan.testing.factories import GemeenteFactory

    elders = GemeenteFactory(cbs_code="GM0889", naam="Beesel")
    b = bericht(elders, aanbieder)
    c = login(client, contractmanager)
    assert c.get("/berichten/").context["page"].paginator.count == 0
    assert c.get(f"/berichten/{b.pk}/").status_code == 404


def test_detail_shows_the_file_escaped_and_the_codes_explained(
    client, contractmanager, gemeente, aanbieder, inwoner_noord
):
    b = bericht(
        gemeente, aanbieder, inwoner_noord, codes=["9321", "8001"], status="deels_afgekeurd"
    )
    Prestatie.objects.create(
        bericht=b,
        bsn=inwoner_noord.bsn,
        referentie="P1",
        toewijzing_nummer=101,
        productcategorie="02",
        productcode="02A05",
        begindatum=dt.date(2026, 1, 5),
        einddatum=dt.date(2026, 1, 31),
        volume=12,
        eenheid="04",
        tarief=6000,
        bedrag=72000,
        retourcodes=["9321"],
    )
    html = login(client, contractmanager).get(f"/berichten/{b.pk}/").content.decode()
    assert "&lt;wmo323:Bericht" in html  # escaped, indented XML
    assert "\n  &lt;wmo323:Header&gt;" in html
    assert "Er is meer gedeclareerd dan toegewezen" in html  # the B1 explanation
    assert "vraag een wijziging van de toewijzing aan" in html  # what to do
    assert "€ 720,00" in html


def test_a_hostile_file_is_shown_as_text_never_as_markup(
    client, contractmanager, gemeente, aanbieder
):
    kwaad = b"<script>alert('x')</script><!DOCTYPE x [<!ENTITY a 'b'>]>"
    b = bericht(gemeente, aanbieder, code="", status="onleesbaar", codes=["0001"], inhoud=kwaad)
    html = login(client, contractmanager).get(f"/berichten/{b.pk}/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Onleesbaar bestand" in html
    assert "geen geldig iWmo- of iJw-bericht" in html


def test_worklist_lists_what_is_due_earliest_first(
    client, contractmanager, gemeente, aanbieder, inwoner_noord
):
    laat = bericht(
        gemeente,
        aanbieder,
        inwoner_noord,
        code="305",
        retour_uiterlijk=VANDAAG - dt.timedelta(days=1),
    )
    bericht(
        gemeente,
        aanbieder,
        inwoner_noord,
        code="307",
        retour_uiterlijk=VANDAAG - dt.timedelta(days=3),
        retour_verzonden_op=timezone.now(),
    )
    verzoek = bericht(
        gemeente,
        aanbieder,
        inwoner_noord,
        code="315",
        antwoord_uiterlijk=VANDAAG + dt.timedelta(days=20),
    )
    response = login(client, contractmanager).get("/berichten/werklijst/")
    rijen = list(response.context["page"].object_list)
    assert [r.pk for r in rijen] == [laat.pk, verzoek.pk]
    assert rijen[0].stand == "verlopen"
    html = response.content.decode()
    assert "Verlopen" in html and "Antwoord op verzoek (319 of 301)" in html


def test_budget_assigned_claimed_approved_and_forecast(
    client, contractmanager, gemeente, aanbieder, inwoner_noord
):
    jaar = VANDAAG.year
    voorziening = VoorzieningFactory(
        gemeente=gemeente, naam="Begeleiding", productcategorie="02", productcode="02A05"
    )
    contract = ContractFactory(
        aanbieder=aanbieder, gemeente=gemeente, begin=dt.date(jaar - 1, 1, 1)
    )
    ContractProductFactory(
        contract=contract,
        voorziening=voorziening,
        tarief=Decimal("60.00"),
        eenheid="04",
        geldig_vanaf=dt.date(jaar - 1, 1, 1),
    )
    Toewijzing.objects.create(
        gemeente=gemeente,
        inwoner=inwoner_noord,
        aanbieder=aanbieder,
        wet="wmo",
        nummer=101,
        productcategorie="02",
        productcode="02A05",
        toewijzingsdatum=timezone.now(),
        ingangsdatum=dt.date(jaar, 1, 1),
        einddatum=dt.date(jaar, 1, 31),
        volume=3,
        eenheid="04",
        frequentie="2",
    )
    d = bericht(gemeente, aanbieder, inwoner_noord)
    for ref, bedrag, goed in (("A", 50_000, True), ("B", 10_000, False)):
        Prestatie.objects.create(
            bericht=d,
            bsn=inwoner_noord.bsn,
            referentie=ref,
            toewijzing_nummer=101,
            productcategorie="02",
            productcode="02A05",
            begindatum=dt.date(jaar, 1, 5),
            einddatum=dt.date(jaar, 1, 31),
            volume=1,
            eenheid="04",
            tarief=6000,
            bedrag=bedrag,
            goedgekeurd=goed,
        )
    response = login(client, contractmanager).get(f"/berichten/budget/?jaar={jaar}")
    assert response.status_code == 200
    regel = response.context["budget"].regels[0]
    weken = len({(dt.date(jaar, 1, 1) + dt.timedelta(days=i)).isocalendar()[:2] for i in range(31)})
    assert regel.toegewezen == weken * 3 * 6000
    assert (regel.gedeclareerd, regel.goedgekeurd) == (60_000, 50_000)
    assert regel.prognose == (50_000 * 12 if jaar == VANDAAG.year else 50_000)
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html and '<title id="grafiek-titel">' in html
    assert "Thuiszorg West" in html and "€ 500,00" in html


def test_budget_refuses_an_unknown_year(client, contractmanager):
    response = login(client, contractmanager).get("/berichten/budget/?jaar=1900")
    assert response.status_code == 400
    assert "Kies een jaar uit de lijst" in response.content.decode()


@pytest.mark.parametrize(
    "pad", ["/berichten/", "/berichten/werklijst/", "/berichten/budget/", "/berichten/retourcodes/"]
)
def test_roles_without_the_message_log_are_refused(client, generalist, pad):
    response = login(client, generalist).get(pad)
    assert response.status_code == 403


def test_the_return_code_page_explains_every_code(client, backoffice):
    html = login(client, backoffice).get("/berichten/retourcodes/").content.decode()
    for code in ("0001", "9056", "9413", "0611", "8214", "OP087"):
        assert f'id="code-{code}"' in html


def test_the_dossier_has_a_section_with_the_residents_messages(
    client, backoffice, gemeente, aanbieder, inwoner_noord
):
    bericht(gemeente, aanbieder, inwoner_noord, code="301", richting="uit", status="opgehaald")
    html = login(client, backoffice).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "Berichten met aanbieders" in html
    assert "WMO301" in html
    assert f"/berichten/?inwoner={inwoner_noord.pk}" in html


def test_the_dossier_of_a_role_without_the_log_has_no_message_section(
    client, generalist, gemeente, aanbieder, inwoner_noord
):
    bericht(gemeente, aanbieder, inwoner_noord)
    html = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    assert "Berichten met aanbieders" not in html
