"""Demo cases through the whole flow, built with the shared scenario steps.

A few residents of Wijkteam Noord (the demo login `generalist`) go the way Anna Jansen goes in
the tests (`eenplan.testing.scenarios`): a melding, assigned, the onderzoek with its final
verslag, a signed household plan whose maatwerk becomes an aanvraag, a beschikking that is sent
and, for some, a bezwaar. Same steps, same services, so the demo's dossiers show the timeline a
real case leaves. The mass data (residents, the other meldingen, the thousands of older
beschikkingen) stays on its bulk paths; these cases cost about a tenth of a second each.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.meldingen.models import Melding
from eenplan.plannen import services as plannen
from eenplan.plannen.constants import RegisseurSoort
from eenplan.plannen.models import Plan
from eenplan.privacy.services import inwoneraccount_for
from eenplan.testing import scenarios
from eenplan.voorzieningen.models import Voorziening

# One case per 1,000 residents, at most a dozen: enough for every login to find a whole story.
PER_INWONERS = 1000
MAXIMUM = 12
# The first cases' residents get a login for the inwonersportaal (/mijn/, development login).
PORTAAL_ACCOUNTS = 3
# How far each case gets, in turn: the bezwaar, a sent beschikking, or a signed plan whose
# aanvraag waits for the back office.
EINDE = ("bezwaar", "beschikt", "ondertekend", "beschikt")


def aantal_casussen(inwoners: int) -> int:
    return max(1, min(MAXIMUM, inwoners // PER_INWONERS))


def build_casussen(
    *,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    teams: dict[str, Team],
    maatwerk: Sequence[Voorziening],
    rng: random.Random,
    vandaag: dt.date,
    aantal: int,
) -> tuple[int, int]:
    """Build `aantal` complete-flow cases; returns (meldingen, beschikkingen) made."""
    personeel = {
        m.user.username: m
        for m in Medewerker.objects.filter(
            gemeente=gemeente, user__username__in=["generalist", "midoffice", "backoffice"]
        ).select_related("user")
    }
    per_naam = {v.naam: v for v in maatwerk}
    start = scenarios.Start(
        gemeente=gemeente,
        wijken={w.naam: w for w in wijken},
        wijkteam=teams["Wijkteam Noord"],
        generalist=personeel["generalist"],
        midoffice_team=teams["Toegang (midoffice)"],
        midoffice=personeel["midoffice"],
        backoffice_team=teams["Backoffice beschikkingen"],
        backoffice=personeel["backoffice"],
        voorzieningen={
            "hh": per_naam["Hulp bij het huishouden"],
            "begeleiding": per_naam["Individuele begeleiding"],
        },
        vandaag=vandaag,
    )
    meldingen = beschikkingen = 0
    for index, bewoner in enumerate(_kandidaten(start, rng=rng, aantal=aantal)):
        einde = EINDE[index % len(EINDE)]
        dagen = 40 + (index * 9) % 80  # received 40 to 119 days ago
        s = scenarios.melding(scenarios.bestaande_inwoner(start, bewoner), dagen_geleden=dagen)
        ontvangen = s.melding.ontvangen_op
        s = scenarios.plan(s)
        # Every demo plan has its one regisseur: the resident, from the kitchen-table talk on.
        scenarios.als(
            plannen.regisseur_set,
            s.generalist,
            plan=s.plan,
            soort=RegisseurSoort.INWONER,
            van=s.onderzoek.gesprekken.order_by("datum").values_list("datum", flat=True)[0],
            inwoner=s.inwoner,
        )
        s.plan.refresh_from_db()
        if index < PORTAAL_ACCOUNTS:
            inwoneraccount_for(inwoner=s.inwoner, via="ontwikkeling")
        s = scenarios.ondertekend(s, op=ontvangen + dt.timedelta(days=10))
        meldingen += 1
        if einde == "ondertekend":
            continue
        s = scenarios.beschikt(s, op=ontvangen + dt.timedelta(days=16))
        beschikkingen += 1
        if einde == "bezwaar":
            scenarios.bezwaar(s, op=ontvangen + dt.timedelta(days=30))
    return meldingen, beschikkingen


def _kandidaten(start: scenarios.Start, *, rng: random.Random, aantal: int) -> list[Inwoner]:
    """Residents of 70 and over in the wijkteam's wijken, living in a household, with nothing
    on record yet (no melding, aanvraag or beschikking, no plan in their household); those
    with a mantelzorger first. Chosen by the demo's random generator (deterministic)."""
    grens = start.vandaag.replace(year=start.vandaag.year - 70)
    bezet_huishoudens = set(Plan.objects.values_list("huishouden_id", flat=True))
    bezet = (
        set(Melding.objects.exclude(inwoner=None).values_list("inwoner_id", flat=True))
        | set(Aanvraag.objects.values_list("inwoner_id", flat=True))
        | set(Beschikking.objects.values_list("inwoner_id", flat=True))
    )
    in_huishouden = dict(
        HuishoudenLid.objects.filter(
            lid_van__lte=start.vandaag,
            lid_tot__isnull=True,
            inwoner__gemeente=start.gemeente,
            inwoner__wijk__in=start.wijkteam.wijken.all(),
            inwoner__geboortedatum__lte=grens,
        ).values_list("inwoner_id", "huishouden_id")
    )
    vrij = sorted(
        pk
        for pk, huishouden in in_huishouden.items()
        if pk not in bezet and huishouden not in bezet_huishoudens
    )
    rng.shuffle(vrij)
    met_mantelzorger = set(
        Inwoner.objects.filter(pk__in=vrij, netwerk__soort=NetwerkSoort.MANTELZORGER).values_list(
            "pk", flat=True
        )
    )
    gekozen: list[int] = []
    huishoudens: set[int] = set()
    for pk in sorted(vrij, key=lambda pk: pk not in met_mantelzorger):  # stable: keeps shuffle
        if len(gekozen) >= aantal:
            break
        if in_huishouden[pk] not in huishoudens:
            gekozen.append(pk)
            huishoudens.add(in_huishouden[pk])
    bewoners = Inwoner.objects.select_related("wijk").in_bulk(gekozen)
    return [bewoners[pk] for pk in gekozen]
