"""The staff side of representation (issue 13): a mid-office or back-office staff member
records on behalf of a resident a wettelijk vertegenwoordiger (mentor, curator) or a paper
machtiging and ends it; the representative then (no longer) sees the case in the portal. Other
roles and resident logins are refused; every decision is in the access log."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.inwoners.models import Netwerkpersoon
from eenplan.privacy import access
from eenplan.privacy.models import Inzage, Machtiging
from eenplan.testing import scenarios
from eenplan.testing.factories import InwoneraccountFactory

pytestmark = pytest.mark.django_db


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def zaak():
    return scenarios.plan(scenarios.gemeente())


def _pagina(zaak) -> str:
    return reverse("vertegenwoordiging", kwargs={"inwoner_id": zaak.inwoner.pk})


def _vastleggen(zaak) -> str:
    return reverse("vertegenwoordiging-vastleggen", kwargs={"inwoner_id": zaak.inwoner.pk})


def _gegevens(zaak, **extra) -> dict[str, str]:
    return {
        "bsn": zaak.dochter.bsn,
        "geboortedatum": zaak.dochter.geboortedatum.isoformat(),
        "soort": "mentor",
        "van": timezone.localdate().isoformat(),
        "bewijs": "Beschikking rechtbank Limburg, 2 maart 2026",
        **extra,
    }


def test_the_mid_office_records_a_mentor_who_then_sees_the_case_and_ends_it(client, zaak):
    lotte = InwoneraccountFactory(inwoner=zaak.dochter).user
    assert access.grond_voor(lotte, zaak.inwoner.pk) is None
    client.force_login(zaak.midoffice.user)
    assert client.get(_pagina(zaak)).status_code == 200
    response = client.post(_vastleggen(zaak), _gegevens(zaak))
    assert response.status_code == 302
    mentor = Netwerkpersoon.objects.get(inwoner=zaak.inwoner, soort="vertegenwoordiger")
    assert (mentor.als_inwoner, mentor.sinds) == (zaak.dochter, timezone.localdate())
    assert mentor.relatie.startswith("mentor: Beschikking rechtbank Limburg")
    lotte = type(lotte).objects.get(pk=lotte.pk)  # a new request: no cached scope
    assert access.grond_voor(lotte, zaak.inwoner.pk) == "wettelijk"
    tekst = _tekst(client.get(_pagina(zaak)))
    assert "Vastgelegd: Lotte Jansen mag voor Anna Jansen handelen" in tekst
    # The decisions are in the access log, for this resident.
    assert Inzage.objects.filter(
        user=zaak.midoffice.user, inwoner=zaak.inwoner, onderwerp="machtiging", toegestaan=True
    ).exists()
    einde = reverse(
        "vertegenwoordiging-wettelijk-beeindigen",
        kwargs={"inwoner_id": zaak.inwoner.pk, "pk": mentor.pk},
    )
    assert client.post(einde).status_code == 302
    mentor.refresh_from_db()
    assert mentor.tot == timezone.localdate()
    tweede = client.post(einde, follow=True)
    assert "Dit is al beëindigd." in _tekst(tweede)
    morgen = type(lotte).objects.get(pk=lotte.pk)
    assert access.grond_voor(morgen, zaak.inwoner.pk) == "wettelijk"  # today is the last day
    assert access.vertegenwoordigden(
        morgen, vandaag=timezone.localdate() + dt.timedelta(days=1)
    ) == [access.Vertegenwoordigde(zaak.dochter.pk, "zelf")]


def test_the_back_office_records_and_withdraws_a_paper_machtiging(client, zaak):
    client.force_login(zaak.backoffice.user)
    zonder_einde = client.post(_vastleggen(zaak), _gegevens(zaak, soort="machtiging"), follow=True)
    assert "Vul in tot wanneer de machtiging geldt." in _tekst(zonder_einde)
    assert not Machtiging.objects.exists()
    tot = (timezone.localdate().replace(year=timezone.localdate().year + 1)).isoformat()
    client.post(_vastleggen(zaak), _gegevens(zaak, soort="machtiging", tot=tot))
    machtiging = Machtiging.objects.get()
    assert (machtiging.inwoner, machtiging.gemachtigde, machtiging.vastgelegd_door) == (
        zaak.inwoner,
        zaak.dochter,
        zaak.backoffice.user,
    )
    intrekken = reverse(
        "vertegenwoordiging-machtiging-intrekken",
        kwargs={"inwoner_id": zaak.inwoner.pk, "pk": machtiging.pk},
    )
    assert client.post(intrekken).status_code == 302
    machtiging.refresh_from_db()
    assert machtiging.ingetrokken_op == timezone.localdate()


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        ({"bsn": "123456782"}, "We vinden niemand in onze gemeente"),
        ({"bewijs": ""}, "Noem de uitspraak van de rechter"),
        ({"soort": ""}, "Kies wat deze persoon mag doen."),
        ({"bsn": "12ab"}, "Een BSN heeft 9 cijfers."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_records_nothing(client, zaak, extra, fout):
    client.force_login(zaak.midoffice.user)
    response = client.post(_vastleggen(zaak), _gegevens(zaak, **extra), follow=True)
    assert fout in _tekst(response)
    assert not Netwerkpersoon.objects.filter(soort="vertegenwoordiger").exists()
    assert not Machtiging.objects.exists()


def test_other_roles_and_residents_are_refused_and_logged(client, zaak):
    for user in (zaak.generalist.user, InwoneraccountFactory(inwoner=zaak.inwoner).user):
        client.force_login(user)
        assert client.get(_pagina(zaak)).status_code == 403
        assert client.post(_vastleggen(zaak), _gegevens(zaak)).status_code == 403
        assert Inzage.objects.filter(user=user, toegestaan=False).exists()
    assert not Netwerkpersoon.objects.filter(soort="vertegenwoordiger").exists()
