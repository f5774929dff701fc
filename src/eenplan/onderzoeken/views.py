"""Staff pages of the onderzoek (keukentafelgesprek): one page with every section, autosave
of the subjects a-g, the ladder, the life-domain scores and the verslag.

Views parse, call a service or selector and render; access is decided by `privacy.access`
only: the role by `access.requires` on each view (pages, the htmx autosave and the PDF alike),
the resident by `access.require(..., inwoner=...)` once the onderzoek is loaded (need-to-know;
logged, doel 'onderzoek'), and each write once more by the service with the actor. The other
household members a page shows are logged with `access.log_shown`. Refusals are 403 pages with
the Dutch reason and a row in the access log; a refusal of a service's rules is shown in Dutch
next to the form. Neither changes anything (services are atomic).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from eenplan.common.pdf import tekst_naar_pdf
from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_leden, inwoner_dossier
from eenplan.meldingen.constants import Status as MeldingStatus
from eenplan.meldingen.models import Melding
from eenplan.meldingen.selectors import meldingen_in_scope
from eenplan.onderzoeken import selectors, services
from eenplan.onderzoeken.constants import Deelnemer, OnderzoekStatus
from eenplan.onderzoeken.forms import (
    MANTELZORGER_WAARDEN,
    AfwegingForm,
    ChecksForm,
    GesprekForm,
    OnderdelenForm,
    ReactieForm,
    ScoresForm,
    VerzondenForm,
)
from eenplan.onderzoeken.models import Leefgebied, Onderzoek, ZrmScore
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel
from eenplan.rules.onderzoek import (
    ONDERDELEN,
    LadderStap,
    StapUitkomst,
    maatwerk_ontbrekende_stappen,
)
from eenplan.voorzieningen.selectors import sociale_kaart
from eenplan.web.forms import add_service_errors

DEELNEMERS = dict(Deelnemer.choices)
TITELS = {o.code: o.titel for o in ONDERDELEN}
DEFINITIEF = (
    "Het verslag is definitief; het onderzoek kan niet meer worden gewijzigd. Reacties van de "
    "inwoner kunnen wel worden toegevoegd."
)
MAX_REDEN = 300


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


# --- access -------------------------------------------------------------------------------------


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _onderzoek(request: HttpRequest, pk: int, handeling: Action = Action.LEZEN) -> Onderzoek:
    """The onderzoek: 404 if it does not exist; else `access.require` on its resident (read:
    LEZEN, a write: WIJZIGEN) — 403 with the reason when refused — logged either way."""
    onderzoek = selectors.onderzoek_get(scope=Onderzoek.objects.all(), pk=pk)
    if onderzoek is None:
        raise Http404("Dit onderzoek bestaat niet.")
    access.require(
        request.user,
        Resource.ONDERZOEK,
        handeling,
        via=_via(request),
        inwoner=onderzoek.inwoner_id,
        doel=Doel.ONDERZOEK,
    )
    return onderzoek


def _log_getoond(request: HttpRequest, anderen: list[Inwoner]) -> None:
    """Log the other household members a page shows, in one INSERT."""
    access.log_shown(
        request.user,
        [i.pk for i in anderen],
        resource=Resource.ONDERZOEK,
        via=_via(request),
        doel=Doel.ONDERZOEK,
    )


def _leden(onderzoek: Onderzoek, vandaag: dt.date) -> list[Inwoner]:
    """The household members today, the onderzoek's resident first."""
    leden = [onderzoek.inwoner]
    if onderzoek.huishouden_id:
        leden += [
            lid.inwoner
            for lid in huishouden_leden(huishouden=onderzoek.huishouden)
            if lid.actief_op(vandaag) and lid.inwoner_id != onderzoek.inwoner_id
        ]
    return leden


# --- the chart ----------------------------------------------------------------------------------

LABEL_BREEDTE = 230
PLOT_BREEDTE = 260
WAARDE_BREEDTE = 40
RIJ_HOOGTE = 30
MARGE = 7


def _grafiek(
    inwoner: Inwoner, per_leefgebied: dict[Leefgebied, list[ZrmScore]], schaal: tuple[int, int]
) -> dict[str, Any] | None:
    """Coordinates of a small chart: one row per life domain, a line through the scores over
    time (low = acute problems, high = self-reliant), the latest score at the end."""
    if not per_leefgebied:
        return None
    laag, hoog = schaal
    datums = sorted({s.datum for scores in per_leefgebied.values() for s in scores})
    eerste, laatste = datums[0], datums[-1]
    span = (laatste - eerste).days
    rijen = []
    for i, (leefgebied, scores) in enumerate(per_leefgebied.items()):
        boven = i * RIJ_HOOGTE
        punten = []
        for s in scores:
            x = LABEL_BREEDTE + (
                PLOT_BREEDTE * (s.datum - eerste).days / span if span else PLOT_BREEDTE / 2
            )
            fractie = (min(max(s.score, laag), hoog) - laag) / ((hoog - laag) or 1)
            y = boven + RIJ_HOOGTE - MARGE - fractie * (RIJ_HOOGTE - 2 * MARGE)
            punten.append({"x": round(x, 1), "y": round(y, 1), "score": s.score, "datum": s.datum})
        rijen.append(
            {
                "naam": leefgebied.naam,
                "boven": boven,
                "midden": boven + RIJ_HOOGTE / 2 + 4,
                "laag": boven + RIJ_HOOGTE - MARGE,
                "hoog": boven + MARGE,
                "punten": punten,
                "lijn": " ".join(f"{p['x']},{p['y']}" for p in punten),
                "laatste": scores[-1].score,
                "scores": scores,
            }
        )
    laatste_scores = ", ".join(f"{r['naam']} {r['laatste']}" for r in rijen)
    periode = (
        f"op {eerste:%d-%m-%Y}" if span == 0 else f"van {eerste:%d-%m-%Y} tot {laatste:%d-%m-%Y}"
    )
    return {
        "inwoner": inwoner,
        "rijen": rijen,
        "hoogte": len(rijen) * RIJ_HOOGTE,
        "breedte": LABEL_BREEDTE + PLOT_BREEDTE + WAARDE_BREEDTE + 10,
        "plot_start": LABEL_BREEDTE,
        "plot_eind": LABEL_BREEDTE + PLOT_BREEDTE,
        "waarde_x": LABEL_BREEDTE + PLOT_BREEDTE + 20,
        "label": (
            f"Scores van {inwoner.naam} per leefgebied {periode}, van {laag} (acute problemen) "
            f"tot {hoog} (volledig zelfredzaam). Laatste scores: {laatste_scores}. "
            "De cijfers staan ook in de tabel hierna."
        ),
    }


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
    for stap in LadderStap:
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
    netwerk = inwoner_dossier(inwoner=onderzoek.inwoner, vandaag=vandaag)["netwerk"]
    mantelzorgers = [p for p in netwerk if p.soort == NetwerkSoort.MANTELZORGER and p.tot is None]
    leefgebieden = list(selectors.leefgebieden_actief())
    schaal = (
        (leefgebieden[0].instrument.schaal_min, leefgebieden[0].instrument.schaal_max)
        if leefgebieden
        else (1, 5)
    )
    lopend = onderzoek.status == OnderzoekStatus.LOPEND
    kan_wijzigen = lopend and access.allows(request.user, Resource.ONDERZOEK, Action.WIJZIGEN)
    forms = {**_forms(onderzoek, leden, leefgebieden, bool(mantelzorgers)), **(bound or {})}

    afwegingen = {a.stap: a for a in onderzoek.afwegingen.all()}
    eerste_open = next((s for s in LadderStap if int(s) not in afwegingen), None)
    ladder = [
        {
            "stap": stap,
            "afweging": afwegingen.get(int(stap)),
            "form": forms[f"stap{int(stap)}"],
            "open": fout_sectie == f"stap-{int(stap)}"
            or (kan_wijzigen and not fout_sectie and stap == eerste_open),
        }
        for stap in LadderStap
    ]
    ladder_ontbrekend = maatwerk_ontbrekende_stappen(
        {
            LadderStap(a.stap): StapUitkomst(a.bevinding, a.volstaat, a.reden_niet_toereikend)
            for a in afwegingen.values()
        },
        LadderStap.INDIVIDUEEL_MAATWERK,
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


# --- writes -------------------------------------------------------------------------------------


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def gesprek_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = GesprekForm(request.POST, prefix="gesprek")
    if form.is_valid():
        try:
            gesprek = services.gesprek_add(
                onderzoek=onderzoek,
                datum=form.cleaned_data["datum"],
                plaats=form.cleaned_data["plaats"],
                deelnemers=form.cleaned_data["deelnemers"],
                notities=form.cleaned_data["notities"].strip(),
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Het gesprek van {_datum(gesprek.datum)} is vastgelegd.")
            return _terug(pk, "gesprekken")
    return _pagina(request, pk, bound={"gesprek": form}, fout_sectie="gesprekken", status=400)


def _onderdeel_opslaan(
    request: HttpRequest, onderzoek: Onderzoek, code: str, antwoord: str, reden: str
) -> None:
    if len(reden.strip()) > MAX_REDEN:
        raise ValidationError(
            f"Houd de reden bij onderdeel {code} kort: hoogstens {MAX_REDEN} tekens."
        )
    services.onderdeel_set(
        onderzoek=onderzoek,
        code=code,
        antwoord=antwoord,
        reden_niet_van_toepassing=reden,
        actor=request.user,
    )


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def onderdeel_autosave(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Save one subject a-g. With htmx: answer with a small status for the aria-live region;
    without: back to the page."""
    onderzoek = _wijzigbaar(request, pk)
    fout = ""
    try:
        _onderdeel_opslaan(
            request,
            onderzoek,
            code,
            request.POST.get(f"antwoord_{code}", ""),
            request.POST.get(f"reden_{code}", ""),
        )
    except ValidationError as exc:
        fout = " ".join(exc.messages)
    tijd = timezone.localtime().strftime("%H:%M")
    if request.htmx:
        context = {"code": code, "tijd": tijd, "fout": fout}
        return render(request, "onderzoeken/_onderdeel_status.html", context)
    if fout:
        messages.error(request, fout)
    else:
        messages.success(request, f"Onderdeel {code} is opgeslagen om {tijd}.")
    return _terug(pk, f"onderdeel-{code}")


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def onderdelen_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    """The submit button of the subjects a-g (works without JavaScript): all seven at once."""
    onderzoek = _wijzigbaar(request, pk)
    form = OnderdelenForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                for o in ONDERDELEN:
                    _onderdeel_opslaan(
                        request,
                        onderzoek,
                        o.code,
                        form.cleaned_data[f"antwoord_{o.code}"],
                        form.cleaned_data[f"reden_{o.code}"],
                    )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De onderdelen a tot en met g zijn opgeslagen.")
            return _terug(pk, "onderdelen")
    return _pagina(request, pk, bound={"onderdelen": form}, fout_sectie="onderdelen", status=400)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def checks_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = ChecksForm(request.POST, prefix="checks")
    if form.is_valid():
        try:
            services.onderzoek_set_checks(
                onderzoek=onderzoek,
                clientondersteuning_gewezen=form.cleaned_data["clientondersteuning_gewezen"],
                pgb_uitgelegd=form.cleaned_data["pgb_uitgelegd"],
                mantelzorger_besproken=MANTELZORGER_WAARDEN[form.cleaned_data["mantelzorger"]],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Wat er is besproken, is opgeslagen.")
            return _terug(pk, "besproken")
    return _pagina(request, pk, bound={"checks": form}, fout_sectie="besproken", status=400)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def scores_opslaan(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    leden = _leden(onderzoek, timezone.localdate())
    form = ScoresForm(
        request.POST,
        prefix="scores",
        leden=leden,
        leefgebieden=list(selectors.leefgebieden_actief()),
    )
    if form.is_valid():
        inwoner = next(i for i in leden if i.pk == form.cleaned_data["inwoner"])
        try:
            if onderzoek.status != OnderzoekStatus.LOPEND:
                raise ValidationError(DEFINITIEF)
            with transaction.atomic():  # all scores of this form, or none
                for leefgebied, score in form.gekozen():
                    services.score_add(
                        inwoner=inwoner,
                        leefgebied=leefgebied,
                        score=score,
                        datum=form.cleaned_data["datum"],
                        actor=request.user,
                        onderzoek=onderzoek,
                    )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            aantal = len(form.gekozen())
            messages.success(
                request,
                f"{aantal} score{'s' if aantal != 1 else ''} voor {inwoner.naam} opgeslagen.",
            )
            return _terug(pk, "leefgebieden")
    return _pagina(request, pk, bound={"scores": form}, fout_sectie="leefgebieden", status=400)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def afweging_opslaan(request: HttpRequest, pk: int, stap: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    try:
        ladderstap = LadderStap(stap)
    except ValueError as exc:
        raise Http404("Deze stap van de afweging bestaat niet.") from exc
    form = AfwegingForm(request.POST, stap=ladderstap)
    if form.is_valid():
        try:
            services.afweging_set(
                onderzoek=onderzoek,
                stap=ladderstap,
                bevinding=form.cleaned_data["bevinding"],
                volstaat=form.cleaned_data["volstaat"] == "ja",
                reden_niet_toereikend=form.cleaned_data["reden_niet_toereikend"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Stap {stap} ({ladderstap.label}) is opgeslagen.")
            return _terug(pk, f"stap-{stap}")
    return _pagina(request, pk, bound={f"stap{stap}": form}, fout_sectie=f"stap-{stap}", status=400)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_definitief(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    try:
        services.verslag_finalise(onderzoek=onderzoek, actor=request.user)
    except ValidationError as exc:
        return _pagina(request, pk, fout_sectie="verslag", finalise_fouten=exc.messages, status=400)
    messages.success(
        request,
        "Het verslag is definitief. Stuur het naar de inwoner (Wmo 2015 art. 2.3.2 lid 8) en "
        "leg vast wanneer u dat deed.",
    )
    return redirect("onderzoeken:verslag", pk=pk)


# --- the verslag --------------------------------------------------------------------------------


def _verslag_pagina(
    request: HttpRequest, pk: int, *, bound: dict[str, Form] | None = None, status: int = 200
) -> HttpResponse:
    onderzoek = _onderzoek(request, pk)
    if onderzoek.status != OnderzoekStatus.DEFINITIEF:
        messages.info(request, "Het verslag is nog niet definitief.")
        return _terug(pk, "verslag")
    vandaag = timezone.localdate()
    context = services.verslag_context(onderzoek)
    forms = {
        "verzonden": VerzondenForm(prefix="verzonden"),
        "reactie": ReactieForm(prefix="reactie"),
        **(bound or {}),
    }
    context.update(
        {
            "gesprekken": [
                {
                    "gesprek": g,
                    "deelnemers": [DEELNEMERS.get(c, c) for c in g.deelnemers.split(",") if c],
                }
                for g in context["gesprekken"]
            ],
            "vandaag": vandaag,
            "forms": forms,
            "reacties": list(onderzoek.reacties.all()),
            "kan_wijzigen": access.allows(request.user, Resource.ONDERZOEK, Action.WIJZIGEN),
        }
    )
    return render(request, "onderzoeken/verslag.html", context, status=status)


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    return _verslag_pagina(request, pk)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_verzonden(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = VerzondenForm(request.POST, prefix="verzonden")
    if form.is_valid():
        try:
            services.verslag_send(
                onderzoek=onderzoek, op=form.cleaned_data["op"], actor=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"Vastgelegd: het verslag is op {_datum(form.cleaned_data['op'])} "
                "naar de inwoner gestuurd.",
            )
            return redirect("onderzoeken:verslag", pk=pk)
    return _verslag_pagina(request, pk, bound={"verzonden": form}, status=400)


@require_POST
@access.requires(Resource.ONDERZOEK, Action.WIJZIGEN)
def verslag_reactie(request: HttpRequest, pk: int) -> HttpResponse:
    onderzoek = _wijzigbaar(request, pk)
    form = ReactieForm(request.POST, prefix="reactie")
    if form.is_valid():
        try:
            services.verslag_reactie_add(
                onderzoek=onderzoek,
                tekst=form.cleaned_data["tekst"],
                ontvangen_op=form.cleaned_data["ontvangen_op"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "De reactie van de inwoner is bij het verslag bewaard.")
            return redirect(reverse("onderzoeken:verslag", args=[pk]) + "#reacties")
    return _verslag_pagina(request, pk, bound={"reactie": form}, status=400)


# --- start and list -----------------------------------------------------------------------------


@access.requires(Resource.ONDERZOEK, Action.AANMAKEN)
def onderzoek_start(request: HttpRequest, melding_id: int) -> HttpResponse:
    """GET: what will start (the melding); POST: start the onderzoek and open its form. An
    onderzoek is about a known resident: the decision is on that resident (need-to-know)."""
    melding = (
        Melding.objects.select_related("inwoner", "huishouden", "medewerker__user")
        .filter(pk=melding_id)
        .first()
    )
    if melding is None:
        raise Http404("Deze melding bestaat niet.")
    if melding.inwoner_id is None:
        messages.error(
            request,
            "Identificeer eerst de inwoner van deze melding; daarna kan het onderzoek starten.",
        )
        return redirect("meldingen:detail", pk=melding.pk)
    access.require(
        request.user,
        Resource.ONDERZOEK,
        Action.AANMAKEN,
        via=_via(request),
        inwoner=melding.inwoner_id,
        doel=Doel.ONDERZOEK,
    )
    bestaand = Onderzoek.objects.filter(melding_id=melding.pk).values_list("pk", flat=True).first()
    if bestaand:
        return redirect("onderzoeken:detail", pk=bestaand)
    fouten: list[str] = []
    if request.method == "POST":
        try:
            onderzoek = services.onderzoek_start(melding=melding, actor=request.user)
        except ValidationError as exc:
            fouten = exc.messages
        else:
            messages.success(
                request,
                f"Het onderzoek voor {onderzoek.inwoner.naam} is gestart. Het moet uiterlijk "
                f"{_datum(melding.onderzoek_uiterlijk)} klaar zijn (Wmo 2015 art. 2.3.2 lid 1).",
            )
            return redirect("onderzoeken:detail", pk=onderzoek.pk)
    context = {"melding": melding, "fouten": fouten}
    return render(
        request, "onderzoeken/onderzoek_start.html", context, status=400 if fouten else 200
    )


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def onderzoek_lijst(request: HttpRequest) -> HttpResponse:
    """My work: assigned meldingen waiting for an onderzoek, and my onderzoeken. A list of
    names, like the worklist: no dossier is opened until one is clicked."""
    medewerker = medewerker_for_user(request.user)
    vandaag = timezone.localdate()
    onderzoeken = selectors.onderzoeken_in_scope(request.user).select_related(
        "inwoner", "melding", "huishouden", "medewerker__user"
    )
    wachtend = meldingen_in_scope(request.user).filter(
        status=MeldingStatus.TOEGEWEZEN, inwoner__isnull=False, onderzoek__isnull=True
    )
    if medewerker is not None:
        onderzoeken = onderzoeken.filter(medewerker=medewerker)
        wachtend = wachtend.filter(medewerker=medewerker)
    onderzoeken = list(onderzoeken.order_by("melding__onderzoek_uiterlijk", "id")[:200])
    context = {
        "vandaag": vandaag,
        "wachtend": list(wachtend.select_related("inwoner").order_by("ontvangen_op", "id")[:200]),
        "lopend": [o for o in onderzoeken if o.status == OnderzoekStatus.LOPEND],
        "afgerond": [o for o in onderzoeken if o.status != OnderzoekStatus.LOPEND],
        "kan_starten": access.allows(request.user, Resource.ONDERZOEK, Action.AANMAKEN),
    }
    return render(request, "onderzoeken/onderzoek_lijst.html", context)


@access.requires(Resource.ONDERZOEK, Action.LEZEN)
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The final verslag as PDF, exactly the text that became final (art. 2.3.2 lid 8)."""
    onderzoek = _onderzoek(request, pk)
    if onderzoek.status != OnderzoekStatus.DEFINITIEF:
        messages.info(request, "Het verslag is nog niet definitief.")
        return _terug(pk, "verslag")
    pdf = tekst_naar_pdf(
        titel=f"Verslag van het onderzoek - {onderzoek.inwoner.naam}", tekst=onderzoek.verslag_tekst
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verslag-{onderzoek.pk}.pdf"'
    return response
