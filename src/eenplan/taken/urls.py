from django.urls import path

from eenplan.taken import views

app_name = "taken"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/voortgang/", views.voortgang, name="voortgang"),
    path("<int:pk>/bestand/", views.bestand, name="bestand"),
]
