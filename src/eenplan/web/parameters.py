"""Query parameters of a page: declared once, an unknown one is a 400.

A misspelt filter (`?stnad=verlopen`) must not silently show the unfiltered list; the API
refuses it through its schema (`common.api.schema.controleer_parameters`), the pages through
this decorator. Put it under `access.requires`, so access is decided (and logged) first:

    @access.requires(MELDING, Handeling.LEZEN)
    @allowed_parameters("q", "stand", "pagina", "per_pagina")
    def werkvoorraad(request): ...

The answer is a Dutch page (status 400) naming the unknown parameters and the ones the page
knows, with a link to the same page without the unknown ones. A page and the API that show the
same list use the same names (`q`, `stand`, `status`, `pagina`, `per_pagina`, …).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]


def unknown_parameters(request: HttpRequest, allowed: Iterable[str]) -> list[str]:
    """The names in the query string the page does not know, sorted."""
    return sorted(set(request.GET) - set(allowed))


def unknown_parameters_response(
    request: HttpRequest, unknown: list[str], allowed: Iterable[str]
) -> HttpResponse:
    """The Dutch 400 page for a query string with parameters the page does not know."""
    bekend = sorted(allowed)
    zonder = urlencode(
        [(k, v) for k in request.GET if k not in unknown for v in request.GET.getlist(k)]
    )
    context = {
        "onbekend": unknown,
        "bekend": bekend,
        "opnieuw": request.path + (f"?{zonder}" if zonder else ""),
    }
    return render(request, "web/onbekende_parameters.html", context, status=400)


def allowed_parameters(*names: str) -> Callable[[View], View]:
    """Declare the query parameters a page reads; any other answers 400 (see the module)."""
    allowed = frozenset(names)

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            unknown = unknown_parameters(request, allowed)
            if unknown:
                return unknown_parameters_response(request, unknown, allowed)
            return view(request, *args, **kwargs)

        wrapper.allowed_parameters = allowed  # type: ignore[attr-defined]
        return wrapper

    return decorator
