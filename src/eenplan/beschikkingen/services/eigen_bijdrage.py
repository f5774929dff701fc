"""The household's eigen bijdrage on a date (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from eenplan.beschikkingen.bijdrage_selectors import (
    BijdrageGegevens,
    GelezenBijdrage,
    OpDatum,
    bijdrage_gelezen,
)
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Beschikking
from eenplan.common.constants import Wet
from eenplan.gemeente.selectors import instellingen_uit
from eenplan.inwoners.models import Inwoner
from eenplan.rules import eigen_bijdrage as eigen_bijdrage_rules


def eigen_bijdrage_voor(inwoner: Inwoner, op: dt.date) -> eigen_bijdrage_rules.Uitkomst | None:
    """The household's Wmo contribution on `op` from all its active Wmo provisions, with the
    category of each provision (a wheelchair: national exemption; collectief vervoer and
    others: the municipality's exemptions in force on `op`, `instellingen_op`). One query:
    the household's members on `op` (`inwoners.selectors.huidig_huishouden`), their provisions, the
    municipality's settings and the entered abonnementstarieven, each as JSON next to the
    resident's row (issue 16: these were four)."""
    return eigen_bijdragen_voor(inwoner, [op])[op]


def eigen_bijdragen_voor(
    inwoner: Inwoner, data: list[dt.date], *, gelezen: BijdrageGegevens | None = None
) -> dict[dt.date, eigen_bijdrage_rules.Uitkomst | None]:
    """`eigen_bijdrage_voor` on each of `data`, in one query (`bijdrage_selectors.
    bijdrage_gelezen`: each date's members, provisions and settings next to the resident's
    row). `gelezen`: those parts for `data` (distinct, in order) as already read with the
    decision (`beschikking_get(met_eigen_bijdrage=True)`), not read again."""
    dagen = list(dict.fromkeys(data))
    gelezen = gelezen or bijdrage_gelezen(inwoner, dagen)
    return {
        op: _uitkomst(inwoner, op, delen, tarieven=gelezen.tarieven)
        for op, delen in zip(dagen, gelezen.data, strict=True)
    }


def _uitkomst(
    inwoner: Inwoner,
    op: dt.date,
    delen: OpDatum,
    *,
    tarieven: Any,
) -> eigen_bijdrage_rules.Uitkomst | None:
    lidmaatschappen, gelezen = delen.leden, delen.regels
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
            gemeente=instellingen_uit(delen.instellingen).bijdrage,
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
    # Read with the decision when `beschikking_get(met_eigen_bijdrage=True)` read it: the
    # parts on the date it most likely applies on (`GelezenBijdrage.peildatum`). Else, or
    # when that was not the date needed, both dates in one query (issue 16).
    gelezen: GelezenBijdrage | None = getattr(beschikking, "eigen_bijdrage_gelezen", None)
    inwoner = beschikking.inwoner
    uitkomsten: dict[dt.date, eigen_bijdrage_rules.Uitkomst | None]
    if gelezen is not None and gelezen.peildatum == op:
        uitkomsten = eigen_bijdragen_voor(inwoner, [op], gelezen=gelezen.gegevens)
        if uitkomsten[op] is None and later:
            uitkomsten |= eigen_bijdragen_voor(inwoner, later[:1])
    elif gelezen is not None and later[:1] == [gelezen.peildatum] and not gelezen.regels_op:
        # No Wmo provision of the household runs on the reference date: nothing applies
        # there (no provision, no contribution) — the later start's parts were read.
        uitkomsten = {op: None}
        uitkomsten |= eigen_bijdragen_voor(inwoner, [gelezen.peildatum], gelezen=gelezen.gegevens)
    else:
        uitkomsten = eigen_bijdragen_voor(inwoner, [op, *later[:1]])
    if uitkomsten[op] is None and later:
        return uitkomsten[later[0]], later[0]
    return uitkomsten[op], op
