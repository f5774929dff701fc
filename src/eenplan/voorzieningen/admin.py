from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from eenplan.voorzieningen.models import AbonnementstariefGegeven


@admin.register(AbonnementstariefGegeven)
class AbonnementstariefAdmin(admin.ModelAdmin):
    """For superusers only: the functioneel beheerder enters a year's tariff in
    /functioneel-beheer/instellingen/, through `abonnementstarief_add` and its checks."""

    list_display = ["geldig_vanaf", "bedrag", "periode", "bron"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)
