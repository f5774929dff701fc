"""What the meldingen pages share."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.formats import date_format

from eenplan.privacy import access

MELDING, Handeling = access.Resource.MELDING, access.Action


def _datum(dag: dt.date | None) -> str:
    return date_format(dag, "j F Y") if dag else ""


def _via(request: HttpRequest) -> access.Via:
    return access.Via.request(request)
