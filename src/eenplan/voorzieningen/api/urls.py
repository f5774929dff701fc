"""Routes of the voorzieningen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.voorzieningen.api.views import CodelijstViewSet, VoorzieningViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/voorzieningen/ (catalogue, sociale kaart, tariffs) and /api/v1/codelijsten/."""
    router.register("voorzieningen", VoorzieningViewSet, basename="voorziening")
    router.register("codelijsten", CodelijstViewSet, basename="codelijstwaarde")
