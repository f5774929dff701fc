"""What a provider sends the municipality: kept first (the raw bytes, whatever they are), then
read with the hardened reader, checked against the rules of the library (header: TR056, TR135,
TR378; content: TR019, TR069, TR074, TR326, TR349, TR374, the claim checks of
`regels.declaratie_prestatie` with TR418 against the provider's contract tariffs), applied (a
delivery started or stopped, a request waiting for an
answer, claim lines approved or rejected) and answered: the retour (306, 308, 316, 318) or the
declaratie-antwoord (325) — always, also for a bad message that could be read (OP090). A file
that cannot be read safely gets return code 0001 and stays visible: there is no header to
answer to.

Processing is idempotent: the same file from the same sender is stored once; another file with
an identificatie already seen from that sender (TR056) is kept as `dubbel`, answered with 9056,
and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder, ContractProduct
from eenplan.berichten.constants import (
    INKOMEND,
    BerichtStatus,
    LeveringStatus,
    Richting,
)
from eenplan.berichten.models import Bericht, Levering, Prestatie, Toewijzing
from eenplan.berichten.services._gedeeld import (
    gemeente_voor_code,
    publiceer,
    retourcodes_van,
    sha256,
    uiterlijk,
    uitgaand_opslaan,
)
from eenplan.berichten.services.uitgaand import als_toegewezen_product
from eenplan.events import soorten
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import BerichtFout, lees, regels
from eenplan.istandaarden import model as m
from eenplan.istandaarden.antwoorden import declaratie_antwoord, retourbericht
from eenplan.istandaarden.codelijsten import retourcode_uitleg
from eenplan.rules.termijnen import ANTWOORD_VERZOEK, DECLARATIE_ANTWOORD, RETOURBERICHT

logger = logging.getLogger(__name__)

ONBEKENDE_AGB = "De afzender (AGB-code {agb}) is geen aanbieder die de gemeente kent."
NIET_UW_AGB = (
    "De afzender in het bericht (AGB-code {agb}) is niet de aanbieder die het bericht aanlevert."
)
ANDERE_GEMEENTE = "Het bericht is gericht aan gemeente {code}, niet aan deze gemeente."
GEEN_INKOMEND = "Een {soort} stuurt een aanbieder niet aan de gemeente."
GEEN_HEENBERICHT = "Er is geen verzonden {soort} met identificatie {ident}."


def bericht_ontvang(
    *,
    inhoud: bytes,
    kanaal: str,
    bestandsnaam: str = "",
    aanbieder: Aanbieder | None = None,
    user: Any = None,
) -> tuple[Bericht, bool]:
    """Keep a received file at once, in its own transaction, before anything is read: nothing
    is lost, also not what cannot be processed. The same bytes from the same provider again
    return the stored message (False: not new) and change nothing."""
    digest = sha256(inhoud)
    with transaction.atomic():
        zelfde = Bericht.objects.filter(richting=Richting.IN, sha256=digest)
        if aanbieder is not None:
            zelfde = zelfde.filter(aanbieder=aanbieder)
        eerder = zelfde.order_by("id").first()
        if eerder is not None:
            return eerder, False
        bericht = Bericht.objects.create(
            richting=Richting.IN,
            kanaal=kanaal,
            aanbieder=aanbieder,
            bestandsnaam=bestandsnaam[:255],
            inhoud=inhoud,
            sha256=digest,
            status=BerichtStatus.ONTVANGEN,
            moment=timezone.now(),
            # OP090 until it is read (a 323 then gets its 10 working days).
            retour_uiterlijk=uiterlijk(RETOURBERICHT, timezone.localdate()),
            ontvangen_door=user if getattr(user, "is_authenticated", False) else None,
        )
    return bericht, True


def bericht_verwerk(bericht_id: int, *, vandaag: dt.date | None = None) -> Bericht:
    """Read, check, apply and answer one received message (a background task; safe to run
    twice). An unexpected error leaves the message kept with status `fout` and the reason."""
    try:
        with transaction.atomic():
            bericht = Bericht.objects.select_for_update().get(pk=bericht_id)
            if bericht.status != BerichtStatus.ONTVANGEN:
                return bericht
            _Verwerking(bericht, vandaag or timezone.localdate()).run()
            return bericht
    except IntegrityError:
        # Another worker stored the same identificatie meanwhile (TR056): a duplicate.
        with transaction.atomic():
            bericht = Bericht.objects.select_for_update().get(pk=bericht_id)
            if bericht.status == BerichtStatus.ONTVANGEN:
                _Verwerking(bericht, vandaag or timezone.localdate()).run()
            return bericht
    except Exception as fout:
        logger.exception("Bericht %s kon niet worden verwerkt", bericht_id)
        Bericht.objects.filter(pk=bericht_id, status=BerichtStatus.ONTVANGEN).update(
            status=BerichtStatus.FOUT,
            melding=f"Verwerking mislukt ({type(fout).__name__}); het bericht is bewaard en "
            "kan opnieuw worden verwerkt.",
            verwerkt_op=timezone.now(),
        )
        return Bericht.objects.get(pk=bericht_id)


BATCH = 500  # messages per transaction in `berichten_verwerk_batch`


class _Voorraad:
    """What a batch looks up once instead of per message: municipalities by CBS code,
    providers by AGB code, residents by BSN, a resident's toewijzingen from a provider, and the
    municipality's extra holidays. Incoming messages never change these rows (they change
    deliveries, claim lines and messages, which are read fresh each time)."""

    def __init__(self) -> None:
        self.gemeenten: dict[str, Gemeente | None] = {}
        self.aanbieders: dict[str, Aanbieder | None] = {}
        self.inwoners: dict[tuple[int, str], int | None] = {}
        self.toewijzingen: dict[tuple[int, int | None, str], list[Toewijzing]] = {}
        self.geladen: set[tuple[int | None, str]] = set()
        self.contracten: dict[tuple[int, int], list[ContractProduct]] = {}
        self._feestdagen: Any = None

    def gemeente(self, code: str) -> Gemeente | None:
        if code not in self.gemeenten:
            self.gemeenten[code] = gemeente_voor_code(code)
        return self.gemeenten[code]

    def aanbieder(self, agb: str) -> Aanbieder | None:
        if agb not in self.aanbieders:
            self.aanbieders[agb] = (
                Aanbieder.objects.filter(agb_code=agb).order_by("id").first() if agb else None
            )
        return self.aanbieders[agb]

    def inwoner_ids(self, gemeente: Gemeente, bsns: list[str]) -> dict[str, int]:
        missen = [b for b in dict.fromkeys(bsns) if (gemeente.pk, b) not in self.inwoners]
        if missen:
            gevonden = dict(
                Inwoner.objects.filter(gemeente=gemeente, bsn__in=missen)
                .order_by()
                .values_list("bsn", "pk")
            )
            for bsn in missen:
                self.inwoners[(gemeente.pk, bsn)] = gevonden.get(bsn)
        uit: dict[str, int] = {}
        for bsn in bsns:
            pk = self.inwoners[(gemeente.pk, bsn)]
            if pk is not None:
                uit[bsn] = pk
        return uit

    def toewijzingen_van(
        self, inwoner_id: int, aanbieder: Aanbieder | None, wet: str
    ) -> list[Toewijzing]:
        aanbieder_id = aanbieder.pk if aanbieder else None
        if (aanbieder_id, wet) not in self.geladen:
            # All of this provider's toewijzingen under this law at once: one query per batch
            # instead of one per client.
            self.geladen.add((aanbieder_id, wet))
            for t in Toewijzing.objects.filter(aanbieder=aanbieder, wet=wet):
                self.toewijzingen.setdefault((t.inwoner_id, aanbieder_id, wet), []).append(t)
        return self.toewijzingen.get((inwoner_id, aanbieder_id, wet), [])

    def contractproducten(self, aanbieder: Aanbieder, gemeente: Gemeente) -> list[ContractProduct]:
        """The tariff rows of every contract of `aanbieder` with `gemeente` (TR418), once."""
        sleutel = (aanbieder.pk, gemeente.pk)
        if sleutel not in self.contracten:
            self.contracten[sleutel] = list(
                ContractProduct.objects.filter(
                    contract__aanbieder=aanbieder, contract__gemeente=gemeente
                )
                .exclude(productcode="")
                .select_related("contract")
                .order_by()
            )
        return self.contracten[sleutel]

    def uiterlijk(self, termijn: Any, vanaf: dt.date) -> dt.date:
        if self._feestdagen is None:
            self._feestdagen = gelijkgestelde_dagen()
        return termijn.einde(vanaf, extra=self._feestdagen)


def berichten_verwerk_batch(
    bericht_ids: list[int], *, vandaag: dt.date | None = None
) -> list[Bericht]:
    """Process many received messages as `bericht_verwerk` does, each with the same outcome,
    but `BATCH` of them per transaction and with the lookups they share made once. Every
    message runs in its own savepoint: one that fails is rolled back alone, kept with status
    `fout` and the reason, and the others are processed and committed as usual. Returns the
    messages in the order of `bericht_ids` (safe to run twice: what is no longer `ontvangen`
    is returned unchanged)."""
    uit: dict[int, Bericht] = {}
    ids = list(dict.fromkeys(bericht_ids))
    voorraad = _Voorraad()
    for start in range(0, len(ids), BATCH):
        deel = ids[start : start + BATCH]
        with transaction.atomic():
            rijen = {
                b.pk: b
                # Lock the messages only: PostgreSQL can't lock the nullable side of the
                # outer join to the provider.
                for b in Bericht.objects.select_for_update(of=("self",))
                .select_related("aanbieder")
                .filter(pk__in=deel)
                .order_by()
            }
            for pk in deel:
                bericht = rijen.get(pk)
                if bericht is None:
                    continue
                uit[pk] = _verwerk_in_savepoint(bericht, vandaag, voorraad)
    return [uit[pk] for pk in ids if pk in uit]


def _verwerk_in_savepoint(
    bericht: Bericht, vandaag: dt.date | None, voorraad: _Voorraad
) -> Bericht:
    if bericht.status != BerichtStatus.ONTVANGEN:
        return bericht
    try:
        try:
            with transaction.atomic():
                _Verwerking(bericht, vandaag or timezone.localdate(), voorraad).run()
                return bericht
        except IntegrityError:
            # Another worker stored the same identificatie meanwhile (TR056): a duplicate.
            with transaction.atomic():
                bericht = Bericht.objects.select_related("aanbieder").get(pk=bericht.pk)
                if bericht.status == BerichtStatus.ONTVANGEN:
                    _Verwerking(bericht, vandaag or timezone.localdate(), voorraad).run()
                return bericht
    except Exception as fout:
        logger.exception("Bericht %s kon niet worden verwerkt", bericht.pk)
        Bericht.objects.filter(pk=bericht.pk, status=BerichtStatus.ONTVANGEN).update(
            status=BerichtStatus.FOUT,
            melding=f"Verwerking mislukt ({type(fout).__name__}); het bericht is bewaard en "
            "kan opnieuw worden verwerkt.",
            verwerkt_op=timezone.now(),
        )
        return Bericht.objects.get(pk=bericht.pk)


def _afzender(heen: m.Bericht) -> tuple[str, str, str]:
    """Who sent the file, to whom, and its identificatie. A retour header repeats the
    heenbericht's parties: the provider sending a 302 is its Ontvanger."""
    header = heen.header  # type: ignore[attr-defined]
    if type(heen).RETOUR and type(heen).CODE != "325":
        return header.ontvanger, header.afzender, header.identificatie_retour
    return header.afzender, header.ontvanger, header.bericht_identificatie.identificatie


class _Verwerking:
    """One message through the steps; `run` stores the outcome on `bericht`."""

    def __init__(
        self, bericht: Bericht, vandaag: dt.date, voorraad: _Voorraad | None = None
    ) -> None:
        self.bericht = bericht
        self.voorraad = voorraad or _Voorraad()
        self.vandaag = vandaag
        self.nu = timezone.now()
        self.inwoner_ids: list[int] = []
        self.inwoners: dict[str, int] = {}
        self.gemeente: Gemeente | None = None

    # --- the steps ------------------------------------------------------------------------

    def run(self) -> None:
        b = self.bericht
        ontvangen = timezone.localdate(b.moment)
        try:
            heen = lees(bytes(b.inhoud))
        except BerichtFout as fout:
            b.retour_uiterlijk = None  # no header to answer to; shown with 0001
            self._einde(BerichtStatus.ONLEESBAAR, [fout.retourcode], fout.melding)
            return
        afzender, ontvanger, identificatie = _afzender(heen)
        b.soort, b.code, b.wet = heen.naam, type(heen).CODE, heen.wet  # type: ignore[attr-defined]
        b.afzender, b.ontvanger, b.identificatie = afzender[:8], ontvanger[:8], identificatie[:20]
        header = heen.header  # type: ignore[attr-defined]
        b.dagtekening = (
            header.dagtekening_retour
            if type(heen).RETOUR and b.code != "325"
            else header.bericht_identificatie.dagtekening
        )
        self.gemeente = self.voorraad.gemeente(ontvanger)
        b.gemeente = self.gemeente
        if b.code not in INKOMEND:
            b.retour_uiterlijk = None
            self._einde(BerichtStatus.AFGEKEURD, ["0001"], GEEN_INKOMEND.format(soort=b.soort))
            return
        if b.aanbieder is not None and b.aanbieder.agb_code != afzender:
            # Never answer a provider on another's behalf.
            b.retour_uiterlijk = None
            self._einde(BerichtStatus.AFGEKEURD, ["0001"], NIET_UW_AGB.format(agb=afzender))
            return
        if b.aanbieder_id is None:
            b.aanbieder = self.voorraad.aanbieder(afzender)
        if b.code in ("302", "320"):
            b.retour_uiterlijk = None  # a retour is not answered
            self._retour_ontvangen(heen)
            return
        if b.code == "323":
            b.retour_uiterlijk = self.voorraad.uiterlijk(DECLARATIE_ANTWOORD, ontvangen)
        self._koppel_inwoners(heen)
        header_codes, melding = self._header(heen)
        if header_codes:
            dubbel = "9056" in header_codes
            self._antwoord(heen, header_codes=header_codes)
            self._einde(
                BerichtStatus.DUBBEL if dubbel else BerichtStatus.AFGEKEURD, header_codes, melding
            )
            return
        getattr(self, f"_verwerk_{b.code}")(heen)

    def _header(self, heen: m.Bericht) -> tuple[list[str], str]:
        b = self.bericht
        codes: list[str] = []
        meldingen: list[str] = []
        if b.aanbieder is None:
            codes.append("0001")
            meldingen.append(ONBEKENDE_AGB.format(agb=b.afzender))
        gezien = (
            Bericht.objects.filter(
                richting=Richting.IN,
                afzender=b.afzender,
                soort=b.soort,
                identificatie=b.identificatie,
            )
            .exclude(pk=b.pk)
            .exclude(
                status__in=[BerichtStatus.DUBBEL, BerichtStatus.ONLEESBAAR, BerichtStatus.FOUT]
            )
            .values_list("identificatie", flat=True)
        )
        codes += regels.TR056(heen, set(gezien))
        codes += regels.TR135(heen, self.vandaag)
        # TR378: a municipality this installation serves was set up with its CBS code, so its
        # code exists even when the bundled CBS list predates it (a merger after 1 January
        # 2026, or the demo's invented Maasdal, GM9999); other codes are checked on the list.
        s300 = [] if self.gemeente is not None else regels.TR378(heen)
        if not s300 and self.gemeente is None:
            # A real municipality, but not one this installation serves (a claim for another).
            s300 = [regels.Retourcode("S300", "TR378", ANDERE_GEMEENTE.format(code=b.ontvanger))]
        codes += s300
        for c in codes:
            meldingen.append(getattr(c, "melding", "") or retourcode_uitleg(c))
        return list(dict.fromkeys(str(c) for c in codes)), " ".join(dict.fromkeys(meldingen))

    def _koppel_inwoners(self, heen: m.Bericht) -> None:
        bsns: list[str] = []
        if self.bericht.code == "323":
            bsns = [c.bsn for c in heen.declaratie.clienten]  # type: ignore[attr-defined]
        elif hasattr(heen, "client") and heen.client is not None:
            bsns = [heen.client.bsn]
        if self.gemeente is None or not bsns:
            return
        self.inwoners = self.voorraad.inwoner_ids(self.gemeente, bsns)
        self.inwoner_ids = list(self.inwoners.values())

    def _toewijzingen(self, bsn: str) -> list[Toewijzing]:
        inwoner_id = self.inwoners.get(bsn)
        if inwoner_id is None:
            return []
        return self.voorraad.toewijzingen_van(inwoner_id, self.bericht.aanbieder, self.bericht.wet)

    # --- 305 start, 307 stop ---------------------------------------------------------------

    def _leveringen(self, toewijzingen: list[Toewijzing]) -> list[Levering]:
        return list(
            Levering.objects.filter(toewijzing__in=toewijzingen, verwijderd=False).select_related(
                "toewijzing"
            )
        )

    @staticmethod
    def _als_start(lev: Levering) -> m.StartProduct:
        return m.StartProduct(begindatum=lev.begindatum, toewijzing_nummer=lev.toewijzing.nummer)

    @staticmethod
    def _als_stop(lev: Levering) -> m.StopProduct:
        assert lev.einddatum is not None
        return m.StopProduct(
            begindatum=lev.begindatum,
            reden_beeindiging=lev.reden_beeindiging,
            einddatum=lev.einddatum,
            toewijzing_nummer=lev.toewijzing.nummer,
        )

    def _verwerk_305(self, heen: m.Startbericht) -> None:
        client = heen.client
        toewijzingen = self._toewijzingen(client.bsn)
        per_nummer = {t.nummer: t for t in toewijzingen}
        producten = [als_toegewezen_product(t) for t in toewijzingen]
        for p in client.start_producten:
            leveringen = self._leveringen(toewijzingen)
            starts = [self._als_start(lev) for lev in leveringen]
            stops = [self._als_stop(lev) for lev in leveringen if lev.einddatum]
            variant = _variant(per_nummer.get(p.toewijzing_nummer))
            codes = regels.TR019(p, producten, variant)
            if not codes and p.status_aanlevering == "3":
                codes = regels.TR063(p, starts) + regels.TR071(p, stops)
            elif not codes:
                codes = regels.TR074(p, starts) + regels.TR326(p, starts, stops)
            p.retourcodes = list(dict.fromkeys(str(c) for c in codes))
            if p.retourcodes:
                continue
            t = per_nummer[p.toewijzing_nummer]
            if p.status_aanlevering == "3":
                Levering.objects.filter(
                    toewijzing=t, begindatum=p.begindatum, verwijderd=False
                ).update(verwijderd=True)
            else:
                Levering.objects.create(
                    toewijzing=t,
                    begindatum=p.begindatum,
                    status=LeveringStatus.GESTART,
                    startbericht=self.bericht,
                )
        self._klaar(heen, "Start van de levering gemeld", "Startbericht")

    def _verwerk_307(self, heen: m.Stopbericht) -> None:
        client = heen.client
        toewijzingen = self._toewijzingen(client.bsn)
        per_nummer = {t.nummer: t for t in toewijzingen}
        producten = [als_toegewezen_product(t) for t in toewijzingen]
        for p in client.stop_producten:
            leveringen = self._leveringen(toewijzingen)
            actueel = [self._als_start(lev) for lev in leveringen]
            variant = _variant(per_nummer.get(p.toewijzing_nummer))
            codes = regels.TR019(p, producten, variant) or regels.TR069(p, actueel)
            if not codes:
                # Repeated stops with the same key (TR413-TR415): the stop recorded on the
                # delivery is the current one.
                gestopt = [
                    self._als_stop(lev)
                    for lev in leveringen
                    if lev.status == LeveringStatus.GESTOPT and lev.einddatum is not None
                ]
                codes = regels.TR413(p, gestopt) + regels.TR414(p, gestopt)
                codes += regels.TR415(p, gestopt)
            p.retourcodes = list(dict.fromkeys(str(c) for c in codes))
            if p.retourcodes:
                continue
            t = per_nummer[p.toewijzing_nummer]
            lev = next(
                x for x in leveringen if x.toewijzing_id == t.pk and x.begindatum == p.begindatum
            )
            if p.status_aanlevering == "3":
                lev.einddatum, lev.reden_beeindiging, lev.stopbericht = None, "", None
                lev.status = LeveringStatus.GESTART
            else:
                lev.einddatum, lev.reden_beeindiging = p.einddatum, p.reden_beeindiging
                lev.status, lev.stopbericht = LeveringStatus.GESTOPT, self.bericht
            lev.save()
        self._klaar(heen, "Einde van de levering gemeld", "Stopbericht")

    # --- 315, 317 requests -----------------------------------------------------------------

    def _open_verzoeken(self) -> list[str]:
        return list(
            Bericht.objects.filter(
                richting=Richting.IN,
                aanbieder=self.bericht.aanbieder,
                inwoners__in=self.inwoner_ids,
                code__in=["315", "317"],
                antwoord_uiterlijk__isnull=False,
                beantwoord_op__isnull=True,
            )
            .exclude(pk=self.bericht.pk)
            .values_list("identificatie", flat=True)
        )

    def _verwerk_315(self, heen: m.VerzoekOmToewijzing) -> None:
        for p in heen.client.aangevraagde_producten:
            codes: list[str] = []
            if p.product is not None:
                codes += regels.TR381(heen.wet, p.product.categorie, p.product.code)
            p.retourcodes = list(dict.fromkeys(str(c) for c in codes))
        self._verzoek(heen, "Verzoek om toewijzing ontvangen")

    def _verwerk_317(self, heen: m.VerzoekOmWijziging) -> None:
        client = heen.client
        actueel = [
            t.nummer
            for t in self._toewijzingen(client.bsn)
            if t.nummer and t.actueel and (t.einddatum is None or t.einddatum >= self.vandaag)
        ]
        codes = regels.TR349(client.verzoek, actueel) + regels.TR374(self._open_verzoeken())
        client.verzoek.retourcodes = list(dict.fromkeys(str(c) for c in codes))
        self._verzoek(heen, "Verzoek om wijziging ontvangen")

    def _verzoek(self, heen: m.Bericht, tekst: str) -> None:
        client = heen.client  # type: ignore[attr-defined]
        if self.bericht.code == "315":
            self.bericht.kenmerk = client.aangevraagde_producten[0].referentie_aanbieder[:20]
        else:
            self.bericht.kenmerk = client.verzoek.referentie_aanbieder[:20]
        if not retourcodes_van(heen):
            # Answered with a 319 or a 301 within 5 working days (iJw §2.5.3).
            self.bericht.antwoord_uiterlijk = self.voorraad.uiterlijk(
                ANTWOORD_VERZOEK, timezone.localdate(self.bericht.moment)
            )
        self._klaar(heen, tekst, "Verzoek")

    # --- 323 declaratie --------------------------------------------------------------------

    def _verwerk_323(self, heen: m.Declaratiebericht) -> None:
        b = self.bericht
        declaratie = heen.declaratie
        # TR333: only this number can repeat, so only it is looked up (no scan of all).
        eerdere_nummers = set(
            Bericht.objects.filter(
                richting=Richting.IN,
                aanbieder=b.aanbieder,
                code="323",
                kenmerk=declaratie.declaratie_nummer[:20],
                status__in=[BerichtStatus.VERWERKT, BerichtStatus.DEELS_AFGEKEURD],
            )
            .exclude(pk=b.pk)
            .values_list("kenmerk", flat=True)
        )
        declaratie_codes = [str(c) for c in regels.TR333(heen, eerdere_nummers)]
        refs = [
            p.product_referentie.referentie_nummer
            for c in declaratie.clienten
            for p in c.prestaties
        ]
        eerdere_refs = set(
            Prestatie.objects.filter(
                bericht__aanbieder=b.aanbieder, referentie__in=refs
            ).values_list("referentie", flat=True)
        )
        prestatie_codes: dict[str, list[str]] = {}
        rijen: list[Prestatie] = []
        # The approved lines of every client's toewijzingen in one query (not one per client).
        goedgekeurd: dict[int, list[Prestatie]] = defaultdict(list)
        alle_toewijzingen = [
            t.pk for c in declaratie.clienten for t in self._toewijzingen(c.bsn)
        ]
        if alle_toewijzingen:
            for rij in Prestatie.objects.filter(
                toewijzing__in=set(alle_toewijzingen), goedgekeurd=True
            ):
                goedgekeurd[rij.toewijzing_id].append(rij)  # type: ignore[index]
        for client in declaratie.clienten:
            toewijzingen = self._toewijzingen(client.bsn)
            per_nummer = {t.nummer: t for t in toewijzingen}
            producten = {t.nummer: als_toegewezen_product(t) for t in toewijzingen if t.nummer}
            eerder: dict[int, list[m.Prestatie]] = defaultdict(list)
            for t in toewijzingen:
                for rij in goedgekeurd.get(t.pk, []):
                    eerder[rij.toewijzing_nummer].append(_als_prestatie(rij))
            varianten = {t.nummer: _variant(t) for t in toewijzingen if t.nummer}
            for p in client.prestaties:
                ref = p.product_referentie.referentie_nummer
                codes = regels.declaratie_prestatie(
                    heen,
                    client.bsn,
                    p,
                    producten,
                    eerder,
                    varianten,
                    contracttarief=self._contracttarief(p.eenheid),
                )
                codes += regels.TR314(p, eerdere_refs)
                lijst = list(dict.fromkeys(str(c) for c in codes))
                if declaratie_codes:
                    lijst = lijst or ["0233"]
                if lijst:
                    prestatie_codes[ref] = lijst
                rijen.append(
                    Prestatie(
                        bericht=b,
                        toewijzing=per_nummer.get(p.toewijzing_nummer),
                        inwoner_id=self.inwoners.get(client.bsn),
                        bsn=client.bsn,
                        referentie=ref,
                        vorige_referentie=p.product_referentie.vorig_referentie_nummer or "",
                        toewijzing_nummer=p.toewijzing_nummer,
                        productcategorie=p.product_categorie,
                        productcode=p.product_code,
                        begindatum=p.product_periode.begindatum,
                        einddatum=p.product_periode.einddatum,
                        volume=p.geleverd_volume,
                        eenheid=p.eenheid,
                        tarief=p.product_tarief,
                        bedrag=p.ingediend_bedrag.bedrag,
                        debet_credit=p.ingediend_bedrag.debet_credit,
                        goedgekeurd=not lijst and not declaratie_codes,
                        retourcodes=lijst,
                    )
                )
        Prestatie.objects.bulk_create(rijen)
        antwoord = declaratie_antwoord(
            heen,
            identificatie="-",
            dagtekening=self.vandaag,
            prestatie_codes=prestatie_codes,
            declaratie_codes=declaratie_codes,
        )
        b.kenmerk = declaratie.declaratie_nummer[:20]  # the number TR333 compares with
        self._bewaar_antwoord(antwoord)
        afgekeurd = sum(1 for r in rijen if not r.goedgekeurd)
        status = (
            BerichtStatus.VERWERKT
            if not afgekeurd
            else BerichtStatus.AFGEKEURD
            if afgekeurd == len(rijen)
            else BerichtStatus.DEELS_AFGEKEURD
        )
        alle: list[str] = sorted(
            {str(c) for r in rijen for c in r.retourcodes} | set(declaratie_codes)
        )
        uitleg = "; ".join(f"{c} {retourcode_uitleg(c)}" for c in alle)
        self._einde(
            status,
            alle or ["8001"],
            uitleg,
            tijdlijn=f"Declaratie {declaratie.declaratie_nummer} ontvangen: "
            f"{len(rijen) - afgekeurd} van {len(rijen)} prestaties goedgekeurd",
        )

    def _contracttarief(self, eenheid: str) -> Any:
        """TR418: the contractual tariff in cents of a ProductCode on a date, from the contracts
        of this provider with this municipality — the same choice as
        `aanbieders.selectors.contract_tarief`: a deelovereenkomst before its raamovereenkomst,
        then the latest start. Only a tariff in the prestatie's own unit compares; with none,
        TR418 is not judged (None)."""
        b = self.bericht
        if b.aanbieder is None or self.gemeente is None:
            return None
        rijen = self.voorraad.contractproducten(b.aanbieder, self.gemeente)
        if not rijen:
            return None

        def tarief(productcode: str, datum: dt.date) -> int | None:
            geldig = [
                r
                for r in rijen
                if r.productcode == productcode
                and r.eenheid == eenheid
                and r.contract.geldig_op(datum)
                and r.geldig_vanaf <= datum
                and (r.geldig_tot is None or datum <= r.geldig_tot)
            ]
            if not geldig:
                return None
            beste = min(
                geldig,
                key=lambda r: (
                    r.contract.hoofdcontract_id is None,
                    -r.geldig_vanaf.toordinal(),
                    -r.pk,
                ),
            )
            return int((beste.tarief * 100).to_integral_value())

        return tarief

    # --- 302, 320 retour on what the municipality sent --------------------------------------

    def _retour_ontvangen(self, heen: m.Bericht) -> None:
        b = self.bericht
        header = heen.header  # type: ignore[attr-defined]
        heen_soort = b.soort.replace(b.code, str(int(b.code) - 1))
        ident = header.bericht_identificatie.identificatie
        verzonden = (
            Bericht.objects.select_for_update()
            .filter(richting=Richting.UIT, soort=heen_soort, identificatie=ident)
            .first()
        )
        if verzonden is None:
            self._einde(
                BerichtStatus.AFGEKEURD, [], GEEN_HEENBERICHT.format(soort=heen_soort, ident=ident)
            )
            return
        codes = retourcodes_van(heen)
        header_codes = [c for c in header.retourcodes if c not in ("0200", "0233")]
        alle = sorted(set(codes) | set(header_codes))
        verzonden.status = (
            BerichtStatus.RETOUR_AFGEKEURD if alle else BerichtStatus.RETOUR_GOEDGEKEURD
        )
        verzonden.retourcodes = alle
        verzonden.beantwoord_op = self.nu
        verzonden.save(update_fields=["status", "retourcodes", "beantwoord_op", "updated_at"])
        b.antwoord_op = verzonden
        self.inwoner_ids = list(verzonden.inwoners.values_list("pk", flat=True))
        uitleg = "; ".join(f"{c} {retourcode_uitleg(c)}" for c in alle)
        self._einde(
            BerichtStatus.VERWERKT,
            alle,
            uitleg,
            tijdlijn=f"Retour op {verzonden.soort} van de aanbieder: "
            + ("goedgekeurd" if not alle else f"afgekeurd ({', '.join(alle)})"),
        )

    # --- answering and ending ---------------------------------------------------------------

    def _antwoord(self, heen: m.Bericht, *, header_codes: list[str] | None = None) -> None:
        header_codes = header_codes or []
        antwoord: m.Bericht
        if self.bericht.code == "323":
            antwoord = declaratie_antwoord(
                heen,  # type: ignore[arg-type]
                identificatie="-",
                dagtekening=self.vandaag,
                header_codes=header_codes,
            )
        else:
            antwoord = retourbericht(
                heen, identificatie="-", dagtekening=self.vandaag, header_codes=header_codes
            )
        self._bewaar_antwoord(antwoord)

    def _bewaar_antwoord(self, antwoord: m.Bericht) -> None:
        b = self.bericht
        uitgaand_opslaan(
            antwoord,
            gemeente=self.gemeente,
            aanbieder=b.aanbieder,
            inwoner_ids=self.inwoner_ids,
            antwoord_op=b,
            nu=self.nu,
        )
        b.retour_verzonden_op = self.nu

    def _klaar(self, heen: m.Bericht, tekst: str, wat: str) -> None:
        """Answer with the retour and close the message: verwerkt, deels or wholly afgekeurd."""
        self._antwoord(heen)
        codes = retourcodes_van(heen)
        if not codes:
            status = BerichtStatus.VERWERKT
        else:
            status = (
                BerichtStatus.AFGEKEURD if _alles_afgekeurd(heen) else BerichtStatus.DEELS_AFGEKEURD
            )
        uitleg = "; ".join(f"{c} {retourcode_uitleg(c)}" for c in codes)
        self._einde(
            status,
            codes,
            uitleg,
            tijdlijn=f"{tekst} ({self.bericht.soort})"
            + (f", afgekeurd: {', '.join(codes)}" if codes else ""),
        )

    def _einde(self, status: str, codes: list[str], melding: str, *, tijdlijn: str = "") -> None:
        b = self.bericht
        b.status = status
        b.retourcodes = list(codes)
        b.melding = melding[:2000] if melding else b.melding
        b.verwerkt_op = self.nu
        # Never the bytes again: they were kept on receipt and do not change.
        b.save(update_fields=[f for f in _VELDEN if f != "inhoud"])
        if self.inwoner_ids:
            b.inwoners.add(*self.inwoner_ids)
            publiceer(
                b,
                soorten.BERICHT_ONTVANGEN,
                tijdlijn or f"{b.soort} ontvangen: {BerichtStatus(status).label.lower()}",
                self.inwoner_ids,
            )


_VELDEN = [
    f.name
    for f in Bericht._meta.concrete_fields
    if not f.primary_key and f.name not in ("created_at",)
]


def _variant(t: Toewijzing | None) -> Any:
    return t.uitvoeringsvariant if t is not None else "inspanningsgericht"


def _als_prestatie(rij: Prestatie) -> m.Prestatie:
    return m.Prestatie(
        product_referentie=m.Referentie(rij.referentie, rij.vorige_referentie or None),
        toewijzing_nummer=rij.toewijzing_nummer,
        product_categorie=rij.productcategorie,
        product_code=rij.productcode,
        product_periode=m.GeslotenPeriode(rij.begindatum, rij.einddatum),
        geleverd_volume=rij.volume,
        eenheid=rij.eenheid,
        ingediend_bedrag=m.BedragMetDC(rij.bedrag, rij.debet_credit),
        product_tarief=rij.tarief,
    )


def _alles_afgekeurd(heen: m.Bericht) -> bool:
    client = getattr(heen, "client", None)
    if client is None:
        return True
    if client.retourcodes:
        return True
    for veld in ("start_producten", "stop_producten", "aangevraagde_producten"):
        producten = getattr(client, veld, None)
        if producten is not None:
            return all(p.retourcodes for p in producten)
    verzoek = getattr(client, "verzoek", None)
    return bool(verzoek is not None and verzoek.retourcodes)
