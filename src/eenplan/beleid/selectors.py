"""Reads of the policy model and the survey. Aggregates only: nothing here returns a resident.

The dashboard (`dashboard`) gives per theme every linked indicator with its series, the
expected value, the target line and the verdict; `per_wijk=...` the same for one wijk. Both
run a fixed number of queries whatever the size of the plan (the series come from the
indicators themselves: one aggregate query per linked indicator)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
from eenplan.gemeente.models import Wijk
from eenplan.sturing import onderdrukking


def beleidsplannen(*, gemeente_id: int) -> QuerySet[Beleidsplan]:
    return (
        Beleidsplan.objects.filter(gemeente_id=gemeente_id)
        .annotate(aantal_themas=Count("themas", distinct=True))
        .order_by("-van_jaar", "naam", "pk")
    )


def plan_of_none(*, gemeente_id: int | None, pk: int) -> Beleidsplan | None:
    """The municipality's plan `pk`, or None when it has none by that id."""
    return Beleidsplan.objects.filter(gemeente_id=gemeente_id, pk=pk).first()


def uitvraging_get(*, gemeente_id: int | None, pk: int) -> Uitvraging | None:
    """The municipality's client-experience survey `pk` with its questionnaire, both held to
    the municipality (issue 16); None when it has none by that id."""
    return (
        Uitvraging.objects.select_related("vragenlijst")
        .filter(pk=pk, gemeente_id=gemeente_id, vragenlijst__gemeente_id=gemeente_id)
        .first()
    )


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
    resultaten and the linked indicators with their targets: six queries, any size.

    Each part is ordered on its own columns within its parent (the models' default ordering
    starts with the parent, which joins every level up to the plan): the same order, and no
    query joins `beleid_beleidsplan` without its municipality (issue 16)."""
    return plan.themas.order_by("nummer").prefetch_related(
        Prefetch("doelen", queryset=Doel.objects.order_by("code")),
        Prefetch(
            "doelen__subdoelen",
            queryset=Subdoel.objects.order_by("nummer").prefetch_related(
                Prefetch(
                    "activiteiten",
                    queryset=Activiteit.objects.order_by("start", "code").prefetch_related(
                        Prefetch(
                            "resultaten",
                            queryset=Resultaat.objects.order_by("thema__nummer", "nummer"),
                        )
                    ),
                )
            ),
        ),
        Prefetch(
            "resultaten",
            queryset=Resultaat.objects.order_by("nummer").prefetch_related(
                Prefetch(
                    "indicatoren",
                    queryset=Indicatorkoppeling.objects.order_by("indicator").prefetch_related(
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


OVERIGE_WIJKEN = "Overige wijken"
OVERIGE_AANBIEDERS = "Overige of onbekende aanbieder"


@dataclass(frozen=True)
class Indeling:
    """The wijken and providers an answer of one round may carry: those the round invited at
    least `KLEINSTE_CEL` residents of. Any other is stored and shown coarse (wijk empty:
    "overige wijken"; provider empty: "overige of onbekende aanbieder"), so an answer never
    carries an attribute that fewer than five invited people share."""

    wijken: frozenset[int]
    aanbieders: frozenset[str]

    def wijk(self, wijk_id: int | None) -> int | None:
        return wijk_id if wijk_id in self.wijken else None

    def aanbieder(self, naam: str | None) -> str:
        return naam if naam and naam in self.aanbieders else ""


def _uitnodigingen_per_groep(uitvraging_id: int) -> list[dict[str, Any]]:
    """The round's invitations per wijk and provider: invited and answered. One query."""
    return list(
        Uitnodiging.objects.filter(uitvraging_id=uitvraging_id)
        .order_by()
        .values("wijk_id", "aanbieder")
        .annotate(uitgenodigd=Count("id"), beantwoord=Count("id", filter=Q(beantwoord=True)))
    )


def _indeling(rijen: list[dict[str, Any]]) -> Indeling:
    wijken: dict[int, int] = {}
    aanbieders: dict[str, int] = {}
    for r in rijen:
        wijken[r["wijk_id"]] = wijken.get(r["wijk_id"], 0) + r["uitgenodigd"]
        aanbieders[r["aanbieder"]] = aanbieders.get(r["aanbieder"], 0) + r["uitgenodigd"]
    return Indeling(
        wijken=frozenset(w for w, n in wijken.items() if n >= indicatoren.KLEINSTE_CEL),
        aanbieders=frozenset(a for a, n in aanbieders.items() if n >= indicatoren.KLEINSTE_CEL),
    )


def grove_indeling(uitvraging_id: int) -> Indeling:
    """The coarse grouping of one round, from its invitations (fixed once the sample is
    drawn). One aggregate query."""
    return _indeling(_uitnodigingen_per_groep(uitvraging_id))


def _vraag_cel(sleutel: str, respondenten: int, n: int, positief: int) -> onderdrukking.Cel:
    """One question in one group before suppression, as the registry's indicator `cev_<code>`
    counts it: the units are the respondents ("weet ik niet" included), the numerator those
    who agree (4 or 5), the denominator those who gave a score."""
    return onderdrukking.Cel(
        sleutel=sleutel,
        label="",
        eenheden=respondenten,
        teller=positief,
        noemer=n,
        waarde=(Decimal(positief) * 100 / n).quantize(Decimal("0.1"), ROUND_HALF_UP) if n else None,
    )


def vraag_per_jaar(
    code: str, *, gemeente_id: int, wijk_id: int | None = None
) -> list[tuple[int, onderdrukking.Cel]]:
    """Per year the share agreeing with one question, for the municipality or one wijk, small
    cells suppressed (`onderdrukking.DREMPEL` respondents). For a wijk the whole table of the
    year by wijk is suppressed together (with the complementary cell), so the municipality's
    value minus the other wijken's never gives a hidden wijk away. One aggregate query (and
    one for the wijken's codes, the registry's keys that break ties, for a wijk)."""
    antwoorden = Antwoord.objects.filter(
        vraag__code=code, respons__uitvraging__gemeente_id=gemeente_id
    ).order_by()
    tellingen = {
        "respondenten": Count("id"),
        "n": Count("score"),
        "positief": Count("id", filter=Q(score__gte=4)),
    }
    if wijk_id is None:
        return [
            (
                r["respons__uitvraging__jaar"],
                onderdrukking.primair(_vraag_cel("", r["respondenten"], r["n"], r["positief"])),
            )
            for r in antwoorden.values("respons__uitvraging__jaar")
            .annotate(**tellingen)
            .order_by("respons__uitvraging__jaar")
        ]
    codes = dict(Wijk.objects.filter(gemeente_id=gemeente_id).values_list("pk", "code"))
    per_jaar: dict[int, list[dict[str, Any]]] = {}
    for r in antwoorden.values("respons__uitvraging__jaar", "respons__wijk_id").annotate(
        **tellingen
    ):
        per_jaar.setdefault(r["respons__uitvraging__jaar"], []).append(r)
    uit = []
    for jaar in sorted(per_jaar):
        groepen = per_jaar[jaar]
        if not any(g["respons__wijk_id"] == wijk_id for g in groepen):
            continue
        totaal = _vraag_cel(
            "",
            sum(g["respondenten"] for g in groepen),
            sum(g["n"] for g in groepen),
            sum(g["positief"] for g in groepen),
        )
        _t, cellen = onderdrukking.onderdruk(
            totaal,
            [
                _vraag_cel(
                    codes.get(g["respons__wijk_id"], ""), g["respondenten"], g["n"], g["positief"]
                )
                for g in groepen
            ],
        )
        sleutel = codes.get(wijk_id, "")
        uit.append((jaar, next(c for c in cellen if c.sleutel == sleutel)))
    return uit


@dataclass(frozen=True)
class Cel:
    """One cell of the results: a share (%) with the number behind it, or suppressed."""

    n: int | None
    positief_pct: Decimal | None
    gemiddelde: Decimal | None
    onderdrukt: bool


def te_onderdrukken(
    aantallen: list[tuple[int, int | None]],
    *,
    al_verborgen: frozenset[int] = frozenset(),
    sleutels: list[str] | None = None,
) -> set[int]:
    """Which cells of one row to hide, by the registry's rules (`sturing.onderdrukking`): the
    primary rule (1 to 4 persons, or a numerator of 1 to 4) and the complementary one (the row
    total is shown, so one hidden cell takes the smallest other with it). `al_verborgen`: cells
    hidden for another reason, which count as hidden for the complementary rule; `sleutels`:
    the keys that break a tie (by default the position)."""
    rijen = [
        onderdrukking.Cel(
            sleutel=sleutels[i] if sleutels else str(i),
            label="",
            eenheden=n,
            teller=t,
            waarde=Decimal(n),
            onderdrukt=i in al_verborgen,
        )
        for i, (n, t) in enumerate(aantallen)
    ]
    totaal = onderdrukking.Cel(
        sleutel="", label="", eenheden=sum(n for n, _t in aantallen), teller=None, waarde=None
    )
    _totaal, uit = onderdrukking.onderdruk(totaal, rijen)
    return {i for i, c in enumerate(uit) if c.onderdrukt}


def _cel(cel: onderdrukking.Cel, som: int) -> Cel:
    if cel.onderdrukt:
        return Cel(None, None, None, True)
    n = cel.noemer or 0
    if n == 0:
        return Cel(0, None, None, False)  # nobody gave a score: nothing to hide, no share
    return Cel(n, cel.waarde, (Decimal(som) / n).quantize(Decimal("0.1")), False)


def uitvraging_resultaten(uitvraging: Uitvraging, *, per: str) -> dict[str, object]:
    """The results of one round per question, split by `per` ("wijk" or "aanbieder"), plus
    the response rate per group. A fixed number of aggregate queries.

    Groups follow `grove_indeling` (a wijk or provider with fewer than five invitations is
    part of "overige"). A group's results are shown only when at least five of its residents
    answered (and at least five agreed or did not, and at least five gave a score), with the
    complementary cell, exactly as the registry's `cev_<code>` table by the same dimension;
    the response of a group of fewer than five invited or answered is hidden likewise."""
    from django.db.models import Sum

    per_groep = _uitnodigingen_per_groep(uitvraging.pk)
    indeling = _indeling(per_groep)
    groepen: dict[object, dict[str, Any]] = {}
    wijken: dict[int, Wijk] = {}
    if per == "wijk":
        respons_veld = "respons__wijk_id"
        grof: Any = indeling.wijk
        wijken = {
            w.pk: w
            for w in Wijk.objects.filter(gemeente_id=uitvraging.gemeente_id).only("code", "naam")
        }
    else:
        respons_veld = "respons__aanbieder"
        grof = indeling.aanbieder
    for r in per_groep:
        if per == "wijk":
            sleutel = indeling.wijk(r["wijk_id"])
            wijk = wijken.get(sleutel) if sleutel is not None else None
            label, code = (wijk.naam, wijk.code) if wijk else (OVERIGE_WIJKEN, "")
        else:
            sleutel = indeling.aanbieder(r["aanbieder"])
            label, code = sleutel or OVERIGE_AANBIEDERS, sleutel
        g = groepen.setdefault(
            sleutel, {"label": label, "code": code, "uitgenodigd": 0, "beantwoord": 0}
        )
        g["uitgenodigd"] += r["uitgenodigd"]
        g["beantwoord"] += r["beantwoord"]
    volgorde = sorted(groepen, key=lambda k: (k in (None, ""), groepen[k]["label"]))
    # The answers per question and group (a coarse value for an answer stored before the
    # coarse grouping existed: the migration made them coarse, this keeps it so).
    ruw: dict[tuple[int, object], list[int]] = {}
    for r in (
        Antwoord.objects.filter(respons__uitvraging=uitvraging)
        .order_by()
        .values("vraag_id", respons_veld)
        .annotate(
            respondenten=Count("id"),
            n=Count("score"),
            positief=Count("id", filter=Q(score__gte=4)),
            som=Sum("score"),
        )
    ):
        t = ruw.setdefault((r["vraag_id"], grof(r[respons_veld])), [0, 0, 0, 0])
        t[0] += r["respondenten"]
        t[1] += r["n"]
        t[2] += r["positief"]
        t[3] += r["som"] or 0
    klein_uitgenodigd = frozenset(
        i for i, k in enumerate(volgorde) if onderdrukking.klein(groepen[k]["uitgenodigd"])
    )
    verborgen = te_onderdrukken(
        [(groepen[k]["beantwoord"], None) for k in volgorde],
        al_verborgen=klein_uitgenodigd,
        sleutels=[groepen[k]["code"] for k in volgorde],
    )
    respons = []
    for i, k in enumerate(volgorde):
        g = groepen[k]
        klein = i in verborgen
        respons.append(
            {
                "groep": g["label"],
                "uitgenodigd": g["uitgenodigd"],
                "beantwoord": None if klein else g["beantwoord"],
                "pct": None
                if klein
                else (Decimal(g["beantwoord"]) * 100 / g["uitgenodigd"]).quantize(Decimal("0.1")),
                "onderdrukt": klein,
            }
        )
    gevraagd = {v for v, _k in ruw}
    # A question switched off later still shows the answers it got in this round.
    vragen = [v for v in uitvraging.vragenlijst.vragen.all() if v.actief or v.pk in gevraagd]
    tabel = []
    for v in vragen:
        rij = [ruw.get((v.pk, k), [0, 0, 0, 0]) for k in volgorde]
        som_totaal = sum(c[3] for c in rij)
        totaal, cellen = onderdrukking.onderdruk(
            _vraag_cel("", sum(c[0] for c in rij), sum(c[1] for c in rij), sum(c[2] for c in rij)),
            # The registry's keys (wijk code, provider name) decide ties, as in its tables.
            [
                _vraag_cel(groepen[k]["code"], c[0], c[1], c[2])
                for k, c in zip(volgorde, rij, strict=True)
            ],
        )
        tabel.append(
            {
                "vraag": v,
                "totaal": _cel(totaal, som_totaal),
                "cellen": [_cel(cel, c[3]) for cel, c in zip(cellen, rij, strict=True)],
            }
        )
    uitgenodigd = sum(g["uitgenodigd"] for g in groepen.values())
    beantwoord = sum(g["beantwoord"] for g in groepen.values())
    return {
        "groepen": [groepen[k]["label"] for k in volgorde],
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
