"""Municipal settings in functioneel beheer (issue 10): the ladder's steps, the lawfulness rule,
the contribution exemptions and the wording, each dated with its source, every version kept,
and each one used where it matters (the onderzoek, the decision, the eigen bijdrage)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.aanbieders.selectors import aanbieders_met_contract
from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import Rechtmatigheid
from eenplan.common.concurrency import Conflict
from eenplan.conftest import login
from eenplan.gemeente import services
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import AppendOnlyError, Instelling
from eenplan.gemeente.selectors import instellingen_op
from eenplan.onderzoeken import services as onderzoeken
from eenplan.rules.eigen_bijdrage import Categorie, Status
from eenplan.rules.instellingen import Toetsing
from eenplan.rules.onderzoek import LadderStap
from eenplan.testing import scenarios
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import api_for
from eenplan.voorzieningen.services import voorziening_create

pytestmark = pytest.mark.django_db

VERORDENING = "Verordening maatschappelijke ondersteuning Venlo 2026, art. 12"


def _zet(beheerder, onderwerp, waarde, *, vanaf=None, bron=VERORDENING, **kwargs):
    return services.instelling_save(
        door=beheerder.user,
        gemeente=beheerder.gemeente,
        onderwerp=onderwerp,
        waarde=waarde,
        geldig_vanaf=vanaf or timezone.localdate(),
        bron=bron,
        **kwargs,
    )


# --- dated, with source, never overwritten ----------------------------------------------------


def test_a_setting_applies_from_its_date_and_every_version_is_kept(beheer):
    vandaag = timezone.localdate()
    later = vandaag + dt.timedelta(days=30)
    assert instellingen_op(beheer.gemeente_id, vandaag).teksten.teamnaam == "wijkteam"
    een = _zet(beheer, "teksten", {"teamnaam": "sociaal team"})
    twee = _zet(beheer, "teksten", {"teamnaam": "Team Toegang"}, vanaf=later)
    assert (een.versie, twee.versie) == (1, 2)
    # Before the first version: the default; then each version on its own days.
    gisteren = vandaag - dt.timedelta(days=1)
    assert instellingen_op(beheer.gemeente_id, gisteren).teksten.teamnaam == "wijkteam"
    assert instellingen_op(beheer.gemeente_id, vandaag).teksten.teamnaam == "sociaal team"
    assert instellingen_op(beheer.gemeente_id, later).teksten.teamnaam == "Team Toegang"
    # Nothing is overwritten or deleted.
    with pytest.raises(AppendOnlyError):
        een.save()
    with pytest.raises(AppendOnlyError):
        Instelling.objects.filter(pk=een.pk).update(bron="anders")
    with pytest.raises(AppendOnlyError):
        een.delete()
    assert Instelling.objects.filter(gemeente=beheer.gemeente).count() == 2


def test_bad_settings_are_refused_in_dutch_and_change_nothing(beheer, elders):
    gisteren = timezone.localdate() - dt.timedelta(days=1)
    gevallen = [
        # The legal steps cannot be switched off (Wmo 2015 art. 2.3.5 lid 3).
        ({"onderwerp": "ladder", "waarde": {"extra": ["eigen_kracht"]}}, "altijd aan"),
        ({"onderwerp": "rechtmatigheid", "waarde": {"toetsing": "soms"}}, "Kies welke"),
        # A wheelchair is exempt by national law already: no municipal choice.
        (
            {"onderwerp": "eigen_bijdrage", "waarde": {"vrijgestelde_categorieen": ["rolstoel"]}},
            "landelijk al",
        ),
        (
            {"onderwerp": "eigen_bijdrage", "waarde": {"minimabeleid_percentage": "90"}},
            "tussen 100 en 300",
        ),
        ({"onderwerp": "teksten", "waarde": {"teamnaam": "  "}}, "naam van het team"),
        ({"onderwerp": "teksten", "waarde": {"teamnaam": "x"}, "bron": " "}, "Noem de bron"),
        (
            {"onderwerp": "teksten", "waarde": {"teamnaam": "x"}, "vanaf": gisteren},
            "terugwerkende kracht",
        ),
    ]
    for argumenten, fout in gevallen:
        with pytest.raises(ValidationError) as exc:
            _zet(beheer, **argumenten)
        assert fout in str(exc.value), argumenten
    with pytest.raises(PermissionDenied):  # another municipality's settings
        services.instelling_save(
            door=elders["beheer"].user,
            gemeente=beheer.gemeente,
            onderwerp="teksten",
            waarde={"teamnaam": "x"},
            geldig_vanaf=timezone.localdate(),
            bron=VERORDENING,
        )
    generalist = MedewerkerFactory(gemeente=beheer.gemeente, functie=Rol.GENERALIST)
    with pytest.raises(PermissionDenied):  # not a functioneel beheerder
        _zet(generalist, "teksten", {"teamnaam": "x"})
    assert not Instelling.objects.exists()


def test_a_version_stored_by_someone_else_in_between_is_a_conflict(beheer, beheer2):
    _zet(beheer, "teksten", {"teamnaam": "sociaal team"}, basis_versie=0)
    with pytest.raises(Conflict, match="versie 0, nu is het versie 1"):
        _zet(beheer2, "teksten", {"teamnaam": "wijkteam"}, basis_versie=0)
    assert instellingen_op(beheer.gemeente_id, timezone.localdate()).teksten.teamnaam == (
        "sociaal team"
    )


# --- the ladder (Wmo 2015 art. 2.3.5 lid 3) ---------------------------------------------------


def test_the_onderzoek_walks_the_municipality_s_ladder(client, beheer, onderzoek, generalist):
    # Without volunteers: the law's steps, collectief maatwerk, individual maatwerk.
    _zet(beheer, "ladder", {"extra": ["collectief_maatwerk"]})
    ladder = instellingen_op(beheer.gemeente_id, timezone.localdate()).ladder
    assert LadderStap.VRIJWILLIGERS not in ladder.stappen
    with pytest.raises(ValidationError, match="hoort niet bij de ladder"):
        onderzoeken.afweging_set(
            onderzoek=onderzoek,
            stap=LadderStap.VRIJWILLIGERS,
            bevinding="Geen vrijwilliger",
            volstaat=False,
            reden_niet_toereikend="Niemand beschikbaar",
            actor=generalist.user,
        )
    login(client, generalist)
    pagina = client.get(f"/onderzoeken/{onderzoek.pk}/").content.decode()
    assert "Collectief maatwerk (stap van de gemeente)" in pagina
    assert "Vrijwilligers" not in pagina


def test_an_onderzoek_keeps_the_ladder_of_the_day_it_started(beheer, onderzoek):
    # A change from tomorrow does not change an onderzoek already under way.
    morgen = timezone.localdate() + dt.timedelta(days=1)
    _zet(beheer, "ladder", {"extra": []}, vanaf=morgen)
    from eenplan.onderzoeken.selectors import onderzoek_ladder

    assert LadderStap.VRIJWILLIGERS in onderzoek_ladder(onderzoek).stappen
    assert (
        LadderStap.VRIJWILLIGERS not in instellingen_op(beheer.gemeente_id, morgen).ladder.stappen
    )


# --- the lawfulness rule --------------------------------------------------------------------


def _backoffice_besluit(s):
    return beschikkingen.beschikking_issue(
        aanvraag=s.aanvraag,
        actor=s.backoffice.user,
        besloten_op=s.vandaag,
        motivering="Het netwerk en de algemene voorzieningen volstaan niet.",
        regels=[
            beschikkingen.Regel(
                voorziening=s.hh,
                uitkomst="toegekend",
                omvang=Decimal(3),
                begin=s.vandaag,
                einde=s.vandaag + dt.timedelta(days=364),
                leveringsvorm="zin",
                aanbieder=aanbieders_met_contract(s.hh, s.vandaag).first(),
            )
        ],
    )


def test_every_decision_is_checked_when_the_municipality_says_so():
    s = scenarios.ondertekend()
    beheerder = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    _zet(beheerder, "rechtmatigheid", {"toetsing": "alle", "verzenden_voor_toetsing": False})
    regel = instellingen_op(s.gemeente.pk, s.vandaag).rechtmatigheid
    assert regel.toetsing == Toetsing.ALLE
    beschikking = _backoffice_besluit(s)
    # The back office's own decision now goes to the check too, and waits for it.
    assert beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN
    with pytest.raises(ValidationError, match="pas na de rechtmatigheidstoets"):
        beschikkingen.beschikking_send(
            beschikking=beschikking, actor=s.backoffice.user, op=s.vandaag
        )


def test_by_default_a_back_office_decision_is_not_checked():
    s = scenarios.ondertekend()
    assert _backoffice_besluit(s).rechtmatigheid == Rechtmatigheid.NVT


# --- the eigen bijdrage: categories and the municipality's exemptions --------------------------


def _regiotaxi_beschikt(s, categorie):
    """Anna gets collectief vervoer (a Regiotaxi pass) instead of help in the house."""
    taxi = voorziening_create(
        gemeente=s.gemeente,
        naam="Regiotaxi",
        soort="collectief",
        wet="wmo",
        productcategorie="08",
        productcode="08A01",
        eenheid="82",
        frequentie="4",
        uitvoeringsvariant="output",
        kostprijs_per_maand=Decimal("60"),
        categorie=categorie,
    )
    regiotaxi = scenarios.contracteer(
        taxi, "Regiotaxi Noord", "98300011", "60", vanaf=s.vandaag - dt.timedelta(days=30)
    )
    return beschikkingen.beschikking_issue(
        aanvraag=s.aanvraag,
        actor=s.backoffice.user,
        besloten_op=s.vandaag,
        motivering="Anna kan niet meer zelf reizen; collectief vervoer past.",
        regels=[
            beschikkingen.Regel(
                voorziening=taxi,
                uitkomst="toegekend",
                omvang=Decimal(1),
                begin=s.vandaag,
                einde=s.vandaag + dt.timedelta(days=364),
                leveringsvorm="zin",
                aanbieder=regiotaxi,
            )
        ],
    )


@pytest.mark.skipif(timezone.localdate().year != 2026, reason="uses the 2026 tariff")
def test_collectief_vervoer_is_exempt_once_the_municipality_exempts_it():
    s = scenarios.ondertekend()
    _regiotaxi_beschikt(s, Categorie.COLLECTIEF_VERVOER.value)
    # Anna (1948) and Henk (1946) are both past the AOW age: the abonnementstarief applies
    # (Wmo 2015 art. 2.1.4a; € 21,80 per month in 2026, Stcrt. 2025, 35082).
    voor = beschikkingen.eigen_bijdrage_voor(s.inwoner, s.vandaag)
    assert voor is not None and voor.bedrag_per_maand == Decimal("21.80")
    beheerder = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    _zet(beheerder, "eigen_bijdrage", {"vrijgestelde_categorieen": ["collectief_vervoer"]})
    na = beschikkingen.eigen_bijdrage_voor(s.inwoner, s.vandaag)
    assert na is not None and na.bedrag_per_maand == Decimal("0.00")
    assert na.status == Status.GEEN_BIJDRAGE
    assert any("vrijgesteld door de gemeente" in t and VERORDENING in t for t in na.toelichting)


@pytest.mark.skipif(timezone.localdate().year != 2026, reason="uses the 2026 tariff")
def test_a_wheelchair_never_carries_a_contribution():
    # Uitvoeringsbesluit Wmo 2015 art. 3.8: no contribution for a wheelchair, whatever the
    # municipality chose; the category on the voorziening says it is one.
    s = scenarios.ondertekend()
    _regiotaxi_beschikt(s, Categorie.ROLSTOEL.value)
    uitkomst = beschikkingen.eigen_bijdrage_voor(s.inwoner, s.vandaag)
    assert uitkomst is not None and uitkomst.bedrag_per_maand == Decimal("0.00")
    assert any("rolstoel" in t for t in uitkomst.toelichting)


@pytest.mark.skipif(timezone.localdate().year != 2026, reason="uses the 2026 tariff")
def test_a_minimabeleid_is_stated_and_a_lower_amount_applies():
    s = scenarios.ondertekend()
    _regiotaxi_beschikt(s, "")
    beheerder = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    _zet(
        beheerder,
        "eigen_bijdrage",
        {"minimabeleid_percentage": "120", "lager_bedrag": "10.00"},
    )
    uitkomst = beschikkingen.eigen_bijdrage_voor(s.inwoner, s.vandaag)
    assert uitkomst is not None and uitkomst.bedrag_per_maand == Decimal("10.00")
    assert any("120% van het sociaal minimum" in t for t in uitkomst.toelichting)


# --- the page and the API ---------------------------------------------------------------------


def test_the_beheerder_changes_a_setting_on_the_page(client, beheer):
    login(client, beheer)
    pagina = client.get("/functioneel-beheer/instellingen/").content.decode()
    assert "de standaard van eenplan" in pagina
    vandaag = timezone.localdate()
    response = client.post(
        "/functioneel-beheer/instellingen/teksten/opslaan/",
        {
            "teksten-teamnaam": "sociaal team",
            "teksten-geldig_vanaf": vandaag.isoformat(),
            "teksten-bron": "Besluit college 1 december 2026",
            "teksten-basis_versie": "0",
        },
        follow=True,
    )
    pagina = response.content.decode()
    assert "Teksten: versie 1 geldt vanaf" in pagina
    assert "Naam van het team: sociaal team." in pagina
    assert "Besluit college 1 december 2026" in pagina


def test_a_refused_setting_comes_back_with_its_input_and_message(client, beheer):
    login(client, beheer)
    response = client.post(
        "/functioneel-beheer/instellingen/eigen_bijdrage/opslaan/",
        {
            "eigen_bijdrage-minimabeleid_percentage": "50",
            "eigen_bijdrage-geldig_vanaf": timezone.localdate().isoformat(),
            "eigen_bijdrage-bron": VERORDENING,
        },
    )
    assert response.status_code == 302
    pagina = client.get(response["Location"]).content.decode()
    assert "tussen 100 en 300" in pagina
    assert 'value="50"' in pagina
    assert not Instelling.objects.exists()
    assert client.post("/functioneel-beheer/instellingen/onbekend/opslaan/", {}).status_code == 404


def test_a_generalist_cannot_change_settings(client, generalist):
    login(client, generalist)
    response = client.post(
        "/functioneel-beheer/instellingen/teksten/opslaan/",
        {
            "teksten-teamnaam": "x",
            "teksten-geldig_vanaf": timezone.localdate().isoformat(),
            "teksten-bron": "x",
        },
    )
    assert response.status_code == 403
    assert not Instelling.objects.exists()


def test_the_api_lists_and_stores_settings(beheer):
    api = api_for(beheer)
    lijst = api.get("/api/v1/beheer/instellingen/").json()
    ladder = next(r for r in lijst["results"] if r["onderwerp"] == "ladder")
    assert ladder["waarde"] == {"extra": ["vrijwilligers", "collectief_maatwerk"]}
    assert ladder["versie"] is None
    response = api.post(
        "/api/v1/beheer/instellingen/",
        {
            "onderwerp": "ladder",
            "waarde": {"extra": []},
            "geldig_vanaf": timezone.localdate().isoformat(),
            "bron": VERORDENING,
            "basis_versie": 0,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["versie"] == 1
    assert "Eigen kracht" in response.json()["samenvatting"]
    fout = api.post(
        "/api/v1/beheer/instellingen/",
        {
            "onderwerp": "ladder",
            "waarde": {"extra": ["algemene_voorzieningen"]},
            "geldig_vanaf": timezone.localdate().isoformat(),
            "bron": VERORDENING,
        },
        format="json",
    )
    assert fout.status_code == 400 and "altijd aan" in str(fout.json())
    conflict = api.post(
        "/api/v1/beheer/instellingen/",
        {
            "onderwerp": "ladder",
            "waarde": {"extra": ["vrijwilligers"]},
            "geldig_vanaf": timezone.localdate().isoformat(),
            "bron": VERORDENING,
            "basis_versie": 0,
        },
        format="json",
    )
    assert conflict.status_code == 409
    assert Instelling.objects.count() == 1
    versies = api.get("/api/v1/beheer/instellingen/").json()
    ladder = next(r for r in versies["results"] if r["onderwerp"] == "ladder")
    assert ladder["waarde"] == {"extra": []} and len(ladder["versies"]) == 1


def test_the_letter_uses_the_municipality_s_name_for_its_team():
    from eenplan.testing.factories import BeschikkingFactory, InstellingFactory

    beschikking = BeschikkingFactory(door_generalist=True, verzonden=True)
    assert "genomen door uw wijkteam" in beschikking.brief
    InstellingFactory(gemeente=beschikking.gemeente, waarde={"teamnaam": "sociaal team"})
    later = BeschikkingFactory(
        door_generalist=True, verzonden=True, aanvraag__inwoner__gemeente=beschikking.gemeente
    )
    assert "genomen door uw sociaal team" in later.brief
    # The letter as sent is never re-rendered: the first one keeps its words.
    beschikking.refresh_from_db()
    assert "genomen door uw wijkteam" in beschikking.brief


# --- holidays: only the national days by royal decree (ADR 0022) -------------------------------


def test_only_a_day_by_royal_decree_can_move_a_legal_term(beheer):
    from eenplan.gemeente.models import GelijkgesteldeFeestdag
    from eenplan.gemeente.selectors import gelijkgestelde_dagen
    from eenplan.rules.termijnen import is_werkdag
    from eenplan.testing.helpers import werkdag_over

    dag = werkdag_over(40)
    # A municipality's own closing day ("collectieve vrije dag") is no Atw holiday: refused.
    with pytest.raises(ValidationError, match="Staatscourant"):
        services.gelijkgestelde_feestdag_add(
            door=beheer.user,
            datum=dag,
            omschrijving="Collectieve vrije dag gemeentehuis",
            bron="Besluit college 1 december 2026",
        )
    # A Saturday or a day that is already a holiday needs no decree.
    zaterdag = dag + dt.timedelta(days=(5 - dag.weekday()) % 7)
    with pytest.raises(ValidationError, match="al een zaterdag"):
        services.gelijkgestelde_feestdag_add(
            door=beheer.user, datum=zaterdag, omschrijving="x", bron="Stcrt. 2026, 1"
        )
    assert not GelijkgesteldeFeestdag.objects.exists()
    assert is_werkdag(dag, extra=gelijkgestelde_dagen())
    # A royal decree published in the Staatscourant (Atw art. 3 lid 3) does count.
    services.gelijkgestelde_feestdag_add(
        door=beheer.user, datum=dag, omschrijving="Gelijkgesteld", bron="Stcrt. 2026, 12345"
    )
    assert not is_werkdag(dag, extra=gelijkgestelde_dagen())


# --- a year without a tariff, end to end -------------------------------------------------------


def test_a_missing_year_is_shown_on_the_decision_and_to_beheer_until_it_is_entered(
    client, monkeypatch
):
    # Wmo 2015 art. 2.1.4a: one amount per year. As if this year's amount had not been
    # published: the decision names the year, beheer is told on its start page and in the
    # API, and no earlier year's amount is used. Once beheer enters it, both are right.
    from eenplan.voorzieningen import selectors as voorzieningen_selectors

    jaar = timezone.localdate().year
    zonder = tuple(t for t in voorzieningen_selectors.ABONNEMENTSTARIEVEN if t.jaar != jaar)
    monkeypatch.setattr(voorzieningen_selectors, "ABONNEMENTSTARIEVEN", zonder)
    s = scenarios.beschikt(verzenden=False)
    beheerder = MedewerkerFactory(gemeente=s.gemeente, functie=Rol.FUNCTIONEEL_BEHEER)

    login(client, s.backoffice)
    besluit = client.get(f"/beschikkingen/{s.beschikking.pk}/").content.decode()
    assert f"Het abonnementstarief voor {jaar} ontbreekt." in besluit
    assert "21,80" not in besluit and "21,00" not in besluit  # no other year's amount

    login(client, beheerder)
    start = client.get("/functioneel-beheer/").content.decode()
    assert f"Het abonnementstarief ontbreekt voor {jaar}" in start
    api = api_for(beheerder).get("/api/v1/beheer/abonnementstarieven/")
    assert str(jaar) in api["X-Eenplan-Tarief-Ontbreekt"]

    client.post(
        "/functioneel-beheer/instellingen/abonnementstarieven/",
        {"jaar": str(jaar), "bedrag": "23,45", "periode": "maand", "bron": "Stcrt. 2099, 1"},
    )
    start = client.get("/functioneel-beheer/").content.decode()
    assert f"Het abonnementstarief ontbreekt voor {jaar}" not in start
    login(client, s.backoffice)
    besluit = client.get(f"/beschikkingen/{s.beschikking.pk}/").content.decode()
    assert "ontbreekt" not in besluit.split('id="kop-bijdrage"')[1].split("</section>")[0]
    assert "23,45" in besluit


def test_the_page_numbers_the_steps_of_the_municipality_s_ladder(
    client, beheer, onderzoek, generalist
):
    # Without volunteers the algemene voorzieningen are the third step on the page, its button
    # and its message, whatever their place in the full list of six.
    _zet(beheer, "ladder", {"extra": ["collectief_maatwerk"]})
    login(client, generalist)
    pagina = client.get(f"/onderzoeken/{onderzoek.pk}/").content.decode()
    assert "Stap 3: Algemene voorzieningen" in pagina and "Stap 3 opslaan" in pagina
    response = client.post(
        f"/onderzoeken/{onderzoek.pk}/afweging/{int(LadderStap.ALGEMENE_VOORZIENINGEN)}/",
        {
            "stap4-bevinding": "Geen passende algemene voorziening in de wijk.",
            "stap4-volstaat": "nee",
            "stap4-reden_niet_toereikend": "De buurtbus rijdt niet op haar tijden.",
        },
        follow=True,
    )
    assert "Stap 3 (Algemene voorzieningen) is opgeslagen." in response.content.decode()
