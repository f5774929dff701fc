"""The plan pages: need-to-know, the ladder refusal, regisseur and consent rules, signing that
creates aanvragen, merging, versions, the access log and the query budget of the household
view. Each refusal is shown in Dutch and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.beschikkingen.models import Aanvraag
from eenplan.conftest import login
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import Doeltype, PlanStatus, RegisseurSoort, Uitvoerder
from eenplan.plannen.models import Deelnemer, Doel, Plan, Regisseur, Veiligheidssignaal
from eenplan.privacy.constants import Doel as InzageDoel
from eenplan.privacy.models import Inzage, Toestemming
from eenplan.rules.onderzoek import LadderStap
from eenplan.testing.factories import InwonerFactory, plan_uit_vorig_huishouden
from eenplan.testing.helpers import terug_na_weigering
from eenplan.testing.onderzoek import compleet, ladder

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()

# The household, the onderzoek and the other wijk's generalist from the onderzoek page tests.


def url(naam: str, *args) -> str:
    return reverse(f"plannen:{naam}", args=args)


@pytest.fixture
def plan(gezin, generalist):
    return plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)


@pytest.fixture
def doel(plan, gezin, generalist):
    return plannen.doel_add(
        plan=plan,
        inwoner=gezin["anna"],
        leefgebied=Leefgebied.objects.get(code="huisvesting"),
        omschrijving="Een schoon en veilig huis",
        doeltype=Doeltype.STABILISEREN,
        actor=generalist.user,
    )


# --- access ---------------------------------------------------------------------------------


def test_anonymous_beleid_and_other_wijk_are_refused(client, plan, gezin, beleid, generalist_zuid):
    for pad in (url("detail", plan.pk), url("huishouden", gezin["huishouden"].pk)):
        response = client.get(pad)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    login(client, beleid)
    assert client.get(url("detail", plan.pk)).status_code == 403
    assert client.get(url("huishouden", gezin["huishouden"].pk)).status_code == 403
    # Refused for the role, before any resident is known: logged without a resident.
    geweigerd = Inzage.objects.filter(user=beleid.user)
    assert [(r.toegestaan, r.inwoner_id) for r in geweigerd] == [(False, None)] * 2
    login(client, generalist_zuid)
    response = client.get(url("detail", plan.pk))
    assert response.status_code == 403 and "need-to-know" in response.content.decode()
    assert client.get(url("huishouden", gezin["huishouden"].pk)).status_code == 403
    assert client.post(url("doel", plan.pk), {}).status_code == 403
    zuid = Inzage.objects.filter(user=generalist_zuid.user)
    assert not zuid.filter(toegestaan=True).exists()
    # Three attempts, each logged for both current members.
    assert zuid.filter(toegestaan=False, doel=InzageDoel.PLAN).count() == 6
    assert client.get(url("detail", plan.pk + 1000)).status_code == 404


def test_a_former_member_in_scope_does_not_open_the_household(
    client, generalist_zuid, plan, gezin, wijken
):
    """Henk moved out to Zuid: the Zuid generalist sees Henk, not the Jansens' plan."""
    from eenplan.inwoners.services import huishouden_lid_end

    henk = gezin["henk"]
    henk.wijk = wijken["Zuid"]
    henk.save(update_fields=["wijk"])
    huishouden_lid_end(
        lid=gezin["huishouden"].leden.get(inwoner=henk), lid_tot=VANDAAG - dt.timedelta(days=1)
    )
    login(client, generalist_zuid)
    assert client.get(url("huishouden", gezin["huishouden"].pk)).status_code == 403
    assert client.get(url("detail", plan.pk)).status_code == 403


def test_plan_page_logs_each_member_it_shows(client, generalist, plan, doel, gezin):
    response = login(client, generalist).get(url("detail", plan.pk))
    assert response.status_code == 200
    rows = list(Inzage.objects.filter(pad=url("detail", plan.pk)))
    assert {r.inwoner_id for r in rows} == {gezin["anna"].pk, gezin["henk"].pk}
    assert all(r.doel == InzageDoel.PLAN and r.toegestaan for r in rows)
    assert len(rows) == 2


# --- household view -------------------------------------------------------------------------


def test_household_view_and_opening_the_plan(client, generalist, gezin):
    login(client, generalist)
    body = client.get(url("huishouden", gezin["huishouden"].pk)).content.decode()
    assert "Anna Jansen" in body and "Henk Jansen" in body
    assert "Lotte Jansen, mantelzorger (dochter)" in body
    assert "Plan maken" in body and "Nog geen plannen." in body
    response = client.post(url("openen", gezin["huishouden"].pk))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", plan.pk)
    # One plan per household: opening again gives the same plan.
    assert client.post(url("openen", gezin["huishouden"].pk))["Location"] == url("detail", plan.pk)
    body = client.get(url("huishouden", gezin["huishouden"].pk)).content.decode()
    assert "Plan openen" in body and f"Plan {plan.pk}" in body


def _household(gemeente, wijk, generalist, leden: int, tag: str):
    """A household with `leden` members, each with a network person, and as many plans (one
    active, the rest ended), each with a regisseur and a goal."""
    inwoners = [
        InwonerFactory(gemeente=gemeente, wijk=wijk, voornamen=f"Lid{i}", achternaam=tag)
        for i in range(leden)
    ]
    huishouden = huishouden_create(
        gemeente=gemeente,
        naam=f"Huishouden {tag}",
        leden=[(i, Relatie.OVERIG, dt.date(2000, 1, 1)) for i in inwoners],
    )
    leefgebied = Leefgebied.objects.get(code="financien")
    for n, inwoner in enumerate(inwoners):
        netwerkpersoon_add(inwoner=inwoner, soort=NetwerkSoort.BUUR, naam=f"Buur {n}")
        plan = Plan.objects.create(huishouden=huishouden, aangemaakt_door=generalist.user)
        plannen.doel_add(
            plan=plan,
            inwoner=inwoner,
            leefgebied=leefgebied,
            omschrijving="Rekeningen op tijd",
            doeltype=Doeltype.VERSTERKEN,
            actor=generalist.user,
        )
        plannen.regisseur_set(
            plan=plan,
            soort=RegisseurSoort.INWONER,
            inwoner=inwoner,
            van=VANDAAG,
            actor=generalist.user,
        )
        if n < leden - 1:  # one active plan per household: the last one
            Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.BEEINDIGD)
    return huishouden


def test_household_view_query_budget_is_flat(
    client, generalist, wijken, gemeente, django_assert_num_queries
):
    klein = _household(gemeente, wijken["Noord"], generalist, 2, "Klein")
    groot = _household(gemeente, wijken["Noord"], generalist, 6, "Groot")
    login(client, generalist)
    client.get(url("huishouden", klein.pk))  # warm up (session, permissions)
    with CaptureQueriesContext(connection) as klein_queries:
        response = client.get(url("huishouden", klein.pk))
    assert response.status_code == 200
    n = len(klein_queries)
    with django_assert_num_queries(n):
        response = client.get(url("huishouden", groot.pk))
    body = response.content.decode()
    assert body.count("Buur ") == 6
    # Active first, even though the selector orders by status text.
    assert body.index("Concept") < body.index("Beëindigd")


# --- goals, proposals and the ladder --------------------------------------------------------


def test_goal_without_life_domain_is_refused_then_added(client, generalist, plan, gezin):
    login(client, generalist)
    data = {
        "doel-inwoner": gezin["anna"].pk,
        "doel-leefgebied": "",
        "doel-omschrijving": "Zelf boodschappen doen",
        "doel-doeltype": Doeltype.VERSTERKEN,
    }
    response = client.post(url("doel", plan.pk), data)
    response = terug_na_weigering(client, response)
    assert "Kies het leefgebied waar dit doel over gaat." in response.content.decode()
    assert not Doel.objects.exists()
    data["doel-leefgebied"] = Leefgebied.objects.get(code="participatie").pk
    response = client.post(url("doel", plan.pk), data)
    assert response.status_code == 302 and response["Location"].endswith("#doelen")
    doel = Doel.objects.get()
    response = client.post(
        url("actie", plan.pk, doel.pk),
        {
            f"actie{doel.pk}-omschrijving": "Samen naar de supermarkt",
            f"actie{doel.pk}-uitvoerder_soort": Uitvoerder.NETWERK,
            f"actie{doel.pk}-uitvoerder": "dochter Lotte",
            f"actie{doel.pk}-uiterlijk": (VANDAAG + dt.timedelta(days=14)).isoformat(),
        },
    )
    assert response.status_code == 302
    body = client.get(url("detail", plan.pk)).content.decode()
    assert "Samen naar de supermarkt" in body and "dochter Lotte" in body
    assert "Maatschappelijke participatie" in body


def test_maatwerk_refusal_shows_every_reason(client, generalist, plan, onderzoek, gezin):
    login(client, generalist)
    data = {
        "voorstel-inwoner": gezin["anna"].pk,
        "voorstel-omschrijving": "Hulp bij het huishouden",
        "voorstel-wet": "wmo",
        "voorstel-ladderstap": int(LadderStap.INDIVIDUEEL_MAATWERK),
    }
    response = client.post(url("voorstel", plan.pk), data)
    response = terug_na_weigering(client, response)
    body = response.content.decode()
    assert "Wmo 2015 art. 2.3.5 lid 3" in body
    for stap in LadderStap:
        if stap < LadderStap.INDIVIDUEEL_MAATWERK:
            assert f"Stap &#x27;{stap.label}&#x27; is nog niet onderzocht." in body
    assert not plan.voorstellen.exists()
    ladder(onderzoek)
    response = client.post(url("voorstel", plan.pk), data)
    assert response.status_code == 302
    body = client.get(url("detail", plan.pk)).content.decode()
    assert "Wordt een aanvraag als de inwoner ondertekent" in body


def test_evaluation_with_a_new_score(client, generalist, plan, doel):
    response = login(client, generalist).post(
        url("evaluatie", plan.pk, doel.pk),
        {
            f"evaluatie{doel.pk}-datum": VANDAAG.isoformat(),
            f"evaluatie{doel.pk}-uitkomst": "deels",
            f"evaluatie{doel.pk}-score": "3",
        },
    )
    assert response.status_code == 302
    evaluatie = doel.evaluaties.get()
    assert evaluatie.score.score == 3 and evaluatie.score.leefgebied == doel.leefgebied
    assert "nieuwe score 3" in client.get(url("detail", plan.pk)).content.decode()


# --- regisseur and consent ------------------------------------------------------------------


def test_professional_regisseur_only_at_the_residents_request(client, generalist, plan, gezin):
    login(client, generalist)
    data = {"regisseur-wie": f"medewerker:{generalist.pk}", "regisseur-van": VANDAAG.isoformat()}
    response = client.post(url("regisseur", plan.pk), data)
    response = terug_na_weigering(client, response)
    assert "alleen op verzoek van de inwoner" in response.content.decode()
    assert not Regisseur.objects.exists()
    response = client.post(
        url("regisseur", plan.pk), data | {"regisseur-op_verzoek_van_inwoner": "on"}
    )
    assert response.status_code == 302
    regisseur = Regisseur.objects.get()
    assert regisseur.soort == RegisseurSoort.PROFESSIONAL and regisseur.op_verzoek_van_inwoner
    # The mantelzorger takes over; the earlier regisseur keeps its period.
    response = client.post(
        url("regisseur", plan.pk),
        {"regisseur-wie": f"netwerk:{gezin['lotte'].pk}", "regisseur-van": VANDAAG.isoformat()},
    )
    assert response.status_code == 302
    actief = Regisseur.objects.get(tot__isnull=True)
    assert actief.soort == RegisseurSoort.MANTELZORGER and actief.naam == "Lotte Jansen"
    assert Regisseur.objects.count() == 2
    # Someone from another household cannot be chosen.
    vreemde = InwonerFactory(gemeente=gezin["anna"].gemeente, wijk=gezin["anna"].wijk)
    response = client.post(
        url("regisseur", plan.pk),
        {"regisseur-wie": f"inwoner:{vreemde.pk}", "regisseur-van": VANDAAG.isoformat()},
    )
    response = terug_na_weigering(client, response)
    assert Regisseur.objects.count() == 2


def test_participant_needs_consent_and_leaves_when_it_is_withdrawn(client, generalist, plan, gezin):
    login(client, generalist)
    data = {
        "deelnemer-netwerkpersoon": f"netwerk:{gezin['lotte'].pk}",
        "deelnemer-rol": "Boodschappen",
        "deelnemer-toestemming_van": gezin["anna"].pk,
        "deelnemer-gegeven_op": VANDAAG.isoformat(),
    }
    response = client.post(url("deelnemer", plan.pk), data)
    response = terug_na_weigering(client, response)
    assert "Zonder toestemming van de inwoner kan niemand" in response.content.decode()
    assert not Deelnemer.objects.exists() and not Toestemming.objects.exists()
    # With consent, but a refusal by the service: the consent is not kept either.
    response = client.post(
        url("deelnemer", plan.pk),
        data | {"deelnemer-toestemming": "on", "deelnemer-organisatie": "Thuiszorg"},
    )
    response = terug_na_weigering(client, response)
    assert not Deelnemer.objects.exists() and not Toestemming.objects.exists()
    response = client.post(url("deelnemer", plan.pk), data | {"deelnemer-toestemming": "on"})
    assert response.status_code == 302
    deelnemer = Deelnemer.objects.get()
    assert deelnemer.toestemming.inwoner == gezin["anna"]
    assert "Doet mee</span>" in client.get(url("detail", plan.pk)).content.decode()
    response = client.post(
        url("intrekken", plan.pk, deelnemer.pk),
        {f"intrekken{deelnemer.pk}-op": VANDAAG.isoformat()},
    )
    assert response.status_code == 302
    assert plannen.deelnemers_actief(plan, VANDAAG) == []
    body = client.get(url("detail", plan.pk)).content.decode()
    assert "Niet meer actief" in body and "Lotte Jansen" in body


def test_acute_unsafety_needs_an_escalation(client, generalist, plan):
    login(client, generalist)
    data = {
        "veiligheid-soort": "acuut",
        "veiligheid-escalatie": "geen",
        "veiligheid-omschrijving": "Blauwe plekken",
    }
    response = client.post(url("veiligheid", plan.pk), data)
    response = terug_na_weigering(client, response)
    assert "Veilig Thuis" in response.content.decode()
    assert not Veiligheidssignaal.objects.exists()
    response = client.post(
        url("veiligheid", plan.pk), data | {"veiligheid-escalatie": "veilig_thuis"}
    )
    assert response.status_code == 302
    assert Veiligheidssignaal.objects.get().besloten_door == generalist.user


# --- signing, other aanvraag, merge, versions, print ----------------------------------------


def test_signing_creates_the_aanvragen(client, generalist, plan, doel, onderzoek, gezin):
    ladder(onderzoek)
    plannen.voorstel_add(
        plan=plan,
        inwoner=gezin["anna"],
        wet="wmo",
        doel=doel,
        omschrijving="Hulp bij het huishouden",
        ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
        actor=generalist.user,
    )
    login(client, generalist)
    # Lotte is a mantelzorger, not a representative: not offered, and refused if posted.
    body = client.get(url("detail", plan.pk)).content.decode()
    keuzes = body.split('id="id_onderteken-ondertekenaar"')[1].split("</select>")[0]
    assert f'value="netwerk:{gezin["lotte"].pk}"' not in keuzes
    assert f'value="inwoner:{gezin["anna"].pk}"' in keuzes
    response = client.post(
        url("ondertekenen", plan.pk),
        {
            "onderteken-ondertekenaar": f"netwerk:{gezin['lotte'].pk}",
            "onderteken-op": VANDAAG.isoformat(),
        },
    )
    response = terug_na_weigering(client, response)
    assert not Aanvraag.objects.exists()
    response = client.post(
        url("ondertekenen", plan.pk),
        {
            "onderteken-ondertekenaar": f"inwoner:{gezin['anna'].pk}",
            "onderteken-op": VANDAAG.isoformat(),
        },
    )
    assert response.status_code == 302
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.omschrijving == "Hulp bij het huishouden" and aanvraag.ontvangen_op == VANDAAG
    body = client.get(url("detail", plan.pk)).content.decode()
    assert "Ondertekend op" in body and "Anna Jansen" in body
    assert f"{aanvraag.beslissen_uiterlijk:%d-%m-%Y}" in body
    assert "Volgens het plan" in body


def test_minor_cannot_sign(client, generalist, plan, doel, gezin):
    kind = InwonerFactory(
        gemeente=gezin["anna"].gemeente,
        wijk=gezin["anna"].wijk,
        geboortedatum=VANDAAG.replace(year=VANDAAG.year - 12) - dt.timedelta(days=3),
    )
    from eenplan.inwoners.services import huishouden_lid_add

    huishouden_lid_add(
        huishouden=gezin["huishouden"], inwoner=kind, relatie=Relatie.KIND, lid_van=VANDAAG
    )
    response = login(client, generalist).post(
        url("ondertekenen", plan.pk),
        {"onderteken-ondertekenaar": f"inwoner:{kind.pk}", "onderteken-op": VANDAAG.isoformat()},
    )
    response = terug_na_weigering(client, response)  # not offered as a choice
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT


def test_other_aanvraag_is_recorded_as_deviating(client, generalist, plan, onderzoek, gezin):
    compleet(onderzoek)
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    response = login(client, generalist).post(
        url("aanvraag", plan.pk),
        {
            "aanvraag-inwoner": gezin["anna"].pk,
            "aanvraag-omschrijving": "Scootmobiel",
            "aanvraag-wet": "wmo",
            "aanvraag-ontvangen_op": VANDAAG.isoformat(),
            "aanvraag-ingediend_door": "Anna Jansen",
        },
    )
    assert response.status_code == 302
    assert Aanvraag.objects.get().afwijkend_van_advies
    assert "Afwijkend van advies" in client.get(url("detail", plan.pk)).content.decode()


def test_merge_two_active_plans(client, generalist, plan, doel, gezin):
    tweede = plan_uit_vorig_huishouden(inwoner=gezin["henk"], door=generalist.user)
    # An active plan of a household none of these members ever lived in is not offered.
    buiten = InwonerFactory(gemeente=gezin["henk"].gemeente, wijk=gezin["henk"].wijk)
    plan_uit_vorig_huishouden(inwoner=buiten, door=generalist.user)
    login(client, generalist)
    response = client.get(url("detail", plan.pk))
    assert response.context["andere_plannen"] == [tweede]
    body = response.content.decode()
    assert "nog een lopend plan voor leden" in body and "Plannen samenvoegen" in body
    response = client.post(url("samenvoegen", plan.pk), {"samenvoegen-plannen": [str(tweede.pk)]})
    assert response.status_code == 302
    assert response["Location"].startswith(url("detail", plan.pk))
    tweede.refresh_from_db()
    assert tweede.status == PlanStatus.SAMENGEVOEGD and tweede.samengevoegd_in == plan
    body = client.get(url("detail", tweede.pk)).content.decode()
    assert "samengevoegd in" in body and "Doel toevoegen" not in body


def test_versions_are_listed_readably_and_print_view(client, generalist, plan, doel, gezin):
    login(client, generalist)
    body = client.get(url("detail", plan.pk)).content.decode()
    assert "Versie 2" in body and "Versie 1" in body and "Plan aangemaakt" in body
    assert "Huisvesting: Een schoon en veilig huis" in body  # the snapshot, readable
    assert "(Anna Jansen, stabiliseren)" in body
    body = client.get(url("afdrukken", plan.pk)).content.decode()
    assert "Ons plan: Huishouden Jansen" in body and "Een schoon en veilig huis" in body
    assert "Afdrukken of opslaan als PDF" in body
