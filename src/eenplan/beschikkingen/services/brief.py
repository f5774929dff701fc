"""The letter of a beschikking: the stored text once sent, else a preview from the (municipality's)
template `beschikkingen/brief.txt`, rendered as plain text."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass

from eenplan.beschikkingen.constants import BriefSoort, Rechtmatigheid
from eenplan.beschikkingen.models import (
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.beschikkingen.services._gedeeld import datum_tekst
from eenplan.beschikkingen.services.eigen_bijdrage import beschikking_eigen_bijdrage
from eenplan.common.constants import Wet
from eenplan.common.documenten import render_text
from eenplan.common.pdf import tekst_naar_pdf
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import gelijkgestelde_dagen, instellingen_op
from eenplan.rules import grondslagen
from eenplan.rules.termijnen import (
    bezwaar_uiterlijk,
)


def brief_tekst(beschikking: Beschikking, vandaag: dt.date) -> str:
    """The stored letter once sent; before that a preview as if sent today (with the bezwaar
    clause's last day computed for today and the lawfulness-check line), nothing saved. Pages,
    the PDF and the API show the same text."""
    if beschikking.verzonden_op is not None:
        return beschikking.brief
    voorbeeld = copy.copy(beschikking)
    voorbeeld.verzonden_op = vandaag
    voorbeeld.verzonden_voor_toetsing = voor_toetsing_verzonden(beschikking)
    voorbeeld.bezwaar_uiterlijk = bezwaar_uiterlijk(vandaag, extra=gelijkgestelde_dagen())
    return brief_render(voorbeeld)


def voor_toetsing_verzonden(beschikking: Beschikking) -> bool | None:
    """Sent today, would this decision go out before (True) or after (False) its lawfulness
    check; None when it gets no check (decided by the back office)."""
    if beschikking.rechtmatigheid == Rechtmatigheid.NVT:
        return None
    return beschikking.rechtmatigheid == Rechtmatigheid.TE_TOETSEN


# The template and its version, recorded on every sent letter (issue 10). Raise the version when
# the wording of `beschikkingen/brief.txt` changes, so a sent letter says which text it used.
SJABLOON = "beschikkingen/brief.txt"
SJABLOON_VERSIE = f"{SJABLOON} versie 2"
# The toelating to debt help (Wgs art. 4a) has a letter of its own: no ladder, no eigen bijdrage,
# the first conversation as the aanvraag (ADR 0041). A municipality words it as its own kind of
# template (`BriefSoort.TOELATING_SCHULDHULP`).
SJABLOON_SCHULDHULP = "beschikkingen/brief_schuldhulp.txt"
SJABLOON_SCHULDHULP_VERSIE = f"{SJABLOON_SCHULDHULP} versie 1"


def brief_soort(beschikking: Beschikking) -> str:
    """The kind of letter template a decision is worded with: its own for the toelating to debt
    help (Wgs art. 4a), else the decision letter."""
    if beschikking.aanvraag.wet == Wet.SCHULDHULP:
        return BriefSoort.TOELATING_SCHULDHULP
    return BriefSoort.BESCHIKKING


@dataclass(frozen=True)
class Contactpersoon:
    """Who the resident calls about this letter: the decision-maker, at the municipality's
    number when the person has none of their own."""

    naam: str
    telefoon: str
    email: str


def contactpersoon(beschikking: Beschikking) -> Contactpersoon:
    """The decision-maker with the municipality's phone number and their own e-mail (else the
    municipality's)."""
    user = beschikking.besloten_door
    gemeente = beschikking.gemeente
    return Contactpersoon(
        naam=user.get_full_name() or user.get_username(),
        telefoon=gemeente.telefoon,
        email=user.email or gemeente.email,
    )


def bijlagen(regels: list[BeschikteVoorziening], bijdrage: object) -> list[str]:
    """The enclosures the letter lists: always the bezwaar leaflet; the CAK and SVB leaflets
    when they apply."""
    lijst = ["Folder 'Bezwaar maken tegen een besluit van de gemeente'"]
    if bijdrage is not None:
        lijst.append("Folder van het CAK over de eigen bijdrage")
    if any(r.leveringsvorm == "pgb" and r.uitkomst != "afgewezen" for r in regels):
        lijst.append("Folder van de SVB over uw persoonsgebonden budget")
    return lijst


def _context(beschikking: Beschikking) -> dict[str, object]:
    wet = beschikking.aanvraag.wet
    regels = list(beschikking.voorzieningen.select_related("voorziening"))
    for regel in regels:
        regel.grondslag = grondslagen.grondslag(  # type: ignore[attr-defined]
            wet, leveringsvorm=regel.leveringsvorm
        )
    # The same answer as the page and the API (one read path, issue 9 item 5).
    bijdrage, _peildatum = beschikking_eigen_bijdrage(beschikking)
    return {
        "b": beschikking,
        "g": beschikking.gemeente,
        "kenmerk": beschikking.kenmerk,
        "contact": contactpersoon(beschikking),
        "inwoner": beschikking.inwoner,
        "regels": regels,
        "bijdrage": bijdrage,
        "bijlagen": bijlagen(regels, bijdrage),
        "grondslag_bijdrage": grondslagen.EIGEN_BIJDRAGE_WMO,
        "grondslag_bezwaar": grondslagen.BEZWAAR,
        # The municipality's name for its team (a setting; "wijkteam" by default).
        "teamnaam": instellingen_op(
            beschikking.gemeente_id, beschikking.verzonden_op or beschikking.besloten_op
        ).teksten.teamnaam,
    }


def _kop(titel: str) -> str:
    return f"{titel}\n{'=' * len(titel)}\n\n"


def sjabloon_waarden(beschikking: Beschikking) -> dict[str, str]:
    """The placeholders of a municipality's template (services.sjablonen.PLAATSHOUDERS) for this
    decision, as plain strings; the parts with logic come from the product's own fragments."""
    ctx = _context(beschikking)
    b, g, inwoner = beschikking, beschikking.gemeente, beschikking.inwoner
    contact: Contactpersoon = ctx["contact"]  # type: ignore[assignment]

    def deel(naam: str) -> str:
        return render_text(f"beschikkingen/brief/{naam}.txt", ctx).strip("\n")

    return {
        "briefhoofd": deel("briefhoofd"),
        "gemeente": g.naam,
        "postadres": g.postadres,
        "inwoner_naam": inwoner.naam,
        "inwoner_adres": f"{inwoner.straat} {inwoner.huisnummer}{inwoner.huisnummer_toevoeging}\n"
        f"{inwoner.postcode[:4]} {inwoner.postcode[4:]} {inwoner.woonplaats}",
        "kenmerk": b.kenmerk,
        "datum": datum_tekst(b.verzonden_op)
        if b.verzonden_op
        else "(voorbeeld, nog niet verzonden)",
        "aanvraag_datum": datum_tekst(b.aanvraag.ontvangen_op),
        "aanvraag_omschrijving": b.aanvraag.omschrijving,
        "contactpersoon": contact.naam,
        "contact_telefoon": contact.telefoon,
        "contact_email": contact.email,
        "besluit": deel("besluit"),
        "motivering": b.motivering,
        "ladder": _kop("Wat we samen hebben bekeken") + b.ladder_uitkomst
        if b.ladder_uitkomst
        else "",
        "eigen_bijdrage": _kop("Eigen bijdrage") + deel("eigen_bijdrage")
        if ctx["bijdrage"] is not None
        else "",
        "toetsing": deel("toetsing"),
        "bezwaar_uiterlijk": datum_tekst(b.bezwaar_uiterlijk)
        if b.bezwaar_uiterlijk
        else "zes weken na de datum van deze brief",
        "bezwaar_digitaal": f"Digitaal: via {g.bezwaar_url} (u logt in met DigiD)."
        if g.bezwaar_url
        else "",
        "grondslag_bezwaar": grondslagen.BEZWAAR,
        "bijlagen": deel("bijlagen"),
    }


def brief_met_versie(beschikking: Beschikking) -> tuple[str, str]:
    """The letter and the template version it came from: the municipality's BriefSjabloon in
    force on the sending day, else the product's template `beschikkingen/brief.txt`."""
    from eenplan.beschikkingen.services.sjablonen import actief_sjabloon, sjabloon_invullen

    op = beschikking.verzonden_op or beschikking.besloten_op
    soort = brief_soort(beschikking)
    sjabloon = actief_sjabloon(beschikking.gemeente_id, soort, op)
    if sjabloon is not None:
        return schoon(sjabloon_invullen(sjabloon.tekst, sjabloon_waarden(beschikking))), (
            sjabloon.label
        )
    if soort == BriefSoort.TOELATING_SCHULDHULP:
        return (
            schoon(render_text(SJABLOON_SCHULDHULP, _context(beschikking))),
            SJABLOON_SCHULDHULP_VERSIE,
        )
    return schoon(render_text(SJABLOON, _context(beschikking))), SJABLOON_VERSIE


def brief_render(beschikking: Beschikking) -> str:
    """The letter in plain Dutch (B1): from the municipality's BriefSjabloon in force, else
    from the template `beschikkingen/brief.txt` (which an installation overrides in its own
    template folder, EENPLAN_SJABLONEN_DIR). Plain text, never marked safe: pages escape it,
    the PDF shows it literally (common.documenten). Headings are underlined with `===`, so
    the PDF tags them as headings (ADR 0018)."""
    return brief_met_versie(beschikking)[0]


def schoon(tekst: str) -> str:
    """At most one blank line between blocks (what template tags leave behind), so every
    `===` heading is a block of its own in the PDF."""
    return re.sub(r"\n{3,}", "\n\n", tekst).strip() + "\n"


def brief_pdf(beschikking: Beschikking, vandaag: dt.date) -> bytes:
    """The letter as PDF/A: the bytes stored when it was sent (never made again), else a
    preview from the preview text, its title marked as such."""
    if beschikking.verzonden_op is not None and beschikking.brief_pdf:
        return bytes(beschikking.brief_pdf)
    return _pdf(beschikking, brief_tekst(beschikking, vandaag))


def _pdf(beschikking: Beschikking, tekst: str) -> bytes:
    onderwerp = (
        "Besluit over schuldhulpverlening"
        if beschikking.aanvraag.wet == Wet.SCHULDHULP
        else "Besluit op uw aanvraag"
    )
    titel = f"{onderwerp} - {beschikking.inwoner.naam}"
    if beschikking.verzonden_op is None or not beschikking.brief:
        titel = f"VOORBEELD, niet verzonden - {titel}"
    return brief_naar_pdf(beschikking.gemeente, titel=titel, tekst=tekst)


def brief_naar_pdf(gemeente: Gemeente, *, titel: str, tekst: str) -> bytes:
    """A letter of the municipality as PDF/A, with its logo (if any) above the letterhead:
    one way for every letter (beschikking, beslissing op bezwaar, klacht, 4:14-bericht)."""
    return tekst_naar_pdf(
        titel=titel,
        tekst=tekst,
        auteur=f"Gemeente {gemeente.naam}",
        logo=bytes(gemeente.logo or b""),
        logo_alt=f"Logo van de gemeente {gemeente.naam}",
    )


def brief_vastleggen(beschikking: Beschikking) -> None:
    """At sending: the text, the PDF and the template version as sent, on the record (the
    caller saves). Set `verzonden_op` and `bezwaar_uiterlijk` first: the letter names them."""
    beschikking.brief, beschikking.brief_sjabloon = brief_met_versie(beschikking)
    beschikking.brief_pdf = _pdf(beschikking, beschikking.brief)
