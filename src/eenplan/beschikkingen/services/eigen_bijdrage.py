"""The household's eigen bijdrage on a date (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import F, Q, QuerySet, Subquery

from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.common.aggregaten import Rijen, delen_query, delen_uit, rijen_json, rijen_uit_json
from eenplan.common.constants import Wet
from eenplan.common.gecompileerd import Gecompileerd
from eenplan.gemeente.models import Instelling
from eenplan.gemeente.selectors import instelling_rijen, instellingen_uit
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.inwoners.selectors import huidig_huishouden
from eenplan.rules import eigen_bijdrage as eigen_bijdrage_rules
from eenplan.voorzieningen.models import AbonnementstariefGegeven
from eenplan.voorzieningen.selectors import abonnementstarieven

_LEDEN = Rijen(HuishoudenLid, samen=("inwoner",), volgorde=("lid_van", "id"))
# A provision with its voorziening, and the resident and date of its decision; in the order of
# `BeschikteVoorziening.Meta.ordering` (by decision, newest first as `Beschikking.Meta`).
_REGELS = Rijen(
    BeschikteVoorziening,
    samen=("voorziening",),
    extra={
        "client_id": F("beschikking__inwoner_id"),
        "besloten_op": F("beschikking__besloten_op"),
    },
    volgorde=("-besloten_op", "-beschikking_id", "id"),
)
_INSTELLINGEN = Rijen(Instelling)
_TARIEVEN = Rijen(AbonnementstariefGegeven)


def eigen_bijdrage_voor(inwoner: Inwoner, op: dt.date) -> eigen_bijdrage_rules.Uitkomst | None:
    """The household's Wmo contribution on `op` from all its active Wmo provisions, with the
    category of each provision (a wheelchair: national exemption; collectief vervoer and
    others: the municipality's exemptions in force on `op`, `instellingen_op`). One query:
    the household's members on `op` (`inwoners.selectors.huidig_huishouden`), their provisions, the
    municipality's settings and the entered abonnementstarieven, each as JSON next to the
    resident's row (issue 16: these were four)."""
    return eigen_bijdragen_voor(inwoner, [op])[op]


def eigen_bijdragen_voor(
    inwoner: Inwoner, data: list[dt.date]
) -> dict[dt.date, eigen_bijdrage_rules.Uitkomst | None]:
    """`eigen_bijdrage_voor` on each of `data`, in one query (each date's members, provisions
    and settings as its own JSON parts next to the resident's row, the tarieven once), built
    and compiled once per process for each number of dates (`common.gecompileerd`, ADR 0055)."""
    dagen = list(dict.fromkeys(data))
    waarden: dict[str, Any] = {"inwoner": inwoner.pk, "gemeente": inwoner.gemeente_id}
    waarden |= {f"op{i}": op for i, op in enumerate(dagen)}
    rij = delen_uit(_gelezen(len(dagen)).eerste(**waarden))
    db = inwoner._state.db or "default"
    tarieven = abonnementstarieven(rijen_uit_json(rij.get("tarieven"), _TARIEVEN, db=db))
    return {
        op: _uitkomst(
            inwoner,
            op,
            lidmaatschappen=rijen_uit_json(rij.get(f"leden{i}"), _LEDEN, db=db),
            gelezen=rijen_uit_json(rij.get(f"regels{i}"), _REGELS, db=db),
            instellingen=rijen_uit_json(rij.get(f"instellingen{i}"), _INSTELLINGEN, db=db),
            tarieven=tarieven,
        )
        for i, op in enumerate(dagen)
    }


_GELEZEN: dict[int, Gecompileerd] = {}


def _gelezen(aantal: int) -> Gecompileerd:
    """The query of `eigen_bijdragen_voor` for `aantal` dates, compiled once (ADR 0055)."""
    if aantal not in _GELEZEN:
        _GELEZEN[aantal] = Gecompileerd(
            lambda **w: _delen(w["inwoner"], w["gemeente"], [w[f"op{i}"] for i in range(aantal)]),
            inwoner=int,
            gemeente=int,
            **{f"op{i}": dt.date for i in range(aantal)},
        )
    return _GELEZEN[aantal]


def _delen(inwoner_id: int, gemeente_id: int, dagen: list[dt.date]) -> QuerySet[Inwoner]:
    """The resident's row with, per date of `dagen`, the household's members, their Wmo
    provisions and the municipality's settings as JSON parts, and the tarieven once."""
    delen: dict[str, object] = {
        "tarieven": rijen_json(AbonnementstariefGegeven.objects.all(), _TARIEVEN)
    }
    for i, op in enumerate(dagen):
        leden_op = HuishoudenLid.objects.filter(
            Q(lid_tot__isnull=True) | Q(lid_tot__gt=op),
            huishouden_id=Subquery(huidig_huishouden(inwoner_id, op)),
            lid_van__lte=op,
            inwoner__gemeente_id=gemeente_id,
        )
        # The resident and the members on `op` as one set (a UNION), not `= resident OR IN
        # (members)`: PostgreSQL answers that OR with a scan of every beschikking (1M
        # residents: 21 ms, against an index lookup per member).
        personen_op = (
            leden_op.order_by()
            .values("inwoner_id")
            .union(Inwoner.objects.filter(pk=inwoner_id).order_by().values("pk"))
        )
        # The decisions, their aanvragen and catalogue entries of the resident's municipality
        # (issue 16): conditions on the rows the query joins anyway.
        regels = BeschikteVoorziening.objects.filter(
            beschikking__inwoner_id__in=personen_op,
            beschikking__gemeente_id=gemeente_id,
            beschikking__aanvraag__gemeente_id=gemeente_id,
            voorziening__gemeente_id=gemeente_id,
            beschikking__aanvraag__wet=Wet.WMO,
            uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
            begin__lte=op,
        ).exclude(einde__lt=op)
        delen[f"leden{i}"] = rijen_json(leden_op, _LEDEN)
        delen[f"regels{i}"] = rijen_json(regels, _REGELS)
        delen[f"instellingen{i}"] = rijen_json(instelling_rijen(gemeente_id, op), _INSTELLINGEN)
    return delen_query(Inwoner.objects.filter(pk=inwoner_id, gemeente_id=gemeente_id), delen)


def _uitkomst(
    inwoner: Inwoner,
    op: dt.date,
    *,
    lidmaatschappen: list[HuishoudenLid],
    gelezen: list[Any],  # with `client_id` and `besloten_op` (_REGELS)
    instellingen: list[Instelling],
    tarieven: Any,
) -> eigen_bijdrage_rules.Uitkomst | None:
    personen = {inwoner.pk: inwoner} | {lid.inwoner_id: lid.inwoner for lid in lidmaatschappen}
    leveringen = [
        eigen_bijdrage_rules.Levering(
            r.voorziening.naam,
            eigen_bijdrage_rules.Soort(r.voorziening.eigen_bijdrage),
            r.voorziening.kostprijs_per_maand or Decimal("0"),
            categorie=eigen_bijdrage_rules.Categorie(r.voorziening.categorie),
            # A client under 18 pays nothing for their provision (Uitvoeringsbesluit art. 3.8).
            voor=eigen_bijdrage_rules.Persoon(personen[r.client_id].geboortedatum),
        )
        for r in gelezen
    ]
    if not leveringen:
        return None
    # The partnervrijstelling looks at both partners, also one without a provision of their own.
    paar = [lid.inwoner for lid in lidmaatschappen if lid.relatie in ("referentie", "partner")]
    partners = any(lid.relatie == "partner" for lid in lidmaatschappen)
    clienten = paar if partners else [personen[pk] for pk in sorted({r.client_id for r in gelezen})]
    try:
        return eigen_bijdrage_rules.eigen_bijdrage(
            leveringen,
            clienten=[eigen_bijdrage_rules.Persoon(c.geboortedatum) for c in clienten],
            gehuwd_of_partner=partners,
            op=op,
            gemeente=instellingen_uit(instellingen).bijdrage,
            tarieven=tarieven,
        )
    except ValueError:
        return None


def beschikking_eigen_bijdrage(
    beschikking: Beschikking,
) -> tuple[eigen_bijdrage_rules.Uitkomst | None, dt.date]:
    """The contribution the decision letter states, with its reference date: one answer for
    the page, the API and the letter (issue 9, item 5: one read path).

    The reference date is the day the letter was sent, or the day of the decision while it is
    not sent (the letter's own date). When the granted Wmo provisions only start later, the
    contribution from the first start date is the one that applies (Wmo 2015 art. 2.1.4: a
    contribution for a provision the household receives). A Jeugdwet decision has none: the
    ouderbijdrage was abolished (Jeugdwet art. 8.2.1, Stb. 2017, 64)."""
    op = beschikking.verzonden_op or beschikking.besloten_op
    if beschikking.aanvraag.wet != Wet.WMO:
        return None, op
    later = sorted(
        r.begin
        for r in beschikking.voorzieningen.all()
        if r.uitkomst != Uitkomst.AFGEWEZEN and r.begin is not None and r.begin > op
    )
    # Both dates in one query (issue 16): the later one counts only when none applies on `op`.
    uitkomsten = eigen_bijdragen_voor(beschikking.inwoner, [op, *later[:1]])
    if uitkomsten[op] is None and later:
        return uitkomsten[later[0]], later[0]
    return uitkomsten[op], op
