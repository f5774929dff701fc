"""Starting an onderzoek from a melding, and the list of onderzoeken."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.meldingen.constants import Status as MeldingStatus
from eenplan.meldingen.models import Melding
from eenplan.meldingen.selectors import meldingen_in_scope
from eenplan.onderzoeken import selectors, services
from eenplan.onderzoeken.constants import OnderzoekStatus
from eenplan.onderzoeken.models import Onderzoek
from eenplan.onderzoeken.views.gemeen import _datum, _via
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel

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
    sleutel = f"onderzoek_start_fout:{melding.pk}"
    fouten: list[str] = request.session.pop(sleutel, []) if request.method == "GET" else []
    if request.method == "POST":
        try:
            onderzoek = services.onderzoek_start(melding=melding, actor=request.user)
        except ValidationError as exc:
            # POST/redirect/GET: the messages wait in the session for the page (once).
            request.session[sleutel] = exc.messages
            return redirect("onderzoeken:start", melding_id=melding.pk)
        else:
            messages.success(
                request,
                f"Het onderzoek voor {onderzoek.inwoner.naam} is gestart. Het moet uiterlijk "
                f"{_datum(melding.onderzoek_uiterlijk)} klaar zijn (Wmo 2015 art. 2.3.2 lid 1).",
            )
            return redirect("onderzoeken:detail", pk=onderzoek.pk)
    context = {"melding": melding, "fouten": fouten}
    return render(request, "onderzoeken/onderzoek_start.html", context)


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
