"""Issue 14: the Werkplein takes part in the household plan as an explicit kind of participant
("Werkplein (consulent werk en inkomen)", `plannen.Deelnemer.soort`), never because an
organisation's name happens to contain "werkplein" — under the same consent rules: only with the
resident's consent, and no longer from the day it is withdrawn. Set on the plan page and through
the plan API; the data migration gives the participants recorded before their kind."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps as echte_apps
from django.utils import timezone

from eenplan.participatie.services import GEEN_DEELNAME, werkplein_deelname
from eenplan.plannen.constants import DeelnemerSoort
from eenplan.plannen.models import Deelnemer
from eenplan.plannen.services import deelnemer_add, deelnemer_toestemming_intrekken
from eenplan.privacy.services import toestemming_give
from eenplan.testing.factories import (
    DoelFactory,
    PlanFactory,
    _eerste_volwassene,
    leefgebied,
    medewerker_voor,
)
from eenplan.testing.helpers import api_for
from eenplan.testing.participatie import TrajectFactory, VerdiencapaciteitFactory, werkplein_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def plan():
    return PlanFactory()


def _deelnemer(plan, *, organisatie: str, soort: str = "") -> Deelnemer:
    inwoner = _eerste_volwassene(plan.huishouden)
    generalist = medewerker_voor(inwoner)
    toestemming = toestemming_give(
        inwoner=inwoner,
        aan=organisatie or "Werkplein",
        doel="Deelnemen aan het plan",
        gegeven_op=VANDAAG,
        door=generalist.user,
    )
    return deelnemer_add(
        plan=plan,
        rol="Werkconsulent",
        toestemming=toestemming,
        actor=generalist.user,
        organisatie=organisatie,
        soort=soort,
    )


def test_the_kind_decides_not_the_name(plan):
    _deelnemer(plan, organisatie="Werkplein Noord-Limburg")  # an organisation by its name only
    assert werkplein_deelname(plan, VANDAAG) is None
    werk = _deelnemer(plan, organisatie="Werk en Inkomen Maasdal", soort=DeelnemerSoort.WERKPLEIN)
    assert werkplein_deelname(plan, VANDAAG) == werk
    assert werk.get_soort_display() == "Werkplein (consulent werk en inkomen)"


def test_same_consent_rules_for_the_werkplein(plan):
    inwoner = _eerste_volwassene(plan.huishouden)
    doel = DoelFactory(plan=plan, inwoner=inwoner, leefgebied=leefgebied("dagbesteding"))
    traject = TrajectFactory(verdiencapaciteit=VerdiencapaciteitFactory(inwoner=inwoner))
    werk = _deelnemer(plan, organisatie="", soort=DeelnemerSoort.WERKPLEIN)
    assert werk.organisatie == "Werkplein"
    deelnemer_toestemming_intrekken(
        deelnemer=werk, op=VANDAAG, actor=medewerker_voor(inwoner).user
    )
    assert werkplein_deelname(plan, VANDAAG) is None
    antwoord = api_for(werkplein_voor(inwoner)).post(
        "/api/v1/participatie/werkdoelen/",
        {"doel": doel.pk, "traject": traject.pk},
        format="json",
    )
    assert antwoord.status_code == 400 and GEEN_DEELNAME[:40] in antwoord.content.decode()


def test_a_network_person_is_never_the_werkplein(plan):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Kies: netwerk, organisatie of het Werkplein"):
        _deelnemer(plan, organisatie="Werkplein", soort="gemeente")
    assert not Deelnemer.objects.exists()


def test_the_werkplein_is_chosen_on_the_plan_page_and_in_the_api(client, plan):
    inwoner = _eerste_volwassene(plan.huishouden)
    generalist = medewerker_voor(inwoner)
    client.force_login(generalist.user)
    pagina = client.get(f"/plannen/{plan.pk}/").content.decode()
    assert "Dit is het Werkplein (consulent werk en inkomen)" in pagina
    antwoord = client.post(
        f"/plannen/{plan.pk}/deelnemer/",
        {
            "deelnemer-werkplein": "on",
            "deelnemer-rol": "Werk zoeken",
            "deelnemer-toestemming_van": inwoner.pk,
            "deelnemer-gegeven_op": VANDAAG.isoformat(),
            "deelnemer-toestemming": "on",
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    deelnemer = Deelnemer.objects.get()
    assert deelnemer.soort == DeelnemerSoort.WERKPLEIN and deelnemer.organisatie == "Werkplein"
    assert werkplein_deelname(plan, VANDAAG) == deelnemer
    api = api_for(generalist)
    toestemming = api.post(
        f"/api/v1/plannen/{plan.pk}/toestemmingen/",
        {
            "inwoner": inwoner.pk,
            "aan": "Werk en Inkomen",
            "doel": "Meedoen aan het plan",
            "gegeven_op": VANDAAG.isoformat(),
        },
        format="json",
    )
    assert toestemming.status_code == 201, toestemming.content
    antwoord = api.post(
        f"/api/v1/plannen/{plan.pk}/deelnemers/",
        {
            "rol": "Werkconsulent",
            "organisatie": "Werk en Inkomen",
            "soort": "werkplein",
            "toestemming": toestemming.json()["id"],
        },
        format="json",
    )
    assert antwoord.status_code in (200, 201), antwoord.content
    assert antwoord.json()["soort"] == "werkplein"


def test_the_data_migration_gives_recorded_participants_their_kind(plan):
    buurthuis = _deelnemer(plan, organisatie="Buurthuis")
    werk = _deelnemer(plan, organisatie="Het Werkplein Venlo")
    Deelnemer.objects.update(soort=DeelnemerSoort.ORGANISATIE)  # as before the field existed
    migratie = importlib.import_module("eenplan.plannen.migrations.0005_deelnemer_soort_wet")
    migratie.soort_invullen(echte_apps, None)
    buurthuis.refresh_from_db()
    werk.refresh_from_db()
    assert buurthuis.soort == DeelnemerSoort.ORGANISATIE
    assert werk.soort == DeelnemerSoort.WERKPLEIN
    assert werkplein_deelname(plan, VANDAAG + dt.timedelta(days=1)) == werk
