"""Sending a letter that is stored as sent: a small channel interface (issue 10, "Sending").

A channel gets the letter as it was stored (`Uitgaand`: kenmerk, addressee, the text and the
PDF/A bytes — never rendered again) and returns a `Verzendbewijs` saying what it did. The send
date that counts for the bezwaar term is the one recorded by `beschikking_send`
(`Beschikking.verzonden_op`), not the moment a channel ran.

- `PostExport`: writes the PDF and one line in `verzendlijst.csv` into a folder that the print
  and mail service of the municipality collects (the letter goes out on paper);
- `EmailNotificatie`: tells the resident by e-mail that a letter is on its way or waiting, with
  the kenmerk only — never the letter or personal details in the mail (e-mail is not a secure
  channel; AVG art. 32);
- `Berichtenbox`: the documented plug for MijnOverheid Berichtenbox (Logius). Sending there
  needs the municipality's OIN, a PKIoverheid certificate, an aansluiting at Logius and the
  resident's BSN; none is reachable from here, so it refuses with `KanaalNietBeschikbaar`.
  An implementation posts `Uitgaand.pdf` with the BSN to the Berichtenbox service and returns
  the message id as `Verzendbewijs.referentie`.

Which channels a municipality uses is its setting `Gemeente.verzendkanalen` (functioneel beheer,
`/functioneel-beheer/gemeente/`); the post folder is the installation's `EENPLAN_POST_MAP`.
Sending a letter (`verzending_plannen`, called by `beschikking_send`, `bezwaar_decide` and
`klacht_settle`) records one `Verzending` per channel inside the sending transaction and runs
the channels only after it has committed (`transaction.on_commit`), so a refused send never
leaves a letter in the post folder, and a channel that fails never undoes the sending: the row
says `mislukt` with the error, stays on the list `/beschikkingen/verzendingen/` and is tried
again (`eenplan verzendingen_opnieuw`, or the button there). ADR 0021.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from eenplan.beschikkingen.constants import BriefSoort, VerzendStatus
from eenplan.beschikkingen.models import Beschikking, Verzending
from eenplan.gemeente.constants import Verzendkanaal
from eenplan.gemeente.models import Gemeente

logger = logging.getLogger(__name__)


class KanaalNietBeschikbaar(Exception):
    """The channel cannot be reached from this installation."""


@dataclass(frozen=True)
class Uitgaand:
    """A letter as stored when sent, with its addressee."""

    kenmerk: str
    gemeente: str
    naam: str
    adres: str
    email: str
    tekst: str
    pdf: bytes
    # Where the letter itself arrives, for the e-mail notice ("per post").
    bezorging: str = "per post"


@dataclass(frozen=True)
class Verzendbewijs:
    kanaal: str
    referentie: str


class Kanaal(Protocol):
    naam: str

    def verstuur(self, brief: Uitgaand) -> Verzendbewijs: ...


def adres_regel(inwoner: object) -> str:
    """The resident's address on one line, for the mailing list."""
    i = inwoner
    return (
        f"{i.straat} {i.huisnummer}{i.huisnummer_toevoeging}, "  # type: ignore[attr-defined]
        f"{i.postcode} {i.woonplaats}"  # type: ignore[attr-defined]
    )


def uitgaand(beschikking: Beschikking) -> Uitgaand:
    """The sent letter of a beschikking as a channel gets it; refused before sending."""
    if beschikking.verzonden_op is None or not beschikking.brief:
        raise ValueError(
            "Deze beschikking is nog niet verzonden; er is geen brief om te versturen."
        )
    inwoner = beschikking.inwoner
    adres = adres_regel(inwoner)
    return Uitgaand(
        kenmerk=beschikking.kenmerk,
        gemeente=beschikking.gemeente.naam,
        naam=inwoner.naam,
        adres=adres,
        email=inwoner.email,
        tekst=beschikking.brief,
        pdf=bytes(beschikking.brief_pdf),
    )


@dataclass
class PostExport:
    """The PDF and a line of the mailing list in `map`, for the print and mail service."""

    map: Path
    naam: str = "post"

    def verstuur(self, brief: Uitgaand) -> Verzendbewijs:
        if not brief.adres.strip(", "):
            raise ValueError("Er is geen postadres bekend; vul het adres aan en probeer opnieuw.")
        self.map.mkdir(parents=True, exist_ok=True)
        bestand = self.map / f"{brief.kenmerk}.pdf"
        bestand.write_bytes(brief.pdf)
        lijst = self.map / "verzendlijst.csv"
        nieuw = not lijst.exists()
        if not nieuw and _op_lijst(lijst, brief.kenmerk):
            return Verzendbewijs(self.naam, str(bestand))  # a retry: already on the list once
        with lijst.open("a", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f, delimiter=";")
            if nieuw:
                schrijver.writerow(["kenmerk", "naam", "adres", "bestand"])
            schrijver.writerow([brief.kenmerk, brief.naam, brief.adres, bestand.name])
        return Verzendbewijs(self.naam, str(bestand))


@dataclass
class EmailNotificatie:
    """A notice by e-mail, without the letter's content; nothing when no address is known."""

    afzender: str
    naam: str = "e-mail"

    def verstuur(self, brief: Uitgaand) -> Verzendbewijs:
        if not brief.email:
            return Verzendbewijs(self.naam, "")
        send_mail(
            subject=f"Er is een brief van de gemeente {brief.gemeente} voor u",
            message=(
                f"Beste {brief.naam},\n\n"
                f"De gemeente {brief.gemeente} heeft u een brief gestuurd met kenmerk "
                f"{brief.kenmerk}. U krijgt de brief {brief.bezorging}. Heeft u vragen? Noem "
                "dan dit kenmerk.\n\nDit bericht is automatisch verstuurd; u kunt er niet op "
                "antwoorden.\n"
            ),
            from_email=self.afzender,
            recipient_list=[brief.email],
        )
        return Verzendbewijs(self.naam, brief.email)


@dataclass
class Berichtenbox:
    """MijnOverheid Berichtenbox (Logius): not reachable from this installation."""

    naam: str = "berichtenbox"

    def verstuur(self, brief: Uitgaand) -> Verzendbewijs:
        raise KanaalNietBeschikbaar(
            "De Berichtenbox van MijnOverheid is niet aangesloten: daarvoor zijn een "
            "aansluiting bij Logius, het OIN van de gemeente en een PKIoverheid-certificaat "
            "nodig."
        )


def _op_lijst(lijst: Path, kenmerk: str) -> bool:
    with lijst.open(encoding="utf-8", newline="") as f:
        return any(rij and rij[0] == kenmerk for rij in csv.reader(f, delimiter=";"))


def verstuur(brief: Uitgaand, kanalen: list[Kanaal]) -> list[Verzendbewijs]:
    """Send through every channel in turn; a channel that is not available is skipped and
    reported with an empty reference, the others still go."""
    bewijzen = []
    for kanaal in kanalen:
        try:
            bewijzen.append(kanaal.verstuur(brief))
        except KanaalNietBeschikbaar:
            bewijzen.append(Verzendbewijs(kanaal.naam, ""))
    return bewijzen


# --- Wired into sending (ADR 0021) -----------------------------------------------------------

# Per letter kind: how to read the stored letter back as an `Uitgaand` (by the record's id).
# beschikkingen registers its own; eenplan.bezwaren registers the bezwaar and klacht letters.
BRONNEN: dict[str, Callable[[int], Uitgaand]] = {}


def bron_registreren(soort: str, lezer: Callable[[int], Uitgaand]) -> None:
    BRONNEN[soort] = lezer


def _beschikking_lezen(pk: int) -> Uitgaand:
    return uitgaand(Beschikking.objects.select_related("inwoner", "gemeente").get(pk=pk))


bron_registreren(BriefSoort.BESCHIKKING, _beschikking_lezen)


def bezorging(gemeente: Gemeente) -> str:
    """Where the letter itself arrives, as the e-mail notice says it."""
    if Verzendkanaal.POST in gemeente.kanalen:
        return "per post"
    return "in uw Berichtenbox op MijnOverheid"


def kanaal_voor(naam: str, gemeente: Gemeente) -> Kanaal:
    """The channel object for a configured channel name."""
    if naam == Verzendkanaal.POST:
        return PostExport(Path(settings.EENPLAN_POST_MAP) / gemeente.cbs_code)
    if naam == Verzendkanaal.EMAIL:
        return EmailNotificatie(settings.DEFAULT_FROM_EMAIL, naam=Verzendkanaal.EMAIL)
    if naam == Verzendkanaal.BERICHTENBOX:
        return Berichtenbox()
    raise ValueError(f"Onbekend verzendkanaal {naam!r}.")


def verzending_plannen(
    *,
    gemeente: Gemeente,
    soort: str,
    bron_id: int,
    kenmerk: str,
    inwoner_id: int | None,
) -> list[Verzending]:
    """Inside the transaction that sends a letter: one `Verzending` per channel of the
    municipality, run after commit. A rolled-back sending leaves neither rows nor files."""
    if soort not in BRONNEN:
        raise ValueError(f"Geen bron voor brieven van soort {soort!r}.")
    rijen = [
        Verzending.objects.create(
            gemeente=gemeente,
            inwoner_id=inwoner_id,
            brief_soort=soort,
            bron_id=bron_id,
            kenmerk=kenmerk,
            kanaal=naam,
        )
        for naam in gemeente.kanalen
    ]
    ids = [r.pk for r in rijen]
    transaction.on_commit(lambda: verzendingen_uitvoeren(ids))
    return rijen


def verzendingen_uitvoeren(ids: Iterable[int]) -> list[Verzending]:
    """Run the channel of each `Verzending` not yet sent, each in its own transaction, and
    record the outcome; never raises for a channel's failure (it is recorded instead)."""
    klaar = []
    for pk in ids:
        with transaction.atomic():
            rij = (
                Verzending.objects.select_for_update(skip_locked=True)
                .select_related("gemeente")
                .filter(pk=pk)
                .exclude(status=VerzendStatus.VERZONDEN)
                .first()
            )
            if rij is None:
                continue
            rij.pogingen += 1
            rij.laatste_poging = timezone.now()
            try:
                brief = BRONNEN[rij.brief_soort](rij.bron_id)
                brief = Uitgaand(**{**brief.__dict__, "bezorging": bezorging(rij.gemeente)})
                bewijs = kanaal_voor(rij.kanaal, rij.gemeente).verstuur(brief)
            except KanaalNietBeschikbaar as exc:
                rij.status, rij.fout = VerzendStatus.NIET_BESCHIKBAAR, str(exc)
            except Exception as exc:  # noqa: BLE001 - any failure is recorded, never lost
                logger.warning("Verzending %s via %s mislukt: %s", rij.kenmerk, rij.kanaal, exc)
                rij.status, rij.fout = VerzendStatus.MISLUKT, f"{type(exc).__name__}: {exc}"[:2000]
            else:
                rij.status, rij.fout, rij.referentie = (
                    VerzendStatus.VERZONDEN,
                    "",
                    bewijs.referentie,
                )
            rij.save(
                update_fields=[
                    "status", "fout", "referentie", "pogingen", "laatste_poging", "updated_at"
                ]
            )  # fmt: skip
            klaar.append(rij)
    return klaar


# A row still waiting this long after it was made lost its after-commit run (the process
# stopped): the retry picks it up.
WACHTTIJD = dt.timedelta(minutes=10)


def verzendingen_opnieuw(*, gemeente_id: int | None = None) -> list[Verzending]:
    """Try every failed channel again, and every one still waiting after `WACHTTIJD`; the
    Berichtenbox that is not connected is not retried (it needs a connection first)."""
    rijen = Verzending.objects.filter(status=VerzendStatus.MISLUKT) | Verzending.objects.filter(
        status=VerzendStatus.WACHT, created_at__lt=timezone.now() - WACHTTIJD
    )
    if gemeente_id is not None:
        rijen = rijen.filter(gemeente_id=gemeente_id)
    return verzendingen_uitvoeren(list(rijen.order_by("pk").values_list("pk", flat=True)))
