"""All REST routes under /api/v1/."""

from rest_framework.routers import DefaultRouter

from eenplan.aanbieders import api as aanbieders_api
from eenplan.avg.api import urls as avg_api
from eenplan.beheer import api as beheer_api
from eenplan.beheer.gemeentegegevens import GemeenteViewSet
from eenplan.beleid.api import urls as beleid_api
from eenplan.berichten.api import medewerkers as berichten_medewerkers_api
from eenplan.berichten.api import urls as berichten_api
from eenplan.beschikkingen.api import urls as beschikkingen_api
from eenplan.bezwaren.api import urls as bezwaren_api
from eenplan.common.api import ID_REGEX
from eenplan.gemeente.api.views import LidmaatschapViewSet, TeamViewSet, WijkViewSet
from eenplan.inwoners.api.views import HuishoudenViewSet, InwonerViewSet
from eenplan.mantelzorg.api import views as mantelzorg_api
from eenplan.meldingen.api import urls as meldingen_api
from eenplan.onderzoeken.api import urls as onderzoeken_api
from eenplan.participatie.api import urls as participatie_api
from eenplan.plannen.api import urls as plannen_api
from eenplan.portaal.api import urls as portaal_api
from eenplan.privacy.api.views import InzageViewSet
from eenplan.schuldhulp.api import urls as schuldhulp_api
from eenplan.sturing.api import views as sturing_api
from eenplan.taken.api import urls as taken_api
from eenplan.uitwisseling.api import urls as uitwisseling_api
from eenplan.voorzieningen.api import urls as voorzieningen_api
from eenplan.web.api import DossierViewSet


class Router(DefaultRouter):
    """The API's router: no format-suffix routes, and ids are numbers.

    `.json` suffixes (`/api/v1/meldingen.json`) are not offered: they reached views that take no
    `format` argument. The response format follows the Accept header (or `?format=`). A
    viewset without its own `lookup_value_regex` gets one that matches only a number that fits
    the database's id column (at most 18 digits), so `/huishoudens/abc/` is a 404 before any
    view runs.
    """

    include_format_suffixes = False

    def get_lookup_regex(self, viewset: type, lookup_prefix: str = "") -> str:
        lookup_field = getattr(viewset, "lookup_field", "pk")
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        lookup_value = getattr(viewset, "lookup_value_regex", ID_REGEX)
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{lookup_value})"


router = Router()
router.register("inwoners", InwonerViewSet, basename="inwoner")
router.register("huishoudens", HuishoudenViewSet, basename="huishouden")
router.register("inzagelog", InzageViewSet, basename="inzage")
router.register("wijken", WijkViewSet, basename="wijk")
router.register("teams", TeamViewSet, basename="team")
router.register("mijn-gemeenten", LidmaatschapViewSet, basename="mijn-gemeente")
router.register("dossiers", DossierViewSet, basename="dossier")

meldingen_api.register(router)
onderzoeken_api.register(router)
plannen_api.register(router)
voorzieningen_api.register(router)
beschikkingen_api.register(router)
beheer_api.register(router)
router.register("beheer/gemeente", GemeenteViewSet, basename="beheer-gemeente")
bezwaren_api.register(router)
participatie_api.register(router)
schuldhulp_api.register(router)
sturing_api.register(router)
berichten_medewerkers_api.register(router)
beleid_api.register(router)
berichten_api.register(router)
aanbieders_api.register(router)
uitwisseling_api.register(router)
mantelzorg_api.register(router)
avg_api.register(router)
taken_api.register(router)

# The inwonersportaal's own routes (issue 13): a resident's login only.
urlpatterns = router.urls + portaal_api.urlpatterns + portaal_api.medewerker_urlpatterns
