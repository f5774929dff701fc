"""What the writes of the message traffic share: the municipality's code in a message, the
terms in working days, storing an outgoing message, and the dossier timeline."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from eenplan.berichten.constants import BerichtStatus, Kanaal, Richting
from eenplan.berichten.models import Bericht
from eenplan.common import bulk
from eenplan.common.bulk import nieuwe_rij
from eenplan.events import bus, soorten
from eenplan.gemeente.models import Gemeente
from eenplan.gemeente.selectors import gelijkgestelde_dagen
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import Bericht as LibBericht
from eenplan.istandaarden import bouw
from eenplan.istandaarden.antwoorden import retourcodes_in
from eenplan.rules.termijnen import Termijn

_TEKENS = string.digits + string.ascii_uppercase
_MOGELIJK = len(_TEKENS) ** 10


def gemeentecode(gemeente: Gemeente) -> str:
    """The municipality in a message: the CBS code's four digits ('GM0983' → '0983')."""
    return gemeente.cbs_code.removeprefix("GM")


def gemeente_voor_code(code: str) -> Gemeente | None:
    return Gemeente.objects.filter(cbs_code=f"GM{code}").first() if code else None


def nieuwe_identificatie() -> str:
    """A message identificatie of the municipality: 'EP' and ten random characters (12 in all,
    LDT_IdentificatieBericht); unique per kind (TR056) by the database constraint. One random
    number below 36**10 written in ten base-36 digits: the same uniform choice as ten random
    characters, with one call to the system's random source instead of ten."""
    getal = secrets.randbelow(_MOGELIJK)
    tekens = []
    for _ in range(10):
        getal, rest = divmod(getal, 36)
        tekens.append(_TEKENS[rest])
    return "EP" + "".join(tekens)


def uiterlijk(termijn: Termijn, vanaf: dt.date) -> dt.date:
    """The last day of a working-day term (OP090, OP090x4), with the municipality's extra
    holidays."""
    return termijn.einde(vanaf, extra=gelijkgestelde_dagen())


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def _zet_identificatie(bericht: LibBericht, identificatie: str, dag: dt.date) -> None:
    header = bericht.header  # type: ignore[attr-defined]
    if type(bericht).RETOUR and type(bericht).CODE != "325":
        header.identificatie_retour = identificatie
        header.dagtekening_retour = dag
    else:
        header.bericht_identificatie.identificatie = identificatie
        header.bericht_identificatie.dagtekening = dag


def uitgaand_rij(
    bericht: LibBericht,
    *,
    gemeente: Gemeente | None,
    aanbieder: Any,
    beschikking: Any = None,
    antwoord_op: Bericht | None = None,
    nu: dt.datetime | None = None,
) -> Bericht:
    """Give `bericht` a fresh identificatie and today's dagtekening, write it (UTF-8, CR/LF)
    and return its row for the outbox (status klaar), not yet stored."""
    return nieuwe_rij(
        Bericht,
        **_uitgaand_waarden(
            bericht,
            gemeente=gemeente,
            aanbieder=aanbieder,
            beschikking=beschikking,
            antwoord_op=antwoord_op,
            nu=nu,
        ),
    )


def uitgaand_bulkrij(
    bericht: LibBericht,
    *,
    gemeente: Gemeente | None,
    aanbieder: Any,
    antwoord_op: Bericht | None = None,
    nu: dt.datetime | None = None,
    dag: dt.date | None = None,
) -> bulk.Rij:
    """`uitgaand_rij` as a plain row (`common.bulk.rij`) for `bulk.voeg_in`: the batch path
    writes many answers at once and reads none of them back as a model instance. `dag`: the
    local date of `nu`, if the caller knows it already."""
    return bulk.rij(
        Bericht,
        **_uitgaand_waarden(
            bericht,
            gemeente=gemeente,
            aanbieder=aanbieder,
            antwoord_op=antwoord_op,
            nu=nu,
            dag=dag,
        ),
    )


def _uitgaand_waarden(
    bericht: LibBericht,
    *,
    gemeente: Gemeente | None,
    aanbieder: Any,
    beschikking: Any = None,
    antwoord_op: Bericht | None = None,
    nu: dt.datetime | None = None,
    dag: dt.date | None = None,
) -> dict[str, Any]:
    nu = nu or timezone.now()
    dag = dag or timezone.localdate(nu)
    identificatie = nieuwe_identificatie()
    _zet_identificatie(bericht, identificatie, dag)
    inhoud = bouw(bericht)
    header = bericht.header  # type: ignore[attr-defined]
    return {
        "richting": Richting.UIT,
        "kanaal": Kanaal.EENPLAN,
        "gemeente": gemeente,
        "aanbieder": aanbieder,
        "soort": bericht.naam,
        "code": type(bericht).CODE,
        "wet": bericht.wet,  # type: ignore[attr-defined]
        # A retour header repeats the heenbericht's parties; the file is the municipality's.
        "afzender": gemeentecode(gemeente) if gemeente else header.ontvanger,
        "ontvanger": getattr(aanbieder, "agb_code", "") or header.afzender,
        "identificatie": identificatie,
        "dagtekening": dag,
        "bestandsnaam": f"{bericht.naam}_{identificatie}.xml",
        "inhoud": inhoud,
        "sha256": sha256(inhoud),
        "status": BerichtStatus.KLAAR,
        "retourcodes": sorted(set(_codes(bericht))),
        "beschikking": beschikking,
        "antwoord_op": antwoord_op,
        "moment": nu,
    }


def uitgaand_opslaan(
    bericht: LibBericht,
    *,
    gemeente: Gemeente | None,
    aanbieder: Any,
    inwoner_ids: Iterable[int] = (),
    beschikking: Any = None,
    antwoord_op: Bericht | None = None,
    nu: dt.datetime | None = None,
    tijdlijn: str = "",
) -> Bericht:
    """Give `bericht` a fresh identificatie and today's dagtekening, write it (UTF-8, CR/LF)
    and keep it in the outbox (status klaar) with its links. `tijdlijn`: the sentence for the
    dossier timeline of each resident it concerns."""
    rij = uitgaand_rij(
        bericht,
        gemeente=gemeente,
        aanbieder=aanbieder,
        beschikking=beschikking,
        antwoord_op=antwoord_op,
        nu=nu,
    )
    rij.save(force_insert=True)
    ids = list(dict.fromkeys(inwoner_ids))
    if ids:
        rij.inwoners.add(*ids)
        if tijdlijn:
            publiceer(rij, soorten.BERICHT_VERZONDEN, tijdlijn, ids)
    return rij


def _codes(obj: Any) -> list[str]:
    """Every return code in a (retour) message, except 0200 and 0233."""
    return retourcodes_in(obj)


def retourcodes_van(bericht: LibBericht) -> list[str]:
    """The return codes a retour or answer carries that reject something (not 0200/0233)."""
    return sorted(set(_codes(bericht)))


def publiceer(bericht: Bericht, soort: str, omschrijving: str, inwoner_ids: Iterable[int]) -> None:
    """One event per resident the message concerns, so it shows in each dossier's timeline."""
    for inwoner_id in dict.fromkeys(inwoner_ids):
        bus.publish(
            soort,
            record=bericht,
            omschrijving=omschrijving,
            inwoner=Inwoner(pk=inwoner_id),
            gegevens={"bericht": bericht.pk, "soort": bericht.soort},
        )
