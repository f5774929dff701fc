"""The dossier: one resident's whole case on one page (and in one API answer).

A read model over the apps: meldingen, onderzoeken, the household's plan, aanvragen,
beschikkingen with their provisions, bezwaren, klachten and the history (events). Each part is
shown only when the role may read that kind of record (`privacy.access.allows`); the dossier
read itself is decided and logged once by the caller. One query for all parts, whatever the number
of records: the page stays flat from a resident with one event to one with fifty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from eenplan.berichten.models import Bericht
from eenplan.berichten.overzichten import LogVraag, berichten_log
from eenplan.berichten.selectors import berichten_in_scope
from eenplan.beschikkingen.constants import AanvraagStatus
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.aggregaten import (
    Rijen,
    als_prefetch,
    delen_lezen,
    rijen_json,
    rijen_uit_json,
)
from eenplan.common.text import ONBEKENDE_NAAM, naam_van
from eenplan.events.models import Gebeurtenis
from eenplan.events.selectors import tijdlijn
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import (
    huidig_huishouden,
    inwoner_dossier_delen,
    inwoner_dossier_uit,
)
from eenplan.meldingen.constants import OPEN_STATUSSEN
from eenplan.meldingen.models import Melding
from eenplan.meldingen.selectors import meldingen_in_scope
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

TIJDLIJN_MAX = 50
BERICHTEN_MAX = 10  # the dossier shows the latest; the log page has them all
# Which role rule lets one see the history of a kind of record: a role that may not read
# beschikkingen does not see their events in the timeline either.
RECORD_RESOURCE: dict[str, Resource] = {
    "meldingen.melding": Resource.MELDING,
    "onderzoeken.onderzoek": Resource.ONDERZOEK,
    "plannen.plan": Resource.PLAN,
    "beschikkingen.aanvraag": Resource.AANVRAAG,
    "beschikkingen.beschikking": Resource.BESCHIKKING,
    # A granted provision changed or ended, and the iWmo/iJw messages about the provision (the
    # 301 to the provider, the provider's start, stop and claim): who reads decisions.
    "beschikkingen.beschiktevoorziening": Resource.BESCHIKKING,
    "berichten.bericht": Resource.BESCHIKKING,
    "bezwaren.bezwaar": Resource.BEZWAAR,
    "bezwaren.klacht": Resource.KLACHT,
    # Work and income (issue 14): the aanvraag levensonderhoud, earning capacity, trajectories.
    "participatie.levensonderhoudaanvraag": Resource.PARTICIPATIE,
    "participatie.verdiencapaciteit": Resource.PARTICIPATIE,
    "participatie.traject": Resource.PARTICIPATIE,
    "participatie.werkdoel": Resource.PARTICIPATIE,
    # Debt help (issue 14, ADR 0041): the signals and the debt question with its route and the
    # toelating (whose beschikking is a `beschikkingen.beschikking` of the Wgs): who reads debt
    # data.
    "schuldhulp.vroegsignaal": Resource.SCHULDHULP,
    "schuldhulp.schuldvraag": Resource.SCHULDHULP,
}


@dataclass(frozen=True)
class Termijn:
    """An open deadline in the dossier, explained in words."""

    uiterlijk: dt.date
    wat: str
    url_name: str | None  # None: the viewer may not open the record's page (no link)
    pk: int


@dataclass
class Dossier:
    inwoner: Inwoner
    vandaag: dt.date
    huishouden: Any = None
    leden_nu: list[Any] = field(default_factory=list)
    leden_eerder: list[Any] = field(default_factory=list)
    netwerk: list[Any] = field(default_factory=list)
    meldingen: list[Melding] | None = None
    onderzoeken: list[Onderzoek] | None = None
    plan: Plan | None = None
    plan_zichtbaar: bool = False
    aanvragen: list[Aanvraag] | None = None
    beschikkingen: list[Beschikking] | None = None
    voorzieningen_nu: list[BeschikteVoorziening] = field(default_factory=list)
    bezwaren: list[Bezwaar] | None = None
    klachten: list[Klacht] | None = None
    berichten: list[Bericht] | None = None  # the latest iWmo/iJw messages about the resident
    berichten_aantal: int = 0
    gebeurtenissen: list[Gebeurtenis] = field(default_factory=list)
    termijnen: list[Termijn] = field(default_factory=list)
    kan_melden: bool = False


# The parts of the dossier as they travel next to the resident's row (`dossier_get`), each in
# the order the page lists it, with what the page shows of its related rows.
_MELDINGEN = Rijen(
    Melding, samen=("medewerker", "medewerker__user", "team"), volgorde=("-ontvangen_op", "-id")
)
_ONDERZOEKEN = Rijen(
    Onderzoek, samen=("medewerker", "medewerker__user"), volgorde=("-created_at", "-id")
)
_PLAN = Rijen(Plan)
_AANVRAGEN = Rijen(Aanvraag, volgorde=("-ontvangen_op", "-id"))
_VOORZIENINGEN = Rijen(BeschikteVoorziening, samen=("voorziening", "aanbieder"), volgorde=("id",))
_BEZWAREN = Rijen(Bezwaar, volgorde=("-ontvangen_op", "-id"))
_KLACHTEN = Rijen(Klacht, volgorde=("-ontvangen_op", "-id"))
_GEBEURTENISSEN = Rijen(Gebeurtenis, samen=("user",), volgorde=("-moment", "-id"))


def _beschikkingen(gemeente_id: int) -> Rijen:
    """The decisions, each with its provisions (`regels`: JSON, for `als_prefetch`); the
    provision each grants is of the decision's municipality (issue 16: the condition on every
    table of the query)."""
    regels = BeschikteVoorziening.objects.filter(
        beschikking_id=OuterRef("pk"), voorziening__gemeente_id=gemeente_id
    )
    return Rijen(
        Beschikking,
        extra={"regels": rijen_json(regels, _VOORZIENINGEN)},
        volgorde=("-besloten_op", "-id"),
    )


def dossier_inwoner(user: Any, pk: int, *, via: access.Via, doel: str | None = None) -> Inwoner:
    """The resident of a dossier (page and API), found by id within the municipality the login
    works for now, with their wijk (held to it as well: issue 16, one shard). Another
    municipality's resident answers the 404 of one that exists nowhere, the refusal logged
    (`access.get_or_refuse`, ADR 0046); role and need-to-know stay with the caller's
    `require`."""
    return access.get_or_refuse(
        user,
        Resource.DOSSIER,
        Action.LEZEN,
        via=via,
        pk=pk,
        zoek=lambda gemeente_id: (
            Inwoner.objects.select_related("wijk")
            .filter(pk=pk, gemeente_id=gemeente_id, wijk__gemeente_id=gemeente_id)
            .first()
        ),
        wat="Inwoner",
        niet_gevonden="Deze inwoner bestaat niet.",
        doel=doel,
    )


def dossier_get(*, user: Any, inwoner: Inwoner, vandaag: dt.date) -> Dossier:
    """Everything a staff member with this role may see of one resident's case. The caller has
    already decided (and logged) the read of the dossier itself. One query for every part
    (issue 16: the parts as JSON next to the resident's row; they were a query each), and the
    latest messages with providers when the role reads them."""
    mag = {r: access.allows(user, r, Action.LEZEN) for r in Resource}
    huishouden_id = Subquery(huidig_huishouden(inwoner.pk, vandaag))
    # Every part is held to the resident's municipality (the login's: `dossier_inwoner`), the
    # rows it joins included (issue 16: every table of the one query carries the condition).
    gemeente_id = inwoner.gemeente_id
    delen: dict[str, tuple[QuerySet[Any], Rijen]] = {}
    if mag[Resource.MELDING]:
        delen["meldingen"] = (
            Melding.objects.filter(
                Q(team__isnull=True) | Q(team__gemeente_id=gemeente_id),
                Q(medewerker__isnull=True) | Q(medewerker__gemeente_id=gemeente_id),
                inwoner_id=inwoner.pk,
                gemeente_id=gemeente_id,
            ),
            _MELDINGEN,
        )
    if mag[Resource.ONDERZOEK]:
        delen["onderzoeken"] = (
            Onderzoek.objects.filter(inwoner_id=inwoner.pk, medewerker__gemeente_id=gemeente_id),
            _ONDERZOEKEN,
        )
    if mag[Resource.PLAN]:
        actief = Plan.objects.filter(huishouden_id=huishouden_id, status__in=ACTIEVE_STATUSSEN)
        delen["plan"] = (
            Plan.objects.filter(
                pk=Subquery(actief.order_by("-created_at", "-id").values("pk")[:1])
            ),
            _PLAN,
        )
    if mag[Resource.AANVRAAG]:
        # Only the aanvragen under the laws the role reads (the Werkplein: Participatiewet
        # and Wgs).
        delen["aanvragen"] = (
            Aanvraag.objects.filter(
                access.wet_q(user, veld="wet"), inwoner_id=inwoner.pk, gemeente_id=gemeente_id
            ),
            _AANVRAGEN,
        )
    if mag[Resource.BESCHIKKING]:
        # Only the decisions under the laws the role reads (the Werkplein: Participatiewet).
        delen["beschikkingen"] = (
            Beschikking.objects.filter(
                access.wet_q(user), inwoner_id=inwoner.pk, gemeente_id=gemeente_id
            ),
            _beschikkingen(gemeente_id),
        )
    if mag[Resource.BEZWAAR]:
        delen["bezwaren"] = (
            Bezwaar.objects.filter(
                beschikking__inwoner_id=inwoner.pk, beschikking__gemeente_id=gemeente_id
            ),
            _BEZWAREN,
        )
    if mag[Resource.KLACHT]:
        delen["klachten"] = (
            Klacht.objects.filter(inwoner_id=inwoner.pk, gemeente_id=gemeente_id),
            _KLACHTEN,
        )
    zichtbaar = ["inwoners.inwoner", "inwoners.huishouden"] + [
        soort for soort, resource in RECORD_RESOURCE.items() if mag[resource]
    ]
    tijdlijn_rijen = (
        tijdlijn(inwoner_id=inwoner.pk, huishouden_id=huishouden_id)  # type: ignore[arg-type]
        .filter(record_soort__in=zichtbaar)
        .exclude(_andere_wetten(user))
    )
    delen["gebeurtenissen"] = (
        Gebeurtenis.objects.filter(pk__in=tijdlijn_rijen.values("pk")[:TIJDLIJN_MAX]),
        _GEBEURTENISSEN,
    )
    kolommen = inwoner_dossier_delen(inwoner=inwoner, vandaag=vandaag) | {
        naam: rijen_json(qs, rijen) for naam, (qs, rijen) in delen.items()
    }
    rij = delen_lezen(
        Inwoner.objects.filter(pk=inwoner.pk, gemeente_id=inwoner.gemeente_id), kolommen
    )
    db = inwoner._state.db or "default"
    gelezen = {
        naam: rijen_uit_json(rij.get(naam), rijen, db=db) for naam, (_, rijen) in delen.items()
    }
    dossier = Dossier(
        inwoner=inwoner,
        vandaag=vandaag,
        **inwoner_dossier_uit(rij, vandaag=vandaag, db=db),  # type: ignore[arg-type]
    )
    dossier.kan_melden = access.allows(user, Resource.MELDING, Action.AANMAKEN)
    if mag[Resource.MELDING]:
        dossier.meldingen = gelezen["meldingen"]
        dossier.termijnen += [
            Termijn(
                m.onderzoek_uiterlijk, f"Onderzoek bij melding {m.pk}", "meldingen:detail", m.pk
            )
            for m in dossier.meldingen
            if m.status in OPEN_STATUSSEN
            and m.onderzoek_uiterlijk
            and m.onderzoek_afgerond_op is None
        ]
    if mag[Resource.ONDERZOEK]:
        dossier.onderzoeken = gelezen["onderzoeken"]
    if mag[Resource.PLAN] and dossier.huishouden is not None:
        dossier.plan_zichtbaar = True
        dossier.plan = next(iter(gelezen["plan"]), None)
    # The aanvraag's page is where it is decided: only a role that may decide opens it.
    kan_beslissen = access.allows(user, Resource.BESCHIKKING, Action.BESLISSEN)
    if mag[Resource.AANVRAAG]:
        dossier.aanvragen = gelezen["aanvragen"]
        dossier.termijnen += [
            Termijn(
                a.beslissen_uiterlijk,
                f"Beslissen op aanvraag {a.omschrijving}",
                "beschikkingen:beslissen"
                if kan_beslissen and access.beslist_over(user, a.wet)
                else None,
                a.pk,
            )
            for a in dossier.aanvragen
            if a.status == AanvraagStatus.ONTVANGEN
        ]
    if mag[Resource.BESCHIKKING]:
        dossier.beschikkingen = gelezen["beschikkingen"]
        for b in dossier.beschikkingen:
            als_prefetch(b, "voorzieningen", rijen_uit_json(b.regels, _VOORZIENINGEN, db=db))
        dossier.voorzieningen_nu = [
            bv
            for b in dossier.beschikkingen
            if b.verzonden_op is not None
            for bv in b.voorzieningen.all()
            if bv.uitkomst != "afgewezen"
            and (bv.begin is None or bv.begin <= vandaag)
            and (bv.einde is None or bv.einde >= vandaag)
        ]
    if dossier.aanvragen is not None:
        _aanvraag_links(dossier, user, kan_beslissen=kan_beslissen)
    if mag[Resource.BEZWAAR]:
        dossier.bezwaren = gelezen["bezwaren"]
        dossier.termijnen += [
            Termijn(
                b.beslissen_uiterlijk,
                f"Beslissen op bezwaar tegen beschikking {b.beschikking_id}",
                "bezwaren:bezwaar",
                b.pk,
            )
            for b in dossier.bezwaren
            if b.besloten_op is None
        ]
    if mag[Resource.KLACHT]:
        dossier.klachten = gelezen["klachten"]
    if mag[Resource.BERICHT]:
        berichten = berichten_log(berichten_in_scope(user), LogVraag(inwoner=inwoner.pk))
        dossier.berichten = list(berichten[:BERICHTEN_MAX])
        dossier.berichten_aantal = (
            len(dossier.berichten)
            if len(dossier.berichten) < BERICHTEN_MAX
            else berichten.count()
        )
    dossier.gebeurtenissen = gelezen["gebeurtenissen"]
    for g in dossier.gebeurtenissen:
        g.door = door_van(g)
    dossier.termijnen.sort(key=lambda t: t.uiterlijk)
    return dossier


def _andere_wetten(user: Any) -> Q:
    """The timeline's steps about decisions under laws the role does not read (the Werkplein
    reads Participatiewet decisions only): a decision or provision of another law, and the
    iWmo/iJw messages (never about the Participatiewet or the Wgs; hidden from a role that reads
    neither Wmo nor Jeugdwet decisions). Nothing for a role that reads all."""
    wetten = access.leest_over(user)
    if wetten is None:
        return Q(pk__in=[])
    berichten = (
        Q(pk__in=[]) if wetten & {"wmo", "jeugd"} else Q(record_soort="berichten.bericht")
    )
    leesbaar = Beschikking.objects.filter(
        access.wet_q(user), gemeente_id=access.Actor.of(user).gemeente_id
    )
    return (
        Q(record_soort="beschikkingen.beschikking")
        & ~Q(record_id__in=leesbaar.values("pk"))
    ) | (
        Q(record_soort="beschikkingen.aanvraag")
        & ~Q(
            record_id__in=Aanvraag.objects.filter(
                access.wet_q(user, veld="wet"), gemeente_id=access.Actor.of(user).gemeente_id
            ).values("pk")
        )
    ) | (
        Q(record_soort="beschikkingen.beschiktevoorziening")
        & ~Q(
            record_id__in=BeschikteVoorziening.objects.filter(
                beschikking__in=leesbaar.values("pk")
            ).values("pk")
        )
    ) | berichten


def door_van(gebeurtenis: Gebeurtenis) -> str:
    """Who did a step, as the page and the API show it: the person's name, never the login
    (an account without a name is 'een medewerker'); empty for a step of the system."""
    user = gebeurtenis.user
    if user is None and not gebeurtenis.door_naam:
        return ""
    return naam_van(user) or ONBEKENDE_NAAM


def _aanvraag_links(dossier: Dossier, user: Any, *, kan_beslissen: bool) -> None:
    """Give each aanvraag the address of its page (`aanvraag.link`), or None when the viewer
    may not open it: an open aanvraag's page is where it is decided (a role that may decide
    under its law);
    a decided one is its latest beschikking (a role that may read beschikkingen)."""
    nieuwste: dict[int, int] = {}
    for b in dossier.beschikkingen or []:  # newest first
        nieuwste.setdefault(b.aanvraag_id, b.pk)
    for a in dossier.aanvragen or []:
        a.link = None
        if a.status == AanvraagStatus.ONTVANGEN and kan_beslissen and access.beslist_over(
            user, a.wet
        ):
            a.link = reverse("beschikkingen:beslissen", args=[a.pk])
        elif a.pk in nieuwste and access.leest_wet(user, a.wet):
            a.link = reverse("beschikkingen:detail", args=[nieuwste[a.pk]])


@dataclass
class Zoekresultaat:
    """What the header search found, grouped; every group within the login's need-to-know."""

    q: str
    vraag: Any = None
    inwoners: list[Inwoner] = field(default_factory=list)
    inwoners_meer: bool = False
    meldingen: list[Melding] = field(default_factory=list)
    beschikkingen: list[Beschikking] = field(default_factory=list)
    zocht_inwoners: bool = False
    zocht_nummers: bool = False


ZOEK_MAX = 20


def zoeken(*, user: Any, q: str) -> Zoekresultaat:
    """One search box for staff: residents by name, BSN, birth date or postcode (the resident
    search), meldingen and beschikkingen by their number. Bounded: a few queries, at most
    `ZOEK_MAX` residents."""
    from eenplan.inwoners.selectors import inwoner_search

    q = (q or "").strip()[:100]
    resultaat = Zoekresultaat(q=q)
    if not q:
        return resultaat
    if access.allows(user, Resource.DOSSIER, Action.ZOEKEN):
        resultaat.zocht_inwoners = True
        vraag, gevonden = inwoner_search(scope=access.inwoners_in_scope(user), q=q)
        resultaat.vraag = vraag
        rijen = gevonden[: ZOEK_MAX + 1]
        resultaat.inwoners, resultaat.inwoners_meer = rijen[:ZOEK_MAX], len(rijen) > ZOEK_MAX
    nummer = q.lstrip("#")
    if nummer.isdigit() and len(nummer) <= 12:
        resultaat.zocht_nummers = True
        pk = int(nummer)
        if access.allows(user, Resource.MELDING, Action.LEZEN):
            # The same scope as the worklist and the melding page (screeners also find a
            # melding about a person not identified yet).
            resultaat.meldingen = list(
                meldingen_in_scope(user).filter(pk=pk).select_related("inwoner")
            )
        if access.allows(user, Resource.BESCHIKKING, Action.LEZEN):
            resultaat.beschikkingen = list(
                Beschikking.objects.filter(access.scope_q(user), access.wet_q(user), pk=pk)
                .select_related("inwoner")
            )
    return resultaat
