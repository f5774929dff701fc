"""Recomputing stored deadlines after a day declared equal to a holiday is added or removed
(Algemene termijnenwet art. 1, 2 and 3 lid 3; ADR 0049).

A deadline stored on a record (an onderzoek, an aanvraag, a bezwaar, ...) was computed by a
rules function with the holidays known that day. When the functioneel beheerder adds a day
declared equal to a holiday by royal decree, or removes one entered by mistake, every deadline
that is still running is computed again by the same rules function, with the same inputs and the
holidays now in force.

Each app recomputes its own rows (as destruction does, `common.vernietiging`): an app with
stored deadlines has a module `<app>/herberekening.py` that registers, with `herberekenaar`, its
tables, the deadline fields in them, when each is still running (`open`), and how it is
computed (`bereken`). This module only discovers and orders the apps (`na`), counts, walks the
rows in batches, reports progress and sums the result. It writes through the app's own
callback (`vastleggen`) what the record's history must say.

What may move (ADR 0049): an open item whose stored last day is today or later. A holiday H can
only change a deadline D with D >= H: the Atw looks at the days of the term (art. 2) and at its
last day (art. 1), a working-day term at the days it counts, and none of these lies after D. So
only rows with D >= min(H, today) are read. When H is today or later, a passed deadline
(D < today) cannot depend on H, and a deadline D >= H that moves stays >= H >= today (moving
back after a removal ends on H at the earliest). When H lies in the past (a decree entered
late), deadlines that passed are not changed but counted as `verlopen`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from eenplan.rules.termijnen import GelijkgesteldeDag

BATCH = 500

# (done, total, step) -> None: the progress of a long recomputation (the task's `voortgang`).
Voortgang = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Wijziging:
    """The change of the holiday list that asks for the recomputation.

    `datum`: the day added (`toegevoegd`) or removed; None recomputes every open deadline of
    today or later (after the built-in table of decrees changed with a release). `extra`: the
    days declared equal by decree as they are now (`gemeente.selectors.gelijkgestelde_dagen`).
    `door`: who made the change (the history names them); None for a command without a login.
    """

    datum: dt.date | None
    toegevoegd: bool
    omschrijving: str
    vandaag: dt.date
    extra: tuple[GelijkgesteldeDag, ...]
    door: Any = None
    batch: int = BATCH

    @property
    def ondergrens(self) -> dt.date:
        """The earliest stored last day that can be affected (see the module's docstring)."""
        return self.vandaag if self.datum is None else self.datum

    @property
    def reden(self) -> str:
        if self.datum is None:
            return "door een wijziging van de feestdagen"
        dag = f"{self.datum:%d-%m-%Y}"
        if self.omschrijving:
            dag += f" ({self.omschrijving})"
        if self.toegevoegd:
            return f"door feestdag {dag}"
        return f"doordat {dag} geen feestdag meer is"

    def tekst(self, label: str, van: dt.date, naar: dt.date) -> str:
        """The history line: '<label> verschoven van X naar Y door feestdag Z (...)'."""
        return f"{label} verschoven van {van:%d-%m-%Y} naar {naar:%d-%m-%Y} {self.reden}"


@dataclass(frozen=True)
class Termijnveld:
    """One stored deadline of a table. `soort`: its key in the result; `label`: how the history
    line and the result name it ('Beslistermijn'); `open`: when it still runs, as a condition
    on the row (the stored day itself is checked by the walk); `bereken(row, voorbereid)`: the
    day by the rules, with the holidays of the `Wijziging` (None: leave it, e.g. while the term
    is suspended)."""

    soort: str
    label: str
    veld: str
    open: Q
    bereken: Callable[[Any, Any], dt.date | None]


@dataclass(frozen=True)
class Verschuiving:
    """One deadline moved: on `record`, field `veld` from `van` to `naar`."""

    record: Any
    veld: Termijnveld
    van: dt.date
    naar: dt.date


@dataclass(frozen=True)
class Tabel:
    """A table of the app with stored deadlines.

    `gemeente`: the lookup of the municipality ('gemeente_id', 'beschikking__gemeente_id');
    `voorbereiden(rows, wijziging)`: what `bereken` needs beyond the row, read for the whole
    batch at once (the suspensions of these rows), passed to every `bereken`; without it,
    `bereken` gets the declared days of the change (`wijziging.extra`);
    `vastleggen(wijziging, verschuivingen)`: the history of the moved deadlines (an event per
    record, the app's own history), called inside the batch's transaction; `laden`: the fields
    `bereken` and `vastleggen` read besides the deadlines (only these are loaded: a table with
    letters or message bodies stays light), also through `select_related`."""

    model: type[models.Model]
    gemeente: str
    velden: tuple[Termijnveld, ...]
    vastleggen: Callable[[Wijziging, list[Verschuiving]], None]
    voorbereiden: Callable[[list[Any], Wijziging], Any] | None = None
    select_related: tuple[str, ...] = ()
    laden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Herberekenaar:
    """What an app registered: its tables in the order they must be walked; `na`: apps whose
    deadlines this app's rules read (walked first); `zonder_gemeente`: the app also has rows
    without a municipality (messages not read yet)."""

    app_label: str
    label: str
    tabellen: tuple[Tabel, ...]
    na: tuple[str, ...] = ()
    zonder_gemeente: bool = False


@dataclass
class Telling:
    """Per kind of deadline: how many were checked, how many moved, and how many would have
    moved but had already passed (left as they were, ADR 0049)."""

    label: str
    bekeken: int = 0
    verschoven: int = 0
    verlopen: int = 0

    def als_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "bekeken": self.bekeken,
            "verschoven": self.verschoven,
            "verlopen": self.verlopen,
        }


@dataclass
class Resultaat:
    soorten: dict[str, Telling] = field(default_factory=dict)
    per_gemeente: dict[str, int] = field(default_factory=dict)

    @property
    def verschoven(self) -> int:
        return sum(t.verschoven for t in self.soorten.values())

    def als_dict(self) -> dict[str, Any]:
        return {
            "verschoven": self.verschoven,
            "soorten": {k: t.als_dict() for k, t in self.soorten.items()},
            "per_gemeente": dict(self.per_gemeente),
        }


_herberekenaars: dict[str, Herberekenaar] = {}
_ontdekt = False


def herberekenaar(
    app_label: str,
    *,
    label: str,
    tabellen: Sequence[Tabel],
    na: Sequence[str] = (),
    zonder_gemeente: bool = False,
) -> Herberekenaar:
    """Register the recomputation of `app_label`'s own stored deadlines (call it at import of
    `<app>/herberekening.py`). Refuses a table of another app: an app writes only its own."""
    for tabel in tabellen:
        if tabel.model._meta.app_label != app_label:
            raise ValueError(
                f"{app_label} herberekent geen termijnen van {tabel.model._meta.label}."
            )
    item = Herberekenaar(app_label, label, tuple(tabellen), tuple(na), zonder_gemeente)
    _herberekenaars[app_label] = item
    return item


def _ontdek() -> None:
    global _ontdekt
    if not _ontdekt:
        autodiscover_modules("herberekening")
        _ontdekt = True


def herberekenaars() -> list[Herberekenaar]:
    """The registered apps, each after the apps named in its `na` (then by name)."""
    _ontdek()
    klaar: list[Herberekenaar] = []
    gezien: set[str] = set()

    def plaats(label: str, pad: tuple[str, ...]) -> None:
        if label in gezien or label not in _herberekenaars:
            return
        if label in pad:
            raise ValueError(f"Kringverwijzing in de volgorde van herberekenen: {pad}")
        for eerder in sorted(_herberekenaars[label].na):
            plaats(eerder, (*pad, label))
        gezien.add(label)
        klaar.append(_herberekenaars[label])

    for label in sorted(_herberekenaars):
        plaats(label, ())
    return klaar


def _kandidaten(tabel: Tabel, w: Wijziging, gemeente_id: int | None) -> models.QuerySet[Any]:
    """The rows of `tabel` in the municipality with at least one open deadline that may move."""
    waar = Q(pk__in=[])
    vlaggen: dict[str, Any] = {}
    for i, veld in enumerate(tabel.velden):
        kan = veld.open & Q(**{f"{veld.veld}__gte": w.ondergrens})
        waar |= kan
        vlaggen[f"_termijn_open_{i}"] = ExpressionWrapper(kan, output_field=BooleanField())
    gemeente = (
        Q(**{tabel.gemeente: gemeente_id})
        if gemeente_id is not None
        else Q(**{tabel.gemeente.removesuffix("_id") + "__isnull": True})
    )
    return tabel.model._default_manager.filter(gemeente, waar).annotate(**vlaggen)


def aantal(item: Herberekenaar, w: Wijziging, gemeente_id: int | None) -> int:
    """How many rows `item` will walk in this municipality (one count per table)."""
    if gemeente_id is None and not item.zonder_gemeente:
        return 0
    return sum(_kandidaten(t, w, gemeente_id).count() for t in item.tabellen)


def _batch(
    tabel: Tabel, w: Wijziging, rijen: list[Any], resultaat: Resultaat
) -> list[Verschuiving]:
    voorbereid = tabel.voorbereiden(rijen, w) if tabel.voorbereiden is not None else w.extra
    verschuivingen: list[Verschuiving] = []
    for rij in rijen:
        for i, veld in enumerate(tabel.velden):
            if not getattr(rij, f"_termijn_open_{i}"):
                continue
            telling = resultaat.soorten.setdefault(veld.soort, Telling(veld.label))
            oud = getattr(rij, veld.veld)
            nieuw = veld.bereken(rij, voorbereid)
            telling.bekeken += 1
            if nieuw is None or nieuw == oud:
                continue
            if oud < w.vandaag or nieuw < w.vandaag:
                telling.verlopen += 1  # a term that ran out stays as it was (ADR 0049)
                continue
            setattr(rij, veld.veld, nieuw)
            telling.verschoven += 1
            verschuivingen.append(Verschuiving(rij, veld, oud, nieuw))
    if verschuivingen:
        nu = timezone.now()
        per_veld: dict[str, dict[Any, dt.date]] = {}
        for v in verschuivingen:
            per_veld.setdefault(v.veld.veld, {})[v.record.pk] = v.naar
        for veld, waarden in sorted(per_veld.items()):
            _zet(tabel.model, veld, waarden, nu)
        tabel.vastleggen(w, verschuivingen)
    return verschuivingen


def _zet(model: type[models.Model], veld: str, waarden: dict[Any, dt.date], nu: Any) -> None:
    """One UPDATE for a batch: `veld` to its new day per primary key (and `updated_at` to
    now). Django's `bulk_update` builds a CASE per row and spent three quarters of the time of a
    50,000-row recomputation there; this statement is plain SQL both databases run."""
    meta = model._meta
    q = connection.ops.quote_name
    tabel, kolom, pk = q(meta.db_table), q(meta.get_field(veld).column), q(meta.pk.column)
    dag = "CAST(%s AS DATE)" if connection.vendor == "postgresql" else "%s"
    rijen = ", ".join(f"(%s, {dag})" for _ in waarden)
    zet = f"{kolom} = (SELECT v.dag FROM v WHERE v.id = {tabel}.{pk})"  # noqa: S608
    ops = connection.ops
    params: list[Any] = [x for i, d in waarden.items() for x in (i, ops.adapt_datefield_value(d))]
    if any(f.name == "updated_at" for f in meta.concrete_fields):
        zet += f", {q(meta.get_field('updated_at').column)} = %s"
        params.append(ops.adapt_datetimefield_value(nu))
    sql = (
        f"WITH v (id, dag) AS (VALUES {rijen}) "  # noqa: S608 (names quoted, values bound)
        f"UPDATE {tabel} SET {zet} WHERE {pk} IN (SELECT id FROM v)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _te_laden(tabel: Tabel) -> list[str]:
    namen = [*tabel.laden, *(v.veld for v in tabel.velden)]
    if any(f.name == "updated_at" for f in tabel.model._meta.concrete_fields):
        namen.append("updated_at")
    return namen


def verwerk(
    item: Herberekenaar, w: Wijziging, gemeente_id: int | None, resultaat: Resultaat
) -> Iterator[int]:
    """Walk `item`'s tables in this municipality, batch by batch (keyset by id, rows locked for
    the batch's transaction); yields the number of rows of each committed batch."""
    if gemeente_id is None and not item.zonder_gemeente:
        return
    for tabel in item.tabellen:
        laatste = 0
        while True:
            with transaction.atomic():
                rijen = list(
                    _kandidaten(tabel, w, gemeente_id)
                    .filter(pk__gt=laatste)
                    .select_related(*tabel.select_related)
                    .only(*_te_laden(tabel))
                    .select_for_update(of=("self",))
                    .order_by("pk")[: w.batch]
                )
                if not rijen:
                    break
                _batch(tabel, w, rijen, resultaat)
            laatste = rijen[-1].pk
            yield len(rijen)
            if len(rijen) < w.batch:
                break


def termijnen_herberekenen(
    w: Wijziging,
    *,
    gemeenten: Sequence[tuple[int | None, str]],
    voortgang: Voortgang | None = None,
) -> Resultaat:
    """Recompute the open deadlines of every registered app in each of `gemeenten` ((id,
    name); id None: the rows without a municipality), reporting progress after every batch.
    Running it again changes nothing (the same rules give the same days)."""
    resultaat = Resultaat()
    for item in herberekenaars():
        for tabel in item.tabellen:
            for veld in tabel.velden:
                resultaat.soorten.setdefault(veld.soort, Telling(veld.label))
    volgorde = herberekenaars()
    totaal = sum(aantal(item, w, gid) for gid, _naam in gemeenten for item in volgorde)
    gedaan = 0
    if voortgang is not None:
        voortgang(0, totaal, "Termijnen tellen")
    for gemeente_id, naam in gemeenten:
        voor = resultaat.verschoven
        for item in volgorde:
            for stuk in verwerk(item, w, gemeente_id, resultaat):
                gedaan = min(gedaan + stuk, totaal)
                if voortgang is not None:
                    voortgang(gedaan, totaal, f"{naam}: {item.label}")
        if gemeente_id is not None or resultaat.verschoven != voor:
            resultaat.per_gemeente[naam] = resultaat.verschoven - voor
    if voortgang is not None:
        voortgang(totaal, totaal, "Klaar")
    return resultaat
