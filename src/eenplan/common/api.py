"""Shared REST plumbing: pagination and Dutch error answers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, pagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


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


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn model/service validation errors into 400s and permission errors into 403s.

    Errors other than validation errors answer as problem details (RFC 9457,
    application/problem+json) in Dutch: type, title, status and detail. Validation errors keep
    DRF's field → messages shape, which forms and clients read per field."""
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
