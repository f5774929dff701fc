"""The start-up check of the production settings: eenplan refuses to run with unsafe values."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from eenplan.common.env import DEFAULT_SECRET_KEY

MIN_KEY_LENGTH = 50
MIN_KEY_DISTINCT = 10
ONTWIKKELING = "DJANGO_SETTINGS_MODULE=eenplan.conf.dev"


def productie_bezwaren(*, secret_key: str, allowed_hosts: list[str]) -> list[str]:
    """What is unsafe about these production values, in Dutch (empty: nothing)."""
    bezwaren = []
    if secret_key == DEFAULT_SECRET_KEY:
        bezwaren.append("SECRET_KEY is de ontwikkelwaarde (of niet gezet).")
    elif len(secret_key) < MIN_KEY_LENGTH:
        bezwaren.append(
            f"SECRET_KEY is te kort ({len(secret_key)} tekens; minimaal {MIN_KEY_LENGTH})."
        )
    elif len(set(secret_key)) < MIN_KEY_DISTINCT:
        bezwaren.append(
            f"SECRET_KEY heeft te weinig verschillende tekens ({len(set(secret_key))}; "
            f"minimaal {MIN_KEY_DISTINCT})."
        )
    if any(host.strip() == "*" for host in allowed_hosts):
        bezwaren.append("ALLOWED_HOSTS bevat '*'; noem de echte hostnamen van deze server.")
    return bezwaren


def weiger_onveilige_productie(settings: Any) -> None:
    """Raise at start-up when the production settings are unsafe (development: no check)."""
    if getattr(settings, "EENPLAN_DEVELOPMENT", False):
        return
    bezwaren = productie_bezwaren(
        secret_key=settings.SECRET_KEY, allowed_hosts=list(settings.ALLOWED_HOSTS)
    )
    if bezwaren:
        raise ImproperlyConfigured(
            "eenplan weigert te starten met de productie-instellingen: "
            + " ".join(bezwaren)
            + " Maak een sleutel met: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'. Voor lokaal gebruik: "
            f"{ONTWIKKELING} (zoals make run doet)."
        )
