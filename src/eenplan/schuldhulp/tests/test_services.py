"""Issue 14, debt help: a signal of payment arrears becomes a melding at the front door with a
contact attempt (Wgs art. 3a/3b); the debt question's terms (art. 4, 4a), its triage
(Peelregio) with the plan goal of the life domain finances, its route and the toelating —
through the services as the Werkplein and the generalist use them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.common.concurrency import Conflict
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol
from eenplan.meldingen.constants import Kanaal, MelderSoort, Urgentie
from eenplan.meldingen.models import Melding
from eenplan.plannen.models import Doel
from eenplan.schuldhulp import selectors, services
from eenplan.schuldhulp.constants import Fase, Toelating, Triage
from eenplan.schuldhulp.models import Schuldvraag, Vroegsignaal
from eenplan.testing.factories import (
    HuishoudenFactory,
    InwonerFactory,
    MedewerkerFactory,
    PlanFactory,
    medewerker_voor,
)
from eenplan.testing.schuldhulp import schuldhulp_voor

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def inwoner(gemeente, wijken):
    huishouden = HuishoudenFactory(gemeente=gemeente)
    return huishouden.leden.first().inwoner


@pytest.fixture
def werkplein(inwoner):
    return schuldhulp_voor(inwoner)


def _signaal(werkplein, inwoner, **extra):
    velden = {
        "schuldeiser_soort": "huur",
        "schuldeiser": "Woonstichting De Peel",
        "bedrag": Decimal("850.00"),
        "ontvangen_op": VANDAAG - dt.timedelta(days=2),
    }
    velden.update(extra)
    return services.signaal_registreren(actor=werkplein.user, inwoner=inwoner, **velden)


def _vraag(werkplein, inwoner, **extra):
    velden = {"verzoek_op": VANDAAG - dt.timedelta(days=20)}
    velden.update(extra)
    return services.schuldvraag_aanmelden(actor=werkplein.user, inwoner=inwoner, **velden)


# --- vroegsignalering -------------------------------------------------------------------------


def test_signal_of_rent_arrears_becomes_a_melding_at_the_front_door(werkplein, inwoner):
    signaal = _signaal(werkplein, inwoner)
    melding = signaal.melding
    assert melding.inwoner == inwoner
    assert melding.kanaal == Kanaal.VROEGSIGNALERING
    assert melding.melder_soort == MelderSoort.VROEGSIGNALERING
    assert melding.schulden and not melding.wmo
    assert "€ 850,00" in melding.vraag and "art. 3b" in melding.vraag
    assert melding.urgentie == Urgentie.NORMAAL
    assert Gebeurtenis.objects.filter(soort="schuldhulp.signaal_ontvangen").exists()


def test_a_threat_of_eviction_makes_the_melding_urgent(werkplein, inwoner):
    signaal = _signaal(werkplein, inwoner, dreiging="ontruiming")
    assert signaal.melding.urgentie == Urgentie.SPOED
    assert "dreigende ontruiming" in signaal.melding.vraag


def test_bad_signal_is_refused_in_dutch_and_changes_nothing(werkplein, inwoner):
    with pytest.raises(ValidationError) as exc:
        _signaal(
            werkplein,
            inwoner,
            schuldeiser_soort="telefoon",
            schuldeiser=" ",
            bedrag=Decimal("0"),
            ontvangen_op=VANDAAG + dt.timedelta(days=1),
        )
    fouten = exc.value.message_dict
    assert "Wgs art. 3a" in fouten["schuldeiser_soort"][0]
    assert "naam van de schuldeiser" in fouten["schuldeiser"][0]
    assert "meer dan € 0" in fouten["bedrag"][0]
    assert "toekomst" in fouten["ontvangen_op"][0]
    assert not Vroegsignaal.objects.exists() and not Melding.objects.exists()


def test_a_signal_before_2021_is_refused(werkplein, inwoner):
    with pytest.raises(ValidationError, match="1 januari 2021"):
        _signaal(werkplein, inwoner, ontvangen_op=dt.date(2020, 12, 31))
    assert not Melding.objects.exists()


def test_contact_attempt_is_recorded_and_not_before_the_signal(werkplein, inwoner):
    signaal = _signaal(werkplein, inwoner)
    with pytest.raises(ValidationError, match="vóór"):
        services.contact_vastleggen(
            actor=werkplein.user,
            signaal=signaal,
            op=signaal.ontvangen_op - dt.timedelta(days=1),
            wijze="telefoon",
            bereikt=False,
        )
    services.contact_vastleggen(
        actor=werkplein.user, signaal=signaal, op=VANDAAG, wijze="huisbezoek", bereikt=True
    )
    assert [p.wijze for p in signaal.contactpogingen.all()] == ["huisbezoek"]


# --- the debt question --------------------------------------------------------------------------


def test_first_conversation_term_is_four_weeks_or_three_working_days(werkplein, inwoner):
    vraag = _vraag(werkplein, inwoner, verzoek_op=dt.date(2026, 3, 5))
    assert vraag.eerste_gesprek_uiterlijk == dt.date(2026, 4, 2)
    assert "art. 4" in vraag.termijn_bron
    services.fase_vastleggen(
        actor=werkplein.user, vraag=vraag, fase="afgerond", op=dt.date(2026, 3, 6), uitkomst="x"
    )
    spoed = _vraag(werkplein, inwoner, verzoek_op=dt.date(2026, 3, 5), dreiging="ontruiming")
    assert spoed.eerste_gesprek_uiterlijk == dt.date(2026, 3, 10)  # Fri, Mon, Tue


def test_one_open_debt_question_per_resident(werkplein, inwoner):
    _vraag(werkplein, inwoner)
    with pytest.raises(Conflict, match="al een lopende schuldvraag"):
        _vraag(werkplein, inwoner)
    assert Schuldvraag.objects.count() == 1


def test_heavy_triage_by_the_generalist_adds_a_finances_goal_to_the_plan(gemeente, wijken):
    plan = PlanFactory()
    inwoner = plan.huishouden.leden.first().inwoner
    generalist = medewerker_voor(inwoner, Rol.GENERALIST)
    vraag = services.schuldvraag_aanmelden(
        actor=generalist.user, inwoner=inwoner, verzoek_op=VANDAAG - dt.timedelta(days=5)
    )
    assert vraag.plan == plan
    services.triage_vastleggen(
        actor=generalist.user, vraag=vraag, uitkomst=Triage.SCHULDHULPROUTE, op=VANDAAG
    )
    vraag.refresh_from_db()
    assert vraag.triage_door == generalist.user and vraag.triage_op == VANDAAG
    doel = Doel.objects.get(plan=plan)
    assert vraag.doel == doel and doel.leefgebied.code == "financien"
    assert doel.inwoner == inwoner


def test_light_triage_adds_no_goal_and_a_threat_needs_a_heavy_one(werkplein, inwoner):
    PlanFactory(huishouden=inwoner.lidmaatschappen.first().huishouden)
    vraag = _vraag(werkplein, inwoner)
    services.triage_vastleggen(
        actor=werkplein.user, vraag=vraag, uitkomst=Triage.BUDGETCOACHING, op=VANDAAG
    )
    assert not Doel.objects.exists()
    services.fase_vastleggen(
        actor=werkplein.user,
        vraag=vraag,
        fase="afgerond",
        op=VANDAAG,
        uitkomst="Budgetcoaching via het lokale netwerk.",
    )
    spoed = _vraag(werkplein, inwoner, dreiging="afsluiting_energie")
    with pytest.raises(ValidationError, match="art. 4 lid 2"):
        services.triage_vastleggen(
            actor=werkplein.user, vraag=spoed, uitkomst=Triage.INFO_ADVIES, op=VANDAAG
        )
    spoed.refresh_from_db()
    assert spoed.triage == ""


def test_route_runs_phase_by_phase_with_toelating_before_the_minnelijk_traject(werkplein, inwoner):
    vraag = _vraag(werkplein, inwoner, verzoek_op=VANDAAG - dt.timedelta(days=40))
    gesprek = VANDAAG - dt.timedelta(days=30)
    with pytest.raises(ValidationError, match="na het eerste gesprek"):
        services.toelating_beslissen(
            actor=werkplein.user,
            vraag=vraag,
            toelating="toegelaten",
            besloten_op=VANDAAG,
            motivering="x",
        )
    services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="eerste_gesprek", op=gesprek)
    assert vraag.eerste_gesprek_op == gesprek
    # eight weeks (Awb 4:13 lid 2), moved past a weekend or holiday (Atw): the aanvraag's term
    assert vraag.beslissen_uiterlijk == vraag.aanvraag.beslissen_uiterlijk
    assert gesprek + dt.timedelta(weeks=8) <= vraag.beslissen_uiterlijk
    with pytest.raises(ValidationError, match="triage"):
        services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="stabilisatie", op=gesprek)
    services.triage_vastleggen(
        actor=werkplein.user, vraag=vraag, uitkomst=Triage.SCHULDHULPROUTE, op=gesprek
    )
    services.fase_vastleggen(
        actor=werkplein.user, vraag=vraag, fase="stabilisatie", op=gesprek, uitkomst="Intake klaar"
    )
    with pytest.raises(ValidationError, match="WSNP kan alleen na een minnelijk"):
        services.fase_vastleggen(
            actor=werkplein.user, vraag=vraag, fase="wsnp", op=VANDAAG, uitkomst="x"
        )
    with pytest.raises(ValidationError, match="beschikking tot toelating"):
        services.fase_vastleggen(actor=werkplein.user, vraag=vraag, fase="minnelijk", op=VANDAAG)
    services.toelating_beslissen(
        actor=werkplein.user,
        vraag=vraag,
        toelating=Toelating.TOEGELATEN,
        besloten_op=VANDAAG - dt.timedelta(days=20),
        motivering="Problematische schulden.",
    )
    services.fase_vastleggen(
        actor=werkplein.user,
        vraag=vraag,
        fase="minnelijk",
        op=VANDAAG - dt.timedelta(days=10),
        uitkomst="Inkomen stabiel",
    )
    services.fase_vastleggen(
        actor=werkplein.user,
        vraag=vraag,
        fase="wsnp",
        op=VANDAAG,
        uitkomst="Schuldeisers weigeren; verklaring art. 285 Fw afgegeven.",
    )
    vraag = selectors.schuldvraag_get(vraag.pk)
    assert vraag.fase == Fase.WSNP and vraag.afgerond_op == VANDAAG
    assert [s.fase for s in vraag.stappen.all()] == [
        "aanmelding",
        "eerste_gesprek",
        "stabilisatie",
        "minnelijk",
        "wsnp",
    ]
    assert all(s.tot is not None for s in vraag.stappen.all())
    # the outcome given with a step closes the phase before it
    assert vraag.stappen.get(fase="eerste_gesprek").uitkomst == "Intake klaar"
    assert vraag.stappen.get(fase="stabilisatie").uitkomst == "Inkomen stabiel"
    with pytest.raises(ValidationError, match="beëindigd"):
        services.fase_vastleggen(
            actor=werkplein.user, vraag=vraag, fase="afgerond", op=VANDAAG, uitkomst="x"
        )


def test_only_the_werkplein_decides_the_toelating(werkplein, inwoner):
    vraag = _vraag(werkplein, inwoner)
    services.fase_vastleggen(
        actor=werkplein.user, vraag=vraag, fase="eerste_gesprek", op=VANDAAG - dt.timedelta(days=1)
    )
    generalist = medewerker_voor(inwoner, Rol.GENERALIST)
    with pytest.raises(PermissionDenied):
        services.toelating_beslissen(
            actor=generalist.user,
            vraag=vraag,
            toelating="geweigerd",
            besloten_op=VANDAAG,
            motivering="x",
        )
    vraag.refresh_from_db()
    assert vraag.toelating == ""


def test_debt_data_is_need_to_know(werkplein, inwoner, gemeente):
    # The back office and a Werkplein consultant of another wijk may not record it.
    anders = InwonerFactory(gemeente=gemeente)
    buiten = schuldhulp_voor(anders)
    backoffice = medewerker_voor(inwoner, Rol.BACKOFFICE)
    for wie in (buiten, backoffice):
        with pytest.raises(PermissionDenied):
            _vraag(wie, inwoner)
    assert not Schuldvraag.objects.exists()
    _vraag(werkplein, inwoner)
    assert list(selectors.schuldvragen_in_scope(werkplein.user)) == list(Schuldvraag.objects.all())
    assert list(selectors.schuldvragen_in_scope(buiten.user)) == []
    assert (
        list(
            selectors.schuldvragen_in_scope(
                MedewerkerFactory(gemeente=gemeente, functie=Rol.MIDOFFICE).user
            )
        )
        == []
    )
