from django.urls import path

from eenplan.meldingen import views

app_name = "meldingen"

urlpatterns = [
    path("nieuw/", views.melding_nieuw, name="nieuw"),
    path("nieuw/bsn/", views.bsn_controle, name="bsn-controle"),
    path("ontvangen/", views.melding_bevestiging, name="bevestiging"),
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/samenvatting/", views.werkvoorraad_samenvatting, name="samenvatting"),
    path("<int:pk>/", views.melding_detail, name="detail"),
    path("<int:pk>/beantwoorden/", views.melding_beantwoorden, name="beantwoorden"),
    path("<int:pk>/doorzetten/", views.melding_doorzetten, name="doorzetten"),
    path("<int:pk>/identificeren/", views.melding_identificeren, name="identificeren"),
    path("<int:pk>/toewijzen/", views.melding_toewijzen, name="toewijzen"),
    path("<int:pk>/opschorten/", views.melding_opschorten, name="opschorten"),
    path("<int:pk>/hervatten/", views.melding_hervatten, name="hervatten"),
    path("<int:pk>/afsluiten/", views.melding_afsluiten, name="afsluiten"),
    path("<int:pk>/koppelen/", views.melding_koppelen, name="koppelen"),
]
