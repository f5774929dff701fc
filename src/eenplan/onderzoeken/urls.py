from django.urls import path

from eenplan.onderzoeken import views

app_name = "onderzoeken"

urlpatterns = [
    path("", views.onderzoek_lijst, name="lijst"),
    path("start/<int:melding_id>/", views.onderzoek_start, name="start"),
    path("<int:pk>/", views.onderzoek_detail, name="detail"),
    path("<int:pk>/gesprek/", views.gesprek_toevoegen, name="gesprek"),
    path("<int:pk>/onderdelen/", views.onderdelen_opslaan, name="onderdelen"),
    path("<int:pk>/onderdelen/<str:code>/", views.onderdeel_autosave, name="onderdeel"),
    path("<int:pk>/besproken/", views.checks_opslaan, name="checks"),
    path("<int:pk>/scores/", views.scores_opslaan, name="scores"),
    path("<int:pk>/afweging/<int:stap>/", views.afweging_opslaan, name="afweging"),
    path("<int:pk>/definitief/", views.verslag_definitief, name="definitief"),
    path("<int:pk>/verslag/", views.verslag, name="verslag"),
    path("<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag-pdf"),
    path("<int:pk>/verslag/verzonden/", views.verslag_verzonden, name="verzonden"),
    path("<int:pk>/verslag/reactie/", views.verslag_reactie, name="reactie"),
]
