"""Reads of the beschikkingen app."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from eenplan.beschikkingen.models import Aanvraag, AanvraagOpschorting, Overgangsrecht
from eenplan.inwoners.models import Inwoner


def overgangsrecht_werklijst(
    *, inwoners: QuerySet[Inwoner], vandaag: dt.date
) -> QuerySet[Overgangsrecht]:
    """Old indications not yet re-assessed, earliest legal end first; one query. Those whose
    end passed without a heronderzoek are the most urgent."""
    return (
        Overgangsrecht.objects.filter(
            inwoner__in=inwoners.values("pk"), heronderzoek_op__isnull=True
        )
        .select_related("inwoner")
        .order_by("einddatum", "id")
    )


def opschorting_lopend(aanvraag: Aanvraag) -> AanvraagOpschorting | None:
    """The suspension of the aanvraag's decision term that is still running, if any."""
    return aanvraag.opschortingen.filter(tot__isnull=True).first()
