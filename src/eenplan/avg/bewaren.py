"""Retention and destruction: which records are due, what blocks them, and destroying them
after approval with a record of what, why, by whom and under which rule.

The kinds of record eenplan destroys are declared once in `SOORTEN` (model, the date the
retention period runs from, the path to the resident, the letters that go with it). The periods
are dated data (`Bewaartermijn`, loaded from the selectielijst by the migrations); a kind
without a period in force is never due. Nothing of a resident is destroyed while a bezwaar
runs, the beroep term is open or a legal hold (`Bewaarplicht`) lasts: refused with the reason.

Destroying a record takes its dependent rows with it (found through the reverse foreign keys:
the history of a melding, its assignments) and its events in the history; it is refused when
another independent record still refers to it (a melding linked to this one). On PostgreSQL the
history tables are append-only by trigger; the destruction opens them for its own transaction
only (`SET LOCAL eenplan.vernietiging`), docs/decisions/0038-avg-rights-retention-backup.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from eenplan.avg.constants import BewaarplichtSoort, LijstStatus, Waardering
from eenplan.avg.models import Bewaarplicht, Bewaartermijn, Vernietigingslijst, VernietigingsRegel
from eenplan.avg.relaties import verwijzers
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar
from eenplan.events.models import Gebeurtenis
from eenplan.gemeente.models import Gemeente
from eenplan.rules.avg import Termijn, is_vernietigbaar, vernietigbaar_vanaf


@dataclass(frozen=True)
class Soort:
    """One kind of record eenplan destroys when its period has run."""

    code: str
    label: str
    model: str  # "app_label.Model"
    ingang: Callable[[Any], dt.date | None]  # the date the period runs from, per record
    ingang_veld: str  # the same as a field, for the query's first cut
    inwoner_pad: str  # path to the resident ("" when the record may name none)
    gemeente_pad: str
    filter: Q = field(default_factory=Q)
    kenmerk: Callable[[Any], str] = lambda r: f"{r._meta.model_name}-{r.pk}"
    brieven: tuple[str, ...] = ()  # beschikkingen.Verzending.brief_soort sent from this record


def _datum(waarde: Any) -> dt.date | None:
    if waarde is None:
        return None
    return timezone.localdate(waarde) if isinstance(waarde, dt.datetime) else waarde


def _melding_zonder_onderzoek() -> Q:
    onderzoek = apps.get_model("onderzoeken", "Onderzoek")
    return Q(status__in=["beantwoord", "doorgezet", "afgesloten"]) & ~Q(
        Exists(onderzoek.objects.filter(melding=OuterRef("pk")))
    )


SOORTEN: dict[str, Soort] = {
    s.code: s
    for s in (
        Soort(
            code="klacht",
            label="Klacht, afgehandeld",
            model="bezwaren.Klacht",
            ingang=lambda r: r.afgehandeld_op,
            ingang_veld="afgehandeld_op",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=Q(afgehandeld_op__isnull=False),
            kenmerk=lambda r: r.kenmerk,
            brieven=("klacht_afhandeling", "klacht_verdaging"),
        ),
        Soort(
            code="bezwaar",
            label="Bezwaar, beslist",
            model="bezwaren.Bezwaar",
            ingang=lambda r: r.besloten_op,
            ingang_veld="besloten_op",
            inwoner_pad="beschikking__inwoner",
            gemeente_pad="beschikking__gemeente",
            filter=Q(besloten_op__isnull=False) & ~Q(uitkomst=BezwaarUitkomst.LOPEND),
            kenmerk=lambda r: r.kenmerk,
            brieven=("beslissing_op_bezwaar",),
        ),
        Soort(
            code="melding_zonder_vervolg",
            label="Melding zonder onderzoek (beantwoord, doorgezet of afgesloten)",
            model="meldingen.Melding",
            ingang=lambda r: _datum(r.updated_at),
            ingang_veld="updated_at__date",
            inwoner_pad="inwoner",
            gemeente_pad="gemeente",
            filter=Q(),  # set in `_queryset`: needs the onderzoeken model at run time
            kenmerk=lambda r: f"M-{r.ontvangen_op:%Y}-{r.pk:06d}",
        ),
    )
}

# Records that stand on their own: a destruction never takes one of these along as a
# dependent row; the record that refers to the one due must go first (or be due with it).
ZELFSTANDIG = {
    "inwoners.inwoner",
    "inwoners.huishouden",
    "meldingen.melding",
    "onderzoeken.onderzoek",
    "plannen.plan",
    "beschikkingen.aanvraag",
    "beschikkingen.beschikking",
    "bezwaren.bezwaar",
    "bezwaren.klacht",
    "berichten.bericht",
    "avg.avgverzoek",
}


def termijn_van(regel: Bewaartermijn) -> Termijn:
    return Termijn(regel.jaren, regel.maanden, regel.dagen)


def bewaartermijn_op(soort: str, dag: dt.date) -> Bewaartermijn | None:
    """The retention rule of `soort` in force on `dag` (the latest `geldig_van` ≤ dag)."""
    return (
        Bewaartermijn.objects.filter(soort=soort, geldig_van__lte=dag)
        .order_by("-geldig_van")
        .first()
    )


def regel_voor(regels: list[Bewaartermijn], ingang: dt.date | None) -> Bewaartermijn | None:
    """The rule that applies to a record whose period runs from `ingang`: the selectielijst in
    force for records of that date (the latest `geldig_van` ≤ ingang; `regels` sorted by
    `geldig_van`), not the one in force on the day of destruction — a selectielijst applies to
    the records made or received while it is in force (Selectielijst 2020: from 1 January 2020;
    records of 2017-2019 fall under the Selectielijst 2017, which eenplan does not hold, so they
    are never due here). None when no list of eenplan covers the record."""
    if ingang is None:
        return None
    gevonden = None
    for regel in regels:
        if regel.geldig_van <= ingang:
            gevonden = regel
    return gevonden


def bewaartermijnen(dag: dt.date) -> list[Bewaartermijn]:
    """Every kind's rule in force on `dag`, the kinds eenplan destroys and those only listed."""
    per_soort: dict[str, Bewaartermijn] = {}
    for regel in Bewaartermijn.objects.filter(geldig_van__lte=dag).order_by("soort", "geldig_van"):
        per_soort[regel.soort] = regel
    return sorted(per_soort.values(), key=lambda r: r.categorie)


# --- what blocks a destruction ------------------------------------------------------------------


def blokkades(inwoner_ids: Iterable[int], *, vandaag: dt.date) -> dict[int, str]:
    """Per resident the reason nothing of theirs may be destroyed now: a legal hold, a running
    bezwaar, an open beroep term (Awb 6:7: six weeks after the decision on bezwaar). Two
    queries, however many residents."""
    ids = [i for i in set(inwoner_ids) if i]
    if not ids:
        return {}
    reden: dict[int, str] = {}
    for plicht in Bewaarplicht.objects.filter(
        inwoner_id__in=ids, van__lte=vandaag, opgeheven_op__isnull=True
    ).order_by("van"):
        reden.setdefault(
            plicht.inwoner_id,
            f"{BewaarplichtSoort(plicht.soort).label} sinds {plicht.van:%d-%m-%Y}: {plicht.reden}",
        )
    for bezwaar in (
        Bezwaar.objects.filter(beschikking__inwoner_id__in=ids)
        .filter(Q(uitkomst=BezwaarUitkomst.LOPEND) | Q(beroep_uiterlijk__gte=vandaag))
        .select_related("beschikking__gemeente")
        .order_by("ontvangen_op")
    ):
        inwoner_id = bezwaar.beschikking.inwoner_id
        if bezwaar.uitkomst == BezwaarUitkomst.LOPEND:
            tekst = f"Er loopt een bezwaar ({bezwaar.kenmerk})."
        else:
            tekst = (
                f"De beroepstermijn van bezwaar {bezwaar.kenmerk} loopt nog tot en met "
                f"{bezwaar.beroep_uiterlijk:%d-%m-%Y}."
            )
        reden.setdefault(inwoner_id, tekst)
    return reden


# --- what is due ----------------------------------------------------------------------------------


@dataclass
class Kandidaat:
    """A record whose retention period has run, or that is blocked from destruction."""

    soort: Soort
    regel: Bewaartermijn
    record: Any
    ingang: dt.date
    vernietigbaar_vanaf: dt.date
    inwoner_id: int | None
    kenmerk: str
    blokkade: str = ""

    @property
    def record_soort(self) -> str:
        return str(self.record._meta.label_lower)


def _queryset(soort: Soort, gemeente: Gemeente) -> QuerySet[Any]:
    model = apps.get_model(soort.model)
    extra = _melding_zonder_onderzoek() if soort.code == "melding_zonder_vervolg" else soort.filter
    return model._default_manager.filter(extra, **{soort.gemeente_pad: gemeente})


def _inwoner_id(record: Any, pad: str) -> int | None:
    if not pad:
        return None
    *tussen, laatste = pad.split("__")
    for deel in tussen:
        record = getattr(record, deel)
    return getattr(record, f"{laatste}_id", None)


def te_vernietigen(gemeente: Gemeente, *, vandaag: dt.date | None = None) -> list[Kandidaat]:
    """The records of `gemeente` whose retention period has run on `vandaag`, each with the
    reason it is blocked (empty when it may go). Per kind two queries plus the blocks: the
    database cuts by date (a few days wide), the rule decides each record exactly."""
    vandaag = vandaag or timezone.localdate()
    kandidaten: list[Kandidaat] = []
    for soort in SOORTEN.values():
        regels = list(Bewaartermijn.objects.filter(soort=soort.code).order_by("geldig_van"))
        te_vernietigen_regels = [r for r in regels if r.waardering == Waardering.VERNIETIGEN]
        if not te_vernietigen_regels:
            continue
        grens = max(_laatste_ingang(vandaag, termijn_van(r)) for r in te_vernietigen_regels)
        qs = _queryset(soort, gemeente).filter(**{f"{soort.ingang_veld}__lte": grens})
        if soort.inwoner_pad:
            pad = soort.inwoner_pad.rsplit("__", 1)[0]
            if "__" in soort.inwoner_pad:
                qs = qs.select_related(pad)
        for record in qs.order_by("pk"):
            ingang = soort.ingang(record)
            regel = regel_voor(regels, ingang)
            if regel is None or regel.waardering != Waardering.VERNIETIGEN:
                continue
            if not is_vernietigbaar(ingang=ingang, termijn=termijn_van(regel), vandaag=vandaag):
                continue
            assert ingang is not None
            termijn = termijn_van(regel)
            kandidaten.append(
                Kandidaat(
                    soort=soort,
                    regel=regel,
                    record=record,
                    ingang=ingang,
                    vernietigbaar_vanaf=vernietigbaar_vanaf(ingang, termijn),
                    inwoner_id=_inwoner_id(record, soort.inwoner_pad),
                    kenmerk=soort.kenmerk(record),
                )
            )
    geblokkeerd = blokkades((k.inwoner_id for k in kandidaten if k.inwoner_id), vandaag=vandaag)
    for kandidaat in kandidaten:
        if kandidaat.inwoner_id in geblokkeerd:
            kandidaat.blokkade = geblokkeerd[kandidaat.inwoner_id]
    return kandidaten


def _laatste_ingang(vandaag: dt.date, termijn: Termijn) -> dt.date:
    """A date a few days after the latest start of a period that has run by `vandaag`: the
    first cut in SQL (exact per record in Python). Works for date and datetime fields."""
    maanden = termijn.jaren * 12 + termijn.maanden
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    return dt.date(jaar, maand + 1, 1) + dt.timedelta(days=vandaag.day + 3 - termijn.dagen)


# --- proposing and approving ----------------------------------------------------------------------

GEEN_KANDIDATEN = "Er is op dit moment niets waarvan de bewaartermijn verstreken is."
ZELFDE_PERSOON = (
    "U stelde deze lijst zelf voor. Een ander moet haar goedkeuren (vier ogen, "
    "Archiefwet 1995 art. 5)."
)
NIET_VOORGESTELD = "Deze lijst is al {status}; er valt niets meer goed te keuren."


@transaction.atomic
def vernietigingslijst_voorstellen(
    *, gemeente: Gemeente, door: Any, vandaag: dt.date | None = None
) -> Vernietigingslijst:
    """Put every record that is due and not blocked on a new destruction list, waiting for a
    second person's approval. Blocked records stay off the list (the worklist shows why).
    Raises ValidationError when nothing is due."""
    vandaag = vandaag or timezone.localdate()
    vrij = [k for k in te_vernietigen(gemeente, vandaag=vandaag) if not k.blokkade]
    if not vrij:
        raise ValidationError(GEEN_KANDIDATEN)
    lijst = Vernietigingslijst.objects.create(
        gemeente=gemeente, peildatum=vandaag, voorgesteld_door=door
    )
    VernietigingsRegel.objects.bulk_create(
        VernietigingsRegel(
            lijst=lijst,
            soort=k.soort.code,
            record_soort=k.record_soort,
            record_id=k.record.pk,
            kenmerk=k.kenmerk,
            bewaartermijn=k.regel,
            ingang=k.ingang,
            vernietigbaar_vanaf=k.vernietigbaar_vanaf,
        )
        for k in vrij
    )
    return lijst


@transaction.atomic
def vernietigingslijst_afwijzen(
    *, lijst: Vernietigingslijst, door: Any, reden: str
) -> Vernietigingslijst:
    """Reject a proposed list: nothing is destroyed; the list stays as the record of that."""
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(NIET_VOORGESTELD.format(status=lijst.get_status_display().lower()))
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de afwijzing."})
    lijst.status = LijstStatus.AFGEWEZEN
    lijst.afwijzing_reden = reden.strip()[:300]
    lijst.goedgekeurd_door = door
    lijst.save()
    return lijst


@transaction.atomic
def vernietigingslijst_goedkeuren(
    *, lijst: Vernietigingslijst, door: Any, vandaag: dt.date | None = None
) -> Vernietigingslijst:
    """Approve a proposed list and destroy every record on it, in one transaction: all or
    nothing. Refused (ValidationError, nothing changed) when the approver proposed it, when the
    list is no longer waiting, or when any record on it is now blocked (a bezwaar, a beroep
    term, a legal hold), has gone or is no longer due. The list becomes the destruction record:
    per line the rows destroyed per table."""
    vandaag = vandaag or timezone.localdate()
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(NIET_VOORGESTELD.format(status=lijst.get_status_display().lower()))
    if lijst.voorgesteld_door_id == getattr(door, "pk", None):
        raise ValidationError(ZELFDE_PERSOON)
    regels = list(lijst.regels.select_related("bewaartermijn").order_by("id"))
    records: list[tuple[VernietigingsRegel, Any]] = []
    fouten: list[str] = []
    inwoners: dict[int, list[str]] = defaultdict(list)
    for regel in regels:
        soort = SOORTEN[regel.soort]
        model = apps.get_model(soort.model)
        record = model._default_manager.select_for_update().filter(pk=regel.record_id).first()
        if record is None:
            fouten.append(f"{regel.kenmerk}: bestaat niet meer.")
            continue
        ingang = soort.ingang(record)
        if not is_vernietigbaar(
            ingang=ingang, termijn=termijn_van(regel.bewaartermijn), vandaag=vandaag
        ):
            fouten.append(f"{regel.kenmerk}: de bewaartermijn is niet (meer) verstreken.")
            continue
        inwoner_id = _inwoner_id(record, soort.inwoner_pad)
        if inwoner_id:
            inwoners[inwoner_id].append(regel.kenmerk)
        records.append((regel, record))
    for inwoner_id, reden in blokkades(inwoners, vandaag=vandaag).items():
        for kenmerk in inwoners[inwoner_id]:
            fouten.append(f"{kenmerk}: wordt niet vernietigd. {reden}")
    if fouten:
        raise ValidationError(["De lijst is niet goedgekeurd; er is niets vernietigd.", *fouten])
    sleutels = {(r.record_soort, r.record_id) for r, _record in records}
    for regel, record in records:
        regel.vernietigd = _vernietig(record, SOORTEN[regel.soort], mee=sleutels)
        regel.save(update_fields=["vernietigd"])
    lijst.status = LijstStatus.VERNIETIGD
    lijst.goedgekeurd_door = door
    lijst.vernietigd_op = timezone.now()
    lijst.save()
    return lijst


# --- destroying one record ------------------------------------------------------------------------


class NogInGebruik(ValidationError):
    pass


def _afhankelijk(record: models.Model) -> list[tuple[type[models.Model], list[Any]]]:
    """The rows that depend on `record` through foreign keys of eenplan's models, level by
    level (the record first, its dependents after it), each table once per level."""
    niveaus: list[tuple[type[models.Model], list[Any]]] = [(type(record), [record.pk])]
    gezien: set[tuple[str, Any]] = {(record._meta.label_lower, record.pk)}
    rand: list[tuple[type[models.Model], list[Any]]] = [(type(record), [record.pk])]
    while rand:
        volgende: list[tuple[type[models.Model], list[Any]]] = []
        for model, pks in rand:
            for kind, attname in verwijzers().get(model, ()):
                nieuwe = [
                    pk
                    for pk in kind._base_manager.filter(**{f"{attname}__in": pks}).values_list(
                        "pk", flat=True
                    )
                    if (kind._meta.label_lower, pk) not in gezien
                ]
                if nieuwe:
                    gezien.update((kind._meta.label_lower, pk) for pk in nieuwe)
                    volgende.append((kind, nieuwe))
        niveaus.extend(volgende)
        rand = volgende
    return niveaus


def _vernietig(record: models.Model, soort: Soort, *, mee: set[tuple[str, Any]]) -> dict[str, int]:
    """Delete `record`, its dependent rows, the letters sent from it and its events: deepest
    level first. Refused when an independent record still refers to it (`ZELFSTANDIG`) and is
    not destroyed with it (`mee`)."""
    niveaus = _afhankelijk(record)
    for model, pks in niveaus[1:]:
        label = model._meta.label_lower
        if label in ZELFSTANDIG and any((label, pk) not in mee for pk in pks):
            raise NogInGebruik(
                f"{soort.kenmerk(record)}: wordt niet vernietigd; {model._meta.verbose_name} "
                f"{pks[0]} verwijst ernaar en moet nog bewaard blijven."
            )
    aantallen: dict[str, int] = defaultdict(int)
    with geschiedenis_open():
        for model, pks in niveaus:
            sleutel = model._meta.label_lower
            gebeurtenissen = Gebeurtenis.objects.filter(record_soort=sleutel, record_id__in=pks)
            aantallen["events.gebeurtenis"] += gebeurtenissen._raw_delete(gebeurtenissen.db)
    if soort.brieven:
        verzending = apps.get_model("beschikkingen", "Verzending")
        brieven = verzending._base_manager.filter(brief_soort__in=soort.brieven, bron_id=record.pk)
        aantallen["beschikkingen.verzending"] += brieven._raw_delete(brieven.db)
    for model, pks in reversed(niveaus):
        rijen = model._base_manager.filter(pk__in=pks)
        aantallen[model._meta.label_lower] += rijen._raw_delete(rijen.db)
    return {k: v for k, v in sorted(aantallen.items()) if v}


@contextmanager
def geschiedenis_open() -> Iterator[None]:
    """On PostgreSQL the append-only triggers refuse DELETE on the history, except while
    `eenplan.vernietiging` is 'aan' in the current transaction (SET LOCAL): set for the
    destruction's deletes only, and closed again right after, also inside an outer
    transaction. UPDATE stays refused throughout."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL eenplan.vernietiging = 'aan'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL eenplan.vernietiging = 'uit'")
