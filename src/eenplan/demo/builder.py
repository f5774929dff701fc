"""Build the demo municipality: wijken, teams, staff, residents, households and networks.

Deterministic for a given seed and peildatum. Residents are written in bulk for speed
(100,000 in well under two minutes on SQLite); the values come from the same helpers the
services use (`search_names`, `bsn_check`), and the result is checked by tests.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from eenplan.demo import data
from eenplan.demo.beleid import build_beleid
from eenplan.demo.berichten import build_berichten
from eenplan.demo.bulk import schrijf, statistieken
from eenplan.demo.casussen import aantal_casussen, build_casussen
from eenplan.demo.historie import aantallen, build_historie
from eenplan.demo.meldingen import build_meldingen
from eenplan.demo.participatie import build_participatie
from eenplan.demo.uitwisselingen import build_uitwisselingen
from eenplan.demo.voorzieningen import build_beschikkingen, build_catalogus
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Team, Wijk
from eenplan.gemeente.services import (
    gemeente_create,
    medewerker_create,
    roles_sync,
    team_create,
    wijk_create,
)
from eenplan.inwoners.constants import Geslacht, NetwerkSoort, Relatie
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon
from eenplan.inwoners.services import search_names
from eenplan.privacy.services import dossiertoegang_grant
from eenplan.testing import regio
from eenplan.voorzieningen.models import Voorziening

DEFAULT_PEILDATUM = dt.date(2026, 1, 1)


def bsn_sequence(start: int = 900_000_000) -> Iterator[str]:
    """Nine-digit numbers that pass the eleven-test (elfproef), counting up from `start`.

    Fictitious: the demo never uses a number from a real register.
    """
    # Per eight-digit prefix exactly one last digit can pass (the weighted sum modulo 11), or
    # none when that is 10: compute it instead of trying all ten (a million residents).
    prefix = start // 10
    while True:
        digits = f"{prefix:08d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10 and prefix * 10 + check >= start:
            yield f"{digits}{check}"
        prefix += 1


@dataclass
class Person:
    voornamen: str
    voorvoegsel: str
    achternaam: str
    geboortedatum: dt.date
    geslacht: str
    relatie: str
    lid_van: dt.date
    # Set for someone who lives elsewhere now: (wijk index, straat, nummer, toevoeging, postcode).
    elders: tuple[int, str, int, str, str] | None = None


@dataclass
class Household:
    wijk_index: int
    straat: str
    huisnummer: int
    toevoeging: str
    postcode: str
    members: list[Person] = field(default_factory=list)
    former: list[tuple[Person, dt.date]] = field(default_factory=list)


@dataclass
class DemoResult:
    gemeente: Gemeente
    inwoners: int
    huishoudens: int
    netwerkpersonen: int
    meldingen: int
    beschikkingen: int
    logins: list[tuple[str, str, str]]
    casussen: int = 0  # residents taken through the whole flow by the scenario steps
    berichten: int = 0  # iWmo/iJw messages of the last year (demo.berichten)


class Generator:
    """Makes people and households from one `random.Random`."""

    def __init__(self, rng: random.Random, peildatum: dt.date) -> None:
        self.rng = rng
        self.peildatum = peildatum
        self.address_counter: dict[tuple[int, str], int] = {}

    def birth(self, age_min: int, age_max: int) -> dt.date:
        age_days = self.rng.randint(age_min * 365 + 1, age_max * 365 + 364)
        return self.peildatum - dt.timedelta(days=age_days)

    def person(
        self,
        *,
        age: tuple[int, int],
        sex: str | None = None,
        surname: tuple[str, str] | None = None,
        relatie: str = Relatie.REFERENTIE,
        lid_van: dt.date | None = None,
    ) -> Person:
        sex = sex or self.rng.choice([Geslacht.MAN, Geslacht.VROUW])
        names = data.VOORNAMEN_M if sex == Geslacht.MAN else data.VOORNAMEN_V
        voornamen = self.rng.choice(names)
        if self.rng.random() < 0.25:
            voornamen += " " + self.rng.choice(names)
        voorvoegsel, achternaam = surname or self.rng.choice(data.ACHTERNAMEN)
        geboortedatum = self.birth(*age)
        start = lid_van or max(
            geboortedatum, self.peildatum - dt.timedelta(days=self.rng.randint(30, 365 * 25))
        )
        return Person(
            voornamen,
            voorvoegsel,
            achternaam,
            geboortedatum,
            sex,
            relatie,
            max(start, geboortedatum),
        )

    def address(self, wijk_index: int) -> tuple[str, int, str, str]:
        _, _, prefix, streets = data.WIJKEN[wijk_index]
        straat = self.rng.choice(streets)
        key = (wijk_index, straat)
        nummer = self.address_counter.get(key, 0) + 1
        self.address_counter[key] = nummer
        letters = "ABCDEFGHJKLMNPRSTVWXZ"
        block = (nummer // 20) + streets.index(straat) * 37
        postcode = (
            prefix + letters[(block // len(letters)) % len(letters)] + letters[block % len(letters)]
        )
        toevoeging = "" if self.rng.random() < 0.9 else self.rng.choice(["A", "B", "-1", "-2"])
        return straat, nummer, toevoeging, postcode

    def household(self) -> Household:
        """One household, composed along CBS-like shares: ~38% single, ~28% couple, ~27%
        couple with children, ~7% single parent."""
        rng = self.rng
        wijk_index = rng.randrange(len(data.WIJKEN))
        straat, nummer, toevoeging, postcode = self.address(wijk_index)
        hh = Household(wijk_index, straat, nummer, toevoeging, postcode)
        kind = rng.random()
        if kind < 0.38:
            age = (
                (18, 35) if rng.random() < 0.35 else ((36, 64) if rng.random() < 0.45 else (65, 98))
            )
            hh.members.append(self.person(age=age))
        elif kind < 0.66:
            age = (24, 64) if rng.random() < 0.55 else (65, 94)
            first = self.person(age=age, sex=Geslacht.MAN)
            hh.members.append(first)
            partner = self.person(
                age=(max(18, age[0] - 3), age[1]),
                sex=Geslacht.VROUW,
                relatie=Relatie.PARTNER,
                lid_van=first.lid_van,
            )
            hh.members.append(partner)
        else:
            single_parent = kind >= 0.93
            parent = self.person(
                age=(26, 55),
                sex=Geslacht.VROUW if single_parent or rng.random() < 0.5 else Geslacht.MAN,
            )
            hh.members.append(parent)
            surname = (parent.voorvoegsel, parent.achternaam)
            if not single_parent:
                hh.members.append(
                    self.person(age=(26, 55), relatie=Relatie.PARTNER, lid_van=parent.lid_van)
                )
            oldest = min(self.peildatum.year - parent.geboortedatum.year - 18, 22)
            for _ in range(rng.choices([1, 2, 3, 4], weights=[35, 45, 15, 5])[0]):
                child = self.person(age=(0, max(0, oldest)), surname=surname, relatie=Relatie.KIND)
                child.lid_van = (
                    child.geboortedatum if child.geboortedatum > parent.lid_van else parent.lid_van
                )
                hh.members.append(child)
            if single_parent and rng.random() < 0.5:
                ex = self.person(age=(26, 58), relatie=Relatie.PARTNER, lid_van=parent.lid_van)
                elders_wijk = rng.randrange(len(data.WIJKEN))
                ex.elders = (elders_wijk, *self.address(elders_wijk))
                hh.former.append((ex, self.peildatum - dt.timedelta(days=rng.randint(60, 2500))))
        return hh


def _staff(
    gemeente: Gemeente, teams: dict[str, Team], rng: random.Random, vandaag: dt.date
) -> list[tuple[str, str, str]]:
    password_hash = make_password(data.DEMO_WACHTWOORD)
    logins = []
    for username, first, last, rol, team_names in data.DEMO_LOGINS:
        extra = {}
        if rol == Rol.JEUGDPROFESSIONAL:
            extra = {
                "registratienummer": "SKJ120034567",
                "registratie_geldig_tot": vandaag + dt.timedelta(days=365 * 3),
            }
        medewerker_create(
            gemeente=gemeente,
            username=username,
            password=None,
            password_hash=password_hash,
            first_name=first,
            last_name=last,
            functie=rol,
            teams=[teams[t] for t in team_names],
            email=f"{username}@maasdal.example",
            **extra,
        )
        logins.append((username, data.DEMO_WACHTWOORD, Rol(rol).label))
    # Colleagues without a login: 4 generalists and 1 jeugdprofessional per wijkteam, plus in
    # Wijkteam West a jeugdprofessional whose registration lapsed (youth cases may not go there).
    n = 0
    for team_name, _ in data.WIJKTEAMS:
        for i in range(6 if team_name == "Wijkteam West" else 5):
            n += 1
            sex = rng.choice([Geslacht.MAN, Geslacht.VROUW])
            voornaam = rng.choice(data.VOORNAMEN_M if sex == Geslacht.MAN else data.VOORNAMEN_V)
            voorvoegsel, achternaam = rng.choice(data.ACHTERNAMEN)
            jeugd = i >= 4
            medewerker_create(
                gemeente=gemeente,
                username=f"medewerker{n:02d}",
                password=None,
                first_name=voornaam,
                last_name=f"{voorvoegsel} {achternaam}".strip(),
                functie=Rol.JEUGDPROFESSIONAL if jeugd else Rol.GENERALIST,
                teams=[teams[team_name]],
                expertises=rng.choice(["", "ouderen", "ggz", "schulden", "lvb", "jeugd"]),
                registratienummer=f"SKJ1{n:07d}" if jeugd else "",
                registratie_geldig_tot=(
                    vandaag + dt.timedelta(days=400) if i == 4 else vandaag - dt.timedelta(days=30)
                )
                if jeugd
                else None,
            )
    return logins


# Households generated, written and committed together (issue 16): the build keeps one batch
# in memory, a progress bar moves per batch, and `--hervat` continues after the last batch
# that was committed.
HUISHOUDENS_PER_BATCH = 5000


def build_demo(
    *,
    inwoners: int,
    seed: int = 2015,
    peildatum: dt.date = DEFAULT_PEILDATUM,
    vandaag: dt.date | None = None,
    progress: Callable[[int], None] = lambda n: None,
    hervat: bool = False,
    progress_historie: Callable[[int], None] = lambda n: None,
    progress_berichten: Callable[[int], None] = lambda n: None,
) -> DemoResult:
    """Create the demo municipality with about `inwoners` residents.

    In steps, each committed on its own: the municipality with its staff; the residents,
    households and networks per batch of `HUISHOUDENS_PER_BATCH` households; then the cases
    (meldingen, catalogue, beschikkingen, whole cases, the region, the policy plan); then five
    years of finished cases in bulk, per batch (demo.historie, `progress_historie` counts its
    meldingen); then the last year's message traffic of the ZIN beschikkingen, per month
    (demo.berichten, `progress_berichten` counts its months). `hervat`: continue a build that
    stopped — the batches already committed are generated again from the seed (same residents,
    same random stream) but not written; the cases are one step, redone when they were not
    committed; the history's batches and the traffic's months already there are skipped.
    Inside a caller's transaction (the tests) everything commits with it."""
    vandaag = vandaag or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    bestaand = Gemeente.objects.filter(cbs_code=data.GEMEENTE[0]).first() if hervat else None
    with transaction.atomic():
        if bestaand is None:
            gemeente, wijken, teams, logins = _inrichting(rng, vandaag)
        else:
            gemeente = bestaand
            wijken = list(Wijk.objects.filter(gemeente=gemeente).order_by("id"))
            teams = {t.naam: t for t in Team.objects.filter(gemeente=gemeente)}
            logins = [(u, data.DEMO_WACHTWOORD, Rol(r).label) for u, _, _, r, _ in data.DEMO_LOGINS]
            _staff_rng_replay(rng)
    geteld = _bewoners(gemeente, wijken, rng, peildatum, inwoners, progress)
    klaar = Voorziening.objects.filter(gemeente=gemeente).exists()
    # Fresh statistics so the query planner picks the search indexes (SQLite, PostgreSQL),
    # also for the services that build the cases below.
    statistieken()
    with transaction.atomic():
        zaken = (
            (0, 0, 0)
            if klaar
            else _zaken(gemeente, wijken, teams, rng, vandaag, inwoners, seed=seed)
        )
    meldingen, beschikt, extra_meldingen = zaken
    # Five years of finished cases, in bulk, per batch committed (demo.historie).
    historie = build_historie(
        gemeente=gemeente,
        seed=seed,
        vandaag=vandaag,
        inwoners=inwoners,
        progress=progress_historie,
    )
    # The traffic goes through the services, on top of the history's tables.
    statistieken()
    # A year of iWmo/iJw traffic for the ZIN beschikkingen of the last year (those above and
    # the history's), in bulk, per month committed (demo.berichten).
    verkeer = build_berichten(
        gemeente=gemeente, seed=seed, vandaag=vandaag, progress=progress_berichten
    )
    statistieken()
    return DemoResult(
        gemeente=gemeente,
        inwoners=geteld.inwoners,
        huishoudens=geteld.huishoudens,
        netwerkpersonen=geteld.netwerkpersonen,
        meldingen=meldingen + historie.meldingen,
        beschikkingen=beschikt + historie.beschikkingen,
        logins=logins,
        casussen=extra_meldingen,
        berichten=verkeer.berichten,
    )


def _inrichting(
    rng: random.Random, vandaag: dt.date
) -> tuple[Gemeente, list[Wijk], dict[str, Team], list[tuple[str, str, str]]]:
    """The municipality, its wijken, teams and staff."""
    roles_sync()
    gemeente = gemeente_create(
        cbs_code=data.GEMEENTE[0], naam=data.GEMEENTE[1], **data.GEMEENTE_CONTACT
    )
    wijken: list[Wijk] = [
        wijk_create(gemeente=gemeente, code=code, naam=naam) for code, naam, _, _ in data.WIJKEN
    ]
    teams: dict[str, Team] = {}
    for naam, indexes in data.WIJKTEAMS:
        teams[naam] = team_create(
            gemeente=gemeente,
            naam=naam,
            soort=TeamSoort.WIJKTEAM,
            wijken=[wijken[i] for i in indexes],
        )
    for naam, soort in [
        ("Toegang (midoffice)", TeamSoort.MIDOFFICE),
        ("Backoffice beschikkingen", TeamSoort.BACKOFFICE),
        ("Werkplein", TeamSoort.WERKPLEIN),
    ]:
        teams[naam] = team_create(gemeente=gemeente, naam=naam, soort=soort, wijken=wijken)
    teams["Veilig Thuis regio"] = team_create(
        gemeente=gemeente, naam="Veilig Thuis regio", soort=TeamSoort.REGIONAAL
    )
    logins = _staff(gemeente, teams, rng, vandaag)
    return gemeente, wijken, teams, logins


def _staff_rng_replay(rng: random.Random) -> None:
    """Draw what `_staff` draws, so a resumed build continues the same random stream."""
    for team_name, _ in data.WIJKTEAMS:
        for _i in range(6 if team_name == "Wijkteam West" else 5):
            sex = rng.choice([Geslacht.MAN, Geslacht.VROUW])
            rng.choice(data.VOORNAMEN_M if sex == Geslacht.MAN else data.VOORNAMEN_V)
            rng.choice(data.ACHTERNAMEN)
            rng.choice(["", "ouderen", "ggz", "schulden", "lvb", "jeugd"])


@dataclass
class _Geteld:
    inwoners: int = 0
    huishoudens: int = 0
    netwerkpersonen: int = 0


def _bewoners(
    gemeente: Gemeente,
    wijken: list[Wijk],
    rng: random.Random,
    peildatum: dt.date,
    inwoners: int,
    progress: Callable[[int], None],
) -> _Geteld:
    """Residents, households, memberships and networks, per batch of households, each batch
    committed on its own. Batches whose households are already in the database (a resumed
    build) are generated — the random stream and the BSNs stay the same — but not written."""
    gen = Generator(rng, peildatum)
    bsns = bsn_sequence()
    al_geschreven = Huishouden.objects.filter(gemeente=gemeente).count()
    geteld = _Geteld()
    total = 0
    while total < inwoners:
        batch: list[Household] = []
        while total < inwoners and len(batch) < HUISHOUDENS_PER_BATCH:
            hh = gen.household()
            room = inwoners - total
            hh.members = hh.members[:room]
            hh.former = hh.former[: max(0, room - len(hh.members))]
            batch.append(hh)
            total += len(hh.members) + len(hh.former)
        schrijven = geteld.huishoudens >= al_geschreven
        with transaction.atomic():
            n_inw, n_hh, n_net = _batch(gemeente, wijken, gen, bsns, batch, schrijven=schrijven)
        geteld.inwoners += n_inw
        geteld.huishoudens += n_hh
        geteld.netwerkpersonen += n_net
        progress(n_inw)
    return geteld


def _batch(
    gemeente: Gemeente,
    wijken: list[Wijk],
    gen: Generator,
    bsns: Iterator[str],
    households: list[Household],
    *,
    schrijven: bool,
) -> tuple[int, int, int]:
    """One batch of households: build the rows (always, for the random stream) and write them
    when `schrijven`. Returns the numbers of residents, households and network persons."""
    inwoner_rows: list[Inwoner] = []
    for hh in households:
        for p in [*hh.members, *(ex for ex, _ in hh.former)]:
            zoeknaam, zoeknaam_voornaam = search_names(
                voornamen=p.voornamen, voorvoegsel=p.voorvoegsel, achternaam=p.achternaam
            )
            wijk_index, straat, nummer, toevoeging, postcode = p.elders or (
                hh.wijk_index,
                hh.straat,
                hh.huisnummer,
                hh.toevoeging,
                hh.postcode,
            )
            inwoner_rows.append(
                Inwoner(
                    gemeente=gemeente,
                    bsn=next(bsns),
                    voornamen=p.voornamen,
                    voorvoegsel=p.voorvoegsel,
                    achternaam=p.achternaam,
                    geboortedatum=p.geboortedatum,
                    geslacht=p.geslacht,
                    straat=straat,
                    huisnummer=nummer,
                    huisnummer_toevoeging=toevoeging,
                    postcode=postcode,
                    woonplaats=data.WOONPLAATS,
                    wijk=wijken[wijk_index],
                    zoeknaam=zoeknaam,
                    zoeknaam_voornaam=zoeknaam_voornaam,
                )
            )
    huishouden_rows = [
        Huishouden(gemeente=gemeente, naam=f"Huishouden {hh.members[0].achternaam}")
        for hh in households
    ]
    # Former members (an ex-partner) now live alone elsewhere: a household of their own.
    elders_rows = [
        Huishouden(gemeente=gemeente, naam=f"Huishouden {ex.achternaam}")
        for hh in households
        for ex, _ in hh.former
    ]
    if schrijven:
        schrijf(Inwoner, inwoner_rows)
        schrijf(Huishouden, huishouden_rows + elders_rows)
    elders_iter = iter(elders_rows)
    lid_rows: list[HuishoudenLid] = []
    netwerk_rows: list[Netwerkpersoon] = []
    it = iter(inwoner_rows)
    for hh, huishouden in zip(households, huishouden_rows, strict=True):
        current = [(p, next(it)) for p in hh.members]
        former = [(p, next(it), tot) for p, tot in hh.former]
        for p, inwoner in current:
            lid_rows.append(
                HuishoudenLid(
                    huishouden=huishouden, inwoner=inwoner, relatie=p.relatie, lid_van=p.lid_van
                )
            )
        for p, inwoner, tot in former:
            lid_tot = max(tot, p.lid_van)
            lid_rows.append(
                HuishoudenLid(
                    huishouden=huishouden,
                    inwoner=inwoner,
                    relatie=p.relatie,
                    lid_van=p.lid_van,
                    lid_tot=lid_tot,
                )
            )
            lid_rows.append(
                HuishoudenLid(
                    huishouden=next(elders_iter),
                    inwoner=inwoner,
                    relatie=Relatie.REFERENTIE,
                    lid_van=lid_tot,
                )
            )
        _network(gen, current, netwerk_rows)
    if schrijven:
        schrijf(HuishoudenLid, lid_rows)
        schrijf(Netwerkpersoon, netwerk_rows)
    return len(inwoner_rows), len(huishouden_rows) + len(elders_rows), len(netwerk_rows)


def _zaken(
    gemeente: Gemeente,
    wijken: list[Wijk],
    teams: dict[str, Team],
    rng: random.Random,
    vandaag: dt.date,
    inwoners: int,
    *,
    seed: int,
) -> tuple[int, int, int]:
    """The cases on top of the residents, in one step: (meldingen, beschikkingen, meldingen of
    the whole cases)."""
    from eenplan.gemeente.models import Medewerker

    # A few residents outside the generalist's wijken are explicitly assigned to them.
    generalist = Medewerker.objects.get(user__username="generalist", gemeente=gemeente)
    for inwoner in Inwoner.objects.filter(wijk=wijken[4]).order_by("id")[:3]:
        dossiertoegang_grant(
            medewerker=generalist,
            inwoner=inwoner,
            van=vandaag,
            reden="Casusregie op verzoek van Wijkteam Zuid",
        )
    meldingen = build_meldingen(
        gemeente=gemeente,
        rng=rng,
        vandaag=vandaag,
        aantal=aantallen(inwoners)[0],
    )
    maatwerk = build_catalogus(gemeente=gemeente, wijken=wijken)
    backoffice = Medewerker.objects.get(user__username="backoffice", gemeente=gemeente).user
    beschikt = build_beschikkingen(
        gemeente=gemeente,
        maatwerk=maatwerk,
        rng=rng,
        vandaag=vandaag,
        door=backoffice,
        inwoners=inwoners,
    )
    # A few whole cases (melding to bezwaar) through the shared scenario steps.
    casussen = aantal_casussen(inwoners)
    extra_meldingen, extra_beschikkingen = build_casussen(
        gemeente=gemeente,
        wijken=wijken,
        teams=teams,
        maatwerk=maatwerk,
        rng=rng,
        vandaag=vandaag,
        aantal=casussen,
    )
    # Work and income (issue 14): applications for bijstand, routes and trajectories, with a
    # random stream of its own so the rest of the demo stays as it was for a seed.
    build_participatie(
        gemeente=gemeente,
        rng=random.Random(seed + 14),  # noqa: S311 - demo data, not security
        vandaag=vandaag,
        door=Medewerker.objects.get(user__username="werkplein", gemeente=gemeente).user,
    )
    # A region in one installation (issue 16): Weert beside Maasdal, and the regional
    # generalist `regio` who works for both (eenplan.testing.regio, as the tests build it).
    regio.bouw(wachtwoord=data.DEMO_WACHTWOORD, vandaag=vandaag, eerste=gemeente)
    # The policy plan of seed 002 and two rounds of the client-experience survey.
    build_beleid(
        gemeente=gemeente,
        vandaag=vandaag,
        rng=rng,
        door=Medewerker.objects.get(user__username="beleid", gemeente=gemeente).user,
    )
    # Purpose-bound sharing (issue 17): exchanges, a veto, a gezinscoach with delivery notes.
    build_uitwisselingen(gemeente=gemeente, vandaag=vandaag, rng=rng)
    # Mantelzorg and volunteers (issue 15): carers of about a third of the clients, last, so
    # the data above stays the same for a seed.
    from eenplan.demo.mantelzorg import build_mantelzorg

    build_mantelzorg(gemeente=gemeente, rng=rng, vandaag=vandaag)
    # Debt help (issue 14): signals, contact attempts and debt routes, with a random stream of
    # its own so the data above stays the same for a seed.
    from eenplan.demo.schuldhulp import build_schuldhulp

    build_schuldhulp(
        gemeente=gemeente,
        rng=random.Random(seed + 40),  # noqa: S311 - demo data, not security
        vandaag=vandaag,
    )
    # The residents' AVG requests in every state and a destruction list awaiting a second
    # privacy officer (issue 17), with a random stream of its own, after everything else.
    from eenplan.demo.avg import build_avg

    build_avg(gemeente=gemeente, vandaag=vandaag, rng=random.Random(seed + 17))  # noqa: S311
    return (meldingen + extra_meldingen, beschikt + extra_beschikkingen, extra_meldingen)


def _network(
    gen: Generator, current: list[tuple[Person, Inwoner]], rows: list[Netwerkpersoon]
) -> None:
    """Mantelzorgers for about a third of the elderly, neighbours, and representatives."""
    rng = gen.rng
    for p, inwoner in current:
        age = gen.peildatum.year - p.geboortedatum.year
        if age >= 70 and rng.random() < 0.35:
            child = gen.person(age=(40, 65), surname=(p.voorvoegsel, p.achternaam))
            rows.append(
                Netwerkpersoon(
                    inwoner=inwoner,
                    soort=NetwerkSoort.MANTELZORGER,
                    naam=_roepnaam(child),
                    relatie=rng.choice(["dochter", "zoon", "schoondochter"]),
                    telefoon=f"06{rng.randint(10_000_000, 99_999_999)}",
                    sinds=gen.peildatum - dt.timedelta(days=rng.randint(100, 3000)),
                )
            )
            if rng.random() < 0.3:
                buur = gen.person(age=(30, 80))
                rows.append(
                    Netwerkpersoon(
                        inwoner=inwoner,
                        soort=NetwerkSoort.BUUR,
                        naam=_roepnaam(buur),
                        relatie="buur",
                        telefoon="",
                    )
                )
            if age >= 85 and rng.random() < 0.2:
                rows.append(
                    Netwerkpersoon(
                        inwoner=inwoner,
                        soort=NetwerkSoort.VERTEGENWOORDIGER,
                        naam="Stichting Mentorschap Limburg",
                        relatie="mentor (art. 1:450 BW)",
                    )
                )
        elif 18 <= age < 70 and rng.random() < 0.04:
            vriend = gen.person(age=(20, 70))
            rows.append(
                Netwerkpersoon(
                    inwoner=inwoner,
                    soort=NetwerkSoort.VRIEND,
                    naam=_roepnaam(vriend),
                    relatie="vriend(in)",
                )
            )


def _roepnaam(person: Person) -> str:
    """'Jan de Vries' from first given name, prefix and surname."""
    return " ".join(
        p for p in [person.voornamen.split()[0], person.voorvoegsel, person.achternaam] if p
    )
