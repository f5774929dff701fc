from django.contrib import admin

from eenplan.beveiliging.models import ApiSleutel


@admin.register(ApiSleutel)
class ApiSleutelAdmin(admin.ModelAdmin):
    """Keys are issued by their owner (page or `eenplan api_sleutel`); here only revoked."""

    list_display = ["naam", "user", "prefix", "aangemaakt_op", "verloopt_op", "ingetrokken_op"]
    list_filter = ["ingetrokken_op"]
    search_fields = ["naam", "user__username", "prefix"]
    readonly_fields = ["user", "naam", "prefix", "sleutel_hash", "aangemaakt_op", "verloopt_op"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
