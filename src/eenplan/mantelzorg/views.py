"""Staff pages for mantelzorg and volunteers (issue 15), and the care circle's page in the
resident portal (/mijn/kring/). They read through `mantelzorg.selectors` (shared with the API),
decide access in `privacy.access` and leave every decision on input to the services: a refusal
is shown next to its form with status 400."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.mantelzorg import forms as f
from eenplan.mantelzorg import opzoeken, selectors, services
from eenplan.mantelzorg.constants import KlusStatus, RespijtStatus
from eenplan.mantelzorg.models import Klus, Match, RespijtzorgVraag, Vrijwilliger
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek
from eenplan.plannen.models import Actie, Deelnemer, Plan
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import mantelzorg as regels
from eenplan.web.forms import add_service_errors, inwoner_by_bsn

R, A = Resource, Action
GEEN_GEMEENTE = (
    "Uw account hoort niet bij een gemeente; mantelzorg en vrijwilligers zijn per gemeente."
)


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _vandaag() -> dt.date:
    return timezone.localdate()


def _poging(request: HttpRequest, form: forms.Form, actie: Callable[[], Any], gelukt: str) -> bool:
    """Run a service for a valid form; a refusal goes on the form. True when it worked."""
    if not form.is_valid():
        return False
    try:
        actie()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    messages.success(request, gelukt)
    return True


# --- the register, per resident -----------------------------------------------------------------


def _inwoner_of_404(request: HttpRequest, inwoner_id: int, action: Action = A.LEZEN) -> Inwoner:
    """The resident within the login's municipality; else a logged refusal and a 404."""
    return access.get_or_refuse(
        request.user,
        R.MANTELZORG,
        action,
        via=_via(request),
        pk=inwoner_id,
        zoek=lambda gemeente_id: (
            Inwoner.objects.filter(
                pk=inwoner_id, gemeente_id=gemeente_id, wijk__gemeente_id=gemeente_id
            )
            .select_related("wijk")
            .first()
        ),
        wat="Inwoner",
        niet_gevonden="Deze inwoner bestaat niet.",
    )


def _netwerk(inwoner: Inwoner) -> list[tuple[int, str]]:
    return [
        (n.pk, f"{n.naam} ({n.get_soort_display().lower()})")
        for n in Netwerkpersoon.objects.filter(inwoner=inwoner)
    ]


def _inwoner_pagina(
    request: HttpRequest, inwoner: Inwoner, *, status: int = 200, **formulieren: Any
) -> HttpResponse:
    relaties = list(selectors.zorgrelaties_van(inwoner))
    for relatie in relaties:
        relatie.laatste_belasting = selectors.overbelast(relatie)
        relatie.jong = regels.is_jonge_mantelzorger(relatie.mantelzorger.geboortedatum, _vandaag())
    lopend = Onderzoek.objects.filter(inwoner=inwoner, status=OnderzoekStatus.LOPEND).order_by(
        "-created_at"
    )
    onderzoeken = [(o.pk, f"Onderzoek van {o.created_at:%d-%m-%Y}") for o in lopend]
    lopende_relaties = [(r.pk, r.mantelzorger.naam) for r in relaties if r.tot is None]
    context = {
        "inwoner": inwoner,
        "relaties": relaties,
        "klussen": list(selectors.klussen_in_scope(request.user).filter(hulpvrager=inwoner)),
        "mag_registreren": access.allows(request.user, R.MANTELZORG, A.AANMAKEN),
        "mag_belasting": onderzoeken
        and lopende_relaties
        and access.allows(request.user, R.ONDERZOEK, A.WIJZIGEN),
        "mag_klus": access.allows(request.user, R.KLUS, A.AANMAKEN),
        "form": formulieren.get("form")
        or f.MantelzorgerForm(netwerk=_netwerk(inwoner), initial={"sinds": None}),
        "belasting_form": formulieren.get("belasting_form")
        or f.BelastingForm(
            onderzoeken=onderzoeken,
            relaties=lopende_relaties,
            initial={"vastgesteld_op": _vandaag()},
        ),
        "klus_form": formulieren.get("klus_form") or f.KlusForm(),
    }
    return render(request, "mantelzorg/inwoner.html", context, status=status)


@access.requires(R.MANTELZORG, A.LEZEN, per_record=True)
def inwoner_mantelzorg(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """The carers of one resident (hours, duration, tasks, the latest burden), with the forms
    to register a carer, record the burden in a running onderzoek and ask for a volunteer."""
    inwoner = _inwoner_of_404(request, inwoner_id)
    access.require(request.user, R.MANTELZORG, A.LEZEN, via=_via(request), inwoner=inwoner)
    return _inwoner_pagina(request, inwoner)


@require_POST
@access.requires(R.MANTELZORG, A.AANMAKEN, per_record=True)
def registreren(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = _inwoner_of_404(request, inwoner_id, A.AANMAKEN)
    access.require(request.user, R.MANTELZORG, A.AANMAKEN, via=_via(request), inwoner=inwoner)
    form = f.MantelzorgerForm(request.POST, netwerk=_netwerk(inwoner))

    def doe() -> Any:
        d = form.cleaned_data
        als = inwoner_by_bsn(request.user, d["bsn"]) if d["bsn"].strip() else None
        netwerk = Netwerkpersoon.objects.filter(pk=d["netwerkpersoon"] or 0).first()
        return services.mantelzorger_register(
            verzorgde=inwoner,
            naam=d["naam"],
            als_inwoner=als,
            geboortedatum=d["geboortedatum"],
            woonplaats=d["woonplaats"],
            telefoon=d["telefoon"],
            relatie=d["relatie"],
            uren_per_week=d["uren_per_week"],
            sinds=d["sinds"],
            taken=d["taken"],
            netwerkpersoon=netwerk,
            actor=request.user,
            via=_via(request),
        )

    if _poging(request, form, doe, "De mantelzorger is geregistreerd."):
        return redirect("mantelzorg:inwoner", inwoner_id=inwoner.pk)
    return _inwoner_pagina(request, inwoner, status=400, form=form)


@require_POST
@access.requires(R.ONDERZOEK, A.WIJZIGEN, per_record=True)
def belasting(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = _inwoner_of_404(request, inwoner_id, A.WIJZIGEN)
    access.require(request.user, R.ONDERZOEK, A.WIJZIGEN, via=_via(request), inwoner=inwoner)
    relaties = [(r.pk, r.mantelzorger.naam) for r in selectors.zorgrelaties_van(inwoner)]
    onderzoeken = [(o.pk, str(o.pk)) for o in Onderzoek.objects.filter(inwoner=inwoner)]
    form = f.BelastingForm(request.POST, onderzoeken=onderzoeken, relaties=relaties)

    def doe() -> Any:
        d = form.cleaned_data
        return services.belasting_vastleggen(
            onderzoek=Onderzoek.objects.get(pk=d["onderzoek"]),
            zorgrelatie=selectors.zorgrelaties_van(inwoner).get(pk=d["zorgrelatie"]),
            overbelast=d["overbelast"] == "ja",
            vastgesteld_op=d["vastgesteld_op"],
            toelichting=d["toelichting"],
            actor=request.user,
            via=_via(request),
        )

    if _poging(request, form, doe, "De belasting van de mantelzorger is vastgelegd."):
        return redirect("mantelzorg:inwoner", inwoner_id=inwoner.pk)
    return _inwoner_pagina(request, inwoner, status=400, belasting_form=form)


@require_POST
@access.requires(R.KLUS, A.AANMAKEN, per_record=True)
def klus_nieuw(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = _inwoner_of_404(request, inwoner_id, A.AANMAKEN)
    access.require(request.user, R.KLUS, A.AANMAKEN, via=_via(request), inwoner=inwoner)
    form = f.KlusForm(request.POST)
    gemaakt: list[Klus] = []

    def doe() -> Any:
        d = form.cleaned_data
        gemaakt.append(
            services.klus_add(
                hulpvrager=inwoner,
                vaardigheid=d["vaardigheid"],
                omschrijving=d["omschrijving"],
                datum=d["datum"],
                dagdeel=d["dagdeel"],
                actor=request.user,
                via=_via(request),
            )
        )

    if _poging(request, form, doe, "De klus is aangemaakt: kies een vrijwilliger."):
        return redirect("mantelzorg:klus", pk=gemaakt[0].pk)
    return _inwoner_pagina(request, inwoner, status=400, klus_form=form)


# --- the list and one carer ---------------------------------------------------------------------


@access.requires(R.MANTELZORG, A.LEZEN)
def mantelzorgers(request: HttpRequest) -> HttpResponse:
    """The carers of the residents in the login's scope; search by name, young carers apart."""
    zoek = request.GET.get("zoek", "").strip()[:100]
    jong = request.GET.get("jong") == "on"
    rijen = list(selectors.mantelzorgers_in_scope(request.user, zoek=zoek, jong=jong)[:200])
    vandaag = _vandaag()
    for mz in rijen:
        mz.jong = regels.is_jonge_mantelzorger(mz.geboortedatum, vandaag)
        mz.lopend = [r for r in mz.zorgrelaties.all() if r.tot is None]
    access.log_shown(
        request.user,
        [r.inwoner_id for mz in rijen for r in mz.zorgrelaties.all()],
        resource=R.MANTELZORG,
        via=_via(request),
        gemeenten={
            r.inwoner_id: r.inwoner.gemeente_id for mz in rijen for r in mz.zorgrelaties.all()
        },
    )
    return render(
        request,
        "mantelzorg/mantelzorgers.html",
        {"rijen": rijen, "zoek": zoek, "jong": jong},
    )


def _mantelzorger_of_404(request: HttpRequest, pk: int, action: Action = A.LEZEN) -> Any:
    """The carer within the login's municipality; else a logged refusal and a 404."""
    return opzoeken.mantelzorger(request.user, pk, action, via=_via(request))


def _verzorgden(mz: Any) -> list[tuple[int, str]]:
    gezien: dict[int, str] = {}
    for r in mz.zorgrelaties.all():
        gezien.setdefault(r.inwoner_id, r.inwoner.naam)
    return list(gezien.items())


def _mantelzorger_pagina(
    request: HttpRequest, mz: Any, *, status: int = 200, **formulieren: Any
) -> HttpResponse:
    vandaag = _vandaag()
    verzorgden = _verzorgden(mz)
    for r in mz.zorgrelaties.all():
        r.laatste_belasting = selectors.overbelast(r)
        r.intensief = regels.is_langdurig_of_intensief(r.uren_per_week, r.sinds, vandaag)
    context = {
        "mz": mz,
        "jong": regels.is_jonge_mantelzorger(mz.geboortedatum, vandaag),
        "leeftijd": regels.leeftijd_op(mz.geboortedatum, vandaag) if mz.geboortedatum else None,
        "mag_wijzigen": access.allows(request.user, R.MANTELZORG, A.WIJZIGEN),
        "mag_koppelen": access.allows(request.user, R.MANTELZORG, A.AANMAKEN),
        "ondersteuning_form": formulieren.get("ondersteuning_form")
        or f.OndersteuningForm(initial={"datum": vandaag}),
        "respijt_form": formulieren.get("respijt_form")
        or f.RespijtForm(verzorgden=verzorgden, initial={"gevraagd_op": vandaag}),
        "waardering_form": formulieren.get("waardering_form")
        or f.WaarderingForm(
            verzorgden=verzorgden, initial={"aangevraagd_op": vandaag, "aangevraagd_door": "zelf"}
        ),
        "relatie_form": formulieren.get("relatie_form") or f.ZorgrelatieForm(),
        "afhandel_form": formulieren.get("afhandel_form")
        or f.RespijtAfhandelForm(initial={"afgehandeld_op": vandaag}),
        "afhandel_vraag": formulieren.get("afhandel_vraag"),
        "open_status": RespijtStatus.OPEN,
        "dit_jaar": vandaag.year,
    }
    return render(request, "mantelzorg/mantelzorger.html", context, status=status)


@access.requires(R.MANTELZORG, A.LEZEN, per_record=True)
def mantelzorger(request: HttpRequest, pk: int) -> HttpResponse:
    """One carer: whom they care for (hours, since when, tasks, burden), the support they got
    along the eight basisfuncties, their respite requests and their yearly appreciations."""
    mz = _mantelzorger_of_404(request, pk)
    services.mantelzorger_require(request.user, mz, A.LEZEN, via=_via(request))
    return _mantelzorger_pagina(request, mz)


def _mz_post(
    request: HttpRequest,
    pk: int,
    form_naam: str,
    form: forms.Form,
    doe: Callable[[Any], Any],
    gelukt: str,
    **extra: Any,
) -> HttpResponse:
    mz = _mantelzorger_of_404(request, pk, A.WIJZIGEN)
    services.mantelzorger_require(request.user, mz, A.WIJZIGEN, via=_via(request))
    if _poging(request, form, lambda: doe(mz), gelukt):
        return redirect("mantelzorg:mantelzorger", pk=mz.pk)
    return _mantelzorger_pagina(request, mz, status=400, **{form_naam: form}, **extra)


@require_POST
@access.requires(R.MANTELZORG, A.WIJZIGEN, per_record=True)
def ondersteuning(request: HttpRequest, pk: int) -> HttpResponse:
    form = f.OndersteuningForm(request.POST)

    def doe(mz: Any) -> Any:
        d = form.cleaned_data
        return services.ondersteuning_add(
            mantelzorger=mz, actor=request.user, via=_via(request), **d
        )

    return _mz_post(request, pk, "ondersteuning_form", form, doe, "De ondersteuning is vastgelegd.")


@require_POST
@access.requires(R.MANTELZORG, A.WIJZIGEN, per_record=True)
def respijt(request: HttpRequest, pk: int) -> HttpResponse:
    mz = _mantelzorger_of_404(request, pk, A.WIJZIGEN)
    form = f.RespijtForm(request.POST, verzorgden=_verzorgden(mz))

    def doe(mz: Any) -> Any:
        d = dict(form.cleaned_data)
        inwoner = Inwoner.objects.get(pk=d.pop("inwoner"))
        return services.respijt_vraag_add(
            mantelzorger=mz, inwoner=inwoner, actor=request.user, via=_via(request), **d
        )

    return _mz_post(
        request, pk, "respijt_form", form, doe, "De vraag om respijtzorg is vastgelegd."
    )


@require_POST
@access.requires(R.MANTELZORG, A.WIJZIGEN, per_record=True)
def respijt_afhandelen(request: HttpRequest, pk: int, vraag_id: int) -> HttpResponse:
    mz = _mantelzorger_of_404(request, pk, A.WIJZIGEN)
    vraag = RespijtzorgVraag.objects.filter(
        pk=vraag_id, mantelzorger=mz, mantelzorger__gemeente_id=mz.gemeente_id
    ).first()
    if vraag is None:
        raise Http404("Deze vraag om respijtzorg bestaat niet.")
    form = f.RespijtAfhandelForm(request.POST)

    def doe(mz: Any) -> Any:
        return services.respijt_vraag_afhandelen(
            vraag=vraag, actor=request.user, via=_via(request), **form.cleaned_data
        )

    return _mz_post(
        request,
        pk,
        "afhandel_form",
        form,
        doe,
        "De uitkomst is vastgelegd.",
        afhandel_vraag=vraag.pk,
    )


@require_POST
@access.requires(R.MANTELZORG, A.WIJZIGEN, per_record=True)
def waardering(request: HttpRequest, pk: int) -> HttpResponse:
    mz = _mantelzorger_of_404(request, pk, A.WIJZIGEN)
    form = f.WaarderingForm(request.POST, verzorgden=_verzorgden(mz))

    def doe(mz: Any) -> Any:
        d = dict(form.cleaned_data)
        namens = Inwoner.objects.get(pk=d.pop("namens"))
        return services.waardering_aanvragen(
            mantelzorger=mz, namens=namens, actor=request.user, via=_via(request), **d
        )

    return _mz_post(
        request, pk, "waardering_form", form, doe, "De mantelzorgwaardering is toegekend."
    )


@require_POST
@access.requires(R.MANTELZORG, A.AANMAKEN, per_record=True)
def zorgrelatie(request: HttpRequest, pk: int) -> HttpResponse:
    form = f.ZorgrelatieForm(request.POST)

    def doe(mz: Any) -> Any:
        d = dict(form.cleaned_data)
        try:
            inwoner = inwoner_by_bsn(request.user, d.pop("bsn"))
        except ValidationError as exc:
            raise ValidationError({"bsn": exc.messages}) from exc
        return services.zorgrelatie_add(
            mantelzorger=mz, inwoner=inwoner, actor=request.user, via=_via(request), **d
        )

    return _mz_post(
        request, pk, "relatie_form", form, doe, "De zorg voor deze inwoner is vastgelegd."
    )


# --- respite: demand and supply -------------------------------------------------------------------


@access.requires(R.MANTELZORG, A.LEZEN)
def respijtzorg(request: HttpRequest) -> HttpResponse:
    """Respite care asked for and delivered, per kind, in a period (aggregates only)."""
    gemeente = _gemeente(request)
    vandaag = _vandaag()
    try:
        van = dt.date.fromisoformat(request.GET.get("van", ""))
    except ValueError:
        van = vandaag.replace(month=1, day=1)
    try:
        tot = dt.date.fromisoformat(request.GET.get("tot", ""))
    except ValueError:
        tot = vandaag
    regels_ = selectors.respijt_vraag_aanbod(gemeente=gemeente, van=van, tot=tot)
    return render(
        request,
        "mantelzorg/respijtzorg.html",
        {"regels": regels_, "van": van, "tot": tot},
    )


# --- the municipality's choice for the appreciation ---------------------------------------------


def _regeling_pagina(
    request: HttpRequest, *, form: f.RegelingForm | None = None, status: int = 200
) -> HttpResponse:
    gemeente = _gemeente(request)
    versies = list(selectors.regelingen(gemeente))
    nu = regels.regeling_op(services.regeling_versies(gemeente.pk), _vandaag())
    return render(
        request,
        "mantelzorg/waardering.html",
        {
            "versies": versies,
            "nu": nu,
            "form": form or f.RegelingForm(initial={"vorm": "bedrag"}),
            "mag_wijzigen": access.allows(request.user, R.INSTELLINGEN, A.WIJZIGEN),
        },
        status=status,
    )


@access.requires(R.INSTELLINGEN, A.LEZEN)
def waardering_regeling(request: HttpRequest) -> HttpResponse:
    """How the municipality appreciates carers each year (Wmo 2015 art. 2.1.6), every version
    with its date and source."""
    return _regeling_pagina(request)


@require_POST
@access.requires(R.INSTELLINGEN, A.WIJZIGEN)
def waardering_regeling_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = f.RegelingForm(request.POST)

    def doe() -> Any:
        return services.regeling_save(
            gemeente=gemeente, actor=request.user, via=_via(request), **form.cleaned_data
        )

    if _poging(request, form, doe, "De nieuwe versie van de regeling is opgeslagen."):
        return redirect("mantelzorg:waardering")
    return _regeling_pagina(request, form=form, status=400)


# --- how old a volunteer's VOG may be -----------------------------------------------------------


def _vog_pagina(
    request: HttpRequest, *, form: f.VogTermijnForm | None = None, status: int = 200
) -> HttpResponse:
    gemeente = _gemeente(request)
    nu = regels.vog_termijn_op(selectors.vog_termijn_versies(gemeente.pk), _vandaag())
    return render(
        request,
        "mantelzorg/vog.html",
        {
            "versies": list(selectors.vog_termijnen(gemeente)),
            "nu": nu,
            "form": form or f.VogTermijnForm(),
            "mag_wijzigen": access.allows(request.user, R.INSTELLINGEN, A.WIJZIGEN),
        },
        status=status,
    )


@access.requires(R.INSTELLINGEN, A.LEZEN)
def vog_termijn(request: HttpRequest) -> HttpResponse:
    """How old a volunteer's VOG may be on the day of a klus (the municipality's choice; the law
    gives a VOG no term), every version with its date and source."""
    return _vog_pagina(request)


@require_POST
@access.requires(R.INSTELLINGEN, A.WIJZIGEN)
def vog_termijn_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    form = f.VogTermijnForm(request.POST)

    def doe() -> Any:
        return services.vog_termijn_save(
            gemeente=gemeente, actor=request.user, via=_via(request), **form.cleaned_data
        )

    if _poging(request, form, doe, "De nieuwe termijn voor de VOG is opgeslagen."):
        return redirect("mantelzorg:vog")
    return _vog_pagina(request, form=form, status=400)


# --- volunteers -------------------------------------------------------------------------------


def _wijken(gemeente: Gemeente) -> list[tuple[int, str]]:
    return [(w.pk, w.naam) for w in Wijk.objects.filter(gemeente=gemeente).order_by("naam")]


@access.requires(R.VRIJWILLIGER, A.LEZEN)
def vrijwilligers(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    zoek_form = f.VrijwilligerZoekForm(request.GET or None)
    zoek, vaardigheid = "", ""
    if zoek_form.is_valid():
        zoek, vaardigheid = zoek_form.cleaned_data["zoek"], zoek_form.cleaned_data["vaardigheid"]
    rijen = selectors.vrijwilligers_list(gemeente=gemeente, zoek=zoek, vaardigheid=vaardigheid)
    return render(
        request,
        "mantelzorg/vrijwilligers.html",
        {
            "rijen": rijen,
            "zoek_form": zoek_form,
            "mag_wijzigen": access.allows(request.user, R.VRIJWILLIGER, A.AANMAKEN),
            "vandaag": _vandaag(),
        },
    )


def _vrijwilliger_form_pagina(
    request: HttpRequest, form: f.VrijwilligerForm, v: Vrijwilliger | None, status: int = 200
) -> HttpResponse:
    return render(
        request, "mantelzorg/vrijwilliger_formulier.html", {"form": form, "v": v}, status=status
    )


def _vrijwilliger_opslaan(
    request: HttpRequest, gemeente: Gemeente, v: Vrijwilliger | None
) -> HttpResponse:
    form = f.VrijwilligerForm(request.POST, wijken=_wijken(gemeente))
    opgeslagen: list[Vrijwilliger] = []

    def doe() -> Any:
        d = dict(form.cleaned_data)
        wijk = Wijk.objects.get(pk=d.pop("wijk"))
        opgeslagen.append(
            services.vrijwilliger_save(
                gemeente=gemeente,
                vrijwilliger=v,
                wijk=wijk,
                actor=request.user,
                via=_via(request),
                als_inwoner=v.als_inwoner if v else None,
                **d,
            )
        )

    if _poging(request, form, doe, "De vrijwilliger is opgeslagen."):
        return redirect("mantelzorg:vrijwilliger", pk=opgeslagen[0].pk)
    return _vrijwilliger_form_pagina(request, form, v, status=400)


@access.requires(R.VRIJWILLIGER, A.AANMAKEN)
def vrijwilliger_nieuw(request: HttpRequest) -> HttpResponse:
    gemeente = _gemeente(request)
    if request.method == "POST":
        return _vrijwilliger_opslaan(request, gemeente, None)
    form = f.VrijwilligerForm(wijken=_wijken(gemeente), initial={"actief": True})
    return _vrijwilliger_form_pagina(request, form, None)


@access.requires(R.VRIJWILLIGER, A.AANMAKEN)
def tegenprestatie(request: HttpRequest) -> HttpResponse:
    """Offer volunteer work to a tegenprestatie candidate (Participatiewet art. 9 lid 1 onder c):
    the resident gets a volunteer profile in their own wijk, and the klussen that fit show on
    it. The service decides access to the resident (logged) and refuses bad input in Dutch."""
    _gemeente(request)
    if request.method != "POST":
        form = f.TegenprestatieForm()
        return render(request, "mantelzorg/tegenprestatie.html", {"form": form})
    form = f.TegenprestatieForm(request.POST)
    opgeslagen: list[Vrijwilliger] = []

    def doe() -> Any:
        d = form.cleaned_data
        try:
            inwoner = inwoner_by_bsn(request.user, d["bsn"])
        except ValidationError as exc:
            raise ValidationError({"bsn": exc.messages}) from exc
        opgeslagen.append(
            services.vrijwilligerswerk_aanbieden(
                inwoner=inwoner,
                vaardigheden=d["vaardigheden"],
                beschikbaarheid=d["beschikbaarheid"],
                actor=request.user,
                via=_via(request),
            )
        )

    if _poging(
        request, form, doe, "Het vrijwilligerswerk is aangeboden: dit zijn de klussen die passen."
    ):
        return redirect("mantelzorg:vrijwilliger", pk=opgeslagen[0].pk)
    return render(request, "mantelzorg/tegenprestatie.html", {"form": form}, status=400)


def _vrijwilliger_of_404(request: HttpRequest, pk: int, action: Action = A.LEZEN) -> Vrijwilliger:
    """The volunteer within the login's municipality; else a logged refusal and a 404."""
    return opzoeken.vrijwilliger(
        request.user, pk, action, via=_via(request), gemeente=_gemeente(request)
    )


@access.requires(R.VRIJWILLIGER, A.LEZEN)
def vrijwilliger(request: HttpRequest, pk: int) -> HttpResponse:
    v = _vrijwilliger_of_404(request, pk)
    return render(
        request,
        "mantelzorg/vrijwilliger.html",
        {
            "v": v,
            "beschikbaar": [regels.dagdeel_label(d) for d in v.beschikbaarheid],
            "vog_fouten": selectors.vog_te_oud(
                v, _vandaag(), selectors.vog_termijn_versies(v.gemeente_id)
            ),
            "passend": selectors.klussen_voor(v)[:20],
            "mag_wijzigen": access.allows(request.user, R.VRIJWILLIGER, A.WIJZIGEN),
        },
    )


@access.requires(R.VRIJWILLIGER, A.WIJZIGEN)
def vrijwilliger_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    v = _vrijwilliger_of_404(request, pk, A.WIJZIGEN)
    if request.method == "POST":
        return _vrijwilliger_opslaan(request, v.gemeente, v)
    initial = {
        veld: getattr(v, veld)
        for veld in (
            "naam",
            "telefoon",
            "email",
            "vaardigheden",
            "beschikbaarheid",
            "vog_datum",
            "actief",
        )
    }
    form = f.VrijwilligerForm(wijken=_wijken(v.gemeente), initial={**initial, "wijk": v.wijk_id})
    return _vrijwilliger_form_pagina(request, form, v)


# --- klussen --------------------------------------------------------------------------------------


@access.requires(R.KLUS, A.LEZEN)
def klussen(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in KlusStatus.values:
        status = ""
    rijen = list(selectors.klussen_in_scope(request.user, status=status)[:200])
    access.log_shown(
        request.user,
        [k.hulpvrager_id for k in rijen],
        resource=R.KLUS,
        via=_via(request),
        gemeenten={k.hulpvrager_id: k.hulpvrager.gemeente_id for k in rijen},
    )
    return render(
        request,
        "mantelzorg/klussen.html",
        {"rijen": rijen, "status": status, "statussen": KlusStatus.choices},
    )


def _klus_of_404(request: HttpRequest, pk: int, action: Action = A.LEZEN) -> Klus:
    """The klus within the login's municipality; else a logged refusal and a 404."""
    return opzoeken.klus(request.user, pk, action, via=_via(request))


def _klus_pagina(
    request: HttpRequest, klus: Klus, *, status: int = 200, **formulieren: Any
) -> HttpResponse:
    lopend = next((m for m in klus.matches.all() if not m.uitkomst), None)
    return render(
        request,
        "mantelzorg/klus.html",
        {
            "klus": klus,
            "kandidaten": selectors.kandidaten(klus) if klus.status == KlusStatus.OPEN else [],
            "lopend": lopend,
            "match_form": formulieren.get("match_form") or f.MatchForm(),
            "uitkomst_form": formulieren.get("uitkomst_form")
            or f.UitkomstForm(initial={"op": _vandaag()}),
            "mag_wijzigen": access.allows(request.user, R.KLUS, A.WIJZIGEN),
        },
        status=status,
    )


@access.requires(R.KLUS, A.LEZEN, per_record=True)
def klus(request: HttpRequest, pk: int) -> HttpResponse:
    """A klus with the volunteers who fit it (skill, availability; own wijk first)."""
    k = _klus_of_404(request, pk)
    access.require(request.user, R.KLUS, A.LEZEN, via=_via(request), inwoner=k.hulpvrager)
    return _klus_pagina(request, k)


@require_POST
@access.requires(R.KLUS, A.WIJZIGEN, per_record=True)
def klus_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    k = _klus_of_404(request, pk, A.WIJZIGEN)
    access.require(request.user, R.KLUS, A.WIJZIGEN, via=_via(request), inwoner=k.hulpvrager)
    form = f.MatchForm(request.POST)

    def doe() -> Any:
        v = Vrijwilliger.objects.filter(pk=form.cleaned_data["vrijwilliger"]).first()
        if v is None:
            raise ValidationError({"vrijwilliger": "Kies een vrijwilliger uit de lijst."})
        return services.match_maken(klus=k, vrijwilliger=v, actor=request.user, via=_via(request))

    if _poging(request, form, doe, "De vrijwilliger is gekoppeld."):
        return redirect("mantelzorg:klus", pk=k.pk)
    return _klus_pagina(request, k, status=400, match_form=form)


@require_POST
@access.requires(R.KLUS, A.WIJZIGEN, per_record=True)
def klus_uitkomst(request: HttpRequest, pk: int) -> HttpResponse:
    k = _klus_of_404(request, pk, A.WIJZIGEN)
    access.require(request.user, R.KLUS, A.WIJZIGEN, via=_via(request), inwoner=k.hulpvrager)
    form = f.UitkomstForm(request.POST)
    lopend = Match.objects.filter(klus=k, uitkomst="").first()

    def doe() -> Any:
        if lopend is None:
            raise ValidationError("Aan deze klus is geen vrijwilliger gekoppeld.")
        return services.match_uitkomst(
            match=lopend, actor=request.user, via=_via(request), **form.cleaned_data
        )

    if _poging(request, form, doe, "De uitkomst is vastgelegd."):
        return redirect("mantelzorg:klus", pk=k.pk)
    return _klus_pagina(request, k, status=400, uitkomst_form=form)


# --- the care circle: staff assign, the circle sees and marks done -------------------------------


def _plan_of_404(request: HttpRequest, plan_id: int, action: Action = A.LEZEN) -> Plan:
    """The plan within the login's municipality; else a logged refusal and a 404."""
    return access.get_or_refuse(
        request.user,
        R.PLAN,
        action,
        via=_via(request),
        pk=plan_id,
        zoek=lambda gemeente_id: (
            Plan.objects.filter(pk=plan_id, huishouden__gemeente_id=gemeente_id)
            .select_related("huishouden")
            .first()
        ),
        wat="Plan",
        niet_gevonden="Dit plan bestaat niet.",
    )


def _kring_pagina(
    request: HttpRequest, plan: Plan, *, form: f.KringForm | None = None, status: int = 200
) -> HttpResponse:
    vandaag = _vandaag()
    toewijzingen = list(selectors.kring_van_plan(plan.pk))
    toegewezen = {t.actie_id for t in toewijzingen}
    acties = [
        (a.pk, a.omschrijving)
        for a in Actie.objects.filter(doel__plan=plan, gedaan_op__isnull=True).order_by("id")
        if a.pk not in toegewezen
    ]
    deelnemers = Deelnemer.objects.filter(
        plan=plan, netwerkpersoon__isnull=False, toestemming__gegeven_op__lte=vandaag
    ).select_related("netwerkpersoon", "toestemming")
    personen = [
        (d.netwerkpersoon_id, d.netwerkpersoon.naam)
        for d in deelnemers
        if d.toestemming.ingetrokken_op is None or d.toestemming.ingetrokken_op > vandaag
    ]
    return render(
        request,
        "mantelzorg/kring.html",
        {
            "plan": plan,
            "toewijzingen": toewijzingen,
            "form": form or f.KringForm(acties=acties, personen=personen),
            "kan_toewijzen": bool(acties and personen)
            and access.allows(request.user, R.PLAN, A.WIJZIGEN),
        },
        status=status,
    )


@access.requires(R.PLAN, A.LEZEN, per_record=True)
def kring(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The plan's actions assigned to the care circle (network persons who take part with the
    resident's consent), and assigning one."""
    plan = _plan_of_404(request, plan_id)
    access.require(request.user, R.PLAN, A.LEZEN, via=_via(request), huishouden=plan.huishouden_id)
    return _kring_pagina(request, plan)


@require_POST
@access.requires(R.PLAN, A.WIJZIGEN, per_record=True)
def kring_toewijzen(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan_of_404(request, plan_id, A.WIJZIGEN)
    access.require(
        request.user, R.PLAN, A.WIJZIGEN, via=_via(request), huishouden=plan.huishouden_id
    )
    acties = [(a.pk, a.omschrijving) for a in Actie.objects.filter(doel__plan=plan)]
    personen = [
        (d.netwerkpersoon_id, str(d.netwerkpersoon_id))
        for d in Deelnemer.objects.filter(plan=plan, netwerkpersoon__isnull=False)
    ]
    form = f.KringForm(request.POST, acties=acties, personen=personen)

    def doe() -> Any:
        d = form.cleaned_data
        return services.kring_toewijzen(
            actie=Actie.objects.get(pk=d["actie"]),
            netwerkpersoon=Netwerkpersoon.objects.get(pk=d["netwerkpersoon"]),
            actor=request.user,
            via=_via(request),
        )

    if _poging(request, form, doe, "De actie staat nu bij deze persoon in Mijn zaak."):
        return redirect("mantelzorg:kring", plan_id=plan.pk)
    return _kring_pagina(request, plan, form=form, status=400)


@access.requires_inwoner(R.KRING, A.LEZEN)
def mijn_kring(request: HttpRequest) -> HttpResponse:
    """For a network person: the actions of other residents' plans assigned to them, while the
    resident's consent holds (B1 Dutch). Each shown action is logged for its resident."""
    actor = access.Actor.of(request.user)
    rijen = list(selectors.kring_acties(actor.inwoner_id or 0))
    for rij in rijen:
        access.decide_kring(request.user, A.LEZEN, via=_via(request), actie=rij.actie_id)
    return render(request, "mantelzorg/mijn_kring.html", {"rijen": rijen})


@require_POST
@access.requires_inwoner(R.KRING, A.WIJZIGEN)
def mijn_kring_gedaan(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an action of the care circle done today (plannen.actie_gedaan decides again)."""
    from eenplan.plannen.services import actie_gedaan

    decision = access.decide_kring(request.user, A.WIJZIGEN, via=_via(request), actie=pk)
    if not decision.allowed:
        raise Http404("Deze actie staat niet bij u.")
    actie = Actie.objects.get(pk=pk)
    try:
        actie_gedaan(actie=actie, op=_vandaag(), actor=request.user)
    except ValidationError as exc:
        rijen = list(selectors.kring_acties(access.Actor.of(request.user).inwoner_id or 0))
        return render(
            request,
            "mantelzorg/mijn_kring.html",
            {"rijen": rijen, "fout": " ".join(exc.messages)},
            status=400,
        )
    messages.success(request, "Dank u wel. De actie staat nu op gedaan.")
    return redirect("mantelzorg_mijn:kring")
