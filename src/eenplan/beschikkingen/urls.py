from django.urls import path

from eenplan.beschikkingen.views import (
    aanvragen,
    beschikking,
    exports,
    lijst,
    sjablonen,
    vertraging,
    verzendingen,
    werklijsten,
)

app_name = "beschikkingen"

urlpatterns = [
    path("", lijst.beschikkingen, name="lijst"),
    path("aanvragen/", aanvragen.aanvragen, name="aanvragen"),
    path("aanvragen/<int:pk>/beslissen/", aanvragen.beslissen, name="beslissen"),
    path("toetsing/", werklijsten.toetsing, name="toetsing"),
    path("overgangsrecht/", werklijsten.overgangsrecht, name="overgangsrecht"),
    path("aanvragen/<int:pk>/termijn/", aanvragen.aanvraag_opschorten, name="aanvraag-termijn"),
    path("<int:pk>/brief.pdf", beschikking.beschikking_pdf, name="brief-pdf"),
    path("einde/", werklijsten.einde, name="einde"),
    path("vertraging/", vertraging.vertraging, name="vertraging"),
    path(
        "aanvragen/<int:pk>/vertraging/",
        vertraging.vertraging_melden,
        name="vertraging-melden",
    ),
    path("aanvragen/<int:pk>/vertraging.pdf", vertraging.vertraging_pdf, name="vertraging-pdf"),
    path("verzendingen/", verzendingen.verzendingen, name="verzendingen"),
    path(
        "verzendingen/opnieuw/",
        verzendingen.verzendingen_opnieuw,
        name="verzendingen-opnieuw",
    ),
    path("exports/", exports.exports_pagina, name="exports"),
    path("sjablonen/", sjablonen.sjablonen, name="sjablonen"),
    path("sjablonen/nieuw/", sjablonen.sjabloon_opslaan, name="sjabloon-opslaan"),
    path("sjablonen/voorbeeld/", sjablonen.sjabloon_voorbeeld, name="sjabloon-voorbeeld"),
    path("<int:pk>/", beschikking.beschikking_detail, name="detail"),
    path("<int:pk>/verzenden/", beschikking.beschikking_verzenden, name="verzenden"),
    path("<int:pk>/toetsen/", beschikking.beschikking_toetsen, name="toetsen"),
]
