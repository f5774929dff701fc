"""Writes of the beschikking: deciding per provision (ZIN or PGB, OP043), sending the letter with
the bezwaar term, the lawfulness check of a generalist's decision, and marking a decision as the
revision of an earlier one (after an upheld bezwaar)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.aanbieders.selectors import contract_tarief, zin_tarieven
from eenplan.beschikkingen.constants import AanvraagStatus, BriefSoort, Rechtmatigheid, Uitkomst
from eenplan.beschikkingen.models import (
    Aanvraag,
    Beschikking,
    BeschikteVoorziening,
)
from eenplan.beschikkingen.services._gedeeld import (
    ActorLike,
    datum_tekst,
    is_generalist,
    publiceer,
    vereis_toegang,
)
from eenplan.beschikkingen.services.brief import brief_vastleggen, voor_toetsing_verzonden
from eenplan.beschikkingen.verzending import verzending_plannen
from eenplan.common.concurrency import Conflict, schrijft, vergrendel, verhoog
from eenplan.common.constants import Wet
from eenplan.common.datums import datums_check
from eenplan.gemeente.selectors import gelijkgestelde_dagen, instellingen_op
from eenplan.inwoners.models import Inwoner
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.rules import datums
from eenplan.rules import voorziening as voorziening_rules
from eenplan.rules.termijnen import (
    bezwaar_uiterlijk,
)
from eenplan.rules.voorziening import PgbToets
from eenplan.voorzieningen.constants import Leveringsvorm
from eenplan.voorzieningen.models import Voorziening

GEEN_JEUGDREGISTRATIE = (
    "U kunt niet beslissen op een aanvraag op grond van de Jeugdwet: u heeft op de besluitdatum "
    "geen geldige registratie als jeugdprofessional (SKJ of BIG; norm van de verantwoorde "
    "werktoedeling). Laat een geregistreerde collega of de backoffice beslissen."
)


NIET_VOOR_TOETSING = (
    "Deze beschikking kan nog niet worden verzonden: de gemeente verstuurt een besluit van een "
    "generalist pas na de rechtmatigheidstoets van de backoffice."
)


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
    aanbieder: Aanbieder | None = None
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
        leveringsvorm__in=Leveringsvorm.values,  # a benefit in money is neither ZIN nor PGB
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
        if b.begin is not None  # filtered in the query; says so to the type checker
    ]


def geen_contract(aanbieder: Aanbieder, voorziening: Voorziening, begin: dt.date) -> str:
    """The refusal when a ZIN beschikking names a provider without a contract for the product on
    the start date (issue: a ZIN beschikking names only a contracted provider)."""
    code = f" ({voorziening.productcode})" if voorziening.productcode else ""
    return (
        f"{aanbieder.naam} heeft op {datum_tekst(begin)} geen geldig contract voor "
        f"{voorziening.naam}{code}. Kies een aanbieder met een contract voor dit product op de "
        "ingangsdatum."
    )


def _check_regel(regel: Regel, *, wet: str, op: dt.date) -> dict[str, Any]:
    """Validate one granted provision; returns the computed PGB figures."""
    errors: list[str] = []
    v = regel.voorziening
    if regel.uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies: toegekend, deels toegekend of afgewezen."})
    if regel.uitkomst == Uitkomst.AFGEWEZEN:
        return {}
    if wet == Wet.SCHULDHULP:
        # The toelating to debt help (Wgs art. 4a) admits the resident from a day on: no volume,
        # no form of delivery, no end (the route's own steps end it; ADR 0041).
        datums_check(datums.PLANNING, begin=regel.begin)
        if regel.begin is None:
            raise ValidationError({"begin": f"{v.naam}: vul de datum van de toelating in."})
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
    if wet == Wet.PARTICIPATIE and not regel.leveringsvorm:
        pass  # bijstand is money the municipality pays itself: neither ZIN nor PGB (issue 14)
    elif regel.leveringsvorm == Leveringsvorm.ZIN:
        if regel.aanbieder is None:
            errors.append("Kies de aanbieder voor zorg in natura.")
        elif contract_tarief(regel.aanbieder, v, regel.begin) is None:
            errors.append(geen_contract(regel.aanbieder, v, regel.begin))
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
    ZIN and PGB for the same product in overlapping periods (iWmo OP043). The decisions the
    municipality's lawfulness rule names (a setting; by default a generalist's) go to the back
    office's lawfulness check (Hardenberg: afterwards); a generalist
    without a youth registration valid on the decision date does not decide a Jeugdwet
    aanvraag."""
    actor = vereis_toegang(actor, Resource.BESCHIKKING, Action.BESLISSEN, via, aanvraag.inwoner_id)
    access.vereis_beslist_over(
        actor, aanvraag.wet, via=via or access.SERVICE, inwoner=aanvraag.inwoner_id
    )
    door_generalist = is_generalist(actor)
    if (
        door_generalist
        and aanvraag.wet == Wet.JEUGD
        and not actor.medewerker.registratie_geldig_op(besloten_op)  # type: ignore[union-attr]
    ):
        raise ValidationError(GEEN_JEUGDREGISTRATIE)
    if aanvraag.status != AanvraagStatus.ONTVANGEN:
        raise Conflict("Op deze aanvraag is al besloten.")
    # The municipality's lawfulness rule in force today (a setting): which decisions the back
    # office checks — a generalist's (the default), every decision, or none per decision.
    te_toetsen = instellingen_op(
        aanvraag.gemeente_id, timezone.localdate()
    ).rechtmatigheid.te_toetsen(door_generalist=door_generalist)
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
        and r.begin is not None  # _check_regel required it
        and r.leveringsvorm in Leveringsvorm.values
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
    # The ladder of the latest onderzoek; never on the toelating to debt help (Wgs art. 4a): that
    # decision follows the first conversation about debts, not the onderzoek of care.
    onderzoek = (
        None
        if aanvraag.wet == Wet.SCHULDHULP
        else aanvraag.inwoner.onderzoeken.order_by("-created_at").first()
    )
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
        rechtmatigheid=Rechtmatigheid.TE_TOETSEN if te_toetsen else Rechtmatigheid.NVT,
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
            aanbieder=regel.aanbieder if regel.leveringsvorm == Leveringsvorm.ZIN else None,
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
        + (" (naar de rechtmatigheidstoets)" if te_toetsen else ""),
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
    that (its lawfulness rule, a setting; default EENPLAN_VERZENDEN_VOOR_TOETSING, Hardenberg:
    yes); the beschikking and its letter
    record whether it went out before or after the check."""
    actor = vereis_toegang(
        actor, Resource.BESCHIKKING, Action.BESLISSEN, via, beschikking.inwoner_id
    )
    # Sending the letter is part of deciding: only under a law the role decides.
    access.vereis_beslist_over(
        actor, beschikking.aanvraag.wet, via=via or access.SERVICE, inwoner=beschikking.inwoner_id
    )
    if beschikking.verzonden_op is not None:
        raise Conflict("Deze beschikking is al verzonden.")
    if beschikking.rechtmatigheid == Rechtmatigheid.ONRECHTMATIG:
        raise ValidationError("Deze beschikking is onrechtmatig bevonden; neem een nieuw besluit.")
    if op < beschikking.besloten_op or op > timezone.localdate():
        raise ValidationError({"op": "De verzenddatum ligt vóór het besluit of in de toekomst."})
    voor_toetsing = voor_toetsing_verzonden(beschikking)
    regel = instellingen_op(beschikking.gemeente_id, timezone.localdate()).rechtmatigheid
    if voor_toetsing and not regel.verzenden_voor_toetsing:
        raise ValidationError(NIET_VOOR_TOETSING)
    beschikking.verzonden_voor_toetsing = voor_toetsing
    beschikking.verzonden_op = op
    beschikking.bezwaar_uiterlijk = bezwaar_uiterlijk(op, extra=gelijkgestelde_dagen())
    brief_vastleggen(beschikking)  # stored as sent: text, PDF and template version
    beschikking.save(
        update_fields=[
            "verzonden_op",
            "verzonden_voor_toetsing",
            "bezwaar_uiterlijk",
            "brief",
            "brief_pdf",
            "brief_sjabloon",
            "updated_at",
        ]
    )
    # Through the municipality's channels, after commit; a channel's failure is recorded and
    # retried, never undoes the sending (ADR 0021).
    verzending_plannen(
        gemeente=beschikking.gemeente,
        soort=BriefSoort.BESCHIKKING,
        bron_id=beschikking.pk,
        kenmerk=beschikking.kenmerk,
        inwoner_id=beschikking.inwoner_id,
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


@transaction.atomic
@schrijft("beschikking")
def rechtmatigheid_check(
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


def beschikking_herzien(*, beschikking: Beschikking, herziet: Beschikking) -> Beschikking:
    """Mark `beschikking` as the revision of `herziet` (after an upheld bezwaar); exports and
    OP043 follow the newest. Called inside the transaction of the service that decided on the
    bezwaar (and locked both decisions); a beschikking that already revises one stays as it is."""
    if beschikking.herziet_id is None:
        beschikking.herziet = herziet
        beschikking.save(update_fields=["herziet", "updated_at"])
        verhoog(beschikking)
    return beschikking
