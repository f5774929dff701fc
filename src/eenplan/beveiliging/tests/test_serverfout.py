"""A server error with DEBUG off shows a Dutch page, never the environment or the traceback."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.urls("eenplan.beveiliging.tests.urls_fout")
def test_500_shows_no_environment(db, settings, generalist, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://geheim-account:wachtwoord123@db.example/x")
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(generalist.user)
    response = client.get("/kapot/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in body
    for lek in ("wachtwoord123", "DATABASE_URL", "SECRET_KEY", "Traceback", "RuntimeError"):
        assert lek not in body, lek
    assert (
        response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    )
