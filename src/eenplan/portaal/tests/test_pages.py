"""The inwonersportaal's pages (issue 13): a resident sees the own case — only what is shared —
and acts on it through the apps' services; another household's ids are a 404, logged."""

from __future__ import annotations

import importlib
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from eenplan.beschikkingen.models import Aanvraag
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Gesprek, VerslagReactie
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Actie, Deelnemer, Doel, Inbreng
from eenplan.privacy import access, matrix
from eenplan.privacy.models import Inzage
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    InwoneraccountFactory,
    InwonerFactory,
    MachtigingFactory,
)
from eenplan.testing.scenarios import als

pytestmark = pytest.mark.django_db


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def zaak():
    """Anna Jansen's whole case: melding, onderzoek with the verslag sent, a signed plan and a
    sent beschikking."""
    return scenarios.beschikt(scenarios.gemeente())


@pytest.fixture
def anna(client, zaak):
    account = InwoneraccountFactory(inwoner=zaak.inwoner)
    client.force_login(account.user)
    return client


def url(naam: str, zaak, **kwargs) -> str:
    return reverse(f"portaal:{naam}", kwargs={"inwoner_id": zaak.inwoner.pk, **kwargs})


def test_the_overview_shows_the_own_case_and_its_deadlines_in_words(anna, zaak):
    assert anna.get("/mijn/").headers["Location"] == url("overzicht", zaak)
    tekst = _tekst(anna.get(url("overzicht", zaak)))
    assert "Uw zaak" in tekst and "Melding van" in tekst
    assert "het verslag is klaar" in tekst
    assert "Ondertekend op" in tekst
    b = zaak.beschikking
    assert f"Bezwaar maken tegen het besluit van {b.besloten_op:%d-%m-%Y}" in tekst
    assert "6 weken na de dag waarop wij de brief stuurden" in tekst
    # The timeline: the steps of the own case, not the internal ones (assignment, checks).
    assert "geregistreerd" in tekst.lower()
    assert "toegewezen" not in tekst.lower()
    row = Inzage.objects.filter(pad=url("overzicht", zaak)).get()
    assert (row.inwoner_id, row.toegestaan, row.grond, row.doel) == (
        zaak.inwoner.pk,
        True,
        "zelf",
        "eigen_zaak",
    )


def test_the_overview_takes_a_bounded_number_of_queries(anna, zaak, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        assert anna.get(url("overzicht", zaak)).status_code == 200


def test_internal_parts_never_reach_the_portal(anna, zaak):
    """Working notes, safety signals and parts staff marked internal stay inside."""
    wie = zaak.generalist
    Gesprek.objects.create(
        onderzoek=zaak.onderzoek,
        datum=zaak.vandaag,
        plaats="Thuis",
        deelnemers="inwoner",
        notities="WERKNOTITIE-GEHEIM",
    )
    als(
        plannen.veiligheid_signaleer,
        wie,
        plan=zaak.plan,
        soort="structureel",
        omschrijving="SIGNAAL-GEHEIM",
        escalatie="geen",
    )
    intern = Doel.objects.create(
        plan=zaak.plan,
        inwoner=zaak.inwoner,
        leefgebied=zaak.doel.leefgebied,
        omschrijving="DOEL-INTERN",
        doeltype="stabiliseren",
        gedeeld=False,
    )
    Actie.objects.create(
        doel=zaak.doel,
        omschrijving="ACTIE-INTERN",
        uitvoerder_soort="professional",
        uitvoerder="Sanne",
        gedeeld=False,
    )
    pagina = "".join(
        _tekst(anna.get(url(naam, zaak, **kw)))
        for naam, kw in [
            ("overzicht", {}),
            ("plan", {}),
            ("beschikkingen", {}),
            ("onderzoek", {"pk": zaak.onderzoek.pk}),
            ("melding", {"pk": zaak.melding.pk}),
        ]
    )
    for geheim in ("WERKNOTITIE-GEHEIM", "SIGNAAL-GEHEIM", "DOEL-INTERN", "ACTIE-INTERN"):
        assert geheim not in pagina
    assert "Een schoon huis" in pagina  # the shared goal is there
    assert intern.gedeeld is False
    # Safe defaults: goals and actions shared, evaluations and melding notes internal.
    assert Doel._meta.get_field("gedeeld").default is True
    assert Actie._meta.get_field("gedeeld").default is True
    from eenplan.meldingen.models import MeldingGebeurtenis
    from eenplan.plannen.models import Evaluatie

    assert Evaluatie._meta.get_field("gedeeld").default is False
    assert MeldingGebeurtenis._meta.get_field("gedeeld").default is False


def test_another_households_ids_are_a_404_and_logged(client, zaak):
    """Every portal page, for a case the login does not represent: 404, never data, logged."""
    vreemde = InwoneraccountFactory(inwoner=InwonerFactory(gemeente=zaak.gemeente))
    client.force_login(vreemde.user)
    pk_van = {
        "melding": zaak.melding.pk,
        "onderzoek": zaak.onderzoek.pk,
        "actie": zaak.doel.acties.first().pk if zaak.doel.acties.exists() else 1,
        "deelnemer": 1,
        "beschikking": zaak.beschikking.pk,
        "machtiging": 1,
    }
    portaal = [
        e for e in matrix.endpoints() if e.portaal and not e.api and "<inwoner_id>" in e.route
    ]
    assert len(portaal) == 28  # 24 of the portal, 4 of the AVG requests (avg)
    for endpoint in portaal:
        pad = endpoint.route.replace("<inwoner_id>", str(zaak.inwoner.pk))
        soort = next((k for k in pk_van if f"/{k}" in endpoint.route), "melding")
        pad = pad.replace("<pk>", str(pk_van[soort]))
        response = client.post(pad) if endpoint.writes else client.get(pad)
        assert response.status_code == 404, (pad, response.status_code)
        assert str(zaak.inwoner.naam) not in _tekst(response)
    geweigerd = Inzage.objects.filter(inwoner=zaak.inwoner, toegestaan=False)
    assert geweigerd.count() == len(portaal)
    assert not Inzage.objects.filter(
        inwoner=zaak.inwoner, toegestaan=True, user=vreemde.user
    ).exists()


def test_staff_do_not_use_the_portal(client, zaak):
    client.force_login(zaak.generalist.user)
    response = client.get(url("overzicht", zaak))
    assert response.status_code == 403
    assert Inzage.objects.filter(reden=access.ALLEEN_INWONERS).exists()


def test_a_melding_from_the_portal_gets_its_confirmation_with_the_onderzoek_date(anna, zaak):
    leeg = anna.post(url("melding-doen", zaak), {})
    assert leeg.status_code == 400
    assert "Schrijf op waar u hulp bij nodig hebt." in _tekst(leeg)
    voor = Melding.objects.count()
    response = anna.post(
        url("melding-doen", zaak),
        {
            "vraag": "Ik kan de trap niet meer op.",
            "domeinen": ["wmo"],
            "persoonlijk_plan": "Mijn zoon helpt met boodschappen; ik wil een traplift.",
        },
    )
    assert Melding.objects.count() == voor + 1
    melding = Melding.objects.latest("id")
    assert response.headers["Location"] == url("melding", zaak, pk=melding.pk)
    assert (melding.inwoner_id, melding.kanaal, melding.melder_soort) == (
        zaak.inwoner.pk,
        "web",
        "zelf",
    )
    assert melding.persoonlijk_plan.startswith("Mijn zoon")
    tekst = _tekst(anna.get(response.headers["Location"]))
    assert "Ontvangstbevestiging" in tekst
    datum = melding.onderzoek_uiterlijk
    from django.utils.formats import date_format

    assert f"Wij praten uiterlijk {date_format(datum, 'j F Y')} met u" in tekst


def test_a_remark_on_the_verslag_is_kept_with_it(anna, zaak):
    response = anna.post(url("reactie", zaak, pk=zaak.onderzoek.pk), {"tekst": "Ik kook zelf."})
    assert response.status_code == 302
    assert VerslagReactie.objects.filter(onderzoek=zaak.onderzoek, tekst="Ik kook zelf.").exists()
    assert "Ik kook zelf." in _tekst(anna.get(url("onderzoek", zaak, pk=zaak.onderzoek.pk)))
    # An empty remark: the message on the page, nothing stored.
    anna.post(url("reactie", zaak, pk=zaak.onderzoek.pk), {"tekst": ""})
    assert "Schrijf uw opmerking op." in _tekst(
        anna.get(url("onderzoek", zaak, pk=zaak.onderzoek.pk))
    )
    assert VerslagReactie.objects.filter(onderzoek=zaak.onderzoek).count() == 1


def test_own_actions_are_marked_done_others_are_not(anna, zaak):
    eigen = als(
        plannen.actie_add,
        zaak.generalist,
        doel=zaak.doel,
        omschrijving="Zelf stofzuigen",
        uitvoerder_soort="inwoner",
        uitvoerder="Anna",
    )
    ander = als(
        plannen.actie_add,
        zaak.generalist,
        doel=zaak.doel,
        omschrijving="Indicatie",
        uitvoerder_soort="professional",
        uitvoerder="Sanne",
    )
    anna.post(url("actie-gedaan", zaak, pk=eigen.pk))
    eigen.refresh_from_db()
    assert eigen.gedaan_op == zaak.vandaag
    anna.post(url("actie-gedaan", zaak, pk=ander.pk))
    ander.refresh_from_db()
    assert ander.gedaan_op is None
    assert "Gedaan op" in _tekst(anna.get(url("plan", zaak)))


def test_a_note_and_a_proposed_goal_reach_the_staff_plan_page(anna, zaak, client):
    anna.post(url("inbreng", zaak), {"soort": "doelvoorstel", "tekst": "Weer zelf fietsen"})
    inbreng = Inbreng.objects.get()
    assert (inbreng.soort, inbreng.inwoner_id, inbreng.door_naam) == (
        "doelvoorstel",
        zaak.inwoner.pk,
        zaak.inwoner.naam,
    )
    client.force_login(zaak.generalist.user)
    staff = _tekst(client.get(reverse("plannen:detail", kwargs={"pk": zaak.plan.pk})))
    assert "Weer zelf fietsen" in staff


def test_signing_the_plan_files_the_aanvraag(client):
    s = scenarios.plan(scenarios.gemeente())
    client.force_login(InwoneraccountFactory(inwoner=s.inwoner).user)
    pad = reverse("portaal:ondertekenen", kwargs={"inwoner_id": s.inwoner.pk})
    client.post(pad, {})  # without the tick: nothing happens
    s.plan.refresh_from_db()
    assert s.plan.status == PlanStatus.CONCEPT
    client.post(pad, {"akkoord": "ja"})
    s.plan.refresh_from_db()
    assert s.plan.status == PlanStatus.ONDERTEKEND and s.plan.ondertekend_door == s.inwoner.naam
    aanvraag = Aanvraag.objects.get(voorstel=s.voorstel)
    assert aanvraag.inwoner_id == s.inwoner.pk
    tekst = _tekst(
        client.get(reverse("portaal:beschikkingen", kwargs={"inwoner_id": s.inwoner.pk}))
    )
    assert "Hulp bij het huishouden" in tekst and "wij beslissen uiterlijk" in tekst


def test_consent_given_and_withdrawn_for_a_network_person(anna, zaak):
    anna.post(url("toestemming", zaak), {"aan": "Buurvrouw Els", "rol": "Boodschappen"})
    deelnemer = Deelnemer.objects.get(plan=zaak.plan, organisatie="Buurvrouw Els")
    assert deelnemer.toestemming.inwoner_id == zaak.inwoner.pk
    assert deelnemer.toestemming.ingetrokken_op is None
    anna.post(url("toestemming-intrekken", zaak, pk=deelnemer.pk))
    deelnemer.toestemming.refresh_from_db()
    assert deelnemer.toestemming.ingetrokken_op == zaak.vandaag
    assert "toestemming ingetrokken op" in _tekst(anna.get(url("plan", zaak)))


def test_the_letter_is_the_stored_pdf(anna, zaak):
    response = anna.get(url("brief", zaak, pk=zaak.beschikking.pk))
    assert response["Content-Type"] == "application/pdf"
    zaak.beschikking.refresh_from_db()
    assert response.content == bytes(zaak.beschikking.brief_pdf)


def test_who_looked_at_the_file_in_plain_words_without_logins(anna, zaak, client):
    tekst = _tekst(anna.get(url("inzage", zaak)))
    assert "Een medewerker van het wijkteam" in tekst
    assert f"Gemeente {zaak.gemeente.naam}" in tekst
    assert zaak.generalist.user.username not in tekst
    assert zaak.generalist.user.get_full_name() not in tekst


def test_a_mantelzorger_works_on_the_plan_but_does_not_sign_or_see_the_log(client, zaak):
    lotte = InwoneraccountFactory(inwoner=zaak.dochter)
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter, mantelzorger=True)
    client.force_login(lotte.user)
    start = _tekst(client.get("/mijn/"))
    assert zaak.inwoner.naam in start and "mantelzorger met machtiging" in start
    plan = _tekst(client.get(url("plan", zaak)))
    assert "Een schoon huis" in plan and "Plan ondertekenen" not in plan
    assert client.get(url("inzage", zaak)).status_code == 403
    assert client.post(url("ondertekenen", zaak), {"akkoord": "ja"}).status_code == 403


def test_the_development_login_exists_only_in_the_development_settings(client, zaak):
    account = InwoneraccountFactory(inwoner=zaak.inwoner)
    assert zaak.inwoner.naam in _tekst(client.get("/mijn/inloggen/"))
    response = client.post("/mijn/inloggen/", {"account": account.pk})
    assert response.headers["Location"] == reverse("portaal:start")
    client.logout()
    with override_settings(EENPLAN_PORTAAL_ONTWIKKELLOGIN=False):
        assert zaak.inwoner.naam not in _tekst(client.get("/mijn/inloggen/"))
        assert client.post("/mijn/inloggen/", {"account": account.pk}).status_code == 404
    productie = importlib.import_module("eenplan.conf.settings")
    assert productie.EENPLAN_PORTAAL_ONTWIKKELLOGIN is False
    assert productie.EENPLAN_OIDC is False  # off unless configured


def test_anonymous_visitors_go_to_the_portal_login(client, zaak):
    response = client.get(url("plan", zaak))
    assert response.headers["Location"].startswith("/mijn/inloggen/")


def test_staff_mark_a_goal_internal_on_the_plan_page_and_the_resident_does_not_see_it(
    client, zaak
):
    client.force_login(zaak.generalist.user)
    for omschrijving, intern in (("Zelf koken", False), ("Schulden in beeld", True)):
        data = {
            "doel-inwoner": zaak.inwoner.pk,
            "doel-leefgebied": zaak.doel.leefgebied.pk,
            "doel-omschrijving": omschrijving,
            "doel-doeltype": "versterken",
        }
        if intern:
            data["doel-intern"] = "on"
        response = client.post(reverse("plannen:doel", args=[zaak.plan.pk]), data)
        assert response.status_code == 302
    assert Doel.objects.get(omschrijving="Zelf koken").gedeeld is True
    assert Doel.objects.get(omschrijving="Schulden in beeld").gedeeld is False
    staff = _tekst(client.get(reverse("plannen:detail", args=[zaak.plan.pk])))
    assert "Alleen intern (niet in Mijn zaak)" in staff and "<strong>intern</strong>" in staff
    client.force_login(InwoneraccountFactory(inwoner=zaak.inwoner).user)
    portaal = _tekst(client.get(url("plan", zaak)))
    assert "Zelf koken" in portaal and "Schulden in beeld" not in portaal


def test_the_start_page_links_to_the_avg_page_and_the_care_circle_when_there_is_one(client):
    from eenplan.testing.factories import KringToewijzingFactory

    toewijzing = KringToewijzingFactory()
    buur = toewijzing.netwerkpersoon.als_inwoner
    client.force_login(InwoneraccountFactory(inwoner=buur).user)
    start = client.get("/mijn/", follow=True)
    tekst = _tekst(start)
    assert 'href="/mijn/kring/"' in tekst and "Uw zorgkring" in tekst
    assert f'href="/mijn/{buur.pk}/avg/"' in tekst and "Mijn gegevens (AVG)" in tekst
    # Someone without a care circle sees no link to it, but does see the AVG page.
    ander = InwonerFactory(gemeente=buur.gemeente)
    client.force_login(InwoneraccountFactory(inwoner=ander).user)
    tekst = _tekst(client.get("/mijn/", follow=True))
    assert 'href="/mijn/kring/"' not in tekst
    assert f'href="/mijn/{ander.pk}/avg/"' in tekst


def test_a_representative_chooses_a_case_and_the_start_page_links_the_own_avg_page(
    client, zaak
):
    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter)
    client.force_login(InwoneraccountFactory(inwoner=zaak.dochter).user)
    tekst = _tekst(client.get("/mijn/"))
    assert "Welke zaak wilt u bekijken?" in tekst
    assert 'href="/mijn/kring/"' not in tekst
    assert f'href="/mijn/{zaak.dochter.pk}/avg/"' in tekst
    assert f'href="/mijn/{zaak.inwoner.pk}/avg/"' not in tekst
