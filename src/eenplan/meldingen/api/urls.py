"""Routes of the meldingen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter


def register(router: BaseRouter) -> None:
    """Add the meldingen routes to the shared router."""
