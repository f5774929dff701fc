"""Access to plans through the one decision point (privacy.access): need-to-know counts the
*current* members of a household on pages, in the API and in the services alike; every refusal
(for lack of a role permission or outside the scope, reading or writing) leaves a row in the
access log; a professional regisseur is a medewerker who may hold plans and works for this
household."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.services import huishouden_create, huishouden_lid_end
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import selectors
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import Doeltype, RegisseurSoort
from eenplan.plannen.models import Doel, Plan, Regisseur
from eenplan.privacy import access
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import dossiertoegang_grant
from eenplan.testing.factories import InwonerFactory, MedewerkerFactory, TeamFactory
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def url(naam: str, *args) -> str:
    return reverse(f"plannen:{naam}", args=args)


@pytest.fixture
def plan(gezin, generalist):
    return plannen.plan_open(huishouden=gezin["huishouden"], actor=generalist.user)


@pytest.fixture
def verhuisd(wijken):
    """A household in Zuid in which Kees (now in Noord) was a member until last year."""
    piet = InwonerFactory(gemeente=wijken["Zuid"].gemeente, wijk=wijken["Zuid"])
    kees = InwonerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    start = dt.date(2010, 1, 1)
    huishouden = huishouden_create(
        gemeente=piet.gemeente,
        naam="Huishouden De Vries",
        leden=[(piet, Relatie.REFERENTIE, start), (kees, Relatie.PARTNER, start)],
    )
    huishouden_lid_end(
        lid=huishouden.leden.get(inwoner=kees), lid_tot=VANDAAG - dt.timedelta(days=365)
    )
    return {"huishouden": huishouden, "piet": piet, "kees": kees}


def nieuw(sinds: int):
    """The access-log rows written after row `sinds`."""
    return Inzage.objects.filter(pk__gt=sinds).order_by("id")


def laatste() -> int:
    return Inzage.objects.order_by("-id").values_list("id", flat=True).first() or 0


# --- item 1: a former member does not open the household ------------------------------------


def test_api_create_refuses_a_household_with_only_a_former_member_in_scope(verhuisd, generalist):
    response = api_for(generalist).post(
        "/api/v1/plannen/", {"huishouden": verhuisd["huishouden"].pk}, format="json"
    )
    assert response.status_code == 403
    assert "werkgebied" in response.json()["detail"]
    assert not Plan.objects.exists()
    refused = Inzage.objects.get()
    assert (refused.toegestaan, refused.inwoner_id) == (False, verhuisd["piet"].pk)
    assert refused.handeling == "aanmaken" and "werkgebied" in refused.reden


def test_api_create_does_not_return_the_existing_plan_of_such_a_household(
    client, verhuisd, generalist, generalist_zuid
):
    bestaand = plannen.plan_open(huishouden=verhuisd["huishouden"], actor=generalist_zuid.user)
    sinds = laatste()
    response = api_for(generalist).post(
        "/api/v1/plannen/", {"huishouden": verhuisd["huishouden"].pk}, format="json"
    )
    assert response.status_code == 403
    assert "doelen" not in response.json() and "versies" not in response.json()
    assert not nieuw(sinds).filter(toegestaan=True).exists()
    # The page and the API agree: neither the household view nor the plan opens.
    login(client, generalist)
    assert client.post(url("openen", verhuisd["huishouden"].pk)).status_code == 403
    assert client.get(url("detail", bestaand.pk)).status_code == 403
    assert Plan.objects.count() == 1


def test_api_create_of_an_unknown_household_is_a_dutch_400(generalist, gemeente):
    response = api_for(generalist).post("/api/v1/plannen/", {"huishouden": 999999}, format="json")
    assert response.status_code == 400 and "onbekend" in str(response.json())


def test_the_plan_scope_selector_counts_current_members_only(verhuisd, generalist, generalist_zuid):
    plan = plannen.plan_open(huishouden=verhuisd["huishouden"], actor=generalist_zuid.user)
    assert selectors.plannen_in_scope(generalist_zuid.user).filter(pk=plan.pk).exists()
    assert not selectors.plannen_in_scope(generalist.user).filter(pk=plan.pk).exists()
    assert api_for(generalist).get("/api/v1/plannen/").json()["results"] == []


# --- every refusal is logged ----------------------------------------------------------------


def test_role_refusals_on_pages_and_print_view_are_logged(client, plan, gezin, beleid):
    sinds = laatste()
    login(client, beleid)
    for pad in (
        url("detail", plan.pk),
        url("afdrukken", plan.pk),
        url("huishouden", gezin["huishouden"].pk),
    ):
        response = client.get(pad)
        assert response.status_code == 403 and "rol" in response.content.decode()
    response = client.post(url("doel", plan.pk), {})
    assert response.status_code == 403
    rows = list(nieuw(sinds))
    assert len(rows) == 4 and not any(r.toegestaan for r in rows)
    assert [r.pad for r in rows][-1] == url("doel", plan.pk)
    assert all(r.reden for r in rows)


def test_backoffice_may_read_but_a_write_is_refused_and_logged(client, plan, gezin, gemeente):
    backoffice = MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE)
    dossiertoegang_grant(
        medewerker=backoffice, inwoner=gezin["anna"], reden="Aanvraag", van=VANDAAG
    )
    login(client, backoffice)
    assert client.get(url("detail", plan.pk)).status_code == 200
    sinds = laatste()
    response = client.post(url("veiligheid", plan.pk), {"veiligheid-soort": "zorg"})
    assert response.status_code == 403
    assert [r.toegestaan for r in nieuw(sinds)] == [False]
    response = api_for(backoffice).post(
        f"/api/v1/plannen/{plan.pk}/doelen/", {"inwoner": gezin["anna"].pk}, format="json"
    )
    assert response.status_code == 403
    assert nieuw(sinds).filter(toegestaan=False, kanaal="api").count() == 1
    assert not Doel.objects.exists()


def test_scope_refusals_page_and_api_read_and_write_are_logged(
    client, plan, gezin, generalist_zuid
):
    sinds = laatste()
    login(client, generalist_zuid)
    assert client.get(url("detail", plan.pk)).status_code == 403
    assert client.post(url("doel", plan.pk), {}).status_code == 403
    api = api_for(generalist_zuid)
    assert api.get(f"/api/v1/plannen/{plan.pk}/").status_code == 403
    assert api.post(f"/api/v1/plannen/{plan.pk}/doelen/", {}, format="json").status_code == 403
    leden = {gezin["anna"].pk, gezin["henk"].pk}
    refused = nieuw(sinds).filter(toegestaan=False)
    # Each attempt is logged for every current member of the household.
    assert refused.count() == 4 * len(leden)
    assert {r.inwoner_id for r in refused} == leden
    assert {r.handeling for r in refused} == {"lezen", "wijzigen"}
    assert not nieuw(sinds).filter(toegestaan=True).exists()


# --- item 2: the services decide too ----------------------------------------------------------


def test_services_refuse_an_actor_outside_the_scope_or_without_the_role(
    plan, gezin, generalist_zuid, beleid, verhuisd, generalist
):
    # As in a request (AccessLogMiddleware): the refusals survive the services' rollback.
    with access.collecting() as pending:
        with pytest.raises(access.Refused):
            plannen.plan_open(huishouden=verhuisd["huishouden"], actor=generalist.user)
        for actor in (generalist_zuid.user, beleid.user):
            with pytest.raises(access.Refused):
                plannen.doel_add(
                    plan=plan,
                    inwoner=gezin["anna"],
                    leefgebied=Leefgebied.objects.first(),
                    omschrijving="Zelf koken",
                    doeltype=Doeltype.VERSTERKEN,
                    actor=actor,
                )
        access.rescue(pending)
    assert not Doel.objects.exists() and Plan.objects.count() == 1
    refused = Inzage.objects.filter(toegestaan=False)
    assert {r.gebruikersnaam for r in refused} == {
        generalist.user.username,
        generalist_zuid.user.username,
        beleid.user.username,
    }
    assert {r.doel for r in refused} == {"plan"}


# --- the role rule for a professional regisseur ---------------------------------------------


@pytest.fixture
def andere_medewerkers(gemeente, wijken, team_noord):
    team_zuid = TeamFactory(
        gemeente=gemeente, naam="Wijkteam Zuid", soort=TeamSoort.WIJKTEAM, wijken=[wijken["Zuid"]]
    )
    return {
        "vrijwilliger": MedewerkerFactory(
            gemeente=gemeente, functie=Rol.VRIJWILLIGER, teams=[team_noord]
        ),
        "privacy": MedewerkerFactory(gemeente=gemeente, functie=Rol.PRIVACY, teams=[team_noord]),
        "backoffice": MedewerkerFactory(
            gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team_noord]
        ),
        "zuid": MedewerkerFactory(gemeente=gemeente, functie=Rol.GENERALIST, teams=[team_zuid]),
    }


def professionele_regisseur(plan: Plan, medewerker, *, door) -> Regisseur:
    """Make `medewerker` the plan's professional regisseur at the resident's request, today."""
    return plannen.regisseur_set(
        plan=plan,
        soort=RegisseurSoort.PROFESSIONAL,
        medewerker=medewerker,
        op_verzoek_van_inwoner=True,
        van=VANDAAG,
        actor=door.user,
    )


@pytest.mark.parametrize("wie", ["vrijwilliger", "privacy", "backoffice", "zuid"])
def test_ineligible_staff_cannot_become_professional_regisseur(
    plan, generalist, andere_medewerkers, wie
):
    medewerker = andere_medewerkers[wie]
    with pytest.raises(ValidationError) as fout:
        professionele_regisseur(plan, medewerker, door=generalist)
    assert "regisseur" in str(fout.value) and str(medewerker) in str(fout.value)
    response = api_for(generalist).post(
        f"/api/v1/plannen/{plan.pk}/regisseur/",
        {
            "soort": "professional",
            "medewerker": medewerker.pk,
            "op_verzoek_van_inwoner": True,
            "van": VANDAAG.isoformat(),
        },
        format="json",
    )
    assert response.status_code == 400 and "medewerker" in response.json()
    assert not Regisseur.objects.exists()


def test_eligible_staff_a_colleague_or_someone_with_dossier_access(
    client, plan, gezin, generalist, andere_medewerkers, gemeente, team_noord
):
    collega = MedewerkerFactory(
        gemeente=gemeente, functie=Rol.JEUGDPROFESSIONAL, teams=[team_noord]
    )
    zuid = andere_medewerkers["zuid"]
    kandidaten = set(selectors.regisseur_kandidaten(huishouden=plan.huishouden))
    assert kandidaten == {generalist, collega}
    dossiertoegang_grant(medewerker=zuid, inwoner=gezin["henk"], reden="Overdracht", van=VANDAAG)
    assert zuid in set(selectors.regisseur_kandidaten(huishouden=plan.huishouden))
    regisseur = professionele_regisseur(plan, zuid, door=generalist)
    assert regisseur.medewerker == zuid
    # The form offers exactly the eligible staff.
    body = login(client, generalist).get(url("detail", plan.pk)).content.decode()
    for medewerker in (generalist, collega, zuid):
        assert f"medewerker:{medewerker.pk}" in body
    for wie in ("vrijwilliger", "privacy", "backoffice"):
        assert f"medewerker:{andere_medewerkers[wie].pk}" not in body


def test_a_member_who_has_not_moved_in_yet_does_not_make_their_wijk_team_eligible(
    plan, gezin, generalist, andere_medewerkers, wijken
):
    """The regisseur works for the household's *current* members: someone registered to move
    in next month, from Zuid, does not make Zuid's generalist eligible before that day; on it
    they do. The plan page and the service ask the same rule."""
    zuid = andere_medewerkers["zuid"]
    intrek = VANDAAG + dt.timedelta(days=30)
    nieuw = InwonerFactory(gemeente=plan.huishouden.gemeente, wijk=wijken["Zuid"])
    plan.huishouden.leden.create(inwoner=nieuw, relatie=Relatie.OVERIG, lid_van=intrek)
    assert zuid not in set(selectors.regisseur_kandidaten(huishouden=plan.huishouden))
    assert zuid in set(selectors.regisseur_kandidaten(huishouden=plan.huishouden, op=intrek))


def test_a_member_who_has_not_moved_in_yet_does_not_open_the_plan_to_their_wijk(
    client, plan, generalist_zuid, wijken
):
    """Need-to-know counts the members of today: someone registered to move in next month,
    from Zuid, does not let Zuid's generalist read the household's plan before that day — not
    on the page, not in the API, not in the scope the lists use; from that day on it does.
    Before, the access module's member list had no start date (the regisseur's rule had)."""
    intrek = VANDAAG + dt.timedelta(days=30)
    nieuw = InwonerFactory(gemeente=plan.huishouden.gemeente, wijk=wijken["Zuid"])
    plan.huishouden.leden.create(inwoner=nieuw, relatie=Relatie.OVERIG, lid_van=intrek)
    assert not selectors.plannen_in_scope(generalist_zuid.user).filter(pk=plan.pk).exists()
    assert api_for(generalist_zuid).get("/api/v1/plannen/").json()["results"] == []
    assert login(client, generalist_zuid).get(url("detail", plan.pk)).status_code == 403
    assert nieuw.pk not in set(
        access.huidige_leden(plan.huishouden_id).values_list("inwoner_id", flat=True)
    )
    op_de_dag = Plan.objects.filter(
        access.huishouden_scope_q(generalist_zuid.user, vandaag=intrek), pk=plan.pk
    )
    assert op_de_dag.exists()


def test_staff_whose_membership_here_ended_is_no_candidate_even_with_dossier_access(
    client, plan, gezin, generalist, andere_medewerkers
):
    """A regional login whose membership of this municipality ended (issue 16) no longer
    works here: its teams were emptied, and a dossier assignment it still holds for a member
    does not make it a candidate for regisseur — not on the page, not in the service."""
    from eenplan.gemeente.services import medewerker_gemeente_add, medewerker_gemeente_end
    from eenplan.testing.factories import GemeenteFactory

    zuid = andere_medewerkers["zuid"]
    dossiertoegang_grant(medewerker=zuid, inwoner=gezin["henk"], reden="Overdracht", van=VANDAAG)
    assert zuid in set(selectors.regisseur_kandidaten(huishouden=plan.huishouden))
    medewerker_gemeente_add(
        user=zuid.user, gemeente=GemeenteFactory(cbs_code="GM0988", naam="Weert")
    )
    medewerker_gemeente_end(medewerker=zuid, door=None)
    assert zuid not in set(selectors.regisseur_kandidaten(huishouden=plan.huishouden))
    body = login(client, generalist).get(url("detail", plan.pk)).content.decode()
    assert f"medewerker:{generalist.pk}" in body and f"medewerker:{zuid.pk}" not in body
    with pytest.raises(ValidationError):
        professionele_regisseur(plan, zuid, door=generalist)
