from django.urls import path

from eenplan.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("inwoners/", views.inwoner_zoeken, name="inwoner-zoeken"),
    path("inwoners/<int:pk>/", views.inwoner_detail, name="inwoner-detail"),
    path("privacy/inzagelog/", views.inzagelog, name="inzagelog"),
    path("gemeente-kiezen/", views.gemeente_kiezen, name="gemeente-kiezen"),
]
