"""The writes of the taken app: start a task (`taak_start`) and run it (`taak_uitvoeren`, the
body of the one django-task `tasks.voer_taak_uit`).

Every status change is a conditional UPDATE (`WHERE status = …`): wachtend -> bezig happens
once, so two workers that both got the task never both run it; bezig -> klaar / mislukt only
from bezig. A failure marks the task mislukt with a Dutch message and keeps what was done (the
kind commits its own steps; the progress stays as it was); the traceback goes to the log,
never to the user. ADR 0048."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.taken import registry
from eenplan.taken.constants import TaakStatus
from eenplan.taken.models import Taak, TaakBestand

logger = logging.getLogger(__name__)

MAX_PARAMS = 10_000  # characters of JSON: ids and choices, never a file or a list of people
# Keys that would carry personal data instead of ids (the params are shown and kept).
PERSOONLIJK = {"bsn", "naam", "achternaam", "voornamen", "adres", "geboortedatum", "email",
               "telefoon", "iban"}
ALGEMENE_FOUT = (
    "De taak is mislukt door een onverwachte fout. Wat al klaar was, blijft bewaard. De "
    "functioneel beheerder vindt de oorzaak in het logboek onder taak {id}."
)
ONBEKENDE_SOORT = "Onbekende soort taak: {soort}."


def _params(params: Any) -> dict[str, Any]:
    if not isinstance(params, dict):
        raise ValidationError({"params": "Geef de invoer van de taak als een object."})
    try:
        tekst = json.dumps(params, cls=DjangoJSONEncoder)
    except (TypeError, ValueError) as e:
        raise ValidationError({"params": "De invoer van de taak is geen geldige JSON."}) from e
    if len(tekst) > MAX_PARAMS:
        raise ValidationError({"params": "De invoer van de taak is te groot (alleen ids)."})
    if PERSOONLIJK & {str(k).lower() for k in params}:
        raise ValidationError(
            {"params": "Geef een taak alleen ids mee, geen persoonsgegevens (zoals een BSN)."}
        )
    return dict(json.loads(tekst))


def _herkomst(herkomst: str) -> str:
    """A path on this site only (never another host)."""
    herkomst = (herkomst or "").strip()
    if not herkomst.startswith("/") or herkomst.startswith("//") or "\\" in herkomst:
        return ""
    return herkomst[:300]


def taak_start(
    *,
    soort: str,
    door: Any | None,
    gemeente: Gemeente,
    params: dict[str, Any],
    herkomst: str = "",
    nu: bool = False,
    via: access.Via = access.SERVICE,
) -> Taak:
    """Create the task and queue it: one django-task `voer_taak_uit(taak_id)`.

    `door`: the user who starts it (their role must hold the kind's `recht`, in the
    municipality they work for now; refused and logged otherwise), or None for the system.
    With the database backend (the default) the queue row is written in the same transaction
    as the task (both or neither; the worker sees it once committed); another queueing backend
    is called after the commit. With the immediate backend (tests, `EENPLAN_TAKEN=direct`) the
    task runs at once, and so it does with `nu=True` (a command that waits for it): the task
    returned is then finished (klaar or mislukt). `herkomst`: the page it was started from."""
    gevonden = registry.soort(soort)
    if gevonden is None:
        raise ValidationError({"soort": ONBEKENDE_SOORT.format(soort=str(soort)[:60])})
    if door is not None:
        access.require_taak_start(door, gevonden.recht, gemeente_id=gemeente.pk, via=via)
    schoon = _params(params)
    from eenplan.taken import tasks

    with transaction.atomic():
        taak = Taak.objects.create(
            soort=soort,
            gemeente=gemeente,
            gestart_door=door,
            params=schoon,
            herkomst=_herkomst(herkomst),
        )
        direct = not nu and tasks.direct()
        if nu or direct:
            pass
        elif tasks.in_transactie():
            _in_wachtrij(taak)
        else:
            transaction.on_commit(lambda: _in_wachtrij(taak), robust=False)
    if direct:
        _in_wachtrij(taak)  # the immediate backend runs it inside enqueue
    elif nu:
        taak_uitvoeren(taak.pk)
    if nu or direct:
        taak.refresh_from_db()
    return taak


def _in_wachtrij(taak: Taak) -> None:
    from eenplan.taken.tasks import voer_taak_uit

    resultaat = voer_taak_uit.enqueue(taak.pk)
    Taak.objects.filter(pk=taak.pk, gemeente_id=taak.gemeente_id).update(
        wachtrij_id=str(resultaat.id)[:64]
    )
    taak.wachtrij_id = str(resultaat.id)[:64]


def _json(waarde: Any) -> dict[str, Any]:
    if waarde is None:
        return {}
    if not isinstance(waarde, dict):
        waarde = {"uitkomst": waarde}
    try:
        return dict(json.loads(json.dumps(waarde, cls=DjangoJSONEncoder)))
    except (TypeError, ValueError):
        return {"samenvatting": str(waarde)[:500]}


def _fouttekst(fout: BaseException, taak_id: int) -> str:
    if isinstance(fout, registry.TaakFout):
        return str(fout)[:2000]
    if isinstance(fout, ValidationError):
        return " ".join(fout.messages)[:2000]
    if isinstance(fout, PermissionDenied) and str(fout):
        return str(fout)[:2000]
    return ALGEMENE_FOUT.format(id=taak_id)


def taak_uitvoeren(taak_id: int) -> dict[str, Any]:
    """Run task `taak_id` if it still waits: claim it (wachtend -> bezig, one UPDATE), run its
    kind, then klaar with the kind's summary, or mislukt with a Dutch message. Returns what
    happened (the django-task's return value)."""
    nu = timezone.now()
    geclaimd = Taak.objects.filter(pk=taak_id, status=TaakStatus.WACHTEND).update(
        status=TaakStatus.BEZIG, begonnen=nu, stap="", updated_at=nu
    )
    if not geclaimd:
        logger.info("Taak %s wacht niet (meer): niet nog eens uitgevoerd.", taak_id)
        return {"taak": taak_id, "uitgevoerd": False}
    taak = Taak.objects.select_related("gemeente", "gestart_door").get(pk=taak_id)
    ctx = registry.TaakContext(taak)
    soort = registry.soort(taak.soort)
    # Run inside the caller's transaction (the immediate backend in a test or a request): a
    # savepoint, so that a database error of the kind can be undone and the task still be
    # marked mislukt. The worker runs outside any transaction: the kind's own commits stay.
    sid = transaction.savepoint() if connection.in_atomic_block else None
    try:
        if soort is None:
            raise registry.TaakFout(ONBEKENDE_SOORT.format(soort=taak.soort))
        uitkomst = _json(soort.functie(ctx, **taak.params))
    except Exception as fout:
        if sid is not None:
            if isinstance(fout, DatabaseError) or connection.needs_rollback:
                transaction.set_rollback(False)  # back to the known-good savepoint:
                transaction.savepoint_rollback(sid)
            else:
                transaction.savepoint_commit(sid)
        tekst = _fouttekst(fout, taak_id)
        if tekst == ALGEMENE_FOUT.format(id=taak_id):
            logger.exception("Taak %s (%s) is mislukt", taak_id, taak.soort)
        else:
            logger.warning("Taak %s (%s) is mislukt: %s", taak_id, taak.soort, tekst)
        _afsluiten(ctx, TaakStatus.MISLUKT, fout=tekst)
        return {"taak": taak_id, "uitgevoerd": True, "status": TaakStatus.MISLUKT}
    if sid is not None:
        transaction.savepoint_commit(sid)
    _afsluiten(ctx, TaakStatus.KLAAR, resultaat=uitkomst)
    return {"taak": taak_id, "uitgevoerd": True, "status": TaakStatus.KLAAR}


def _afsluiten(
    ctx: registry.TaakContext, status: str, *, resultaat: dict[str, Any] | None = None,
    fout: str = "",
) -> None:
    try:
        ctx.afronden()
    except Exception:  # the last progress write must not hide the outcome
        logger.exception("Taak %s: de laatste voortgang kon niet worden bewaard", ctx.taak.pk)
    taak = ctx.taak
    velden: dict[str, Any] = {"status": status, "klaar": timezone.now(), "fout": fout}
    velden["updated_at"] = velden["klaar"]
    if resultaat is not None:
        velden["resultaat"] = resultaat
    if status == TaakStatus.KLAAR:
        velden["stap"] = "Klaar"
        if taak.totaal:
            velden["gedaan"] = taak.totaal
    Taak.objects.filter(pk=taak.pk, gemeente_id=taak.gemeente_id, status=TaakStatus.BEZIG).update(
        **velden
    )


BEWAARDAGEN = 30  # days a finished task's result file is kept (`taken_opruimen`)
# Minutes without any progress write after which a running task counts as stopped. A running
# kind writes its progress about once a second (`registry.TaakContext.INTERVAL`); a worker
# that was killed (out of memory, a deploy, a reboot) writes nothing more, and its task would
# show "Bezig" for ever. An hour is far above the longest step between two writes measured.
VASTGELOPEN_MINUTEN = 60
ONDERBROKEN = (
    "De verwerking is onderbroken: sinds {sinds} is er geen voortgang meer gemeld (de "
    "verwerker is waarschijnlijk gestopt). Wat al klaar was, blijft bewaard. Start de taak "
    "opnieuw; de functioneel beheerder vindt meer in het logboek onder taak {id}."
)


def bestanden_opruimen(*, gemeente_id: int, dagen: int = BEWAARDAGEN) -> int:
    """Delete the result files of the municipality's tasks that finished more than `dagen`
    days ago (an export of personal data is kept no longer than it is needed: AVG art. 5 lid 1
    e); the task itself, its summary and its progress stay. Returns how many were deleted."""
    if dagen < 1:
        raise ValidationError({"dagen": "Bewaar een resultaatbestand ten minste één dag."})
    grens = timezone.now() - dt.timedelta(days=dagen)
    with transaction.atomic():
        ids = list(
            Taak.objects.filter(gemeente_id=gemeente_id, klaar__lt=grens)
            .exclude(bestand_naam="")
            .values_list("pk", flat=True)
        )
        TaakBestand.objects.filter(taak_id__in=ids).delete()
        Taak.objects.filter(gemeente_id=gemeente_id, pk__in=ids).update(
            bestand_naam="", bestand_type="", bestand_grootte=0, updated_at=timezone.now()
        )
    return len(ids)


def onderbroken_afsluiten(*, gemeente_id: int, minuten: int = VASTGELOPEN_MINUTEN) -> int:
    """Mark the municipality's running tasks without any progress for `minuten` minutes as
    mislukt with a Dutch explanation, so that nobody waits for a worker that is gone; what
    was done stays. Each is a conditional UPDATE on the status and the last progress: a task
    that reports progress in the meantime is left alone, and a worker that reports later
    changes nothing (every write of a run needs status bezig). Returns how many were ended."""
    if minuten < 1:
        raise ValidationError({"minuten": "Wacht ten minste één minuut op voortgang."})
    nu = timezone.now()
    grens = nu - dt.timedelta(minutes=minuten)
    klaar = 0
    for pk, laatst in Taak.objects.filter(
        gemeente_id=gemeente_id, status=TaakStatus.BEZIG, updated_at__lt=grens
    ).values_list("pk", "updated_at"):
        sinds = timezone.localtime(laatst).strftime("%d-%m-%Y %H:%M")
        klaar += Taak.objects.filter(
            pk=pk, gemeente_id=gemeente_id, status=TaakStatus.BEZIG, updated_at=laatst
        ).update(
            status=TaakStatus.MISLUKT, klaar=nu, updated_at=nu,
            fout=ONDERBROKEN.format(sinds=sinds, id=pk),
        )
        logger.warning("Taak %s: geen voortgang sinds %s, als onderbroken afgesloten", pk, sinds)
    return klaar
