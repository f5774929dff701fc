"""The plausible-date check every service runs on the dates it receives (pages and API alike).

The ranges themselves are data in `eenplan.rules.datums`; this module only adds today (the
municipality's local date) and Django's ValidationError.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.rules.datums import Datumbereik


def datum_fout(bereik: Datumbereik, dag: dt.date) -> str | None:
    """The Dutch message when `dag` lies outside `bereik` today, else None."""
    return bereik.fout(dag, vandaag=timezone.localdate())


def datums_check(bereik: Datumbereik, **velden: dt.date | None) -> None:
    """Refuse (ValidationError per field, in Dutch) every given date outside `bereik`.

    Called at the start of a service, before anything is computed or written: a deadline rule
    never sees an impossible date. Empty (None) dates are left to the service.
    """
    vandaag = timezone.localdate()
    fouten = {
        veld: fout
        for veld, dag in velden.items()
        if dag is not None and (fout := bereik.fout(dag, vandaag=vandaag))
    }
    if fouten:
        raise ValidationError(fouten)
