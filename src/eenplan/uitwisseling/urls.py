from django.urls import path

from eenplan.uitwisseling import views

app_name = "uitwisseling"

urlpatterns = [
    path("ontvangen/", views.ontvangen, name="ontvangen"),
    path("cijfers/", views.cijfers, name="cijfers"),
    path("huishouden/<int:huishouden_id>/", views.huishouden, name="huishouden"),
    path("huishouden/<int:huishouden_id>/nieuw/", views.nieuw, name="nieuw"),
    path("huishouden/<int:huishouden_id>/uitvoerder/", views.uitvoerder, name="uitvoerder"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/goedkeuren/", views.goedkeuren, name="goedkeuren"),
    path("<int:pk>/weigeren/", views.weigeren, name="weigeren"),
    path("<int:pk>/beeindigen/", views.beeindigen, name="beeindigen"),
    path("<int:pk>/gedeeld/", views.gedeeld, name="gedeeld"),
    path("uitvoering/", views.uitvoeringen, name="uitvoeringen"),
    path("uitvoering/<int:pk>/", views.uitvoering, name="uitvoering"),
    path("uitvoering/<int:pk>/notities/", views.notitie, name="notitie"),
]
