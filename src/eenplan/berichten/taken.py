"""The kind of task of the message traffic (eenplan.taken, ADR 0048): processing the messages
one round of the folder connection received (`map.verwerk_map`), in batches of `BATCH`, each
its own transaction (a failure keeps the batches already processed), with progress per batch.
Started by the system; seen by the staff of the municipality who handle messages (the
contract manager, the back office) on the berichten page and on the task's own page."""

from __future__ import annotations

from typing import Any

from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht
from eenplan.berichten.services import BATCH, berichten_verwerk_batch
from eenplan.privacy.access import Action, Resource
from eenplan.taken.registry import TaakContext, taaksoort

BERICHTEN_MAP = "berichten_map"


@taaksoort(
    BERICHTEN_MAP,
    label="Berichten uit de mapkoppeling verwerken",
    recht=(Resource.BERICHT, Action.BEHANDELEN),
    terug="berichten:log",
)
def berichten_map(ctx: TaakContext, *, van: int, tot: int) -> dict[str, Any]:
    """Process the received messages of the folder connection with ids `van` … `tot` that
    still wait (what another round or worker already processed is left as it is)."""
    ids = list(
        Bericht.objects.filter(
            pk__gte=van,
            pk__lte=tot,
            richting=Richting.IN,
            kanaal=Kanaal.MAP,
            status=BerichtStatus.ONTVANGEN,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    per_status: dict[str, int] = {}
    ctx.voortgang(0, len(ids), "Berichten lezen en controleren")
    for start in range(0, len(ids), BATCH):
        for bericht in berichten_verwerk_batch(ids[start : start + BATCH]):
            per_status[bericht.status] = per_status.get(bericht.status, 0) + 1
        klaar = min(start + BATCH, len(ids))
        ctx.voortgang(klaar, len(ids), f"{klaar} van {len(ids)} berichten verwerkt")
    labels = dict(BerichtStatus.choices)
    delen = ", ".join(f"{n} {str(labels.get(s, s)).lower()}" for s, n in sorted(per_status.items()))
    return {
        "samenvatting": f"{len(ids)} bericht{'en' if len(ids) != 1 else ''} verwerkt"
        + (f": {delen}." if delen else "."),
        "berichten": len(ids),
        **{f"status_{s}": n for s, n in sorted(per_status.items())},
    }
