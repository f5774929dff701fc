"""Five years of case history in bulk (issue 16): meldingen with their history, assignments,
dossier access, suspensions, onderzoeken, plans and beschikkingen, finished long ago.

The live part of the demo (the last year's meldingen, up to `LIVE_MAX`) still goes through the
services one by one (demo.meldingen): that is what shows every state a worker meets. What came
before — four more years, and at a large municipality the rest of the last year — is written
here in bulk: the values the services would have produced are computed with the same rules
functions (`rules.termijnen.termijn_einde_met_opschorting` for the onderzoek term with its
suspensions, `termijnen.WMO_PERSOONLIJK_PLAN`, `rules.aanvraag.beslissen_uiterlijk`,
`rules.termijnen.bezwaar_uiterlijk`), and written with COPY on PostgreSQL and batched inserts
on SQLite (demo.bulk), one transaction per batch of `PER_BATCH` meldingen.

Resumable: batch *i* draws from its own random stream (seed, i) and writes exactly
`PER_BATCH` meldingen (the last one the rest), so a resumed build counts the history meldingen
already there and starts at the first batch that is missing. A batch is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import F

from eenplan.aanbieders.models import ContractProduct
from eenplan.beschikkingen.constants import AanvraagStatus, Uitkomst
from eenplan.beschikkingen.models import Aanvraag, Beschikking, BeschikteVoorziening
from eenplan.demo.bulk import schrijf
from eenplan.demo.meldingen import KANALEN, MELDERS, MELDINGEN_PER_INWONER, VRAGEN, _pick
from eenplan.events import soorten
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.constants import Rol, TeamSoort
from eenplan.gemeente.models import Gemeente, Medewerker, Team
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.meldingen.constants import (
    WETTELIJKE_VERWIJZERS,
    Doorzetting,
    MelderSoort,
    Status,
    Urgentie,
)
from eenplan.meldingen.models import Melding, MeldingGebeurtenis, Opschorting, Toewijzing
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.constants import PlanStatus
from eenplan.plannen.models import Plan
from eenplan.privacy.models import DossierToegang
from eenplan.rules import termijnen
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.voorzieningen.constants import VoorzieningSoort
from eenplan.voorzieningen.models import Voorziening

# Four years before the live year: with it, five years of cases.
JAREN = 4
# The last year's meldingen through the services one by one: at most this many — what the
# 20,000-resident demo (`make run`) has, every state a worker meets. The rest of that year, at
# a larger municipality, comes here in bulk.
LIVE_MAX = 600
PER_BATCH = 5000
# Bulk meldingen of the live year are at least this old: finished, so the worklists show the
# service-made ones.
LIVE_JAAR_MINIMAAL = 100
BRON_RANDOM = 16  # seed offset of the history's own random streams


def aantallen(inwoners: int) -> tuple[int, int, int]:
    """(meldingen of the live year through the services, of the live year in bulk, of the
    years before in bulk) for a municipality of `inwoners`."""
    per_jaar = max(1, round(inwoners * MELDINGEN_PER_INWONER))
    live = min(per_jaar, LIVE_MAX)
    return live, per_jaar - live, per_jaar * JAREN


@dataclass
class Geteld:
    meldingen: int = 0
    onderzoeken: int = 0
    plannen: int = 0
    beschikkingen: int = 0


@dataclass
class _Context:
    gemeente: Gemeente
    vandaag: dt.date
    door_id: int  # the mid-office's login: registers, screens, assigns
    besluit_id: int  # the back office's login: decides
    team_van_wijk: dict[int, int]
    generalisten: dict[int, list[Medewerker]]  # team id -> generalists
    jeugd: dict[int, list[Medewerker]]  # team id -> youth professionals with a registration
    wmo: list[Voorziening]
    jeugdhulp: list[Voorziening]
    extra: tuple = ()
    teller: dict[int, int] = field(default_factory=dict)
    # Per product: the providers contracted for it, with the contract's period (a ZIN
    # beschikking names one whose contract covers its start, as the service requires).
    aanbieders: dict[int, list[tuple[int, dt.date, dt.date | None]]] = field(default_factory=dict)


def build_historie(
    *,
    gemeente: Gemeente,
    seed: int,
    vandaag: dt.date,
    inwoners: int,
    progress: Callable[[int], None] = lambda n: None,
) -> Geteld:
    """Write the history in batches, each committed on its own; skip the batches a previous
    (interrupted) build committed. `progress` gets the number of meldingen per batch."""
    _, live_bulk, eerder = aantallen(inwoners)
    totaal = live_bulk + eerder
    ctx = _context(gemeente, vandaag)
    # The history's meldingen were confirmed on the day they came in; the services confirm on
    # the day of the build (`vandaag`), and the live ones came in before it.
    al = Melding.objects.filter(
        gemeente=gemeente,
        geregistreerd_door_id=ctx.door_id,
        ontvangstbevestiging_op=F("ontvangen_op"),
        ontvangen_op__lte=vandaag - dt.timedelta(days=LIVE_JAAR_MINIMAAL),
    )
    klaar = al.count() // PER_BATCH if totaal else 0
    geteld = Geteld()
    # Residents with a live case (made through the services) keep their one dossier story;
    # the history is about the others.
    live = set(
        Melding.objects.filter(gemeente=gemeente, inwoner__isnull=False)
        .exclude(pk__in=al.values("pk"))
        .values_list("inwoner_id", flat=True)
    )
    kandidaten = [
        rij
        for rij in Inwoner.objects.filter(gemeente=gemeente)
        .order_by("id")
        .values_list("id", "geboortedatum", "wijk_id")
        .iterator(chunk_size=20_000)
        if rij[0] not in live
    ]
    for index, start in enumerate(range(0, totaal, PER_BATCH)):
        n = min(PER_BATCH, totaal - start)
        if index < klaar:
            progress(n)
            continue
        rng = random.Random(seed * 1000 + BRON_RANDOM * 100 + index)  # noqa: S311 - demo data
        with transaction.atomic():
            deel = _batch(ctx, rng, kandidaten, start=start, n=n, live_bulk=live_bulk)
        geteld.meldingen += deel.meldingen
        geteld.onderzoeken += deel.onderzoeken
        geteld.plannen += deel.plannen
        geteld.beschikkingen += deel.beschikkingen
        progress(n)
    return geteld


def _context(gemeente: Gemeente, vandaag: dt.date) -> _Context:
    teams = list(Team.objects.filter(gemeente=gemeente, soort=TeamSoort.WIJKTEAM).order_by("id"))
    team_van_wijk: dict[int, int] = {}
    for team in teams:
        for wijk_id in team.wijken.values_list("id", flat=True):
            team_van_wijk.setdefault(wijk_id, team.pk)
    generalisten: dict[int, list[Medewerker]] = {}
    jeugd: dict[int, list[Medewerker]] = {}
    for team in teams:
        leden = list(team.medewerkers.order_by("id"))
        generalisten[team.pk] = [m for m in leden if m.functie == Rol.GENERALIST]
        jeugd[team.pk] = [
            m
            for m in leden
            if m.functie == Rol.JEUGDPROFESSIONAL
            and m.registratienummer
            and m.registratie_geldig_op(vandaag)
        ]
    maatwerk = list(
        Voorziening.objects.filter(gemeente=gemeente, soort=VoorzieningSoort.INDIVIDUEEL).order_by(
            "id"
        )
    )
    aanbieders: dict[int, list[tuple[int, dt.date, dt.date | None]]] = {}
    for voorziening_id, aanbieder_id, begin, einde in (
        ContractProduct.objects.filter(contract__gemeente=gemeente)
        .exclude(contract__aanbieder__agb_code="")
        .order_by("voorziening_id", "contract__aanbieder_id", "contract__begin")
        .values_list(
            "voorziening_id", "contract__aanbieder_id", "contract__begin", "contract__einde"
        )
        .distinct()
    ):
        aanbieders.setdefault(voorziening_id, []).append((aanbieder_id, begin, einde))
    return _Context(
        gemeente=gemeente,
        vandaag=vandaag,
        door_id=Medewerker.objects.get(user__username="midoffice", gemeente=gemeente).user_id,
        besluit_id=Medewerker.objects.get(user__username="backoffice", gemeente=gemeente).user_id,
        team_van_wijk=team_van_wijk,
        generalisten=generalisten,
        jeugd=jeugd,
        wmo=[v for v in maatwerk if v.wet == "wmo"],
        jeugdhulp=[v for v in maatwerk if v.wet == "jeugd"],
        extra=gelijkgestelde_dagen(),
        aanbieders=aanbieders,
    )


def _aanbieder(ctx: _Context, voorziening_id: int, begin: dt.date, melding_id: int) -> int | None:
    """A provider contracted for the product on the day the provision starts, chosen by the
    melding (no draw from the batch's random stream, so its data stays the same); None before
    the first contract (the beschikking predates the contracting: no provider on record)."""
    geldig = [
        a
        for a, van, tot in ctx.aanbieders.get(voorziening_id, [])
        if van <= begin and (tot is None or begin <= tot)
    ]
    return geldig[melding_id % len(geldig)] if geldig else None


def _moment(dag: dt.date, uur: int = 10) -> dt.datetime:
    return dt.datetime.combine(dag, dt.time(uur), tzinfo=dt.UTC)


def _batch(
    ctx: _Context,
    rng: random.Random,
    kandidaten: list[tuple[int, dt.date, int]],
    *,
    start: int,
    n: int,
    live_bulk: int,
) -> Geteld:
    vandaag = ctx.vandaag
    gekozen: list[tuple[int, int, dt.date, dt.date]] = []  # resident, wijk, received, born
    for offset in range(n):
        if start + offset < live_bulk:  # the rest of the live year, finished by now
            dagen = rng.randint(LIVE_JAAR_MINIMAAL, 365)
        else:
            dagen = rng.randint(366, 365 * (JAREN + 1))
        ontvangen = vandaag - dt.timedelta(days=dagen)
        inwoner_id, geboren, wijk_id = rng.choice(kandidaten)
        while geboren > ontvangen - dt.timedelta(days=30):  # not born yet then: someone else
            inwoner_id, geboren, wijk_id = rng.choice(kandidaten)
        gekozen.append((inwoner_id, wijk_id, ontvangen, geboren))
    huishouden_van = dict(
        HuishoudenLid.objects.filter(
            inwoner_id__in={k[0] for k in gekozen}, lid_tot__isnull=True
        ).values_list("inwoner_id", "huishouden_id")
    )
    meldingen: list[Melding] = []
    plan: list[dict] = []  # per melding: what happened to it
    for inwoner_id, wijk_id, ontvangen, geboren in gekozen:
        leeftijd = (ontvangen - geboren).days // 365
        domeinen = ["jeugd"] if leeftijd < 18 else ["wmo"]
        if leeftijd >= 18 and rng.random() < 0.15:
            domeinen.append("participatie")
        if leeftijd >= 18 and rng.random() < 0.10:
            domeinen.append("schulden")
        melder = _pick(rng, MELDERS)
        if leeftijd < 18 and melder in (MelderSoort.PARTNER, MelderSoort.POLITIE):
            melder = MelderSoort.SCHOOL
        melding = Melding(
            gemeente_id=ctx.gemeente.pk,
            inwoner_id=inwoner_id,
            huishouden_id=huishouden_van.get(inwoner_id),
            melder_soort=melder,
            melder_naam="" if melder == MelderSoort.ANONIEM else "Demo-melder",
            kanaal=_pick(rng, KANALEN),
            urgentie=Urgentie.SPOED if rng.random() < 0.03 else Urgentie.NORMAAL,
            vraag=rng.choice(VRAGEN[domeinen[-1]]),
            ontvangen_op=ontvangen,
            ontvangstbevestiging_op=ontvangen,
            wettelijke_verwijzing="jeugd" in domeinen and melder in WETTELIJKE_VERWIJZERS,
            geregistreerd_door_id=ctx.door_id,
            created_at=_moment(ontvangen, 9),
            **{d: d in domeinen for d in ("wmo", "jeugd", "participatie", "schulden", "overig")},
        )
        verloop = _verloop(ctx, rng, melding, wijk_id)
        melding.persoonlijk_plan_uiterlijk = termijnen.WMO_PERSOONLIJK_PLAN.einde(
            ontvangen, extra=ctx.extra
        )
        melding.onderzoek_uiterlijk = termijnen.termijn_einde_met_opschorting(
            ontvangen,
            weken=termijnen.WMO_ONDERZOEK.weken,
            opschortingen=[
                termijnen.Opschorting(van=van, tot=tot, reden="")
                for van, tot in verloop["opschort"]
            ],
            extra=ctx.extra,
        )
        if verloop.get("onderzoek_op"):
            # Most onderzoeken finish within the term; about one in eight is late.
            uiterlijk = melding.onderzoek_uiterlijk
            laat = rng.random() < 0.12
            dag = (
                uiterlijk + dt.timedelta(days=rng.randint(1, 20))
                if laat
                else min(uiterlijk, verloop["van"] + dt.timedelta(days=rng.randint(10, 35)))
            )
            verloop["onderzoek_op"] = max(dag, verloop["van"] + dt.timedelta(days=1))
            melding.onderzoek_afgerond_op = verloop["onderzoek_op"]
            verloop["tot"] = max(verloop["tot"], verloop["onderzoek_op"] + dt.timedelta(days=7))
        melding.updated_at = _moment(min(verloop.get("tot") or ontvangen, vandaag), 16)
        meldingen.append(melding)
        plan.append(verloop)
    schrijf(Melding, meldingen)
    return _gevolgen(ctx, rng, meldingen, plan)


def _verloop(ctx: _Context, rng: random.Random, melding: Melding, wijk_id: int) -> dict:
    """The route of a finished melding, as demo.meldingen takes a live one: about a fifth
    answered at once, a tenth forwarded, the rest assigned, investigated and closed."""
    roll = rng.random()
    ontvangen = melding.ontvangen_op
    verloop: dict = {"opschort": [], "tot": ontvangen}
    team_id = ctx.team_van_wijk.get(wijk_id)
    kandidaten = (ctx.jeugd if melding.jeugd else ctx.generalisten).get(team_id or 0, [])
    if roll < 0.22 or not kandidaten:
        melding.status = Status.BEANTWOORD
        melding.antwoord = "Verwezen naar de sociale kaart: algemene voorziening in de wijk."
        verloop["soort"] = "beantwoord"
        return verloop
    if roll < 0.32:
        naar = rng.choice([Doorzetting.WERKPLEIN, Doorzetting.VEILIG_THUIS, Doorzetting.EXTERN])
        melding.status = Status.DOORGEZET
        melding.doorgezet_naar = naar
        melding.doorgezet_organisatie = (
            "Humanitas thuisadministratie" if naar == Doorzetting.EXTERN else ""
        )
        verloop["soort"] = "doorgezet"
        return verloop
    # Round-robin over the team's generalists, as the service picks them.
    volgende = ctx.teller.get(team_id, 0)
    ctx.teller[team_id] = volgende + 1
    medewerker = kandidaten[volgende % len(kandidaten)]
    melding.status = Status.AFGESLOTEN
    melding.team_id, melding.medewerker_id = team_id, medewerker.pk
    van = ontvangen + dt.timedelta(days=rng.randint(1, 4))
    verloop.update(soort="afgesloten", medewerker=medewerker, team_id=team_id, van=van)
    if rng.random() < 0.12:
        begin = ontvangen + dt.timedelta(days=rng.randint(1, 5))
        verloop["opschort"].append((begin, begin + dt.timedelta(days=rng.randint(3, 14))))
    verloop["onderzoek_op"] = rng.random() < 0.7
    verloop["tot"] = van + dt.timedelta(days=rng.randint(30, 80))
    return verloop


def _gevolgen(
    ctx: _Context, rng: random.Random, meldingen: list[Melding], verlopen: list[dict]
) -> Geteld:
    """Everything that hangs from the meldingen of one batch, written per table."""
    door_id, vandaag = ctx.door_id, ctx.vandaag
    regels: list[MeldingGebeurtenis] = []
    events: list[Gebeurtenis] = []
    opschortingen: list[Opschorting] = []
    toegangen: list[DossierToegang] = []
    toewijzingen: list[Toewijzing] = []
    onderzoeken: list[Onderzoek] = []
    plannen: list[Plan] = []
    aanvragen: list[Aanvraag] = []
    beschikkingen: list[Beschikking] = []
    voorzieningen: list[BeschikteVoorziening] = []
    besluiten: list[tuple[Melding, dt.date, Plan]] = []

    def regel(m: Melding, soort: str, dag: dt.date, van: str, naar: str, **extra: object) -> None:
        regels.append(
            MeldingGebeurtenis(
                melding_id=m.pk,
                moment=_moment(dag),
                door_id=door_id,
                soort=soort,
                van_status=van,
                naar_status=naar,
                **extra,
            )
        )

    def event(m: Melding, soort: str, dag: dt.date, omschrijving: str, status: str) -> None:
        events.append(
            Gebeurtenis(
                moment=_moment(dag),
                soort=soort,
                omschrijving=omschrijving,
                user_id=door_id,
                door_naam="midoffice",
                inwoner_id=m.inwoner_id,
                record_soort="meldingen.melding",
                record_id=m.pk,
                gegevens={"status": status},
            )
        )

    for m, v in zip(meldingen, verlopen, strict=True):
        ontvangen = m.ontvangen_op
        regel(m, "geregistreerd", ontvangen, "", Status.GEREGISTREERD)
        regel(
            m,
            "ontvangstbevestiging",
            ontvangen,
            "",
            Status.GEREGISTREERD,
            toelichting=f"Ontvangst bevestigd op {ontvangen:%d-%m-%Y}; aangeboden om binnen 7 "
            f"dagen (uiterlijk {m.persoonlijk_plan_uiterlijk:%d-%m-%Y}) een persoonlijk plan in "
            "te dienen (Wmo 2015 art. 2.3.2 lid 1-2).",
        )
        event(m, soorten.MELDING_GEREGISTREERD, ontvangen, f"Melding {m.pk} geregistreerd", "")
        if v["soort"] in ("beantwoord", "doorgezet"):
            dag = ontvangen + dt.timedelta(days=1)
            regel(m, v["soort"], dag, Status.GEREGISTREERD, m.status, toelichting=m.antwoord)
            event(m, soorten.MELDING_GESCREEND, dag, f"Melding {m.pk} {v['soort']}", m.status)
            continue
        van, tot, medewerker = v["van"], v["tot"], v["medewerker"]
        toegang = DossierToegang(
            medewerker_id=medewerker.pk,
            inwoner_id=m.inwoner_id,
            reden=f"Toegewezen melding {m.pk}",
            van=van,
            tot=tot,
            toegekend_door_id=door_id,
        )
        toegangen.append(toegang)
        toewijzingen.append(
            Toewijzing(melding_id=m.pk, medewerker_id=medewerker.pk, van=van, tot=tot)
        )
        regel(
            m,
            "toegewezen",
            van,
            Status.GEREGISTREERD,
            Status.TOEGEWEZEN,
            medewerker_id=medewerker.pk,
            team_id=v["team_id"],
        )
        event(m, soorten.MELDING_TOEGEWEZEN, van, f"Melding {m.pk} toegewezen", "toegewezen")
        for begin, einde in v["opschort"]:
            opschortingen.append(
                Opschorting(
                    melding_id=m.pk,
                    van=begin,
                    tot=einde,
                    reden="Wacht op medische gegevens van de inwoner",
                    door_id=door_id,
                )
            )
            regel(m, "opgeschort", begin, Status.TOEGEWEZEN, Status.TOEGEWEZEN)
            regel(m, "hervat", einde, Status.TOEGEWEZEN, Status.TOEGEWEZEN)
        if v.get("onderzoek_op"):
            klaar = v["onderzoek_op"]
            onderzoeken.append(
                Onderzoek(
                    melding_id=m.pk,
                    inwoner_id=m.inwoner_id,
                    huishouden_id=m.huishouden_id,
                    medewerker_id=medewerker.pk,
                    status=OnderzoekStatus.DEFINITIEF,
                    clientondersteuning_gewezen=True,
                    pgb_uitgelegd=m.wmo,
                    verslag_definitief_op=_moment(klaar, 15),
                    verslag_tekst="Verslag van het onderzoek (archief): de vraag, de situatie "
                    "en wat het netwerk doet zijn besproken; zie het plan.",
                    verslag_verzonden_op=klaar,
                    created_at=_moment(van, 11),
                )
            )
            if m.huishouden_id and rng.random() < 0.6:
                nieuw_plan = Plan(
                    huishouden_id=m.huishouden_id,
                    status=PlanStatus.BEEINDIGD,
                    ondertekend_op=klaar + dt.timedelta(days=rng.randint(1, 6)),
                    ondertekend_door="Inwoner",
                    aangemaakt_door_id=medewerker.user_id,
                    created_at=_moment(klaar, 14),
                )
                plannen.append(nieuw_plan)
                if rng.random() < 0.5:  # the plan led to an aanvraag, decided long ago
                    dag = klaar + dt.timedelta(days=rng.randint(7, 20))
                    besluiten.append((m, dag, nieuw_plan))
        regel(
            m,
            "afgesloten",
            tot,
            Status.TOEGEWEZEN,
            Status.AFGESLOTEN,
            toelichting="Onderzoek afgerond; plan opgesteld.",
        )
        event(m, soorten.MELDING_GESLOTEN, tot, f"Melding {m.pk} afgesloten", "afgesloten")

    for m, ontvangen, besluit_plan in besluiten:
        if ontvangen >= vandaag:
            continue
        voorzieningen_lijst = ctx.jeugdhulp if m.jeugd and not m.wmo else ctx.wmo
        if not voorzieningen_lijst:
            continue
        voorziening = rng.choice(voorzieningen_lijst)
        besloten = min(vandaag, ontvangen + dt.timedelta(days=rng.randint(3, 12)))
        verzonden = besloten + dt.timedelta(days=1)
        begin = besloten + dt.timedelta(days=7)
        einde = min(begin + dt.timedelta(days=rng.choice([182, 365])), vandaag)
        aanvraag = Aanvraag(
            gemeente_id=ctx.gemeente.pk,
            inwoner_id=m.inwoner_id,
            plan=besluit_plan,
            omschrijving=voorziening.naam,
            wet=voorziening.wet,
            ontvangen_op=ontvangen,
            beslissen_uiterlijk=beslissen_uiterlijk(voorziening.wet, ontvangen),
            status=AanvraagStatus.BESLOTEN,
            ingediend_door="Inwoner",
            vastgelegd_door_id=ctx.besluit_id,
            created_at=_moment(ontvangen, 12),
        )
        aanvragen.append(aanvraag)
        beschikking = Beschikking(
            gemeente_id=ctx.gemeente.pk,
            inwoner_id=m.inwoner_id,
            besloten_op=besloten,
            besloten_door_id=ctx.besluit_id,
            motivering="Eigen kracht, netwerk en algemene voorzieningen zijn niet voldoende.",
            verzonden_op=verzonden,
            bezwaar_uiterlijk=termijnen.bezwaar_uiterlijk(verzonden, extra=ctx.extra),
            created_at=_moment(besloten, 12),
        )
        beschikkingen.append(beschikking)
        voorzieningen.append(
            BeschikteVoorziening(
                voorziening_id=voorziening.pk,
                uitkomst=Uitkomst.TOEGEKEND,
                omvang=Decimal(rng.choice([2, 3, 4])),
                eenheid=voorziening.eenheid,
                frequentie=voorziening.frequentie,
                begin=begin,
                einde=max(einde, begin),
                heronderzoek_op=max(einde, begin) - dt.timedelta(days=42),
                leveringsvorm="zin",
                aanbieder_id=_aanbieder(ctx, voorziening.pk, begin, m.pk),
                eigen_bijdrage_van_toepassing=voorziening.eigen_bijdrage != "geen",
            )
        )

    schrijf(DossierToegang, toegangen)
    for t, toegang in zip(toewijzingen, toegangen, strict=True):
        t.dossiertoegang_id = toegang.pk
    schrijf(Toewijzing, toewijzingen)
    schrijf(Opschorting, opschortingen)
    schrijf(MeldingGebeurtenis, regels)
    schrijf(Gebeurtenis, events)
    schrijf(Onderzoek, onderzoeken)
    schrijf(Plan, plannen)
    for aanvraag in aanvragen:
        aanvraag.plan_id = aanvraag.plan.pk
    schrijf(Aanvraag, aanvragen)
    for aanvraag, beschikking in zip(aanvragen, beschikkingen, strict=True):
        beschikking.aanvraag_id = aanvraag.pk
    schrijf(Beschikking, beschikkingen)
    for beschikking, regel_ in zip(beschikkingen, voorzieningen, strict=True):
        regel_.beschikking_id = beschikking.pk
    schrijf(BeschikteVoorziening, voorzieningen)
    return Geteld(
        meldingen=len(meldingen),
        onderzoeken=len(onderzoeken),
        plannen=len(plannen),
        beschikkingen=len(beschikkingen),
    )
