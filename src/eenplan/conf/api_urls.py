"""All REST routes under /api/v1/."""

from rest_framework.routers import DefaultRouter

from eenplan.inwoners.api.views import HuishoudenViewSet, InwonerViewSet

router = DefaultRouter()
router.register("inwoners", InwonerViewSet, basename="inwoner")
router.register("huishoudens", HuishoudenViewSet, basename="huishouden")

urlpatterns = router.urls
