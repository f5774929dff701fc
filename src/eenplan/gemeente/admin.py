from django.contrib import admin

from eenplan.gemeente.models import Gemeente, Medewerker, Team, Wijk


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
    list_display = ["__str__", "functie", "registratienummer", "registratie_geldig_tot"]
    list_filter = ["functie", "teams"]
    filter_horizontal = ["teams"]
    list_select_related = ["user"]
