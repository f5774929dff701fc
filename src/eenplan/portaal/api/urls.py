"""The portal's API routes under /api/v1/portaal/ (wired in conf.api_urls)."""

from django.urls import path

from eenplan.portaal.api import handelen, kaart, vertegenwoordiging, views

urlpatterns = [
    path("portaal/zaken/", views.ZakenViewSet.as_view({"get": "list"}), name="mijn-zaken"),
    path(
        "portaal/<int:inwoner_id>/",
        views.OverzichtViewSet.as_view({"get": "retrieve"}),
        name="mijn-overzicht",
    ),
    path(
        "portaal/<int:inwoner_id>/meldingen/",
        views.MeldingenViewSet.as_view({"post": "create"}),
        name="mijn-meldingen",
    ),
    path(
        "portaal/<int:inwoner_id>/plan/",
        views.PlanViewSet.as_view({"get": "retrieve"}),
        name="mijn-plan",
    ),
    path(
        "portaal/<int:inwoner_id>/acties/<int:pk>/gedaan/",
        views.ActiesViewSet.as_view({"post": "gedaan"}),
        name="mijn-actie-gedaan",
    ),
    path(
        "portaal/<int:inwoner_id>/besluiten/",
        views.BesluitenViewSet.as_view({"get": "retrieve"}),
        name="mijn-besluiten",
    ),
    path(
        "portaal/<int:inwoner_id>/inzage/",
        views.InzageViewSet.as_view({"get": "retrieve"}),
        name="mijn-inzage",
    ),
    path(
        "portaal/<int:inwoner_id>/bezwaren/",
        views.BezwarenViewSet.as_view({"get": "list"}),
        name="mijn-bezwaren",
    ),
    path(
        "portaal/<int:inwoner_id>/beschikkingen/<int:pk>/bezwaar/",
        views.BezwarenViewSet.as_view({"post": "create"}),
        name="mijn-bezwaar",
    ),
    path(
        "portaal/<int:inwoner_id>/klachten/",
        views.KlachtenViewSet.as_view({"post": "create"}),
        name="mijn-klachten",
    ),
    path(
        "portaal/<int:inwoner_id>/onderzoeken/<int:pk>/opmerkingen/",
        handelen.OpmerkingenViewSet.as_view({"post": "create"}),
        name="mijn-opmerkingen",
    ),
    path(
        "portaal/<int:inwoner_id>/plan/inbreng/",
        handelen.InbrengViewSet.as_view({"get": "list", "post": "create"}),
        name="mijn-inbreng",
    ),
    path(
        "portaal/<int:inwoner_id>/plan/ondertekenen/",
        handelen.OndertekenenViewSet.as_view({"post": "create"}),
        name="mijn-ondertekenen",
    ),
    path(
        "portaal/<int:inwoner_id>/deelnemers/",
        handelen.DeelnemersViewSet.as_view({"get": "list", "post": "create"}),
        name="mijn-deelnemers",
    ),
    path(
        "portaal/<int:inwoner_id>/deelnemers/<int:pk>/intrekken/",
        handelen.DeelnemersViewSet.as_view({"post": "intrekken"}),
        name="mijn-deelnemer-intrekken",
    ),
    path(
        "portaal/<int:inwoner_id>/aanvragen/",
        handelen.AanvragenViewSet.as_view({"get": "retrieve", "post": "create"}),
        name="mijn-aanvragen",
    ),
    path(
        "sociale-kaart/",
        kaart.SocialeKaartViewSet.as_view({"get": "list"}),
        name="sociale-kaart-api",
    ),
    path(
        "portaal/<int:inwoner_id>/vragenlijst/",
        views.VragenlijstViewSet.as_view({"get": "retrieve", "post": "create"}),
        name="mijn-vragenlijst",
    ),
    path(
        "portaal/<int:inwoner_id>/machtigingen/",
        views.MachtigingenViewSet.as_view({"get": "list", "post": "create"}),
        name="mijn-machtigingen",
    ),
    path(
        "portaal/<int:inwoner_id>/machtigingen/<int:pk>/intrekken/",
        views.MachtigingenViewSet.as_view({"post": "intrekken"}),
        name="mijn-machtiging-intrekken",
    ),
]

# Staff: who may act for a resident (the page /inwoners/<id>/vertegenwoordiging/), with a staff
# login and the role matrix, not the portal's.
_vertegenwoordiging = vertegenwoordiging.VertegenwoordigingViewSet
medewerker_urlpatterns = [
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/",
        _vertegenwoordiging.as_view({"get": "list", "post": "create"}),
        name="vertegenwoordiging-api",
    ),
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/wettelijk/<int:pk>/beeindigen/",
        _vertegenwoordiging.as_view({"post": "wettelijk_beeindigen"}),
        name="vertegenwoordiging-api-wettelijk-beeindigen",
    ),
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/machtigingen/<int:pk>/intrekken/",
        _vertegenwoordiging.as_view({"post": "machtiging_intrekken"}),
        name="vertegenwoordiging-api-machtiging-intrekken",
    ),
]
