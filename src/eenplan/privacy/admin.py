from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from eenplan.privacy.models import DossierToegang, Inzage, Toestemming


@admin.register(Inzage)
class InzageAdmin(admin.ModelAdmin):
    """Read-only: the access log cannot be changed or deleted through the application."""

    list_display = ["moment", "gebruikersnaam", "inwoner_id", "doel", "kanaal", "pad"]
    list_filter = ["doel", "kanaal"]
    search_fields = ["gebruikersnaam"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DossierToegang)
class DossierToegangAdmin(admin.ModelAdmin):
    list_display = ["medewerker", "inwoner", "reden", "van", "tot"]
    raw_id_fields = ["inwoner"]


@admin.register(Toestemming)
class ToestemmingAdmin(admin.ModelAdmin):
    list_display = ["inwoner", "aan", "doel", "gegeven_op", "ingetrokken_op"]
    raw_id_fields = ["inwoner"]
