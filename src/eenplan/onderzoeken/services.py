"""Writes of the onderzoeken app. Each in one transaction; refusals change nothing.

Each service that changes an onderzoek receives the `actor` and first asks the one decision
point (`privacy.access`): its role may carry out onderzoeken (ONDERZOEK wijzigen; starting one:
ONDERZOEK aanmaken) and the resident is within its need-to-know scope. A refusal raises
`access.Refused` (403), is logged, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import Conflict, schrijft
from eenplan.common.datums import datums_check
from eenplan.common.documenten import render_text
from eenplan.events import soorten
from eenplan.events.bus import publish
from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.constants import Status as MeldingStatus
from eenplan.meldingen.models import Melding
from eenplan.onderzoeken import zrm
from eenplan.onderzoeken.constants import Deelnemer, OnderzoekStatus
from eenplan.onderzoeken.models import (
    Afweging,
    Anker,
    Gesprek,
    Instrument,
    Leefgebied,
    Onderzoek,
    OnderzoekOnderdeel,
    VerslagReactie,
    ZrmScore,
)
from eenplan.onderzoeken.selectors import onderzoek_ladder
from eenplan.privacy import access
from eenplan.rules import datums
from eenplan.rules.onderzoek import ONDERDELEN, LadderStap, verslag_ontbrekend

Actor = access.Actor | User


def _mag(actor: Actor, inwoner_id: int, handeling: access.Action = access.Action.WIJZIGEN) -> User:
    """Refuse (403, logged) unless the actor may do this to the resident's onderzoek; returns
    the login to record."""
    regel = access.RULES[(access.Resource.ONDERZOEK, handeling)]
    # Staff by their role and scope; a resident's login (the portal) by representation.
    access.require_actor(
        actor,
        access.Resource.ONDERZOEK,
        handeling,
        via=access.SERVICE,
        inwoner=inwoner_id,
        doel=regel.doel,
    )
    return access.Actor.of(actor).user


@transaction.atomic
def instrument_ensure_default() -> Instrument:
    """The ZRM instrument with its 11 domains and generic anchors (see onderzoeken/zrm.py)."""
    instrument, created = Instrument.objects.get_or_create(
        naam=zrm.NAAM, defaults={"versie": zrm.VERSIE, "bron": zrm.BRON}
    )
    if created:
        for volgorde, (code, naam) in enumerate(zrm.LEEFGEBIEDEN, start=1):
            leefgebied = Leefgebied.objects.create(
                instrument=instrument, code=code, naam=naam, volgorde=volgorde
            )
            Anker.objects.bulk_create(
                Anker(leefgebied=leefgebied, score=s, tekst=t) for s, t in zrm.ANKERS.items()
            )
    return instrument


def _lopend(onderzoek: Onderzoek) -> None:
    if onderzoek.status != OnderzoekStatus.LOPEND:
        raise ValidationError(
            "Het verslag is definitief; het onderzoek kan niet meer worden "
            "gewijzigd. Reacties van de inwoner kunnen wel worden toegevoegd."
        )


@transaction.atomic
@schrijft("melding", verhogen=False)
def onderzoek_start(*, melding: Melding, actor: Actor) -> Onderzoek:
    """Start the onderzoek of an assigned melding about a known resident."""
    inwoner = melding.inwoner
    if inwoner is None:
        raise ValidationError("Identificeer eerst de inwoner van deze melding.")
    door = _mag(actor, inwoner.pk, access.Action.AANMAKEN)
    # An onderzoek already running first: its start moved the melding on ("in onderzoek").
    if Onderzoek.objects.filter(melding=melding).exists():
        raise Conflict("Voor deze melding loopt al een onderzoek.")
    if melding.status != MeldingStatus.TOEGEWEZEN:
        raise ValidationError("Een onderzoek start bij een melding die is toegewezen.")
    medewerker = melding.medewerker or medewerker_for_user(door)
    if medewerker is None:
        raise ValidationError("Er is geen medewerker voor dit onderzoek.")
    onderzoek = Onderzoek.objects.create(
        melding=melding,
        inwoner=inwoner,
        huishouden=melding.huishouden,
        medewerker=medewerker,
    )
    OnderzoekOnderdeel.objects.bulk_create(
        OnderzoekOnderdeel(onderzoek=onderzoek, code=o.code) for o in ONDERDELEN
    )
    publish(
        soorten.ONDERZOEK_GESTART,
        record=onderzoek,
        omschrijving=f"Onderzoek bij melding {melding.pk} gestart door {medewerker}",
        user=door,
        inwoner=melding.inwoner,
        gegevens={"melding": melding.pk},
    )
    return onderzoek


@transaction.atomic
@schrijft("onderzoek", verhogen=False)
def gesprek_add(
    *,
    onderzoek: Onderzoek,
    datum: dt.date,
    plaats: str,
    deelnemers: Iterable[str],
    actor: Actor,
    notities: str = "",
) -> Gesprek:
    """A conversation with who took part (Wmo 2015 art. 2.3.2 lid 1)."""
    _mag(actor, onderzoek.inwoner_id)
    _lopend(onderzoek)
    deelnemers = list(dict.fromkeys(deelnemers))
    errors = {}
    if datum > timezone.localdate():
        errors["datum"] = "De datum van het gesprek ligt in de toekomst."
    if datum < onderzoek.melding.ontvangen_op:
        errors["datum"] = "Het gesprek ligt vóór de melding."
    if not deelnemers or set(deelnemers) - set(Deelnemer.values):
        errors["deelnemers"] = "Kies wie er aan het gesprek deelnamen."
    if len(plaats.strip()) > 200:
        errors["plaats"] = "Houd de plaats korter dan 200 tekens."
    elif not plaats.strip():
        errors["plaats"] = "Vul de plaats van het gesprek in, bijvoorbeeld 'bij de inwoner thuis'."
    if errors:
        raise ValidationError(errors)
    return Gesprek.objects.create(
        onderzoek=onderzoek,
        datum=datum,
        plaats=plaats.strip(),
        deelnemers=",".join(deelnemers),
        notities=notities,
    )


@transaction.atomic
@schrijft("onderzoek", verhogen=False)
def onderdeel_set(
    *,
    onderzoek: Onderzoek,
    code: str,
    actor: Actor,
    antwoord: str = "",
    reden_niet_van_toepassing: str = "",
) -> OnderzoekOnderdeel:
    """Save one subject a-g (the autosave target of the onderzoek form)."""
    _mag(actor, onderzoek.inwoner_id)
    _lopend(onderzoek)
    if len(reden_niet_van_toepassing.strip()) > 300:
        raise ValidationError({"reden_niet_van_toepassing": "Houd de reden korter dan 300 tekens."})
    onderdeel = onderzoek.onderdelen.filter(code=code).first()
    if onderdeel is None:
        raise ValidationError({"code": f"Onbekend onderdeel '{code}'; kies a tot en met g."})
    onderdeel.antwoord = antwoord.strip()
    onderdeel.reden_niet_van_toepassing = reden_niet_van_toepassing.strip()
    onderdeel.save(update_fields=["antwoord", "reden_niet_van_toepassing", "updated_at"])
    return onderdeel


@transaction.atomic
@schrijft("onderzoek")
def onderzoek_set_checks(
    *,
    onderzoek: Onderzoek,
    clientondersteuning_gewezen: bool,
    pgb_uitgelegd: bool,
    mantelzorger_besproken: bool | None,
    actor: Actor,
) -> Onderzoek:
    _mag(actor, onderzoek.inwoner_id)
    _lopend(onderzoek)
    onderzoek.clientondersteuning_gewezen = clientondersteuning_gewezen
    onderzoek.pgb_uitgelegd = pgb_uitgelegd
    onderzoek.mantelzorger_besproken = mantelzorger_besproken
    onderzoek.save(
        update_fields=[
            "clientondersteuning_gewezen",
            "pgb_uitgelegd",
            "mantelzorger_besproken",
            "updated_at",
        ]
    )
    return onderzoek


def ladderstap_parse(value: object) -> LadderStap:
    """A ladder step from user input, or a Dutch ValidationError."""
    try:
        return LadderStap(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError) as exc:
        raise ValidationError({"stap": "Kies een stap van de ladder (1 tot en met 6)."}) from exc


@transaction.atomic
@schrijft("onderzoek")  # a ladder step is edited in place
def afweging_set(
    *,
    onderzoek: Onderzoek,
    stap: LadderStap | int,
    bevinding: str,
    volstaat: bool,
    actor: Actor,
    reden_niet_toereikend: str = "",
) -> Afweging:
    """Record what was found at one step of the ladder (Wmo 2015 art. 2.3.5 lid 3)."""
    _mag(actor, onderzoek.inwoner_id)
    _lopend(onderzoek)
    stap = ladderstap_parse(stap)
    if stap not in onderzoek_ladder(onderzoek).stappen:
        raise ValidationError(
            {"stap": f"Stap '{stap.label}' hoort niet bij de ladder van deze gemeente."}
        )
    if not bevinding.strip():
        raise ValidationError({"bevinding": f"Schrijf op wat er bij '{stap.label}' is gevonden."})
    if not volstaat and not reden_niet_toereikend.strip():
        raise ValidationError(
            {"reden_niet_toereikend": (f"Geef aan waarom '{stap.label}' niet volstaat.")}
        )
    afweging, _ = Afweging.objects.update_or_create(
        onderzoek=onderzoek,
        stap=stap,
        defaults={
            "bevinding": bevinding.strip(),
            "volstaat": volstaat,
            "reden_niet_toereikend": "" if volstaat else reden_niet_toereikend.strip(),
        },
    )
    return afweging


@transaction.atomic
@schrijft("onderzoek", verhogen=False)
def score_add(
    *,
    inwoner: Inwoner,
    leefgebied: Leefgebied,
    score: int,
    datum: dt.date,
    actor: Actor,
    onderzoek: Onderzoek | None = None,
) -> ZrmScore:
    door = _mag(actor, inwoner.pk)
    if onderzoek is not None:
        _lopend(onderzoek)
    datums_check(datums.GEBEURTENIS, datum=datum)
    instrument = leefgebied.instrument
    if not instrument.schaal_min <= score <= instrument.schaal_max:
        raise ValidationError(
            {
                "score": (
                    f"Een score op {instrument.naam} ligt tussen "
                    f"{instrument.schaal_min} en {instrument.schaal_max}."
                )
            }
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De datum van de score ligt in de toekomst."})
    return ZrmScore.objects.create(
        inwoner=inwoner,
        leefgebied=leefgebied,
        score=score,
        datum=datum,
        door=door,
        onderzoek=onderzoek,
    )


def verslag_ontbrekend_voor(onderzoek: Onderzoek) -> list[str]:
    """What is still missing before the verslag can be final (rules.onderzoek)."""
    onderdelen = {
        o.code: (o.antwoord, o.reden_niet_van_toepassing) for o in onderzoek.onderdelen.all()
    }
    heeft_mantelzorger = onderzoek.inwoner.netwerk.filter(
        soort=NetwerkSoort.MANTELZORGER, tot__isnull=True
    ).exists()
    besproken = onderzoek.mantelzorger_besproken
    if heeft_mantelzorger and besproken is None:
        besproken = False
    missing = verslag_ontbrekend(
        onderdelen,
        clientondersteuning_gewezen=onderzoek.clientondersteuning_gewezen,
        pgb_uitgelegd=onderzoek.pgb_uitgelegd,
        mantelzorger_besproken=besproken,
    )
    if not onderzoek.gesprekken.exists():
        missing.insert(0, "Leg ten minste één gesprek vast (Wmo 2015 art. 2.3.2 lid 1).")
    return missing


@transaction.atomic
@schrijft("onderzoek")
def verslag_finalise(*, onderzoek: Onderzoek, actor: Actor) -> Onderzoek:
    """Make the verslag final once everything art. 2.3.2 lid 4 asks is answered; the text is
    kept as it was at that moment (Wmo 2015 art. 2.3.2 lid 8)."""
    _mag(actor, onderzoek.inwoner_id)
    _lopend(onderzoek)
    missing = verslag_ontbrekend_voor(onderzoek)
    if missing:
        raise ValidationError(missing)
    onderzoek.status = OnderzoekStatus.DEFINITIEF
    onderzoek.verslag_definitief_op = timezone.now()
    onderzoek.verslag_tekst = render_text("onderzoeken/verslag.txt", verslag_context(onderzoek))
    onderzoek.save(update_fields=["status", "verslag_definitief_op", "verslag_tekst", "updated_at"])
    publish(
        soorten.ONDERZOEK_VERSLAG_DEFINITIEF,
        record=onderzoek,
        omschrijving=f"Verslag van het onderzoek bij melding {onderzoek.melding_id} definitief",
        user=access.Actor.of(actor).user,
        inwoner=onderzoek.inwoner,
        gegevens={"melding": onderzoek.melding_id},
    )
    return onderzoek


def verslag_context(onderzoek: Onderzoek) -> dict:
    titels = {o.code: o.titel for o in ONDERDELEN}
    return {
        "onderzoek": onderzoek,
        "inwoner": onderzoek.inwoner,
        "gesprekken": list(onderzoek.gesprekken.all()),
        "onderdelen": [(o, titels[o.code]) for o in onderzoek.onderdelen.all()],
        "afwegingen": list(onderzoek.afwegingen.all()),
        # held to the resident's municipality through the resident their order joins (issue 16)
        "scores": list(
            onderzoek.scores.filter(
                inwoner__gemeente_id=onderzoek.inwoner.gemeente_id
            ).select_related("leefgebied")
        ),
    }


@transaction.atomic
@schrijft("onderzoek")
def verslag_send(*, onderzoek: Onderzoek, op: dt.date, actor: Actor) -> Onderzoek:
    _mag(actor, onderzoek.inwoner_id)
    if onderzoek.status != OnderzoekStatus.DEFINITIEF:
        raise ValidationError("Maak het verslag eerst definitief.")
    datums_check(datums.GEBEURTENIS, op=op)
    if op > timezone.localdate():
        raise ValidationError({"op": "De verzenddatum ligt in de toekomst."})
    onderzoek.verslag_verzonden_op = op
    onderzoek.save(update_fields=["verslag_verzonden_op", "updated_at"])
    return onderzoek


@transaction.atomic
@schrijft("onderzoek", verhogen=False)
def verslag_reactie_add(
    *, onderzoek: Onderzoek, tekst: str, ontvangen_op: dt.date, actor: Actor
) -> VerslagReactie:
    """The resident's remarks are kept with the verslag, never merged into it."""
    _mag(actor, onderzoek.inwoner_id)
    if onderzoek.verslag_verzonden_op is None:
        raise ValidationError("Het verslag is nog niet naar de inwoner gestuurd.")
    if not tekst.strip():
        raise ValidationError({"tekst": "Neem de opmerkingen van de inwoner over."})
    datums_check(datums.GEBEURTENIS, ontvangen_op=ontvangen_op)
    return VerslagReactie.objects.create(
        onderzoek=onderzoek, tekst=tekst.strip(), ontvangen_op=ontvangen_op
    )
