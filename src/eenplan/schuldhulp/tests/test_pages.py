"""Issue 14, debt help on the staff pages: what the Werkplein and the generalist see and do, that
a refusal is in Dutch and changes nothing, that reads are logged, that the back office sees no
debt data, and that the list's query count does not grow with its rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eenplan.gemeente.constants import Rol
from eenplan.meldingen.models import Melding
from eenplan.privacy.models import Inzage
from eenplan.schuldhulp.models import Contactpoging, Schuldvraag, Vroegsignaal
from eenplan.testing.factories import (
    HuishoudenFactory,
    InwonerFactory,
    PlanFactory,
    medewerker_voor,
)
from eenplan.testing.schuldhulp import SchuldvraagFactory, VroegsignaalFactory, schuldhulp_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def inwoner(gemeente, wijken):
    persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
    HuishoudenFactory(gemeente=gemeente, leden=[persoon])
    return persoon


@pytest.fixture
def werkplein(inwoner):
    return schuldhulp_voor(inwoner)


def test_werkplein_records_a_signal_that_becomes_a_melding_and_a_contact_attempt(
    client, werkplein, inwoner
):
    client.force_login(werkplein.user)
    assert "Signaal vastleggen" in client.get("/schuldhulp/signalen/nieuw/").content.decode()
    antwoord = client.post(
        "/schuldhulp/signalen/nieuw/",
        {
            "signaal-bsn": inwoner.bsn,
            "signaal-schuldeiser_soort": "energie",
            "signaal-schuldeiser": "Energie Zuid",
            "signaal-bedrag": "312,50",
            "signaal-ontvangen_op": VANDAAG.isoformat(),
            "signaal-dreiging": "afsluiting_energie",
        },
    )
    signaal = Vroegsignaal.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/schuldhulp/inwoners/{inwoner.pk}/"
    assert signaal.bedrag == Decimal("312.50")
    assert Melding.objects.get().kanaal == "vroegsignalering"
    pagina = client.get(antwoord.url).content.decode()
    assert "Energieleverancier: € 312,50" in pagina
    assert "Nog geen contact gezocht" in pagina
    assert f"Melding {signaal.melding_id} bij de voordeur" in pagina
    client.post(
        f"/schuldhulp/signalen/{signaal.pk}/contact/",
        {
            f"contact-{signaal.pk}-op": VANDAAG.isoformat(),
            f"contact-{signaal.pk}-wijze": "huisbezoek",
            f"contact-{signaal.pk}-bereikt": "on",
        },
    )
    assert Contactpoging.objects.get().bereikt
    lijst = client.get("/schuldhulp/signalen/").content.decode()
    assert "1 keer; laatst" in lijst and "Dreigende afsluiting van energie" in lijst


def test_a_bad_signal_is_refused_in_dutch_and_changes_nothing(client, werkplein, inwoner):
    client.force_login(werkplein.user)
    antwoord = client.post(
        "/schuldhulp/signalen/nieuw/",
        {
            "signaal-bsn": inwoner.bsn,
            "signaal-schuldeiser_soort": "huur",
            "signaal-schuldeiser": "Woonstichting",
            "signaal-bedrag": "-5",
            "signaal-ontvangen_op": (VANDAAG + dt.timedelta(days=3)).isoformat(),
        },
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Een achterstand is meer dan € 0." in tekst
    assert not Vroegsignaal.objects.exists() and not Melding.objects.exists()


def test_route_on_the_resident_page_and_on_the_plan(client, gemeente, wijken):
    plan = PlanFactory()
    persoon = plan.huishouden.leden.first().inwoner
    generalist = medewerker_voor(persoon, Rol.GENERALIST)
    client.force_login(generalist.user)
    basis = f"/schuldhulp/inwoners/{persoon.pk}/"
    antwoord = client.post(
        f"{basis}aanmelden/",
        {
            f"aanmelden-{persoon.pk}-verzoek_op": (VANDAAG - dt.timedelta(days=2)).isoformat(),
            f"aanmelden-{persoon.pk}-dreiging": "ontruiming",
        },
    )
    assert antwoord.status_code == 302
    vraag = Schuldvraag.objects.get()
    # a triage that leaves the threat unanswered is refused with the reason, nothing changes
    client.post(
        f"/schuldhulp/vragen/{vraag.pk}/triage/",
        {
            f"triage-{vraag.pk}-uitkomst": "info_advies",
            f"triage-{vraag.pk}-op": VANDAAG.isoformat(),
        },
    )
    pagina = client.get(basis).content.decode()
    assert "niet alleen advies of budgetcoaching" in pagina
    vraag.refresh_from_db()
    assert vraag.triage == ""
    client.post(
        f"/schuldhulp/vragen/{vraag.pk}/fase/",
        {f"fase-{vraag.pk}-fase": "eerste_gesprek", f"fase-{vraag.pk}-op": VANDAAG.isoformat()},
    )
    client.post(
        f"/schuldhulp/vragen/{vraag.pk}/triage/",
        {
            f"triage-{vraag.pk}-uitkomst": "crisisinterventie",
            f"triage-{vraag.pk}-op": VANDAAG.isoformat(),
        },
    )
    pagina = client.get(basis).content.decode()
    assert "Crisisinterventie op" in pagina
    assert "3 werkdagen" in pagina and "Beslissen uiterlijk" in pagina
    # the generalist records but does not decide the toelating
    assert "Beschikking over de toelating" not in pagina
    plan_pagina = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Schuldhulproute" in plan_pagina and "Eerste gesprek (intake)" in plan_pagina
    assert "Financi" in plan_pagina  # the goal of the life domain finances


def test_back_office_sees_no_debt_data_and_the_refusal_is_logged(client, inwoner, werkplein):
    SchuldvraagFactory(inwoner=inwoner)
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE)
    client.force_login(backoffice.user)
    assert client.get(f"/schuldhulp/inwoners/{inwoner.pk}/").status_code == 403
    assert client.get("/schuldhulp/").status_code == 403
    assert Inzage.objects.filter(user=backoffice.user, toegestaan=False).exists()


def test_reading_the_resident_page_is_logged_with_its_purpose(client, inwoner, werkplein):
    client.force_login(werkplein.user)
    assert client.get(f"/schuldhulp/inwoners/{inwoner.pk}/").status_code == 200
    rij = Inzage.objects.filter(user=werkplein.user, inwoner=inwoner, toegestaan=True).latest(
        "moment"
    )
    assert rij.doel == "werk_inkomen" and rij.onderwerp == "schuldhulp"


def test_the_lists_have_a_bounded_number_of_queries(client, gemeente, wijken):
    eerste = VroegsignaalFactory(
        inwoner=HuishoudenFactory(
            gemeente=gemeente, leden=[InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])]
        )
        .leden.first()
        .inwoner
    )
    werkplein = schuldhulp_voor(eerste.inwoner)
    client.force_login(werkplein.user)

    def tellen(pad: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(pad).status_code == 200
        return len(ctx.captured_queries)

    SchuldvraagFactory(inwoner=eerste.inwoner)
    weinig = {p: tellen(p) for p in ("/schuldhulp/", "/schuldhulp/signalen/")}
    for _ in range(4):
        persoon = InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])
        HuishoudenFactory(gemeente=gemeente, leden=[persoon])
        signaal = VroegsignaalFactory(inwoner=persoon)
        Contactpoging.objects.create(
            signaal=signaal,
            op=VANDAAG,
            wijze="brief",
            bereikt=False,
            vastgelegd_door=werkplein.user,
        )
        SchuldvraagFactory(inwoner=persoon)
    veel = {p: tellen(p) for p in weinig}
    assert veel == weinig, (weinig, veel)
    assert "5 schuldvragen" in client.get("/schuldhulp/").content.decode()
