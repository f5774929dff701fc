"""Functioneel beheer of the municipality's own data (issue 10, ADR 0021).

The letterhead (addresses, phone, e-mail, website, digital bezwaar), the logo above every
letter (uploaded here, stored as data) and the channels through which a sent letter goes.
Page `/functioneel-beheer/gemeente/`, API `/api/v1/beheer/gemeente/`; the rule `instellingen`
of `privacy.access` (read: the functioneel beheerder; write: INSTELLINGEN_BEHEREN), the own
municipality only. Kept apart from `views.py` so the other municipal settings grow there
without touching this.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beheer.api import _Beheer
from eenplan.beheer.views import _fouten, _gemeente, _render, _terug
from eenplan.common.pdf import LOGO_MAX_BYTES
from eenplan.gemeente import services as gemeente_services
from eenplan.gemeente.constants import Verzendkanaal
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.web.prg import form_from_session

KEY = "gemeentegegevens"


class GemeenteGegevensForm(forms.Form):
    bezoekadres = forms.CharField(
        label="Bezoekadres", max_length=200, required=False,
        help_text="Bijvoorbeeld 'Hanzeplein 1, 5911 AM Venlo'.",
    )  # fmt: skip
    postadres = forms.CharField(
        label="Postadres", max_length=200, required=False,
        help_text="Waar inwoners bezwaar per post heen sturen, bijvoorbeeld "
        "'Postbus 3434, 5902 RK Venlo'.",
    )  # fmt: skip
    telefoon = forms.CharField(label="Telefoon", max_length=30, required=False)
    email = forms.EmailField(
        label="E-mail", required=False,
        error_messages={"invalid": "Vul een e-mailadres in, bijvoorbeeld info@venlo.nl."},
    )  # fmt: skip
    website = forms.URLField(
        label="Website", required=False, assume_scheme="https",
        error_messages={"invalid": "Vul een webadres in, bijvoorbeeld https://www.venlo.nl."},
    )  # fmt: skip
    bezwaar_url = forms.URLField(
        label="Digitaal bezwaar", required=False, assume_scheme="https",
        help_text="De pagina waar een inwoner digitaal bezwaar maakt (met DigiD).",
        error_messages={"invalid": "Vul een webadres in, bijvoorbeeld https://www.venlo.nl/bezwaar."},
    )  # fmt: skip
    verzendkanalen = forms.MultipleChoiceField(
        label="Hoe gaat een verzonden brief naar de inwoner?",
        choices=Verzendkanaal.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies minstens de post of de Berichtenbox. De e-mail zegt alleen dat er een "
        "brief is, zonder de inhoud.",
        error_messages={
            "required": "Kies minstens één kanaal.", "invalid_choice": "Kies uit de lijst."
        },
    )  # fmt: skip
    logo = forms.FileField(
        label="Logo", required=False,
        help_text="Een PNG- of JPEG-bestand van hoogstens 2 MB. Het staat boven elke brief.",
    )  # fmt: skip
    logo_verwijderen = forms.BooleanField(label="Logo weghalen", required=False)

    def clean_logo(self) -> Any:
        bestand = self.cleaned_data.get("logo")
        if bestand is not None and bestand.size > LOGO_MAX_BYTES:
            raise ValidationError("Het logo is groter dan 2 MB. Kies een kleiner bestand.")
        return bestand


def _initial(gemeente: Gemeente) -> dict[str, Any]:
    return {
        **{veld: getattr(gemeente, veld) for veld in gemeente_services.GEMEENTE_GEGEVENS},
        "verzendkanalen": gemeente.kanalen,
    }


@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def gemeente(request: HttpRequest) -> HttpResponse:
    """The municipality's letterhead, logo and send channels."""
    eigen = _gemeente(request)
    form = form_from_session(request, KEY, GemeenteGegevensForm) or GemeenteGegevensForm(
        initial=_initial(eigen)
    )
    context = {"form": form, "gemeente": eigen, "heeft_logo": bool(eigen.logo)}
    return _render(request, "gemeente.html", context)


@require_POST
@access.requires(Resource.INSTELLINGEN, Action.WIJZIGEN)
def gemeente_wijzigen(request: HttpRequest) -> HttpResponse:
    eigen = _gemeente(request)
    form = GemeenteGegevensForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        bestand = data.pop("logo")
        try:
            gemeente_services.gemeente_gegevens_change(
                door=request.user,
                gemeente=eigen,
                verzendkanalen=data.pop("verzendkanalen"),
                logo=bestand.read() if bestand is not None else None,
                logo_verwijderen=data.pop("logo_verwijderen"),
                **data,
            )
        except (ValidationError, PermissionDenied) as exc:
            _fouten(form, exc)
        else:
            messages.success(request, "De gegevens van de gemeente zijn opgeslagen.")
            return redirect("beheer:gemeente")
    return _terug(request, KEY, form, reverse("beheer:gemeente"))


@access.requires(Resource.INSTELLINGEN, Action.LEZEN)
def gemeente_logo(request: HttpRequest) -> HttpResponse:
    """The stored logo (PNG), for the page's preview."""
    eigen = _gemeente(request)
    if not eigen.logo:
        return HttpResponse(status=404)
    response = HttpResponse(bytes(eigen.logo), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


# --- API --------------------------------------------------------------------------------------


class BeheerGemeenteSerializer(serializers.Serializer):
    naam = serializers.CharField(read_only=True)
    cbs_code = serializers.CharField(read_only=True)
    bezoekadres = serializers.CharField(max_length=200, required=False, allow_blank=True)
    postadres = serializers.CharField(max_length=200, required=False, allow_blank=True)
    telefoon = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    bezwaar_url = serializers.URLField(required=False, allow_blank=True)
    verzendkanalen = serializers.ListField(
        child=serializers.ChoiceField(choices=Verzendkanaal.choices), required=False
    )
    heeft_logo = serializers.SerializerMethodField()
    logo = serializers.CharField(
        write_only=True, required=False,
        help_text="Een nieuw logo: het PNG- of JPEG-bestand in base64.",
    )  # fmt: skip
    logo_verwijderen = serializers.BooleanField(write_only=True, required=False, default=False)

    def get_heeft_logo(self, gemeente: Gemeente) -> bool:
        return bool(gemeente.logo)

    def to_representation(self, gemeente: Gemeente) -> dict[str, Any]:
        data = super().to_representation(gemeente)
        data["verzendkanalen"] = gemeente.kanalen
        return data

    def validate_logo(self, waarde: str) -> bytes:
        try:
            return base64.b64decode(waarde, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise serializers.ValidationError("Het logo is geen geldige base64-tekst.") from exc


@extend_schema_view(
    list=extend_schema(
        summary="De gegevens van uw gemeente: briefhoofd, logo en verzendkanalen",
        responses=BeheerGemeenteSerializer,
    ),
    create=extend_schema(
        summary="De gegevens van uw gemeente wijzigen",
        description="Alleen de velden die u meestuurt veranderen. Verzendkanalen: minstens "
        "'post' of 'berichtenbox'.",
        request=BeheerGemeenteSerializer,
        responses=BeheerGemeenteSerializer,
    ),
)
class GemeenteViewSet(_Beheer):
    access_rules = {
        "list": (Resource.INSTELLINGEN, Action.LEZEN),
        "create": (Resource.INSTELLINGEN, Action.WIJZIGEN),
    }
    queryset = Gemeente.objects.none()
    serializer_class = BeheerGemeenteSerializer
    http_method_names = ["get", "post", "head", "options"]

    def list(self, request: Request) -> Response:
        return Response(BeheerGemeenteSerializer(self.gemeente()).data)

    def create(self, request: Request) -> Response:
        eigen = self.gemeente()
        data = BeheerGemeenteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        waarden = dict(data.validated_data)
        gewijzigd = gemeente_services.gemeente_gegevens_change(
            door=request.user,
            gemeente=eigen,
            verzendkanalen=waarden.pop("verzendkanalen", None),
            logo=waarden.pop("logo", None),
            logo_verwijderen=waarden.pop("logo_verwijderen", False),
            **waarden,
        )
        return Response(BeheerGemeenteSerializer(gewijzigd).data)
