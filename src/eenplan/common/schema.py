"""OpenAPI: document the versions of `common.api.VersieViewSetMixin` (ETag, If-Match, 409, 412)
on every operation of a versioned record. A drf-spectacular postprocessing hook, so the shared
API module needs no import of the schema generator."""

from __future__ import annotations

from typing import Any

from eenplan.common.api import ONVEILIG, VersieViewSetMixin

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
