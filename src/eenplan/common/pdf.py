"""Plain-text documents (verslag, beschikking letter) as tagged PDF/A-2b with an embedded font.

The text is rendered from the same template as the HTML and the stored letter, so the PDF
never says something else than what was recorded. Every PDF is made for every resident and for
the archive (docs/decisions/0018-letter-pdf.md):

- **every name renders:** the text is set in Roboto (Apache-2.0, from the `font-roboto` package),
  which covers Latin Extended-A/B and Vietnamese; reportlab embeds the subset that is used, with
  a ToUnicode map so the text can be copied and read aloud (Yılmaz, Şahin, Łukasz, Nguyễn, Ørsted);
- **tagged (PDF/UA-1 structure):** reportlab draws each block inside a marked-content sequence
  (`/P <</MCID n>> BDC … EMC`); afterwards pikepdf adds the structure tree (Document → H1/P),
  the parent tree, `MarkInfo`, the document language (`nl-NL`) and `DisplayDocTitle`;
- **PDF/A-2b (Archiefwet):** XMP metadata with `pdfaid` (and `pdfuaid`, declared as a PDF/A
  extension schema), the document info dictionary in step with it, and an sRGB output intent.

`controleer_pdf` (in `eenplan.testing.pdf`) checks these properties on the bytes; there is no
validator such as veraPDF on the registries this project can use (see the decision record).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from PIL import Image as PILImage
from PIL import ImageCms, UnidentifiedImageError
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

TAAL = "nl-NL"
LETTERTYPE = "Roboto"
PDFA_DEEL, PDFA_NIVEAU = 2, "B"
PDFUA_DEEL = 1
# The letterhead logo: at most this high and wide on the page, and this many pixels wide stored.
LOGO_HOOGTE, LOGO_BREEDTE = 18 * mm, 70 * mm
LOGO_PIXELS = 800
LOGO_MAX_BYTES = 2 * 1024 * 1024


class OngeldigLogo(ValueError):
    """The uploaded file is not a picture this project can put in a letter."""


def logo_normaliseren(data: bytes) -> bytes:
    """An uploaded logo (PNG, JPEG, GIF, WebP) as the PNG stored with the municipality: RGB on
    a white background (PDF/A-2 allows transparency, but a flat picture prints the same
    everywhere), at most `LOGO_PIXELS` wide. Refused with a Dutch message: no picture, too big."""
    if len(data) > LOGO_MAX_BYTES:
        raise OngeldigLogo("Het logo is groter dan 2 MB. Kies een kleiner bestand.")
    try:
        with PILImage.open(BytesIO(data)) as beeld:
            beeld.load()
            if beeld.format not in {"PNG", "JPEG", "GIF", "WEBP"}:
                raise OngeldigLogo("Kies een logo als PNG- of JPEG-bestand.")
            beeld = beeld.convert("RGBA")
    except (UnidentifiedImageError, OSError, PILImage.DecompressionBombError) as exc:
        raise OngeldigLogo(
            "Dit bestand is geen afbeelding. Kies een PNG- of JPEG-bestand."
        ) from exc
    wit = PILImage.new("RGBA", beeld.size, (255, 255, 255, 255))
    plat = PILImage.alpha_composite(wit, beeld).convert("RGB")
    if plat.width > LOGO_PIXELS:
        plat = plat.resize(
            (LOGO_PIXELS, max(1, round(plat.height * LOGO_PIXELS / plat.width))),
            PILImage.Resampling.LANCZOS,
        )
    uit = BytesIO()
    plat.save(uit, format="PNG", optimize=True)
    return uit.getvalue()


@cache
def _lettertype() -> str:
    """Register Roboto (regular, bold, italic, bold italic) with reportlab, once per process."""
    import font_roboto

    bestanden = {
        LETTERTYPE: font_roboto.Roboto,
        f"{LETTERTYPE}-Bold": font_roboto.RobotoBold,
        f"{LETTERTYPE}-Italic": font_roboto.RobotoItalic,
        f"{LETTERTYPE}-BoldItalic": font_roboto.RobotoBoldItalic,
    }
    for naam, pad in bestanden.items():
        pdfmetrics.registerFont(TTFont(naam, pad))
    pdfmetrics.registerFontFamily(
        LETTERTYPE,
        normal=LETTERTYPE,
        bold=f"{LETTERTYPE}-Bold",
        italic=f"{LETTERTYPE}-Italic",
        boldItalic=f"{LETTERTYPE}-BoldItalic",
    )
    return LETTERTYPE


@cache
def _stijlen() -> dict[str, ParagraphStyle]:
    letter = _lettertype()
    tekst = ParagraphStyle(
        "Tekst", fontName=letter, fontSize=11, leading=15, alignment=TA_LEFT, spaceAfter=0
    )
    kop = ParagraphStyle("Kop", parent=tekst, fontName=f"{letter}-Bold", fontSize=15, leading=19)
    return {"P": tekst, "H1": kop}


@cache
def _srgb_profiel() -> bytes:
    """An sRGB ICC profile (made by LittleCMS through Pillow, which reportlab already needs)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@dataclass
class _Structuur:
    """What was drawn where: per structure element its role and its (page, MCID) pieces."""

    elementen: list[tuple[str, list[tuple[int, int]]]] = field(default_factory=list)
    volgende_mcid: dict[int, int] = field(default_factory=dict)
    alt: dict[int, str] = field(default_factory=dict)  # element -> alternative text (Figure)

    def nieuw_element(self, rol: str) -> int:
        self.elementen.append((rol, []))
        return len(self.elementen) - 1

    def markeer(self, element: int, pagina: int) -> int:
        mcid = self.volgende_mcid.get(pagina, 0)
        self.volgende_mcid[pagina] = mcid + 1
        self.elementen[element][1].append((pagina, mcid))
        return mcid


class _GetagdeAlinea(Paragraph):
    """A paragraph drawn as marked content that belongs to one structure element (also when it
    is split over two pages: both parts point at the same element)."""

    rol: str = "P"
    structuur: _Structuur | None = None
    element: int = -1

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        delen = super().split(availWidth, availHeight)
        for deel in delen:
            deel.rol, deel.structuur, deel.element = self.rol, self.structuur, self.element
        return delen

    def draw(self) -> None:
        if self.structuur is None:
            super().draw()
            return
        mcid = self.structuur.markeer(self.element, self.canv.getPageNumber() - 1)
        self.canv.addLiteral(f"/{self.rol} <</MCID {mcid}>> BDC")
        super().draw()
        self.canv.addLiteral("EMC")


class _GetagdFiguur(Image):
    """A picture drawn as marked content of a Figure element with an alternative text."""

    structuur: _Structuur
    element: int

    def draw(self) -> None:
        mcid = self.structuur.markeer(self.element, self.canv.getPageNumber() - 1)
        self.canv.addLiteral(f"/Figure <</MCID {mcid}>> BDC")
        super().draw()
        self.canv.addLiteral("EMC")


def _figuur(png: bytes, alt: str, structuur: _Structuur) -> _GetagdFiguur:
    with PILImage.open(BytesIO(png)) as beeld:
        breedte, hoogte = beeld.size
    schaal = min(LOGO_HOOGTE / hoogte, LOGO_BREEDTE / breedte)
    figuur = _GetagdFiguur(BytesIO(png), width=breedte * schaal, height=hoogte * schaal)
    figuur.hAlign = "LEFT"
    figuur.structuur = structuur
    figuur.element = structuur.nieuw_element("Figure")
    structuur.alt[figuur.element] = alt
    return figuur


def _alinea(tekst: str, rol: str, structuur: _Structuur) -> _GetagdeAlinea:
    alinea = _GetagdeAlinea(tekst, _stijlen()[rol])
    alinea.rol, alinea.structuur = rol, structuur
    alinea.element = structuur.nieuw_element(rol)
    return alinea


def tekst_naar_pdf(
    *,
    titel: str,
    tekst: str,
    auteur: str = "eenplan",
    logo: bytes = b"",
    logo_alt: str = "",
) -> bytes:
    """An A4 PDF/A-2b with `titel` as document title and `tekst` as paragraphs (blank lines split
    paragraphs; single line breaks are kept; a block underlined with `===` is a heading), tagged,
    in Dutch, with Roboto embedded. `logo` (a PNG from `logo_normaliseren`) is drawn above the
    text as a Figure with `logo_alt` as its alternative text (PDF/UA 7.3)."""
    ruw, structuur = _opmaken(titel=titel, tekst=tekst, auteur=auteur, logo=logo, logo_alt=logo_alt)
    return _archiefwaardig(ruw, structuur, titel=titel, auteur=auteur)


def _opmaken(
    *, titel: str, tekst: str, auteur: str, logo: bytes = b"", logo_alt: str = ""
) -> tuple[bytes, _Structuur]:
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=titel,
        author=auteur,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        initialFontName=_lettertype(),  # no unembedded Helvetica in the page resources
        lang=TAAL,
    )
    structuur = _Structuur()
    verhaal: list[Any] = []
    if logo:
        verhaal.append(_figuur(logo, logo_alt or f"Logo van {auteur}", structuur))
        verhaal.append(Spacer(1, 6 * mm))
    for blok in tekst.strip().split("\n\n"):
        regels = [escape(regel) for regel in blok.splitlines()]
        if not any(r.strip() for r in regels):
            continue
        rol = "H1" if len(regels) <= 2 and regels[-1].startswith("===") else "P"
        regels = [r for r in regels if not set(r.strip()) <= {"="}]
        verhaal.append(_alinea("<br/>".join(regels), rol, structuur))
        verhaal.append(Spacer(1, 3 * mm))
    document.build(verhaal)
    return buffer.getvalue(), structuur


def _archiefwaardig(ruw: bytes, structuur: _Structuur, *, titel: str, auteur: str) -> bytes:
    """Add the structure tree, language, XMP (PDF/A-2b, PDF/UA-1) and output intent."""
    nu = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with pikepdf.open(BytesIO(ruw)) as pdf:
        catalogus = pdf.Root
        paginas = list(pdf.pages)

        boomwortel = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem,
                S=pikepdf.Name.Document,
                P=boomwortel,
                Lang=pikepdf.String(TAAL),
                K=pikepdf.Array(),
            )
        )
        per_pagina: dict[int, dict[int, pikepdf.Object]] = {}
        for nummer, (rol, stukken) in enumerate(structuur.elementen):
            if not stukken:
                continue
            element = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name("/" + rol),
                    P=document,
                    Pg=paginas[stukken[0][0]].obj,
                    K=pikepdf.Array(
                        [
                            pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=paginas[p].obj, MCID=mcid)
                            for p, mcid in stukken
                        ]
                    ),
                )
            )
            if nummer in structuur.alt:
                element.Alt = pikepdf.String(structuur.alt[nummer])
            document.K.append(element)
            for p, mcid in stukken:
                per_pagina.setdefault(p, {})[mcid] = element
        getallen = pikepdf.Array()
        for index, pagina in enumerate(paginas):
            pagina.obj.StructParents = index
            pagina.obj.Tabs = pikepdf.Name.S
            elementen = per_pagina.get(index, {})
            getallen.append(index)
            getallen.append(
                pdf.make_indirect(pikepdf.Array([elementen[m] for m in sorted(elementen)]))
            )
        boomwortel.K = document
        boomwortel.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=getallen))
        boomwortel.ParentTreeNextKey = len(paginas)
        catalogus.StructTreeRoot = boomwortel
        catalogus.MarkInfo = pikepdf.Dictionary(Marked=True)
        catalogus.Lang = pikepdf.String(TAAL)
        catalogus.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)

        profiel = pikepdf.Stream(pdf, _srgb_profiel())
        profiel.N = 3
        catalogus.OutputIntents = pikepdf.Array(
            [
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.OutputIntent,
                        S=pikepdf.Name.GTS_PDFA1,
                        OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
                        Info=pikepdf.String("sRGB IEC61966-2.1"),
                        DestOutputProfile=profiel,
                    )
                )
            ]
        )

        pdf_datum = nu.strftime("D:%Y%m%d%H%M%S+00'00'")
        producent = f"eenplan (ReportLab, pikepdf {pikepdf.__version__})"
        pdf.trailer.Info = pdf.make_indirect(
            pikepdf.Dictionary(
                Title=pikepdf.String(titel),
                Author=pikepdf.String(auteur),
                Creator=pikepdf.String("eenplan"),
                Producer=pikepdf.String(producent),
                CreationDate=pikepdf.String(pdf_datum),
                ModDate=pikepdf.String(pdf_datum),
            )
        )
        xmp = _xmp(titel=titel, auteur=auteur, producent=producent, moment=nu)
        catalogus.Metadata = pdf.make_indirect(
            pikepdf.Stream(pdf, xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
        )
        uit = BytesIO()
        pdf.save(uit, fix_metadata_version=False, deterministic_id=True)
    return uit.getvalue()


def _xmp(*, titel: str, auteur: str, producent: str, moment: dt.datetime) -> bytes:
    """XMP metadata for PDF/A-2b and PDF/UA-1. `pdfuaid` is not one of PDF/A-2's predefined
    schemas, so it is declared in a PDF/A extension schema (ISO 19005-2, 6.6.2.3)."""
    datum = moment.isoformat().replace("+00:00", "Z")
    t, a, p = escape(titel), escape(auteur), escape(producent)
    tekst = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{TAAL}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>eenplan</xmp:CreatorTool>
   <xmp:CreateDate>{datum}</xmp:CreateDate>
   <xmp:ModifyDate>{datum}</xmp:ModifyDate>
   <xmp:MetadataDate>{datum}</xmp:MetadataDate>
   <pdf:Producer>{p}</pdf:Producer>
   <pdfaid:part>{PDFA_DEEL}</pdfaid:part>
   <pdfaid:conformance>{PDFA_NIVEAU}</pdfaid:conformance>
   <pdfuaid:part>{PDFUA_DEEL}</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 (PDF/UA) followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return tekst.encode("utf-8")
