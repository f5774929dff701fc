"""Routes of the plannen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.plannen.api.views import PlanViewSet


def register(router: BaseRouter) -> None:
    """Add the plannen routes to the shared router: /api/v1/plannen/ and its actions."""
    router.register("plannen", PlanViewSet, basename="plan")
