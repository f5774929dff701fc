"""Role permissions for the REST API, decided by the one access module (`privacy.access`).

In privacy (not common) because it asks `privacy.access`: common sits below privacy."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from eenplan.common.api.schema import controleer_parameters
from eenplan.privacy import access


class RolePermission(BasePermission):
    """Each viewset declares `access_rules = {action: (Resource, Action)}` (the declared matrix);
    an action without a rule is refused. Refusals are written to the access log.

    Viewsets not yet moved to `access_rules` declare `required_perms = {action: [perm, ...]}`;
    their refusals are logged too."""

    message = "Uw rol geeft geen toestemming voor deze handeling."

    def has_permission(self, request: Request, view: Any) -> bool:
        """The role decides; once allowed, a query parameter the operation does not document
        is a 400 (`common.api.schema.controleer_parameters`), every viewset alike."""
        allowed = self._role_allows(request, view)
        if allowed and request.method != "OPTIONS":
            controleer_parameters(request, view)
        return allowed

    def _role_allows(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action = getattr(view, "action", None) or "metadata"
        if action == "metadata":
            return True
        via = access.Via.request(request)
        rules: dict[str, tuple[access.Resource, access.Action]] | None = getattr(
            view, "access_rules", None
        )
        if rules is not None:
            if action not in rules:
                access.log_refusal(request.user, via=via, reason=self.message)
                return False
            resource, handeling = rules[action]
            decision = access.decide(request.user, resource, handeling, via=via)
            if not decision.allowed:
                self.message = decision.reason
            return decision.allowed
        required: dict[str, list[str]] = getattr(view, "required_perms", {})
        if action in required and request.user.has_perms(required[action]):
            return True
        access.log_refusal(request.user, via=via, reason=self.message)
        return False
