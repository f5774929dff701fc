"""Query budgets: the dossier (page and API), the household page and the header search keep
the same number of SQL queries whether a resident's case has one event or fifty (many
meldingen, onderzoeken, plan versions, aanvragen, beschikkingen and bezwaren).

The case is built with the shared scenarios (one whole case for Anna, through the services)
and then grown with the factories; the counts are compared on the same URLs as a user opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from eenplan.events.models import Gebeurtenis
from eenplan.testing import scenarios
from eenplan.testing.factories import (
    AanvraagFactory,
    BeschikkingFactory,
    BezwaarFactory,
    InwonerFactory,
    MeldingFactory,
    OnderzoekFactory,
)

pytestmark = pytest.mark.django_db

# Parts of the dossier that are empty for a resident with a single melding skip their query
# (an empty list prefetches nothing); everything else is the same. A small constant, never a
# number that grows with the case.
LEGE_DELEN = 6


@dataclass
class Meting:
    queries: int
    body: str


def _meet(doe: Callable[[], Any]) -> Meting:
    doe()  # warm-up: session, permissions, content types
    with CaptureQueriesContext(connection) as gevangen:
        antwoord = doe()
    assert antwoord.status_code == 200, antwoord.status_code
    return Meting(len(gevangen.captured_queries), antwoord.content.decode())


def _queries_tekst(gevangen: CaptureQueriesContext) -> str:
    return "\n".join(q["sql"][:160] for q in gevangen.captured_queries)


def _groei(s: scenarios.MetBezwaar, *, rondes: int) -> None:
    """Grow Anna's case: per round a melding assigned to the generalist with an onderzoek
    (verslag final), a goal on the household plan (a new plan version), an aanvraag decided
    by the back office with the letter sent, and a bezwaar against it."""
    from eenplan.onderzoeken.models import Leefgebied
    from eenplan.plannen import services as plannen

    huisvesting = Leefgebied.objects.get(code="huisvesting")
    for i in range(rondes):
        melding = MeldingFactory(
            inwoner=s.inwoner,
            door=s.midoffice,
            medewerker=s.generalist,
            toegewezen=True,
            vraag=f"Nieuwe vraag {i}: de trap wordt te zwaar.",
        )
        OnderzoekFactory(melding=melding, definitief=True)
        scenarios.als(
            plannen.doel_add,
            s.generalist,
            plan=s.plan,
            inwoner=s.inwoner,
            leefgebied=huisvesting,
            omschrijving=f"Doel {i}: veilig de trap op",
            doeltype="stabiliseren",
        )
        aanvraag = AanvraagFactory(
            inwoner=s.inwoner, door=s.backoffice, omschrijving=f"Trapliftaanvraag {i}"
        )
        beschikking = BeschikkingFactory(
            aanvraag=aanvraag, voorziening=s.hh, actor=s.backoffice, verzonden=True
        )
        BezwaarFactory(beschikking=beschikking, inwoner=s.inwoner, actor=s.backoffice)


def _gebeurtenissen(inwoner: Any) -> int:
    return Gebeurtenis.objects.filter(inwoner=inwoner).count()


@pytest.fixture
def zaak() -> scenarios.MetBezwaar:
    """Anna's whole case once (melding → onderzoek → signed plan → beschikking → bezwaar)."""
    return scenarios.bezwaar(scenarios.gemeente())


def _paginas(s: scenarios.MetBezwaar, client: Client, api: APIClient) -> dict[str, Meting]:
    anna = s.inwoner
    return {
        "dossierpagina": _meet(lambda: client.get(f"/inwoners/{anna.pk}/")),
        "dossier-API": _meet(lambda: api.get(f"/api/v1/dossiers/{anna.pk}/")),
        "huishoudenpagina": _meet(lambda: client.get(f"/plannen/huishouden/{s.huishouden.pk}/")),
        "zoeken op naam": _meet(lambda: client.get("/zoeken/", {"q": anna.achternaam})),
        "zoeken op nummer": _meet(lambda: client.get("/zoeken/", {"q": str(s.melding.pk)})),
    }


@pytest.mark.parametrize("rol", ["generalist", "backoffice"])
def test_dossier_huishouden_en_zoeken_blijven_vlak_van_een_tot_vijftig_gebeurtenissen(
    zaak: scenarios.MetBezwaar, rol: str
) -> None:
    medewerker = getattr(zaak, rol)
    client = Client()
    client.force_login(medewerker.user)
    api = APIClient()
    api.force_authenticate(medewerker.user)

    voor = _paginas(zaak, client, api)
    _groei(zaak, rondes=6)
    assert _gebeurtenissen(zaak.inwoner) >= 50, _gebeurtenissen(zaak.inwoner)
    na = _paginas(zaak, client, api)

    # What the user sees grew with the case...
    tijdlijn = [m["dossierpagina"].body.count("<time datetime") for m in (voor, na)]
    assert tijdlijn[1] > tijdlijn[0], tijdlijn
    assert na["dossier-API"].body.count('"omschrijving"') > voor["dossier-API"].body.count(
        '"omschrijving"'
    )
    # ...but the number of queries did not.
    verschil = {
        naam: (voor[naam].queries, na[naam].queries)
        for naam in voor
        if voor[naam].queries != na[naam].queries
    }
    assert not verschil, f"meer queries met meer gebeurtenissen (voor, na): {verschil}"


def test_dossier_van_een_gebeurtenis_en_van_vijftig_scheelt_een_vaste_paar_queries(
    zaak: scenarios.MetBezwaar,
) -> None:
    """A resident with one melding (one event) against Anna with fifty-odd events: the same
    page costs at most a small constant more, not a number that grows with the case."""
    s = zaak
    een = InwonerFactory(gemeente=s.gemeente, wijk=s.wijken["Noord"], achternaam="Eenmalig")
    MeldingFactory(inwoner=een, door=s.midoffice, medewerker=s.generalist, toegewezen=True)
    _groei(s, rondes=6)
    assert _gebeurtenissen(een) <= 2 and _gebeurtenissen(s.inwoner) >= 50

    client = Client()
    client.force_login(s.generalist.user)
    api = APIClient()
    api.force_authenticate(s.generalist.user)
    for pad in ("/inwoners/{}/", "/api/v1/dossiers/{}/"):
        doe = client.get if pad.startswith("/inwoners") else api.get
        klein = _meet(lambda pad=pad, doe=doe: doe(pad.format(een.pk)))
        client.get(pad.format(s.inwoner.pk))
        with CaptureQueriesContext(connection) as groot:
            antwoord = doe(pad.format(s.inwoner.pk))
        assert antwoord.status_code == 200
        assert klein.queries <= len(groot.captured_queries) <= klein.queries + LEGE_DELEN, (
            pad,
            klein.queries,
            _queries_tekst(groot),
        )
