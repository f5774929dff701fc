"""All REST routes under /api/v1/."""

from rest_framework.routers import DefaultRouter

from eenplan.beschikkingen.api import urls as beschikkingen_api
from eenplan.gemeente.api.views import TeamViewSet, WijkViewSet
from eenplan.inwoners.api.views import HuishoudenViewSet, InwonerViewSet
from eenplan.meldingen.api import urls as meldingen_api
from eenplan.onderzoeken.api import urls as onderzoeken_api
from eenplan.plannen.api import urls as plannen_api
from eenplan.privacy.api.views import InzageViewSet
from eenplan.voorzieningen.api import urls as voorzieningen_api
from eenplan.web.api import DossierViewSet

router = DefaultRouter()
router.register("inwoners", InwonerViewSet, basename="inwoner")
router.register("huishoudens", HuishoudenViewSet, basename="huishouden")
router.register("inzagelog", InzageViewSet, basename="inzage")
router.register("wijken", WijkViewSet, basename="wijk")
router.register("teams", TeamViewSet, basename="team")
router.register("dossiers", DossierViewSet, basename="dossier")

meldingen_api.register(router)
onderzoeken_api.register(router)
plannen_api.register(router)
voorzieningen_api.register(router)
beschikkingen_api.register(router)

urlpatterns = router.urls
