"""Answers on incoming messages: the retour (302, 306, 308, 316, 318, 320) and the
declaratie-antwoord (325), filled as the standard prescribes.

- :func:`retourbericht`: the caller puts the return codes on the records of the heenbericht it
  rejects (``record.retourcodes = ["9019"]``); OP065: the retour holds only the clients with a
  rejected record; every other record in it gets 0200, the records under a rejected one 0233
  (not judged). A fault in the header (``header_codes``) sends the header only; nothing rejected
  sends the header only with 0200.
- :func:`declaratie_antwoord`: IV087, per situation (header fault, fault in Declaratie, faults
  in clients or prestaties, fully approved with 8001).

Nothing here decides *which* codes apply: that is :mod:`.regels` and the application's state.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .model import (
    AntwoordRetour,
    Bericht,
    BerichtIdentificatie,
    DeclaratieAntwoord,
    DeclaratieAntwoordbericht,
    DeclaratieAntwoordHeader,
    Declaratiebericht,
    DeclaratieClient,
    RetourHeader,
    StartRetour,
    StopRetour,
    ToewijzingRetour,
    TotaalBedragMetDC,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijzigingRetour,
    XsdVersie,
)
from .xml import _velden as _xml_velden

GEEN_OPMERKING = "0200"
NIET_BEOORDEELD = "0233"
VOLLEDIG_TOEGEWEZEN = "8001"

RETOUR_OP: dict[str, type[Bericht]] = {
    "301": ToewijzingRetour,
    "305": StartRetour,
    "307": StopRetour,
    "315": VerzoekOmToewijzingRetour,
    "317": VerzoekOmWijzigingRetour,
    "319": AntwoordRetour,
}


# Values a record holds that are never changed in place: shared by a copy, as deepcopy would
# treat them (a str subclass such as `regels.Retourcode` included).
_WAARDEN = (str, int, float, bool, dt.date, dt.time, type(None))

# The field names of each record class (None: not a record), looked up once per class.
_VELDEN: dict[type, tuple[str, ...] | None] = {}


def _velden(soort: type) -> tuple[str, ...] | None:
    try:
        return _VELDEN[soort]
    except KeyError:
        pass
    velden = (
        tuple(f.name for f in dataclasses.fields(soort))
        if dataclasses.is_dataclass(soort)
        else None
    )
    _VELDEN[soort] = velden
    return velden


def kopie(obj: Any) -> Any:
    """A deep copy of a message record, equal to ``copy.deepcopy(obj)`` — every record and list
    new, a record or list that occurs twice copied once and shared as in the original — made
    with the field names of each record class instead of deepcopy's generic protocol (several
    times faster: an answer copies the records it gives return codes). Anything that is not a
    record, a list or a plain value goes through ``copy.deepcopy``."""
    return _kopie(obj, {})


def _kopie(obj: Any, memo: dict[int, Any]) -> Any:
    if isinstance(obj, _WAARDEN):
        return obj
    klaar = memo.get(id(obj))
    if klaar is not None:
        return klaar
    soort = type(obj)
    if soort is list:
        lijst: list[Any] = []
        memo[id(obj)] = lijst
        for o in obj:
            lijst.append(o if isinstance(o, _WAARDEN) else _kopie(o, memo))
        return lijst
    velden = _velden(soort)
    if velden is None or isinstance(obj, type):
        return copy.deepcopy(obj, memo)
    nieuw = object.__new__(soort)
    memo[id(obj)] = nieuw
    waarden = obj.__dict__
    uit = nieuw.__dict__
    for naam in velden:
        w = waarden[naam]
        uit[naam] = w if isinstance(w, _WAARDEN) else _kopie(w, memo)
    return nieuw


# Per record class: (has RetourCodes, the fields that hold records or lists of records).
_CODEPLAN: dict[type, tuple[bool, tuple[str, ...]]] = {}


def _codeplan(soort: type) -> tuple[bool, tuple[str, ...]]:
    plan = _CODEPLAN.get(soort)
    if plan is None:
        if not dataclasses.is_dataclass(soort):
            plan = (False, ())
        else:
            velden = _xml_velden(soort)
            plan = (
                any(v.attr == "retourcodes" for v in velden),
                tuple(v.attr for v in velden if v.soort == "rec"),
            )
        _CODEPLAN[soort] = plan
    return plan


def retourcodes_in(obj: Any) -> list[str]:
    """Every return code in a message (or record) that rejects something: all but 0200 and
    0233, in no particular order (callers sort them)."""
    gevonden: list[str] = []
    _codes_in(obj, gevonden)
    return gevonden


def _codes_in(obj: Any, gevonden: list[str]) -> None:
    if type(obj) is list:
        for o in obj:
            _codes_in(o, gevonden)
        return
    heeft, records = _codeplan(type(obj))
    if heeft:
        gevonden += [c for c in obj.retourcodes if c != GEEN_OPMERKING and c != NIET_BEOORDEELD]
    for naam in records:
        waarde = getattr(obj, naam)
        if waarde is not None:
            _codes_in(waarde, gevonden)


def _heeft_codes(obj: Any) -> bool:
    if type(obj) is list:
        return any(_heeft_codes(o) for o in obj)
    soort = type(obj)
    velden = _velden(soort)
    if velden is None or getattr(soort, "BASIS", False):
        return False
    if getattr(obj, "retourcodes", None):
        return True
    return any(_heeft_codes(getattr(obj, naam)) for naam in velden)


def _vul(obj: Any, standaard: str) -> None:
    """Give every message-namespace record without codes ``standaard``; below a rejected record,
    0233."""
    if type(obj) is list:
        for o in obj:
            _vul(o, standaard)
        return
    soort = type(obj)
    velden = _velden(soort)
    if velden is None or getattr(soort, "BASIS", False):
        return
    onder = standaard
    if "retourcodes" in velden:
        if obj.retourcodes:
            onder = NIET_BEOORDEELD
        else:
            obj.retourcodes = [standaard]
    for naam in velden:
        if naam != "retourcodes":
            _vul(getattr(obj, naam), onder)


def retourbericht(
    heen: Bericht,
    *,
    identificatie: str,
    dagtekening: dt.date,
    header_codes: Sequence[str] = (),
    xslt_versie: str | None = None,
) -> Bericht:
    """The retour on ``heen`` (see the module docstring). ``heen`` itself is not changed."""
    code = type(heen).CODE
    if code not in RETOUR_OP:
        raise ValueError(f"op bericht {code} volgt geen retourbericht")
    h = heen.header  # type: ignore[attr-defined]
    header = RetourHeader(
        afzender=h.afzender,  # a retour header repeats the heenbericht's parties
        ontvanger=h.ontvanger,
        bericht_identificatie=kopie(h.bericht_identificatie),
        xsd_versie=kopie(h.xsd_versie),
        identificatie_retour=identificatie,
        dagtekening_retour=dagtekening,
        xslt_versie=xslt_versie,
        retourcodes=list(header_codes) or [GEEN_OPMERKING],
    )
    cls = RETOUR_OP[code]
    veld = "antwoord" if code == "319" else "client"
    body = getattr(heen, veld)
    if header_codes or not _heeft_codes(body):
        return cls(wet=heen.wet, header=header)  # type: ignore[attr-defined,call-arg]
    body = kopie(body)
    _vul(body, GEEN_OPMERKING)
    return cls(wet=heen.wet, header=header, **{veld: body})  # type: ignore[attr-defined,call-arg]


def _met_codes(p: Any, codes: list[str]) -> Any:
    """A copy of a prestatie with these return codes (as ``dataclasses.replace`` of a deep
    copy: the records have no ``__post_init__``)."""
    nieuw = kopie(p)
    nieuw.retourcodes = codes
    return nieuw


def _saldo(bedragen: Sequence[tuple[int, str]]) -> TotaalBedragMetDC:
    som = sum(b if dc == "D" else -b for b, dc in bedragen)
    return TotaalBedragMetDC(abs(som), "D" if som >= 0 else "C")


def declaratie_antwoord(
    heen: Declaratiebericht,
    *,
    identificatie: str,
    dagtekening: dt.date,
    afzender: str | None = None,
    prestatie_codes: Mapping[str, Sequence[str]] | None = None,
    client_codes: Mapping[str, Sequence[str]] | None = None,
    declaratie_codes: Sequence[str] = (),
    header_codes: Sequence[str] = (),
    xslt_versie: str | None = None,
) -> DeclaratieAntwoordbericht:
    """The 325 on ``heen`` following IV087.

    ``prestatie_codes``: ReferentieNummer -> the codes of a rejected prestatie (prestaties are
    approved or rejected whole; approved ones are left out); ``client_codes``: BSN -> codes of a
    rejected client (its prestaties come back with 0233); ``declaratie_codes``: a fault in the
    Declaratie (nothing approved, e.g. 9333); ``header_codes``: a fault in the header (only the
    header comes back, e.g. 0001 after the stylesheet; then give ``xslt_versie``)."""
    prestatie_codes = prestatie_codes or {}
    client_codes = client_codes or {}
    h = heen.header
    d = heen.declaratie
    header = DeclaratieAntwoordHeader(
        afzender=afzender or h.ontvanger,
        ontvanger=h.afzender,
        bericht_identificatie=BerichtIdentificatie(identificatie, dagtekening),
        xsd_versie=XsdVersie(),
        declaratie_identificatie=kopie(h.bericht_identificatie),
        xsd_versie_declaratie=kopie(h.xsd_versie),
        xslt_versie=xslt_versie,
        retourcodes=list(header_codes) or [GEEN_OPMERKING],
    )
    if header_codes:
        return DeclaratieAntwoordbericht(wet=heen.wet, header=header)
    ingediend = kopie(d.totaal_ingediend_bedrag)
    if declaratie_codes:
        antwoord = DeclaratieAntwoord(
            declaratie_nummer=d.declaratie_nummer,
            totaal_ingediend_bedrag=ingediend,
            totaal_toegekend_bedrag=TotaalBedragMetDC(0, "D"),
            retourcodes=list(declaratie_codes),
        )
        return DeclaratieAntwoordbericht(wet=heen.wet, header=header, declaratie_antwoord=antwoord)
    clienten = []
    toegekend: list[tuple[int, str]] = []
    for c in d.clienten:
        if client_codes.get(c.bsn):
            prestaties = [_met_codes(p, [NIET_BEOORDEELD]) for p in c.prestaties]
            clienten.append(
                DeclaratieClient(c.bsn, prestaties, retourcodes=list(client_codes[c.bsn]))
            )
            continue
        afgewezen = []
        for p in c.prestaties:
            codes = prestatie_codes.get(p.product_referentie.referentie_nummer)
            if codes:
                afgewezen.append(_met_codes(p, list(codes)))
            else:
                toegekend.append((p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit))
        if afgewezen:
            clienten.append(DeclaratieClient(c.bsn, afgewezen, retourcodes=[GEEN_OPMERKING]))
    antwoord = DeclaratieAntwoord(
        declaratie_nummer=d.declaratie_nummer,
        totaal_ingediend_bedrag=ingediend,
        totaal_toegekend_bedrag=_saldo(toegekend),
        clienten=clienten,
        retourcodes=[GEEN_OPMERKING if clienten else VOLLEDIG_TOEGEWEZEN],
    )
    return DeclaratieAntwoordbericht(wet=heen.wet, header=header, declaratie_antwoord=antwoord)
