from django.urls import path

from eenplan.beschikkingen import views

app_name = "beschikkingen"

urlpatterns = [
    path("", views.beschikkingen, name="lijst"),
    path("aanvragen/", views.aanvragen, name="aanvragen"),
    path("aanvragen/<int:pk>/beslissen/", views.beslissen, name="beslissen"),
    path("toetsing/", views.toetsing, name="toetsing"),
    path("overgangsrecht/", views.overgangsrecht, name="overgangsrecht"),
    path("aanvragen/<int:pk>/termijn/", views.aanvraag_opschorten, name="aanvraag-termijn"),
    path("bezwaren/<int:pk>/informeel/", views.bezwaar_informeel, name="bezwaar-informeel"),
    path("klachten/<int:pk>/afhandelen/", views.klacht_afhandelen, name="klacht-afhandelen"),
    path("<int:pk>/brief.pdf", views.beschikking_pdf, name="brief-pdf"),
    path("einde/", views.einde, name="einde"),
    path("bezwaren/", views.bezwaren, name="bezwaren"),
    path("bezwaren/<int:pk>/", views.bezwaar_detail, name="bezwaar"),
    path("bezwaren/<int:pk>/verdagen/", views.bezwaar_verdagen, name="bezwaar-verdagen"),
    path("bezwaren/<int:pk>/beslissen/", views.bezwaar_beslissen, name="bezwaar-beslissen"),
    path("klachten/", views.klachten, name="klachten"),
    path("<int:pk>/", views.beschikking_detail, name="detail"),
    path("<int:pk>/verzenden/", views.beschikking_verzenden, name="verzenden"),
    path("<int:pk>/toetsen/", views.beschikking_toetsen, name="toetsen"),
    path("<int:pk>/bezwaar/", views.bezwaar_registreren, name="bezwaar-registreren"),
]
