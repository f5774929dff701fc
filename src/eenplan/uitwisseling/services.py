"""Writes of purpose-bound sharing: ask for an exchange (the five questions answered, the
categories chosen, the legal basis and the period), approve it, refuse it on grounds of
professional secrecy (final: nobody overrules it), end it; assign a gezinscoach to a
household and write delivery notes. Each write decides access in `privacy.access`, locks the
exchange it changes, and publishes its domain event in the same transaction.

Raises `ValidationError` (bad input, nothing written), `Conflict` (409: the exchange was
decided meanwhile, or is refused) and `access.Refused` (403, logged)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from eenplan.common.concurrency import Conflict
from eenplan.events.bus import publish
from eenplan.gemeente import roles
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource, Via
from eenplan.privacy.models import Toestemming
from eenplan.rules import uitwisseling as regels
from eenplan.uitwisseling import selectors
from eenplan.uitwisseling.constants import Doelsoort, Grondslag, OntvangerSoort, Status
from eenplan.uitwisseling.models import ANTWOORDEN, Uitvoering, Uitvoeringsnotitie, Uitwisseling

R, A = Resource, Action

GEWEIGERD_DEFINITIEF = (
    "Deze uitwisseling is geweigerd op grond van beroepsgeheim of ethiek. Niemand kan dat "
    "terugdraaien, ook geen beheerder. Vraag zo nodig een nieuwe uitwisseling aan."
)
AL_BESLOTEN = (
    "Over deze uitwisseling is intussen al besloten (nu: {status}). Uw besluit is niet "
    "opgeslagen; bekijk de uitwisseling opnieuw."
)


def _fouten(fouten: Iterable[regels.Fout]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for fout in fouten:
        result.setdefault(fout.veld, []).append(fout.tekst)
    return result


def _leden(huishouden: Huishouden) -> list[int]:
    return list(access.huidige_leden(huishouden.pk).values_list("inwoner_id", flat=True))


@transaction.atomic
def uitwisseling_vraag(
    *,
    door: User,
    huishouden: Huishouden,
    ontvanger_soort: str,
    ontvanger_naam: str,
    categorieen: Iterable[str],
    doelsoort: str,
    antwoorden: Mapping[str, str | None],
    grondslag: str,
    van: dt.date | None,
    tot: dt.date | None,
    ontvanger_medewerker: Medewerker | None = None,
    toestemming: Toestemming | None = None,
    vorige: Uitwisseling | None = None,
    via: Via = access.SERVICE,
) -> Uitwisseling:
    """Ask for an exchange of `huishouden`'s data. Refused, and nothing written, without an
    answer to each of the five questions, without chosen categories or with one the dossier
    does not hold (never "the whole dossier"), without a stated period, or with consent as
    the basis but no current consent of a member of the household. A recipient who works in
    eenplan must be outside the team that holds the dossier. `vorige`: the refused or ended
    exchange this one asks anew."""
    access.require(door, R.UITWISSELING, A.AANMAKEN, huishouden=huishouden.pk, via=via)
    categorieen = list(dict.fromkeys(categorieen))
    fouten = _fouten(
        [
            *regels.ontbrekende_antwoorden(antwoorden),
            *regels.categorie_fouten(categorieen, selectors.categorieen_in_dossier(huishouden)),
        ]
    )
    periode = regels.periode_fout(van, tot)
    if periode is not None:
        fouten.setdefault(periode.veld, []).append(periode.tekst)
    if ontvanger_soort not in OntvangerSoort.values:
        fouten.setdefault("ontvanger_soort", []).append("Kies wie de gegevens ontvangt.")
    if not (ontvanger_naam or "").strip():
        fouten.setdefault("ontvanger_naam", []).append(
            "Geef de organisatie (en zo mogelijk de persoon) die ontvangt."
        )
    if doelsoort not in Doelsoort.values:
        fouten.setdefault("doelsoort", []).append("Kies het soort doel.")
    if grondslag not in Grondslag.values:
        fouten.setdefault("grondslag", []).append(
            "Kies de grondslag: toestemming, een wettelijke plicht of de meldcode."
        )
    leden = _leden(huishouden)
    vandaag = timezone.localdate()
    if grondslag == Grondslag.TOESTEMMING:
        if toestemming is None:
            fouten.setdefault("toestemming", []).append(
                "Kies de vastgelegde toestemming van de inwoner."
            )
        elif toestemming.inwoner_id not in leden or (
            toestemming.ingetrokken_op is not None and toestemming.ingetrokken_op <= vandaag
        ):
            fouten.setdefault("toestemming", []).append(
                "Deze toestemming hoort niet bij een lid van dit huishouden of is ingetrokken."
            )
    elif toestemming is not None:
        toestemming = None  # only consent as the basis names a consent
    if ontvanger_medewerker is not None:
        if ontvanger_medewerker.gemeente_id != huishouden.gemeente_id:
            fouten.setdefault("ontvanger_medewerker", []).append(
                "Deze medewerker werkt voor een andere gemeente."
            )
        elif ontvanger_medewerker.user_id == door.pk or (
            leden
            and access.inwoners_in_scope(ontvanger_medewerker.user).filter(pk__in=leden).exists()
        ):
            fouten.setdefault("ontvanger_medewerker", []).append(
                "Deze medewerker hoort al bij het team dat het dossier heeft: een uitwisseling "
                "is voor wie daarbuiten staat."
            )
        elif not ontvanger_medewerker.user.has_perm(roles.GEDEELD_LEZEN):
            fouten.setdefault("ontvanger_medewerker", []).append(
                "Deze medewerker kan geen gedeelde gegevens ontvangen (rol)."
            )
    if vorige is not None and (
        vorige.huishouden_id != huishouden.pk
        or vorige.status not in (Status.GEWEIGERD, Status.BEEINDIGD)
    ):
        fouten.setdefault("vorige", []).append(
            "Alleen een geweigerde of beëindigde uitwisseling van dit huishouden kan opnieuw "
            "worden gevraagd."
        )
    if fouten:
        raise ValidationError(fouten)
    assert van is not None and tot is not None
    uitwisseling = Uitwisseling(
        gemeente_id=huishouden.gemeente_id,
        huishouden=huishouden,
        vorige=vorige,
        ontvanger_soort=ontvanger_soort,
        ontvanger_naam=ontvanger_naam.strip(),
        ontvanger_medewerker=ontvanger_medewerker,
        categorieen=[c for c in regels.CATEGORIEEN if c in categorieen],
        doelsoort=doelsoort,
        grondslag=grondslag,
        toestemming=toestemming,
        van=van,
        tot=tot,
        aangevraagd_door=door,
        **{veld: (antwoorden.get(veld) or "").strip() for veld in ANTWOORDEN},
    )
    uitwisseling.full_clean()
    uitwisseling.save()
    publish(
        "uitwisseling.gevraagd",
        record=uitwisseling,
        omschrijving=f"Uitwisseling gevraagd met {uitwisseling.ontvanger_naam}",
        user=door,
        huishouden=huishouden,
        gegevens={"categorieen": uitwisseling.categorieen, "vorige": vorige.pk if vorige else None},
    )
    return uitwisseling


def _vergrendeld(uitwisseling: Uitwisseling) -> Uitwisseling:
    return Uitwisseling.objects.select_for_update().get(pk=uitwisseling.pk)


def _overgang(uitwisseling: Uitwisseling, naar: str) -> None:
    """Refuse a transition the rules do not allow (`rules.uitwisseling.OVERGANGEN`): for
    every actor alike — a superuser and the functioneel beheerder included."""
    if regels.mag_overgaan(uitwisseling.status, naar):
        return
    if uitwisseling.status == Status.GEWEIGERD:
        raise Conflict(GEWEIGERD_DEFINITIEF, code="geweigerd")
    raise Conflict(
        AL_BESLOTEN.format(status=Status(uitwisseling.status).label.lower()), code="besloten"
    )


@transaction.atomic
def uitwisseling_goedkeuren(
    *, door: User, uitwisseling: Uitwisseling, via: Via = access.SERVICE
) -> Uitwisseling:
    """Approve a requested exchange: from now its recipient reads the chosen categories
    within the period. Refused (409) when it was decided meanwhile — a veto and an approval
    at the same moment never both succeed (the row is locked; the first one wins)."""
    access.require(
        door, R.UITWISSELING, A.BESLISSEN, huishouden=uitwisseling.huishouden_id, via=via
    )
    uitwisseling = _vergrendeld(uitwisseling)
    _overgang(uitwisseling, Status.GOEDGEKEURD)
    uitwisseling.status = Status.GOEDGEKEURD
    uitwisseling.besloten_door = door
    uitwisseling.besloten_op = timezone.now()
    uitwisseling.full_clean()
    uitwisseling.save(update_fields=["status", "besloten_door", "besloten_op", "updated_at"])
    publish(
        "uitwisseling.goedgekeurd",
        record=uitwisseling,
        omschrijving=f"Uitwisseling met {uitwisseling.ontvanger_naam} goedgekeurd",
        user=door,
        huishouden=uitwisseling.huishouden,
    )
    return uitwisseling


@transaction.atomic
def uitwisseling_weigeren(
    *, door: User, uitwisseling: Uitwisseling, reden: str, via: Via = access.SERVICE
) -> Uitwisseling:
    """The secrecy veto (Peelregio §3.7.5, seed 004 L3116–3118): a professional taking part
    refuses the exchange on grounds of professional secrecy or ethics, with a reason. The
    exchange is blocked for good: no transition leads out of "geweigerd", for any role; it
    can only be asked anew (`uitwisseling_vraag(vorige=…)`). Refused (409) when it was
    decided meanwhile."""
    access.require(
        door, R.UITWISSELING, A.WEIGEREN, huishouden=uitwisseling.huishouden_id, via=via
    )
    if not (reden or "").strip():
        raise ValidationError(
            {"reden": "Geef de reden van de weigering (beroepsgeheim of beroepsethiek)."}
        )
    uitwisseling = _vergrendeld(uitwisseling)
    _overgang(uitwisseling, Status.GEWEIGERD)
    uitwisseling.status = Status.GEWEIGERD
    uitwisseling.besloten_door = door
    uitwisseling.besloten_op = timezone.now()
    uitwisseling.weigering_reden = reden.strip()
    uitwisseling.full_clean()
    uitwisseling.save(
        update_fields=["status", "besloten_door", "besloten_op", "weigering_reden", "updated_at"]
    )
    publish(
        "uitwisseling.geweigerd",
        record=uitwisseling,
        omschrijving=f"Uitwisseling met {uitwisseling.ontvanger_naam} geweigerd (beroepsgeheim)",
        user=door,
        huishouden=uitwisseling.huishouden,
    )
    return uitwisseling


@transaction.atomic
def uitwisseling_beeindigen(
    *, door: User, uitwisseling: Uitwisseling, reden: str, via: Via = access.SERVICE
) -> Uitwisseling:
    """End a requested or approved exchange early (consent withdrawn, the need is over): its
    recipient reads nothing from now on. A refused exchange is not ended: it stays refused."""
    access.require(
        door, R.UITWISSELING, A.WIJZIGEN, huishouden=uitwisseling.huishouden_id, via=via
    )
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom de uitwisseling stopt."})
    uitwisseling = _vergrendeld(uitwisseling)
    _overgang(uitwisseling, Status.BEEINDIGD)
    uitwisseling.status = Status.BEEINDIGD
    uitwisseling.beeindigd_door = door
    uitwisseling.beeindigd_op = timezone.now()
    uitwisseling.beeindiging_reden = reden.strip()
    uitwisseling.full_clean()
    uitwisseling.save(
        update_fields=[
            "status", "beeindigd_door", "beeindigd_op", "beeindiging_reden", "updated_at"
        ]
    )
    publish(
        "uitwisseling.beeindigd",
        record=uitwisseling,
        omschrijving=f"Uitwisseling met {uitwisseling.ontvanger_naam} beëindigd",
        user=door,
        huishouden=uitwisseling.huishouden,
    )
    return uitwisseling


# --- youth delivery -------------------------------------------------------------------------


@transaction.atomic
def uitvoering_toewijzen(
    *,
    door: User,
    huishouden: Huishouden,
    medewerker: Medewerker,
    van: dt.date | None = None,
    via: Via = access.SERVICE,
) -> Uitvoering:
    """The toegang assigns a gezinscoach to deliver to `huishouden` from `van`: that opens the
    household's delivery notes to them, and nothing of the toegang's data (seed 000 §4.11)."""
    access.require(door, R.UITVOERING, A.TOEWIJZEN, huishouden=huishouden.pk, via=via)
    van = van or timezone.localdate()
    if medewerker.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"medewerker": "Deze medewerker werkt voor een andere gemeente."})
    if not medewerker.user.has_perm(roles.UITVOERING_SCHRIJVEN):
        raise ValidationError(
            {"medewerker": "Kies een gezinscoach: deze medewerker voert geen jeugdhulp uit."}
        )
    if selectors.uitvoeringen_actief(huishouden_id=huishouden.pk, op=van).filter(
        medewerker=medewerker
    ).exists():
        raise ValidationError(
            {"medewerker": "Deze gezinscoach voert al uit voor dit huishouden."}
        )
    uitvoering = Uitvoering(huishouden=huishouden, medewerker=medewerker, van=van,
                            toegewezen_door=door)
    uitvoering.full_clean()
    uitvoering.save()
    publish(
        "uitvoering.toegewezen",
        record=uitvoering,
        omschrijving=f"Gezinscoach {medewerker} voert uit",
        user=door,
        huishouden=huishouden,
    )
    return uitvoering


@transaction.atomic
def uitvoeringsnotitie_add(
    *, door: User, uitvoering: Uitvoering, tekst: str, via: Via = access.SERVICE
) -> Uitvoeringsnotitie:
    """A delivery note of the gezinscoach delivering to the household (the delivery scope,
    `access.decide_uitvoering`): uitvoering data, read by the toegang only through an
    exchange."""
    uitvoerders = selectors.uitvoerder_ids(uitvoering.huishouden_id)
    decision = access.decide_uitvoering(
        door, A.AANMAKEN, huishouden=uitvoering.huishouden_id, uitvoerders=uitvoerders, via=via
    )
    if not decision.allowed:
        raise access.Refused(decision)
    if not (tekst or "").strip():
        raise ValidationError({"tekst": "Schrijf de notitie."})
    notitie = Uitvoeringsnotitie(
        uitvoering=uitvoering, datum=timezone.localdate(), tekst=tekst.strip(), auteur=door
    )
    notitie.full_clean()
    notitie.save()
    return notitie
