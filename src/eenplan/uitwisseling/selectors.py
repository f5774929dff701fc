"""Reads of purpose-bound sharing, shared by the pages and the API: a household's exchanges,
which categories its dossier holds, what an exchange shares with its recipient (only the
chosen categories, decided and logged by `privacy.access.decide_gedeeld`), youth delivery
and the council's figures (aggregates, small cells suppressed)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.inwoners.models import Huishouden, HuishoudenLid
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken.models import Onderzoek, OnderzoekOnderdeel
from eenplan.plannen.models import Doel, Plan, Veiligheidssignaal
from eenplan.privacy import access
from eenplan.privacy.access import Via
from eenplan.rules import uitwisseling as regels
from eenplan.sturing.onderdrukking import DREMPEL, Cel, onderdruk
from eenplan.uitwisseling.constants import Categorie, Doelsoort, Grondslag, OntvangerSoort, Status
from eenplan.uitwisseling.models import (
    GedeeldeInzage,
    Uitvoering,
    Uitvoeringsnotitie,
    Uitwisseling,
)


def _binnen(gemeente_id: int | None) -> Q:
    """Exchanges of municipality `gemeente_id`, every row they join held to it: the household,
    the recipient and the exchange asked again (issue 16: one shard on Citus). No condition for
    a login without a municipality (an installation's superuser)."""
    if gemeente_id is None:
        return Q()
    return (
        Q(gemeente_id=gemeente_id, huishouden__gemeente_id=gemeente_id)
        & (Q(ontvanger_medewerker__isnull=True) | Q(ontvanger_medewerker__gemeente_id=gemeente_id))
        & (Q(vorige__isnull=True) | Q(vorige__gemeente_id=gemeente_id))
    )


def _leden_ids(huishouden_id: int) -> list[int]:
    return list(access.huidige_leden(huishouden_id).values_list("inwoner_id", flat=True))


def categorieen_in_dossier(huishouden: Huishouden) -> set[str]:
    """The categories of which the household's dossier holds something: only these can be
    shared (a request for another is refused)."""
    leden = _leden_ids(huishouden.pk)
    gevonden: set[str] = set()
    if leden:
        gevonden |= {regels.PERSONALIA, regels.HUISHOUDEN}
    van_hh = Q(huishouden=huishouden) | Q(inwoner_id__in=leden)
    if Melding.objects.filter(van_hh, gemeente_id=huishouden.gemeente_id).exists():
        gevonden.add(regels.MELDING)
    if Onderzoek.objects.filter(van_hh).exists():
        gevonden.add(regels.ONDERZOEK)
    if Plan.objects.filter(huishouden=huishouden).exists():
        gevonden.add(regels.PLAN)
    if Veiligheidssignaal.objects.filter(plan__huishouden=huishouden).exists():
        gevonden.add(regels.VEILIGHEID)
    if BeschikteVoorziening.objects.filter(
        beschikking__inwoner_id__in=leden, beschikking__gemeente_id=huishouden.gemeente_id
    ).exists():
        gevonden.add(regels.BESCHIKKING)
    if Uitvoeringsnotitie.objects.filter(uitvoering__huishouden=huishouden).exists():
        gevonden.add(regels.UITVOERINGSNOTITIES)
    return gevonden


def _met_relaties(qs: QuerySet[Uitwisseling]) -> QuerySet[Uitwisseling]:
    return (
        qs.select_related(
            "huishouden",
            "ontvanger_medewerker__user",
            "aangevraagd_door",
            "besloten_door",
            "beeindigd_door",
            "toestemming",
            "vorige",
        )
        .annotate(aantal_inzages=Count("inzages"))
        .order_by("-created_at", "-id")
    )


def uitwisselingen_van_pk(pk: int, *, gemeente_id: int | None) -> Uitwisseling | None:
    """One exchange of municipality `gemeente_id` (None: it has none by that id)."""
    return _met_relaties(Uitwisseling.objects.filter(_binnen(gemeente_id), pk=pk)).first()


def leden_van(huishouden_ids: set[int]) -> list[int]:
    """The current members of these households (one query)."""
    if not huishouden_ids:
        return []
    vandaag = timezone.localdate()
    return list(
        HuishoudenLid.objects.filter(
            Q(lid_tot__isnull=True) | Q(lid_tot__gt=vandaag), huishouden_id__in=huishouden_ids
        ).values_list("inwoner_id", flat=True)
    )


def uitwisselingen_van_huishouden(huishouden: Huishouden) -> QuerySet[Uitwisseling]:
    return _met_relaties(
        Uitwisseling.objects.filter(_binnen(huishouden.gemeente_id), huishouden=huishouden)
    )


def uitwisselingen_in_scope(actor: Any) -> QuerySet[Uitwisseling]:
    """The exchanges of the households within the actor's need-to-know."""
    return _met_relaties(
        Uitwisseling.objects.filter(
            access.huishouden_scope_q(actor), _binnen(access.Actor.of(actor).gemeente_id)
        )
    )


def ontvangen(actor: Any) -> QuerySet[Uitwisseling]:
    """The exchanges that name this login as their recipient (any state: a refused one shows
    that it was refused, and shares nothing)."""
    medewerker = access.Actor.of(actor).medewerker
    if medewerker is None:
        return Uitwisseling.objects.none()
    return _met_relaties(
        Uitwisseling.objects.filter(
            _binnen(medewerker.gemeente_id), ontvanger_medewerker=medewerker
        )
    )


def deling(uitwisseling: Uitwisseling) -> access.Deling:
    """The facts the access module decides a recipient's read on."""
    return access.Deling(
        uitwisseling_id=uitwisseling.pk,
        status=uitwisseling.status,
        van=uitwisseling.van,
        tot=uitwisseling.tot,
        ontvanger_medewerker_id=uitwisseling.ontvanger_medewerker_id,
        categorieen=tuple(uitwisseling.categorieen),
        inwoner_ids=tuple(_leden_ids(uitwisseling.huishouden_id)),
    )


@dataclass
class Gedeeld:
    """What one exchange shares, per chosen category only (`onderdelen`: category → rows)."""

    uitwisseling: Uitwisseling
    onderdelen: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def categorieen(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        return [(c, str(Categorie(c).label), rows) for c, rows in self.onderdelen.items()]


def _personalia(leden: QuerySet[HuishoudenLid]) -> list[dict[str, Any]]:
    return [
        {
            "naam": lid.inwoner.naam,
            "geboortedatum": lid.inwoner.geboortedatum,
            "adres": f"{lid.inwoner.straat} {lid.inwoner.huisnummer}"
            f"{lid.inwoner.huisnummer_toevoeging}, {lid.inwoner.postcode} "
            f"{lid.inwoner.woonplaats}",
        }
        for lid in leden
    ]


def _lezen(categorie: str, huishouden: Huishouden, leden: list[int]) -> list[dict[str, Any]]:
    """The rows of one category of the household's dossier (one or two queries each)."""
    huidig = access.huidige_leden(huishouden.pk).select_related("inwoner").order_by("id")
    van_hh = Q(huishouden=huishouden) | Q(inwoner_id__in=leden)
    if categorie == regels.PERSONALIA:
        return _personalia(huidig)
    if categorie == regels.HUISHOUDEN:
        return [
            {"naam": lid.inwoner.naam, "relatie": lid.get_relatie_display(), "lid_van": lid.lid_van}
            for lid in huidig
        ]
    if categorie == regels.MELDING:
        return [
            {"ontvangen_op": m.ontvangen_op, "vraag": m.vraag}
            for m in Melding.objects.filter(van_hh).order_by("-ontvangen_op", "-id")
        ]
    if categorie == regels.ONDERZOEK:
        onderzoeken = (
            Onderzoek.objects.filter(van_hh)
            .prefetch_related(
                Prefetch("onderdelen", OnderzoekOnderdeel.objects.order_by("code")), "gesprekken"
            )
            .order_by("-created_at")
        )
        return [
            {
                "status": o.get_status_display(),
                "onderdelen": [(d.code, d.antwoord) for d in o.onderdelen.all() if d.antwoord],
                "gesprekken": [(g.datum, g.notities) for g in o.gesprekken.all() if g.notities],
                "verslag": o.verslag_tekst,
            }
            for o in onderzoeken
        ]
    if categorie == regels.VEILIGHEID:
        return [
            {
                "soort": s.get_soort_display(),
                "omschrijving": s.omschrijving,
                "escalatie": s.get_escalatie_display(),
                "besloten_op": s.besloten_op,
            }
            for s in Veiligheidssignaal.objects.filter(plan__huishouden=huishouden)
        ]
    if categorie == regels.PLAN:
        doelen = Doel.objects.filter(plan__huishouden=huishouden).prefetch_related("acties")
        return [
            {"doel": d.omschrijving, "acties": [a.omschrijving for a in d.acties.all()]}
            for d in doelen.order_by("id")
        ]
    if categorie == regels.BESCHIKKING:
        return [
            {
                "voorziening": v.voorziening.naam,
                "uitkomst": v.get_uitkomst_display(),
                "begin": v.begin,
                "einde": v.einde,
            }
            for v in BeschikteVoorziening.objects.filter(beschikking__inwoner_id__in=leden)
            .select_related("voorziening")
            .order_by("-begin", "-id")
        ]
    if categorie == regels.UITVOERINGSNOTITIES:
        return [
            {"datum": n.datum, "tekst": n.tekst, "auteur": n.auteur.get_full_name()}
            for n in Uitvoeringsnotitie.objects.filter(
                uitvoering__huishouden=huishouden
            ).select_related("auteur")
        ]
    return []


def gedeelde_gegevens(*, actor: Any, uitwisseling: Uitwisseling, via: Via) -> Gedeeld:
    """What `uitwisseling` shares, for its recipient: `access.decide_gedeeld` decides (only
    the named recipient, only approved, only within the period) and logs; refused, it raises
    `access.Refused`. Only the chosen categories are read at all. The read is also logged
    against the exchange (`GedeeldeInzage`)."""
    feiten = deling(uitwisseling)
    decision = access.decide_gedeeld(actor, feiten, via=via)
    if not decision.allowed:
        raise access.Refused(decision)
    user = access.Actor.of(actor).user
    GedeeldeInzage.objects.create(
        uitwisseling=uitwisseling,
        user=user,
        gebruikersnaam=user.get_username(),
        categorieen=list(uitwisseling.categorieen),
        kanaal=via.kanaal,
        pad=via.pad[:300],
    )
    leden = list(feiten.inwoner_ids)
    return Gedeeld(
        uitwisseling=uitwisseling,
        onderdelen={
            c: _lezen(c, uitwisseling.huishouden, leden)
            for c in regels.CATEGORIEEN
            if c in uitwisseling.categorieen
        },
    )


def inzages(uitwisseling: Uitwisseling) -> QuerySet[GedeeldeInzage]:
    return uitwisseling.inzages.all()


# --- youth delivery -------------------------------------------------------------------------


def _actief(op: dt.date) -> Q:
    return Q(van__lte=op) & (Q(tot__isnull=True) | Q(tot__gte=op))


def uitvoeringen_actief(*, huishouden_id: int, op: dt.date | None = None) -> QuerySet[Uitvoering]:
    return Uitvoering.objects.filter(
        _actief(op or timezone.localdate()), huishouden_id=huishouden_id
    )


def uitvoerder_ids(huishouden_id: int) -> list[int]:
    """The gezinscoaches delivering to the household today (their medewerker ids)."""
    return list(
        uitvoeringen_actief(huishouden_id=huishouden_id).values_list("medewerker_id", flat=True)
    )


def mijn_uitvoeringen(actor: Any) -> QuerySet[Uitvoering]:
    medewerker = access.Actor.of(actor).medewerker
    if medewerker is None:
        return Uitvoering.objects.none()
    return (
        Uitvoering.objects.filter(
            _actief(timezone.localdate()),
            medewerker=medewerker,
            huishouden__gemeente_id=medewerker.gemeente_id,
        )
        .select_related("huishouden")
        .annotate(aantal_notities=Count("notities"))
        .order_by("-van", "-id")
    )


def uitvoeringen_van_huishouden(huishouden: Huishouden) -> QuerySet[Uitvoering]:
    return Uitvoering.objects.filter(
        huishouden=huishouden, medewerker__gemeente_id=huishouden.gemeente_id
    ).select_related("medewerker__user")


def notities(uitvoering: Uitvoering) -> QuerySet[Uitvoeringsnotitie]:
    return Uitvoeringsnotitie.objects.filter(
        uitvoering__huishouden_id=uitvoering.huishouden_id
    ).select_related("auteur")


# --- the council's figures ------------------------------------------------------------------


@dataclass(frozen=True)
class Tabel:
    """One table of the report: a total and its rows, small cells suppressed."""

    titel: str
    totaal: Cel
    rijen: list[Cel]


def _tabel(titel: str, tellingen: Counter[str], labels: dict[str, str]) -> Tabel:
    totaal = sum(tellingen.values())
    cellen = [
        Cel(
            sleutel=k,
            label=labels[k],
            eenheden=tellingen.get(k, 0),
            teller=None,
            waarde=Decimal(tellingen.get(k, 0)),
        )
        for k in labels
    ]
    t, rijen = onderdruk(
        Cel(sleutel="totaal", label="Totaal", eenheden=totaal, teller=None, waarde=Decimal(totaal)),
        cellen,
    )
    return Tabel(titel=titel, totaal=t, rijen=rijen)


def cijfers(*, gemeente_id: int, van: dt.date, tot: dt.date) -> list[Tabel]:
    """The council's report over exchanges asked in [van, tot]: per purpose, per kind of
    recipient, per legal basis, per state (refused = the vetoes), and the number asked anew
    after a refusal. Aggregates only; cells about 1 to 4 exchanges are not shown
    (`sturing.onderdrukking`, the same rule as the steering figures). One query per table."""
    basis = Uitwisseling.objects.filter(
        gemeente_id=gemeente_id, created_at__date__gte=van, created_at__date__lte=tot
    )

    def tel(veld: str) -> Counter[str]:
        return Counter(
            {r[veld]: r["n"] for r in basis.values(veld).annotate(n=Count("id")).order_by()}
        )

    opnieuw = basis.filter(vorige__status=Status.GEWEIGERD).count()
    return [
        _tabel("Uitwisselingen per doel", tel("doelsoort"), dict(Doelsoort.choices)),
        _tabel(
            "Uitwisselingen per ontvanger", tel("ontvanger_soort"), dict(OntvangerSoort.choices)
        ),
        _tabel("Uitwisselingen per grondslag", tel("grondslag"), dict(Grondslag.choices)),
        _tabel(
            "Uitwisselingen per uitkomst (geweigerd = veto op grond van beroepsgeheim)",
            tel("status"),
            dict(Status.choices),
        ),
        _tabel(
            "Na een veto opnieuw gevraagd",
            Counter({"opnieuw": opnieuw}),
            {"opnieuw": "Opnieuw gevraagd na een weigering"},
        ),
    ]


DREMPEL_TOELICHTING = (
    f"Aantallen van 1 tot {DREMPEL} worden niet getoond (\u201cniet getoond\u201d), zodat "
    "niemand herkenbaar is; 0 wel."
)
