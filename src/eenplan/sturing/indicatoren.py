"""The indicators, each defined once: metadata and its measurement side by side.

Sources: the seed documents in docs/../shared/seeds (line numbers as in the seed notes), the
laws, and the national sets (BBV beleidsindicatoren, CBS Gemeentelijke Monitor Sociaal Domein;
see docs/sturing.md). `Vraag.van`/`tot` is the period; a stock (`stand=True`) is counted on
`tot`."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from eenplan.berichten import kosten
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.bezwaren.models import Bezwaar
from eenplan.inwoners.models import Huishouden, Inwoner
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek, ZrmScore
from eenplan.plannen.constants import ACTIEVE_STATUSSEN
from eenplan.plannen.models import Doel, Plan, Regisseur, Voorstel
from eenplan.sturing.metingen import (
    Meting,
    Vraag,
    actief_op,
    dagen,
    huishouden_wijk,
    huishoudtype,
    jaren_terug,
    leeftijd,
    perioden,
    persoon_of_record,
)
from eenplan.sturing.registry import Eenheid, Indicator, registreer

SEED_VENLO = "seed 000 (Venlo, bijlage monitor)"
SEED_ML = "seed 002 (Midden-Limburg, bijlage 3)"
BBV = "BBV verplichte beleidsindicatoren sociaal domein (waarstaatjegemeente.nl)"

# --- helpers: the dimensions every resident-based indicator shares ---------------------------


def _persoon_dims(pad: str, v: Vraag) -> dict:
    return {
        "wijk": f"{pad}__wijk__code" if pad else "wijk__code",
        "leeftijd": leeftijd(pad, v.tot),
        "huishouden": huishoudtype(pad, v.tot),
    }


# --- front door -------------------------------------------------------------------------------


def _meldingen(v: Vraag) -> Meting:
    rijen = Melding.objects.filter(gemeente_id=v.gemeente_id, ontvangen_op__range=(v.van, v.tot))
    return Meting(
        rijen=rijen,
        dims={
            "kanaal": "kanaal",
            "melder": "melder_soort",
            "team": "team__naam",
            **_persoon_dims("inwoner", v),
            **perioden("ontvangen_op"),
        },
        eenheden=Count(persoon_of_record("inwoner_id"), distinct=True),
        teller=Count("pk"),
    )


def _meldingen_netwerk(v: Vraag) -> Meting:
    m = _meldingen(v)
    return Meting(
        rijen=m.rijen,
        dims={k: d for k, d in m.dims.items() if k != "melder"},
        eenheden=Count(persoon_of_record("inwoner_id"), distinct=True),
        teller=Count(
            persoon_of_record("inwoner_id"), distinct=True, filter=Q(melder_soort="netwerk")
        ),
    )


registreer(
    Indicator(
        id="meldingen",
        naam="Meldingen",
        definitie="Het aantal inwoners (of, zolang onbekend, meldingen) met een melding die in de "
        "periode binnenkwam, naar kanaal en melder.",
        bron=f"{SEED_VENLO}, indicator 2 'Hoe komt de burger … terecht?' (seed 000 L1835–1841); "
        "Wmo 2015 art. 2.3.2",
        eenheid=Eenheid.AANTAL,
        dimensies=(
            "kanaal",
            "melder",
            "wijk",
            "team",
            "leeftijd",
            "huishouden",
            "maand",
            "kwartaal",
            "jaar",
        ),
        meting=_meldingen,
        thema="Toegang",
    )
)
registreer(
    Indicator(
        id="meldingen_via_netwerk",
        naam="Meldingen via het netwerk",
        definitie="Van de inwoners met een melding in de periode: het deel van wie de melding "
        "door een mantelzorger of iemand uit het netwerk is gedaan (Venlo: 'ruim een kwart').",
        bron=f"{SEED_VENLO}, indicator 2 (seed 000 L1838–1839)",
        eenheid=Eenheid.PROCENT,
        dimensies=("kanaal", "wijk", "team", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_meldingen_netwerk,
        thema="Toegang",
    )
)


# --- lead times ---------------------------------------------------------------------------------


def _onderzoek_klaar(v: Vraag) -> Meting:
    rijen = Melding.objects.filter(
        gemeente_id=v.gemeente_id,
        inwoner__isnull=False,
        onderzoek_afgerond_op__range=(v.van, v.tot),
    )
    return Meting(
        rijen=rijen,
        dims={
            "team": "team__naam",
            **_persoon_dims("inwoner", v),
            **perioden("onderzoek_afgerond_op"),
        },
        eenheden=Count("pk"),
        som=Sum(dagen("onderzoek_afgerond_op", "ontvangen_op")),
        som_in_dagen=True,
    )


def _onderzoek_op_tijd(v: Vraag) -> Meting:
    m = _onderzoek_klaar(v)
    rijen = m.rijen.filter(onderzoek_uiterlijk__isnull=False)
    return Meting(
        rijen=rijen,
        dims=m.dims,
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(onderzoek_afgerond_op__lte=F("onderzoek_uiterlijk"))),
    )


def _besluit(v: Vraag) -> Meting:
    # The first decision on an aanvraag (a herziening is not a new lead time).
    rijen = Beschikking.objects.filter(
        gemeente_id=v.gemeente_id, herziet__isnull=True, besloten_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={"wet": "aanvraag__wet", **_persoon_dims("inwoner", v), **perioden("besloten_op")},
        eenheden=Count("pk"),
        som=Sum(dagen("besloten_op", "aanvraag__ontvangen_op")),
        som_in_dagen=True,
    )


def _besluit_op_tijd(v: Vraag) -> Meting:
    m = _besluit(v)
    return Meting(
        rijen=m.rijen,
        dims=m.dims,
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(besloten_op__lte=F("aanvraag__beslissen_uiterlijk"))),
    )


registreer(
    Indicator(
        id="doorlooptijd_melding_onderzoek",
        naam="Doorlooptijd melding → onderzoek",
        definitie="Gemiddeld aantal kalenderdagen van de melding tot het verslag van het "
        "onderzoek definitief werd, voor onderzoeken die in de periode klaar waren.",
        bron="Wmo 2015 art. 2.3.2 lid 1 (onderzoek binnen zes weken); BRIEF §5",
        eenheid=Eenheid.DAGEN,
        dimensies=("wijk", "team", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_onderzoek_klaar,
        thema="Toegang",
        telt="onderzoeken",
    )
)
registreer(
    Indicator(
        id="onderzoek_binnen_termijn",
        naam="Onderzoek binnen de wettelijke termijn",
        definitie="Van de onderzoeken die in de periode klaar waren: het deel dat klaar was "
        "op of voor de uiterste dag (zes weken na de melding, opschorting meegerekend).",
        bron="Wmo 2015 art. 2.3.2 lid 1; Algemene termijnenwet",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "team", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_onderzoek_op_tijd,
        thema="Toegang",
        telt="onderzoeken",
    )
)
registreer(
    Indicator(
        id="doorlooptijd_aanvraag_beschikking",
        naam="Doorlooptijd aanvraag → beschikking",
        definitie="Gemiddeld aantal kalenderdagen van de aanvraag tot het eerste besluit "
        "erop, voor besluiten in de periode.",
        bron="Wmo 2015 art. 2.3.5 lid 1 (twee weken); Jeugdwet art. 2.3 en Awb 4:13 (acht weken)",
        eenheid=Eenheid.DAGEN,
        dimensies=("wet", "wijk", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_besluit,
        thema="Toegang",
        telt="beschikkingen",
    )
)
registreer(
    Indicator(
        id="beschikking_binnen_termijn",
        naam="Beschikking binnen de wettelijke termijn",
        definitie="Van de eerste besluiten in de periode: het deel dat genomen werd op of voor "
        "de uiterste beslisdatum van de aanvraag.",
        bron="Wmo 2015 art. 2.3.5 lid 1; Awb 4:13",
        eenheid=Eenheid.PROCENT,
        dimensies=("wet", "wijk", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_besluit_op_tijd,
        thema="Toegang",
        telt="beschikkingen",
    )
)


# --- plans ------------------------------------------------------------------------------------


def _lopende_plannen(v: Vraag):
    return Plan.objects.filter(
        huishouden__gemeente_id=v.gemeente_id,
        status__in=ACTIEVE_STATUSSEN,
        created_at__date__lte=v.tot,
    )


def _plannen(v: Vraag) -> Meting:
    return Meting(
        rijen=_lopende_plannen(v),
        dims={"wijk": huishouden_wijk("huishouden_id", v.tot)},
        eenheden=Count("huishouden_id", distinct=True),
    )


def _doelen(v: Vraag) -> Meting:
    rijen = Doel.objects.filter(plan__in=_lopende_plannen(v).values("pk"))
    return Meting(
        rijen=rijen,
        dims={
            "doeltype": "doeltype",
            "leefgebied": "leefgebied__naam",
            **_persoon_dims("inwoner", v),
        },
        eenheden=Count("inwoner_id", distinct=True),
        teller=Count("pk"),
    )


def _doelen_versterken(v: Vraag) -> Meting:
    m = _doelen(v)
    return Meting(
        rijen=m.rijen,
        dims={k: d for k, d in m.dims.items() if k != "doeltype"},
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(doeltype="versterken")),
    )


def _regisseur(v: Vraag) -> Meting:
    rijen = Regisseur.objects.filter(
        Q(tot__isnull=True) | Q(tot__gt=v.tot),
        van__lte=v.tot,
        plan__in=_lopende_plannen(v).values("pk"),
    )
    return Meting(
        rijen=rijen,
        dims={"wijk": huishouden_wijk("plan__huishouden_id", v.tot)},
        eenheden=Count("plan__huishouden_id", distinct=True),
        teller=Count("plan__huishouden_id", distinct=True, filter=Q(soort="professional")),
    )


registreer(
    Indicator(
        id="plannen",
        naam="Lopende plannen",
        definitie="Het aantal huishoudens met een lopend plan (concept, ondertekend of "
        "gewijzigd) op de peildatum: één plan per huishouden.",
        bron=f"{SEED_VENLO}, indicator 1 'Aantal leefzorgplannen' (seed 000 L1825–1832)",
        eenheid=Eenheid.AANTAL,
        dimensies=("wijk",),
        meting=_plannen,
        thema="Eén plan",
        telt="huishoudens",
        stand=True,
    )
)
registreer(
    Indicator(
        id="doelen_per_soort",
        naam="Doelen in de plannen",
        definitie="Het aantal doelen in lopende plannen op de peildatum, naar soort doel "
        "(versterken, stabiliseren, ondersteunen bij achteruitgang) en leefgebied.",
        bron=f"{SEED_VENLO}, indicator 7 'Doel van de ondersteuning' (seed 000 L1926–1940)",
        eenheid=Eenheid.AANTAL,
        dimensies=("doeltype", "leefgebied", "wijk", "leeftijd", "huishouden"),
        meting=lambda v: _aantal_doelen(v),
        thema="Eén plan",
        stand=True,
    )
)


def _aantal_doelen(v: Vraag) -> Meting:
    m = _doelen(v)
    # The count shown is the number of goals; the suppression count the residents behind them.
    return Meting(rijen=m.rijen, dims=m.dims, eenheden=m.eenheden, teller=m.teller)


registreer(
    Indicator(
        id="doelen_versterken",
        naam="Doelen gericht op versterken",
        definitie="Van de doelen in lopende plannen: het deel gericht op het versterken van de "
        "zelfredzaamheid (Venlo: ongeveer de helft).",
        bron=f"{SEED_VENLO}, indicator 7 (seed 000 L1926–1940)",
        eenheid=Eenheid.PROCENT,
        dimensies=("leefgebied", "wijk", "leeftijd", "huishouden"),
        meting=_doelen_versterken,
        thema="Eén plan",
        telt="doelen",
        stand=True,
    )
)
registreer(
    Indicator(
        id="regie_professional",
        naam="Plannen met een professionele regisseur",
        definitie="Van de huishoudens met een lopend plan en een regisseur: het deel waarvan "
        "de regisseur een professional is (Venlo: 8%).",
        bron=f"{SEED_VENLO}, indicator 8 (seed 000 L1943–1959)",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk",),
        meting=_regisseur,
        thema="Eén plan",
        telt="huishoudens",
        stand=True,
    )
)


# --- life domains (ZRM) -------------------------------------------------------------------------


def _laatste(v: Vraag) -> Q:
    """A score that is the latest of its resident and leefgebied on the peildatum."""
    later = ZrmScore.objects.filter(
        inwoner_id=OuterRef("inwoner_id"),
        leefgebied_id=OuterRef("leefgebied_id"),
        datum__lte=v.tot,
    ).filter(Q(datum__gt=OuterRef("datum")) | Q(datum=OuterRef("datum"), pk__gt=OuterRef("pk")))
    return ~Q(Exists(later))


def _leefgebieden(v: Vraag) -> Meting:
    problemen = (
        ZrmScore.objects.filter(
            _laatste(v), inwoner_id=OuterRef("pk"), datum__lte=v.tot, score__lte=2
        )
        .order_by()
        .values("inwoner_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    rijen = Inwoner.objects.filter(
        gemeente_id=v.gemeente_id,
        pk__in=ZrmScore.objects.filter(datum__lte=v.tot).values("inwoner_id"),
    ).annotate(problemen=Coalesce(Subquery(problemen), 0))
    return Meting(
        rijen=rijen,
        dims=_persoon_dims("", v),
        eenheden=Count("pk"),
        som=Sum("problemen"),
    )


def _zrm_verandering(v: Vraag) -> Meting:
    eerste = (
        ZrmScore.objects.filter(
            inwoner_id=OuterRef("inwoner_id"), leefgebied_id=OuterRef("leefgebied_id")
        )
        .order_by("datum", "pk")
        .values("score")[:1]
    )
    eerder = ZrmScore.objects.filter(
        inwoner_id=OuterRef("inwoner_id"),
        leefgebied_id=OuterRef("leefgebied_id"),
        datum__lt=OuterRef("datum"),
    )
    rijen = (
        ZrmScore.objects.filter(_laatste(v), inwoner__gemeente_id=v.gemeente_id, datum__lte=v.tot)
        .filter(Exists(eerder))
        .annotate(eerste=Subquery(eerste))
        .annotate(verschil=F("score") - F("eerste"))
    )
    return Meting(
        rijen=rijen,
        dims={"leefgebied": "leefgebied__naam", **_persoon_dims("inwoner", v)},
        eenheden=Count("inwoner_id", distinct=True),
        teller=Count("pk"),
        som=Sum("verschil"),
    )


registreer(
    Indicator(
        id="leefgebieden_met_problemen",
        naam="Leefgebieden met problemen per cliënt",
        definitie="Gemiddeld aantal leefgebieden waarop een inwoner met een ZRM-score bij de "
        "laatste score 1 of 2 heeft (acute problematiek of niet zelfredzaam).",
        bron=f"{SEED_VENLO}, indicatoren 5 en 6 (seed 000 L1882–1925); Zelfredzaamheid-Matrix",
        eenheid=Eenheid.GEMIDDELDE,
        dimensies=("wijk", "leeftijd", "huishouden"),
        meting=_leefgebieden,
        thema="Eén plan",
        stand=True,
    )
)
registreer(
    Indicator(
        id="zrm_verandering",
        naam="Verandering in zelfredzaamheid (ZRM)",
        definitie="Gemiddelde verandering tussen de eerste en de laatste ZRM-score per "
        "inwoner en leefgebied, voor wie minstens twee scores heeft (positief is beter).",
        bron=f"{SEED_ML}, resultaten van trajecten; Zelfredzaamheid-Matrix",
        eenheid=Eenheid.GEMIDDELDE,
        dimensies=("leefgebied", "wijk", "leeftijd", "huishouden"),
        meting=lambda v: _zrm_per_gebied(v),
        thema="Eén plan",
        stand=True,
    )
)


def _zrm_per_gebied(v: Vraag) -> Meting:
    m = _zrm_verandering(v)
    # The average is over (resident, leefgebied) pairs; suppression counts residents.
    return Meting(rijen=m.rijen, dims=m.dims, eenheden=m.eenheden, teller=m.teller, som=m.som)


# --- provisions ---------------------------------------------------------------------------------


def _voorzieningen(v: Vraag):
    return BeschikteVoorziening.objects.filter(
        actief_op("", v.tot),
        beschikking__gemeente_id=v.gemeente_id,
    ).exclude(voorziening__soort="algemeen")


def _voorziening_dims(v: Vraag) -> dict:
    return {
        "wet": "voorziening__wet",
        "soort": "voorziening__soort",
        "productcategorie": "voorziening__productcategorie",
        "leveringsvorm": "leveringsvorm",
        "aanbieder": "aanbieder__naam",
        **_persoon_dims("beschikking__inwoner", v),
    }


def _clienten(v: Vraag) -> Meting:
    return Meting(
        rijen=_voorzieningen(v),
        dims=_voorziening_dims(v),
        eenheden=Count("beschikking__inwoner_id", distinct=True),
    )


def _aantal_voorzieningen(v: Vraag) -> Meting:
    return Meting(
        rijen=_voorzieningen(v),
        dims=_voorziening_dims(v),
        eenheden=Count("beschikking__inwoner_id", distinct=True),
        teller=Count("pk"),
    )


def _pgb(v: Vraag) -> Meting:
    dims = _voorziening_dims(v)
    del dims["leveringsvorm"]
    return Meting(
        rijen=_voorzieningen(v),
        dims=dims,
        eenheden=Count("beschikking__inwoner_id", distinct=True),
        teller=Count("beschikking__inwoner_id", distinct=True, filter=Q(leveringsvorm="pgb")),
    )


def _kanteling(v: Vraag) -> Meting:
    rijen = Voorstel.objects.filter(
        plan__huishouden__gemeente_id=v.gemeente_id,
        created_at__date__range=(v.van, v.tot),
        ladderstap__gte=4,
    )
    return Meting(
        rijen=rijen,
        dims={"wet": "wet", **_persoon_dims("inwoner", v), **perioden("created_at")},
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(ladderstap=4)),
    )


def _maatwerk_per_huishouden(v: Vraag) -> QuerySet[BeschikteVoorziening]:
    """Per household (of a current member on the peildatum) the number of different running
    maatwerk provisions of its members: one grouped query, used as a set by `_stapeling`."""
    return (
        BeschikteVoorziening.objects.filter(
            actief_op("", v.tot),
            beschikking__gemeente_id=v.gemeente_id,
            beschikking__inwoner__lidmaatschappen__lid_van__lte=v.tot,
        )
        .filter(
            Q(beschikking__inwoner__lidmaatschappen__lid_tot__isnull=True)
            | Q(beschikking__inwoner__lidmaatschappen__lid_tot__gt=v.tot)
        )
        .exclude(voorziening__soort="algemeen")
        .order_by()
        .values("beschikking__inwoner__lidmaatschappen__huishouden_id")
        .annotate(n=Count("voorziening_id", distinct=True))
    )


def _stapeling(v: Vraag) -> Meting:
    # Two uncorrelated sets (households with maatwerk; with two or more different provisions)
    # instead of a count per household: the database computes each once (docs/benchmarks.md).
    per_huishouden = _maatwerk_per_huishouden(v)
    huishoudens = per_huishouden.values("beschikking__inwoner__lidmaatschappen__huishouden_id")
    gestapeld = per_huishouden.filter(n__gte=2).values(
        "beschikking__inwoner__lidmaatschappen__huishouden_id"
    )
    rijen = Huishouden.objects.filter(gemeente_id=v.gemeente_id, pk__in=huishoudens)
    return Meting(
        rijen=rijen,
        dims={"wijk": huishouden_wijk("pk", v.tot)},
        eenheden=Count("pk"),
        teller=Count("pk", filter=Q(pk__in=gestapeld)),
    )


registreer(
    Indicator(
        id="clienten_maatwerk",
        naam="Cliënten met een maatwerkvoorziening",
        definitie="Het aantal inwoners met minstens één toegekende maatwerkvoorziening "
        "(individueel of collectief) die loopt op de peildatum.",
        bron=f"{SEED_VENLO}, 'voorzieningen per type'; CBS GMSD 'Wmo-cliënten; type "
        "maatwerkvoorziening'",
        eenheid=Eenheid.AANTAL,
        dimensies=(
            "wet",
            "soort",
            "productcategorie",
            "leveringsvorm",
            "aanbieder",
            "wijk",
            "leeftijd",
            "huishouden",
        ),
        meting=_clienten,
        thema="Voorzieningen",
        stand=True,
    )
)
registreer(
    Indicator(
        id="maatwerkvoorzieningen",
        naam="Lopende maatwerkvoorzieningen",
        definitie="Het aantal toegekende maatwerkvoorzieningen dat loopt op de peildatum, naar "
        "wet, soort, productcategorie, leveringsvorm en aanbieder.",
        bron=f"{SEED_VENLO}, 'voorzieningen per type'; {SEED_ML}",
        eenheid=Eenheid.AANTAL,
        dimensies=(
            "wet",
            "soort",
            "productcategorie",
            "leveringsvorm",
            "aanbieder",
            "wijk",
            "leeftijd",
            "huishouden",
        ),
        meting=_aantal_voorzieningen,
        thema="Voorzieningen",
        telt="voorzieningen",
        stand=True,
    )
)
registreer(
    Indicator(
        id="pgb_aandeel",
        naam="Cliënten met een pgb",
        definitie="Van de inwoners met een lopende maatwerkvoorziening: het deel met minstens "
        "één voorziening als persoonsgebonden budget.",
        bron="Wmo 2015 art. 2.3.6; Jeugdwet art. 8.1.1; BRIEF §5",
        eenheid=Eenheid.PROCENT,
        dimensies=(
            "wet",
            "soort",
            "productcategorie",
            "aanbieder",
            "wijk",
            "leeftijd",
            "huishouden",
        ),
        meting=_pgb,
        thema="Voorzieningen",
        stand=True,
    )
)
registreer(
    Indicator(
        id="kanteling",
        naam="Algemeen vóór maatwerk (de kanteling)",
        definitie="Van de voorgestelde voorzieningen in de plannen van de periode: het deel dat "
        "een algemene voorziening is (treden 4 tot en met 6 van de ladder tellen mee).",
        bron="seed 000 L370–373 ('van maatwerkvoorzieningen naar algemene voorzieningen'); "
        "seed 001 L416; Wmo 2015 art. 2.3.5 lid 3",
        eenheid=Eenheid.PROCENT,
        dimensies=("wet", "wijk", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_kanteling,
        thema="Voorzieningen",
        telt="voorstellen",
    )
)
registreer(
    Indicator(
        id="stapeling",
        naam="Stapeling van voorzieningen per huishouden",
        definitie="Van de huishoudens met een lopende maatwerkvoorziening: het deel met twee of "
        "meer verschillende maatwerkvoorzieningen tegelijk (voor één of meer leden).",
        bron="seed 000 L764 en L842 (stapeling); CBS GMSD 'stapeling'",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk",),
        meting=_stapeling,
        thema="Voorzieningen",
        telt="huishoudens",
        stand=True,
    )
)


# --- onderzoek, bezwaar -------------------------------------------------------------------------


def _mantelzorg(v: Vraag) -> Meting:
    # M1 asks whether the support of *the mantelzorger* was discussed (seed 002 bijlage 3,
    # L2336-2341): an onderzoek without a mantelzorger (the field left empty,
    # `rules.onderzoek`) is in neither the numerator nor the denominator.
    rijen = Onderzoek.objects.filter(
        melding__gemeente_id=v.gemeente_id,
        verslag_definitief_op__date__range=(v.van, v.tot),
        mantelzorger_besproken__isnull=False,
    )
    return Meting(
        rijen=rijen,
        dims={**_persoon_dims("inwoner", v), **perioden("verslag_definitief_op")},
        eenheden=Count("inwoner_id", distinct=True),
        teller=Count("inwoner_id", distinct=True, filter=Q(mantelzorger_besproken=True)),
    )


def _bezwaren(v: Vraag) -> Meting:
    rijen = Bezwaar.objects.filter(
        beschikking__gemeente_id=v.gemeente_id, ontvangen_op__range=(v.van, v.tot)
    )
    return Meting(
        rijen=rijen,
        dims={
            "uitkomst": "uitkomst",
            "wet": "beschikking__aanvraag__wet",
            **_persoon_dims("beschikking__inwoner", v),
            **perioden("ontvangen_op"),
        },
        eenheden=Count("beschikking__inwoner_id", distinct=True),
        teller=Count("pk"),
    )


def _bezwaren_gegrond(v: Vraag) -> Meting:
    rijen = Bezwaar.objects.filter(
        beschikking__gemeente_id=v.gemeente_id, besloten_op__range=(v.van, v.tot)
    ).exclude(uitkomst__in=["lopend", "ingetrokken"])
    return Meting(
        rijen=rijen,
        dims={
            "wet": "beschikking__aanvraag__wet",
            **_persoon_dims("beschikking__inwoner", v),
            **perioden("besloten_op"),
        },
        eenheden=Count("beschikking__inwoner_id", distinct=True),
        teller=Count(
            "beschikking__inwoner_id",
            distinct=True,
            filter=Q(uitkomst__in=["gegrond", "deels_gegrond"]),
        ),
    )


registreer(
    Indicator(
        id="mantelzorg_besproken",
        naam="Mantelzorg besproken in het onderzoek",
        definitie="Van de inwoners met een mantelzorger van wie het verslag van het onderzoek "
        "in de periode definitief werd: het deel bij wie de situatie van de mantelzorger is "
        "besproken. Een onderzoek zonder mantelzorger telt niet mee.",
        bron=f"{SEED_ML}, M1 (L2336-2341); Wmo 2015 art. 2.3.2 lid 4 onder d",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_mantelzorg,
        thema="Toegang",
    )
)
registreer(
    Indicator(
        id="bezwaren",
        naam="Bezwaren",
        definitie="Het aantal bezwaarschriften dat in de periode binnenkwam, naar uitkomst.",
        bron=f"{SEED_VENLO}, indicator 11 (seed 000 L1980–1985); Awb 6:4",
        eenheid=Eenheid.AANTAL,
        dimensies=(
            "uitkomst",
            "wet",
            "wijk",
            "leeftijd",
            "huishouden",
            "maand",
            "kwartaal",
            "jaar",
        ),
        meting=lambda v: _bezwaren(v),
        thema="Rechtsbescherming",
        telt="bezwaren",
    )
)
registreer(
    Indicator(
        id="bezwaren_gegrond",
        naam="Bezwaren (deels) gegrond",
        definitie="Van de inwoners over wier bezwaar in de periode is beslist (niet "
        "ingetrokken): het deel met een (deels) gegrond bezwaar.",
        bron="Awb 7:11; seed 000 L33–34",
        eenheid=Eenheid.PROCENT,
        dimensies=("wet", "wijk", "leeftijd", "huishouden", "maand", "kwartaal", "jaar"),
        meting=_bezwaren_gegrond,
        thema="Rechtsbescherming",
    )
)


# --- BBV ------------------------------------------------------------------------------------------


def _met_voorziening(v: Vraag, *uitgezonderd: Q, **filters: object) -> Q:
    """The resident has a running provision (with `filters`) on the peildatum: membership of
    one uncorrelated set of resident ids, which the database computes once for all rows (a
    correlated EXISTS per resident took seconds on the demo; docs/benchmarks.md)."""
    voorzieningen = BeschikteVoorziening.objects.filter(
        actief_op("", v.tot), beschikking__gemeente_id=v.gemeente_id, **filters
    )
    for q in uitgezonderd:
        voorzieningen = voorzieningen.exclude(q)
    return Q(pk__in=voorzieningen.values("beschikking__inwoner_id"))


def _jongeren(v: Vraag, *uitgezonderd: Q, **voorziening: object) -> Meting:
    rijen = Inwoner.objects.filter(
        gemeente_id=v.gemeente_id,
        geboortedatum__lte=v.tot,
        geboortedatum__gt=jaren_terug(v.tot, 18),
    )
    dims = _persoon_dims("", v)
    del dims["leeftijd"]
    return Meting(
        rijen=rijen,
        dims=dims,
        eenheden=Count("pk"),
        teller=Count("pk", filter=_met_voorziening(v, *uitgezonderd, **voorziening)),
    )


def _jeugdhulp(v: Vraag) -> Meting:
    # Jeugdbescherming (48) and jeugdreclassering (47) are BBV 30 and 31, not jeugdhulp.
    return _jongeren(v, Q(voorziening__productcategorie__in=["47", "48"]), voorziening__wet="jeugd")


def _wmo_maatwerk(v: Vraag) -> Meting:
    rijen = Inwoner.objects.filter(gemeente_id=v.gemeente_id, geboortedatum__lte=v.tot)
    heeft = _met_voorziening(
        v, voorziening__wet="wmo", voorziening__soort__in=["individueel", "collectief"]
    )
    return Meting(
        rijen=rijen,
        dims=_persoon_dims("", v),
        eenheden=Count("pk"),
        teller=Count("pk", filter=heeft),
    )


registreer(
    Indicator(
        id="bbv_29_jeugdhulp",
        naam="BBV 29 Jongeren met jeugdhulp",
        definitie="Het deel van de inwoners jonger dan 18 op de peildatum met een lopende "
        "jeugdhulpvoorziening (Jeugdwet, zonder jeugdbescherming en jeugdreclassering).",
        bron=f"{BBV}, indicator 29 (% van de jongeren tot 18 jaar)",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "huishouden"),
        meting=_jeugdhulp,
        thema="BBV",
        stand=True,
    )
)
registreer(
    Indicator(
        id="bbv_30_jeugdbescherming",
        naam="BBV 30 Jongeren met jeugdbescherming",
        definitie="Het deel van de inwoners jonger dan 18 op de peildatum met een lopende "
        "jeugdbeschermingsmaatregel (iJw productcategorie 48).",
        bron=f"{BBV}, indicator 30 (% van de jongeren tot 18 jaar); iJw JZ020 code 48",
        eenheid=Eenheid.PROCENT,
        dimensies=("wijk", "huishouden"),
        meting=lambda v: _jongeren(v, voorziening__wet="jeugd", voorziening__productcategorie="48"),
        thema="BBV",
        stand=True,
    )
)
registreer(
    Indicator(
        id="bbv_32_wmo_maatwerk",
        naam="BBV 32 Cliënten met een maatwerkarrangement Wmo",
        definitie="Het aantal inwoners met een lopende Wmo-maatwerkvoorziening op de "
        "peildatum, per 10.000 inwoners.",
        bron=f"{BBV}, indicator 32 (per 10.000 inwoners)",
        eenheid=Eenheid.PER_10000,
        dimensies=("wijk", "leeftijd", "huishouden"),
        meting=_wmo_maatwerk,
        thema="BBV",
        stand=True,
    )
)


# --- costs (the message traffic of eenplan.berichten, read through berichten.kosten) -----------


def _kosten_dims(v: Vraag) -> dict:
    return {
        "wet": "wet_code",
        "aanbieder": "aanbieder__naam",
        "productcategorie": "productcategorie",
        "wijk": "inwoner__wijk__code",
        "leeftijd": leeftijd("inwoner", v.tot),
    }


def _toegewezen(v: Vraag) -> Meting:
    rijen = kosten.toewijzingen_met_bedrag(gemeente_id=v.gemeente_id, van=v.van, tot=v.tot)
    return Meting(
        rijen=rijen,
        dims=_kosten_dims(v),
        eenheden=Count("inwoner_id", distinct=True),
        som=Sum("toegewezen_centen"),
        som_factor=Decimal("0.01"),  # cents
    )


def _declaraties(v: Vraag, *, alleen_goedgekeurd: bool) -> Meting:
    rijen = kosten.prestaties_met_bedrag(
        gemeente_id=v.gemeente_id, van=v.van, tot=v.tot, alleen_goedgekeurd=alleen_goedgekeurd
    )
    return Meting(
        rijen=rijen,
        dims={
            **_kosten_dims(v),
            "aanbieder": "bericht__aanbieder__naam",
            **perioden("begindatum"),
        },
        eenheden=Count(persoon_of_record("inwoner_id"), distinct=True),
        som=Sum("bedrag_centen"),
        som_factor=Decimal("0.01"),  # cents
    )


KOSTEN_DIMENSIES = ("wet", "wijk", "aanbieder", "productcategorie", "leeftijd")

registreer(
    Indicator(
        id="kosten_toegewezen",
        naam="Toegewezen kosten",
        definitie="Wat de gemeente in de periode toewees: het volume van elke lopende "
        "toewijzing (iWmo/iJw 301) binnen de periode maal het contracttarief van de aanbieder, "
        "in euro. Een toewijzing zonder contracttarief of met een eenheid die niet om te "
        "rekenen is, telt niet mee. Per maand, kwartaal of jaar: kies de periode (een "
        "toewijzing loopt over meerdere maanden; de trend komt uit de maandelijkse "
        "momentopnamen).",
        bron="iWmo/iJw 3.2 toewijzing (301), WMO757/JZ757 en IV077; contracttarieven "
        "(aanbieders); BRIEF §5 (kosten per wet en wijk); eenplan.berichten.budget",
        eenheid=Eenheid.EURO,
        dimensies=KOSTEN_DIMENSIES,
        meting=_toegewezen,
        thema="Kosten",
    )
)
registreer(
    Indicator(
        id="kosten_gedeclareerd",
        naam="Gedeclareerde kosten",
        definitie="Het bedrag dat aanbieders declareerden (iWmo/iJw 303/323, debet min credit) "
        "voor zorg geleverd in de periode, in euro.",
        bron="iWmo/iJw 3.2 declaratie (323); BRIEF §5 (kosten per wet en wijk); "
        f"{SEED_ML}, gemiddelde kosten per kwartaal",
        eenheid=Eenheid.EURO,
        dimensies=(*KOSTEN_DIMENSIES, "maand", "kwartaal", "jaar"),
        meting=lambda v: _declaraties(v, alleen_goedgekeurd=False),
        thema="Kosten",
    )
)
registreer(
    Indicator(
        id="kosten_goedgekeurd",
        naam="Goedgekeurde declaraties",
        definitie="Het gedeclareerde bedrag dat de gemeente goedkeurde (325 zonder afwijzing) "
        "voor zorg geleverd in de periode, in euro.",
        bron="iWmo/iJw 3.2 declaratie-antwoord (325); BRIEF §5",
        eenheid=Eenheid.EURO,
        dimensies=(*KOSTEN_DIMENSIES, "maand", "kwartaal", "jaar"),
        meting=lambda v: _declaraties(v, alleen_goedgekeurd=True),
        thema="Kosten",
    )
)
