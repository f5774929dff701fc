"""The settings the application sets per database connection (docs/deploy-postgresql.md)."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit():
    """JIT compilation cost hundreds of milliseconds per page at 1M residents for a few ms of
    real work: every connection eenplan opens has it off."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the setting is per PostgreSQL connection")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
