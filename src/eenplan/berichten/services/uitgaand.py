"""What the municipality sends: the 301 toewijzing to a provider — made when a ZIN beschikking
is sent, and again on every change or ending of a granted provision (OP033, OP257), always with
all current toewijzingen of the client at that provider (OP087) — and the 319 answer to a
provider's request (315/317)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.constants import (
    REDEN_WIJZIGING,
    VERZOEK_AFGEWEZEN,
    VERZOEK_IN_ONDERZOEK,
    BerichtStatus,
    Richting,
)
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services._gedeeld import gemeentecode, uitgaand_opslaan
from eenplan.beschikkingen.constants import Uitkomst
from eenplan.beschikkingen.models import Beschikking, BeschikteVoorziening
from eenplan.common.constants import Wet
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import model as m
from eenplan.istandaarden import regels
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.voorzieningen.constants import Leveringsvorm

GESLACHT = {"M": "1", "V": "2"}  # COD046; anything else: 0 (onbekend)
WETTEN: dict[str, str] = {Wet.WMO: "wmo", Wet.JEUGD: "jw"}
TOTAAL = "6"  # WMO757/JZ757: totaal binnen geldigheidsduur toewijzing
VARIANTEN = {"inspanning": "inspanningsgericht", "output": "outputgericht", "taak": "taakgericht"}
GEEN_AGB = (
    "De aanbieder {naam} heeft nog geen AGB-code: eenplan kan hem geen toewijzing sturen. Vul de "
    "AGB-code in bij de aanbieder; de toewijzing gaat dan met de volgende wijziging mee."
)


def aanbieder_van(voorziening: BeschikteVoorziening) -> Aanbieder | None:
    """The provider named on a granted provision (a foreign key once the free text is
    migrated, else the provider with that name)."""
    waarde = getattr(voorziening, "aanbieder", None)
    if isinstance(waarde, Aanbieder):
        return waarde
    if isinstance(waarde, str) and waarde:
        return Aanbieder.objects.filter(naam=waarde).order_by("id").first()
    return None


def _omvang(voorziening: BeschikteVoorziening) -> tuple[int | None, str, str]:
    """Volume, unit and frequency of a 301 (whole numbers: 2.5 hours become 150 minutes)."""
    eenheid = voorziening.eenheid or voorziening.voorziening.eenheid
    # A provision counted without a period (a wheelchair: 1 stuk) is a total within the
    # toewijzing's validity (WMO757/JZ757 code 6); an Omvang always has a Frequentie.
    frequentie = voorziening.frequentie or voorziening.voorziening.frequentie or TOTAAL
    if voorziening.omvang is None:
        return None, eenheid, frequentie
    omvang = Decimal(voorziening.omvang)
    if omvang != omvang.to_integral_value() and eenheid == "04":
        return int(omvang * 60), "01", frequentie
    return int(omvang.to_integral_value()), eenheid, frequentie


def toewijzingen_voor_beschikking(beschikking: Beschikking) -> list[Bericht]:
    """Every granted ZIN provision of a sent beschikking becomes a toewijzing at its provider;
    one 301 per provider and law goes out (OP087). Provisions without a provider, or whose
    provider has no AGB code yet, get no toewijzing (the reason is in the timeline)."""
    nu = timezone.now()
    groepen: dict[tuple[int, str], list[Toewijzing]] = defaultdict(list)
    for bv in beschikking.voorzieningen.select_related("voorziening").order_by("id"):
        wet = WETTEN.get(bv.voorziening.wet)
        if (
            wet is None
            or bv.uitkomst == Uitkomst.AFGEWEZEN
            or bv.leveringsvorm != Leveringsvorm.ZIN
            or bv.begin is None
        ):
            continue
        aanbieder = aanbieder_van(bv)
        if aanbieder is None or not aanbieder.agb_code:
            continue
        if Toewijzing.objects.filter(beschikte_voorziening=bv).exists():
            continue  # already assigned (sending is once, but stay idempotent)
        volume, eenheid, frequentie = _omvang(bv)
        toewijzing = Toewijzing.objects.create(
            gemeente_id=beschikking.gemeente_id,
            inwoner_id=beschikking.inwoner_id,
            aanbieder=aanbieder,
            beschikte_voorziening=bv,
            wet=wet,
            productcategorie=bv.voorziening.productcategorie,
            productcode=bv.voorziening.productcode,
            toewijzingsdatum=nu,
            ingangsdatum=bv.begin,
            einddatum=bv.einde,
            volume=volume,
            eenheid=eenheid if volume is not None else "",
            frequentie=frequentie if volume is not None else "",
            uitvoeringsvariant=VARIANTEN.get(
                bv.voorziening.uitvoeringsvariant, "inspanningsgericht"
            ),
        )
        toewijzing.nummer = toewijzing.pk
        # Every write of a toewijzing sets updated_at: incoming processing keeps the rows it
        # read until their updated_at changes (`inkomend._Voorraad.toewijzingen_laad`).
        toewijzing.save(update_fields=["nummer", "updated_at"])
        groepen[(aanbieder.pk, wet)].append(toewijzing)
    berichten = []
    for (aanbieder_id, wet), _rijen in groepen.items():
        berichten.append(
            toewijzing_stuur(
                inwoner=beschikking.inwoner,
                aanbieder=Aanbieder.objects.get(pk=aanbieder_id),
                wet=wet,
                beschikking=beschikking,
                reden=f"beschikking {beschikking.pk} verzonden",
            )
        )
    return berichten


# A beschikking revised after bezwaar replaces the decision objected to: its toewijzingen end
# the day before the revision's provisions start ("05 Herbeoordeling: verkorting toewijzing"),
# or, when that is before they started, are deleted ("13 Verwijderd", einddatum = ingangsdatum:
# no longer current, OP087).
HERZIEN_VERKORT = "05"
HERZIEN_VERWIJDERD = "13"


def toewijzingen_herzien(*, beschikking: Beschikking) -> list[Bericht]:
    """`beschikking` revises an earlier one after bezwaar (`herziet`) and was sent: the
    toewijzingen of the earlier decision that still run on the day the revision starts end
    (OP033, OP257) and every provider concerned gets a new 301 with all current toewijzingen
    of the client (OP087). The revision's own provisions get theirs when it is sent
    (`toewijzingen_voor_beschikking`). Idempotent: what already ended is left alone, and
    without a change no 301 goes out."""
    if beschikking.herziet_id is None or beschikking.verzonden_op is None:
        return []
    begins = [
        bv.begin
        for bv in beschikking.voorzieningen.all()
        if bv.begin is not None and bv.uitkomst != Uitkomst.AFGEWEZEN
    ]
    ingang = min(begins) if begins else beschikking.verzonden_op
    laatste_dag = ingang - dt.timedelta(days=1)
    gewijzigd: dict[tuple[int, str], Toewijzing] = {}
    for t in (
        Toewijzing.objects.select_for_update()
        .filter(beschikte_voorziening__beschikking_id=beschikking.herziet_id)
        .select_related("inwoner__gemeente", "aanbieder")
        .order_by("id")
    ):
        if not t.actueel or (t.einddatum is not None and t.einddatum <= laatste_dag):
            continue
        if laatste_dag < t.ingangsdatum:
            t.einddatum, t.reden_wijziging = t.ingangsdatum, HERZIEN_VERWIJDERD
        else:
            t.einddatum, t.reden_wijziging = laatste_dag, HERZIEN_VERKORT
        t.te_melden = True
        t.save(update_fields=["einddatum", "reden_wijziging", "te_melden", "updated_at"])
        gewijzigd.setdefault((t.aanbieder_id, t.wet), t)
    return [
        toewijzing_stuur(
            inwoner=t.inwoner,
            aanbieder=t.aanbieder,
            wet=t.wet,
            beschikking=beschikking,
            reden=f"beschikking {beschikking.herziet_id} herzien na bezwaar "
            f"(beschikking {beschikking.pk})",
        )
        for t in gewijzigd.values()
    ]


def toewijzing_wijzig(
    *,
    voorziening: BeschikteVoorziening,
    einde: dt.date | None,
    omvang: Decimal | None,
    reden_wijziging: str,
) -> Bericht | None:
    """A granted provision changed or ended (OP033, OP257): its toewijzing follows (new end
    date, reason, volume) and a new 301 goes out with all current toewijzingen (OP087)."""
    toewijzing = (
        Toewijzing.objects.select_for_update().filter(beschikte_voorziening=voorziening).first()
    )
    if toewijzing is None:
        return None
    if reden_wijziging not in REDEN_WIJZIGING:
        raise ValidationError({"reden_wijziging": "Kies een reden uit de lijst (RedenWijziging)."})
    toewijzing.einddatum = einde
    toewijzing.reden_wijziging = reden_wijziging
    if omvang is not None:
        voorziening.omvang = omvang
        volume, eenheid, frequentie = _omvang(voorziening)
        toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie = volume, eenheid, frequentie
    toewijzing.te_melden = True
    toewijzing.save()
    return toewijzing_stuur(
        inwoner=toewijzing.inwoner,
        aanbieder=toewijzing.aanbieder,
        wet=toewijzing.wet,
        beschikking=voorziening.beschikking,
        reden=REDEN_WIJZIGING[reden_wijziging].lower(),
    )


def _naam(inwoner: Inwoner) -> m.VolledigeNaam:
    return m.VolledigeNaam(
        geslachtsnaam=m.Achternaam(inwoner.achternaam[:200], inwoner.voorvoegsel or None),
        voornamen=inwoner.voornamen[:200] or None,
        naam_gebruik="1",
    )


def _product(t: Toewijzing) -> m.ToegewezenProduct:
    moment = timezone.localtime(t.toewijzingsdatum)
    return m.ToegewezenProduct(
        toewijzing_nummer=t.nummer or t.pk,
        referentie_aanbieder=t.referentie_aanbieder or None,
        product=m.Product(t.productcategorie, t.productcode or None),
        toewijzingsdatum=moment.date(),
        toewijzingstijd=moment.time().replace(microsecond=0),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        reden_wijziging=t.reden_wijziging or None,
        omvang=(
            m.Omvang(volume=t.volume, eenheid=t.eenheid, frequentie=t.frequentie)
            if t.volume is not None
            else None
        ),
        budget=t.budget,
    )


def als_toegewezen_product(t: Toewijzing) -> m.ToegewezenProduct:
    """A stored toewijzing as the library's record (for the rules)."""
    return _product(t)


def toewijzing_stuur(
    *,
    inwoner: Inwoner,
    aanbieder: Aanbieder,
    wet: str,
    beschikking: Beschikking | None = None,
    reden: str = "",
) -> Bericht:
    """A 301 to `aanbieder` for `inwoner` with every toewijzing valid on or after today plus
    every one changed since the previous 301 (OP087, checked with `regels.OP087` before it is
    stored). Answers the provider's open requests (315/317) for this client."""
    vandaag = timezone.localdate()
    rijen = list(
        Toewijzing.objects.filter(inwoner=inwoner, aanbieder=aanbieder, wet=wet)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag) | Q(te_melden=True))
        .order_by("nummer")
    )
    gemeente = inwoner.gemeente
    bericht = toewijzing_bericht(
        inwoner=inwoner, gemeente=gemeente, aanbieder=aanbieder, wet=wet, rijen=rijen, dag=vandaag
    )
    alle = Toewijzing.objects.filter(inwoner=inwoner, aanbieder=aanbieder, wet=wet)
    toewijzing_controleer(bericht, list(alle))
    rij = uitgaand_opslaan(
        bericht,
        gemeente=gemeente,
        aanbieder=aanbieder,
        inwoner_ids=[inwoner.pk],
        beschikking=beschikking,
        tijdlijn=toewijzing_tijdlijn(bericht, aanbieder, reden),
    )
    Toewijzing.objects.filter(pk__in=[t.pk for t in rijen]).update(
        te_melden=False, updated_at=timezone.now()
    )
    # A toewijzing answers the provider's open requests for this client (iJw §2.5.3).
    Bericht.objects.filter(
        richting=Richting.IN,
        aanbieder=aanbieder,
        inwoners=inwoner,
        code__in=["315", "317"],
        antwoord_uiterlijk__isnull=False,
        beantwoord_op__isnull=True,
    ).update(beantwoord_op=rij.moment)
    return rij


def toewijzing_tijdlijn(bericht: m.Toewijzing, aanbieder: Aanbieder, reden: str) -> str:
    """The sentence in the dossier timeline for a 301 (one per resident)."""
    return f"Toewijzing ({bericht.naam}) klaargezet voor {aanbieder.naam}" + (
        f": {reden}" if reden else ""
    )


def toewijzing_controleer(bericht: m.Toewijzing, alle: list[Toewijzing]) -> None:
    """OP087 before a 301 is stored: it carries every current toewijzing of the client at the
    provider (`alle`: all of them) and every one changed since the previous 301."""
    ontbreekt = regels.OP087(
        bericht,
        [_product(t) for t in alle],
        gewijzigd_sinds_vorige=[t.nummer for t in alle if t.te_melden and t.nummer],
    )
    if ontbreekt:  # a programming error, never the provider's problem
        raise ValidationError(ontbreekt[0].melding)


def toewijzing_bericht(
    *,
    inwoner: Inwoner,
    gemeente: Any,
    aanbieder: Aanbieder,
    wet: str,
    rijen: list[Toewijzing],
    dag: dt.date,
) -> m.Toewijzing:
    """The 301 to `aanbieder` for `inwoner` carrying `rijen` (in ToewijzingNummer order), with
    a placeholder identificatie (`uitgaand_rij` gives it its own) and dagtekening `dag`."""
    contact = m.Contact(
        soort="01",
        adres=m.Adres(
            huis=m.Huis(
                inwoner.huisnummer, huisnummer_toevoeging=inwoner.huisnummer_toevoeging or None
            ),
            postcode=inwoner.postcode.replace(" ", "").upper() or None,
            straatnaam=inwoner.straat or None,
            plaatsnaam=inwoner.woonplaats or None,
            land_code="NL",
        ),
    )
    return m.Toewijzing(
        wet=wet,  # type: ignore[arg-type]
        header=m.Header(
            afzender=gemeentecode(gemeente),
            ontvanger=aanbieder.agb_code,
            bericht_identificatie=m.BerichtIdentificatie("-", dag),
        ),
        client=m.Client301(
            bsn=inwoner.bsn,
            geboortedatum=m.Geboortedatum(inwoner.geboortedatum),
            geslacht=GESLACHT.get(inwoner.geslacht, "0"),
            naam=_naam(inwoner),
            contactgegevens=[contact],
            toegewezen_producten=[_product(t) for t in rijen],
        ),
    )


@transaction.atomic
def verzoek_beantwoord(
    *,
    bericht: Bericht,
    actor: Any,
    verzoek_antwoord: str,
    reden_afwijzing: str = "",
    via: access.Via | None = None,
) -> Bericht:
    """Answer a provider's request (315/317) with a 319: afgewezen (WJ760 1, with the reason of
    WJ759) or in onderzoek (2). A toewijzing (301) answers it too, through a beschikking."""
    access.require(
        actor,
        Resource.BERICHT,
        Action.BEHANDELEN,
        via=via or access.SERVICE,
        aanbieder=bericht.aanbieder_id,
    )
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.richting != Richting.IN or bericht.code not in ("315", "317"):
        raise ValidationError("Alleen een verzoek om toewijzing of wijziging krijgt een antwoord.")
    if bericht.status not in (BerichtStatus.VERWERKT, BerichtStatus.DEELS_AFGEKEURD):
        raise ValidationError("Dit verzoek is afgekeurd of nog niet verwerkt.")
    if bericht.beantwoord_op is not None:
        raise ValidationError("Dit verzoek is al beantwoord.")
    if verzoek_antwoord not in (VERZOEK_AFGEWEZEN, VERZOEK_IN_ONDERZOEK):
        raise ValidationError({"verzoek_antwoord": "Kies afgewezen of in onderzoek."})
    if verzoek_antwoord == VERZOEK_AFGEWEZEN and not reden_afwijzing:
        raise ValidationError({"reden_afwijzing": "Geef de reden van de afwijzing (WJ759)."})
    from eenplan.istandaarden import lees

    heen = lees(bytes(bericht.inhoud))
    client = heen.client  # type: ignore[attr-defined]
    if bericht.code == "315":
        referentie = client.aangevraagde_producten[0].referentie_aanbieder
    else:
        referentie = client.verzoek.referentie_aanbieder
    antwoord = m.Antwoordbericht(
        wet=heen.wet,  # type: ignore[attr-defined]
        header=m.Header(
            afzender=heen.header.ontvanger,  # type: ignore[attr-defined]
            ontvanger=heen.header.afzender,  # type: ignore[attr-defined]
            bericht_identificatie=m.BerichtIdentificatie("-", timezone.localdate()),
        ),
        antwoord=m.Antwoord(
            referentie_aanbieder=referentie,
            verzoek_antwoord=verzoek_antwoord,
            reden_afwijzing_verzoek=reden_afwijzing or None,
        ),
    )
    inwoner_ids = list(bericht.inwoners.values_list("pk", flat=True))
    rij = uitgaand_opslaan(
        antwoord,
        gemeente=bericht.gemeente,
        aanbieder=bericht.aanbieder,
        inwoner_ids=inwoner_ids,
        antwoord_op=bericht,
        tijdlijn=(
            "Verzoek van de aanbieder afgewezen (antwoordbericht)"
            if verzoek_antwoord == VERZOEK_AFGEWEZEN
            else "Verzoek van de aanbieder in onderzoek (antwoordbericht)"
        ),
    )
    bericht.beantwoord_op = rij.moment
    bericht.save(update_fields=["beantwoord_op", "updated_at"])
    return rij


def bericht_opgehaald(*, bericht: Bericht) -> None:
    """The provider fetched the message (API) or it was written to the outbox folder."""
    if bericht.richting == Richting.UIT and bericht.status == BerichtStatus.KLAAR:
        Bericht.objects.filter(pk=bericht.pk, status=BerichtStatus.KLAAR).update(
            status=BerichtStatus.OPGEHAALD, opgehaald_op=timezone.now()
        )
