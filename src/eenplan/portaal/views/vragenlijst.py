"""The client-experience survey in the portal (Wmo 2015 art. 2.5.1): a resident drawn in the
sample answers here as through the link in the letter (`beleid.services.antwoorden_opslaan`:
the answers are stored with the wijk and provider only, never with the person).

An allowed request of these two pages writes no row to the access log (`log_allowed=False`; a
refusal is logged as everywhere): the row's moment would tell when this resident answered, and
could be laid next to the answers. The pages show no personal data beyond the invitation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beleid import selectors as beleid_selectors
from eenplan.beleid import services as beleid_services
from eenplan.beleid.vragenlijst import SCHAAL, WEET_NIET
from eenplan.inwoners.models import Inwoner
from eenplan.portaal import services
from eenplan.portaal.views import A, R, _context, zaak_of_404
from eenplan.privacy import access


def _pagina(
    request: HttpRequest, inwoner: Inwoner, *, status: int = 200, **extra: Any
) -> HttpResponse:
    vandaag = timezone.localdate()
    uitnodiging = beleid_selectors.uitnodiging_van_inwoner(inwoner_id=inwoner.pk, vandaag=vandaag)
    context = {
        "uitnodiging": uitnodiging,
        "vragen": (
            list(uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True))
            if uitnodiging
            else []
        ),
        "reden": beleid_services.open_voor_antwoord(uitnodiging, vandaag=vandaag)
        if uitnodiging
        else services.NIET_UITGENODIGD,
        "schaal": SCHAAL,
        "weet_niet": WEET_NIET,
        "gekozen": {},
        "fouten": {},
        **extra,
    }
    return render(
        request, "portaal/vragenlijst.html", _context(request, inwoner, **context), status=status
    )


@access.requires_inwoner(R.ENQUETE, A.LEZEN)
def vragenlijst(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.ENQUETE, A.LEZEN, log_allowed=False)
    return _pagina(request, inwoner)


@access.requires_inwoner(R.ENQUETE, A.AANMAKEN)
@require_POST
def vragenlijst_antwoorden(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.ENQUETE, A.AANMAKEN, log_allowed=False)
    uitnodiging = beleid_selectors.uitnodiging_van_inwoner(
        inwoner_id=inwoner.pk, vandaag=timezone.localdate()
    )
    codes = (
        [v.code for v in uitnodiging.uitvraging.vragenlijst.vragen.filter(actief=True)]
        if uitnodiging
        else []
    )
    scores = services.scores_uit(request.POST, codes)
    try:
        services.enquete_beantwoorden(inwoner=inwoner, scores=scores)
    except ValidationError as exc:
        fouten = exc.message_dict if hasattr(exc, "error_dict") else {"vragen": exc.messages}
        gekozen = {k: str(v) for k, v in scores.items() if v}
        return _pagina(request, inwoner, status=400, fouten=fouten, gekozen=gekozen)
    messages.success(request, "Dank u wel! Wij hebben uw antwoorden ontvangen.")
    return redirect("portaal:vragenlijst", inwoner_id=inwoner.pk)
