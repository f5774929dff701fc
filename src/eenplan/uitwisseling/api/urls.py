"""Routes of /api/v1/uitwisselingen/ and /api/v1/uitvoeringen/."""

from rest_framework.routers import BaseRouter

from eenplan.uitwisseling.api import views


def register(router: BaseRouter) -> None:
    # The fixed sub-paths first: ids are numbers only, so they never clash with <pk>.
    router.register("uitwisselingen/ontvangen", views.OntvangenViewSet, basename="ontvangen")
    router.register("uitwisselingen/cijfers", views.CijfersViewSet, basename="uitwisselingcijfers")
    router.register("uitwisselingen", views.UitwisselingViewSet, basename="uitwisseling")
    # What an exchange shares (/uitwisselingen/<pk>/gedeeld/): a relation, not a role, opens it.
    router.register("uitwisselingen", views.GedeeldViewSet, basename="uitwisseling-gedeeld")
    router.register("uitvoeringen", views.MijnUitvoeringenViewSet, basename="uitvoering")
    router.register("uitvoeringen", views.UitvoeringViewSet, basename="uitvoering-notities")
