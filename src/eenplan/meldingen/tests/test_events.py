"""Every state change of a melding is an event on the bus (ADR 0013): the resident's dossier
timeline shows it, and closing ends the dossier access through the privacy app's subscriber."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.conftest import login
from eenplan.events import soorten
from eenplan.events.models import Gebeurtenis
from eenplan.inwoners.constants import Relatie
from eenplan.inwoners.services import huishouden_create
from eenplan.meldingen import services
from eenplan.meldingen.constants import Status, TermijnStand
from eenplan.meldingen.selectors import meldingen_in_scope, werkvoorraad, werkvoorraad_tellingen
from eenplan.onderzoeken import services as onderzoeken
from eenplan.onderzoeken.models import Leefgebied
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import Doeltype
from eenplan.privacy.models import DossierToegang
from eenplan.rules.onderzoek import ONDERDELEN
from eenplan.testing.factories import InwonerFactory

pytestmark = pytest.mark.django_db


def _register(door, inwoner, **extra):
    return services.melding_register(
        gemeente=inwoner.gemeente,
        actor=door.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Ik kan de trap niet meer op.",
        ontvangen_op=timezone.localdate(),
        domeinen=["wmo"],
        inwoner=inwoner,
        **extra,
    )


def _events(melding):
    return list(
        Gebeurtenis.objects.filter(record_soort="meldingen.melding", record_id=melding.pk)
        .order_by("id")
        .values_list("soort", "omschrijving", "inwoner_id", "user_id")
    )


def test_each_step_of_a_melding_is_an_event_with_actor_resident_and_a_dutch_sentence(
    midoffice, generalist, inwoner_noord
):
    melding = _register(midoffice, inwoner_noord)
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    opschorting = services.melding_suspend(
        melding=melding, actor=generalist.user, van=timezone.localdate(), reden="Wacht op papieren"
    )
    services.melding_resume(
        opschorting=opschorting, actor=generalist.user, tot=timezone.localdate()
    )
    services.melding_close(melding=melding, actor=generalist.user, toelichting="Geholpen")
    events = _events(melding)
    assert [e[0] for e in events] == [
        soorten.MELDING_GEREGISTREERD,
        soorten.MELDING_TOEGEWEZEN,
        soorten.MELDING_OPGESCHORT,
        soorten.MELDING_HERVAT,
        soorten.MELDING_GESLOTEN,
    ]
    assert {e[2] for e in events} == {inwoner_noord.pk}
    assert [e[3] for e in events] == [midoffice.user.pk, midoffice.user.pk] + [
        generalist.user.pk
    ] * 3
    team = generalist.teams.get()
    assert events[1][1] == f"Melding {melding.pk} toegewezen aan {generalist} ({team.naam})"
    assert events[4][1] == f"Melding {melding.pk} afgesloten: Geholpen"


def test_screening_answers_and_forwards_are_events(midoffice, inwoner_noord):
    beantwoord = services.melding_answer(
        melding=_register(midoffice, inwoner_noord), actor=midoffice.user, antwoord="Sociale kaart"
    )
    doorgezet = services.melding_forward(
        melding=_register(midoffice, inwoner_noord), actor=midoffice.user, naar="werkplein"
    )
    assert _events(beantwoord)[-1][:2] == (
        soorten.MELDING_GESCREEND,
        f"Melding {beantwoord.pk} direct beantwoord",
    )
    assert _events(doorgezet)[-1][1].startswith(f"Melding {doorgezet.pk} doorgezet naar Werkplein")


def test_a_refused_step_leaves_no_event(midoffice, inwoner_noord):
    melding = _register(midoffice, inwoner_noord)
    with pytest.raises(ValidationError, match="status"):
        services.melding_close(melding=melding, actor=midoffice.user, toelichting="Klaar")
    assert [e[0] for e in _events(melding)] == [soorten.MELDING_GEREGISTREERD]


def test_closing_ends_the_access_through_the_privacy_subscriber(
    midoffice, generalist, inwoner_zuid
):
    melding = services.melding_assign(
        melding=_register(midoffice, inwoner_zuid), actor=midoffice.user, medewerker=generalist
    )
    toegang = melding.toewijzingen.get().dossiertoegang
    assert toegang.tot is None
    services.melding_close(melding=melding, actor=midoffice.user, toelichting="Klaar")
    toegang.refresh_from_db()
    assert toegang.tot == timezone.localdate()
    assert melding.toewijzingen.get().tot == timezone.localdate()
    assert (
        DossierToegang.objects.filter(
            inwoner=inwoner_zuid, tot__isnull=True, medewerker=generalist
        ).count()
        == 0
    )


def test_the_dossier_timeline_shows_the_melding_steps(client, midoffice, generalist, inwoner_noord):
    melding = _register(midoffice, inwoner_noord)
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    tijdlijn = body[body.index('id="kop-tijdlijn"') :]
    assert f"Melding {melding.pk} geregistreerd" in tijdlijn
    assert f"Melding {melding.pk} toegewezen aan {generalist}" in tijdlijn
    melding.refresh_from_db()
    assert melding.status == Status.TOEGEWEZEN


# --- Status follows the work (ADR 0009): onderzoek started, verslag definitief, plan signed ---


@pytest.fixture
def gezin(inwoner_noord, wijken):
    partner = InwonerFactory(
        gemeente=inwoner_noord.gemeente,
        wijk=wijken["Noord"],
        voornamen="Henk",
        achternaam="Jansen",
        geboortedatum=dt.date(1946, 11, 20),
    )
    huishouden = huishouden_create(
        gemeente=inwoner_noord.gemeente,
        naam="Huishouden Jansen",
        leden=[
            (inwoner_noord, Relatie.REFERENTIE, dt.date(1972, 5, 1)),
            (partner, Relatie.PARTNER, dt.date(1972, 5, 1)),
        ],
    )
    return {"huishouden": huishouden, "anna": inwoner_noord}


@pytest.fixture
def in_onderzoek(gezin, midoffice, generalist):
    melding = services.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort="netwerk",
        kanaal="telefoon",
        vraag="Moeder redt het niet meer thuis.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=10),
        domeinen=["wmo"],
        inwoner=gezin["anna"],
    )
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    melding.refresh_from_db()
    return melding, onderzoek


def _verslag_definitief(onderzoek, generalist):
    door = generalist.user
    onderzoeken.gesprek_add(
        actor=door,
        onderzoek=onderzoek,
        datum=timezone.localdate(),
        plaats="Thuis",
        deelnemers=["inwoner"],
    )
    for o in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=door, onderzoek=onderzoek, code=o.code, antwoord="Besproken"
        )
    onderzoeken.onderzoek_set_checks(
        actor=door,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True,
    )
    return onderzoeken.verslag_finalise(onderzoek=onderzoek, actor=door)


def _plan_ondertekend(gezin, generalist):
    door = generalist.user
    plan = plannen.plan_open(huishouden=gezin["huishouden"], actor=door)
    plannen.doel_add(
        plan=plan,
        inwoner=gezin["anna"],
        leefgebied=Leefgebied.objects.get(code="huisvesting"),
        omschrijving="Schoon huis",
        doeltype=Doeltype.STABILISEREN,
        actor=door,
    )
    plannen.plan_sign(plan=plan, ondertekenaar=gezin["anna"], op=timezone.localdate(), actor=door)
    return plan


def _werkvoorraad(user, melding):
    return werkvoorraad(scope=meldingen_in_scope(user), vandaag=timezone.localdate()).get(
        pk=melding.pk
    )


def test_a_started_onderzoek_puts_the_melding_in_onderzoek_on_the_timeline(in_onderzoek, midoffice):
    melding, _ = in_onderzoek
    assert melding.status == Status.IN_ONDERZOEK
    assert melding.get_status_display() == "In onderzoek"
    assert _events(melding)[-1][:2] == (
        soorten.MELDING_IN_ONDERZOEK,
        f"Melding {melding.pk} in onderzoek bij {melding.medewerker}",
    )
    assert _werkvoorraad(midoffice.user, melding).stand == TermijnStand.OP_SCHEMA


def test_verslag_then_signed_plan_closes_the_melding_and_ends_the_access(
    in_onderzoek, gezin, generalist, midoffice
):
    melding, onderzoek = in_onderzoek
    _verslag_definitief(onderzoek, generalist)
    melding.refresh_from_db()
    # Still open (no signed plan yet), but the onderzoek deadline is met: no longer "Op schema".
    assert melding.status == Status.IN_ONDERZOEK
    rij = _werkvoorraad(midoffice.user, melding)
    assert rij.stand == TermijnStand.AFGEROND
    tellingen = werkvoorraad_tellingen(
        werkvoorraad(scope=meldingen_in_scope(midoffice.user), vandaag=timezone.localdate())
    )
    assert tellingen[TermijnStand.AFGEROND] == 1 and tellingen[TermijnStand.OP_SCHEMA] == 0
    plan = _plan_ondertekend(gezin, generalist)
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN
    assert _events(melding)[-1][:2] == (
        soorten.MELDING_GESLOTEN,
        f"Melding {melding.pk} afgesloten: plan {plan.pk} ondertekend na het definitieve verslag",
    )
    assert melding.toewijzingen.get().dossiertoegang.tot == timezone.localdate()
    assert (
        not werkvoorraad(scope=meldingen_in_scope(midoffice.user), vandaag=timezone.localdate())
        .filter(pk=melding.pk)
        .exists()
    )


def test_signed_plan_then_verslag_closes_the_melding_too(in_onderzoek, gezin, generalist):
    melding, onderzoek = in_onderzoek
    _plan_ondertekend(gezin, generalist)
    melding.refresh_from_db()
    assert melding.status == Status.IN_ONDERZOEK  # the verslag is not definitief yet
    _verslag_definitief(onderzoek, generalist)
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN


def test_a_plan_signed_before_the_onderzoek_does_not_close_it(gezin, midoffice, generalist):
    _plan_ondertekend(gezin, generalist)
    melding = services.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Nieuwe vraag",
        ontvangen_op=timezone.localdate(),
        domeinen=["wmo"],
        inwoner=gezin["anna"],
    )
    services.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)
    onderzoek = onderzoeken.onderzoek_start(melding=melding, actor=generalist.user)
    _verslag_definitief(onderzoek, generalist)
    melding.refresh_from_db()
    assert (melding.status, melding.onderzoek_afgerond_op) == (
        Status.IN_ONDERZOEK,
        timezone.localdate(),
    )
