"""Kinds of task for the tests of the taken app (registered once, at import)."""

from __future__ import annotations

from typing import Any

import pytest

from eenplan.gemeente.constants import Rol
from eenplan.privacy.access import Action, Resource
from eenplan.taken.registry import TaakContext, TaakFout, taaksoort
from eenplan.testing.factories import GemeenteFactory, MedewerkerFactory


@taaksoort("test_tellen", label="Tellen (test)", recht=(Resource.TAAK, Action.LEZEN))
def tellen(ctx: TaakContext, *, tot: int, fout_bij: int | None = None,
           verwacht: bool = False) -> dict[str, Any]:
    """Counts to `tot` reporting each step; fails at `fout_bij` (an unexpected error, or with
    `verwacht` a TaakFout)."""
    from eenplan.gemeente.models import Wijk

    for i in range(1, tot + 1):
        if fout_bij is not None and i == fout_bij:
            if verwacht:
                raise TaakFout(f"Stap {i} kon niet: de teller is kwijt.")
            raise RuntimeError("geheime interne details")
        # Something done per step and committed: a wijk (what a failure must keep).
        Wijk.objects.create(
            gemeente=ctx.gemeente, naam=f"Telwijk {i}", code=f"WK{ctx.taak.pk % 10_000:04d}{i:04d}"
        )
        ctx.voortgang(i, tot, f"Stap {i} van {tot}")
    return {"samenvatting": f"Tot {tot} geteld.", "geteld": tot}


@taaksoort("test_export", label="Export (test)", recht="sturing.view_stuurinformatie")
def export(ctx: TaakContext) -> dict[str, Any]:
    ctx.voortgang(1, 1, "Bestand maken")
    ctx.bestand("../export \"1\".csv", b"id;waarde\n1;2\n", "text/csv; charset=utf-8")
    return {"samenvatting": "Export gemaakt.", "rijen": 1}


@taaksoort("test_systeem", label="Systeemwerk (test)", recht=(Resource.BERICHT, Action.BEHANDELEN))
def systeem(ctx: TaakContext) -> dict[str, Any]:
    ctx.voortgang(1, 1)
    return {"samenvatting": "Klaar."}


@pytest.fixture
def contractmanager(gemeente):
    return MedewerkerFactory(gemeente=gemeente, functie=Rol.CONTRACTMANAGER, username="cm")


@pytest.fixture
def andere_gemeente(db):
    return GemeenteFactory(naam="Elders", cbs_code="GM0999")


@pytest.fixture
def collega_elders(andere_gemeente):
    return MedewerkerFactory(gemeente=andere_gemeente, functie=Rol.GENERALIST, username="elders")
