"""The backup's JSON: Django's own format, but times keep their microseconds.

Django's JSON encoder cuts datetimes and times to milliseconds, so a restored record differed from
the original in its last three digits (and a time with less than a millisecond lost its fraction
altogether): a backup would not give back every record as it was. Registered as the serialisation
format `exactjson` (settings.SERIALIZATION_MODULES) and used by `eenplan backup`; restoring reads it
with Django's own JSON deserializer, which parses the full precision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers.json import Deserializer as Deserializer  # noqa: PLC0414
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JsonSerializer


class ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder without the cut to milliseconds."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime):
            tekst = o.isoformat()
            return tekst[:-6] + "Z" if tekst.endswith("+00:00") else tekst
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(JsonSerializer):
    def _init_options(self) -> None:
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
