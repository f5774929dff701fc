"""What the viewsets of beschikkingen (and of bezwaren, above it) share: the `doel` and `format`
parameters, ids from the path, the CSV renderer of the exports, paging with only the Dutch names,
and `DossierViewSet`, which loads a record and decides on its resident through `privacy.access`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import (
    OpenApiParameter,
)
from rest_framework import pagination, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from eenplan.common.api import Pagination
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Gevonden, Resource
from eenplan.privacy.api.common import request_doel
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=Doel.values,
    required=False,
    description="Doel van inzage (wordt gelogd). Ook als header X-Eenplan-Doel. Standaard: het "
    "doel dat bij uw rol hoort.",
)


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["csv", "json"],
    required=False,
    description="`csv` (standaard) of `json`. Ook via de header Accept (text/csv of "
    "application/json).",
)


def pk_of(pk: Any, niet_gevonden: str) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError) as exc:
        raise NotFound(niet_gevonden) from exc


class CsvRenderer(BaseRenderer):
    """Text/csv for the exports; an error answer becomes readable lines ("veld: melding")."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, str):
            return data.encode(self.charset)
        if isinstance(data, dict):
            lines = [
                f"{veld}: {' '.join(map(str, tekst)) if isinstance(tekst, list) else tekst}"
                for veld, tekst in data.items()
            ]
            return ("\n".join(lines) + "\n").encode(self.charset)
        return str(data).encode(self.charset)


class AlleenPagina(Pagination):
    """`pagina` and `per_pagina` only. The beschikkingen list shares its parameters with the page
    `/beschikkingen/`, which speaks the product's Dutch names; the API's old English `page` and
    `page_size` are not documented for it, so they are unknown parameters there (400)."""

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return pagination.PageNumberPagination.get_schema_operation_parameters(self, view)


class DossierViewSet(viewsets.GenericViewSet):
    """Shared reading: load the record (404 when it does not exist), then decide on its
    resident through `privacy.access` (403 with the reason when refused; logged either way)."""

    permission_classes = [RolePermission]
    niet_gevonden = "Dit bestaat niet."

    def _open(
        self,
        request: Request,
        inwoner: Inwoner | int,
        resource: Resource,
        action: Action = Action.LEZEN,
    ) -> None:
        """Role and need-to-know for this resident; `inwoner`: as loaded with the record (its
        municipality is then logged without a query of its own), or its id."""
        access.require(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            inwoner=inwoner,
            doel=request_doel(request),
        )

    def _open_wet(
        self,
        request: Request,
        inwoner: Inwoner | int,
        wet: str,
        action: Action = Action.LEZEN,
        resource: Resource = Resource.BESCHIKKING,
    ) -> None:
        """`_open` for one decision (or aanvraag, `resource`) under law `wet`: also the laws
        the role reads (`access.require_wet`). `inwoner`: the resident as loaded with the
        record (its wijk then decides the scope without a query of its own), or its id."""
        access.require_wet(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            inwoner=inwoner,
            wet=wet,
            doel=request_doel(request),
        )

    def _uit_invoer(
        self,
        request: Request,
        pk: int,
        zoek: Callable[[int | None], Gevonden | None],
        *,
        wat: str,
        veld: str,
    ) -> Gevonden:
        """A record (not a resident: `_inwoner`) named in the request body, found by `zoek`
        within the login's municipality; else a Dutch 400 on `veld` ("Traject 12 is onbekend in
        uw gemeente.") and the refusal logged for this action's resource (`access.uit_invoer`,
        the same for another municipality's record and for none, ADR 0046). Need-to-know on
        its resident follows with `_open`."""
        resource, action = getattr(self, "access_rules", {}).get(
            self.action, (Resource.DOSSIER, Action.LEZEN)
        )
        return access.uit_invoer(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            pk=pk,
            zoek=zoek,
            wat=wat,
            veld=veld,
            doel=request_doel(request),
        )

    def _inwoner(self, request: Request, inwoner_id: int) -> Inwoner:
        """A resident named in the request body (or a query parameter), within the login's
        municipality; else a 400 on the field and the refusal logged for this action's resource
        (`access.inwoner_uit_invoer`, the same for another municipality's resident and for
        none). Need-to-know follows with `_open`."""
        resource, action = getattr(self, "access_rules", {}).get(
            self.action, (Resource.DOSSIER, Action.LEZEN)
        )
        return access.inwoner_uit_invoer(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            pk=inwoner_id,
            doel=request_doel(request),
        )
