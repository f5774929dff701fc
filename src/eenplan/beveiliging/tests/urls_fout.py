"""A URL configuration with a view that fails, for the server-error tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def kapot(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("onverwachte fout in een view")


urlpatterns = [path("kapot/", kapot), path("", include("eenplan.conf.urls"))]
