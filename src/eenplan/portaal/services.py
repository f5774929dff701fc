"""The portal's writes that need more than one call: each wraps the owning app's service (never
its tables) in one transaction, so the page and the API act the same way.

- `bezwaar_indienen`: a bezwaar against a sent beschikking (Awb 6:4, 6:5) through
  `bezwaren.services.bezwaar_register`; one running bezwaar per beschikking from the portal
  (a second click or a second tab is refused, the beschikking's row lock decides).
- `klacht_indienen`: a complaint (Awb 9:1) through `bezwaren.services.klacht_register`.
- `enquete_beantwoorden`: the client-experience survey through `beleid.services`.
- `plan_ondertekenen`, `deelnemer_met_toestemming`: signing the plan and consent for a person or
  organisation to join it, through `plannen.services` (pages and API alike).
- `aanvraag_indienen`: an aanvraag filed directly, without signing the plan (Wmo 2015 art. 2.3.2
  lid 9), through `plannen.services.aanvraag_file` or `beschikkingen.services.aanvraag_register`.

The access decision is the resident rules of `privacy.access` (`INWONER_RULES`): the portal's
view asks it for the case in the URL, and the bezwaren service asks it again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.beleid import selectors as beleid_selectors
from eenplan.beleid import services as beleid_services
from eenplan.beschikkingen.models import Aanvraag, Beschikking
from eenplan.beschikkingen.services import aanvraag_register
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.bezwaren.models import Bezwaar, Klacht
from eenplan.bezwaren.services import bezwaar_register, bezwaartermijn_einde, klacht_register
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.inwoners.services import netwerkpersoon_add, netwerkpersoon_end
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Deelnemer, Plan
from eenplan.portaal import selectors
from eenplan.privacy import access
from eenplan.privacy.constants import Grond
from eenplan.privacy.models import Machtiging
from eenplan.privacy.services import machtiging_give, machtiging_withdraw, toestemming_give
from eenplan.rules.aanvraag import beslissen_uiterlijk
from eenplan.rules.onderzoek import aanvraag_zonder_afgerond_onderzoek_toegestaan

AL_BEZWAAR = (
    "U hebt al bezwaar gemaakt tegen dit besluit, op {datum}. De gemeente behandelt het. Wilt u "
    "iets toevoegen? Neem dan contact op met de gemeente."
)


def indiener(actor: Any, inwoner: Inwoner) -> str:
    """Who files, as the register writes it: the resident, or the representative "namens"
    the resident with the ground (Awb 2:1: a bezwaar may be filed by a gemachtigde)."""
    eigen = access.Actor.of(actor)
    if eigen.inwoner_id == inwoner.pk:
        return inwoner.naam
    vertegenwoordiger = (
        Inwoner.objects.filter(pk=eigen.inwoner_id).first() if eigen.inwoner_id else None
    )
    naam = vertegenwoordiger.naam if vertegenwoordiger else "Onbekend"
    grond = access.grond_voor(eigen, inwoner.pk) or ""
    label = str(Grond(grond).label).lower() if grond in Grond.values else "vertegenwoordiger"
    return f"{naam} ({label}) namens {inwoner.naam}"[:200]


@transaction.atomic
def bezwaar_indienen(
    *,
    inwoner: Inwoner,
    beschikking: Beschikking,
    gronden: str,
    reden_te_laat: str,
    actor: Any,
    via: access.Via,
    vandaag: dt.date | None = None,
) -> Bezwaar:
    """File a bezwaar today against one of the resident's sent beschikkingen. A late bezwaar
    is filed too (the register marks it late, or late but excusable with a reason, Awb 6:11).
    Refused (ValidationError, nothing written) when a bezwaar against it is still running."""
    vandaag = vandaag or timezone.localdate()
    vergrendeld = Beschikking.objects.select_for_update(of=("self",)).get(pk=beschikking.pk)
    lopend = (
        Bezwaar.objects.filter(beschikking=vergrendeld, uitkomst=BezwaarUitkomst.LOPEND)
        .order_by("-ontvangen_op")
        .first()
    )
    if lopend is not None:
        raise ValidationError(
            {"gronden": AL_BEZWAAR.format(datum=f"{lopend.ontvangen_op:%d-%m-%Y}")}
        )
    if vandaag <= bezwaartermijn_einde(vergrendeld):
        reden_te_laat = ""  # on time: no reason for lateness is recorded
    return bezwaar_register(
        beschikking=vergrendeld,
        inwoner=inwoner,
        ontvangen_op=vandaag,
        gronden=gronden,
        ingediend_door=indiener(actor, inwoner),
        actor=actor,
        verschoonbaar_reden=reden_te_laat,
        via=via,
    )


def klacht_indienen(
    *,
    inwoner: Inwoner,
    onderwerp: str,
    actor: Any,
    via: access.Via,
    vandaag: dt.date | None = None,
) -> Klacht:
    """File a complaint today about how the municipality treated this resident (Awb 9:1)."""
    return klacht_register(
        gemeente=inwoner.gemeente,
        inwoner=inwoner,
        ingediend_door=indiener(actor, inwoner),
        ontvangen_op=vandaag or timezone.localdate(),
        onderwerp=onderwerp,
        actor=actor,
        via=via,
    )


# --- the client-experience survey (Wmo 2015 art. 2.5.1) ---------------------------------------

NIET_UITGENODIGD = (
    "U bent dit jaar niet uitgenodigd voor het onderzoek naar de ervaringen met de hulp. De "
    "gemeente nodigt elk jaar een deel van de inwoners met hulp uit."
)


def enquete_beantwoorden(
    *, inwoner: Inwoner, scores: dict[str, int | None], vandaag: dt.date | None = None
) -> None:
    """Answer the resident's open invitation through `beleid.services.antwoorden_opslaan`, as
    the link in the letter does: the answers are stored with the wijk and provider only, the
    invitation marked used; twice, after closing or out of range is refused (ValidationError,
    nothing stored)."""
    vandaag = vandaag or timezone.localdate()
    uitnodiging = beleid_selectors.uitnodiging_van_inwoner(inwoner_id=inwoner.pk, vandaag=vandaag)
    if uitnodiging is None:
        raise ValidationError(NIET_UITGENODIGD)
    beleid_services.antwoorden_opslaan(
        token=beleid_services.uitnodiging_token(uitnodiging), scores=scores, vandaag=vandaag
    )


def scores_uit(data: Any, codes: list[str]) -> dict[str, int | None]:
    """The answers of a form or a JSON body: per question 1-5, or None for 'weet ik niet'.
    Another value is kept as given so the beleid service refuses it in Dutch."""
    scores: dict[str, int | None] = {}
    for code in codes:
        waarde = data.get(code)
        if waarde in (None, ""):
            scores[code] = None
        else:
            try:
                scores[code] = int(waarde)
            except (TypeError, ValueError):
                scores[code] = 0  # not 1-5: refused by the service with its Dutch message
    return scores


# --- machtigingen (the resident's own, BW 7:400) -----------------------------------------------

NIET_GEVONDEN = (
    "We vinden niemand in onze gemeente met dit BSN en deze geboortedatum. Kijk of beide "
    "goed zijn ingevuld."
)


def machtiging_geven(
    *,
    inwoner: Inwoner,
    bsn: str,
    geboortedatum: dt.date,
    soort: str,
    tot: dt.date,
    door: Any,
    vandaag: dt.date | None = None,
) -> Machtiging:
    """The resident authorises another resident of the municipality, identified by BSN and
    birth date together (a mismatch says only "we vinden niemand", never which of the two was
    wrong), from today until `tot` (not in the past). Refusals are ValidationErrors per field
    (`bsn`, `tot`, …); nothing is written then."""
    vandaag = vandaag or timezone.localdate()
    gemachtigde = selectors.inwoner_met_bsn(inwoner.gemeente_id, bsn, geboortedatum)
    if gemachtigde is None:
        raise ValidationError({"bsn": NIET_GEVONDEN})
    if tot < vandaag:
        raise ValidationError({"tot": "Kies een datum vanaf vandaag."})
    try:
        return machtiging_give(
            inwoner=inwoner, gemachtigde=gemachtigde, soort=soort, van=vandaag, tot=tot, door=door
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "gemachtigde" in exc.error_dict:
            raise ValidationError({"bsn": exc.message_dict["gemachtigde"]}) from exc
        raise


# --- representation recorded by staff on behalf of a resident ----------------------------------

WETTELIJK = {"mentor": "Mentor (BW 1:450)", "curator": "Curator (BW 1:378)"}
SOORTEN_VASTLEGGEN = {
    **WETTELIJK,
    "machtiging": "Machtiging (de inwoner tekende op papier)",
    "mantelzorger": "Mantelzorger met machtiging (op papier)",
}
VASTLEGGEN_KEUZES = list(SOORTEN_VASTLEGGEN.items())  # the API's enum (ENUM_NAME_OVERRIDES)


@transaction.atomic
def vertegenwoordiging_vastleggen(
    *,
    actor: Any,
    inwoner: Inwoner,
    bsn: str,
    geboortedatum: dt.date,
    soort: str,
    van: dt.date,
    tot: dt.date | None,
    bewijs: str,
    via: access.Via,
) -> Netwerkpersoon | Machtiging:
    """A staff member records who may act for a resident: a wettelijk vertegenwoordiger
    (mentor or curator, with the court decision as `bewijs`) as the resident's network person
    linked to the representative's own Inwoner, or a machtiging the resident signed on paper.
    Decided by `privacy.access` (resource machtiging, wijzigen; need-to-know) and logged. The
    representative then sees the case in the portal (`access.vertegenwoordigden`)."""
    access.require(
        actor, access.Resource.MACHTIGING, access.Action.WIJZIGEN, via=via, inwoner=inwoner
    )
    fouten: dict[str, str] = {}
    if soort not in SOORTEN_VASTLEGGEN:
        fouten["soort"] = "Kies wat deze persoon mag doen."
    if tot is not None and tot < van:
        fouten["tot"] = "De einddatum ligt vóór de begindatum."
    if soort in WETTELIJK and len(bewijs.strip()) < 5:
        fouten["bewijs"] = (
            "Noem de uitspraak van de rechter, bijvoorbeeld: beschikking rechtbank Limburg, "
            "12 maart 2026."
        )
    if soort not in WETTELIJK and tot is None:
        fouten["tot"] = "Vul in tot wanneer de machtiging geldt."
    vertegenwoordiger = selectors.inwoner_met_bsn(inwoner.gemeente_id, bsn, geboortedatum)
    if vertegenwoordiger is None:
        fouten["bsn"] = NIET_GEVONDEN
    elif vertegenwoordiger.pk == inwoner.pk:
        fouten["bsn"] = "Iemand vertegenwoordigt niet zichzelf."
    if fouten:
        raise ValidationError(fouten)
    assert vertegenwoordiger is not None
    door = access.Actor.of(actor).user
    if soort in WETTELIJK:
        return netwerkpersoon_add(
            inwoner=inwoner,
            soort=NetwerkSoort.VERTEGENWOORDIGER,
            naam=vertegenwoordiger.naam,
            relatie=f"{soort}: {bewijs.strip()}"[:100],
            als_inwoner=vertegenwoordiger,
            sinds=van,
        )
    return machtiging_give(
        inwoner=inwoner, gemachtigde=vertegenwoordiger, soort=soort, van=van, tot=tot, door=door
    )


@transaction.atomic
def vertegenwoordiging_beeindigen(
    *,
    actor: Any,
    inwoner: Inwoner,
    wettelijk: Netwerkpersoon | None = None,
    machtiging: Machtiging | None = None,
    op: dt.date,
    via: access.Via,
) -> None:
    """End a recorded wettelijke vertegenwoordiging (its last day `op`) or withdraw a machtiging
    (from `op`); the records stay. Decided and logged like recording."""
    access.require(
        actor, access.Resource.MACHTIGING, access.Action.WIJZIGEN, via=via, inwoner=inwoner
    )
    if wettelijk is not None:
        netwerkpersoon_end(persoon=wettelijk, tot=op)
    if machtiging is not None:
        machtiging_withdraw(machtiging=machtiging, op=op)


# --- the plan: signing and consent (pages and API) ---------------------------------------------


def ondertekenaar_voor(actor: Any, inwoner: Inwoner) -> Inwoner | Netwerkpersoon | None:
    """Who signs: the resident; for a minor the parent (the login); a wettelijk
    vertegenwoordiger as the network person recorded for the resident."""
    eigen = access.Actor.of(actor)
    grond = access.grond_voor(eigen, inwoner.pk)
    if grond == Grond.ZELF:
        return inwoner
    if grond == Grond.GEZAG and eigen.inwoner_id is not None:
        return Inwoner.objects.filter(pk=eigen.inwoner_id).first()
    if grond == Grond.WETTELIJK:
        return Netwerkpersoon.objects.filter(
            inwoner=inwoner, als_inwoner_id=eigen.inwoner_id, soort=NetwerkSoort.VERTEGENWOORDIGER
        ).first()
    return None


def plan_ondertekenen(
    *, inwoner: Inwoner, plan: Plan, actor: Any, vandaag: dt.date | None = None
) -> list[Any]:
    """Sign the plan today: its maatwerk proposals become aanvragen (`plannen.plan_sign`)."""
    ondertekenaar = ondertekenaar_voor(actor, inwoner)
    if ondertekenaar is None:
        raise ValidationError(
            "U kunt dit plan niet ondertekenen. Dat doet de inwoner zelf, een ouder met gezag of "
            "de wettelijk vertegenwoordiger."
        )
    return plannen.plan_sign(
        plan=plan,
        ondertekenaar=ondertekenaar,
        op=vandaag or timezone.localdate(),
        actor=actor,
    )


@transaction.atomic
def deelnemer_met_toestemming(
    *, inwoner: Inwoner, plan: Plan, aan: str, rol: str, actor: Any, vandaag: dt.date | None = None
) -> Deelnemer:
    """The resident's consent for a person or organisation to join the plan is recorded, then
    the participant; both or neither."""
    fouten = {}
    if not aan.strip():
        fouten["aan"] = "Schrijf op wie mag meedoen."
    if not rol.strip():
        fouten["rol"] = "Schrijf op wat deze persoon of organisatie doet."
    if fouten:
        raise ValidationError(fouten)
    toestemming = toestemming_give(
        inwoner=inwoner,
        aan=aan.strip(),
        doel="Deelnemen aan het plan",
        gegeven_op=vandaag or timezone.localdate(),
        door=actor,
    )
    return plannen.deelnemer_add(
        plan=plan, rol=rol.strip(), toestemming=toestemming, actor=actor, organisatie=aan.strip()
    )


# --- an aanvraag filed directly (Wmo 2015 art. 2.3.2 lid 9) --------------------------------------

# The laws a resident applies under from the portal; Participatiewet (levensonderhoud) has its own
# form in the participatie app.
AANVRAAG_WETTEN = {"wmo": "Wmo (hulp thuis, vervoer, hulpmiddelen)", "jeugd": "Jeugdwet"}
AANVRAAG_WET_KEUZES = list(AANVRAAG_WETTEN.items())  # the API's enum (ENUM_NAME_OVERRIDES)
OMSCHRIJVING_MAX = 300  # beschikkingen.Aanvraag.omschrijving
TOELICHTING_MAX = 2000
NOG_GEEN_MELDING = (
    "U kunt nog geen aanvraag doen. Doe eerst een melding; de gemeente praat dan met u over wat "
    "u nodig hebt."
)
ONDERZOEK_LOOPT = (
    "U kunt nog geen aanvraag doen. De gemeente praat eerst met u (het onderzoek). Dat gesprek "
    "is nog niet klaar. Vanaf {datum} kunt u toch een aanvraag doen (Wmo 2015 art. 2.3.2 lid 9)."
)


def direct_aanvragen_vanaf(inwoner: Inwoner, vandaag: dt.date) -> tuple[bool, str]:
    """May the resident file an aanvraag today without a finished onderzoek? (True, "") after
    the onderzoek (the verslag final) or once its six weeks passed; else (False, why in words).
    The rule is `rules.onderzoek.aanvraag_zonder_afgerond_onderzoek_toegestaan`."""
    onderzoek = selectors.laatste_onderzoek(inwoner)
    melding = onderzoek.melding if onderzoek else selectors.meldingen(inwoner).first()
    if melding is None:
        return False, NOG_GEEN_MELDING
    if aanvraag_zonder_afgerond_onderzoek_toegestaan(
        melding.onderzoek_uiterlijk,
        vandaag,
        verslag_definitief=bool(onderzoek and onderzoek.verslag_definitief_op),
    ):
        return True, ""
    if melding.onderzoek_uiterlijk is None:
        return False, NOG_GEEN_MELDING
    vanaf = melding.onderzoek_uiterlijk + dt.timedelta(days=1)
    return False, ONDERZOEK_LOOPT.format(datum=f"{vanaf:%d-%m-%Y}")


def beslistermijn_uitleg(wet: str, ontvangen_op: dt.date) -> str:
    """The decision term in plain words, with its last day and the article it comes from."""
    einde = beslissen_uiterlijk(wet, ontvangen_op, extra=gelijkgestelde_dagen())
    if wet == "wmo":
        return (
            f"De gemeente beslist binnen 2 weken: uiterlijk {einde:%d-%m-%Y}. Zo staat het in de "
            "Wmo 2015 (artikel 2.3.5 lid 2). U krijgt het besluit in een brief."
        )
    return (
        f"De gemeente beslist zo snel als het kan, en binnen 8 weken: uiterlijk {einde:%d-%m-%Y}. "
        "Zo staat het in de Algemene wet bestuursrecht (artikel 4:13). U krijgt het besluit in "
        "een brief."
    )


@transaction.atomic
def aanvraag_indienen(
    *,
    inwoner: Inwoner,
    omschrijving: str,
    wet: str,
    toelichting: str,
    actor: Any,
    via: access.Via,
    vandaag: dt.date | None = None,
) -> Aanvraag:
    """File an aanvraag today, without signing the plan (seed 000 L1973-1976: the resident may
    apply for something else; Wmo 2015 art. 2.3.2 lid 9: after the onderzoek, or once it took
    longer than six weeks). With an active plan through `plannen.services.aanvraag_file` (so
    the plan records it, deviating from the advice or not); without one straight through
    `beschikkingen.services.aanvraag_register`. The resident or a representative files; a
    mantelzorger does not (`access.INWONER_RULES[(aanvraag, aanmaken)]`). Refusals are
    ValidationErrors per field; nothing is written then."""
    access.require_inwoner(
        actor, access.Resource.AANVRAAG, access.Action.AANMAKEN, via=via, inwoner=inwoner.pk
    )
    vandaag = vandaag or timezone.localdate()
    fouten: dict[str, str] = {}
    omschrijving, toelichting = omschrijving.strip(), toelichting.strip()
    if wet not in AANVRAAG_WETTEN:
        fouten["wet"] = "Kies waarvoor u hulp vraagt: Wmo of Jeugdwet."
    if len(omschrijving) < 5:
        fouten["omschrijving"] = "Schrijf op wat u aanvraagt, bijvoorbeeld: een traplift."
    elif len(omschrijving) > OMSCHRIJVING_MAX:
        fouten["omschrijving"] = (
            f"Uw tekst is {len(omschrijving)} tekens lang; er passen er {OMSCHRIJVING_MAX}. "
            "Schrijf de uitleg in het tweede vak."
        )
    if len(toelichting) > TOELICHTING_MAX:
        fouten["toelichting"] = (
            f"Uw uitleg is {len(toelichting)} tekens lang; er passen er {TOELICHTING_MAX}."
        )
    if fouten:
        raise ValidationError(fouten)
    mag, waarom = direct_aanvragen_vanaf(inwoner, vandaag)
    if not mag:
        raise ValidationError({"omschrijving": waarom})
    ingediend_door = indiener(actor, inwoner)
    plan = selectors.plan(inwoner)
    if plan is not None:  # the selector gives only an active plan
        return plannen.aanvraag_file(
            plan=plan,
            inwoner=inwoner,
            omschrijving=omschrijving,
            wet=wet,
            ontvangen_op=vandaag,
            ingediend_door=ingediend_door,
            actor=actor,
            toelichting=toelichting,
        )
    return aanvraag_register(
        inwoner=inwoner,
        omschrijving=omschrijving,
        wet=wet,
        ontvangen_op=vandaag,
        ingediend_door=ingediend_door,
        door=access.Actor.of(actor).user,
        toelichting=toelichting,
    )
