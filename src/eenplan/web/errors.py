"""Error pages in Dutch, in the product's layout."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = (
        str(exception) if exception and str(exception) else "U heeft geen toegang tot deze pagina."
    )
    return render(request, "web/fout.html", {"titel": "Geen toegang", "reden": reason}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/fout.html",
        {"titel": "Niet gevonden", "reden": "Deze pagina of dit dossier bestaat niet."},
        status=404,
    )
