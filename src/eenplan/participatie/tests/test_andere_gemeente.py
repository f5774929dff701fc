"""A resident of another municipality in work and income (ADR 0046): the tegenprestatie API that
names them in its body answers a Dutch 400 on the field `inwoner`, the work pages that name them
in the URL a 404 — both the same as for a resident that exists nowhere, both a refused row in
the access log of the login's own municipality (resource, action, "Inwoner <id>: niet binnen uw
gemeente of bestaat niet."), nothing about the other municipality's resident, nothing changed.
An aanvraag levensonderhoud, a measurement and a traject are found the same way: by id within
the login's municipality."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from eenplan.conftest import login
from eenplan.gemeente.constants import Rol
from eenplan.participatie import services
from eenplan.participatie.models import (
    Instrument,
    LevensonderhoudAanvraag,
    Maatregel,
    Tegenprestatie,
    Traject,
    Voorschot,
    Werkdoel,
)
from eenplan.privacy.access import NIET_BINNEN_GEMEENTE
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import InwonerFactory
from eenplan.testing.helpers import api_for, geweigerd_elders, van_elders
from eenplan.testing.participatie import (
    LevensonderhoudAanvraagFactory,
    TrajectFactory,
    VerdiencapaciteitFactory,
    WerkdoelFactory,
    WerkgeverFactory,
    werkplein_voor,
)

pytestmark = pytest.mark.django_db


def _tegenprestatie(inwoner_id: int) -> dict[str, object]:
    begin = timezone.localdate()
    return {
        "inwoner": inwoner_id,
        "omschrijving": "Tuinonderhoud bij ouderen in de wijk",
        "uren_per_week": "3",
        "begin": begin.isoformat(),
        "einde": (begin + dt.timedelta(days=90)).isoformat(),
        "naar_vermogen": "Werkt graag buiten.",
        "onbetaald": True,
        "additioneel": True,
        "gericht_op_arbeidsinschakeling": False,
        "maatschappelijk_nuttig": True,
    }


@pytest.fixture
def hier(gemeente, wijken):
    return InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])


def test_the_tegenprestatie_api_refuses_and_logs_a_resident_of_another_municipality(hier):
    elders = van_elders(Rol.WERKPLEIN)
    api = api_for(elders)
    pad = "/api/v1/participatie/tegenprestaties/"
    daar = api.post(pad, _tegenprestatie(hier.pk), format="json")
    nergens = api.post(pad, _tegenprestatie(hier.pk + 1000), format="json")
    assert daar.status_code == nergens.status_code == 400
    assert daar.json()["inwoner"] == [f"Inwoner {hier.pk} is onbekend in uw gemeente."]
    assert nergens.json()["inwoner"] == [f"Inwoner {hier.pk + 1000} is onbekend in uw gemeente."]
    assert not Tegenprestatie.objects.exists()
    rijen = geweigerd_elders(elders)
    assert [r.reden for r in rijen] == [
        f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.",
        f"Inwoner {hier.pk + 1000}: {NIET_BINNEN_GEMEENTE}.",
    ]
    assert {(r.onderwerp, r.handeling, r.inwoner_id, r.gemeente_id) for r in rijen} == {
        ("participatie", "aanmaken", None, elders.gemeente_id)
    }
    assert not Inzage.objects.filter(inwoner=hier).exists()


def test_the_tegenprestatie_page_refuses_and_logs_a_resident_of_another_municipality(hier):
    elders = van_elders(Rol.WERKPLEIN)
    client = login(Client(), elders)
    antwoord = client.post(f"/participatie/inwoners/{hier.pk}/tegenprestatie/", {})
    assert antwoord.status_code == 404
    assert client.get(f"/participatie/inwoners/{hier.pk}/").status_code == 404
    assert not Tegenprestatie.objects.exists()
    assert [(r.reden, r.onderwerp, r.handeling) for r in geweigerd_elders(elders)] == [
        (f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "participatie", "aanmaken"),
        (f"Inwoner {hier.pk}: {NIET_BINNEN_GEMEENTE}.", "participatie", "lezen"),
    ]
    # the other municipality's resident gets no rows: nothing of theirs was read
    assert not Inzage.objects.filter(inwoner=hier).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_an_aanvraag_levensonderhoud_of_another_municipality_is_a_404_and_changes_nothing(
    kanaal,
):
    """Found by id within the login's municipality (issue 16): another municipality's aanvraag
    answers the 404 of one that does not exist — not a refusal that tells it exists — for a
    read and a write; the refusal is logged in the login's own municipality."""
    lo = LevensonderhoudAanvraagFactory()
    elders = van_elders(Rol.WERKPLEIN)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/participatie/levensonderhoud/{lo.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}voorschot/", {}, format="json")]
    else:
        client = login(Client(), elders)
        pad = f"/participatie/aanvragen/{lo.pk}/"
        antwoorden = [client.get(pad), client.post(f"{pad}voorschot/", {})]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert [(r.reden, r.handeling, r.inwoner_id) for r in geweigerd_elders(elders)] == [
        (f"Aanvraag levensonderhoud {lo.pk}: {NIET_BINNEN_GEMEENTE}.", "lezen", None),
        (f"Aanvraag levensonderhoud {lo.pk}: {NIET_BINNEN_GEMEENTE}.", "wijzigen", None),
    ]
    assert not Voorschot.objects.exists()
    assert not Inzage.objects.filter(inwoner=lo.inwoner, user=elders.user).exists()


@pytest.mark.parametrize("kanaal", ["pagina", "api"])
def test_a_traject_of_another_municipality_is_a_404_and_changes_nothing(kanaal):
    traject = TrajectFactory()
    stappen = traject.stappen.count()
    elders = van_elders(Rol.WERKPLEIN)
    if kanaal == "api":
        api = api_for(elders)
        pad = f"/api/v1/participatie/trajecten/{traject.pk}/"
        antwoorden = [api.get(pad), api.post(f"{pad}stap/", {}, format="json")]
    else:
        client = login(Client(), elders)
        vc = traject.verdiencapaciteit
        antwoorden = [
            client.post(f"/participatie/metingen/{vc.pk}/traject/", {}),
            client.post(f"/participatie/trajecten/{traject.pk}/stap/", {}),
        ]
    assert [a.status_code for a in antwoorden] == [404, 404]
    assert len(geweigerd_elders(elders)) == 2
    assert traject.stappen.count() == stappen
    assert Traject.objects.count() == 1


def test_records_of_another_municipality_named_in_a_create_body_are_a_logged_400(hier):
    """Every work-and-income create that names a record in its body — the household of an
    aanvraag levensonderhoud, the measurement a traject starts from, the employer of an
    instrument, the aanvraag of a maatregel, the plan goal of a werkdoel — looks it up within
    the login's municipality: another municipality's answers like an unknown id (a Dutch 400
    on that field), the refusal is logged in the login's own municipality, and nothing is
    created."""
    vandaag = timezone.localdate().isoformat()
    lo = LevensonderhoudAanvraagFactory()
    vc = VerdiencapaciteitFactory(inwoner=hier)
    werkgever = WerkgeverFactory(gemeente=hier.gemeente)
    doel = WerkdoelFactory().doel
    elders = van_elders(Rol.WERKPLEIN)
    daar = InwonerFactory(gemeente=elders.gemeente, wijk=elders.teams.get().wijken.get())
    api = api_for(elders)
    gevallen = [
        (
            "levensonderhoud",
            {"huishouden": lo.huishouden_id, "inwoner": daar.pk, "gemeld_op": vandaag,
             "ontvangen_op": vandaag},
            "huishouden", "Huishouden", lo.huishouden_id,
        ),
        (
            "trajecten", {"verdiencapaciteit": vc.pk, "begonnen_op": vandaag},
            "verdiencapaciteit", "Meting verdiencapaciteit", vc.pk,
        ),
        (
            "instrumenten",
            {"inwoner": daar.pk, "soort": "jobcoach", "begin": vandaag, "werkgever": werkgever.pk},
            "werkgever", "Werkgever", werkgever.pk,
        ),
        (
            "maatregelen",
            {"aanvraag": lo.pk, "soort": "waarschuwing", "categorie": "1",
             "gedraging": "Niet verschenen.", "besloten_op": vandaag},
            "aanvraag", "Aanvraag levensonderhoud", lo.pk,
        ),
        ("werkdoelen", {"doel": doel.pk}, "doel", "Doel", doel.pk),
    ]  # fmt: skip
    tellingen = [
        m.objects.count()
        for m in (LevensonderhoudAanvraag, Traject, Instrument, Maatregel, Werkdoel)
    ]
    for route, body, veld, wat, pk in gevallen:
        antwoord = api.post(f"/api/v1/participatie/{route}/", body, format="json")
        assert antwoord.status_code == 400, (route, antwoord.content)
        assert antwoord.json()[veld] == [f"{wat} {pk} is onbekend in uw gemeente."], route
    assert [
        m.objects.count()
        for m in (LevensonderhoudAanvraag, Traject, Instrument, Maatregel, Werkdoel)
    ] == tellingen
    rijen = geweigerd_elders(elders)
    assert [(r.handeling, r.reden) for r in rijen] == [
        (handeling, f"{wat} {pk}: {NIET_BINNEN_GEMEENTE}.")
        for handeling, (_, _, _, wat, pk) in zip(
            ("aanmaken", "aanmaken", "aanmaken", "beslissen", "wijzigen"), gevallen, strict=True
        )
    ]
    assert {(r.onderwerp, r.inwoner_id, r.gemeente_id) for r in rijen} == {
        ("participatie", None, elders.gemeente_id)
    }


def test_within_the_own_municipality_the_work_pages_read_and_log_the_resident_there():
    """The consultant of the resident's municipality reads the granted aanvraag (its
    maatregelen: the resident receives bijstand), the work page with the aanvraag, and the
    aanvraag and traject in the API — each read held to that municipality (issue 16) — and
    every row logged names the resident in the resident's own municipality."""
    lo = LevensonderhoudAanvraagFactory()
    inwoner = lo.inwoner
    werkplein = werkplein_voor(inwoner)
    services.levensonderhoud_beslissen(
        actor=werkplein.user,
        lo=lo,
        besloten_op=timezone.localdate(),
        toekennen=True,
        ingangsdatum=lo.gemeld_op,
        motivering="Geen inkomen, geen vermogen.",
    )
    traject = TrajectFactory(verdiencapaciteit__inwoner=inwoner)
    client = login(Client(), werkplein)
    aanvraag = client.get(f"/participatie/aanvragen/{lo.pk}/").content.decode()
    assert "Maatregelen (Participatiewet art. 18 lid 2)" in aanvraag
    werk = client.get(f"/participatie/inwoners/{inwoner.pk}/").content.decode()
    assert f"Aanvraag {lo.pk}</a>" in werk
    api = api_for(werkplein)
    assert api.get(f"/api/v1/participatie/levensonderhoud/{lo.pk}/").status_code == 200
    antwoord = api.get(f"/api/v1/participatie/trajecten/{traject.pk}/")
    assert antwoord.status_code == 200 and antwoord.json()["id"] == traject.pk
    rijen = Inzage.objects.filter(user=werkplein.user, kanaal__in=["pagina", "api"])
    assert rijen.filter(kanaal="api").count() >= 2
    assert {(r.inwoner_id, r.gemeente_id, r.toegestaan) for r in rijen} == {
        (inwoner.pk, inwoner.gemeente_id, True)
    }
