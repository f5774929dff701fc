from typing import Any

from django.contrib import admin
from django.contrib.auth.models import Group
from django.http import HttpRequest

from eenplan.gemeente.models import GelijkgesteldeFeestdag, Gemeente, Medewerker, Team, Wijk


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "gemeente"]
    list_filter = ["gemeente"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "gemeente"]
    list_filter = ["soort"]
    filter_horizontal = ["wijken"]


@admin.register(Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    """New staff are best created with `medewerker_create` (eenplan createsuperuser for the
    first administrator); here the role group always follows `functie`."""

    list_display = ["__str__", "functie", "registratienummer", "registratie_geldig_tot"]
    list_filter = ["functie", "teams"]
    filter_horizontal = ["teams"]
    list_select_related = ["user"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        medewerker = form.instance
        medewerker.user.groups.add(*Group.objects.filter(name=medewerker.functie))


@admin.register(GelijkgesteldeFeestdag)
class GelijkgesteldeFeestdagAdmin(admin.ModelAdmin):
    list_display = ["datum", "omschrijving", "bron"]
