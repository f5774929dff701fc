"""One viewset for a municipality's dated settings: every version as a list, and a new version
recorded through `common.api.vastleggen` (the appreciation of carers and the VOG term in
mantelzorg, the settings and the subscription rate in functioneel beheer). Each version is
append-only in its own app; a subclass names its serializers and where the versions come from:

- `versies_van(gemeente)`: the rows of the list (a queryset or a list);
- `dienst(gemeente=, actor=, via=, **invoer)`: the app's service that records one new version
  (a ValidationError is a 400 with its Dutch messages, a Conflict a 409). A service with
  other arguments overrides `opslaan(request, gemeente, data)` instead.

Access: read with INSTELLINGEN × LEZEN, a new version with INSTELLINGEN × WIJZIGEN (the rows of
the declared access matrix); an account without a municipality is refused (403, logged) before
anything is read or written (`privacy.api.common.user_gemeente`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.common.api import pagina, vastleggen
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission


class GedateerdeInstellingViewSet(viewsets.GenericViewSet):
    permission_classes = [RolePermission]
    filter_backends: ClassVar[list[type]] = []
    http_method_names = ["get", "post", "head", "options"]
    access_rules: ClassVar[dict[str, tuple[Resource, Action]]] = {
        "list": (Resource.INSTELLINGEN, Action.LEZEN),
        "create": (Resource.INSTELLINGEN, Action.WIJZIGEN),
    }
    invoer: ClassVar[type[serializers.Serializer]]
    """The body of a new version."""
    antwoord: ClassVar[type[serializers.BaseSerializer] | None] = None
    """The answer (201) for the version recorded; by default the list's `serializer_class`."""

    versies_van: Callable[[Gemeente], Any]
    dienst: Callable[..., Any]

    def versies(self, gemeente: Gemeente) -> Any:
        return type(self).versies_van(gemeente)

    def opslaan(self, request: Request, gemeente: Gemeente, data: dict[str, Any]) -> Any:
        return type(self).dienst(
            gemeente=gemeente, actor=request.user, via=access.Via.request(request), **data
        )

    def lijst(self, request: Request, gemeente: Gemeente) -> Response:
        """The list's answer: one page of `versies`; a subclass may add to it."""
        return pagina(self, request, self.versies(gemeente), self.get_serializer_class())

    def list(self, request: Request) -> Response:
        return self.lijst(request, user_gemeente(request))

    def create(self, request: Request) -> Response:
        gemeente = user_gemeente(request)
        antwoord = self.antwoord or self.get_serializer_class()
        return vastleggen(
            request,
            self.invoer,
            lambda data: self.opslaan(request, gemeente, data),
            lambda versie: antwoord(versie).data,
        )
