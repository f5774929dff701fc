"""Routes of /api/v1/taken/."""

from rest_framework.routers import BaseRouter

from eenplan.taken.api import views


def register(router: BaseRouter) -> None:
    # The list is every staff login's own; one task (and its file) a relation opens.
    router.register("taken", views.TaakLijstViewSet, basename="taak")
    router.register("taken", views.TaakViewSet, basename="taak-detail")
