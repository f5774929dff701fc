from django.urls import path

from eenplan.beleid import views
from eenplan.beleid.views import bewerken as b

app_name = "beleid"

urlpatterns = [
    path("", views.plannen, name="plannen"),
    path("nieuw/", b.plan_nieuw, name="beleidsplan_nieuw"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/plan/", views.structuur, name="structuur"),
    path("<int:pk>/bewerken/", b.plan_bewerk, name="beleidsplan_bewerken"),
    path("<int:pk>/verwijderen/", b.plan_verwijder, name="beleidsplan_verwijderen"),
    path("<int:pk>/themas/nieuw/", b.thema_nieuw, name="thema_nieuw"),
    path("<int:pk>/marges/", views.marges, name="marges"),
    path("<int:pk>/raadsrapportage/", views.raadsrapportage, name="raadsrapportage"),
    path("<int:pk>/raadsrapportage.pdf", views.raadsrapportage_pdf, name="raadsrapportage_pdf"),
    path("themas/<int:pk>/", b.thema_bewerk, name="thema_bewerken"),
    path("themas/<int:pk>/verwijderen/", b.thema_verwijder, name="thema_verwijderen"),
    path("themas/<int:pk>/doelen/nieuw/", b.doel_nieuw, name="doel_nieuw"),
    path("themas/<int:pk>/resultaten/nieuw/", b.resultaat_nieuw, name="resultaat_nieuw"),
    path("doelen/<int:pk>/", b.doel_bewerk, name="doel_bewerken"),
    path("doelen/<int:pk>/verwijderen/", b.doel_verwijder, name="doel_verwijderen"),
    path("doelen/<int:pk>/subdoelen/nieuw/", b.subdoel_nieuw, name="subdoel_nieuw"),
    path("subdoelen/<int:pk>/", b.subdoel_bewerk, name="subdoel_bewerken"),
    path("subdoelen/<int:pk>/verwijderen/", b.subdoel_verwijder, name="subdoel_verwijderen"),
    path("subdoelen/<int:pk>/activiteiten/nieuw/", b.activiteit_nieuw, name="activiteit_nieuw"),
    path("resultaten/<int:pk>/", b.resultaat_bewerk, name="resultaat_bewerken"),
    path("resultaten/<int:pk>/verwijderen/", b.resultaat_verwijder, name="resultaat_verwijderen"),
    path("activiteiten/<int:pk>/", b.activiteit_bewerk, name="activiteit_bewerken"),
    path(
        "activiteiten/<int:pk>/verwijderen/",
        b.activiteit_verwijder,
        name="activiteit_verwijderen",
    ),
    path("indicatoren/<int:pk>/", views.koppeling, name="koppeling"),
    path(
        "indicatoren/<int:pk>/verwijderen/",
        b.koppeling_verwijder,
        name="indicatorkoppeling_verwijderen",
    ),
    path("resultaten/<int:pk>/indicator/", views.resultaat_indicator, name="resultaat_indicator"),
    path("activiteiten/<int:pk>/status/", views.activiteit_status, name="activiteit_status"),
    path("clientervaring/", views.enquetes, name="enquetes"),
    path("clientervaring/nieuw/", views.enquete_nieuw, name="enquete_nieuw"),
    path("clientervaring/vragen/", b.vragenlijst_beheer, name="vragen"),
    path("clientervaring/vragen/<int:pk>/", b.vraag_bewerk, name="vraag"),
    path("clientervaring/<int:pk>/", views.enquete, name="enquete"),
]
