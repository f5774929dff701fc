"""Plain-text documents (verslag, beschikking letter) as accessible, tagged-free simple PDFs.

The text is rendered from the same template as the HTML and the stored letter, so the PDF
never says something else than what was recorded.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def tekst_naar_pdf(*, titel: str, tekst: str, auteur: str = "eenplan") -> bytes:
    """An A4 PDF with `titel` as document title and `tekst` as paragraphs (blank lines split
    paragraphs; single line breaks are kept). Uncompressed, so its text can be checked."""
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
        pageCompression=0,
        invariant=1,
        lang="nl-NL",
    )
    styles = getSampleStyleSheet()
    verhaal = []
    for blok in tekst.strip().split("\n\n"):
        regels = [escape(regel) for regel in blok.splitlines()]
        if not any(r.strip() for r in regels):
            continue
        stijl = (
            styles["Heading2"]
            if len(regels) <= 2 and regels[-1].startswith("===")
            else styles["BodyText"]
        )
        regels = [r for r in regels if not set(r.strip()) <= {"="}]
        verhaal.append(Paragraph("<br/>".join(regels), stijl))
        verhaal.append(Spacer(1, 3 * mm))
    document.build(verhaal)
    return buffer.getvalue()
