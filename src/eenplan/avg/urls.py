"""Pages of the AVG requests and of retention under /avg/ (conf/urls.py)."""

from django.urls import path

from eenplan.avg import views

app_name = "avg"
urlpatterns = [
    path("verzoeken/", views.verzoeken, name="verzoeken"),
    path("verzoeken/nieuw/", views.verzoek_nieuw, name="verzoek-nieuw"),
    path("verzoeken/<int:pk>/", views.verzoek, name="verzoek"),
    path("verzoeken/<int:pk>/inzage.pdf", views.inzage_pdf, name="inzage-pdf"),
    path("verzoeken/<int:pk>/inzage.json", views.inzage_json, name="inzage-json"),
    path("bewaren/", views.bewaren_werklijst, name="bewaren"),
    path("bewaren/voorstellen/", views.bewaren_voorstellen, name="bewaren-voorstellen"),
    path("vernietigingen/", views.vernietigingen, name="vernietigingen"),
    path("vernietigingen/<int:pk>/", views.vernietiging, name="vernietiging"),
]

# The resident's page in the inwonersportaal, included under /mijn/ as "avg-portaal".
portaal_urlpatterns = [
    path("<int:inwoner_id>/avg/", views.portaal_verzoeken, name="verzoeken"),
    path("<int:inwoner_id>/avg/verzoek/", views.portaal_verzoek_doen, name="verzoek-doen"),
    path(
        "<int:inwoner_id>/avg/<int:pk>/mijn-gegevens.pdf",
        views.portaal_inzage_pdf,
        name="inzage-pdf",
    ),
    path(
        "<int:inwoner_id>/avg/<int:pk>/mijn-gegevens.json",
        views.portaal_inzage_json,
        name="inzage-json",
    ),
]
