"""Hypothesis strategies for the messages of the library, shared by the round-trip and the
fast-writer tests: every field of the data classes filled from its type (text with any XML
character, numbers, dates, times, nested records, lists)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from hypothesis import strategies as st

from eenplan.istandaarden.xml import _velden

TEKST = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")) | st.sampled_from("\t\n"),
    min_size=1,
    max_size=12,
)
DATUM = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
TIJD = st.times().map(lambda t: t.replace(microsecond=0))
GETAL = st.integers(0, 999_999_999)


def _waarde(soort: str, cls: type | None, wet: str, retour: bool) -> st.SearchStrategy:
    if soort == "str":
        return TEKST
    if soort == "int":
        return GETAL
    if soort == "date":
        return DATUM
    if soort == "time":
        return TIJD
    assert cls is not None
    return st.deferred(lambda: record(cls, wet, retour))


def record(cls: type, wet: str, retour: bool) -> st.SearchStrategy:
    velden = {}
    for v in _velden(cls):
        if v.retour and not retour:
            velden[v.attr] = st.just([])
            continue
        if v.wet and v.wet != wet:
            velden[v.attr] = st.none()
            continue
        waarde = _waarde(v.soort, v.cls, wet, retour)
        if v.container:
            velden[v.attr] = st.lists(waarde, min_size=1 if v.lijst_verplicht else 0, max_size=2)
        elif v.verplicht:
            velden[v.attr] = waarde
        else:
            velden[v.attr] = st.none() | waarde
    return st.builds(cls, **velden)


def bericht(cls: type, wet: str) -> st.SearchStrategy:
    hints = typing.get_type_hints(cls)
    velden: dict[str, st.SearchStrategy] = {"wet": st.just(wet)}
    for f in dataclasses.fields(cls):
        if f.name == "wet":
            continue
        tp = hints[f.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        sub = args[0] if args else tp
        velden[f.name] = record(sub, wet, cls.RETOUR)
    return st.builds(cls, **velden)
