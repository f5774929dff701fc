"""Reads of the policy model and the survey. Aggregates only: nothing here returns a resident.

The dashboard (`dashboard`) gives per theme every linked indicator with its series, the
expected value, the target line and the verdict; `per_wijk=...` the same for one wijk. Both
run a fixed number of queries whatever the size of the plan (the series come from the
indicators themselves: one aggregate query per linked indicator)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from eenplan.beleid import indicatoren
from eenplan.beleid.constants import Richting, UitvragingStatus
from eenplan.beleid.models import (
    Activiteit,
    Antwoord,
    Beleidsplan,
    Doel,
    Indicatorkoppeling,
    Resultaat,
    Streefwaarde,
    Subdoel,
    Thema,
    Uitnodiging,
    Uitvraging,
    Vraag,
    Vragenlijst,
)
from eenplan.beleid.oordeel import Oordeel, Uitkomst, beoordeel


def beleidsplannen(*, gemeente_id: int) -> QuerySet[Beleidsplan]:
    return (
        Beleidsplan.objects.filter(gemeente_id=gemeente_id)
        .annotate(aantal_themas=Count("themas", distinct=True))
        .order_by("-van_jaar", "naam", "pk")
    )


def plan_get(*, gemeente_id: int, pk: int) -> Beleidsplan:
    return Beleidsplan.objects.get(gemeente_id=gemeente_id, pk=pk)


# The path from each kind of element to its plan's municipality, and what to load with it.
_ONDERDEEL: dict[str, tuple[type[models.Model], str, tuple[str, ...]]] = {
    "beleidsplan": (Beleidsplan, "gemeente_id", ()),
    "thema": (Thema, "plan__gemeente_id", ("plan",)),
    "doel": (Doel, "thema__plan__gemeente_id", ("thema__plan",)),
    "resultaat": (Resultaat, "thema__plan__gemeente_id", ("thema__plan",)),
    "subdoel": (Subdoel, "doel__thema__plan__gemeente_id", ("doel__thema__plan",)),
    "activiteit": (
        Activiteit,
        "subdoel__doel__thema__plan__gemeente_id",
        ("subdoel__doel__thema__plan",),
    ),
    "indicatorkoppeling": (
        Indicatorkoppeling,
        "resultaat__thema__plan__gemeente_id",
        ("resultaat__thema__plan",),
    ),
}


def onderdeel_get(*, soort: str, pk: int, gemeente_id: int) -> Any:
    """One element of a plan of the municipality with its path up to the plan (one query), or
    None when it does not exist there."""
    model, pad, laden = _ONDERDEEL[soort]
    return model._default_manager.select_related(*laden).filter(pk=pk, **{pad: gemeente_id}).first()


def onderdelen(*, soort: str, gemeente_id: int) -> QuerySet[Any]:
    """All elements of one kind in the municipality's plans, with their path up (one query)."""
    model, pad, laden = _ONDERDEEL[soort]
    return model._default_manager.select_related(*laden).filter(**{pad: gemeente_id}).order_by("pk")


def vragen_met_antwoorden(lijst: Vragenlijst) -> QuerySet[Vraag]:
    """The questionnaire's questions, each with `beantwoord` (has answers). One query."""
    return lijst.vragen.annotate(
        beantwoord=Exists(Antwoord.objects.filter(vraag_id=OuterRef("pk")))
    ).order_by("nummer")


def plan_structuur(plan: Beleidsplan) -> QuerySet[Thema]:
    """The plan's themes with doelen, subdoelen, activiteiten (with their resultaten),
    resultaten and the linked indicators with their targets: six queries, any size."""
    return plan.themas.prefetch_related(
        Prefetch("doelen", queryset=Doel.objects.order_by("code")),
        Prefetch(
            "doelen__subdoelen",
            queryset=Subdoel.objects.prefetch_related(
                Prefetch("activiteiten", queryset=Activiteit.objects.prefetch_related("resultaten"))
            ),
        ),
        Prefetch(
            "resultaten",
            queryset=Resultaat.objects.prefetch_related(
                Prefetch(
                    "indicatoren",
                    queryset=Indicatorkoppeling.objects.prefetch_related(
                        Prefetch("streefwaarden", queryset=Streefwaarde.objects.order_by("jaar"))
                    ),
                )
            ),
        ),
    )


@dataclass(frozen=True)
class IndicatorStand:
    """One linked indicator on the dashboard: what it is, its values, target line, verdict."""

    koppeling: Indicatorkoppeling
    indicator: indicatoren.Indicator | None
    punten: list[indicatoren.Punt]
    streef: dict[int, Decimal]
    uitkomst: Uitkomst

    @property
    def naam(self) -> str:
        return self.indicator.naam if self.indicator else self.koppeling.indicator

    @property
    def laatste(self) -> indicatoren.Punt | None:
        gemeten = [p for p in self.punten if p.waarde is not None]
        return gemeten[-1] if gemeten else None

    @property
    def grafiek(self) -> dict[str, object] | None:
        from eenplan.beleid.grafiek import grafiek

        return grafiek(
            self.punten,
            self.streef,
            basis=self.koppeling.basiswaarde,
            basisjaar=self.koppeling.basisjaar,
        )


def marges(koppeling: Indicatorkoppeling, plan: Beleidsplan) -> tuple[Decimal, Decimal]:
    op_koers = koppeling.op_koers_marge
    aandacht = koppeling.aandacht_marge
    return (
        plan.op_koers_marge if op_koers is None else op_koers,
        plan.aandacht_marge if aandacht is None else aandacht,
    )


def indicator_stand(
    koppeling: Indicatorkoppeling, *, plan: Beleidsplan, wijk_id: int | None = None
) -> IndicatorStand:
    indicator = indicatoren.get(koppeling.indicator)
    reeks = indicatoren.reeks(koppeling.indicator, gemeente_id=plan.gemeente_id, wijk_id=wijk_id)
    punten = reeks.punten if reeks else []
    streef = {s.jaar: s.waarde for s in koppeling.streefwaarden.all()}
    laatste = next((p for p in reversed(punten) if p.waarde is not None), None)
    op_koers, aandacht = marges(koppeling, plan)
    if indicator is None:
        uitkomst = Uitkomst(Oordeel.GEEN, None, None, "Deze indicator is (nog) niet bekend.")
    else:
        uitkomst = beoordeel(
            waarde=laatste.waarde if laatste else None,
            jaar=laatste.jaar if laatste else None,
            streef=streef,
            basis=koppeling.basiswaarde,
            basisjaar=koppeling.basisjaar,
            hoger_is_beter=koppeling.richting == Richting.HOGER,
            op_koers_marge=op_koers,
            aandacht_marge=aandacht,
        )
    return IndicatorStand(koppeling, indicator, punten, streef, uitkomst)


@dataclass(frozen=True)
class ThemaStand:
    thema: Thema
    standen: list[IndicatorStand]

    @property
    def telling(self) -> dict[str, int]:
        tel = {o.value: 0 for o in Oordeel}
        for stand in self.standen:
            tel[stand.uitkomst.oordeel.value] += 1
        return tel


def dashboard(plan: Beleidsplan, *, wijk_id: int | None = None) -> list[ThemaStand]:
    """Per theme every linked indicator with its verdict, for the municipality or one wijk."""
    result = []
    for thema in plan_structuur(plan):
        standen = [
            indicator_stand(k, plan=plan, wijk_id=wijk_id)
            for resultaat in thema.resultaten.all()
            for k in resultaat.indicatoren.all()
        ]
        result.append(ThemaStand(thema, standen))
    return result


def activiteiten_stand(plan: Beleidsplan) -> dict[str, int]:
    """How many activities of the plan have each status (one query)."""
    rijen = (
        Activiteit.objects.filter(subdoel__doel__thema__plan=plan)
        .values("status")
        .annotate(n=Count("id"))
    )
    return {r["status"]: r["n"] for r in rijen}


# --- the survey ---------------------------------------------------------------------------


def uitvragingen(*, gemeente_id: int) -> QuerySet[Uitvraging]:
    return (
        Uitvraging.objects.filter(gemeente_id=gemeente_id)
        .annotate(
            uitgenodigd=Count("uitnodigingen", distinct=True),
            beantwoord=Count(
                "uitnodigingen", filter=Q(uitnodigingen__beantwoord=True), distinct=True
            ),
        )
        .order_by("-jaar", "pk")
    )


def vraag_per_jaar(
    code: str, *, gemeente_id: int, wijk_id: int | None = None
) -> list[tuple[int, int, int]]:
    """(year, answers with a score, answers 4 or 5) for one question, one aggregate query."""
    qs = Antwoord.objects.filter(
        vraag__code=code, respons__uitvraging__gemeente_id=gemeente_id, score__isnull=False
    )
    if wijk_id is not None:
        qs = qs.filter(respons__wijk_id=wijk_id)
    rijen = (
        qs.values("respons__uitvraging__jaar")
        .annotate(n=Count("id"), positief=Count("id", filter=Q(score__gte=4)))
        .order_by("respons__uitvraging__jaar")
    )
    return [(r["respons__uitvraging__jaar"], r["n"], r["positief"]) for r in rijen]


@dataclass(frozen=True)
class Cel:
    """One cell of the results: a share (%) with the number behind it, or suppressed."""

    n: int | None
    positief_pct: Decimal | None
    gemiddelde: Decimal | None
    onderdrukt: bool


def te_onderdrukken(aantallen: list[tuple[int, int | None]]) -> set[int]:
    """Which cells of one row to hide, by the registry's rules (`sturing.onderdrukking`): the
    primary rule (1 to 4 persons, or a numerator of 1 to 4) and the complementary one (the row
    total is shown, so one hidden cell takes the smallest other with it)."""
    from eenplan.sturing import onderdrukking as o

    rijen = [
        o.Cel(sleutel=str(i), label="", eenheden=n, teller=t, waarde=Decimal(n))
        for i, (n, t) in enumerate(aantallen)
    ]
    totaal = o.Cel(
        sleutel="", label="", eenheden=sum(n for n, _t in aantallen), teller=None, waarde=None
    )
    _totaal, uit = o.onderdruk(totaal, rijen)
    return {i for i, c in enumerate(uit) if c.onderdrukt}


def _cel(n: int, positief: int, som: int, *, verbergen: bool = False) -> Cel:
    _w, klein = indicatoren.onderdrukken(None, n, positief)
    if n == 0 and not verbergen:
        return Cel(0, None, None, False)  # nobody answered: nothing to hide, no share
    if verbergen or klein:
        return Cel(None, None, None, True)
    return Cel(
        n,
        (Decimal(positief) * 100 / n).quantize(Decimal("0.1")),
        (Decimal(som) / n).quantize(Decimal("0.1")),
        False,
    )


def uitvraging_resultaten(uitvraging: Uitvraging, *, per: str) -> dict[str, object]:
    """The results of one round per question, split by `per` ("wijk" or "aanbieder"), plus
    the response rate per group. Two aggregate queries. Cells under the threshold are
    suppressed, and so is the group's response rate; the totals row counts everyone."""
    from django.db.models import Sum

    veld = {"wijk": "respons__wijk__naam", "aanbieder": "respons__aanbieder"}[per]
    rijen = (
        Antwoord.objects.filter(respons__uitvraging=uitvraging, score__isnull=False)
        .values("vraag_id", veld)
        .annotate(n=Count("id"), positief=Count("id", filter=Q(score__gte=4)), som=Sum("score"))
    )
    ruw: dict[tuple[int, str], tuple[int, int, int]] = {}
    totaal: dict[int, list[int]] = {}
    for r in rijen:
        groep = r[veld] or "Onbekend"
        ruw[(r["vraag_id"], groep)] = (r["n"], r["positief"], r["som"])
        t = totaal.setdefault(r["vraag_id"], [0, 0, 0])
        t[0] += r["n"]
        t[1] += r["positief"]
        t[2] += r["som"]
    uitn_veld = {"wijk": "wijk__naam", "aanbieder": "aanbieder"}[per]
    respons_rijen = (
        Uitnodiging.objects.filter(uitvraging=uitvraging)
        .values(uitn_veld)
        .annotate(uitgenodigd=Count("id"), beantwoord=Count("id", filter=Q(beantwoord=True)))
        .order_by(uitn_veld)
    )
    respons = []
    respons_rijen = list(respons_rijen)
    verborgen = te_onderdrukken([(r["beantwoord"], None) for r in respons_rijen])
    for i, r in enumerate(respons_rijen):
        groep = r[uitn_veld] or "Onbekend"
        klein = i in verborgen
        respons.append(
            {
                "groep": groep,
                "uitgenodigd": r["uitgenodigd"],
                "beantwoord": None if klein else r["beantwoord"],
                "pct": None
                if klein
                else (Decimal(r["beantwoord"]) * 100 / r["uitgenodigd"]).quantize(Decimal("0.1")),
                "onderdrukt": klein,
            }
        )
    groepen = [r["groep"] for r in respons]
    # A question switched off later still shows the answers it got in this round.
    vragen = [v for v in uitvraging.vragenlijst.vragen.all() if v.actief or v.pk in totaal]
    tabel = []
    for v in vragen:
        rij = [ruw.get((v.pk, g), (0, 0, 0)) for g in groepen]
        verborgen = te_onderdrukken([(n, p) for n, p, _s in rij])
        tabel.append(
            {
                "vraag": v,
                "totaal": _cel(*totaal.get(v.pk, [0, 0, 0])),
                "cellen": [_cel(*c, verbergen=i in verborgen) for i, c in enumerate(rij)],
            }
        )
    uitgenodigd = sum(r["uitgenodigd"] for r in respons)
    beantwoord = Uitnodiging.objects.filter(uitvraging=uitvraging, beantwoord=True).count()
    return {
        "groepen": groepen,
        "tabel": tabel,
        "respons": respons,
        "uitgenodigd": uitgenodigd,
        "beantwoord": beantwoord,
        "respons_pct": (Decimal(beantwoord) * 100 / uitgenodigd).quantize(Decimal("0.1"))
        if uitgenodigd
        else None,
    }


# --- the survey in the inwonersportaal (issue 13) ----------------------------------------------


def uitnodiging_van_inwoner(*, inwoner_id: int, vandaag: dt.date) -> Uitnodiging | None:
    """The resident's invitation to a survey that is still open on `vandaag` (the newest
    round), answered or not, with its questions prefetched (one query + one for the questions);
    None when the resident was not drawn in the sample. The portal answers it through
    `services.antwoorden_opslaan` like the link in the letter does."""
    return (
        Uitnodiging.objects.filter(
            inwoner_id=inwoner_id,
            uitvraging__status=UitvragingStatus.OPEN,
            uitvraging__sluit_op__gte=vandaag,
        )
        .select_related("uitvraging__vragenlijst", "uitvraging__gemeente")
        .prefetch_related("uitvraging__vragenlijst__vragen")
        .order_by("-uitvraging__jaar", "-id")
        .first()
    )
