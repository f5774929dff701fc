from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from eenplan.privacy.models import DossierToegang, Inzage, Toestemming


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: viewable, never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Inzage)
class InzageAdmin(ReadOnlyAdmin):
    """The access log cannot be changed or deleted through the application."""

    list_display = ["moment", "gebruikersnaam", "inwoner_id", "doel", "kanaal", "pad"]
    list_filter = ["doel", "kanaal"]
    search_fields = ["gebruikersnaam"]


@admin.register(DossierToegang)
class DossierToegangAdmin(ReadOnlyAdmin):
    list_display = ["medewerker", "inwoner", "reden", "van", "tot"]
    raw_id_fields = ["inwoner"]


@admin.register(Toestemming)
class ToestemmingAdmin(ReadOnlyAdmin):
    list_display = ["inwoner", "aan", "doel", "gegeven_op", "ingetrokken_op"]
    raw_id_fields = ["inwoner"]
