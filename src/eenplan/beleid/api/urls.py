"""Routes of the beleid API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.beleid.api.bewerken import (
    DoelViewSet,
    ResultaatViewSet,
    SubdoelViewSet,
    ThemaViewSet,
    VraagViewSet,
)
from eenplan.beleid.api.views import (
    ActiviteitViewSet,
    BeleidsplanViewSet,
    IndicatorkoppelingViewSet,
    UitvragingViewSet,
)


def register(router: BaseRouter) -> None:
    router.register("beleidsplannen", BeleidsplanViewSet, basename="beleidsplan")
    router.register("beleidsindicatoren", IndicatorkoppelingViewSet, basename="beleidsindicator")
    router.register("beleidsactiviteiten", ActiviteitViewSet, basename="beleidsactiviteit")
    router.register("beleidsthemas", ThemaViewSet, basename="beleidsthema")
    router.register("beleidsdoelen", DoelViewSet, basename="beleidsdoel")
    router.register("beleidssubdoelen", SubdoelViewSet, basename="beleidssubdoel")
    router.register("beleidsresultaten", ResultaatViewSet, basename="beleidsresultaat")
    router.register("clientervaring", UitvragingViewSet, basename="clientervaring")
    router.register("enquetevragen", VraagViewSet, basename="enquetevraag")
