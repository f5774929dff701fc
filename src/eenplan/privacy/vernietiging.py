"""Destruction in the privacy app (common.vernietiging, ADR 0038 amendment).

- **The access log is kept, the subject pseudonymised.** The log is the municipality's
  evidence of who read which dossier when and why (AVG art. 5 lid 2, art. 32; BIO 12.4.1); it
  outlives the dossier. Its rows about a destroyed resident lose the reference to the resident
  and get one random pseudonym per resident instead (`inwoner_pseudoniem`), the same for all
  their rows: the log still shows that one person's file was read by whom, when and why, and
  patterns per person (the same file read fifty times), but no longer whose file. The pseudonym
  is random and stored nowhere else, so it cannot be traced back. Nothing else of the row
  changes; on PostgreSQL the append-only trigger allows exactly this change and only inside a
  destruction (migration avg/0005_pseudonimiseren).
- **A resident's own login** (`Inwoneraccount`) is deleted; the login itself stays because the
  access log refers to it, but loses its name and e-mail address and can no longer sign in.
- Consents, machtigingen and granted dossier access of the resident are deleted.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from eenplan.common.vernietiging import eigen_rijen_verwijderen, eigenaar, geschiedenis_open
from eenplan.privacy.models import Inwoneraccount, Inzage


def nieuw_pseudoniem() -> str:
    return f"vernietigd-{secrets.token_hex(8)}"


def inzagelog_pseudonimiseren(pks: Sequence[Any]) -> int:
    """Replace the resident of these access-log rows by one random pseudonym per resident."""
    per_inwoner: dict[int, list[Any]] = defaultdict(list)
    for pk, inwoner_id in Inzage.objects.filter(
        pk__in=list(pks), inwoner__isnull=False
    ).values_list("pk", "inwoner_id"):
        per_inwoner[inwoner_id].append(pk)
    aantal = 0
    with geschiedenis_open():
        for rijen in per_inwoner.values():
            # The log's own manager refuses every update (ADR 0004); this is the one allowed.
            aantal += models.QuerySet.update(
                Inzage.objects.filter(pk__in=rijen),
                inwoner=None,
                inwoner_pseudoniem=nieuw_pseudoniem(),
            )
    return aantal


def _logins_ontdoen(account_pks: Sequence[Any]) -> None:
    user_ids = list(
        Inwoneraccount.objects.filter(pk__in=list(account_pks)).values_list("user_id", flat=True)
    )
    for user in get_user_model()._default_manager.filter(pk__in=user_ids):
        user.username = nieuw_pseudoniem()
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()


@eigenaar("privacy")
def vernietigen(model: type[models.Model], pks: Sequence[Any]) -> dict[str, int]:
    if model is Inzage:
        aantal = inzagelog_pseudonimiseren(pks)
        return {"privacy.inzage (gepseudonimiseerd)": aantal} if aantal else {}
    if model is Inwoneraccount:
        _logins_ontdoen(pks)
    return eigen_rijen_verwijderen(model, pks, app_label="privacy")
