"""Issue 14: a goal of the household plan in a work-and-income life domain is linked to the
resident's trajectory or instrument, and the Werkplein consultant — a participant of the plan
with the resident's consent — sees the goal and its actions through the one access path,
logged. A goal of another domain, a plan without the Werkplein's participation, or someone
else's trajectory is refused in Dutch and nothing is stored; a withdrawn consent hides the
goal again."""

from __future__ import annotations

import pytest
from django.utils import timezone

from eenplan.participatie.models import Werkdoel
from eenplan.participatie.services import GEEN_DEELNAME, GEEN_WERKDOMEIN
from eenplan.plannen.services import deelnemer_toestemming_intrekken
from eenplan.privacy.access import Resource
from eenplan.privacy.models import Inzage
from eenplan.testing.factories import (
    ActieFactory,
    DoelFactory,
    InwonerFactory,
    PlanFactory,
    leefgebied,
    medewerker_voor,
)
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import (
    TrajectFactory,
    VerdiencapaciteitFactory,
    WerkdoelFactory,
    werkplein_deelnemer,
    werkplein_voor,
)

pytestmark = pytest.mark.django_db
WERKDOEL = "Binnen een half jaar betaald werk als kok, twintig uur per week"


@pytest.fixture
def zaak():
    plan = PlanFactory()
    doel = DoelFactory(plan=plan, leefgebied=leefgebied("dagbesteding"), omschrijving=WERKDOEL)
    ActieFactory(doel=doel, omschrijving="Sollicitatiebrief schrijven met de jobcoach")
    inwoner = doel.inwoner
    traject = TrajectFactory(verdiencapaciteit=VerdiencapaciteitFactory(inwoner=inwoner))
    return {"plan": plan, "doel": doel, "inwoner": inwoner, "traject": traject,
            "werkplein": werkplein_voor(inwoner)}


def test_the_werkplein_links_a_work_goal_on_the_page_and_sees_its_actions_logged(client, zaak):
    werkplein_deelnemer(zaak["plan"])
    werkplein = zaak["werkplein"]
    client.force_login(werkplein.user)
    pad = f"/participatie/inwoners/{zaak['inwoner'].pk}/"
    pagina = client.get(pad).content.decode()
    assert "Doel koppelen" in pagina and WERKDOEL[:40] in pagina
    antwoord = client.post(
        f"{pad}werkdoel/",
        {"werkdoel-doel": zaak["doel"].pk, "werkdoel-werk": f"traject-{zaak['traject'].pk}"},
    )
    assert antwoord.status_code == 302
    werkdoel = Werkdoel.objects.get()
    assert werkdoel.traject == zaak["traject"] and werkdoel.deelnemer.organisatie == "Werkplein"
    voor = Inzage.objects.filter(user=werkplein.user, onderwerp=Resource.PLAN).count()
    pagina = client.get(pad).content.decode()
    assert WERKDOEL in pagina
    assert "Sollicitatiebrief schrijven met de jobcoach" in pagina
    assert "Werkplein (Werkconsulent)" in pagina
    gelogd = Inzage.objects.filter(user=werkplein.user, onderwerp=Resource.PLAN, toegestaan=True)
    assert gelogd.count() > voor
    assert gelogd.filter(inwoner=zaak["inwoner"]).exists()
    # The step is in the dossier's timeline too.
    dossier = client.get(f"/inwoners/{zaak['inwoner'].pk}/").content.decode()
    assert "van het plan gekoppeld aan traject Werkspoor" in dossier


def test_without_the_werkplein_in_the_plan_the_link_is_refused(zaak):
    api = api_for(zaak["werkplein"])
    antwoord = api.post(
        "/api/v1/participatie/werkdoelen/",
        {"doel": zaak["doel"].pk, "traject": zaak["traject"].pk},
        format="json",
    )
    assert antwoord.status_code == 400
    assert GEEN_DEELNAME[:40] in str(antwoord.json())
    assert not Werkdoel.objects.exists()


def test_a_goal_of_another_life_domain_is_refused(zaak):
    werkplein_deelnemer(zaak["plan"])
    wonen = DoelFactory(plan=zaak["plan"], inwoner=zaak["inwoner"], leefgebied=leefgebied())
    antwoord = api_for(zaak["werkplein"]).post(
        "/api/v1/participatie/werkdoelen/",
        {"doel": wonen.pk, "traject": zaak["traject"].pk},
        format="json",
    )
    assert antwoord.status_code == 400
    assert GEEN_WERKDOMEIN[:40] in str(antwoord.json())
    assert not Werkdoel.objects.exists()


def test_the_trajectory_of_someone_else_is_refused(zaak):
    werkplein_deelnemer(zaak["plan"])
    ander = InwonerFactory(gemeente=zaak["inwoner"].gemeente, wijk=zaak["inwoner"].wijk)
    hun_traject = TrajectFactory(verdiencapaciteit=VerdiencapaciteitFactory(inwoner=ander))
    antwoord = api_for(zaak["werkplein"]).post(
        "/api/v1/participatie/werkdoelen/",
        {"doel": zaak["doel"].pk, "traject": hun_traject.pk},
        format="json",
    )
    assert antwoord.status_code == 400
    assert "van een ander" in str(antwoord.json())
    assert not Werkdoel.objects.exists()


def test_the_api_lists_the_goal_and_a_withdrawn_consent_hides_it(client):
    werkdoel = WerkdoelFactory()
    ActieFactory(doel=werkdoel.doel, omschrijving="Proefplaatsing bij de bakkerij")
    inwoner = werkdoel.doel.inwoner
    werkplein = werkplein_voor(inwoner)
    api = api_for(werkplein)
    rijen = api.get("/api/v1/participatie/werkdoelen/", {"inwoner": inwoner.pk}).json()
    assert rijen[0]["doel"]["acties"][0]["omschrijving"] == "Proefplaatsing bij de bakkerij"
    assert Inzage.objects.filter(
        user=werkplein.user, onderwerp=Resource.PLAN, inwoner=inwoner, toegestaan=True
    ).exists()
    deelnemer_toestemming_intrekken(
        deelnemer=werkdoel.deelnemer,
        op=timezone.localdate(),
        actor=medewerker_voor(inwoner).user,
    )
    rijen = api.get("/api/v1/participatie/werkdoelen/", {"inwoner": inwoner.pk}).json()
    assert rijen[0]["doel"] is None and rijen[0]["toestemming_geldt"] is False
    client.force_login(werkplein.user)
    pagina = client.get(f"/participatie/inwoners/{inwoner.pk}/").content.decode()
    assert "Doel niet meer zichtbaar" in pagina
    assert werkdoel.doel.omschrijving not in pagina


def test_a_generalist_reads_but_cannot_link(zaak):
    werkplein_deelnemer(zaak["plan"])
    generalist = medewerker_voor(zaak["inwoner"])
    antwoord = api_for(generalist).post(
        "/api/v1/participatie/werkdoelen/",
        {"doel": zaak["doel"].pk, "traject": zaak["traject"].pk},
        format="json",
    )
    assert antwoord.status_code == 403
    assert not Werkdoel.objects.exists()
