"""Routes of the work and income API, registered on the /api/v1/ router in conf/api_urls.py."""

from rest_framework.routers import BaseRouter

from eenplan.participatie.api.views import (
    InstrumentViewSet,
    LevensonderhoudViewSet,
    MaatregelViewSet,
    TegenprestatieViewSet,
    TrajectViewSet,
    VerdiencapaciteitViewSet,
    WerkdoelViewSet,
    WerkgeverViewSet,
)


def register(router: BaseRouter) -> None:
    """Add /api/v1/participatie/levensonderhoud/, …/verdiencapaciteiten/ and …/trajecten/."""
    router.register(
        "participatie/levensonderhoud", LevensonderhoudViewSet, basename="levensonderhoud"
    )
    router.register(
        "participatie/verdiencapaciteiten", VerdiencapaciteitViewSet, basename="verdiencapaciteit"
    )
    router.register("participatie/trajecten", TrajectViewSet, basename="traject")
    router.register("participatie/instrumenten", InstrumentViewSet, basename="instrument")
    router.register("participatie/werkgevers", WerkgeverViewSet, basename="werkgever")
    router.register(
        "participatie/tegenprestaties", TegenprestatieViewSet, basename="tegenprestatie"
    )
    router.register("participatie/maatregelen", MaatregelViewSet, basename="maatregel")
    router.register("participatie/werkdoelen", WerkdoelViewSet, basename="werkdoel")
