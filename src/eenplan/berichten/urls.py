"""Staff pages of the message traffic under /berichten/."""

from django.urls import path

from eenplan.berichten.views import paginas

app_name = "berichten"

urlpatterns = [
    path("", paginas.log, name="log"),
    path("<int:pk>/", paginas.detail, name="detail"),
    path("werklijst/", paginas.werklijst, name="werklijst"),
    path("budget/", paginas.budget, name="budget"),
    path("retourcodes/", paginas.retourcodes, name="retourcodes"),
]
