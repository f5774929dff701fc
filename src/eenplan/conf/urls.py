from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from eenplan.avg import urls as avg_urls
from eenplan.beleid import views as beleid_views
from eenplan.mantelzorg import urls as mantelzorg_urls
from eenplan.portaal.views import kaart as sociale_kaart
from eenplan.portaal.views import medewerker as vertegenwoordiging

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("eenplan.beveiliging.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("eenplan.conf.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="schema", template_name="beveiliging/swagger_ui.html"
        ),
        name="swagger-ui",
    ),
    path("meldingen/", include("eenplan.meldingen.urls")),
    path("onderzoeken/", include("eenplan.onderzoeken.urls")),
    path("plannen/", include("eenplan.plannen.urls")),
    path("voorzieningen/", include("eenplan.voorzieningen.urls")),
    path("beschikkingen/", include("eenplan.beschikkingen.urls")),
    path("functioneel-beheer/", include("eenplan.beheer.urls")),
    path("sturing/", include("eenplan.sturing.urls")),
    path("beleid/", include("eenplan.beleid.urls")),
    # The survey's answer page: public, the unguessable token in the link is the key.
    path("vragenlijst/<str:token>/", beleid_views.vragenlijst, name="vragenlijst"),
    # Bezwaar and klacht have their own app but keep their addresses under /beschikkingen/.
    path("beschikkingen/", include("eenplan.bezwaren.urls")),
    path("berichten/", include("eenplan.berichten.urls")),
    path("participatie/", include("eenplan.participatie.urls")),
    path("schuldhulp/", include("eenplan.schuldhulp.urls")),
    # The care circle's page in the portal (issue 15), then the inwonersportaal (issue 13).
    path("mijn/kring/", include((mantelzorg_urls.portaal_urlpatterns, "mantelzorg_mijn"))),
    # The inwonersportaal: residents and their representatives (issue 13).
    path("mijn/", include("eenplan.portaal.urls")),
    path("mantelzorg/", include("eenplan.mantelzorg.urls")),
    # The public sociale kaart: no login, no personal data, open data (issues 13 and 15).
    path("sociale-kaart/", sociale_kaart.sociale_kaart, name="sociale-kaart"),
    re_path(
        r"^sociale-kaart/export\.(?P<formaat>csv|json)$",
        sociale_kaart.sociale_kaart_export,
        name="sociale-kaart-export",
    ),
    # Staff record a wettelijke vertegenwoordiging or a paper machtiging for a resident.
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/",
        vertegenwoordiging.vertegenwoordiging,
        name="vertegenwoordiging",
    ),
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/vastleggen/",
        vertegenwoordiging.vastleggen,
        name="vertegenwoordiging-vastleggen",
    ),
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/wettelijk/<int:pk>/beeindigen/",
        vertegenwoordiging.wettelijk_beeindigen,
        name="vertegenwoordiging-wettelijk-beeindigen",
    ),
    path(
        "inwoners/<int:inwoner_id>/vertegenwoordiging/machtigingen/<int:pk>/intrekken/",
        vertegenwoordiging.machtiging_intrekken,
        name="vertegenwoordiging-machtiging-intrekken",
    ),
    path("aanbieders/", include("eenplan.aanbieders.urls")),
    # Purpose-bound sharing and youth delivery (issue 17).
    path("uitwisselingen/", include("eenplan.uitwisseling.urls")),
    # A resident's rights under the AVG (their page in the portal) and the retention of
    # records (issue 17).
    path("mijn/", include((avg_urls.portaal_urlpatterns, "avg-portaal"))),
    # The staff pages of the same.
    path("avg/", include("eenplan.avg.urls")),
    # Long work in the background: "Mijn taken" and one task's progress (issue 16).
    path("taken/", include("eenplan.taken.urls")),
    path("", include("eenplan.web.urls")),
]
if settings.EENPLAN_OIDC:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "eenplan.web.errors.forbidden"
handler404 = "eenplan.web.errors.not_found"
