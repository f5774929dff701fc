"""The onderzoek page with its forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import inwoner_netwerk
from eenplan.mantelzorg.opzoeken import zorg_van
from eenplan.onderzoeken import selectors, services
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.forms import (
    AfwegingForm,
    ChecksForm,
    DefinitiefForm,
    GesprekForm,
    OnderdelenForm,
    ScoresForm,
)
from eenplan.onderzoeken.models import Leefgebied, Onderzoek
from eenplan.onderzoeken.views.gemeen import (
    DEELNEMERS,
    _fout_ophalen,
    _leden,
    _log_getoond,
    _onderzoek,
    _via,
)
from eenplan.onderzoeken.views.grafiek import _grafiek
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.rules.onderzoek import LadderStap, StapUitkomst, maatwerk_ontbrekende_stappen
from eenplan.voorzieningen.selectors import sociale_kaart

# --- the page -----------------------------------------------------------------------------------


def _forms(
    onderzoek: Onderzoek,
    leden: list[Inwoner],
    leefgebieden: list[Leefgebied],
    heeft_mantelzorger: bool,
) -> dict[str, Any]:
    besproken = onderzoek.mantelzorger_besproken
    checks_initial = ChecksForm.initial_voor(
        clientondersteuning_gewezen=onderzoek.clientondersteuning_gewezen,
        pgb_uitgelegd=onderzoek.pgb_uitgelegd,
        besproken=besproken,
    )
    if besproken is None and heeft_mantelzorger:
        checks_initial["mantelzorger"] = None  # the generalist must choose
    afwegingen = {a.stap: a for a in onderzoek.afwegingen.all()}
    stappen = {}
    for stap in selectors.onderzoek_ladder(onderzoek).stappen:
        a = afwegingen.get(int(stap))
        initial = (
            {
                "bevinding": a.bevinding,
                "volstaat": "ja" if a.volstaat else "nee",
                "reden_niet_toereikend": a.reden_niet_toereikend,
            }
            if a
            else {}
        )
        stappen[f"stap{int(stap)}"] = AfwegingForm(stap=stap, initial=initial)
    return {
        "gesprek": GesprekForm(prefix="gesprek"),
        "definitief": DefinitiefForm(prefix="definitief"),
        "onderdelen": OnderdelenForm(onderdelen=onderzoek.onderdelen.all()),
        "checks": ChecksForm(prefix="checks", initial=checks_initial),
        "scores": ScoresForm(
            prefix="scores",
            leden=leden,
            leefgebieden=leefgebieden,
            initial={"inwoner": onderzoek.inwoner_id},
        ),
        **stappen,
    }


def _pagina(
    request: HttpRequest,
    pk: int,
    *,
    bound: dict[str, Form] | None = None,
    fout_sectie: str = "",
    finalise_fouten: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    onderzoek = _onderzoek(request, pk)
    vandaag = timezone.localdate()
    leden = _leden(onderzoek, vandaag)
    _log_getoond(request, leden[1:])
    netwerk = inwoner_netwerk(inwoner=onderzoek.inwoner)
    mantelzorgers = [p for p in netwerk if p.soort == NetwerkSoort.MANTELZORGER and p.tot is None]
    leefgebieden = list(selectors.leefgebieden_actief())
    schaal = (
        (leefgebieden[0].instrument.schaal_min, leefgebieden[0].instrument.schaal_max)
        if leefgebieden
        else (1, 5)
    )
    if bound is None:

        def maker(naam: str) -> Callable[[Any], Form] | None:
            vast: dict[str, Callable[[Any], Form]] = {
                "gesprek": lambda d: GesprekForm(d, prefix="gesprek"),
                "onderdelen": lambda d: OnderdelenForm(d),
                "checks": lambda d: ChecksForm(d, prefix="checks"),
                "scores": lambda d: ScoresForm(
                    d, prefix="scores", leden=leden, leefgebieden=leefgebieden
                ),
                "definitief": lambda d: DefinitiefForm(d, prefix="definitief"),
            }
            if naam.startswith("stap") and naam[4:].isdigit():
                return lambda d: AfwegingForm(d, stap=LadderStap(int(naam[4:])))
            return vast.get(naam)

        bound, fout_sectie, fouten = _fout_ophalen(request, pk, maker)
        finalise_fouten = finalise_fouten or fouten
    lopend = onderzoek.status == OnderzoekStatus.LOPEND
    kan_wijzigen = lopend and access.allows(request.user, Resource.ONDERZOEK, Action.WIJZIGEN)
    forms = {**_forms(onderzoek, leden, leefgebieden, bool(mantelzorgers)), **(bound or {})}

    afwegingen = {a.stap: a for a in onderzoek.afwegingen.all()}
    gemeente_ladder = selectors.onderzoek_ladder(onderzoek)
    eerste_open = next((s for s in gemeente_ladder.stappen if int(s) not in afwegingen), None)
    ladder = [
        {
            "stap": stap,
            "afweging": afwegingen.get(int(stap)),
            "form": forms[f"stap{int(stap)}"],
            "open": fout_sectie == f"stap-{int(stap)}"
            or (kan_wijzigen and not fout_sectie and stap == eerste_open),
            "wettelijk": gemeente_ladder.wettelijk(stap),
        }
        for stap in gemeente_ladder.stappen
    ]
    ladder_ontbrekend = maatwerk_ontbrekende_stappen(
        {
            LadderStap(a.stap): StapUitkomst(a.bevinding, a.volstaat, a.reden_niet_toereikend)
            for a in afwegingen.values()
        },
        LadderStap.INDIVIDUEEL_MAATWERK,
        ladder=gemeente_ladder,
    )
    gesprekken = [
        {
            "gesprek": g,
            "deelnemers": [DEELNEMERS.get(c, c) for c in g.deelnemers.split(",") if c],
        }
        for g in onderzoek.gesprekken.all()
    ]
    onderdelen = {o.code: o for o in onderzoek.onderdelen.all()}
    termijn = selectors.onderzoek_termijn(onderzoek, vandaag)
    uiterlijk = termijn["uiterlijk"]
    context = {
        "onderzoek": onderzoek,
        "vandaag": vandaag,
        "termijn": termijn,
        "dagen_over": (uiterlijk - vandaag).days if isinstance(uiterlijk, dt.date) else None,
        "lopend": lopend,
        "kan_wijzigen": kan_wijzigen,
        "forms": forms,
        "fout_sectie": fout_sectie,
        "gesprekken": gesprekken,
        "onderdelen_rijen": [
            (o, onderdelen.get(o.code), antwoord, reden)
            for o, antwoord, reden in forms["onderdelen"].rijen()
        ],
        "mantelzorgers": mantelzorgers,
        "mantelzorger_uitleg": (
            "In het netwerk staat als mantelzorger: "
            + ", ".join(f"{m.naam} ({m.relatie})" if m.relatie else m.naam for m in mantelzorgers)
            + ". Bespreek ook wat de mantelzorger zelf nodig heeft (Wmo 2015 art. 2.3.2 lid 4 "
            "onder d)."
            if mantelzorgers
            else "In het netwerk staat geen mantelzorger."
        ),
        "leden": leden,
        "grafieken": [
            g
            for g in (_grafiek(lid, selectors.scores_over_tijd(lid), schaal) for lid in leden)
            if g
        ],
        "ladder": ladder,
        # Step 4 of the ladder: algemene voorzieningen from the sociale kaart of the wijk.
        "suggesties": list(
            sociale_kaart(gemeente=onderzoek.inwoner.gemeente, wijk_id=onderzoek.inwoner.wijk_id)[
                :6
            ]
        ),
        "ladder_ontbrekend": ladder_ontbrekend,
        "ontbrekend": services.verslag_ontbrekend_voor(onderzoek) if lopend else [],
        "finalise_fouten": finalise_fouten or [],
        # The carers and their last burden, from the carer page (only for a role that reads
        # mantelzorg; decided and logged in privacy.access).
        "zorg": zorg_van(
            request.user, onderzoek.inwoner, via=_via(request), vandaag=vandaag, doel=Doel.ONDERZOEK
        ),
        "toon_plan": onderzoek.huishouden_id is not None
        and access.allows(request.user, Resource.PLAN, Action.LEZEN),
        "algemene_voorzieningen": LadderStap.ALGEMENE_VOORZIENINGEN,
    }
    return render(request, "onderzoeken/onderzoek.html", context, status=status)


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def onderzoek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pagina(request, pk)


def _wijzigbaar(request: HttpRequest, pk: int) -> Onderzoek:
    """For a write: the onderzoek, if this login may change it (else 403, logged, or 404). The
    service decides once more with the actor."""
    return _onderzoek(request, pk, Action.WIJZIGEN)


def _terug(pk: int, anker: str) -> HttpResponse:
    return redirect(reverse("onderzoeken:detail", args=[pk]) + f"#{anker}")
