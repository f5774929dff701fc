"""Writes of the beschikkingen app: aanvragen, beschikkingen, the lawfulness check, transition
rights. Bezwaar and klacht are written by `eenplan.bezwaren.services`, which uses `vereis_toegang`,
`publiceer` and `beschikking_herzien` from here.

Authorisation lives here too (issue 8): every write on a resident's dossier receives the `actor`
and asks `privacy.access.require` (role and need-to-know, logged allowed and refused) before it
changes anything, plus the rules of its own: a generalist decides a Jeugdwet aanvraag only with
a youth registration valid on the decision date, and a decision awaiting the lawfulness check is
sent only when the municipality allows that (`EENPLAN_VERZENDEN_VOOR_TOETSING`). A refusal is a
`privacy.access.Refused` (403) or a `ValidationError` in Dutch; either way nothing changes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation

from eenplan.beschikkingen.constants import AanvraagStatus, Rechtmatigheid, Uitkomst
from eenplan.beschikkingen.models import (
    Aanvraag,
    AanvraagOpschorting,
    Beschikking,
    BeschikteVoorziening,
    Overgangsrecht,
)
from eenplan.common.concurrency import Conflict, schrijft, vergrendel, verhoog
from eenplan.common.constants import Wet
from eenplan.common.datums import datums_check
from eenplan.common.documenten import render_text
from eenplan.events import bus
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import datums
from eenplan.rules import eigen_bijdrage as eigen_bijdrage_rules
from eenplan.rules import overgangsrecht as overgangsrecht_rules
from eenplan.rules import termijnen as termijnen_rules
from eenplan.rules import voorziening as voorziening_rules
from eenplan.rules.aanvraag import beslissen_uiterlijk, beslistermijn
from eenplan.rules.termijnen import (
    bezwaar_uiterlijk,
    termijn_einde_met_opschorting,
)
from eenplan.rules.voorziening import PgbToets
from eenplan.voorzieningen.constants import Leveringsvorm
from eenplan.voorzieningen.models import Voorziening
from eenplan.voorzieningen.selectors import abonnementstarieven, zin_tarieven

ActorLike = access.Actor | AbstractBaseUser
# Hardenberg: generalists decide themselves; the back office checks those decisions afterwards.
GENERALISTEN = (Rol.GENERALIST, Rol.JEUGDPROFESSIONAL)
GEEN_JEUGDREGISTRATIE = (
    "U kunt niet beslissen op een aanvraag op grond van de Jeugdwet: u heeft op de besluitdatum "
    "geen geldige registratie als jeugdprofessional (SKJ of BIG; norm van de verantwoorde "
    "werktoedeling). Laat een geregistreerde collega of de backoffice beslissen."
)
NIET_VOOR_TOETSING = (
    "Deze beschikking kan nog niet worden verzonden: de gemeente verstuurt een besluit van een "
    "generalist pas na de rechtmatigheidstoets van de backoffice."
)


def datum_tekst(datum: dt.date | None) -> str:
    """A date as the timeline writes it: '3 februari 2027'."""
    if datum is None:
        return "onbekend"
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def publiceer(
    soort: str,
    *,
    record: Any,
    omschrijving: str,
    user: Any,
    inwoner_id: int | None,
    **gegevens: Any,
) -> None:
    """One event on the bus (ADR 0013), inside the service's transaction: the history row
    commits together with the change or not at all."""
    bus.publish(
        soort,
        record=record,
        omschrijving=omschrijving,
        user=user,
        inwoner=Inwoner(pk=inwoner_id) if inwoner_id is not None else None,
        gegevens=gegevens,
    )


def is_generalist(actor: ActorLike) -> bool:
    """Whether the actor decides as a generalist (their decisions get the lawfulness check)."""
    medewerker = access.Actor.of(actor).medewerker
    return medewerker is not None and medewerker.functie in GENERALISTEN


def vereis_toegang(
    actor: ActorLike, resource: Resource, action: Action, via: access.Via | None, inwoner: Any
) -> access.Actor:
    """Role and need-to-know, decided by `privacy.access` before anything changes.

    Called from code (`via` None: the demo, a command, another service) this is the decision
    that is logged. Called by a page or the API (`via` given), the view already asked
    `access.require` for this request before reading its input — and logged it — so the check
    is repeated here without a second row; only a refusal (the scope changed meanwhile) is
    logged, with the request's path."""
    actor = access.Actor.of(actor)
    doel = access.RULES[(resource, action)].doel
    if via is not None:
        decision = access.decide(
            actor, resource, action, via=via, inwoner=inwoner, doel=doel, log=False
        )
        if decision.allowed:
            return actor
    access.require(actor, resource, action, via=via or access.SERVICE, inwoner=inwoner, doel=doel)
    return actor


@transaction.atomic
def aanvraag_register(
    *,
    inwoner: Inwoner,
    omschrijving: str,
    wet: Wet | str,
    ontvangen_op: dt.date,
    ingediend_door: str,
    door: AbstractBaseUser,
    plan: Any = None,
    voorstel: Any = None,
    afwijkend_van_advies: bool = False,
    toelichting: str = "",
) -> Aanvraag:
    """Register an aanvraag with its decision deadline (Wmo 2015 art. 2.3.5 lid 2;
    Awb art. 4:13 for Jeugdwet and Participatiewet)."""
    if wet not in Wet.values:
        raise ValidationError({"wet": "Kies de wet: Wmo, Jeugdwet of Participatiewet."})
    datums_check(datums.GEBEURTENIS, ontvangen_op=ontvangen_op)
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": "De ontvangstdatum ligt in de toekomst."})
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf wat de inwoner aanvraagt."})
    aanvraag = Aanvraag.objects.create(
        gemeente_id=inwoner.gemeente_id,
        inwoner=inwoner,
        plan=plan,
        voorstel=voorstel,
        omschrijving=omschrijving.strip(),
        wet=wet,
        ontvangen_op=ontvangen_op,
        beslissen_uiterlijk=beslissen_uiterlijk(wet, ontvangen_op, extra=gelijkgestelde_dagen()),
        afwijkend_van_advies=afwijkend_van_advies,
        toelichting=toelichting,
        ingediend_door=ingediend_door,
        vastgelegd_door=door,
    )
    publiceer(
        "aanvraag.ontvangen",
        record=aanvraag,
        omschrijving=f"Aanvraag {aanvraag.pk} ontvangen: {aanvraag.omschrijving} "
        f"({aanvraag.get_wet_display()}; beslissen uiterlijk "
        f"{datum_tekst(aanvraag.beslissen_uiterlijk)})",
        user=door,
        inwoner_id=inwoner.pk,
        wet=str(wet),
        beslissen_uiterlijk=aanvraag.beslissen_uiterlijk,
    )
    return aanvraag


@dataclass(frozen=True)
class Regel:
    """One requested provision and what is decided on it."""

    voorziening: Voorziening
    uitkomst: str
    omvang: Decimal | None = None
    begin: dt.date | None = None
    einde: dt.date | None = None
    heronderzoek_op: dt.date | None = None
    leveringsvorm: str = ""
    aanbieder: str = ""
    frequentie: str = ""
    pgb_toets: PgbToets | None = None
    pgb_tarief: Decimal | None = None
    persoonlijk_plan: str = ""


def _actieve_leveringen(
    inwoner: Inwoner, *, behalve: Beschikking | None = None
) -> list[tuple[BeschikteVoorziening, voorziening_rules.Levering]]:
    qs = BeschikteVoorziening.objects.filter(
        beschikking__inwoner=inwoner,
        uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
        begin__isnull=False,
    ).select_related("voorziening")
    if behalve is not None:
        qs = qs.exclude(beschikking=behalve)
    return [
        (
            b,
            voorziening_rules.Levering(
                b.voorziening.productcode,
                voorziening_rules.Leveringsvorm(b.leveringsvorm),
                b.begin,
                b.einde,
            ),
        )
        for b in qs
    ]


def _check_regel(regel: Regel, *, wet: str, op: dt.date) -> dict[str, Any]:
    """Validate one granted provision; returns the computed PGB figures."""
    errors: list[str] = []
    v = regel.voorziening
    if regel.uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies: toegekend, deels toegekend of afgewezen."})
    if regel.uitkomst == Uitkomst.AFGEWEZEN:
        return {}
    datums_check(
        datums.PLANNING, begin=regel.begin, einde=regel.einde, heronderzoek_op=regel.heronderzoek_op
    )
    if regel.begin is None or regel.omvang is None:
        raise ValidationError({"begin": f"{v.naam}: vul de begindatum en de omvang in."})
    errors += voorziening_rules.periode_fouten(
        begin=regel.begin, einde=regel.einde, omvang=regel.omvang
    )
    if regel.einde is None and regel.heronderzoek_op is None:
        errors.append("Maatwerk is tijdelijk: geef een einddatum of een datum voor heronderzoek.")
    extra: dict[str, Any] = {}
    if regel.leveringsvorm == Leveringsvorm.ZIN:
        if not regel.aanbieder.strip():
            errors.append("Kies de aanbieder voor zorg in natura.")
    elif regel.leveringsvorm == Leveringsvorm.PGB:
        if not v.pgb_mogelijk:
            errors.append(f"Voor {v.naam} is een pgb niet mogelijk.")
        if regel.pgb_toets is None:
            errors.append("Leg de pgb-toets vast (Wmo 2015 art. 2.3.6).")
        else:
            errors += voorziening_rules.pgb_bezwaren(regel.pgb_toets, wet=wet)
        if not regel.persoonlijk_plan.strip():
            errors.append("Een pgb vraagt een persoonlijk plan van de inwoner.")
        tarieven = zin_tarieven(v, op)
        if not errors and tarieven and regel.pgb_tarief is not None:
            budget = voorziening_rules.pgb_budget(
                omvang=regel.omvang, zin_tarieven=tarieven, gevraagd_tarief=regel.pgb_tarief
            )
            extra = {"pgb_budget": budget.budget, "pgb_zelf_te_betalen": budget.zelf_te_betalen}
        elif not errors:
            errors.append(
                "Voor het pgb-budget zijn een tarief voor zorg in natura en het "
                "gevraagde pgb-tarief nodig."
            )
    else:
        errors.append("Kies de leveringsvorm: zorg in natura of pgb.")
    if errors:
        raise ValidationError({"voorzieningen": [f"{v.naam}: {e}" for e in errors]})
    return extra


@transaction.atomic
@schrijft("aanvraag")
def beschikking_issue(
    *,
    aanvraag: Aanvraag,
    actor: ActorLike,
    besloten_op: dt.date,
    motivering: str,
    regels: Sequence[Regel],
    via: access.Via | None = None,
) -> Beschikking:
    """Decide on an aanvraag, per requested provision (Wmo 2015 art. 2.3.5). Refused: an end
    before the start, no volume, no end or heronderzoek date, PGB without its conditions, and
    ZIN and PGB for the same product in overlapping periods (iWmo OP043). A decision by a
    generalist goes to the back office's lawfulness check afterwards (Hardenberg); a generalist
    without a youth registration valid on the decision date does not decide a Jeugdwet
    aanvraag."""
    actor = vereis_toegang(actor, Resource.BESCHIKKING, Action.BESLISSEN, via, aanvraag.inwoner_id)
    door_generalist = is_generalist(actor)
    if (
        door_generalist
        and aanvraag.wet == Wet.JEUGD
        and not actor.medewerker.registratie_geldig_op(besloten_op)  # type: ignore[union-attr]
    ):
        raise ValidationError(GEEN_JEUGDREGISTRATIE)
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al besloten.")
    if besloten_op > timezone.localdate() or besloten_op < aanvraag.ontvangen_op:
        raise ValidationError(
            {"besloten_op": "De besluitdatum ligt in de toekomst of vóór de aanvraag."}
        )
    if not regels:
        raise ValidationError("Beslis over ten minste één voorziening.")
    if not motivering.strip():
        raise ValidationError({"motivering": "Motiveer het besluit."})
    extras = [_check_regel(r, wet=aanvraag.wet, op=besloten_op) for r in regels]
    nieuw = [
        voorziening_rules.Levering(
            r.voorziening.productcode,
            voorziening_rules.Leveringsvorm(r.leveringsvorm),
            r.begin,
            r.einde,
        )
        for r in regels
        if r.uitkomst != Uitkomst.AFGEWEZEN
    ]
    bestaand = [lev for _, lev in _actieve_leveringen(aanvraag.inwoner)]
    for i, lev in enumerate(nieuw):
        botsing = voorziening_rules.op043_conflicten(lev, bestaand + nieuw[:i])
        if botsing:
            raise ValidationError(
                {
                    "voorzieningen": (
                        f"Product {lev.productcode}: zorg in natura en pgb mogen niet in "
                        "dezelfde periode (iWmo-regel OP043)."
                    )
                }
            )
    onderzoek = aanvraag.inwoner.onderzoeken.order_by("-created_at").first()
    ladder = "\n".join(
        f"{a.get_stap_display()}: {a.bevinding}"
        + ("" if a.volstaat else f" Niet voldoende: {a.reden_niet_toereikend}")
        for a in (onderzoek.afwegingen.all() if onderzoek else [])
    )
    beschikking = Beschikking.objects.create(
        aanvraag=aanvraag,
        gemeente_id=aanvraag.gemeente_id,
        inwoner=aanvraag.inwoner,
        besloten_op=besloten_op,
        besloten_door=actor.user,
        motivering=motivering.strip(),
        ladder_uitkomst=ladder,
        rechtmatigheid=Rechtmatigheid.TE_TOETSEN if door_generalist else Rechtmatigheid.NVT,
    )
    for regel, extra in zip(regels, extras, strict=True):
        toets = regel.pgb_toets
        BeschikteVoorziening.objects.create(
            beschikking=beschikking,
            voorziening=regel.voorziening,
            uitkomst=regel.uitkomst,
            omvang=regel.omvang,
            eenheid=regel.voorziening.eenheid,
            frequentie=regel.frequentie or regel.voorziening.frequentie,
            begin=regel.begin,
            einde=regel.einde,
            heronderzoek_op=regel.heronderzoek_op,
            leveringsvorm=regel.leveringsvorm,
            aanbieder=regel.aanbieder.strip(),
            pgb_toets=None
            if toets is None
            else {
                "kan_beheren": toets.kan_beheren,
                "motivering": toets.motivering,
                "kwaliteit_geborgd": toets.kwaliteit_geborgd,
                "geen_passende_zin": toets.geen_passende_zin,
                "reden_geen_zin": toets.reden_geen_zin,
                "persoonlijk_plan": regel.persoonlijk_plan,
            },
            eigen_bijdrage_van_toepassing=regel.voorziening.eigen_bijdrage != "geen",
            **extra,
        )
    aanvraag.status = AanvraagStatus.BESLOTEN
    aanvraag.save(update_fields=["status", "updated_at"])
    publiceer(
        "beschikking.genomen",
        record=beschikking,
        omschrijving=f"Beschikking {beschikking.pk} genomen op aanvraag {aanvraag.pk}"
        + (" (naar de rechtmatigheidstoets)" if door_generalist else ""),
        user=actor.user,
        inwoner_id=aanvraag.inwoner_id,
        aanvraag=aanvraag.pk,
        rechtmatigheid=beschikking.rechtmatigheid,
    )
    publiceer(
        "aanvraag.besloten",
        record=aanvraag,
        omschrijving=f"Aanvraag {aanvraag.pk} besloten (beschikking {beschikking.pk})",
        user=actor.user,
        inwoner_id=aanvraag.inwoner_id,
        beschikking=beschikking.pk,
    )
    return beschikking


@transaction.atomic
@schrijft("beschikking")
def beschikking_send(
    *, beschikking: Beschikking, actor: ActorLike, op: dt.date, via: access.Via | None = None
) -> Beschikking:
    """Send the letter: the bezwaar clause gets its last day (Awb 6:7, 6:8 with the Atw). A
    decision still awaiting the lawfulness check is sent only where the municipality allows
    that (EENPLAN_VERZENDEN_VOOR_TOETSING, Hardenberg: yes); the beschikking and its letter
    record whether it went out before or after the check."""
    actor = vereis_toegang(
        actor, Resource.BESCHIKKING, Action.BESLISSEN, via, beschikking.inwoner_id
    )
    if beschikking.verzonden_op is not None:
        raise Conflict("Deze beschikking is al verzonden.")
    if beschikking.rechtmatigheid == Rechtmatigheid.ONRECHTMATIG:
        raise ValidationError("Deze beschikking is onrechtmatig bevonden; neem een nieuw besluit.")
    if op < beschikking.besloten_op or op > timezone.localdate():
        raise ValidationError({"op": "De verzenddatum ligt vóór het besluit of in de toekomst."})
    voor_toetsing = voor_toetsing_verzonden(beschikking)
    if voor_toetsing and not settings.EENPLAN_VERZENDEN_VOOR_TOETSING:
        raise ValidationError(NIET_VOOR_TOETSING)
    beschikking.verzonden_voor_toetsing = voor_toetsing
    beschikking.verzonden_op = op
    beschikking.bezwaar_uiterlijk = bezwaar_uiterlijk(op, extra=gelijkgestelde_dagen())
    beschikking.brief = brief_render(beschikking)
    beschikking.save(
        update_fields=[
            "verzonden_op",
            "verzonden_voor_toetsing",
            "bezwaar_uiterlijk",
            "brief",
            "updated_at",
        ]
    )
    publiceer(
        "beschikking.verzonden",
        record=beschikking,
        omschrijving=f"Beschikking {beschikking.pk} verzonden (bezwaar uiterlijk "
        f"{datum_tekst(beschikking.bezwaar_uiterlijk)})"
        + (" vóór de rechtmatigheidstoets" if voor_toetsing else ""),
        user=actor.user,
        inwoner_id=beschikking.inwoner_id,
        verzonden_op=op,
        bezwaar_uiterlijk=beschikking.bezwaar_uiterlijk,
    )
    return beschikking


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


def brief_render(beschikking: Beschikking) -> str:
    """The letter in plain Dutch (B1) from the template `beschikkingen/brief.txt`, which a
    municipality overrides in its own template folder (EENPLAN_SJABLONEN_DIR). Plain text,
    never marked safe: pages escape it, the PDF shows it literally (common.documenten)."""
    return render_text(
        "beschikkingen/brief.txt",
        {
            "b": beschikking,
            "inwoner": beschikking.inwoner,
            "regels": list(beschikking.voorzieningen.select_related("voorziening")),
            "bijdrage": eigen_bijdrage_voor(
                beschikking.inwoner, beschikking.verzonden_op or beschikking.besloten_op
            ),
        },
    )


def eigen_bijdrage_voor(inwoner: Inwoner, op: dt.date) -> eigen_bijdrage_rules.Uitkomst | None:
    """The household's Wmo contribution on `op` from all its active Wmo provisions."""
    from eenplan.inwoners.selectors import huishouden_current

    huishouden = huishouden_current(inwoner=inwoner, vandaag=op)
    lidmaatschappen = (
        [lid for lid in huishouden.leden.select_related("inwoner") if lid.actief_op(op)]
        if huishouden
        else []
    )
    leden = [lid.inwoner for lid in lidmaatschappen] or [inwoner]
    regels = (
        BeschikteVoorziening.objects.filter(
            beschikking__inwoner__in=leden,
            beschikking__aanvraag__wet=Wet.WMO,
            uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
            begin__lte=op,
        )
        .exclude(einde__lt=op)
        .select_related("voorziening", "beschikking__inwoner")
    )
    leveringen = [
        eigen_bijdrage_rules.Levering(
            r.voorziening.naam,
            eigen_bijdrage_rules.Soort(r.voorziening.eigen_bijdrage),
            r.voorziening.kostprijs_per_maand or Decimal("0"),
        )
        for r in regels
    ]
    if not leveringen:
        return None
    # The partnervrijstelling looks at both partners, also one without a provision of their own.
    paar = [lid.inwoner for lid in lidmaatschappen if lid.relatie in ("referentie", "partner")]
    partners = any(lid.relatie == "partner" for lid in lidmaatschappen)
    clienten = (
        paar if partners else sorted({r.beschikking.inwoner for r in regels}, key=lambda i: i.pk)
    )
    try:
        return eigen_bijdrage_rules.eigen_bijdrage(
            leveringen,
            clienten=[eigen_bijdrage_rules.Persoon(c.geboortedatum) for c in clienten],
            gehuwd_of_partner=partners,
            op=op,
            tarieven=abonnementstarieven(),
        )
    except ValueError:
        return None


@transaction.atomic
@schrijft("beschikking")
def rechtmatigheid_toets(
    *,
    beschikking: Beschikking,
    actor: ActorLike,
    rechtmatig: bool,
    reden: str = "",
    via: access.Via | None = None,
) -> Beschikking:
    """The back office checks a generalist's decision afterwards; an unlawful one goes back to
    the decision-maker with the reason (Hardenberg)."""
    door = vereis_toegang(
        actor, Resource.BESCHIKKING, Action.TOETSEN, via, beschikking.inwoner_id
    ).user
    if beschikking.rechtmatigheid in (Rechtmatigheid.RECHTMATIG, Rechtmatigheid.ONRECHTMATIG):
        raise Conflict(
            "Deze beschikking is al getoetst: "
            f"{beschikking.get_rechtmatigheid_display().lower()}. Eén uitkomst per beschikking."
        )
    if beschikking.rechtmatigheid != Rechtmatigheid.TE_TOETSEN:
        raise ValidationError("Deze beschikking staat niet in de toetsingsrij.")
    if beschikking.besloten_door_id == door.pk:
        raise ValidationError("De toets doet iemand anders dan de beslisser.")
    if not rechtmatig and not reden.strip():
        raise ValidationError({"reden": "Geef aan waarom het besluit onrechtmatig is."})
    beschikking.rechtmatigheid = (
        Rechtmatigheid.RECHTMATIG if rechtmatig else Rechtmatigheid.ONRECHTMATIG
    )
    beschikking.rechtmatigheid_reden = reden.strip()
    beschikking.getoetst_door = door
    beschikking.save(
        update_fields=["rechtmatigheid", "rechtmatigheid_reden", "getoetst_door", "updated_at"]
    )
    publiceer(
        "beschikking.getoetst",
        record=beschikking,
        omschrijving=f"Beschikking {beschikking.pk} getoetst: "
        + ("rechtmatig" if rechtmatig else f"onrechtmatig ({beschikking.rechtmatigheid_reden})"),
        user=door,
        inwoner_id=beschikking.inwoner_id,
        rechtmatigheid=beschikking.rechtmatigheid,
    )
    if not rechtmatig:
        # Back to the decision-maker: the aanvraag is open again for a new, lawful decision;
        # the unlawful one stays on record and can no longer be sent. Through the model (locked,
        # version raised) and with its event, never a bare update without history.
        aanvraag = vergrendel(Aanvraag(pk=beschikking.aanvraag_id), controleren=False)
        aanvraag.status = AanvraagStatus.ONTVANGEN
        aanvraag.save(update_fields=["status", "updated_at"])
        verhoog(aanvraag)
        publiceer(
            "aanvraag.heropend",
            record=aanvraag,
            omschrijving=f"Aanvraag {aanvraag.pk} weer open: beschikking {beschikking.pk} is "
            "onrechtmatig bevonden, er komt een nieuw besluit",
            user=door,
            inwoner_id=aanvraag.inwoner_id,
            beschikking=beschikking.pk,
        )
    return beschikking


@transaction.atomic
def overgangsrecht_register(
    *,
    inwoner: Inwoner,
    soort: str,
    omschrijving: str,
    oude_einddatum: dt.date | None = None,
    aangekondigd_op: dt.date | None = None,
) -> Overgangsrecht:
    """Record an old indication; its end follows the dated transition rules."""
    datums_check(datums.PLANNING, oude_einddatum=oude_einddatum)
    datums_check(datums.GEBEURTENIS, aangekondigd_op=aangekondigd_op)
    if soort not in {s.value for s in overgangsrecht_rules.OudRecht}:
        raise ValidationError({"soort": "Kies het soort oud recht."})
    try:
        einde = overgangsrecht_rules.overgangsrecht_einde(
            overgangsrecht_rules.OudRecht(soort),
            oude_einddatum=oude_einddatum,
            aangekondigd_op=aangekondigd_op,
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    return Overgangsrecht.objects.create(
        inwoner=inwoner,
        soort=soort,
        omschrijving=omschrijving,
        oude_einddatum=oude_einddatum,
        aangekondigd_op=aangekondigd_op,
        einddatum=einde,
    )


def _herbereken(aanvraag: Aanvraag) -> None:
    termijn = beslistermijn(aanvraag.wet)
    aanvraag.beslissen_uiterlijk = termijn_einde_met_opschorting(
        aanvraag.ontvangen_op,
        weken=termijn.weken,
        dagen=termijn.dagen,
        opschortingen=[
            termijnen_rules.Opschorting(o.van, o.tot, o.reden)
            for o in AanvraagOpschorting.objects.filter(aanvraag=aanvraag)
        ],
        extra=gelijkgestelde_dagen(),
    )


@transaction.atomic
@schrijft("aanvraag")
def aanvraag_opschorten(
    *,
    aanvraag: Aanvraag,
    van: dt.date,
    reden: str,
    actor: ActorLike,
    via: access.Via | None = None,
) -> AanvraagOpschorting:
    """Stop the decision clock, e.g. while waiting for the resident's papers (Awb art. 4:15);
    the deadline is unknown until the suspension ends."""
    door = vereis_toegang(
        actor, Resource.AANVRAAG, Action.OPSCHORTEN, via, aanvraag.inwoner_id
    ).user
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al besloten.")
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de opschorting."})
    if van < aanvraag.ontvangen_op or van > timezone.localdate():
        raise ValidationError({"van": "De opschorting begint vóór de aanvraag of in de toekomst."})
    if aanvraag.opschortingen.filter(tot__isnull=True).exists():
        raise Conflict({"van": "De termijn is al opgeschort; beëindig die eerst."})
    opschorting = AanvraagOpschorting.objects.create(
        aanvraag=aanvraag, van=van, reden=reden.strip(), door=door
    )
    _herbereken(aanvraag)
    # While suspended the last day is not known; keep the old one visible until it ends.
    if aanvraag.beslissen_uiterlijk is not None:
        aanvraag.save(update_fields=["beslissen_uiterlijk", "updated_at"])
    publiceer(
        "aanvraag.opgeschort",
        record=aanvraag,
        omschrijving=f"Beslistermijn van aanvraag {aanvraag.pk} opgeschort vanaf "
        f"{datum_tekst(van)}: {opschorting.reden}",
        user=door,
        inwoner_id=aanvraag.inwoner_id,
        van=van,
    )
    return opschorting


@transaction.atomic
@schrijft("opschorting", via=lambda opschorting: opschorting.aanvraag)
def aanvraag_hervatten(
    *,
    opschorting: AanvraagOpschorting,
    tot: dt.date,
    actor: ActorLike,
    via: access.Via | None = None,
) -> Aanvraag:
    """End a suspension; the decision deadline moves by the suspended days."""
    actor = vereis_toegang(
        actor, Resource.AANVRAAG, Action.OPSCHORTEN, via, opschorting.aanvraag.inwoner_id
    )
    opschorting.refresh_from_db(fields=["tot"])  # read under the aanvraag's lock
    if opschorting.tot is not None:
        raise Conflict({"tot": "Deze opschorting is al beëindigd."})
    if tot < opschorting.van or tot > timezone.localdate():
        raise ValidationError({"tot": "Het einde ligt vóór het begin of in de toekomst."})
    opschorting.tot = tot
    opschorting.save(update_fields=["tot", "updated_at"])
    aanvraag = opschorting.aanvraag
    _herbereken(aanvraag)
    aanvraag.save(update_fields=["beslissen_uiterlijk", "updated_at"])
    publiceer(
        "aanvraag.hervat",
        record=aanvraag,
        omschrijving=f"Beslistermijn van aanvraag {aanvraag.pk} loopt weer vanaf "
        f"{datum_tekst(tot)} (beslissen uiterlijk {datum_tekst(aanvraag.beslissen_uiterlijk)})",
        user=actor.user,
        inwoner_id=aanvraag.inwoner_id,
        tot=tot,
    )
    return aanvraag


def beschikking_herzien(*, beschikking: Beschikking, herziet: Beschikking) -> Beschikking:
    """Mark `beschikking` as the revision of `herziet` (after an upheld bezwaar); exports and
    OP043 follow the newest. Called inside the transaction of the service that decided on the
    bezwaar (and locked both decisions); a beschikking that already revises one stays as it is."""
    if beschikking.herziet_id is None:
        beschikking.herziet = herziet
        beschikking.save(update_fields=["herziet", "updated_at"])
        verhoog(beschikking)
    return beschikking
