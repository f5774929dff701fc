"""Writes of the policy model and the survey. Each takes the actor and asks `privacy.access`
(resource beleid / enquete), validates with a Dutch message and changes nothing when refused.

The public answer (`antwoorden_opslaan`) is the one write without an actor: the token in the
link is the authorisation (an unguessable HMAC, compared in constant time), and the answers are
stored without any link to the invitation or the resident."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from eenplan.beleid import indicatoren, steekproef
from eenplan.beleid.constants import ActiviteitStatus, Richting, UitvragingStatus
from eenplan.beleid.models import (
    Activiteit,
    Antwoord,
    Beleidsplan,
    Indicatorkoppeling,
    Respons,
    Resultaat,
    Streefwaarde,
    Uitnodiging,
    Uitvraging,
    Vraag,
    Vragenlijst,
)
from eenplan.beleid.selectors import grove_indeling
from eenplan.beleid.vragenlijst import STANDAARD
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.common.concurrency import schrijft
from eenplan.common.constants import Wet
from eenplan.gemeente.models import Gemeente
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource

MAX_MARGE = Decimal("1000")


def _mag(actor: Any, resource: Resource, action: Action, gemeente_id: int) -> None:
    access.require(actor, resource, action, via=access.SERVICE)
    eigen = access.Actor.of(actor).gemeente_id
    if eigen is not None and eigen != gemeente_id:
        access.refuse(actor, resource, action, reason=access.ANDERE_GEMEENTE, via=access.SERVICE)


def _decimaal(waarde: Any, veld: str) -> Decimal | None:
    if waarde in (None, ""):
        return None
    try:
        getal = Decimal(str(waarde).replace(",", "."))
    except InvalidOperation:
        raise ValidationError({veld: "Vul een getal in, bijvoorbeeld 12,5."}) from None
    if not getal.is_finite() or abs(getal) >= Decimal("1e12"):
        raise ValidationError({veld: "Vul een getal in, bijvoorbeeld 12,5."})
    return getal


@transaction.atomic
@schrijft("koppeling")
def koppeling_change(
    *,
    actor: Any,
    koppeling: Indicatorkoppeling,
    richting: str,
    basiswaarde: Any,
    basisjaar: int | None,
    op_koers_marge: Any,
    aandacht_marge: Any,
    streefwaarden: Mapping[int, Any],
) -> Indicatorkoppeling:
    """Set the baseline, direction, thresholds and targets of one linked indicator. The
    targets given replace the old ones (a year left out is removed)."""
    plan = koppeling.resultaat.thema.plan
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, plan.gemeente_id)
    koppeling = Indicatorkoppeling.objects.select_for_update().get(pk=koppeling.pk)
    fouten: dict[str, str] = {}
    if richting not in Richting.values:
        fouten["richting"] = "Kies of een hogere of een lagere waarde beter is."
    basis = _decimaal(basiswaarde, "basiswaarde")
    op_koers = _decimaal(op_koers_marge, "op_koers_marge")
    aandacht = _decimaal(aandacht_marge, "aandacht_marge")
    for veld, marge in (("op_koers_marge", op_koers), ("aandacht_marge", aandacht)):
        if marge is not None and not (0 <= marge <= MAX_MARGE):
            fouten[veld] = "Een marge is een percentage van 0 tot en met 1000."
    if op_koers is not None and aandacht is not None and aandacht < op_koers:
        fouten["aandacht_marge"] = (
            "De marge voor 'aandacht' moet minstens zo groot zijn als die voor 'op koers'."
        )
    if (basis is None) != (basisjaar is None):
        fouten["basisjaar"] = "Vul de nulmeting en het jaar ervan allebei in, of allebei niet."
    streef: dict[int, Decimal] = {}
    for jaar, waarde in streefwaarden.items():
        getal = _decimaal(waarde, f"streef_{jaar}")
        if getal is not None:
            streef[int(jaar)] = getal
    if basisjaar is not None and streef and min(streef) <= basisjaar:
        fouten["basisjaar"] = "Een streefwaarde hoort bij een jaar na de nulmeting."
    if fouten:
        raise ValidationError(fouten)
    koppeling.richting = richting
    koppeling.basiswaarde = basis
    koppeling.basisjaar = basisjaar
    koppeling.op_koers_marge = op_koers
    koppeling.aandacht_marge = aandacht
    koppeling.full_clean()
    koppeling.save()
    koppeling.streefwaarden.exclude(jaar__in=list(streef)).delete()
    for jaar, waarde in streef.items():
        Streefwaarde.objects.update_or_create(
            koppeling=koppeling, jaar=jaar, defaults={"waarde": waarde}
        )
    return koppeling


@transaction.atomic
def koppeling_add(
    *, actor: Any, resultaat: Resultaat, indicator: str, richting: str = Richting.HOGER
) -> Indicatorkoppeling:
    """Link an indicator (by its id in the registry) to a resultaat."""
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, resultaat.thema.plan.gemeente_id)
    if richting not in Richting.values:
        raise ValidationError({"richting": "Kies of een hogere of een lagere waarde beter is."})
    if indicatoren.get(indicator) is None:
        raise ValidationError(
            {"indicator": "Deze indicator bestaat niet. Kies er een uit de lijst."}
        )
    if resultaat.indicatoren.filter(indicator=indicator).exists():
        raise ValidationError({"indicator": "Deze indicator hoort al bij dit resultaat."})
    return Indicatorkoppeling.objects.create(
        resultaat=resultaat, indicator=indicator, richting=richting
    )


@transaction.atomic
@schrijft("activiteit")
def activiteit_status_set(
    *, actor: Any, activiteit: Activiteit, status: str, toelichting: str = ""
) -> Activiteit:
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, activiteit.subdoel.doel.thema.plan.gemeente_id)
    if status not in ActiviteitStatus.values:
        raise ValidationError({"status": "Kies een geldige status."})
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    activiteit.status = status
    activiteit.toelichting = toelichting.strip()[:2000]
    activiteit.save(update_fields=["status", "toelichting", "updated_at"])
    return activiteit


@transaction.atomic
@schrijft("plan")
def plan_marges_change(
    *, actor: Any, plan: Beleidsplan, op_koers_marge: Any, aandacht_marge: Any
) -> Beleidsplan:
    """The plan's default thresholds (used where a linked indicator sets none)."""
    _mag(actor, Resource.BELEID, Action.WIJZIGEN, plan.gemeente_id)
    op_koers = _decimaal(op_koers_marge, "op_koers_marge")
    aandacht = _decimaal(aandacht_marge, "aandacht_marge")
    if op_koers is None or aandacht is None:
        raise ValidationError({"op_koers_marge": "Vul beide marges in."})
    if not (0 <= op_koers <= aandacht <= MAX_MARGE):
        raise ValidationError(
            {"aandacht_marge": "Marges van 0 tot 1000%, en 'aandacht' minstens 'op koers'."}
        )
    plan = Beleidsplan.objects.select_for_update().get(pk=plan.pk)
    plan.op_koers_marge, plan.aandacht_marge = op_koers, aandacht
    plan.save(update_fields=["op_koers_marge", "aandacht_marge", "updated_at"])
    return plan


# --- the survey ---------------------------------------------------------------------------

METHODE = (
    "Populatie: inwoners met een toegekende Wmo-maatwerkvoorziening die op de peildatum loopt. "
    "Steekproef: gestratificeerd naar wijk, evenredig verdeeld (grootste resten, minstens één "
    "per wijk), binnen elke wijk een enkelvoudige aselecte steekproef zonder teruglegging met "
    "random.Random(seed); dezelfde populatie, grootte en seed geven dezelfde steekproef "
    "(Uitvoeringsregeling Wmo 2015 art. 8 lid 3: een representatieve steekproef is toegestaan)."
)


def vragenlijst_standaard(gemeente: Gemeente) -> Vragenlijst:
    """The municipality's questionnaire, created from the standard questions the first time."""
    lijst, nieuw = Vragenlijst.objects.get_or_create(
        gemeente=gemeente,
        naam="Cliëntervaringsonderzoek Wmo",
        defaults={
            "inleiding": (
                "U krijgt hulp van de gemeente. Wij willen weten hoe u dat vindt. "
                "Het invullen duurt ongeveer 5 minuten. Uw antwoorden zijn anoniem."
            ),
            "bron": "Wmo 2015 art. 2.5.1 lid 1; Uitvoeringsregeling Wmo 2015 art. 8",
        },
    )
    if nieuw:
        Vraag.objects.bulk_create(
            Vraag(vragenlijst=lijst, nummer=i, code=v.code, tekst=v.tekst, aspect=v.aspect)
            for i, v in enumerate(STANDAARD, start=1)
        )
    return lijst


def populatie(*, gemeente_id: int, peildatum: dt.date) -> dict[int, list[tuple[int, str]]]:
    """Per wijk the residents with a running Wmo maatwerk provision on the peildatum, each once,
    with the provider of (one of) their provisions. One query."""
    rijen = (
        BeschikteVoorziening.objects.filter(
            beschikking__gemeente_id=gemeente_id,
            voorziening__wet=Wet.WMO,
            uitkomst__in=[Uitkomst.TOEGEKEND, Uitkomst.DEELS],
            begin__lte=peildatum,
        )
        .filter(Q(einde__isnull=True) | Q(einde__gte=peildatum))
        .values_list("beschikking__inwoner_id", "beschikking__inwoner__wijk_id", "aanbieder")
        .order_by("beschikking__inwoner_id", "pk")
    )
    gezien: dict[int, tuple[int, str]] = {}
    for rij in rijen:
        inwoner: int = rij[0]
        gezien.setdefault(inwoner, (int(rij[1]), str(rij[2])))
    strata: dict[int, list[tuple[int, str]]] = {}
    for inwoner, (wijk, aanbieder) in gezien.items():
        strata.setdefault(wijk, []).append((inwoner, aanbieder))
    return strata


@transaction.atomic
def uitvraging_start(
    *,
    actor: Any,
    gemeente: Gemeente,
    jaar: int,
    peildatum: dt.date,
    sluit_op: dt.date,
    steekproefgrootte: int,
    seed: int | None = None,
) -> Uitvraging:
    """Start the year's survey: draw the sample (`beleid.steekproef`) from the residents with a
    Wmo provision and create one invitation each. The method and seed are stored."""
    _mag(actor, Resource.ENQUETE, Action.AANMAKEN, gemeente.pk)
    fouten = {}
    if Uitvraging.objects.filter(gemeente=gemeente, jaar=jaar).exists():
        fouten["jaar"] = f"Voor {jaar} is het cliëntervaringsonderzoek al uitgezet."
    if sluit_op <= peildatum:
        fouten["sluit_op"] = "De sluitingsdatum moet na de peildatum liggen."
    if steekproefgrootte < 1:
        fouten["steekproefgrootte"] = "Nodig minstens één inwoner uit."
    if fouten:
        raise ValidationError(fouten)
    strata = populatie(gemeente_id=gemeente.pk, peildatum=peildatum)
    totaal = sum(len(v) for v in strata.values())
    if totaal == 0:
        raise ValidationError(
            {"peildatum": "Op deze peildatum heeft geen inwoner een Wmo-maatwerkvoorziening."}
        )
    seed = secrets.randbelow(2**31) if seed is None else seed
    aanbieder = {i: a for rijen in strata.values() for i, a in rijen}
    wijk_van = {i: w for w, rijen in strata.items() for i, _a in rijen}
    gekozen = steekproef.trek(
        {w: [i for i, _a in rijen] for w, rijen in strata.items()}, steekproefgrootte, seed=seed
    )
    uitvraging = Uitvraging.objects.create(
        gemeente=gemeente,
        vragenlijst=vragenlijst_standaard(gemeente),
        jaar=jaar,
        peildatum=peildatum,
        sluit_op=sluit_op,
        populatie=totaal,
        steekproefgrootte=len(gekozen),
        seed=seed,
        methode=METHODE,
    )
    Uitnodiging.objects.bulk_create(
        Uitnodiging(
            uitvraging=uitvraging,
            inwoner_id=i,
            wijk_id=wijk_van[i],
            aanbieder=aanbieder[i] or "",
            sleutel=secrets.token_hex(16),
        )
        for i in gekozen
    )
    return uitvraging


def _handtekening(uitnodiging_id: int, sleutel: str) -> str:
    bericht = f"eenplan-enquete:{uitnodiging_id}:{sleutel}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), bericht, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def uitnodiging_token(uitnodiging: Uitnodiging) -> str:
    """The token in the invitation's link: the invitation's number and an HMAC of it with a
    random per-invitation key and the server's secret (192 bits; not stored anywhere)."""
    return f"{uitnodiging.pk}-{_handtekening(uitnodiging.pk, uitnodiging.sleutel)}"


def uitnodiging_voor_token(token: str) -> Uitnodiging | None:
    """The invitation a token belongs to, or None (unknown, tampered or malformed)."""
    nummer, _streep, handtekening = token.partition("-")
    if not nummer.isdigit() or len(nummer) > 12 or not handtekening:
        return None
    uitnodiging = (
        Uitnodiging.objects.select_related("uitvraging__vragenlijst").filter(pk=int(nummer)).first()
    )
    if uitnodiging is None:
        return None
    verwacht = _handtekening(uitnodiging.pk, uitnodiging.sleutel)
    if not hmac.compare_digest(verwacht, handtekening):
        return None
    return uitnodiging


GESLOTEN = "Dit onderzoek is gesloten. U kunt niet meer antwoorden. Dank u wel voor uw moeite."
AL_INGEVULD = "U heeft deze vragenlijst al ingevuld. Dank u wel!"


def open_voor_antwoord(uitnodiging: Uitnodiging, *, vandaag: dt.date) -> str:
    """Why this invitation cannot be answered now ('' when it can)."""
    uitvraging = uitnodiging.uitvraging
    if uitnodiging.beantwoord:
        return AL_INGEVULD
    if uitvraging.status != UitvragingStatus.OPEN or vandaag > uitvraging.sluit_op:
        return GESLOTEN
    return ""


@transaction.atomic
def antwoorden_opslaan(*, token: str, scores: Mapping[str, int | None], vandaag: dt.date) -> None:
    """Store one resident's answers: a `Respons` with only the wijk and provider (each only when
    at least five residents of the round share it, else left empty), one `Antwoord`
    per question (1-5, or none for 'weet ik niet'), both with random keys and no time; the
    invitation is marked used (one answer per invitation) without a time. Answering twice,
    after closing, or with a score outside 1-5 is refused and stores nothing."""
    uitnodiging = uitnodiging_voor_token(token)
    if uitnodiging is None:
        raise ValidationError("Deze link klopt niet. Controleer de link in uw brief.")
    uitnodiging = (
        Uitnodiging.objects.select_for_update()
        .select_related("uitvraging__vragenlijst")
        .get(pk=uitnodiging.pk)
    )
    reden = open_voor_antwoord(uitnodiging, vandaag=vandaag)
    if reden:
        raise ValidationError(reden)
    alle = list(uitnodiging.uitvraging.vragenlijst.vragen.all())
    # Only the questions asked (actief) are stored; an answer to one switched off is ignored.
    vragen = [v for v in alle if v.actief]
    fouten = {}
    for vraag in vragen:
        score = scores.get(vraag.code)
        if score is not None and (isinstance(score, bool) or score not in (1, 2, 3, 4, 5)):
            fouten[vraag.code] = "Kies een antwoord van 1 tot en met 5, of 'weet ik niet'."
    onbekend = set(scores) - {v.code for v in alle}
    if onbekend:
        fouten["vragen"] = "Onbekende vraag: " + ", ".join(sorted(onbekend))
    if all(scores.get(v.code) is None for v in vragen) and not fouten:
        fouten["vragen"] = "Beantwoord minstens één vraag."
    if fouten:
        raise ValidationError(fouten)
    # Only an attribute at least five invited residents share (`selectors.grove_indeling`).
    indeling = grove_indeling(uitnodiging.uitvraging_id)
    respons = Respons.objects.create(
        uitvraging=uitnodiging.uitvraging,
        wijk_id=indeling.wijk(uitnodiging.wijk_id),
        aanbieder=indeling.aanbieder(uitnodiging.aanbieder),
    )
    Antwoord.objects.bulk_create(
        Antwoord(respons=respons, vraag=v, score=scores.get(v.code)) for v in vragen
    )
    # Only the flag: `updated_at` would tell the moment this person answered (the answer
    # itself has no time and a random key, so nothing could be matched to it anyway).
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(beantwoord=True)


@transaction.atomic
def beleidsplan_importeer(*, gemeente: Gemeente, structuur: Mapping[str, Any]) -> Beleidsplan:
    """Create a whole plan from its structure (a mapping as `demo/beleid.py` writes it): themes,
    doelen, subdoelen, activiteiten linked to their resultaten, resultaten with their
    indicators and targets. Used by the demo and by an installation that loads its own plan;
    an unknown indicator id is refused (nothing is created)."""
    from eenplan.beleid.models import Doel, Subdoel, Thema

    plan = Beleidsplan.objects.create(
        gemeente=gemeente,
        **{k: structuur[k] for k in ("naam", "van_jaar", "tot_jaar")},
        **{k: structuur[k] for k in ("omschrijving", "vastgesteld_op", "bron") if k in structuur},
    )
    for t in structuur["themas"]:
        thema = Thema.objects.create(
            plan=plan,
            nummer=t["nummer"],
            naam=t["naam"],
            omschrijving=t.get("omschrijving", ""),
            bron=t.get("bron", ""),
        )
        resultaten = {}
        for r in t.get("resultaten", []):
            resultaat = Resultaat.objects.create(
                thema=thema, nummer=r["nummer"], tekst=r["tekst"], bron=r.get("bron", "")
            )
            resultaten[r["nummer"]] = resultaat
            for k in r.get("indicatoren", []):
                if indicatoren.get(k["indicator"]) is None:
                    raise ValidationError({"indicator": f"Onbekende indicator: {k['indicator']}"})
                koppeling = Indicatorkoppeling.objects.create(
                    resultaat=resultaat,
                    indicator=k["indicator"],
                    richting=k.get("richting", Richting.HOGER),
                    basiswaarde=k.get("basiswaarde"),
                    basisjaar=k.get("basisjaar"),
                    bron=k.get("bron", ""),
                )
                for jaar, waarde in k.get("streef", {}).items():
                    Streefwaarde.objects.create(koppeling=koppeling, jaar=jaar, waarde=waarde)
        for d in t.get("doelen", []):
            doel = Doel.objects.create(
                thema=thema, code=d["code"], tekst=d["tekst"], bron=d.get("bron", "")
            )
            for s in d.get("subdoelen", []):
                subdoel = Subdoel.objects.create(
                    doel=doel, nummer=s["nummer"], tekst=s["tekst"], bron=s.get("bron", "")
                )
                for a in s.get("activiteiten", []):
                    activiteit = Activiteit.objects.create(
                        subdoel=subdoel,
                        code=a["code"],
                        naam=a["naam"],
                        eigenaar=a["eigenaar"],
                        start=a["start"],
                        eind=a["eind"],
                        status=a.get("status", ActiviteitStatus.GEPLAND),
                        bron=a.get("bron", ""),
                    )
                    activiteit.resultaten.set([resultaten[n] for n in a.get("resultaten", [])])
    return plan
