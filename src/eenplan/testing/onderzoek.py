"""Steps of an onderzoek for tests, through the services as the app takes them: a melding
assigned to a generalist, every subject of Wmo 2015 art. 2.3.2 lid 4 answered, the ladder
weighed. Shared by the onderzoek and plan tests (no test imports another test module)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from eenplan.meldingen import services as meldingen
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.onderzoeken import services as onderzoeken
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap


def melding_voor(inwoner: Any, midoffice: Any, generalist: Any, *, dagen_geleden: int = 10) -> Any:
    """A melding about `inwoner`, registered by the mid-office and assigned to `generalist`."""
    melding = meldingen.melding_register(
        gemeente=midoffice.gemeente,
        actor=midoffice.user,
        melder_soort=MelderSoort.NETWERK,
        kanaal=Kanaal.TELEFOON,
        vraag="Moeder redt het niet meer thuis.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=dagen_geleden),
        domeinen=["wmo"],
        inwoner=inwoner,
    )
    return meldingen.melding_assign(melding=melding, actor=midoffice.user, medewerker=generalist)


def compleet(onderzoek: Any) -> None:
    """Everything Wmo 2015 art. 2.3.2 lid 4 asks, answered."""
    vandaag = timezone.localdate()
    onderzoeken.gesprek_add(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        datum=vandaag,
        plaats="Bij mevrouw thuis",
        deelnemers=["inwoner", "mantelzorger"],
    )
    for o in ONDERDELEN:
        onderzoeken.onderdeel_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            code=o.code,
            antwoord=f"Besproken {o.code}",
        )
    onderzoeken.onderzoek_set_checks(
        actor=onderzoek.medewerker.user,
        onderzoek=onderzoek,
        clientondersteuning_gewezen=True,
        pgb_uitgelegd=True,
        mantelzorger_besproken=True,
    )


def ladder(onderzoek: Any, tot: LadderStap = LadderStap.INDIVIDUEEL_MAATWERK) -> None:
    """Every step of the municipality's ladder below `tot` weighed and found not to suffice."""
    from eenplan.onderzoeken.selectors import onderzoek_ladder

    for stap in onderzoek_ladder(onderzoek).stappen:
        if stap >= tot:
            break
        onderzoeken.afweging_set(
            actor=onderzoek.medewerker.user,
            onderzoek=onderzoek,
            stap=stap,
            bevinding="Onderzocht",
            volstaat=False,
            reden_niet_toereikend="Schiet tekort",
        )
