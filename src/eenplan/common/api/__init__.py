"""Shared REST plumbing: ids in requests, pagination and Dutch error answers."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, pagination, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param
from rest_framework.views import exception_handler as drf_exception_handler

from eenplan.common.concurrency import (
    Conflict,
    VersieVerouderd,
    conflict_uit,
    verwachte_versie,
)
from eenplan.common.paginering import BegrensdePaginator
from eenplan.common.text import naam_van


@extend_schema_field({"type": "string", "description": "Naam van de medewerker (nooit de login)."})
class NaamField(serializers.Field):
    """An account in an answer, as a person's name (`common.text.naam_van`), never the login."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        return naam_van(value)


MAX_ID = 10**18 - 1
"""The largest id a request may name: 18 digits, well inside the bigint id columns (2**63 - 1).
A larger number is refused as input (400) instead of overflowing the database driver (500)."""
ID_REGEX = r"[0-9]{1,18}"
"""An id in a URL path (the router's lookup), the same bound as `MAX_ID`."""
ID_FOUTEN = {
    "invalid": "Geef een id: een positief geheel getal.",
    "min_value": "Geef een id: een positief geheel getal.",
    "max_value": "Dit id bestaat niet: het getal is te groot.",
    "max_string_length": "Dit id bestaat niet: het getal is te groot.",
}


def parse_id(value: str) -> int | None:
    """The id written in `value` (ASCII digits, at most 18), or None when it is not an id."""
    value = value.strip()
    return int(value) if re.fullmatch(ID_REGEX, value) else None


class IdField(serializers.IntegerField):
    """The id of a record in a request body or query: a whole number from 1 to `MAX_ID`."""

    default_error_messages = ID_FOUTEN

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class IdFilter(django_filters.NumberFilter):
    """A query filter on an id: a whole number from 1 to `MAX_ID`, else a 400 in Dutch."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        kwargs.setdefault("error_messages", ID_FOUTEN)
        super().__init__(*args, **kwargs)


PAGINA = "pagina"
PER_PAGINA = "per_pagina"
OUDE_NAMEN = {PAGINA: "page", PER_PAGINA: "page_size"}
"""The English names the API used before it spoke the pages' Dutch names; still read for one
release (deprecated in the schema), then removed."""


def _vraag(request: Request, naam: str) -> str | None:
    """A pagination parameter by its Dutch name, else by its old English name."""
    waarde = request.query_params.get(naam)
    if waarde is None and naam in OUDE_NAMEN:
        waarde = request.query_params.get(OUDE_NAMEN[naam])
    return waarde


def _oude_namen_in_schema(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    oud = []
    for parameter in parameters:
        naam = OUDE_NAMEN.get(parameter["name"])
        if naam is not None:
            oud.append(
                {
                    **parameter,
                    "name": naam,
                    "deprecated": True,
                    "description": f"Verouderd: gebruik `{parameter['name']}`. Werkt nog één "
                    "release.",
                }
            )
    return parameters + oud


class PerPagina:
    """The page size from `per_pagina` (or the old `page_size`), as the pages and the API
    name it alike (docs/architecture.md, API)."""

    page_size: int
    max_page_size: int
    page_size_query_param = PER_PAGINA

    def get_page_size(self, request: Request) -> int:
        waarde = _vraag(request, PER_PAGINA)
        if waarde is not None:
            with contextlib.suppress(KeyError, ValueError):
                return pagination._positive_int(waarde, strict=True, cutoff=self.max_page_size)
        return self.page_size


class Pagination(PerPagina, pagination.PageNumberPagination):
    """Numbered pages: `pagina` (from 1) and `per_pagina`, the same names as on the pages."""

    page_size = 50
    max_page_size = 500
    page_query_param = PAGINA

    def get_page_number(self, request: Request, paginator: Any) -> str | int:
        return _vraag(request, PAGINA) or 1

    def get_next_link(self) -> str | None:
        link = super().get_next_link()
        return None if link is None else remove_query_param(link, "page")

    def get_previous_link(self) -> str | None:
        link = super().get_previous_link()
        return None if link is None else remove_query_param(link, "page")

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _oude_namen_in_schema(super().get_schema_operation_parameters(view))


class BegrensdePagination(Pagination):
    """Numbered pages of a list whose total is counted only up to `max_aantal`
    (`common.paginering.BegrensdePaginator`): for a search that may match tens of thousands of
    rows, where the exact number costs more than the page. `count` is then `max_aantal` and
    `meer` is true; pages go as far as the bound. The same bound as the page it mirrors."""

    max_aantal = 500

    def __init__(self) -> None:
        self.django_paginator_class = partial(BegrensdePaginator, max_aantal=self.max_aantal)

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        response.data["meer"] = self.page.paginator.meer
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        antwoord = super().get_paginated_response_schema(schema)
        antwoord["properties"]["count"] = {
            "type": "integer",
            "maximum": self.max_aantal,
            "example": 123,
            "description": f"Het aantal gevonden rijen, geteld tot ten hoogste {self.max_aantal}. "
            f"Zijn het er meer, dan is `count` {self.max_aantal} en `meer` true; de pagina's "
            f"lopen dan tot en met rij {self.max_aantal}. Maak de zoekvraag preciezer om de "
            "rest te vinden.",
        }
        antwoord["properties"]["meer"] = {
            "type": "boolean",
            "example": False,
            "description": f"True als er meer dan {self.max_aantal} rijen zijn gevonden (het "
            "tellen stopte daar).",
        }
        antwoord["required"] = [*antwoord["required"], "meer"]
        return antwoord


class IdCursorPagination(PerPagina, pagination.CursorPagination):
    """For long lists where a total count would cost more than the page itself."""

    ordering = "id"
    page_size = 50
    max_page_size = 500

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _oude_namen_in_schema(super().get_schema_operation_parameters(view))


PROBLEM_TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    412: "Verouderde versie",
    415: "Formaat niet ondersteund",
    429: "Te veel verzoeken",
}


def problem(status_code: int, detail: str, **extra: Any) -> Response:
    """A problem-details body (RFC 9457) in Dutch."""
    body = {
        "type": "about:blank",
        "title": PROBLEM_TITLES[status_code],
        "status": status_code,
        "detail": detail,
        **extra,
    }
    return Response(body, status=status_code, content_type="application/problem+json")


class OnbekendeParameters(exceptions.APIException):
    """A query parameter the operation does not know (not in its OpenAPI parameters): a 400
    naming each, instead of silently ignoring a misspelt filter."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, onbekend: list[str], bekend: list[str]) -> None:
        self.onbekend = onbekend
        self.bekend = bekend
        namen = ", ".join(f"`{naam}`" for naam in onbekend)
        woord = "parameter" if len(onbekend) == 1 else "parameters"
        kent = ", ".join(f"`{naam}`" for naam in bekend) or "geen parameters"
        super().__init__(f"Onbekende {woord}: {namen}. Dit verzoek kent: {kent}.")


def _conflict_response(exc: Conflict) -> Response:
    detail = " ".join(exc.messages)
    if isinstance(exc, VersieVerouderd):
        return problem(
            status.HTTP_412_PRECONDITION_FAILED,
            detail,
            huidige_versie=exc.huidig,
            verwachte_versie=exc.verwacht,
            actueel=exc.actueel,
        )
    extra = {"fouten": exc.message_dict} if hasattr(exc, "error_dict") else {}
    return problem(status.HTTP_409_CONFLICT, detail, **extra)


def validatiefout(exc: DjangoValidationError) -> exceptions.ValidationError:
    """A model or service `ValidationError` as the API's 400: its Dutch messages per field, or
    under `detail` when it names no field."""
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(exc.message_dict)
    return exceptions.ValidationError({"detail": exc.messages})


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn a conflict into 409 (a stale version into 412, see common.concurrency),
    model/service validation errors into 400s and permission errors into 403s.

    A request the parser cannot read and a query parameter the operation does not know are
    400 problem details. Errors other than validation errors answer as problem details (RFC 9457,
    application/problem+json) in Dutch: type, title, status and detail. Validation errors keep
    DRF's field → messages shape, which forms and clients read per field."""
    if isinstance(exc, OnbekendeParameters):
        return problem(
            status.HTTP_400_BAD_REQUEST,
            str(exc.detail),
            onbekende_parameters=exc.onbekend,
            bekende_parameters=exc.bekend,
        )
    if isinstance(exc, exceptions.Throttled):
        # DRF formats the wait into its message before translating it, so that part stays
        # English: it is dropped, and said in Dutch after DRF's own sentence.
        basis = re.sub(r"\s*Expected available in \d+ seconds?\.$", "", str(exc.detail))
        seconden = math.ceil(exc.wait) if exc.wait is not None else None
        if seconden is not None and basis == str(exceptions.Throttled.default_detail):
            eenheid = "seconde" if seconden == 1 else "seconden"
            basis = f"{basis} Probeer het over {seconden} {eenheid} opnieuw."
        response = problem(status.HTTP_429_TOO_MANY_REQUESTS, basis)
        if seconden is not None:
            response["Retry-After"] = str(seconden)
        return response
    if isinstance(exc, exceptions.ParseError):
        return problem(status.HTTP_400_BAD_REQUEST, str(exc.detail))
    if isinstance(exc, IntegrityError):
        exc = conflict_uit(exc)
    if isinstance(exc, Conflict):
        return _conflict_response(exc)
    if isinstance(exc, DjangoValidationError):
        exc = validatiefout(exc)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None or response.status_code not in PROBLEM_TITLES or (
        response.status_code == status.HTTP_400_BAD_REQUEST
    ):
        return response
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    response.data = {
        "type": "about:blank",
        "title": PROBLEM_TITLES[response.status_code],
        "status": response.status_code,
        "detail": str(detail),
        **{k: v for k, v in (response.data if isinstance(response.data, dict) else {}).items()
           if k not in {"detail", "type", "title", "status"}},
    }
    response.content_type = "application/problem+json"
    return response



def pagina(
    view: Any, request: Request, rijen: Any, serializer_class: type[serializers.BaseSerializer]
) -> Response:
    """One page of `rijen` (a queryset or list) as the paginated answer of a list action, each
    row serialised with `serializer_class` (the request in its context, for links)."""
    page = view.paginate_queryset(rijen)
    data = serializer_class(page, many=True, context={"request": request}).data
    return view.get_paginated_response(data)


T = TypeVar("T")


def vastleggen(
    request: Request,
    invoer: type[serializers.Serializer],
    opslaan: Callable[[dict[str, Any]], T],
    antwoord: Callable[[T], Any],
    *,
    status_code: int = status.HTTP_201_CREATED,
) -> Response:
    """The write action of a viewset in one place: read the body with `invoer` (a field it
    cannot read: 400 per field), record it with `opslaan` (the service; it gets a copy of the
    validated data, to take ids out and pass the rest on), and answer with `antwoord` of what
    was recorded (by default 201). A `ValidationError` of the service is a 400 with its own
    Dutch messages (`validatiefout`), the same as `exception_handler` gives; a `Conflict` (a
    later version of someone else: 409, 412) goes on to `exception_handler` as it is."""
    data = invoer(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        vastgelegd = opslaan(dict(data.validated_data))
    except Conflict:
        raise
    except DjangoValidationError as exc:
        raise validatiefout(exc) from exc
    return Response(antwoord(vastgelegd), status=status_code)


_ETAG = re.compile(r'^(?:W/)?"?(\d+)"?$')
ONVEILIG = {"POST", "PUT", "PATCH", "DELETE"}


def etag(versie: int) -> str:
    return f'"{versie}"'


def if_match_versie(request: Request) -> int | None:
    """The version the client last saw, from `If-Match` (`"3"`, `W/"3"`); None when absent
    or `*`. Several values: the request may only proceed on the first."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    found = _ETAG.match(header.split(",")[0].strip())
    if found is None:
        raise exceptions.ValidationError(
            {
                "If-Match": [
                    "Stuur in If-Match de ETag die u bij het ophalen kreeg, "
                    'bijvoorbeeld "3".'
                ]
            }
        )
    return int(found.group(1))


class VersieViewSetMixin:
    # Optimistic concurrency for a viewset whose detail URL is one versioned record
    # (`versie_model`): GET of a detail answers with an `ETag` (the version); an unsafe request
    # with `If-Match` is refused with 412 when the record has moved on. The check itself is in
    # the services (`common.concurrency.schrijft`), under a row lock, after the view checked
    # access; without `If-Match` requests keep working (last writer wins). No docstring: the
    # API documentation would show it for every viewset that has none of its own.

    versie_model: type[models.Model]
    # The version of the record as the view just read it within the login's municipality
    # (when its answer does not show `versie`): the ETag then needs no query of its own.
    geladen_versie: int | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        self._versie_ctx: contextlib.ExitStack | None = None
        pk = kwargs.get("pk")
        if request.method not in ONVEILIG or pk is None or not str(pk).isdigit():
            return
        versie = if_match_versie(request)
        if versie is None:
            return
        velden = list(request.data.keys()) if isinstance(request.data, dict) else []
        self._versie_ctx = contextlib.ExitStack()
        self._versie_ctx.enter_context(verwachte_versie(self.versie_model, pk, versie, velden))

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        ctx = getattr(self, "_versie_ctx", None)
        if ctx is not None:
            ctx.close()
            self._versie_ctx = None
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        pk = kwargs.get("pk")
        action = getattr(self, "action", None)
        if (
            pk is not None
            and str(pk).isdigit()
            and action in {"retrieve", "partial_update", "update"}
            and 200 <= response.status_code < 300
        ):
            data = getattr(response, "data", None)
            versie = data.get("versie") if isinstance(data, dict) else None
            if versie is None:
                versie = self.geladen_versie
            if versie is None:
                versie = (
                    self.versie_model._default_manager.filter(pk=pk)
                    .values_list("versie", flat=True)
                    .first()
                )
            if versie is not None:
                response["ETag"] = etag(versie)
        return response
