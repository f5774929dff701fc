from django.urls import path

from eenplan.beleid import views

app_name = "beleid"

urlpatterns = [
    path("", views.plannen, name="plannen"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/plan/", views.structuur, name="structuur"),
    path("<int:pk>/marges/", views.marges, name="marges"),
    path("<int:pk>/raadsrapportage/", views.raadsrapportage, name="raadsrapportage"),
    path("<int:pk>/raadsrapportage.pdf", views.raadsrapportage_pdf, name="raadsrapportage_pdf"),
    path("indicatoren/<int:pk>/", views.koppeling, name="koppeling"),
    path("resultaten/<int:pk>/indicator/", views.resultaat_indicator, name="resultaat_indicator"),
    path("activiteiten/<int:pk>/status/", views.activiteit_status, name="activiteit_status"),
    path("clientervaring/", views.enquetes, name="enquetes"),
    path("clientervaring/nieuw/", views.enquete_nieuw, name="enquete_nieuw"),
    path("clientervaring/<int:pk>/", views.enquete, name="enquete"),
]
