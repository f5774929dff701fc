"""The steering figures of mantelzorg and volunteers (issue 15), added to the indicator registry
of `sturing` at start-up (`apps.ready`), as `beleid` adds its survey indicators: they appear on
/sturing/, in /api/v1/indicatoren/, the exports and the monthly snapshots, aggregates only with
small cells suppressed.

This is the one module of the app that reads `sturing` (the registry and the measurement
engine); the import contract allows exactly this module to (pyproject.toml). The onderzoek's own
M1 figure (`mantelzorg_besproken`, the checkbox of the onderzoek) stays in sturing; here is the
share for residents with a *registered* carer.

Sources: seed 002 §3.3 and bijlage 3 (Midden-Limburg: "(geregistreerde) mantelzorgers", M1,
the analysis of respijtzorg demand and supply), seed 003a §5.3 (the volunteer vacaturebank per
area, matching), seed 004 L776-782 (Zorg voor Elkaar)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from eenplan.mantelzorg.constants import RespijtSoort, RespijtStatus
from eenplan.mantelzorg.models import Belasting, Match, RespijtzorgVraag, Zorgrelatie
from eenplan.onderzoeken.models import Onderzoek
from eenplan.sturing import registry
from eenplan.sturing.metingen import Meting, Vraag, leeftijd, perioden
from eenplan.sturing.registry import Eenheid, Indicator

SEED_ML = "seed 002 (Midden-Limburg, thema 3 en bijlage 3)"
THEMA = "Mantelzorg en vrijwilligers"


def _mantelzorgers(v: Vraag) -> Meting:
    """Carers with a running care relation on the peildatum, by the cared-for resident's wijk
    (a carer of residents in two wijken counts in each)."""
    rijen = Zorgrelatie.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=v.tot),
        mantelzorger__gemeente_id=v.gemeente_id,
        sinds__lte=v.tot,
    )
    return Meting(
        rijen=rijen,
        dims={"wijk": "inwoner__wijk__code", "leeftijd": leeftijd("inwoner", v.tot)},
        eenheden=Count("mantelzorger_id", distinct=True),
    )


def _behoefte_besproken(v: Vraag) -> Meting:
    """Onderzoeken whose verslag became final in the period, of residents with a registered
    carer then: the share in which the carer's need was discussed (the onderzoek's checkbox, or
    the carer's burden recorded in it)."""
    zorg = Zorgrelatie.objects.filter(
        Q(tot__isnull=True) | Q(tot__gte=OuterRef("verslag_definitief_op__date")),
        inwoner_id=OuterRef("inwoner_id"),
        sinds__lte=OuterRef("verslag_definitief_op__date"),
    )
    belasting = Belasting.objects.filter(onderzoek_id=OuterRef("pk"))
    rijen = Onderzoek.objects.filter(
        Exists(zorg),
        melding__gemeente_id=v.gemeente_id,
        verslag_definitief_op__date__range=(v.van, v.tot),
    ).annotate(_belasting=Exists(belasting))
    return Meting(
        rijen=rijen,
        dims={
            "wijk": "inwoner__wijk__code",
            "leeftijd": leeftijd("inwoner", v.tot),
            **perioden("verslag_definitief_op"),
        },
        eenheden=Count("inwoner_id", distinct=True),
        teller=Count(
            "inwoner_id",
            distinct=True,
            filter=Q(mantelzorger_besproken=True) | Q(_belasting=True),
        ),
    )


def _respijt_vragen(v: Vraag) -> Meting:
    rijen = RespijtzorgVraag.objects.filter(
        mantelzorger__gemeente_id=v.gemeente_id, gevraagd_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={"soort": "soort", "wijk": "inwoner__wijk__code", **perioden("gevraagd_op")},
        eenheden=Count("mantelzorger_id", distinct=True),
        teller=Count("pk"),
        labels={"soort": dict(RespijtSoort.choices)},
    )


def _respijt_gedekt(v: Vraag) -> Meting:
    """Of the requests of the period that have an outcome (delivered, or not delivered for want
    of an offer; withdrawn ones left out): the share delivered."""
    rijen = RespijtzorgVraag.objects.filter(
        mantelzorger__gemeente_id=v.gemeente_id,
        gevraagd_op__range=(v.van, v.tot),
        status__in=[RespijtStatus.GELEVERD, RespijtStatus.NIET_GELEVERD],
    )
    return Meting(
        rijen=rijen,
        dims={"soort": "soort", "wijk": "inwoner__wijk__code", **perioden("gevraagd_op")},
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(status=RespijtStatus.GELEVERD)),
        labels={"soort": dict(RespijtSoort.choices)},
    )


def _vrijwilligers_gekoppeld(v: Vraag) -> Meting:
    rijen = Match.objects.filter(
        klus__gemeente_id=v.gemeente_id, gekoppeld_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={"wijk": "klus__wijk__code", **perioden("gekoppeld_op")},
        eenheden=Count("vrijwilliger_id", distinct=True),
    )


INDICATOREN = [
    Indicator(
        id="mantelzorgers_geregistreerd",
        naam="Geregistreerde mantelzorgers",
        definitie="Het aantal mantelzorgers dat op de peildatum voor een inwoner zorgt, naar "
        "de wijk van de inwoner voor wie gezorgd wordt.",
        bron=f"{SEED_ML}: '(geregistreerde) mantelzorgers' (L2368-2369)",
        eenheid=Eenheid.AANTAL,
        dimensies=("wijk", "leeftijd"),
        meting=_mantelzorgers,
        thema=THEMA,
        telt="mantelzorgers",
        stand=True,
    ),
    Indicator(
        id="mantelzorger_behoefte_besproken",
        naam="Behoefte van de mantelzorger besproken",
        definitie="Van de inwoners met een geregistreerde mantelzorger van wie het verslag van "
        "het onderzoek in de periode definitief werd: het deel bij wie de ondersteuningsbehoefte "
        "van de mantelzorger is besproken (aangevinkt, of de belasting vastgelegd).",
        bron=f"{SEED_ML}, M1 (L2336-2341); Wmo 2015 art. 2.3.2 lid 4 onder d",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "leeftijd", "maand", "kwartaal", "jaar"),
        meting=_behoefte_besproken,
        thema=THEMA,
    ),
    Indicator(
        id="respijtzorg_gevraagd",
        naam="Vragen om respijtzorg",
        definitie="Het aantal vragen om respijtzorg in de periode, naar soort.",
        bron=f"{SEED_ML}, subdoel 3 en activiteit 1: analyse van vraag en aanbod respijtzorg",
        eenheid=Eenheid.AANTAL,
        dimensies=("soort", "wijk", "maand", "kwartaal", "jaar"),
        meting=_respijt_vragen,
        thema=THEMA,
        telt="vragen",
    ),
    Indicator(
        id="respijtzorg_gedekt",
        naam="Respijtzorg: geleverd tegenover gevraagd",
        definitie="Van de vragen om respijtzorg uit de periode die zijn afgehandeld: het deel "
        "dat geleverd is. De rest kon niet worden geleverd omdat er geen aanbod was.",
        bron=f"{SEED_ML}, resultaat 3: 'Vraag en aanbod respijtzorg afgestemd' (L996-997)",
        eenheid=Eenheid.PROCENT,
        dimensies=("soort", "wijk", "maand", "kwartaal", "jaar"),
        meting=_respijt_gedekt,
        thema=THEMA,
        telt="vragen",
    ),
    Indicator(
        id="vrijwilligers_gekoppeld",
        naam="Vrijwilligers gekoppeld aan een klus",
        definitie="Het aantal vrijwilligers dat in de periode aan minstens één klus is "
        "gekoppeld, naar de wijk van de klus.",
        bron="seed 003a §5.3 (vacaturebank per gebied, matching); seed 004 L776-782",
        eenheid=Eenheid.AANTAL,
        dimensies=("wijk", "maand", "kwartaal", "jaar"),
        meting=_vrijwilligers_gekoppeld,
        thema=THEMA,
        telt="vrijwilligers",
    ),
]


def registreer() -> None:
    """Add the indicators to the registry once (after the registry's own)."""
    registry.alle()
    for indicator in INDICATOREN:
        if registry.get(indicator.id) is None:
            registry.registreer(indicator)
