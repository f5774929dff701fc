"""Every state change of a melding is an event on the bus (ADR 0013): the resident's dossier
timeline shows it, and closing ends the dossier access through the privacy app's subscriber."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.conftest import login
from eenplan.events import soorten
from eenplan.events.models import Gebeurtenis
from eenplan.meldingen import services
from eenplan.meldingen.constants import Status
from eenplan.privacy.models import DossierToegang

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
