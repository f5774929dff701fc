"""The staff pages of mantelzorg and volunteers, and the care circle in the portal: what a user
sees, Dutch refusals next to the form (400) that write nothing, access logged, and lists in a
fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.models import Mantelzorger, Match, Waardering
from eenplan.plannen.models import Actie
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import toestemming_withdraw
from eenplan.testing import factories as f

pytestmark = pytest.mark.django_db


def vandaag() -> dt.date:
    return timezone.localdate()


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_generalist_registers_a_carer_from_the_residents_page(client, generalist, inwoner_noord):
    login(client, generalist)
    pagina = client.get(f"/mantelzorg/inwoner/{inwoner_noord.pk}/")
    assert pagina.status_code == 200
    assert "Nog geen mantelzorger" in tekst(pagina) or "nog geen mantelzorger" in tekst(pagina)
    response = client.post(
        f"/mantelzorg/inwoner/{inwoner_noord.pk}/registreren/",
        {
            "naam": "Lotte Jansen",
            "woonplaats": "Roermond",
            "uren_per_week": "12,5",
            "sinds": "2024-03-01",
            "taken": ["huishouden", "vervoer"],
            "relatie": "dochter",
        },
    )
    assert response.status_code == 302
    pagina = tekst(client.get(f"/mantelzorg/inwoner/{inwoner_noord.pk}/"))
    assert "Lotte Jansen" in pagina
    assert "12.5" in pagina or "12,5" in pagina
    assert Inzage.objects.filter(inwoner=inwoner_noord, onderwerp="mantelzorg").exists()


def test_a_carer_linked_to_themselves_is_refused_on_the_page(client, generalist, inwoner_noord):
    login(client, generalist)
    response = client.post(
        f"/mantelzorg/inwoner/{inwoner_noord.pk}/registreren/",
        {"bsn": inwoner_noord.bsn, "uren_per_week": "4", "sinds": "2024-03-01"},
    )
    assert response.status_code == 400
    assert "Iemand kan niet zijn eigen mantelzorger zijn" in tekst(response)
    assert not Mantelzorger.objects.exists()


def test_a_generalist_of_another_wijk_is_refused_and_logged(client, generalist_zuid, inwoner_noord):
    login(client, generalist_zuid)
    assert client.get(f"/mantelzorg/inwoner/{inwoner_noord.pk}/").status_code == 403
    assert Inzage.objects.filter(
        inwoner=inwoner_noord, onderwerp="mantelzorg", toegestaan=False
    ).exists()


def test_the_burden_is_recorded_in_the_running_onderzoek(client, generalist, onderzoek, gezin):
    relatie = f.ZorgrelatieFactory(verzorgde=gezin["anna"], naam="Lotte")
    login(client, generalist)
    response = client.post(
        f"/mantelzorg/inwoner/{gezin['anna'].pk}/belasting/",
        {
            "onderzoek": onderzoek.pk,
            "zorgrelatie": relatie.pk,
            "overbelast": "ja",
            "vastgesteld_op": vandaag().isoformat(),
        },
    )
    assert response.status_code == 302
    pagina = tekst(client.get(f"/mantelzorg/inwoner/{gezin['anna'].pk}/"))
    assert "overbelast" in pagina


def test_a_second_appreciation_in_one_year_is_refused_on_the_page(
    client, generalist, inwoner_noord
):
    waardering = f.WaarderingFactory(mantelzorger=f.MantelzorgerFactory(verzorgde=inwoner_noord))
    login(client, generalist)
    pagina = client.get(f"/mantelzorg/{waardering.mantelzorger_id}/")
    assert pagina.status_code == 200
    assert "€ 50" in tekst(pagina) or "€ 50,00" in tekst(pagina)
    response = client.post(
        f"/mantelzorg/{waardering.mantelzorger_id}/waardering/",
        {
            "namens": inwoner_noord.pk,
            "aangevraagd_door": "zelf",
            "aangevraagd_op": vandaag().isoformat(),
        },
    )
    assert response.status_code == 400
    assert "één per jaar" in tekst(response)
    assert Waardering.objects.count() == 1


def test_support_and_respite_on_the_carers_page(client, generalist, inwoner_noord):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    login(client, generalist)
    assert (
        client.post(
            f"/mantelzorg/{mz.pk}/ondersteuning/",
            {"basisfunctie": "respijtzorg", "aanbieder": "De Linde", "datum": "2026-01-05"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/mantelzorg/{mz.pk}/respijt/",
            {
                "inwoner": inwoner_noord.pk,
                "soort": "logeren",
                "gevraagd_op": vandaag().isoformat(),
                "uren_gevraagd": "48",
            },
        ).status_code
        == 302
    )
    vraag = mz.respijtvragen.get()
    leeg = client.post(
        f"/mantelzorg/{mz.pk}/respijt/{vraag.pk}/afhandelen/",
        {"status": "geleverd", "afgehandeld_op": vandaag().isoformat()},
    )
    assert leeg.status_code == 400
    assert "geleverde uren" in tekst(leeg)
    client.post(
        f"/mantelzorg/{mz.pk}/respijt/{vraag.pk}/afhandelen/",
        {"status": "niet_geleverd", "afgehandeld_op": vandaag().isoformat()},
    )
    overzicht = tekst(client.get("/mantelzorg/respijtzorg/"))
    assert "Logeren (kort verblijf)" in overzicht
    assert "Geen aanbod" in overzicht


def test_the_municipal_choice_is_kept_by_functioneel_beheer(client, gemeente):
    beheer = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER)
    login(client, beheer)
    fout = client.post(
        "/mantelzorg/waardering/nieuw/",
        {"vorm": "bedrag", "geldig_vanaf": "2026-01-01", "bron": "Verordening"},
    )
    assert fout.status_code == 400
    assert "Vul het bedrag" in tekst(fout)
    ok = client.post(
        "/mantelzorg/waardering/nieuw/",
        {
            "vorm": "bijeenkomst",
            "omschrijving": "Dag van de Mantelzorg",
            "geldig_vanaf": "2026-01-01",
            "bron": "Verordening 2026, art. 14",
        },
    )
    assert ok.status_code == 302
    assert "Dag van de Mantelzorg" in tekst(client.get("/mantelzorg/waardering/"))


def test_a_volunteer_match_outside_availability_is_refused_on_the_page(
    client, generalist, inwoner_noord, wijken
):
    dinsdag = vandaag() + dt.timedelta(days=(1 - vandaag().weekday()) % 7 or 7)
    klus = f.KlusFactory(hulpvrager=inwoner_noord, datum=dinsdag, dagdeel="avond")
    past = f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        naam="Avondmens",
        beschikbaarheid=["di_avond"],
    )
    niet = f.VrijwilligerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        naam="Ochtendmens",
        beschikbaarheid=["di_ochtend"],
    )
    login(client, generalist)
    pagina = tekst(client.get(f"/mantelzorg/klussen/{klus.pk}/"))
    assert "Avondmens" in pagina
    assert "Ochtendmens" not in pagina
    response = client.post(f"/mantelzorg/klussen/{klus.pk}/koppelen/", {"vrijwilliger": niet.pk})
    assert response.status_code == 400
    assert "niet beschikbaar op dinsdag avond" in tekst(response)
    assert not Match.objects.exists()
    assert (
        client.post(
            f"/mantelzorg/klussen/{klus.pk}/koppelen/", {"vrijwilliger": past.pk}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/mantelzorg/klussen/{klus.pk}/uitkomst/",
            {"uitkomst": "uitgevoerd", "op": vandaag().isoformat()},
        ).status_code
        == 302
    )
    assert Match.objects.get().uitkomst == "uitgevoerd"


def test_volunteers_are_kept_by_the_werkplein(client, gemeente, wijken):
    werkplein = f.MedewerkerFactory(gemeente=gemeente, functie=Rol.WERKPLEIN)
    login(client, werkplein)
    fout = client.post(
        "/mantelzorg/vrijwilligers/nieuw/", {"naam": "Bram", "wijk": wijken["Oost"].pk}
    )
    assert fout.status_code == 400
    assert "minstens één dagdeel" in tekst(fout)
    ok = client.post(
        "/mantelzorg/vrijwilligers/nieuw/",
        {
            "naam": "Bram",
            "wijk": wijken["Oost"].pk,
            "vaardigheden": ["tuin"],
            "beschikbaarheid": ["za_ochtend"],
            "vog_datum": "2025-05-01",
            "actief": "on",
        },
    )
    assert ok.status_code == 302
    assert "Bram" in tekst(client.get("/mantelzorg/vrijwilligers/"))


def test_lists_cost_the_same_number_of_queries_for_few_and_many(
    client, generalist, wijken, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gemeente = generalist.gemeente
    login(client, generalist)

    def aantal(pad: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(pad).status_code == 200
        return len(ctx)

    def maak(n: int) -> None:
        for _ in range(n):
            inwoner = f.InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
            f.ZorgrelatieFactory(verzorgde=inwoner)
            f.KlusFactory(hulpvrager=inwoner)
            f.VrijwilligerFactory(gemeente=gemeente, wijk=wijken["Noord"])

    maak(2)
    paden = [
        "/mantelzorg/",
        "/mantelzorg/klussen/",
        "/mantelzorg/vrijwilligers/",
        "/mantelzorg/respijtzorg/",
    ]
    weinig = {p: aantal(p) for p in paden}
    maak(12)
    veel = {p: aantal(p) for p in paden}
    assert veel == weinig


# --- 5. the care circle ----------------------------------------------------------------------


def test_a_circle_member_sees_the_assigned_action_marks_it_done_and_loses_it_on_withdrawal(
    client, generalist
):
    toewijzing = f.KringToewijzingFactory(
        actie=f.ActieFactory(omschrijving="Boodschappen op dinsdag", uitvoerder_soort="netwerk")
    )
    buur = toewijzing.netwerkpersoon.als_inwoner
    account = f.InwoneraccountFactory(inwoner=buur)
    client.force_login(account.user)
    pagina = client.get("/mijn/kring/")
    assert pagina.status_code == 200
    assert "Boodschappen op dinsdag" in tekst(pagina)
    verzorgde = toewijzing.netwerkpersoon.inwoner
    assert Inzage.objects.filter(
        user=account.user, inwoner=verzorgde, onderwerp="kring", toegestaan=True
    ).exists()
    response = client.post(f"/mijn/kring/{toewijzing.actie_id}/gedaan/")
    assert response.status_code == 302
    assert Actie.objects.get(pk=toewijzing.actie_id).gedaan_op == vandaag()
    # The resident withdraws consent: the action is gone from the member's page.
    from eenplan.plannen.models import Deelnemer

    deelnemer = Deelnemer.objects.get(netwerkpersoon=toewijzing.netwerkpersoon)
    toestemming_withdraw(toestemming=deelnemer.toestemming, op=vandaag())
    assert "Boodschappen op dinsdag" not in tekst(client.get("/mijn/kring/"))


def test_someone_outside_the_circle_cannot_mark_an_action_done(client):
    toewijzing = f.KringToewijzingFactory()
    vreemde = f.InwoneraccountFactory(
        inwoner=f.InwonerFactory(gemeente=toewijzing.netwerkpersoon.inwoner.gemeente)
    )
    client.force_login(vreemde.user)
    assert client.post(f"/mijn/kring/{toewijzing.actie_id}/gedaan/").status_code == 404
    assert Actie.objects.get(pk=toewijzing.actie_id).gedaan_op is None
    assert Inzage.objects.filter(user=vreemde.user, onderwerp="kring", toegestaan=False).exists()


def test_staff_assign_an_action_only_to_a_participant_with_consent(client):
    actie = f.ActieFactory(omschrijving="Samen naar de huisarts")
    plan = actie.doel.plan
    door = f._plan_door(plan)
    from eenplan.testing.mantelzorg import kring_lid

    lid = kring_lid(plan, door)
    zonder = f.NetwerkpersoonFactory(
        inwoner=lid.inwoner, als_inwoner=f.InwonerFactory(gemeente=lid.inwoner.gemeente)
    )
    login(client, door)
    assert client.get(f"/mantelzorg/plan/{plan.pk}/kring/").status_code == 200
    fout = client.post(
        f"/mantelzorg/plan/{plan.pk}/kring/toewijzen/",
        {"actie": actie.pk, "netwerkpersoon": zonder.pk},
    )
    assert fout.status_code == 400
    ok = client.post(
        f"/mantelzorg/plan/{plan.pk}/kring/toewijzen/",
        {"actie": actie.pk, "netwerkpersoon": lid.pk},
    )
    assert ok.status_code == 302
    assert lid.naam in tekst(client.get(f"/mantelzorg/plan/{plan.pk}/kring/"))
