"""Pages: the second factor (verify, enrol) and a staff member's own API keys."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from eenplan.beveiliging import services, tweefactor
from eenplan.beveiliging.forms import ApiSleutelForm, CodeForm
from eenplan.beveiliging.selectors import api_sleutels_for_user, totp_device_confirmed


def _volgende(request: HttpRequest) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return reverse(settings.LOGIN_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def verificatie(request: HttpRequest) -> HttpResponse:
    """Step two of logging in: the 6-digit code from the authenticator app."""
    if tweefactor.status(request) == tweefactor.OK:
        return HttpResponseRedirect(_volgende(request))
    device = totp_device_confirmed(request.user)
    if device is None:
        return redirect("beveiliging:instellen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _ = device.verify_is_allowed()
        if not toegestaan:
            form.add_error(
                "code", "Te veel foute codes achter elkaar. Wacht even en probeer het opnieuw."
            )
        elif device.verify_token(form.cleaned_data["code"]):
            tweefactor.voltooid(request)
            return HttpResponseRedirect(_volgende(request))
        else:
            form.add_error("code", "Deze code klopt niet of is verlopen. Probeer de nieuwe code.")
    return render(
        request,
        "beveiliging/verificatie.html",
        {"form": form, "next": _volgende(request)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def instellen(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: QR code and the secret as text, then the first code."""
    if totp_device_confirmed(request.user) is not None:
        messages.info(request, "Tweestapsverificatie is al ingesteld voor uw account.")
        return HttpResponseRedirect(_volgende(request))
    device = services.totp_device_for_enrolment(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error(
                "code", "Te veel foute codes achter elkaar. Wacht even en probeer het opnieuw."
            )
        elif services.totp_confirm(device=device, code=form.cleaned_data["code"]):
            tweefactor.voltooid(request)
            messages.success(request, "Tweestapsverificatie is ingesteld.")
            return HttpResponseRedirect(_volgende(request))
        else:
            form.add_error("code", "Deze code klopt niet. Controleer de tijd op uw telefoon.")
    geheim = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _volgende(request),
        "geheim": " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
        # segno writes the SVG itself (no user input in it), so it is safe to inline.
        "qr_svg": mark_safe(  # noqa: S308
            qr.svg_inline(scale=5, title="QR-code voor de authenticator-app", omitsize=False)
        ),
        "verplicht": tweefactor.vereist(request.user),
    }
    return render(
        request, "beveiliging/instellen.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def api_sleutels(request: HttpRequest) -> HttpResponse:
    """The logged-in staff member's own API keys: issue one (shown once), revoke."""
    nieuwe_sleutel = None
    form = ApiSleutelForm(request.POST if request.POST.get("actie") == "aanmaken" else None)
    if request.method == "POST":
        if request.POST.get("actie") == "intrekken":
            try:
                sleutel_id = int(request.POST.get("sleutel", ""))
            except ValueError:
                sleutel_id = -1
            if services.api_sleutels_revoke(
                user=request.user, reden="Ingetrokken door de gebruiker", sleutel_id=sleutel_id
            ):
                messages.success(request, "De API-sleutel is ingetrokken.")
            return redirect("beveiliging:api-sleutels")
        if form.is_valid():
            _, nieuwe_sleutel = services.api_sleutel_create(
                user=request.user, naam=form.cleaned_data["naam"]
            )
            form = ApiSleutelForm()
    return render(
        request,
        "beveiliging/api_sleutels.html",
        {
            "form": form,
            "nieuwe_sleutel": nieuwe_sleutel,
            "sleutels": api_sleutels_for_user(request.user),
            "dagen": settings.EENPLAN_API_SLEUTEL_DAGEN,
        },
        status=400 if form.errors else 200,
    )
