"""`/api/v1/inwoners/<id>/vertegenwoordiging/`: the staff page's API — list who may act for a
resident, record a mentor or a paper machtiging, end it — through the page's services; bad
input refused in Dutch with nothing recorded; other roles, residents and another
municipality's residents refused; and the dossier page links to the page."""

from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from eenplan.inwoners.models import Netwerkpersoon
from eenplan.privacy import access
from eenplan.privacy.models import Inzage, Machtiging
from eenplan.testing import scenarios
from eenplan.testing.factories import GemeenteFactory, InwoneraccountFactory, InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak():
    return scenarios.plan(scenarios.gemeente())


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def _pad(inwoner_id: int, rest: str = "") -> str:
    return f"/api/v1/inwoners/{inwoner_id}/vertegenwoordiging/{rest}"


def _gegevens(zaak, **extra) -> dict:
    return {
        "bsn": zaak.dochter.bsn,
        "geboortedatum": zaak.dochter.geboortedatum.isoformat(),
        "soort": "mentor",
        "van": timezone.localdate().isoformat(),
        "bewijs": "Beschikking rechtbank Limburg, 2 maart 2026",
        **extra,
    }


def test_the_mid_office_records_lists_and_ends_a_mentor(zaak):
    api = _api(zaak.midoffice.user)
    leeg = api.get(_pad(zaak.inwoner.pk)).json()
    assert leeg == {"inwoner_id": zaak.inwoner.pk, "wettelijk": [], "machtigingen": []}
    response = api.post(_pad(zaak.inwoner.pk), _gegevens(zaak), format="json")
    assert response.status_code == 201, response.json()
    (mentor,) = response.json()["wettelijk"]
    assert (mentor["naam"], mentor["als_inwoner_id"], mentor["tot"]) == (
        zaak.dochter.naam,
        zaak.dochter.pk,
        None,
    )
    assert mentor["relatie"].startswith("mentor: Beschikking rechtbank Limburg")
    lotte = InwoneraccountFactory(inwoner=zaak.dochter).user
    assert access.grond_voor(lotte, zaak.inwoner.pk) == "wettelijk"
    einde = api.post(_pad(zaak.inwoner.pk, f"wettelijk/{mentor['id']}/beeindigen/"))
    assert einde.status_code == 200
    assert einde.json()["wettelijk"][0]["tot"] == timezone.localdate().isoformat()
    nogmaals = api.post(_pad(zaak.inwoner.pk, f"wettelijk/{mentor['id']}/beeindigen/"))
    assert nogmaals.status_code == 400 and "al beëindigd" in str(nogmaals.json())
    assert Inzage.objects.filter(
        user=zaak.midoffice.user, inwoner=zaak.inwoner, onderwerp="machtiging", toegestaan=True
    ).exists()


def test_the_back_office_records_and_withdraws_a_paper_machtiging(zaak):
    api = _api(zaak.backoffice.user)
    tot = timezone.localdate().replace(year=timezone.localdate().year + 1).isoformat()
    response = api.post(
        _pad(zaak.inwoner.pk), _gegevens(zaak, soort="machtiging", tot=tot), format="json"
    )
    assert response.status_code == 201, response.json()
    machtiging = Machtiging.objects.get()
    assert (machtiging.gemachtigde, machtiging.vastgelegd_door) == (
        zaak.dochter,
        zaak.backoffice.user,
    )
    assert response.json()["machtigingen"][0]["geldig"] is True
    weg = api.post(_pad(zaak.inwoner.pk, f"machtigingen/{machtiging.pk}/intrekken/"))
    assert weg.status_code == 200
    assert weg.json()["machtigingen"][0]["ingetrokken_op"] == timezone.localdate().isoformat()
    assert api.post(_pad(zaak.inwoner.pk, "machtigingen/999999/intrekken/")).status_code == 404


@pytest.mark.parametrize(
    ("extra", "veld", "fout"),
    [
        ({"bsn": "123456782"}, "bsn", "We vinden niemand in onze gemeente"),
        ({"bsn": "12ab"}, "bsn", "Een BSN heeft 9 cijfers."),
        ({"bewijs": ""}, "bewijs", "Noem de uitspraak van de rechter"),
        ({"soort": "machtiging"}, "tot", "Vul in tot wanneer de machtiging geldt."),
        ({"soort": "oom"}, "soort", "is een ongeldige keuze"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_records_nothing(zaak, extra, veld, fout):
    response = _api(zaak.midoffice.user).post(
        _pad(zaak.inwoner.pk), _gegevens(zaak, **extra), format="json"
    )
    assert response.status_code == 400
    assert fout in " ".join(map(str, response.json()[veld]))
    assert not Netwerkpersoon.objects.filter(soort="vertegenwoordiger").exists()
    assert not Machtiging.objects.exists()


def test_other_roles_residents_and_other_municipalities_are_refused(zaak):
    for user in (zaak.generalist.user, InwoneraccountFactory(inwoner=zaak.inwoner).user):
        api = _api(user)
        assert api.get(_pad(zaak.inwoner.pk)).status_code == 403
        assert api.post(_pad(zaak.inwoner.pk), _gegevens(zaak), format="json").status_code == 403
        assert Inzage.objects.filter(user=user, toegestaan=False).exists()
    elders = InwonerFactory(gemeente=GemeenteFactory(cbs_code="GM1640", naam="Leudal"))
    assert _api(zaak.midoffice.user).get(_pad(elders.pk)).status_code == 404
    assert not Netwerkpersoon.objects.filter(soort="vertegenwoordiger").exists()


def test_the_dossier_links_to_the_representation_page_for_roles_that_may(client, zaak):
    pad = f"/inwoners/{zaak.inwoner.pk}/vertegenwoordiging/"
    client.force_login(zaak.midoffice.user)
    assert f'href="{pad}"' in client.get(f"/inwoners/{zaak.inwoner.pk}/").content.decode()
    client.force_login(zaak.generalist.user)
    dossier = client.get(f"/inwoners/{zaak.inwoner.pk}/")
    assert dossier.status_code == 200 and f'href="{pad}"' not in dossier.content.decode()


def test_the_list_takes_the_same_number_of_queries_for_few_and_many(zaak):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eenplan.testing.factories import MachtigingFactory

    api = _api(zaak.midoffice.user)

    def tel() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(_pad(zaak.inwoner.pk)).status_code == 200
        return len(ctx)

    MachtigingFactory(inwoner=zaak.inwoner, gemachtigde=zaak.dochter)
    tel()  # the login's permissions and scope are cached on the first request
    weinig = tel()
    for _ in range(5):
        MachtigingFactory(inwoner=zaak.inwoner)
    assert tel() == weinig
