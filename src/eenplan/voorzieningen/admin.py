from django.contrib import admin

from eenplan.voorzieningen.models import AbonnementstariefGegeven


@admin.register(AbonnementstariefGegeven)
class AbonnementstariefAdmin(admin.ModelAdmin):
    list_display = ["geldig_vanaf", "bedrag", "periode", "bron"]
