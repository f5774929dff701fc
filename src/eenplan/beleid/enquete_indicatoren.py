"""The survey's results as indicators (`cev_<question code>`): the share of respondents who
answered 4 or 5 ("eens", "helemaal eens") per year, for the municipality or one wijk, with the
small cells suppressed. The questions are data, but the set of codes is the standard
questionnaire (`beleid.vragenlijst.STANDAARD`), so the ids are stable."""

from __future__ import annotations

from functools import partial
from typing import Any

from eenplan.beleid.indicatoren import Indicator, Punt
from eenplan.beleid.vragenlijst import STANDAARD


def _reeks(code: str, *, gemeente_id: int, wijk_id: int | None = None) -> list[Punt]:
    from eenplan.beleid.selectors import vraag_per_jaar

    return [
        Punt(
            str(jaar),
            jaar,
            None if cel.onderdrukt else cel.waarde,
            n=None if cel.onderdrukt else cel.noemer,
            onderdrukt=cel.onderdrukt,
        )
        for jaar, cel in vraag_per_jaar(code, gemeente_id=gemeente_id, wijk_id=wijk_id)
    ]


ENQUETE_INDICATOREN = [
    Indicator(
        id=f"cev_{vraag.code}",
        naam=f"Cliëntervaring: {vraag.kort}",
        eenheid="%",
        definitie=(
            f"Het deel van de inwoners met een Wmo-maatwerkvoorziening die het (helemaal) eens "
            f"zijn met: '{vraag.tekst}' (4 of 5 op de vijfpuntsschaal; 'weet ik niet' telt "
            f"niet mee)."
        ),
        bron=f"Cliëntervaringsonderzoek Wmo 2015 art. 2.5.1 lid 1; {vraag.bron}",
        reeks=partial(_reeks, vraag.code),
        dimensies=("wijk", "aanbieder"),
    )
    for vraag in STANDAARD
]


def _meting(code: str, v: Any) -> Any:
    """The registry's measurement of one question: the answers to the rounds whose peildatum
    lies in the period. The units are the respondents the question was put to ("weet ik niet"
    included: a group of fewer than five respondents is hidden whatever they answered), the
    numerator those who answered 4 or 5, the denominator those who gave a score. The wijk or
    provider is empty where the answer was stored coarse (`selectors.grove_indeling`)."""
    from django.db.models import Count, Q

    from eenplan.beleid.models import Antwoord
    from eenplan.sturing.metingen import Meting, perioden

    rijen = Antwoord.objects.filter(
        vraag__code=code,
        respons__uitvraging__gemeente_id=v.gemeente_id,
        respons__uitvraging__peildatum__range=(v.van, v.tot),
    )
    return Meting(
        rijen=rijen,
        dims={
            "wijk": "respons__wijk__code",
            "aanbieder": "respons__aanbieder",
            **perioden("respons__uitvraging__peildatum"),
        },
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(score__gte=4)),
        noemer=Count("score"),
    )


def register_indicatoren() -> list[Any]:
    """The same indicators as definitions of the registry (`eenplan.sturing.registry`)."""
    from eenplan.sturing.registry import Eenheid
    from eenplan.sturing.registry import Indicator as RegisterIndicator

    return [
        RegisterIndicator(
            id=eigen.id,
            naam=eigen.naam,
            definitie=eigen.definitie,
            bron=eigen.bron,
            eenheid=Eenheid.PROCENT,
            dimensies=("wijk", "aanbieder", "maand", "kwartaal", "jaar"),
            meting=partial(_meting, eigen.id.removeprefix("cev_")),
            thema="Cliëntervaring",
            telt="respondenten",
        )
        for eigen in ENQUETE_INDICATOREN
    ]
