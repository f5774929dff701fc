"""Issue 14: functioneel beheer keeps the municipality's work-and-income setting — the route
thresholds, the region's beschut werk places and the verordening's maatregel categories — on
the settings page and in the API, dated with its source; a new version never overwrites the
old one, and bad input is refused in Dutch with nothing stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.models import Instelling
from eenplan.participatie import selectors as participatie
from eenplan.testing.helpers import api_for

pytestmark = pytest.mark.django_db

PAGINA = "/functioneel-beheer/instellingen/"
OPSLAAN = "/functioneel-beheer/instellingen/participatie/opslaan/"
BRON = "Verordening maatregelen Participatiewet Venlo 2026, art. 9"


def _invoer(**extra: str) -> dict[str, str]:
    return {
        "participatie-direct": "90",
        "participatie-werkspoor": "35",
        "participatie-beschut_werk_plaatsen": "5",
        "participatie-maatregel_1_code": "A",
        "participatie-maatregel_1_omschrijving": "Niet verschenen op een gesprek",
        "participatie-maatregel_1_percentage": "25",
        "participatie-maatregel_1_maanden": "1",
        "participatie-maatregel_1_waarschuwing": "on",
        "participatie-geldig_vanaf": timezone.localdate().isoformat(),
        "participatie-bron": BRON,
        **extra,
    }


def test_the_beheerder_stores_the_setting_on_the_page_and_it_is_used(client, beheer):
    login(client, beheer)
    pagina = client.get(PAGINA).content.decode()
    assert "Werk en inkomen (Participatiewet)" in pagina
    assert "Directe bemiddeling vanaf 100% van het minimumloon, Werkspoor vanaf 40%" in pagina
    assert "het voorbeeld van eenplan" in pagina
    antwoord = client.post(OPSLAAN, _invoer(**{"participatie-basis_versie": "0"}), follow=True)
    pagina = antwoord.content.decode()
    assert "Werk en inkomen (Participatiewet): versie 1 geldt vanaf" in pagina
    assert "Directe bemiddeling vanaf 90% van het minimumloon, Werkspoor vanaf 35%" in pagina
    assert "5 plaatsen beschut werk" in pagina
    assert "categorie A 25% gedurende 1 maand, na een waarschuwing" in pagina
    vandaag = timezone.localdate()
    drempels = participatie.drempels_op(beheer.gemeente_id, vandaag)
    assert (drempels.direct, drempels.werkspoor, drempels.bron) == (Decimal(90), Decimal(35), BRON)
    assert participatie.beschut_werk_plaatsen_op(beheer.gemeente_id, vandaag) == (5, BRON)
    regels, bron = participatie.maatregelen_op(beheer.gemeente_id, vandaag)
    assert bron == BRON and regels["A"].percentage == Decimal(25) and regels["A"].waarschuwing_eerst


def test_a_new_version_keeps_the_old_one_and_each_applies_on_its_days(client, beheer):
    login(client, beheer)
    client.post(OPSLAAN, _invoer())
    morgen = timezone.localdate() + dt.timedelta(days=1)
    client.post(
        OPSLAAN,
        _invoer(**{
            "participatie-direct": "100",
            "participatie-werkspoor": "50",
            "participatie-geldig_vanaf": morgen.isoformat(),
            "participatie-basis_versie": "1",
        }),
    )
    een, twee = Instelling.objects.filter(onderwerp="participatie").order_by("versie")
    assert (een.versie, een.waarde["werkspoor"]) == (1, "35")
    assert (twee.versie, twee.waarde["werkspoor"]) == (2, "50")
    assert participatie.drempels_op(beheer.gemeente_id, timezone.localdate()).werkspoor == 35
    assert participatie.drempels_op(beheer.gemeente_id, morgen).werkspoor == 50
    pagina = client.get(PAGINA).content.decode()
    assert "Gepland: vanaf" in pagina and "Alle versies (2)" in pagina


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("participatie-werkspoor", "95", "onder de drempel voor directe bemiddeling"),
        ("participatie-direct", "veel", "Vul een percentage in"),
        ("participatie-beschut_werk_plaatsen", "-2", "0 of meer"),
        ("participatie-maatregel_1_percentage", "150", "tussen 0 en 100"),
        ("participatie-maatregel_1_maanden", "6", "1 tot en met 3 maanden"),
        ("participatie-maatregel_1_code", "", "Geef de categorie een code"),
        ("participatie-bron", "", "Vul dit veld in"),
    ],
)
def test_bad_input_on_the_page_is_refused_in_dutch_and_nothing_is_stored(
    client, beheer, veld, waarde, melding
):
    login(client, beheer)
    antwoord = client.post(OPSLAAN, _invoer(**{veld: waarde}))
    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"]).content.decode()
    assert melding in pagina, pagina[:3000]
    assert not Instelling.objects.exists()


def test_the_api_stores_and_lists_the_setting_and_refuses_bad_input(beheer):
    api = api_for(beheer)
    vandaag = timezone.localdate().isoformat()
    lijst = api.get("/api/v1/beheer/instellingen/").json()["results"]
    nu = next(r for r in lijst if r["onderwerp"] == "participatie")
    assert nu["versie"] is None and nu["waarde"]["direct"] == "100"
    fout = api.post(
        "/api/v1/beheer/instellingen/",
        {"onderwerp": "participatie", "waarde": {"direct": "50", "werkspoor": "60"},
         "geldig_vanaf": vandaag, "bron": BRON},
        format="json",
    )
    assert fout.status_code == 400
    assert "onder de drempel voor directe bemiddeling" in str(fout.json())
    assert not Instelling.objects.exists()
    goed = api.post(
        "/api/v1/beheer/instellingen/",
        {"onderwerp": "participatie",
         "waarde": {"direct": "100", "werkspoor": "40", "beschut_werk_plaatsen": 10},
         "geldig_vanaf": vandaag, "bron": BRON},
        format="json",
    )
    assert goed.status_code == 201, goed.content
    assert goed.json()["versie"] == 1
    assert "10 plaatsen beschut werk" in goed.json()["samenvatting"]
    lijst = api.get("/api/v1/beheer/instellingen/").json()["results"]
    nu = next(r for r in lijst if r["onderwerp"] == "participatie")
    assert nu["versie"] == 1 and nu["waarde"]["beschut_werk_plaatsen"] == 10


def test_the_werkplein_cannot_change_the_setting(client, gemeente):
    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    werkplein = MedewerkerFactory(gemeente=gemeente, functie=Rol.WERKPLEIN)
    login(client, werkplein)
    assert client.post(OPSLAAN, _invoer()).status_code == 403
    assert not Instelling.objects.exists()
