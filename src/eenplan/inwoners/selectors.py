"""Reads of the inwoners app. Callers pass a queryset already narrowed to the login's scope
(`eenplan.privacy.selectors.inwoners_in_scope`)."""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from eenplan.common.aggregaten import Rijen, delen_lezen, rijen_json, rijen_uit_json
from eenplan.common.lookups import Bytevolgorde
from eenplan.common.text import normalise, normalise_postcode
from eenplan.inwoners.models import Huishouden, HuishoudenLid, Inwoner, Netwerkpersoon

_BSN = re.compile(r"^\d[\d .-]{7,11}$")
_DATE = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Dutch surname prefixes people type before the surname ("de Vries"); zoeknaam has none.
_VOORVOEGSELS = (
    "van der ",
    "van den ",
    "van de ",
    "van ",
    "de ",
    "den ",
    "der ",
    "ter ",
    "te ",
    "het ",
    "in 't ",
    "op de ",
)
_POSTCODE = re.compile(r"^(\d{4}\s?[a-zA-Z]{2})(?:\s+(\d+)\s*([a-zA-Z0-9-]*))?$")


@dataclass(frozen=True)
class Zoekvraag:
    """What a search box query was understood as; shown to the user ("gezocht op ...")."""

    soort: str  # "bsn", "geboortedatum", "adres", "naam", "leeg", "ongeldig"
    waarde: str
    uitleg: str


def zoekvraag_parse(q: str) -> Zoekvraag:
    q = (q or "").strip()
    if not q:
        return Zoekvraag("leeg", "", "")
    if m := _DATE.match(q):
        day, month, year = (int(x) for x in m.groups())
        try:
            return Zoekvraag(
                "geboortedatum", dt.date(year, month, day).isoformat(), "geboortedatum"
            )
        except ValueError:
            return Zoekvraag("ongeldig", q, "Dit is geen bestaande datum.")
    if m := _ISO_DATE.match(q):
        try:
            return Zoekvraag(
                "geboortedatum", dt.date(*(int(x) for x in m.groups())).isoformat(), "geboortedatum"
            )
        except ValueError:
            return Zoekvraag("ongeldig", q, "Dit is geen bestaande datum.")
    if _BSN.match(q) and len(re.sub(r"\D", "", q)) in (8, 9):
        return Zoekvraag("bsn", re.sub(r"\D", "", q).zfill(9), "BSN")
    if m := _POSTCODE.match(q):
        postcode = normalise_postcode(m.group(1))
        return Zoekvraag(
            "adres", f"{postcode} {m.group(2) or ''}".strip(), "postcode en huisnummer"
        )
    name = normalise(q)
    if len(name) < 2:
        return Zoekvraag("ongeldig", q, "Typ minstens twee letters van de naam.")
    return Zoekvraag("naam", name, "naam")


ZOEK_TELLEN_MAX = 500
"""How many residents a search counts at most; above it the page says "Meer dan 500 inwoners
gevonden. Maak uw zoekvraag preciezer." and the API answers `count` 500 with `meer` true.

Why a bound: in a city of a million, "jans" names 37,587 residents. Counting them all read
15,563 table blocks (83 ms on the benchmark machine, issue 16) for a number nobody uses: no one
pages through more than a few pages of 25; with this many results one adds a first name or a
birth date. 500 is 20 pages, more than anyone reads, and counting stops after 501 index
entries whatever the size of the municipality. Paging works within the bound (pages 1 to 20)."""


_SLEUTEL = {"zoeknaam": "sleutel_achternaam", "zoeknaam_voornaam": "sleutel_voornaam"}


def _naam_takken(waarde: str) -> list[tuple[str, str]]:
    """The ways a typed name can match, as (search-name field, prefix): the surname first
    ('jansen pi'), the surname without a prefix the user typed before it ('de vries' finds
    zoeknaam 'vries jan'), the first name first ('piet jans')."""
    takken = [("zoeknaam", waarde)]
    for voorvoegsel in _VOORVOEGSELS:
        if waarde.startswith(voorvoegsel) and len(waarde) > len(voorvoegsel) + 1:
            takken.append(("zoeknaam", waarde[len(voorvoegsel) :]))
            break
    takken.append(("zoeknaam_voornaam", waarde))
    return takken


def _conditie(vraag: Zoekvraag) -> Q | None:
    """The filter for a search that is not by name (None: nothing to find)."""
    if vraag.soort == "bsn":
        return Q(bsn=vraag.waarde)
    if vraag.soort == "geboortedatum":
        return Q(geboortedatum=vraag.waarde)
    if vraag.soort == "adres":
        postcode, _, nummer = vraag.waarde.partition(" ")
        return Q(postcode=postcode, huisnummer=int(nummer)) if nummer else Q(postcode=postcode)
    return None


class Zoekresultaten:
    """The residents a search found, in the order of their search name, then id: a list that
    Django's Paginator and the API's pagination slice; it is counted only up to a bound
    (`tel_tot`, `common.paginering.BegrensdePaginator`), never in full.

    `takken` are the ways of matching (`inwoner_search`), each a query of (id, search name in
    byte order). A slice is two queries: the ids of that slice — per branch the first rows in
    order, merged — then those residents with their wijk by primary key, within the same
    scope."""

    ordered = True  # for Django's Paginator: the order is the search name, then id

    def __init__(self, *, scope: QuerySet[Inwoner], takken: list[QuerySet[Any]]) -> None:
        self._scope = scope.order_by()
        self.takken = [tak.order_by("sleutel", "id") for tak in takken]

    def sleutels(self, tot: int) -> QuerySet[Any]:
        """(id, search name) of the first `tot` residents found, in order: one query.

        On PostgreSQL each branch is `(… ORDER BY sleutel, id LIMIT tot)`: an index scan in
        that order that stops after `tot` rows, however many residents match; the outer
        query merges at most `tot` rows per branch. (A UNION ALL of branches with a WHERE
        clause but no LIMIT of their own is planned branch by branch without the outer
        order: every match fetched and sorted, issue 16.) SQLite allows no ORDER BY or LIMIT
        in a branch of a UNION; its municipalities are small."""
        if len(self.takken) == 1 or tot <= 0:
            return self.takken[0][: max(tot, 0)]
        if connections[self._scope.db].features.supports_slicing_ordering_in_compound:
            delen = [tak[:tot] for tak in self.takken]
        else:
            delen = [tak.order_by() for tak in self.takken]
        return delen[0].union(*delen[1:], all=True).order_by("sleutel", "id")[:tot]

    def __getitem__(self, index: slice | int) -> Any:
        if isinstance(index, int):
            rijen = self[index : index + 1]
            if not rijen:
                raise IndexError(index)
            return rijen[0]
        if index.step not in (None, 1) or index.stop is None:
            raise ValueError("Alleen een aaneengesloten, begrensd deel van de zoekresultaten.")
        begin = index.start or 0
        if index.stop <= begin:
            return []
        ids = [pk for pk, _sleutel in self.sleutels(index.stop)[begin:]]
        gevonden = self._scope.select_related("wijk").in_bulk(ids)
        return [gevonden[pk] for pk in ids if pk in gevonden]

    def tel_tot(self, grens: int) -> int:
        """The number of residents found, counting no further than `grens`: one query."""
        return int(self.sleutels(grens).count())

    def ids(self, aantal: int) -> list[int]:
        """The ids of the first `aantal` residents, in order: one query."""
        return [pk for pk, _sleutel in self.sleutels(aantal)]

    def first(self) -> Inwoner | None:
        rijen = self[:1]
        return rijen[0] if rijen else None


def inwoner_search(*, scope: QuerySet[Inwoner], q: str) -> tuple[Zoekvraag, Zoekresultaten]:
    """Search by name (prefix of 'achternaam voornamen' or 'voornamen achternaam'), BSN,
    birth date (dd-mm-jjjj) or postcode with optional house number, within `scope` (the
    login's need-to-know, `privacy.access.inwoners_in_scope`, applied in every branch).

    The results are in the order of the normalised search name that matched, then id: a name
    found surname first by 'achternaam voornamen' ('vries jan' for Jan de Vries: the prefix
    does not count, as in a telephone directory; 'celik' for Çelik), a name found first name
    first by 'voornamen achternaam' — alphabetical on the name as it was typed. Each way of
    matching is one branch with its own index on (gemeente, search name in byte order, id)
    that delivers its rows already in that order (`Zoekresultaten.sleutels`): a page reads
    about a page of index entries per branch, however many residents match (issue 16: 'jans'
    at a million residents was 83 ms of fetching and sorting 37,587 rows, twice). A resident
    is found once: a branch leaves out what an earlier branch found."""
    vraag = zoekvraag_parse(q)
    basis = scope.order_by()
    if vraag.soort == "naam":
        naam_takken = _naam_takken(vraag.waarde)
        takken = []
        for i, (veld, prefix) in enumerate(naam_takken):
            tak = basis.annotate(sleutel=Bytevolgorde(veld)).filter(sleutel__prefix=prefix)
            for eerder_veld, eerder_prefix in naam_takken[:i]:
                tak = tak.exclude(**{f"{eerder_veld}__prefix": eerder_prefix})
            takken.append(tak.values_list("id", "sleutel"))
    else:
        conditie = _conditie(vraag)
        gevonden = basis.filter(conditie) if conditie is not None else basis.none()
        takken = [
            gevonden.annotate(sleutel=Bytevolgorde("zoeknaam")).values_list("id", "sleutel")
        ]
    return vraag, Zoekresultaten(scope=scope, takken=takken)


def inwoner_filter(*, scope: QuerySet[Inwoner], q: str) -> tuple[Zoekvraag, QuerySet[Inwoner]]:
    """The residents a search finds (as `inwoner_search`), unordered: a condition to use
    inside another query (`inwoner__in=...values("pk")`), not a list to show. A name is
    matched on the same search keys as `inwoner_search` (the search name in byte order), so the
    same indexes serve it when `scope` names the municipality (`gemeente_id=…`)."""
    vraag = zoekvraag_parse(q)
    if vraag.soort == "naam":
        sleutels = scope.alias(
            sleutel_achternaam=Bytevolgorde("zoeknaam"),
            sleutel_voornaam=Bytevolgorde("zoeknaam_voornaam"),
        )
        takken = [
            Q(**{f"{_SLEUTEL[veld]}__prefix": prefix})
            for veld, prefix in _naam_takken(vraag.waarde)
        ]
        return vraag, sleutels.filter(reduce(operator.or_, takken))
    conditie = _conditie(vraag)
    return vraag, scope.filter(conditie) if conditie is not None else scope.none()


def huishouden_current(*, inwoner: Inwoner, vandaag: dt.date) -> Huishouden | None:
    lid = (
        HuishoudenLid.objects.filter(
            inwoner=inwoner, lid_van__lte=vandaag, huishouden__gemeente_id=inwoner.gemeente_id
        )
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag))
        .select_related("huishouden")
        .first()
    )
    return lid.huishouden if lid else None


def huishouden_leden(*, huishouden: Huishouden) -> QuerySet[HuishoudenLid]:
    """All memberships, past and present, with the resident (of the household's municipality,
    issue 16): one query."""
    return (
        huishouden.leden.filter(inwoner__gemeente_id=huishouden.gemeente_id)
        .select_related("inwoner")
        .order_by("lid_tot", "lid_van", "id")
    )


def inwoner_netwerk(*, inwoner: Inwoner) -> list[Netwerkpersoon]:
    """The resident's network as its own rows say it (kind, name, relation, dates): one query
    on the network table alone. The resident a network person may be is not joined — that
    row could be of another municipality, and a join would read it without the condition
    (issue 16); the onderzoek page, the one reader, shows the names as recorded."""
    return list(Netwerkpersoon.objects.filter(inwoner=inwoner).order_by("soort", "naam"))


def huidig_huishouden(inwoner_id: int, op: dt.date) -> QuerySet[HuishoudenLid]:
    """The household `inwoner_id` belongs to on `op`, as a subquery (`Subquery(…)`: its id)."""
    return (
        HuishoudenLid.objects.filter(inwoner_id=inwoner_id, lid_van__lte=op)
        .filter(Q(lid_tot__isnull=True) | Q(lid_tot__gt=op))
        .values("huishouden_id")[:1]
    )


def _een_huishouden(leden: list[HuishoudenLid]) -> Huishouden | None:
    """One Huishouden object for all memberships, as `huishouden.leden` would give."""
    huishouden = leden[0].huishouden if leden else None
    for lid in leden:
        lid.huishouden = huishouden
    return huishouden


# What the resident page shows of the household (every membership, current ones first) and
# the network, as they travel next to the resident's row (`inwoner_dossier_delen`).
_LEDEN = Rijen(
    HuishoudenLid, samen=("inwoner", "huishouden"), volgorde=("lid_tot", "lid_van", "id")
)
_NETWERK = Rijen(Netwerkpersoon, samen=("als_inwoner",), volgorde=("soort", "naam"))


def inwoner_dossier_delen(*, inwoner: Inwoner, vandaag: dt.date) -> dict[str, Subquery]:
    """The parts of `inwoner_dossier` as columns of a query on the resident's row (so a page
    reads them together with its other parts, `web.selectors.dossier_get`); `inwoner_dossier_uit`
    reads them."""
    return {
        "leden": rijen_json(
            HuishoudenLid.objects.filter(
                huishouden_id=Subquery(huidig_huishouden(inwoner.pk, vandaag)),
                huishouden__gemeente_id=inwoner.gemeente_id,
                inwoner__gemeente_id=inwoner.gemeente_id,
            ),
            _LEDEN,
        ),
        "netwerk": rijen_json(Netwerkpersoon.objects.filter(inwoner_id=inwoner.pk), _NETWERK),
    }


def inwoner_dossier_uit(rij: dict[str, Any], *, vandaag: dt.date, db: str) -> dict[str, object]:
    """`inwoner_dossier` from the columns of `inwoner_dossier_delen`."""
    leden = rijen_uit_json(rij.get("leden"), _LEDEN, db=db)
    return {
        "huishouden": _een_huishouden(leden),
        "leden_nu": [lid for lid in leden if lid.actief_op(vandaag)],
        "leden_eerder": [lid for lid in leden if not lid.actief_op(vandaag)],
        "netwerk": rijen_uit_json(rij.get("netwerk"), _NETWERK, db=db),
    }


def inwoner_dossier(*, inwoner: Inwoner, vandaag: dt.date) -> dict[str, object]:
    """Everything the resident page shows: household (with history) and network; one query."""
    rij = delen_lezen(
        Inwoner.objects.filter(pk=inwoner.pk, gemeente_id=inwoner.gemeente_id),
        inwoner_dossier_delen(inwoner=inwoner, vandaag=vandaag),
    )
    return inwoner_dossier_uit(rij, vandaag=vandaag, db=inwoner._state.db or "default")


def huishoudens_with_members(
    scope: QuerySet[Huishouden], *, gemeente_id: int | None
) -> QuerySet[Huishouden]:
    """The households of `scope` (of municipality `gemeente_id`) with their members; the
    members' residents are read with the municipality condition too (issue 16: one shard)."""
    return scope.filter(gemeente_id=gemeente_id).prefetch_related(
        Prefetch(
            "leden",
            queryset=HuishoudenLid.objects.filter(inwoner__gemeente_id=gemeente_id)
            .select_related("inwoner")
            .order_by("lid_van", "id"),
        )
    )


def huishoudens_in_scope(
    scope: QuerySet[Inwoner], *, vandaag: dt.date | None = None
) -> QuerySet[Huishouden]:
    """Households with at least one *current* member among the residents in `scope`: a member
    who moved out, or moves in later, does not open the household (the same rule as
    privacy.access for one household, for reading and writing alike)."""
    vandaag = vandaag or timezone.localdate()
    return Huishouden.objects.filter(
        Exists(
            HuishoudenLid.objects.filter(
                Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag),
                huishouden=OuterRef("pk"),
                lid_van__lte=vandaag,  # someone moving in later is no member yet
                inwoner__in=scope.values("pk"),
            )
        )
    )
