"""Page selectors: the reads of the voorzieningen and beschikkingen pages that the apps'
`selectors.py` do not offer yet (worklists, queues, the catalogue with current tariffs).

Kept apart from `selectors.py` on purpose, so the owners of those modules can move them in.
Every worklist is limited to residents in the login's need-to-know scope (the `*_in_scope`
querysets of `selectors`, i.e. `privacy.access.scope_q`) and has a fixed number
of queries however many rows it shows (see the query-budget tests of the pages).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Case, DateField, F, Prefetch, Q, QuerySet, When
from django.db.models.functions import Least

from eenplan.aanbieders.models import ContractProduct
from eenplan.aanbieders.selectors import zin_aanbod
from eenplan.beschikkingen import selectors
from eenplan.beschikkingen.constants import (
    AanvraagStatus,
    Rechtmatigheid,
    Uitkomst,
)
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.common.text import normalise
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.onderzoeken.models import Afweging
from eenplan.privacy import access
from eenplan.voorzieningen.constants import VoorzieningSoort
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.selectors import huidige_tarieven_prefetch

User = AbstractBaseUser | AnonymousUser
EINDE_VENSTER = dt.timedelta(weeks=8)


# --- catalogue --------------------------------------------------------------------------------


def maatwerk_keuzes(*, gemeente: Gemeente, wet: str, op: dt.date) -> list[Voorziening]:
    """Maatwerk provisions of one law with their current PGB tariffs and, in `zin_aanbod`, the
    providers with a contract for it on `op` or later (for the decision form); two queries."""
    voorzieningen = list(
        Voorziening.objects.filter(gemeente=gemeente, wet=wet, actief=True)
        .exclude(soort=VoorzieningSoort.ALGEMEEN)
        .prefetch_related(huidige_tarieven_prefetch(op))
        .order_by("naam")
    )
    aanbod = zin_aanbod(voorzieningen, op)
    for v in voorzieningen:
        v.zin_aanbod = aanbod.get(v.pk, [])  # type: ignore[attr-defined]
    return voorzieningen


def zin_aanbieders(voorziening: Voorziening) -> list[ContractProduct]:
    """The contracted providers of a provision loaded by `maatwerk_keuzes`: per provider the
    contract product with its tariff and unit."""
    return list(getattr(voorziening, "zin_aanbod", []))


def voorgestelde_voorziening(
    aanvraag: Aanvraag, voorzieningen: list[Voorziening]
) -> Voorziening | None:
    """The provision the plan's proposal (voorstel) the aanvraag came from names, else the
    one the aanvraag itself names: the same name, or a product code or name mentioned in the
    text (the proposal is free text in the plan)."""
    teksten = [
        t
        for t in (
            aanvraag.voorstel.omschrijving if aanvraag.voorstel_id else "",  # type: ignore[union-attr]
            aanvraag.omschrijving,
        )
        if t.strip()
    ]
    for tekst in teksten:
        gewoon = normalise(tekst)
        for v in voorzieningen:
            if normalise(v.naam) == gewoon:
                return v
        for v in voorzieningen:
            if v.productcode and v.productcode.lower() in tekst.lower():
                return v
        for v in sorted(voorzieningen, key=lambda v: -len(v.naam)):
            if normalise(v.naam) and normalise(v.naam) in gewoon:
                return v
    return None


# --- aanvragen --------------------------------------------------------------------------------

AANVRAAG_SORTERINGEN = {
    "termijn": ("beslissen_uiterlijk", "id"),
    "-termijn": ("-beslissen_uiterlijk", "-id"),
    "ontvangen": ("ontvangen_op", "id"),
    "-ontvangen": ("-ontvangen_op", "-id"),
}


def aanvragen_open(
    user: User,
    *,
    wet: str | None = None,
    sortering: str = "termijn",
    vandaag: dt.date | None = None,
) -> QuerySet[Aanvraag]:
    """Open aanvragen (no decision yet) of residents in scope with their `termijn_stand`, most
    urgent first."""
    qs = selectors.met_termijn_stand(
        selectors.aanvragen_in_scope(user)
        .filter(
            selectors.binnen_gemeente_q(access.Actor.of(user).gemeente_id, "inwoner__wijk"),
            status=AanvraagStatus.ONTVANGEN,
        )
        .select_related("inwoner__wijk"),
        vandaag,
    )
    if wet:
        qs = qs.filter(wet=wet)
    return qs.order_by(*AANVRAAG_SORTERINGEN.get(sortering, AANVRAAG_SORTERINGEN["termijn"]))


def ladder_van(inwoner: Inwoner) -> list[Afweging]:
    """The ladder of the resident's latest onderzoek, lightest step first."""
    onderzoek = inwoner.onderzoeken.order_by("-created_at").first()
    return list(onderzoek.afwegingen.order_by("stap")) if onderzoek else []


def terug_naar_beslisser(user: User) -> QuerySet[Beschikking]:
    """This login's own decisions that the back office found unlawful (Hardenberg)."""
    gemeente_id = access.Actor.of(user).gemeente_id
    return (
        selectors.beschikkingen_in_scope(user)
        .filter(
            selectors.binnen_gemeente_q(gemeente_id, "inwoner", "aanvraag"),
            besloten_door_id=user.pk,
            rechtmatigheid=Rechtmatigheid.ONRECHTMATIG,
        )
        .select_related("inwoner", "aanvraag")
        .order_by("-updated_at")
    )


# --- beschikkingen ----------------------------------------------------------------------------


def beschikkingen_van(inwoner: Inwoner) -> QuerySet[Beschikking]:
    """The resident's decisions, within the resident's municipality."""
    return Beschikking.objects.filter(inwoner=inwoner, gemeente_id=inwoner.gemeente_id).order_by(
        "-besloten_op", "-id"
    )


def toetsing_rij(user: User) -> QuerySet[Beschikking]:
    """Decisions by a generalist waiting for the back office's lawfulness check, oldest first."""
    gemeente_id = access.Actor.of(user).gemeente_id
    return (
        selectors.beschikkingen_in_scope(user)
        .filter(
            selectors.binnen_gemeente_q(gemeente_id, "inwoner", "inwoner__wijk", "aanvraag"),
            rechtmatigheid=Rechtmatigheid.TE_TOETSEN,
        )
        .select_related("inwoner__wijk", "aanvraag", "besloten_door")
        .prefetch_related(
            Prefetch(
                "voorzieningen",
                queryset=BeschikteVoorziening.objects.filter(
                    selectors.binnen_gemeente_q(gemeente_id, "voorziening")
                ).select_related("voorziening", "aanbieder"),
            )
        )
        .order_by("besloten_op", "id")
    )


EINDE_SORTERINGEN = {
    "datum": ("datum", "id"),
    "-datum": ("-datum", "-id"),
    "inwoner": ("beschikking__inwoner__achternaam", "datum", "id"),
}


def einde_en_heronderzoek(
    user: User, *, vandaag: dt.date, sortering: str = "datum"
) -> QuerySet[BeschikteVoorziening]:
    """Granted provisions that end, or are due for heronderzoek, within eight weeks from today
    (maatwerk is temporary). `datum` is the first of the two dates inside the window."""
    tot = vandaag + EINDE_VENSTER
    einde = Q(einde__gte=vandaag, einde__lte=tot)
    heronderzoek = Q(heronderzoek_op__gte=vandaag, heronderzoek_op__lte=tot)
    return (
        BeschikteVoorziening.objects.filter(
            einde | heronderzoek,
            uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
        )
        .filter(
            access.scope_q(user, veld="beschikking__inwoner"),
            access.wet_q(user, veld="beschikking__aanvraag__wet"),
        )
        .annotate(
            datum=Case(
                When(einde & heronderzoek, then=Least(F("einde"), F("heronderzoek_op"))),
                When(einde, then=F("einde")),
                default=F("heronderzoek_op"),
                output_field=DateField(),
            )
        )
        .select_related("voorziening", "aanbieder", "beschikking__inwoner__wijk")
        .order_by(*EINDE_SORTERINGEN.get(sortering, EINDE_SORTERINGEN["datum"]))
    )
