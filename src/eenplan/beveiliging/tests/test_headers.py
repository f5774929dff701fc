"""Response headers: a strict Content-Security-Policy, a Permissions-Policy, and
Cache-Control: no-store on everything that can carry personal data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
SRC = Path(settings.SRC_DIR)


def directives(header: str) -> dict[str, list[str]]:
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def test_csp_is_strict_on_pages(client, generalist):
    client.force_login(generalist.user)
    response = client.get(reverse("web:home"))
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_csp_on_the_login_page_and_the_api(client):
    assert "script-src 'self'" in client.get(reverse("login"))["Content-Security-Policy"]
    assert "default-src 'self'" in APIClient().get("/api/v1/")["Content-Security-Policy"]


def test_htmx_does_not_inject_inline_styles_or_eval(client, generalist):
    client.force_login(generalist.user)
    body = client.get(reverse("web:home")).content.decode()
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'>', body)
    assert config, "htmx-config meta tag ontbreekt"
    assert '"includeIndicatorStyles": false' in config.group(1)
    assert '"allowEval": false' in config.group(1)


def test_no_inline_script_style_or_handler_in_any_template():
    """The CSP forbids inline code; a template that adds some would silently break."""
    gevonden = []
    patronen = {
        "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>"),
        "<style>": re.compile(r"<style[\s>]"),
        "style-attribuut": re.compile(r"\sstyle=\""),
        "event-handler": re.compile(r"\son[a-z]+=\""),
        "hx-on (eval)": re.compile(r"\shx-on[:-]"),
    }
    templates = list(SRC.rglob("templates/**/*.html"))
    assert len(templates) > 50
    for pad in templates:
        tekst = pad.read_text(encoding="utf-8")
        for naam, patroon in patronen.items():
            if patroon.search(tekst):
                gevonden.append(f"{pad.relative_to(SRC)}: {naam}")
    assert not gevonden, "\n".join(gevonden)


def test_print_buttons_are_wired_by_the_static_script():
    script = (SRC / "web" / "static" / "eenplan" / "eenplan.js").read_text(encoding="utf-8")
    assert "[data-afdrukken]" in script and "window.print()" in script
    assert "data-focus-na-swap" in script


def test_swagger_ui_page_has_no_inline_code(client, generalist):
    client.force_login(generalist.user)
    response = client.get(reverse("swagger-ui"))
    body = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    assert "<style" not in body
    script = re.search(r'<script src="([^"]*script[^"]*)"', body)
    assert script, body
    init = client.get(script.group(1).replace("&amp;", "&"))
    assert init.status_code == 200 and "SwaggerUIBundle" in init.content.decode()


def test_permissions_policy_everywhere(client, generalist):
    for response in (client.get(reverse("login")), APIClient().get("/api/v1/inwoners/")):
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
            assert feature in policy


def test_no_store_for_logged_in_pages_and_every_api_answer(client, generalist, inwoner_noord):
    client.force_login(generalist.user)
    for url in (
        reverse("web:home"),
        reverse("web:inwoner-detail", args=[inwoner_noord.pk]),
        reverse("web:inwoner-detail", args=[999999]),  # a 404 for a logged-in user, too
        "/api/v1/inwoners/",
    ):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
    anoniem = APIClient().get("/api/v1/inwoners/")
    assert anoniem.status_code == 401 and "no-store" in anoniem["Cache-Control"]
