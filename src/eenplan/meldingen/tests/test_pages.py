"""Pages of the front door: intake, the melding with screening and assignment, the worklist.

Each refusal shows a Dutch message and writes nothing; every read of a resident's melding is in
the access log; the worklist keeps the same number of queries for 5 and 500 meldingen.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
from eenplan.meldingen import services
from eenplan.meldingen.constants import Kanaal, MelderSoort, Status, TermijnStand
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Notificatie, Opschorting
from eenplan.privacy import access
from eenplan.privacy.constants import Doel
from eenplan.privacy.constants import Kanaal as InzageKanaal
from eenplan.privacy.models import Inzage
from eenplan.rules.termijnen import WMO_ONDERZOEK, termijn_einde
from eenplan.testing.factories import (
    GemeenteFactory,
    InwonerFactory,
    MedewerkerFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db
NIEUW = reverse("meldingen:nieuw")
WERKVOORRAAD = reverse("meldingen:werkvoorraad")


def today() -> dt.date:
    return timezone.localdate()


def detail(melding: Melding, actie: str = "") -> str:
    return reverse(f"meldingen:{actie or 'detail'}", args=[melding.pk])


@pytest.fixture
def register(midoffice):
    def _register(**overrides):
        data = {
            "gemeente": midoffice.gemeente,
            "actor": midoffice.user,
            "melder_soort": MelderSoort.ZELF,
            "kanaal": Kanaal.TELEFOON,
            "vraag": "Ik kan de trap niet meer op.",
            "ontvangen_op": today() - dt.timedelta(days=3),
            "domeinen": ["wmo"],
        }
        data.update(overrides)
        return services.melding_register(**data)

    return _register


@pytest.fixture
def collega(team_noord):
    """A second generalist of Wijkteam Noord, with an expertise to choose by."""
    return MedewerkerFactory(
        gemeente=team_noord.gemeente,
        functie=Rol.GENERALIST,
        teams=[team_noord],
        username="collega",
        first_name="Kim",
        last_name="de Wit",
        expertises="schulden,ggz",
    )


@pytest.fixture
def andere_gemeente_inwoner(db):
    maastricht = GemeenteFactory(cbs_code="GM0935", naam="Maastricht")
    wijk = WijkFactory(gemeente=maastricht, naam="Centrum")
    return InwonerFactory(gemeente=maastricht, wijk=wijk, voornamen="Mia", achternaam="Claessens")


def gelogd():
    """Access-log rows of pages and API, not those of the services the fixtures call."""
    return Inzage.objects.exclude(pad=access.SERVICE.pad)


def formdata(inwoner=None, **overrides) -> dict:
    data = {
        "bsn": inwoner.bsn if inwoner else "",
        "onbekende_persoon": "",
        "melder_soort": MelderSoort.NETWERK,
        "melder_naam": "Lotte Jansen",
        "melder_contact": "06-12345678",
        "kanaal": Kanaal.TELEFOON,
        "domeinen": ["wmo"],
        "urgentie": "normaal",
        "vraag": "Mijn moeder redt het thuis niet meer alleen.",
        "ontvangen_op": today().isoformat(),
    }
    data.update(overrides)
    return data


# --- intake -----------------------------------------------------------------------------------


def test_intake_form_registers_and_shows_the_deadline(client, midoffice, inwoner_noord):
    login(client, midoffice)
    assert "BSN van de inwoner" in client.get(NIEUW).content.decode()

    response = client.post(NIEUW, formdata(inwoner_noord), follow=True)

    melding = Melding.objects.get()
    assert response.redirect_chain[-1][0] == detail(melding)
    assert melding.inwoner == inwoner_noord
    assert melding.kanaal == Kanaal.TELEFOON and melding.melder_soort == MelderSoort.NETWERK
    assert melding.wmo and not melding.jeugd
    # Wmo 2015 art. 2.3.2 lid 1: six weeks, extended per Atw.
    assert melding.onderzoek_uiterlijk == termijn_einde(today(), weken=WMO_ONDERZOEK.weken)
    body = response.content.decode()
    assert f"Melding {melding.pk} is geregistreerd" in body
    assert date_format(melding.onderzoek_uiterlijk, "j F Y") in body
    assert 'role="status"' in body


@pytest.mark.parametrize(
    ("overrides", "message", "field"),
    [
        ({"melder_soort": ""}, "Vul in wie de melding doet", "melder_soort"),
        (
            {"ontvangen_op": "2099-01-01"},
            "De ontvangstdatum ligt in de toekomst.",
            "ontvangen_op",
        ),
        ({"ontvangen_op": "31-02-2026"}, "Vul een bestaande datum in", "ontvangen_op"),
        # Before the Wmo 2015: one plausible range per kind of date (rules/datums.py).
        ({"ontvangen_op": "01-06-1989"}, "01-06-1989 is geen mogelijke datum", "ontvangen_op"),
        ({"vraag": "   "}, "Schrijf de vraag op in de woorden van de melder.", "vraag"),
        ({"domeinen": []}, "Kies ten minste één leefgebied", "domeinen"),
        ({"kanaal": ""}, "Kies hoe de melding binnenkwam.", "kanaal"),
        ({"bsn": "123456789"}, "elfproef", "bsn"),
        ({"bsn": "", "onbekende_persoon": ""}, "Kies de inwoner of beschrijf de persoon", "bsn"),
    ],
)
def test_intake_refusals_write_nothing(client, midoffice, inwoner_noord, overrides, message, field):
    login(client, midoffice)
    response = client.post(NIEUW, formdata(inwoner_noord, **overrides))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert 'role="alert"' in body
    assert f'href="#id_{field}' in body  # the summary links to the field
    assert Melding.objects.count() == 0
    assert MeldingGebeurtenis.objects.count() == 0


def test_intake_refuses_resident_of_another_municipality(
    client, midoffice, andere_gemeente_inwoner
):
    login(client, midoffice)
    response = client.post(NIEUW, formdata(andere_gemeente_inwoner))
    body = response.content.decode()
    assert response.status_code == 400
    assert f"Er is geen inwoner met BSN {andere_gemeente_inwoner.bsn} in Venlo" in body
    assert "woonplaatsbeginsel" in body
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_bsn-uitleg id_bsn-fout"' in body
    assert Melding.objects.count() == 0


def test_intake_for_an_unknown_person(client, midoffice):
    login(client, midoffice)
    data = formdata(onbekende_persoon="Oudere man, Parade 7, rond de 80")
    client.post(NIEUW, data)
    melding = Melding.objects.get()
    assert melding.inwoner is None and melding.onbekende_persoon.startswith("Oudere man")


def test_youth_referral_by_gp_notifies_the_team(client, midoffice, team_noord, inwoner_noord):
    login(client, midoffice)
    client.post(
        NIEUW, formdata(inwoner_noord, melder_soort=MelderSoort.HUISARTS, domeinen=["jeugd"])
    )
    melding = Melding.objects.get()
    assert melding.wettelijke_verwijzing
    assert Notificatie.objects.get().team == team_noord
    body = client.get(detail(melding)).content.decode()
    assert "Wettelijke verwijzing voor jeugdhulp" in body


def test_bsn_check_shows_the_resident_in_scope(client, midoffice, inwoner_noord):
    login(client, midoffice)
    url = reverse("meldingen:bsn-controle")
    assert "Anna Jansen" in client.get(url, {"bsn": inwoner_noord.bsn}).content.decode()
    assert "elfproef" in client.get(url, {"bsn": "123456789"}).content.decode()
    assert client.get(url, {"bsn": "12"}).content.decode().strip() == ""


# --- vrijwilliger, roles without rights ----------------------------------------------------------


def test_vrijwilliger_registers_and_sees_a_receipt_but_no_worklist(client, vrijwilliger):
    login(client, vrijwilliger)
    form = client.get(NIEUW).content.decode()
    assert "BSN van de inwoner" not in form
    assert "Dossiers van inwoners zijn voor u niet zichtbaar" in form

    data = formdata(bsn="", onbekende_persoon="Mevrouw Peeters, Kerkstraat 3", kanaal="inloop")
    data.pop("bsn")
    response = client.post(NIEUW, data, follow=True)

    melding = Melding.objects.get()
    assert response.redirect_chain[-1][0] == reverse("meldingen:bevestiging")
    body = response.content.decode()
    assert "Melding ontvangen" in body
    assert date_format(melding.onderzoek_uiterlijk, "j F Y") in body
    assert date_format(melding.persoonlijk_plan_uiterlijk, "j F Y") in body
    assert "persoonlijk plan" in body
    assert client.get(WERKVOORRAAD).status_code == 403
    assert client.get(detail(melding)).status_code == 403


def test_vrijwilliger_cannot_pick_a_resident_by_bsn(client, vrijwilliger, inwoner_noord):
    login(client, vrijwilliger)
    data = formdata(inwoner_noord)  # a bsn field that is not on the form is ignored
    response = client.post(NIEUW, data)
    assert response.status_code == 400
    assert "Kies de inwoner of beschrijf de persoon" in response.content.decode()
    assert Melding.objects.count() == 0


@pytest.mark.parametrize("rol", ["beleid", "privacy_officer"])
def test_beleid_and_privacy_get_403(request, client, rol, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    login(client, request.getfixturevalue(rol))
    for url in (NIEUW, WERKVOORRAAD, detail(melding)):
        response = client.get(url)
        assert response.status_code == 403
        assert "Geen toegang" in response.content.decode()
    assert client.post(detail(melding, "toewijzen")).status_code == 403


def test_pages_require_login(client):
    response = client.get(WERKVOORRAAD)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


# --- the melding page -----------------------------------------------------------------------


def test_unknown_melding_is_404(client, midoffice):
    assert login(client, midoffice).get("/meldingen/999999/").status_code == 404


def test_generalist_cannot_open_a_melding_outside_scope(client, generalist, register, inwoner_zuid):
    melding = register(inwoner=inwoner_zuid)
    response = login(client, generalist).get(detail(melding))
    assert response.status_code == 403
    assert "valt buiten uw werkgebied" in response.content.decode()
    assert inwoner_zuid.naam not in response.content.decode()
    # The refused attempt is in the access log for the privacy officer.
    inzage = gelogd().get()
    assert inzage.toegestaan is False and inzage.inwoner == inwoner_zuid


def test_opening_a_melding_writes_the_access_log(client, midoffice, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    response = login(client, midoffice).get(detail(melding))
    assert response.status_code == 200
    inzage = gelogd().get()
    assert inzage.user == midoffice.user
    assert inzage.inwoner == inwoner_noord
    assert inzage.doel == Doel.TOEGANG
    assert inzage.kanaal == InzageKanaal.PAGINA
    assert inzage.pad == detail(melding)
    assert inzage.toegestaan is True


def test_melding_about_unknown_person_is_not_a_dossier_read(client, midoffice, register):
    melding = register(onbekende_persoon="Man met hond, Parade")
    assert login(client, midoffice).get(detail(melding)).status_code == 200
    assert gelogd().count() == 0


def test_melding_page_shows_deadlines_history_and_household(
    client, midoffice, register, inwoner_noord, wijken
):
    henk = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Henk",
        achternaam="Jansen",
    )
    huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (henk, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    netwerkpersoon_add(
        inwoner=inwoner_noord,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Lotte Jansen",
        relatie="dochter",
    )
    eerder = register(inwoner=henk, vraag="Hulp bij de administratie.", domeinen=["schulden"])
    melding = register(inwoner=inwoner_noord)

    body = login(client, midoffice).get(detail(melding)).content.decode()
    assert "Vertel je verhaal één keer" in body
    assert f"Melding {eerder.pk}" in body and "Koppel aan deze melding" in body
    assert "Henk Jansen (partner)" in body
    assert "Lotte Jansen, mantelzorger (dochter)" in body
    assert date_format(melding.onderzoek_uiterlijk, "j F Y") in body
    assert date_format(melding.persoonlijk_plan_uiterlijk, "j F Y") in body
    assert "Op schema" in body
    assert "Ontvangst bevestigd" in body  # history


def test_overdue_melding_says_the_resident_may_apply(client, midoffice, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord, ontvangen_op=today() - dt.timedelta(weeks=10))
    body = login(client, midoffice).get(detail(melding)).content.decode()
    assert "De onderzoekstermijn is verlopen" in body
    assert "art. 2.3.2 lid 9" in body
    assert TermijnStand.VERLOPEN.label in body


def test_generalist_sees_no_screening_actions(client, generalist, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    body = login(client, generalist).get(detail(melding)).content.decode()
    assert "Vertel je verhaal één keer" not in body
    assert "Direct beantwoorden" not in body and "Toewijzen" not in body
    assert "Termijn opschorten" in body
    assert (
        client.post(detail(melding, "beantwoorden"), {"beantwoorden-antwoord": "x"}).status_code
        == 403
    )
    melding.refresh_from_db()
    assert melding.status == Status.GEREGISTREERD


# --- screening actions --------------------------------------------------------------------------


def test_answer_directly(client, midoffice, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    url = detail(melding, "beantwoorden")

    response = client.post(url, {"beantwoorden-antwoord": "  "}, follow=True)
    assert response.redirect_chain == [(detail(melding), 302)]  # POST/redirect/GET
    assert "Schrijf op wat de melder als antwoord kreeg." in response.content.decode()
    melding.refresh_from_db()
    assert melding.status == Status.GEREGISTREERD

    response = client.post(
        url, {"beantwoorden-antwoord": "Boodschappendienst via de sociale kaart."}
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.BEANTWOORD
    assert melding.antwoord.startswith("Boodschappendienst")
    # Answered: no more screening actions, and a second answer is refused by the service.
    response = client.post(url, {"beantwoorden-antwoord": "Nog eens"}, follow=True)
    assert "Dit kan alleen bij een melding met status" in response.content.decode()


def test_forward_needs_an_organisation_for_extern(client, midoffice, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    url = detail(melding, "doorzetten")
    response = client.post(url, {"doorzetten-naar": "extern"}, follow=True)
    assert response.redirect_chain == [(detail(melding), 302)]  # POST/redirect/GET
    assert "Vul in naar welke organisatie u doorverwijst." in response.content.decode()
    melding.refresh_from_db()
    assert melding.status == Status.GEREGISTREERD

    client.post(url, {"doorzetten-naar": "veilig_thuis", "doorzetten-toelichting": "Signalen"})
    melding.refresh_from_db()
    assert melding.status == Status.DOORGEZET and melding.veiligheid


def test_identify_an_unknown_person(client, midoffice, register, inwoner_noord):
    melding = register(onbekende_persoon="Mevrouw Jansen, Molenstraat")
    login(client, midoffice)
    url = detail(melding, "identificeren")
    response = client.post(url, {"identificeren-bsn": "123456789"}, follow=True)
    assert "elfproef" in response.content.decode()
    client.post(url, {"identificeren-bsn": inwoner_noord.bsn})
    melding.refresh_from_db()
    assert melding.inwoner == inwoner_noord


def test_link_to_an_open_melding_of_the_household(client, midoffice, register, inwoner_noord):
    eerder = register(inwoner=inwoner_noord, vraag="Eerdere vraag.")
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    response = client.post(detail(melding, "koppelen"), {"koppelen-bestaande": eerder.pk})
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.GEKOPPELD and melding.gekoppeld_aan == eerder
    # Linking to itself is refused with the service's message.
    other = register(inwoner=inwoner_noord)
    response = client.post(detail(other, "koppelen"), {"koppelen-bestaande": other.pk}, follow=True)
    assert "niet aan zichzelf" in response.content.decode()


# --- assignment ---------------------------------------------------------------------------------


def test_assign_round_robin_in_the_wijkteam(client, midoffice, generalist, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    form = client.get(detail(melding)).content.decode()
    assert "Automatisch: wie in het wijkteam het langst geen melding kreeg" in form
    response = client.post(detail(melding, "toewijzen"), {"toewijzen-medewerker": ""}, follow=True)
    melding.refresh_from_db()
    assert melding.status == Status.TOEGEWEZEN and melding.medewerker == generalist
    assert "is toegewezen aan" in response.content.decode()


def test_assign_to_a_chosen_colleague_with_expertise(
    client, midoffice, generalist, collega, register, inwoner_noord
):
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    form = client.get(detail(melding)).content.decode()
    assert "Kim de Wit (Generalist / consulent; expertise: schulden, ggz)" in form
    client.post(detail(melding, "toewijzen"), {"toewijzen-medewerker": collega.pk})
    melding.refresh_from_db()
    assert melding.medewerker == collega
    # Round-robin with an expertise picks the colleague who has it.
    tweede = register(inwoner=inwoner_noord)
    client.post(
        detail(tweede, "toewijzen"), {"toewijzen-medewerker": "", "toewijzen-expertise": "ggz"}
    )
    tweede.refresh_from_db()
    assert tweede.medewerker == collega


def test_youth_melding_refused_for_unregistered_professional(
    client, midoffice, generalist, team_noord, register, inwoner_noord
):
    verlopen = MedewerkerFactory(
        gemeente=team_noord.gemeente,
        functie=Rol.JEUGDPROFESSIONAL,
        teams=[team_noord],
        registratienummer="SKJ2",
        registratie_geldig_tot=today() - dt.timedelta(days=1),
        first_name="Jo",
        last_name="Verlopen",
    )
    melding = register(inwoner=inwoner_noord, domeinen=["jeugd"])
    login(client, midoffice)
    assert "geen geldige registratie" in client.get(detail(melding)).content.decode()

    for kandidaat in (generalist, verlopen):
        response = client.post(
            detail(melding, "toewijzen"), {"toewijzen-medewerker": kandidaat.pk}, follow=True
        )
        assert response.redirect_chain == [(detail(melding), 302)]  # POST/redirect/GET
        body = response.content.decode()
        assert (
            "Een melding over jeugd mag alleen naar een jeugdprofessional met een geldige" in body
        )
        assert "Niet toegewezen:" in body
    # Round-robin finds nobody either, and says so.
    response = client.post(detail(melding, "toewijzen"), {"toewijzen-medewerker": ""}, follow=True)
    assert "geen jeugdprofessional met een geldige registratie" in response.content.decode()
    melding.refresh_from_db()
    assert melding.status == Status.GEREGISTREERD and melding.medewerker is None
    assert not melding.gebeurtenissen.filter(soort="toegewezen").exists()


def test_suspend_and_resume_move_the_deadline(client, midoffice, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord, ontvangen_op=today() - dt.timedelta(days=10))
    login(client, midoffice)
    response = client.post(
        detail(melding, "opschorten"),
        {"opschorten-van": (today() - dt.timedelta(days=5)).isoformat(), "opschorten-reden": ""},
        follow=True,
    )
    assert "Geef de reden van de opschorting." in response.content.decode()
    assert not Opschorting.objects.exists()

    client.post(
        detail(melding, "opschorten"),
        {
            "opschorten-van": (today() - dt.timedelta(days=5)).isoformat(),
            "opschorten-reden": "Wachten op de stukken",
        },
    )
    melding.refresh_from_db()
    assert melding.onderzoek_uiterlijk is None  # the clock stopped
    body = client.get(detail(melding)).content.decode()
    assert "De termijn is opgeschort" in body and "Wachten op de stukken" in body

    client.post(detail(melding, "hervatten"), {"hervatten-tot": today().isoformat()})
    melding.refresh_from_db()
    zonder = termijn_einde(melding.ontvangen_op, weken=WMO_ONDERZOEK.weken)
    assert melding.onderzoek_uiterlijk > zonder


def test_close_by_the_assigned_generalist(client, midoffice, generalist, register, inwoner_noord):
    melding = register(inwoner=inwoner_noord)
    services.melding_assign(melding=melding, actor=midoffice.user)
    login(client, generalist)
    response = client.post(detail(melding, "afsluiten"), {"afsluiten-toelichting": ""}, follow=True)
    assert "Geef aan waarom de melding wordt afgesloten." in response.content.decode()
    client.post(detail(melding, "afsluiten"), {"afsluiten-toelichting": "Onderzoek afgerond."})
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN


# --- worklist -----------------------------------------------------------------------------------


def test_generalist_sees_the_assigned_melding_on_the_worklist(
    client, midoffice, generalist, register, inwoner_noord
):
    toegewezen = register(inwoner=inwoner_noord)
    services.melding_assign(melding=toegewezen, actor=midoffice.user)
    ander = register(inwoner=inwoner_noord, vraag="Nog niet toegewezen.")
    login(client, generalist)

    body = client.get(WERKVOORRAAD).content.decode()
    assert f"Melding {toegewezen.pk}<" in body and f"Melding {ander.pk}<" not in body
    assert "Anna Jansen" in body and "Op schema" in body
    assert 'aria-current="page">Mijn meldingen' in body
    assert "Alle open meldingen" not in body  # not a screener
    # "alle" is for screeners only; a generalist falls back to their own.
    assert (
        f"Melding {ander.pk}<"
        not in client.get(WERKVOORRAAD, {"weergave": "alle"}).content.decode()
    )
    team = client.get(WERKVOORRAAD, {"weergave": "team"}).content.decode()
    assert f"Melding {toegewezen.pk}<" in team


def test_screener_sees_all_open_meldingen_with_filters_and_counts(
    client, midoffice, register, inwoner_noord, inwoner_zuid, wijken
):
    noord = register(inwoner=inwoner_noord)
    zuid = register(inwoner=inwoner_zuid, domeinen=["jeugd"])
    oud = register(inwoner=inwoner_zuid, ontvangen_op=today() - dt.timedelta(weeks=8))
    onbekend = register(onbekende_persoon="Iemand op de Parade")
    login(client, midoffice)

    response = client.get(WERKVOORRAAD, {"weergave": "alle"})
    body = response.content.decode()
    for melding in (noord, zuid, oud, onbekend):
        assert f"Melding {melding.pk}<" in body
    assert "Onbekend" in body
    assert "4 meldingen" in body
    assert response.context["standen"][2][:3] == ("verlopen", "Verlopen", 1)

    def shown(**params):
        page = client.get(WERKVOORRAAD, {"weergave": "alle", **params}).context["page"]
        return {m.pk for m in page.object_list}

    assert shown(wijk=wijken["Noord"].pk) == {noord.pk}
    assert shown(domein="jeugd") == {zuid.pk}
    assert shown(stand="verlopen") == {oud.pk}
    assert shown(status="toegewezen") == set()
    assert [
        m.pk
        for m in client.get(WERKVOORRAAD, {"weergave": "alle", "sortering": "-ontvangen"})
        .context["page"]
        .object_list
    ][-1] == oud.pk
    # Bad filter values are ignored, not an error.
    assert (
        client.get(WERKVOORRAAD, {"weergave": "alle", "wijk": "x", "stand": "?"}).status_code == 200
    )


def test_worklist_shows_team_notifications(client, midoffice, generalist, register, inwoner_noord):
    register(inwoner=inwoner_noord, melder_soort=MelderSoort.JEUGDARTS, domeinen=["jeugd"])
    body = login(client, generalist).get(WERKVOORRAAD).content.decode()
    assert "Berichten voor uw team" in body
    assert "de gemeente volgt deze verwijzing" in body


def test_htmx_filter_returns_only_the_list(client, midoffice, register, inwoner_noord):
    register(inwoner=inwoner_noord)
    login(client, midoffice)
    response = client.get(
        WERKVOORRAAD, {"weergave": "alle"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="lijst"
    )
    body = response.content.decode()
    assert "<html" not in body and "1 melding" in body


def test_home_tile_counts(client, midoffice, generalist, register, inwoner_noord):
    register(inwoner=inwoner_noord)
    url = reverse("meldingen:samenvatting")
    assert "1 melding te screenen" in login(client, midoffice).get(url).content.decode()
    assert "U heeft 0 open meldingen" in login(client, generalist).get(url).content.decode()
    home = client.get("/").content.decode()
    assert url in home and "Nieuwe melding registreren" in home


@pytest.mark.parametrize("weergave", ["alle", "mijn"])
def test_worklist_query_count_is_flat(
    client, django_assert_num_queries, midoffice, generalist, inwoner_noord, weergave
):
    """Same number of SQL queries for 5 and 500 meldingen (bounded selectors, paginated)."""
    medewerker = midoffice if weergave == "alle" else generalist

    def add(n: int) -> None:
        ontvangen = today() - dt.timedelta(days=3)
        Melding.objects.bulk_create(
            Melding(
                gemeente=midoffice.gemeente,
                inwoner=inwoner_noord,
                melder_soort=MelderSoort.ZELF,
                kanaal=Kanaal.TELEFOON,
                wmo=True,
                vraag=f"Vraag {i}",
                ontvangen_op=ontvangen,
                onderzoek_uiterlijk=termijn_einde(ontvangen, weken=WMO_ONDERZOEK.weken),
                persoonlijk_plan_uiterlijk=ontvangen + dt.timedelta(days=7),
                status=Status.TOEGEWEZEN,
                team=generalist.teams.get(),
                medewerker=generalist,
                geregistreerd_door=midoffice.user,
            )
            for i in range(n)
        )

    login(client, medewerker)
    params = {"weergave": weergave}
    add(5)
    client.get(WERKVOORRAAD, params)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as five:
        response = client.get(WERKVOORRAAD, params)
    assert len(response.context["page"].object_list) == 5

    add(495)
    with django_assert_num_queries(len(five)):
        response = client.get(WERKVOORRAAD, params)
    assert response.context["page"].paginator.count == 500
    assert len(response.context["page"].object_list) == 25


def test_a_refused_action_survives_a_reload_once(client, midoffice, register, inwoner_noord):
    """POST/redirect/GET: the refusal redirects to the melding, which shows the input and the
    message once; reloading the page then shows the plain page, never a 405."""
    melding = register(inwoner=inwoner_noord)
    login(client, midoffice)
    response = client.post(
        detail(melding, "doorzetten"),
        {"doorzetten-naar": "extern", "doorzetten-toelichting": "Bewaard"},
    )
    assert response.status_code == 302 and response["Location"] == detail(melding)
    body = client.get(detail(melding)).content.decode()
    assert "Vul in naar welke organisatie u doorverwijst." in body and "Bewaard" in body
    assert "Vul in naar welke organisatie" not in client.get(detail(melding)).content.decode()
