"""The API's JSON parser: a depth limit and Dutch errors, so hostile JSON is a 400, not a 500.

Its own module: `common.api` imports `rest_framework.views`, which reads the parser setting.
"""

from __future__ import annotations

import codecs
import json
from typing import IO, Any

from django.conf import settings
from rest_framework import exceptions, parsers
from rest_framework.utils.json import strict_constant

MAX_JSON_DIEPTE = 20
"""The deepest nesting of objects and lists a request body may have. The deepest body the API
documents has 3 levels (an object with a list of objects: a decision's `regels`, a household's
`leden`); 20 leaves room and keeps every parser and serializer far from Python's recursion
limit."""


def _diepte(data: Any) -> int:
    """The nesting depth of parsed JSON (a scalar is 0), without recursion."""
    diepste = 0
    stapel: list[tuple[Any, int]] = [(data, 0)]
    while stapel:
        waarde, diepte = stapel.pop()
        if isinstance(waarde, dict):
            waarde = list(waarde.values())
        if isinstance(waarde, list):
            diepste = max(diepste, diepte + 1)
            if diepte + 1 > MAX_JSON_DIEPTE:
                break
            stapel.extend((item, diepte + 1) for item in waarde)
    return diepste


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a depth limit and Dutch errors: hostile JSON is a 400, not a 500."""

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: dict[str, Any] | None = None,
    ) -> Any:
        encoding = (parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET
        try:
            "".encode(encoding)  # text codecs only: no bz2_codec that inflates a small body
        except (LookupError, UnicodeError) as exc:
            raise exceptions.ParseError(
                "De tekenset in de header Content-Type wordt niet ondersteund; gebruik utf-8."
            ) from exc
        parse_constant = strict_constant if self.strict else None
        try:
            data = json.load(codecs.getreader(encoding)(stream), parse_constant=parse_constant)
        except RecursionError as exc:
            raise exceptions.ParseError(self._te_diep()) from exc
        except json.JSONDecodeError as exc:
            raise exceptions.ParseError(
                f"De JSON in het verzoek is ongeldig (regel {exc.lineno}, teken {exc.colno})."
            ) from exc
        except ValueError as exc:  # UnicodeDecodeError, or NaN/Infinity in strict mode
            raise exceptions.ParseError(
                f"De JSON in het verzoek is ongeldig: de tekst is geen geldige {encoding} of "
                "bevat NaN of Infinity."
            ) from exc
        if _diepte(data) > MAX_JSON_DIEPTE:
            raise exceptions.ParseError(self._te_diep())
        return data

    @staticmethod
    def _te_diep() -> str:
        return (
            f"De JSON in het verzoek is te diep genest (hoogstens {MAX_JSON_DIEPTE} niveaus "
            "objecten en lijsten)."
        )
