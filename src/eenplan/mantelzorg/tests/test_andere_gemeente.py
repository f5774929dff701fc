"""A carer, klus, plan or volunteer of another municipality (issue 16 with issue 15): the lookup
carries the login's municipality, so the record is not found — and that refusal is logged like
every refused access to personal data (resource, requested id, "niet binnen uw gemeente of
bestaat niet"), on the page and in the API, for a read and for a write, and nothing changes.
The other municipality's log gets nothing: the id was never looked up there
(`access.get_or_refuse`, ADR 0046)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.mantelzorg.models import (
    Belasting,
    Mantelzorger,
    Match,
    Ondersteuning,
    RespijtzorgVraag,
)
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing import factories as f
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders

pytestmark = pytest.mark.django_db


def _get(medewerker, kanaal: str, pad: str):
    if kanaal == "api":
        return api_for(medewerker).get(pad)
    return login(Client(), medewerker).get(pad)


def _controleer(elders, *, onderwerp: str, wat: str, pk: int, kanaal: str, handeling: str):
    [rij] = geweigerd_elders(elders)
    assert rij.reden == f"{wat} {pk}: {NIET_BINNEN_GEMEENTE}."
    assert (rij.onderwerp, rij.handeling, rij.kanaal) == (onderwerp, handeling, kanaal)
    # The row belongs to the login's own municipality and names no resident of the other.
    assert rij.inwoner_id is None
    assert rij.gemeente_id == elders.gemeente_id
    assert str(pk) in rij.pad


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_carer_of_another_municipality_is_a_404_and_the_refusal_is_logged(
    inwoner_noord, kanaal
):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    elders = van_elders()
    pad = f"/api/v1/mantelzorgers/{mz.pk}/" if kanaal == "api" else f"/mantelzorg/{mz.pk}/"
    response = _get(elders, kanaal, pad)
    assert response.status_code == 404
    _controleer(
        elders, onderwerp="mantelzorg", wat="Mantelzorger", pk=mz.pk, kanaal=kanaal,
        handeling="lezen",
    )
    assert not Inzage.objects.filter(inwoner=inwoner_noord, user=elders.user).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_klus_of_another_municipality_is_a_404_and_the_refusal_is_logged(inwoner_noord, kanaal):
    klus = f.KlusFactory(hulpvrager=inwoner_noord)
    elders = van_elders()
    pad = f"/api/v1/klussen/{klus.pk}/" if kanaal == "api" else f"/mantelzorg/klussen/{klus.pk}/"
    assert _get(elders, kanaal, pad).status_code == 404
    _controleer(elders, onderwerp="klus", wat="Klus", pk=klus.pk, kanaal=kanaal, handeling="lezen")


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_the_care_circle_of_another_municipalitys_plan_is_a_404_and_logged(gezin, kanaal):
    plan = f.PlanFactory(huishouden=gezin["huishouden"])
    elders = van_elders()
    if kanaal == "api":
        response = api_for(elders).get(f"/api/v1/plannen/{plan.pk}/")
    else:
        response = login(Client(), elders).get(f"/mantelzorg/plan/{plan.pk}/kring/")
    assert response.status_code == 404
    _controleer(elders, onderwerp="plan", wat="Plan", pk=plan.pk, kanaal=kanaal, handeling="lezen")
    assert not Inzage.objects.filter(inwoner=gezin["anna"], user=elders.user).exists()


def test_the_residents_carer_page_of_another_municipality_is_a_404_and_logged(inwoner_noord):
    elders = van_elders()
    response = login(Client(), elders).get(f"/mantelzorg/inwoner/{inwoner_noord.pk}/")
    assert response.status_code == 404
    _controleer(
        elders, onderwerp="mantelzorg", wat="Inwoner", pk=inwoner_noord.pk, kanaal="pagina",
        handeling="lezen",
    )


def test_writes_on_another_municipalitys_carer_and_klus_change_nothing_and_are_logged(
    inwoner_noord, wijken
):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    klus = f.KlusFactory(hulpvrager=inwoner_noord)
    vrijwilliger = f.VrijwilligerFactory(gemeente=inwoner_noord.gemeente, wijk=wijken["Noord"])
    elders = van_elders()
    pagina = login(Client(), elders)
    response = pagina.post(
        f"/mantelzorg/{mz.pk}/ondersteuning/",
        {"basisfunctie": "informatie", "aanbieder": "Steunpunt", "datum": "2026-01-05"},
    )
    assert response.status_code == 404
    api = api_for(elders)
    response = api.post(
        f"/api/v1/mantelzorgers/{mz.pk}/respijt/",
        {"inwoner": inwoner_noord.pk, "soort": "dag", "gevraagd_op": str(timezone.localdate()),
         "uren_gevraagd": "4"},
        format="json",
    )
    assert response.status_code == 404
    response = api.post(
        f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": vrijwilliger.pk}, format="json"
    )
    assert response.status_code == 404
    assert not Ondersteuning.objects.exists()
    assert not RespijtzorgVraag.objects.exists()
    assert not Match.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [(r.onderwerp, r.handeling, r.kanaal) for r in rijen] == [
        ("mantelzorg", "wijzigen", "pagina"),
        ("mantelzorg", "wijzigen", "api"),
        ("klus", "wijzigen", "api"),
    ]
    assert all(NIET_BINNEN_GEMEENTE in r.reden for r in rijen)


def test_an_id_that_exists_nowhere_is_the_same_404_with_the_same_refusal(generalist):
    """Whether the id exists in another municipality is not told: the same answer."""
    response = api_for(generalist).get("/api/v1/mantelzorgers/987654/")
    assert response.status_code == 404
    [rij] = geweigerd_elders(generalist)
    assert rij.reden == f"Mantelzorger 987654: {NIET_BINNEN_GEMEENTE}."


def test_a_volunteer_of_another_municipality_is_a_404_and_logged(wijken):
    vrijwilliger = f.VrijwilligerFactory(gemeente=wijken["Noord"].gemeente, wijk=wijken["Noord"])
    elders = van_elders(Rol.WERKPLEIN)
    assert api_for(elders).get(f"/api/v1/vrijwilligers/{vrijwilliger.pk}/").status_code == 404
    _controleer(
        elders, onderwerp="vrijwilliger", wat="Vrijwilliger", pk=vrijwilliger.pk, kanaal="api",
        handeling="lezen",
    )


def test_within_the_own_municipality_nothing_changes(generalist, inwoner_noord):
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    assert api_for(generalist).get(f"/api/v1/mantelzorgers/{mz.pk}/").status_code == 200
    assert login(Client(), generalist).get(f"/mantelzorg/{mz.pk}/").status_code == 200
    assert not geweigerd_elders(generalist)


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_reads_in_the_own_municipality_are_logged_in_the_residents_municipality(
    generalist, inwoner_noord, kanaal
):
    """The carer list, a carer and a klus log the resident they show in the resident's own
    municipality, as read with the rows (no lookup across municipalities, issue 16)."""
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    klus = f.KlusFactory(hulpvrager=inwoner_noord)
    if kanaal == "api":
        paden = ["/api/v1/mantelzorgers/", f"/api/v1/mantelzorgers/{mz.pk}/"]
        paden += ["/api/v1/klussen/", f"/api/v1/klussen/{klus.pk}/"]
    else:
        paden = ["/mantelzorg/", f"/mantelzorg/{mz.pk}/"]
        paden += ["/mantelzorg/klussen/", f"/mantelzorg/klussen/{klus.pk}/"]
    for pad in paden:
        voor = Inzage.objects.filter(user=generalist.user).count()
        assert _get(generalist, kanaal, pad).status_code == 200, pad
        rijen = list(Inzage.objects.filter(user=generalist.user).order_by("id")[voor:])
        assert {(r.inwoner_id, r.gemeente_id, r.toegestaan) for r in rijen} == {
            (inwoner_noord.pk, inwoner_noord.gemeente_id, True)
        }, pad


def _van_elders_met_onderzoek():
    """A resident of the other municipality with a network person and a running onderzoek
    there, and that municipality's generalist."""
    from eenplan.inwoners.services import netwerkpersoon_add
    from eenplan.onderzoeken import services as onderzoeken
    from eenplan.testing.onderzoek import melding_voor

    daar_generalist = van_elders(Rol.GENERALIST)
    team = daar_generalist.teams.get()
    daar = f.InwonerFactory(gemeente=daar_generalist.gemeente, wijk=team.wijken.get())
    midoffice = f.MedewerkerFactory(
        gemeente=daar_generalist.gemeente, functie=Rol.MIDOFFICE, teams=[team]
    )
    melding = melding_voor(daar, midoffice, daar_generalist)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=daar_generalist.user)
    persoon = netwerkpersoon_add(inwoner=daar, soort="mantelzorger", naam="Piet", relatie="zoon")
    return daar_generalist, onderzoek, persoon


def test_records_of_another_municipality_named_in_a_mantelzorg_body_are_a_logged_400(
    inwoner_noord, generalist
):
    """The network person of a carer's registration, the onderzoek of a burden record and the
    volunteer of a klus match are looked up within the login's municipality: another
    municipality's answers like an unknown id — a Dutch 400 on the field; before, the onderzoek
    was refused on need-to-know (a 403 logged in *that* municipality's log) and the volunteer
    'van een andere gemeente' — the refusal is logged in the login's own municipality, and
    nothing is written."""
    daar_generalist, onderzoek, persoon = _van_elders_met_onderzoek()
    vrijwilliger = f.VrijwilligerFactory(
        gemeente=daar_generalist.gemeente, wijk=daar_generalist.teams.get().wijken.get()
    )
    mz = f.MantelzorgerFactory(verzorgde=inwoner_noord)
    klus = f.KlusFactory(hulpvrager=inwoner_noord)
    api = api_for(generalist)
    voor = (Mantelzorger.objects.count(), Belasting.objects.count(), Match.objects.count())
    antwoorden = [
        api.post(
            "/api/v1/mantelzorgers/",
            {"verzorgde": inwoner_noord.pk, "naam": "Piet", "uren_per_week": "3",
             "sinds": "2025-01-01", "netwerkpersoon": persoon.pk},
            format="json",
        ),
        api.post(
            f"/api/v1/mantelzorgers/{mz.pk}/belasting/",
            {"onderzoek": onderzoek.pk, "zorgrelatie": mz.zorgrelaties.get().pk,
             "overbelast": True, "vastgesteld_op": timezone.localdate().isoformat()},
            format="json",
        ),
        api.post(
            f"/api/v1/klussen/{klus.pk}/koppelen/", {"vrijwilliger": vrijwilliger.pk},
            format="json",
        ),
    ]  # fmt: skip
    assert [a.status_code for a in antwoorden] == [400] * 3
    assert [a.json() for a in antwoorden] == [
        {"netwerkpersoon": [f"Netwerkpersoon {persoon.pk} is onbekend in uw gemeente."]},
        {"onderzoek": [f"Onderzoek {onderzoek.pk} is onbekend in uw gemeente."]},
        {"vrijwilliger": [f"Vrijwilliger {vrijwilliger.pk} is onbekend in uw gemeente."]},
    ]
    assert (Mantelzorger.objects.count(), Belasting.objects.count(), Match.objects.count()) == voor
    rijen = geweigerd_elders(generalist)
    assert [(r.onderwerp, r.handeling, r.reden, r.inwoner_id) for r in rijen] == [
        ("mantelzorg", "aanmaken", f"Netwerkpersoon {persoon.pk}: {NIET_BINNEN_GEMEENTE}.", None),
        ("onderzoek", "wijzigen", f"Onderzoek {onderzoek.pk}: {NIET_BINNEN_GEMEENTE}.", None),
        ("klus", "wijzigen", f"Vrijwilliger {vrijwilliger.pk}: {NIET_BINNEN_GEMEENTE}.", None),
    ]
    assert {r.gemeente_id for r in rijen} == {generalist.gemeente_id}
    # Nothing about the other municipality's resident in either log.
    assert not Inzage.objects.filter(user=generalist.user, inwoner=onderzoek.inwoner_id).exists()
