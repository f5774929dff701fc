"""Routes of the beschikkingen API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.beschikkingen.api.views.aanvragen import AanvraagViewSet
from eenplan.beschikkingen.api.views.beschikkingen import BeschikkingViewSet
from eenplan.beschikkingen.api.views.overgangsrecht import OvergangsrechtViewSet
from eenplan.beschikkingen.api.views.sjablonen import BriefSjabloonViewSet
from eenplan.beschikkingen.api.views.verzendingen import VerzendingViewSet


def register(router: BaseRouter) -> None:
    """Add /api/v1/aanvragen/, /api/v1/beschikkingen/ (with export/svb/ and export/cak/) and
    /api/v1/overgangsrecht/ to the shared router."""
    router.register("aanvragen", AanvraagViewSet, basename="aanvraag")
    router.register("beschikkingen", BeschikkingViewSet, basename="beschikking")
    router.register("overgangsrecht", OvergangsrechtViewSet, basename="overgangsrecht")
    router.register("briefsjablonen", BriefSjabloonViewSet, basename="briefsjabloon")
    router.register("verzendingen", VerzendingViewSet, basename="verzending")
