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
    path("<int:pk>/brief.pdf", views.beschikking_pdf, name="brief-pdf"),
    path("einde/", views.einde, name="einde"),
    path("<int:pk>/", views.beschikking_detail, name="detail"),
    path("<int:pk>/verzenden/", views.beschikking_verzenden, name="verzenden"),
    path("<int:pk>/toetsen/", views.beschikking_toetsen, name="toetsen"),
]
