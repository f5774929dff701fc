"""Routes of the debt-help API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.schuldhulp.api.views import SchuldvraagViewSet, VroegsignaalViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/schuldhulp/signalen/ and /api/v1/schuldhulp/vragen/."""
    router.register("schuldhulp/signalen", VroegsignaalViewSet, basename="vroegsignaal")
    router.register("schuldhulp/vragen", SchuldvraagViewSet, basename="schuldvraag")
