from django.urls import path

from eenplan.sturing import views

app_name = "sturing"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("momentopnamen/", views.momentopnamen, name="momentopnamen"),
    path("export/gmsd-wmo.csv", views.export_gmsd, name="export-gmsd"),
    path("export/bbv.csv", views.export_bbv, name="export-bbv"),
    path("indicatoren/<slug:indicator>/", views.detail, name="indicator"),
    path("indicatoren/<slug:indicator>/export.csv", views.export_csv, name="export-csv"),
    path("indicatoren/<slug:indicator>/export.xlsx", views.export_xlsx, name="export-xlsx"),
]
