"""Role permissions for the REST API: the same Django permissions the pages check."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class RolePermission(BasePermission):
    """Each viewset declares `required_perms = {action: [perm, ...]}`; unknown actions refuse."""

    message = "Uw rol geeft geen toestemming voor deze handeling."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        required: dict[str, list[str]] = getattr(view, "required_perms", {})
        action = getattr(view, "action", None) or "metadata"
        if action == "metadata":
            return True
        if action not in required:
            return False
        return request.user.has_perms(required[action])
