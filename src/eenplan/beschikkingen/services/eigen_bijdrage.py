"""The household's eigen bijdrage on a date (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.common.constants import Wet
from eenplan.gemeente.selectors import instellingen_op
from eenplan.inwoners.models import Inwoner
from eenplan.rules import eigen_bijdrage as eigen_bijdrage_rules
from eenplan.voorzieningen.selectors import abonnementstarieven


def eigen_bijdrage_voor(inwoner: Inwoner, op: dt.date) -> eigen_bijdrage_rules.Uitkomst | None:
    """The household's Wmo contribution on `op` from all its active Wmo provisions, with the
    category of each provision (a wheelchair: national exemption; collectief vervoer and
    others: the municipality's exemptions in force on `op`, `instellingen_op`)."""
    from eenplan.inwoners.selectors import huishouden_leden_op

    _huishouden, alle_leden = huishouden_leden_op(inwoner=inwoner, op=op)
    lidmaatschappen = [lid for lid in alle_leden if lid.actief_op(op)]
    leden = [lid.inwoner for lid in lidmaatschappen] or [inwoner]
    regels = (
        BeschikteVoorziening.objects.filter(
            beschikking__inwoner__in=leden,
            beschikking__aanvraag__wet=Wet.WMO,
            uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
            begin__lte=op,
        )
        .exclude(einde__lt=op)
        .select_related("voorziening", "beschikking__inwoner")
    )
    leveringen = [
        eigen_bijdrage_rules.Levering(
            r.voorziening.naam,
            eigen_bijdrage_rules.Soort(r.voorziening.eigen_bijdrage),
            r.voorziening.kostprijs_per_maand or Decimal("0"),
            categorie=eigen_bijdrage_rules.Categorie(r.voorziening.categorie),
            # A client under 18 pays nothing for their provision (Uitvoeringsbesluit art. 3.8).
            voor=eigen_bijdrage_rules.Persoon(r.beschikking.inwoner.geboortedatum),
        )
        for r in regels
    ]
    if not leveringen:
        return None
    # The partnervrijstelling looks at both partners, also one without a provision of their own.
    paar = [lid.inwoner for lid in lidmaatschappen if lid.relatie in ("referentie", "partner")]
    partners = any(lid.relatie == "partner" for lid in lidmaatschappen)
    clienten = (
        paar if partners else sorted({r.beschikking.inwoner for r in regels}, key=lambda i: i.pk)
    )
    try:
        return eigen_bijdrage_rules.eigen_bijdrage(
            leveringen,
            clienten=[eigen_bijdrage_rules.Persoon(c.geboortedatum) for c in clienten],
            gehuwd_of_partner=partners,
            op=op,
            gemeente=instellingen_op(inwoner.gemeente_id, op).bijdrage,
            tarieven=abonnementstarieven(),
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
    uitkomst = eigen_bijdrage_voor(beschikking.inwoner, op)
    if uitkomst is None:
        later = sorted(
            r.begin
            for r in beschikking.voorzieningen.all()
            if r.uitkomst != Uitkomst.AFGEWEZEN and r.begin is not None and r.begin > op
        )
        if later:
            op = later[0]
            uitkomst = eigen_bijdrage_voor(beschikking.inwoner, op)
    return uitkomst, op
