"""The portal's API routes under /api/v1/mijn/ (wired in conf.api_urls)."""

from django.urls import path

from eenplan.portaal.api import kaart, views

urlpatterns = [
    path("mijn/zaken/", views.ZakenViewSet.as_view({"get": "list"}), name="mijn-zaken"),
    path(
        "mijn/<int:inwoner_id>/",
        views.OverzichtViewSet.as_view({"get": "retrieve"}),
        name="mijn-overzicht",
    ),
    path(
        "mijn/<int:inwoner_id>/meldingen/",
        views.MeldingenViewSet.as_view({"post": "create"}),
        name="mijn-meldingen",
    ),
    path(
        "mijn/<int:inwoner_id>/plan/",
        views.PlanViewSet.as_view({"get": "retrieve"}),
        name="mijn-plan",
    ),
    path(
        "mijn/<int:inwoner_id>/acties/<int:pk>/gedaan/",
        views.ActiesViewSet.as_view({"post": "gedaan"}),
        name="mijn-actie-gedaan",
    ),
    path(
        "mijn/<int:inwoner_id>/besluiten/",
        views.BesluitenViewSet.as_view({"get": "retrieve"}),
        name="mijn-besluiten",
    ),
    path(
        "mijn/<int:inwoner_id>/inzage/",
        views.InzageViewSet.as_view({"get": "retrieve"}),
        name="mijn-inzage",
    ),
    path(
        "mijn/<int:inwoner_id>/bezwaren/",
        views.BezwarenViewSet.as_view({"get": "list"}),
        name="mijn-bezwaren",
    ),
    path(
        "mijn/<int:inwoner_id>/beschikkingen/<int:pk>/bezwaar/",
        views.BezwarenViewSet.as_view({"post": "create"}),
        name="mijn-bezwaar",
    ),
    path(
        "mijn/<int:inwoner_id>/klachten/",
        views.KlachtenViewSet.as_view({"post": "create"}),
        name="mijn-klachten",
    ),
    path(
        "sociale-kaart/",
        kaart.SocialeKaartViewSet.as_view({"get": "list"}),
        name="sociale-kaart-api",
    ),
    path(
        "mijn/<int:inwoner_id>/vragenlijst/",
        views.VragenlijstViewSet.as_view({"get": "retrieve", "post": "create"}),
        name="mijn-vragenlijst",
    ),
    path(
        "mijn/<int:inwoner_id>/machtigingen/",
        views.MachtigingenViewSet.as_view({"get": "list", "post": "create"}),
        name="mijn-machtigingen",
    ),
    path(
        "mijn/<int:inwoner_id>/machtigingen/<int:pk>/intrekken/",
        views.MachtigingenViewSet.as_view({"post": "intrekken"}),
        name="mijn-machtiging-intrekken",
    ),
]
