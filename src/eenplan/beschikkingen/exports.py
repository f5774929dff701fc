"""Exports for the SVB (granted PGB budgets) and the CAK (the Wmo eigen bijdrage per household).

The national messages (iPgb for the SVB, iEb for the CAK) are not available in this project, so
both exports are a documented CSV (or JSON) instead; the columns are described in
docs/exports.md. Reading is separate from writing the access log:

- `svb_budgetten` and `cak_bijdragen` read (limited to the residents passed in, normally the
  login's need-to-know scope) and return frozen rows;
- `svb_csv`, `cak_csv`, `svb_json`, `cak_json` turn rows into text or plain data (pure);
- `export_log` writes one access-log row per resident in the export (doel "beschikking"),
  because an export is a read of personal data (AVG art. 5 lid 2, accountability);
- who may export at all is the rule (export, exporteren) of `privacy.access`, asked by the API's
  RolePermission and the page when the export is asked for, by `export_user` for the commands,
  and again by `svb_bestand` / `cak_bestand` for the login that asked, when the file is made (a
  refusal is logged);
- `svb_bestand` and `cak_bestand` make the whole file (decide, read, log, render): the one path
  of the background tasks `export_svb` / `export_cak` (`taken.py`, started from the page
  `/beschikkingen/exports/` and the API, issue 16) and of the management commands.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from eenplan.beschikkingen import services
from eenplan.beschikkingen.constants import Rechtmatigheid, Uitkomst
from eenplan.beschikkingen.models import BeschikteVoorziening
from eenplan.common.constants import Wet
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import huishouden_current
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Doel, Kanaal
from eenplan.voorzieningen.constants import BijdrageSoort, Leveringsvorm, VoorzieningSoort

DELIMITER = ";"
TOEGEKEND = (Uitkomst.TOEGEKEND, Uitkomst.DEELS)
MAATWERK = (VoorzieningSoort.COLLECTIEF, VoorzieningSoort.INDIVIDUEEL)
_MAAND = re.compile(r"^(\d{4})-(\d{2})$")


def bedrag(value: Decimal) -> str:
    """An amount in euro with two decimals and a decimal point (machine-readable)."""
    return f"{value.quantize(Decimal('0.01')):.2f}"


def parse_maand(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a month given as YYYY-MM; ValueError in Dutch otherwise."""
    match = _MAAND.match(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError("Geef de maand als JJJJ-MM, bijvoorbeeld 2024-05.")
    jaar, maand = int(match.group(1)), int(match.group(2))
    try:
        begin = dt.date(jaar, maand, 1)
        volgende = dt.date(jaar + (maand == 12), maand % 12 + 1, 1)
    except ValueError as exc:  # year 0000, or December 9999 (no next month)
        raise ValueError(f"De maand {value.strip()} bestaat niet in de kalender.") from exc
    return begin, volgende - dt.timedelta(days=1)


def _geldige_regels(inwoners: QuerySet[Inwoner]) -> QuerySet[BeschikteVoorziening]:
    """Granted provisions of sent decisions that still stand: not found unlawful, not replaced
    by a new decision (one that `herziet` it, or the new decision on a bezwaar against it)."""
    return (
        BeschikteVoorziening.objects.filter(
            beschikking__inwoner_id__in=inwoners.values("pk"),
            beschikking__verzonden_op__isnull=False,
            beschikking__herzien_door__isnull=True,
            uitkomst__in=TOEGEKEND,
            begin__isnull=False,
        )
        .exclude(beschikking__rechtmatigheid=Rechtmatigheid.ONRECHTMATIG)
        .exclude(beschikking__bezwaren__nieuwe_beschikking__isnull=False)
        .select_related("voorziening", "beschikking__inwoner", "beschikking__aanvraag")
    )


def _csv(kolommen: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(kolommen), delimiter=DELIMITER)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# --- SVB: granted PGB budgets -----------------------------------------------------------------

SVB_KOLOMMEN: tuple[str, ...] = (
    "bsn",
    "naam",
    "geboortedatum",
    "wet",
    "productcategorie",
    "productcode",
    "voorziening",
    "begindatum",
    "einddatum",
    "budget",
    "eenheid",
    "omvang",
    "frequentie",
    "beschikking",
)


@dataclass(frozen=True)
class SvbRegel:
    """One granted PGB budget active on the reference date."""

    inwoner_id: int
    bsn: str
    naam: str
    geboortedatum: dt.date
    wet: str
    productcategorie: str
    productcode: str
    voorziening: str
    begindatum: dt.date
    einddatum: dt.date | None
    budget: Decimal
    eenheid: str
    omvang: Decimal
    frequentie: str
    beschikking: int

    def as_dict(self) -> dict[str, str]:
        return {
            "bsn": self.bsn,
            "naam": self.naam,
            "geboortedatum": self.geboortedatum.isoformat(),
            "wet": self.wet,
            "productcategorie": self.productcategorie,
            "productcode": self.productcode,
            "voorziening": self.voorziening,
            "begindatum": self.begindatum.isoformat(),
            "einddatum": self.einddatum.isoformat() if self.einddatum else "",
            "budget": bedrag(self.budget),
            "eenheid": self.eenheid,
            "omvang": f"{self.omvang.normalize():f}",
            "frequentie": self.frequentie,
            "beschikking": str(self.beschikking),
        }


def svb_budgetten(*, inwoners: QuerySet[Inwoner], op: dt.date) -> list[SvbRegel]:
    """Granted PGB budgets active on `op` (begin on or before, no end or an end on or after),
    of sent decisions that still stand, for the residents in `inwoners`; one query."""
    regels = (
        _geldige_regels(inwoners)
        .filter(leveringsvorm=Leveringsvorm.PGB, pgb_budget__isnull=False, begin__lte=op)
        .exclude(einde__lt=op)
        .order_by("beschikking__inwoner__bsn", "begin", "id")
    )
    result = []
    for r in regels:
        inwoner = r.beschikking.inwoner
        result.append(
            SvbRegel(
                inwoner_id=inwoner.pk,
                bsn=inwoner.bsn,
                naam=inwoner.naam,
                geboortedatum=inwoner.geboortedatum,
                wet=r.beschikking.aanvraag.wet,
                productcategorie=r.voorziening.productcategorie,
                productcode=r.voorziening.productcode,
                voorziening=r.voorziening.naam,
                begindatum=r.begin,
                einddatum=r.einde,
                budget=r.pgb_budget,
                eenheid=r.eenheid,
                omvang=r.omvang or Decimal("0"),
                frequentie=r.frequentie,
                beschikking=r.beschikking_id,
            )
        )
    return result


def svb_csv(rows: Iterable[SvbRegel]) -> str:
    return _csv(SVB_KOLOMMEN, (r.as_dict() for r in rows))


def svb_json(rows: Iterable[SvbRegel]) -> list[dict[str, str]]:
    return [r.as_dict() for r in rows]


# --- CAK: the Wmo eigen bijdrage per household per month ----------------------------------------

CAK_KOLOMMEN: tuple[str, ...] = (
    "maand",
    "peildatum",
    "huishouden",
    "bsn_clienten",
    "bedrag_per_maand",
    "toelichting",
)


@dataclass(frozen=True)
class CakRegel:
    """What the CAK collects from one household for one month."""

    maand: str
    peildatum: dt.date
    huishouden: int | None
    clienten: tuple[tuple[int, str], ...]  # (inwoner id, BSN), sorted by BSN
    bedrag_per_maand: Decimal
    toelichting: tuple[str, ...]

    @property
    def inwoner_ids(self) -> list[int]:
        return [pk for pk, _ in self.clienten]

    def as_dict(self) -> dict[str, str]:
        return {
            "maand": self.maand,
            "peildatum": self.peildatum.isoformat(),
            "huishouden": "" if self.huishouden is None else str(self.huishouden),
            "bsn_clienten": ",".join(bsn for _, bsn in self.clienten),
            "bedrag_per_maand": bedrag(self.bedrag_per_maand),
            "toelichting": " ".join(self.toelichting),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "maand": self.maand,
            "peildatum": self.peildatum.isoformat(),
            "huishouden": self.huishouden,
            "bsn_clienten": [bsn for _, bsn in self.clienten],
            "bedrag_per_maand": bedrag(self.bedrag_per_maand),
            "toelichting": list(self.toelichting),
        }


def cak_bijdragen(*, inwoners: QuerySet[Inwoner], maand: str) -> list[CakRegel]:
    """Per household, the Wmo abonnementstarief the CAK collects for `maand` (YYYY-MM).

    Clients: residents in `inwoners` with a granted Wmo maatwerk provision whose eigen bijdrage
    is the abonnementstarief, active on at least one day of the month, of a sent decision that
    still stands. Clients of one household (on the day their provision is first active in the
    month) share one row: one contribution per household (Uitvoeringsbesluit Wmo 2015 art. 3.8).
    The amount is `services.eigen_bijdrage_voor` on the `peildatum`, the first day in the month
    on which a client of the household has such a provision. Households that owe nothing (the
    partner exemption, or no tariff known) are left out: there is nothing to collect."""
    begin, einde = parse_maand(maand)
    regels = (
        _geldige_regels(inwoners)
        .filter(
            beschikking__aanvraag__wet=Wet.WMO,
            voorziening__soort__in=MAATWERK,
            voorziening__eigen_bijdrage=BijdrageSoort.ABONNEMENT,
            begin__lte=einde,
        )
        .exclude(einde__lt=begin)
        .order_by("begin", "id")
    )
    eerste: dict[int, tuple[dt.date, Inwoner]] = {}
    for r in regels:
        inwoner = r.beschikking.inwoner
        dag = max(begin, r.begin)  # begin is not null (filtered)
        if inwoner.pk not in eerste or dag < eerste[inwoner.pk][0]:
            eerste[inwoner.pk] = (dag, inwoner)
    groepen: dict[tuple[str, int], list[tuple[dt.date, Inwoner]]] = {}
    huishoudens: dict[tuple[str, int], int | None] = {}
    for dag, inwoner in sorted(eerste.values(), key=lambda x: (x[0], x[1].pk)):
        huishouden = huishouden_current(inwoner=inwoner, vandaag=dag)
        sleutel = ("huishouden", huishouden.pk) if huishouden else ("inwoner", inwoner.pk)
        groepen.setdefault(sleutel, []).append((dag, inwoner))
        huishoudens[sleutel] = huishouden.pk if huishouden else None
    result = []
    for sleutel, leden in groepen.items():
        peildatum, eerste_client = min(leden, key=lambda x: (x[0], x[1].pk))
        uitkomst = services.eigen_bijdrage_voor(eerste_client, peildatum)
        if (
            uitkomst is None
            or not uitkomst.via_cak
            or uitkomst.bedrag_per_maand is None  # the CAK sets it, or the year's tariff is missing
            or uitkomst.bedrag_per_maand <= 0
        ):
            continue
        result.append(
            CakRegel(
                maand=f"{begin:%Y-%m}",
                peildatum=peildatum,
                huishouden=huishoudens[sleutel],
                clienten=tuple(sorted(((i.pk, i.bsn) for _, i in leden), key=lambda c: c[1])),
                bedrag_per_maand=uitkomst.bedrag_per_maand,
                toelichting=uitkomst.toelichting,
            )
        )
    return sorted(result, key=lambda r: r.clienten[0][1])


def cak_csv(rows: Iterable[CakRegel]) -> str:
    return _csv(CAK_KOLOMMEN, (r.as_dict() for r in rows))


def cak_json(rows: Iterable[CakRegel]) -> list[dict[str, Any]]:
    return [r.as_json() for r in rows]


# --- the access log -----------------------------------------------------------------------------


def export_log(user: AbstractBaseUser, inwoner_ids: Iterable[int], *, via: access.Via) -> None:
    """One access-log row per resident in the export (doel "beschikking"), in one INSERT."""
    access.log_shown(
        user, sorted(set(inwoner_ids)), resource=Resource.EXPORT, via=via, doel=Doel.BESCHIKKING
    )


def command_via(command: str) -> access.Via:
    """The path logged for an export from the command line."""
    return access.Via(kanaal=Kanaal.API, pad=command)


def export_user(username: str, *, command: str) -> AbstractBaseUser:
    """The login an export from the command line runs as (and is logged under): it must exist,
    be active and be allowed to export (the back office: (export, exporteren) in
    `privacy.access`; a refusal is logged); ValueError in Dutch otherwise."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValueError(f"Gebruiker '{username}' bestaat niet of is niet actief.")
    decision = access.decide(user, Resource.EXPORT, Action.EXPORTEREN, via=command_via(command))
    if not decision.allowed:
        raise ValueError(
            f"Gebruiker '{username}' mag geen exports maken (alleen de backoffice). "
            f"{decision.reason}"
        )
    return user


# --- the whole file: the tasks and the commands ---------------------------------------------------

FORMATEN = ("csv", "json")
EXPORT_SVB, EXPORT_CAK = "export_svb", "export_cak"  # the kinds of task (beschikkingen/taken.py)
GEEN_EXPORTRECHT = "U mag geen exports maken: dat doet alleen de backoffice. {reden}"


@dataclass(frozen=True)
class Exportbestand:
    """An export as a file: its name, bytes, media type and the number of rows in it."""

    naam: str
    inhoud: bytes
    content_type: str
    aantal: int


def mag_exporteren(user: AbstractBaseUser, *, via: access.Via) -> None:
    """The rule (export, exporteren) of `privacy.access` for `user`; a refusal is logged and
    raised as PermissionDenied with the reason in Dutch."""
    decision = access.decide(user, Resource.EXPORT, Action.EXPORTEREN, via=via)
    if not decision.allowed:
        raise PermissionDenied(GEEN_EXPORTRECHT.format(reden=decision.reason).strip())


def _bestand(basis: str, formaat: str, aantal: int, tekst: Any, data: Any) -> Exportbestand:
    if formaat not in FORMATEN:
        raise ValueError("Kies het formaat csv of json.")
    if formaat == "json":
        inhoud = json.dumps(data(), ensure_ascii=False, indent=2) + "\n"
        return Exportbestand(f"{basis}.json", inhoud.encode(), "application/json", aantal)
    return Exportbestand(f"{basis}.csv", tekst().encode(), "text/csv; charset=utf-8", aantal)


def svb_bestand(
    user: AbstractBaseUser, *, op: dt.date, formaat: str = "csv", via: access.Via
) -> Exportbestand:
    """The SVB export on `op` as a file for `user`: may they export (logged when refused), the
    budgets within their need-to-know scope, one access-log row per resident (`via`: the page,
    API call or command it was asked on), then the CSV or JSON of docs/exports.md."""
    mag_exporteren(user, via=via)
    with transaction.atomic():
        rows = svb_budgetten(inwoners=access.inwoners_in_scope(user), op=op)
        export_log(user, [r.inwoner_id for r in rows], via=via)
    return _bestand(
        f"svb-pgb-{op.isoformat()}", formaat, len(rows), lambda: svb_csv(rows),
        lambda: svb_json(rows),
    )  # fmt: skip


def cak_bestand(
    user: AbstractBaseUser, *, maand: str, formaat: str = "csv", via: access.Via
) -> Exportbestand:
    """The CAK export of `maand` (JJJJ-MM) as a file for `user`, as `svb_bestand`: decided,
    read within the scope, every client logged, rendered."""
    mag_exporteren(user, via=via)
    with transaction.atomic():
        rows = cak_bijdragen(inwoners=access.inwoners_in_scope(user), maand=maand)
        export_log(user, [pk for r in rows for pk in r.inwoner_ids], via=via)
    return _bestand(
        f"cak-eigen-bijdrage-{maand}", formaat, len(rows), lambda: cak_csv(rows),
        lambda: cak_json(rows),
    )  # fmt: skip


def export_starten(
    *,
    soort: str,
    door: AbstractBaseUser,
    gemeente: Any,
    params: dict[str, str],
    via: access.Via,
    herkomst: str = "",
) -> Any:
    """Queue the export `soort` (EXPORT_SVB with `op`, EXPORT_CAK with `maand`; `format`) for
    `door` in `gemeente`: a task whose progress and file they see at /taken/<id>/ (ADR 0048).
    Refused (and logged) when their role may not export (`taak_start`); the worker decides
    again for them when it makes the file, and logs every resident under the path it was asked
    on (`via`)."""
    from eenplan.taken.services import taak_start

    return taak_start(
        soort=soort,
        door=door,
        gemeente=gemeente,
        params={**params, "pad": via.pad, "kanaal": str(via.kanaal)},
        herkomst=herkomst,
        via=via,
    )
