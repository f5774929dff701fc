"""Routes of the beschikkingen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.beschikkingen.api.views import (
    AanvraagTermijnViewSet,
    BeschikkingViewSet,
    BezwaarInformeelViewSet,
    KlachtAfhandelenViewSet,
    OvergangsrechtViewSet,
)


def register(router: BaseRouter) -> None:
    """Add /api/v1/aanvragen/, /api/v1/beschikkingen/ (with export/svb/ and export/cak/),
    /api/v1/bezwaren/ and /api/v1/klachten/ to the shared router."""
    router.register("aanvragen", AanvraagTermijnViewSet, basename="aanvraag")
    router.register("beschikkingen", BeschikkingViewSet, basename="beschikking")
    router.register("bezwaren", BezwaarInformeelViewSet, basename="bezwaar")
    router.register("klachten", KlachtAfhandelenViewSet, basename="klacht")
    router.register("overgangsrecht", OvergangsrechtViewSet, basename="overgangsrecht")
