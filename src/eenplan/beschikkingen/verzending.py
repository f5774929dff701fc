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

Call the channels only after the transaction that recorded the sending has committed
(`transaction.on_commit`), so a refused send never leaves a letter in the post folder. Not yet
wired into `beschikking_send`: which channels a municipality uses (and the post folder) is a
municipal setting still to be added.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.core.mail import send_mail

from eenplan.beschikkingen.models import Beschikking


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


@dataclass(frozen=True)
class Verzendbewijs:
    kanaal: str
    referentie: str


class Verzendkanaal(Protocol):
    naam: str

    def verstuur(self, brief: Uitgaand) -> Verzendbewijs: ...


def uitgaand(beschikking: Beschikking) -> Uitgaand:
    """The sent letter of a beschikking as a channel gets it; refused before sending."""
    if beschikking.verzonden_op is None or not beschikking.brief:
        raise ValueError(
            "Deze beschikking is nog niet verzonden; er is geen brief om te versturen."
        )
    inwoner = beschikking.inwoner
    adres = (
        f"{inwoner.straat} {inwoner.huisnummer}{inwoner.huisnummer_toevoeging}, "
        f"{inwoner.postcode} {inwoner.woonplaats}"
    )
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
        self.map.mkdir(parents=True, exist_ok=True)
        bestand = self.map / f"{brief.kenmerk}.pdf"
        bestand.write_bytes(brief.pdf)
        lijst = self.map / "verzendlijst.csv"
        nieuw = not lijst.exists()
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
                f"{brief.kenmerk}. U krijgt de brief per post. Heeft u vragen? Noem dan dit "
                "kenmerk.\n\nDit bericht is automatisch verstuurd; u kunt er niet op "
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


def verstuur(brief: Uitgaand, kanalen: list[Verzendkanaal]) -> list[Verzendbewijs]:
    """Send through every channel in turn; a channel that is not available is skipped and
    reported with an empty reference, the others still go."""
    bewijzen = []
    for kanaal in kanalen:
        try:
            bewijzen.append(kanaal.verstuur(brief))
        except KanaalNietBeschikbaar:
            bewijzen.append(Verzendbewijs(kanaal.naam, ""))
    return bewijzen
