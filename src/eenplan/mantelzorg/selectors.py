"""Reads of the mantelzorg app, shared by the pages and the API. Lists of residents' carers and
klussen start from the actor's need-to-know scope (`privacy.access.scope_q`), so a selector
never widens what a login may see; every list costs a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
)
from django.utils import timezone

from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.mantelzorg.constants import KlusStatus, RespijtSoort, RespijtStatus
from eenplan.mantelzorg.kring import kring_toewijzingen
from eenplan.mantelzorg.models import (
    Belasting,
    Klus,
    KringToewijzing,
    Mantelzorger,
    Match,
    RespijtzorgVraag,
    VogTermijn,
    Vrijwilliger,
    Waardering,
    WaarderingRegeling,
    Zorgrelatie,
)
from eenplan.privacy import access
from eenplan.rules import mantelzorg as regels


def _gemeente_id(actor: access.Actor | object) -> int | None:
    """The municipality the actor works for now: every query on a table of one municipality
    carries it (issue 16, the region test; an index-friendly equality on `gemeente_id`)."""
    return access.Actor.of(actor).gemeente_id


def mantelzorgers_in_scope(
    actor: access.Actor | object, *, zoek: str = "", jong: bool = False
) -> QuerySet[Mantelzorger]:
    """Carers of at least one resident in the actor's scope, with their relations (and the
    cared-for residents) in one extra query."""
    gemeente_id = _gemeente_id(actor)
    relaties = Zorgrelatie.objects.filter(access.scope_q(actor), mantelzorger=OuterRef("pk"))
    rijen = Mantelzorger.objects.filter(Exists(relaties), gemeente_id=gemeente_id)
    if zoek:
        rijen = rijen.filter(
            Q(naam__icontains=zoek) | Q(zorgrelaties__inwoner__achternaam__icontains=zoek),
            zorgrelaties__inwoner__gemeente_id=gemeente_id,
        ).distinct()
    if jong:
        vandaag = timezone.localdate()
        grens = regels_grens(vandaag)
        rijen = rijen.filter(geboortedatum__gt=grens)
    return rijen.prefetch_related(
        Prefetch(
            "zorgrelaties",
            queryset=Zorgrelatie.objects.filter(inwoner__gemeente_id=gemeente_id)
            .select_related("inwoner")
            .order_by("-sinds", "id"),
        ),
        "zorgrelaties__belastingen",
    ).order_by("naam", "id")


def regels_grens(vandaag: dt.date) -> dt.date:
    """Born after this date: a minor on `vandaag` (BW 1:233)."""
    try:
        return vandaag.replace(year=vandaag.year - regels.MINDERJARIG_TOT)
    except ValueError:
        return vandaag.replace(year=vandaag.year - regels.MINDERJARIG_TOT, day=28)


def mantelzorger_get(pk: int, *, gemeente_id: int | None) -> Mantelzorger | None:
    """One carer of municipality `gemeente_id` with everything recorded about them (a fixed
    number of queries, each with the municipality's condition)."""
    return (
        Mantelzorger.objects.filter(pk=pk, gemeente_id=gemeente_id)
        .prefetch_related(
            Prefetch("als_inwoner", queryset=Inwoner.objects.filter(gemeente_id=gemeente_id)),
            Prefetch(
                "zorgrelaties",
                queryset=Zorgrelatie.objects.filter(
                    inwoner__gemeente_id=gemeente_id
                ).select_related("inwoner", "netwerkpersoon"),
            ),
            Prefetch(
                "zorgrelaties__belastingen",
                queryset=Belasting.objects.select_related("onderzoek"),
            ),
            "ondersteuningen",
            Prefetch(
                "respijtvragen",
                queryset=RespijtzorgVraag.objects.filter(
                    inwoner__gemeente_id=gemeente_id
                ).select_related("inwoner"),
            ),
            Prefetch(
                "waarderingen",
                queryset=Waardering.objects.filter(namens__gemeente_id=gemeente_id).select_related(
                    "namens"
                ),
            ),
        )
        .first()
    )


def zorgrelaties_van(inwoner: Inwoner | int) -> QuerySet[Zorgrelatie]:
    """The carers of one resident (current first), with their latest burden assessments."""
    gemeente_id = inwoner.gemeente_id if isinstance(inwoner, Inwoner) else None
    rijen = Zorgrelatie.objects.filter(inwoner=inwoner)
    if gemeente_id is not None:
        rijen = rijen.filter(mantelzorger__gemeente_id=gemeente_id)
    return (
        rijen.select_related("mantelzorger")
        .prefetch_related("belastingen")
        .order_by(F("tot").desc(nulls_first=True), "-sinds")
    )


def overbelast(zorgrelatie: Zorgrelatie) -> Belasting | None:
    """The latest burden assessment of a relation (from the prefetched rows)."""
    rijen = sorted(zorgrelatie.belastingen.all(), key=lambda b: (b.vastgesteld_op, b.pk))
    return rijen[-1] if rijen else None


# --- respite: demand and supply --------------------------------------------------------------


@dataclass(frozen=True)
class RespijtRegel:
    soort: str
    label: str
    gevraagd: int
    uren_gevraagd: Decimal
    geleverd: int
    uren_geleverd: Decimal
    niet_geleverd: int
    open: int
    gemiddelde_wachtdagen: Decimal | None

    @property
    def dekking(self) -> Decimal | None:
        """Share of the requested hours that was delivered (%), the supply against demand."""
        if not self.uren_gevraagd:
            return None
        return (self.uren_geleverd * 100 / self.uren_gevraagd).quantize(Decimal("0.1"))


def respijt_vraag_aanbod(
    *, gemeente: Gemeente | int, van: dt.date, tot: dt.date
) -> list[RespijtRegel]:
    """Per kind of respite: requests made in the period (demand) against what was delivered,
    not delivered for want of an offer, and still open, with the mean days from request to
    delivery (seed 002 §3.3, activity 1: the analysis of respijtzorg demand and supply). One
    aggregate query."""
    wacht = ExpressionWrapper(F("afgehandeld_op") - F("gevraagd_op"), output_field=DurationField())
    rijen = (
        RespijtzorgVraag.objects.filter(
            mantelzorger__gemeente=gemeente, gevraagd_op__range=(van, tot)
        )
        .values("soort")
        .annotate(
            gevraagd=Count("pk"),
            uren_gevraagd=Sum("uren_gevraagd"),
            geleverd=Count("pk", filter=Q(status=RespijtStatus.GELEVERD)),
            uren_geleverd=Sum("uren_geleverd", filter=Q(status=RespijtStatus.GELEVERD)),
            niet_geleverd=Count("pk", filter=Q(status=RespijtStatus.NIET_GELEVERD)),
            open=Count("pk", filter=Q(status=RespijtStatus.OPEN)),
            wacht=Avg(wacht, filter=Q(status=RespijtStatus.GELEVERD)),
        )
    )
    per_soort = {r["soort"]: r for r in rijen}
    result = []
    for soort in RespijtSoort:
        r = per_soort.get(soort.value, {})
        wachttijd = r.get("wacht")
        result.append(
            RespijtRegel(
                soort=soort.value,
                label=soort.label,
                gevraagd=r.get("gevraagd", 0),
                uren_gevraagd=r.get("uren_gevraagd") or Decimal(0),
                geleverd=r.get("geleverd", 0),
                uren_geleverd=r.get("uren_geleverd") or Decimal(0),
                niet_geleverd=r.get("niet_geleverd", 0),
                open=r.get("open", 0),
                gemiddelde_wachtdagen=None
                if wachttijd is None
                else Decimal(wachttijd.total_seconds() / 86400).quantize(Decimal("0.1")),
            )
        )
    return result


def respijtvragen_in_scope(
    actor: access.Actor | object, *, status: str = ""
) -> QuerySet[RespijtzorgVraag]:
    rijen = RespijtzorgVraag.objects.filter(
        access.scope_q(actor), mantelzorger__gemeente_id=_gemeente_id(actor)
    )
    if status:
        rijen = rijen.filter(status=status)
    return rijen.select_related("mantelzorger", "inwoner").order_by("-gevraagd_op", "-id")


# --- the appreciation ----------------------------------------------------------------------------


def regelingen(gemeente: Gemeente | int) -> QuerySet[WaarderingRegeling]:
    return (
        WaarderingRegeling.objects.filter(gemeente=gemeente)
        .select_related("gewijzigd_door")
        .order_by("-versie")
    )


def waarderingen_in_scope(
    actor: access.Actor | object, *, jaar: int | None = None
) -> QuerySet[Waardering]:
    rijen = Waardering.objects.filter(
        access.scope_q(actor, veld="namens"), mantelzorger__gemeente_id=_gemeente_id(actor)
    )
    if jaar:
        rijen = rijen.filter(jaar=jaar)
    return rijen.select_related("mantelzorger", "namens").order_by("-jaar", "mantelzorger__naam")


# --- volunteers and klussen ------------------------------------------------------------------


def vog_termijnen(gemeente: Gemeente | int) -> QuerySet[VogTermijn]:
    """Every version of the municipality's choice for the age of a volunteer's VOG."""
    return (
        VogTermijn.objects.filter(gemeente=gemeente)
        .select_related("gewijzigd_door")
        .order_by("-versie")
    )


def vog_termijn_versies(gemeente_id: int) -> list[regels.VogTermijnVersie]:
    """The versions as the rules read them (one query)."""
    return [
        regels.VogTermijnVersie(
            versie=t.versie, geldig_vanaf=t.geldig_vanaf, maanden=t.maanden, bron=t.bron
        )
        for t in VogTermijn.objects.filter(gemeente_id=gemeente_id)
    ]


def vog_te_oud(
    vrijwilliger: Vrijwilliger, op: dt.date, versies: list[regels.VogTermijnVersie]
) -> list[str]:
    """Why this volunteer's VOG does not do on `op` under the choice in force then (empty: it
    does, or the municipality asks none)."""
    return regels.vog_fouten(
        vog_datum=vrijwilliger.vog_datum, op=op, termijn=regels.vog_termijn_op(versies, op)
    )


def vrijwilligers_list(
    *, gemeente: Gemeente | int, wijk: int | None = None, vaardigheid: str = "", zoek: str = ""
) -> list[Vrijwilliger]:
    """The municipality's volunteers with their number of completed matches; filtered by wijk
    and skill. (Skills are a JSON list: filtered after the one query, which SQLite and
    PostgreSQL both run the same way.)"""
    rijen = Vrijwilliger.objects.filter(gemeente=gemeente, wijk__gemeente=gemeente).select_related(
        "wijk"
    )
    if wijk:
        rijen = rijen.filter(wijk_id=wijk)
    if zoek:
        rijen = rijen.filter(naam__icontains=zoek)
    rijen = rijen.annotate(
        uitgevoerd=Count("matches", filter=Q(matches__uitkomst="uitgevoerd"))
    ).order_by("naam", "id")
    gekozen = [v for v in rijen if not vaardigheid or vaardigheid in v.vaardigheden]
    if gekozen:
        versies = vog_termijn_versies(gekozen[0].gemeente_id)
        vandaag = timezone.localdate()
        for v in gekozen:
            v.vog_verlopen = bool(vog_te_oud(v, vandaag, versies))
    return gekozen


def vrijwilliger_get(*, gemeente: Gemeente | int, pk: int) -> Vrijwilliger | None:
    return (
        Vrijwilliger.objects.filter(gemeente=gemeente, pk=pk, wijk__gemeente=gemeente)
        .select_related("wijk")
        .prefetch_related(
            Prefetch(
                "matches",
                queryset=Match.objects.filter(
                    klus__gemeente=gemeente, klus__wijk__gemeente=gemeente
                ).select_related("klus", "klus__wijk"),
            )
        )
        .first()
    )


def klussen_in_scope(actor: access.Actor | object, *, status: str = "") -> QuerySet[Klus]:
    gemeente_id = _gemeente_id(actor)
    rijen = Klus.objects.filter(
        access.scope_q(actor, veld="hulpvrager", gemeente_veld="gemeente"),
        hulpvrager__gemeente_id=gemeente_id,
        wijk__gemeente_id=gemeente_id,
    )
    if status:
        rijen = rijen.filter(status=status)
    return (
        rijen.select_related("hulpvrager", "wijk")
        .prefetch_related(_matches(gemeente_id))
        .order_by("datum", "id")
    )


def _matches(gemeente_id: int | None) -> Prefetch:
    return Prefetch(
        "matches",
        queryset=Match.objects.filter(vrijwilliger__gemeente_id=gemeente_id).select_related(
            "vrijwilliger"
        ),
    )


def klus_get(pk: int, *, gemeente_id: int | None) -> Klus | None:
    """One klus of municipality `gemeente_id`, with its resident, wijk and matches."""
    return (
        Klus.objects.filter(
            pk=pk,
            gemeente_id=gemeente_id,
            hulpvrager__gemeente_id=gemeente_id,
            wijk__gemeente_id=gemeente_id,
        )
        .select_related("hulpvrager", "wijk")
        .prefetch_related(_matches(gemeente_id))
        .first()
    )


def kandidaten(klus: Klus) -> list[Vrijwilliger]:
    """Volunteers who fit the klus (active, the skill, available on that part of the day), the
    ones of the klus's own wijk first (seed 004 L776-782, "uit de buurt"), and with a VOG that
    still counts on the day of the klus when the municipality asks one (`vog_te_oud`)."""
    rijen = Vrijwilliger.objects.filter(
        gemeente_id=klus.gemeente_id, wijk__gemeente_id=klus.gemeente_id, actief=True
    ).select_related("wijk")
    versies = vog_termijn_versies(klus.gemeente_id)
    passend = [
        v
        for v in rijen
        if not vog_te_oud(v, klus.datum, versies)
        and not regels.match_fouten(
            beschikbaar=v.beschikbaarheid,
            vaardigheden=v.vaardigheden,
            actief=v.actief,
            klus_datum=klus.datum,
            klus_dagdeel=klus.dagdeel,
            klus_vaardigheid=klus.vaardigheid,
        )
    ]
    vandaag = timezone.localdate()
    for v in passend:
        v.vog_verlopen = bool(vog_te_oud(v, vandaag, versies))
    return sorted(passend, key=lambda v: (v.wijk_id != klus.wijk_id, v.naam, v.pk))


def klussen_voor(vrijwilliger: Vrijwilliger) -> list[Klus]:
    """Open klussen this volunteer fits (for a tegenprestatie candidate too), own wijk first;
    none on a day their VOG no longer counts (when the municipality asks one)."""
    versies = vog_termijn_versies(vrijwilliger.gemeente_id)
    rijen = Klus.objects.filter(
        gemeente_id=vrijwilliger.gemeente_id,
        wijk__gemeente_id=vrijwilliger.gemeente_id,
        status=KlusStatus.OPEN,
        datum__gte=timezone.localdate(),
    ).select_related("wijk")
    passend = [
        k
        for k in rijen
        if not vog_te_oud(vrijwilliger, k.datum, versies)
        and not regels.match_fouten(
            beschikbaar=vrijwilliger.beschikbaarheid,
            vaardigheden=vrijwilliger.vaardigheden,
            actief=vrijwilliger.actief,
            klus_datum=k.datum,
            klus_dagdeel=k.dagdeel,
            klus_vaardigheid=k.vaardigheid,
        )
    ]
    return sorted(passend, key=lambda k: (k.wijk_id != vrijwilliger.wijk_id, k.datum, k.pk))


# --- the care circle ------------------------------------------------------------------------------


def kring_acties(inwoner_id: int, *, vandaag: dt.date | None = None) -> QuerySet[KringToewijzing]:
    """The actions of the care circle for the login of resident `inwoner_id` (only while the
    consent holds), with the plan and the cared-for resident."""
    return (
        kring_toewijzingen(inwoner_id, vandaag or timezone.localdate())
        .select_related("actie__doel__plan", "netwerkpersoon__inwoner")
        .order_by(F("actie__gedaan_op").asc(nulls_first=True), "actie__uiterlijk", "actie_id")
    )


def kring_van_plan(plan_id: int) -> QuerySet[KringToewijzing]:
    return KringToewijzing.objects.filter(actie__doel__plan_id=plan_id).select_related(
        "actie", "netwerkpersoon"
    )
