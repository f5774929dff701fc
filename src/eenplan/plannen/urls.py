from django.urls import path

from eenplan.plannen import views

app_name = "plannen"

urlpatterns = [
    path("huishouden/<int:huishouden_id>/", views.huishouden, name="huishouden"),
    path("huishouden/<int:huishouden_id>/plan/", views.plan_openen, name="openen"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/afdrukken/", views.plan_afdrukken, name="afdrukken"),
    path("<int:pk>/doel/", views.doel_toevoegen, name="doel"),
    path("<int:pk>/doel/<int:doel_id>/actie/", views.actie_toevoegen, name="actie"),
    path("<int:pk>/doel/<int:doel_id>/evaluatie/", views.evaluatie_toevoegen, name="evaluatie"),
    path("<int:pk>/voorstel/", views.voorstel_toevoegen, name="voorstel"),
    path("<int:pk>/regisseur/", views.regisseur_kiezen, name="regisseur"),
    path("<int:pk>/deelnemer/", views.deelnemer_toevoegen, name="deelnemer"),
    path(
        "<int:pk>/deelnemer/<int:deelnemer_id>/intrekken/",
        views.toestemming_intrekken,
        name="intrekken",
    ),
    path("<int:pk>/veiligheid/", views.veiligheid_vastleggen, name="veiligheid"),
    path("<int:pk>/ondertekenen/", views.ondertekenen, name="ondertekenen"),
    path("<int:pk>/aanvraag/", views.aanvraag_indienen, name="aanvraag"),
    path("<int:pk>/samenvoegen/", views.samenvoegen, name="samenvoegen"),
]
