"""The onderzoek pages: need-to-know, autosave, the finalisation check and the verslag.

The melding → assign → onderzoek chain is built with the services, as the app does it. The
fixtures `gezin`, `onderzoek` and `generalist_zuid` are in the shared conftest
(src/eenplan/conftest.py); the steps in eenplan.testing.onderzoek."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Afweging, Gesprek, Leefgebied, Onderzoek, ZrmScore
from eenplan.privacy.constants import Doel
from eenplan.privacy.models import Inzage
from eenplan.rules.onderzoek import ONDERDELEN
from eenplan.testing.factories import MedewerkerFactory
from eenplan.testing.helpers import terug_na_weigering
from eenplan.testing.onderzoek import compleet, ladder, melding_voor

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def url(naam: str, *args) -> str:
    return reverse(f"onderzoeken:{naam}", args=args)


# --- access ---------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, onderzoek):
    response = client.get(url("detail", onderzoek.pk))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_beleid_has_no_access(client, onderzoek, beleid):
    response = login(client, beleid).get(url("detail", onderzoek.pk))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    refused = Inzage.objects.get(user=beleid.user)  # refused for the role, and logged
    assert refused.toegestaan is False and refused.reden and refused.inwoner_id is None


def test_generalist_of_another_wijk_is_refused_and_logged(client, onderzoek, generalist_zuid):
    response = login(client, generalist_zuid).get(url("detail", onderzoek.pk))
    assert response.status_code == 403
    assert "need-to-know" in response.content.decode()
    refused = Inzage.objects.get(user=generalist_zuid.user)
    assert refused.toegestaan is False and refused.inwoner_id == onderzoek.inwoner_id
    # Writes are refused the same way and change nothing.
    response = client.post(
        url("onderdeel", onderzoek.pk, "a"),
        {"antwoord_a": "Ik mag dit niet"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 403
    assert onderzoek.onderdelen.get(code="a").antwoord == ""


def test_unknown_onderzoek_is_404(client, generalist, onderzoek):
    assert login(client, generalist).get(url("detail", onderzoek.pk + 1000)).status_code == 404


def test_page_shows_every_section_and_logs_the_reads(client, generalist, onderzoek, gezin):
    response = login(client, generalist).get(url("detail", onderzoek.pk))
    assert response.status_code == 200
    body = response.content.decode()
    for kop in (
        "1. Gesprekken",
        "2. Onderdelen a tot en met g",
        "Leefgebieden",
        "Afweging",
        "6. Verslag",
    ):
        assert kop in body
    for o in ONDERDELEN:
        assert o.titel in body
    assert "Klaar uiterlijk" in body
    assert "Lotte Jansen (dochter)" in body  # the mantelzorger from the network
    assert "Verslag definitief maken" in body
    # The resident through dossier_open, Henk (shown with the household) in the same read.
    rows = {i.inwoner_id: i for i in Inzage.objects.filter(user=generalist.user)}
    assert set(rows) == {gezin["anna"].pk, gezin["henk"].pk}
    assert all(r.doel == Doel.ONDERZOEK and r.toegestaan for r in rows.values())


def test_backoffice_reads_without_forms(client, gemeente, onderzoek, gezin):
    backoffice = MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE)
    from eenplan.privacy.services import dossiertoegang_grant

    dossiertoegang_grant(
        medewerker=backoffice, inwoner=gezin["anna"], reden="Aanvraag", van=VANDAAG
    )
    response = login(client, backoffice).get(url("detail", onderzoek.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gesprek vastleggen" not in body and "hx-post" not in body
    assert client.post(url("gesprek", onderzoek.pk), {}).status_code == 403


def test_past_deadline_says_the_resident_may_apply(client, gezin, midoffice, generalist):
    melding = melding_voor(gezin["anna"], midoffice, generalist, dagen_geleden=60)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    body = login(client, generalist).get(url("detail", onderzoek.pk)).content.decode()
    assert "De termijn van zes weken is voorbij" in body
    assert "mag nu direct een aanvraag indienen" in body and "2.3.2 lid 9" in body


# --- writes ---------------------------------------------------------------------------------


def test_autosave_saves_one_subject_and_answers_with_a_status(client, generalist, onderzoek):
    login(client, generalist)
    response = client.post(
        url("onderdeel", onderzoek.pk, "b"),
        {"antwoord_b": "Mevrouw kookt zelf.", "reden_b": "", "antwoord_a": "niet deze"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert re.search(r"Opgeslagen om \d\d:\d\d", response.content.decode())
    assert "<html" not in response.content.decode()  # a fragment for the aria-live region
    assert onderzoek.onderdelen.get(code="b").antwoord == "Mevrouw kookt zelf."
    assert onderzoek.onderdelen.get(code="a").antwoord == ""
    # Without JavaScript the same endpoint saves and returns to the page.
    response = client.post(
        url("onderdeel", onderzoek.pk, "c"), {"antwoord_c": "", "reden_c": "Geen netwerk"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#onderdeel-c")
    assert onderzoek.onderdelen.get(code="c").reden_niet_van_toepassing == "Geen netwerk"


def test_autosave_after_final_says_not_saved(client, generalist, onderzoek):
    compleet(onderzoek)
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    response = login(client, generalist).post(
        url("onderdeel", onderzoek.pk, "a"), {"antwoord_a": "later"}, HTTP_HX_REQUEST="true"
    )
    assert "Niet opgeslagen" in response.content.decode()
    assert onderzoek.onderdelen.get(code="a").antwoord == "Besproken a"


def test_save_all_subjects_with_the_button(client, generalist, onderzoek):
    data = {f"antwoord_{o.code}": f"Antwoord {o.code}" for o in ONDERDELEN}
    data |= {f"reden_{o.code}": "" for o in ONDERDELEN}
    response = login(client, generalist).post(url("onderdelen", onderzoek.pk), data)
    assert response.status_code == 302
    assert sorted(onderzoek.onderdelen.values_list("antwoord", flat=True)) == [
        f"Antwoord {o.code}" for o in ONDERDELEN
    ]


def test_conversation_is_added_and_a_future_date_refused(client, generalist, onderzoek):
    login(client, generalist)
    morgen = (VANDAAG + dt.timedelta(days=1)).isoformat()
    response = client.post(
        url("gesprek", onderzoek.pk),
        {"gesprek-datum": morgen, "gesprek-plaats": "Thuis", "gesprek-deelnemers": ["inwoner"]},
    )
    response = terug_na_weigering(client, response)
    assert "De datum van het gesprek ligt in de toekomst." in response.content.decode()
    assert not Gesprek.objects.exists()
    response = client.post(
        url("gesprek", onderzoek.pk),
        {
            "gesprek-datum": VANDAAG.isoformat(),
            "gesprek-plaats": "Bij mevrouw thuis",
            "gesprek-deelnemers": ["inwoner", "tolk"],
        },
    )
    assert response.status_code == 302
    assert Gesprek.objects.get().deelnemers == "inwoner,tolk"
    assert "Tolk" in client.get(url("detail", onderzoek.pk)).content.decode()


def test_checks_with_no_mantelzorger(client, generalist, onderzoek):
    response = login(client, generalist).post(
        url("checks", onderzoek.pk),
        {"checks-clientondersteuning_gewezen": "on", "checks-mantelzorger": "geen"},
    )
    assert response.status_code == 302
    onderzoek.refresh_from_db()
    assert onderzoek.clientondersteuning_gewezen and not onderzoek.pgb_uitgelegd
    assert onderzoek.mantelzorger_besproken is None


def test_scores_are_saved_and_drawn(client, generalist, onderzoek, gezin):
    financien = Leefgebied.objects.get(code="financien")
    adl = Leefgebied.objects.get(code="adl")
    login(client, generalist)
    response = client.post(
        url("scores", onderzoek.pk),
        {
            "scores-inwoner": gezin["anna"].pk,
            "scores-datum": VANDAAG.isoformat(),
            f"scores-lg_{financien.pk}": "2",
            f"scores-lg_{adl.pk}": "4",
        },
    )
    assert response.status_code == 302
    assert set(ZrmScore.objects.values_list("leefgebied__code", "score")) == {
        ("financien", 2),
        ("adl", 4),
    }
    body = client.get(url("detail", onderzoek.pk)).content.decode()
    assert 'role="img"' in body and "Laatste scores: Financiën 2, Basale ADL 4" in body
    assert f"{VANDAAG:%d-%m-%Y}: 2" in body  # the hidden table with the numbers
    # A score outside the scale is refused by the form, nothing saved.
    response = client.post(
        url("scores", onderzoek.pk),
        {
            "scores-inwoner": gezin["anna"].pk,
            "scores-datum": VANDAAG.isoformat(),
            f"scores-lg_{adl.pk}": "9",
        },
    )
    response = terug_na_weigering(client, response)
    assert ZrmScore.objects.count() == 2


def test_ladder_step_is_saved_and_a_missing_reason_refused(client, generalist, onderzoek):
    login(client, generalist)
    response = client.post(
        url("afweging", onderzoek.pk, 1),
        {"stap1-bevinding": "Mevrouw kan niet meer tillen.", "stap1-volstaat": "nee"},
    )
    response = terug_na_weigering(client, response)
    assert "Geef aan waarom &#x27;Eigen kracht&#x27; niet volstaat." in response.content.decode()
    assert not Afweging.objects.exists()
    response = client.post(
        url("afweging", onderzoek.pk, 1),
        {
            "stap1-bevinding": "Mevrouw kan niet meer tillen.",
            "stap1-volstaat": "nee",
            "stap1-reden_niet_toereikend": "Artrose in beide handen.",
        },
    )
    assert response.status_code == 302
    assert Afweging.objects.get().reden_niet_toereikend == "Artrose in beide handen."
    body = client.get(url("detail", onderzoek.pk)).content.decode()
    assert "Stap &#x27;Netwerk en mantelzorg&#x27; is nog niet onderzocht." in body


def test_finalisation_refusal_lists_every_missing_item(client, generalist, onderzoek):
    response = login(client, generalist).post(
        url("definitief", onderzoek.pk), {"definitief-bevestigd": "on"}
    )
    response = terug_na_weigering(client, response)
    body = response.content.decode()
    alert = body[body.index('id="verslag-fouten"') :]
    alert = alert[: alert.index("</div>")]
    assert "Leg ten minste één gesprek vast" in alert
    for o in ONDERDELEN:
        assert f"Onderdeel {o.code} (" in alert
    assert "cliëntondersteuning" in alert and "persoonsgebonden budget" in alert
    assert "mantelzorger" in alert  # Lotte is a mantelzorger, not yet discussed
    onderzoek.refresh_from_db()
    assert onderzoek.status == OnderzoekStatus.LOPEND


def test_final_verslag_print_send_and_remarks(client, generalist, onderzoek):
    compleet(onderzoek)
    ladder(onderzoek)
    login(client, generalist)
    # Irreversible: without the confirmation the server refuses, and nothing changes.
    response = terug_na_weigering(client, client.post(url("definitief", onderzoek.pk)))
    assert "Vink aan dat u het verslag hebt gecontroleerd" in response.content.decode()
    onderzoek.refresh_from_db()
    assert onderzoek.status == OnderzoekStatus.LOPEND
    response = client.post(url("definitief", onderzoek.pk), {"definitief-bevestigd": "on"})
    assert response.status_code == 302 and response["Location"] == url("verslag", onderzoek.pk)
    onderzoek.refresh_from_db()
    assert onderzoek.status == OnderzoekStatus.DEFINITIEF
    body = client.get(url("verslag", onderzoek.pk)).content.decode()
    assert "Verslag van ons gesprek" in body and "Besproken a" in body
    # The print button, wired by the static eenplan.js (no inline script under the CSP).
    assert "Verslag als PDF" in body and "data-afdrukken" in body and "eenplan/eenplan.js" in body
    assert "Dit is niet genoeg, omdat: Schiet tekort" in body
    # The form page is now read-only.
    detail = client.get(url("detail", onderzoek.pk)).content.decode()
    assert "hx-post" not in detail and "Het verslag is definitief" in detail
    # Remarks only after sending; both kept with the verslag.
    response = client.post(
        url("reactie", onderzoek.pk),
        {"reactie-tekst": "Mijn dochter komt vaker.", "reactie-ontvangen_op": VANDAAG.isoformat()},
    )
    response = terug_na_weigering(client, response)
    assert "nog niet naar de inwoner gestuurd" in response.content.decode()
    response = client.post(url("verzonden", onderzoek.pk), {"verzonden-op": VANDAAG.isoformat()})
    assert response.status_code == 302
    response = client.post(
        url("reactie", onderzoek.pk),
        {"reactie-tekst": "Mijn dochter komt vaker.", "reactie-ontvangen_op": VANDAAG.isoformat()},
    )
    assert response.status_code == 302
    body = client.get(url("verslag", onderzoek.pk)).content.decode()
    assert "Mijn dochter komt vaker." in body and f"{VANDAAG:%-d}" in body


def test_verslag_before_final_goes_back_to_the_form(client, generalist, onderzoek):
    response = login(client, generalist).get(url("verslag", onderzoek.pk))
    assert response.status_code == 302 and response["Location"].endswith("#verslag")


# --- start and list -------------------------------------------------------------------------


def test_start_from_the_list_of_assigned_meldingen(client, gezin, midoffice, generalist):
    melding = melding_voor(gezin["anna"], midoffice, generalist)
    login(client, generalist)
    lijst = client.get(url("lijst")).content.decode()
    assert "Wacht op een onderzoek (1)" in lijst and url("start", melding.pk) in lijst
    response = client.get(url("start", melding.pk))
    assert response.status_code == 200 and "Onderzoek starten" in response.content.decode()
    response = client.post(url("start", melding.pk))
    onderzoek = Onderzoek.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", onderzoek.pk)
    assert onderzoek.medewerker == generalist
    # Starting again opens the existing onderzoek.
    assert client.post(url("start", melding.pk))["Location"] == url("detail", onderzoek.pk)
    assert "Lopende onderzoeken (1)" in client.get(url("lijst")).content.decode()


def test_start_refused_for_an_unassigned_melding(client, gezin, midoffice, generalist):
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.ZELF,
        kanaal=Kanaal.TELEFOON,
        vraag="Hulp nodig",
        ontvangen_op=VANDAAG,
        domeinen=["wmo"],
        inwoner=gezin["anna"],
    )
    response = login(client, generalist).post(url("start", melding.pk))
    response = terug_na_weigering(client, response)
    assert "melding die is toegewezen" in response.content.decode()
    assert not Onderzoek.objects.exists()


def test_ladder_step_four_suggests_the_wijk_s_algemene_voorzieningen(
    client, generalist, inwoner_noord, midoffice
):
    from eenplan.meldingen import services as meldingen
    from eenplan.onderzoeken import services as onderzoeken
    from eenplan.voorzieningen.services import voorziening_create

    voorziening_create(
        gemeente=inwoner_noord.gemeente,
        naam="Open Inloop Noord",
        soort="algemeen",
        wet="wmo",
        organisatie="Huis van de Wijk",
        prijs="7.50",
        prijs_toelichting="per dag, inclusief maaltijd",
        wijken=[inwoner_noord.wijk],
    )
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Ik ben eenzaam.",
        ontvangen_op=inwoner_noord.created_at.date(),
        domeinen=["wmo"],
        inwoner=inwoner_noord,
    )
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    client.force_login(generalist.user)
    body = client.get(f"/onderzoeken/{onderzoek.pk}/").content.decode()
    assert "Open Inloop Noord" in body and "inclusief maaltijd" in body
