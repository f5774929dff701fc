"""Writes of bezwaar (Awb 6:7-6:11, 7:10) and klacht (Awb 9:11).

Like every write service, each takes the `actor` and asks `privacy.access` (through
`beschikkingen.services.vereis_toegang`) before it changes anything; every state change publishes
its event (`bezwaar.ontvangen/informeel_gesprek/verdaagd/beslist`, `klacht.ontvangen/afgehandeld`;
ADR 0013) with a Dutch sentence for the dossier's timeline. A decision on a bezwaar that names a
new beschikking marks it as the revision through `beschikkingen.services.beschikking_herzien`
(this app never writes the beschikkingen tables itself).
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.beschikkingen.constants import BriefSoort
from eenplan.beschikkingen.models import Beschikking
from eenplan.beschikkingen.services import (
    OMBUDSMAN,
    ActorLike,
    actief_sjabloon,
    beschikking_herzien,
    brief_naar_pdf,
    datum_tekst,
    publiceer,
    sjabloon_invullen,
    vereis_toegang,
)
from eenplan.beschikkingen.verzending import (
    Uitgaand,
    adres_regel,
    bron_registreren,
    verzending_plannen,
)
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.datums import datums_check
from eenplan.common.documenten import render_text
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import datums, grondslagen
from eenplan.rules import voorziening as voorziening_rules
from eenplan.rules.termijnen import beslissing_op_bezwaar_uiterlijk, bezwaar_uiterlijk

TIJDIGHEID_TEKST = {
    "tijdig": "op tijd",
    "te_laat": "te laat",
    "te_laat_verschoonbaar": "te laat, verschoonbaar",
}


@transaction.atomic
@schrijft("beschikking", verhogen=False)
def bezwaar_register(
    *,
    beschikking: Beschikking,
    inwoner: Inwoner,
    ontvangen_op: dt.date,
    gronden: str,
    ingediend_door: str,
    actor: ActorLike,
    ter_post_bezorgd_op: dt.date | None = None,
    adviescommissie: bool = False,
    verschoonbaar_reden: str = "",
    via: access.Via | None = None,
) -> Bezwaar:
    """Register a bezwaar against a sent decision of this resident; on time or late per Awb
    6:7-6:9 (late but excusable per 6:11); decision term per Awb 7:10."""
    door = vereis_toegang(
        actor, Resource.BEZWAAR, Action.AANMAKEN, via, beschikking.inwoner_id
    ).user
    datums_check(
        datums.GEBEURTENIS, ontvangen_op=ontvangen_op, ter_post_bezorgd_op=ter_post_bezorgd_op
    )
    if beschikking.inwoner_id != inwoner.pk:
        raise ValidationError({"beschikking": "Deze beschikking gaat over een andere inwoner."})
    if beschikking.verzonden_op is None:
        raise ValidationError({"beschikking": "Deze beschikking is nog niet verzonden."})
    if ontvangen_op > timezone.localdate() or ontvangen_op < beschikking.verzonden_op:
        raise ValidationError(
            {
                "ontvangen_op": "De ontvangstdatum ligt in de toekomst of vóór "
                "de verzending van het besluit."
            }
        )
    if not gronden.strip():
        raise ValidationError({"gronden": "Neem de gronden van het bezwaar over."})
    extra = gelijkgestelde_dagen()
    tijdigheid = voorziening_rules.bezwaar_tijdigheid(
        beschikking_verzonden=beschikking.verzonden_op,
        ontvangen_op=ontvangen_op,
        ter_post_bezorgd_op=ter_post_bezorgd_op,
        verschoonbaar=bool(verschoonbaar_reden.strip()),
        extra=extra,
    )
    # Awb 7:10 lid 1: from the day after the bezwaar term ended, whatever day the bezwaar came in
    # (also one posted in time and received later, 6:9).
    start = bezwaartermijn_einde(beschikking)
    bezwaar = Bezwaar.objects.create(
        beschikking=beschikking,
        ingediend_door=ingediend_door,
        ontvangen_op=ontvangen_op,
        ter_post_bezorgd_op=ter_post_bezorgd_op,
        tijdigheid=tijdigheid,
        verschoonbaar_reden=verschoonbaar_reden.strip(),
        gronden=gronden.strip(),
        adviescommissie=adviescommissie,
        vastgelegd_door=door,
        beslissen_uiterlijk=beslissing_op_bezwaar_uiterlijk(
            start, adviescommissie=adviescommissie, extra=extra
        ),
    )
    publiceer(
        "bezwaar.ontvangen",
        record=bezwaar,
        omschrijving=f"Bezwaar ontvangen tegen beschikking {beschikking.pk} "
        f"({TIJDIGHEID_TEKST.get(str(tijdigheid), str(tijdigheid))}; beslissen uiterlijk "
        f"{datum_tekst(bezwaar.beslissen_uiterlijk)})",
        user=door,
        inwoner_id=beschikking.inwoner_id,
        beschikking=beschikking.pk,
    )
    return bezwaar


def bezwaartermijn_einde(beschikking: Beschikking) -> dt.date:
    """The last day of the bezwaar term as sent (Awb 6:7, 6:8 with the Atw): the date the
    letter names (`rules.termijnen.bezwaar_uiterlijk` when it was sent), the same day the staff
    pages and the inwonersportaal show."""
    if beschikking.bezwaar_uiterlijk is not None:
        return beschikking.bezwaar_uiterlijk
    assert beschikking.verzonden_op is not None  # a bezwaar is only against a sent decision
    return bezwaar_uiterlijk(beschikking.verzonden_op, extra=gelijkgestelde_dagen())


def bezwaar_verdaagd_uiterlijk(bezwaar: Bezwaar) -> dt.date:
    """The last day to decide once the term is extended (shown before the person confirms);
    Awb 7:10 lid 3, counted from the end of the bezwaar term (lid 1)."""
    return beslissing_op_bezwaar_uiterlijk(
        bezwaartermijn_einde(bezwaar.beschikking),
        adviescommissie=bezwaar.adviescommissie,
        verdaagd=True,
        extra=gelijkgestelde_dagen(),
    )


@transaction.atomic
@schrijft("bezwaar")
def bezwaar_postpone(
    *, bezwaar: Bezwaar, actor: ActorLike, via: access.Via | None = None
) -> Bezwaar:
    """Extend the decision term once by six weeks (Awb 7:10 lid 3)."""
    actor = vereis_toegang(
        actor, Resource.BEZWAAR, Action.BEHANDELEN, via, bezwaar.beschikking.inwoner_id
    )
    if bezwaar.verdaagd:
        raise Conflict("De beslistermijn is al eens verdaagd (Awb 7:10 lid 3).")
    if bezwaar.uitkomst != BezwaarUitkomst.LOPEND:
        raise Conflict("Op dit bezwaar is al beslist.")
    bezwaar.beslissen_uiterlijk = bezwaar_verdaagd_uiterlijk(bezwaar)
    bezwaar.verdaagd = True
    bezwaar.save(update_fields=["beslissen_uiterlijk", "verdaagd", "updated_at"])
    publiceer(
        "bezwaar.verdaagd",
        record=bezwaar,
        omschrijving=f"Beslissing op bezwaar tegen beschikking {bezwaar.beschikking_id} verdaagd "
        f"tot uiterlijk {datum_tekst(bezwaar.beslissen_uiterlijk)}",
        user=actor.user,
        inwoner_id=bezwaar.beschikking.inwoner_id,
        beslissen_uiterlijk=bezwaar.beslissen_uiterlijk,
    )
    return bezwaar


@transaction.atomic
@schrijft("bezwaar", "nieuwe_beschikking")
def bezwaar_decide(
    *,
    bezwaar: Bezwaar,
    uitkomst: str,
    besloten_op: dt.date,
    actor: ActorLike,
    nieuwe_beschikking: Beschikking | None = None,
    motivering: str = "",
    via: access.Via | None = None,
) -> Bezwaar:
    """Decide on a bezwaar (Awb 7:11) and send the decision: the letter with the reasoning,
    the outcome, the new beschikking when upheld, and the beroep clause with its last day
    (Awb 6:7, 6:8, 8:1) is stored as sent, with its PDF (never rendered again). A withdrawn
    bezwaar gets no letter."""
    actor = vereis_toegang(
        actor, Resource.BEZWAAR, Action.BEHANDELEN, via, bezwaar.beschikking.inwoner_id
    )
    if bezwaar.uitkomst != BezwaarUitkomst.LOPEND:
        raise Conflict("Op dit bezwaar is al beslist.")
    if uitkomst not in BezwaarUitkomst.values or uitkomst == BezwaarUitkomst.LOPEND:
        raise ValidationError({"uitkomst": "Kies de uitkomst van het bezwaar."})
    if besloten_op > timezone.localdate() or besloten_op < bezwaar.ontvangen_op:
        raise ValidationError(
            {"besloten_op": "De besluitdatum ligt in de toekomst of vóór het bezwaar."}
        )
    if (
        nieuwe_beschikking is not None
        and nieuwe_beschikking.inwoner_id != bezwaar.beschikking.inwoner_id
    ):
        raise ValidationError(
            {"nieuwe_beschikking": "Die beschikking gaat over een andere inwoner."}
        )
    if (
        uitkomst in (BezwaarUitkomst.GEGROND, BezwaarUitkomst.DEELS_GEGROND)
        and nieuwe_beschikking is not None
        and nieuwe_beschikking.pk == bezwaar.beschikking_id
    ):
        raise ValidationError(
            {"nieuwe_beschikking": "Kies het nieuwe besluit, niet het besluit van het bezwaar."}
        )
    bezwaar.uitkomst, bezwaar.besloten_op = uitkomst, besloten_op
    bezwaar.nieuwe_beschikking = nieuwe_beschikking
    bezwaar.motivering = motivering.strip()
    velden = ["uitkomst", "besloten_op", "nieuwe_beschikking", "motivering", "updated_at"]
    if uitkomst != BezwaarUitkomst.INGETROKKEN:
        # Beroep: six weeks (Awb 6:7) from the day after sending (6:8 lid 1), with the Atw —
        # the same count as the bezwaar term.
        bezwaar.beroep_uiterlijk = bezwaar_uiterlijk(besloten_op, extra=gelijkgestelde_dagen())
        bezwaar.brief, bezwaar.brief_sjabloon = beslissing_brief_met_versie(bezwaar, actor.user)
        bezwaar.brief_pdf = brief_naar_pdf(
            bezwaar.beschikking.gemeente,
            titel=f"Beslissing op bezwaar - {bezwaar.kenmerk}",
            tekst=bezwaar.brief,
        )
        velden += ["beroep_uiterlijk", "brief", "brief_pdf", "brief_sjabloon"]
    bezwaar.save(update_fields=velden)
    if uitkomst != BezwaarUitkomst.INGETROKKEN:
        verzending_plannen(
            gemeente=bezwaar.beschikking.gemeente,
            soort=BriefSoort.BESLISSING_OP_BEZWAAR,
            bron_id=bezwaar.pk,
            kenmerk=bezwaar.kenmerk,
            inwoner_id=bezwaar.beschikking.inwoner_id,
        )
    if nieuwe_beschikking is not None:
        # The new decision revises the one objected to; exports and OP043 follow the newest.
        beschikking_herzien(beschikking=nieuwe_beschikking, herziet=bezwaar.beschikking)
    publiceer(
        "bezwaar.beslist",
        record=bezwaar,
        omschrijving=f"Beslist op bezwaar tegen beschikking {bezwaar.beschikking_id}: "
        f"{bezwaar.get_uitkomst_display().lower()}"
        + (
            f" (nieuwe beschikking {nieuwe_beschikking.pk})"
            if nieuwe_beschikking is not None
            else ""
        ),
        user=actor.user,
        inwoner_id=bezwaar.beschikking.inwoner_id,
        uitkomst=uitkomst,
        nieuwe_beschikking=nieuwe_beschikking.pk if nieuwe_beschikking else None,
    )
    return bezwaar


def _contact(gemeente: Gemeente, door: object) -> dict[str, str]:
    naam = door.get_full_name() or door.get_username()  # type: ignore[attr-defined]
    return {
        "naam": naam,
        "telefoon": gemeente.telefoon,
        "email": getattr(door, "email", "") or gemeente.email,
    }


def _schoon(tekst: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", tekst).strip() + "\n"


def _adres(inwoner: Inwoner | None) -> str:
    if inwoner is None:
        return ""
    return (
        f"{inwoner.straat} {inwoner.huisnummer}{inwoner.huisnummer_toevoeging}\n"
        f"{inwoner.postcode[:4]} {inwoner.postcode[4:]} {inwoner.woonplaats}"
    )


# The standard letters of the product; an installation may override them in its own template
# folder (EENPLAN_SJABLONEN_DIR). A municipality words its own through BriefSjabloon (ADR 0020).
BESLISSING_SJABLOON = "bezwaren/beslissing_op_bezwaar.txt"
KLACHT_SJABLOON = "bezwaren/klacht_afhandeling.txt"
BESLISSING_SJABLOON_VERSIE = f"{BESLISSING_SJABLOON} versie 1"
KLACHT_SJABLOON_VERSIE = f"{KLACHT_SJABLOON} versie 1"


def _uitkomst_zin(bezwaar: Bezwaar) -> str:
    """The outcome in plain words (the same sentences as the standard letter)."""
    return render_text(
        "bezwaren/brief/uitkomst.txt", {"bezwaar": bezwaar, "nieuw": bezwaar.nieuwe_beschikking}
    ).strip()


def beslissing_sjabloon_waarden(bezwaar: Bezwaar, door: object) -> dict[str, str]:
    """The placeholders of the municipality's template for a decision on bezwaar
    (`PLAATSHOUDERS[beslissing_op_bezwaar]`), as plain strings."""
    gemeente = bezwaar.beschikking.gemeente
    contact = _contact(gemeente, door)
    gesprek = bezwaar.informeel_gesprek_op
    return {
        "briefhoofd": render_text("beschikkingen/brief/briefhoofd.txt", {"g": gemeente}).strip(),
        "gemeente": gemeente.naam,
        "kenmerk": bezwaar.kenmerk,
        "datum": datum_tekst(bezwaar.besloten_op) if bezwaar.besloten_op else "",
        "contactpersoon": contact["naam"],
        "contact_telefoon": contact["telefoon"],
        "contact_email": contact["email"],
        "indiener": bezwaar.ingediend_door,
        "inwoner_adres": _adres(bezwaar.beschikking.inwoner),
        "kenmerk_besluit": bezwaar.beschikking.kenmerk,
        "besluit_datum": datum_tekst(bezwaar.beschikking.besloten_op),
        "bezwaar_datum": datum_tekst(bezwaar.ontvangen_op),
        "uitkomst": _uitkomst_zin(bezwaar),
        "motivering": bezwaar.motivering or "(geen motivering vastgelegd)",
        "informeel_gesprek": f"Wij hebben op {datum_tekst(gesprek)} met u gesproken over uw "
        "bezwaar."
        if gesprek
        else "",
        "beroep_uiterlijk": datum_tekst(bezwaar.beroep_uiterlijk)
        if bezwaar.beroep_uiterlijk
        else "",
        "grondslag_beroep": grondslagen.BEROEP,
    }


def beslissing_brief_met_versie(bezwaar: Bezwaar, door: object) -> tuple[str, str]:
    """The decision on bezwaar and the template it came from: the municipality's BriefSjabloon
    in force on the decision day, else the product's `bezwaren/beslissing_op_bezwaar.txt`."""
    gemeente = bezwaar.beschikking.gemeente
    op = bezwaar.besloten_op or timezone.localdate()
    sjabloon = actief_sjabloon(gemeente.pk, BriefSoort.BESLISSING_OP_BEZWAAR, op)
    if sjabloon is not None:
        tekst = sjabloon_invullen(sjabloon.tekst, beslissing_sjabloon_waarden(bezwaar, door))
        return _schoon(tekst), sjabloon.label
    tekst = render_text(
        BESLISSING_SJABLOON,
        {
            "bezwaar": bezwaar,
            "g": gemeente,
            "inwoner": bezwaar.beschikking.inwoner,
            "kenmerk": bezwaar.kenmerk,
            "kenmerk_besluit": bezwaar.beschikking.kenmerk,
            "nieuw": bezwaar.nieuwe_beschikking,
            "contact": _contact(gemeente, door),
            "grondslag_beroep": grondslagen.BEROEP,
        },
    )
    return _schoon(tekst), BESLISSING_SJABLOON_VERSIE


def beslissing_brief_render(bezwaar: Bezwaar, door: object) -> str:
    """The decision on bezwaar in plain Dutch (B1), with the beroep clause (Awb 6:7, 8:1).
    Plain text, never marked safe."""
    return beslissing_brief_met_versie(bezwaar, door)[0]


def klacht_sjabloon_waarden(klacht: Klacht, door: object) -> dict[str, str]:
    """The placeholders of the municipality's template for the complaint letter."""
    gemeente = klacht.gemeente
    contact = _contact(gemeente, door)
    return {
        "briefhoofd": render_text("beschikkingen/brief/briefhoofd.txt", {"g": gemeente}).strip(),
        "gemeente": gemeente.naam,
        "kenmerk": klacht.kenmerk,
        "datum": datum_tekst(klacht.afgehandeld_op) if klacht.afgehandeld_op else "",
        "contactpersoon": contact["naam"],
        "contact_telefoon": contact["telefoon"],
        "contact_email": contact["email"],
        "indiener": klacht.ingediend_door,
        "inwoner_adres": _adres(klacht.inwoner),
        "klacht_datum": datum_tekst(klacht.ontvangen_op),
        "onderwerp": klacht.onderwerp,
        "bevindingen": klacht.uitkomst,
        "ombudsman": OMBUDSMAN,
    }


def klacht_brief_met_versie(klacht: Klacht, door: object) -> tuple[str, str]:
    """The letter on the handling of a complaint (Awb art. 9:12) and its template: the
    municipality's BriefSjabloon in force, else `bezwaren/klacht_afhandeling.txt`."""
    op = klacht.afgehandeld_op or timezone.localdate()
    sjabloon = actief_sjabloon(klacht.gemeente_id, BriefSoort.KLACHT_AFHANDELING, op)
    if sjabloon is not None:
        tekst = sjabloon_invullen(sjabloon.tekst, klacht_sjabloon_waarden(klacht, door))
        return _schoon(tekst), sjabloon.label
    tekst = render_text(
        KLACHT_SJABLOON,
        {
            "klacht": klacht,
            "g": klacht.gemeente,
            "inwoner": klacht.inwoner,
            "kenmerk": klacht.kenmerk,
            "contact": _contact(klacht.gemeente, door),
            "ombudsman": OMBUDSMAN,
        },
    )
    return _schoon(tekst), KLACHT_SJABLOON_VERSIE


def klacht_brief_render(klacht: Klacht, door: object) -> str:
    """The letter on the handling of a complaint (Awb art. 9:12): findings, conclusions and the
    ombudsman to turn to; plain text."""
    return klacht_brief_met_versie(klacht, door)[0]


@transaction.atomic
def klacht_register(
    *,
    gemeente: Gemeente,
    ingediend_door: str,
    ontvangen_op: dt.date,
    onderwerp: str,
    actor: ActorLike,
    inwoner: Inwoner | None = None,
    commissie: bool = False,
    via: access.Via | None = None,
) -> Klacht:
    """A complaint, registered apart from bezwaren, with its handling term (Awb 9:11). About a
    resident only within need-to-know; without one on the role alone."""
    door = vereis_toegang(
        actor, Resource.KLACHT, Action.AANMAKEN, via, inwoner.pk if inwoner else None
    ).user
    if inwoner is not None and inwoner.gemeente_id != gemeente.pk:
        raise ValidationError({"inwoner": "Deze inwoner hoort bij een andere gemeente."})
    datums_check(datums.GEBEURTENIS, ontvangen_op=ontvangen_op)
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    if not onderwerp.strip():
        raise ValidationError({"onderwerp": "Beschrijf waarover de klacht gaat."})
    klacht = Klacht.objects.create(
        gemeente=gemeente,
        inwoner=inwoner,
        ingediend_door=ingediend_door,
        ontvangen_op=ontvangen_op,
        onderwerp=onderwerp.strip(),
        vastgelegd_door=door,
        advies=commissie,
        afhandelen_uiterlijk=voorziening_rules.klacht_afhandelen_uiterlijk(
            ontvangen_op, commissie=commissie, extra=gelijkgestelde_dagen()
        ),
    )
    publiceer(
        "klacht.ontvangen",
        record=klacht,
        omschrijving=f"Klacht ontvangen (afhandelen uiterlijk "
        f"{datum_tekst(klacht.afhandelen_uiterlijk)})",
        user=door,
        inwoner_id=klacht.inwoner_id,
    )
    return klacht


@transaction.atomic
@schrijft("bezwaar")
def bezwaar_informeel_gesprek(
    *, bezwaar: Bezwaar, op: dt.date, actor: ActorLike, via: access.Via | None = None
) -> Bezwaar:
    """The informal track: a conversation first (Hardenberg); recorded with its date."""
    actor = vereis_toegang(
        actor, Resource.BEZWAAR, Action.BEHANDELEN, via, bezwaar.beschikking.inwoner_id
    )
    if bezwaar.uitkomst != BezwaarUitkomst.LOPEND:
        raise Conflict("Op dit bezwaar is al beslist.")
    if op < bezwaar.ontvangen_op or op > timezone.localdate():
        raise ValidationError({"op": "Het gesprek ligt vóór het bezwaar of in de toekomst."})
    bezwaar.informeel_gesprek_op = op
    bezwaar.save(update_fields=["informeel_gesprek_op", "updated_at"])
    publiceer(
        "bezwaar.informeel_gesprek",
        record=bezwaar,
        omschrijving=f"Informeel gesprek over bezwaar tegen beschikking {bezwaar.beschikking_id} "
        f"op {datum_tekst(op)}",
        user=actor.user,
        inwoner_id=bezwaar.beschikking.inwoner_id,
    )
    return bezwaar


@transaction.atomic
@schrijft("klacht")
def klacht_settle(
    *, klacht: Klacht, op: dt.date, uitkomst: str, actor: ActorLike, via: access.Via | None = None
) -> Klacht:
    actor = vereis_toegang(actor, Resource.KLACHT, Action.BEHANDELEN, via, klacht.inwoner_id)
    if klacht.afgehandeld_op is not None:
        raise Conflict("Deze klacht is al afgehandeld.")
    if op < klacht.ontvangen_op or op > timezone.localdate():
        raise ValidationError({"op": "De datum ligt vóór de klacht of in de toekomst."})
    if not uitkomst.strip():
        raise ValidationError({"uitkomst": "Beschrijf hoe de klacht is afgehandeld."})
    klacht.afgehandeld_op, klacht.uitkomst = op, uitkomst.strip()
    # The written outcome with the ombudsman clause (Awb art. 9:12 lid 1 and 2), stored as sent.
    klacht.brief, klacht.brief_sjabloon = klacht_brief_met_versie(klacht, actor.user)
    klacht.brief_pdf = brief_naar_pdf(
        klacht.gemeente,
        titel=f"Afhandeling van uw klacht - {klacht.kenmerk}",
        tekst=klacht.brief,
    )
    klacht.save(
        update_fields=[
            "afgehandeld_op", "uitkomst", "brief", "brief_pdf", "brief_sjabloon", "updated_at"
        ]
    )  # fmt: skip
    verzending_plannen(
        gemeente=klacht.gemeente,
        soort=BriefSoort.KLACHT_AFHANDELING,
        bron_id=klacht.pk,
        kenmerk=klacht.kenmerk,
        inwoner_id=klacht.inwoner_id,
    )
    publiceer(
        "klacht.afgehandeld",
        record=klacht,
        omschrijving=f"Klacht afgehandeld op {datum_tekst(op)}",
        user=actor.user,
        inwoner_id=klacht.inwoner_id,
    )
    return klacht


# --- Sending (ADR 0021): the stored letters as the channels read them back --------------------


def _bezwaar_uitgaand(pk: int) -> Uitgaand:
    bezwaar = Bezwaar.objects.select_related("beschikking__inwoner", "beschikking__gemeente").get(
        pk=pk
    )
    inwoner = bezwaar.beschikking.inwoner
    return Uitgaand(
        kenmerk=bezwaar.kenmerk,
        gemeente=bezwaar.beschikking.gemeente.naam,
        naam=bezwaar.ingediend_door or inwoner.naam,
        adres=adres_regel(inwoner),
        email=inwoner.email,
        tekst=bezwaar.brief,
        pdf=bytes(bezwaar.brief_pdf),
    )


def _klacht_uitgaand(pk: int) -> Uitgaand:
    klacht = Klacht.objects.select_related("inwoner", "gemeente").get(pk=pk)
    inwoner = klacht.inwoner
    return Uitgaand(
        kenmerk=klacht.kenmerk,
        gemeente=klacht.gemeente.naam,
        naam=klacht.ingediend_door,
        adres=adres_regel(inwoner) if inwoner is not None else "",
        email=inwoner.email if inwoner is not None else "",
        tekst=klacht.brief,
        pdf=bytes(klacht.brief_pdf),
    )


bron_registreren(BriefSoort.BESLISSING_OP_BEZWAAR, _bezwaar_uitgaand)
bron_registreren(BriefSoort.KLACHT_AFHANDELING, _klacht_uitgaand)


# --- Klacht: postponing the handling (Awb 9:11 lid 2 and 3) ------------------------------------

KLACHT_VERDAGING_SJABLOON = "bezwaren/klacht_verdaging.txt"


def klacht_verdaagd_uiterlijk(klacht: Klacht) -> dt.date:
    """The last day once postponed by four weeks (Awb 9:11 lid 2), from the unextended term:
    six weeks, or ten with advice (lid 1, afdeling 9.1.3)."""
    return voorziening_rules.klacht_afhandelen_uiterlijk(
        klacht.ontvangen_op, commissie=klacht.advies, verdaagd=True, extra=gelijkgestelde_dagen()
    )


@transaction.atomic
@schrijft("klacht")
def klacht_postpone(
    *,
    klacht: Klacht,
    op: dt.date,
    reden: str,
    actor: ActorLike,
    via: access.Via | None = None,
) -> Klacht:
    """Postpone the handling once by at most four weeks, with written notice to the
    complainant (Awb 9:11 lid 2): the notice letter (reason and new last day) is stored as sent
    and goes through the municipality's channels. Refused: already handled or postponed, after
    the term ended, without a reason."""
    actor = vereis_toegang(actor, Resource.KLACHT, Action.BEHANDELEN, via, klacht.inwoner_id)
    if klacht.afgehandeld_op is not None:
        raise Conflict("Deze klacht is al afgehandeld.")
    if klacht.verdaagd_op is not None:
        raise Conflict(
            "De afhandeling is al eens verdaagd (Awb 9:11 lid 2). Verder uitstel kan alleen als "
            "de klager daar schriftelijk mee instemt (lid 3)."
        )
    if op < klacht.ontvangen_op or op > timezone.localdate():
        raise ValidationError({"op": "De datum ligt vóór de klacht of in de toekomst."})
    if op > klacht.afhandelen_uiterlijk:
        raise ValidationError(
            {"op": "De termijn is al voorbij; verdagen kan alleen binnen de termijn (Awb 9:11)."}
        )
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf waarom de afhandeling later komt."})
    klacht.verdaagd_op, klacht.verdaging_reden = op, reden.strip()
    klacht.afhandelen_uiterlijk = klacht_verdaagd_uiterlijk(klacht)
    klacht.verdaging_brief = _schoon(
        render_text(
            KLACHT_VERDAGING_SJABLOON,
            {
                "klacht": klacht,
                "g": klacht.gemeente,
                "inwoner": klacht.inwoner,
                "kenmerk": klacht.kenmerk,
                "contact": _contact(klacht.gemeente, actor.user),
            },
        )
    )
    klacht.verdaging_brief_pdf = brief_naar_pdf(
        klacht.gemeente,
        titel=f"Uw klacht: wij hebben meer tijd nodig - {klacht.kenmerk}",
        tekst=klacht.verdaging_brief,
    )
    klacht.save(
        update_fields=[
            "verdaagd_op", "verdaging_reden", "afhandelen_uiterlijk", "verdaging_brief",
            "verdaging_brief_pdf", "updated_at",
        ]
    )  # fmt: skip
    verzending_plannen(
        gemeente=klacht.gemeente,
        soort=BriefSoort.KLACHT_VERDAGING,
        bron_id=klacht.pk,
        kenmerk=f"{klacht.kenmerk}-V",
        inwoner_id=klacht.inwoner_id,
    )
    publiceer(
        "klacht.verdaagd",
        record=klacht,
        omschrijving=f"Afhandeling klacht verdaagd tot uiterlijk "
        f"{datum_tekst(klacht.afhandelen_uiterlijk)}",
        user=actor.user,
        inwoner_id=klacht.inwoner_id,
        afhandelen_uiterlijk=klacht.afhandelen_uiterlijk,
    )
    return klacht


@transaction.atomic
@schrijft("klacht")
def klacht_uitstel_met_toestemming(
    *,
    klacht: Klacht,
    tot: dt.date,
    toestemming: str,
    toestemming_op: dt.date,
    actor: ActorLike,
    via: access.Via | None = None,
) -> Klacht:
    """Further postponement, only with the complainant's written consent (Awb 9:11 lid 3): the
    consent (how and when given) is recorded, the new last day is the agreed one. Refused:
    handled already, no consent described, consent dated in the future or before the klacht,
    a day not later than the current last day."""
    actor = vereis_toegang(actor, Resource.KLACHT, Action.BEHANDELEN, via, klacht.inwoner_id)
    if klacht.afgehandeld_op is not None:
        raise Conflict("Deze klacht is al afgehandeld.")
    fouten: dict[str, str] = {}
    if not toestemming.strip():
        fouten["toestemming"] = (
            "Beschrijf de schriftelijke instemming van de klager, bijvoorbeeld 'e-mail van "
            "3 mei'. Zonder instemming kan de termijn niet verder (Awb 9:11 lid 3)."
        )
    if toestemming_op > timezone.localdate() or toestemming_op < klacht.ontvangen_op:
        fouten["toestemming_op"] = (
            "De datum van de instemming ligt in de toekomst of vóór de klacht."
        )
    if tot <= klacht.afhandelen_uiterlijk:
        fouten["tot"] = (
            f"Kies een dag na de huidige termijn ({datum_tekst(klacht.afhandelen_uiterlijk)})."
        )
    if fouten:
        raise ValidationError(fouten)
    klacht.uitgesteld_tot, klacht.toestemming = tot, toestemming.strip()
    klacht.toestemming_op = toestemming_op
    klacht.afhandelen_uiterlijk = voorziening_rules.klacht_afhandelen_uiterlijk(
        klacht.ontvangen_op,
        commissie=klacht.advies,
        verdaagd=klacht.verdaagd_op is not None,
        verder_uitgesteld_tot=tot,
        extra=gelijkgestelde_dagen(),
    )
    klacht.save(
        update_fields=[
            "uitgesteld_tot", "toestemming", "toestemming_op", "afhandelen_uiterlijk",
            "updated_at",
        ]
    )  # fmt: skip
    publiceer(
        "klacht.uitgesteld",
        record=klacht,
        omschrijving=f"Afhandeling klacht uitgesteld tot {datum_tekst(tot)} met instemming van "
        f"de klager ({klacht.toestemming})",
        user=actor.user,
        inwoner_id=klacht.inwoner_id,
        afhandelen_uiterlijk=klacht.afhandelen_uiterlijk,
    )
    return klacht


def _klacht_verdaging_uitgaand(pk: int) -> Uitgaand:
    brief = _klacht_uitgaand(pk)
    klacht = Klacht.objects.only("verdaging_brief", "verdaging_brief_pdf").get(pk=pk)
    return Uitgaand(
        **{
            **brief.__dict__,
            "kenmerk": f"{brief.kenmerk}-V",
            "tekst": klacht.verdaging_brief,
            "pdf": bytes(klacht.verdaging_brief_pdf),
        }
    )


bron_registreren(BriefSoort.KLACHT_VERDAGING, _klacht_verdaging_uitgaand)
