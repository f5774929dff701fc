"""Pages of debt help (issue 14), under /schuldhulp/."""

from django.urls import path

from eenplan.schuldhulp import views

app_name = "schuldhulp"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("signalen/", views.signalen, name="signalen"),
    path("signalen/nieuw/", views.signaal_nieuw, name="signaal-nieuw"),
    path("signalen/<int:pk>/contact/", views.contact, name="contact"),
    path("inwoners/<int:pk>/", views.inwoner, name="inwoner"),
    path("inwoners/<int:pk>/aanmelden/", views.aanmelden, name="aanmelden"),
    path("vragen/<int:pk>/triage/", views.triage, name="triage"),
    path("vragen/<int:pk>/fase/", views.fase, name="fase"),
    path("vragen/<int:pk>/toelating/", views.toelating, name="toelating"),
]
