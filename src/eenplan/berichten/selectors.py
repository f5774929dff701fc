"""Reads of the message traffic, shared by the staff pages, the provider API and the folder
connection: messages per resident, per provider and per day, one message with its answers,
the outbox of a provider, and the worklist of what must still be answered (with its deadline
state in SQL). Access is decided by the caller through `privacy.access` (Resource.BERICHT);
`berichten_in_scope` narrows a list to what an actor may see. Names are stable: the pages
(issue 11) build on them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, JSONArray, Least

from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Prestatie, Toewijzing
from eenplan.common.aggregaten import JsonLijst, op_volgorde
from eenplan.common.termijnstand import Drempels, termijn_stand
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import ActorKind

# The list columns: never the raw bytes (`inhoud`), which only the detail and a download read.
LIJST_VELDEN = (
    "id",
    "richting",
    "kanaal",
    "gemeente_id",
    "aanbieder_id",
    "aanbieder__naam",
    "aanbieder__agb_code",
    "soort",
    "code",
    "wet",
    "afzender",
    "ontvanger",
    "identificatie",
    "dagtekening",
    "kenmerk",
    "bestandsnaam",
    "status",
    "retourcodes",
    "melding",
    "moment",
    "verwerkt_op",
    "opgehaald_op",
    "retour_uiterlijk",
    "retour_verzonden_op",
    "antwoord_uiterlijk",
    "beantwoord_op",
    "antwoord_op_id",
    "beschikking_id",
)


# A list row names at most this many residents of one message; a declaratie about more says
# how many more (its detail names them all). Only the residents named are logged as shown.
INWONERS_IN_LIJST = 3
# The order residents are named in: the resident's own (Inwoner.Meta.ordering).
_NAAM_VOLGORDE = ("achternaam", "voornamen", "id")
_INWONER_VELDEN = [*_NAAM_VOLGORDE, "voorvoegsel"]


def _genoemd() -> Subquery:
    """The residents a list row names, as one JSON array of [achternaam, voornamen, id,
    voorvoegsel] in name order: the first INWONERS_IN_LIJST of the message's residents (of
    the message's municipality). A correlated subquery, so the list reads its rows and the
    residents they name in one query, whatever the number a declaratie concerns."""
    eerste = (
        Inwoner.objects.filter(
            berichten=OuterRef(OuterRef("pk")), gemeente_id=OuterRef(OuterRef("gemeente_id"))
        )
        .order_by(*_NAAM_VOLGORDE)
        .values("pk")[:INWONERS_IN_LIJST]
    )
    return Subquery(
        Inwoner.objects.filter(pk__in=eerste, gemeente_id=OuterRef("gemeente_id"))
        .order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(j=JsonLijst(JSONArray(*_INWONER_VELDEN), geordend=True))
        .values("j")
    )


def _inwoners_aantal() -> Coalesce:
    """How many residents the message concerns (one index range of its links)."""
    koppelingen = (
        Bericht.inwoners.through.objects.filter(bericht_id=OuterRef("pk"))
        .order_by()
        .values("bericht_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(koppelingen), 0)


def _lijst(qs: QuerySet[Bericht]) -> QuerySet[Bericht]:
    """The list columns, the provider, and the residents a row names with their number
    (`genoemde_inwoners`, `inwoners_aantal`): one query for the rows."""
    return (
        qs.select_related("aanbieder")
        .only(*LIJST_VELDEN)
        .annotate(_genoemd=_genoemd(), _inwoners_aantal=_inwoners_aantal())
        .order_by("-moment", "-id")
    )


def genoemde_inwoners(bericht: Bericht) -> list[Inwoner]:
    """The residents a list row names (at most INWONERS_IN_LIJST, in name order): read with
    the row by `_lijst`; for a message read otherwise (an answer on a message's page), of its
    residents."""
    gelezen = bericht.__dict__
    if "_genoemd" not in gelezen:
        return _alle_inwoners(bericht)[:INWONERS_IN_LIJST]
    genoemd = gelezen.get("_genoemd_inwoners")
    if genoemd is None:
        db = bericht._state.db or "default"
        rijen = op_volgorde(gelezen["_genoemd"], db, sleutels=len(_NAAM_VOLGORDE))
        # Residents of the message's municipality (`_genoemd`); from_db takes the values in
        # the model's field order.
        velden = {*_INWONER_VELDEN, "gemeente_id"}
        volgorde = [f.attname for f in Inwoner._meta.concrete_fields if f.attname in velden]
        genoemd = []
        for rij in rijen:
            waarden = dict(zip(_INWONER_VELDEN, rij, strict=True))
            waarden["gemeente_id"] = bericht.gemeente_id
            genoemd.append(Inwoner.from_db(db, volgorde, [waarden[v] for v in volgorde]))
        gelezen["_genoemd_inwoners"] = genoemd
    return genoemd


def inwoners_aantal(bericht: Bericht) -> int:
    """How many residents the message concerns."""
    if "_inwoners_aantal" in bericht.__dict__:
        return int(bericht.__dict__["_inwoners_aantal"])
    return len(_alle_inwoners(bericht))


def _alle_inwoners(bericht: Bericht) -> list[Inwoner]:
    """Every resident of a message not read by `_lijst` (prefetched, or read once)."""
    alle = bericht.__dict__.get("_alle_inwoners")
    if alle is None:
        alle = bericht.__dict__["_alle_inwoners"] = list(bericht.inwoners.all())
    return alle


def aantal(rijen: QuerySet[Bericht]) -> Subquery:
    """The number of messages in `rijen` as a subquery, to count them beside other rows in one
    query (NULL when it cannot match: an empty queryset)."""
    return Subquery(
        rijen.order_by()
        .annotate(_een=Value(1))
        .values("_een")
        .annotate(n=Count("pk"))
        .values("n")
    )


def berichten_in_scope(actor: Any) -> QuerySet[Bericht]:
    """What an actor may list: a provider its own messages (in and out); staff with the role
    every message of their municipality (and those that name no municipality: unreadable
    files); nothing for anyone else."""
    actor = access.Actor.of(actor)
    if actor.kind == ActorKind.AANBIEDER:
        return Bericht.objects.filter(aanbieder_id=actor.aanbieder_id)
    if not access.allows(actor, access.Resource.BERICHT, access.Action.LEZEN):
        return Bericht.objects.none()
    if actor.gemeente_id is None:
        return Bericht.objects.all() if actor.is_superuser else Bericht.objects.none()
    return Bericht.objects.filter(Q(gemeente_id=actor.gemeente_id) | Q(gemeente__isnull=True))


def berichten_zoeken(
    qs: QuerySet[Bericht] | None = None,
    *,
    inwoner: int | None = None,
    aanbieder: int | None = None,
    dag: dt.date | None = None,
    soort: str = "",
    status: str = "",
    richting: str = "",
) -> QuerySet[Bericht]:
    """The message log, newest first, filtered; the rows with the residents they name in one
    query (`_lijst`)."""
    qs = Bericht.objects.all() if qs is None else qs
    if inwoner is not None:
        qs = qs.filter(inwoners=inwoner)
    if aanbieder is not None:
        qs = qs.filter(aanbieder_id=aanbieder)
    if dag is not None:
        qs = qs.filter(moment__date=dag)
    if soort:
        qs = qs.filter(Q(soort=soort) | Q(code=soort))
    if status:
        qs = qs.filter(status=status)
    if richting:
        qs = qs.filter(richting=richting)
    return _lijst(qs)


def berichten_van_inwoner(
    inwoner: Inwoner | int, qs: QuerySet[Bericht] | None = None
) -> QuerySet[Bericht]:
    return berichten_zoeken(qs, inwoner=inwoner if isinstance(inwoner, int) else inwoner.pk)


def berichten_van_aanbieder(
    aanbieder: Any, qs: QuerySet[Bericht] | None = None
) -> QuerySet[Bericht]:
    return berichten_zoeken(qs, aanbieder=aanbieder if isinstance(aanbieder, int) else aanbieder.pk)


def berichten_op_dag(dag: dt.date, qs: QuerySet[Bericht] | None = None) -> QuerySet[Bericht]:
    return berichten_zoeken(qs, dag=dag)


def bericht_get(
    pk: int, scope: QuerySet[Bericht] | None = None, *, gemeente_id: int | None = None
) -> Bericht | None:
    """One message of `scope` (what the actor may list, `berichten_in_scope`; every message
    when None) with its answers, the message it answers, its residents and claim lines; None
    when `scope` has no message `pk`. `gemeente_id`: the municipality of a staff login's scope,
    to which the decision it joins, its answers and its residents are held as well (issue 16:
    every table of each query carries the condition)."""
    qs = Bericht.objects.all() if scope is None else scope
    inwoners = Inwoner.objects.all()
    antwoorden = Bericht.objects.all()
    if gemeente_id is not None:
        qs = qs.filter(Q(beschikking__isnull=True) | Q(beschikking__gemeente_id=gemeente_id))
        inwoners = inwoners.filter(gemeente_id=gemeente_id)
        # As the log lists them: the municipality's, and those that name none (unreadable).
        antwoorden = antwoorden.filter(Q(gemeente_id=gemeente_id) | Q(gemeente__isnull=True))
    return (
        qs.select_related("aanbieder", "antwoord_op", "gemeente", "beschikking")
        .prefetch_related(
            Prefetch("inwoners", queryset=inwoners),
            Prefetch("antwoorden", queryset=antwoorden.order_by("moment", "id")),
            Prefetch("prestaties", queryset=Prestatie.objects.order_by("id")),
        )
        .filter(pk=pk)
        .first()
    )


def uitgaand_voor_aanbieder(aanbieder_id: int, *, alleen_nieuw: bool = False) -> QuerySet[Bericht]:
    """The outbox of a provider: what the municipality sent it (301, 319 and every retour and
    325), oldest first; `alleen_nieuw`: not fetched yet."""
    qs = Bericht.objects.filter(richting=Richting.UIT, aanbieder_id=aanbieder_id)
    if alleen_nieuw:
        qs = qs.filter(status=BerichtStatus.KLAAR)
    return qs.order_by("moment", "id")


def uitgaand_klaar() -> QuerySet[Bericht]:
    """Everything waiting in the outbox, for the folder connection."""
    return Bericht.objects.filter(richting=Richting.UIT, status=BerichtStatus.KLAAR).order_by(
        "moment", "id"
    )


WACHT = Q(status__in=[BerichtStatus.ONTVANGEN, BerichtStatus.FOUT])
RETOUR_OPEN = Q(retour_uiterlijk__isnull=False, retour_verzonden_op__isnull=True)
ANTWOORD_OPEN = Q(antwoord_uiterlijk__isnull=False, beantwoord_op__isnull=True)


def werklijst(
    vandaag: dt.date, qs: QuerySet[Bericht] | None = None, *, waarschuwing_werkdagen: int = 1
) -> QuerySet[Bericht]:
    """What is due: received messages not processed yet (or whose processing failed), a retour
    not sent yet (OP090: 3 working days; 325: 10), a request (315/317) without its 319 or 301
    (5 working days). Annotated with `uiterlijk` (the nearest open deadline) and `stand`
    (verlopen / bijna_verlopen / op_schema; bijna: due within `waarschuwing_werkdagen`
    working days), soonest first."""
    qs = Bericht.objects.all() if qs is None else qs
    drempels = Drempels.bereken(
        vandaag, extra=gelijkgestelde_dagen(), waarschuwing_werkdagen=waarschuwing_werkdagen
    )
    uiterlijk = Case(
        When(RETOUR_OPEN & ANTWOORD_OPEN, then=Least("retour_uiterlijk", "antwoord_uiterlijk")),
        When(RETOUR_OPEN, then=F("retour_uiterlijk")),
        When(ANTWOORD_OPEN, then=F("antwoord_uiterlijk")),
        default=F("retour_uiterlijk"),
        output_field=DateField(),
    )
    return (
        _lijst(qs.filter(richting=Richting.IN).filter(WACHT | RETOUR_OPEN | ANTWOORD_OPEN))
        .annotate(uiterlijk=uiterlijk)
        .annotate(stand=termijn_stand("uiterlijk", drempels, zonder_datum="verlopen"))
        .order_by(F("uiterlijk").asc(nulls_first=True), "moment", "id")
    )


def toewijzingen_van(inwoner: int, aanbieder: int | None = None) -> QuerySet[Toewijzing]:
    """The toewijzingen of a resident (at one provider), with their deliveries."""
    qs = Toewijzing.objects.filter(inwoner_id=inwoner).select_related("aanbieder")
    if aanbieder is not None:
        qs = qs.filter(aanbieder_id=aanbieder)
    return qs.prefetch_related("leveringen").order_by("nummer")


def clienten_van_aanbieder(aanbieder_id: int) -> QuerySet[Inwoner]:
    """The residents with a toewijzing at this provider (what a provider login may see)."""
    return Inwoner.objects.filter(
        pk__in=Toewijzing.objects.filter(aanbieder_id=aanbieder_id).values("inwoner_id")
    ).order_by("achternaam", "id")
