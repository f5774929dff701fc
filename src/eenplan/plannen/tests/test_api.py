"""The plannen REST API: one plan per household, the logged plan with everything on it, every
write with its refusal (which changes nothing), consent and participants, signing that creates
aanvragen, merging, versions, roles and need-to-know, and a flat query budget for the plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.beschikkingen.models import Aanvraag
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.constants import NetwerkSoort, Relatie
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import huishouden_create, netwerkpersoon_add
from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal as MeldingKanaal
from eenplan.meldingen.constants import MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Leefgebied, Onderzoek
from eenplan.plannen import services
from eenplan.plannen.constants import Doeltype, PlanStatus, RegisseurSoort, Uitvoerder
from eenplan.plannen.models import (
    Actie,
    Deelnemer,
    Doel,
    Plan,
    Regisseur,
    Veiligheidssignaal,
    Voorstel,
)
from eenplan.privacy.models import Inzage, Toestemming
from eenplan.privacy.services import toestemming_give
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap
from eenplan.testing.factories import (
    InwonerFactory,
    MedewerkerFactory,
    TeamFactory,
    plan_uit_vorig_huishouden,
)
from eenplan.testing.helpers import api_for
from eenplan.web.forms import KEUZE_FOUT

pytestmark = pytest.mark.django_db

URL = "/api/v1/plannen/"


def vandaag() -> dt.date:
    return timezone.localdate()


def url(plan: Plan | int, actie: str = "") -> str:
    pk = plan if isinstance(plan, int) else plan.pk
    return f"{URL}{pk}/" + (f"{actie}/" if actie else "")


def leefgebied(code: str) -> Leefgebied:
    return Leefgebied.objects.get(code=code)


@pytest.fixture
def gezin(inwoner_noord: Inwoner, wijken: dict[str, Any]) -> dict[str, Any]:
    henk = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Henk",
        achternaam="Jansen",
        geboortedatum=dt.date(1946, 11, 20),
    )
    huishouden = huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (henk, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    lotte = netwerkpersoon_add(
        inwoner=inwoner_noord,
        soort=NetwerkSoort.MANTELZORGER,
        naam="Lotte Jansen",
        relatie="dochter",
    )
    return {"huishouden": huishouden, "anna": inwoner_noord, "henk": henk, "lotte": lotte}


@pytest.fixture
def plan(gezin: dict[str, Any], generalist: Medewerker) -> Plan:
    return services.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)


@pytest.fixture
def onderzoek(gezin: dict[str, Any], midoffice: Medewerker, generalist: Medewerker) -> Onderzoek:
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.NETWERK,
        kanaal=MeldingKanaal.TELEFOON,
        vraag="Moeder redt het niet meer thuis.",
        ontvangen_op=vandaag() - dt.timedelta(days=10),
        domeinen=["wmo"],
        inwoner=gezin["anna"],
    )
    meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    return onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)


@pytest.fixture
def plan_zuid(inwoner_zuid: Inwoner, gemeente: Any) -> Plan:
    huishouden = huishouden_create(
        gemeente=inwoner_zuid.gemeente,
        naam="Huishouden De Vries",
        leden=[(inwoner_zuid, Relatie.REFERENTIE, dt.date(2000, 1, 1))],
    )
    zuid = MedewerkerFactory(gemeente=gemeente, teams=[TeamFactory(wijken=[inwoner_zuid.wijk])])
    return services.plan_open(huishouden=huishouden, actor=zuid.user)


@pytest.fixture
def backoffice(gemeente: Any, team_noord: Any) -> Medewerker:
    return MedewerkerFactory(
        gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord], username="backoffice"
    )


def ladder(onderzoek: Onderzoek) -> None:
    for stap in LadderStap:
        if stap >= LadderStap.INDIVIDUEEL_MAATWERK:
            break
        onderzoeken.afweging_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            stap=stap,
            bevinding="Onderzocht",
            volstaat=False,
            reden_niet_toereikend="Schiet tekort",
        )


def doel(plan: Plan, gezin: dict[str, Any], generalist: Medewerker, code: str = "adl") -> Doel:
    return services.doel_add(
        plan=plan,
        inwoner=gezin["anna"],
        leefgebied=leefgebied(code),
        omschrijving=f"Zelfstandig blijven ({code})",
        doeltype=Doeltype.STABILISEREN,
        actor=generalist.user,
    )


# --- reading ------------------------------------------------------------------------------


def test_list_shows_plans_of_households_in_scope(plan, plan_zuid, generalist, gezin):
    api = api_for(generalist)
    response = api.get(URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [plan.pk]
    assert rows[0]["huishouden"] == {"id": gezin["huishouden"].pk, "naam": "Huishouden Jansen"}
    assert rows[0]["status"] == "concept"
    assert [r["id"] for r in api.get(URL, {"huishouden": gezin["huishouden"].pk}).json()["results"]]
    assert api.get(URL, {"status": "ondertekend"}).json()["results"] == []
    assert api.get(URL, {"status": "klaar"}).status_code == 400
    assert not Inzage.objects.filter(kanaal="api").exists()  # a list shows no dossier


def test_detail_shows_the_whole_plan_and_logs_every_member(plan, gezin, generalist, onderzoek):
    ladder(onderzoek)
    d = doel(plan, gezin, generalist)
    services.actie_add(
        doel=d,
        omschrijving="Samen boodschappen doen",
        uitvoerder_soort=Uitvoerder.NETWERK,
        uitvoerder="dochter Lotte",
        actor=generalist.user,
    )
    services.evaluatie_add(
        doel=d, datum=vandaag(), uitkomst="deels", score=3, actor=generalist.user
    )
    services.voorstel_add(
        plan=plan,
        inwoner=gezin["anna"],
        omschrijving="Hulp bij het huishouden",
        wet="wmo",
        ladderstap=LadderStap.INDIVIDUEEL_MAATWERK,
        doel=d,
        actor=generalist.user,
    )
    services.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.INWONER,
        inwoner=gezin["anna"],
        van=vandaag() - dt.timedelta(days=3),
        actor=generalist.user,
    )
    services.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.MANTELZORGER,
        netwerkpersoon=gezin["lotte"],
        van=vandaag(),
        actor=generalist.user,
    )
    response = api_for(generalist).get(url(plan), HTTP_X_EENPLAN_DOEL="plan")
    assert response.status_code == 200
    body = response.json()
    assert body["huishouden"]["naam"] == "Huishouden Jansen"
    [goal] = body["doelen"]
    assert goal["leefgebied"]["code"] == "adl" and goal["doeltype"] == "stabiliseren"
    assert goal["acties"][0]["uitvoerder"] == "dochter Lotte"
    assert goal["evaluaties"][0]["uitkomst"] == "deels" and goal["evaluaties"][0]["score"] == 3
    assert goal["voorstellen"] == [body["voorstellen"][0]["id"]]
    assert body["voorstellen"][0]["maatwerk"] is True
    assert body["voorstellen"][0]["aanvraag"] is None
    assert body["regisseur"]["naam"] == "Lotte Jansen"
    assert [r["soort"] for r in body["regisseurs"]] == ["inwoner", "mantelzorger"]
    assert body["regisseurs"][0]["tot"] == vandaag().isoformat()
    assert [v["versie"] for v in body["versies"]][:2] == [1, 2]
    assert body["versies"][0]["reden"] == "Plan aangemaakt" and body["versies"][0]["moment"]
    logged = Inzage.objects.filter(toegestaan=True, kanaal="api")
    assert set(logged.values_list("inwoner_id", flat=True)) == {gezin["anna"].pk, gezin["henk"].pk}
    assert set(logged.values_list("doel", "pad")) == {("plan", url(plan))}
    assert logged.count() == 2


def test_out_of_scope_plan_is_403_and_logged_unknown_is_404(plan_zuid, generalist):
    api = api_for(generalist)
    response = api.get(url(plan_zuid))
    assert response.status_code == 403 and "werkgebied" in response.json()["detail"]
    refused = Inzage.objects.get(user=generalist.user)
    assert (
        refused.toegestaan is False
        and refused.inwoner_id == plan_zuid.huishouden.leden.get().inwoner_id
    )
    response = api.post(
        url(plan_zuid, "veiligheid"),
        {"soort": "acuut", "omschrijving": "Blauwe plekken", "escalatie": "veilig_thuis"},
    )
    assert response.status_code == 403
    assert not Veiligheidssignaal.objects.exists()
    assert api.get(url(999_999)).status_code == 404


def test_beleid_backoffice_and_anonymous(plan, gezin, beleid, backoffice):
    assert api_for(beleid).get(URL).status_code == 403
    assert api_for(beleid).get(url(plan)).status_code == 403
    assert APIClient().get(url(plan)).status_code in (401, 403)
    assert api_for(backoffice).get(url(plan)).status_code == 200  # reads, may not change
    response = api_for(backoffice).post(
        url(plan, "doelen"),
        {
            "inwoner": gezin["anna"].pk,
            "leefgebied": leefgebied("adl").pk,
            "omschrijving": "Zelf douchen",
            "doeltype": "versterken",
        },
    )
    assert response.status_code == 403
    assert not Doel.objects.exists()


def test_versie_shows_an_earlier_snapshot(plan, gezin, generalist):
    doel(plan, gezin, generalist)
    api = api_for(generalist)
    response = api.get(url(plan, "versies/1"))
    assert response.status_code == 200
    assert response.json()["inhoud"]["doelen"] == []
    assert response.json()["reden"] == "Plan aangemaakt"
    assert api.get(url(plan, "versies/2")).json()["inhoud"]["doelen"][0]["omschrijving"] == (
        "Zelfstandig blijven (adl)"
    )
    assert api.get(url(plan, "versies/99")).status_code == 404
    # Each request is a decision on the household, logged, also the one for a missing version.
    assert Inzage.objects.filter(inwoner=gezin["anna"], kanaal="api").count() == 3


# --- writing ------------------------------------------------------------------------------


def test_create_opens_one_plan_per_household(gezin, generalist, plan_zuid):
    api = api_for(generalist)
    response = api.post(URL, {"huishouden": gezin["huishouden"].pk})
    assert response.status_code == 201, response.json()
    plan_id = response.json()["id"]
    assert response.json()["versies"][0]["reden"] == "Plan aangemaakt"
    response = api.post(URL, {"huishouden": gezin["huishouden"].pk})
    assert response.status_code == 200 and response.json()["id"] == plan_id
    response = api.post(URL, {"huishouden": plan_zuid.huishouden_id})
    assert response.status_code == 403 and "werkgebied" in response.json()["detail"]
    assert Inzage.objects.filter(toegestaan=False, user=generalist.user).count() == 1
    assert Plan.objects.filter(huishouden=gezin["huishouden"]).count() == 1


def test_goal_without_life_domain_is_refused(plan, gezin, generalist):
    api = api_for(generalist)
    response = api.post(
        url(plan, "doelen"),
        {"inwoner": gezin["anna"].pk, "omschrijving": "Zelf douchen", "doeltype": "versterken"},
    )
    assert response.status_code == 400
    assert "leefgebied" in response.json()
    assert not Doel.objects.exists()
    plan.refresh_from_db()
    assert plan.versie == 1
    response = api.post(
        url(plan, "doelen"),
        {
            "inwoner": gezin["anna"].pk,
            "leefgebied": leefgebied("adl").pk,
            "omschrijving": "Zelf douchen",
            "doeltype": "versterken",
            "evaluatie_op": vandaag() + dt.timedelta(days=90),
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["leefgebied"]["code"] == "adl"
    plan.refresh_from_db()
    assert plan.versie == 2


def test_goal_for_someone_outside_the_household_is_refused(plan, inwoner_zuid, generalist):
    response = api_for(generalist).post(
        url(plan, "doelen"),
        {
            "inwoner": inwoner_zuid.pk,
            "leefgebied": leefgebied("adl").pk,
            "omschrijving": "Zelf douchen",
            "doeltype": "versterken",
        },
    )
    assert response.status_code == 400 and "inwoner" in response.json()
    assert not Doel.objects.exists()


def test_action_on_a_goal_of_this_plan(plan, plan_zuid, gezin, generalist, inwoner_zuid):
    d = doel(plan, gezin, generalist)
    api = api_for(generalist)
    response = api.post(
        url(plan, "acties"),
        {
            "doel": d.pk,
            "omschrijving": "Eens per week samen opruimen",
            "uitvoerder_soort": "netwerk",
            "uitvoerder": "dochter Lotte",
            "uiterlijk": vandaag() + dt.timedelta(days=30),
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["uitvoerder"] == "dochter Lotte"
    vreemd = services.doel_add(
        plan=plan_zuid,
        inwoner=inwoner_zuid,
        leefgebied=leefgebied("adl"),
        omschrijving="Ander huishouden",
        doeltype=Doeltype.VERSTERKEN,
        actor=plan_zuid.aangemaakt_door,
    )
    response = api.post(
        url(plan, "acties"),
        {"doel": vreemd.pk, "omschrijving": "x", "uitvoerder_soort": "inwoner", "uitvoerder": "x"},
    )
    assert response.status_code == 400 and "doel" in response.json()
    response = api.post(
        url(plan, "acties"),
        {"doel": d.pk, "omschrijving": "", "uitvoerder_soort": "inwoner", "uitvoerder": ""},
    )
    assert response.status_code == 400
    assert Actie.objects.count() == 1


def test_maatwerk_refused_with_every_reason_until_the_ladder_is_walked(
    plan, gezin, generalist, onderzoek
):
    api = api_for(generalist)
    voorstel = {
        "inwoner": gezin["anna"].pk,
        "omschrijving": "Hulp bij het huishouden",
        "wet": "wmo",
        "ladderstap": 6,
    }
    response = api.post(url(plan, "voorstellen"), voorstel)
    assert response.status_code == 400
    reasons = response.json()["ladderstap"]
    assert "2.3.5 lid 3" in reasons[0]
    assert len(reasons) == 6  # the rule and each of the five lighter steps
    assert "Eigen kracht" in reasons[1] and "Collectief maatwerk" in reasons[5]
    assert not Voorstel.objects.exists()
    ladder(onderzoek)
    response = api.post(url(plan, "voorstellen"), voorstel)
    assert response.status_code == 201, response.json()
    assert response.json()["maatwerk"] is True
    assert response.json()["ladderstap_naam"] == "Individueel maatwerk"


def test_evaluation_records_outcome_and_new_score(plan, gezin, generalist):
    d = doel(plan, gezin, generalist)
    api = api_for(generalist)
    response = api.post(
        url(plan, "evaluaties"),
        {"doel": d.pk, "datum": vandaag(), "uitkomst": "bereikt", "score": 4},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["score"] == 4
    response = api.post(
        url(plan, "evaluaties"),
        {"doel": d.pk, "datum": vandaag(), "uitkomst": "bereikt", "score": 9},
    )
    assert response.status_code == 400 and "score" in response.json()
    assert d.evaluaties.count() == 1


def test_professional_regisseur_only_at_the_residents_request(plan, generalist):
    api = api_for(generalist)
    keuze = {"soort": "professional", "medewerker": generalist.pk, "van": vandaag()}
    response = api.post(url(plan, "regisseur"), keuze)
    assert response.status_code == 400
    assert "op verzoek van de inwoner" in response.json()["op_verzoek_van_inwoner"][0]
    assert not Regisseur.objects.exists()
    response = api.post(url(plan, "regisseur"), {**keuze, "op_verzoek_van_inwoner": True})
    assert response.status_code == 201, response.json()
    assert response.json()["soort"] == "professional" and response.json()["tot"] is None


def test_one_regisseur_mantelzorger_and_history(plan, gezin, generalist):
    api = api_for(generalist)
    response = api.post(
        url(plan, "regisseur"),
        {
            "soort": "mantelzorger",
            "inwoner": gezin["anna"].pk,
            "netwerkpersoon": gezin["lotte"].pk,
            "van": vandaag(),
        },
    )
    assert response.status_code == 400 and "precies één" in str(response.json())
    response = api.post(
        url(plan, "regisseur"), {"soort": "inwoner", "inwoner": gezin["anna"].pk, "van": vandaag()}
    )
    assert response.status_code == 201
    response = api.post(
        url(plan, "regisseur"),
        {"soort": "mantelzorger", "netwerkpersoon": gezin["lotte"].pk, "van": vandaag()},
    )
    assert response.status_code == 201 and response.json()["naam"] == "Lotte Jansen"
    body = api.get(url(plan)).json()
    assert body["regisseur"]["naam"] == "Lotte Jansen" and len(body["regisseurs"]) == 2


def test_participant_needs_consent_and_loses_access_on_withdrawal(plan, gezin, generalist):
    api = api_for(generalist)
    deelname = {"netwerkpersoon": gezin["lotte"].pk, "rol": "Boodschappen"}
    response = api.post(url(plan, "deelnemers"), deelname)
    assert response.status_code == 400 and "toestemming" in response.json()
    assert not Deelnemer.objects.exists()

    response = api.post(
        url(plan, "toestemmingen"),
        {
            "inwoner": gezin["anna"].pk,
            "aan": "Lotte Jansen",
            "doel": "Deelnemen aan het plan",
            "gegeven_op": vandaag() - dt.timedelta(days=5),
        },
    )
    assert response.status_code == 201, response.json()
    toestemming_id = response.json()["id"]
    response = api.post(url(plan, "deelnemers"), {**deelname, "toestemming": toestemming_id})
    assert response.status_code == 201, response.json()
    assert response.json()["actief"] is True and response.json()["naam"] == "Lotte Jansen"

    response = api.post(url(plan, f"toestemmingen/{toestemming_id}/intrekken"), {"op": vandaag()})
    assert response.status_code == 200 and response.json()["ingetrokken_op"]
    response = api.post(url(plan, f"toestemmingen/{toestemming_id}/intrekken"), {"op": vandaag()})
    assert response.status_code == 400 and "al ingetrokken" in str(response.json())
    body = api.get(url(plan)).json()
    assert body["deelnemers"][0]["actief"] is False
    assert body["toestemmingen"][0]["id"] == toestemming_id
    response = api.post(url(plan, "deelnemers"), {**deelname, "toestemming": toestemming_id})
    assert response.status_code == 400  # a withdrawn consent does not count
    assert Deelnemer.objects.count() == 1


def test_consent_of_someone_outside_the_household_is_refused(
    plan, plan_zuid, inwoner_zuid, gezin, generalist
):
    api = api_for(generalist)
    response = api.post(
        url(plan, "toestemmingen"),
        {"inwoner": inwoner_zuid.pk, "aan": "Lotte", "doel": "Plan", "gegeven_op": vandaag()},
    )
    assert response.status_code == 400 and "inwoner" in response.json()
    vreemd = toestemming_give(
        inwoner=inwoner_zuid, aan="Lotte", doel="Plan", gegeven_op=vandaag(), door=generalist.user
    )
    response = api.post(
        url(plan, "deelnemers"),
        {"netwerkpersoon": gezin["lotte"].pk, "rol": "Boodschappen", "toestemming": vreemd.pk},
    )
    assert response.status_code == 400 and "toestemming" in response.json()
    response = api.post(url(plan, f"toestemmingen/{vreemd.pk}/intrekken"), {"op": vandaag()})
    assert response.status_code == 404
    assert Toestemming.objects.get(pk=vreemd.pk).ingetrokken_op is None
    # Both refusals of another household's consent are in the access log (ADR 0046).
    geweigerd = Inzage.objects.filter(user=generalist.user, toegestaan=False, onderwerp="plan")
    assert [r.reden for r in geweigerd.order_by("id")][-2:] == [
        f"Toestemming {vreemd.pk}: hoort niet bij dit huishouden of bestaat niet."
    ] * 2


def test_acute_unsafety_needs_escalation(plan, generalist):
    api = api_for(generalist)
    signaal = {"soort": "acuut", "omschrijving": "Blauwe plekken", "escalatie": "geen"}
    response = api.post(url(plan, "veiligheid"), signaal)
    assert response.status_code == 400 and "Veilig Thuis" in response.json()["escalatie"][0]
    assert not Veiligheidssignaal.objects.exists()
    response = api.post(url(plan, "veiligheid"), {**signaal, "escalatie": "veilig_thuis"})
    assert response.status_code == 201
    # The person's name, never the login.
    assert response.json()["besloten_door"] == generalist.user.get_full_name() != "generalist"


def test_signing_turns_maatwerk_into_aanvragen(plan, gezin, generalist, onderzoek, wijken):
    ladder(onderzoek)
    d = doel(plan, gezin, generalist)
    for stap, omschrijving in ((6, "Hulp bij het huishouden"), (4, "Wijkrestaurant")):
        services.voorstel_add(
            plan=plan,
            inwoner=gezin["anna"],
            omschrijving=omschrijving,
            wet="wmo",
            ladderstap=stap,
            doel=d,
            actor=generalist.user,
        )
    api = api_for(generalist)
    response = api.post(
        url(plan, "ondertekenen"), {"vertegenwoordiger": gezin["lotte"].pk, "op": vandaag()}
    )
    assert response.status_code == 400  # a mantelzorger is not a legal representative
    assert "wettelijk vertegenwoordiger" in response.json()["detail"][0]
    buurman = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    response = api.post(url(plan, "ondertekenen"), {"inwoner": buurman.pk, "op": vandaag()})
    assert response.status_code == 400
    assert "lid van het huishouden" in response.json()["detail"][0]
    response = api.post(url(plan, "ondertekenen"), {"op": vandaag()})
    assert response.status_code == 400
    assert not Aanvraag.objects.exists()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCEPT

    response = api.post(url(plan, "ondertekenen"), {"inwoner": gezin["anna"].pk, "op": vandaag()})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ondertekend" and body["ondertekend_door"] == "Anna Jansen"
    [aanvraag] = body["aanvragen"]
    assert aanvraag["omschrijving"] == "Hulp bij het huishouden"
    assert aanvraag["ontvangen_op"] == vandaag().isoformat()
    uiterlijk = dt.date.fromisoformat(aanvraag["beslissen_uiterlijk"])
    assert uiterlijk >= vandaag() + dt.timedelta(weeks=2)
    assert api.get(url(plan)).json()["voorstellen"][0]["aanvraag"] == aanvraag["id"]


def test_signing_by_a_legal_representative(plan, gezin, generalist):
    doel(plan, gezin, generalist)
    curator = netwerkpersoon_add(
        inwoner=gezin["anna"], soort=NetwerkSoort.VERTEGENWOORDIGER, naam="Mr. Bos"
    )
    response = api_for(generalist).post(
        url(plan, "ondertekenen"), {"vertegenwoordiger": curator.pk, "op": vandaag()}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["ondertekend_door"] == "Mr. Bos (wettelijk vertegenwoordiger)"
    assert response.json()["aanvragen"] == []


def test_other_aanvraag_is_recorded_as_deviating_after_the_onderzoek(
    plan, gezin, generalist, onderzoek
):
    api = api_for(generalist)
    aanvraag = {
        "inwoner": gezin["anna"].pk,
        "omschrijving": "Scootmobiel",
        "wet": "wmo",
        "ontvangen_op": vandaag(),
        "ingediend_door": "Anna Jansen",
    }
    response = api.post(url(plan, "aanvragen"), aanvraag)
    assert response.status_code == 400 and "2.3.2 lid 9" in str(response.json())
    assert not Aanvraag.objects.exists()
    onderzoeken.gesprek_add(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        datum=vandaag(),
        plaats="Thuis",
        deelnemers=["inwoner"],
    )
    for o in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=onderzoek.medewerker.user, onderzoek=onderzoek, code=o.code, antwoord="Besproken"
        )
    onderzoeken.onderzoek_set_checks(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True,
    )
    onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=generalist.user)
    response = api.post(url(plan, "aanvragen"), aanvraag)
    assert response.status_code == 201, response.json()
    assert response.json()["afwijkend_van_advies"] is True
    assert response.json()["beslissen_uiterlijk"]


def test_merge_keeps_the_history_of_both(plan, gezin, generalist, plan_zuid):
    doel(plan, gezin, generalist)
    # Henk moved in with Anna; the plan of his former household is still active.
    tweede = plan_uit_vorig_huishouden(
        inwoner=gezin["henk"], door=generalist.user, doel="Traplift onderzoeken"
    )
    api = api_for(generalist)
    response = api.post(url(plan, "samenvoegen"), {"plannen": [plan_zuid.pk]}, format="json")
    assert response.status_code == 400 and "plannen" in response.json()
    response = api.post(url(tweede, "samenvoegen"), {"plannen": [plan.pk]}, format="json")
    assert response.status_code == 400 and "alleen die plannen" in str(response.json())
    response = api.post(url(plan, "samenvoegen"), {"plannen": [tweede.pk]}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["id"] == plan.pk
    assert {d["omschrijving"] for d in body["doelen"]} == {
        "Zelfstandig blijven (adl)",
        "Traplift onderzoeken",
    }
    tweede.refresh_from_db()
    assert tweede.status == PlanStatus.SAMENGEVOEGD and tweede.samengevoegd_in_id == plan.pk
    assert api.get(url(tweede)).json()["samengevoegd_in"] == plan.pk


def test_merging_with_a_plan_outside_the_work_area_is_a_logged_400_and_merges_nothing(
    plan, gezin, generalist, plan_zuid
):
    """A plan id in the body that is not in the login's scope (outside the work area, or none)
    is one refused row each in the access log and a Dutch 400 on `plannen` that names each;
    the plan it may merge is not merged either (ADR 0046)."""
    tweede = plan_uit_vorig_huishouden(inwoner=gezin["henk"], door=generalist.user)
    api = api_for(generalist)
    response = api.post(
        url(plan, "samenvoegen"), {"plannen": [tweede.pk, plan_zuid.pk, 987654]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["plannen"] == [
        f"Plan {plan_zuid.pk} is onbekend of valt buiten uw werkgebied.",
        "Plan 987654 is onbekend of valt buiten uw werkgebied.",
    ]
    geweigerd = Inzage.objects.filter(user=generalist.user, toegestaan=False).order_by("id")
    assert [(r.onderwerp, r.handeling, r.reden) for r in geweigerd] == [
        ("plan", "wijzigen", f"Plan {plan_zuid.pk}: niet binnen uw werkgebied of bestaat niet."),
        ("plan", "wijzigen", "Plan 987654: niet binnen uw werkgebied of bestaat niet."),
    ]
    # The page offers only the plans to merge; a tampered choice is refused and logged alike.
    client = Client()
    client.force_login(generalist.user)
    pagina = client.post(
        f"/plannen/{plan.pk}/samenvoegen/",
        {"samenvoegen-plannen": [str(tweede.pk), str(plan_zuid.pk), "987654", "9" * 30, "x"]},
    )
    assert pagina.status_code == 302 and pagina["Location"].endswith("#samenvoegen")
    assert KEUZE_FOUT in client.get(pagina["Location"]).content.decode()
    # A value that is no id at all (too long a number, a word) is refused and logged without
    # being put in a query.
    assert [r.reden for r in geweigerd.all()][2:] == [
        f"Plan {plan_zuid.pk}: niet binnen uw werkgebied of bestaat niet.",
        "Plan 987654: niet binnen uw werkgebied of bestaat niet.",
        f"Plan {'9' * 30}: niet binnen uw werkgebied of bestaat niet.",
        "Plan x: niet binnen uw werkgebied of bestaat niet.",
    ]
    voor = {p.pk: p.status for p in (tweede, plan_zuid)}
    tweede.refresh_from_db()
    plan_zuid.refresh_from_db()
    assert {p.pk: p.status for p in (tweede, plan_zuid)} == voor
    assert PlanStatus.SAMENGEVOEGD not in voor.values() and tweede.samengevoegd_in_id is None


def test_a_merged_plan_cannot_be_changed(plan, gezin, generalist):
    tweede = plan_uit_vorig_huishouden(inwoner=gezin["henk"], door=generalist.user)
    services.plan_merge(plannen=[plan, tweede], actor=generalist.user)
    kees = tweede.huishouden.leden.get(lid_tot__isnull=True).inwoner
    response = api_for(generalist).post(
        url(tweede, "doelen"),
        {
            "inwoner": kees.pk,
            "leefgebied": leefgebied("adl").pk,
            "omschrijving": "Zelf douchen",
            "doeltype": "versterken",
        },
    )
    assert response.status_code == 400 and "samengevoegd" in str(response.json())


# --- query budget -----------------------------------------------------------------------------


def _vul(plan: Plan, gezin: dict[str, Any], generalist: Medewerker, n: int) -> None:
    """n goals, each with two actions, an evaluation with a score and a proposal."""
    codes = [lg.code for lg in Leefgebied.objects.order_by("volgorde")]
    for i in range(n):
        d = doel(plan, gezin, generalist, code=codes[i % len(codes)])
        for j in range(2):
            services.actie_add(
                doel=d,
                omschrijving=f"Actie {j}",
                uitvoerder_soort=Uitvoerder.INWONER,
                uitvoerder="Anna",
                actor=generalist.user,
            )
        services.evaluatie_add(
            doel=d, datum=vandaag(), uitkomst="deels", score=3, actor=generalist.user
        )
        services.voorstel_add(
            plan=plan,
            inwoner=gezin["anna"],
            omschrijving=f"Wijkrestaurant {i}",
            wet="wmo",
            ladderstap=LadderStap.ALGEMENE_VOORZIENINGEN,
            doel=d,
            actor=generalist.user,
        )


def test_plan_detail_uses_the_same_number_of_queries_for_2_and_10_goals(
    plan, gezin, generalist, django_assert_num_queries
):
    services.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.PROFESSIONAL,
        medewerker=generalist,
        op_verzoek_van_inwoner=True,
        van=vandaag(),
        actor=generalist.user,
    )
    toestemming = toestemming_give(
        inwoner=gezin["anna"], aan="Lotte", doel="Plan", gegeven_op=vandaag(), door=generalist.user
    )
    services.deelnemer_add(
        plan=plan,
        netwerkpersoon=gezin["lotte"],
        rol="Boodschappen",
        toestemming=toestemming,
        actor=generalist.user,
    )
    _vul(plan, gezin, generalist, 2)
    api = api_for(generalist)
    api.get(url(plan))  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as few:
        response = api.get(url(plan))
    assert response.status_code == 200 and len(response.json()["doelen"]) == 2
    _vul(plan, gezin, generalist, 8)
    with django_assert_num_queries(len(few.captured_queries)):
        response = api.get(url(plan))
    body = response.json()
    assert len(body["doelen"]) == 10 and len(body["voorstellen"]) == 10
    assert all(len(d["acties"]) == 2 and len(d["evaluaties"]) == 1 for d in body["doelen"])
