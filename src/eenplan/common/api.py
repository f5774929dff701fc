"""Shared REST plumbing: ids in requests, pagination and Dutch error answers."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models
from rest_framework import exceptions, pagination, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from eenplan.common.concurrency import (
    Conflict,
    VersieVerouderd,
    conflict_uit,
    verwachte_versie,
)

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


class Pagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class IdCursorPagination(pagination.CursorPagination):
    """For long lists where a total count would cost more than the page itself."""

    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


PROBLEM_TITLES = {
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


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn a conflict into 409 (a stale version into 412, see common.concurrency),
    model/service validation errors into 400s and permission errors into 403s.

    Errors other than validation errors answer as problem details (RFC 9457,
    application/problem+json) in Dutch: type, title, status and detail. Validation errors keep
    DRF's field → messages shape, which forms and clients read per field."""
    if isinstance(exc, IntegrityError):
        exc = conflict_uit(exc)
    if isinstance(exc, Conflict):
        return _conflict_response(exc)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"detail": exc.messages})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None or response.status_code not in PROBLEM_TITLES:
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
                versie = (
                    self.versie_model._default_manager.filter(pk=pk)
                    .values_list("versie", flat=True)
                    .first()
                )
            if versie is not None:
                response["ETag"] = etag(versie)
        return response
