from django.urls import path

from eenplan.aanbieders import views

app_name = "aanbieders"

urlpatterns = [
    path("", views.aanbieders, name="lijst"),
    path("nieuw/", views.aanbieder_nieuw, name="nieuw"),
    path("<int:pk>/", views.aanbieder_detail, name="detail"),
    path("<int:pk>/logins/", views.login_nieuw, name="login-nieuw"),
    path(
        "<int:pk>/logins/<int:login>/deactiveren/",
        views.login_deactiveren,
        name="login-deactiveren",
    ),
    path("<int:pk>/wijzigen/", views.aanbieder_wijzigen, name="wijzigen"),
    path("<int:pk>/contract-nieuw/", views.contract_nieuw, name="contract-nieuw"),
    path("contracten/", views.contracten, name="contracten"),
    path("contracten/<int:pk>/", views.contract_detail, name="contract"),
    path("contracten/<int:pk>/wijzigen/", views.contract_wijzigen, name="contract-wijzigen"),
    path("contracten/<int:pk>/product/", views.contract_product, name="contract-product"),
    path("contracten/<int:pk>/document/", views.contract_document, name="contract-document"),
    path(
        "contracten/<int:pk>/documenten/<int:document>/",
        views.contract_document_bestand,
        name="contract-document-bestand",
    ),
]
