"""The steering figures of debt help (issue 14), added to the indicator registry of `sturing`
at start-up (`apps.ready`), as mantelzorg's are: they appear on /sturing/, in
/api/v1/indicatoren/, the exports and the monthly snapshots, aggregates only with small cells
suppressed. This is the one module of the app that reads `sturing` (pyproject.toml).

Sources: Wgs art. 3a/3b (signals of payment arrears and the offer of help), art. 4 lid 1-2 (the
first conversation within four weeks, three working days on a threat); seed 002 bijlage 3
(Midden-Limburg: "Het aantal inwoners dat deelneemt aan trajecten in het kader van
schulddienstverlening, de status en resultaten van de trajecten", L1933-1935); seed 004
L2395-2397 (fewer evictions through rent arrears)."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, Sum

from eenplan.schuldhulp.constants import SchuldeiserSoort, Triage
from eenplan.schuldhulp.models import Contactpoging, Schuldvraag, Vroegsignaal
from eenplan.sturing import registry
from eenplan.sturing.metingen import Meting, Vraag, dagen, leeftijd, perioden
from eenplan.sturing.registry import Dimensie, Eenheid, Indicator

THEMA = "Schuldhulpverlening"
WGS = "Wet gemeentelijke schuldhulpverlening"


def _signalen(v: Vraag) -> Meting:
    """Signals of payment arrears received in the period, by kind of creditor."""
    rijen = Vroegsignaal.objects.filter(
        gemeente_id=v.gemeente_id, ontvangen_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={
            "schuldeiser": "schuldeiser_soort",
            "wijk": "inwoner__wijk__code",
            **perioden("ontvangen_op"),
        },
        eenheden=Count("inwoner_id", distinct=True),
        teller=Count("pk"),
    )


def _contact(v: Vraag) -> Meting:
    """Of the signals of the period: the share with at least one contact attempt."""
    poging = Contactpoging.objects.filter(signaal_id=OuterRef("pk"))
    rijen = Vroegsignaal.objects.filter(
        gemeente_id=v.gemeente_id, ontvangen_op__range=(v.van, v.tot)
    ).annotate(_contact=Exists(poging))
    return Meting(
        rijen=rijen,
        dims={
            "schuldeiser": "schuldeiser_soort",
            "wijk": "inwoner__wijk__code",
            **perioden("ontvangen_op"),
        },
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(_contact=True)),
    )


def _eerste_gesprek(v: Vraag) -> Meting:
    rijen = Schuldvraag.objects.filter(
        gemeente_id=v.gemeente_id, eerste_gesprek_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={
            "wijk": "inwoner__wijk__code",
            "leeftijd": leeftijd("inwoner", v.tot),
            **perioden("eerste_gesprek_op"),
        },
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(eerste_gesprek_op__lte=F("eerste_gesprek_uiterlijk"))),
    )


def _dagen_tot_gesprek(v: Vraag) -> Meting:
    rijen = Schuldvraag.objects.filter(
        gemeente_id=v.gemeente_id, eerste_gesprek_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={"wijk": "inwoner__wijk__code", **perioden("eerste_gesprek_op")},
        eenheden=Count("pk"),
        som=Sum(dagen("eerste_gesprek_op", "verzoek_op")),
        som_in_dagen=True,
    )


def _trajecten(v: Vraag) -> Meting:
    """Debt questions running on the peildatum, by triage (Midden-Limburg: residents in debt
    trajectories and their status)."""
    rijen = Schuldvraag.objects.filter(
        Q(afgerond_op__isnull=True) | Q(afgerond_op__gt=v.tot),
        gemeente_id=v.gemeente_id,
        verzoek_op__lte=v.tot,
    )
    return Meting(
        rijen=rijen,
        dims={"triage": "triage", "wijk": "inwoner__wijk__code"},
        eenheden=Count("inwoner_id", distinct=True),
    )


INDICATOREN = [
    Indicator(
        id="schuld_signalen",
        naam="Vroegsignalen van betalingsachterstand",
        definitie="Het aantal signalen van betalingsachterstand van verhuurders, "
        "energieleveranciers, drinkwaterbedrijven en zorgverzekeraars in de periode, naar "
        "soort schuldeiser.",
        bron=f"{WGS} art. 3a (vanaf 1 januari 2021)",
        eenheid=Eenheid.AANTAL,
        dimensies=("schuldeiser", "wijk", "maand", "kwartaal", "jaar"),
        meting=_signalen,
        thema=THEMA,
        telt="signalen",
    ),
    Indicator(
        id="schuld_signalen_contact",
        naam="Vroegsignalen met contactpoging",
        definitie="Van de signalen van betalingsachterstand uit de periode: het deel waarna de "
        "gemeente ten minste één keer contact zocht om hulp aan te bieden.",
        bron=f"{WGS} art. 3b (hulp aanbieden na een signaal)",
        eenheid=Eenheid.PROCENT,
        dimensies=("schuldeiser", "wijk", "maand", "kwartaal", "jaar"),
        meting=_contact,
        thema=THEMA,
        telt="signalen",
    ),
    Indicator(
        id="schuld_eerste_gesprek_tijdig",
        naam="Eerste gesprek schuldhulp binnen de wettelijke termijn",
        definitie="Van de schuldvragen met een eerste gesprek in de periode: het deel waarbij "
        "dat gesprek binnen vier weken na het verzoek was, of binnen drie werkdagen bij een "
        "dreigende ontruiming, afsluiting of opzegging van de zorgverzekering.",
        bron=f"{WGS} art. 4 lid 1 en 2",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "leeftijd", "maand", "kwartaal", "jaar"),
        meting=_eerste_gesprek,
        thema=THEMA,
        telt="schuldvragen",
    ),
    Indicator(
        id="schuld_dagen_tot_eerste_gesprek",
        naam="Dagen tot het eerste gesprek schuldhulp",
        definitie="Het gemiddeld aantal dagen van het verzoek om schuldhulp tot het eerste "
        "gesprek, voor de eerste gesprekken in de periode.",
        bron=f"{WGS} art. 4 lid 1 en 2",
        eenheid=Eenheid.DAGEN,
        dimensies=("wijk", "maand", "kwartaal", "jaar"),
        meting=_dagen_tot_gesprek,
        thema=THEMA,
        telt="schuldvragen",
    ),
    Indicator(
        id="schuld_trajecten_lopend",
        naam="Inwoners met een lopende schuldvraag",
        definitie="Het aantal inwoners met een schuldvraag die op de peildatum loopt, naar de "
        "uitkomst van de triage (leeg: nog niet getrieerd).",
        bron="seed 002 bijlage 3 (Midden-Limburg: deelnemers aan trajecten "
        "schulddienstverlening, status en resultaten); seed 004 L1360-1368 (triage)",
        eenheid=Eenheid.AANTAL,
        dimensies=("triage", "wijk"),
        meting=_trajecten,
        thema=THEMA,
        stand=True,
    ),
]


def registreer() -> None:
    """Add the dimension and the indicators to the registry once (after the registry's own)."""
    registry.alle()
    if "schuldeiser" not in registry.DIMENSIES:
        registry.registreer_dimensie(
            Dimensie("schuldeiser", "Soort schuldeiser", labels=tuple(SchuldeiserSoort.choices))
        )
    if "triage" not in registry.DIMENSIES:
        registry.registreer_dimensie(
            Dimensie(
                "triage",
                "Triage schuldhulp",
                labels=(("", "Nog niet getrieerd"), *Triage.choices),
            )
        )
    for indicator in INDICATOREN:
        if registry.get(indicator.id) is None:
            registry.registreer(indicator)
