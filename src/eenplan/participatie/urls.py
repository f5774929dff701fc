"""Pages of work and income (issue 14), under /participatie/."""

from django.urls import path

from eenplan.participatie import views

app_name = "participatie"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("aanvragen/nieuw/", views.aanvraag_nieuw, name="aanvraag-nieuw"),
    path("aanvragen/<int:pk>/", views.aanvraag, name="aanvraag"),
    path("aanvragen/<int:pk>/voorschot/", views.voorschot, name="voorschot"),
    path("aanvragen/<int:pk>/uitsluiting/", views.uitsluiting, name="uitsluiting"),
    path("aanvragen/<int:pk>/beslissen/", views.beslissen, name="beslissen"),
    path("inwoners/<int:pk>/", views.werk, name="werk"),
    path("inwoners/<int:pk>/verdiencapaciteit/", views.verdiencapaciteit, name="verdiencapaciteit"),
    path("metingen/<int:pk>/traject/", views.traject_starten, name="traject-starten"),
    path("trajecten/<int:pk>/stap/", views.traject_stap, name="traject-stap"),
    path("inwoners/<int:pk>/instrument/", views.instrument, name="instrument"),
    path("inwoners/<int:pk>/tegenprestatie/", views.tegenprestatie, name="tegenprestatie"),
    path("inwoners/<int:pk>/werkdoel/", views.werkdoel, name="werkdoel"),
    path("aanvragen/<int:pk>/maatregel/", views.maatregel, name="maatregel"),
    path("werkgevers/", views.werkgevers, name="werkgevers"),
    path("werkgevers/nieuw/", views.werkgever_toevoegen, name="werkgever-toevoegen"),
]
