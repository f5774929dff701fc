"""OpenAPI: document the versions of `common.api.VersieViewSetMixin` (ETag, If-Match, 409, 412)
on every operation of a versioned record (a drf-spectacular postprocessing hook, so the shared
API module needs no import of the schema generator); and refuse the query parameters an
operation does not document (`controleer_parameters`, called by `RolePermission`)."""

from __future__ import annotations

import threading
from typing import Any

from eenplan.common.api import ONVEILIG, OnbekendeParameters, VersieViewSetMixin

IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": 'De ETag die u bij het ophalen kreeg (de versie, bijvoorbeeld "3"). Is het '
    "record intussen door iemand anders gewijzigd, dan antwoordt de API 412 en verandert er "
    "niets. Zonder If-Match wint de laatste schrijver: stuur hem dus mee.",
}
PROBLEEM = {"application/problem+json": {"schema": {"type": "object"}}}
ANTWOORDEN = {
    "409": {
        "description": "Conflict met de opgeslagen gegevens (bijvoorbeeld: op deze aanvraag is "
        "al besloten); er is niets veranderd.",
        "content": PROBLEEM,
    },
    "412": {
        "description": "Verouderde versie: iemand anders wijzigde het record sinds uw If-Match; "
        "met huidige_versie, verwachte_versie en de actuele waarden. Er is niets veranderd.",
        "content": PROBLEEM,
    },
}
ETAG = {
    "ETag": {
        "description": "De versie van het record; stuur hem terug als If-Match.",
        "schema": {"type": "string"},
    }
}


def versies_documenteren(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    versioned = {
        path.replace("{pk}", "{id}")
        for path, _regex, _method, callback in generator.endpoints
        if issubclass(getattr(callback, "cls", object), VersieViewSetMixin)
        and ("{pk}" in path or "{id}" in path)
    }
    for path, operations in result.get("paths", {}).items():
        if path not in versioned:
            continue
        for method, operation in operations.items():
            if method.upper() in ONVEILIG:
                operation.setdefault("parameters", []).append(dict(IF_MATCH))
                for code, antwoord in ANTWOORDEN.items():
                    operation.setdefault("responses", {}).setdefault(code, antwoord)
            elif method == "get" and path.endswith("{id}/"):
                ok = operation.get("responses", {}).get("200")
                if ok is not None:
                    ok.setdefault("headers", {}).update(ETAG)
    return result


ALTIJD_BEKEND = frozenset({"format", "doel"})
"""Query parameters every operation accepts: the response format and the purpose of access
(`privacy.api.common`), whether or not the operation documents them."""
_bekend: dict[tuple[type, str, str], frozenset[str] | None] = {}
_generator: Any = None
_lock = threading.Lock()


def _sleutel(view: Any, method: str) -> tuple[type, str, str]:
    return (type(view), getattr(view, "action", None) or method.lower(), method.upper())


def bekende_parameters(view: Any, method: str) -> frozenset[str] | None:
    return _bekend_voor(_sleutel(view, method))


def _bekend_voor(sleutel: tuple[type, str, str]) -> frozenset[str] | None:
    """The query parameters the OpenAPI operation of this view and method documents: its
    filters, pagination (with the old names) and whatever `extend_schema` declares; None when
    the operation is not in the schema. Worked out by drf-spectacular for this one operation
    the first time it is asked (tens of milliseconds; the whole schema would take seconds),
    then kept for the life of the process, so the check and the documentation agree."""
    global _generator
    if sleutel in _bekend:
        return _bekend[sleutel]
    with _lock:
        if sleutel in _bekend:
            return _bekend[sleutel]
        from drf_spectacular.generators import SchemaGenerator
        from drf_spectacular.plumbing import ComponentRegistry
        from drf_spectacular.settings import spectacular_settings

        if _generator is None:
            generator = SchemaGenerator()
            generator._initialise_endpoints()
            _generator = generator
        gevonden: frozenset[str] | None = None
        for path, path_regex, endpoint_method, callback in _generator.endpoints:
            actions = getattr(callback, "actions", None) or {}
            action = actions.get(endpoint_method.lower()) or endpoint_method.lower()
            if getattr(callback, "cls", None) is not sleutel[0] or action != sleutel[1]:
                continue
            if endpoint_method.upper() != sleutel[2] and actions:
                continue
            schema_view = _generator.create_view(callback, endpoint_method)
            schema_view.request = spectacular_settings.GET_MOCK_REQUEST(
                endpoint_method, path, schema_view, None
            )
            operation = schema_view.schema.get_operation(
                path, path_regex, "^/api/", endpoint_method, ComponentRegistry()
            )
            if operation:
                gevonden = frozenset(
                    p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"
                )
            break
        _bekend[sleutel] = gevonden
        return gevonden


def controleer_parameters(request: Any, view: Any) -> None:
    """Refuse (400, problem details naming each) a query parameter the operation does not
    document: a misspelt filter must not silently return the unfiltered list. Operations
    absent from the schema are not checked; a collection action also accepts its list's
    parameters."""
    if not request.query_params:
        return
    documented = bekende_parameters(view, request.method)
    if documented is None:
        return
    if getattr(view, "detail", None) is False and getattr(view, "action", None) not in {
        "list",
        "create",
    }:
        # A collection action (such as the werkvoorraad's `tellingen`) may be sent the query of
        # its list, so a client can ask both with one query string; what it does not use it
        # documents and ignores.
        documented = documented | (_bekend_voor((type(view), "list", "GET")) or frozenset())
    toegestaan = documented | ALTIJD_BEKEND
    onbekend = sorted(set(request.query_params) - toegestaan)
    if onbekend:
        raise OnbekendeParameters(onbekend, sorted(documented - {"page", "page_size"}))
