"""Many sent ZIN beschikkingen at once: what `toewijzingen_voor_beschikking` does for one, for a
list of them in a few statements — for a migration from an earlier system, or the demo's year
of traffic (issue 16: the demo at a million residents writes in bulk). Each beschikking as on
the moment it was sent: its toewijzingen carry that moment, its 301 that dagtekening and its
timeline entry that day.

The rows and messages are those of the service: the 301 is made by the same function
(`uitgaand.toewijzing_bericht`) with every current toewijzing of the client at the provider,
checked with OP087 (`uitgaand.toewijzing_controleer`) and stored by `uitgaand_rij` (its own
identificatie, UTF-8 with CR/LF); the same provisions are left out (no ZIN, refused, without a
provider or its AGB code, already assigned). What differs is only how it is written: the
toewijzingen, messages, their links to the residents and the timeline entries each in one
statement (`common.bulk`). Call inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import F
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.constants import BerichtStatus, Richting
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services._gedeeld import uitgaand_rij
from eenplan.berichten.services.uitgaand import (
    VARIANTEN,
    WETTEN,
    _omvang,
    toewijzing_bericht,
    toewijzing_controleer,
    toewijzing_tijdlijn,
)
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.common import bulk
from eenplan.events import bus, soorten
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.voorzieningen.constants import Leveringsvorm


class _Koppeling:
    """A row of the message–resident link table, to write."""

    __slots__ = ("bericht_id", "inwoner_id")

    def __init__(self, bericht_id: int, inwoner_id: int) -> None:
        self.bericht_id = bericht_id
        self.inwoner_id = inwoner_id


def _toe_te_wijzen(ids: list[int]) -> list[BeschikteVoorziening]:
    """The granted ZIN provisions of these beschikkingen that get a toewijzing: the choice of
    `toewijzingen_voor_beschikking`, for all at once."""
    al = set(
        Toewijzing.objects.filter(beschikte_voorziening__beschikking_id__in=ids).values_list(
            "beschikte_voorziening_id", flat=True
        )
    )
    uit = []
    for bv in (
        BeschikteVoorziening.objects.filter(
            beschikking_id__in=ids, leveringsvorm=Leveringsvorm.ZIN, begin__isnull=False
        )
        .exclude(uitkomst=Uitkomst.AFGEWEZEN)
        .select_related("voorziening", "aanbieder")
        .order_by("beschikking_id", "id")
    ):
        if WETTEN.get(bv.voorziening.wet) is None or bv.pk in al:
            continue
        if bv.aanbieder is None or not bv.aanbieder.agb_code:
            continue  # no provider (or no AGB code yet): no toewijzing, as the service
        uit.append(bv)
    return uit


def toewijzingen_voor_beschikkingen(verzonden: Sequence[tuple[int, dt.datetime]]) -> list[Bericht]:
    """`toewijzingen_voor_beschikking` for many sent beschikkingen, given as (beschikking id,
    moment it was sent), in the order they were sent: every granted ZIN provision becomes a
    toewijzing at its provider, and one 301 per beschikking, provider and law goes out with
    every current toewijzing of the client there (OP087) — also those of earlier
    beschikkingen. Returns the 301s (in the outbox, status klaar) in the order sent.
    Idempotent as the service: a provision that has its toewijzing is left alone."""
    moment_van = dict(verzonden)
    if not moment_van:
        return []
    bvs = _toe_te_wijzen(list(moment_van))
    if not bvs:
        return []
    beschikkingen = {
        b.pk: b
        for b in Beschikking.objects.filter(pk__in=[bv.beschikking_id for bv in bvs]).only(
            "id", "gemeente_id", "inwoner_id"
        )
    }
    inwoners = {
        i.pk: i
        for i in Inwoner.objects.filter(
            pk__in={beschikkingen[bv.beschikking_id].inwoner_id for bv in bvs}
        )
    }
    gemeenten = {
        g.pk: g
        for g in Gemeente.objects.filter(pk__in={b.gemeente_id for b in beschikkingen.values()})
    }
    # The toewijzingen, in the order sent.
    bvs.sort(key=lambda bv: (moment_van[bv.beschikking_id], bv.beschikking_id, bv.pk))
    nieuw: list[Toewijzing] = []
    for bv in bvs:
        beschikking = beschikkingen[bv.beschikking_id]
        moment = moment_van[bv.beschikking_id]
        volume, eenheid, frequentie = _omvang(bv)
        nieuw.append(
            bulk.nieuwe_rij(
                Toewijzing,
                gemeente_id=beschikking.gemeente_id,
                inwoner_id=beschikking.inwoner_id,
                aanbieder_id=bv.aanbieder_id,
                beschikte_voorziening_id=bv.pk,
                wet=WETTEN[bv.voorziening.wet],
                productcategorie=bv.voorziening.productcategorie,
                productcode=bv.voorziening.productcode,
                toewijzingsdatum=moment,
                ingangsdatum=bv.begin,
                einddatum=bv.einde,
                volume=volume,
                eenheid=eenheid if volume is not None else "",
                frequentie=frequentie if volume is not None else "",
                uitvoeringsvariant=VARIANTEN.get(
                    bv.voorziening.uitvoeringsvariant, "inspanningsgericht"
                ),
                # Sent in the 301 below, as the service leaves it.
                te_melden=False,
                created_at=moment,
                updated_at=moment,
            )
        )
    bulk.voeg_in(Toewijzing, nieuw, ids=True)
    # ToewijzingNummer is the id (TR332: unique per law), as the service sets it.
    Toewijzing.objects.filter(id__in_lijst=[t.pk for t in nieuw]).update(nummer=F("id"))
    for t in nieuw:
        t.nummer = t.pk
    # Every toewijzing of these clients at these providers, earlier ones too (OP087).
    sleutels = {(t.inwoner_id, t.aanbieder_id, t.wet) for t in nieuw}
    per_client: dict[tuple[int, int, str], list[Toewijzing]] = defaultdict(list)
    nieuwe_ids = {t.pk for t in nieuw}
    for t in Toewijzing.objects.filter(
        inwoner_id__in_lijst=list({k[0] for k in sleutels}),
        aanbieder_id__in_lijst=list({k[1] for k in sleutels}),
    ).order_by("nummer", "id"):
        if (t.inwoner_id, t.aanbieder_id, t.wet) in sleutels and t.pk not in nieuwe_ids:
            per_client[(t.inwoner_id, t.aanbieder_id, t.wet)].append(t)
    aanbieders = {a.pk: a for a in Aanbieder.objects.filter(pk__in={k[1] for k in sleutels})}
    # One 301 per beschikking, provider and law, in the order sent.
    groepen: dict[tuple[int, int, str], list[Toewijzing]] = {}
    for t, bv in zip(nieuw, bvs, strict=True):
        groepen.setdefault((bv.beschikking_id, t.aanbieder_id, t.wet), []).append(t)
    berichten: list[Bericht] = []
    koppelingen: list[_Koppeling] = []
    tijdlijn: list[tuple[Bericht, str]] = []
    gemeld: dict[int, Toewijzing] = {}  # earlier toewijzingen the 301s now carried
    for (beschikking_id, aanbieder_id, wet), eigen in groepen.items():
        beschikking = beschikkingen[beschikking_id]
        moment = moment_van[beschikking_id]
        dag = timezone.localdate(moment)
        inwoner, aanbieder = inwoners[beschikking.inwoner_id], aanbieders[aanbieder_id]
        client = per_client[(inwoner.pk, aanbieder_id, wet)]
        client.extend(eigen)
        # What existed when this beschikking was sent (a later one's toewijzingen not yet).
        alle = [t for t in client if t.toewijzingsdatum <= moment]
        rijen = sorted(
            (
                t
                for t in alle
                if t.einddatum is None or t.einddatum >= dag or t.te_melden or t in eigen
            ),
            key=lambda t: (t.nummer or 0, t.pk),
        )
        bericht = toewijzing_bericht(
            inwoner=inwoner,
            gemeente=gemeenten[beschikking.gemeente_id],
            aanbieder=aanbieder,
            wet=wet,
            rijen=rijen,
            dag=dag,
        )
        toewijzing_controleer(bericht, alle)
        rij = uitgaand_rij(
            bericht,
            gemeente=gemeenten[beschikking.gemeente_id],
            aanbieder=aanbieder,
            beschikking=beschikking,
            nu=moment,
        )
        rij.created_at = rij.updated_at = moment
        rij.inwoner_id = inwoner.pk  # type: ignore[attr-defined]  # for the caller
        berichten.append(rij)
        tijdlijn.append(
            (
                rij,
                toewijzing_tijdlijn(bericht, aanbieder, f"beschikking {beschikking_id} verzonden"),
            )
        )
        for t in rijen:
            if t.te_melden:
                t.te_melden = False
                gemeld[t.pk] = t
    bulk.voeg_in(Bericht, berichten, ids=True)
    for rij in berichten:
        koppelingen.append(_Koppeling(rij.pk, rij.inwoner_id))  # type: ignore[attr-defined]
    bulk.voeg_in(Bericht.inwoners.through, koppelingen)
    if gemeld:
        nu = timezone.now()
        for t in gemeld.values():
            t.updated_at = nu
        bulk.werk_bij(Toewijzing, list(gemeld.values()), ["te_melden", "updated_at"])
    _verzoeken_beantwoord(berichten)
    # The dossier timeline, each entry on the day its 301 went out.
    bus.publish_many(
        [
            bus.Publicatie(
                soorten.BERICHT_VERZONDEN,
                record=rij,
                omschrijving=tekst,
                inwoner_id=rij.inwoner_id,  # type: ignore[attr-defined]
                gegevens={"bericht": rij.pk, "soort": rij.soort},
                moment=rij.moment,
            )
            for rij, tekst in tijdlijn
        ],
        terug=False,
    )
    return berichten


def _verzoeken_beantwoord(berichten: list[Bericht]) -> None:
    """A toewijzing answers the provider's open requests (315/317) for the client received
    before it (iJw §2.5.3), as `toewijzing_stuur` does."""
    per_client: dict[tuple[int | None, int], list[Bericht]] = defaultdict(list)
    for rij in berichten:
        per_client[(rij.aanbieder_id, rij.inwoner_id)].append(rij)  # type: ignore[attr-defined]
    open_: dict[int, Any] = {}
    for bericht_id, aanbieder_id, inwoner_id, moment in Bericht.inwoners.through.objects.filter(
        inwoner_id__in_lijst=list({k[1] for k in per_client}),
        bericht__richting=Richting.IN,
        bericht__aanbieder_id__in_lijst=list({k[0] for k in per_client}),
        bericht__code__in=["315", "317"],
        bericht__antwoord_uiterlijk__isnull=False,
        bericht__beantwoord_op__isnull=True,
    ).values_list("bericht_id", "bericht__aanbieder_id", "inwoner_id", "bericht__moment"):
        na = [
            r.moment for r in per_client.get((aanbieder_id, inwoner_id), []) if r.moment >= moment
        ]
        if na:
            open_[bericht_id] = min(na)
    if not open_:
        return
    rijen = list(Bericht.objects.filter(pk__in=list(open_)).only("id"))
    for rij in rijen:
        rij.beantwoord_op = open_[rij.pk]
        rij.updated_at = timezone.now()
    bulk.werk_bij(Bericht, rijen, ["beantwoord_op", "updated_at"])


def berichten_opgehaald(opgehaald: Sequence[tuple[int, dt.datetime]]) -> int:
    """`bericht_opgehaald` for many outgoing messages, given as (id, moment fetched): those
    still in the outbox (status klaar) are marked fetched at that moment. Returns how many."""
    moment_van = dict(opgehaald)
    if not moment_van:
        return 0
    rijen = list(
        Bericht.objects.filter(
            pk__in=list(moment_van), richting=Richting.UIT, status=BerichtStatus.KLAAR
        ).only("id")
    )
    nu = timezone.now()
    for rij in rijen:
        rij.status = BerichtStatus.OPGEHAALD
        rij.opgehaald_op = moment_van[rij.pk]
        rij.updated_at = nu
    bulk.werk_bij(Bericht, rijen, ["status", "opgehaald_op", "updated_at"])
    return len(rijen)
