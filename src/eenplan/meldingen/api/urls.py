"""Routes of the meldingen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.meldingen.api.views import MeldingViewSet


def register(router: BaseRouter) -> None:
    """Add the meldingen routes to the shared router: /api/v1/meldingen/ and its actions."""
    router.register("meldingen", MeldingViewSet, basename="melding")
