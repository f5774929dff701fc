"""Reading a PDF back the way a resident's software and an archive would (tests only).

`pdf_tekst` extracts the text (what a screen reader or copy-paste gets). `pdf_gebreken` lists
what is missing for a tagged PDF/A-2 with a PDF/UA-1 claim, read with pypdf — a different
library from the one that wrote the file (pikepdf), so a check does not merely repeat the
writer. It covers the rules of veraPDF's PDF/A-2B and PDF/UA-1 validation profiles that a
document of this project (text in one embedded TrueType font, the municipality's logo as one
image, no forms, annotations or actions) can break; it is not a full validator such as veraPDF,
which is not available from PyPI, npm or Debian. The clause numbers in the messages are those of
ISO 19005-2 (PDF/A-2) and ISO 14289-1 (PDF/UA-1). docs/decisions/0018-letter-pdf.md lists what
is and is not checked.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

NS_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
NS_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_XMP = "http://ns.adobe.com/xap/1.0/"
NS_PDF = "http://ns.adobe.com/pdf/1.3/"
NS_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# Standard structure types (ISO 32000-1, 14.8.4) this project may use without a RoleMap.
STANDAARD_ROLLEN = {
    "Document", "Part", "Art", "Sect", "Div", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span",
    "Link", "Figure", "Caption", "Note", "Reference", "BlockQuote", "Quote", "Code", "Form",
    "NonStruct", "Private", "TOC", "TOCI", "Index", "BibEntry", "Annot", "Ruby", "RB", "RT",
    "RP", "Warichu", "WT", "WP", "Formula",
}  # fmt: skip
TEKST_OPERATOREN = {b"Tj", b"TJ", b"'", b'"'}


def pdf_tekst(data: bytes) -> str:
    """All text of the PDF, whitespace (line wrapping) collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def pdf_rollen(data: bytes) -> list[tuple[str, int]]:
    """The structure elements under the Document element, in reading order: (type, number of
    marked-content pieces, e.g. 2 for a paragraph continued on the next page)."""
    reader = PdfReader(io.BytesIO(data))
    wortel = reader.trailer["/Root"].get_object()["/StructTreeRoot"].get_object()
    document = wortel["/K"].get_object()
    rollen = []
    for kind in document["/K"]:
        element = kind.get_object()
        k = element.get("/K")
        stukken = len(k) if isinstance(k, list) else 1
        rollen.append((str(element["/S"])[1:], stukken))
    return rollen


def pdf_gebreken(data: bytes) -> list[str]:
    """What keeps `data` from being a tagged PDF/A-2 (level B) in Dutch with a PDF/UA-1 claim;
    empty when nothing is found."""
    gebreken: list[str] = []
    kop = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%(....)", data[:20], re.DOTALL)
    if not kop:
        gebreken.append("header: not %PDF-1.0 to 1.7 and a comment line (6.1.2)")
    elif min(kop.group(2)) <= 127:
        gebreken.append("header comment without four bytes above 127 (6.1.2)")
    if not re.search(rb"%%EOF(\r\n|\r|\n)?\Z", data):
        gebreken.append("data after the last %%EOF (6.1.3)")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return [*gebreken, "encrypted (6.1.3)"]
    trailer = reader.trailer
    if "/ID" not in trailer:
        gebreken.append("trailer without /ID (6.1.3)")
    catalogus = reader.trailer["/Root"].get_object()
    if any(p.get("/AA") is not None for p in reader.pages):
        gebreken.append("a page has additional actions (6.5.2)")
    if any(p.get("/Annots") for p in reader.pages):
        gebreken.append("annotations, which this check does not cover (6.3)")
    gebreken += _catalogus(catalogus)
    gebreken += _xmp(reader, catalogus)
    gebreken += _uitvoer(catalogus)
    gebreken += _lettertypen(reader)
    gebreken += _afbeeldingen(reader)
    gemarkeerd: set[tuple[int, int]] = set()
    for index, pagina in enumerate(reader.pages):
        gebreken += _inhoud(reader, pagina, index, gemarkeerd)
    gebreken += _structuur(reader, catalogus, gemarkeerd)
    return gebreken


def _catalogus(catalogus: DictionaryObject) -> list[str]:
    gebreken = []
    taal = str(catalogus.get("/Lang", ""))
    if not taal.lower().startswith("nl") or not re.fullmatch(
        r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", taal
    ):
        gebreken.append(f"document language is {taal!r}, not Dutch (PDF/UA 7.2)")
    mark = catalogus.get("/MarkInfo")
    if not mark or not mark.get_object().get("/Marked"):
        gebreken.append("MarkInfo /Marked is not true (PDF/UA 6.2)")
    elif mark.get_object().get("/Suspects"):
        gebreken.append("MarkInfo /Suspects is true (PDF/UA 7.1)")
    voorkeur = catalogus.get("/ViewerPreferences")
    if not voorkeur or not voorkeur.get_object().get("/DisplayDocTitle"):
        gebreken.append("ViewerPreferences /DisplayDocTitle is not true (PDF/UA 7.1)")
    for verboden in ("/AA", "/OpenAction", "/Names", "/Requirements", "/NeedsRendering"):
        waarde = catalogus.get(verboden)
        if waarde is not None and (
            verboden != "/Names"
            or {"/JavaScript", "/EmbeddedFiles"} & set(waarde.get_object().keys())
        ):
            gebreken.append(f"catalog has {verboden} (actions or JavaScript, 6.5/6.6)")
    return gebreken


def _xmp(reader: PdfReader, catalogus: DictionaryObject) -> list[str]:
    if "/Metadata" not in catalogus:
        return ["no XMP metadata stream (6.6.2.1)"]
    stroom = catalogus["/Metadata"].get_object()
    gebreken = []
    if stroom.get("/Type") != "/Metadata" or stroom.get("/Subtype") != "/XML":
        gebreken.append("metadata stream is not /Type /Metadata /Subtype /XML (6.6.2.1)")
    pakket = stroom.get_data()
    kop = re.match(rb"\s*<\?xpacket([^?]*)\?>", pakket)
    if kop and (b"bytes=" in kop.group(1) or b"encoding=" in kop.group(1)):
        gebreken.append("xpacket header with bytes or encoding (6.6.2.1)")
    try:
        pakket.decode("utf-8")
    except UnicodeDecodeError:
        gebreken.append("XMP is not UTF-8 (6.6.2.1)")
    xmp = reader.xmp_metadata
    if xmp is None:
        return [*gebreken, "XMP metadata cannot be read"]
    wortel = xmp.rdf_root

    def waarde(ns: str, naam: str) -> str | None:
        for descr in wortel.getElementsByTagNameNS(NS_RDF, "Description"):
            attr = descr.getAttributeNS(ns, naam)
            if attr:
                return attr
        knopen = wortel.getElementsByTagNameNS(ns, naam)
        if not knopen:
            return None
        return "".join(_tekst_van(k) for k in knopen[:1]).strip()

    if waarde(NS_PDFAID, "part") != "2" or (waarde(NS_PDFAID, "conformance") or "") not in {
        "A",
        "B",
        "U",
    }:
        gebreken.append("XMP does not identify PDF/A-2 (pdfaid:part/conformance, 6.6.4)")
    if waarde(NS_PDFUAID, "part") != "1":
        gebreken.append("XMP does not identify PDF/UA-1 (pdfuaid:part, PDF/UA 5)")
    gedeclareerd = {
        _tekst_van(k).strip() for k in wortel.getElementsByTagNameNS(NS_SCHEMA, "namespaceURI")
    }
    if NS_PDFUAID not in gedeclareerd:
        gebreken.append("pdfuaid used without a PDF/A extension schema (6.6.2.3)")
    info = reader.trailer.get("/Info")
    info = info.get_object() if info is not None else {}
    titel = waarde(NS_DC, "title")
    if not titel:
        gebreken.append("XMP without dc:title (PDF/UA 7.1)")
    paren = [
        ("/Title", titel),
        ("/Author", waarde(NS_DC, "creator")),
        ("/Creator", waarde(NS_XMP, "CreatorTool")),
        ("/Producer", waarde(NS_PDF, "Producer")),
    ]
    # PDF/A-2 no longer requires the Info dictionary to match the XMP (PDF/A-1 6.7.3 did);
    # readers show either, so they must say the same.
    for sleutel, in_xmp in paren:
        if sleutel in info and str(info[sleutel]) != (in_xmp or ""):
            gebreken.append(f"Info {sleutel} differs from XMP")
    for sleutel, naam in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if sleutel in info:
            in_xmp = waarde(NS_XMP, naam) or ""
            cijfers = re.sub(r"\D", "", str(info[sleutel]))[:14]
            if re.sub(r"\D", "", in_xmp)[:14] != cijfers:
                gebreken.append(f"Info {sleutel} differs from XMP xmp:{naam}")
    return gebreken


def _tekst_van(knoop: Any) -> str:
    if knoop.nodeType == knoop.TEXT_NODE:
        return str(knoop.data)
    return "".join(_tekst_van(k) for k in knoop.childNodes)


def _uitvoer(catalogus: DictionaryObject) -> list[str]:
    intenties = [i.get_object() for i in catalogus.get("/OutputIntents", [])]
    pdfa = [i for i in intenties if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        return ["not exactly one GTS_PDFA1 output intent (6.2.3)"]
    profiel = pdfa[0].get("/DestOutputProfile")
    if profiel is None:
        return ["output intent without DestOutputProfile (6.2.3)"]
    icc = profiel.get_object().get_data()
    gebreken = []
    if len(icc) < 128 or icc[36:40] != b"acsp":
        gebreken.append("DestOutputProfile is not an ICC profile")
    else:
        if icc[8] > 4:
            gebreken.append("ICC profile newer than version 4 (6.2.3)")
        if icc[12:16] not in {b"prtr", b"mntr"}:
            gebreken.append("ICC profile class is not an output class (6.2.3)")
        if icc[16:20] != b"RGB " or profiel.get_object().get("/N") != 3:
            gebreken.append("output intent is not RGB, but the pages paint in DeviceRGB (6.2.4.3)")
    return gebreken


def _lettertypen(reader: PdfReader) -> list[str]:
    """Every font on every page embedded, with a ToUnicode map; a symbolic TrueType font has no
    /Encoding and one cmap subtable or a (3,0) one (6.2.11.4, 6.2.11.6, 6.2.11.7)."""
    gebreken: list[str] = []
    gezien: set[int] = set()
    for index, pagina in enumerate(reader.pages):
        bronnen = pagina.get("/Resources")
        fonts = bronnen.get_object().get("/Font", {}) if bronnen is not None else {}
        for verwijzing in fonts.get_object().values():
            font = verwijzing.get_object()
            sleutel = getattr(verwijzing, "idnum", id(font))
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            naam = str(font.get("/BaseFont", "?"))
            waar = f"page {index + 1}, font {naam}"
            if font.get("/Subtype") == "/Type3":
                continue
            if "/ToUnicode" not in font:
                gebreken.append(f"{waar}: no ToUnicode map (text cannot be read back, 6.2.11.7)")
            beschrijving_van = font
            if font.get("/Subtype") == "/Type0":
                beschrijving_van = font["/DescendantFonts"][0].get_object()
            beschrijving = beschrijving_van.get("/FontDescriptor")
            if beschrijving is None:
                gebreken.append(f"{waar}: no font descriptor, so not embedded (6.2.11.4)")
                continue
            beschrijving = beschrijving.get_object()
            programma = next(
                (
                    beschrijving[k]
                    for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    if k in beschrijving
                ),
                None,
            )
            if programma is None:
                gebreken.append(f"{waar}: font not embedded (6.2.11.4)")
                continue
            if "+" in naam and not re.fullmatch(r"/[A-Z]{6}\+.+", naam):
                gebreken.append(f"{waar}: subset name without a six-letter tag")
            if font.get("/Subtype") == "/TrueType":
                symbolisch = int(beschrijving.get("/Flags", 0)) & 4
                if symbolisch and "/Encoding" in font:
                    gebreken.append(f"{waar}: symbolic TrueType font with /Encoding (6.2.11.6)")
                if not symbolisch and font.get("/Encoding") not in {
                    "/WinAnsiEncoding",
                    "/MacRomanEncoding",
                }:
                    gebreken.append(f"{waar}: non-symbolic TrueType without a standard encoding")
                tabellen = _cmap_tabellen(programma.get_object().get_data())
                if symbolisch and len(tabellen) != 1 and (3, 0) not in tabellen:
                    gebreken.append(f"{waar}: cmap has {tabellen}, not one or (3,0) (6.2.11.6)")
    return gebreken


def pdf_afbeeldingen(data: bytes) -> list[tuple[int, int]]:
    """The (width, height) in pixels of every image on every page."""
    reader = PdfReader(io.BytesIO(data))
    return [
        (int(x.get_object()["/Width"]), int(x.get_object()["/Height"]))
        for pagina in reader.pages
        for x in _xobjecten(pagina).values()
        if x.get_object().get("/Subtype") == "/Image"
    ]


def _xobjecten(pagina: Any) -> dict[str, Any]:
    bronnen = pagina.get("/Resources")
    if bronnen is None:
        return {}
    xobjecten = bronnen.get_object().get("/XObject")
    return dict(xobjecten.get_object()) if xobjecten is not None else {}


def _afbeeldingen(reader: PdfReader) -> list[str]:
    """Images as PDF/A-2 allows them (6.2.8): no /Alternates or /OPI, /Interpolate not true,
    no LZW or JPX-less oddities checked here; DeviceRGB/DeviceGray under the sRGB output intent,
    8 bits per component; a soft mask only with /Matte absent."""
    gebreken: list[str] = []
    for index, pagina in enumerate(reader.pages):
        for naam, verwijzing in _xobjecten(pagina).items():
            x = verwijzing.get_object()
            waar = f"page {index + 1}, XObject {naam}"
            if x.get("/Subtype") != "/Image":
                if x.get("/Subtype") == "/PS":
                    gebreken.append(f"{waar}: PostScript XObject (6.2.9)")
                continue
            if "/Alternates" in x or "/OPI" in x:
                gebreken.append(f"{waar}: image with /Alternates or /OPI (6.2.8)")
            if x.get("/Interpolate"):
                gebreken.append(f"{waar}: image with /Interpolate true (6.2.8)")
            filters = x.get("/Filter")
            filters = filters if isinstance(filters, list) else [filters]
            if "/LZWDecode" in [str(f) for f in filters]:
                gebreken.append(f"{waar}: LZW compression (6.1.7.2)")
            if str(x.get("/ColorSpace")) not in {"/DeviceRGB", "/DeviceGray"}:
                gebreken.append(f"{waar}: colour space {x.get('/ColorSpace')} not checked here")
            if int(x.get("/BitsPerComponent", 8)) not in {1, 2, 4, 8, 16}:
                gebreken.append(f"{waar}: BitsPerComponent not allowed (6.2.8)")
    return gebreken


def _bytes(stuk: Any) -> bytes:
    if isinstance(stuk, bytes):
        return stuk
    if hasattr(stuk, "original_bytes"):
        return bytes(stuk.original_bytes)
    return str(stuk).encode("latin-1", "replace")


def _glyfen(font: Any) -> Callable[[bytes], list[int]] | None:
    """For a font, a function from a shown string to the glyph ids it draws (0 is .notdef);
    None when this check cannot tell (other font kinds than this project uses)."""
    if font.get("/Subtype") == "/Type0":
        cid = font["/DescendantFonts"][0].get_object()
        if font.get("/Encoding") == "/Identity-H" and cid.get("/CIDToGIDMap") == "/Identity":
            return lambda b: [int.from_bytes(b[i : i + 2], "big") for i in range(0, len(b), 2)]
        return None
    beschrijving = font.get("/FontDescriptor")
    if font.get("/Subtype") != "/TrueType" or beschrijving is None:
        return None
    programma = beschrijving.get_object().get("/FontFile2")
    if programma is None or "/Encoding" in font:
        return None
    tabel = _cmap_codes(programma.get_object().get_data())
    if tabel is None:
        return None
    return lambda b: [tabel.get(c, 0) for c in b]


def _cmap_codes(ttf: bytes) -> dict[int, int] | None:
    """Code -> glyph id of a symbolic TrueType font's single (1,0) or (3,0) cmap subtable, for
    the byte formats 0 and 6 (reportlab's subsets use format 6)."""
    begin = _tabel(ttf, b"cmap")
    if begin is None:
        return None
    for j in range(int.from_bytes(ttf[begin + 2 : begin + 4], "big")):
        ingang = begin + 4 + 8 * j
        platform = int.from_bytes(ttf[ingang : ingang + 2], "big")
        codering = int.from_bytes(ttf[ingang + 2 : ingang + 4], "big")
        if (platform, codering) not in {(1, 0), (3, 0)}:
            continue
        sub = begin + int.from_bytes(ttf[ingang + 4 : ingang + 8], "big")
        formaat = int.from_bytes(ttf[sub : sub + 2], "big")
        if formaat == 0:
            return {c: ttf[sub + 6 + c] for c in range(256)}
        if formaat == 6:
            eerste = int.from_bytes(ttf[sub + 6 : sub + 8], "big")
            aantal = int.from_bytes(ttf[sub + 8 : sub + 10], "big")
            return {
                eerste + i: int.from_bytes(ttf[sub + 10 + 2 * i : sub + 12 + 2 * i], "big")
                for i in range(aantal)
            }
    return None


def _tabel(ttf: bytes, label: bytes) -> int | None:
    for i in range(int.from_bytes(ttf[4:6], "big")):
        ingang = ttf[12 + 16 * i : 28 + 16 * i]
        if ingang[:4] == label:
            return int.from_bytes(ingang[8:12], "big")
    return None


def _cmap_tabellen(ttf: bytes) -> list[tuple[int, int]]:
    """The (platform, encoding) pairs of a TrueType font's cmap table."""
    aantal = int.from_bytes(ttf[4:6], "big")
    for i in range(aantal):
        ingang = ttf[12 + 16 * i : 28 + 16 * i]
        if ingang[:4] == b"cmap":
            begin = int.from_bytes(ingang[8:12], "big")
            n = int.from_bytes(ttf[begin + 2 : begin + 4], "big")
            return [
                (
                    int.from_bytes(ttf[begin + 4 + 8 * j : begin + 6 + 8 * j], "big"),
                    int.from_bytes(ttf[begin + 6 + 8 * j : begin + 8 + 8 * j], "big"),
                )
                for j in range(n)
            ]
    return []


def _structuur(
    reader: PdfReader, catalogus: DictionaryObject, gemarkeerd: set[tuple[int, int]]
) -> list[str]:
    """The structure tree: standard types, parents, headings in order, and every piece of
    marked content (MCID) on the pages in the tree and the other way round."""
    if "/StructTreeRoot" not in catalogus:
        return ["no structure tree (not tagged, PDF/UA 7.1)"]
    wortel = catalogus["/StructTreeRoot"].get_object()
    pagina_nummer = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    verwezen: set[tuple[int, int]] = set()
    rollen: list[str] = []
    gebreken: list[str] = []
    rolmap = wortel.get("/RoleMap", {})

    def loop(element: Any, pagina: int | None) -> None:
        if isinstance(element, int) and not isinstance(element, bool):
            if pagina is None:
                gebreken.append("MCID without a page")
            else:
                verwezen.add((pagina, int(element)))
            return
        obj = element.get_object()
        if not isinstance(obj, DictionaryObject):
            return
        if obj.get("/Type") == "/MCR":
            pg = obj.get("/Pg")
            eigen = pagina_nummer.get(pg.idnum) if isinstance(pg, IndirectObject) else pagina
            verwezen.add((eigen if eigen is not None else -1, int(obj["/MCID"])))
            return
        if obj.get("/Type") == "/OBJR":
            return
        rol = str(obj.get("/S", ""))[1:]
        rol = str(rolmap.get("/" + rol, "/" + rol))[1:]
        if rol not in STANDAARD_ROLLEN:
            gebreken.append(f"structure type {rol!r} is neither standard nor role-mapped (7.1)")
        rollen.append(rol)
        if rol == "Figure" and not str(obj.get("/Alt", "")).strip():
            gebreken.append("Figure without an alternative text /Alt (PDF/UA 7.3)")
        if "/P" not in obj:
            gebreken.append(f"structure element {rol} without its parent /P (PDF/UA 7.1)")
        pg = obj.get("/Pg")
        if isinstance(pg, IndirectObject):
            pagina = pagina_nummer.get(pg.idnum, pagina)
        kinderen = obj.get("/K")
        if kinderen is None:
            return
        kinderen = kinderen.get_object() if isinstance(kinderen, IndirectObject) else kinderen
        for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
            loop(kind, pagina)

    k = wortel.get("/K")
    if k is None:
        return ["empty structure tree"]
    k = k.get_object() if isinstance(k, IndirectObject) else k
    for kind in k if isinstance(k, list) else [k]:
        loop(kind, None)
    koppen = [int(r[1]) for r in rollen if re.fullmatch(r"H[1-6]", r)]
    vorige = 0
    for niveau in koppen:
        if niveau > vorige + 1:
            gebreken.append(f"heading level skipped: H{niveau} after H{vorige} (PDF/UA 7.4.2)")
        vorige = niveau
    if "/ParentTree" not in wortel:
        gebreken.append("structure tree without ParentTree")
    for index, pagina in enumerate(reader.pages):
        if "/StructParents" not in pagina:
            gebreken.append(f"page {index + 1} without /StructParents")
    if gemarkeerd - verwezen:
        gebreken.append(
            f"marked content not in the structure tree: {sorted(gemarkeerd - verwezen)}"
        )
    if verwezen - gemarkeerd:
        gebreken.append(
            f"structure tree points at missing content: {sorted(verwezen - gemarkeerd)}"
        )
    return gebreken


def _inhoud(
    reader: PdfReader, pagina: Any, index: int, gemarkeerd: set[tuple[int, int]]
) -> list[str]:
    """Every text operator inside a tagged (MCID) or /Artifact marked-content sequence, and
    none showing the .notdef glyph; the MCIDs found go into `gemarkeerd`."""
    inhoud = pagina.get_contents()
    if inhoud is None:
        return []
    stapel: list[str] = []
    gebreken: list[str] = []
    bronnen = pagina.get("/Resources")
    fonts = bronnen.get_object().get("/Font", {}) if bronnen is not None else {}
    glyfen: Callable[[bytes], list[int]] | None = None
    for operanden, operator in ContentStream(inhoud, reader).operations:
        if operator == b"Tf":
            font = fonts.get_object().get(operanden[0])
            glyfen = _glyfen(font.get_object()) if font is not None else None
        if operator in TEKST_OPERATOREN and glyfen is not None:
            teksten = operanden[-1] if operator == b"TJ" else [operanden[-1]]
            for stuk in teksten:
                if isinstance(stuk, (str, bytes)) and 0 in glyfen(_bytes(stuk)):
                    gebreken.append(
                        f"page {index + 1}: text shows .notdef, a missing glyph (6.2.11.8)"
                    )
        if operator == b"BDC":
            tag = str(operanden[0])
            eigenschappen = operanden[1] if len(operanden) > 1 else {}
            if isinstance(eigenschappen, DictionaryObject) and "/MCID" in eigenschappen:
                gemarkeerd.add((index, int(eigenschappen["/MCID"])))
                stapel.append("mcid")
            else:
                stapel.append("artifact" if tag == "/Artifact" else "other")
        elif operator == b"BMC":
            stapel.append("artifact" if str(operanden[0]) == "/Artifact" else "other")
        elif operator == b"EMC":
            if not stapel:
                gebreken.append(f"page {index + 1}: EMC without BDC/BMC")
            else:
                stapel.pop()
        elif operator in TEKST_OPERATOREN and not {"mcid", "artifact"} & set(stapel):
            gebreken.append(f"page {index + 1}: text outside tagged content (PDF/UA 7.1)")
        elif operator == b"Do" and not {"mcid", "artifact"} & set(stapel):
            gebreken.append(f"page {index + 1}: image outside tagged content (PDF/UA 7.1)")
    if stapel:
        gebreken.append(f"page {index + 1}: BDC without EMC")
    return gebreken
