"""Pages of steering figures for the policy officer, the contract manager and the council member
(`/sturing/`): the indicators with their latest snapshot and trend, one indicator's table by a
dimension with filters and its trend (SVG with a table alternative), and the exports. Guarded by
the aggregate rule of `privacy.access` (`Resource.STURING`); no page here opens a dossier and
every number passes the small-cell suppression."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.sturing import exports, params, selectors, services
from eenplan.sturing.forms import MomentopnamenForm
from eenplan.sturing.grafiek import trend_svg
from eenplan.sturing.onderdrukking import DREMPEL
from eenplan.sturing.registry import DIMENSIES, Indicator
from eenplan.web.parameters import allowed_parameters

GEEN_GEMEENTE = "Uw account hoort niet bij een gemeente; stuurinformatie is per gemeente."


def _gemeente(request: HttpRequest) -> Gemeente:
    return access.gemeente_van(request, reden=GEEN_GEMEENTE)


def _indicator(indicator_id: str) -> Indicator:
    indicator = selectors.indicatoren_by_id().get(indicator_id)
    if indicator is None:
        raise Http404("Deze indicator bestaat niet.")
    return indicator


@access.requires(Resource.STURING, Action.LEZEN)
@allowed_parameters()
def overzicht(request: HttpRequest) -> HttpResponse:
    """Every indicator by theme with its value in the latest snapshot and a small trend."""
    return _overzicht(request)


@require_POST
@access.requires(Resource.STURING, Action.AANMAKEN)
@allowed_parameters()
def momentopnamen(request: HttpRequest) -> HttpResponse:
    """Start taking (or recomputing) the snapshots of the chosen months: a task whose progress
    the policy officer follows on its own page (eenplan.taken)."""
    gemeente = _gemeente(request)
    form = MomentopnamenForm(request.POST)
    if form.is_valid():
        try:
            taak = services.momentopnamen_starten(
                door=request.user,
                gemeente=gemeente,
                van=form.cleaned_data["van"],
                tot=form.cleaned_data["tot"],
                opnieuw=form.cleaned_data["opnieuw"],
                herkomst=reverse("sturing:overzicht"),
            )
        except ValidationError as e:
            for veld, fouten in e.message_dict.items():
                for fout in fouten:
                    form.add_error(veld if veld in form.fields else None, fout)
        else:
            return redirect("taken:detail", taak.pk)
    return _overzicht(request, form=form, status=400)


def _overzicht(
    request: HttpRequest, *, form: MomentopnamenForm | None = None, status: int = 200
) -> HttpResponse:
    gemeente = _gemeente(request)
    opname, laatste = selectors.laatste_opname(gemeente_id=gemeente.pk)
    themas: dict[str, list[dict[str, Any]]] = {}
    for indicator in selectors.indicatoren():
        themas.setdefault(indicator.thema, []).append(
            {"indicator": indicator, "cel": laatste.get(indicator.id)}
        )
    mag_opnemen = access.allows(request.user, Resource.STURING, Action.AANMAKEN)
    return render(
        request,
        "sturing/overzicht.html",
        {
            "themas": themas,
            "opname": opname,
            "drempel": DREMPEL,
            "momentopnamen_form": (form or MomentopnamenForm.standaard()) if mag_opnemen else None,
        },
        status=status,
    )


def _query_zonder(request: HttpRequest, *weg: str) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k not in weg and v])


@access.requires(Resource.STURING, Action.LEZEN)
@allowed_parameters(*params.PARAMETERS)
def detail(request: HttpRequest, indicator: str) -> HttpResponse:
    """One indicator: the table by the chosen dimension over the chosen period, filtered, and
    the monthly trend from the snapshots. Bad input: the form with a Dutch error (400)."""
    gemeente = _gemeente(request)
    ind = _indicator(indicator)
    fouten: dict[str, list[str]] = {}
    tabel = None
    try:
        verzoek = params.lees(request.GET)
        tabel = selectors.indicator_tabel(
            ind,
            gemeente_id=gemeente.pk,
            van=verzoek.van,
            tot=verzoek.tot,
            per=verzoek.per,
            filters=verzoek.filters,
        )
    except ValidationError as e:
        fouten = e.message_dict
        verzoek = None
    punten = selectors.trend(ind, gemeente_id=gemeente.pk)
    filters = [
        {
            "dimensie": d,
            "keuzes": sorted(selectors.dimensie_labels(d.id, gemeente.pk).items()),
            "gekozen": request.GET.get(d.id, ""),
        }
        for d in ind.filters
    ]
    context = {
        "indicator": ind,
        "tabel": tabel,
        "verzoek": verzoek,
        "fouten": fouten,
        "splitsingen": ind.splitsingen,
        "filters": filters,
        "per_naam": DIMENSIES[tabel.per].naam if tabel and tabel.per else "",
        "punten": punten,
        "svg": trend_svg(
            punten, titel=f"Trend: {ind.naam}", eenheid=ind.eenheid.label, id_=f"trend-{ind.id}"
        ),
        "query": _query_zonder(request),
        "drempel": DREMPEL,
        "van": request.GET.get("van", tabel.van.isoformat() if tabel else ""),
        "tot": request.GET.get("tot", tabel.tot.isoformat() if tabel else ""),
    }
    return render(request, "sturing/indicator.html", context, status=400 if fouten else 200)


def _bestand(inhoud: bytes, naam: str, soort: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


def _tabel_voor_export(request: HttpRequest, indicator: str) -> selectors.Tabel:
    gemeente = _gemeente(request)
    ind = _indicator(indicator)
    try:
        verzoek = params.lees(request.GET)
        return selectors.indicator_tabel(
            ind,
            gemeente_id=gemeente.pk,
            van=verzoek.van,
            tot=verzoek.tot,
            per=verzoek.per,
            filters=verzoek.filters,
        )
    except ValidationError as e:
        raise _Fout(e) from e


class _Fout(Exception):
    def __init__(self, fout: ValidationError) -> None:
        self.fout = fout


def _foutpagina(request: HttpRequest, fout: ValidationError) -> HttpResponse:
    return render(request, "sturing/exportfout.html", {"fouten": fout.message_dict}, status=400)


@access.requires(Resource.STURING, Action.EXPORTEREN)
@allowed_parameters(*params.PARAMETERS)
def export_csv(request: HttpRequest, indicator: str) -> HttpResponse:
    try:
        tabel = _tabel_voor_export(request, indicator)
    except _Fout as e:
        return _foutpagina(request, e.fout)
    return _bestand(
        exports.tabel_csv(tabel), f"{indicator}-{tabel.tot:%Y%m%d}.csv", "text/csv; charset=utf-8"
    )


@access.requires(Resource.STURING, Action.EXPORTEREN)
@allowed_parameters(*params.PARAMETERS)
def export_xlsx(request: HttpRequest, indicator: str) -> HttpResponse:
    try:
        tabel = _tabel_voor_export(request, indicator)
    except _Fout as e:
        return _foutpagina(request, e.fout)
    return _bestand(
        exports.tabel_xlsx(tabel),
        f"{indicator}-{tabel.tot:%Y%m%d}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _peildatum(request: HttpRequest) -> dt.date:
    try:
        return params.lees(request.GET).tot
    except ValidationError as e:
        raise _Fout(e) from e


@access.requires(Resource.STURING, Action.EXPORTEREN)
@allowed_parameters("tot")
def export_gmsd(request: HttpRequest) -> HttpResponse:
    """Wmo clients in the style of the CBS Gemeentelijke Monitor Sociaal Domein."""
    gemeente = _gemeente(request)
    try:
        tot = _peildatum(request)
    except _Fout as e:
        return _foutpagina(request, e.fout)
    return _bestand(
        exports.gmsd_wmo(gemeente, tot=tot),
        f"gmsd-wmo-GM{gemeente.cbs_code}-{tot:%Y%m%d}.csv",
        "text/csv; charset=utf-8",
    )


@access.requires(Resource.STURING, Action.EXPORTEREN)
@allowed_parameters("tot")
def export_bbv(request: HttpRequest) -> HttpResponse:
    """The BBV indicators 29, 30 and 32 on the peildatum."""
    gemeente = _gemeente(request)
    try:
        tot = _peildatum(request)
    except _Fout as e:
        return _foutpagina(request, e.fout)
    return _bestand(
        exports.bbv(gemeente, tot=tot),
        f"bbv-GM{gemeente.cbs_code}-{tot:%Y%m%d}.csv",
        "text/csv; charset=utf-8",
    )
