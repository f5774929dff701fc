"""The municipality's dated settings in the API — the appreciation of carers, the VOG term, the
municipal settings and the subscription rate — are one viewset
(`common.api.gedateerd.GedateerdeInstellingViewSet`): the same rows of the access matrix
(INSTELLINGEN × LEZEN / WIJZIGEN), the same answers, and the same order of refusals: an account
without a municipality is refused (403, logged) before its input is read."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from eenplan.privacy.models import Inzage
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db

PADEN = [
    "/api/v1/mantelzorgwaardering-regelingen/",
    "/api/v1/vog-termijnen/",
    "/api/v1/beheer/instellingen/",
    "/api/v1/beheer/abonnementstarieven/",
]


@pytest.mark.parametrize("pad", PADEN)
def test_an_account_without_a_municipality_is_refused_before_its_input_is_read(pad):
    installatie = get_user_model().objects.create_superuser("installatie", "i@example.org", "x")
    api = APIClient()
    api.force_authenticate(installatie)
    assert api.get(pad).status_code == 403
    antwoord = api.post(pad, {}, format="json")
    assert antwoord.status_code == 403, antwoord.content
    assert "gemeente" in antwoord.json()["detail"]
    assert Inzage.objects.filter(user=installatie, toegestaan=False).count() == 2


@pytest.mark.parametrize("pad", PADEN)
def test_a_role_without_the_settings_is_refused_and_logged(pad, generalist):
    api = api_for(generalist)
    assert api.get(pad).status_code == 403
    assert api.post(pad, {}, format="json").status_code == 403
    assert Inzage.objects.filter(user=generalist.user, toegestaan=False).count() == 2
