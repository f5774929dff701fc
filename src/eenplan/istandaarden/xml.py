"""Writing and reading the messages: data classes <-> XML bytes.

Writing follows OP192 (UTF-8 without byte order mark, CR/LF line ends) and the namespaces of the
standard (``http://www.istandaarden.nl/iwmo/3_2/wmo301/schema`` with prefix ``wmo301`` and the
basisschema ``http://www.istandaarden.nl/iwmo/3_2/basisschema/schema`` with prefix ``iwmo``; for
Jeugd ``ijw`` and ``jw301``). Reading is hardened against hostile input: no DTD, no entities, no
network, a size limit (OP179: 25 MB), and every deviation raises a :class:`BerichtFout` (return
code 0001).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml import etree

from .fouten import (
    BerichtFout,
    BouwFout,
    OnbekendBericht,
    OngeldigeInhoud,
    OngeldigeXml,
    OnveiligeXml,
)
from .model import BERICHTCODES, BERICHTEN, Bericht, Wet

MAX_BYTES = 25 * 1024 * 1024  # OP179
PREFIX = {"wmo": ("iwmo", "wmo"), "jw": ("ijw", "jw")}


def namespaces(wet: Wet, code: str) -> tuple[str, str]:
    """(message namespace, basisschema namespace) of a message."""
    std, pre = PREFIX[wet]
    root = f"http://www.istandaarden.nl/{std}/3_2"
    return f"{root}/{pre}{code}/schema", f"{root}/basisschema/schema"


_NS_RE = re.compile(
    r"^\{http://www\.istandaarden\.nl/(iwmo|ijw)/3_2/(wmo|jw)(\d{3})/schema\}Bericht$"
)


def _element_name(attr: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in attr.split("_"))


@dataclasses.dataclass(frozen=True)
class _Veld:
    attr: str
    naam: str
    soort: str  # str, int, date, time, rec
    cls: type | None
    verplicht: bool
    container: str | None
    item: str | None
    lijst_verplicht: bool
    retour: bool
    wet: str | None


def _soort(tp: Any) -> tuple[str, type | None, bool]:
    """(kind, record class, optional) of a type hint."""
    optional = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        optional = True
        tp = args[0]
        origin = typing.get_origin(tp)
    if origin is list:
        (tp,) = typing.get_args(tp)
    if tp is str:
        return "str", None, optional
    if tp is int:
        return "int", None, optional
    if tp is dt.date:
        return "date", None, optional
    if tp is dt.time:
        return "time", None, optional
    return "rec", tp, optional


_VELDEN: dict[type, tuple[_Veld, ...]] = {}


def _velden(cls: type) -> tuple[_Veld, ...]:
    """The fields of a record class in XSD order, computed once per class."""
    bekend = _VELDEN.get(cls)
    if bekend is None:
        bekend = _VELDEN[cls] = _bepaal_velden(cls)
    return bekend


def _bepaal_velden(cls: type) -> tuple[_Veld, ...]:
    hints = typing.get_type_hints(cls)
    by_name = {f.name: f for f in dataclasses.fields(cls)}
    order = getattr(cls, "VOLGORDE", None) or tuple(by_name)
    if set(order) != set(by_name):
        raise RuntimeError(f"VOLGORDE of {cls.__name__} does not name every field")
    velden = []
    for attr in order:
        if attr == "wet":
            continue
        f = by_name[attr]
        soort, sub, optional = _soort(hints[attr])
        meta = f.metadata
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        if optional and not has_default:
            raise RuntimeError(f"{cls.__name__}.{attr} is optional but has no default")
        velden.append(
            _Veld(
                attr=attr,
                naam=meta.get("naam") or _element_name(attr),
                soort=soort,
                cls=sub,
                verplicht=not optional and not meta.get("container"),
                container=meta.get("container"),
                item=meta.get("item"),
                lijst_verplicht=bool(meta.get("verplicht")),
                retour=bool(meta.get("retour")),
                wet=meta.get("wet"),
            )
        )
    return tuple(velden)


def _text(value: Any, soort: str) -> str:
    if soort == "date":
        return value.isoformat()
    if soort == "time":
        return value.isoformat()
    if soort == "int":
        return str(int(value))
    return str(value)


# --- writing ------------------------------------------------------------------------------------


class _Schrijver:
    def __init__(self, wet: Wet, code: str, retour: bool) -> None:
        self.wet = wet
        self.retour = retour
        self.ns_msg, self.ns_basis = namespaces(wet, code)

    def record(self, parent: etree._Element, tag: str, obj: Any) -> etree._Element:
        el = etree.SubElement(parent, tag)
        self.fill(el, obj)
        return el

    def fill(self, el: etree._Element, obj: Any) -> None:
        ns = self.ns_basis if type(obj).BASIS else self.ns_msg
        for v in _velden(type(obj)):
            if v.retour and not self.retour:
                continue
            value = getattr(obj, v.attr)
            if v.wet and v.wet != self.wet:
                if value not in (None, []):
                    raise BouwFout(f"{v.naam} bestaat alleen in Jeugd-berichten")
                continue
            if v.container:
                if not value:
                    if v.lijst_verplicht:
                        raise BouwFout(
                            f"{type(obj).__name__}.{v.attr}: minstens één {v.item} verplicht"
                        )
                    continue
                box = etree.SubElement(el, f"{{{ns}}}{v.container}")
                # A container and its items are in the namespace of the record that has them.
                for item in value:
                    if v.soort == "rec":
                        self.record(box, f"{{{ns}}}{v.item}", item)
                    else:
                        etree.SubElement(box, f"{{{ns}}}{v.item}").text = str(item)
                continue
            if value is None:
                if v.verplicht:
                    raise BouwFout(f"{type(obj).__name__}.{v.attr} is verplicht")
                continue
            tag = f"{{{ns}}}{v.naam}"
            if v.soort == "rec":
                self.record(el, tag, value)
            else:
                etree.SubElement(el, tag).text = _text(value, v.soort)


def bouw(bericht: Bericht) -> bytes:
    """The message as the standard's XML: UTF-8 without BOM, CR/LF line ends (OP192).

    Written by a writer compiled once per record class (`_SnelSchrijver`); what it cannot
    write exactly as lxml would (an unusual character, an empty text, a missing required
    element, ...) goes through the lxml writer (`bouw_lxml`), which also raises the
    `BouwFout` of an incomplete message. Both give the same bytes (tests/test_snel_schrijven.py)."""
    try:
        return _bouw_snel(bericht)
    except Exception:  # noqa: BLE001 - the reference writer decides (and raises BouwFout)
        return bouw_lxml(bericht)


def bouw_lxml(bericht: Bericht) -> bytes:
    """`bouw` through lxml's element tree: the reference writer."""
    wet: Wet = bericht.wet  # type: ignore[attr-defined]
    if wet not in ("wmo", "jw"):
        raise BouwFout(f"onbekende wet {wet!r}")
    code = type(bericht).CODE
    ns_msg, ns_basis = namespaces(wet, code)
    std, pre = PREFIX[wet]
    root = etree.Element(f"{{{ns_msg}}}Bericht", nsmap={f"{pre}{code}": ns_msg, std: ns_basis})
    w = _Schrijver(wet, code, type(bericht).RETOUR)
    header = etree.SubElement(root, f"{{{ns_msg}}}Header")
    etree.SubElement(header, f"{{{ns_msg}}}BerichtCode").text = BERICHTCODES[wet][code]
    etree.SubElement(header, f"{{{ns_msg}}}BerichtVersie").text = "3"
    etree.SubElement(header, f"{{{ns_msg}}}BerichtSubversie").text = "2"
    w.fill(header, bericht.header)  # type: ignore[attr-defined]
    for v in _velden(type(bericht))[1:]:
        value = getattr(bericht, v.attr)
        if value is None:
            if v.verplicht:
                raise BouwFout(f"{v.naam} is verplicht")
            continue
        w.record(root, f"{{{ns_msg}}}{v.naam}", value)
    etree.indent(root, space="\t")
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    # lxml writes a carriage return inside text as &#13;, so every raw newline is a line end.
    return b'<?xml version="1.0" encoding="UTF-8"?>\r\n' + body.replace(b"\n", b"\r\n") + b"\r\n"


# --- the compiled writer ----------------------------------------------------------------------
#
# The same output as `bouw_lxml` (lxml's SubElement, `etree.indent` with tabs, `tostring`, CR/LF)
# without building an element tree: per record class and message kind a plan of steps with the
# tags written out, run over the record into a list of strings. Only text that lxml writes as
# it is (or with &, < and > escaped) is written here; anything else raises `_Anders` and the
# message goes through lxml.


class _Anders(Exception):
    """This message is not one the compiled writer writes exactly as lxml: use lxml."""


# Text lxml writes unchanged (apart from &, < and >): printable ASCII and the characters from
# U+00A0 on that XML allows. Tabs, line ends, other control characters and the rest: via lxml.
_BIJZONDER = re.compile("[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REGEL = "\r\n"
_INSPRONG = [_REGEL + "\t" * d for d in range(64)]


def _tekst(waarde: Any, soort: str) -> str:
    if soort == "str":
        tekst = str(waarde)
    elif soort == "int":
        tekst = str(int(waarde))
    else:  # date, time
        tekst = waarde.isoformat()
    if not tekst or _BIJZONDER.search(tekst):
        raise _Anders
    if "&" in tekst or "<" in tekst or ">" in tekst:
        tekst = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return tekst


# One step of a plan: (attr, kind, open tag, close tag, empty tag, required, item open tag,
# item close tag, item empty tag, list required, only in Jeugd and this is Wmo). A record is
# written with the plan of its own class.
_Stap = tuple[str, str, str, str, str, bool, str, str, str, bool, bool]


class _SnelSchrijver:
    def __init__(self, wet: Wet, code: str, retour: bool) -> None:
        self.wet = wet
        self.retour = retour
        std, pre = PREFIX[wet]
        self.prefix_msg = f"{pre}{code}"
        self.prefix_basis = std
        self._plannen: dict[type, tuple[_Stap, ...]] = {}

    def plan(self, cls: type) -> tuple[_Stap, ...]:
        plan = self._plannen.get(cls)
        if plan is not None:
            return plan
        prefix = self.prefix_basis if getattr(cls, "BASIS", False) else self.prefix_msg
        stappen: list[_Stap] = []
        for v in _velden(cls):
            if v.retour and not self.retour:
                continue
            ander = bool(v.wet and v.wet != self.wet)
            naam = f"{prefix}:{v.container or v.naam}"
            item = f"{prefix}:{v.item}" if v.container else ""
            stappen.append(
                (
                    v.attr,
                    v.soort,
                    f"<{naam}>",
                    f"</{naam}>",
                    f"<{naam}/>",
                    v.verplicht,
                    f"<{item}>" if item else "",
                    f"</{item}>" if item else "",
                    f"<{item}/>" if item else "",
                    v.lijst_verplicht if v.container else False,
                    ander,
                )
            )
        plan = self._plannen[cls] = tuple(stappen)
        return plan

    def record(self, uit: list[str], obj: Any, open_: str, sluit: str, leeg: str, d: int) -> None:
        """The element `open_`…`sluit` with the fields of `obj` as children, at depth `d`."""
        uit.append(_INSPRONG[d] + open_)
        plek = len(uit)
        self.velden(uit, obj, d + 1)
        if len(uit) == plek:
            uit[plek - 1] = _INSPRONG[d] + leeg
        else:
            uit.append(_INSPRONG[d] + sluit)

    def velden(self, uit: list[str], obj: Any, d: int) -> None:
        inspring = _INSPRONG[d]
        for (
            attr,
            soort,
            open_,
            sluit,
            leeg,
            verplicht,
            item_open,
            item_sluit,
            item_leeg,
            lijst_verplicht,
            ander,
        ) in self.plan(type(obj)):
            waarde = getattr(obj, attr)
            if ander:
                if waarde is not None and waarde != []:
                    raise _Anders
                continue
            if item_open:
                if not waarde:
                    if lijst_verplicht:
                        raise _Anders
                    continue
                uit.append(inspring + open_)
                binnen = _INSPRONG[d + 1]
                for it in waarde:
                    if soort == "rec":
                        self.record(uit, it, item_open, item_sluit, item_leeg, d + 1)
                    else:
                        uit.append(binnen + item_open + _tekst(it, "str") + item_sluit)
                uit.append(inspring + sluit)
                continue
            if waarde is None:
                if verplicht:
                    raise _Anders
                continue
            if soort == "rec":
                self.record(uit, waarde, open_, sluit, leeg, d)
            else:
                uit.append(inspring + open_ + _tekst(waarde, soort) + sluit)


@cache
def _snel_schrijver(wet: Wet, code: str, retour: bool) -> _SnelSchrijver:
    return _SnelSchrijver(wet, code, retour)


@cache
def _kop(wet: Wet, code: str) -> tuple[str, str, str]:
    """The XML declaration, the root's open tag with both namespaces and the fixed start of the
    Header; and the root's close tag."""
    ns_msg, ns_basis = namespaces(wet, code)
    std, pre = PREFIX[wet]
    p = f"{pre}{code}"
    begin = (
        f'<?xml version="1.0" encoding="UTF-8"?>{_REGEL}'
        f'<{p}:Bericht xmlns:{p}="{ns_msg}" xmlns:{std}="{ns_basis}">'
        f"{_INSPRONG[1]}<{p}:Header>"
        f"{_INSPRONG[2]}<{p}:BerichtCode>{BERICHTCODES[wet][code]}</{p}:BerichtCode>"
        f"{_INSPRONG[2]}<{p}:BerichtVersie>3</{p}:BerichtVersie>"
        f"{_INSPRONG[2]}<{p}:BerichtSubversie>2</{p}:BerichtSubversie>"
    )
    return begin, f"{_INSPRONG[1]}</{p}:Header>", f"{_REGEL}</{p}:Bericht>{_REGEL}"


def _bouw_snel(bericht: Bericht) -> bytes:
    wet: Wet = bericht.wet  # type: ignore[attr-defined]
    if wet not in ("wmo", "jw"):
        raise _Anders
    cls = type(bericht)
    code = cls.CODE
    w = _snel_schrijver(wet, code, cls.RETOUR)
    begin, header_einde, einde = _kop(wet, code)
    uit = [begin]
    w.velden(uit, bericht.header, 2)  # type: ignore[attr-defined]
    uit.append(header_einde)
    for v in _velden(cls)[1:]:
        value = getattr(bericht, v.attr)
        if value is None:
            if v.verplicht:
                raise _Anders
            continue
        naam = f"{w.prefix_msg}:{v.naam}"
        w.record(uit, value, f"<{naam}>", f"</{naam}>", f"<{naam}/>", 1)
    uit.append(einde)
    return "".join(uit).encode("utf-8")


# --- reading ------------------------------------------------------------------------------------

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse(data: bytes) -> etree._Element:
    """Parse untrusted bytes into an element tree, refusing anything a message never contains."""
    if len(data) > MAX_BYTES:
        raise OnveiligeXml(f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB (OP179)")
    if data.startswith(b"\xef\xbb\xbf"):
        raise OngeldigeXml("bestand begint met een byte order mark (OP192)")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise OnveiligeXml("DOCTYPE of ENTITY niet toegestaan")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OngeldigeXml("bestand is geen UTF-8 (OP192)") from exc
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise OngeldigeXml(f"geen geldige XML: {exc}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None:
        raise OnveiligeXml("DOCTYPE niet toegestaan")
    if docinfo.encoding and docinfo.encoding.upper() not in ("UTF-8", "UTF8"):
        raise OngeldigeXml(f"codering {docinfo.encoding} in plaats van UTF-8 (OP192)")
    return root


def herken(root: etree._Element) -> tuple[Wet, str]:
    """(law, message number) from the root element's namespace."""
    m = _NS_RE.match(root.tag) if isinstance(root.tag, str) else None
    if not m or (m.group(1), m.group(2)) not in (("iwmo", "wmo"), ("ijw", "jw")):
        raise OnbekendBericht(f"geen iWmo/iJw 3.2-bericht: {root.tag}")
    wet: Wet = "wmo" if m.group(1) == "iwmo" else "jw"
    code = m.group(3)
    if code not in BERICHTEN:
        raise OnbekendBericht(f"bericht {code} hoort niet bij de 30x-berichten")
    return wet, code


_INT = re.compile(r"\s*[+-]?\d+\s*")
_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")
_TIME = re.compile(r"\s*\d{2}:\d{2}:\d{2}(\.\d+)?\s*")


def _str(text: str) -> str:
    if not text:
        raise ValueError("leeg")
    return text


# Numbers and dates read before, by their text: the same few hundred dates and numbers recur in
# every file of a batch, and checking and converting each again cost more than the rest of
# reading it. Both are immutable, so a value read once is shared. Bounded: cleared when full.
_GETALLEN: dict[str, int] = {}
_DATUMS: dict[str, dt.date] = {}
_ONTHOUDEN = 20_000


def _int(text: str) -> int:
    getal = _GETALLEN.get(text)
    if getal is not None:
        return getal
    if not _INT.fullmatch(text):
        raise ValueError(text)
    getal = int(text)
    if len(_GETALLEN) >= _ONTHOUDEN:
        _GETALLEN.clear()
    _GETALLEN[text] = getal
    return getal


def _date(text: str) -> dt.date:
    datum = _DATUMS.get(text)
    if datum is not None:
        return datum
    if not _DATE.fullmatch(text):
        raise ValueError(text)
    datum = dt.date.fromisoformat(text.strip())
    if len(_DATUMS) >= _ONTHOUDEN:
        _DATUMS.clear()
    _DATUMS[text] = datum
    return datum


def _time(text: str) -> dt.time:
    if not _TIME.fullmatch(text):
        raise ValueError(text)
    return dt.time.fromisoformat(text.strip())


_OMZETTEN: dict[str, Callable[[str], Any]] = {
    "str": _str,
    "int": _int,
    "date": _date,
    "time": _time,
}


def _waarde(el: etree._Element, omzetten: Callable[[str], Any], pad: str, naam: str) -> Any:
    if len(el):
        raise OngeldigeInhoud(f"{pad}/{naam}: verwacht een waarde, geen elementen", pad=pad)
    text = el.text or ""
    try:
        return omzetten(text)
    except ValueError as exc:
        raise OngeldigeInhoud(
            f"{pad}/{naam}: ongeldige waarde {text!r}", pad=f"{pad}/{naam}"
        ) from exc


@dataclasses.dataclass(frozen=True)
class _Plan:
    # tag -> (index, attr, converter or None, record class or None, item tag or None, name)
    velden: dict[str, tuple[int, str, Callable[[str], Any] | None, type | None, str | None, str]]
    verplicht: frozenset[str]
    actief: tuple[_Veld, ...]


class _Lezer:
    def __init__(self, wet: Wet, code: str, retour: bool) -> None:
        self.wet = wet
        self.retour = retour
        self.ns_msg, self.ns_basis = namespaces(wet, code)
        self._plannen: dict[type, _Plan] = {}

    def _plan(self, cls: type) -> _Plan:
        plan = self._plannen.get(cls)
        if plan is not None:
            return plan
        ns = self.ns_basis if getattr(cls, "BASIS", False) else self.ns_msg
        velden = {}
        actief = []
        for i, v in enumerate(_velden(cls)):
            if (v.retour and not self.retour) or (v.wet and v.wet != self.wet):
                continue
            actief.append(v)
            naam = v.container or v.naam
            item = f"{{{ns}}}{v.item}" if v.container else None
            omzetten = None if v.soort == "rec" else _OMZETTEN[v.soort]
            velden[f"{{{ns}}}{naam}"] = (i, v.attr, omzetten, v.cls, item, naam)
        verplicht = frozenset(
            v.attr for v in actief if v.verplicht or (v.container and v.lijst_verplicht)
        )
        plan = self._plannen[cls] = _Plan(velden, verplicht, tuple(actief))
        return plan

    def record(self, el: etree._Element, cls: type, pad: str, skip: int = 0) -> Any:
        plan = self._plannen.get(cls) or self._plan(cls)
        velden = plan.velden
        values: dict[str, Any] = {}
        last = -1
        text = el.text
        if text and text.strip():
            raise OngeldigeInhoud(f"{pad}: tekst waar elementen verwacht worden", pad=pad)
        for child in el.iterchildren() if not skip else list(el)[skip:]:
            tag = child.tag
            hit = velden.get(tag)
            if hit is None:
                raise OngeldigeInhoud(f"{pad}: onverwacht element {tag}", pad=pad)
            i, attr, omzetten, sub_cls, item_tag, naam = hit
            if i <= last:
                raise OngeldigeInhoud(f"{pad}: {naam} staat niet op zijn plaats", pad=pad)
            last = i
            if item_tag is not None:
                sub = f"{pad}/{naam}"
                items = []
                for it in child:
                    if it.tag != item_tag:
                        raise OngeldigeInhoud(f"{sub}: onverwacht element {it.tag}", pad=sub)
                    if omzetten is None:
                        items.append(self.record(it, sub_cls, sub))  # type: ignore[arg-type]
                    else:
                        items.append(_waarde(it, omzetten, sub, "item"))
                if not items:
                    raise OngeldigeInhoud(f"{sub}: leeg", pad=sub)
                values[attr] = items
            elif omzetten is None:
                values[attr] = self.record(child, sub_cls, f"{pad}/{naam}")  # type: ignore[arg-type]
            else:
                # `_waarde`, written out: this runs for every value of every file.
                if len(child):
                    raise OngeldigeInhoud(
                        f"{pad}/{naam}: verwacht een waarde, geen elementen", pad=pad
                    )
                waarde = child.text or ""
                try:
                    values[attr] = omzetten(waarde)
                except ValueError as exc:
                    raise OngeldigeInhoud(
                        f"{pad}/{naam}: ongeldige waarde {waarde!r}", pad=f"{pad}/{naam}"
                    ) from exc
        if not plan.verplicht.issubset(values):
            for v in plan.actief:
                if v.attr in plan.verplicht and v.attr not in values:
                    raise OngeldigeInhoud(f"{pad}: {v.container or v.naam} ontbreekt", pad=pad)
        return cls(**values)


_VASTE_KOP = ("BerichtCode", "BerichtVersie", "BerichtSubversie")


@cache
def _lezer(wet: Wet, code: str) -> _Lezer:
    return _Lezer(wet, code, BERICHTEN[code].RETOUR)


_HEADERS: dict[type, type] = {}


def _header_cls(cls: type) -> type:
    if cls not in _HEADERS:
        _HEADERS[cls] = typing.get_type_hints(cls)["header"]
    return _HEADERS[cls]


def lees_element(root: etree._Element) -> Bericht:
    """Read a parsed message (see :func:`lees`)."""
    wet, code = herken(root)
    cls = BERICHTEN[code]
    ns_msg, _ = namespaces(wet, code)
    lezer = _lezer(wet, code)
    children = list(root)
    if not children or children[0].tag != f"{{{ns_msg}}}Header":
        raise OngeldigeInhoud("Header ontbreekt", pad="Bericht")
    header_el = children[0]
    kop = list(header_el)[:3]
    expected = (BERICHTCODES[wet][code], "3", "2")
    for el, naam, waarde in zip(kop, _VASTE_KOP, expected, strict=False):
        if el.tag != f"{{{ns_msg}}}{naam}" or (el.text or "").strip() != waarde:
            raise OngeldigeInhoud(f"Header/{naam} moet {waarde} zijn", pad=f"Header/{naam}")
    if len(kop) < 3:
        raise OngeldigeInhoud("Header onvolledig", pad="Header")
    header = lezer.record(header_el, _header_cls(cls), "Header", skip=3)
    body = [v for v in _velden(cls) if v.attr != "header"]
    values: dict[str, Any] = {"wet": wet, "header": header}
    rest = children[1:]
    for v in body:
        tag = f"{{{ns_msg}}}{v.naam}"
        if rest and rest[0].tag == tag:
            assert v.cls is not None
            values[v.attr] = lezer.record(rest.pop(0), v.cls, v.naam)
        elif v.verplicht:
            raise OngeldigeInhoud(f"{v.naam} ontbreekt", pad=v.naam)
    if rest:
        raise OngeldigeInhoud(f"onverwacht element {rest[0].tag}", pad="Bericht")
    return cls(**values)


def lees(data: bytes) -> Bericht:
    """Read a message from bytes. Raises :class:`~eenplan.istandaarden.fouten.BerichtFout`
    (return code 0001) for anything that is not a well-formed, complete 3.2 message."""
    return lees_element(parse(data))


TOON_MAX = 2 * 1024 * 1024  # a page shows at most 2 MB of a file


def leesbaar(data: bytes) -> tuple[str, bool]:
    """The file as text for a person to read: indented XML when the safe parser accepts it,
    else the bytes as they are (undecodable bytes replaced, cut at 2 MB). Returns (text,
    whether it was indented). The text is not escaped: the page that shows it must (Django's
    templates do)."""
    try:
        root = parse(data)
    except BerichtFout:
        return data[:TOON_MAX].decode("utf-8", errors="replace"), False
    for el in root.iter():
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    tekst = etree.tostring(root, pretty_print=True, encoding="unicode")
    return tekst[:TOON_MAX], True
