"""Routes of the beschikkingen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.beschikkingen.api.views import (
    AanvraagViewSet,
    BeschikkingViewSet,
    BezwaarViewSet,
    KlachtViewSet,
    OvergangsrechtViewSet,
)


def register(router: BaseRouter) -> None:
    """Add /api/v1/aanvragen/, /api/v1/beschikkingen/ (with export/svb/ and export/cak/),
    /api/v1/bezwaren/ and /api/v1/klachten/ to the shared router."""
    router.register("aanvragen", AanvraagViewSet, basename="aanvraag")
    router.register("beschikkingen", BeschikkingViewSet, basename="beschikking")
    router.register("bezwaren", BezwaarViewSet, basename="bezwaar")
    router.register("klachten", KlachtViewSet, basename="klacht")
    router.register("overgangsrecht", OvergangsrechtViewSet, basename="overgangsrecht")
