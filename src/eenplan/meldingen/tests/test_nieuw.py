"""The new-melding form: pre-filled from the dossier within need-to-know, a length limit on the
vraag with a counter, all errors at once, and POST/redirect/GET after success."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.conftest import login
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.meldingen.models import Melding
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, WijkFactory

pytestmark = pytest.mark.django_db
NIEUW = reverse("meldingen:nieuw")


@pytest.fixture
def andere_gemeente_inwoner(db):
    maastricht = GemeenteFactory(cbs_code="GM0935", naam="Maastricht")
    wijk = WijkFactory(gemeente=maastricht, naam="Centrum")
    return InwonerFactory(gemeente=maastricht, wijk=wijk)


def formdata(inwoner, **overrides) -> dict:
    data = {
        "bsn": inwoner.bsn,
        "onbekende_persoon": "",
        "melder_soort": MelderSoort.NETWERK,
        "kanaal": Kanaal.TELEFOON,
        "domeinen": ["wmo"],
        "urgentie": "normaal",
        "vraag": "Mijn moeder redt het thuis niet meer alleen.",
        "ontvangen_op": timezone.localdate().isoformat(),
    }
    data.update(overrides)
    return data


def test_from_the_dossier_the_resident_is_pre_filled_and_the_lookup_logged(
    client, midoffice, inwoner_noord
):
    login(client, midoffice)
    response = client.get(NIEUW, {"inwoner": inwoner_noord.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'value="{inwoner_noord.bsn}"' in body
    assert "Melding voor" in body and inwoner_noord.naam in body
    assert Inzage.objects.filter(
        user=midoffice.user, inwoner=inwoner_noord, toegestaan=True
    ).exists()


def test_a_resident_outside_need_to_know_is_not_pre_filled_but_refused_and_logged(
    client, midoffice, andere_gemeente_inwoner
):
    login(client, midoffice)
    response = client.get(NIEUW, {"inwoner": andere_gemeente_inwoner.pk})
    assert response.status_code == 403
    assert andere_gemeente_inwoner.bsn not in response.content.decode()
    assert Inzage.objects.filter(
        user=midoffice.user, inwoner=andere_gemeente_inwoner, toegestaan=False
    ).exists()


@pytest.mark.parametrize("waarde", ["999999", "abc", "１２"])
def test_an_unknown_resident_is_a_404(client, midoffice, waarde):
    login(client, midoffice)
    assert client.get(NIEUW, {"inwoner": waarde}).status_code == 404


def test_the_vraag_has_a_visible_counter_and_a_limit_of_5000(client, midoffice, inwoner_noord):
    login(client, midoffice)
    assert "0 van 5000 tekens" in client.get(NIEUW).content.decode()
    response = client.post(NIEUW, formdata(inwoner_noord, vraag="x" * 100_000))
    body = response.content.decode()
    assert response.status_code == 400
    assert "De vraag is 100.000 tekens lang; er passen er ten hoogste 5.000." in body
    assert "100000 van 5000 tekens" in body
    assert Melding.objects.count() == 0
    response = client.post(NIEUW, formdata(inwoner_noord, vraag="x" * 5000))
    assert response.status_code == 302 and Melding.objects.count() == 1


def test_all_errors_at_once(client, midoffice, inwoner_noord):
    """An input error (no channel) does not hide what the service refuses (no reporter, no
    life domain, a vraag too long)."""
    login(client, midoffice)
    response = client.post(
        NIEUW,
        formdata(inwoner_noord, kanaal="", melder_soort="", domeinen=[], vraag="x" * 5001),
    )
    body = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Kies hoe de melding binnenkwam.",
        "Vul in wie de melding doet",
        "Kies ten minste één leefgebied",
        "ten hoogste 5.000",
    ):
        assert message in body, message
    assert Melding.objects.count() == 0


def test_success_redirects_so_a_reload_registers_nothing_twice(client, midoffice, inwoner_noord):
    login(client, midoffice)
    response = client.post(NIEUW, formdata(inwoner_noord))
    melding = Melding.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meldingen:detail", args=[melding.pk])
    assert client.get(response["Location"]).status_code == 200
