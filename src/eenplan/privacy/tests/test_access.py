"""The one decision point: role and need-to-know in privacy.access, every decision logged."""

import datetime as dt

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from eenplan.conftest import login
from eenplan.inwoners import services as inwoners
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db
VIA = access.Via(pad="/test/")


def test_in_scope_is_allowed_and_logged_with_resource_and_action(generalist, inwoner_noord):
    decision = access.require(
        generalist.user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_noord
    )
    assert decision.allowed
    row = Inzage.objects.get()
    assert (row.inwoner_id, row.toegestaan, row.onderwerp, row.handeling) == (
        inwoner_noord.pk, True, "dossier", "lezen"
    )
    assert row.doel == "onderzoek"  # the generalist's default purpose


def test_out_of_scope_is_refused_with_reason_and_logged(generalist, inwoner_zuid):
    with pytest.raises(access.Refused) as refused:
        access.require(
            generalist.user, Resource.DOSSIER, Action.WIJZIGEN, via=VIA, inwoner=inwoner_zuid
        )
    assert "need-to-know" in str(refused.value)
    row = Inzage.objects.get()
    assert row.toegestaan is False and row.inwoner_id == inwoner_zuid.pk
    assert row.handeling == "wijzigen" and "need-to-know" in row.reden


def test_a_role_without_the_permission_is_refused_even_in_scope(beleid, inwoner_noord):
    decision = access.decide(
        beleid.user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_noord
    )
    assert not decision.allowed and "rol" in decision.reason
    assert Inzage.objects.get().toegestaan is False


def test_household_opens_only_through_a_current_member(generalist, wijken, inwoner_noord):
    """A former member in scope does not open the household (reading and writing alike)."""
    zuid = InwonerFactory(gemeente=wijken["Zuid"].gemeente, wijk=wijken["Zuid"])
    start = dt.date(2020, 1, 1)
    huishouden = inwoners.huishouden_create(
        gemeente=zuid.gemeente, leden=[(zuid, "ouder", start), (inwoner_noord, "kind", start)]
    )
    for action in (Action.LEZEN, Action.WIJZIGEN):
        assert access.decide(
            generalist.user, Resource.HUISHOUDEN, action, via=VIA, huishouden=huishouden.pk
        ).allowed
    lid = inwoner_noord.lidmaatschappen.get()
    inwoners.huishouden_lid_end(lid=lid, lid_tot=dt.date(2021, 1, 1))
    for action in (Action.LEZEN, Action.WIJZIGEN):
        decision = access.decide(
            generalist.user, Resource.HUISHOUDEN, action, via=VIA, huishouden=huishouden.pk
        )
        assert not decision.allowed and decision.inwoner_ids == (zuid.pk,)
    assert Inzage.objects.filter(toegestaan=False, inwoner=zuid).count() == 2


def test_a_refusal_inside_a_rolled_back_transaction_is_written_again(generalist, inwoner_zuid):
    with access.collecting() as pending:
        with pytest.raises(access.Refused), transaction.atomic():
            access.require(
                generalist.user, Resource.DOSSIER, Action.LEZEN, via=VIA, inwoner=inwoner_zuid
            )
        assert not Inzage.objects.exists()  # the rollback took the row with it
        assert access.rescue(pending) == 1
    assert Inzage.objects.get().toegestaan is False


def test_api_refusal_for_lack_of_role_is_logged_as_problem_details(beleid):
    api = APIClient()
    api.force_authenticate(beleid.user)
    response = api.get("/api/v1/inwoners/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 403 and body["title"] == "Geen toegang" and body["detail"]
    row = Inzage.objects.get()
    assert row.toegestaan is False and row.inwoner_id is None and row.kanaal == "api"


def test_page_refusal_out_of_scope_is_logged(client, generalist, inwoner_zuid):
    response = login(client, generalist).get(f"/inwoners/{inwoner_zuid.pk}/")
    assert response.status_code == 403
    assert "need-to-know" in response.content.decode()
    assert Inzage.objects.get().toegestaan is False


def test_scope_is_cached_per_login_object(generalist, inwoner_noord, django_assert_max_num_queries):
    user = generalist.user
    access.inwoner_in_scope(user, inwoner_noord.pk)
    with django_assert_max_num_queries(2):
        assert access.inwoner_in_scope(user, inwoner_noord.pk)


def test_an_account_without_a_municipality_is_refused_and_logged(db):
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory

    from eenplan.privacy.api.common import user_gemeente

    request = RequestFactory().post("/api/v1/huishoudens/")
    request.user = get_user_model().objects.create_user("zwever")
    with pytest.raises(PermissionDenied, match="hoort niet bij een gemeente"):
        user_gemeente(request)
    row = Inzage.objects.get()
    assert (row.gebruikersnaam, row.toegestaan, row.kanaal) == ("zwever", False, "api")
    assert "gemeente" in row.reden


@pytest.mark.django_db
def test_a_login_without_a_municipality_is_refused_per_municipality_work_and_logged(rf):
    """gemeente_van: the one place that answers 'which municipality does this login work
    for' for pages and API; an account that is no staff member gets a 403, logged."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from eenplan.privacy.models import Inzage

    request = rf.get("/sturing/")
    request.user = get_user_model().objects.create_user("zonder-gemeente")
    with pytest.raises(PermissionDenied, match="hoort niet bij een gemeente"):
        access.gemeente_van(request, reden="Uw account hoort niet bij een gemeente.")
    assert Inzage.objects.filter(toegestaan=False, pad="/sturing/").exists()
