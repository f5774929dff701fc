from django.urls import path

from eenplan.mantelzorg import views

app_name = "mantelzorg"

urlpatterns = [
    path("", views.mantelzorgers, name="lijst"),
    path("inwoner/<int:inwoner_id>/", views.inwoner_mantelzorg, name="inwoner"),
    path("inwoner/<int:inwoner_id>/registreren/", views.registreren, name="registreren"),
    path("inwoner/<int:inwoner_id>/belasting/", views.belasting, name="belasting"),
    path("inwoner/<int:inwoner_id>/klus/", views.klus_nieuw, name="klus-nieuw"),
    path("<int:pk>/", views.mantelzorger, name="mantelzorger"),
    path("<int:pk>/ondersteuning/", views.ondersteuning, name="ondersteuning"),
    path("<int:pk>/respijt/", views.respijt, name="respijt"),
    path(
        "<int:pk>/respijt/<int:vraag_id>/afhandelen/",
        views.respijt_afhandelen,
        name="respijt-afhandelen",
    ),
    path("<int:pk>/waardering/", views.waardering, name="waardering-aanvragen"),
    path("<int:pk>/zorgrelatie/", views.zorgrelatie, name="zorgrelatie"),
    path("respijtzorg/", views.respijtzorg, name="respijtzorg"),
    path("waardering/", views.waardering_regeling, name="waardering"),
    path("waardering/nieuw/", views.waardering_regeling_nieuw, name="waardering-nieuw"),
    path("vrijwilligers/", views.vrijwilligers, name="vrijwilligers"),
    path("vrijwilligers/vog/", views.vog_termijn, name="vog"),
    path("vrijwilligers/vog/nieuw/", views.vog_termijn_nieuw, name="vog-nieuw"),
    path("vrijwilligers/nieuw/", views.vrijwilliger_nieuw, name="vrijwilliger-nieuw"),
    path("vrijwilligers/tegenprestatie/", views.tegenprestatie, name="tegenprestatie"),
    path("vrijwilligers/<int:pk>/", views.vrijwilliger, name="vrijwilliger"),
    path(
        "vrijwilligers/<int:pk>/wijzigen/",
        views.vrijwilliger_wijzigen,
        name="vrijwilliger-wijzigen",
    ),
    path("klussen/", views.klussen, name="klussen"),
    path("klussen/<int:pk>/", views.klus, name="klus"),
    path("klussen/<int:pk>/koppelen/", views.klus_koppelen, name="klus-koppelen"),
    path("klussen/<int:pk>/uitkomst/", views.klus_uitkomst, name="klus-uitkomst"),
    path("plan/<int:plan_id>/kring/", views.kring, name="kring"),
    path("plan/<int:plan_id>/kring/toewijzen/", views.kring_toewijzen, name="kring-toewijzen"),
]

# The care circle in the resident portal, under /mijn/kring/ (conf/urls.py).
portaal_urlpatterns = [
    path("", views.mijn_kring, name="kring"),
    path("<int:pk>/gedaan/", views.mijn_kring_gedaan, name="kring-gedaan"),
]
