from django.urls import path

from eenplan.beheer import gemeentegegevens, regio, views

app_name = "beheer"

urlpatterns = [
    path("", views.start, name="start"),
    path("medewerkers/", views.medewerkers, name="medewerkers"),
    path("medewerkers/nieuw/", views.medewerker_nieuw, name="medewerker-nieuw"),
    path("medewerkers/<int:pk>/", views.medewerker_detail, name="medewerker"),
    path("medewerkers/<int:pk>/rollen/", views.medewerker_rollen, name="medewerker-rollen"),
    path("medewerkers/<int:pk>/actief/", views.medewerker_actief, name="medewerker-actief"),
    path(
        "medewerkers/<int:pk>/tweede-factor/",
        views.medewerker_tweede_factor,
        name="medewerker-tweede-factor",
    ),
    path("medewerkers/<int:pk>/blokkade/", views.medewerker_blokkade, name="medewerker-blokkade"),
    path(
        "medewerkers/<int:pk>/lidmaatschap-beeindigen/",
        regio.regio_beeindigen,
        name="regio-beeindigen",
    ),
    path("regio/", regio.regio, name="regio"),
    path("regio/toevoegen/", regio.regio_toevoegen, name="regio-toevoegen"),
    path("wijzigingslog/", views.wijzigingslog, name="wijzigingslog"),
    path("verzoeken/", views.verzoeken, name="verzoeken"),
    path("verzoeken/<int:pk>/goedkeuren/", views.verzoek_goedkeuren, name="verzoek-goedkeuren"),
    path("verzoeken/<int:pk>/afwijzen/", views.verzoek_afwijzen, name="verzoek-afwijzen"),
    path("teams/", views.teams, name="teams"),
    path("teams/nieuw/", views.team_nieuw, name="team-nieuw"),
    path("teams/<int:pk>/", views.team_wijzigen, name="team"),
    path("wijken/nieuw/", views.wijk_nieuw, name="wijk-nieuw"),
    path("wijken/<int:pk>/", views.wijk_wijzigen, name="wijk"),
    path("catalogus/", views.catalogus, name="catalogus"),
    path("catalogus/nieuw/", views.voorziening_nieuw, name="voorziening-nieuw"),
    path("catalogus/<int:pk>/", views.voorziening_wijzigen, name="voorziening"),
    path("catalogus/<int:pk>/tarief/", views.tarief_toevoegen, name="tarief"),
    path("synoniemen/", views.synoniemen, name="synoniemen"),
    path("synoniemen/startlijst/", views.synoniemen_standaard, name="synoniemen-standaard"),
    path("synoniemen/<int:pk>/", views.synoniem_wijzigen, name="synoniem"),
    path(
        "synoniemen/<int:pk>/verwijderen/",
        views.synoniem_verwijderen,
        name="synoniem-verwijderen",
    ),
    path("gemeente/", gemeentegegevens.gemeente, name="gemeente"),
    path("gemeente/wijzigen/", gemeentegegevens.gemeente_wijzigen, name="gemeente-wijzigen"),
    path("gemeente/logo.png", gemeentegegevens.gemeente_logo, name="gemeente-logo"),
    path("instellingen/", views.instellingen, name="instellingen"),
    path("instellingen/feestdagen/", views.feestdag_toevoegen, name="feestdag-toevoegen"),
    path(
        "instellingen/<str:onderwerp>/opslaan/", views.instelling_opslaan, name="instelling-opslaan"
    ),
    path(
        "instellingen/abonnementstarieven/",
        views.abonnementstarief_toevoegen,
        name="abonnementstarief-toevoegen",
    ),
    path(
        "instellingen/feestdagen/<int:pk>/verwijderen/",
        views.feestdag_verwijderen,
        name="feestdag-verwijderen",
    ),
]
