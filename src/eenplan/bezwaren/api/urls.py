"""Routes of the bezwaren API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.bezwaren.api.views import BezwaarViewSet, KlachtViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/bezwaren/ and /api/v1/klachten/ to the shared router."""
    router.register("bezwaren", BezwaarViewSet, basename="bezwaar")
    router.register("klachten", KlachtViewSet, basename="klacht")
