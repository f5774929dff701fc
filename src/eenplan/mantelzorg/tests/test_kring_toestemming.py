"""The care circle through the portal's API (issue 15): with the resident's consent a network
person sees the action assigned to them; once the resident withdraws that consent the action is
gone again and cannot be marked done — the refusal logged, nothing changed."""

from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.plannen.models import Actie, Deelnemer
from eenplan.privacy.models import Inzage
from eenplan.privacy.services import toestemming_withdraw
from eenplan.testing import factories as f

pytestmark = pytest.mark.django_db


def test_withdrawn_consent_hides_the_action_again_in_the_api():
    toewijzing = f.KringToewijzingFactory(
        actie=f.ActieFactory(omschrijving="Boodschappen op dinsdag", uitvoerder_soort="netwerk")
    )
    account = f.InwoneraccountFactory(inwoner=toewijzing.netwerkpersoon.als_inwoner)
    api = APIClient()
    api.force_authenticate(account.user)
    assert [r["omschrijving"] for r in api.get("/api/v1/portaal/kring/").json()] == [
        "Boodschappen op dinsdag"
    ]
    deelnemer = Deelnemer.objects.get(netwerkpersoon=toewijzing.netwerkpersoon)
    toestemming_withdraw(toestemming=deelnemer.toestemming, op=timezone.localdate())
    assert api.get("/api/v1/portaal/kring/").json() == []
    response = api.post(f"/api/v1/portaal/kring/{toewijzing.actie_id}/gedaan/")
    assert response.status_code == 404
    assert Actie.objects.get(pk=toewijzing.actie_id).gedaan_op is None
    assert Inzage.objects.filter(user=account.user, onderwerp="kring", toegestaan=False).exists()
