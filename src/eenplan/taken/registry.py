"""The kinds of task (`@taaksoort`) and what a running task may tell (`TaakContext`).

An app registers its kinds in its own `taken.py` (found at start-up by `TakenConfig.ready`):

    @taaksoort("momentopnamen", label="Momentopnamen van de stuurinformatie maken",
               recht=(Resource.STURING, Action.AANMAKEN), terug="sturing:overzicht")
    def voer_uit(ctx: TaakContext, *, van: str, tot: str) -> dict:
        for i, maand in enumerate(maanden, 1):
            ...
            ctx.voortgang(i, len(maanden), f"Maand {maand:%Y-%m}")
        return {"samenvatting": "12 momentopnamen gemaakt", "maanden": 12}

`recht` says who may start the kind (and so who may see a task of it the system started): a
permission codename ("sturing.add_momentopname"), a list of them (all needed), a
`(Resource, Action)` rule of `privacy.access` (the role part of the rule), a callable that gets
the user, or None: only the system starts it. `privacy.access.heeft_recht` decides.

The function runs in the worker (`eenplan db_worker`), outside any transaction: it commits
its own work per step (so a failure keeps what was done) and reports progress with
`ctx.voortgang`. It returns a small JSON summary (`resultaat`; a "samenvatting" key is shown as
a sentence). An expected failure raises `TaakFout("Nederlandse uitleg")` (or a ValidationError);
anything else is logged with its traceback and shown as a general Dutch message."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from eenplan.taken.constants import TaakStatus

if TYPE_CHECKING:
    from eenplan.taken.models import Taak

MAX_BESTAND = 200 * 1024 * 1024  # 200 MB: an export of a large municipality fits easily
_SOORT = re.compile(r"^[a-z][a-z0-9_]{1,59}$")


class TaakFout(Exception):
    """An expected failure of a task: its (Dutch) message is what the user reads."""


@dataclass(frozen=True)
class TaakSoort:
    code: str
    label: str
    functie: Callable[..., Any]
    recht: Any = None
    terug: str = ""  # URL name (or path) of the page the kind is started from


_soorten: dict[str, TaakSoort] = {}


def taaksoort(code: str, *, label: str, recht: Any = None, terug: str = "") -> Callable[..., Any]:
    """Register the decorated function as the kind `code` (see the module docstring)."""
    if not _SOORT.match(code):
        raise ValueError(f"Ongeldige code voor een soort taak: {code!r} (a-z, 0-9, _).")

    def decorator(functie: Callable[..., Any]) -> Callable[..., Any]:
        bestaand = _soorten.get(code)
        if bestaand is not None and (
            bestaand.functie.__module__,
            bestaand.functie.__qualname__,
        ) != (functie.__module__, functie.__qualname__):
            raise ValueError(f"De soort taak {code!r} is al geregistreerd.")
        _soorten[code] = TaakSoort(
            code=code, label=label, functie=functie, recht=recht, terug=terug
        )
        return functie

    return decorator


def soort(code: str) -> TaakSoort | None:
    return _soorten.get(code)


def soorten() -> list[TaakSoort]:
    return sorted(_soorten.values(), key=lambda s: s.label)


def label(code: str) -> str:
    gevonden = _soorten.get(code)
    return gevonden.label if gevonden else code


class TaakContext:
    """What a running task knows and may tell: `taak`, `door` (the user or None), `gemeente`;
    `voortgang` (progress, throttled) and `bestand` (the downloadable result)."""

    INTERVAL = 1.0  # seconds between two progress writes at most...
    STAP_PROCENT = 1  # ...unless the progress moved at least this many percent

    def __init__(self, taak: Taak) -> None:
        self.taak = taak
        self.door = taak.gestart_door
        self.gemeente = taak.gemeente
        self._geschreven: tuple[int, int, str] | None = None
        self._open: tuple[int, int, str] | None = None
        self._moment = 0.0
        self.schrijfbeurten = 0  # how many progress writes (tests, the throttle)

    def voortgang(self, gedaan: int, totaal: int, stap: str = "") -> None:
        """`gedaan` of `totaal` done, now at `stap` (short Dutch text). Written at most about
        once a second or once per percent; the last one (gedaan == totaal) always."""
        totaal = max(0, int(totaal))
        gedaan = max(0, int(gedaan))
        if totaal:
            gedaan = min(gedaan, totaal)
        stand = (gedaan, totaal, str(stap)[:200])
        self._open = stand
        nu = time.monotonic()
        vorige = self._geschreven
        if (
            vorige is None
            or (totaal and gedaan >= totaal)
            or nu - self._moment >= self.INTERVAL
            or totaal != vorige[1]
            or (totaal and (gedaan - vorige[0]) * 100 >= totaal * self.STAP_PROCENT)
        ):
            self._schrijf(stand, nu)

    def afronden(self) -> None:
        """Write the last progress reported, if it was held back by the throttle."""
        if self._open is not None and self._open != self._geschreven:
            self._schrijf(self._open, time.monotonic())

    def _schrijf(self, stand: tuple[int, int, str], nu: float) -> None:
        from eenplan.taken.models import Taak

        gedaan, totaal, stap = stand
        Taak.objects.filter(
            pk=self.taak.pk, gemeente_id=self.taak.gemeente_id, status=TaakStatus.BEZIG
        ).update(gedaan=gedaan, totaal=totaal, stap=stap, updated_at=timezone.now())
        self.taak.gedaan, self.taak.totaal, self.taak.stap = gedaan, totaal, stap
        self._geschreven = stand
        self._moment = nu
        self.schrijfbeurten += 1

    def bestand(self, naam: str, inhoud: bytes, content_type: str) -> None:
        """The task's downloadable result (one per task; a second call replaces the first)."""
        from eenplan.taken.models import Taak, TaakBestand

        inhoud = bytes(inhoud)
        if len(inhoud) > MAX_BESTAND:
            raise TaakFout("Het resultaatbestand is te groot om te bewaren.")
        naam = veilige_naam(naam)
        content_type = (content_type or "application/octet-stream")[:100]
        with transaction.atomic():
            TaakBestand.objects.update_or_create(taak_id=self.taak.pk, defaults={"inhoud": inhoud})
            Taak.objects.filter(pk=self.taak.pk, gemeente_id=self.taak.gemeente_id).update(
                bestand_naam=naam,
                bestand_type=content_type,
                bestand_grootte=len(inhoud),
                updated_at=timezone.now(),
            )
        self.taak.bestand_naam, self.taak.bestand_type = naam, content_type
        self.taak.bestand_grootte = len(inhoud)


def veilige_naam(naam: str) -> str:
    """A file name safe in a Content-Disposition header: no path, no quotes or controls."""
    naam = str(naam).replace("\\", "/").rsplit("/", 1)[-1]
    naam = re.sub(r"[^A-Za-z0-9._ -]", "_", naam).strip(" .")
    return (naam or "resultaat")[:200]
