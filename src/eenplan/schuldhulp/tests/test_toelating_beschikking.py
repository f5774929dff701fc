"""Issue 14 / ADR 0041: the toelating to debt help (Wgs art. 4a) is a real beschikking of the
existing machinery — the aanvraag is made in the first conversation, the decision (admitted, or
refused on a named ground) has its own letter template, the bezwaar term runs from the send date,
a bezwaar is registered against it, and the household plan and the dossier show it. Refused and
changing nothing: deciding twice, a question of another municipality, a refusal without its
ground, deciding it through the generic decision page or API, and every role but the Werkplein."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.beschikkingen import services as beschikkingen
from eenplan.beschikkingen.constants import AanvraagStatus, BriefSoort
from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.bezwaren import services as bezwaren
from eenplan.common.concurrency import Conflict
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.rules.termijnen import bezwaar_uiterlijk
from eenplan.schuldhulp import services
from eenplan.schuldhulp.constants import Fase, Toelating, Triage
from eenplan.schuldhulp.models import Schuldvraag
from eenplan.testing.factories import (
    GemeenteFactory,
    HuishoudenFactory,
    InwonerFactory,
    MedewerkerFactory,
    PlanFactory,
    WijkFactory,
    medewerker_voor,
)
from eenplan.testing.helpers import api_for
from eenplan.testing.schuldhulp import schuldhulp_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
GESPREK = VANDAAG - dt.timedelta(days=20)
BASIS = "/api/v1/schuldhulp"


@pytest.fixture
def inwoner(gemeente, wijken):
    persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    HuishoudenFactory(gemeente=gemeente, leden=[persoon])
    return persoon


@pytest.fixture
def werkplein(inwoner):
    return schuldhulp_voor(inwoner)


@pytest.fixture
def vraag(werkplein, inwoner):
    """A debt question after its first conversation (the aanvraag of Wgs art. 4a)."""
    vraag = services.schuldvraag_aanmelden(
        actor=werkplein.user, inwoner=inwoner, verzoek_op=GESPREK - dt.timedelta(days=5)
    )
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="eerste_gesprek", op=GESPREK)
    return Schuldvraag.objects.get(pk=vraag.pk)


def _toelaten(werkplein, vraag, **extra):
    velden = {
        "toelating": Toelating.TOEGELATEN,
        "besloten_op": VANDAAG - dt.timedelta(days=2),
        "motivering": "Problematische schulden; de inwoner werkt mee.",
    }
    velden.update(extra)
    return services.toelating_beslissen(actor=werkplein.user, vraag=vraag, **velden)


# --- the service ------------------------------------------------------------------------------


def test_first_conversation_is_the_aanvraag_of_the_household_plan(werkplein, inwoner):
    plan = PlanFactory(huishouden=inwoner.lidmaatschappen.first().huishouden)
    vraag = services.schuldvraag_aanmelden(
        actor=werkplein.user, inwoner=inwoner, verzoek_op=GESPREK - dt.timedelta(days=5)
    )
    assert vraag.aanvraag is None  # a request is not yet the aanvraag
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="eerste_gesprek", op=GESPREK)
    aanvraag = Aanvraag.objects.get(schuldvraag=vraag)
    assert aanvraag.wet == "schuldhulp" and aanvraag.ontvangen_op == GESPREK
    assert aanvraag.plan == plan
    # eight weeks (Awb 4:13 lid 2), a weekend or holiday at the end moves it on (Atw)
    assert GESPREK + dt.timedelta(weeks=8) <= aanvraag.beslissen_uiterlijk
    assert aanvraag.beslissen_uiterlijk <= GESPREK + dt.timedelta(weeks=8, days=4)
    assert Schuldvraag.objects.get(pk=vraag.pk).beslissen_uiterlijk == aanvraag.beslissen_uiterlijk


def test_toelating_is_a_beschikking_with_its_letter_and_the_bezwaar_term_from_sending(
    werkplein, vraag
):
    vraag = _toelaten(werkplein, vraag)
    beschikking = vraag.beschikking
    assert beschikking.aanvraag == vraag.aanvraag and beschikking.aanvraag.wet == "schuldhulp"
    assert beschikking.aanvraag.status == AanvraagStatus.BESLOTEN
    [regel] = beschikking.voorzieningen.all()
    assert regel.uitkomst == "toegekend" and regel.begin == VANDAAG - dt.timedelta(days=2)
    assert regel.omvang is None and regel.leveringsvorm == ""
    assert beschikking.ladder_uitkomst == ""  # never the care onderzoek's ladder
    assert vraag.toelating == "toegelaten" and vraag.toelating_op == regel.begin
    assert beschikking.verzonden_op is None and beschikking.bezwaar_uiterlijk is None
    verzonden = beschikkingen.beschikking_send(
        beschikking=beschikking, actor=werkplein.user, op=VANDAAG
    )
    assert verzonden.bezwaar_uiterlijk == bezwaar_uiterlijk(VANDAAG, extra=gelijkgestelde_dagen())
    brief = verzonden.brief
    assert "besluit over schuldhulpverlening" in brief
    assert "Toelating tot de schuldhulpverlening: toegekend." in brief
    assert "artikel 4a van de Wet gemeentelijke schuldhulpverlening" in brief
    assert f"{verzonden.bezwaar_uiterlijk:%-d}" in brief and "Bezwaar maken" in brief
    assert "Hoeveel" not in brief and "None" not in brief
    assert verzonden.brief_sjabloon == "beschikkingen/brief_schuldhulp.txt versie 1"
    assert bytes(verzonden.brief_pdf).startswith(b"%PDF")


def test_refusal_names_its_ground_and_without_one_nothing_changes(werkplein, vraag):
    with pytest.raises(ValidationError) as fout:
        _toelaten(werkplein, vraag, toelating=Toelating.GEWEIGERD, grond="  ")
    assert "grond" in fout.value.message_dict
    vraag.refresh_from_db()
    assert vraag.toelating == "" and vraag.beschikking is None
    assert not Beschikking.objects.exists()
    assert vraag.aanvraag.status == AanvraagStatus.ONTVANGEN
    vraag = _toelaten(
        werkplein,
        vraag,
        toelating=Toelating.GEWEIGERD,
        motivering="De inwoner kwam niet op de afspraken.",
        grond="Geen medewerking (beleidsregels schuldhulpverlening).",
    )
    [regel] = vraag.beschikking.voorzieningen.all()
    assert regel.uitkomst == "afgewezen"
    assert vraag.toelating_grond == "Geen medewerking (beleidsregels schuldhulpverlening)."
    brief = beschikkingen.beschikking_send(
        beschikking=vraag.beschikking, actor=werkplein.user, op=VANDAAG
    ).brief
    assert "Toelating tot de schuldhulpverlening: afgewezen." in brief
    assert "Grond voor de weigering: Geen medewerking" in brief


def test_deciding_twice_is_refused(werkplein, vraag):
    _toelaten(werkplein, vraag)
    with pytest.raises(Conflict, match="al beslist"):
        _toelaten(werkplein, Schuldvraag.objects.get(pk=vraag.pk), toelating="geweigerd", grond="x")
    assert Beschikking.objects.count() == 1
    assert Schuldvraag.objects.get(pk=vraag.pk).toelating == "toegelaten"


def test_a_question_of_another_municipality_is_refused(vraag):
    weert = GemeenteFactory(cbs_code="GM0988", naam="Weert")
    ander = InwonerFactory(gemeente=weert, wijk=WijkFactory(gemeente=weert, naam="Centrum"))
    buiten = schuldhulp_voor(ander)
    with pytest.raises(ValidationError, match="andere gemeente"):
        _toelaten(buiten, vraag)
    antwoord = api_for(buiten).post(
        f"{BASIS}/vragen/{vraag.pk}/toelating/",
        {"toelating": "toegelaten", "besloten_op": VANDAAG.isoformat(), "motivering": "Ja."},
        format="json",
    )
    assert antwoord.status_code == 404
    assert not Beschikking.objects.exists()


def test_only_the_werkplein_decides_it_also_not_through_the_generic_decision(
    client, werkplein, vraag, inwoner
):
    for rol in (Rol.GENERALIST, Rol.BACKOFFICE):
        with pytest.raises(PermissionDenied):
            _toelaten(medewerker_voor(inwoner, rol), vraag)
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE)
    antwoord = api_for(backoffice).post(
        f"/api/v1/aanvragen/{vraag.aanvraag_id}/beslissen/",
        {"motivering": "x", "regels": []},
        format="json",
    )
    assert antwoord.status_code == 403
    # the Werkplein is sent to the debt question, where the ground of a refusal is recorded
    antwoord = api_for(werkplein).post(
        f"/api/v1/aanvragen/{vraag.aanvraag_id}/beslissen/",
        {"motivering": "x", "regels": []},
        format="json",
    )
    assert antwoord.status_code == 400 and "schuldvraag" in antwoord.content.decode()
    client.force_login(werkplein.user)
    pagina = client.get(f"/beschikkingen/aanvragen/{vraag.aanvraag_id}/beslissen/")
    assert pagina.status_code == 302 and pagina.url == f"/schuldhulp/inwoners/{inwoner.pk}/"
    assert not Beschikking.objects.exists()


def test_a_bezwaar_runs_against_the_sent_toelating(werkplein, vraag, inwoner):
    vraag = _toelaten(werkplein, vraag, toelating="geweigerd", grond="Fraudeschuld.")
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE)
    with pytest.raises(ValidationError, match="nog niet verzonden"):
        bezwaren.bezwaar_register(
            beschikking=vraag.beschikking,
            inwoner=inwoner,
            ontvangen_op=VANDAAG,
            gronden="Ik werk wel mee.",
            ingediend_door=inwoner.naam,
            actor=backoffice.user,
        )
    verzonden = beschikkingen.beschikking_send(
        beschikking=vraag.beschikking, actor=werkplein.user, op=VANDAAG
    )
    bezwaar = bezwaren.bezwaar_register(
        beschikking=verzonden,
        inwoner=inwoner,
        ontvangen_op=VANDAAG,
        gronden="Ik werk wel mee.",
        ingediend_door=inwoner.naam,
        actor=backoffice.user,
    )
    assert bezwaar.beschikking == verzonden and bezwaar.tijdigheid == "tijdig"


def test_a_toelating_recorded_before_it_was_a_beschikking_is_kept(werkplein, vraag):
    # As the data migration leaves it: the decision's fields, no beschikking.
    Schuldvraag.objects.filter(pk=vraag.pk).update(
        toelating="toegelaten", toelating_op=GESPREK, toelating_motivering="Oud besluit."
    )
    vraag = Schuldvraag.objects.get(pk=vraag.pk)
    services.triage_vastleggen(
        actor=werkplein.user, vraag=vraag, uitkomst=Triage.SCHULDHULPROUTE, op=GESPREK
    )
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="stabilisatie", op=GESPREK)
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="minnelijk", op=VANDAAG)
    assert Schuldvraag.objects.get(pk=vraag.pk).fase == Fase.MINNELIJK
    with pytest.raises(Conflict):
        _toelaten(werkplein, Schuldvraag.objects.get(pk=vraag.pk))


# --- page, API, plan, dossier, letter templates -----------------------------------------------


def test_werkplein_decides_on_the_page_and_sees_the_beschikking(client, werkplein, vraag, inwoner):
    client.force_login(werkplein.user)
    url = f"/schuldhulp/inwoners/{inwoner.pk}/"
    actie = f"/schuldhulp/vragen/{vraag.pk}/toelating/"
    velden = {
        f"toelating-{vraag.pk}-toelating": "geweigerd",
        f"toelating-{vraag.pk}-besloten_op": VANDAAG.isoformat(),
        f"toelating-{vraag.pk}-motivering": "Geen problematische schulden.",
        f"toelating-{vraag.pk}-grond": "",
    }
    antwoord = client.post(actie, velden)
    assert antwoord.status_code == 302 and antwoord.url == url
    assert "Noem de grond" in client.get(url).content.decode()
    assert not Beschikking.objects.exists()
    velden[f"toelating-{vraag.pk}-grond"] = "Schulden zijn niet problematisch."
    assert client.post(actie, velden).url == url
    beschikking = Beschikking.objects.get()
    pagina = client.get(url).content.decode()
    assert f"/beschikkingen/{beschikking.pk}/" in pagina and beschikking.kenmerk in pagina
    assert "de brief is nog niet verzonden" in pagina
    assert "Grond voor de weigering: Schulden zijn niet problematisch." in pagina
    detail = client.get(f"/beschikkingen/{beschikking.pk}/").content.decode()
    assert "Toelating tot de schuldhulpverlening" in detail
    beschikkingen.beschikking_send(beschikking=beschikking, actor=werkplein.user, op=VANDAAG)
    assert "bezwaar mogelijk tot en met" in client.get(url).content.decode()


def test_api_decides_refuses_and_gives_the_beschikking(werkplein, vraag):
    api = api_for(werkplein)
    url = f"{BASIS}/vragen/{vraag.pk}/toelating/"
    velden = {"toelating": "geweigerd", "besloten_op": VANDAAG.isoformat(), "motivering": "Nee."}
    antwoord = api.post(url, velden, format="json")
    assert antwoord.status_code == 400 and "Noem de grond" in antwoord.content.decode()
    assert not Beschikking.objects.exists()
    antwoord = api.post(url, {**velden, "toelating": "toegelaten"}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    beschikking = Beschikking.objects.get()
    assert data["beschikking"] == beschikking.pk and data["aanvraag"] == vraag.aanvraag_id
    assert data["beschikking_kenmerk"] == beschikking.kenmerk
    assert data["beschikking_verzonden_op"] is None
    assert api.post(url, {**velden, "grond": "x"}, format="json").status_code == 409
    # the Werkplein reads the Wgs decision it took, through the beschikkingen API
    detail = api.get(f"/api/v1/beschikkingen/{beschikking.pk}/")
    assert detail.status_code == 200 and detail.json()["wet"] == "schuldhulp"
    assert Beschikking.objects.count() == 1


def test_plan_and_dossier_timeline_show_the_decision(client, werkplein, inwoner):
    plan = PlanFactory(huishouden=inwoner.lidmaatschappen.first().huishouden)
    vraag = services.schuldvraag_aanmelden(
        actor=werkplein.user, inwoner=inwoner, verzoek_op=GESPREK - dt.timedelta(days=5)
    )
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="eerste_gesprek", op=GESPREK)
    vraag = _toelaten(werkplein, Schuldvraag.objects.get(pk=vraag.pk))
    generalist = medewerker_voor(inwoner, Rol.GENERALIST)
    client.force_login(generalist.user)
    pagina = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Toelating (Wgs art. 4a): toegelaten tot schuldhulpverlening" in pagina
    assert vraag.beschikking.kenmerk in pagina
    dossier = client.get(f"/inwoners/{inwoner.pk}/").content.decode()
    assert "Beschikking schuldhulpverlening: toegelaten" in dossier


def test_youth_professional_reads_no_wgs_decision(client, werkplein, vraag, inwoner):
    vraag = _toelaten(werkplein, vraag)
    jeugd = medewerker_voor(inwoner, Rol.JEUGDPROFESSIONAL)
    client.force_login(jeugd.user)
    assert client.get(f"/beschikkingen/{vraag.beschikking_id}/").status_code == 403


def test_letter_template_of_the_toelating_in_beheer(client, werkplein, vraag, gemeente):
    beheer = MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER, username="fb")
    client.force_login(beheer.user)
    pagina = client.get("/beschikkingen/sjablonen/", {"soort": "toelating_schuldhulp"})
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Toelating tot schuldhulpverlening" in tekst
    assert "besluit over schuldhulpverlening, na ons gesprek van $aanvraag_datum" in tekst
    sjabloon = beschikkingen.sjabloon_save(
        gemeente=gemeente,
        soort=BriefSoort.TOELATING_SCHULDHULP,
        tekst=beschikkingen.STANDAARDEN[BriefSoort.TOELATING_SCHULDHULP].replace(
            "Beste $inwoner_naam,", "Geachte $inwoner_naam,"
        ),
        geldig_vanaf=VANDAAG - dt.timedelta(days=30),
        actor=beheer.user,
    )
    vraag = _toelaten(werkplein, vraag)
    verzonden = beschikkingen.beschikking_send(
        beschikking=vraag.beschikking, actor=werkplein.user, op=VANDAAG
    )
    assert "Geachte" in verzonden.brief and verzonden.brief_sjabloon == sjabloon.label
    # a decision under another law keeps the decision letter's own template
    assert beschikkingen.actief_sjabloon(gemeente.pk, BriefSoort.BESCHIKKING, VANDAAG) is None


def test_a_script_in_the_motivering_is_text_on_every_page_and_in_the_letter(
    client, werkplein, vraag, inwoner
):
    """The Wgs letter is plain text (autoescape off, for the PDF only); the pages that show the
    decision and the letter must still escape what staff typed."""
    client.force_login(werkplein.user)
    url = f"/schuldhulp/inwoners/{inwoner.pk}/"
    aanval = "<script>alert(1)</script> & co"
    velden = {
        f"toelating-{vraag.pk}-toelating": "toegelaten",
        f"toelating-{vraag.pk}-besloten_op": VANDAAG.isoformat(),
        f"toelating-{vraag.pk}-motivering": aanval,
        f"toelating-{vraag.pk}-grond": "",
    }
    assert client.post(f"/schuldhulp/vragen/{vraag.pk}/toelating/", velden).url == url
    beschikking = Beschikking.objects.get()
    verzonden = beschikkingen.beschikking_send(
        beschikking=beschikking, actor=werkplein.user, op=VANDAAG
    )
    assert aanval in verzonden.brief  # the stored letter text keeps what was typed
    for pagina in (url, f"/beschikkingen/{beschikking.pk}/"):
        html = client.get(pagina).content.decode()
        assert "<script>alert(1)</script>" not in html, pagina
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html, pagina
