"""Demo mantelzorg and volunteers (issue 15), through the mantelzorg services.

About one carer for every third client (a resident with a melding): the mantelzorgers of the
network are registered for them (some living elsewhere, a few young carers), the burden is
recorded in running onderzoeken, carers get support along the basisfuncties and ask for
respite (most delivered, some not for want of an offer), the municipality's appreciation is an
amount of € 50 (an example, with its source), a volunteer's VOG counts 36 months (an example
too: some volunteers' VOG is too old, and they are not matched), and a volunteer pool with
klussen of which most are matched. The shares are the demo's own (no seed gives them)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.mantelzorg import selectors, services
from eenplan.mantelzorg.models import Klus, Mantelzorger
from eenplan.meldingen.constants import Kanaal
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek
from eenplan.rules.mantelzorg import DAGDELEN, Basisfunctie, dagdeel_van

TAKEN = ["huishouden", "vervoer", "administratie", "gezelschap", "persoonlijke_verzorging"]
AANBIEDERS = ["Steunpunt Mantelzorg Maasdal", "Wijkteam", "Alzheimer Café", "Huisarts"]
VAARDIGHEDEN = ["boodschappen", "vervoer", "tuin", "klussen", "administratie", "gezelschap"]
VOORNAMEN = ["Ria", "Jos", "Mieke", "Harrie", "Annie", "Wim", "Noor", "Sem", "Lies", "Bart"]
ACHTERNAMEN = ["Peeters", "Janssen", "Hendriks", "Smeets", "Willems", "Geurts", "Verbeek"]
MAX_MANTELZORGERS = 5000  # the 1M demo stays within its time; the pages show the same kinds


def build_mantelzorg(*, gemeente: Gemeente, rng: random.Random, vandaag: dt.date) -> int:
    """Registers carers, support, respite, appreciations, volunteers and klussen; returns the
    number of carers registered."""
    midoffice = Medewerker.objects.filter(gemeente=gemeente, functie=Rol.MIDOFFICE).first()
    beheer = Medewerker.objects.filter(gemeente=gemeente, functie=Rol.FUNCTIONEEL_BEHEER).first()
    if midoffice is None or beheer is None:
        return 0
    door = midoffice.user
    services.regeling_save(
        gemeente=gemeente,
        vorm="bedrag",
        bedrag=Decimal("50.00"),
        geldig_vanaf=dt.date(vandaag.year - 1, 1, 1),
        bron="Verordening maatschappelijke ondersteuning Maasdal, art. 14 (voorbeeld)",
        actor=beheer.user,
    )
    services.vog_termijn_save(
        gemeente=gemeente,
        maanden=36,
        geldig_vanaf=dt.date(vandaag.year - 1, 1, 1),
        bron="Vrijwilligersbeleid Maasdal, paragraaf 4 (voorbeeld)",
        actor=beheer.user,
    )
    # Clients: residents with a melding for support (a debt-help signal is not one).
    clienten = Inwoner.objects.filter(
        pk__in=Melding.objects.filter(gemeente=gemeente, inwoner__isnull=False)
        .exclude(kanaal=Kanaal.VROEGSIGNALERING)
        .values("inwoner_id")
    )
    # About one carer for every third client (issue 15), at most MAX_MANTELZORGERS (the 1M demo).
    doel = min(round(clienten.count() / 3), MAX_MANTELZORGERS)
    netwerk = Netwerkpersoon.objects.filter(
        inwoner__in=clienten, soort=NetwerkSoort.MANTELZORGER
    ).select_related("inwoner")
    aantal = 0
    verzorgd: set[int] = set()
    for persoon in netwerk.order_by("id"):
        if aantal >= doel:
            break
        relatie = _registreer(persoon, rng=rng, door=door, vandaag=vandaag)
        if relatie is None:
            continue
        aantal += 1
        verzorgd.add(persoon.inwoner_id)
        _verder(relatie, rng=rng, door=door, vandaag=vandaag)
    # The network names a carer for few clients who are not elderly; the others' carers are
    # registered at the desk: a child or a friend, often living elsewhere, sometimes young.
    for inwoner in clienten.order_by("id").iterator(chunk_size=500):
        if aantal >= doel:
            break
        if inwoner.pk in verzorgd or rng.random() < 0.5:
            continue
        relatie = _registreer_elders(inwoner, rng=rng, door=door, vandaag=vandaag)
        if relatie is None:
            continue
        aantal += 1
        _verder(relatie, rng=rng, door=door, vandaag=vandaag)
    _vrijwilligers(gemeente, clienten, rng=rng, door=door, vandaag=vandaag)
    return aantal


def _verder(relatie, *, rng: random.Random, door, vandaag) -> None:  # type: ignore[no-untyped-def]
    """Support, respite, this year's appreciation (for most) and the burden in a running
    onderzoek, for one registered carer."""
    mz, inwoner = relatie.mantelzorger, relatie.inwoner
    _ondersteuning(mz, rng=rng, door=door, vandaag=vandaag)
    _respijt(mz, inwoner, rng=rng, door=door, vandaag=vandaag)
    if rng.random() < 0.6:
        services.waardering_aanvragen(
            mantelzorger=mz,
            namens=inwoner,
            aangevraagd_door=rng.choice(["zelf", "verzorgde", "medewerker"]),
            aangevraagd_op=vandaag - dt.timedelta(days=rng.randint(0, 60)),
            actor=door,
        )
    _belasting(relatie, rng=rng, vandaag=vandaag)


def _registreer_elders(inwoner: Inwoner, *, rng: random.Random, door, vandaag):  # type: ignore[no-untyped-def]
    jong = rng.random() < 0.08
    geboren = (
        vandaag.replace(year=vandaag.year - rng.randint(12, 17))
        if jong
        else dt.date(rng.randint(1950, 1995), rng.randint(1, 12), rng.randint(1, 28))
    )
    try:
        return services.mantelzorger_register(
            verzorgde=inwoner,
            naam=f"{rng.choice(VOORNAMEN)} "
            + (inwoner.achternaam if jong else rng.choice(ACHTERNAMEN)),
            geboortedatum=geboren,
            woonplaats="" if jong else rng.choice(["", "Venlo", "Roermond", "Weert", "Eindhoven"]),
            relatie="kind" if jong else rng.choice(["dochter", "zoon", "vriendin", "buurman"]),
            uren_per_week=Decimal(rng.choice([2, 4, 6, 8, 10, 12, 16, 20])),
            sinds=vandaag - dt.timedelta(days=rng.randint(60, 2500)),
            taken=rng.sample(TAKEN, k=rng.randint(1, 3)),
            actor=door,
        )
    except ValidationError:
        return None


def _registreer(persoon: Netwerkpersoon, *, rng: random.Random, door, vandaag):  # type: ignore[no-untyped-def]
    jong = rng.random() < 0.05
    geboren = (
        vandaag.replace(year=vandaag.year - rng.randint(12, 17))
        if jong
        else dt.date(rng.randint(1950, 1990), rng.randint(1, 12), rng.randint(1, 28))
    )
    sinds = persoon.sinds or vandaag - dt.timedelta(days=rng.randint(100, 2000))
    try:
        return services.mantelzorger_register(
            verzorgde=persoon.inwoner,
            naam=persoon.naam,
            geboortedatum=geboren,
            woonplaats=rng.choice(["", "", "Venlo", "Roermond", "Weert"]),
            telefoon=persoon.telefoon,
            relatie=persoon.relatie,
            netwerkpersoon=persoon,
            uren_per_week=Decimal(rng.choice([2, 4, 6, 8, 10, 12, 16, 20, 30])),
            sinds=min(sinds, vandaag),
            taken=rng.sample(TAKEN, k=rng.randint(1, 3)),
            actor=door,
        )
    except ValidationError:
        return None


def _ondersteuning(mz: Mantelzorger, *, rng: random.Random, door, vandaag) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        services.ondersteuning_add(
            mantelzorger=mz,
            basisfunctie=rng.choice(list(Basisfunctie)).value,
            aanbieder=rng.choice(AANBIEDERS),
            datum=vandaag - dt.timedelta(days=rng.randint(0, 300)),
            actor=door,
        )


def _respijt(mz: Mantelzorger, inwoner: Inwoner, *, rng: random.Random, door, vandaag) -> None:  # type: ignore[no-untyped-def]
    if rng.random() > 0.3:
        return
    gevraagd = vandaag - dt.timedelta(days=rng.randint(5, 300))
    vraag = services.respijt_vraag_add(
        mantelzorger=mz,
        inwoner=inwoner,
        soort=rng.choice(["thuis", "dag", "dag", "logeren"]),
        gevraagd_op=gevraagd,
        uren_gevraagd=Decimal(rng.choice([4, 8, 16, 24, 48])),
        actor=door,
    )
    uitkomst = rng.random()
    if uitkomst < 0.15:
        return  # still open
    op = min(vandaag, gevraagd + dt.timedelta(days=rng.randint(2, 40)))
    if uitkomst < 0.35 and vraag.soort == "logeren":
        services.respijt_vraag_afhandelen(
            vraag=vraag,
            status="niet_geleverd",
            afgehandeld_op=op,
            actor=door,
            toelichting="Logeerhuis vol",
        )
        return
    services.respijt_vraag_afhandelen(
        vraag=vraag,
        status="geleverd",
        afgehandeld_op=op,
        uren_geleverd=vraag.uren_gevraagd * Decimal(rng.choice([1, 1, 1, Decimal("0.5")])),
        aanbieder=rng.choice(
            ["Dagbesteding De Linde", "Logeerhuis Maasdal", "Vrijwillige thuiszorg"]
        ),
        actor=door,
    )


def _belasting(relatie, *, rng: random.Random, vandaag) -> None:  # type: ignore[no-untyped-def]
    onderzoek = (
        Onderzoek.objects.filter(inwoner_id=relatie.inwoner_id, status=OnderzoekStatus.LOPEND)
        .select_related("medewerker__user")
        .first()
    )
    if onderzoek is None:
        return
    try:
        services.belasting_vastleggen(
            onderzoek=onderzoek,
            zorgrelatie=relatie,
            overbelast=rng.random() < 0.3,
            vastgesteld_op=vandaag,
            actor=onderzoek.medewerker.user,
        )
    except (ValidationError, PermissionDenied):
        return


def _vrijwilligers(gemeente: Gemeente, clienten, *, rng: random.Random, door, vandaag) -> None:  # type: ignore[no-untyped-def]
    from eenplan.gemeente.models import Wijk

    wijken = list(Wijk.objects.filter(gemeente=gemeente).order_by("id"))
    pool = []
    for i in range(max(8, clienten.count() // 10)):
        pool.append(
            services.vrijwilliger_save(
                gemeente=gemeente,
                naam=f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}",
                wijk=wijken[i % len(wijken)],
                vaardigheden=rng.sample(VAARDIGHEDEN, k=rng.randint(1, 3)),
                beschikbaarheid=rng.sample(DAGDELEN, k=rng.randint(3, 10)),
                vog_datum=vandaag - dt.timedelta(days=rng.randint(30, 1500))
                if rng.random() < 0.8
                else None,
                actor=door,
            )
        )
    vog_versies = selectors.vog_termijn_versies(gemeente.pk)
    gematcht = False
    eerste = None
    for inwoner in clienten.order_by("id")[: max(10, clienten.count() // 8)]:
        if inwoner.wijk_id is None:
            continue
        eerste = eerste or inwoner
        klus = services.klus_add(
            hulpvrager=inwoner,
            vaardigheid=rng.choice(VAARDIGHEDEN),
            omschrijving="Hulp gevraagd via het wijkteam",
            datum=vandaag + dt.timedelta(days=rng.randint(1, 30)),
            dagdeel=rng.choice(["ochtend", "middag", "avond"]),
            actor=door,
        )
        passend = [
            v
            for v in pool
            if klus.vaardigheid in v.vaardigheden
            and dagdeel_van(klus.datum, klus.dagdeel) in v.beschikbaarheid
            and not selectors.vog_te_oud(v, klus.datum, vog_versies)
        ]
        if passend and rng.random() < 0.8:
            passend.sort(key=lambda v: v.wijk_id != klus.wijk_id)
            services.match_maken(
                klus=Klus.objects.get(pk=klus.pk), vrijwilliger=passend[0], actor=door
            )
            gematcht = True
    # A small pool can leave every klus unmatched by chance: the demo shows at least one match —
    # the first client's klus once more, with the skill and on the first free part of the week
    # of a volunteer whose VOG is valid (no draw, so the random stream stays as it was).
    if not gematcht and eerste is not None:
        for v in pool:
            for dagen in range(1, 8):
                datum = vandaag + dt.timedelta(days=dagen)
                delen = [
                    d
                    for d in ("ochtend", "middag", "avond")
                    if dagdeel_van(datum, d) in v.beschikbaarheid
                ]
                if not delen or selectors.vog_te_oud(v, datum, vog_versies):
                    continue
                klus = services.klus_add(
                    hulpvrager=eerste,
                    vaardigheid=v.vaardigheden[0],
                    omschrijving="Hulp gevraagd via het wijkteam",
                    datum=datum,
                    dagdeel=delen[0],
                    actor=door,
                )
                services.match_maken(klus=Klus.objects.get(pk=klus.pk), vrijwilliger=v, actor=door)
                return
