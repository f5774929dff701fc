from django.urls import path

from eenplan.voorzieningen import views

app_name = "voorzieningen"

urlpatterns = [
    path("", views.catalogus, name="catalogus"),
    path("sociale-kaart/", views.sociale_kaart, name="sociale-kaart"),
    path("nieuw/", views.voorziening_nieuw, name="nieuw"),
    path("<int:pk>/", views.voorziening_detail, name="detail"),
    path("<int:pk>/tarief/", views.tarief_toevoegen, name="tarief"),
]
