"""Routes of the AVG API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.avg.api.views import AvgVerzoekViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/avg-verzoeken/ to the shared router."""
    router.register("avg-verzoeken", AvgVerzoekViewSet, basename="avg-verzoek")
