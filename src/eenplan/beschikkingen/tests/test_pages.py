"""The pages from aanvraag to beschikking: the worklist with its deadline states, the decision
form (ZIN, PGB, OP043 and the other refusals), the letter before and after sending, the
lawfulness queue, the ending/heronderzoek worklist, bezwaren and klachten.

Need-to-know: every page shows only residents in scope and logs the dossier read; every refusal
is shown in Dutch and changes nothing. Query budgets: the aanvragen worklist and the ending
worklist keep the same number of queries for 5 and 50 rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid
from eenplan.beschikkingen.models import Beschikking
from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.privacy import access
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage
from eenplan.rules.onderzoek import LadderStap
from eenplan.rules.termijnen import bezwaar_uiterlijk
from eenplan.testing.factories import (
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    gecontracteerd,
)
from eenplan.testing.helpers import aanbieder, zin
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def url(naam: str, *args) -> str:
    return reverse(f"beschikkingen:{naam}", args=args)


def datum(dag: dt.date) -> str:
    return date_format(dag, "j F Y")


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def generalist_zuid(gemeente, wijken):
    team = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Zuid", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Zuid"]]
    )
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.GENERALIST, teams=[team], username="zuid"
    )


@pytest.fixture
def hh(gemeente):
    v = voorziening_create(
        gemeente=gemeente,
        naam="Hulp bij het huishouden",
        soort="individueel",
        wet="wmo",
        productcategorie="01",
        productcode="01A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        pgb_mogelijk=True,
        kostprijs_per_maand=Decimal("250.00"),
    )
    for naam, bedrag in (("Thuiszorg West", "29.90"), ("Zorg Oost", "32.50")):
        gecontracteerd(v, naam, tarief=bedrag)
    return v


@pytest.fixture
def begeleiding(gemeente):
    v = voorziening_create(
        gemeente=gemeente,
        naam="Begeleiding individueel",
        soort="individueel",
        wet="wmo",
        productcategorie="02",
        productcode="02A01",
        eenheid="04",
        frequentie="2",
        uitvoeringsvariant="inspanning",
        kostprijs_per_maand=Decimal("400.00"),
    )
    gecontracteerd(v, "Begeleid Thuis", tarief="62.00")
    return v


def aanvraag_voor(
    inwoner, door, *, omschrijving="Hulp bij het huishouden", dagen_geleden=3, wet="wmo"
):
    return services.aanvraag_register(
        inwoner=inwoner,
        omschrijving=omschrijving,
        wet=wet,
        ontvangen_op=VANDAAG - dt.timedelta(days=dagen_geleden),
        ingediend_door=inwoner.naam,
        door=door.user,
    )


@pytest.fixture
def aanvraag(inwoner_noord, generalist):
    return aanvraag_voor(inwoner_noord, generalist)


def beschik(aanvraag, door, regels, **kw):
    data = {
        "aanvraag": aanvraag,
        "actor": door.user,
        "besloten_op": VANDAAG,
        "motivering": "Eigen kracht en netwerk schieten tekort.",
        "regels": regels,
    }
    data.update(kw)
    return services.beschikking_issue(**data)


def formulier(v, **kw) -> dict[str, str]:
    """A filled-in decision form: ZIN with Thuiszorg West, 3 hours a week for a year."""
    data = {
        "aantal": "1",
        "besloten_op": VANDAAG.isoformat(),
        "motivering": "Mevrouw kan zwaar huishoudelijk werk niet meer; het netwerk is overbelast.",
        "regel-0-voorziening": str(v.pk),
        "regel-0-uitkomst": "toegekend",
        "regel-0-omvang": "3",
        "regel-0-frequentie": "2",
        "regel-0-begin": VANDAAG.isoformat(),
        "regel-0-einde": (VANDAAG + dt.timedelta(days=365)).isoformat(),
        "regel-0-heronderzoek_op": "",
        "regel-0-leveringsvorm": "zin",
        "regel-0-aanbieder": f"{v.pk}:{aanbieder().pk}",
        "actie": "vastleggen",
    }
    data.update(kw)
    return data


# --- access -----------------------------------------------------------------------------------


def test_anonymous_volunteer_and_beleid_are_refused(client, aanvraag, vrijwilliger, beleid):
    paden = [
        url("aanvragen"),
        url("beslissen", aanvraag.pk),
        url("toetsing"),
        url("einde"),
        "/beschikkingen/bezwaren/",  # the pages of app bezwaren, at their old addresses
        "/beschikkingen/klachten/",
    ]
    for pad in paden:
        response = client.get(pad)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    for medewerker in (vrijwilliger, beleid):
        login(client, medewerker)
        for pad in paden:
            assert client.get(pad).status_code == 403, pad
    # Every refusal for lack of a role is in the access log, with its reason; nothing was read.
    assert not Inzage.objects.filter(toegestaan=True).exists()
    geweigerd = Inzage.objects.filter(toegestaan=False)
    assert geweigerd.count() == 2 * len(paden)
    assert {r.gebruikersnaam for r in geweigerd} == {"vrijwilliger", "beleid"}
    assert all("rol" in r.reden and r.pad in paden for r in geweigerd)


def test_out_of_scope_is_refused_and_logged(
    client, aanvraag, hh, backoffice, generalist_zuid, inwoner_noord
):
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    login(client, generalist_zuid)
    assert "Hulp bij het huishouden" not in client.get(url("aanvragen")).content.decode()
    response = client.get(url("detail", beschikking.pk))
    assert response.status_code == 403 and "need-to-know" in response.content.decode()
    tweede = aanvraag_voor(inwoner_noord, backoffice, omschrijving="Begeleiding")
    assert client.get(url("beslissen", tweede.pk)).status_code == 403
    assert client.post(url("beslissen", tweede.pk), formulier(hh)).status_code == 403
    assert (
        client.post(url("verzenden", beschikking.pk), {"verzenden-op": VANDAAG}).status_code == 403
    )
    assert Beschikking.objects.count() == 1
    beschikking.refresh_from_db()
    assert beschikking.verzonden_op is None
    geweigerd = Inzage.objects.filter(toegestaan=False, inwoner=inwoner_noord)
    assert geweigerd.count() == 4
    assert {(r.handeling, r.pad) for r in geweigerd} == {
        ("lezen", url("detail", beschikking.pk)),
        ("beslissen", url("beslissen", tweede.pk)),
        ("beslissen", url("verzenden", beschikking.pk)),
    }
    assert not Inzage.objects.filter(toegestaan=True, user=generalist_zuid.user).exists()
    assert client.get(url("detail", 99999)).status_code == 404
    assert client.get(url("beslissen", 99999)).status_code == 404


# --- worklist ---------------------------------------------------------------------------------


def test_worklist_shows_deadline_states(client, backoffice, inwoner_noord, inwoner_zuid):
    aanvraag_voor(inwoner_noord, backoffice, omschrijving="Traplift", dagen_geleden=0)
    aanvraag_voor(inwoner_noord, backoffice, omschrijving="Scootmobiel", dagen_geleden=11)
    aanvraag_voor(inwoner_zuid, backoffice, omschrijving="Rolstoel", dagen_geleden=25)
    response = login(client, backoffice).get(url("aanvragen"))
    body = response.content.decode()
    assert "3 open aanvragen" in body
    assert body.index("Rolstoel") < body.index("Scootmobiel") < body.index("Traplift")
    assert "Verlopen" in body and "Binnen 5 werkdagen" in body and "Op schema" in body
    assert "Beslissen<span" in body
    body = client.get(url("aanvragen"), {"sortering": "-termijn"}).content.decode()
    assert body.index("Traplift") < body.index("Rolstoel")
    body = client.get(url("aanvragen"), {"wet": "jeugd"}).content.decode()
    assert "0 open aanvragen" in body and "Geen open aanvragen." in body


def test_page_and_api_show_the_same_deadline_state(client, backoffice, inwoner_noord):
    """One computation (SQL, `common.termijnstand`): the label on the worklist and on the
    decision page, and `termijn_status` in the API, are the same state for each aanvraag."""
    from eenplan.testing.helpers import api_for

    labels = {
        "op_schema": "Op schema",
        "bijna_verlopen": "Binnen 5 werkdagen",
        "verlopen": "Verlopen",
    }
    aanvragen = [
        aanvraag_voor(inwoner_noord, backoffice, omschrijving=f"Hulp {d}", dagen_geleden=d)
        for d in (0, 11, 25)
    ]
    rijen = api_for(backoffice).get("/api/v1/aanvragen/").json()["results"]
    api = {r["id"]: r["termijn_status"] for r in rijen}
    assert set(api.values()) == set(labels)
    body = login(client, backoffice).get(url("aanvragen")).content.decode()
    for aanvraag in aanvragen:
        rij = body.split(f">{aanvraag.omschrijving}</td>", 1)[1].split("</tr>", 1)[0]
        assert labels[api[aanvraag.pk]] in rij
        pagina = client.get(url("beslissen", aanvraag.pk)).content.decode()
        assert labels[api[aanvraag.pk]] in pagina


def test_worklist_query_budget(client, backoffice, wijken, gemeente, django_assert_num_queries):
    """The same number of queries for 5 aanvragen as for 50 (a full page of 25)."""
    inwoners = [
        InwonerFactory(gemeente=gemeente, wijk=wijken["Noord" if i % 2 else "Zuid"])
        for i in range(50)
    ]
    login(client, backoffice)
    for inwoner in inwoners[:5]:
        aanvraag_voor(inwoner, backoffice, dagen_geleden=inwoner.pk % 20)
    with CaptureQueriesContext(connection) as klein:
        assert "5 open aanvragen" in client.get(url("aanvragen")).content.decode()
    for inwoner in inwoners[5:]:
        aanvraag_voor(inwoner, backoffice, dagen_geleden=inwoner.pk % 20)
    with django_assert_num_queries(len(klein)):
        body = client.get(url("aanvragen")).content.decode()
    assert "50 open aanvragen" in body


# --- deciding ---------------------------------------------------------------------------------


@pytest.fixture
def ladder(inwoner_noord, midoffice, generalist):
    """Anna's onderzoek with the ladder walked to individueel maatwerk."""
    onderzoeken.instrument_ensure_default()
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.NETWERK,
        kanaal=Kanaal.TELEFOON,
        vraag="Moeder redt het huishouden niet.",
        ontvangen_op=VANDAAG - dt.timedelta(days=10),
        domeinen=["wmo"],
        inwoner=inwoner_noord,
    )
    melding = meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    for stap in list(LadderStap)[:-1]:
        onderzoeken.afweging_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            stap=stap,
            bevinding=f"Bekeken: {stap.label}",
            volstaat=False,
            reden_niet_toereikend="Lost het niet op.",
        )
    onderzoeken.afweging_set(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        stap=LadderStap.INDIVIDUEEL_MAATWERK,
        bevinding="Hulp bij het huishouden",
        volstaat=True,
    )
    return onderzoek


def test_decision_form_shows_ladder_tariffs_and_ceiling(client, aanvraag, hh, backoffice, ladder):
    response = login(client, backoffice).get(url("beslissen", aanvraag.pk))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Uitkomst van de ladder" in body and "Lost het niet op." in body
    assert "Thuiszorg West: €&nbsp;29,90 per uur" in body
    assert "Hoogstens €&nbsp;29,90 per eenheid" in body
    # The plan's proposal is preselected; the provider choice names its provision.
    assert f'<option value="{hh.pk}" selected>' in body
    keuze = "Thuiszorg West: Hulp bij het huishouden, € 29,90 per uur"
    assert f'value="{hh.pk}:{aanbieder().pk}">{keuze}<' in body
    assert "U beslist als generalist" not in body
    inzage = Inzage.objects.get(user=backoffice.user)  # the fixtures' services log their own
    assert inzage.doel == Doel.BESCHIKKING and inzage.toegestaan


def test_backoffice_decides_zin(client, aanvraag, hh, backoffice, ladder):
    response = login(client, backoffice).post(url("beslissen", aanvraag.pk), formulier(hh))
    beschikking = Beschikking.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", beschikking.pk)
    regel = beschikking.voorzieningen.get()
    assert (regel.aanbieder.naam, regel.omvang, regel.leveringsvorm) == ("Thuiszorg West", 3, "zin")
    assert beschikking.rechtmatigheid == Rechtmatigheid.NVT
    assert "Hulp bij het huishouden" in beschikking.ladder_uitkomst
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.BESLOTEN
    # Deciding again is not possible: the page sends one to the decision.
    assert client.get(url("beslissen", aanvraag.pk))["Location"] == url("detail", beschikking.pk)


@pytest.mark.parametrize(
    ("wijziging", "fragment"),
    [
        ({"regel-0-einde": (VANDAAG - dt.timedelta(days=1)).isoformat()}, "einddatum ligt vóór"),
        ({"regel-0-omvang": "0"}, "groter zijn dan nul"),
        ({"regel-0-einde": ""}, "Maatwerk is tijdelijk"),
        ({"regel-0-aanbieder": ""}, "Kies de aanbieder voor zorg in natura"),
        ({"motivering": "  "}, "Motiveer het besluit"),
        ({"regel-0-voorziening": ""}, "Beslis over ten minste één voorziening"),
        ({"regel-0-omvang": "drie"}, "Vul een getal in"),
        ({"besloten_op": (VANDAAG + dt.timedelta(days=2)).isoformat()}, "in de toekomst"),
    ],
)
def test_bad_decisions_are_refused_in_dutch_and_nothing_written(
    client, aanvraag, hh, backoffice, wijziging, fragment
):
    response = login(client, backoffice).post(
        url("beslissen", aanvraag.pk), formulier(hh, **wijziging)
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert fragment in body and "Er is nog niets vastgelegd" in body and 'role="alert"' in body
    assert not Beschikking.objects.exists()
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.ONTVANGEN


def test_provider_of_another_provision_is_refused(client, aanvraag, hh, begeleiding, backoffice):
    data = formulier(
        hh, **{"regel-0-aanbieder": f"{begeleiding.pk}:{aanbieder('Begeleid Thuis').pk}"}
    )
    body = login(client, backoffice).post(url("beslissen", aanvraag.pk), data).content.decode()
    assert "Deze aanbieder heeft geen contract voor Hulp bij het huishouden" in body
    assert 'aria-invalid="true"' in body
    assert not Beschikking.objects.exists()


def pgb(hh, **kw):
    data = {
        "regel-0-leveringsvorm": "pgb",
        "regel-0-aanbieder": "",
        "regel-0-kan_beheren": "on",
        "regel-0-kwaliteit_geborgd": "on",
        "regel-0-pgb_motivering": "Mevrouw wil zelf de hulp kiezen die ze kent.",
        "regel-0-persoonlijk_plan": "Buurvrouw Truus helpt drie uur per week.",
        "regel-0-pgb_tarief": "35,00",
    }
    data.update(kw)
    return formulier(hh, **data)


def test_pgb_budget_is_computed_before_saving(client, aanvraag, hh, backoffice):
    login(client, backoffice)
    response = client.post(url("beslissen", aanvraag.pk), pgb(hh, actie="berekenen"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pgb-budget: €&nbsp;89,70" in body and "€&nbsp;15,30 betaalt de inwoner zelf" in body
    assert not Beschikking.objects.exists()
    response = client.post(url("beslissen", aanvraag.pk), pgb(hh))
    regel = Beschikking.objects.get().voorzieningen.get()
    assert (regel.pgb_budget, regel.pgb_zelf_te_betalen) == (Decimal("89.70"), Decimal("15.30"))
    assert regel.pgb_toets["persoonlijk_plan"] == "Buurvrouw Truus helpt drie uur per week."


def test_pgb_without_its_conditions_is_refused(client, aanvraag, hh, backoffice):
    data = pgb(hh, **{"regel-0-kan_beheren": "", "regel-0-persoonlijk_plan": ""})
    data.pop("regel-0-kan_beheren")
    response = login(client, backoffice).post(url("beslissen", aanvraag.pk), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "kan het budget niet zelf beheren" in body and "persoonlijk plan" in body
    assert not Beschikking.objects.exists()


def test_op043_zin_and_pgb_overlap_is_refused(client, aanvraag, hh, backoffice, inwoner_noord):
    beschik(aanvraag, backoffice, [zin(hh)])
    tweede = aanvraag_voor(inwoner_noord, backoffice, omschrijving="Pgb huishouden")
    response = login(client, backoffice).post(url("beslissen", tweede.pk), pgb(hh))
    assert response.status_code == 400
    assert "iWmo-regel OP043" in response.content.decode()
    assert Beschikking.objects.count() == 1


def test_second_row_for_another_provision(client, aanvraag, hh, begeleiding, backoffice):
    login(client, backoffice)
    response = client.post(url("beslissen", aanvraag.pk), formulier(hh, actie="meer"))
    body = response.content.decode()
    assert response.status_code == 200 and "Voorziening 2" in body
    assert 'name="aantal" value="2"' in body and not Beschikking.objects.exists()
    data = formulier(
        hh,
        aantal="2",
        **{
            "regel-1-voorziening": str(begeleiding.pk),
            "regel-1-uitkomst": "afgewezen",
        },
    )
    assert client.post(url("beslissen", aanvraag.pk), data).status_code == 302
    uitkomsten = sorted(Beschikking.objects.get().voorzieningen.values_list("uitkomst", flat=True))
    assert uitkomsten == ["afgewezen", "toegekend"]


# --- the beschikking and its letter -----------------------------------------------------------


def test_letter_preview_then_send_with_bezwaar_clause(client, aanvraag, hh, backoffice):
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    login(client, backoffice)
    body = client.get(url("detail", beschikking.pk)).content.decode()
    assert "Voorbeeld van de brief" in body and "Nog niet verzonden" in body
    laatste = bezwaar_uiterlijk(VANDAAG)
    assert f"Dat moet uiterlijk op {datum(laatste)}" in body  # computed for today, not saved
    assert "Thuiszorg West levert de hulp" in body and "Brief verzenden" in body
    # The eigen bijdrage with its explanation (one abonnementstarief per household).
    assert "per maand" in body and "Abonnementstarief: Wmo 2015 art. 2.1.4 lid 3" in body
    beschikking.refresh_from_db()
    assert beschikking.verzonden_op is None and beschikking.brief == ""

    response = client.post(
        url("verzenden", beschikking.pk),
        {"verzenden-op": VANDAAG.isoformat(), "verzenden-bevestigd": "on"},
    )
    assert response.status_code == 302
    beschikking.refresh_from_db()
    assert beschikking.bezwaar_uiterlijk == laatste
    body = client.get(url("detail", beschikking.pk)).content.decode()
    assert "De brief zoals hij is verzonden" in body and "Brief verzenden" not in body
    assert f"Dat moet uiterlijk op {datum(laatste)}" in body
    assert f"Bezwaar maken kan tot en met {datum(laatste)}" in body  # the message
    assert "Bezwaar registreren" in body
    # Two page reads and the sending (the decision made in the set-up is logged too).
    rijen = Inzage.objects.filter(doel=Doel.BESCHIKKING, toegestaan=True).exclude(
        pad=access.SERVICE.pad
    )
    assert sorted(r.handeling for r in rijen) == ["beslissen", "lezen", "lezen"]


def test_sending_refusals_change_nothing(client, aanvraag, hh, backoffice):
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    login(client, backoffice)
    morgen = (VANDAAG + dt.timedelta(days=1)).isoformat()
    bevestigd = {"verzenden-bevestigd": "on"}
    response = client.post(
        url("verzenden", beschikking.pk), {"verzenden-op": morgen, **bevestigd}, follow=True
    )
    assert response.redirect_chain == [(f"{url('detail', beschikking.pk)}#verzenden", 302)]
    assert "De verzenddatum ligt vóór het besluit of in de toekomst" in response.content.decode()
    services.beschikking_send(beschikking=beschikking, actor=beschikking.besloten_door, op=VANDAAG)
    response = client.post(
        url("verzenden", beschikking.pk),
        {"verzenden-op": VANDAAG.isoformat(), **bevestigd},
        follow=True,
    )
    assert "Deze beschikking is al verzonden" in response.content.decode()


# --- lawfulness -------------------------------------------------------------------------------


def test_generalist_decision_goes_through_the_lawfulness_queue(
    client, aanvraag, hh, generalist, backoffice
):
    login(client, generalist)
    body = client.get(url("beslissen", aanvraag.pk)).content.decode()
    assert "U beslist als generalist" in body
    assert client.post(url("beslissen", aanvraag.pk), formulier(hh)).status_code == 302
    beschikking = Beschikking.objects.get()
    assert beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
    assert client.get(url("toetsing")).status_code == 403  # the generalist does not check

    login(client, backoffice)
    body = client.get(url("toetsing")).content.decode()
    assert f"Beschikking {beschikking.pk}: Anna Jansen" in body and "Oordeel vastleggen" in body
    veld = f"toets-{beschikking.pk}"
    response = client.post(
        url("toetsen", beschikking.pk),
        {f"{veld}-oordeel": "onrechtmatig", f"{veld}-terug": "toetsing"},
    )
    assert response.status_code == 400
    assert "Geef aan waarom het besluit onrechtmatig is" in response.content.decode()
    beschikking.refresh_from_db()
    assert beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
    response = client.post(
        url("toetsen", beschikking.pk),
        {
            f"{veld}-oordeel": "onrechtmatig",
            f"{veld}-terug": "toetsing",
            f"{veld}-reden": "De ladder is niet afgewogen voor het netwerk.",
        },
    )
    assert response.status_code == 302 and response["Location"] == url("toetsing")
    assert "Er zijn geen besluiten om te toetsen" in client.get(url("toetsing")).content.decode()

    # Back to the decision-maker: on the worklist and on the decision's page; no sending.
    login(client, generalist)
    body = client.get(url("aanvragen")).content.decode()
    assert "Terug van de toetsing" in body and "De ladder is niet afgewogen" in body
    body = client.get(url("detail", beschikking.pk)).content.decode()
    assert "dit besluit komt terug bij u" in body and "De ladder is niet afgewogen" in body
    assert "Brief verzenden" not in body
    response = client.post(
        url("verzenden", beschikking.pk),
        {"verzenden-op": VANDAAG.isoformat(), "verzenden-bevestigd": "on"},
        follow=True,
    )
    assert "onrechtmatig bevonden" in response.content.decode()


def test_decider_cannot_check_own_decision(client, aanvraag, hh, backoffice):
    backoffice.functie = Rol.GENERALIST  # decides as a generalist, then checks as back office
    backoffice.save()
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    backoffice.functie = Rol.BACKOFFICE
    backoffice.save()
    login(client, backoffice)
    assert "U nam dit besluit zelf" in client.get(url("toetsing")).content.decode()
    veld = f"toets-{beschikking.pk}"
    response = client.post(
        url("toetsen", beschikking.pk),
        {f"{veld}-oordeel": "rechtmatig", f"{veld}-terug": "beschikking"},
    )
    assert response.status_code == 400
    assert "De toets doet iemand anders dan de beslisser" in response.content.decode()
    beschikking.refresh_from_db()
    assert beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN


# --- ending and heronderzoek ------------------------------------------------------------------


def test_ending_worklist_next_eight_weeks(
    client, hh, begeleiding, backoffice, generalist_zuid, inwoner_noord, inwoner_zuid
):
    binnenkort = beschik(
        aanvraag_voor(inwoner_noord, backoffice),
        backoffice,
        [
            zin(hh, begin=VANDAAG - dt.timedelta(days=300), einde=VANDAAG + dt.timedelta(days=20)),
        ],
        besloten_op=VANDAAG - dt.timedelta(days=1),
    )
    beschik(
        aanvraag_voor(inwoner_noord, backoffice, omschrijving="Begeleiding"),
        backoffice,
        [
            zin(
                begeleiding,
                einde=None,
                heronderzoek_op=VANDAAG + dt.timedelta(days=10),
                aanbieder=aanbieder("Begeleid Thuis"),
            ),
        ],
    )
    beschik(
        aanvraag_voor(inwoner_zuid, backoffice),
        backoffice,
        [
            zin(hh, einde=VANDAAG + dt.timedelta(days=100)),  # outside the window
        ],
    )
    body = login(client, backoffice).get(url("einde")).content.decode()
    assert "2 voorzieningen" in body
    assert body.index("Heronderzoek") < body.index(
        f"Einde {VANDAAG + dt.timedelta(days=20):%d-%m-%Y}"
    )
    assert f'href="{url("detail", binnenkort.pk)}"' in body
    body = client.get(url("einde"), {"sortering": "-datum"}).content.decode()
    assert body.index("Hulp bij het huishouden") < body.index("Begeleiding individueel")
    # Zuid's generalist sees none of Noord's residents.
    assert "0 voorzieningen" in login(client, generalist_zuid).get(url("einde")).content.decode()


def test_ending_worklist_query_budget(
    client, hh, backoffice, wijken, gemeente, django_assert_num_queries
):
    def maak(van: int, tot: int) -> None:
        for i in range(van, tot):
            inwoner = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
            beschik(
                aanvraag_voor(inwoner, backoffice),
                backoffice,
                [
                    zin(hh, einde=VANDAAG + dt.timedelta(days=i % 50 + 1)),
                ],
            )

    login(client, backoffice)
    maak(0, 5)
    with CaptureQueriesContext(connection) as klein:
        client.get(url("einde"))
    maak(5, 50)
    with django_assert_num_queries(len(klein)):
        body = client.get(url("einde")).content.decode()
    assert "50 voorzieningen" in body


# --- bezwaar and klacht -----------------------------------------------------------------------


def test_overgangsrecht_page(client, gemeente, inwoner_noord, midoffice_team):
    from eenplan.beschikkingen import services as svc
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    bo = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[midoffice_team], username="bo3"
    )
    svc.overgangsrecht_register(
        inwoner=inwoner_noord,
        soort="awbz_extramuraal",
        omschrijving="AWBZ begeleiding",
        oude_einddatum=None,
    )
    client.force_login(bo.user)
    body = client.get("/beschikkingen/overgangsrecht/").content.decode()
    assert "AWBZ begeleiding" in body and "31-12-2015" in body and "verstreken" in body


def test_a_year_without_a_tariff_is_shown_on_the_page_and_in_the_api(
    client, aanvraag, hh, backoffice
):
    # Wmo 2015 art. 2.1.4a lid 4: the abonnementstarief is set per year; a year without one
    # (here 2030) is named, never charged at an earlier year's amount.
    begin = dt.date(2030, 3, 1)
    beschikking = beschik(
        aanvraag, backoffice, [zin(hh, begin=begin, einde=begin + dt.timedelta(days=90))]
    )
    login(client, backoffice)
    body = client.get(url("detail", beschikking.pk)).content.decode()
    assert "Het abonnementstarief voor 2030 ontbreekt." in body
    assert "€&nbsp;21,80" not in body and "€&nbsp;21.80" not in body
    uitkomst = services.eigen_bijdrage_voor(aanvraag.inwoner, begin)
    assert uitkomst.bedrag_per_maand is None and uitkomst.ontbrekend_jaar == 2030


def test_the_letter_says_the_amount_is_not_known_when_the_year_has_no_tariff(
    client, aanvraag, hh, backoffice, monkeypatch
):
    # As if this year's record had not been published yet: the letter names the year and says
    # the CAK will tell the amount, instead of last year's amount.
    from eenplan.voorzieningen import selectors as voorzieningen_selectors

    zonder = tuple(t for t in voorzieningen_selectors.ABONNEMENTSTARIEVEN if t.jaar != VANDAAG.year)
    monkeypatch.setattr(voorzieningen_selectors, "ABONNEMENTSTARIEVEN", zonder)
    beschikking = beschik(aanvraag, backoffice, [zin(hh)])
    login(client, backoffice)
    body = client.get(url("detail", beschikking.pk)).content.decode()
    assert f"Het abonnementstarief voor {VANDAAG.year} ontbreekt." in body
    assert f"Het bedrag voor {VANDAAG.year} is nog niet bekend." in body


def test_a_provision_in_kind_without_a_provider_yet_says_so(client):
    """A decision may grant a provision in kind before the provider is chosen: the page says
    so instead of printing Python's None."""
    from eenplan.testing.factories import BeschikteVoorzieningFactory

    regel = BeschikteVoorzieningFactory(aanbieder=None, leveringsvorm="zin")
    login(client, regel.beschikking.besloten_door.medewerkers.first())
    response = client.get(reverse("beschikkingen:detail", args=[regel.beschikking.pk]))
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "In natura: aanbieder nog te kiezen" in tekst
    assert "None" not in tekst
