"""Routes of the provider API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.berichten.api.views import BerichtViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/berichten/ to the shared router."""
    router.register("berichten", BerichtViewSet, basename="bericht")
