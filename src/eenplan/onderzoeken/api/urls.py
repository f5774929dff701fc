"""Routes of the onderzoeken API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.onderzoeken.api.views import OnderzoekViewSet


def register(router: BaseRouter) -> None:
    """Add the onderzoeken routes to the shared router: /api/v1/onderzoeken/ and its actions."""
    router.register("onderzoeken", OnderzoekViewSet, basename="onderzoek")
