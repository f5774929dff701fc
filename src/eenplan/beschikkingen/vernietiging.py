"""Destruction of aanvragen, beschikkingen and their letters (common.vernietiging, ADR 0038
amendment). A letter is kept on its own record (the PDF as sent) and sent through channels
(`Verzending`); destroying the record destroys its sendings too, and — after the transaction
committed, because files are not transactional — the PDF and the line with name and address
that the post export left for the print and mail service (EENPLAN_POST_MAP)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.db import models, transaction

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import Aanvraag, Beschikking, Verzending
from eenplan.common.vernietiging import eigen_rijen_verwijderen, eigenaar
from eenplan.gemeente.constants import Verzendkanaal

BRIEVEN_VAN: dict[type[models.Model], tuple[str, ...]] = {
    Beschikking: (BriefSoort.BESCHIKKING,),
    Aanvraag: (BriefSoort.VERTRAGING_414,),
}


def _postexport_wissen(bestanden: list[Path], kenmerken: set[str]) -> None:
    """Remove the exported PDFs and their lines of the mailing list (name and address)."""
    for bestand in bestanden:
        bestand.unlink(missing_ok=True)
        lijst = bestand.parent / "verzendlijst.csv"
        if not lijst.exists():
            continue
        with lijst.open(encoding="utf-8", newline="") as f:
            rijen = list(csv.reader(f, delimiter=";"))
        over = [r for r in rijen if not (r and r[0] in kenmerken)]
        if len(over) != len(rijen):
            with lijst.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f, delimiter=";").writerows(over)


def brieven_vernietigen(brief_soorten: Sequence[str], bron_ids: Sequence[Any]) -> dict[str, int]:
    """Destroy the sendings of the letters of these records (any app's letters: the beschikking,
    the decision on bezwaar, the complaint's letters) and, after commit, their post export."""
    rijen = Verzending.objects.filter(
        brief_soort__in=list(brief_soorten), bron_id__in=list(bron_ids)
    )
    post = list(rijen.filter(kanaal=Verzendkanaal.POST).values_list("referentie", "kenmerk"))
    aantal = rijen._raw_delete(rijen.db)
    bestanden = [Path(ref) for ref, _kenmerk in post if ref]
    if bestanden:
        kenmerken = {kenmerk for _ref, kenmerk in post}
        transaction.on_commit(lambda: _postexport_wissen(bestanden, kenmerken))
    return {"beschikkingen.verzending": aantal} if aantal else {}


@eigenaar("beschikkingen")
def vernietigen(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    aantallen: dict[str, int] = {}
    if model is Verzending:
        kenmerken = list(
            Verzending.objects.filter(pk__in=list(pks)).values_list("brief_soort", "bron_id")
        )
        for soort, bron_id in kenmerken:
            for label, n in brieven_vernietigen([soort], [bron_id]).items():
                aantallen[label] = aantallen.get(label, 0) + n
        return aantallen
    if model in BRIEVEN_VAN:
        aantallen.update(brieven_vernietigen(BRIEVEN_VAN[model], pks))
    aantallen.update(eigen_rijen_verwijderen(model, pks, app_label="beschikkingen"))
    return aantallen
