"""Every state change of bezwaar and klacht leaves its event (ADR 0013), under the record kind
of this app (`bezwaren.bezwaar`, `bezwaren.klacht`), and the dossier's timeline shows them to the
roles that read bezwaren, not to the others."""

from __future__ import annotations

import pytest
from django.utils import timezone

from eenplan.bezwaren import services as bezwaren
from eenplan.conftest import login
from eenplan.events.models import Gebeurtenis
from eenplan.events.selectors import record_geschiedenis
from eenplan.testing.helpers import verzonden

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def _soorten(record) -> list[str]:
    return list(
        record_geschiedenis(record._meta.label_lower, record.pk).values_list("soort", flat=True)
    )


def test_bezwaar_and_klacht_leave_their_history_and_the_dossier_shows_it(
    client, aanvraag, hh, inwoner_noord, generalist, backoffice_user
):
    beschikking = verzonden(aanvraag, hh, backoffice_user)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=beschikking, inwoner=inwoner_noord, ontvangen_op=VANDAAG, gronden="Te weinig",
        ingediend_door="Anna Jansen", actor=backoffice_user,
    )
    bezwaren.bezwaar_informeel_gesprek(bezwaar=bezwaar, op=VANDAAG, actor=backoffice_user)
    bezwaren.bezwaar_postpone(bezwaar=bezwaar, actor=backoffice_user)
    bezwaren.bezwaar_decide(
        bezwaar=bezwaar, uitkomst="ongegrond", besloten_op=VANDAAG, actor=backoffice_user
    )
    klacht = bezwaren.klacht_register(
        gemeente=inwoner_noord.gemeente, inwoner=inwoner_noord, ingediend_door="Anna",
        ontvangen_op=VANDAAG, onderwerp="Niet teruggebeld", actor=backoffice_user,
    )
    bezwaren.klacht_settle(
        klacht=klacht, op=VANDAAG, uitkomst="Excuses gemaakt", actor=backoffice_user
    )

    assert _soorten(bezwaar) == [
        "bezwaar.ontvangen",
        "bezwaar.informeel_gesprek",
        "bezwaar.verdaagd",
        "bezwaar.beslist",
    ]
    assert _soorten(klacht) == ["klacht.ontvangen", "klacht.afgehandeld"]
    assert set(
        Gebeurtenis.objects.filter(soort__startswith="bezwaar.").values_list(
            "record_soort", flat=True
        )
    ) == {"bezwaren.bezwaar"}
    assert Gebeurtenis.objects.get(soort="klacht.afgehandeld").user == backoffice_user

    body = login(client, generalist).get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    tijdlijn = body.split('id="kop-tijdlijn"', 1)[1]
    assert f"Beschikking {beschikking.pk} verzonden" in tijdlijn
    assert "Beslist op bezwaar" not in tijdlijn  # a generalist does not read bezwaren
    # The back office also reads bezwaren and klachten: their events are in its timeline.
    client.force_login(backoffice_user)
    body = client.get(f"/inwoners/{inwoner_noord.pk}/").content.decode()
    tijdlijn = body.split('id="kop-tijdlijn"', 1)[1]
    assert "Beslist op bezwaar tegen beschikking" in tijdlijn and "ongegrond" in tijdlijn
    assert "Klacht afgehandeld op" in tijdlijn
