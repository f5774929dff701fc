"""Pages of bezwaar and klacht. Included by `conf/urls.py` under `/beschikkingen/`, where they
lived before this app existed, so every address stays the same."""

from django.urls import path

from eenplan.bezwaren import views

app_name = "bezwaren"

urlpatterns = [
    path("bezwaren/", views.bezwaren, name="bezwaren"),
    path("bezwaren/<int:pk>/", views.bezwaar_detail, name="bezwaar"),
    path("bezwaren/<int:pk>/informeel/", views.bezwaar_informeel, name="bezwaar-informeel"),
    path("bezwaren/<int:pk>/verdagen/", views.bezwaar_verdagen, name="bezwaar-verdagen"),
    path("bezwaren/<int:pk>/beslissen/", views.bezwaar_beslissen, name="bezwaar-beslissen"),
    path("bezwaren/<int:pk>/brief.pdf", views.bezwaar_brief_pdf, name="bezwaar-brief-pdf"),
    path("klachten/", views.klachten, name="klachten"),
    path("klachten/<int:pk>/afhandelen/", views.klacht_afhandelen, name="klacht-afhandelen"),
    path("klachten/<int:pk>/brief.pdf", views.klacht_brief_pdf, name="klacht-brief-pdf"),
    path("klachten/<int:pk>/verdagen/", views.klacht_verdagen, name="klacht-verdagen"),
    path("klachten/<int:pk>/uitstellen/", views.klacht_uitstellen, name="klacht-uitstellen"),
    path(
        "klachten/<int:pk>/verdaging.pdf", views.klacht_verdaging_pdf, name="klacht-verdaging-pdf"
    ),
    path("<int:pk>/bezwaar/", views.bezwaar_registreren, name="bezwaar-registreren"),
]
