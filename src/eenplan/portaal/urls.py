from django.urls import path

from eenplan.portaal import views
from eenplan.portaal.views import aanvraag, bezwaar, kaart, vragenlijst

app_name = "portaal"

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.inloggen, name="inloggen"),
    path("<int:inwoner_id>/", views.overzicht, name="overzicht"),
    path("<int:inwoner_id>/melding-doen/", views.melding_doen, name="melding-doen"),
    path("<int:inwoner_id>/meldingen/<int:pk>/", views.melding, name="melding"),
    path("<int:inwoner_id>/onderzoeken/<int:pk>/", views.onderzoek, name="onderzoek"),
    path("<int:inwoner_id>/onderzoeken/<int:pk>/reactie/", views.reactie, name="reactie"),
    path("<int:inwoner_id>/plan/", views.plan, name="plan"),
    path("<int:inwoner_id>/plan/acties/<int:pk>/gedaan/", views.actie_gedaan, name="actie-gedaan"),
    path("<int:inwoner_id>/plan/inbreng/", views.inbreng, name="inbreng"),
    path("<int:inwoner_id>/plan/ondertekenen/", views.ondertekenen, name="ondertekenen"),
    path("<int:inwoner_id>/plan/toestemming/", views.toestemming_geven, name="toestemming"),
    path(
        "<int:inwoner_id>/plan/deelnemers/<int:pk>/intrekken/",
        views.toestemming_intrekken,
        name="toestemming-intrekken",
    ),
    path("<int:inwoner_id>/beschikkingen/", views.beschikkingen, name="beschikkingen"),
    path("<int:inwoner_id>/aanvraag-doen/", aanvraag.aanvraag_doen, name="aanvraag-doen"),
    path("<int:inwoner_id>/beschikkingen/<int:pk>/brief.pdf", views.brief, name="brief"),
    path("<int:inwoner_id>/bezwaren/", bezwaar.bezwaren, name="bezwaren"),
    path(
        "<int:inwoner_id>/beschikkingen/<int:pk>/bezwaar/",
        bezwaar.bezwaar_maken,
        name="bezwaar-maken",
    ),
    path("<int:inwoner_id>/klacht/", bezwaar.klacht_indienen, name="klacht"),
    path("<int:inwoner_id>/sociale-kaart/", kaart.mijn_sociale_kaart, name="sociale-kaart"),
    path("<int:inwoner_id>/vragenlijst/", vragenlijst.vragenlijst, name="vragenlijst"),
    path(
        "<int:inwoner_id>/vragenlijst/antwoorden/",
        vragenlijst.vragenlijst_antwoorden,
        name="vragenlijst-antwoorden",
    ),
    path("<int:inwoner_id>/inzage/", views.inzage, name="inzage"),
    path("<int:inwoner_id>/machtigingen/", views.machtigingen, name="machtigingen"),
    path(
        "<int:inwoner_id>/machtigingen/geven/", views.machtiging_geven, name="machtiging-geven"
    ),
    path(
        "<int:inwoner_id>/machtigingen/<int:pk>/intrekken/",
        views.machtiging_intrekken,
        name="machtiging-intrekken",
    ),
]
