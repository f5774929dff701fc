from django.urls import path

from eenplan.beveiliging import views

app_name = "beveiliging"

urlpatterns = [
    path("verificatie/", views.verificatie, name="verificatie"),
    path("tweestapsverificatie/", views.instellen, name="instellen"),
    path("api-sleutels/", views.api_sleutels, name="api-sleutels"),
]
