"""Reads of the beschikkingen app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import (
    BooleanField,
    Case,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from eenplan.beschikkingen.bijdrage_selectors import (
    GelezenBijdrage,
    bijdrage_delen,
    bijdrage_uit,
    wmo_regels_op,
)
from eenplan.beschikkingen.constants import (
    BEZWAAR_LOPEND,
    AanvraagStatus,
    BeschikkingStatus,
    BriefSoort,
    Rechtmatigheid,
    Uitkomst,
    VerzendStatus,
)
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
    BriefSjabloon,
    Overgangsrecht,
    Verzending,
)
from eenplan.common.aggregaten import Rijen, als_prefetch, delen_van, rijen_json, rijen_uit_json
from eenplan.common.constants import Wet
from eenplan.common.gecompileerd import Gecompileerd, cte
from eenplan.common.termijnstand import Drempels, termijn_stand
from eenplan.gemeente.selectors import termijn_drempels
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.voorzieningen.selectors import omvang_omschrijvingen

User = AbstractBaseUser | AnonymousUser


def overgangsrecht_werklijst(
    *, inwoners: QuerySet[Inwoner], vandaag: dt.date, alleen_wetten: frozenset[str] | None = None
) -> QuerySet[Overgangsrecht]:
    """Old indications not yet re-assessed, earliest legal end first; one query. Those whose
    end passed without a heronderzoek are the most urgent. Transition rights are old Wmo and
    Jeugdwet indications: `alleen_wetten` (a role that reads only other laws' decisions, such
    as the Werkplein) gives none."""
    if alleen_wetten is not None and not alleen_wetten & {"wmo", "jeugd"}:
        return Overgangsrecht.objects.none()
    return (
        Overgangsrecht.objects.filter(
            inwoner__in=inwoners.values("pk"), heronderzoek_op__isnull=True
        )
        .select_related("inwoner")
        .order_by("einddatum", "id")
    )


def binnen_gemeente_q(gemeente_id: int | None, *paden: str) -> Q:
    """The rows a list joins through `paden` (`inwoner`, `inwoner__wijk`, `aanvraag`, ...) of
    municipality `gemeente_id`, the login's: always true for a record of that municipality,
    but stated, so every table of the query carries the municipality condition (issue 16: one
    shard on Citus). Put only on rows the query joins anyway (`select_related`). No condition
    for a login without a municipality (a superuser for set-up reads every one)."""
    if gemeente_id is None:
        return Q()
    return Q(**{f"{pad}__gemeente_id": gemeente_id for pad in paden})


def opschorting_lopend(aanvraag: Aanvraag) -> AanvraagOpschorting | None:
    """The suspension of the aanvraag's decision term that is still running, if any."""
    return aanvraag.opschortingen.filter(tot__isnull=True).first()


# --- one resource: loaded without the scope, then decided on by privacy.access -----------------
#
# Pages and API load a record with the same function below, within the login's municipality
# (through `access.get_or_refuse`: not there is a logged 404, ADR 0046), then ask
# `access.require(..., inwoner=<its resident>)`: a record outside the need-to-know scope is a
# logged 403 on both paths. The lists use the `*_in_scope` querysets, the same filter
# (`access.scope_q`) that `require` applies to one resident.


def aanvraag_termijn_stand(drempels: Drempels) -> Case:
    """The state of the decision deadline (`beslissen_uiterlijk`) in SQL, the same expression as
    every worklist (`common.termijnstand`); NULL once decided or withdrawn."""
    return termijn_stand("beslissen_uiterlijk", drempels, loopt=Q(status=AanvraagStatus.ONTVANGEN))


def met_termijn_stand(qs: QuerySet[Aanvraag], vandaag: dt.date | None = None) -> QuerySet[Aanvraag]:
    """The aanvragen with `termijn_stand` on `vandaag` (default today): what the pages and the
    API both show."""
    drempels = termijn_drempels(vandaag or timezone.localdate())
    return qs.annotate(termijn_stand=aanvraag_termijn_stand(drempels))


def aanvraag_get(pk: int, *, gemeente_id: int | None) -> Aanvraag | None:
    """An aanvraag of municipality `gemeente_id` (the login's) with its resident and wijk and its
    decisions, each held to that municipality (issue 16: one shard on Citus). Another
    municipality's aanvraag is not found, like one that does not exist (a logged 404 through
    `access.get_or_refuse`, ADR 0046)."""
    return (
        met_termijn_stand(
            Aanvraag.objects.filter(
                pk=pk,
                gemeente_id=gemeente_id,
                inwoner__gemeente_id=gemeente_id,
                inwoner__wijk__gemeente_id=gemeente_id,
            )
        )
        .select_related("inwoner__wijk", "plan", "vastgelegd_door", "gemeente")
        .prefetch_related(
            Prefetch(
                "beschikkingen",
                queryset=Beschikking.objects.filter(gemeente_id=gemeente_id).order_by(
                    "besloten_op", "id"
                ),
            )
        )
        .first()
    )


# The decided provisions with their voorziening and provider (and the descriptions of their
# unit and frequency codes, `omvang_labels`), and the bezwaren against the
# decision (app `bezwaren`, the layer above: its model through the reverse relation, not
# imported), as they travel next to the decision's row.
@cache
def _voorzieningen() -> Rijen:
    return Rijen(
        BeschikteVoorziening,
        samen=("voorziening", "aanbieder"),
        extra=omvang_omschrijvingen(),
        volgorde=("id",),
    )


_VERZENDINGEN = Rijen(Verzending, volgorde=("id",))


@cache
def _bezwaren() -> Rijen:
    """Their model's order: newest first."""
    model = Beschikking._meta.get_field("bezwaren").related_model
    return Rijen(model, volgorde=("-ontvangen_op", "-id"))  # type: ignore[arg-type]


def _beschikking_met_delen(
    *, beschikking: int, gemeente: int, met_verzendingen: bool, met_eigen_bijdrage: bool
) -> QuerySet[Beschikking]:
    """The query of `beschikking_get`: the decision with its parts as JSON columns."""
    delen: dict[str, Any] = {
        "_voorzieningen": rijen_json(
            BeschikteVoorziening.objects.filter(
                beschikking_id=OuterRef("pk"), voorziening__gemeente_id=gemeente
            ),
            _voorzieningen(),
        ),
        "_bezwaren": rijen_json(
            _bezwaren().model.objects.filter(beschikking_id=OuterRef("pk")), _bezwaren()
        ),
    }
    if met_verzendingen:
        delen["_verzendingen"] = rijen_json(
            Verzending.objects.filter(
                brief_soort=BriefSoort.BESCHIKKING, bron_id=OuterRef("pk"), gemeente_id=gemeente
            ),
            _VERZENDINGEN,
        )
    if met_eigen_bijdrage:
        delen |= {
            f"_bijdrage_{naam}": deel for naam, deel in _bijdrage(beschikking, gemeente).items()
        }
    return (
        Beschikking.objects.filter(
            pk=beschikking,
            gemeente_id=gemeente,
            inwoner__gemeente_id=gemeente,
            aanvraag__gemeente_id=gemeente,
        )
        .select_related("inwoner", "aanvraag", "gemeente", "besloten_door", "getoetst_door")
        .annotate(**delen)
    )


# The common table expression of the decision's query with its eigen bijdrage: the date the
# contribution most likely applies on and the flag, computed once (`common.gecompileerd.cte`).
_PEIL = "eenplan_bijdrage_peil"


def _peil(beschikking: int, gemeente: int) -> QuerySet[Beschikking]:
    """One row: `dag`, the date the eigen bijdrage the decision states most likely applies on
    — its reference date (the day its letter was sent, else the day of the decision), or,
    when none of its own granted provisions runs on that date and one starts later, the first
    later start (Wmo 2015 art. 2.1.4: a new provision that starts next week) — and
    `regels_op`, whether any Wmo provision of the household runs on the reference date (when
    none does, nothing applies there: no provision, no contribution). A decision on an aanvraag
    under another law has no eigen bijdrage (Jeugdwet art. 8.2.1: the ouderbijdrage was
    abolished): `dag` is NULL, so the parts read no rows, and `regels_op` is false. A hint, not
    the rule: `services.beschikking_eigen_bijdrage` decides which date applies and reads
    another date itself when the hint does not fit."""
    besluit = Beschikking.objects.filter(pk=beschikking, gemeente_id=gemeente)
    op = Coalesce("verzonden_op", "besloten_op")
    eerste = (
        BeschikteVoorziening.objects.filter(beschikking_id=OuterRef("pk"), begin__isnull=False)
        .exclude(uitkomst=Uitkomst.AFGEWEZEN)
        .exclude(einde__lt=OuterRef("_op"))
        .annotate(dag=Greatest("begin", OuterRef("_op")))
        .order_by("dag")
        .values("dag")[:1]
    )
    # The household's provisions nest the date deeper than an outer reference reaches: there
    # the reference date and the resident are scalar subqueries on the key (evaluated in this
    # one-row expression only, not in the parts).
    op_sub = Subquery(besluit.values(op=op)[:1])
    inwoner = Subquery(besluit.values("inwoner_id")[:1])
    wmo = Q(aanvraag__wet=Wet.WMO)
    return (
        besluit.annotate(
            _op=op,
            dag=Case(
                When(wmo, then=Coalesce(Subquery(eerste, output_field=DateField()), F("_op"))),
                default=None,
                output_field=DateField(),
            ),
        )
        .annotate(
            # In this order: PostgreSQL evaluates a CASE's branches only when reached.
            regels_op=Case(
                When(~wmo, then=Value(False)),
                When(dag=F("_op"), then=Value(True)),
                default=Exists(wmo_regels_op(inwoner, gemeente, op_sub)),
                output_field=BooleanField(),
            )
        )
        .values("dag", "regels_op")
    )


def _bijdrage(beschikking: int, gemeente: int) -> dict[str, Any]:
    """The parts of the eigen bijdrage the decision states (`services.beschikking_eigen_bijdrage`)
    on the date of `_peil`, read from the query's common table expression: computed once,
    where as an expression it stood in about twelve conditions of the parts and PostgreSQL
    evaluated it at each (the decision's query 1.0 → 1.9–2.8 ms; docs/benchmarks.md)."""
    besluit = Beschikking.objects.filter(pk=beschikking, gemeente_id=gemeente)
    dag = cte(_PEIL, "dag", DateField())
    return bijdrage_delen(Subquery(besluit.values("inwoner_id")[:1]), gemeente, [dag]) | {
        "peildatum": dag,
        "regels_op": cte(_PEIL, "regels_op", BooleanField()),
    }


# Built and compiled once per process and connection (ADR 0055), with and without the letter's
# channels and the eigen bijdrage.
_BESCHIKKING_GELEZEN = {
    (verzendingen, bijdrage): Gecompileerd(
        lambda verzendingen=verzendingen, bijdrage=bijdrage, **w: _beschikking_met_delen(
            **w, met_verzendingen=verzendingen, met_eigen_bijdrage=bijdrage
        ),
        met=(lambda **w: {_PEIL: _peil(**w)}) if bijdrage else None,
        beschikking=int,
        gemeente=int,
    )
    for verzendingen in (True, False)
    for bijdrage in (True, False)
}


def beschikking_get(
    pk: int,
    *,
    gemeente_id: int | None,
    met_verzendingen: bool = False,
    met_eigen_bijdrage: bool = False,
) -> Beschikking | None:
    """One decision of municipality `gemeente_id` (the login's) with its resident, aanvraag,
    municipality and the people who decided and checked it, its decided provisions
    (`voorzieningen`, in order, with their voorziening and provider) and the bezwaren against
    it (`bezwaren`, newest first), in one query (issue 16: the parts as JSON next to the row
    instead of a prefetch each), built and compiled once per process (`common.gecompileerd`,
    ADR 0055). Every row it joins is held to the municipality, so another municipality's
    decision is not found, like one that does not exist (a logged 404 through
    `access.get_or_refuse`, ADR 0046). `met_verzendingen`: also the channels its letter went
    out on (`verzendingen_van`), for its page. `met_eigen_bijdrage`: also what the eigen
    bijdrage it states is computed from (`eigen_bijdrage_gelezen`, used by
    `services.beschikking_eigen_bijdrage`), for its page and the API.

    Not joined: the resident's wijk (its id on the resident decides the scope) and the decision
    this one revises (the page shows its id). Each extra join of a single-row lookup costs the
    planner: with the wijk and the revised decision (held to the municipality by an OR) the
    query of eight tables planned in 11-27 ms at 1M residents, without them in about 2 ms,
    while it runs in 0.5 ms (docs/benchmarks.md)."""
    gelezen = _BESCHIKKING_GELEZEN[met_verzendingen, met_eigen_bijdrage]
    beschikking: Beschikking | None = gelezen.eerste(beschikking=pk, gemeente=gemeente_id)
    if beschikking is None:
        return None
    db = beschikking._state.db or "default"
    regels = rijen_uit_json(beschikking.__dict__.pop("_voorzieningen"), _voorzieningen(), db=db)
    tegen = rijen_uit_json(beschikking.__dict__.pop("_bezwaren"), _bezwaren(), db=db)
    als_prefetch(beschikking, "voorzieningen", regels)
    als_prefetch(beschikking, "bezwaren", tegen)
    if met_verzendingen:
        beschikking.verzendingen = rijen_uit_json(  # type: ignore[attr-defined]
            beschikking.__dict__.pop("_verzendingen"), _VERZENDINGEN, db=db
        )
    if met_eigen_bijdrage:
        delen = delen_van(beschikking, "_bijdrage_")
        beschikking.eigen_bijdrage_gelezen = GelezenBijdrage(  # type: ignore[attr-defined]
            peildatum=delen.pop("peildatum"),
            regels_op=delen.pop("regels_op"),
            gegevens=bijdrage_uit(delen, 1, db=db),
        )
    return beschikking


def aanvragen_in_scope(actor: access.Actor | User) -> QuerySet[Aanvraag]:
    """The aanvragen a login reads: need-to-know and the laws its role reads (the Werkplein:
    Participatiewet and Wgs aanvragen only, `access.wet_q`), for the page, the API and the
    4:14 worklist alike."""
    return Aanvraag.objects.filter(
        access.scope_q(actor, gemeente_veld="gemeente"), access.wet_q(actor, veld="wet")
    )


def beschikkingen_in_scope(actor: access.Actor | User) -> QuerySet[Beschikking]:
    """The decisions a login reads: need-to-know and the laws its role reads (the Werkplein:
    Participatiewet decisions only, `access.wet_q`)."""
    return Beschikking.objects.filter(
        access.scope_q(actor, gemeente_veld="gemeente"), access.wet_q(actor)
    )


# --- the beschikkingen list: one search for the page and the API --------------------------------


# The parameters the page and the API share (the API adds `per_pagina`, `doel`, `format` and
# a few filters of its own). The page number is `pagina`, as everywhere in the product; the
# English `page` is unknown here (a 400), not a second name.
BESCHIKKING_ZOEK_PARAMETERS = (
    "q",
    "status",
    "voorziening",
    "wet",
    "besloten_van",
    "besloten_tot",
    "pagina",
)
NUMMER_MAX_CIJFERS = 7  # longer runs of digits are a BSN (8 or 9 digits)


@dataclass(frozen=True)
class BeschikkingZoekvraag:
    q: str = ""
    status: str = ""
    voorziening: int | None = None
    wet: str = ""
    besloten_van: dt.date | None = None
    besloten_tot: dt.date | None = None


def onbekende_parameters(namen: Iterable[str], bekend: Iterable[str]) -> str | None:
    """A Dutch message naming the parameters a list does not know, or None. An unknown filter
    is refused rather than silently ignored (issue 9, item 6)."""
    onbekend = sorted(set(namen) - set(bekend))
    if not onbekend:
        return None
    return (
        f"Onbekende zoekparameter{'s' if len(onbekend) > 1 else ''}: {', '.join(onbekend)}. "
        f"Gebruik {', '.join(sorted(bekend))}."
    )


def beschikkingen_zoeken(
    *, scope: QuerySet[Beschikking], vraag: BeschikkingZoekvraag, gemeente_id: int | None = None
) -> QuerySet[Beschikking]:
    """The beschikkingen list of the page and the API: free text (resident name, BSN, birth
    date or postcode, or the beschikking's number), status, voorziening, wet and the period of
    the decision; newest decision first. A fixed number of queries whatever the page holds (the
    resident, the aanvraag and the decided provisions are joined or prefetched). The residents
    of the free text are looked up within `gemeente_id` (the login's municipality), where the
    search keys' indexes serve them."""
    from eenplan.inwoners.selectors import inwoner_filter

    # The provisions' catalogue entries of the same municipality (issue 16). Not on the joined
    # resident and aanvraag: a condition on a joined row there changes the plan of the list (on
    # PostgreSQL at 1M residents a scan of every decision and a sort, 1.5 s, instead of reading
    # the newest 25 from `beschikking_besloten_idx`, 0.7 ms); see docs/scaling.md.
    regels = BeschikteVoorziening.objects.filter(
        binnen_gemeente_q(gemeente_id, "voorziening")
    ).select_related("voorziening", "aanbieder")
    qs = scope.select_related("inwoner", "aanvraag").prefetch_related(
        Prefetch("voorzieningen", queryset=regels.order_by("id"))
    )
    q = vraag.q.strip()
    if q:
        cijfers = q.lstrip("#")
        if cijfers.isdigit() and len(cijfers) <= NUMMER_MAX_CIJFERS:
            qs = qs.filter(pk=int(cijfers))
        else:
            inwoners_scope = Inwoner.objects.filter(
                **({"gemeente_id": gemeente_id} if gemeente_id else {})
            )
            _, inwoners = inwoner_filter(scope=inwoners_scope, q=q)
            qs = qs.filter(inwoner__in=inwoners.values("pk"))
    if vraag.status == BeschikkingStatus.CONCEPT:
        qs = qs.filter(verzonden_op__isnull=True).exclude(
            rechtmatigheid=Rechtmatigheid.ONRECHTMATIG
        )
    elif vraag.status == BeschikkingStatus.VERZONDEN:
        qs = qs.filter(verzonden_op__isnull=False)
    elif vraag.status == BeschikkingStatus.TE_TOETSEN:
        qs = qs.filter(rechtmatigheid=Rechtmatigheid.TE_TOETSEN)
    elif vraag.status == BeschikkingStatus.ONRECHTMATIG:
        qs = qs.filter(rechtmatigheid=Rechtmatigheid.ONRECHTMATIG)
    elif vraag.status == BeschikkingStatus.IN_BEZWAAR:
        qs = qs.filter(
            pk__in=Beschikking.objects.filter(bezwaren__uitkomst=BEZWAAR_LOPEND).values("pk")
        )
    if vraag.voorziening is not None:
        qs = qs.filter(
            pk__in=BeschikteVoorziening.objects.filter(voorziening_id=vraag.voorziening).values(
                "beschikking_id"
            )
        )
    if vraag.wet:
        qs = qs.filter(aanvraag__wet=vraag.wet)
    if vraag.besloten_van is not None:
        qs = qs.filter(besloten_op__gte=vraag.besloten_van)
    if vraag.besloten_tot is not None:
        qs = qs.filter(besloten_op__lte=vraag.besloten_tot)
    return qs.order_by("-besloten_op", "-id")


def zoekvraag_fout(q: str) -> str | None:
    """Why a free-text search cannot be run (e.g. one letter), or None."""
    from eenplan.inwoners.selectors import zoekvraag_parse

    q = q.strip()
    if not q or q.lstrip("#").isdigit():
        return None
    vraag = zoekvraag_parse(q)
    return vraag.uitleg if vraag.soort == "ongeldig" else None


def briefsjablonen(*, gemeente_id: int, soort: str) -> list[BriefSjabloon]:
    """Every version of a municipality's letter template, newest first."""
    return list(
        BriefSjabloon.objects.filter(gemeente_id=gemeente_id, soort=soort)
        .select_related("gewijzigd_door")
        .order_by("-versie")
    )


def verzendingen(user: User, *, alleen_open: bool = True) -> QuerySet[Verzending]:
    """The send channels of sent letters (ADR 0021) of the login's municipality, of residents
    within need-to-know (a klacht without a known resident: every reader of the list); by
    default those not yet done (waiting, failed, channel not connected), newest first."""
    actor = access.Actor.of(user)
    if actor.medewerker is None:
        return Verzending.objects.none()
    rijen = Verzending.objects.filter(gemeente_id=actor.gemeente_id).filter(
        Q(inwoner__in=access.inwoners_in_scope(actor)) | Q(inwoner__isnull=True)
    )
    wetten = access.leest_over(actor)
    if wetten is not None:
        # A role that reads only some laws' decisions sees only the letters of those decisions
        # (and, when it reads Wmo or Jeugdwet decisions, the other letters as before).
        beschikkingen = Q(
            brief_soort=BriefSoort.BESCHIKKING,
            bron_id__in=Beschikking.objects.filter(
                access.wet_q(actor), gemeente_id=actor.gemeente_id
            ).values("pk"),
        )
        if wetten & {"wmo", "jeugd"}:
            beschikkingen |= ~Q(brief_soort=BriefSoort.BESCHIKKING)
        rijen = rijen.filter(beschikkingen)
    if alleen_open:
        rijen = rijen.exclude(status=VerzendStatus.VERZONDEN)
    return rijen.order_by("-created_at", "-id")


def verzendingen_van(soort: str, bron_id: int, *, gemeente_id: int) -> list[Verzending]:
    """The channels of one sent letter of municipality `gemeente_id`, in the order they ran
    (for its page and API)."""
    return list(
        Verzending.objects.filter(
            brief_soort=soort, bron_id=bron_id, gemeente_id=gemeente_id
        ).order_by("pk")
    )


def vertraging_werklijst(user: User, *, vandaag: dt.date) -> QuerySet[Aanvraag]:
    """Awb art. 4:14: the aanvragen within need-to-know, not decided, with no notice sent and
    no running suspension, whose decision term ends within five working days or has passed
    (`termijn_stand` bijna_verlopen or verlopen: the same thresholds as every worklist, one SQL
    expression). Soonest first."""
    drempels = termijn_drempels(vandaag)
    return (
        aanvragen_in_scope(user)
        .filter(
            status=AanvraagStatus.ONTVANGEN,
            vertraging_gemeld_op__isnull=True,
            beslissen_uiterlijk__lte=drempels.waarschuwing,
        )
        .filter(
            ~Exists(AanvraagOpschorting.objects.filter(aanvraag=OuterRef("pk"), tot__isnull=True))
        )
        .annotate(termijn_stand=aanvraag_termijn_stand(drempels))
        .filter(binnen_gemeente_q(access.Actor.of(user).gemeente_id, "inwoner__wijk"))
        .select_related("inwoner__wijk", "gemeente")
        .order_by("beslissen_uiterlijk", "id")
    )
