"""A region in one installation (issue 16): two municipalities, each with its own wijken, teams
and residents, a regional generalist who works for both, and per municipality a local
mid-office (who registers the meldingen) and a privacy officer. Built through the services, for
the unit tests, the browser test and the demo (`eenplan demo` adds Peelrand beside Maasdal).

    regio = regio.bouw()
    regio.regionaal          # the regional login's record in the first municipality
    regio.regionaal_b        # ... and in the second: same login, own teams
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.gemeente.services import (
    gemeente_create,
    medewerker_create,
    medewerker_gemeente_add,
    team_create,
    wijk_create,
)
from eenplan.inwoners.constants import Geslacht, Relatie
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.services import huishouden_create, inwoner_create
from eenplan.meldingen.models import Melding
from eenplan.meldingen.services import melding_assign, melding_register

WACHTWOORD = "test-wachtwoord-123"  # noqa: S105 - test data


@dataclass(frozen=True)
class Deel:
    """One municipality of the region as the region's tests and demo use it."""

    gemeente: Gemeente
    midoffice: Medewerker
    privacy: Medewerker
    inwoner: Inwoner
    melding: Melding


@dataclass(frozen=True)
class Regio:
    a: Deel
    b: Deel
    regionaal: Medewerker  # the regional login's record in municipality a
    regionaal_b: Medewerker  # the same login's record in municipality b

    @property
    def login(self) -> AbstractBaseUser:
        return self.regionaal.user


# (cbs_code, naam, wijk code prefix, wijk, street, postcode, resident's surname, BSN)
GEMEENTEN = (
    ("GM1894", "Peel en Maas", "WK1894", "Panningen", "Markt", "5981 AA", "Peeters", "111222333"),
    ("GM0988", "Weert", "WK0988", "Molenakker", "Molenweg", "6002 AB", "Hendrikx", "123456782"),
)


def _deel(
    index: int, *, prefix: str, wachtwoord: str | None, vandaag: dt.date, bestaand: Gemeente | None
) -> tuple[Deel, list]:
    cbs, naam, wk, wijknaam, straat, postcode, achternaam, bsn = GEMEENTEN[index]
    if bestaand is not None:
        return _bestaand_deel(bestaand, naam=f"Regioteam {bestaand.naam}", vandaag=vandaag)
    gemeente = gemeente_create(cbs_code=cbs, naam=naam)
    wijk = wijk_create(gemeente=gemeente, code=f"{wk}{index:02d}", naam=wijknaam)
    wijkteam = team_create(
        gemeente=gemeente, naam=f"Regioteam {naam}", soort=TeamSoort.WIJKTEAM, wijken=[wijk]
    )
    toegang = team_create(
        gemeente=gemeente, naam=f"Toegang {naam}", soort=TeamSoort.MIDOFFICE, wijken=[wijk]
    )
    slug = naam.lower().replace(" ", "")
    midoffice = medewerker_create(
        gemeente=gemeente,
        username=f"{prefix}midoffice.{slug}",
        password=wachtwoord,
        first_name="Mirte",
        last_name=f"van {naam}",
        functie=Rol.MIDOFFICE,
        teams=[toegang],
    )
    privacy = medewerker_create(
        gemeente=gemeente,
        username=f"{prefix}privacy.{slug}",
        password=wachtwoord,
        first_name="Pim",
        last_name=f"van {naam}",
        functie=Rol.PRIVACY,
    )
    voornamen = "Truus" if index == 0 else "Sjef"
    inwoner = inwoner_create(
        gemeente=gemeente,
        bsn=bsn,
        voornamen=voornamen,
        achternaam=achternaam,
        geboortedatum=dt.date(1948, 3, 1 + index),
        geslacht=Geslacht.VROUW if index == 0 else Geslacht.MAN,
        straat=straat,
        huisnummer=10 + index,
        postcode=postcode,
        woonplaats=wijknaam,
        wijk=wijk,
    )
    # She lives alone, since long before any peildatum of the tests and the demo.
    huishouden_create(
        gemeente=gemeente,
        naam=f"Huishouden {achternaam}",
        leden=[(inwoner, Relatie.REFERENTIE, dt.date(1990, 1, 1))],
    )
    melding = melding_register(
        gemeente=gemeente,
        actor=midoffice.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag=f"{voornamen} {achternaam} redt het huishouden niet meer.",
        ontvangen_op=vandaag - dt.timedelta(days=2),
        domeinen=["wmo"],
        inwoner=inwoner,
        vandaag=vandaag,
    )
    return Deel(gemeente, midoffice, privacy, inwoner, melding), [wijkteam]


def _bestaand_deel(gemeente: Gemeente, *, naam: str, vandaag: dt.date) -> tuple[Deel, list]:
    """An existing municipality (the demo's Maasdal): its own mid-office and privacy officer,
    a regional team for its first wijk, and the newest melding about a resident there."""
    wijk = gemeente.wijken.order_by("id").first()
    assert wijk is not None, "a municipality of the region needs a wijk"
    team = team_create(gemeente=gemeente, naam=naam, soort=TeamSoort.WIJKTEAM, wijken=[wijk])
    midoffice = Medewerker.objects.filter(gemeente=gemeente, functie=Rol.MIDOFFICE).first()
    privacy = Medewerker.objects.filter(gemeente=gemeente, functie=Rol.PRIVACY).first()
    assert midoffice and privacy, "the municipality needs a mid-office and a privacy officer"
    inwoner = Inwoner.objects.filter(wijk=wijk).order_by("id").first()
    assert inwoner is not None, "the municipality needs a resident in its first wijk"
    melding = melding_register(
        gemeente=gemeente,
        actor=midoffice.user,
        melder_soort="zelf",
        kanaal="telefoon",
        vraag="Ik kan de trap niet meer op en wil graag beneden slapen.",
        ontvangen_op=vandaag - dt.timedelta(days=1),
        domeinen=["wmo"],
        inwoner=inwoner,
        vandaag=vandaag,
    )
    return Deel(gemeente, midoffice, privacy, inwoner, melding), [team]


def bouw(
    *,
    prefix: str = "",
    wachtwoord: str | None = WACHTWOORD,
    vandaag: dt.date | None = None,
    eerste: Gemeente | None = None,
    tweede: Gemeente | None = None,
) -> Regio:
    """Two municipalities and a regional generalist (`<prefix>regio`) working for both, in the
    regional team of each. `eerste`/`tweede`: existing municipalities to use (the demo passes
    Maasdal as the first)."""
    vandaag = vandaag or timezone.localdate()
    a, teams_a = _deel(0, prefix=prefix, wachtwoord=wachtwoord, vandaag=vandaag, bestaand=eerste)
    b, teams_b = _deel(1, prefix=prefix, wachtwoord=wachtwoord, vandaag=vandaag, bestaand=tweede)
    regionaal = medewerker_create(
        gemeente=a.gemeente,
        username=f"{prefix}regio",
        password=wachtwoord,
        first_name="Roos",
        last_name="Regionaal",
        functie=Rol.GENERALIST,
        teams=teams_a,
    )
    regionaal_b = medewerker_gemeente_add(
        user=regionaal.user, gemeente=b.gemeente, teams=teams_b
    )
    # Each municipality's mid-office assigns its melding to the regional generalist's record
    # there: the same person has a case in each werkvoorraad.
    for deel, record in ((a, regionaal), (b, regionaal_b)):
        melding_assign(
            melding=deel.melding,
            actor=deel.midoffice.user,
            team=record.teams.get(),
            medewerker=record,
            vandaag=vandaag,
        )
    return Regio(a=a, b=b, regionaal=regionaal, regionaal_b=regionaal_b)
